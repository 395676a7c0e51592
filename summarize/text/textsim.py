"""Small text-similarity helpers shared by the engines: word sets and near-duplicate tests."""

from __future__ import annotations

from .scripts import has_cjk, word_pattern


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (a word keeps its combining marks: :func:`.scripts.word_pattern`);
    Han/kana/Hangul characters count one token each."""
    text = text.lower()
    words = word_pattern(text).findall(text)
    if not has_cjk(text):
        return words
    out: list[str] = []
    for word in words:
        if has_cjk(word):
            out.extend(ch for ch in word)
        else:
            out.append(word)
    return out


def overlap(a: str, b: str) -> float:
    """Share of the smaller word set found in the other (1.0 = one contains the other)."""
    sa, sb = set(tokens(a)), set(tokens(b))
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def is_near_duplicate(candidate: str, kept: list[str], threshold: float = 0.6) -> bool:
    """Whether ``candidate`` shares at least ``threshold`` of its (or the other's) words with any of ``kept``."""
    return any(overlap(candidate, other) >= threshold for other in kept)
