"""English words around names: the titles an article writes before a person's name."""

from __future__ import annotations

#: Titles written before a name: part of how the article styles the person, not of the name.
TITLE_WORDS = frozenset(
    (  # noqa: SIM905  (a word list reads best as words)
        "minister president secretary senator governor ambassador professor general mr mrs ms "
        "dr sir dame chief director spokesman spokeswoman spokesperson chairman chairwoman "
        "mayor judge justice prime foreign deputy vice premier chancellor king queen prince "
        "princess pope representative rep sen gov lt col capt sgt officer commissioner "
        "administrator"
    ).split()
)
#: Lower-case words that may stand inside a proper name ("Secretary of State", "de la Fuente",
#: "Council on Foreign Relations"): they do not make a name a description, and an acronym
#: leaves them out ("Department of Homeland Security" -> DHS).
NAME_PARTICLES = frozenset(
    {"of", "the", "de", "del", "la", "van", "von", "da", "and", "for", "on", "in"}
)
#: Words that date a title ("former minister", "then-immigration chief", "incoming president"):
#: a title with one of them and the same title without it held at two different times, so two
#: descriptions that differ in them do not agree.
ROLE_TIME_WORDS = frozenset(
    {
        "former",
        "ex",
        "then",
        "incoming",
        "outgoing",
        "exiting",
        "acting",
        "interim",
        "late",
        "retired",
        "future",
        "designate",
        "elect",
        "new",
        "previous",
        "past",
    }
)
