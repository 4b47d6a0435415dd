"""Money amounts: every way news writes one, its full value, its ISO currency and its hedge."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimcheck.extraction.money.component import find_money
from claimcheck.extraction.numbers import words_value
from claimcheck.model import Money


def money_in(nlp: Language, text: str) -> list[Money]:
    return find_money(nlp(text))


@pytest.mark.parametrize(
    ("sentence", "text", "value", "currency"),
    [
        ("Mexico rejected a $20M offer from Washington.", "$20M", 20e6, "USD"),
        ("The plan would cost $20 million over two years.", "$20 million", 20e6, "USD"),
        ("They promised $30Billion for the region.", "$30Billion", 30e9, "USD"),
        ("The fund raised US$5bn last year.", "US$5bn", 5e9, "USD"),
        ("The deficit reached $1.5 trillion.", "$1.5 trillion", 1.5e12, "USD"),
        ("He was paid 5 million dollars for the rights.", "5 million dollars", 5e6, "USD"),
        ("Officials seized 20 million pesos in cash.", "20 million pesos", 20e6, "MXN"),
        ("The bank set aside €3.2 billion.", "€3.2 billion", 3.2e9, "EUR"),
        ("The house sold for £400,000 in May.", "£400,000", 400_000, "GBP"),
        ("A fine of MXN 500 applies.", "MXN 500", 500, "MXN"),
        ("Tickets cost 500 euros each.", "500 euros", 500, "EUR"),
        ("Sales reached C$16.4 million.", "C$16.4 million", 16.4e6, "CAD"),
        ("The mine earned CA$5 million.", "CA$5 million", 5e6, "CAD"),
        ("The deal is worth A$3 billion.", "A$3 billion", 3e9, "AUD"),
        ("Fares rose to MX$20.", "MX$20", 20, "MXN"),
        (
            "A loan of 125 million australian dollars.",
            "125 million australian dollars",
            125e6,
            "AUD",
        ),
        ("exports fell to hk $ 10.05 billion .", "hk $ 10.05 billion", 10.05e9, "HKD"),
        ("montgomery county sold $ 75 million of bonds .", "$ 75 million", 75e6, "USD"),
        ("The ticket was 115USD.", "115USD", 115, "USD"),
        ("The ticket was USD115.", "USD115", 115, "USD"),
        ("They lost 75 USD million last year.", "75 USD million", 75e6, "USD"),
        ("Revenue grew to 30 MUSD.", "30 MUSD", 30e6, "USD"),
        ("The shares fell 34 cents.", "34 cents", 0.34, "USD"),
        ("The bid was 470 pence a share.", "470 pence", 4.7, "GBP"),
        ("It cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
        (
            "It cost thirteen dollars and forty-five cents.",
            "thirteen dollars and forty-five cents",
            13.45,
            "USD",
        ),
        ("He handed me ten dollars.", "ten dollars", 10, "USD"),
        ("She won a million euros.", "a million euros", 1e6, "EUR"),
        ("It costs a quarter million us dollars.", "a quarter million us dollars", 250_000, "USD"),
        (
            "The budget is two and a half billion dollars.",
            "two and a half billion dollars",
            2.5e9,
            "USD",
        ),
        ("It was just 5 bucks.", "5 bucks", 5, "USD"),
        ("A 12-cent-a-share dividend was declared.", "12-cent", 0.12, "USD"),
        ("Five lakh rupees were recovered.", "Five lakh rupees", 500_000, "INR"),
        ("The price was Rs. 20 a kilo.", "Rs. 20", 20, "INR"),
        ("Each book costs 100 yuan.", "100 yuan", 100, "CNY"),
        ("It sold for 5,000 yen.", "5,000 yen", 5000, "JPY"),
    ],
)
def test_amount_text_value_and_currency(
    nlp: Language, sentence: str, text: str, value: float, currency: str
) -> None:
    found = money_in(nlp, sentence)
    assert [(m.text, m.currency) for m in found] == [(text, currency)]
    assert found[0].value == pytest.approx(value, rel=1e-9)
    assert found[0].high is None


def test_offsets_index_the_doc_text(nlp: Language) -> None:
    doc = nlp("Officials said US$5bn and $30Billion were pledged.")
    for money in find_money(doc):
        assert doc.text[money.start : money.end] == money.text


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("The repairs will cost $5-10 million.", "$5-10 million", 5e6, 10e6),
        ("Estimates range from $5 million to $10 million.", "$5 million to $10 million", 5e6, 10e6),
    ],
)
def test_range_keeps_both_ends(
    nlp: Language, sentence: str, text: str, low: float, high: float
) -> None:
    (money,) = money_in(nlp, sentence)
    assert (money.text, money.value, money.high) == (text, low, high)


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The program cost about $20 million.", "about"),
        ("The program cost nearly $20 million.", "nearly"),
        ("The program cost more than $20 million.", "more than"),
        ("The program cost up to $20 million.", "up to"),
        ("The program cost at least $20 million.", "at least"),
        ("The program cost close to $20 million.", "close to"),
        ("The program cost $20 million.", None),
    ],
)
def test_qualifier_is_kept_apart_from_text_and_value(
    nlp: Language, sentence: str, qualifier: str | None
) -> None:
    (money,) = money_in(nlp, sentence)
    assert (money.text, money.value, money.qualifier) == ("$20 million", 20e6, qualifier)
    assert money.approx is (qualifier is not None)


def test_two_amounts_side_by_side_stay_apart(nlp: Language) -> None:
    found = money_in(nlp, "It was 50 dollar 40 rmb and $ 20,000.00 $ 37,305.97 in expenses.")
    assert [(m.text, m.value, m.currency) for m in found] == [
        ("50 dollar", 50, "USD"),
        ("40 rmb", 40, "CNY"),
        ("$ 20,000.00", 20_000, "USD"),
        ("$ 37,305.97", 37_305.97, "USD"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "All 70 of us came.",
        "ALL 5 solutions are wrong.",
        "I tried to call Bob 3 times already.",
        "I counted the dollars thousand of times.",
        "The dollar fell 2 percent against the euro.",
        "He weighs 200 pounds.",
        "The team won 3 games.",
        "Give us a call at 5.",
    ],
)
def test_no_money_where_there_is_none(nlp: Language, sentence: str) -> None:
    assert money_in(nlp, sentence) == []


def test_cents_tail_does_not_swallow_a_count(nlp: Language) -> None:
    (money,) = money_in(nlp, "They paid $20 and 43 people came.")
    assert (money.text, money.value) == ("$20", 20)


def test_pronoun_us_is_not_a_dollar_prefix(nlp: Language) -> None:
    (money,) = money_in(nlp, "Please give us $5 now.")
    assert money.text == "$5"


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["1.5", "million"], 1.5e6),
        (["three", "quarters", "billion"], 7.5e8),
        (["a", "hundred"], 100),
        (["a", "two", "-", "million"], 2e6),
        (["a", "three", "billion"], 3e9),
        (["forty", "-", "five"], 45),
        (["one", "hundred", "and", "five"], 105),
        (["million"], None),
        (["five", "four"], None),
    ],
)
def test_words_value(words: list[str], value: float | None) -> None:
    assert words_value(words) == value


@pytest.mark.parametrize(
    ("sentence", "amounts"),
    [
        (
            "The deal was worth between $140 and $150 million.",
            [("$140", 140e6), ("$150 million", 150e6)],
        ),
        (
            "Bids came in at $1, $2 or $3 billion.",
            [("$1", 1e9), ("$2", 2e9), ("$3 billion", 3e9)],
        ),
        ("He paid $500 and spent $2 million more.", [("$500", 500), ("$2 million", 2e6)]),
        ("She got $1,500 and $2 million.", [("$1,500", 1500), ("$2 million", 2e6)]),
        ("It cost $5 and €10 million.", [("$5", 5), ("€10 million", 10e6)]),
    ],
)
def test_a_scale_word_after_coordinated_amounts_sizes_each(
    nlp: Language, sentence: str, amounts: list[tuple[str, float]]
) -> None:
    found = money_in(nlp, sentence)
    assert [(m.text, m.value) for m in found] == amounts


@pytest.mark.parametrize(
    ("sentence", "amounts"),
    [
        (
            "The bank lent 20 or 30 million euros to the city.",
            [("20", 20e6, "EUR"), ("30 million euros", 30e6, "EUR")],
        ),
        (
            "Officials said 2, 3 or 4 billion dollars were lost.",
            [("2", 2e9, "USD"), ("3", 3e9, "USD"), ("4 billion dollars", 4e9, "USD")],
        ),
        ("It cost 5 or 10 dollars.", [("5", 5, "USD"), ("10 dollars", 10, "USD")]),
        (
            "The $20 or 30 million dollars.",
            [("$20", 20e6, "USD"), ("30 million dollars", 30e6, "USD")],
        ),
        # A year or a count before the coordinator is not money.
        ("In 2019 and 20 million euros were spent.", [("20 million euros", 20e6, "EUR")]),
        ("He has 3 children and 10 dollars.", [("10 dollars", 10, "USD")]),
        ("Of the 5, 20 million euros went to schools.", [("20 million euros", 20e6, "EUR")]),
    ],
)
def test_a_bare_number_coordinated_with_an_amount_takes_its_currency(
    nlp: Language, sentence: str, amounts: list[tuple[str, float, str]]
) -> None:
    found = money_in(nlp, sentence)
    assert [(m.text, m.value, m.currency) for m in found] == amounts


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The team signed a $161-million contract.", "$161-million", 161e6),
        ("A 20-billion-dollar fund was set up.", "20-billion-dollar", 20e9),
        ("They fled with a two-million-euro booty.", "a two-million-euro", 2e6),
        ("Exports fell to $2 .6 million in May .", "$2 .6 million", 2.6e6),
        ("exports fell to $ 3 . 5 billion .", "$ 3 . 5 billion", 3.5e9),
        ("It sold for $2. 6 buyers came.", "$2", 2),
    ],
)
def test_hyphened_scales_and_spaced_decimals_are_read_whole(
    nlp: Language, sentence: str, text: str, value: float
) -> None:
    (money,) = money_in(nlp, sentence)
    assert (money.text, money.value) == (text, pytest.approx(value))


def test_a_long_token_is_cut_in_linear_time() -> None:
    # Was quadratic: a 100 kB token without digits took about two minutes in `cut_token`.
    from claimcheck.extraction.money.pieces import cut_token, needs_cut

    assert cut_token("x" * 200_000) == [(0, "x" * 200_000)]
    assert needs_cut("US$5bn") and needs_cut("30Billion") and not needs_cut("1,000.5")


def test_a_slipped_sign_takes_the_currency_of_its_sentence(nlp: Language) -> None:
    """A sign the model reads as a currency sign that no table knows (a "#" typed for "$") is
    read with the one currency of the other amounts in its sentence, and left out without."""
    found = money_in(nlp, "The film took $12.5 million on Friday and a total of #40.2 million.")
    assert [(m.text, m.value, m.currency) for m in found] == [
        ("$12.5 million", 12.5e6, "USD"),
        ("#40.2 million", 40.2e6, "USD"),
    ]
    alone = money_in(nlp, "The film has taken a total of #40.2 million so far.")
    assert all(m.currency for m in alone)  # never an amount without a currency
