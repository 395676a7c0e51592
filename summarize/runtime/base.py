"""What every backend shares: generation settings, the model's recipe, output checks.

A loaded model (:class:`Seq2SeqModel`) offers one interface whatever runs it: ``max_input``,
``count_tokens``, ``base_settings``, ``prefix``, ``uses_prompts`` and ``generate``. The backends
(``hf.py`` for transformers, ``ct2.py`` for CTranslate2) only load it and implement ``_generate``.
Nothing here imports torch, transformers or ctranslate2.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import GenerationError
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
# A key of generate()'s ``extra``: the target language's script (FLORES-200 code such as ``Arab``).
# Not a generation setting: the CTranslate2 backend picks its vocabulary map by it, others ignore it.
TARGET_SCRIPT = "target_script"


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


class Seq2SeqModel:
    """A loaded seq2seq model and its tokenizer: count tokens, generate text.

    Subclasses load ``tokenizer``, ``config`` (and ``generation_config``) and implement ``_generate``.
    """

    backend = "?"
    tokenizer: Any
    config: Any
    generation_config: Any = None

    def __init__(self, resolved: ResolvedModel):
        self.resolved = resolved
        self.spec: ModelSpec | None = resolved.spec
        self.model_id = resolved.model_id
        self.device = "cpu"

    @property
    def family(self) -> str:
        """The registry recipe's family, else the config's ``model_type``."""
        return (self.spec.family if self.spec else "") or str(getattr(self.config, "model_type", "?"))

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
        gen = self.generation_config
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
        raise NotImplementedError


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
