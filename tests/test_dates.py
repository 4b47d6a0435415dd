"""Dates: finding expressions in news prose and giving them TIMEX3 values at a publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extraction.dates.component import find_dates
from claimcheck.extraction.dates.timex import (
    Period,
    coarsen,
    month_near,
    nth_week,
    nth_weekday,
    period_of,
    season_near,
    shift,
    shift_by,
    weekday_near,
    with_year,
)
from claimcheck.model import PartialDate


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --- calendar arithmetic -------------------------------------------------------------------------


def test_previous_month_crosses_the_year_boundary():
    january = period_of(day("2019-01-15"), "month")
    assert shift(january, -1).timex == "2018-12"
    assert shift(period_of(day("2018-12-03"), "month"), 1).timex == "2019-01"


@pytest.mark.parametrize(
    ("date", "week"),
    [
        ("2018-12-31", "2019-W01"),  # a Monday that belongs to the next ISO year
        ("2021-01-03", "2020-W53"),  # a Sunday that belongs to the previous ISO year
        ("2018-12-13", "2018-W50"),
        ("2015-01-01", "2015-W01"),
    ],
)
def test_iso_weeks_at_year_ends(date, week):
    assert period_of(day(date), "week").timex == week


def test_previous_week_crosses_the_iso_year():
    assert shift(period_of(day("2019-01-02"), "week"), -1).timex == "2018-W52"


@pytest.mark.parametrize(
    ("date", "season"),
    [
        ("2018-03-01", "2018-SP"),
        ("2018-07-04", "2018-SU"),
        ("2018-11-30", "2018-FA"),
        ("2018-12-25", "2018-WI"),
        ("2019-02-10", "2018-WI"),  # winter is named after the year it starts in
    ],
)
def test_seasons(date, season):
    assert period_of(day(date), "season").timex == season


def test_this_last_and_next_season():
    december = PartialDate(2018, 12, 13)
    assert season_near("FA", december).timex == "2018-FA"
    assert season_near("SU", PartialDate(2013, 2, 12), -1).timex == "2012-SU"
    assert season_near("WI", PartialDate(2013, 2, 12)).timex == "2012-WI"
    assert season_near("SP", PartialDate(2013, 2, 12), 1).timex == "2013-SP"
    assert season_near("FA", PartialDate(2018)) is None


@pytest.mark.parametrize(
    ("date", "unit", "value"),
    [
        ("2019-06-30", "half", "2019-H1"),
        ("2019-07-01", "half", "2019-H2"),
        ("2020-08-15", "quarter", "2020-Q3"),
        ("2020-12-31", "quarter", "2020-Q4"),
    ],
)
def test_halves_and_quarters(date, unit, value):
    assert period_of(day(date), unit).timex == value


def test_shifting_quarters_and_halves_crosses_years():
    assert shift(period_of(day("2020-02-01"), "quarter"), -1).timex == "2019-Q4"
    assert shift(period_of(day("2019-08-01"), "half"), 1).timex == "2020-H1"


def test_same_period_in_another_year():
    assert with_year(period_of(day("2019-03-01"), "half"), 2018).timex == "2018-H1"
    assert with_year(Period(day("2020-02-29"), "day"), 2019).timex == "2019-02-28"
    assert with_year(period_of(day("2020-12-30"), "week"), 2019).timex == "2019-W52"


def test_shift_keeps_the_granularity_of_the_date_it_counts_from():
    assert shift_by(Period(day("2019-01-01"), "year"), "year", 2).timex == "2021"
    assert shift_by(Period(day("2019-07-16"), "day"), "week", 2).timex == "2019-07-30"
    assert shift_by(Period(day("2019-01-31"), "day"), "month", 1).timex == "2019-02-28"
    assert shift_by(Period(day("2019-01-01"), "year"), "month", 3) is None
    assert shift_by(Period(day("2019-06-01"), "month"), "week", 1) is None


def test_coarsen_never_invents_precision():
    assert coarsen(Period(day("2019-06-01"), "month"), "year").timex == "2019"
    assert coarsen(Period(day("2019-01-01"), "year"), "month") is None
    assert coarsen(Period(day("2019-06-01"), "month"), "week") is None


def test_month_without_a_year_is_the_latest_one_not_after_publication():
    assert month_near(5, PartialDate(2019, 7, 24)).timex == "2019-05"
    assert month_near(8, PartialDate(2019, 7, 24)).timex == "2018-08"
    assert month_near(8, PartialDate(2019, 7, 24), future=True).timex == "2019-08"
    assert month_near(12, PartialDate(2019, 1)).timex == "2018-12"


def test_weekday_near():
    tuesday = day("2013-02-12")
    assert weekday_near(0, tuesday) == day("2013-02-11")
    assert weekday_near(1, tuesday) == tuesday
    assert weekday_near(1, tuesday, -1) == day("2013-02-05")
    assert weekday_near(1, tuesday, 1) == day("2013-02-19")


# --- finding and resolving in sentences -----------------------------------------------------------


def dates_in(nlp, text: str, published: str | None) -> dict[str, str | None]:
    return {mention.text: mention.value for mention in parse(nlp, text, published)}


def parse(nlp, text: str, published: str | None) -> list:
    doc = nlp.make_doc(text)
    doc._.published = PartialDate.parse(published) if published else None
    return find_dates(nlp(doc))


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        (
            "The law was signed on July 16, 2019, in Washington.",
            "2020-01",
            "July 16, 2019",
            "2019-07-16",
        ),
        (
            "The ceasefire began on 16 July 2019 after talks.",
            "2020-01",
            "16 July 2019",
            "2019-07-16",
        ),
        ("The report is dated 2019-07-16 and runs long.", "2020-01", "2019-07-16", "2019-07-16"),
        ("Prices peaked in December 2018 before falling.", "2020-01", "December 2018", "2018-12"),
        ("The company was founded in 2016 by two students.", "2020-01", "2016", "2016"),
        (
            "Fires spread in the summer of 2014 across the state.",
            "2020",
            "the summer of 2014",
            "2014-SU",
        ),
        (
            "Sales rose in the first half of 2019 at the chain.",
            "2020",
            "the first half of 2019",
            "2019-H1",
        ),
        ("Revenue fell in Q3 2020 as stores closed.", "2021", "Q3 2020", "2020-Q3"),
        ("The mayor resigned last month amid the scandal.", "2019-01-10", "last month", "2018-12"),
        ("The council will vote this fall on the budget.", "2018-09-02", "this fall", "2018-FA"),
        (
            "Protests grew in late November across the city.",
            "2018-12-13",
            "late November",
            "2018-11",
        ),
        (
            "The deal collapsed at the end of August, officials said.",
            "2019-10",
            "the end of August",
            "2019-08",
        ),
        ("Earlier this week the minister quit.", "2018-12-13", "Earlier this week", "2018-W50"),
        ("In May, the president visited the border.", "2019-07-24", "May", "2019-05"),
        ("In September, the president visited the border.", "2019-07-24", "September", "2018-09"),
        ("The tariffs will take effect in September.", "2019-07-24", "September", "2019-09"),
        ("The strike ended yesterday in Paris.", "2019-07-24", "yesterday", "2019-07-23"),
        (
            "The firm was sold three years ago to investors.",
            "2019-07",
            "three years ago",
            "2016-07",
        ),
        ("The storm hit on Tuesday, flooding the town.", "2019-07-24", "Tuesday", "2019-07-23"),
        ("The storm hit on Tuesday, flooding the town.", "2019-07", "Tuesday", None),
        ("Talks resume next Wednesday in Geneva.", "2013-02-12", "next Wednesday", "2013-02-20"),
        ("The bridge closed last week for repairs.", "2013-02-12", "last week", "2013-W06"),
        ("The bridge closed in the last week for repairs.", "2013-02-12", "the last week", None),
        ("Arrests have doubled in recent years, police say.", "2019", "recent years", None),
        ("The caravan left Honduras months ago.", "2018-12-13", "months ago", None),
        ("Crossings fell in the last six months.", "2018-12-13", "the last six months", None),
        (
            "He was hired in the week of July 15, 2019, by the firm.",
            "2020",
            "the week of July 15, 2019",
            "2019-W29",
        ),
    ],
)
def test_date_forms(nlp, sentence, published, text, value):
    found = dates_in(nlp, sentence, published)
    assert text in found, found
    assert found[text] == value


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The vote is on the first of March.", "the first of March", "2019-03-01"),
        ("first of march", "first of march", "2019-03-01"),
        ("The second of May was sunny.", "The second of May", "2019-05-02"),
    ],
)
def test_an_ordinal_of_a_month_is_a_day_even_with_march_or_may_in_lower_case(
    nlp, sentence, text, value
):
    assert dates_in(nlp, sentence, "2019-07-24") == {text: value}


def test_an_ordinal_of_anything_else_is_no_date(nlp):
    assert dates_in(nlp, "He was the first of many to march.", "2019-07-24") == {}


def test_relative_dates_follow_the_previous_mention(nlp):
    text = (
        "Sales fell in the first half of 2019, compared with the same period in 2018. "
        "Arrests rose in June, compared with the same period last year. "
        "At the end of the same month, the plan was announced. "
        "The program started in 2015. Two years later, it was cancelled."
    )
    found = dates_in(nlp, text, "2019-07-24")
    assert found["the same period in 2018"] == "2018-H1"
    assert found["the same period last year"] == "2018-06"
    assert found["the end of the same month"] == "2019-06"
    assert found["Two years later"] == "2017"


@pytest.mark.parametrize(
    "sentence",
    [
        "The trial lasted two weeks and ended without a verdict.",
        "He served seven years in prison for fraud.",
        "The company has struggled for years to turn a profit.",
        "At the end of the day, voters want jobs.",
        "The 65-year-old senator was re-elected.",
        "She is 45 years old and lives in Ohio.",
        "The clinic opens each day at nine.",
        "Officials met for the first time in many years.",
        "He may resign, his aides said.",
    ],
)
def test_durations_ages_and_idioms_are_not_dates(nlp, sentence):
    assert dates_in(nlp, sentence, "2019-07-24") == {}


def test_relative_date_without_publication_date_has_a_reason(nlp):
    text = "The mayor resigned last month."
    (mention,) = parse(nlp, text, None)
    assert mention.value is None and mention.reason
    assert text[mention.start : mention.end] == mention.text


def test_weekday_with_month_anchor_says_why(nlp):
    (mention,) = parse(nlp, "The minister spoke on Wednesday.", "2017-02")
    assert mention.value is None
    assert "month" in mention.reason


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Exports grew from 2014 to 2018, the ministry said.", "from 2014 to 2018", "2014"),
        ("Talks ran between 2007 and 2009 without result.", "between 2007 and 2009", "2007"),
        ("The budget must pass by the end of the year.", "the end of the year", "2019"),
        ("The audit covered 2015-03 in detail.", "2015-03", "2015-03"),
        ("The filing is dated 7/16/2019 in the register.", "7/16/2019", "2019-07-16"),
        ("Fuel costs jumped in 2019-Q1 for airlines.", "2019-Q1", "2019-Q1"),
    ],
)
def test_ranges_edges_and_compact_forms(nlp, sentence, text, value):
    found = dates_in(nlp, sentence, "2019-07-24")
    assert text in found, found
    assert found[text] == value


def test_a_number_counting_things_is_not_a_year(nlp):
    assert dates_in(nlp, "The factory will deliver 2000 pieces of equipment.", "2019") == {}


@pytest.mark.parametrize("text", ["The talks ended ⑹ days ago.", "It happened ² weeks ago."])
def test_digit_like_symbols_are_not_numbers(nlp, text: str) -> None:
    """Found by the fuzz run: `str.isdigit` accepts characters `int` cannot read."""
    assert all(date.value is None or date.value[:1].isdecimal() for date in find_dates(nlp(text)))


# --- holidays, ordinal parts of periods, and periods named from context ---------------------------


@pytest.mark.parametrize(
    ("year", "month", "weekday", "nth", "expected"),
    [
        (2013, 11, 3, 4, "2013-11-28"),  # Thanksgiving: fourth Thursday
        (2019, 5, 0, -1, "2019-05-27"),  # Memorial Day: last Monday, in a 31-day month
        (2014, 3, 6, -1, "2014-03-30"),  # last Sunday when the month ends on a Monday
        (2014, 10, 2, 1, "2014-10-01"),  # the first Wednesday is the 1st itself
    ],
)
def test_nth_weekday_of_a_month(year, month, weekday, nth, expected):
    assert nth_weekday(year, month, weekday, nth) == day(expected)


def test_a_fifth_weekday_the_month_lacks_is_an_error():
    with pytest.raises(ValueError):
        nth_weekday(2019, 2, 0, 5)  # February 2019 has four Mondays


def test_weeks_of_a_month_hold_its_first_and_last_days_and_years_count_iso_weeks():
    october = Period(day("2021-10-01"), "month")
    assert nth_week(october, 1).timex == "2021-W39"  # Friday October 1 falls in that week
    assert nth_week(october, -1).timex == "2021-W43"
    assert nth_week(Period(day("2020-01-01"), "year"), -1).timex == "2020-W53"
    assert nth_week(october, 7) is None


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        ("Stores opened early on Thanksgiving 2013.", "2014-05", "Thanksgiving 2013", "2013-11-28"),
        ("Shoppers queued on Black Friday for deals.", "2013-12-10", "Black Friday", "2013-11-29"),
        (
            "The parade was cancelled last Thanksgiving.",
            "2013-02-12",
            "last Thanksgiving",
            "2012-11-22",
        ),
        (
            "Shops will close on Easter Monday, the council said.",
            "2019-03-12",
            "Easter Monday",
            "2019-04-22",
        ),
        ("Crowds marched on Good Friday in 2016.", "2019-01", "Good Friday in 2016", "2016-03-25"),
        (
            "The church marked Orthodox Easter 2018 quietly.",
            "2019",
            "Orthodox Easter 2018",
            "2018-04-08",
        ),
        (
            "The bars were full on St. Patrick's Day.",
            "2019-05-02",
            "St. Patrick's Day",
            "2019-03-17",
        ),
        ("Fireworks lit the sky on New Year's Eve.", "2019-02-02", "New Year's Eve", "2018-12-31"),
        ("The beaches will be packed on Memorial Day.", "2019-02-02", "Memorial Day", "2019-05-27"),
        (
            "He visited her on Mother's Day of last year.",
            "2019-02-02",
            "Mother's Day of last year",
            "2018-05-13",
        ),
        ("The strike began on Labor Day.", "2018", "Labor Day", None),
        # holidays of lunar calendars, from the `holidays` package's tables
        (
            "The family celebrated Eid al-Fitr 2018 together.",
            "2019",
            "Eid al-Fitr 2018",
            "2018-06-15",
        ),
        (
            "Markets closed for Chinese New Year's Day 2018.",
            "2019",
            "Chinese New Year's Day 2018",
            "2018-02-16",
        ),
        ("Sales peaked before Diwali.", "2019-12-02", "Diwali", "2019-10-27"),
        ("Flights will be full over Passover.", "2021-01-10", "Passover", "2021-03-28"),
        ("Shops stayed open during Ramadan in 2023.", "2024", "Ramadan in 2023", "2023-03-23"),
    ],
)
def test_holidays(nlp, sentence, published, text, value):
    found = dates_in(nlp, sentence, published)
    assert text in found, found
    assert found[text] == value


@pytest.mark.parametrize(
    ("sentence", "text", "why"),
    [
        ("The town held a fair for Diwali in 1850.", "Diwali in 1850", "no calendar table"),
        ("The fast ended with Eid last spring.", "Eid", "no calendar"),
    ],
)
def test_a_holiday_without_a_known_day_says_why_it_has_no_value(nlp, sentence, text, why):
    mentions = {mention.text: mention for mention in parse(nlp, sentence, "2019-05-02")}
    assert text in mentions, mentions
    assert mentions[text].value is None and why in (mentions[text].reason or "")


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        (
            "The vote took place on the first Monday of October 2014.",
            "2015",
            "the first Monday of October 2014",
            "2014-10-06",
        ),
        (
            "Polls close on the last Sunday of March.",
            "2014-05-01",
            "the last Sunday of March",
            "2014-03-30",
        ),
        (
            "The lease ends on the last day of the month.",
            "2019-02-10",
            "the last day of the month",
            "2019-02-28",
        ),
        ("Sales slumped in the last week of 2019.", "2020", "the last week of 2019", "2019-W52"),
        (
            "Fees rose in the first week of January 2015.",
            "2016",
            "the first week of January 2015",
            "2015-W01",
        ),
        (
            "Profit rose in the third quarter, the company said.",
            "2013-02-12",
            "the third quarter",
            "2012-Q3",
        ),
        (
            "Profit will rise in the first quarter, the company said.",
            "2013-02-12",
            "the first quarter",
            "2013-Q1",
        ),
        ("Third-quarter profit jumped 20% at the bank.", "2019-11-02", "Third-quarter", "2019-Q3"),
        (
            "Revenue should recover in next year's first quarter.",
            "2018-10-03",
            "next year's first quarter",
            "2019-Q1",
        ),
        ("Revenue fell in the 4th qtr 2018.", "2019", "the 4th qtr 2018", "2018-Q4"),
    ],
)
def test_ordinal_parts_of_a_period(nlp, sentence, published, text, value):
    found = dates_in(nlp, sentence, published)
    assert text in found, found
    assert found[text] == value


def test_last_week_alone_is_still_the_previous_week(nlp):
    assert dates_in(nlp, "The bridge closed last week in the storm.", "2013-02-12") == {
        "last week": "2013-W06"
    }


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        ("The budget is due by the end of the year.", "2013-02-12", "the end of the year", "2013"),
        ("The bill must pass by end of year.", "2013-02-12", "end of year", "2013"),
        ("Targets are due EOY, the memo says.", "2013-02-12", "EOY", "2013"),
        ("Talks resume the week after next.", "2013-02-12", "the week after next", "2013-W09"),
        ("He will return a week hence.", "2013-02-12", "a week hence", "2013-02-19"),
        ("The minister quit earlier in the week.", "2018-05-31", "earlier in the week", "2018-W22"),
        ("The city was founded in the 19th century.", "2013", "the 19th century", None),
        ("The report was filed on 23.04.2012 in Berlin.", "2013", "23.04.2012", "2012-04-23"),
        ("The index peaked in 2/2013 before falling.", "2014", "2/2013", "2013-02"),
    ],
)
def test_edges_abbreviations_and_numeric_forms(nlp, sentence, published, text, value):
    found = dates_in(nlp, sentence, published)
    assert text in found, found
    assert found[text] == value


def test_within_and_after_follow_the_previous_mention(nlp):
    text = (
        "The firm opened in 2015. Later in the year, it hired 50 people. "
        "The deal closed on May 3, 2016. Regulators had met the day before. "
        "The talks failed in March 2017. A fortnight later, the CEO quit."
    )
    found = dates_in(nlp, text, "2019-07-24")
    assert found["Later in the year"] == "2015"
    assert found["the day before"] == "2016-05-02"
    assert found["A fortnight later"] is None  # two weeks after a month is no month


def test_a_day_counted_from_an_event_has_no_value(nlp):
    found = parse(nlp, "He resigned the day before the vote.", "2019-07-24")
    assert [(m.text, m.value) for m in found] == [("the day before", None)]
    assert "event" in found[0].reason


def test_early_in_the_day_is_a_time_not_a_date(nlp):
    assert "early in the day" not in dates_in(nlp, "He left early in the day.", "2019-07-24")


# --- gated matching: the same matches as a whole-Doc Matcher, for less work ----------------------

GATED_TEXT = (
    "Easter 2018 fell on April 1. Last Thanksgiving, the week of November 28, 2019, and "
    "Memorial Day of last year all came up in the third quarter of next year's planning. "
    "Between 2007 and 2009, on 10/31/74 and 2019-07-16, sales fell; the same period a year "
    "earlier they rose. Two weeks later, in Q3-2018, the end of the month, EOY. New Year's Eve "
    "and St. Patrick's Day, the 20th century, early-March, the first Monday of October 2014. "
    "Christmas Day"
)


def _plain_matches(nlp, patterns: dict, doc) -> set:
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    for label, label_patterns in patterns.items():
        matcher.add(label, label_patterns)
    return set(matcher(doc))


def test_gated_date_matcher_finds_what_a_plain_matcher_finds(nlp):
    from claimcheck.extraction.dates.patterns import PATTERNS, date_matcher

    doc = nlp(GATED_TEXT)
    expected = _plain_matches(nlp, PATTERNS, doc)
    found = date_matcher(doc.vocab)(doc)
    assert set(found) == expected
    assert len(found) == len(expected) > 20  # no match twice, and the text holds many
    assert (doc[-2:].start, doc[-2:].end) in {(start, end) for _, start, end in found}


def test_a_pattern_without_a_bounded_gate_still_matches_over_the_whole_doc(nlp):
    from claimcheck.extraction.dates.gated_matcher import GatedMatcher, gate_of

    unbounded = [{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "+"}, {"LOWER": "budget"}]
    gated = [{"LOWER": "the"}, {"LOWER": "same"}, {"LOWER": {"IN": ["period", "quarter"]}}]
    assert gate_of(unbounded) is None
    gate = gate_of(gated)
    assert gate is not None and (gate.before, gate.after) == (2, 1)  # the rare word, not "the"
    patterns = {"UNBOUNDED": [unbounded], "SAME": [gated]}
    doc = nlp("He said the annual city budget grew in the same period, and the same quarter.")
    found = GatedMatcher(nlp.vocab, patterns)(doc)
    assert set(found) == _plain_matches(nlp, patterns, doc)
    assert len(found) >= 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The factory closed on March 3 after four decades.", {"March 3": "2031-03-03"}),
        ("He left on May 5 after three weeks in office.", {"May 5": "2031-05-05"}),
        (
            "The deal was signed two days after Christmas.",
            {"two days after Christmas": "2030-12-27"},
        ),
    ],
)
def test_a_stretch_of_time_after_a_date_says_how_long_not_when(nlp, text, expected):
    """The model tags "March 3 after four decades" as one date, which then reads as no day at
    all; the date is March 3. A count before its link still counts from the date."""
    assert dates_in(nlp, text, "2031-05-10") == expected
