"""Offline extractive engine: picks sentences from the article itself, no model weights needed."""

from __future__ import annotations

from dataclasses import dataclass

from .sentences import split_sentences
from .textsim import is_near_duplicate

METHOD = "lead-mmr"
SUMMARY_SENTENCES = {"short": 2, "medium": 3, "long": 5}


@dataclass
class ExtractiveSummary:
    summary: str
    key_points: list[str]
    method: str = METHOD


def summarize(text: str, lang: str, *, points: int = 5, length: str = "medium") -> ExtractiveSummary:
    """Summary (leading sentences, reading order) and distinct key points from ``text``."""
    sentences = split_sentences(text, lang)
    n = SUMMARY_SENTENCES.get(length, 3)
    summary = sentences[:n]
    kept: list[str] = []
    for sent in sentences:
        if len(kept) >= points:
            break
        if not is_near_duplicate(sent, kept):
            kept.append(sent)
    return ExtractiveSummary(" ".join(summary), kept)


def key_points(text: str, lang: str, points: int, exclude: list[str] | None = None) -> list[str]:
    """Distinct sentences usable as key points, most important first, none close to ``exclude``."""
    exclude = list(exclude or [])
    out: list[str] = []
    for sent in summarize(text, lang, points=points * 3).key_points:
        if len(out) >= points:
            break
        if not is_near_duplicate(sent, exclude + out):
            out.append(sent)
    return out
