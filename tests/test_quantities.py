"""Quantities: digits with the thing they count, and nothing that only looks like one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimcheck.model import Quantity


def quantities_in(nlp: Language, text: str) -> list[Quantity]:
    return nlp(text)._.quantities


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        (
            "Officials deported 17,000 immigrants last year.",
            "17,000 immigrants",
            17_000,
            "immigrants",
        ),
        ("The camp is 11 miles away from the border.", "11 miles", 11, "miles"),
        ("Applications saw a 204 percent increase.", "204 percent", 204, "percent"),
        ("Unemployment fell to 5% in the north.", "5%", 5, "percent"),
        ("Tariffs rose by 25 per cent overnight.", "25 per cent", 25, "percent"),
        ("Mexico has 45 days to respond.", "45 days", 45, "days"),
        (
            "Mexico received 18,503 asylum seekers.",
            "18,503 asylum seekers",
            18_503,
            "asylum seekers",
        ),
        ("The plant will add 3 more service jobs.", "3 more service jobs", 3, "jobs"),
        ("Some 1.5 million people marched.", "1.5 million people", 1_500_000, "people"),
        ("The program planted 50,000 hectares of trees.", "50,000 hectares", 50_000, "hectares"),
    ],
)
def test_quantity_text_value_and_unit(
    nlp: Language, sentence: str, text: str, value: float, unit: str
) -> None:
    (quantity,) = quantities_in(nlp, sentence)
    assert (quantity.text, quantity.value) == (text, value)
    assert quantity.unit.endswith(unit)


def test_offsets_index_the_doc_text(nlp: Language) -> None:
    doc = nlp("About 12,000 people signed up and 20,000 jobs were promised.")
    assert len(doc._.quantities) == 2
    for quantity in doc._.quantities:
        assert doc.text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Close to 17,000 immigrants were deported.", "close to"),
        ("Over 17,000 immigrants were deported.", "over"),
        ("Around 17,000 immigrants were deported.", "around"),
        ("An estimated 17,000 immigrants were deported.", "an estimated"),
        ("Fewer than 17,000 immigrants were deported.", "fewer than"),
        ("Exactly 17,000 immigrants were deported.", None),
    ],
)
def test_qualifier_is_kept_apart_from_text(
    nlp: Language, sentence: str, qualifier: str | None
) -> None:
    (quantity,) = quantities_in(nlp, sentence)
    assert (quantity.text, quantity.qualifier) == ("17,000 immigrants", qualifier)


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2016, the department issued two memos.",
        "It happened in 2019.",
        "The letter was sent on July 16, 2019.",
        "The meeting starts at 5 p.m. on Friday.",
        "For details call 555-1234 today.",
        "It was the 1st time they met.",
        "The talks lasted two weeks.",
        "The COVID-19 outbreak spread fast.",
        "See https://example.com/page/2019/12 for more.",
        "Thanks for reading.\n\n3 Comments\n\nGreat piece.",
        "1. The first point is simple.",
    ],
)
def test_no_quantity_where_there_is_none(nlp: Language, sentence: str) -> None:
    assert quantities_in(nlp, sentence) == []


def test_a_text_that_is_only_a_figure_is_still_read(nlp: Language) -> None:
    assert [q.text for q in quantities_in(nlp, "100 percent")] == ["100 percent"]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("sales rose 6 . 2 % to $ 1.45 billion .", "6 . 2 %", 6.2),
        ("capacity rose to around 80 , 000 spectators .", "80 , 000 spectators", 80_000),
        ("It ended in round 6. 20 people came.", "20 people", 20),
    ],
)
def test_numbers_split_by_tokenised_text_are_read_whole(
    nlp: Language, sentence: str, text: str, value: float
) -> None:
    (quantity,) = quantities_in(nlp, sentence)
    assert (quantity.text, quantity.value) == (text, value)


def test_over_as_a_preposition_is_no_hedge(nlp: Language) -> None:
    (quantity,) = quantities_in(nlp, "Police arrested around 20 people over 2 days.")[1:]
    assert (quantity.text, quantity.qualifier) == ("2 days", None)


def test_money_is_not_counted_again(nlp: Language) -> None:
    doc = nlp("The $20 million plan would help 17,000 immigrants.")
    assert [m.text for m in doc._.money] == ["$20 million"]
    assert [q.text for q in doc._.quantities] == ["17,000 immigrants"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The death toll rose to 40 on Monday.", [("40", 40, "death toll")]),
        # The model tags "40 overnight" as one TIME, words the parse does not join.
        ("The death toll rose to 40 overnight.", [("40", 40, "death toll")]),
        ("A ferry disaster left a death toll of 63.", [("63", 63, "death toll")]),
        ("Rescuers said the toll, then 12, was rising.", [("12", 12, "toll")]),
        ("Authorities put the number of victims at 1,250.", [("1,250", 1250, "number")]),
        ("A landslide killed 37 in the valley.", [("37", 37, "killed")]),
        ("Another 350 were evacuated overnight.", [("350", 350, "evacuated")]),
        (
            "Officials counted 14 dead and 6 missing after the fire.",
            [("14 dead", 14, "dead"), ("6 missing", 6, "missing")],
        ),
        (
            "The workforce was cut from 4,000 to 2,500 workers.",
            [("4,000", 4000, "workers"), ("2,500 workers", 2500, "workers")],
        ),
        (
            "Jobs at the mill fell from 9,000 to 1,200.",
            [("9,000", 9000, "Jobs"), ("1,200", 1200, "Jobs")],
        ),
    ],
)
def test_counts_named_by_their_clause_not_a_noun_after_them(
    nlp: Language, sentence: str, expected: list[tuple[str, float, str]]
) -> None:
    found = [(q.text, q.value, q.unit) for q in quantities_in(nlp, sentence)]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Eleven countries sent doctors.", [("Eleven countries", 11, "countries")]),
        ("A dozen planes landed.", [("A dozen planes", 12, "planes")]),
        ("Two dozen trucks followed.", [("Two dozen trucks", 24, "trucks")]),
        ("Two thousand families fled the valley.", [("Two thousand families", 2000, "families")]),
        ("Twenty-five miners were rescued.", [("Twenty-five miners", 25, "miners")]),
        # News writes one to nine in words in ordinary prose: no figure there.
        ("Three officials said the talks failed.", []),
        # A duration in words is no count, as "45 days" in digits is not.
        ("He spent fifteen years in prison.", []),
    ],
)
def test_counts_written_in_words(
    nlp: Language, sentence: str, expected: list[tuple[str, float, str]]
) -> None:
    found = [(q.text, q.value, q.unit) for q in quantities_in(nlp, sentence)]
    assert found == expected


def test_a_count_in_words_keeps_its_hedge(nlp: Language) -> None:
    (quantity,) = quantities_in(nlp, "Nearly two million people voted on Sunday.")
    assert (quantity.value, quantity.qualifier) == (2_000_000, "nearly")


def test_a_count_keeps_its_hedge(nlp: Language) -> None:
    (quantity,) = quantities_in(nlp, "At least 21 died when the bridge collapsed.")
    assert (quantity.text, quantity.value, quantity.qualifier) == ("21", 21, "at least")


@pytest.mark.parametrize(
    "sentence",
    [
        "The hearing starts at 5 on Friday.",
        "The hearing was moved to 5 p.m. on Friday.",
        "She was promoted to Level 3 last year.",
        "Call 911 if you see smoke.",
        "The sequel to 300's success opened.",
    ],
)
def test_numbers_that_tell_time_or_name_something_are_no_counts(
    nlp: Language, sentence: str
) -> None:
    assert quantities_in(nlp, sentence) == []


def test_odds_count_the_second_number(nlp: Language) -> None:
    found = [(q.text, q.value) for q in quantities_in(nlp, "It had a 1 in 50 chance of rain.")]
    assert found == [("50 chance", 50)]


TABLE = """Flood losses by district, as of Monday.

District killed missing total
North Valley 1,204 310 1,514
Riverside 87 * - 87
Eastport 9 2 11

Figures from the regional authority.
"""


def test_every_cell_of_a_table_is_a_count_of_its_column(nlp: Language) -> None:
    found = [(q.text, q.value, q.unit) for q in quantities_in(nlp, TABLE)]
    assert found == [
        ("1,204", 1204, "killed"),
        ("310", 310, "missing"),
        ("1,514", 1514, "total"),
        ("87", 87, "killed"),
        ("87", 87, "total"),
        ("9", 9, "killed"),
        ("2", 2, "missing"),
        ("11", 11, "total"),
    ]


def test_a_table_with_pipes_and_a_rule_line(nlp: Language) -> None:
    text = (
        "| Port | ships | crew |\n|---|---|---|\n| Hamburg | 41 | 1,380 |\n"
        "| Rotterdam | 58 | 2,011 |\n"
    )
    found = [(q.text, q.unit) for q in quantities_in(nlp, text)]
    assert found == [("41", "ships"), ("1,380", "crew"), ("58", "ships"), ("2,011", "crew")]


def test_lines_of_prose_ending_in_numbers_are_no_table(nlp: Language) -> None:
    text = "The reading went on to page 12\nThe second reading ended on page 31\nNo vote on 47"
    assert [q.text for q in quantities_in(nlp, text)] == []


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The lake district recorded 34’200 visitors in May.", "34’200 visitors", 34_200),
        ("The lake district recorded 34'200 visitors in May.", "34'200 visitors", 34_200),
        ("The lake district recorded 34\u2009200 visitors in May.", "34\u2009200 visitors", 34_200),
        ("The lake district recorded 34\u202f200 visitors in May.", "34\u202f200 visitors", 34_200),
        ("The lake district recorded 34 200 visitors in May.", "34 200 visitors", 34_200),
    ],
)
def test_apostrophes_and_thin_spaces_group_thousands(
    nlp: Language, sentence: str, text: str, value: float
) -> None:
    (quantity,) = quantities_in(nlp, sentence)
    assert (quantity.text, quantity.value, quantity.unit) == (text, value, "visitors")


def test_a_hyphenated_measure_with_a_scale_word(nlp: Language) -> None:
    sentence = "The carmaker will open a 2-million-square-foot warehouse in the spring."
    (quantity,) = quantities_in(nlp, sentence)
    assert (quantity.text, quantity.value, quantity.unit) == (
        "2-million-square-foot",
        2_000_000,
        "square-foot",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The coroner raised the toll by 6 to 31 late on Friday.",  # parsed as a range "6 to 31"
        "The coroner raised the toll by 6 to 31 on Friday.",  # parsed as two prepositions
    ],
)
def test_both_figures_of_a_change_by_and_to(nlp: Language, sentence: str) -> None:
    found = [(q.text, q.value, q.unit) for q in quantities_in(nlp, sentence)]
    assert found == [("6", 6, "change in toll"), ("31", 31, "toll")]


def test_a_count_that_a_copula_describes_takes_the_description(nlp: Language) -> None:
    sentence = "Rescuers said 55 died and 20 were missing."
    found = [(q.text, q.unit) for q in quantities_in(nlp, sentence)]
    assert found == [("55", "died"), ("20", "missing")]
    linking = "Officials said 14 remain missing."
    assert [(q.text, q.unit) for q in quantities_in(nlp, linking)] == [("14", "missing")]
