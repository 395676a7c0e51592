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


def _split_long(sentence: str, count: TokenCounter, limit: int) -> list[str]:
    """Cut one over-long sentence into pieces of at most ``limit`` tokens."""
    if count(sentence) <= limit:
        return [sentence]
    spaced = " " in sentence.strip()
    attempts = (
        ([p for p in _CLAUSE.split(sentence) if p], " " if spaced else ""),
        (sentence.split() if spaced else [], " "),
        (list(sentence), ""),
    )
    for parts, joiner in attempts:
        if len(parts) < 2:
            continue
        pieces: list[str] = []
        current = ""
        for part in parts:
            candidate = f"{current}{joiner}{part}" if current else part
            if current and count(candidate) > limit:
                pieces.append(current)
                current = part
            else:
                current = candidate
        pieces.append(current)
        result: list[str] = []
        for piece in pieces:
            result.extend(_split_long(piece, count, limit))
        return [p.strip() for p in result if p.strip()]
    return [sentence]


def chunk_text(text: str, count: TokenCounter, limit: int, lang: str = "en") -> list[Chunk]:
    """Pack the sentences of ``text`` into chunks of at most ``limit`` tokens each.

    ``count`` measures a string with the model's own tokenizer (special tokens included).
    """
    if limit < 8:
        raise ValueError(f"chunk limit too small: {limit}")
    chunks: list[Chunk] = []
    current: list[str] = []
    current_text = ""

    def flush() -> None:
        nonlocal current, current_text
        if current:
            chunks.append(Chunk(current_text, current, count(current_text)))
        current, current_text = [], ""

    for p_index, para in enumerate(split_paragraphs(text)):
        for s_index, sentence in enumerate(split_sentences(para, lang)):
            for piece in _split_long(sentence, count, limit):
                sep = "\n\n" if (s_index == 0 and p_index > 0) else " "
                candidate = f"{current_text}{sep}{piece}" if current_text else piece
                if current and count(candidate) > limit:
                    flush()
                    candidate = piece
                current.append(piece)
                current_text = candidate
    flush()
    return chunks
