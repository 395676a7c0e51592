"""Language codes per translator family, as data: ISO 639-1 <-> FLORES-200 (NLLB) <-> M2M100.

Every translator speaks ISO 639-1 to the rest of the tool; these tables turn a code into the
token a model family expects. Tests check the tables against the tokenizers' own code lists.
"""

from __future__ import annotations

# ISO 639-1 -> FLORES-200 code (NLLB-200's language tokens). Where a macrolanguage has several
# FLORES varieties, the one NLLB's authors use for the standard written language is chosen:
# Arabic -> Modern Standard (arb_Arab), Persian -> Western (pes_Arab), Pashto -> Southern (pbt_Arab),
# Chinese -> Simplified (zho_Hans), Malay -> Standard (zsm_Latn), Norwegian -> Bokmål (nob_Latn).
FLORES200: dict[str, str] = {
    "af": "afr_Latn", "am": "amh_Ethi", "ar": "arb_Arab", "az": "azj_Latn", "be": "bel_Cyrl",
    "bg": "bul_Cyrl", "bn": "ben_Beng", "bs": "bos_Latn", "ca": "cat_Latn", "cs": "ces_Latn",
    "cy": "cym_Latn", "da": "dan_Latn", "de": "deu_Latn", "el": "ell_Grek", "en": "eng_Latn",
    "es": "spa_Latn", "et": "est_Latn", "fa": "pes_Arab", "fi": "fin_Latn", "fr": "fra_Latn",
    "ga": "gle_Latn", "gl": "glg_Latn", "gu": "guj_Gujr", "ha": "hau_Latn", "he": "heb_Hebr",
    "hi": "hin_Deva", "hr": "hrv_Latn", "hu": "hun_Latn", "hy": "hye_Armn", "id": "ind_Latn",
    "ig": "ibo_Latn", "is": "isl_Latn", "it": "ita_Latn", "ja": "jpn_Jpan", "ka": "kat_Geor",
    "kk": "kaz_Cyrl", "km": "khm_Khmr", "kn": "kan_Knda", "ko": "kor_Hang", "ky": "kir_Cyrl",
    "lt": "lit_Latn", "lv": "lvs_Latn", "mk": "mkd_Cyrl", "ml": "mal_Mlym", "mn": "khk_Cyrl",
    "mr": "mar_Deva", "ms": "zsm_Latn", "my": "mya_Mymr", "nb": "nob_Latn", "ne": "npi_Deva",
    "nl": "nld_Latn", "pa": "pan_Guru", "pl": "pol_Latn", "ps": "pbt_Arab", "pt": "por_Latn",
    "ro": "ron_Latn", "ru": "rus_Cyrl", "si": "sin_Sinh", "sk": "slk_Latn", "sl": "slv_Latn",
    "so": "som_Latn", "sq": "als_Latn", "sr": "srp_Cyrl", "sv": "swe_Latn", "sw": "swh_Latn",
    "ta": "tam_Taml", "te": "tel_Telu", "th": "tha_Thai", "tl": "tgl_Latn", "tr": "tur_Latn",
    "uk": "ukr_Cyrl", "ur": "urd_Arab", "uz": "uzn_Latn", "vi": "vie_Latn", "yo": "yor_Latn",
    "zh": "zho_Hans",
}  # fmt: skip
FLORES200.update({
    "ba": "bak_Cyrl", "eo": "epo_Latn", "eu": "eus_Latn", "ff": "fuv_Latn", "gd": "gla_Latn",
    "ht": "hat_Latn", "jv": "jav_Latn", "lb": "ltz_Latn", "lg": "lug_Latn", "ln": "lin_Latn",
    "lo": "lao_Laoo", "mg": "plt_Latn", "mi": "mri_Latn", "mt": "mlt_Latn", "ny": "nya_Latn",
    "oc": "oci_Latn", "or": "ory_Orya", "rw": "kin_Latn", "sd": "snd_Arab", "sm": "smo_Latn",
    "sn": "sna_Latn", "ss": "ssw_Latn", "st": "sot_Latn", "su": "sun_Latn", "tg": "tgk_Cyrl",
    "tk": "tuk_Latn", "tn": "tsn_Latn", "tt": "tat_Cyrl", "ug": "uig_Arab", "wo": "wol_Latn",
    "xh": "xho_Latn", "yi": "ydd_Hebr", "zu": "zul_Latn",
})  # fmt: skip
FLORES200_TO_ISO: dict[str, str] = {v: k for k, v in FLORES200.items()}


def _words(text: str) -> list[str]:
    return text.split()


# The 100 languages of M2M100 (its ``__xx__`` tokens), ISO 639-1 where one exists.
M2M100_CODES: frozenset[str] = frozenset(
    _words(
        "af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en es et fa ff fi fr fy ga gd gl gu ha he "
        "hi hr ht hu hy id ig ilo is it ja jv ka kk km kn ko lb lg ln lo lt lv mg mk ml mn mr ms my ne nl no "
        "ns oc or pa pl ps pt ro ru sd si sk sl so sq sr ss su sv sw ta th tl tn tr uk ur uz vi wo xh yi yo "
        "zh zu"
    )
)
# Where our ISO code differs from M2M100's own.
_M2M100_ALIASES = {"nb": "no"}

# Direct Helsinki-NLP/opus-mt-{src}-{tgt} models on the Hub for the languages we name; any other pair
# pivots through English. A pair missing here but present in the local cache is used directly too.
OPUS_MT_PAIRS: frozenset[tuple[str, str]] = frozenset(
    [("en", t) for t in _words("af ar bg ca cs cy da de el es et fi fr ga gl hi hu hy id is it mk ml mr "
     "nl ro ru sk sq sv sw tl uk ur vi zh")]
    + [(s, "en") for s in _words("af ar bg bn ca cs cy da de el es et fi fr ga gl ha hi hu hy id ig is "
       "it ja ka ko lv mk ml mr nl pl ro ru sk sq sv sw th tl tr uk ur vi yo zh")]
    + [("de", "fr"), ("fr", "de"), ("es", "fr"), ("fr", "es"), ("de", "es"), ("es", "de"),
       ("it", "fr"), ("fr", "ro"), ("ru", "fr"), ("fr", "ru"), ("ar", "fr"), ("fr", "ar")]
)  # fmt: skip


def flores_code(iso: str) -> str | None:
    """The FLORES-200 code NLLB uses for ``iso`` (``ur`` -> ``urd_Arab``), or None."""
    return FLORES200.get(iso)


def m2m100_code(iso: str) -> str | None:
    """The M2M100 language code for ``iso`` (its token is ``__code__``), or None."""
    code = _M2M100_ALIASES.get(iso, iso)
    return code if code in M2M100_CODES else None


def opus_mt_id(src: str, tgt: str) -> str:
    """The Hub id of the OPUS-MT Marian model for a pair (which may or may not exist)."""
    return f"Helsinki-NLP/opus-mt-{src}-{tgt}"


def has_opus_mt(src: str, tgt: str) -> bool:
    """True when a direct OPUS-MT model for ``src``->``tgt`` is known to exist."""
    return (src, tgt) in OPUS_MT_PAIRS


def family_code(family: str, iso: str) -> str | None:
    """The language token string a family's tokenizer knows for ``iso``; None when unsupported."""
    if family == "nllb":
        return flores_code(iso)
    if family == "m2m100":
        code = m2m100_code(iso)
        return f"__{code}__" if code else None
    return None


def supports(family: str, iso: str) -> bool:
    """Whether a multilingual family covers ``iso`` (Marian pairs are checked by pair instead)."""
    return family_code(family, iso) is not None
