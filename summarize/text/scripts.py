"""Which characters belong to scripts written without spaces (CJK) or without capitals.

These were regex character classes; a class over tens of thousands of code points costs 3-5 ms
to compile (Python's compiler walks every code point of a range), once per pattern per process,
which every ``summarize`` run paid several times over before reading its first word. Plain
range checks cost nothing to set up, and ``max(text)`` skips the work for text with no such
character at all (most of it).
"""

from __future__ import annotations

KANA = (0x3040, 0x30FF)  # hiragana and katakana: Japanese only
HANGUL = (0xAC00, 0xD7AF)  # Hangul syllables: Korean only
# Kana, CJK ideographs (extension A and unified), Hangul syllables, CJK compatibility ideographs.
CJK_RANGES = (KANA, (0x3400, 0x9FFF), HANGUL, (0xF900, 0xFAFF))
CJK_FIRST = "\u3040"
# Scripts without letter case, as far as the engines care: Arabic, Indic scripts through Sinhala,
# Thai to Tibetan, and the CJK ranges above.
CASELESS_RANGES = ((0x0600, 0x06FF), (0x0900, 0x0DFF), (0x0E00, 0x0FFF), *CJK_RANGES)


def is_cjk(ch: str) -> bool:
    """Whether the one character ``ch`` is a kana, Hangul or CJK ideograph."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds any kana, Hangul or CJK ideograph."""
    return bool(text) and max(text) >= CJK_FIRST and any(is_cjk(ch) for ch in set(text))


def has_caseless(text: str) -> bool:
    """Whether ``text`` holds any character of a script without capitals (see ``CASELESS_RANGES``)."""
    if not text or max(text) < "\u0600":
        return False
    return any(lo <= ord(ch) <= hi for ch in set(text) for lo, hi in CASELESS_RANGES)
