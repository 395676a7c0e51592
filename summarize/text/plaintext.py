"""A plain text read as prose: its header ("Key: value" lines), a Project Gutenberg ebook's book or an RFC's
memo when it is one, then its prose (:func:`plain_prose`), headings and title. One place for what
:func:`.inputs.to_document` does with a text that is neither Markdown nor a page."""

from __future__ import annotations

from dataclasses import dataclass

from .ebooks import gutenberg_book
from .frontmatter import read_header
from .headlines import plain_title
from .inline import FOOTNOTE_MARK, text_breaks, text_entities
from .markdown import HEADER_BLOCK
from .plain import fact_check_claims, line_headings, o_bullets, without_consoles, without_running_lines
from .rfcs import rfc_memo
from .tidy import tidy_text
from .transcripts import is_transcript, transcript_prose

# A plain text's header: "Key: value" lines at its top, three or more (a PEP's "PEP: 214" over "Title: Extended
# Print Statement", "Author: …", whose title had gone unread); "Note: …" alone is prose.
PLAIN_HEADER_LINES = 3


@dataclass(frozen=True)
class PlainText:
    """What a plain text says and what it is called."""

    text: str
    title: str | None
    headings: tuple[str, ...]
    author: str | None = None
    published: str | None = None


def plain_prose(text: str) -> str:
    """A plain text's prose: without a paginated text's running lines, console sessions and footnote marks,
    its HTML line breaks and character references read, its "o" bullets as list items, tidied, a
    fact-check's claim written as one."""
    text = text_entities(text_breaks(without_consoles(without_running_lines(text))))
    return fact_check_claims(tidy_text(o_bullets(FOOTNOTE_MARK.sub("", text).strip())))


def read_plain(unified: str) -> PlainText:
    """``unified`` (a plain text, ``\\n`` line endings) as prose with its title, headings, author and date."""
    block = HEADER_BLOCK.match(unified)
    header = read_header(unified) if block and block.group(0).count("\n") >= PLAIN_HEADER_LINES else None
    body = unified[header.end :] if header else unified
    book = gutenberg_book(body)
    memo = None if book else rfc_memo(body)
    text = plain_prose(book.text if book else memo.text if memo else body)
    text, asked = transcript_prose(text) if is_transcript(text) else (text, ())
    title = (header and header.title) or (book and book.title) or (memo and memo.title) or plain_title(text)
    author = (header and header.author) or (book.author if book else None)
    return PlainText(text, title, (*asked, *line_headings(text)), author, header.published if header else None)
