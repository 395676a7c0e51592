"""Split long text into chunks that fit a model's input, on paragraph and sentence boundaries.

Nothing is dropped: every sentence lands in exactly one chunk, in order. A sentence longer than
the limit is cut at clause boundaries, then between words, then between characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .sentences import split_paragraphs, split_sentences

TokenCounter = Callable[[str], int]
_CLAUSE = re.compile(r"(?<=[,;:،؛，；：])\s*")


@dataclass
class Chunk:
    """One model input: its text, the sentences in it and its length in model tokens."""

    text: str
    sentences: list[str] = field(default_factory=list)
    tokens: int = 0


def _pack(items: list[tuple[str, str, int]], count: TokenCounter, limit: int) -> list[Chunk]:
    """Greedily join ``(separator, piece, piece tokens)`` items into chunks of at most ``limit`` tokens.

    Greedy packing counts the chunk-so-far once per added piece, which tokenizes each chunk once per
    piece: quadratic in the chunk's length (slow for a 1024-token model, or for a run-on sentence cut
    into single words). Here the sum of the pieces' own counts guesses how many pieces fit, and a few
    counts of whole candidates around the guess find the exact boundary; the chunks are the same as
    greedy packing's. A single piece longer than the limit becomes a chunk of its own (the caller cuts it).
    """
    specials = count("")  # what every count adds (BOS/EOS): left out of the pieces' sum
    chunks: list[Chunk] = []
    while items:
        chunk = _first_chunk(items, count, limit, specials)
        chunks.append(chunk)
        items = items[len(chunk.sentences) :]
    return chunks


def _first_chunk(items: list[tuple[str, str, int]], count: TokenCounter, limit: int, specials: int) -> Chunk:
    """The longest run of leading ``items`` that fits ``limit`` (at least one item)."""
    counted: dict[int, int] = {1: items[0][2]}

    def text_of(k: int) -> str:
        return "".join((sep if j else "") + piece for j, (sep, piece, _) in enumerate(items[:k]))

    def fits(k: int) -> bool:
        if k not in counted:
            counted[k] = count(text_of(k))
        return counted[k] <= limit

    guess, total = 1, items[0][2]
    while guess < len(items) and total + items[guess][2] - specials <= limit:
        total += items[guess][2] - specials
        guess += 1
    # Bisect between ``lo`` items (fit, or a single one) and ``hi`` (do not fit, or past the end),
    # probing the guess and its neighbour first: with a good guess that is all it takes.
    lo, hi = 1, len(items) + 1
    for k in (guess, guess + 1 if fits(guess) else guess - 1):
        if 1 < k <= len(items):
            lo, hi = (k, hi) if fits(k) else (lo, k)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if fits(mid) else (lo, mid)
    return Chunk(text_of(lo), [piece for _, piece, _ in items[:lo]], counted[lo])


def _split_long(sentence: str, count: TokenCounter, limit: int, tokens: int | None = None) -> list[tuple[str, int]]:
    """Cut one over-long sentence into ``(piece, tokens)`` of at most ``limit`` tokens each."""
    tokens = count(sentence) if tokens is None else tokens
    if tokens <= limit:
        return [(sentence, tokens)]
    spaced = " " in sentence.strip()
    attempts = (
        ([p for p in _CLAUSE.split(sentence) if p], " " if spaced else ""),
        (sentence.split() if spaced else [], " "),
        (list(sentence), ""),
    )
    for parts, joiner in attempts:
        if len(parts) < 2:
            continue
        result: list[tuple[str, int]] = []
        for chunk in _pack([(joiner, part, count(part)) for part in parts], count, limit):
            result.extend(_split_long(chunk.text, count, limit, chunk.tokens))
        stripped = [(p.strip(), n if p.strip() == p else count(p.strip())) for p, n in result]
        return [(p, n) for p, n in stripped if p]
    return [(sentence, tokens)]


def chunk_text(text: str, count: TokenCounter, limit: int, lang: str = "en") -> list[Chunk]:
    """Pack the sentences of ``text`` into chunks of at most ``limit`` tokens each.

    ``count`` measures a string with the model's own tokenizer (special tokens included).
    """
    if limit < 8:
        raise ValueError(f"chunk limit too small: {limit}")
    items: list[tuple[str, str, int]] = []
    for p_index, para in enumerate(split_paragraphs(text)):
        for s_index, sentence in enumerate(split_sentences(para, lang)):
            for piece, tokens in _split_long(sentence, count, limit):
                items.append(("\n\n" if (s_index == 0 and p_index > 0) else " ", piece, tokens))
    return _pack(items, count, limit)
