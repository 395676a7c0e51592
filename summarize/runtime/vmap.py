"""Vocabulary maps for NLLB and M2M100 on CTranslate2: score only the tokens the target language can use.

NLLB-200's output projection covers 256k tokens of 200 languages: 60 % of the weights read per
decoder step. CTranslate2 can restrict it to candidates listed in a ``vmap.txt`` in the model folder
(``translate_batch(use_vmap=True)``): lines ``source n-gram<TAB>target tokens``, the empty n-gram
giving tokens that are always candidates. The map built here, once per converted model and target
script, always allows

* tokens written only in the target script (Urdu: Arabic letters, its marks and ZWNJ),
* digits, punctuation, symbols and spaces of any script, private-use characters (the masks that
  stand in for protected spans),
* special tokens and every language token.

No rule depends on the input: CTranslate2 4.8 shifts the forced target-language token onto its
neighbour when rules add source-dependent candidates (``__ur__`` became ``__uk__``), so names in
another script cannot be copied through; the model writes them in the target script, as it mostly
does anyway, and ``--no-vocab-map`` turns the map off. Greedy decoding whose output lies in the map
gives the same tokens with and without it (tests/test_vmap.py).

The map sits in ``<converted>/vmap/<script>/`` beside hard links (or symlinks, or copies) of the
model's files, since CTranslate2 reads ``vmap.txt`` from the folder it loads; the folder is built in
a temporary folder and renamed into place whole.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .. import atomic

FOLDER = "vmap"
VMAP = "vmap.txt"
WORD_START = "\u2581"
# FLORES-200 script codes -> the Unicode character-name prefixes of their letters.
SCRIPT_NAMES: dict[str, tuple[str, ...]] = {
    "Arab": ("ARABIC",),
    "Latn": ("LATIN",),
    "Cyrl": ("CYRILLIC",),
    "Deva": ("DEVANAGARI",),
    "Beng": ("BENGALI",),
    "Guru": ("GURMUKHI",),
    "Gujr": ("GUJARATI",),
    "Orya": ("ORIYA",),
    "Taml": ("TAMIL",),
    "Telu": ("TELUGU",),
    "Knda": ("KANNADA",),
    "Mlym": ("MALAYALAM",),
    "Sinh": ("SINHALA",),
    "Thai": ("THAI",),
    "Laoo": ("LAO",),
    "Mymr": ("MYANMAR",),
    "Khmr": ("KHMER",),
    "Geor": ("GEORGIAN",),
    "Armn": ("ARMENIAN",),
    "Ethi": ("ETHIOPIC",),
    "Grek": ("GREEK",),
    "Hebr": ("HEBREW",),
    "Hang": ("HANGUL",),
    "Hans": ("CJK",),
    "Hant": ("CJK",),
    "Jpan": ("CJK", "HIRAGANA", "KATAKANA"),
}
# Character classes every language may write: numbers, punctuation, symbols, separators, format
# characters (ZWNJ, ZWJ) and private use (the masks of protected spans).
_ANY_SCRIPT = ("N", "P", "S", "Z", "Cf", "Co")


def supported(script: str | None) -> bool:
    """Whether a map can be built for ``script`` (a FLORES-200 script code such as ``Arab``)."""
    return script in SCRIPT_NAMES


def usable(token: str, script: str) -> bool:
    """Whether ``token`` is written only with ``script``'s letters and script-neutral characters."""
    prefixes = SCRIPT_NAMES[script]
    for ch in token.replace(WORD_START, ""):
        category = unicodedata.category(ch)
        if category[0] in _ANY_SCRIPT or category in _ANY_SCRIPT:
            continue
        if not unicodedata.name(ch, "").startswith(prefixes):
            return False
    return True


def vmap_lines(vocabulary: list[str], script: str, always: Iterable[str]) -> list[str]:
    """The lines of ``vmap.txt``: one, the candidates for every input (the empty source n-gram)."""
    keep = set(always)
    # CTranslate2 splits the line on spaces: a token holding one could not be listed.
    tokens = [t for t in vocabulary if (t in keep or usable(t, script)) and " " not in t and "\t" not in t]
    return ["\t" + " ".join(tokens)]


def _vocabulary(converted: Path) -> list[str]:
    for name in ("target_vocabulary.json", "shared_vocabulary.json"):
        if (converted / name).is_file():
            return list(json.loads((converted / name).read_text(encoding="utf-8")))
    raise FileNotFoundError(f"no target vocabulary in {converted}")


def _place(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source`` (no extra disk), else a symlink, else a copy."""
    try:
        os.link(source, target)
    except OSError:
        try:
            target.symlink_to(source.resolve())
        except OSError:
            shutil.copy2(source, target)


def map_folder(converted: Path, script: str, always: Iterable[str]) -> Path:
    """The folder of ``converted`` with the map for ``script`` (built on first use, atomically)."""
    final = converted / FOLDER / script
    if (final / VMAP).is_file():
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".building-{script}-", dir=final.parent))
    try:
        for entry in converted.iterdir():
            if entry.is_file() and (
                entry.name in {"model.bin", "config.json"} or entry.name.endswith("vocabulary.json")
            ):
                _place(entry, temp / entry.name)
        atomic.write_text(temp / VMAP, "\n".join(vmap_lines(_vocabulary(converted), script, always)) + "\n")
        try:
            os.replace(temp, final)
        except OSError:
            if not (final / VMAP).is_file():  # not another process's finished map
                raise
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(temp)
    return final
