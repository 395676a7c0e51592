"""What a converted CTranslate2 model needs besides its weights, saved so that loading it is torch-free.

:func:`export_runtime` (run at conversion, with transformers) writes into the converted folder
``tokenizer/`` (see :mod:`.tokenizer`), ``hf_config.json`` (the model's config) and
``hf_generation.json`` (its generation config, in full and as set). :func:`load_runtime` reads
them back with ``json``, ``tokenizers`` and ``sentencepiece`` only. Folders converted before these
files existed get them once, atomically, the next time they load.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .tokenizer import FOLDER, LightTokenizer, export_tokenizer, has_export

CONFIG = "hf_config.json"
GENERATION = "hf_generation.json"


class JsonConfig:
    """A read-only config from JSON with attribute access; unknown keys read as None."""

    def __init__(self, values: dict[str, Any], diff: dict[str, Any] | None = None):
        self._values = dict(values)
        self._diff = dict(diff if diff is not None else values)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._values.get(name)

    def to_dict(self) -> dict[str, Any]:
        """Every value."""
        return dict(self._values)

    def to_diff_dict(self) -> dict[str, Any]:
        """The values the model's files set (as transformers' ``GenerationConfig.to_diff_dict``)."""
        return dict(self._diff)


def export_runtime(source: Path, target: Path) -> None:
    """Save the tokenizer, config and generation config of the model in ``source`` into ``target``."""
    from transformers import AutoConfig, AutoTokenizer, GenerationConfig

    tok = AutoTokenizer.from_pretrained(str(source))
    export_tokenizer(tok, target / FOLDER)
    config = AutoConfig.from_pretrained(str(source))
    try:
        gen = GenerationConfig.from_pretrained(str(source))
    except OSError:  # no generation_config.json: transformers derives it from config.json
        gen = GenerationConfig.from_model_config(config)
    (target / CONFIG).write_text(config.to_json_string(use_diff=False), encoding="utf-8")
    generation = {
        "values": json.loads(gen.to_json_string(use_diff=False)),
        "diff": json.loads(gen.to_json_string(use_diff=True)),
    }
    (target / GENERATION).write_text(json.dumps(generation), encoding="utf-8")


def has_runtime(folder: Path) -> bool:
    """Whether ``folder`` holds what :func:`load_runtime` reads."""
    return has_export(folder / FOLDER) and (folder / CONFIG).is_file() and (folder / GENERATION).is_file()


def ensure_runtime(source: Path, converted: Path) -> None:
    """Add the runtime files to a folder converted before they existed (atomically: all or none)."""
    if has_runtime(converted):
        return
    temp = Path(tempfile.mkdtemp(prefix=".runtime-", dir=converted))
    try:
        export_runtime(source, temp)
        # The tokenizer folder goes in last: has_runtime() checks it, so a half-done upgrade is redone.
        for name in (CONFIG, GENERATION):
            os.replace(temp / name, converted / name)
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(converted / FOLDER)
        with contextlib.suppress(OSError):  # another process upgraded the folder first
            os.replace(temp / FOLDER, converted / FOLDER)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def load_runtime(folder: Path) -> tuple[LightTokenizer, JsonConfig, JsonConfig]:
    """The tokenizer, config and generation config saved in a converted folder (no torch, no transformers)."""
    tokenizer = LightTokenizer(folder / FOLDER)
    config = JsonConfig(json.loads((folder / CONFIG).read_text(encoding="utf-8")))
    generation = json.loads((folder / GENERATION).read_text(encoding="utf-8"))
    return tokenizer, config, JsonConfig(generation["values"], generation["diff"])
