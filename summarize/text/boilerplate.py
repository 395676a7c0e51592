"""Recurring text: what every issue of a newsletter says, left out of the prose to summarize.

A newsletter never comes alone: its issues sit side by side in one folder. A line, sentence or
paragraph found (after normalising digits, dates, links and case; token Jaccard >= 0.7) in at least
``MIN_ISSUES`` *other* Markdown files of the folder is furniture ("Hello and welcome to another
issue…", "If you find any errors…, please submit a PR") and is removed before either engine reads
the text. A document with no siblings (stdin, a lone file) shows its own furniture: calls to action
("subscribe", "submit a PR", "follow us", 欢迎投稿) and the closing marks of newsletters; these are
removed always (:func:`strip_lone`; :mod:`.calls` says what they are). Link-only lines are dropped
earlier, by the input reader.

Usage, once per document::

    recurring = RecurringText.for_document(path)   # learns the folder, or reads its cache
    prose, removed = recurring.strip(doc.text)      # removed: lines and sentences left out

The recurring set of a folder is cached as JSON in ``boilerplate/`` of ``$SUMMARIZE_CACHE_DIR``
(else the user cache folder), keyed on the Markdown files' names, sizes and modification times, so
a changed, added or removed sibling recomputes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import atomic, code_version, paths
from .calls import (
    ABOUT_HEADING,
    FURNITURE_LINE,
    MAY_CALL_TO_ACTION,
    RELATED_LINKS,
    has_page_line,
    is_call_to_action,
)
from .inline import inline_to_text
from .joined import join_sentences
from .markdown import LIST_ITEM, SUMMARY_BLOCK, front_matter, without_list_marker
from .mdprose import read_markdown
from .page_lines import POST_AGE
from .sentences import split_paragraphs, split_sentences
from .suffixes import MARKDOWN_SUFFIXES
from .textsim import tokens

# A unit is recurring when it is found in at least this many other issues (the issue's rule; 2 was
# tried, see README, Newsletters, and not adopted: it was chosen on the series it is measured on).
MIN_ISSUES = 3
# Token Jaccard at or above which two normalised units are the same furniture.
SIMILARITY = 0.7
# Units with fewer tokens ("Online.") are too short to tell furniture from content.
MIN_UNIT_TOKENS = 2
# Only the nearest issues matter: a folder of 500 posts is read as its last MAX_SIBLINGS by name.
MAX_SIBLINGS = 24
MAX_SIBLING_BYTES = 1_000_000
CACHE_FORMAT = 1
# The rules splitter ("und" is no pysbd language): the same units in any language, and fast.
_SPLIT_LANG = "und"

_URL = re.compile(r"<?(?:https?://|www\.)\S+")
_DIGITS = re.compile(r"\d+")
_MONTHS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?",
    re.I,
)
_ORDINAL = re.compile(r"\b0(?:st|nd|rd|th)\b")


def normalise(text: str) -> frozenset[str]:
    """Comparable token set: no links, digits as ``0``, month/day names as ``month``, lower case."""
    text = _URL.sub(" ", text)
    text = _ORDINAL.sub(" ", _DIGITS.sub("0", text))
    text = _MONTHS.sub(" month ", text)
    return frozenset(tokens(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Token Jaccard of two sets (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def units(prose: str) -> list[str]:
    """Every paragraph, line and sentence of ``prose``: what recurrence is counted on."""
    out: list[str] = []
    for para in split_paragraphs(prose):
        out.append(para)
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        if len(lines) > 1:
            out.extend(lines)
        for line in lines:
            out.extend(split_sentences(without_list_marker(line), _SPLIT_LANG))
        if len(lines) > 1 and not any(LIST_ITEM.match(ln) for ln in lines):
            # A sentence soft-wrapped over several lines is a unit too.
            out.extend(split_sentences(" ".join(lines), _SPLIT_LANG))
    return out


def issue_units(raw: str, suffix: str = ".md") -> list[str]:
    """The units of one issue: those of its prose as the reader gives it, and for Markdown also each
    line of the source with links reduced to their text (the reader drops link-only lines, but the
    newsletter key points read them). A summary block the hook wrote is not part of the issue."""
    raw = SUMMARY_BLOCK.sub("", raw)
    if suffix.lower() not in MARKDOWN_SUFFIXES:
        return units(raw)
    out = units(read_markdown(raw).text)
    fm = front_matter(raw)
    for line in raw[fm.end() if fm else 0 :].splitlines():
        text = without_list_marker(inline_to_text(line.strip().lstrip("#> ").strip()))
        if text:
            out.append(text)
    return out


@dataclass
class Entry:
    """One recurring unit: its normalised tokens, an example text and the issues it is found in."""

    tokens: frozenset[str]
    text: str
    files: frozenset[str]


@dataclass
class RecurringText:
    """The recurring units of a folder of issues, and the document (file name) they are applied to."""

    entries: list[Entry] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    document: str | None = None  # the file being summarized: its own lines are not "other issues"

    @classmethod
    def from_texts(cls, texts: dict[str, str], document: str | None = None) -> RecurringText:
        """Learn from ``{file name: Markdown source}`` (no cache): units found in ``MIN_ISSUES`` files or more.
        A name not ending in ``.md``/``.markdown`` is read as plain text."""
        found = {name: issue_units(raw, Path(name).suffix) for name, raw in texts.items()}
        return cls(_learn(found), sorted(texts), document)

    @classmethod
    def for_folder(cls, folder: str | os.PathLike[str], *, use_cache: bool = True) -> RecurringText:
        """The recurring units of ``folder``'s Markdown files, from the cache when none changed."""
        folder = Path(folder).resolve()
        files = _markdown_files(folder)
        key = _folder_key(files)
        path = _cache_path(folder)
        if use_cache:
            cached = _read_cache(path, key)
            if cached is not None:
                return cls(cached, [f.name for f in files])
        texts: dict[str, str] = {}
        for f in files:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                texts[f.name] = f.read_bytes()[:MAX_SIBLING_BYTES].decode("utf-8-sig")
        found = cls.from_texts(texts)
        if use_cache:
            _write_cache(path, key, found.entries)
        return found

    @classmethod
    def for_document(cls, path: str | os.PathLike[str], *, use_cache: bool = True) -> RecurringText:
        """The recurring units of the folder holding ``path``, applied to ``path`` (its own lines excluded)."""
        p = Path(path)
        found = cls.for_folder(p.parent, use_cache=use_cache)
        found.document = p.name
        return found

    @property
    def has_siblings(self) -> bool:
        """Whether enough other issues were read for anything to count as recurring."""
        return len([f for f in self.files if f != self.document]) >= MIN_ISSUES

    def is_recurring(self, text: str) -> bool:
        """Whether ``text`` matches a unit found in at least ``MIN_ISSUES`` other issues."""
        toks = normalise(text)
        if len(toks) < MIN_UNIT_TOKENS:
            return False
        files: set[str] = set()
        for entry in self.entries:
            # Length filter first: Jaccard >= t needs the smaller set to be >= t of the larger.
            small, large = sorted((len(toks), len(entry.tokens)))
            if small >= SIMILARITY * large and jaccard(toks, entry.tokens) >= SIMILARITY:
                files |= entry.files
        files.discard(self.document or "")
        return len(files) >= MIN_ISSUES

    def is_boilerplate(self, text: str) -> bool:
        """Recurring in the folder, or a call to action."""
        return is_call_to_action(text) or self.is_recurring(text)

    def strip(self, prose: str) -> tuple[str, int]:
        """``prose`` without recurring units and calls to action; also how many lines/sentences were left out."""
        return _strip(prose, self.is_boilerplate)


def strip_lone(prose: str) -> tuple[str, int]:
    """``prose`` of a document with no siblings, without its calls to action and sign-offs."""
    if not MAY_CALL_TO_ACTION.search(prose) and not has_page_line(prose):
        # What _strip returns when it drops nothing: paragraphs without their blank lines.
        paragraphs = ("\n".join(ln for ln in para.split("\n") if ln.strip()) for para in split_paragraphs(prose))
        return "\n\n".join(paragraphs), 0
    return _strip(prose, is_call_to_action)


def _related_links(lines: list[str], heading: bool = False) -> bool:
    """Whether a paragraph's ``lines`` are a page's list of links to other stories: its heading
    (:data:`.calls.RELATED_LINKS`), then short lines that end no sentence (headlines, topics); or, where
    ``heading`` (the paragraph before was that heading alone), those lines alone."""
    if heading:
        return bool(lines) and _no_sentences(lines)
    return len(lines) >= 2 and bool(RELATED_LINKS.match(lines[0].strip())) and _no_sentences(lines[1:])


def _no_sentences(lines: list[str]) -> bool:
    """Whether every one of ``lines`` is short and ends no sentence (a headline, a topic)."""
    return all(len(ln.split()) <= 15 and not ln.rstrip().endswith(".") for ln in lines)


_POST_AGE = re.compile(POST_AGE + r"$", re.I)


def _post_header(lines: list[str]) -> bool:
    """Whether a paragraph's ``lines`` are a social post's writer block: a name, a headline, and the
    post's age last ("Anna Ruiz" / "Chief Executive at Harbour Ferries" / "2h •")."""
    return 1 < len(lines) <= 4 and bool(_POST_AGE.match(lines[-1].strip()))


def _strip(prose: str, drop: Callable[[str], bool]) -> tuple[str, int]:
    """``prose`` without the paragraphs, lines and sentences ``drop`` says are boilerplate."""
    kept: list[str] = []
    removed = 0
    about = False  # the paragraph before was an "About …" heading (:data:`.calls.ABOUT_HEADING`)
    related = False  # the paragraph before was a list of links' heading alone ("More from AllBusiness.com:")
    for para in split_paragraphs(prose):
        lines = [ln for ln in para.split("\n") if ln.strip()]
        heads_about = len(lines) == 1 and bool(ABOUT_HEADING.match(lines[0].strip()))
        # The heading may open its paragraph, no blank line under it ("About my6sense" over its text).
        about_here = len(lines) > 1 and bool(ABOUT_HEADING.match(lines[0].strip()))
        heads_related = len(lines) == 1 and bool(RELATED_LINKS.match(lines[0].strip()))
        links = _related_links(lines, heading=related)
        related = heads_related
        if about or heads_about or about_here or links or heads_related or _post_header(lines):
            about = not about and heads_about
            removed += len(lines)
            continue
        # A list's item may be such a line too (Nikkei's "- （1/3ページ）", "- 2018/6/19 5:50").
        furniture = [ln for ln in lines if FURNITURE_LINE.match(without_list_marker(ln).strip())]
        if furniture:
            removed += len(furniture)
            lines = [ln for ln in lines if ln not in furniture]
            para = "\n".join(lines)
        if drop(para):
            removed += len(lines)
            continue
        if len(lines) > 1 and not any(LIST_ITEM.match(ln) for ln in lines):
            # Soft-wrapped prose: whole sentences first, as a wrapped sentence's lines are not units.
            sentences = split_sentences(" ".join(ln.strip() for ln in lines), _SPLIT_LANG)
            left = [s for s in sentences if not drop(s)]
            if len(left) < len(sentences):
                removed += len(sentences) - len(left)
                lines = [join_sentences(left)] if left else []
        out_lines: list[str] = []
        for line in lines:
            if drop(line) or drop(without_list_marker(line)):
                removed += 1
                continue
            sentences = split_sentences(line, _SPLIT_LANG)
            left = [s for s in sentences if not drop(s)]
            if len(left) < len(sentences):
                removed += len(sentences) - len(left)
                line = join_sentences(left)
            if line.strip():
                out_lines.append(line)
        if out_lines:
            kept.append("\n".join(out_lines))
    return "\n\n".join(kept), removed


def _learn(issues: dict[str, list[str]]) -> list[Entry]:
    """Units found (near-exactly) in at least ``MIN_ISSUES`` of ``issues`` (file name: its units)."""
    where: dict[frozenset[str], set[str]] = {}
    example: dict[frozenset[str], str] = {}
    for name, found in issues.items():
        for unit in found:
            toks = normalise(unit)
            if len(toks) >= MIN_UNIT_TOKENS:
                where.setdefault(toks, set()).add(name)
                example.setdefault(toks, unit)
    sets = list(where)
    found = [set(where[s]) for s in sets]
    for i, j in _similar_pairs(sets):
        found[i] |= where[sets[j]]
        found[j] |= where[sets[i]]
    return [
        Entry(s, example[s], frozenset(files)) for s, files in zip(sets, found, strict=True) if len(files) >= MIN_ISSUES
    ]


def _similar_pairs(sets: list[frozenset[str]]) -> list[tuple[int, int]]:
    """Pairs of ``sets`` with Jaccard >= SIMILARITY, by prefix filtering (the AllPairs join): two such
    sets share a token among the first ``|x| - ceil(t |x|) + 1`` of each, rarest tokens first."""
    df: Counter[str] = Counter()
    for s in sets:
        df.update(s)
    index: dict[str, list[int]] = {}
    pairs: list[tuple[int, int]] = []
    order = sorted(range(len(sets)), key=lambda k: len(sets[k]))
    for k in order:
        s = sets[k]
        ranked = sorted(s, key=lambda t: (df[t], t))
        prefix = ranked[: len(s) - math.ceil(SIMILARITY * len(s)) + 1]
        seen: set[int] = set()
        for t in prefix:
            for other in index.get(t, ()):
                if other in seen:
                    continue
                seen.add(other)
                # Shorter sets were indexed first: only the length filter against them is needed.
                if len(sets[other]) >= SIMILARITY * len(s) and jaccard(s, sets[other]) >= SIMILARITY:
                    pairs.append((other, k))
        for t in prefix:
            index.setdefault(t, []).append(k)
    return pairs


def _markdown_files(folder: Path) -> list[Path]:
    try:
        found = [p for p in folder.iterdir() if p.suffix.lower() in MARKDOWN_SUFFIXES and p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)[-MAX_SIBLINGS:]


def _folder_key(files: list[Path]) -> str:
    # The code too: a change to how recurring text is found must not reuse what the old code found.
    code = code_version.code_fingerprint()
    stats = [f"CACHE_FORMAT={CACHE_FORMAT}:{MIN_ISSUES}:{SIMILARITY}:{MIN_UNIT_TOKENS}:{code}"]
    for f in files:
        with contextlib.suppress(OSError):
            st = f.stat()
            stats.append(f"{f.name}\0{st.st_size}\0{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(stats).encode()).hexdigest()


def cache_dir() -> Path:
    """Where folder entries live: ``boilerplate/`` of the cache folder (see :mod:`summarize.paths`)."""
    return paths.cache_dir("boilerplate")


def _cache_path(folder: Path) -> Path:
    return cache_dir() / (hashlib.sha256(str(folder).encode()).hexdigest()[:32] + ".json")


def _read_cache(path: Path, key: str) -> list[Entry] | None:
    # A missing, stale or damaged entry is a miss: the cache never fails a run.
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return [Entry(frozenset(e["tokens"]), e["text"], frozenset(e["files"])) for e in data["entries"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_cache(path: Path, key: str, entries: list[Entry]) -> None:
    data = {
        "format": CACHE_FORMAT,
        "key": key,
        "entries": [{"tokens": sorted(e.tokens), "text": e.text, "files": sorted(e.files)} for e in entries],
    }
    with contextlib.suppress(OSError):  # a read-only cache folder only costs the next run the work
        atomic.write_text(path, json.dumps(data, ensure_ascii=False))
