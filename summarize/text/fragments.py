"""Sentences that are fragments: pieces the splitter cut from a sentence's start, or a list item's label.

In a cased script a "sentence" that starts with a word in lower case is most often a piece the splitter
cut from its start ("and Gin and Juice in 1993.", "said Recording Academy president …"): shown in a
summary it reads as a broken sentence. Not where the word is a name written so ("apt is…" under the
title "APT", "lxml is a Pythonic…" in a README that writes "lxml" throughout), nor in a text that
writes that way (chat, notes). The extractive engine's candidates leave them out
(:func:`.engines.features.candidates`).
"""

from __future__ import annotations

import re
from collections import Counter

from .markdown import LIST_MARKER
from .mentions import is_common_lower

# Sentences starting in lower case are fragments only where they are few; a text written in lower
# case (chat, notes) keeps them all. Not searched: the news sets have 14 such in 9,347 sentences.
FRAGMENT_SHARE = 0.25
# A list item's label in lower case before a colon ("disposition: merge Stabilize…", "miri: update
# panic machinery…") opens no sentence, however many of a text's sentences start in lower case
# (This Week in Rust's lists of pull requests do: over a quarter of an issue's). None in the news sets.
_ITEM_LABEL = re.compile(r"[a-z][\w.-]*:\s")
# A list's item that ends in a comma or a semicolon is a piece of the sentence its list runs through ("The
# release also includes: / - Server-Send Events and WebSocket support was factored into extensions, / - the
# new Alpine-Morph plugin…", This Week in htmx's summary sentence). Not the Chinese "；", which ends each item
# of a list written in full ("Enum 新增 CaseIterable 协议，支持 allCases 属性；", 老司机 iOS 周报's).
_PIECE_END = r"[,;，、]\s*$"
_LIST_PIECE = re.compile(rf"^{LIST_MARKER}.*{_PIECE_END}", re.S)
# A bug tracker's entry, its key and its category in brackets before the bug's title (Swift Weekly Brief's
# starter tasks, "SR-7823 [Package Manager] swift run intermingles…"): a task listed, no news to summarize;
# two of them were summary sentences of one issue. The key alone is no mark ("COVID-19 cases rose…").
_TRACKER_ENTRY = re.compile(r"[A-Z][A-Z\d]*-\d+\s+\[[^\]\n]{1,30}\]\s")


# A word, or words joined by hyphens ("log-structured storage engines (like…)", a list item under a
# sentence, had been a summary sentence: "log-structured" was no word to the old test, so no fragment's).
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"


def _lower_word(word: str) -> bool:
    """Whether ``word`` is a word (:data:`_WORD`) in lower case."""
    return word.islower() and re.fullmatch(_WORD, word) is not None


def _title_names(title: str | None) -> set[str]:
    """Words of ``title`` that name something, lower-cased: a first word it writes in lower case ("npm" of
    "npm-install") and any it writes in capitals or mixed case ("APT", "iOS"); not a word that title case
    capitalises ("The", "Rock") nor one it leaves in lower case (the "and" of "Rock and Roll")."""
    words = re.findall(r"[^\W\d_]+", title or "")
    return {w.lower() for k, w in enumerate(words) if (k == 0 and w.islower()) or not (w.islower() or w.istitle())}


def _lower_names(sentences: list[str], first: list[str], lang: str) -> set[str]:
    """Words that open a sentence in lower case and name something: in English, a word no common word
    that the text writes in lower case again ("lxml is a Pythonic, mature binding…", "pypdf can…": a
    package's README names it so throughout). A piece the splitter cut opens with a common word
    ("and", "said", "maintains")."""
    if lang != "en":
        return set()
    # A compound of common words ("log-structured") is no name, as a common word is not.
    rare = {w for w in first if _lower_word(w) and not all(is_common_lower(p) for p in w.split("-"))}
    if not rare:
        return set()
    counts = Counter(w for s in sentences for w in re.findall(_WORD, s) if w in rare)
    return {w for w in rare if counts[w] >= 2}


def fragment_starts(sentences: list[str], title: str | None = None, lang: str = "") -> set[int]:
    """Sentences that start with a word in lower case, where the text's sentences start with capitals.

    In a cased script such a "sentence" is a piece the splitter cut from its start ("and Gin and
    Juice in 1993.", "said Recording Academy president …") or a list item's label ("disposition:
    merge Stabilize …"): it reads as a broken sentence in a summary. Words in mixed case ("iPhone",
    "eBay") start sentences too and are kept, and a text where over :data:`FRAGMENT_SHARE` of the
    sentences start in lower case (chat, notes) keeps them all but a label before a colon
    (:data:`_ITEM_LABEL`) and a bug tracker's entry (:data:`_TRACKER_ENTRY`), which open no sentence
    anywhere. Scripts without case never match, nor a word that ``title`` names (:func:`_title_names`).
    """
    first = [s.split(maxsplit=1)[0].rstrip(",.:;!?") if s.strip() else "" for s in sentences]
    # A name the title gives and the text writes in lower case opens a sentence ("apt is the main
    # command-line package manager…" under the title "APT").
    named = _title_names(title) | _lower_names(sentences, first, lang)
    lower = {i for i, w in enumerate(first) if _lower_word(w) and w not in named}
    labels = {i for i, s in enumerate(sentences) if _ITEM_LABEL.match(s) or _TRACKER_ENTRY.match(s)}
    # Whether the text writes in lower case is told by plain words: a newsletter's items naming attributes
    # ("hx-sync", "hx-disinherit") had tipped This Week in htmx's share and let its fragments in.
    plain = sum(1 for i in lower if first[i].isalpha())
    return (lower if plain <= FRAGMENT_SHARE * len(sentences) else set()) | labels


def is_list_piece(raw: str) -> bool:
    """Whether ``raw``, a sentence as written (its list marker kept), is a list's item that its list's
    sentence goes on from (:data:`_LIST_PIECE`)."""
    return _LIST_PIECE.match(raw) is not None


def is_list_piece_end(item: str) -> bool:
    """Whether ``item``, a list item's text without its marker, ends as a piece of its list's sentence."""
    return re.search(_PIECE_END, item) is not None
