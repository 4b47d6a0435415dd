"""Timeline charts of a fact's values: Vega-Lite specs made with Altair, rendered offline to SVG.

vl-convert-python renders Vega-Lite with an embedded JavaScript engine, so no browser and no
network is needed, and the report carries the finished SVG. The SVG goes into the page as an
`<img>` data URI: an image cannot run scripts, so an outlet name or qualifier that an article
author chose can never become markup in the report, whatever the renderer does with text.
A chart takes about 0.2 s to render (measured on a loaded 2-core machine), which is why the
report renders charts only for its first facts (`ReportOptions.charts`).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from claimcheck.comparison.verdicts import timex_interval
from claimcheck.console import printable
from claimcheck.model import Article, Claim, DateMention, Fact, Money, Quantity

#: Values spread over more than this ratio are drawn on a log scale ($20 million vs $30 billion).
LOG_SCALE_RATIO = 50.0
CHART_WIDTH, CHART_HEIGHT = 480, 150
_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)"[^>]*?height="([\d.]+)"')
#: Coordinates as Vega writes them carry 14 decimals; a tenth of a pixel is plenty and the SVG
#: of a fact with a thousand claims shrinks by a third.
_LONG_DECIMAL = re.compile(r"(\d\.\d)\d+")
_ATTRIBUTE = re.compile(r'="[^"]*"')


@dataclass(frozen=True, slots=True)
class Point:
    """One claim on the timeline: when the figure applied, its value, who said it."""

    when: dt.date
    value: float | str  # a number, or an ISO date for date facts
    outlet: str
    qualifier: str


def timex_start(value: str | None) -> dt.date | None:
    """The first day a TIMEX value covers (`2018-09` -> 2018-09-01), None when undetermined."""
    interval = timex_interval(value)
    return None if interval is None else interval[0]


def point_value(claim: Claim) -> float | str | None:
    item = claim.item
    if isinstance(item, Money | Quantity):
        return item.value
    if isinstance(item, DateMention):
        start = timex_start(item.value)
        return None if start is None else start.isoformat()
    return None


def qualifier_of(claim: Claim) -> str:
    item = claim.item
    qualifier = item.qualifier if isinstance(item, Money | Quantity) else None
    if isinstance(item, Money) and item.high is not None:
        qualifier = f"{qualifier + ' ' if qualifier else ''}range to {item.high:,g}"
    return qualifier or ""


def fact_points(fact: Fact, articles: Mapping[str, Article]) -> list[Point]:
    """The plottable claims of a fact: those with a value and a time (as-of) that parse."""
    points = []
    for claim, when in zip(fact.claims, fact.as_of, strict=True):
        start, value = timex_start(when), point_value(claim)
        if start is None or value is None:
            continue
        article = articles.get(claim.article)
        outlet = (article.outlet if article else None) or claim.article
        points.append(Point(start, value, outlet, qualifier_of(claim)))
    return points


def y_encoding(fact: Fact, points: list[Point]):
    import altair as alt

    if fact.kind == "date":
        return alt.Y("value:T", title="date stated")
    values = [p.value for p in points if isinstance(p.value, float | int) and p.value > 0]
    log = len(values) == len(points) and max(values) / min(values) > LOG_SCALE_RATIO
    title = fact.measure or ("amount" if fact.kind == "money" else "value")
    scale = alt.Scale(type="log") if log else alt.Scale(zero=False)
    axis = alt.Axis(format="~s", tickCount=4, grid=True)  # 20M, 30G: short labels on any scale
    return alt.Y("value:Q", title=title + (" (log)" if log else ""), scale=scale, axis=axis)


def timeline_spec(fact: Fact, articles: Mapping[str, Article]) -> dict | None:
    """The Vega-Lite spec of a fact's timeline (x: when the figure applied, y: the value, one
    mark per claim coloured by outlet, the qualifier written beside it, a revision drawn as a
    step line); None when fewer than two claims can be placed or the kind has no value."""
    import altair as alt

    points = list(dict.fromkeys(fact_points(fact, articles)))  # a repeated claim, one mark
    if len(points) < 2:
        return None
    rows = [
        {"when": p.when.isoformat(), "value": p.value, "outlet": p.outlet, "qualifier": p.qualifier}
        for p in points
    ]
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("when:T", title="when the figure applied", scale=alt.Scale(padding=16)),
        y=y_encoding(fact, points),
    )
    layers = []
    if fact.verdict == "revision":
        layers.append(base.mark_line(interpolate="step-after", color="#888", strokeDash=[4, 3]))
    layers.append(
        base.mark_point(filled=True, size=90, opacity=0.9).encode(
            color=alt.Color("outlet:N", title="outlet"), shape=alt.Shape("outlet:N")
        )
    )
    if any(p.qualifier for p in points):
        labels = base.transform_filter("datum.qualifier != ''")
        layers.append(
            labels.mark_text(align="left", dx=8, dy=-8, fontSize=11).encode(text="qualifier:N")
        )
    chart = (
        alt.layer(*layers)
        .properties(width=CHART_WIDTH, height=CHART_HEIGHT)
        # The chart is an <img> whose alt text describes it: per-mark ARIA labels inside the
        # SVG are never read and were half its bytes.
        .configure(aria=False)
        .configure_axis(labelFontSize=12, titleFontSize=12)
        .configure_legend(labelFontSize=12, titleFontSize=12, labelLimit=220)
    )
    return chart.to_dict(validate=False)


def render_svg(spec: dict) -> str:
    """The spec drawn as SVG, offline (vl-convert bundles Vega and its JavaScript engine)."""
    import vl_convert

    return compact_svg(vl_convert.vegalite_to_svg(xml_safe(spec)))


def xml_safe(value: Any) -> Any:
    """The spec with control characters in its text (an outlet, a qualifier, a measure an
    article wrote) made visible as U+FFFD. vl-convert parses the SVG it draws as XML, which
    forbids them, and answers one with a panic that aborts the whole process, not an error."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [xml_safe(item) for item in value]
    return value


def compact_svg(svg: str) -> str:
    """Attribute values (coordinates, paths) rounded to a tenth; text content is left alone,
    so a label or qualifier reads exactly as written."""
    return _ATTRIBUTE.sub(lambda m: _LONG_DECIMAL.sub(r"\1", m[0]), svg)


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@dataclass(frozen=True, slots=True)
class Image:
    """A chart ready for `<img>`: its data URI and size (given so the page never shifts)."""

    src: str
    width: int
    height: int


def svg_size(svg: str) -> tuple[int, int]:
    match = _SIZE.search(svg)
    return (int(float(match[1])), int(float(match[2]))) if match else (CHART_WIDTH, CHART_HEIGHT)


def timeline_image(fact: Fact, articles: Mapping[str, Article]) -> Image | None:
    """A fact's timeline as an image for `<img src>`, or None when it has no chart."""
    spec = timeline_spec(fact, articles)
    if spec is None:
        return None
    svg = render_svg(spec)
    return Image(svg_data_uri(svg), *svg_size(svg))
