"""Seq2seq generation with transformers: ``AutoModelForSeq2SeqLM`` + ``generate()``.

transformers 5 has no summarization or translation pipeline, so loading, batching, generation
settings and decoding live here. torch and transformers are imported only when a model loads.
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import GenerationError, ModelLoadError, UsageError
from .registry import ModelSpec, ResolvedModel

# Generation keys we take from a model's own config and pass through to generate().
_GEN_KEYS = (
    "num_beams",
    "no_repeat_ngram_size",
    "length_penalty",
    "repetition_penalty",
    "early_stopping",
    "encoder_no_repeat_ngram_size",
)
FALLBACK_MAX_INPUT = 512


@dataclass
class GenerationSettings:
    """What generate() is asked for; built from the model's config, then the recipe, then the user."""

    max_new_tokens: int = 128
    min_new_tokens: int = 0
    num_beams: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    def kwargs(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "max_new_tokens": int(self.max_new_tokens),
            "min_new_tokens": int(min(self.min_new_tokens, self.max_new_tokens)),
            "num_beams": int(self.num_beams),
        }
        out.update(self.extra)
        if out["num_beams"] <= 1:
            out.pop("early_stopping", None)
            out.pop("length_penalty", None)
        return out


def default_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def check_device(device: str | None) -> str:
    """``device`` (default: :func:`default_device`) once torch has shown it can put a tensor there."""
    import torch

    if not device:
        return default_device()
    try:
        parsed = torch.device(device)
    except RuntimeError:
        raise UsageError(f"unknown device {device!r}", hint="use cpu, cuda, cuda:N or mps") from None
    try:
        torch.empty(0, device=parsed)
    except (RuntimeError, AssertionError) as exc:  # torch built without that device, or none present
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise UsageError(f"device {device!r} cannot be used here: {reason}", hint="use --device cpu") from None
    return device


def configure_threads(threads: int | None) -> None:
    """Set torch's intra-op threads (``--threads``, else ``SUMMARIZE_THREADS``)."""
    import torch

    value = threads or int(os.environ.get("SUMMARIZE_THREADS", "0") or 0)
    if value > 0:
        torch.set_num_threads(value)


class Seq2SeqModel:
    """A loaded seq2seq model and its tokenizer: count tokens, generate text."""

    backend = "transformers"

    def __init__(self, resolved: ResolvedModel, *, device: str | None = None, threads: int | None = None):
        started = time.perf_counter()
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
            from transformers.utils import logging as hf_logging
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ModelLoadError(
                f"the model layer is not installed: {exc}", hint="pip install 'summarize' with torch"
            ) from exc
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        configure_threads(threads)
        self.resolved = resolved
        self.spec: ModelSpec | None = resolved.spec
        self.model_id = resolved.model_id
        self.device = check_device(device)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(resolved.path))
            self.model = AutoModelForSeq2SeqLM.from_pretrained(str(resolved.path))
        except Exception as exc:
            raise ModelLoadError(
                f"could not load model {resolved.model_id} from {resolved.path}: "
                f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}",
                hint="delete the folder and pull the model again, or check that it is a seq2seq model",
            ) from exc
        self.model.eval()
        self.model.to(self.device)
        self.config = self.model.config
        self.family = (self.spec.family if self.spec else "") or str(getattr(self.config, "model_type", "?"))
        self.load_seconds = time.perf_counter() - started

    # --- recipe -------------------------------------------------------------------------
    @property
    def max_input(self) -> int:
        """Longest input in tokens, special tokens included."""
        if self.spec and self.spec.max_input:
            return self.spec.max_input
        tok_max = getattr(self.tokenizer, "model_max_length", None)
        if isinstance(tok_max, int) and 8 <= tok_max < 100_000:
            return tok_max
        for key in ("max_position_embeddings", "n_positions"):
            value = getattr(self.config, key, None)
            if isinstance(value, int) and value > 0:
                return value
        return FALLBACK_MAX_INPUT

    def task_params(self, task: str) -> dict[str, Any]:
        params = getattr(self.config, "task_specific_params", None) or {}
        value = params.get(task) or {}
        return dict(value)

    def prefix(self, task: str = "summarization") -> str:
        if self.spec and self.spec.prefix:
            return self.spec.prefix
        return str(self.task_params(task).get("prefix", "") or "")

    @property
    def uses_prompts(self) -> bool:
        return bool(self.spec and self.spec.prompts)

    def base_settings(self, task: str = "summarization") -> GenerationSettings:
        """Settings from the model's generation config, its task params and the registry recipe."""
        merged: dict[str, Any] = {}
        # The transformers model carries it; the CTranslate2 backend loads it from the folder.
        gen = getattr(self, "generation_config", None) or getattr(self.model, "generation_config", None)
        if gen is not None:
            for key in (*_GEN_KEYS, "max_length", "min_length", "max_new_tokens", "min_new_tokens"):
                value = getattr(gen, key, None)
                if value is not None:
                    merged[key] = value
            # transformers' default max_length of 20 is no summary length: ignore it unless set.
            if merged.get("max_length") == 20 and "max_length" not in (gen.to_diff_dict() or {}):
                merged.pop("max_length")
        merged.update({k: v for k, v in self.task_params(task).items() if k != "prefix"})
        if self.spec:
            merged.update(self.spec.generation)
        max_new = merged.pop("max_new_tokens", None) or (
            int(merged["max_length"]) - 1 if merged.get("max_length") else 128
        )
        min_new = merged.pop("min_new_tokens", None) or (
            max(0, int(merged["min_length"]) - 1) if merged.get("min_length") else 0
        )
        merged.pop("max_length", None)
        merged.pop("min_length", None)
        beams = int(merged.pop("num_beams", 1) or 1)
        extra = {k: v for k, v in merged.items() if k in _GEN_KEYS}
        return GenerationSettings(int(max_new), int(min_new), beams, extra)

    # --- tokens -------------------------------------------------------------------------
    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def _suppressed(self) -> list[int]:
        # A summary never needs <unk> or <pad>; random or weak models emit them and decode to nothing.
        # <pad> is suppressed even where it is the decoder start token (T5, Marian): the start token
        # is given, never generated. Backends differ on whether it counts for no_repeat_ngram_size,
        # so generating it would also make their outputs differ.
        ids = {self.tokenizer.unk_token_id, self.tokenizer.pad_token_id}
        eos = self.tokenizer.eos_token_id
        return sorted(i for i in ids if i is not None and i != eos) or []

    # --- generation ---------------------------------------------------------------------
    def generate(
        self,
        texts: list[str],
        settings: GenerationSettings,
        *,
        batch_size: int = 8,
        extra: dict[str, Any] | None = None,
        tokenizer_kwargs: dict[str, Any] | None = None,
    ) -> list[str]:
        """Generate one output per input. Inputs are sorted by length and batched; order is kept.

        Inputs must already fit ``max_input``: this never truncates, it raises instead.
        """
        if not texts:
            return []
        lengths = [self.count_tokens(t) for t in texts]
        too_long = [n for n in lengths if n > self.max_input]
        if too_long:
            raise GenerationError(
                f"internal: input of {max(too_long)} tokens exceeds the model limit {self.max_input}",
                hint="this is a bug in chunking; please report it",
            )
        return self._generate(
            texts, lengths, settings, batch_size=batch_size, extra=extra or {}, tokenizer_kwargs=tokenizer_kwargs or {}
        )

    def _generate(
        self,
        texts: list[str],
        lengths: list[int],
        settings: GenerationSettings,
        *,
        batch_size: int,
        extra: dict[str, Any],
        tokenizer_kwargs: dict[str, Any],
    ) -> list[str]:
        """The backend's part of :meth:`generate`: inputs are checked, outputs keep input order."""
        import torch

        order = sorted(range(len(texts)), key=lambda i: -lengths[i])
        outputs: list[str] = [""] * len(texts)
        kwargs = settings.kwargs()
        suppress = self._suppressed()
        if suppress:
            kwargs.setdefault("suppress_tokens", suppress)
        if extra:
            kwargs.update(extra)
        for start in range(0, len(order), max(1, batch_size)):
            idx = order[start : start + batch_size]
            batch = [texts[i] for i in idx]
            enc = self.tokenizer(
                batch, return_tensors="pt", padding=True, truncation=False, **(tokenizer_kwargs or {})
            ).to(self.device)
            with torch.inference_mode():
                out = self.model.generate(**enc, **kwargs)
            decoded = self.tokenizer.batch_decode(out, skip_special_tokens=True)
            for i, text in zip(idx, decoded, strict=True):
                outputs[i] = clean_output(text)
        return outputs


_SPACES = re.compile(r"\s+")


def clean_output(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def degenerate_reason(text: str) -> str | None:
    """Why an output is unusable: ``empty`` or ``repetition`` (an n-gram loop); else None."""
    if not text.strip():
        return "empty"
    words = text.split()
    units = words if len(words) >= 6 else list(text.replace(" ", ""))
    # One word making up half the text is a loop that no_repeat_ngram_size only breaks up
    # ("the the X the the Y"): no sentence of eight words or more reads like that.
    if len(units) >= 8 and Counter(units).most_common(1)[0][1] * 2 >= len(units):
        return "repetition"
    grams = Counter(tuple(units[i : i + 3]) for i in range(len(units) - 2))
    total = sum(grams.values())
    if total >= 8 and (max(grams.values()) >= 4 or len(grams) / total < 0.5):
        return "repetition"
    return None


BACKENDS = ("auto", "transformers", "ctranslate2")


def check_seq2seq(resolved: ResolvedModel) -> None:
    """Refuse a model that no backend could run (BERT, GPT-2, ...) with what it is, before any loading."""
    from transformers.models.auto.modeling_auto import MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES

    from .ct2 import model_type

    kind = model_type(resolved.path)
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
) -> Seq2SeqModel:
    """Load ``resolved`` on the chosen backend. Every backend offers Seq2SeqModel's interface:
    ``max_input``, ``count_tokens``, ``base_settings``, ``prefix``, ``uses_prompts``, ``generate``.

    ``auto`` picks CTranslate2 when it is installed and supports the model's architecture, else
    transformers; if the conversion to CTranslate2 fails, ``auto`` says so and uses transformers.
    ``compute_type`` applies to CTranslate2 only (default int8 on CPU, int8_float16 on CUDA).
    """
    from . import ct2

    if backend not in BACKENDS:
        raise UsageError(f"unknown backend {backend!r}", hint=f"use one of: {', '.join(BACKENDS)}")
    check_seq2seq(resolved)
    if backend == "ctranslate2":
        ct2.require()
        if not ct2.supports(resolved):
            raise UsageError(
                f"the ctranslate2 backend cannot run {resolved.model_id} "
                f"(architecture {ct2.model_type(resolved.path) or 'unknown'})",
                hint="use --backend transformers",
            )
        return ct2.CT2Model(resolved, device=device, threads=threads, compute_type=compute_type, notify=notify)
    on_ct2_device = (device or "cpu").partition(":")[0] in {"cpu", "cuda"}
    if backend == "auto" and on_ct2_device and ct2.available() and ct2.supports(resolved):
        try:
            return ct2.CT2Model(resolved, device=device, threads=threads, compute_type=compute_type, notify=notify)
        except ModelLoadError as exc:
            if notify:
                notify(f"note: {exc.message}; using transformers instead")
    return Seq2SeqModel(resolved, device=device, threads=threads)
