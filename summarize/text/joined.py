"""Sentences written back as prose: joined into a paragraph, and ended with a stop where the source
left a line without one. The splitter (:mod:`.sentences`) cuts; this module writes."""

from __future__ import annotations

import re
import unicodedata

from .continuations import CLOSE_MARKS
from .scripts import PICTOGRAPHS, is_hangul, is_unspaced_cjk

# What may close a sentence after its stop ("…said 'no.'"), full-width brackets too ("…（英文）。").
_CLOSING_MARKS = CLOSE_MARKS + "）】"
# An English list's clause that the next item goes on from.
_TRAILING_PICTOGRAPHS = re.compile(rf"(?:\s*{PICTOGRAPHS})+$")
_CLAUSE_GOES_ON = re.compile(r"\s*[;,]\s*(?:and|or|and/or)$")


# Chinese, Japanese and Korean put no space between sentences (nor after a cut mid-sentence).
_NO_SPACE_STOPS = frozenset("。！？」』）")


def _no_space_after(text: str) -> bool:
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    return bool(last) and (last in _NO_SPACE_STOPS or is_unspaced_cjk(last))


def join_sentences(sentences: list[str]) -> str:
    """Sentences as one paragraph: a space after Latin-style stops, none after Chinese or Japanese text
    (。！？); Korean spaces its sentences."""
    out = ""
    for sent in sentences:
        if out and not _no_space_after(out):
            out += " "
        out += sent
    return out


# The full stop of a language whose script has no case, where the source wrote a line without one (Urdu's
# headline "یو ایس اوپن: نوواک ‘نیشی کوری سیمی فائنل میں پہنچ گئے" had run into the summary's next sentence).
_CASELESS_STOPS = {"ur": "۔", "hi": "।", "mr": "।", "ne": "।", "bn": "।", "ar": ".", "fa": "."}


def with_stop(sentence: str, lang: str = "") -> str:
    """``sentence`` with a full stop when it ends in a letter or digit, also inside closing brackets
    or quotes: a line the source wrote without one ("172 pull requests were merged in the last
    week", "Add support for checking #if swift(<4.1)") would run into the next sentence of a
    paragraph. Chinese and Japanese text gets "。", Korean "."; other scripts without case get their
    language's stop where ``lang`` names one (Urdu "۔", Hindi "।", Arabic "."), else are left as written
    (Thai has none). An item of a list of clauses ends where its "; and" or ", or" stood: shown alone it
    ends there ("…all copyright notices; and" of a licence read "…notices; and.")."""
    if m := _CLAUSE_GOES_ON.search(sentence):
        return sentence[: m.start()] + "."
    # Emoji after the last word end no sentence: "…why it matters 🧵" ran into the next one.
    core = _TRAILING_PICTOGRAPHS.sub("", sentence.rstrip(_CLOSING_MARKS)).rstrip(_CLOSING_MARKS)
    # A vowel sign ends a word in Indic scripts ("किया"): the letter under it says what the word ends with.
    while core and unicodedata.category(core[-1]).startswith("M"):
        core = core[:-1]
    if not core or not core[-1].isalnum():
        return sentence
    if is_unspaced_cjk(core[-1]):
        return sentence + "。"
    if is_hangul(core[-1]):  # Korean ends a sentence with "."
        return sentence + "."
    last = next((ch for ch in reversed(core) if ch.isalpha()), "")
    if last.lower() != last.upper():
        return sentence + "."
    return sentence + _CASELESS_STOPS.get(lang.split("-")[0].lower(), "") if last else sentence
