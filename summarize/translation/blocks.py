"""A Markdown (or plain text) document cut into blocks: markup kept as is, prose to translate.

Front matter, fenced and indented code, blank lines, rules, link reference definitions and
number-only lines are kept byte for byte; headings, paragraphs, list items, quotes and table
cells are translatable units, their markers (``## ``, ``- ``, ``> ``, pipes) kept apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.markdown import ADMONITION, LIST_MARKER, REFERENCE_DEFINITION, code_lines, fenced_spans, front_matter, lines
from .spans import has_letters


@dataclass
class Block:
    """A piece of a document: kept as ``raw``, or ``prefix`` + translated ``content`` + ``ending``."""

    raw: str
    translate: bool = False
    prefix: str = ""
    content: str = ""
    ending: str = ""


_MARKER = re.compile(rf"^(\s*(?:>\s?)*(?:#{{1,6}}[ \t]+|{LIST_MARKER}(?:\[[ xX]\][ \t]+)?)?)")
_HEADING = re.compile(r"^\s*(?:>\s?)*#{1,6}[ \t]")
_LIST = re.compile(rf"^\s*(?:>\s?)*{LIST_MARKER}")
_TABLE = re.compile(r"^\s*\|")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_CELL = re.compile(r"(\|)")


def markdown_blocks(text: str, *, markdown: bool = True) -> list[Block]:
    """Split a Markdown document into kept and translatable blocks, in order (the ``raw`` of all
    blocks concatenated is the document; a translatable block's lines are joined into one).

    ``markdown=False`` (plain text): indented lines are prose, not code."""
    blocks: list[Block] = []
    head = front_matter(text)
    if head:
        blocks.append(Block(head.group(0)))
        text = text[head.end() :]
    rows = lines(text)
    # Code as CommonMark reads it (indented, fenced in a list item or a quote: code_lines, the prose
    # reader's reading too); plain text (markdown=False) has only fences: an indented paragraph is prose.
    fenced = code_lines(text) if markdown else _fenced_rows(text, rows)
    i = 0
    while i < len(rows):
        line = rows[i]
        body = line.rstrip("\r\n")
        if i in fenced:
            blocks.append(Block(line))
            i += 1
            continue
        if not body.strip() or not has_letters(body) or REFERENCE_DEFINITION.match(body) or ADMONITION.match(body):
            # Blank lines, rules and underlines, number-only lines, link reference definitions ("[label]:
            # url", which must stay one per line) and an admonition's marker ("!!! note") stay as they are.
            blocks.append(Block(line))
            i += 1
            continue
        if _TABLE.match(body):
            blocks.extend(_table_row(body, line[len(body) :]))
            i += 1
            continue
        end = i + 1
        if not _HEADING.match(body):
            end = _paragraph_end(rows, fenced, i)
        blocks.append(_joined(rows[i:end]))
        i = end
    return blocks


def _fenced_rows(text: str, rows: list[str]) -> set[int]:
    """Indices of the ``rows`` of ``text`` inside fenced code (fences included)."""
    fenced: set[int] = set()
    spans = iter(fenced_spans(text))
    span = next(spans, None)
    pos = 0
    for i, row in enumerate(rows):
        while span is not None and pos >= span[1]:
            span = next(spans, None)
        if span is not None and pos >= span[0]:
            fenced.add(i)
        pos += len(row)
    return fenced


def _table_row(body: str, ending: str) -> list[Block]:
    """Each cell of a table row is its own unit; the pipes and spacing stay."""
    blocks: list[Block] = []
    for part in _CELL.split(body):
        if part == "|" or not has_letters(part):
            blocks.append(Block(part))
        else:
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            blocks.append(Block(part, True, lead, part.strip(), trail))
    blocks.append(Block(ending))
    return blocks


def _paragraph_end(rows: list[str], fenced: set[int], first: int) -> int:
    """Index after the last row of the paragraph or list item that starts at ``first``.

    It goes on over the following lines that start nothing new; in a quote, over lines of the same
    depth (their ">" markers are not content) or lazy ones."""
    depth = _quote_depth(rows[first].rstrip("\r\n"))
    i = first + 1
    while i < len(rows):
        nxt = rows[i].rstrip("\r\n")
        if (
            not nxt.strip()
            or i in fenced
            or REFERENCE_DEFINITION.match(nxt)
            or _quote_depth(nxt) not in {0, depth}
            or _HEADING.match(nxt)
            or _LIST.match(nxt)
            or _TABLE.match(nxt)
            or not has_letters(nxt)
        ):
            break
        i += 1
    return i


def _joined(rows: list[str]) -> Block:
    """One translatable block of these rows: the first row's marker, their text joined by spaces."""
    first = rows[0].rstrip("\r\n")
    prefix = _MARKER.match(first).group(1)  # type: ignore[union-attr]
    depth = _quote_depth(first)
    content = [first[len(prefix) :]]
    for row in rows[1:]:
        nxt = row.rstrip("\r\n")
        content.append(_QUOTE.sub("", nxt).strip() if depth else nxt.strip())
    last = rows[-1]
    ending = last[len(last.rstrip("\r\n")) :]
    return Block("".join(rows), True, prefix, " ".join(c.strip() for c in content), ending)


def _quote_depth(line: str) -> int:
    """How many ``>`` quote markers open ``line``."""
    m = _QUOTE.match(line)
    return m.group(0).count(">") if m else 0
