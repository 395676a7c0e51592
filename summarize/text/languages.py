"""Language codes and names (ISO 639-1). The translation layer adds per-family codes as data."""

from __future__ import annotations

from ..errors import UnknownLanguageError

# ISO 639-1 code -> English name, for the languages our detector and models cover.
NAMES: dict[str, str] = {
    "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "gl": "Galician", "gu": "Gujarati", "ha": "Hausa", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian",
    "ig": "Igbo", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian",
    "kk": "Kazakh", "km": "Khmer", "kn": "Kannada", "ko": "Korean", "ky": "Kyrgyz",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian",
    "mr": "Marathi", "ms": "Malay", "my": "Burmese", "nb": "Norwegian Bokmål", "ne": "Nepali",
    "nl": "Dutch", "pa": "Punjabi", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "si": "Sinhala", "sk": "Slovak", "sl": "Slovenian",
    "so": "Somali", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "th": "Thai", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "yo": "Yoruba",
    "zh": "Chinese",
}  # fmt: skip
# More targets the translators know (M2M100 and/or NLLB-200); the detector may not tell them.
NAMES.update({
    "ba": "Bashkir", "eo": "Esperanto", "eu": "Basque", "ff": "Fula", "gd": "Scottish Gaelic",
    "ht": "Haitian Creole", "jv": "Javanese", "lb": "Luxembourgish", "lg": "Ganda", "ln": "Lingala",
    "lo": "Lao", "mg": "Malagasy", "mi": "Maori", "mt": "Maltese", "ny": "Chichewa",
    "oc": "Occitan", "or": "Odia", "rw": "Kinyarwanda", "sd": "Sindhi", "sm": "Samoan",
    "sn": "Shona", "ss": "Swati", "st": "Southern Sotho", "su": "Sundanese", "tg": "Tajik",
    "tk": "Turkmen", "tn": "Tswana", "tt": "Tatar", "ug": "Uyghur", "wo": "Wolof", "xh": "Xhosa",
    "yi": "Yiddish", "zu": "Zulu",
})  # fmt: skip
_BY_NAME = {name.lower(): code for code, name in NAMES.items()}
_BY_NAME.update({"norwegian": "nb", "farsi": "fa", "mandarin": "zh", "filipino": "tl", "haitian": "ht", "oriya": "or"})
RTL = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "sd", "ug"})


def language_name(code: str) -> str:
    """English name of ``code``; the code itself when unknown."""
    return NAMES.get(code, code)


def normalise(value: str) -> str:
    """An ISO 639-1 code from a code (``ur``, ``UR``, ``zh-cn``) or English name (``urdu``)."""
    key = value.strip().lower().replace("_", "-")
    if key in NAMES:
        return key
    if key.split("-")[0] in NAMES:
        return key.split("-")[0]
    if key in _BY_NAME:
        return _BY_NAME[key]
    if key == "no":
        return "nb"
    examples = ", ".join(["ur", "en", "fr", "ar", "hi", "zh", "urdu"])
    raise UnknownLanguageError(
        f"unknown language {value!r}", hint=f"use an ISO 639-1 code or English name, e.g. {examples}"
    )


def is_rtl(code: str) -> bool:
    return code in RTL


# The words that head a summary block's two parts, in the language of what they head: the hook writes
# them into a document ("**摘要：**" in a Chinese newsletter, not "**Summary:**"). Others: English.
_BLOCK_LABELS: dict[str, tuple[str, str]] = {
    "en": ("Summary", "Key points"), "zh": ("摘要", "要点"), "ja": ("要約", "要点"), "ko": ("요약", "핵심 내용"),
    "ur": ("خلاصہ", "اہم نکات"), "ar": ("ملخص", "النقاط الرئيسية"), "fa": ("خلاصه", "نکات کلیدی"),
    "hi": ("सारांश", "मुख्य बिंदु"), "es": ("Resumen", "Puntos clave"), "fr": ("Résumé", "Points clés"),
    "de": ("Zusammenfassung", "Kernpunkte"), "pt": ("Resumo", "Pontos-chave"), "it": ("Riassunto", "Punti chiave"),
    "nl": ("Samenvatting", "Belangrijkste punten"), "ru": ("Краткое содержание", "Ключевые моменты"),
    "tr": ("Özet", "Önemli noktalar"), "pl": ("Streszczenie", "Najważniejsze punkty"),
}  # fmt: skip
_FULL_WIDTH_COLON = frozenset({"zh", "ja"})


def block_labels(code: str | None, tag: str = "") -> tuple[str, str]:
    """The headings of a summary and of its key points in language ``code``, each with ``tag`` and its
    colon ("Summary:", "摘要：", "خلاصہ (ur):"); English for a language without its own here."""
    base = (code or "en").split("-")[0].lower()
    summary, points = _BLOCK_LABELS.get(base, _BLOCK_LABELS["en"])
    colon = "：" if base in _FULL_WIDTH_COLON else ":"
    return summary + tag + colon, points + tag + colon
