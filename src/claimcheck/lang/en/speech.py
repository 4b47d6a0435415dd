"""English words of reported speech: verbs of saying, the nouns of texts, outlets and figures
that can be credited with words or are not, and the pronouns a speaker is referred back by.

The quote, attribution and source readers (`extraction.speech`) take their words from here.
"""

from __future__ import annotations

#: Lemmas of verbs that report what someone said or wrote.
SPEECH_VERBS = frozenset(
    (  # noqa: SIM905  (a word list reads best as words)
        "say tell add read state announce claim warn explain write note insist argue ask reply "
        "respond report tweet post declare confirm deny comment remark recall urge admit "
        "acknowledge suggest predict conclude observe reveal testify stress emphasize emphasise "
        "promise pledge vow threaten complain concede contend assert maintain describe call "
        "quote cite agree disagree accuse allege caution counter order demand estimate indicate "
        "point recommend reiterate repeat retort boast brag charge criticize criticise decry "
        "lament mention propose tout welcome hint joke quip muse mutter shout scream yell "
        "whisper characterize characterise dub label brand term herald hail find speculate "
        "forecast surmise theorize theorise"
    ).split()
)
#: Lemmas that are verbs of saying only in some uses; they count when they govern a quote, not
#: as the cue of an unmarked report.
WEAK_SPEECH_VERBS = frozenset(
    {"call", "describe", "welcome", "order", "point", "charge"}
    | {"characterize", "characterise", "dub", "label", "brand", "term", "herald", "hail"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
THING_PRONOUNS = frozenset({"it", "its"})
#: Nouns for a text that speaks for its author (`issued a statement saying`, `a report by X`).
SPEECH_NOUNS = frozenset(
    {"statement", "report", "letter", "post", "tweet", "message", "announcement", "release"}
)
#: Texts a later `the <noun>` or `it` can stand for, and that can be credited with a finding.
DOCUMENT_NOUNS = SPEECH_NOUNS | frozenset(
    (  # noqa: SIM905  (a word list reads best as words)
        "study survey poll audit analysis review census document memo filing investigation "
        "assessment questionnaire inquiry research plan proposal article"
    ).split()
)
#: Nouns for a news outlet: `the paper said` credits the outlet named before.
OUTLET_NOUNS = frozenset(
    (  # noqa: SIM905
        "newspaper paper magazine daily weekly agency broadcaster network outlet website site "
        "channel station publication journal tabloid"
    ).split()
)
#: Nouns that name a figure, not whoever gives it: `the new figure shows`, `the data suggest`.
FIGURE_NOUNS = frozenset(
    (  # noqa: SIM905
        "figure number total tally count data datum statistic estimate result rate percentage "
        "share amount sum level toll increase rise drop decline fall growth"
    ).split()
)
#: Nouns that name words as words: a quotation hanging on one is mentioned, not reported
#: (`adding the words "and Emergency"`, `the slogan "..."`), whatever verb governs the noun.
NAMING_NOUNS = frozenset(
    {"word", "phrase", "term", "name", "label", "slogan", "motto", "expression", "nickname"}
)
#: Words that open a subordinate clause the parser may leave on a main verb.
SUBORDINATORS = frozenset({"when", "while", "as", "after", "before", "if", "because", "since"})
#: Words trimmed from the edges of reported content (`said that ...`).
CONTENT_OPENERS = frozenset({"that", "whether"})
#: Prepositions that name the author of a noun (`a report by X`, `a plan from X`).
AUTHOR_PREPOSITIONS = frozenset({"by", "from"})
#: Determiners that make a noun point back to one named before.
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
#: Words that turn a statement into its opposite; a quote with one against the same quote without
#: is the clearest "contradicting words" a speaker can be credited with.
NEGATIONS = frozenset(
    {"not", "no", "never", "n't", "nt", "none", "nothing", "nobody", "neither", "nor", "cannot"}
)
