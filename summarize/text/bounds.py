"""Bounded summaries: a summary never runs past the word budget of its ``--length`` (plus one sentence's slack).

A run-on "sentence" (thousands of words without a full stop: a pasted table, a transcript) would
otherwise become the whole summary. :func:`bound` keeps whole sentences while they fit, and cuts
the first one that does not at a clause boundary (a comma, semicolon, colon or dash) when one
leaves at least half the room, else between words, and marks the cut with "…".

Words are counted as whitespace-separated words (Korean writes its words so); a Chinese character
(a Han character in Japanese too) counts half a word, a kana a quarter, and a letter of Thai, Lao,
Myanmar or Khmer (with its vowel and tone marks) a fifth, so budgets hold in any script. The rates are
measured on the shared NTREX news sentences, 20 per language, against the 17.3 words of an English one:
a Chinese one has 31.5 Han characters (16.1 words so counted), a Japanese one 13.8 Han and 33.8 kana
(16.6), a Korean one 17.0 spaced words, a Thai one 84.6 letters (16.5 with its Latin words). Lao,
Myanmar and Khmer, which have no text there, are counted as Thai, the script they share their way of
writing with. Until the thirteenth session every kana and Hangul syllable counted half a word (a
Japanese sentence 25 words, a Korean one 26: their summaries were cut at two thirds of their budget) and
a Thai run with no space one word (its summary was the whole text).
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from .joined import join_sentences
from .scripts import (
    SPACELESS_RANGES,
    UNSPACED_CJK_RANGES,
    has_cjk,
    has_spaceless,
    is_kana,
    is_spaceless,
    is_unspaced_cjk,
)
from .sentences import split_sentences

# The extractive engine's sentence counts per length (2, 3, 5) times 40 words, a long news sentence:
# budgets a normal summary stays within (checked, not fitted, on CNN/DM and BBC: see README).
LENGTH_WORDS = {"short": 80, "medium": 120, "long": 200}
# A summary may end with a whole sentence that overflows its budget by at most this many words.
SLACK_WORDS = 40
# Less room than this is not worth a cut sentence: the summary stops before it instead.
MIN_CUT_WORDS = 8
ELLIPSIS = "…"
HAN_WEIGHT = 0.5  # words per Chinese character (Han, also in Japanese)
KANA_WEIGHT = 0.25  # words per Japanese kana
SPACELESS_WEIGHT = 0.2  # words per Thai, Lao, Myanmar or Khmer letter


def _ranges(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges)


_DENSE = _ranges(SPACELESS_RANGES)
_SPACED_UNIT = re.compile(r"\S+")
_WORDLIKE = re.compile(r"\w")
# A space between two Thai, Lao, Myanmar or Khmer letters ends a phrase, as a comma does elsewhere.
_CLAUSE = re.compile(rf"[,;:，；：、]|\s[-–—]\s|\s\((?=\w)|(?<=[{_DENSE}])\s(?=[{_DENSE}])")
_TRAILING = re.compile(r"[\s,;:，；：、\-–—(]+$")


@lru_cache(maxsize=1)
def _dense_unit() -> re.Pattern[str]:
    # Each Han or kana character is a unit, and so is each Thai, Lao, Myanmar or Khmer letter with the marks
    # after it (a cut never parts a vowel sign from its letter); each run of other non-space characters
    # is one. Compiled only for text that has such characters (a class this wide costs milliseconds).
    cjk, dense = _ranges(UNSPACED_CJK_RANGES), _DENSE
    marks = "".join(
        ch for lo, hi in SPACELESS_RANGES for ch in map(chr, range(lo, hi + 1)) if unicodedata.category(ch)[0] == "M"
    )
    return re.compile(rf"[{cjk}]|[{dense}][{marks}]*|[^\s{cjk}{dense}]+")


def _weight(unit: str) -> float:
    first = unit[0]
    if is_kana(first):
        return KANA_WEIGHT
    if is_unspaced_cjk(first):
        return HAN_WEIGHT
    if is_spaceless(first):
        return SPACELESS_WEIGHT
    return 1.0 if _WORDLIKE.search(unit) else 0.0  # punctuation alone ("…", "—") is no word


def _weights(text: str) -> list[tuple[int, float]]:
    """(end offset, weight) of each word unit of ``text``."""
    pattern = _dense_unit() if has_cjk(text) or has_spaceless(text) else _SPACED_UNIT
    return [(m.end(), _weight(m.group())) for m in pattern.finditer(text)]


def word_count(text: str) -> int:
    """Words in ``text``: a Han character counts half a word, a kana a quarter, a Thai, Lao, Myanmar or
    Khmer letter a fifth; other words (Korean's too) one each."""
    return math.ceil(sum(w for _, w in _weights(text)))


def cut(sentence: str, budget: int) -> str:
    """``sentence`` cut to at most ``budget`` words: at the last clause boundary that keeps at least half
    of them, else after the last whole word that fits; "…" marks the cut."""
    total, end = 0.0, 0
    for offset, weight in _weights(sentence):
        if total + weight > budget:
            break
        total += weight
        end = offset
    if end >= len(sentence.rstrip()):
        return sentence
    head = sentence[:end]
    boundaries = [m.start() for m in _CLAUSE.finditer(head) if word_count(head[: m.start()]) >= budget / 2]
    if boundaries:
        head = head[: boundaries[-1]]
    return _TRAILING.sub("", head) + ELLIPSIS


def bound(text: str, budget: int, lang: str = "en") -> tuple[str, bool]:
    """``text`` within ``budget`` words plus at most ``SLACK_WORDS`` (one whole last sentence), and whether
    anything was cut or left out. Sentences are kept whole while they fit; the first that does not is cut
    (see :func:`cut`), and the rest is left out."""
    if word_count(text) <= budget:
        return text, False
    sentences = split_sentences(text, lang)
    kept: list[str] = []
    used = 0
    for sentence in sentences:
        n = word_count(sentence)
        if used >= budget:
            break
        if used + n <= budget + SLACK_WORDS and n <= budget:
            kept.append(sentence)
            used += n
            continue
        room = budget - used
        if room >= MIN_CUT_WORDS or not kept:
            kept.append(cut(sentence, max(room, 1)))
        break
    if kept == sentences:
        return text, False  # over the budget by less than the last sentence's slack
    return join_sentences(kept), True
