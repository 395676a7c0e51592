"""detect -> summarize -> key points, for one document or many, with models loaded once."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .engines import extractive
from .engines.abstractive import AbstractiveEngine, Overrides
from .errors import ModelLoadError, ModelNotAvailableError, SummarizeError, UsageError
from .results import TranslationResult
from .runtime.hf import BACKENDS, Seq2SeqModel, load_model
from .runtime.registry import DEFAULT_ENGLISH, DEFAULT_MULTILINGUAL, is_offline, resolve
from .text.detect import UNDETERMINED, LanguageResult, detect_language
from .text.languages import normalise
from .translation.planner import source_for

ENGINES = ("auto", "abstractive", "extractive")
LENGTHS = ("short", "medium", "long")


@dataclass
class SummarizeOptions:
    """Everything that changes a summary. Defaults match the command line's."""

    model: str | None = None
    lang: str | None = None
    points: int = 5
    length: str = "medium"
    engine: str = "auto"
    offline: bool = False
    device: str | None = None
    threads: int | None = None
    strict_language: bool = False
    beams: int | None = None
    max_new_tokens: int | None = None
    batch_size: int = 8
    backend: str = "auto"  # auto, transformers or ctranslate2 (see seq2seq.load_model)
    compute_type: str | None = None  # CTranslate2 only; None: int8 on CPU, int8_float16 on CUDA
    to: str | None = None  # translate the summary and key points into this language (ISO 639-1)
    translator: str | None = None  # alias, Hub id or folder; None picks the best one per pair
    translation_only: bool = False  # output shows the translation instead of the original

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise UsageError(f"unknown engine {self.engine!r}", hint=f"use one of: {', '.join(ENGINES)}")
        if self.length not in LENGTHS:
            raise UsageError(f"unknown length {self.length!r}", hint=f"use one of: {', '.join(LENGTHS)}")
        if self.points < 0:
            raise UsageError("--points must be 0 or more")
        if self.lang:
            self.lang = normalise(self.lang)
        if self.backend not in BACKENDS:
            raise UsageError(f"unknown backend {self.backend!r}", hint=f"use one of: {', '.join(BACKENDS)}")
        if self.backend == "ctranslate2":
            from .runtime.ct2 import require

            require()  # fail before any work when the optional extra is missing
        if self.to:
            self.to = normalise(self.to)
        if self.translation_only and not self.to:
            raise UsageError("--translation-only needs --to LANG")


@dataclass
class SummaryResult:
    """The outcome for one input; ``to_dict`` is the JSON contract."""

    source: str
    language: LanguageResult
    engine: str
    model: str | None
    summary: str
    key_points: list[str]
    chunks: int
    input_tokens: int
    timings: dict[str, float]
    rounds: int = 1
    warnings: list[str] = field(default_factory=list)
    title: str | None = None
    translation: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "title": self.title,
            "language": self.language.to_dict(),
            "engine": self.engine,
            "model": self.model,
            "summary": self.summary,
            "key_points": list(self.key_points),
            "chunks": self.chunks,
            "rounds": self.rounds,
            "input_tokens": self.input_tokens,
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
            "warnings": list(self.warnings),
        }
        if self.translation is not None:
            out["translation"] = self.translation
        return out


Notify = Callable[[str], None]


class Summarizer:
    """Runs the pipeline; keeps each model loaded for the life of the object (one load per run)."""

    def __init__(self, options: SummarizeOptions | None = None, notify: Notify | None = None):
        self.options = options or SummarizeOptions()
        self.notify: Notify = notify or (lambda message: None)
        self._models: dict[str, Seq2SeqModel] = {}
        self._missing: dict[str, ModelNotAvailableError] = {}
        self._noticed: set[str] = set()
        self.load_seconds = 0.0
        # Outputs computed ahead by summarize_many's cross-document batches, taken by summarize(),
        # with the load and summarize seconds they cost (summarize() itself then spends none).
        self._batched: dict[tuple[int, str, str], tuple[Any, float, float]] = {}
        self._translator: Any = None  # translate.Translator, made on first use

    def model_name_for(self, lang: str) -> str:
        if self.options.model:
            return self.options.model
        return DEFAULT_ENGLISH if lang == "en" else DEFAULT_MULTILINGUAL

    def load(self, name: str) -> Seq2SeqModel:
        """The loaded model for ``name`` (resolved and loaded on first use only)."""
        if name in self._models:
            return self._models[name]
        if name in self._missing:
            raise self._missing[name]
        started = time.perf_counter()
        try:
            resolved = resolve(name, offline=is_offline(self.options.offline))
        except ModelNotAvailableError as exc:
            self._missing[name] = exc
            raise
        model = load_model(
            resolved,
            backend=self.options.backend,
            device=self.options.device,
            threads=self.options.threads,
            compute_type=self.options.compute_type,
            notify=self.notify,
        )
        self.load_seconds += time.perf_counter() - started
        self._models[name] = model
        return model

    def detect(self, text: str) -> LanguageResult:
        if self.options.lang:
            return LanguageResult(self.options.lang, 1.0, True, method="--lang")
        return detect_language(text, strict=self.options.strict_language)

    def _abstractive_model(self, lang: str) -> Seq2SeqModel | None:
        """The model to use, or None when ``auto`` falls back to the extractive engine."""
        engine = self.options.engine
        if engine == "extractive":
            return None
        name = self.model_name_for(lang)
        try:
            return self.load(name)
        except ModelNotAvailableError as exc:
            if engine == "abstractive":
                raise
            self._notice_fallback(
                name,
                f"note: {exc.message}; using the offline extractive engine instead. "
                f"To get the model {exc.model}: {exc.hint}",
            )
            return None

    def _notice_fallback(self, name: str, message: str) -> None:
        # Once per model and run, however many files fall back.
        if name not in self._noticed:
            self._noticed.add(name)
            self.notify(message)

    def notice_cached_fallback(self, result: SummaryResult) -> None:
        """A cached extractive result under ``auto`` still says why no model ran."""
        if self.options.engine != "auto" or result.engine != "extractive":
            return
        name = self.model_name_for(result.language.code)
        try:
            resolve(name, allow_download=False)
        except ModelNotAvailableError as exc:
            self._notice_fallback(
                name,
                f"note: model {exc.model} is not downloaded; cached results from the offline "
                f"extractive engine are used instead. To get the model: {exc.hint}",
            )

    def summarize(self, text: str, source: str = "<stdin>", title: str | None = None) -> SummaryResult:
        """Summarize one text."""
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        language = self.detect(text)
        timings["detect"] = time.perf_counter() - t0
        lang = language.code
        loads_before = self.load_seconds
        model = self._abstractive_model(lang)
        timings["load"] = self.load_seconds - loads_before
        t2 = time.perf_counter()
        spent: float | None = None
        if model is None:
            ext = extractive.summarize(
                text,
                lang if lang != UNDETERMINED else "en",
                points=self.options.points,
                length=self.options.length,
                title=title,
            )
            engine_name, model_name, summary, points = "extractive", ext.method, ext.summary, ext.key_points
            # The extractive engine reads words, not model tokens: it reports one chunk of words.
            chunks, input_tokens, rounds, warnings = 1, len(text.split()), 1, []
        else:
            engine = AbstractiveEngine(
                model, Overrides(self.options.beams, self.options.max_new_tokens, self.options.batch_size)
            )
            batched = self._batched.pop((id(model), lang, text), None)
            if batched is not None:
                out, timings["load"], spent = batched
            else:
                out = engine.run(text, lang, points=self.options.points, length=self.options.length)
            engine_name, model_name, summary, points = "abstractive", model.model_id, out.summary, out.key_points
            chunks, input_tokens, rounds, warnings = out.chunks, out.input_tokens, out.rounds, out.warnings
        timings["summarize"] = time.perf_counter() - t2 if spent is None else spent
        timings["total"] = sum(timings.values())
        result = SummaryResult(
            source,
            language,
            engine_name,
            model_name,
            summary,
            points,
            chunks,
            input_tokens,
            timings,
            rounds=rounds,
            warnings=warnings,
            title=title,
        )
        return self._translated(result)

    @property
    def translator(self) -> Any:
        """The :class:`summarize.translate.Translator` for ``--to`` (made once, models loaded once)."""
        if self._translator is None:
            from .translation.translator import Translator

            self._translator = Translator(
                self.options.translator,
                offline=is_offline(self.options.offline),
                device=self.options.device,
                threads=self.options.threads,
                backend=self.options.backend,
                compute_type=self.options.compute_type,
                batch_size=self.options.batch_size,
                notify=self.notify,
            )
        return self._translator

    def _translated(self, result: SummaryResult) -> SummaryResult:
        """Fill ``result.translation`` when ``--to`` is set (see README, Translation)."""
        target = self.options.to
        if not target:
            return result
        choice = source_for(result.language, target)
        if choice.code is None:
            # Already in the target language: nothing to translate; the texts are copied so that
            # readers of ``translation`` always find text in the language they asked for.
            self.notify(f"note: {result.source} is {choice.skipped}; not translating")
            skipped = TranslationResult(target, None, result.summary, list(result.key_points), skipped=choice.skipped)
            result.translation = skipped.to_dict()
            return result
        if choice.warning:
            result.warnings.append(f"translation: {choice.warning}")
        started = time.perf_counter()
        done = self.translator.translate([result.summary, *result.key_points], choice.code, target)
        result.timings["translate"] = time.perf_counter() - started
        result.timings["total"] = result.timings.get("total", 0.0) + result.timings["translate"]
        translation = TranslationResult(target, done.model, done.texts[0], done.texts[1:], pivot=done.pivot)
        result.translation = translation.to_dict()
        result.warnings.extend(f"translation: {w}" for w in done.warnings)
        return result

    def summarize_many(self, docs: Sequence[tuple[str, str, str | None]]) -> list[SummaryResult | SummarizeError]:
        """Summarize ``(text, source, title)`` documents, batching generate() across them.

        Documents that use the same model run their stages together (see
        :meth:`AbstractiveEngine.run_many`); everything else is :meth:`summarize` per document.
        A document that fails gets its error in its slot; errors about the run itself (a missing
        or broken model, a usage error) are raised.
        """
        groups: dict[int, list[int]] = {}
        models: dict[int, Seq2SeqModel] = {}
        langs: dict[int, str] = {}
        errors: dict[int, SummarizeError] = {}
        loads: dict[int, float] = {}
        for i, (text, _source, _title) in enumerate(docs):
            try:
                lang = self.detect(text).code
            except SummarizeError as exc:
                errors[i] = exc
                continue
            loads_before = self.load_seconds
            model = self._abstractive_model(lang)
            loads[i] = self.load_seconds - loads_before
            if model is not None:
                langs[i] = lang
                models[id(model)] = model
                groups.setdefault(id(model), []).append(i)
        for key, members in groups.items():
            model = models[key]
            engine = AbstractiveEngine(
                model, Overrides(self.options.beams, self.options.max_new_tokens, self.options.batch_size)
            )
            started = time.perf_counter()
            outs = engine.run_many(
                [(docs[i][0], langs[i]) for i in members], points=self.options.points, length=self.options.length
            )
            # The documents shared each generate() call: each is charged its share of input tokens.
            spent = time.perf_counter() - started
            tokens = sum(o.input_tokens for o in outs if not isinstance(o, SummarizeError)) or 1
            for i, out in zip(members, outs, strict=True):
                if isinstance(out, SummarizeError):
                    errors[i] = out
                else:
                    self._batched[(key, langs[i], docs[i][0])] = (out, loads[i], spent * out.input_tokens / tokens)
        results: list[SummaryResult | SummarizeError] = []
        for i, (text, source, title) in enumerate(docs):
            if i in errors:
                errors[i].source = errors[i].source or source
                results.append(errors[i])
                continue
            try:
                results.append(self.summarize(text, source, title=title))
            except (UsageError, ModelNotAvailableError, ModelLoadError):
                raise
            except SummarizeError as exc:
                exc.source = exc.source or source
                results.append(exc)
        self._batched.clear()
        return results
