"""Translation with local seq2seq translators: NLLB-200, M2M100 and Marian (OPUS-MT).

Text is translated sentence by sentence, in batches packed to a token budget, and put back in
order; nothing is truncated (a sentence over the limit is cut at clause boundaries). Spans that
must survive byte for byte (inline code, URLs, link targets, HTML tags, emphasis markers) are
never shown to the model: a sentence is cut around them and they are put back as they were.
Numbers stay in context (models translate "12 people" better than "people" alone) and are
checked afterwards; a sentence whose numbers did not come back is translated again in pieces
around its numbers. Markdown documents keep their structure (headings, lists, quotes, tables,
code blocks, front matter).

Per-family recipes (what the CTranslate2 backend mirrors):

* NLLB-200: ``tokenizer.src_lang = "eng_Latn"`` (FLORES-200 code of the source) before any
  tokenizing; ``generate(..., extra={"forced_bos_token_id": id("urd_Arab")})``.
* M2M100: ``tokenizer.src_lang = "en"``; ``forced_bos_token_id = id("__ur__")``. Its ``__xx__``
  tokens may not be special when loaded from files (transformers 5), so they are removed from
  decoded text here rather than trusted to ``skip_special_tokens``.
* Marian: one model per direction, no language tokens; pairs without a model pivot through English.
"""

from __future__ import annotations

import re
import time
import unicodedata
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ModelNotAvailableError, UnknownLanguageError, UsageError
from ..runtime.base import GenerationSettings, Seq2SeqModel, degenerate_reason
from ..runtime.loader import ModelLoader, RuntimeOptions
from ..runtime.registry import ResolvedModel, spec_for
from ..text.chunking import chunk_text
from ..text.languages import language_name
from ..text.languages import normalise as normalise_language
from ..text.markdown import FENCE_OPEN, REFERENCE_DEFINITION, TEMPLATE_TAG, closes_fence, front_matter
from ..text.sentences import split_sentences
from . import langcodes, urdu

TASK = "translation"
PIVOT = "en"

DEFAULT_TRANSLATOR = "nllb-600m"
# Best quality first (FLORES-200 en->ur chrF++ 44.95 > 37.8 > 36.8); the first one on disk is used.
QUALITY_ORDER = ("nllb-600m", "m2m100", "opus-mt")
OPUS_MT = "opus-mt"
_OPUS_NAME = re.compile(r"^(?:Helsinki-NLP/)?opus-mt-([a-z]{2,3})-([a-z]{2,3})$")
# Scripts written without spaces between words: translated pieces are joined without one.
NO_SPACE_LANGUAGES = frozenset({"zh", "ja", "th", "km", "my"})
# Output may be this much longer than its input (in source tokens) before it counts as degenerate.
LENGTH_RATIO = 2.5
LENGTH_SLACK = 10


# --- choosing models ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One model run in a translation plan: ``name`` (alias, Hub id or folder) from ``src`` to ``tgt``."""

    name: str
    src: str
    tgt: str


def opus_plan(src: str, tgt: str, cached: Callable[[str], bool] | None = None) -> list[Step]:
    """Marian steps for a pair: the direct model when one exists, else through English."""
    cached = cached or (lambda _hub_id: False)

    def exists(s: str, t: str) -> bool:
        return langcodes.has_opus_mt(s, t) or cached(langcodes.opus_mt_id(s, t))

    direct = [Step(langcodes.opus_mt_id(src, tgt), src, tgt)]
    if exists(src, tgt) or PIVOT in (src, tgt):
        return direct
    if exists(src, PIVOT) and exists(PIVOT, tgt):
        return [Step(langcodes.opus_mt_id(src, PIVOT), src, PIVOT), Step(langcodes.opus_mt_id(PIVOT, tgt), PIVOT, tgt)]
    return direct


def candidate_plans(
    src: str, tgt: str, translator: str | None = None, cached: Callable[[str], bool] | None = None
) -> list[list[Step]]:
    """Plans to try for ``src``->``tgt``, best first.

    With no ``translator``: NLLB-200, then M2M100, then OPUS-MT, each only where it covers the pair.
    ``opus-mt`` means the Marian family (direct or pivot); anything else is used as given.
    """
    if translator:
        name = translator.strip()
        if name == OPUS_MT:
            return [opus_plan(src, tgt, cached)]
        m = _OPUS_NAME.match(name)
        if m:
            # A Marian model knows one direction only: asking it for another pair gives nonsense.
            if (m.group(1), m.group(2)) != (src, tgt):
                raise UsageError(
                    f"{name} translates {m.group(1)}->{m.group(2)}, not {src}->{tgt}",
                    hint="use --translator opus-mt to pick the OPUS-MT model(s) for the pair",
                )
            return [[Step(name if spec_for(name) else langcodes.opus_mt_id(src, tgt), src, tgt)]]
        return [[Step(name, src, tgt)]]
    plans: list[list[Step]] = []
    for alias in QUALITY_ORDER:
        if alias == OPUS_MT:
            plans.append(opus_plan(src, tgt, cached))
            continue
        spec = spec_for(alias)
        if spec and langcodes.supports(spec.family, src) and langcodes.supports(spec.family, tgt):
            plans.append([Step(alias, src, tgt)])
    return plans


def _family_of(model: Seq2SeqModel) -> str:
    """The translator family: the recipe's, else told from the tokenizer class."""
    family = (model.spec.family if model.spec else "") or ""
    if family in {"nllb", "m2m100", "marian"}:
        return family
    name = type(model.tokenizer).__name__.lower()
    for key, fam in (("nllb", "nllb"), ("m2m100", "m2m100"), ("marian", "marian")):
        if key in name:
            return fam
    model_type = str(getattr(model.config, "model_type", ""))
    return "marian" if model_type == "marian" else model_type


_LANG_TOKENS = {
    "m2m100": re.compile(r"\s*__[a-z]{2,3}__\s*"),
    "nllb": re.compile(r"\s*\b[a-z]{3}_[A-Z][a-z]{3}\b\s*"),
}


# --- protecting spans ------------------------------------------------------------------------------

# Spans that must come back byte for byte and are never given to a model.
PROTECTED = re.compile(
    r"(?P<code>``[^\n]+?``|`[^`\n]+`)"
    r"|(?P<target>\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)|\]\[[^\]\n]*\])"  # ](url "title") and ][ref]
    r"|(?P<opener>!?\[(?=[^\]\n]*\][(\[]))"  # the [ of a link or image whose text is translated
    r"|(?P<autolink><(?:https?://|mailto:)[^>\s]+>)"
    r"|(?P<html></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>|<!--.*?-->)"
    r"|(?P<url>(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<template>" + TEMPLATE_TAG.pattern + ")"
    # Emphasis delimiters: ** __ ~~ anywhere, a single * or _ only where it opens (before a
    # non-space, not inside a word) or closes (after a non-space, not before a word): snake_case,
    # 2*3 and "a * b" are prose.
    r"|(?P<emphasis>\*\*|__|~~|(?<![\w*\\])[*_](?=[^\s*_])|(?<=[^\s*_\\])[*_](?![\w*]))"
)
NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_LETTER = re.compile(r"[^\W\d_]")
_MASK_BASE = 0xE000  # private-use characters stand in for spans while sentences are split


def has_letters(text: str) -> bool:
    return bool(_LETTER.search(text))


def protected_spans(text: str) -> list[str]:
    """The spans of ``text`` that translation must keep byte for byte."""
    return [m.group(0) for m in PROTECTED.finditer(text)]


def _reference_pattern(labels: Sequence[str]) -> re.Pattern[str] | None:
    """Shortcut (``[label]``) and collapsed (``[label][]``) reference links to these labels."""
    if not labels:
        return None
    alternatives = "|".join(re.escape(label) for label in sorted(set(labels), key=len, reverse=True))
    return re.compile(rf"(?P<reference>\[(?P<label>(?i:{alternatives}))\](?:\[\])?(?![(\[:]))|" + PROTECTED.pattern)


def _mask(text: str, references: re.Pattern[str] | None = None) -> tuple[str, list[str]]:
    spans: list[str] = []

    def keep(span: str) -> str:
        spans.append(span)
        return chr(_MASK_BASE + len(spans) - 1)

    def sub(m: re.Match[str]) -> str:
        if references is not None and m.group("reference"):
            # The link text is translated; naming the label keeps the link working ([text][label]).
            label = m.group("label")
            if not has_letters(label):  # [1]: nothing to translate
                return keep(m.group(0))
            return keep("[") + label + keep(f"][{label}]")
        return keep(m.group(0))

    return (references or PROTECTED).sub(sub, text), spans


_MASKED = re.compile("[\ue000-\uf8ff]")


def _pieces(masked_sentence: str, spans: list[str]) -> list[tuple[bool, str]]:
    """(translate?, text) pieces of one sentence: runs of prose, and spans kept as they are."""
    out: list[tuple[bool, str]] = []
    pos = 0
    for m in _MASKED.finditer(masked_sentence):
        if m.start() > pos:
            out.append((True, masked_sentence[pos : m.start()]))
        out.append((False, spans[ord(m.group(0)) - _MASK_BASE]))
        pos = m.end()
    if pos < len(masked_sentence):
        out.append((True, masked_sentence[pos:]))
    return out


_LEADING_MASKS = re.compile(r"[\ue000-\uf8ff]+(?=\s|$)")


def _sentences(masked: str, lang: str) -> list[tuple[bool, str]]:
    """Sentences of a masked text, each with whether whitespace came before it in the text.

    Kept spans right after a sentence's end (the closing ``*`` or ``**`` of "*Said so.*") stay
    on that sentence: the splitter would start the next one with them, and the space put between
    translated sentences would then break the emphasis.
    """
    if not has_letters(masked):
        return [(False, masked)] if masked else []
    out: list[list[Any]] = []
    pos = 0
    for sentence in split_sentences(masked, lang):
        core = sentence.strip()
        at = masked.find(core, pos) if core else -1
        spaced = at < 0 or at > pos  # not found: the splitter rewrote it; a space is the safe guess
        pos = at + len(core) if at >= 0 else pos
        head = _LEADING_MASKS.match(core)
        if out and head and not spaced:
            out[-1][1] += head.group(0)
            rest = core[head.end() :]
            core, spaced = rest.lstrip(), rest != rest.lstrip() or spaced
        if core and out and not spaced and not (_MASKED.match(core) or _MASKED.match(out[-1][1][-1:])):
            spaced = True  # prose meets prose (Chinese writes no space): the target's joiner decides
        if core:
            out.append([spaced, core])
    return [(bool(spaced), core) for spaced, core in out]


def _ascii_digits(text: str) -> str:
    """Eastern Arabic, Persian/Urdu, Devanagari ... digits as ASCII (to compare numbers)."""
    return "".join(
        str(unicodedata.decimal(ch)) if ch.isdigit() and not ch.isascii() and unicodedata.decimal(ch, None) is not None
        else ch
        for ch in text
    )  # fmt: skip


def numbers_kept(source: str, output: str) -> tuple[bool, str]:
    """Whether every number of ``source`` is in ``output``; returns the output with ASCII digits
    where the model wrote another script's digits for the source's ones."""
    wanted = NUMBER.findall(source)
    if not wanted:
        return True, output
    fixed = _ascii_digits(output) if any(not c.isascii() and c.isdigit() for c in output) else output
    have = NUMBER.findall(fixed)
    for number in wanted:
        if number in have:
            have.remove(number)
        else:
            return False, output
    return True, fixed


# --- batching ---------------------------------------------------------------------------------


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


# --- running one model -----------------------------------------------------------------------------


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
        self.calls: list[list[str]] = []  # inputs of each generate() call, in order (for inspection)

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
        return {"forced_bos_token_id": int(forced)}

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
            self.calls.append(texts)
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


# --- the translator ------------------------------------------------------------------------------


@dataclass
class Translation:
    """Translated texts, in input order, and how they were made."""

    texts: list[str]
    source_language: str
    language: str
    models: list[str] = field(default_factory=list)
    pivot: str | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def model(self) -> str:
        """The model id, or ``first -> second`` for a pivot."""
        return " -> ".join(self.models)


Notify = Callable[[str], None]


class Translator:
    """Translates text with local models; each model is loaded once for the object's life."""

    def __init__(
        self,
        translator: str | None = None,
        *,
        offline: bool = False,
        device: str | None = None,
        threads: int | None = None,
        backend: str = "auto",
        compute_type: str | None = None,
        batch_size: int = 8,
        max_batch_tokens: int = 4096,
        notify: Notify | None = None,
        loader: ModelLoader | None = None,
    ):
        self.translator = translator
        self.batch_size = batch_size
        self.max_batch_tokens = max_batch_tokens
        self.notify: Notify = notify or (lambda message: None)
        # A summarizer's translator shares its loader: a model both use is resolved and loaded once.
        self.loader = loader or ModelLoader(
            RuntimeOptions(backend, device, threads, compute_type, offline), self.notify
        )
        self._engines: dict[str, ModelTranslator] = {}
        self._plans: dict[tuple[str, str], list[tuple[Step, ResolvedModel]]] = {}
        self._noticed: set[str] = set()

    # --- models -------------------------------------------------------------------------
    def _resolve(self, name: str, allow_download: bool) -> ResolvedModel:
        return self.loader.resolve(name, TASK, allow_download=allow_download)

    def _cached(self, hub_id: str) -> bool:
        try:
            self._resolve(hub_id, allow_download=False)
        except ModelNotAvailableError:
            return False
        return True

    def plan(self, src: str, tgt: str) -> list[tuple[Step, ResolvedModel]]:
        """The steps for ``src``->``tgt`` with their models on disk: the best plan already
        downloaded, else (online) the best plan, downloaded now."""
        key = (src, tgt)
        if key in self._plans:
            return self._plans[key]
        plans = candidate_plans(src, tgt, self.translator, self._cached)
        if not plans:
            raise UsageError(
                f"no translator knows both {language_name(src)} and {language_name(tgt)}",
                hint="pass --translator with a model for this pair",
            )
        chosen: list[tuple[Step, ResolvedModel]] | None = None
        first_error: ModelNotAvailableError | None = None
        for plan in plans:
            try:
                chosen = [(step, self._resolve(step.name, allow_download=False)) for step in plan]
                break
            except ModelNotAvailableError as exc:
                first_error = first_error or exc
        if chosen is None:
            if self.loader.offline:
                assert first_error is not None
                names = ", ".join(" + ".join(s.name for s in p) for p in plans)
                # A pivot may miss both of its models: name every pull the best plan needs.
                pulls = " && ".join(f"summarize models pull {s.name}" for s in plans[0] if not self._cached(s.name))
                hint = (first_error.hint or "").replace("--model PATH", "--translator PATH")
                raise ModelNotAvailableError(
                    f"no translator for {src}->{tgt} is downloaded (tried {names})",
                    model=first_error.model,
                    hint=re.sub(r"`summarize models pull [^`]+`", lambda _m: f"`{pulls}`", hint) if pulls else hint,
                )
            chosen = [(step, self._resolve(step.name, allow_download=True)) for step in plans[0]]
        elif plans and chosen[0][0] != plans[0][0] and not self.translator:
            best = plans[0][0].name
            if best not in self._noticed:
                self._noticed.add(best)
                used = " -> ".join(resolved.model_id for _, resolved in chosen)
                self.notify(
                    f"note: translator {best} is not downloaded; using {used} "
                    f"(`summarize models pull {best}` for the best quality)"
                )
        self._plans[key] = chosen
        return chosen

    def engine(self, resolved: ResolvedModel) -> ModelTranslator:
        """The loaded model for ``resolved`` (loaded on first use only)."""
        if resolved.model_id not in self._engines:
            with warnings.catch_warnings():
                # MarianTokenizer asks for sacremoses on every load; it is optional, the advice is noise.
                warnings.filterwarnings("ignore", message=".*sacremoses.*")
                model = self.loader.load_resolved(resolved)
            self._engines[resolved.model_id] = ModelTranslator(
                model, batch_size=self.batch_size, max_batch_tokens=self.max_batch_tokens
            )
        return self._engines[resolved.model_id]

    # --- text ---------------------------------------------------------------------------
    def translate(self, texts: Sequence[str], src: str, tgt: str, *, references: Sequence[str] = ()) -> Translation:
        """Translate each text (a summary, a key point, a paragraph) from ``src`` to ``tgt``.

        Protected spans come back byte for byte; every sentence is translated (none dropped).
        ``references``: labels of the document's link reference definitions; a shortcut link
        ``[label]`` comes back as ``[translated text][label]``.
        """
        started = time.perf_counter()
        steps = self.plan(src, tgt)
        result = Translation(list(texts), src, tgt, pivot=PIVOT if len(steps) > 1 else None)
        current = list(texts)
        pattern = _reference_pattern(references)
        for step, resolved in steps:
            engine = self.engine(resolved)
            result.models.append(resolved.model_id)
            current = self._translate_step(engine, current, step.src, step.tgt, result.warnings, pattern)
            pattern = None  # the first step wrote every shortcut link out in full
        if tgt == "ur":
            current = [_normalise_prose(t, urdu.normalise) for t in current]
        result.texts = current
        result.warnings = merge_warnings(result.warnings)
        result.seconds = time.perf_counter() - started
        return result

    def _translate_step(
        self,
        engine: ModelTranslator,
        texts: list[str],
        src: str,
        tgt: str,
        warnings: list[str],
        references: re.Pattern[str] | None = None,
    ) -> list[str]:
        # Each text -> sentences -> pieces; prose pieces are translated in one batched call.
        layout: list[list[tuple[bool, list[tuple[bool, str]]]]] = []
        prose: list[str] = []
        for text in texts:
            masked, spans = _mask(text, references)
            layout.append([(spaced, _pieces(s, spans)) for spaced, s in _sentences(masked, src)])
            for _, sentence in layout[-1]:
                prose.extend(core for keep, piece in sentence if keep and has_letters(core := piece.strip()))
        outputs = engine.translate_sentences(prose, src, tgt, warnings) if prose else []
        outputs = self._check_numbers(engine, prose, outputs, src, tgt, warnings)
        it = iter(outputs)
        joiner = "" if tgt in NO_SPACE_LANGUAGES else " "
        out: list[str] = []
        for sentences in layout:
            rendered: list[tuple[bool, str]] = []
            for spaced, sentence in sentences:
                parts = []
                for keep, piece in sentence:
                    core = piece.strip()
                    if keep and has_letters(core):
                        lead = piece[: len(piece) - len(piece.lstrip())]
                        trail = piece[len(piece.rstrip()) :]
                        parts.append(lead + next(it) + trail)
                    else:
                        parts.append(piece)
                rendered.append((spaced, "".join(parts).strip()))
            kept = [(spaced, r) for spaced, r in rendered if r]
            out.append("".join((joiner if spaced and i else "") + r for i, (spaced, r) in enumerate(kept)))
        return out

    def _check_numbers(
        self, engine: ModelTranslator, sources: list[str], outputs: list[str], src: str, tgt: str, warnings: list[str]
    ) -> list[str]:
        """Numbers must come back as written: else translate around them and keep them verbatim."""
        outputs = list(outputs)
        redo: list[int] = []
        for i, (source, output) in enumerate(zip(sources, outputs, strict=True)):
            ok, fixed = numbers_kept(source, output)
            if ok:
                outputs[i] = fixed
            else:
                redo.append(i)
        if not redo:
            return outputs
        pieces: list[list[tuple[bool, str]]] = []
        prose: list[str] = []
        for i in redo:
            parts: list[tuple[bool, str]] = []
            pos = 0
            for m in NUMBER.finditer(sources[i]):
                parts.append((True, sources[i][pos : m.start()]))
                parts.append((False, m.group(0)))
                pos = m.end()
            parts.append((True, sources[i][pos:]))
            pieces.append(parts)
            prose.extend(p.strip() for keep, p in parts if keep and has_letters(p))
        translated = iter(engine.translate_sentences(prose, src, tgt, warnings))
        for i, parts in zip(redo, pieces, strict=True):
            text = ""
            for keep, p in parts:
                if keep and has_letters(p):
                    lead = " " if p[:1].isspace() else ""
                    trail = " " if p[-1:].isspace() else ""
                    text += lead + next(translated) + trail
                else:
                    text += p
            outputs[i] = " ".join(text.split())
        return outputs

    # --- documents ----------------------------------------------------------------------
    def translate_markdown(self, text: str, src: str, tgt: str, *, markdown: bool = True) -> Translation:
        """Translate a Markdown (or plain text) document, keeping its structure byte for byte:
        front matter, code blocks, blank lines and markers stay; prose in them is translated.
        ``markdown=False`` (plain text): indented lines are prose, not code."""
        blocks = markdown_blocks(text, markdown=markdown)
        units = [b.content for b in blocks if b.translate]
        labels = [b.raw.split("]", 1)[0].strip().lstrip("[") for b in blocks if REFERENCE_DEFINITION.match(b.raw)]
        result = self.translate(units, src, tgt, references=labels) if units else Translation([], src, tgt)
        it = iter(result.texts)
        out = []
        for block in blocks:
            out.append(block.prefix + next(it) + block.ending if block.translate else block.raw)
        result.texts = ["".join(out)]
        return result


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


def _normalise_prose(text: str, fn: Callable[[str], str]) -> str:
    """Apply ``fn`` to the prose of ``text`` only; protected spans stay byte for byte."""
    masked, spans = _mask(text)
    done = fn(masked)
    return _MASKED.sub(lambda m: spans[ord(m.group(0)) - _MASK_BASE], done)


# --- Markdown structure ---------------------------------------------------------------------------


@dataclass
class Block:
    """A piece of a document: kept as ``raw``, or ``prefix`` + translated ``content`` + ``ending``."""

    raw: str
    translate: bool = False
    prefix: str = ""
    content: str = ""
    ending: str = ""


_MARKER = re.compile(r"^(\s*(?:>\s?)*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?)")
_HEADING = re.compile(r"^\s*(?:>\s?)*#{1,6}[ \t]")
_LIST = re.compile(r"^\s*(?:>\s?)*(?:[-*+]|\d{1,9}[.)])[ \t]")
_TABLE = re.compile(r"^\s*\|")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_CELL = re.compile(r"(\|)")


def markdown_blocks(text: str, *, markdown: bool = True) -> list[Block]:
    """Split a Markdown document into kept and translatable blocks, in order (the ``raw`` of all
    blocks concatenated is the document; a translatable block's lines are joined into one)."""
    blocks: list[Block] = []
    head = front_matter(text)
    if head:
        blocks.append(Block(head.group(0)))
        text = text[head.end() :]
    lines = text.splitlines(keepends=True)
    i = 0
    fence: str | None = None
    prev_blank = True
    while i < len(lines):
        line = lines[i]
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        if fence is not None:
            blocks.append(Block(line))
            if closes_fence(fence, body):
                fence = None
            i += 1
            continue
        m = FENCE_OPEN.match(body)
        if m:
            fence = m.group(1)
            blocks.append(Block(line))
            i += 1
            continue
        # Plain text (markdown=False) has no indented code: an indented paragraph is prose there.
        code = markdown and prev_blank and body.startswith(("    ", "\t")) and not _LIST.match(body)
        if not body.strip() or not has_letters(body) or code or REFERENCE_DEFINITION.match(body):
            # Blank lines, rules and underlines, number-only lines, indented code and link reference
            # definitions ("[label]: url", which must stay one per line) stay as they are.
            blocks.append(Block(line))
            prev_blank = not body.strip() or code
            i += 1
            continue
        prev_blank = False
        if _TABLE.match(body):
            # Each cell is its own unit; the pipes and spacing stay.
            for part in _CELL.split(body):
                if part == "|" or not has_letters(part):
                    blocks.append(Block(part))
                else:
                    lead = part[: len(part) - len(part.lstrip())]
                    trail = part[len(part.rstrip()) :]
                    blocks.append(Block(part, True, lead, part.strip(), trail))
            blocks.append(Block(ending))
            i += 1
            continue
        prefix = _MARKER.match(body).group(1)  # type: ignore[union-attr]
        content = [body[len(prefix) :]]
        raw = line
        i += 1
        depth = _quote_depth(body)
        # A paragraph or list item goes on over the following lines that start nothing new; in a
        # quote, over lines of the same depth (their ">" markers are not content) or lazy ones.
        if not _HEADING.match(body):
            while i < len(lines):
                nxt = lines[i].rstrip("\r\n")
                if (
                    not nxt.strip()
                    or FENCE_OPEN.match(nxt)
                    or REFERENCE_DEFINITION.match(nxt)
                    or _quote_depth(nxt) not in {0, depth}
                    or _HEADING.match(nxt)
                    or _LIST.match(nxt)
                    or _TABLE.match(nxt)
                    or not has_letters(nxt)
                ):
                    break
                content.append(_QUOTE.sub("", nxt).strip() if depth else nxt.strip())
                ending = lines[i][len(nxt) :]
                raw += lines[i]
                i += 1
        blocks.append(Block(raw, True, prefix, " ".join(c.strip() for c in content), ending))
    return blocks


def _quote_depth(line: str) -> int:
    """How many ``>`` quote markers open ``line``."""
    m = _QUOTE.match(line)
    return m.group(0).count(">") if m else 0
