"""Urdu normalisation: Urdu letter forms and Urdu punctuation for translated text.

Translators trained on mixed Arabic-script data emit Arabic kaf (ك), yeh (ي, ى) and heh (ه)
where Urdu writes ک, ی and ہ, and Latin ``. , ? ;`` after Urdu words. Readers and search tools
treat those as different letters, so output is mapped to the Urdu forms. Strings keep their
logical order: direction is left to the renderer (``dir="rtl"`` in Markdown/HTML).
"""

from __future__ import annotations

import re
import unicodedata

# Arabic letter forms -> the Urdu letters a Pakistani reader expects.
LETTERS = str.maketrans(
    {
        "\u0643": "\u06a9",  # ARABIC LETTER KAF -> KEHEH (ک)
        "\u064a": "\u06cc",  # ARABIC LETTER YEH -> FARSI YEH (ی)
        "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH (ی)
        "\u0647": "\u06c1",  # ARABIC LETTER HEH -> HEH GOAL (ہ)
        "\u06d5": "\u06c1",  # AE -> HEH GOAL
        "\u0640": None,  # TATWEEL: stretching only, never part of a word
    }
)
_ARABIC_LETTER = "\u0600-\u06ff\u0750-\u077f"
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# Latin punctuation right after an Urdu letter (optionally a closing quote/bracket), not inside a number.
_FULL_STOP = re.compile(rf"(?<=[{_ARABIC_LETTER}])(\s*[\"'”’)]?)\s*\.(?![\d.])")
_COMMA = re.compile(rf"(?<=[{_ARABIC_LETTER}])\s*,(?!\d)")
_QUESTION = re.compile(rf"(?<=[{_ARABIC_LETTER}])\s*\?")
_SEMICOLON = re.compile(rf"(?<=[{_ARABIC_LETTER}])\s*;")
_SPACE_BEFORE = re.compile(r"\s+(?=[۔،؟؛])")


def _fold_presentation_forms(text: str) -> str:
    # Presentation forms (ﻙ, ﯾ ...) are glyph variants; NFKC maps them to the base letters.
    # Only those characters are folded: NFKC on the whole text would also rewrite digits and symbols.
    return _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def normalise_letters(text: str) -> str:
    """Arabic kaf/yeh/heh (and their presentation forms) to Urdu ک/ی/ہ; drops tatweel."""
    return _fold_presentation_forms(text).translate(LETTERS)


def normalise_punctuation(text: str) -> str:
    """Latin ``. , ? ;`` after Urdu words become ``۔ ، ؟ ؛``; decimals, URLs and Latin text are left alone."""
    text = _FULL_STOP.sub(lambda m: m.group(1).strip() + "۔", text)
    text = _COMMA.sub("،", text)
    text = _QUESTION.sub("؟", text)
    text = _SEMICOLON.sub("؛", text)
    return _SPACE_BEFORE.sub("", text)


def normalise(text: str) -> str:
    """Urdu letter forms and punctuation for ``text`` (logical order kept, nothing reversed)."""
    return normalise_punctuation(normalise_letters(text))
