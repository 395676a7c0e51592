"""pysbd, fast and in bounded windows: the sentence ends pysbd finds in a paragraph, without its
per-sentence regex compiles and without its cost growing with the square of a paragraph's length.
:mod:`.sentences` owns what a sentence is; this module only runs pysbd on one paragraph."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .abbreviations import fast_language

# pysbd's time grows with the square of a paragraph's length (its abbreviation pass re-substitutes the
# whole paragraph per match): 10k words in one paragraph took 1.5 s, 30k words 9.4 s. It never sees
# more than this many characters at once; up to here its cost per character is still flat.
WINDOW = 5000
# Of a window, only sentences that end this far before its cut are kept: a sentence near the cut may
# be one that the cut itself made (a quote or an abbreviation cut in two), so it is segmented again
# at the start of the next window, with its full context.
MARGIN = 1000


# Marks at which pysbd ends a sentence and which end none: Arabic's comma "،" (pysbd's Arabic ends a
# sentence at each one: 20 Arabic NTREX news sentences came out as 43 pieces, 23 of them ending in a
# comma) and, in its Arabic and Persian, the colon ("او گفت:", "he said:", was a sentence of its own before its quote).
# pysbd's English ends a sentence at neither; here no language does.
_NOT_STOPS = "،:"


def _real_stops(language: Any) -> Any:
    """``language`` (a pysbd language module) without ``_NOT_STOPS`` among its sentence ends."""
    stops = [p for p in language.Punctuations if p not in _NOT_STOPS]
    if len(stops) == len(language.Punctuations) or language.iso_code == "hy":  # Armenian types "։" as ":"
        return language
    boundary = rf".*?[{re.escape(''.join(stops))}]|.*?\Z|.*?$"
    return type(language.__name__, (language,), {"Punctuations": stops, "SENTENCE_BOUNDARY_REGEX": boundary})


@lru_cache(maxsize=32)
def get_segmenter(lang: str):  # type: ignore[no-untyped-def]
    """pysbd's segmenter for ``lang`` (made once per process): its sentence ends less ``_NOT_STOPS``,
    its abbreviation pass without idle rewrites (:func:`.abbreviations.fast_language`)."""
    import pysbd

    segmenter = pysbd.Segmenter(language=lang, clean=False, char_span=False)
    segmenter.language_module = fast_language(_real_stops(segmenter.language_module))
    return segmenter


def segment(segmenter, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """``segmenter.segment(text)`` without its cost: pysbd finds each sentence again in the text with a
    regex built from that sentence (a compile per sentence, most of pysbd's time on short texts); the
    same search by plain string matching gives the same pieces."""
    if not text:
        return []
    sentences = segmenter.processor(text).process()
    if any(not s for s in sentences):
        return list(segmenter.segment(text))
    pieces, prior_end = [], 0
    for sentence in sentences:
        # pysbd: the first of re.finditer(escape(sentence) + r"\s*") (non-overlapping) ending past the last piece.
        at = text.find(sentence)
        while at >= 0:
            end = at + len(sentence)
            while end < len(text) and text[end].isspace():
                end += 1
            if end > prior_end:
                pieces.append(text[at:end])
                prior_end = end
                break
            at = text.find(sentence, end)
    return pieces


def spans(window: str, pieces: list[str]) -> list[int]:
    """Where each piece pysbd returned ends in ``window`` (pysbd with clean=False keeps the text)."""
    ends, cursor = [], 0
    for piece in pieces:
        at = window.find(piece, cursor)
        if at < 0:
            raise ValueError("pysbd changed the text")
        cursor = at + len(piece)
        ends.append(cursor)
    return ends


@lru_cache(maxsize=1)
def _quoted_patterns() -> tuple[re.Pattern[str], ...]:
    from pysbd.between_punctuation import BetweenPunctuation as BP

    return tuple(
        re.compile(p)
        for p in (
            BP.BETWEEN_SINGLE_QUOTES_REGEX,
            BP.BETWEEN_SINGLE_QUOTE_SLANTED_REGEX,
            BP.BETWEEN_DOUBLE_QUOTES_REGEX_2,
            BP.BETWEEN_SQUARE_BRACKETS_REGEX_2,
            BP.BETWEEN_PARENS_REGEX_2,
            BP.BETWEEN_QUOTE_ARROW_REGEX_2,
            BP.BETWEEN_QUOTE_SLANTED_REGEX_2,
        )
    )


def _inside_quotes(paragraph: str) -> bytearray:
    """1 at each position strictly inside a quote, bracket or parenthesis as pysbd pairs them.

    pysbd never ends a sentence inside one; a window cut inside a long quote would pair its quotes
    differently and split it, so windows are only cut where this is 0.
    """
    inside = bytearray(len(paragraph) + 1)
    for pattern in _quoted_patterns():
        for m in pattern.finditer(paragraph):
            if m.end() - m.start() > 2:
                inside[m.start() + 1 : m.end()] = b"\x01" * (m.end() - m.start() - 1)
    return inside


# pysbd protects text between single quotes only when the whole text has a quote before a space
# somewhere; a window that lost the paragraph's one gets this appended, in a piece that is dropped.
_QUOTE_SPACE = re.compile(r"'\s")
_SUFFIX = " ' ."


def _segment_window(segmenter, text: str, suffix: str) -> tuple[list[str], list[int]]:  # type: ignore[no-untyped-def]
    """pysbd's pieces of ``text`` and where each ends, with ``suffix`` appended and taken off again."""
    pieces = segment(segmenter, text + suffix)
    ends = spans(text + suffix, pieces)
    if suffix:
        # The suffix ends the last piece or is one: cut it off, keep the rest of that piece.
        while pieces and ends[-1] - len(pieces[-1]) >= len(text):
            pieces.pop()
            ends.pop()
        if pieces:
            overhang = max(0, ends[-1] - len(text))
            pieces[-1] = pieces[-1][: len(pieces[-1]) - overhang]
            ends[-1] -= overhang
    return pieces, ends


# pysbd reads all between two "--" as one aside, in which it ends no sentence; news writes " -- " for a
# dash (CNN), and two of them sentences apart kept 145 words of one article together. pysbd is handed
# each "--" as two em dashes, which no rule of it pairs; the same length, so its pieces map back.
_DASH_PAIR = "--"
_UNPAIRED_DASHES = "\u2014\u2014"


def unpair_dashes(text: str) -> str:
    """``text`` as pysbd should read it: each "--" as two em dashes, which pair with nothing (the same
    length, so pysbd's pieces of it are cut from ``text`` at the same places)."""
    return text.replace(_DASH_PAIR, _UNPAIRED_DASHES)


def segment_bounded(segmenter, paragraph: str) -> list[str]:  # type: ignore[no-untyped-def]
    """pysbd's sentences of ``paragraph``, in windows of at most WINDOW characters: linear time; a "--"
    pairs with no other (:func:`unpair_dashes`)."""
    masked = unpair_dashes(paragraph)
    pieces = _segment_bounded(segmenter, masked)
    if masked == paragraph:
        return pieces
    return [paragraph[end - len(piece) : end] for piece, end in zip(pieces, spans(masked, pieces), strict=True)]


def _segment_bounded(segmenter, paragraph: str) -> list[str]:  # type: ignore[no-untyped-def]
    if len(paragraph) <= WINDOW:
        return segment(segmenter, paragraph)
    inside = _inside_quotes(paragraph)
    needs_quote_space = bool(_QUOTE_SPACE.search(paragraph))
    out: list[str] = []
    pos = 0
    while True:
        # The space before a sentence is part of its context (pysbd looks behind a quote for one).
        lead = 1 if pos and paragraph[pos - 1].isspace() else 0
        window = paragraph[pos - lead : pos - lead + WINDOW]
        suffix = _SUFFIX if needs_quote_space and not _QUOTE_SPACE.search(window) else ""
        pieces, ends = _segment_window(segmenter, window, suffix)
        if pos - lead + WINDOW >= len(paragraph):
            out.extend(pieces)
            return out
        # The last piece may run past the window: never keep it from this window.
        ends = ends[:-1]
        safe = [i + 1 for i, e in enumerate(ends) if lead < e <= WINDOW - MARGIN and not inside[pos - lead + e]]
        if not safe:  # nothing settled far from the cut: take any end outside quotes
            safe = [i + 1 for i, e in enumerate(ends) if lead < e and not inside[pos - lead + e]]
        if safe:
            keep = safe[-1]
            out.extend(pieces[:keep])
            pos += ends[keep - 1] - lead
        else:
            # No sentence end in WINDOW characters: a run-on. Cutting it at a space bounds the work;
            # a sentence this long is cut for the summary anyway.
            cut = window.rfind(" ") + 1
            cut = cut if cut > lead else len(window)
            out.append(window[:cut])
            pos += cut - lead
