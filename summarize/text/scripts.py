"""Which characters belong to scripts written without spaces (CJK) or without capitals.

These were regex character classes; a class over tens of thousands of code points costs 3-5 ms
to compile (Python's compiler walks every code point of a range), once per pattern per process,
which every ``summarize`` run paid several times over before reading its first word. Plain
range checks cost nothing to set up, and ``max(text)`` skips the work for text with no such
character at all (most of it).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

KANA = (0x3040, 0x30FF)  # hiragana and katakana: Japanese only
HANGUL = (0xAC00, 0xD7AF)  # Hangul syllables: Korean only
# The same range as a regex character class's body, for patterns that need a Korean syllable.
HANGUL_CLASS = f"{chr(HANGUL[0])}-{chr(HANGUL[1])}"
# Kana, CJK ideographs (extension A and unified), Hangul syllables, CJK compatibility ideographs.
CJK_RANGES = (KANA, (0x3400, 0x9FFF), HANGUL, (0xF900, 0xFAFF))
# Han and kana: the CJK characters Chinese and Japanese write with no space between words (Korean's
# Hangul has spaces).
UNSPACED_CJK_RANGES = tuple(r for r in CJK_RANGES if r != HANGUL)
# The same as the body of a regular expression's character class ("[…]").
UNSPACED_CJK_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in UNSPACED_CJK_RANGES)
CJK_FIRST = "\u3040"
# The Arabic script's letters (Arabic, Urdu, Persian) and their supplement, and Devanagari's (Hindi, Marathi,
# Nepali), as a character class's body.
ARABIC_CLASS = "\u0600-\u06ff\u0750-\u077f"
DEVANAGARI_CLASS = "\u0900-\u097f"
# Scripts without letter case, as far as the engines care: Arabic, Indic scripts through Sinhala,
# Thai to Tibetan, and the CJK ranges above.
CASELESS_RANGES = ((0x0600, 0x06FF), (0x0900, 0x0DFF), (0x0E00, 0x0FFF), *CJK_RANGES)


# Scripts written without spaces between words that are no CJK: Thai, Lao, Myanmar and Khmer. Their
# spaces, where they have any, end a phrase or a sentence; a word is a few letters of a longer run.
SPACELESS_RANGES = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF))
SPACELESS_FIRST = "\u0e00"
# Pictographs and other symbols (emoji), with their variation selector and joiner: a character class.
PICTOGRAPHS = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]"


def is_spaceless(ch: str) -> bool:
    """Whether the one character ``ch`` is of Thai, Lao, Myanmar or Khmer (see ``SPACELESS_RANGES``)."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in SPACELESS_RANGES)


def has_spaceless(text: str) -> bool:
    """Whether ``text`` holds a letter of Thai, Lao, Myanmar or Khmer (see ``SPACELESS_RANGES``)."""
    return bool(text) and max(text) >= SPACELESS_FIRST and any(is_spaceless(ch) for ch in set(text))


def is_cjk(ch: str) -> bool:
    """Whether the one character ``ch`` is a kana, Hangul or CJK ideograph."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)


def is_unspaced_cjk(ch: str) -> bool:
    """Whether ``ch`` is a Han character or a kana: Chinese and Japanese, which put no space between words
    or sentences and end one with "。". Korean's Hangul is CJK too, but Korean spaces its words and ends a
    sentence with "."."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in UNSPACED_CJK_RANGES)


def is_hangul(ch: str) -> bool:
    """Whether the one character ``ch`` is a Hangul syllable (Korean)."""
    return HANGUL[0] <= ord(ch) <= HANGUL[1]


def is_kana(ch: str) -> bool:
    """Whether the one character ``ch`` is a hiragana or katakana (Japanese)."""
    return KANA[0] <= ord(ch) <= KANA[1]


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds any kana, Hangul or CJK ideograph."""
    return bool(text) and max(text) >= CJK_FIRST and any(is_cjk(ch) for ch in set(text))


def has_caseless(text: str) -> bool:
    """Whether ``text`` holds any character of a script without capitals (see ``CASELESS_RANGES``)."""
    if not text or max(text) < "\u0600":
        return False
    return any(lo <= ord(ch) <= hi for ch in set(text) for lo, hi in CASELESS_RANGES)


# Below this code point no character is a combining mark (U+0300 starts them): most text stops here.
_FIRST_MARK = "\u0300"


def combining_marks(text: str) -> str:
    """The combining marks of ``text`` (Unicode category M), sorted: the vowel signs and viramas of
    Devanagari, Bengali, Tamil..., Thai's vowels above and below, Arabic's harakat, a decomposed accent.
    Python's ``\\w`` matches none of them, so "सुपरमार्केट" read with ``\\w+`` falls apart into "स",
    "परम", "र", "क", "ट"."""
    if not text or max(text) < _FIRST_MARK:
        return ""
    return "".join(sorted(ch for ch in set(text) if ch >= _FIRST_MARK and unicodedata.category(ch)[0] == "M"))


@lru_cache(maxsize=16)
def _word_pattern(marks: str, head: str) -> re.Pattern[str]:
    word = rf"(?:\w|[{re.escape(marks)}])+" if marks else r"\w+"
    return re.compile(f"{head}|{word}" if head else word)


# Every combining mark met so far: one pattern serves all texts (a mark a text lacks matches nothing in
# it), compiled again only when a new mark shows up, not for each sentence's own set of marks. Replaced,
# never changed in place, so a thread reading it never sees it change.
_marks_met: frozenset[str] = frozenset()


def word_pattern(text: str, head: str = "") -> re.Pattern[str]:
    """The pattern of one word of ``text``: a run of word characters and of combining marks
    (:func:`combining_marks`), so a word of any script is one word. ``head``: an alternative tried
    first at each place (a group of the caller's, such as initials)."""
    global _marks_met
    marks = combining_marks(text)
    if not marks:
        return _word_pattern("", head)
    met = _marks_met
    if not met.issuperset(marks):
        met = _marks_met = met | frozenset(marks)
    return _word_pattern("".join(sorted(met)), head)


# The cased alphabets past ASCII: Latin-1 to Latin Extended-B, Greek and Coptic, Cyrillic and its
# supplement, Armenian, Georgian, Latin Extended Additional (Vietnamese) and Greek Extended.
_CASED_RANGES = ((0x00C0, 0x024F), (0x0370, 0x052F), (0x0531, 0x058F), (0x10A0, 0x10FF), (0x1E00, 0x1FFF))


@lru_cache(maxsize=2)
def initials(upper: bool) -> str:
    """A regex character class body of the capital (``upper``) or small letters of the cased alphabets,
    ASCII first: "A-Z" and "À", "Ł", "Ö", "П", "Ω"… A word's first letter tells a name ("Путин", "Özil")
    in any of them, not in ASCII alone. Built on first use (about a millisecond)."""
    test = str.isupper if upper else str.islower
    runs: list[list[int]] = []
    for lo, hi in _CASED_RANGES:
        for code in range(lo, hi + 1):
            if test(chr(code)):
                if runs and runs[-1][1] == code - 1:
                    runs[-1][1] = code
                else:
                    runs.append([code, code])
    rest = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)
    return ("A-Z" if upper else "a-z") + rest


# Scripts that one language writes together: Japanese mixes kana and Han, Korean may set Han among Hangul.
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK"}


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    head = name.split(" ", 1)[0]
    return _SCRIPT_FAMILY.get(head, head)


def script_counts(text: str) -> dict[str, int]:
    """How many letters of ``text`` each script writes, by the first word of the letters' Unicode names
    ("LATIN", "ARABIC", "CYRILLIC", "CJK" for Han, kana and Hangul alike)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = _script(ch)
            counts[script] = counts.get(script, 0) + 1
    return counts


def main_script(text: str) -> str:
    """The script that writes most of ``text``'s letters ("" when it has none)."""
    counts = script_counts(text)
    return max(counts, key=counts.__getitem__) if counts else ""


def in_other_script(sentence: str, script: str) -> bool:
    """Whether under a fifth of ``sentence``'s letters are in ``script`` (a document's main script): a
    line in another language's script, which a summary in the document's language does not show. A
    fifth, not a half: a Korean or Japanese sentence spells brands in Latin letters ("Apple의 iPhone
    15가 출시됐다." is a third Hangul)."""
    counts = script_counts(sentence)
    letters = sum(counts.values())
    return bool(script and letters) and 5 * counts.get(script, 0) < letters
