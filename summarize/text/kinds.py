"""What an input is read as when nothing names its kind: one rule for every such input.

A file's name (``.md``, ``.html``, ``.pdf``, ``.rss``) or a server's Content-Type says what an input
is. Standard input, a text given to the Python API, a ``.txt`` or extensionless file and a page served
as ``text/plain`` say nothing, so their content decides: ``curl -s URL | summarize`` pipes HTML, a
package's README (Markdown) is often saved as ``.txt`` or served by raw-file hosts as ``text/plain``.
Read as plain text, a page's tags and a README's code blocks had been summary sentences.
"""

from __future__ import annotations

import re

from .docx import is_docx
from .mail import is_mail
from .markdown import FENCE_OPEN, FRONT_MATTER, HEADING, LINE, LINK_TARGET, closes_fence, fenced_spans, lines
from .notebooks import is_notebook
from .pdf import is_pdf
from .subtitles import subtitle_format

# The root element, after an XML declaration, stylesheet instructions, comments and a doctype.
_FEED_ROOT = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.I | re.S
)
# An HTML document or a fragment of one: a doctype, <html>, <head> or <body>, or an element of HTML
# (<article>, <div>, <p>, a heading, a <link> or <style> of a page's head, a <table>…) first, after an
# XML declaration and comments. Not a text that merely mentions a tag later on, nor an address in angle
# brackets ("<jane@example.org> wrote:").
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|style|script|header|nav|main|article|section|aside"
    r"|footer|div|p|h[1-6]|table|ul|ol|blockquote|pre|figure|form|span|a|img|b|i|em|strong|br|hr|center|font)"
    r"[\s>/]",
    re.I | re.S,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b")
# A reStructuredText directive (".. code-block:: python", ".. |PyPI| image:: …") or a link target
# (".. _asyncio: https://…"), alone on its line: no plain text starts a line so.
_RST_MARKUP = re.compile(r"^\.\. (?:\|[^|\n]+\| )?(?:[\w-]+::(?:[ \t]|$)|_[^:\n]+:[ \t])", re.M)
# A setext title: a line of text underlined with "=" (a "---" under a line is as often a plain separator).
_SETEXT_TITLE = re.compile(r"^ {0,3}\S[^\n]*\n {0,3}={3,}[ \t]*$", re.M)
# An inline link with a web address, a Markdown writer's way to cite ("[the report](https://…)").
_WEB_LINK = re.compile(rf"\[[^\]\n]+\](?={LINK_TARGET})\(<?https?://")


def sniff_kind(body: bytes) -> str | None:
    """``"pdf"``, ``"docx"`` or ``"feed"`` from the bytes, else None."""
    if is_pdf(body):
        return "pdf"
    if is_docx(body):
        return "docx"
    if _FEED_ROOT.match(body[:2048].removeprefix(b"\xef\xbb\xbf")):
        return "feed"
    return None


def text_kind(text: str) -> str:
    """What a decoded text that names no kind is read as: ``"feed"``, ``"html"``, ``"email"`` (a mail's
    headers first), ``"subtitles"`` (WebVTT's header, a SubRip or SBV cue first), ``"notebook"`` (a
    Jupyter notebook's JSON), ``"json"`` (other JSON data, or JSON Lines), ``"xml"`` (an XML declaration
    before a root that is no feed's or page's), ``"rst"`` (a directive
    or a link target of reStructuredText), ``"markdown"`` (front matter, a heading line, a title
    underlined with "=", a fenced code block or a link to a web address) or ``"text"``."""
    head = text[:2048].removeprefix("\ufeff")
    if sniff_kind(head.encode("utf-8", "replace")) == "feed":
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if is_mail(head):
        return "email"
    if subtitle_format(head):
        return "subtitles"
    if is_notebook(text):  # a notebook names its format at its end
        return "notebook"
    if is_json(text):
        return "json"
    if _XML_DECLARATION.match(head):  # neither a feed nor a page (both tested above): XML data
        return "xml"
    if _RST_MARKUP.search(text):
        return "rst"
    if FRONT_MATTER.match(text) or _WEB_LINK.search(text) or _SETEXT_TITLE.search(text):
        return "markdown"
    # A fenced code block that closes, or a heading line outside any (the one fence walker: fenced_spans).
    spans = fenced_spans(text)
    if any(_closed(text[start:end]) for start, end in spans):
        return "markdown"
    headed = any(
        _names_a_part(line.group(0).rstrip("\r\n"))
        for line in LINE.finditer(text)
        if not any(start <= line.start() < end for start, end in spans)
    )
    return "markdown" if headed else "text"


def is_json(text: str) -> bool:
    """Whether ``text`` is JSON data (an object or an array), or JSON Lines (its first lines each one):
    data, no article; read as text, its summary had been the JSON itself."""
    import json

    body = text.strip().removeprefix("\ufeff")
    if body[:1] not in ("{", "["):
        return False
    try:
        json.loads(body)
        return True
    except ValueError:
        pass
    rows = [row for row in body.splitlines()[:3] if row.strip()]
    try:
        return len(rows) > 1 and all(isinstance(json.loads(row), dict | list) for row in rows)
    except ValueError:
        return False


def _names_a_part(row: str) -> bool:
    """Whether ``row`` is a heading with words: an empty one ("###") is a press release's end mark."""
    m = HEADING.match(row)
    return bool(m and (m.group(2) or "").strip())


def _closed(block: str) -> bool:
    """Whether a fenced block (:func:`.markdown.fenced_spans`) ends with its closing fence, not the text's end."""
    rows = [row.rstrip("\r\n") for row in lines(block)]
    opening = FENCE_OPEN.match(rows[0])
    return len(rows) > 1 and opening is not None and closes_fence(opening.group(1), rows[-1])
