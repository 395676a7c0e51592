"""Recurring text: what every issue of a newsletter says, left out of the prose to summarize.

A newsletter never comes alone: its issues sit side by side in one folder. A line, sentence or
paragraph found (after normalising digits, dates, links and case; token Jaccard >= 0.7) in at least
``MIN_ISSUES`` *other* Markdown files of the folder is furniture ("Hello and welcome to another
issue…", "If you find any errors…, please submit a PR") and is removed before either engine reads
the text. A document with no siblings (stdin, a lone file) shows its own furniture: calls to action
("subscribe", "submit a PR", "follow us", 欢迎投稿) and the closing marks of newsletters; these are
removed always (:func:`strip_lone`). Link-only lines are dropped earlier, by the input reader.

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
from functools import lru_cache
from pathlib import Path

from .. import atomic, code_version, paths
from .inputs import MARKDOWN_SUFFIXES, inline_to_text, read_markdown
from .markdown import LIST_ITEM, front_matter, without_list_marker
from .sentences import join_sentences, split_paragraphs, split_sentences
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
# A text of at most this many sentences is a call to action when one of them is (see is_call_to_action).
NOTE_SENTENCES = 3

_URL = re.compile(r"<?(?:https?://|www\.)\S+")
_DIGITS = re.compile(r"\d+")
_MONTHS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?",
    re.I,
)
_ORDINAL = re.compile(r"\b0(?:st|nd|rd|th)\b")
# The summary block the pre-commit hook writes is the tool's output, never part of an issue.
_SUMMARY_BLOCK = re.compile(r"<!--[ \t]*summarize:start\b.*?<!--[ \t]*summarize:end\b.*?-->", re.S)

_FURNITURE_RULE = (
    r"^(?:media\s+playback\s+is\s+(?:not\s+supported|unsupported)\s+on\s+(?:this|your)\s+device"
    # Pointers to more of the site: "More on this story and others from Birmingham", "More on this and
    # other local stories from across East Yorkshire", "Updates from this story and more from
    # Nottinghamshire", "More stories from the BBC's Knowledge economy series…", "READ MORE: …".
    r"|more\s+on\s+this\s+(?:story|and\s+other\s+(?:local\s+)?stories)"
    r"(?:\s+and\s+(?:others|more))?(?:\s+from\s+(?:(?![.:]).){1,60})?:?"
    r"|updates\s+(?:on|from)\s+this\s+story(?:\s+and\s+more)?\s+from\s+(?:(?![.:]).){1,60}"
    r"|more\s+stories\s+from\s+the\s+(?:(?![.:]).){1,80}?\bseries\b(?:(?![.:]).){0,120}"
    r"|read\s+more\s*:\s+(?:(?![.!?]).){1,120}$"
    r"|find\s+all\s+the\s+latest\s+(?:(?![.:]).){1,60}\s+on\s+our\s+dedicated\s+page"
    r"|this\s+site\s+is\s+optimi[sz]ed\s+for\s+(?:(?![.:]).){0,60}\bbrowsers?\b(?:(?![.:]).){0,80})\.?$"
    # A match's live-text feed pasted under its report, one event a line: "Foul by Roberto Firmino
    # (Liverpool).", "Lucas Akins (Burton Albion) wins a free kick in the defensive half.", "Corner,
    # Liverpool. Conceded by …", "Match ends, Liverpool 0, Manchester United 0." (BBC Sport's wording).
    r"|^(?:foul\s+by|hand\s+ball\s+by|dangerous\s+play\s+by|penalty\s+conceded\s+by|own\s+goal\s+by)\s+[^()\n]{1,60}"
    r"\([^()\n]{1,40}\)[^\n]{0,80}$"
    r"|^(?:attempt\s+(?:missed|saved|blocked)\.|(?:corner|offside|substitution),\s+[^\n]{1,60}\.\s|goal!\s"
    r"|(?:first|second)\s+half\s+(?:begins|ends)\b|match\s+ends,\s|delay\s+in\s+match\b|delay\s+over\.\s+they\s+are\s+ready"
    r"|lineups\s+are\s+announced\b)[^\n]{0,300}$"
    r"|^[^()\n]{1,60}\([^()\n]{1,40}\)\s+(?:wins\s+a\s+free\s+kick|is\s+shown\s+the\s+(?:yellow|red)\s+card"
    r"|hits\s+the\s+(?:left|right)\s+post|hits\s+the\s+bar|wins\s+a\s+penalty)\b[^\n]{0,120}$"
)
# Calls to action and sign-offs a newsletter shows on its own, in English and Chinese. Written to
# need the imperative or the newsletter's voice ("subscribe to", "follow us"), so that news prose
# about subscriptions or followers does not match.
_CALL_TO_ACTION_RULES = (
    r"^(?:(?:so|and|just)\s+)?(?:please\s+)?(?:subscribe|sign\s+up)\b"
    r"|\b(?:subscribe|sign\s+up)\s+(?:here|now|today|to\s+(?:our|this|the\s+newsletter))\b"
    r"|\bto\s+unsubscribe\b|\bunsubscribe\s+(?:here|at|from\s+(?:this|our))\b"
    r"|\bsubmit\s+(?:a\s+|your\s+)?(?:pr|pull\s+request|suggestions?|quotes?|tasks?|links?)\b"
    r"|\bsend\s+us\b|\b(?:follow|tweet|email|e-mail|contact|join)\s+us\b|\blet\s+(?:us|me)\s+know\b"
    # A writer's or desk's own account, in a news page's footer: "Follow Pallab on Twitter", "You can follow
    # BBC Monitoring on Twitter", "… and follow me on Twitter: @BBCAmos".
    r"|^(?:you\s+can\s+)?follow\s+(?:\S+\s+){1,4}?on\s+(?:twitter|facebook|instagram|youtube|linkedin|mastodon|bluesky)\b"
    r"|(?:^|\band\s+)follow\s+me\s+on\s+(?:twitter|facebook|instagram|youtube|linkedin|mastodon|bluesky)\b"
    r"|\bpull\s+requests?\s+(?:are\s+)?welcome\b|^want\s+(?:something\s+mentioned|to\s+get\s+involved)\?"
    r"|\bif\s+you\s+find\s+any\s+errors\b"
    # A request to whichever reader a condition picks: "If you are running a Rust event please add it to
    # the calendar", "If you are interested, please get in touch!" (no sentence of the news sets).
    r"|^if\s+you\b[^.!?]{0,120}?\bplease\s+(?:add|submit|send|share|let|get|contact|e-?mail|reach|join"
    r"|consider|check|visit|fill|tell|vote|help|write|reply|leave|open|file|donate|support)\b"
    r"|\bthanks\s+to\s+.{1,60}?\s+for\s+the\s+(?:suggestions?|nominations?)\b"
    r"|\b(?:share|forward)\s+this\s+(?:issue|newsletter|email)\b"
    # A pointer to the page's media or listings: "Listen to the full interview on Sport on Five and the BBC
    # Sport website…", "You can watch BBC Spotlight… now on BBC iPlayer.", "Please click on this page for
    # the latest listings.", "The video can be seen at the top of this story." (news pages).
    r"|^(?:you\s+can\s+)?(?:listen|watch)(?!\s+out)\s+(?:again\s+)?(?:to\s+)?[^.!?]{0,100}?\b(?:on|via)\s+(?:the\s+)?"
    r"(?:bbc\b|iplayer|sport\s+on\s+five|[^.!?]{0,40}?\b(?:website|podcast|app)\b)"
    r"|^(?:please\s+)?click\s+(?:on\s+)?(?:here|this\s+(?:page|link)|the\s+link)\b"
    r"|^the\s+video\s+(?:is|can\s+be\s+(?:seen|watched))\s+(?:at\s+the\s+top|above|below)\b"
    r"|\bview\s+(?:this|it)\s+in\s+your\s+browser\b"
    r"|\bdiscuss\s+(?:this\s+issue\s+)?on\s+\S+|\bis\s+edited\s+by\b|\bvote\s+for\s+next\s+week\b"
    r"|即可订阅|欢迎订阅|点击订阅|订阅本|欢迎投稿|投稿(?:请|邮箱|地址)|扫码|扫描.{0,6}二维码"
    r"|欢迎(?:提交|访问|关注|转发|推荐|分享)|^[（(]完[)）]$"
    # Furniture that introduces a newsletter or one of its sections in the editor's voice.
    r"|\bwelcome\s+to\s+(?:another|this|the\s+latest|our)\s+(?:\S+\s+){0,2}?(?:issue|edition)\b"
    r"|^(?:every|each)\s+week,?\s+we\b|\bthis\s+is\s+a\s+weekly\s+(?:summary|newsletter|digest)\b"
    r"|每周.{0,12}发布"
    # A sign-off: thanks for reading, until next time, "Cheers, Jeroen" on a line of its own.
    r"|^(?:many\s+)?(?:thanks|thank\s+you)(?:\s+(?:so|very)\s+much)?,?\s+(?:all\s+)?for\s+(?:reading\b"
    r"|(?:your?\s+)?(?:time|attention|support)\b)"
    # "That is all for issue 42.", "That's it for this week!": the whole sentence, nothing said after it.
    r"|^(?:and\s+|so\s+)?that(?:['’]s|\s+is|\s+was)\s+(?:all|it)(?:\s+for\s+(?:now|today|this\s+(?:week|issue|edition|time)"
    r"|the\s+(?:week|issue|edition|newsletter)|(?:issue|edition)\s+(?:no\.?\s*|#)?\d+))?[\s!.…]*$"
    r"|^(?:until\s+next\s+(?:time|week|issue)|see\s+you\s+(?:next\s+(?:time|week|issue)|soon))\b[\s,!.]*(?:\S+)?[.!]?$"
    r"|^(?:cheers|regards|best\s+regards|happy\s+(?:coding|hacking|reading))\b[\s,!.]*(?:\S+(?:\s+(?:and|&)\s+\S+)?)?[.!]?$"
    # A line of a news page's furniture, whole lines only (see _FURNITURE_LINE).
    "|" + _FURNITURE_RULE
)
# A line of a news page's furniture, pasted along with the article ("Media playback is not supported
# on this device" before each BBC video). It has no stop, so inside a soft-wrapped paragraph it would
# read as the start of the next sentence ("…on this device If the former Forest defender…"): such
# lines go before the paragraph is read as sentences.
_FURNITURE_LINE = re.compile(_FURNITURE_RULE, re.I)


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


@lru_cache(maxsize=1)
def _call_to_action() -> re.Pattern[str]:
    # Compiled on first use: a plain article never needs it (see strip_lone).
    return re.compile(_CALL_TO_ACTION_RULES, re.I)


def is_call_to_action(text: str) -> bool:
    """Whether ``text`` asks the reader to do something for the newsletter (subscribe, submit, follow),
    or is a line of a news page's furniture ("Media playback is not supported on this device").

    A text of a few sentences (a newsletter's note: "本杂志开源，欢迎投稿。另有《谁在招人》服务…") is one when any
    of them is, a longer one when at least half of them are: a greeting paragraph goes whole ("Hello and
    welcome to another issue… This is a weekly summary… Want something mentioned? Tweet us…"), while an
    article whose lines end "… Follow us on Twitter @BBCNewsEnts" keeps its news and loses that line alone,
    and an editor's intro that asks "Please let me know…" in one of its sentences keeps the others."""
    text = text.strip()
    rule = _call_to_action()
    if not rule.search(text):
        return False
    sentences = split_sentences(text, _SPLIT_LANG)
    if len(sentences) <= NOTE_SENTENCES:
        return True
    return 2 * sum(1 for s in sentences if rule.search(s)) >= len(sentences)


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
    raw = _SUMMARY_BLOCK.sub("", raw)
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


# The same patterns without their anchors, and with "." matching a line break (a soft-wrapped
# paragraph is checked with its lines joined by spaces): a text this finds nothing in has no call to
# action in any paragraph, line or sentence, so it skips the unit-by-unit walk (most articles). Only
# anchors go: the "^" of a negated class ("[^.!?]") stays, or the class would turn into its opposite.
_MAY_CALL_TO_ACTION = re.compile(re.sub(r"(?<![\[\\])\^|(?<!\\)\$", "", _CALL_TO_ACTION_RULES), re.I | re.S)


def strip_lone(prose: str) -> tuple[str, int]:
    """``prose`` of a document with no siblings, without its calls to action and sign-offs."""
    if not _MAY_CALL_TO_ACTION.search(prose):
        # What _strip returns when it drops nothing: paragraphs without their blank lines.
        paragraphs = ("\n".join(ln for ln in para.split("\n") if ln.strip()) for para in split_paragraphs(prose))
        return "\n\n".join(paragraphs), 0
    return _strip(prose, is_call_to_action)


def _strip(prose: str, drop: Callable[[str], bool]) -> tuple[str, int]:
    """``prose`` without the paragraphs, lines and sentences ``drop`` says are boilerplate."""
    kept: list[str] = []
    removed = 0
    for para in split_paragraphs(prose):
        lines = [ln for ln in para.split("\n") if ln.strip()]
        furniture = [ln for ln in lines if _FURNITURE_LINE.match(ln.strip())]
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
