"""Changelogs: a Markdown file whose sections are its releases, newest first ("## [3.4.0] (2024-10-08)",
"## Release v2.6.30", "## 12.4.0 (2026-05-15)").

What a reader asks of a changelog is what the latest release changed. Read whole, its summary had been
its most central entries from any year ("Bump actions/create-github-app-token from 2 to 3…" in pyenv's,
a 2019 commit's line in node-gyp's). A changelog is read as its preamble (title, notices) and its first
release with entries (its last, where the versions rise from first to last; sections named by dates that
rise are a log's days, read whole); the result says so in a warning.

A changelog: Markdown with at least :data:`MIN_RELEASES` sections at its section level (the shallowest
heading level used twice), at least two thirds of them naming a version ("3.4.0", "v2.6.30", "1.10").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .inline import inline_to_text
from .markdown import HEADING, code_lines, lines, section_level

MIN_RELEASES = 3
# A version in a heading's first words: "[3.4.0](…)", "Release v2.6.30", "Version 2.1", "12.4.0 (2026-05-15)",
# a date as a version ("v20160716", "2024-01-15").
_VERSION = re.compile(r"^\W*(?:(?:release|version|v)\s*)?v?(?:\d+\.\d+(?:\.\d+)*|\d{8}|\d{4}-\d{2}-\d{2})\b", re.I)
_UNRELEASED = re.compile(r"^\W*unreleased\b", re.I)
# What may follow a release's version: nothing, a date, a bracket, a dash or a colon. Not a word: "1.2
# Methods" numbers a report's section.
_AFTER_VERSION = re.compile(r"\s*(?:$|[-–—:()\[\],]|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\w+\s+\d{4})")


def _names_version(heading: str) -> bool:
    found = _VERSION.match(heading)
    return bool(found and _AFTER_VERSION.match(heading, found.end()))


_DATE_VERSION = re.compile(r"\d{8}|\d{4}-\d{2}-\d{2}")


def _order(headings: list[str]) -> tuple[bool, bool]:
    """Whether the versions ``headings`` name are all dates, and whether they rise from first to last."""
    found = [_VERSION.match(h) for h in headings]
    versions = [m.group(0) for m in found if m]
    keys = [tuple(int(n) for n in re.findall(r"\d+", v)) for v in versions]
    dated = all(_DATE_VERSION.search(v) for v in versions)
    return dated, len(set(keys)) > 1 and keys == sorted(keys)


@dataclass(frozen=True)
class Release:
    """The part of a changelog to read: its preamble and its latest release, and that release's name."""

    markdown: str
    name: str


def latest_release(md: str) -> Release | None:
    """``md`` cut to its preamble and its latest release with entries (its first, or its last where the
    versions rise), when ``md`` is a changelog; else None."""
    code = code_lines(md)  # what CommonMark reads as code, as the prose reader does
    headings = []  # (start, end of its line, level, text) of each heading outside code
    start = 0
    for n, row in enumerate(lines(md)):
        m = None if n in code else HEADING.match(row.rstrip("\r\n"))
        if m and (m.group(2) or "").strip():
            headings.append((start, start + len(row), len(m.group(1)), inline_to_text(m.group(2)).strip()))
        start += len(row)
    level = section_level([h[2] for h in headings])
    if level is None:
        return None
    sections = [h for h in headings if h[2] == level]
    named = [h for h in sections if _names_version(h[3])]
    if len(sections) < MIN_RELEASES or len(named) * 3 < len(sections) * 2:
        return None
    # Dates that rise are a log's days, oldest first (the Python steering council's "SC meeting summary -
    # April 2022", "## 2022-04-04", "## 2022-04-11"…, had been read as its first day alone): read whole.
    # Versions that rise are a changelog written oldest first: its latest release is its last.
    dated, rising = _order([h[3] for h in named])
    if rising and dated:
        return None
    # Sections with entries (an empty one: Keep a Changelog's "Unreleased", a "Version History" heading).
    ends = [h[0] for h in sections[1:]] + [len(md)]
    full = [
        (start, end, text)
        for (start, line_end, _level, text), end in zip(sections, ends, strict=True)
        if re.search(r"\w", re.sub(r"(?m)^#.*$", "", md[line_end:end]))
    ]
    if not full or not (_names_version(full[0][2]) or _UNRELEASED.match(full[0][2])):
        return None  # the first section is no release: not a changelog to cut
    start, end, text = full[-1] if rising else full[0]
    return Release(md[: sections[0][0]] + md[start:end], text)
