"""Saved web pages: the article's main text and metadata, extracted offline by trafilatura.

A saved page wraps a few paragraphs of news in navigation, scripts, cookie banners, related
links and reader comments; trafilatura keeps the main text and reads title, date, site name
and canonical url from the page's own metadata (`<meta>`, JSON-LD). Nothing is ever fetched:
the page's bytes are all trafilatura is given.
"""

from __future__ import annotations

import logging
import re

import trafilatura

from claimcheck.io.readers.common import Outcome, build_article, checked_id

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: How a page that was saved without an .html suffix (or piped to stdin) is recognised.
HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
#: Only the page's own declared dates count: a date guessed from any number in the text (a
#: copyright year, a date in a comment) would anchor every relative date of the article wrongly.
DATE_OPTIONS = {"extensive_search": False, "original_date": True}

# Their log lines ("empty HTML tree") would duplicate the one clear line each bad page gets.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def looks_like_html(data: bytes) -> bool:
    """Whether content starts like an HTML document (for files without an HTML suffix)."""
    return bool(HTML_START.match(data[:4096]))


def parse_html_article(default_id: str, path: str, data: bytes) -> Outcome:
    """An article from a saved page's bytes (trafilatura detects the page's declared charset)."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Outcome(path, error="binary file (contains NUL bytes)")
    try:
        document = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=DATE_OPTIONS,
        )
    except Exception as error:  # a third-party parser on hostile input: report it, go on
        return Outcome(path, error=f"HTML page could not be parsed ({type(error).__name__})")
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return Outcome(path, error="no article text found in the HTML page")
    metadata = {
        "title": document.title,
        "outlet": document.sitename or document.hostname,
        "url": document.url,
        "published": document.date,
    }
    warnings: list[str] = []
    article_id = checked_id(default_id, warnings)
    outcome = build_article(article_id, path, paragraphs(text), metadata)
    outcome.warnings[:0] = warnings
    return outcome


def paragraphs(text: str) -> str:
    """trafilatura's one-line-per-block text with blank lines between blocks, as in the
    Markdown articles, so sentence and section boundaries fall between paragraphs."""
    blocks = (line.strip() for line in text.splitlines())
    return "\n\n".join(block for block in blocks if block) + "\n"
