"""One loaded translation model run with its family's recipe: NLLB-200, M2M100 or Marian (OPUS-MT).

Per-family recipes (what the CTranslate2 backend mirrors):

* NLLB-200: ``tokenizer.src_lang = "eng_Latn"`` (FLORES-200 code of the source) before any
  tokenizing; ``generate(..., extra={"forced_bos_token_id": id("urd_Arab")})``.
* M2M100: ``tokenizer.src_lang = "en"``; ``forced_bos_token_id = id("__ur__")``. Its ``__xx__``
  tokens may not be special when loaded from files (transformers 5), so they are removed from
  decoded text here rather than trusted to ``skip_special_tokens``.
* Marian: one model per direction, no language tokens; pairs without a model pivot through English.

Inputs are packed into batches to a token budget; nothing is truncated (a sentence over the limit
is cut at clause boundaries), and degenerate outputs are retried once with safer settings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UnknownLanguageError, UsageError
from ..runtime.base import TARGET_SCRIPT, GenerationSettings, Seq2SeqModel, degenerate_reason
from ..text.chunking import chunk_text
from ..text.languages import language_name
from ..text.languages import normalise as normalise_language
from . import langcodes

TASK = "translation"
# Scripts written without spaces between words: translated pieces are joined without one.
NO_SPACE_LANGUAGES = frozenset({"zh", "ja", "th", "km", "my"})
# Output may be this much longer than its input (in source tokens) before it counts as degenerate.
LENGTH_RATIO = 2.5
LENGTH_SLACK = 10


def _family_of(model: Seq2SeqModel) -> str:
    """The translator family: the recipe's, else told from the tokenizer class."""
    family = (model.spec.family if model.spec else "") or ""
    if family in {"nllb", "m2m100", "marian"}:
        return family
    # The torch-free tokenizer of a converted model names the transformers class it stands for.
    name = str(getattr(model.tokenizer, "class_name", type(model.tokenizer).__name__)).lower()
    for key, fam in (("nllb", "nllb"), ("m2m100", "m2m100"), ("marian", "marian")):
        if key in name:
            return fam
    model_type = str(getattr(model.config, "model_type", ""))
    return "marian" if model_type == "marian" else model_type


_LANG_TOKENS = {
    "m2m100": re.compile(r"\s*__[a-z]{2,3}__\s*"),
    "nllb": re.compile(r"\s*\b[a-z]{3}_[A-Z][a-z]{3}\b\s*"),
}


def pack_batches(lengths: Sequence[int], max_batch: int, max_tokens: int) -> list[list[int]]:
    """Indices grouped into batches, longest first: at most ``max_batch`` inputs and, padded to the
    longest, at most ``max_tokens`` tokens per batch (a longer single input still gets its own)."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        longest = lengths[current[0]] if current else lengths[i]
        if current and (len(current) >= max_batch or (len(current) + 1) * longest > max_tokens):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


@dataclass
class _Job:
    text: str
    tokens: int = 0
    output: str = ""


class ModelTranslator:
    """One loaded translation model and its family's recipe for one language pair at a time."""

    def __init__(self, model: Seq2SeqModel, *, batch_size: int = 8, max_batch_tokens: int = 4096):
        self.model = model
        self.family = _family_of(model)
        self.batch_size = max(1, batch_size)
        self.max_batch_tokens = max(64, max_batch_tokens)
        self.model_id = model.model_id

    @property
    def limit(self) -> int:
        """Longest input in tokens: half the model's limit (room for the output), at most 256."""
        return max(8, min(256, self.model.max_input // 2))

    def language_token(self, code: str) -> str | None:
        return langcodes.family_code(self.family, code)

    def direction(self) -> tuple[str, str] | None:
        """A Marian model's (source, target) from its tokenizer, when it says and we know both codes."""
        tok = self.model.tokenizer
        codes = [getattr(tok, "source_lang", None), getattr(tok, "target_lang", None)]
        try:
            src, tgt = (normalise_language(str(c)) for c in codes if c)
        except (UnknownLanguageError, ValueError):
            return None  # not said, or codes we cannot compare (eng, multi-target "mul")
        return src, tgt

    def prepare(self, src: str, tgt: str) -> dict[str, Any]:
        """Set the tokenizer's source language and return generate()'s extra arguments."""
        if self.family == "marian":
            # One direction per model: a folder for another pair would silently give nonsense.
            direction = self.direction()
            if direction is not None and direction != (src, tgt):
                raise UsageError(
                    f"translator {self.model_id} translates {direction[0]}->{direction[1]}, not {src}->{tgt}",
                    hint="pass the folder of a model for this pair, or --translator opus-mt",
                )
            return {}
        if self.family not in {"nllb", "m2m100"}:
            return {}
        src_token = self.language_token(src)
        tgt_token = self.language_token(tgt)
        missing = [language_name(c) for c, t in ((src, src_token), (tgt, tgt_token)) if t is None]
        if missing:
            raise UsageError(
                f"translator {self.model_id} does not know {' or '.join(missing)}",
                hint="pick another --translator (summarize models list)",
            )
        assert src_token and tgt_token
        tok = self.model.tokenizer
        # src_lang is the bare code: NLLB's token (eng_Latn) or M2M100's code (en, not __en__).
        tok.src_lang = src_token if self.family == "nllb" else src_token.strip("_")
        forced = tok.convert_tokens_to_ids(tgt_token)
        if forced is None or forced == tok.unk_token_id:
            raise UsageError(
                f"translator {self.model_id} has no {tgt_token} token",
                hint="its tokenizer does not match its family; pick another --translator",
            )
        # The target's script picks the CTranslate2 backend's vocabulary map (no map for unknown scripts).
        script = langcodes.FLORES200.get(tgt, "").partition("_")[2] or None
        return {"forced_bos_token_id": int(forced), TARGET_SCRIPT: script}

    def _clean(self, text: str) -> str:
        pattern = _LANG_TOKENS.get(self.family)
        return " ".join(pattern.sub(" ", text).split()) if pattern else text.strip()

    def _settings(self, longest: int, safer: bool) -> GenerationSettings:
        base = self.model.base_settings(TASK)
        # Room for a translation of ``longest`` tokens; base max lengths (NLLB: 200) would truncate.
        max_new = min(int(longest * 3) + 16, max(16, self.model.max_input))
        extra = {k: v for k, v in base.extra.items() if k not in {"length_penalty"}}
        if safer:
            extra.update({"no_repeat_ngram_size": 3, "repetition_penalty": 1.3})
            return GenerationSettings(max_new, max(1, min(longest // 2, max_new // 2)), max(2, base.num_beams), extra)
        return GenerationSettings(max_new, 0, base.num_beams, extra)

    def _run(self, jobs: list[_Job], extra: dict[str, Any], safer: bool) -> None:
        for batch in pack_batches([j.tokens for j in jobs], self.batch_size, self.max_batch_tokens):
            texts = [jobs[i].text for i in batch]
            settings = self._settings(max(jobs[i].tokens for i in batch), safer)
            outs = self.model.generate(texts, settings, batch_size=len(texts), extra=extra)
            for i, out in zip(batch, outs, strict=True):
                jobs[i].output = self._clean(out)

    def _problem(self, job: _Job) -> str | None:
        reason = degenerate_reason(job.output)
        if reason:
            return reason
        if self.model.count_tokens(job.output) > LENGTH_RATIO * job.tokens + LENGTH_SLACK:
            return "far longer than its input"
        return None

    def translate_sentences(self, sentences: list[str], src: str, tgt: str, warnings: list[str]) -> list[str]:
        """One translation per input, in order; each input must be prose (spans already removed).

        Over-long inputs are cut at clause boundaries and their pieces joined back. Degenerate
        outputs are retried once with safer settings; what is still empty keeps the source text.
        """
        if not sentences:
            return []
        extra = self.prepare(src, tgt)
        count = self.model.count_tokens
        jobs: list[_Job] = []
        owners: list[list[int]] = []
        for sentence in sentences:
            pieces = [c.text for c in chunk_text(sentence, count, self.limit, src)] or [sentence]
            owners.append(list(range(len(jobs), len(jobs) + len(pieces))))
            jobs.extend(_Job(p, count(p)) for p in pieces)
        self._run(jobs, extra, safer=False)
        bad = [i for i, job in enumerate(jobs) if self._problem(job)]
        if bad:
            retry = [jobs[i] for i in bad]
            self._run(retry, extra, safer=True)
            still: dict[str, int] = {}
            for job in retry:
                reason = self._problem(job)
                if reason == "empty":
                    job.output = job.text  # never lose a sentence: keep it untranslated
                    reason = "empty (kept untranslated)"
                if reason:
                    still[reason] = still.get(reason, 0) + 1
            for reason, n in still.items():
                warnings.append(f"{self.model_id}: {n} segment(s) still {reason} after a retry with safer settings")
        joiner = "" if tgt in NO_SPACE_LANGUAGES else " "
        return [joiner.join(jobs[i].output for i in idx) for idx in owners]


_COUNTED = re.compile(r"^(?P<model>.*): (?P<n>\d+) segment\(s\) still (?P<reason>.*)$")


def merge_warnings(warnings: list[str]) -> list[str]:
    """One warning per model and reason, counts summed (several passes may report the same)."""
    counts: dict[tuple[str, str], int] = {}
    other: list[str] = []
    for warning in warnings:
        m = _COUNTED.match(warning)
        if m:
            key = (m.group("model"), m.group("reason"))
            counts[key] = counts.get(key, 0) + int(m.group("n"))
        elif warning not in other:
            other.append(warning)
    return other + [f"{model}: {n} segment(s) still {reason}" for (model, reason), n in counts.items()]
