"""A frozen copy of ``summarize.text.sentences`` as it was before pysbd was windowed (commit 688bfc5).

Tests and bench/detect_split_speed.py compare the package's splitter with this one: the same sentences
on normal text, and how much faster on long paragraphs. Never imported by the package; never edit it.
"""

from __future__ import annotations

import re
from functools import lru_cache

PYSBD_LANGUAGES = frozenset(
    [
        "en",
        "hi",
        "mr",
        "zh",
        "es",
        "am",
        "ar",
        "hy",
        "bg",
        "ur",
        "ru",
        "pl",
        "fa",
        "nl",
        "da",
        "fr",
        "my",
        "el",
        "it",
        "ja",
        "de",
        "kk",
        "sk",
    ]
)
_PARAGRAPH = re.compile(r"\n\s*\n")
# Closing quotes and brackets that may follow a full stop and belong to the sentence.
_CLOSERS = re.escape("\"'”’»)]\u300d\u300f")
_STOP = re.compile(
    rf"[.!?]+[{_CLOSERS}]*(?=\s+\S)"  # Latin-style stops need a space after them
    rf"|[。！？؟۔।॥။]+[{_CLOSERS}]*(?=\s*\S)"  # these scripts often need none
)
_LEADING_CLOSER = re.compile(rf"^([{_CLOSERS}]+)(\s*)")
# Closers that never open anything; a straight quote may open the next sentence instead.
_ALWAYS_CLOSE = frozenset("”)]\u300d\u300f")


@lru_cache(maxsize=32)
def _segmenter(lang: str):  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language=lang, clean=False, char_span=False)


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, stripped, without empty ones."""
    return [p.strip() for p in _PARAGRAPH.split(text) if p.strip()]


def _split_rules(paragraph: str) -> list[str]:
    pieces, start = [], 0
    for m in _STOP.finditer(paragraph):
        pieces.append(paragraph[start : m.end()].strip())
        start = m.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def _reattach_closers(sentences: list[str]) -> list[str]:
    """Move a closing quote that a splitter left at the start of a sentence back to its own."""
    out: list[str] = []
    for sent in sentences:
        m = _LEADING_CLOSER.match(sent)
        if out and m and not _closes_previous(m.group(1), bool(m.group(2)) or m.end() == len(sent), out):
            m = None
        if out and m:
            out[-1] += m.group(1)
            sent = sent[m.end() :].strip()
        if sent:
            out.append(sent)
    return out


def _closes_previous(closers: str, spaced: bool, before: list[str]) -> bool:
    """Whether closers at the start of a sentence end the previous one (``۔"`` split before ``"``)."""
    if spaced or all(ch in _ALWAYS_CLOSE for ch in closers):
        return True
    # An unspaced straight quote may open the next sentence instead: " closes only when the
    # paragraph so far has an unmatched one (a quote can span several sentences); ' is also an
    # apostrophe, so it cannot be counted and stays where the splitter put it.
    if "'" in closers:
        return False
    return all(sum(s.count(ch) for s in before) % 2 == 1 for ch in closers if ch == '"')


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """Sentences of ``text`` in reading order; paragraph breaks always end a sentence."""
    out: list[str] = []
    lang = (lang or "en").split("-")[0].lower()
    for para in split_paragraphs(text):
        # A line break inside a paragraph is a soft wrap in prose, so join it.
        para = " ".join(para.split())
        if lang in PYSBD_LANGUAGES:
            try:
                pieces = [s.strip() for s in _segmenter(lang).segment(para)]
            except Exception:  # pysbd raises on rare inputs; rules still give an answer
                pieces = _split_rules(para)
            # pysbd keeps Urdu/Chinese runs without spaces together at times; rules refine them.
            refined: list[str] = []
            for piece in pieces:
                refined.extend(_split_rules(piece) if lang in {"ur", "zh", "ja", "fa", "ar"} else [piece])
            out.extend(_reattach_closers([s for s in refined if s]))
        else:
            out.extend(_reattach_closers(_split_rules(para)))
    return out
