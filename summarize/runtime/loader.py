"""The one place that knows both backends: which runs a model, and each model loaded once per run.

``ModelLoader`` resolves a model name once (registry → local folder, Hugging Face cache or
download) and loads it once (CTranslate2 when installed and able, else transformers); the
summarizer and the translator of a run share one loader, so a model both use loads once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import ModelLoadError, ModelNotAvailableError, UsageError
from .base import Seq2SeqModel
from .choices import BACKENDS, CT2_MODEL_TYPES
from .hub import fingerprint, is_offline, resolve
from .registry import ResolvedModel

Notify = Callable[[str], None]


def check_seq2seq(resolved: ResolvedModel) -> None:
    """Refuse a model that no backend could run (BERT, GPT-2, ...) with what it is, before any loading."""
    if resolved.model_type in CT2_MODEL_TYPES:
        return  # all seq2seq; and a converted model's run must not import transformers to learn that
    from transformers.models.auto.modeling_auto import MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES

    kind = resolved.model_type
    if kind and kind not in MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES:
        raise UsageError(
            f"model {resolved.model_id} is a {kind} model, not a seq2seq (encoder-decoder) one",
            hint="use a model from `summarize models list` or a folder saved from AutoModelForSeq2SeqLM",
        )


def load_model(
    resolved: ResolvedModel,
    *,
    backend: str = "auto",
    device: str | None = None,
    threads: int | None = None,
    compute_type: str | None = None,
    notify: Callable[[str], None] | None = None,
    vocab_map: bool = True,
) -> Seq2SeqModel:
    """Load ``resolved`` on the chosen backend. Every backend offers Seq2SeqModel's interface:
    ``max_input``, ``count_tokens``, ``base_settings``, ``prefix``, ``uses_prompts``, ``generate``.

    ``auto`` picks CTranslate2 when it is installed and supports the model's architecture, else
    transformers; if the conversion to CTranslate2 fails, ``auto`` says so and uses transformers.
    ``compute_type`` applies to CTranslate2 only (default int8 on CPU, int8_float16 on CUDA), and so
    does ``vocab_map`` (NLLB and M2M100 score only the target script's tokens; see ``vmap.py``).
    """
    if backend not in BACKENDS:
        raise UsageError(f"unknown backend {backend!r}", hint=f"use one of: {', '.join(BACKENDS)}")
    # The backends load here, not at import: a run that never loads a model (the extractive
    # engine, a cached result) starts faster without them.
    from . import ct2
    from .hf import TransformersModel

    check_seq2seq(resolved)
    if backend == "ctranslate2":
        ct2.require()
        if not ct2.supports(resolved):
            raise UsageError(
                f"the ctranslate2 backend cannot run {resolved.model_id} "
                f"(architecture {resolved.model_type or 'unknown'})",
                hint="use --backend transformers",
            )
        return ct2.CT2Model(
            resolved, device=device, threads=threads, compute_type=compute_type, notify=notify, vocab_map=vocab_map
        )
    on_ct2_device = (device or "cpu").partition(":")[0] in {"cpu", "cuda"}
    if backend == "auto" and on_ct2_device and ct2.available() and ct2.supports(resolved):
        try:
            return ct2.CT2Model(
                resolved, device=device, threads=threads, compute_type=compute_type, notify=notify, vocab_map=vocab_map
            )
        except ModelLoadError as exc:
            if notify:
                notify(f"note: {exc.message}; using transformers instead")
    return TransformersModel(resolved, device=device, threads=threads)


@dataclass(frozen=True)
class RuntimeOptions:
    """Where and how models run; validated by the settings layer."""

    backend: str = "auto"
    device: str | None = None
    threads: int | None = None
    compute_type: str | None = None
    offline: bool = False
    vocab_map: bool = True  # CTranslate2's vocabulary maps for NLLB and M2M100 (--no-vocab-map: off)


class ModelLoader:
    """Resolves and loads models for one run: each name resolved once, each model loaded once."""

    def __init__(self, runtime: RuntimeOptions | None = None, notify: Notify | None = None):
        self.runtime = runtime or RuntimeOptions()
        self.notify: Notify = notify or (lambda message: None)
        self.load_seconds = 0.0
        self._resolved: dict[tuple[str, str], ResolvedModel | ModelNotAvailableError] = {}
        self._models: dict[str, Seq2SeqModel] = {}
        self._fingerprints: dict[tuple[str, str], str] = {}

    @property
    def offline(self) -> bool:
        return is_offline(self.runtime.offline)

    def resolve(self, name: str, task: str = "summarization", *, allow_download: bool = True) -> ResolvedModel:
        """``name`` on disk (downloaded when online and allowed); a miss is remembered for the run."""
        key = (name, task)
        known = self._resolved.get(key)
        if isinstance(known, ResolvedModel):
            return known
        if known is not None and (not allow_download or self.offline):
            raise known
        try:
            resolved = resolve(name, offline=self.offline, allow_download=allow_download, task=task)
        except ModelNotAvailableError as exc:
            self._resolved[key] = exc
            raise
        self._resolved[key] = resolved
        return resolved

    def available(self, name: str, task: str = "summarization") -> bool:
        """Whether ``name`` is on disk (never downloads)."""
        try:
            self.resolve(name, task, allow_download=False)
        except ModelNotAvailableError:
            return False
        return True

    def load(self, name: str, task: str = "summarization") -> Seq2SeqModel:
        """The loaded model for ``name`` (resolved and loaded on first use only)."""
        return self.load_resolved(self.resolve(name, task))

    def load_resolved(self, resolved: ResolvedModel) -> Seq2SeqModel:
        if resolved.model_id not in self._models:
            started = time.perf_counter()
            rt = self.runtime
            self._models[resolved.model_id] = load_model(
                resolved,
                backend=rt.backend,
                device=rt.device,
                threads=rt.threads,
                compute_type=rt.compute_type,
                notify=self.notify,
                vocab_map=rt.vocab_map,
            )
            self.load_seconds += time.perf_counter() - started
        return self._models[resolved.model_id]

    def fingerprint(self, name: str, task: str = "summarization") -> str:
        """What identifies ``name``'s weights (for cache keys), remembered once the model is on disk."""
        key = (name, task)
        if key not in self._fingerprints:
            value = fingerprint(name, task, offline=self.offline, resolver=self.resolve)
            if ":not-downloaded" in value:
                return value
            self._fingerprints[key] = value
        return self._fingerprints[key]

    def close(self) -> None:
        """Forget the loaded models, so their memory can be freed."""
        self._models.clear()
