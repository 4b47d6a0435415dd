"""`CompareConfig`: every threshold and weight of `claimcheck compare`, in one documented place.

The API takes it (`claimcheck.compare(ledger, CompareConfig(min_score=50))`) and a `--config`
file's `[compare]` table sets it (`claimcheck.config`); alignment, blocking and the judges read
it and nothing else. It imports nothing but the standard library, so reading a config file never
waits for rapidfuzz or spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CompareConfig:
    """Every threshold of `claimcheck compare`, in one place. Scores are on a 0-100 scale.

    Alignment score = 100 x (text_weight x sentence similarity + entity_weight x shared
    entities + speaker_weight x same speaker + value_weight x compatible values), each part
    in 0..1; the weights sum to 1.
    """

    #: A candidate pair is reported only from this alignment score up.
    min_score: float = 45.0
    #: The bar for reported speech without quotation marks: a paraphrase carries no value or
    #: verbatim words to check, so whether two sentences report one statement rests on
    #: alignment alone (on align-ecbplus, 55 is where `agree` recall and `unrelated` precision
    #: balance).
    speech_min_score: float = 55.0
    #: The bar for two different dates: a story is a sequence of dated events, so two dates in
    #: articles on one topic usually differ; calling that a conflict needs the words around both
    #: dates to describe the same event.
    date_conflict_min_score: float = 60.0
    #: The bar for a revision: two different values of one measure, marked by the text as a
    #: change or dated apart, are about as sure as an agreement.
    revision_min_score: float = 45.0
    #: Weight of the rapidfuzz `token_set_ratio` of the two sentences (quote words for quotes).
    text_weight: float = 0.60
    #: The sentence similarity a table cell is given at least: a row of figures has no prose to
    #: compare with a sentence, so its wording is neither evidence for nor against a match
    #: (its frame's measure and row label decide).
    table_text: float = 50.0
    #: Weight of the overlap of the entities the two sentences name (shared / the fewer named).
    entity_weight: float = 0.20
    #: Weight of the speaker/source match (1 same, 0.5 unknown on a side, 0 different).
    speaker_weight: float = 0.10
    #: Weight of value compatibility (1 compatible, 0 incompatible): a shared figure is evidence
    #: of a shared fact, but a weak one, so that conflicts can still be found.
    value_weight: float = 0.10
    #: Points added when both claims' frames name one measure the measures table knows
    #: ("deaths", "aid"): the parse says both count the same thing, which wording alone
    #: ("has risen to" / "continues to rise, passing") often hides.
    measure_bonus: float = 15.0
    #: A claim is paired in each other article with its best match and with those scoring
    #: within this margin of it (an event retold in several sentences), not with the rest.
    best_margin: float = 10.0
    #: Words either side of a date compared as its text (the event the date places).
    date_window: int = 8
    #: Words either side of a figure read for what fact it states: its basis ("a season") and
    #: its term ("seven-year").
    fact_window: int = 6
    #: Words either side of a figure or date read for the event it belongs to; two different
    #: values conflict only when these share a word (not a name, title or number). Kept short:
    #: a sentence often tells of several events.
    event_window: int = 4
    #: Words before a figure or date read for its actors (who offered, paid, counted): news
    #: English names the actor before the figure. Two claims each naming there an actor the
    #: other sentence never names are about different actors.
    actor_window: int = 6
    #: Without a shared entity, two sentences must be at least this similar to be joined.
    text_alone: float = 80.0
    #: A value within another's bound ("more than 100,000" and 174,296) agrees only up to this
    #: ratio between the two; further apart, the bound says nothing of the other figure.
    bound_span: float = 2.0
    #: A value within another's bound agrees only when the two applied at most this many days
    #: apart: "107 or more" killed in 2015 and "at least 76" killed in 2006 are two disasters,
    #: and a bound is too weak a link to say otherwise.
    bound_days: int = 365
    #: Largest relative difference between two exact amounts (money, quantity) that agree.
    tolerance: float = 0.01
    #: Largest relative difference when either amount is approximate ("about", "more than").
    approx_tolerance: float = 0.10
    #: Two quotes (or reported contents) by the same speaker are "the same words" from this
    #: `token_set_ratio` up.
    same_words: float = 70.0
    #: Words this close (rapidfuzz `ratio` of the whole texts, so that a two-word fragment
    #: inside a long quote does not count) credited to two different speakers conflict.
    identical_words: float = 90.0
    #: Two descriptions of one name agree when they share this many content words ("UN's chief
    #: of emergency relief" / "UN emergency relief coordinator": un, emergency, relief); one
    #: shared word ("coach") is a title many people hold.
    description_words: int = 2
    #: Two entity names this close (rapidfuzz `ratio`) are one ("mexico" / "mexican").
    entity_ratio: float = 85.0
    #: Blocking keys shared by more claims than this are dropped (too common to discriminate).
    max_block: int = 400
    #: How many of a sentence's rarest words serve as fallback blocking keys.
    rare_words: int = 3
    #: Partners each claim keeps among those it shares a key with, best first by the summed
    #: rarity of the shared keys; a pair is scored when it is among the best of either claim.
    #: Bounds the work per claim in a large ledger; a claim with fewer partners keeps them all.
    max_candidates: int = 12
    #: The same for claims of kinds that only ever agree and meet only within their measure
    #: (events, trends): every partner states the same act, their pairs only join one fact,
    #: so a few partners each join every re-telling of it, where 12 would pair each two of 20
    #: outlets.
    agree_only_candidates: int = 4
    #: Up to this many distinct entity names, every two are compared for spellings of one name;
    #: beyond it, each name only with its `name_window` neighbours in alphabetical order and in
    #: order of the reversed names (variants at the end, "mexican", and at the start, "qaddafi").
    exact_names: int = 3000
    name_window: int = 12
    #: rapidfuzz worker threads for batch scoring (-1: all cores).
    workers: int = -1
