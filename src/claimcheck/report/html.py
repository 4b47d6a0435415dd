"""`claimcheck report`: one self-contained HTML page with the facts, their timelines and the
articles they come from.

The page must open offline from an e-mail attachment, so styles, script and charts are inline
and nothing is fetched. Everything an article author wrote (text, titles, outlet names) reaches
the page only through Jinja2 with autoescaping, and charts are images (see `charts.py`), so a
hostile article renders as text. The page is rendered on this side, not by the script: it reads
and prints without JavaScript, and the script only filters and paginates what is already there,
which keeps a report of 10,000 claims quick to open.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from markupsafe import Markup

from claimcheck.console import printable
from claimcheck.kinds import CLAIM_KINDS, KIND_BY_NAME
from claimcheck.model import VERDICTS, Article, Claim, Comparison, Fact, Pair
from claimcheck.report.fields import claim_value

if TYPE_CHECKING:
    from claimcheck.report.charts import Image

#: Facts shown per page: enough to scan, few enough that a page of charts stays light.
PAGE_SIZE = 20
#: Facts that get a chart by default, in report order (conflicts and revisions first).
DEFAULT_CHARTS = 200
#: Facts listed under "Look at these first".
FIRST_LOOK = 6
#: Claims in a fact's table before "Show the other N claims": one per distinct value and date
#: first, so a conflict's values all show; the rest are folded (not laid out until opened).
ROWS_SHOWN = 8
#: Characters of a claim's sentence kept on each side of its figure in a fact's table; the
#: article view has the whole text.
SENTENCE_CONTEXT = 100
#: Pair explanations listed under a fact's "Why", conflicts first; a fact of a thousand
#: reprints has thousands of pairs and their count says the rest.
EXPLANATIONS_SHOWN = 12
#: Subject names in a fact's title; the filter still matches every name.
TITLE_NAMES = 4
VERDICT_LABELS = {"conflict": "Conflicts", "revision": "Revisions", "agree": "Agreements"}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How much the page carries: `charts` facts get a timeline (each costs ~0.2 s to render),
    `page_size` facts show at a time."""

    title: str = "claimcheck report"
    charts: int = DEFAULT_CHARTS
    page_size: int = PAGE_SIZE


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text, highlighted when `claim` covers it."""

    text: str
    claim: Claim | None = None
    fact: str | None = None
    first: bool = False  # the claim's first segment carries its anchor


@dataclass(frozen=True, slots=True)
class ClaimRow:
    claim: Claim
    as_of: str | None
    value: str
    outlet: str
    url: str | None
    before: str
    figure: str
    after: str


@dataclass(frozen=True, slots=True)
class FactView:
    fact: Fact
    title: str
    summary: str
    rows: tuple[ClaimRow, ...]
    more_rows: tuple[ClaimRow, ...]  # folded under "Show the other N claims"
    outlets: tuple[str, ...]
    chart: Image | None
    chart_note: str
    explanations: tuple[str, ...]
    unexplained: int  # distinct explanations left out of the list
    slip: bool


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    claims: int
    segments: tuple[Segment, ...]
    sentences: tuple[tuple[Segment, ...], ...]  # when no body is known: each claim's sentence


@dataclass(slots=True)
class Overview:
    articles: int = 0
    outlets: Counter = field(default_factory=Counter)
    claims: int = 0
    facts: Counter = field(default_factory=Counter)
    pairs: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)


def outlet_of(article: Article | None, fallback: str) -> str:
    return (article.outlet if article else None) or fallback


def sentence_parts(claim: Claim, context: int = SENTENCE_CONTEXT) -> tuple[str, str, str]:
    """The claim's sentence cut around its figure, for highlighting, with at most `context`
    characters (whole words) on each side; the sentence as `before` when the offsets do not
    fall inside it (a ledger edited by hand)."""
    start = claim.item.start - claim.sentence_start
    end = claim.item.end - claim.sentence_start
    sentence = claim.sentence
    if 0 <= start <= end <= len(sentence) and sentence[start:end] == claim.item.text:
        return (
            head_cut(sentence[:start], context),
            sentence[start:end],
            tail_cut(sentence[end:], context),
        )
    return tail_cut(sentence, 2 * context), "", ""


def tail_cut(text: str, limit: int) -> str:
    """`text`'s first words up to `limit` characters, "…" marking the cut."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit] + " …"


def head_cut(text: str, limit: int) -> str:
    """`text`'s last words up to `limit` characters, "…" marking the cut."""
    if len(text) <= limit:
        return text
    cut = text.find(" ", len(text) - limit)
    return "… " + text[cut + 1 if cut >= 0 else len(text) - limit :]


def claim_row(claim: Claim, as_of: str | None, articles: Mapping[str, Article]) -> ClaimRow:
    article = articles.get(claim.article)
    before, figure, after = sentence_parts(claim)
    return ClaimRow(
        claim=claim,
        as_of=as_of,
        value=claim_value(claim),
        outlet=outlet_of(article, claim.article),
        url=article.url if article else None,
        before=before,
        figure=figure,
        after=after,
    )


def fact_title(fact: Fact, names: int = TITLE_NAMES) -> str:
    subject = " / ".join(fact.subject[:names])
    if len(fact.subject) > names:
        subject += f" and {len(fact.subject) - names} more"
    what = fact.measure or fact.kind
    return f"{what}: {subject}" if subject else what


def fact_summary(rows: Sequence[ClaimRow]) -> str:
    """The values a reader compares, in the order they applied: "$20M USD -> $30B USD"."""
    values: list[str] = []
    for row in rows:
        if not values or values[-1] != row.value:
            values.append(row.value)
    text = " → ".join(value if len(value) < 60 else value[:57] + "..." for value in values[:6])
    return text + (" → ..." if len(values) > 6 else "")


def shown_rows(
    rows: Sequence[ClaimRow], limit: int = ROWS_SHOWN
) -> tuple[tuple[ClaimRow, ...], tuple[ClaimRow, ...]]:
    """The rows a fact's table shows and those it folds, both in as-of order: the first row of
    each distinct (as-of, value) comes first, so a conflict's or revision's values are all in
    view even when a wire story was reprinted a thousand times."""
    seen: set[tuple[str | None, str]] = set()
    firsts = []
    for index, row in enumerate(rows):
        if (row.as_of, row.value) not in seen:
            seen.add((row.as_of, row.value))
            firsts.append(index)
    chosen = set(firsts[:limit])
    chosen.update(
        itertools.islice((i for i in range(len(rows)) if i not in chosen), limit - len(chosen))
    )
    shown = tuple(row for index, row in enumerate(rows) if index in chosen)
    return shown, tuple(row for index, row in enumerate(rows) if index not in chosen)


def fact_view(
    fact: Fact, articles: Mapping[str, Article], with_chart: bool, chart_budget: int
) -> FactView:
    from claimcheck.report.charts import timeline_image

    rows = tuple(
        claim_row(claim, when, articles)
        for claim, when in zip(fact.claims, fact.as_of, strict=True)
    )
    chart, note = None, ""
    if KIND_BY_NAME[fact.kind].charted:
        chart = timeline_image(fact, articles) if with_chart else None
        if not with_chart:
            note = f"No chart: only the first {chart_budget} facts get one (--charts)."
        elif chart is None:
            note = "No chart: fewer than two claims have a value and a date to place."
    shown, folded = shown_rows(rows)
    rank = {verdict: index for index, verdict in enumerate(VERDICTS)}
    ranked = sorted(fact.pairs, key=lambda pair: rank.get(pair.verdict, len(rank)))
    explanations = tuple(dict.fromkeys(pair.explanation for pair in ranked))
    return FactView(
        fact=fact,
        title=fact_title(fact),
        summary=fact_summary(rows),
        rows=shown,
        more_rows=folded,
        outlets=tuple(sorted({row.outlet for row in rows})),
        chart=chart,
        chart_note=note,
        explanations=explanations[:EXPLANATIONS_SHOWN],
        unexplained=max(0, len(explanations) - EXPLANATIONS_SHOWN),
        slip=any(pair.slip for pair in fact.pairs),
    )


def text_segments(
    body: str, claims: Sequence[Claim], fact_of: Mapping[str, str], offset: int = 0
) -> tuple[Segment, ...]:
    """`body` cut at every claim boundary; each piece is highlighted as the innermost (shortest)
    claim covering it, so a figure inside a quote keeps its own mark and link."""
    spans = [
        (c.item.start - offset, c.item.end - offset, c)
        for c in claims
        if 0 <= c.item.start - offset < c.item.end - offset <= len(body)
    ]
    cuts = sorted({0, len(body), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    anchored: set[str] = set()
    segments = []
    for left, right in itertools.pairwise(cuts):
        covering = [(e - s, c) for s, e, c in spans if s <= left and right <= e]
        claim = min(covering, key=lambda pair: (pair[0], pair[1].id))[1] if covering else None
        first = claim is not None and claim.id not in anchored
        if claim is not None:
            anchored.add(claim.id)
        fact = fact_of.get(claim.id) if claim else None
        segments.append(Segment(body[left:right], claim, fact, first))
    return tuple(segments)


def article_view(
    article: Article, claims: Sequence[Claim], fact_of: Mapping[str, str]
) -> ArticleView:
    """The article's text with its claims marked; without a body (a ledger alone), each claim's
    sentence with the claim marked."""
    if article.body:
        return ArticleView(article, len(claims), text_segments(article.body, claims, fact_of), ())
    sentences = tuple(
        text_segments(claim.sentence, [claim], fact_of, claim.sentence_start) for claim in claims
    )
    return ArticleView(article, len(claims), (), sentences)


def overview(
    comparison: Comparison, articles: Mapping[str, Article], claims: Sequence[Claim]
) -> Overview:
    summary = Overview(articles=len(articles), claims=len(claims))
    summary.outlets.update(outlet_of(a, "(no outlet)") for a in articles.values())
    summary.facts.update(fact.verdict for fact in comparison.facts)
    summary.pairs.update(pair.verdict for pair in comparison.pairs)
    summary.kinds.update(fact.kind for fact in comparison.facts)
    return summary


def published_key(article: Article) -> tuple[str, str]:
    return (str(article.published) if article.published else "9999", article.id)


def page_context(
    comparison: Comparison,
    articles: Mapping[str, Article],
    claims: Sequence[Claim],
    options: ReportOptions,
) -> dict:
    """Everything the template shows, computed here so the template only lays it out."""
    fact_of = {claim.id: fact.id for fact in comparison.facts for claim in fact.claims}
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    facts = [
        fact_view(fact, articles, index < options.charts, options.charts)
        for index, fact in enumerate(comparison.facts)
    ]
    ordered = sorted(articles.values(), key=published_key)
    entities = sorted({name for fact in comparison.facts for name in fact.subject})
    return {
        "options": options,
        "overview": overview(comparison, articles, claims),
        "facts": facts,
        "first_look": [view for view in facts if view.fact.verdict != "agree"][:FIRST_LOOK],
        "articles": [article_view(a, by_article.get(a.id, []), fact_of) for a in ordered],
        "outlets": sorted({outlet_of(a, "(no outlet)") for a in articles.values()}),
        "entities": entities,
        "kinds": [kind for kind in CLAIM_KINDS if any(f.kind == kind for f in comparison.facts)],
        "verdicts": VERDICTS,
        "verdict_labels": VERDICT_LABELS,
        "bodies": any(a.body for a in articles.values()),
    }


def template_environment():
    """Jinja2 with autoescaping on for every template: article text is untrusted input."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("claimcheck.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        finalize=visible,
    )
    environment.filters["pairs_label"] = pairs_label
    environment.filters["http_url"] = http_url
    return environment


def visible(value: object) -> object:
    """Every text the page prints, its control characters shown as U+FFFD: an outlet or title
    an article's metadata sets can hold an escape sequence, which no page should carry (HTML
    forbids them). Markup stays markup."""
    if isinstance(value, Markup):
        return Markup(printable(value))
    return printable(value) if isinstance(value, str) else value


def http_url(url: str | None) -> bool:
    """Only web addresses become links: a `javascript:` URL in front matter would run on click."""
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def pairs_label(pairs: Sequence[Pair]) -> str:
    counts = Counter(pair.verdict for pair in pairs)
    return ", ".join(f"{counts[v]} {v}" for v in VERDICTS if counts[v])


def asset(name: str) -> str:
    """A stylesheet or script shipped beside the templates, to be inlined in the page."""
    return (resources.files("claimcheck.report") / "templates" / name).read_text("utf-8")


def render_report(
    comparison: Comparison,
    articles: Mapping[str, Article],
    claims: Sequence[Claim],
    options: ReportOptions | None = None,
) -> str:
    """The report page: one HTML document with its style, script and charts inline.

    `articles` with a body get their full text in the article view; without one (a ledger
    alone holds no text), the article view lists each claim's sentence instead."""
    options = options or ReportOptions()
    context = page_context(comparison, articles, claims, options)
    template = template_environment().get_template("report.html.j2")
    return template.render(
        **context,
        css=asset("report.css"),
        script=asset("report.js"),
    )
