"""RSS and Atom feeds: one input per entry (feedparser).

An entry's text is its full content when the feed carries it, else its summary, else (when asked
to follow links) the page it links to. An entry that has none of these is an :class:`InputError`
for that entry only; the others are still read.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from typing import Any

from ..errors import InputError
from .inputs import Document
from .mdprose import title_first
from .page_markup import mend_inline

FEED_SUFFIXES = {".rss", ".atom"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = ("p", "div", "br", "li", "ul", "ol", *_HEADINGS, "blockquote", "pre", "tr", "hr")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def parse_feed(
    data: bytes,
    source: str,
    *,
    follow: Callable[[str], Document] | None = None,
) -> list[Document | InputError]:
    """The entries of the RSS/Atom feed ``data`` read from ``source``, in feed order.

    ``follow`` fetches an entry's link when the entry has no text of its own (``--follow-links``);
    without it such an entry is an :class:`InputError`. Raises :class:`InputError` when ``data`` is
    not a feed or has no entries.
    """
    import feedparser

    # A stream, never bytes or str: feedparser treats a string as a file name or a URL to fetch itself.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True)
    version = parsed.get("version") or ""
    if not parsed.entries:
        if parsed.get("bozo") and not version:
            reason = str(parsed.get("bozo_exception") or "not XML").splitlines()[0][:120]
            raise InputError(f"is not a valid RSS/Atom feed ({reason})", source=source, hint="check the file or URL")
        raise InputError("is a feed with no entries", source=source, hint="nothing to summarize")
    return [_entry(entry, index, source, follow) for index, entry in enumerate(parsed.entries, 1)]


def _entry(entry: Any, index: int, feed_source: str, follow: Callable[[str], Document] | None) -> Document | InputError:
    link = (entry.get("link") or "").strip() or None
    source = link or f"{feed_source}#entry-{index}"
    title = _clean(entry.get("title")) or None
    author = _clean(entry.get("author")) or None
    published = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
    text, headings = _entry_text(entry)
    if not text and follow is not None and link:
        try:
            page = follow(link)
        except InputError as exc:
            exc.source = exc.source or source
            return exc
        page.title = page.title or title
        page.published = page.published or published
        page.author = page.author or author
        return page
    if not text:
        hint = "pass --follow-links to fetch the linked page" if link else "the entry has no link to follow"
        return InputError("feed entry has no text (only a title and a link)", source=source, hint=hint)
    text, headings = title_first(text, title, headings)
    return Document(source, text, text, title, published, author, link, headings=headings)


def _entry_text(entry: Any) -> tuple[str, tuple[str, ...]]:
    """The entry's full content (the longest part), else its summary, as plain text, and its headings."""
    best: tuple[str, tuple[str, ...]] = ("", ())
    for part in entry.get("content") or []:
        found = _part_text(part.get("value") or "", part.get("type") or "")
        if len(found[0]) > len(best[0]):
            best = found
    if not best[0]:
        detail = entry.get("summary_detail") or {}
        best = _part_text(entry.get("summary") or "", detail.get("type") or "text/html")
    return best


def _part_text(value: str, content_type: str) -> tuple[str, tuple[str, ...]]:
    if content_type in _HTML_TYPES or re.search(r"<[A-Za-z][^>]*>", value):
        return fragment_parts(value)
    return _clean(value), ()


def fragment_to_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's body): block elements become paragraph breaks."""
    return fragment_parts(html)[0]


def fragment_parts(html: str) -> tuple[str, tuple[str, ...]]:
    """:func:`fragment_to_text` and the fragment's headings (``h1``-``h6``): paragraphs of the text that
    name a part of it, so a summary never picks one, as with a Markdown or web page's headings."""
    import lxml.html  # trafilatura's parser; always present with it

    if not html.strip():
        return "", ()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml's ParserError on markup it cannot repair: fall back to dropping the tags
        return _clean(re.sub(r"<[^>]+>", " ", html)), ()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    mend_inline(root)  # a <q>, a superscript, struck-out text read as a page's do
    headings = tuple(dict.fromkeys(h for h in (_clean(e.text_content()) for e in root.iter(*_HEADINGS)) if h))
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = (_clean(p) for p in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p), headings


def _clean(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip()


def _iso(parsed: time.struct_time | None) -> str | None:
    # feedparser normalises every date format feeds use to a UTC struct_time.
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None
