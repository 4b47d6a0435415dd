"""Dates that resolve right: direction from tense, forward-looking month-days, ranges, counted
and compound forms, and publication dates at the edges of the calendar. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from claimcheck.extraction.dates.component import find_dates
from claimcheck.model import PartialDate


def parse(nlp, text: str, published: str | None) -> list:
    doc = nlp.make_doc(text)
    doc._.published = PartialDate.parse(published) if published else None
    return find_dates(nlp(doc))


def dates_in(nlp, text: str, published: str | None) -> dict[str, str | None]:
    return {mention.text: mention.value for mention in parse(nlp, text, published)}


# --- the edges of the calendar ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "text"),
    [
        ("Prices will rise again next year.", "9999-12-31", "next year"),
        ("The vote is tomorrow.", "9999-12-31", "tomorrow"),
        ("Prices fell last year.", "0001-01-01", "last year"),
        ("The plant closed three years ago.", "0001-01-01", "three years ago"),
        ("The plant closed this year.", "0001-01-01", "this year"),
    ],
)
def test_a_date_beyond_the_years_a_value_can_name_stays_unresolved(nlp, sentence, published, text):
    mentions = {mention.text: mention for mention in parse(nlp, sentence, published)}
    assert text in mentions, mentions
    assert mentions[text].value is None
    assert "outside the years" in (mentions[text].reason or "")


# --- tense decides the direction of a bare weekday or month-day -----------------------------------


# 2019-07-24 is a Wednesday.
@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The committee met on Tuesday behind closed doors.", "Tuesday", "2019-07-23"),
        ("The committee will vote on Tuesday on the bill.", "Tuesday", "2019-07-30"),
        ("The committee is going to vote on Tuesday.", "Tuesday", "2019-07-30"),
        ("The committee plans to vote on Friday.", "Friday", "2019-07-26"),
        ("The committee has voted on Monday.", "Monday", "2019-07-22"),
        # a plain present: the nearest one, here two days ahead rather than five back
        ("The court hears the appeal on Friday.", "Friday", "2019-07-26"),
        ("The court hears the appeal on Monday.", "Monday", "2019-07-22"),
        # "this coming" and "this past": the nearest one in that direction, not next week's
        ("They meet again this coming Friday.", "this coming Friday", "2019-07-26"),
        ("They met this past Monday.", "this past Monday", "2019-07-22"),
    ],
)
def test_tense_decides_which_weekday(nlp, sentence, text, value):
    found = dates_in(nlp, sentence, "2019-07-24")
    assert found.get(text) == value, found


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        # forward-looking: a deadline weeks after publication is in the publication year
        ("Companies must file their reports by Dec. 15.", "2019-11-20", "Dec. 15", "2019-12-15"),
        ("Residents have until Dec. 31 to apply.", "2019-11-20", "Dec. 31", "2019-12-31"),
        ("The program will run until Jan. 10.", "2019-11-20", "Jan. 10", "2020-01-10"),
        ("The deadline is Dec. 1, the agency says.", "2019-11-20", "Dec. 1", "2019-12-01"),
        # the past stays in the past
        ("The offer expired on Dec. 15.", "2019-11-20", "Dec. 15", "2018-12-15"),
        ("The store closed on Nov. 2.", "2019-11-20", "Nov. 2", "2019-11-02"),
    ],
)
def test_a_forward_looking_month_day_is_not_pushed_into_last_year(
    nlp, sentence, published, text, value
):
    found = dates_in(nlp, sentence, published)
    assert found.get(text) == value, found


# --- counted and compound forms -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The fair returns three Fridays from now.", "three Fridays from now", "2013-03-01"),
        ("The panel last met two Thursdays ago.", "two Thursdays ago", "2013-01-31"),
        ("He will arrive three weeks from tomorrow.", "three weeks from tomorrow", "2013-03-06"),
        ("The vote comes two days after Valentine's Day.", "two days after Valentine's Day", None),
        ("It closed 2 weeks before May 13 1999.", "2 weeks before May 13 1999", "1999-04-29"),
        ("They will meet on the 20th of next month.", "the 20th of next month", "2013-03-20"),
        (
            "It happened on the 15th of the previous month.",
            "the 15th of the previous month",
            "2013-01-15",
        ),
        (
            "Rents are due on the twenty-sixth day of the month.",
            "the twenty-sixth day of the month",
            "2013-02-26",
        ),
        ("The day after tomorrow is a holiday.", "The day after tomorrow", "2013-02-14"),
        ("Results are due day after tomorrow.", "day after tomorrow", "2013-02-14"),
        # "after next": the second one to come, not next week's
        ("The board meets Thursday after next.", "Thursday after next", "2013-02-21"),
        ("The lease ends in April after next.", "April after next", "2014-04"),
        ("They met the day before yesterday.", "the day before yesterday", "2013-02-10"),
    ],
)
def test_counted_and_compound_forms(nlp, sentence, text, value):
    found = dates_in(nlp, sentence, "2013-02-12")  # a Tuesday
    assert text in found, found
    if value is not None:
        assert found[text] == value


def test_a_count_from_a_holiday_shifts_the_holiday(nlp):
    found = dates_in(nlp, "Stores reopened two days after Christmas.", "2013-02-12")
    assert found == {"two days after Christmas": "2012-12-27"}


# --- weekdays that fix a day, and weeks that fix a weekday ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The vote is set for Friday the 22nd.", "Friday the 22nd", "2013-02-22"),
        ("We met on Monday the eleventh.", "Monday the eleventh", "2013-02-11"),
        (
            "The strike began on Thursday the thirty-first.",
            "Thursday the thirty-first",
            "2013-01-31",
        ),
        # the weekday fixes the year of a month-day without one
        ("The board met on Thu, Oct 3.", "Thu, Oct 3", "2013-10-03"),
        ("Doors open Friday, July 18.", "Friday, July 18", "2014-07-18"),
        ("The talks will resume next week on Wednesday.", "next week on Wednesday", "2013-02-20"),
        ("They met on Sunday from last week.", "Sunday from last week", "2013-02-10"),
        ("Results come Wednesday evening next week.", "Wednesday evening next week", "2013-02-20"),
    ],
)
def test_weekdays_with_a_day_or_a_week(nlp, sentence, text, value):
    found = dates_in(nlp, sentence, "2013-02-12")
    assert found.get(text) == value, found


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The board meets Thu. at noon.", "Thu"),
        ("Polls close Tues., the commission said.", "Tues"),
        ("Shares fell on Fri. after the report.", "Fri"),
    ],
)
def test_abbreviated_weekdays(nlp, sentence, text):
    assert text in dates_in(nlp, sentence, "2013-02-12")


@pytest.mark.parametrize(
    "sentence", ["He sat. Then he left.", "The sun. It rose.", "We wed, then moved away."]
)
def test_weekday_abbreviations_that_are_words_are_not_dates(nlp, sentence):
    assert dates_in(nlp, sentence, "2013-02-12") == {}


# --- years in words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        (
            "The plant opened in October two thousand and five.",
            "October two thousand and five",
            "2005-10",
        ),
        (
            "She was born on January twenty five nineteen eighty six.",
            "January twenty five nineteen eighty six",
            "1986-01-25",
        ),
        (
            "The ship sailed on 6 April seventeen hundred thirty three.",
            "6 April seventeen hundred thirty three",
            "1733-04-06",
        ),
        ("They left in nineteen ninety six.", "nineteen ninety six", "1996"),
    ],
)
def test_spelled_out_years(nlp, sentence, text, value):
    found = dates_in(nlp, sentence, "2019-05-30")
    assert found.get(text) == value, found


# --- ranges: the start is the value, the end is recorded ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "end"),
    [
        (
            "Rents climbed between March 2016 and June 2017.",
            "between March 2016 and June 2017",
            "2016-03",
            "2017-06",
        ),
        # the year of the end lends itself to a start without one, a year back over New Year
        ("The drought lasted from May to August 2015.", "May to August 2015", "2015-05", "2015-08"),
        ("Snow fell from November to March 2015.", "November to March 2015", "2014-11", "2015-03"),
        ("The museum closed Mar-Apr 2012 for repairs.", "Mar-Apr 2012", "2012-03", "2012-04"),
    ],
)
def test_a_range_is_valued_by_its_start_and_names_its_end(nlp, sentence, text, value, end):
    mentions = {mention.text: mention for mention in parse(nlp, sentence, "2019-07-24")}
    assert text in mentions, mentions
    assert mentions[text].value == value
    assert f"ending {end}" in (mentions[text].reason or "")


# --- counting back from the end, and dates moved by an offset from now ---------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        (
            "Sales peaked in the second last week of 2016.",
            "the second last week of 2016",
            "2016-W51",
        ),
        (
            "The vote fell on the second-to-last Monday of May 2019.",
            "the second-to-last Monday of May 2019",
            "2019-05-20",
        ),
        ("Books closed on the 3rd last day of 2019.", "the 3rd last day of 2019", "2019-12-29"),
    ],
)
def test_an_ordinal_before_last_counts_back_from_the_end(nlp, sentence, text, value):
    found = dates_in(nlp, sentence, "2020-03-01")
    assert found.get(text) == value, found


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # the first such date on or after the day that far from publication (2013-02-12)
        ("The fair will return at Easter in two years.", "Easter in two years", "2015-04-05"),
        ("The lease ends in June in a year.", "June in a year", "2014-06"),
        (
            "Christmas three years from now falls on a Sunday.",
            "Christmas three years from now",
            "2016-12-25",
        ),
        # a weekday moved by an offset is that week's weekday
        ("Payments resume Friday two weeks from now.", "Friday two weeks from now", "2013-03-01"),
        # looking back: the one in the year that far back
        ("They married at Christmas two years ago.", "Christmas two years ago", "2011-12-25"),
    ],
)
def test_a_date_moved_by_an_offset_from_now(nlp, sentence, text, value):
    found = dates_in(nlp, sentence, "2013-02-12")
    assert found.get(text) == value, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Sales rose in March in a year of turmoil.",  # "a year of ..." is a noun phrase
        "The bridge was built in March in two years.",  # a duration in a past sentence
    ],
)
def test_in_a_year_that_is_no_offset_leaves_the_date_alone(nlp, sentence):
    assert dates_in(nlp, sentence, "2013-02-12") == {"March": "2012-03"}


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The order was signed 9may 2016 in Paris.", "9may 2016", "2016-05-09"),
        ("Doors open Aug 14, Thu at the venue.", "Aug 14, Thu", "2014-08-14"),
        (
            "Pilgrims came at Easter two thousand twelve.",
            "Easter two thousand twelve",
            "2012-04-08",
        ),
        ("Fasting marked Tisha B'Av in 2020.", "Tisha B'Av in 2020", "2020-07-30"),
    ],
)
def test_glued_day_months_trailing_weekdays_and_holiday_spellings(nlp, sentence, text, value):
    found = dates_in(nlp, sentence, "2013-02-12")
    assert found.get(text) == value, found


# --- years and months that name something else --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Astronomers tracked the asteroid 1999 RQ36 for a week.",
        "The envoy June Almeida, a former minister, praised the plan.",
        "The aid chief Jan Kowalski said donors were slow.",
    ],
)
def test_designations_and_first_names_are_not_dates(nlp, sentence):
    assert dates_in(nlp, sentence, "2013-02-12") == {}


@pytest.mark.parametrize(
    ("sentence", "text"),
    [("In March Smith resigned.", "March"), ("Exports in Jan fell sharply.", "Jan")],
)
def test_a_month_after_a_preposition_stays_a_date(nlp, sentence, text):
    assert text in dates_in(nlp, sentence, "2013-02-12")


# --- weekends: the ISO week that holds them ------------------------------------------------------


# 2021-09-06 is a Monday (Labor Day), 2021-09-08 a Wednesday; Thanksgiving 2021 is Thursday 25
# November; Christmas 2004 a Saturday.
@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        ("Two men were arrested over the weekend.", "2021-09-06", "the weekend", "2021-W35"),
        ("The fair opens this weekend.", "2021-09-08", "this weekend", "2021-W36"),
        ("Traffic was heavy last weekend.", "2021-09-08", "last weekend", "2021-W35"),
        ("More rain is expected next weekend.", "2021-09-08", "next weekend", "2021-W36"),
        (
            "Traffic was heavy over the Labor Day weekend.",
            "2021-09-08",
            "the Labor Day weekend",
            "2021-W35",
        ),  # a Monday holiday: the weekend before it
        (
            "Stores were full on the Thanksgiving weekend.",
            "2021-12-01",
            "the Thanksgiving weekend",
            "2021-W47",
        ),  # a Thursday holiday: the weekend after it
        (
            "It made $44.7 million over the Christmas weekend.",
            "2004-12",
            "the Christmas weekend",
            "2004-W52",
        ),
        (
            "It is showing in 3,524 venues over the New Year weekend.",
            "2004-12",
            "the New Year weekend",
            "2004-W53",
        ),  # told in the present: the nearest New Year
    ],
)
def test_a_weekend_is_the_iso_week_that_holds_it(nlp, sentence, published, text, value):
    assert dates_in(nlp, sentence, published).get(text) == value


def test_a_weekend_without_a_publication_day_or_counted_is_no_value(nlp):
    month_only = {m.text: m for m in parse(nlp, "New films open this weekend.", "2004-12")}
    assert month_only["this weekend"].value is None
    assert "known only to the month" in (month_only["this weekend"].reason or "")
    counted = dates_in(nlp, "The film topped the charts for three weekends.", "2021-09-08")
    assert all(value is None for value in counted.values())
    assert "a weekend" not in " ".join(
        dates_in(nlp, "They planned a weekend getaway.", "2021-09-08")
    )


def test_a_number_possessing_a_title_is_the_year_of_the_work(nlp):
    """'the sequel to 2000's Meet the Parents': the year is the film's, as written (a three-digit
    one too, so that a comparison can show it a slip); not a number in a name or an amount, and
    not the date the story is told from."""
    found = dates_in(
        nlp,
        "Fockers is the sequel to 200's Meet the Parents. The sequel to 2000's Meet the Parents "
        "opened on Friday. A Boeing 747's engines failed, and 100's of people waited.",
        "2005-01-07",
    )
    assert found["200"] == "0200" and found["2000"] == "2000"
    assert found["Friday"] == "2005-01-07"
    assert "747" not in found and "100" not in found
