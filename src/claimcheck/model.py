"""Data types shared by every stage of claimcheck.

All records are frozen dataclasses: hashable, picklable (so worker processes can return them) and
turned into plain dicts by `dataclasses.asdict` for the ledger. Character offsets (`start`, `end`)
always index the article *body* (the text after any front matter), end exclusive, so that
`article.body[start:end] == text`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Section = Literal["body", "comments", "boilerplate"]
ClaimKind = Literal[
    "money",
    "quantity",
    "date",
    "quote",
    "attribution",
    "description",
    "superlative",
    "trend",
    "event",
    "duration",
]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Publication dates are often given only as `2018-09`; relative expressions must be resolved
    at that precision and no finer ("Tuesday" in a September 2018 article is undetermined).
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        dt.date(self.year, self.month or 1, self.day or 1)  # raises ValueError when invalid

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a `date`/`datetime` or an int year."""
        if isinstance(value, dt.datetime):
            return cls(value.year, value.month, value.day)
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if isinstance(value, str):
            match = _PARTIAL_DATE.match(value.strip())
            if match:
                year, month, day = (int(g) if g else None for g in match.groups())
                return cls(year, month, day)  # type: ignore[arg-type]
        raise ValueError(f"not a date (expected YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


@dataclass(frozen=True, slots=True)
class Article:
    """One input article: its body text and whatever metadata its front matter gave."""

    id: str
    path: str
    body: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read; reported, never fatal to the rest of the run."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Money:
    """A money amount. `value` is the full number (`$20M` -> 20000000.0) or, for a range, its
    low end; `high` is set only for ranges. `qualifier` keeps "about", "more than", ... apart
    from the value so that `approx` claims can be compared honestly."""

    text: str
    start: int
    end: int
    value: float
    currency: str
    high: float | None = None
    qualifier: str | None = None

    @property
    def approx(self) -> bool:
        return self.qualifier is not None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count or measure written in digits with the thing it counts (`17,000 immigrants`)."""

    text: str
    start: int
    end: int
    value: float
    unit: str
    qualifier: str | None = None

    @property
    def approx(self) -> bool:
        return self.qualifier is not None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and its TIMEX3-style value (`2018-11`, `2018-W50`, `2019-H1`, ...).

    `value` is None when the text does not determine the date; `reason` then says why (for
    example "weekday, but publication date known only to the month")."""

    text: str
    start: int
    end: int
    value: str | None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Words between quotation marks. `text` excludes the marks; offsets cover `text` only.

    `kind` is "term" for scare quotes, titles and names in quotation marks: they are nobody's
    words and carry no speaker."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    cue: str | None = None
    partial: bool = False
    kind: Literal["quote", "term"] = "quote"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Reported speech without quotation marks (`X said that ...`, `according to Reuters`).

    `text` is the reported content, `source` the person or outlet credited."""

    text: str
    start: int
    end: int
    source: str
    cue: str


@dataclass(frozen=True, slots=True)
class Description:
    """What an article says a named person, body or work is (`Jan Egeland, the UN's chief of
    emergency relief`): `text` is the describing words, `name` the name they describe."""

    text: str
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Superlative:
    """A claim that something is the most of its kind (`the highest risk of earth impact to
    date`, `one of the world's biggest heists`): `text` is the phrase, `degree` the superlative's
    base word ("high", "big") and `about` the phrase's other words (what it is the most of), on
    which two such claims meet."""

    text: str
    start: int
    end: int
    degree: str
    about: str


@dataclass(frozen=True, slots=True)
class Trend:
    """A claim that a measure went or goes up or down, with or without a figure (`the
    probability of collision with earth is expected to decrease`, `the assessed risk has been
    corrected downward`): `measure` is the measures table's name for what changes ("odds"),
    `direction` is "up" or "down"."""

    text: str
    start: int
    end: int
    measure: str
    direction: Literal["up", "down"]


@dataclass(frozen=True, slots=True)
class Event:
    """A claim that someone did something to something, with no figure needed (`struggling to
    bury the bodies of the dead`, `police killed an armed teenager`): `action` is the verb's
    lemma ("bury"), `patient` what it was done to ("dead"; for a part of something, "the bodies
    of the dead", what it is a part of; a name as written, "maurice cheeks"). Outlets tell the
    same event in other words around one verb and one object, which is what two such claims meet
    on. `context` holds the lemmas that say more of it (its subject, the verb it completes, the
    words qualifying its object: "official", "struggle"); `participants` the names it involves
    besides its patient ("philadelphia 76ers"): one act on one patient with other participants
    is another event ("fired from the Blazers" / "the 76ers fired")."""

    text: str
    start: int
    end: int
    action: str
    patient: str
    context: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Duration:
    """A claim of how long something took or lasts (`shipping supplies will take time, possibly
    weeks`, `some places may not receive aid for up to two weeks`): `length` is the stretch as
    written, `low` and `high` its bounds in days (None: no bound; "weeks" is at least two),
    `sense` is "delay" (how long until something is done: "will take", "not ... for") or "span"
    (how long it went on: "lasted", "for"), and `measure` what it is the time of: the measures
    table's name where the clause names a known measure ("aid"), else its words ("blackout",
    "shut plant")."""

    text: str
    start: int
    end: int
    length: str
    low: float | None
    high: float | None
    sense: Literal["delay", "span"]
    measure: str


Item = (
    Money
    | Quantity
    | DateMention
    | Quote
    | Attribution
    | Description
    | Superlative
    | Trend
    | Event
    | Duration
)


@dataclass(frozen=True, slots=True)
class Frame:
    """What a money amount or quantity states, read from the parse of its sentence.

    Two figures are one fact only when they measure the same thing of the same subject; the
    frame is what comparison groups on, and `as_of` is what tells a revision (the figure held at
    another time) from a conflict (the same time, another value)."""

    measure: str | None = None  # normalised head of what is counted or paid: "deaths", "jobs"
    subject: tuple[str, ...] = ()  # what the figure is about: entity clusters, event words
    low: float | None = None  # the qualifier read as a bound: "more than 30" -> low 30
    high: float | None = None  # "nearly 2,000", "up to 30", "at most 30" -> high
    as_of: str | None = None  # TIMEX value: when the figure applied, where the text says so
    cues: tuple[str, ...] = ()  # revision cues in the sentence: "raised to", "previous", "from"
    row: str | None = None  # a table cell's row label, folded ("indonesia", "total"); else None


@dataclass(frozen=True, slots=True)
class Claim:
    """One extracted item in its sentence, with what the comparison step needs to align it.

    `id` is stable across runs (article id, kind and offset), `date` is the date the claim is
    about when its sentence gives one, `entities` are normalised names (accents and case folded,
    aliases resolved) of what the sentence is about."""

    id: str
    article: str
    kind: ClaimKind
    item: Item
    sentence: str
    sentence_start: int
    sentence_end: int
    source: str | None = None
    date: str | None = None
    entities: tuple[str, ...] = ()
    section: Section = "body"
    frame: Frame | None = None


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything extracted from one article.

    `ledger_yaml` is these claims already written as the ledger's YAML lists them, when a worker
    process or the cache made it (the ledger's claims section is the concatenation of these
    per-article fragments), so writing a large ledger is not redone in one process on every
    run. It is a cache of `claims`, not data: it takes no part in equality."""

    article: Article
    claims: tuple[Claim, ...] = field(default_factory=tuple)
    ledger_yaml: str = field(default="", compare=False, repr=False)
    #: Why the article has no claims when its extraction failed or ran out of time (it is then
    #: reported and left out of the ledger); None when it was extracted.
    error: str | None = None

    def items(self, kind: ClaimKind) -> list[Item]:
        return [claim.item for claim in self.claims if claim.kind == kind]


#: `agree`: compatible values; `conflict`: incompatible values for the same time (or a timeless
#: fact); `revision`: different values that held at different times, the later superseding.
Verdict = Literal["agree", "conflict", "revision"]
VERDICTS: tuple[Verdict, ...] = ("conflict", "revision", "agree")


@dataclass(frozen=True, slots=True)
class Pair:
    """Two claims from different articles judged to state the same fact.

    `score` (0-100) is how sure the alignment is that both speak of one fact; `verdict` says
    whether their values agree; `explanation` is one line a person can check by reading both
    sentences; `topic` is what both are about (shared entities), used to group the report."""

    id: str
    verdict: Verdict
    score: float
    kind: ClaimKind
    a: Claim
    b: Claim
    explanation: str
    topic: tuple[str, ...] = ()
    fact: str | None = None  # id of the Fact both claims belong to
    slip: bool = False  # a conflict that looks like a typing slip (x1000, transposed digits)

    def in_fact(self, fact: str) -> Pair:
        """This pair, labelled with its fact's id: `dataclasses.replace` without its field
        lookups, which were a tenth of compare's time at 100,000 claims (one call per pair)."""
        return Pair(
            *(self.id, self.verdict, self.score, self.kind, self.a, self.b, self.explanation),
            *(self.topic, fact, self.slip),
        )


@dataclass(frozen=True, slots=True)
class Fact:
    """One measure of one subject, as stated by one or more articles, with its history.

    `claims` are ordered by `as_of` (when each figure applied: its frame's as-of time, else the
    publication date), so the history of a revised figure reads top to bottom; `pairs` are the
    verdicts between members from different articles."""

    id: str
    kind: ClaimKind
    measure: str | None
    subject: tuple[str, ...]
    claims: tuple[Claim, ...]
    as_of: tuple[str | None, ...]
    pairs: tuple[Pair, ...] = ()

    @property
    def verdict(self) -> Verdict:
        """The verdict a reader should look at first: any conflict, else any revision."""
        found = {pair.verdict for pair in self.pairs}
        return next((v for v in VERDICTS if v in found), "agree")


@dataclass(frozen=True, slots=True)
class Comparison:
    """What `compare` finds in a ledger: the pairs of claims and the facts they form."""

    pairs: tuple[Pair, ...]
    facts: tuple[Fact, ...]
