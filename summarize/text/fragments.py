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

from .mentions import is_common_lower

# Sentences starting in lower case are fragments only where they are few; a text written in lower
# case (chat, notes) keeps them all. Not searched: the news sets have 14 such in 9,347 sentences.
FRAGMENT_SHARE = 0.25
# A list item's label in lower case before a colon ("disposition: merge Stabilize…", "miri: update
# panic machinery…") opens no sentence, however many of a text's sentences start in lower case
# (This Week in Rust's lists of pull requests do: over a quarter of an issue's). None in the news sets.
_ITEM_LABEL = re.compile(r"[a-z][\w.-]*:\s")
# A bug tracker's entry, its key and its category in brackets before the bug's title (Swift Weekly Brief's
# starter tasks, "SR-7823 [Package Manager] swift run intermingles…"): a task listed, no news to summarize;
# two of them were summary sentences of one issue. The key alone is no mark ("COVID-19 cases rose…").
_TRACKER_ENTRY = re.compile(r"[A-Z][A-Z\d]*-\d+\s+\[[^\]\n]{1,30}\]\s")


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
    rare = {w for w in first if w.isalpha() and w.islower() and not is_common_lower(w)}
    if not rare:
        return set()
    counts = Counter(w for s in sentences for w in re.findall(r"[^\W\d_]+", s) if w in rare)
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
    lower = {i for i, w in enumerate(first) if w.isalpha() and w.islower() and w not in named}
    labels = {i for i, s in enumerate(sentences) if _ITEM_LABEL.match(s) or _TRACKER_ENTRY.match(s)}
    return (lower if len(lower) <= FRAGMENT_SHARE * len(sentences) else set()) | labels
