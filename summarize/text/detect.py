"""Language detection: langdetect, seeded, with a script check for Urdu.

langdetect is random unless seeded, and on short Arabic-script text it often says Persian or
Arabic for Urdu. Letters that only Urdu uses settle that case before langdetect is asked.
langdetect's profiles come from :mod:`.langprofiles` (a compact cache, only the scripts a text uses):
the same answers as langdetect's own loader without its 0.4 s first call.
:func:`profile_load_seconds` says how long this process has spent loading them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..errors import LanguageDetectionError
from ..results import UNDETERMINED, LanguageResult
from .langprofiles import profile_load_seconds
from .scripts import HANGUL, KANA

__all__ = ["UNDETERMINED", "LanguageResult", "detect_language", "profile_load_seconds"]

# Below this many letters langdetect's answer is close to a coin toss.
MIN_LETTERS = 20
# A top candidate below this probability is reported as undetermined rather than guessed.
MIN_PROBABILITY = 0.50
# Detection reads at most this many characters: enough for a stable answer, fast on long input.
MAX_CHARS = 6000

# Letters used by Urdu but not by Persian or Arabic: ٹ ڈ ڑ ں ے ۓ ہ ھ (heh goal, heh doachashmee).
URDU_ONLY = re.compile("[\u0679\u0688\u0691\u06ba\u06d2\u06d3\u06c1\u06be]")
# Letters used by Persian/Urdu but never in Arabic: پ چ ژ گ ک ی.
PERSO_ARABIC = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
# Scripts that, among the languages we know, belong to one language only: settle short text.
# (Code-point ranges, not regex classes: a wide class such as Hangul's costs ~1 ms to compile, per run.)
SINGLE_LANGUAGE_SCRIPTS: tuple[tuple[str, int, int], ...] = (
    ("ja", *KANA),  # Chinese never uses kana
    ("ko", *HANGUL),
    ("am", 0x1200, 0x137F),  # Ethiopic: langdetect has no Amharic profile
    ("th", 0x0E00, 0x0E7F),
    ("el", 0x0370, 0x03FF),
    ("gu", 0x0A80, 0x0AFF),
    ("he", 0x0590, 0x05FF),
    # langdetect has no profile for these: without this, "und", read with English rules.
    ("lo", 0x0E80, 0x0EFF),
    ("km", 0x1780, 0x17FF),
    ("my", 0x1000, 0x109F),
    ("ka", 0x10A0, 0x10FF),
    ("hy", 0x0531, 0x058F),
    ("si", 0x0D80, 0x0DFF),
)
# langdetect says "no" for Norwegian; Bokmål is what it means and what translators call it.
_CODE_ALIASES = {"no": "nb"}
_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")
_NOISE = re.compile(r"[`*_#>\[\]()|<>{}=~^\d]+")


def _clean(text: str) -> str:
    text = _URL.sub(" ", text[: MAX_CHARS * 2])
    text = _NOISE.sub(" ", text)
    return " ".join(text.split())[:MAX_CHARS]


def _normalise_code(code: str) -> str:
    # langdetect says zh-cn / zh-tw; the rest of the tool speaks ISO 639-1.
    code = code.split("-")[0].lower()
    return _CODE_ALIASES.get(code, code)


def _letter_count(counts: Counter[str]) -> int:
    # A Han character carries about as much as a short word, so it counts for three letters;
    # combining marks (Indic vowel signs) are letters for this purpose too. Counted per distinct
    # character (``counts``: the text's Counter): a per-character loop cost 5-10 ms per detection.
    n = 0
    for ch, count in counts.items():
        if ch.isalpha() or unicodedata.category(ch).startswith("M"):
            n += count
        if "\u4e00" <= ch <= "\u9fff":
            n += 2 * count  # a Han character is also a letter above: 1 + 2 = 3
    return n


def _script_language(counts: Counter[str]) -> str | None:
    letters: int | None = None
    for code, lo, hi in SINGLE_LANGUAGE_SCRIPTS:
        hits = sum(n for ch, n in counts.items() if lo <= ord(ch) <= hi)
        if hits:
            letters = letters if letters is not None else sum(n for ch, n in counts.items() if ch.isalpha())
            if hits >= 0.3 * letters:
                return code
    return None


def _urdu_by_script(text: str) -> float | None:
    """Share of Arabic-script words that carry an Urdu-only letter, when the text is Arabic script."""
    words = [w for w in text.split() if ARABIC_SCRIPT.search(w)]
    if not words or len(words) < len(text.split()) / 2:
        return None
    urdu = sum(1 for w in words if URDU_ONLY.search(w))
    return urdu / len(words)


def detect_language(text: str, *, strict: bool = False) -> LanguageResult:
    """Detect the language of ``text``; the same text always gives the same answer.

    Too little text, or no clear winner, gives ``und`` with a low probability; with
    ``strict=True`` that raises :class:`LanguageDetectionError` instead.
    """
    cleaned = _clean(text)
    share = _urdu_by_script(cleaned)
    # Persian and Arabic never use Urdu-only letters, so a few of them settle it even on short text.
    if share is not None and share >= 0.08:
        return LanguageResult("ur", round(min(1.0, 0.9 + share / 10), 4), True, method="script")
    counts = Counter(cleaned)  # each distinct character once, for both counts below
    letters = _letter_count(counts)
    script_code = _script_language(counts)
    if script_code and letters >= 4:
        return LanguageResult(script_code, 0.99, True, method="script")
    if letters < MIN_LETTERS:
        if strict:
            raise LanguageDetectionError(
                f"too little text to tell its language ({letters} letters)",
                hint="pass --lang CODE",
            )
        return LanguageResult(UNDETERMINED, 0.0, False, method="too-short")

    from langdetect.lang_detect_exception import LangDetectException

    from .langprofiles import detect_langs

    try:
        found = detect_langs(cleaned)
    except LangDetectException as exc:
        if strict:
            raise LanguageDetectionError(f"could not tell the language: {exc}", hint="pass --lang CODE") from exc
        return LanguageResult(UNDETERMINED, 0.0, False)

    merged: dict[str, float] = {}
    for cand in found:
        code = _normalise_code(cand.lang)
        merged[code] = merged.get(code, 0.0) + cand.prob
    ranked = tuple(sorted(merged.items(), key=lambda kv: -kv[1]))
    code, prob = ranked[0]
    # langdetect's Arabic/Persian guess on text with no Arabic-only letters but Perso-Arabic
    # ones is unreliable; Urdu letters were checked above, so here only refine ar -> fa.
    if code == "ar" and PERSO_ARABIC.search(cleaned) and "fa" in merged:
        code, prob = "fa", merged["fa"] + merged["ar"]
    if prob < MIN_PROBABILITY:
        if strict:
            raise LanguageDetectionError(
                f"language is ambiguous (best guess {code} at {prob:.2f})", hint="pass --lang CODE"
            )
        return LanguageResult(UNDETERMINED, prob, False, candidates=ranked)
    return LanguageResult(code, prob, prob >= 0.9, candidates=ranked)
