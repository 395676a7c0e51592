"""Model registry, name resolution and download.

A model name is a short alias from the registry, any Hugging Face Hub id, or a local folder made
by ``save_pretrained``. Resolution order: local folder, then the Hugging Face cache (huggingface_hub's
own, so ``HF_HOME`` applies), then a download when the network is allowed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ModelNotAvailableError, UnknownModelError

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.\-]*/[\w.\-]+$")
# Files a seq2seq model needs; everything else in a repo (other frameworks' weights) is skipped.
DOWNLOAD_PATTERNS = [
    "*.json",
    "*.model",
    "*.txt",
    "*.safetensors",
    "spm*",
    "*.spm",
    "sentencepiece*",
]


@dataclass(frozen=True)
class ModelSpec:
    """A registry entry: where a model lives and the recipe to run it."""

    alias: str
    hub_id: str
    task: str  # "summarization" or "translation"
    family: str  # bart, t5, mt5, pegasus, marian, nllb, m2m100
    languages: tuple[str, ...]  # ISO 639-1 codes; ("*",) for many
    size: str = "?"
    params: str = "?"
    licence: str = "?"
    quality: str = ""
    prefix: str = ""  # prepended to every input (T5-style task prefix)
    prompts: bool = False  # instruction-tuned: use the templates in prompts/
    max_input: int | None = None  # tokens; None = read from the model's config
    generation: dict[str, object] = field(default_factory=dict)
    description: str = ""

    @property
    def language_label(self) -> str:
        if self.languages == ("*",):
            return "many"
        return ", ".join(self.languages) if len(self.languages) <= 6 else f"{len(self.languages)} languages"


SUMMARIZERS: tuple[ModelSpec, ...] = (
    ModelSpec(
        alias="distilbart-cnn",
        hub_id="sshleifer/distilbart-cnn-12-6",
        task="summarization",
        family="bart",
        languages=("en",),
        size="1.2 GB",
        params="306M",
        licence="Apache-2.0",
        quality="CNN/DM ROUGE-1/2/Lsum 44.24/21.27/41.21",
        max_input=1024,
        description="Default for English news: distilled BART fine-tuned on CNN/DailyMail.",
    ),
    ModelSpec(
        alias="bart-large-cnn",
        hub_id="facebook/bart-large-cnn",
        task="summarization",
        family="bart",
        languages=("en",),
        size="1.6 GB",
        params="406M",
        licence="MIT",
        quality="CNN/DM ROUGE-1/2/L 44.16/21.28/40.90 (BART paper)",
        max_input=1024,
        description="The teacher of distilbart-cnn; slower, about as good.",
    ),
    ModelSpec(
        alias="mt5-xlsum",
        hub_id="csebuetnlp/mT5_multilingual_XLSum",
        task="summarization",
        family="mt5",
        languages=("*",),
        size="2.3 GB",
        params="582M",
        licence="CC-BY-NC-SA-4.0",
        quality="XL-Sum English ROUGE-1/2/L 37.60/15.15/29.88 (model card)",
        max_input=512,
        generation={"num_beams": 4, "no_repeat_ngram_size": 2, "max_new_tokens": 84},
        description="Default for other languages: mT5 fine-tuned on XL-Sum, 45 languages incl. Urdu.",
    ),
    ModelSpec(
        alias="flan-t5-base",
        hub_id="google/flan-t5-base",
        task="summarization",
        family="t5",
        languages=("en",),
        size="990 MB",
        params="248M",
        licence="Apache-2.0",
        quality="instruction-tuned; no CNN/DM figure published",
        prompts=True,
        max_input=512,
        description="Instruction-tuned T5; summary and key points from prompts/ templates.",
    ),
    ModelSpec(
        alias="flan-t5-large",
        hub_id="google/flan-t5-large",
        task="summarization",
        family="t5",
        languages=("en",),
        size="3.1 GB",
        params="783M",
        licence="Apache-2.0",
        quality="instruction-tuned; no CNN/DM figure published",
        prompts=True,
        max_input=512,
        description="Larger instruction-tuned T5.",
    ),
)

# Translators (issue 4): the recipes per family live in translate.py; choice order there too.
TRANSLATORS: tuple[ModelSpec, ...] = (
    ModelSpec(
        alias="nllb-600m",
        hub_id="facebook/nllb-200-distilled-600M",
        task="translation",
        family="nllb",
        languages=("*",),
        size="2.5 GB",
        params="600M",
        licence="CC-BY-NC-4.0",
        quality="FLORES-200 devtest en→ur chrF++ 44.95",
        generation={"num_beams": 4},
        description="Default: NLLB-200 distilled, 200 languages (FLORES-200 codes). Non-commercial licence.",
    ),
    ModelSpec(
        alias="m2m100",
        hub_id="facebook/m2m100_418M",
        task="translation",
        family="m2m100",
        languages=("*",),
        size="1.9 GB",
        params="418M",
        licence="MIT",
        quality="FLORES-200 devtest en→ur chrF++ 37.8",
        generation={"num_beams": 4},
        description="Permissive many-to-many translator, 100 languages.",
    ),
    ModelSpec(
        alias="opus-mt-en-ur",
        hub_id="Helsinki-NLP/opus-mt-en-ur",
        task="translation",
        family="marian",
        languages=("en", "ur"),
        size="300 MB",
        params="~75M",
        licence="CC-BY-4.0 / Apache-2.0",
        quality="FLORES-200 devtest en→ur chrF++ ≤36.8 (best OPUS-MT en-ur model: 36.8)",
        description="Small, fast Marian model; one of the OPUS-MT family (`--translator opus-mt`).",
    ),
    ModelSpec(
        alias="opus-mt-ur-en",
        hub_id="Helsinki-NLP/opus-mt-ur-en",
        task="translation",
        family="marian",
        languages=("ur", "en"),
        size="300 MB",
        params="~75M",
        licence="CC-BY-4.0 / Apache-2.0",
        quality="see the Helsinki-NLP OPUS-MT leaderboard",
        description="Urdu to English; also the first leg of Urdu->X pivots.",
    ),
)

DEFAULT_ENGLISH = "distilbart-cnn"
DEFAULT_MULTILINGUAL = "mt5-xlsum"

_REGISTRY: dict[str, ModelSpec] = {}


def register(spec: ModelSpec) -> None:
    """Add a model to the registry (translators add theirs from ``translate``)."""
    _REGISTRY[spec.alias] = spec


for _spec in (*SUMMARIZERS, *TRANSLATORS):
    register(_spec)


def registry(task: str | None = None) -> list[ModelSpec]:
    """Registered models, optionally only those for ``task``."""
    return [s for s in _REGISTRY.values() if task is None or s.task == task]


def spec_for(name: str) -> ModelSpec | None:
    """The registry entry for an alias or Hub id, if any."""
    if name in _REGISTRY:
        return _REGISTRY[name]
    for spec in _REGISTRY.values():
        if spec.hub_id == name:
            return spec
    return None


@dataclass(frozen=True)
class ResolvedModel:
    """A model name resolved to files on disk."""

    name: str  # what the user asked for
    model_id: str  # Hub id, or the absolute folder path for a local model
    path: Path
    source: str  # "local", "cache" or "download"
    spec: ModelSpec | None


def is_offline(flag: bool = False) -> bool:
    """True when the network must not be touched (flag, SUMMARIZE_OFFLINE or HF_HUB_OFFLINE)."""
    if flag:
        return True
    for var in ("SUMMARIZE_OFFLINE", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        if os.environ.get(var, "").strip().lower() in {"1", "true", "yes", "on"}:
            return True
    return False


def _looks_like_path(name: str) -> bool:
    return name.startswith((".", "/", "~")) or (os.sep in name and Path(name).expanduser().exists())


def parse_name(name: str, task: str = "summarization") -> tuple[str, ModelSpec | None, Path | None]:
    """Classify ``name``: returns (model id, registry spec, local folder or None).

    Raises :class:`UnknownModelError` listing the valid aliases when ``name`` is none of them.
    """
    name = name.strip()
    path = Path(name).expanduser()
    if _looks_like_path(name) or (path.is_dir() and (path / "config.json").is_file()):
        if not path.is_dir():
            raise UnknownModelError(f"model folder {name} does not exist", hint="check the path")
        if not (path / "config.json").is_file():
            raise UnknownModelError(
                f"{name} is not a model folder (no config.json)",
                hint="point --model at a folder written by save_pretrained",
            )
        resolved = path.resolve()
        return str(resolved), local_spec(resolved, task), resolved
    spec = spec_for(name)
    if spec is not None:
        return spec.hub_id, spec, None
    if _HUB_ID.match(name):
        return name, None, None
    valid = ", ".join(s.alias for s in registry(task))
    raise UnknownModelError(
        f"unknown model {name!r}",
        hint=f"use one of: {valid}; a Hub id like owner/name; or a local folder",
    )


RECIPE_FILE = "summarize.json"
_RECIPE_KEYS = {"prefix", "prompts", "max_input", "generation", "languages", "licence", "family"}


def local_spec(folder: Path, task: str = "summarization") -> ModelSpec | None:
    """The recipe of a local model folder, from its optional ``summarize.json``.

    Keys: ``prefix``, ``prompts`` (true for instruction-tuned models), ``max_input``,
    ``generation`` (generate() settings), ``languages``, ``licence``, ``family``.
    """
    recipe_path = folder / RECIPE_FILE
    if not recipe_path.is_file():
        return None
    import json

    try:
        recipe = json.loads(recipe_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UnknownModelError(f"{recipe_path} is not valid JSON: {exc}", hint="fix or remove it") from None
    unknown = set(recipe) - _RECIPE_KEYS
    if unknown:
        raise UnknownModelError(
            f"{recipe_path} has unknown keys {sorted(unknown)}", hint=f"use: {', '.join(sorted(_RECIPE_KEYS))}"
        )
    types = {"max_input": int, "generation": dict, "languages": list, "prompts": bool}
    wrong = sorted(k for k, kind in types.items() if k in recipe and not isinstance(recipe[k], kind))
    if wrong or (recipe.get("max_input") is not None and recipe["max_input"] < 16):
        raise UnknownModelError(
            f"{recipe_path} has values of the wrong type: {wrong or ['max_input']}",
            hint="max_input: a whole number of tokens (16 or more); generation: an object; languages: a list; "
            "prompts: true or false",
        )
    languages = recipe.get("languages", ["*"])
    return ModelSpec(
        alias=folder.name,
        hub_id=str(folder),
        task=task,
        family=str(recipe.get("family", "")),
        languages=tuple(languages),
        licence=str(recipe.get("licence", "?")),
        prefix=str(recipe.get("prefix", "")),
        prompts=bool(recipe.get("prompts", False)),
        max_input=recipe.get("max_input"),
        generation=dict(recipe.get("generation", {})),
    )


def pull_command(name: str) -> str:
    return f"summarize models pull {name}"


def _cached_snapshot(model_id: str) -> Path | None:
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        folder = Path(snapshot_download(model_id, local_files_only=True, allow_patterns=DOWNLOAD_PATTERNS))
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None
    return folder if (folder / "config.json").is_file() else None


def download_patterns(model_id: str, files: list[str] | None = None) -> list[str]:
    """What to fetch: safetensors weights when the repo has them, else the PyTorch ``.bin`` ones.

    Older repos (distilbart-cnn, mT5 XL-Sum) ship only ``pytorch_model.bin``; fetching both kinds
    where both exist would double the download.
    """
    if files is None:
        from huggingface_hub import HfApi

        from .hubnet import bound_hub_requests, hub_timeout

        bound_hub_requests()
        info = HfApi().model_info(model_id, files_metadata=False, timeout=hub_timeout())
        files = [s.rfilename for s in (info.siblings or [])]
    if any(f.endswith(".safetensors") for f in files):
        return DOWNLOAD_PATTERNS
    return [*DOWNLOAD_PATTERNS, "pytorch_model*.bin"]


def download(model_id: str, *, progress: bool = True) -> Path:
    """Download ``model_id`` into the Hugging Face cache (with huggingface_hub's progress bars)."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.utils import disable_progress_bars, enable_progress_bars

    from .hubnet import bound_hub_requests, hub_timeout, timeout_message

    if not progress:
        disable_progress_bars()
    try:
        bound_hub_requests()  # no Hub call may wait forever (a network that accepts and never answers)
        patterns = download_patterns(model_id)
        return Path(snapshot_download(model_id, allow_patterns=patterns, etag_timeout=hub_timeout()))
    except Exception as exc:  # network, auth, missing repo: all mean "not available"
        reason = timeout_message(exc) or f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:200]}"
        raise ModelNotAvailableError(
            f"could not download model {model_id}: {reason}",
            model=model_id,
            hint="check the name and your network (or proxy), or use a local folder with --model PATH",
        ) from exc
    finally:
        if not progress:
            enable_progress_bars()


def resolve(
    name: str,
    *,
    offline: bool = False,
    allow_download: bool = True,
    task: str = "summarization",
    progress: bool = True,
) -> ResolvedModel:
    """Find ``name`` on disk, downloading it when online and ``allow_download`` is true."""
    model_id, spec, local = parse_name(name, task)
    if local is not None:
        return ResolvedModel(name, model_id, local, "local", spec)
    cached = _cached_snapshot(model_id)
    if cached is not None:
        return ResolvedModel(name, model_id, cached, "cache", spec)
    label = spec.alias if spec else model_id
    if is_offline(offline) or not allow_download:
        raise ModelNotAvailableError(
            f"model {model_id} is not downloaded and the network is off",
            model=model_id,
            hint=f"run `{pull_command(label)}` on a machine with network (it fills the Hugging Face "
            "cache, HF_HOME), or pass --model PATH to a local folder",
        )
    return ResolvedModel(name, model_id, download(model_id, progress=progress), "download", spec)
