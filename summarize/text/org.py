"""Org-mode files (``.org``) as the Markdown the prose reader reads: their ``#+TITLE:``, ``#+AUTHOR:`` and
``#+DATE:`` as front matter, their ``*`` headings as headings, a fixed-width or quote block as a quotation,
links as their text; settings lines, comments, property drawers, tables and source, example and export
blocks are no prose.

Read as plain text, an Org file had shown its settings as a key point ("#+AUTHOR: Worg people #+OPTIONS:
H:3 num:nil toc:nil…"), been titled by its first comment line ("This file is released by its authors and
contributors under the GNU"), and a drawer's checklist had opened a book preface's summary ("[X] Personal
experience with productivity and Emacs. [X] Who is this book for?"). No parser on PyPI writes Org as
Markdown or text without Pandoc's binary (orgparse reads its outline, not its markup), so the few line rules
Org's manual defines are read here."""

from __future__ import annotations

import json
import re

_KEYWORD = re.compile(r"^[ \t]*#\+(\w+):[ \t]*(.*?)[ \t]*$")
_FIELDS = {"title": "title", "author": "author", "date": "date"}
_BLOCK_BEGIN = re.compile(r"^[ \t]*#\+begin_(\w+)\b", re.I)
_BLOCK_END = re.compile(r"^[ \t]*#\+end_(\w+)\b", re.I)
_QUOTED_BLOCKS = frozenset({"quote", "verse"})
_KEPT_BLOCKS = frozenset({"center", "quote", "verse"})  # their lines are prose
_DRAWER = re.compile(r"^[ \t]*:[\w-]+:[ \t]*$")
_DRAWER_END = re.compile(r"^[ \t]*:END:[ \t]*$", re.I)
_COMMENT = re.compile(r"^[ \t]*#(?:[ \t]|$)")
_TABLE = re.compile(r"^[ \t]*\|")
_FIXED = re.compile(r"^[ \t]*:(?:[ \t]|$)")
_HEADING = re.compile(
    r"^(\*+)[ \t]+(?:(?:TODO|DONE|NEXT|WAITING|HOLD|CANCELED|CANCELLED)[ \t]+)?(?:\[#[A-Z]\][ \t]+)?(.*?)"
    r"(?:[ \t]+:[\w@#%:]+:)?[ \t]*$"
)
_LINK = re.compile(r"\[\[([^\[\]\n]+)\](?:\[([^\[\]\n]+)\])?\]")
_CODE = re.compile(r"(?<![\w=~])([=~])(\S(?:[^\n]*?\S)?)\1(?![\w=~])")
_ITALIC = re.compile(r"(?<![\w/:])/(\S(?:[^/\n]*?\S)?)/(?![\w/])")


def _link(m: re.Match[str]) -> str:
    target, text = m.group(1), m.group(2)
    if text:
        return f"[{text}]({target})" if re.match(r"https?://", target) else text
    return f"<{target}>" if re.match(r"https?://", target) else target


def _inline(line: str) -> str:
    line = _LINK.sub(_link, line)
    return _ITALIC.sub(r"*\1*", _CODE.sub(r"`\2`", line))


def org_markdown(org: str) -> str:
    """``org`` (an Org-mode document) written as Markdown with front matter for its title, author and date."""
    fields: dict[str, str] = {}
    out: list[str] = []
    block: str | None = None
    drawer = False
    lines = org.split("\n")
    last_end = max((k for k, row in enumerate(lines) if _DRAWER_END.match(row)), default=-1)
    for k, line in enumerate(lines):
        if block is not None:
            if _BLOCK_END.match(line):
                block = None
            elif block in _KEPT_BLOCKS:
                out.append(("> " if block in _QUOTED_BLOCKS else "") + _inline(line.strip()))
            continue
        if drawer:
            drawer = not _DRAWER_END.match(line)
            continue
        if begin := _BLOCK_BEGIN.match(line):
            block = begin.group(1).lower()
            out.append("")  # a block ends the paragraph before it
            continue
        if keyword := _KEYWORD.match(line):
            name = _FIELDS.get(keyword.group(1).lower())
            if name and keyword.group(2) and name not in fields:
                fields[name] = keyword.group(2)
            continue
        # A drawer runs to its ":END:" line; a lone ":WORD:" with none after it is text.
        if _DRAWER.match(line) and not _DRAWER_END.match(line) and k < last_end:
            drawer = True
            continue
        if _COMMENT.match(line) or _TABLE.match(line):
            out.append("")
            continue
        if heading := _HEADING.match(line):
            out.extend(["", f"{'#' * min(len(heading.group(1)) + 1, 6)} {_inline(heading.group(2))}", ""])
        elif _FIXED.match(line):
            out.append("> " + _inline(_FIXED.sub("", line, count=1)))
        else:
            out.append(_inline(line))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
    if not fields:
        return body + "\n"
    header = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items())
    return f"---\n{header}\n---\n\n{body}\n"
