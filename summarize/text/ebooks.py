"""Project Gutenberg's ebooks as plain text: the book between its "*** START OF THE PROJECT GUTENBERG
EBOOK …" and "*** END OF …" lines, titled by the header's "Title:" field.

Read whole, The Yellow Wallpaper's summary had opened with its licence ("You may copy it, give it away or
re-use it under the terms of the Project Gutenberg License…") and been titled "Project Gutenberg's The
Yellow Wallpaper, by Charlotte Perkins Gilman"; the licence after the book (as long as a short story) had
been read as the story's last part. A text without the START line is read as it is."""

from __future__ import annotations

import re
from dataclasses import dataclass

_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b[^\n]*$", re.M | re.I)
# The end: its own line, or the sentence before it ("End of Project Gutenberg's The Yellow Wallpaper, by…").
_END = re.compile(
    r"^(?:\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b|End of (?:the )?Project Gutenberg\b)", re.M | re.I
)
# A volunteer's credit opens the book ("Produced by An Anonymous Volunteer", "Produced by David Widger"),
# before its first line of text, only blank lines before it: a paragraph, where the credit runs over lines.
_CREDIT = re.compile(r"\A\s*(?:Produced|Transcribed|Prepared|E-?text prepared) by\b[^\n]*(?:\n[^\n]*\S[^\n]*)*", re.I)
# Italics as Gutenberg's plain text writes them ("nothing so _very_ remarkable"): the words alone, as a
# Markdown reader shows emphasis. Within a line, or over one line break.
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?(?:\n[^_\n]+?)?)(?<=\S)_(?![\w_])")


@dataclass(frozen=True)
class Ebook:
    """The book's text (no licence, header or credit), and its title and author as its header names them."""

    text: str
    title: str | None
    author: str | None


def _field(header: str, name: str) -> str | None:
    found = re.search(rf"^{name}:[ \t]*(\S[^\n]*?)[ \t]*$", header, re.M)
    return found.group(1) if found else None


def gutenberg_book(raw: str) -> Ebook | None:
    """The book in ``raw`` when ``raw`` is a Project Gutenberg ebook as plain text, its italics as their
    words; else None."""
    start = _START.search(raw)
    if not start:
        return None
    end = _END.search(raw, start.end())
    text = raw[start.end() : end.start() if end else len(raw)]
    credit = _CREDIT.match(text)  # only where it is the first thing after the START line
    if credit:
        text = text[credit.end() :]
    header = raw[: start.start()]
    return Ebook(_ITALIC.sub(r"\1", text).strip("\n"), _field(header, "Title"), _field(header, "Author"))
