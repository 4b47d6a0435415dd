"""English words for reading events (`extraction.events`): verbs too light to name an event on
their own, nouns that stand for a part of what they are "of", and objects too vague to meet on.
"""

from __future__ import annotations

#: Lemmas of verbs whose meaning lies in their object or complement ("have a plan", "take
#: time", "make a decision", "give aid"): two sentences sharing one of them and an object share
#: a phrase, not an event.
LIGHT_VERBS = frozenset(
    (  # noqa: SIM905  (a word list reads best as words)
        "be have do make take give get go come become seem see look use include involve need "
        "want like know think put set keep hold let bring leave begin start continue try help "
        "show find mean feel consider expect hope plan face allow require follow lead run turn "
        "remain stay change move work play"
    ).split()
)
#: Nouns that name a part or a number of what their "of" names: the event happens to that
#: ("bury the bodies of the dead" buries the dead; "evacuated thousands of residents").
PARTITIVE_NOUNS = frozenset(
    (  # noqa: SIM905
        "body bodies remains rest part portion share half majority minority number group "
        "hundred hundreds thousand thousands million millions dozen dozens lot lots score "
        "scores handful couple pair series set some most many all each one"
    ).split()
)
#: Objects that stand for whatever the sentence means, like pronouns ("did the thing", "found
#: a way"): no event is recognised by them.
VAGUE_OBJECTS = frozenset(
    (  # noqa: SIM905
        "thing things something anything everything nothing way ways time times lot kind sort "
        "fact matter issue question point case place"
    ).split()
)
