"""One document's path, for one document or many: detect (once) → engine → key points → translate.

:class:`Summarizer` owns a run: its options, the :class:`~summarize.runtime.loader.ModelLoader`
that resolves and loads each model once, the result cache, and the translator. Documents that use
the same model go through the abstractive engine together, so generate() batches across them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import ResultCache, cache_key
from .engines import extractive
from .errors import InputError, ModelNotAvailableError, SummarizeError, UsageError
from .results import UNDETERMINED, DocumentTranslation, LanguageResult, SummaryResult, TranslationResult
from .runtime.loader import ModelLoader, RuntimeOptions
from .runtime.registry import DEFAULT_ENGLISH, DEFAULT_MULTILINGUAL
from .settings import SummarizeOptions
from .text.boilerplate import RecurringText, strip_lone
from .text.bounds import LENGTH_WORDS, bound
from .text.detect import detect_language
from .text.inputs import Document, repair_mojibake, text_document
from .text.joined import join_sentences, with_stop
from .text.sentences import split_sentences

if TYPE_CHECKING:
    from .runtime.base import Seq2SeqModel

# The abstractive engine, the newsletter reader and translation are imported where they run: a
# plain extractive run (every pre-commit run without a model) should not pay for loading them.
Notify = Callable[[str], None]
NOT_TRANSLATED = "translation: not done"  # the warning of a result kept untranslated (no translator)


def fewer_points(found: int, asked: int) -> str:
    """The warning of a result with fewer key points than ``--points`` asked: said, never left to be noticed.
    A point that would add nothing to the summary and the points before it (no new fact, or words they
    say already) is left out, never padded in, so a short text has fewer."""
    got = f"only {found}" if found else "none"
    return f"key points: {got} of the {asked} asked (no other sentence adds to the summary and the points before it)"


@dataclass
class _Job:
    """One document on its way through :meth:`Summarizer.summarize_many`."""

    doc: Document
    prose: str = ""  # doc.text without boilerplate: what detection, the key and the engines read
    boilerplate_lines: int = 0
    is_boilerplate: Callable[[str], bool] | None = None  # the folder's recurring text, for newsletter points
    warnings: list[str] = field(default_factory=list)
    language: LanguageResult | None = None
    key: str | None = None
    model: Seq2SeqModel | None = None
    timings: dict[str, float] = field(default_factory=dict)
    outcome: SummaryResult | SummarizeError | None = None


def _job(doc: Document | str, index: int) -> _Job:
    """A job for a read document, or for a text (checked as an input is: an empty one fails)."""
    if isinstance(doc, Document):
        return _Job(doc)
    source = f"<text {index + 1}>"
    try:
        return _Job(text_document(doc, source))
    except InputError as exc:
        return _Job(Document(source, doc, doc), outcome=exc)


class Summarizer:
    """Summarizes documents; each model is resolved and loaded once for the object's life."""

    def __init__(
        self,
        options: SummarizeOptions | None = None,
        *,
        notify: Notify | None = None,
        loader: ModelLoader | None = None,
        cache: ResultCache | None = None,
    ):
        self.options = options or SummarizeOptions()
        self.notify: Notify = notify or (lambda message: None)
        o = self.options
        self.loader = loader or ModelLoader(
            RuntimeOptions(o.backend, o.device, o.threads, o.compute_type, o.offline, o.vocab_map), notify=self.notify
        )
        self.cache = cache or ResultCache(enabled=False)
        self._noticed: set[str] = set()
        self._translator: Any = None  # translation.Translator, made on first use
        self.translation_error: ModelNotAvailableError | None = None  # no translator for ``to`` (see summarize_many)
        self._folders: dict[str, RecurringText] = {}  # a folder's recurring text, learned once per run

    # --- per document ---------------------------------------------------------------------------
    def detect(self, text: str) -> LanguageResult:
        """The document's language: ``--lang`` when given, else detected (the one call per document)."""
        if self.options.lang:
            return LanguageResult(self.options.lang, 1.0, True, method="--lang")
        return detect_language(text, strict=self.options.strict_lang)

    def model_name_for(self, lang: str) -> str:
        if self.options.model:
            return self.options.model
        return DEFAULT_ENGLISH if lang == "en" else DEFAULT_MULTILINGUAL

    def cache_key(self, text: str, title: str | None, lang: str, headings: Sequence[str] = ()) -> str:
        """The result-cache key of summarizing ``text`` (with these ``headings``) in language ``lang`` with
        these options."""
        model = (
            "extractive" if self.options.engine == "extractive" else self.loader.fingerprint(self.model_name_for(lang))
        )
        return cache_key(text, title, model, self.options.to_dict(), headings)

    def _model_for(self, lang: str) -> Seq2SeqModel | None:
        """The loaded model, or None when the extractive engine runs (asked for, or ``auto``'s fallback)."""
        if self.options.engine == "extractive":
            return None
        name = self.model_name_for(lang)
        try:
            return self.loader.load(name)
        except ModelNotAvailableError as exc:
            if self.options.engine == "abstractive":
                raise
            self._notice_once(
                name,
                f"note: {exc.message}; using the offline extractive engine instead. "
                f"To get the model {exc.model}: {exc.hint}",
            )
            return None

    def _notice_once(self, name: str, message: str) -> None:
        # Once per model and run, however many documents fall back.
        if name not in self._noticed:
            self._noticed.add(name)
            self.notify(message)

    def _notice_cached_fallback(self, result: SummaryResult) -> None:
        """A cached extractive result under ``auto`` still says why no model ran."""
        if self.options.engine != "auto" or result.engine != "extractive":
            return
        name = self.model_name_for(result.language.code)
        if not self.loader.available(name):
            self._notice_once(
                name,
                f"note: model {name} is not downloaded; cached results from the offline extractive engine "
                f"are used instead. To get the model: run `summarize models pull {name}`",
            )

    # --- public ---------------------------------------------------------------------------------
    def summarize(self, text: str, source: str = "<text>", title: str | None = None) -> SummaryResult:
        """Summary and key points of one text (raises its :class:`SummarizeError`)."""
        # Read as piped text is (Markdown when it looks it); an empty text is an input error, never an empty summary.
        doc = text_document(text, source)
        if title is not None:
            doc.title = title
        return self.summarize_document(doc)

    def summarize_document(self, doc: Document) -> SummaryResult:
        """Summary and key points of one read document (raises its :class:`SummarizeError`)."""
        outcome = self.summarize_many([doc])[0]
        if isinstance(outcome, SummarizeError):
            raise outcome
        if self.translation_error is not None:
            raise self.translation_error
        return outcome

    def summarize_many(self, docs: Sequence[Document | str]) -> list[SummaryResult | SummarizeError]:
        """Results for ``docs`` (read documents, or texts) in order: from the cache where present,
        the rest computed together, generate() batched across documents that share a model.

        A document that fails gets its error in its slot and the others go on; errors about the
        run itself (a missing or broken model, a usage error) are raised. A translator that is not
        available is the exception: the summaries are returned untranslated (and not cached), each
        with a warning, and the error is kept in :attr:`translation_error` for the caller to report.
        """
        jobs = [_job(d, i) for i, d in enumerate(docs)]
        for job in jobs:
            if job.outcome is None:
                self._look_up(job)
        misses = [job for job in jobs if job.outcome is None]
        for job in misses:
            assert job.language is not None
            before = self.loader.load_seconds
            job.model = self._model_for(job.language.code)
            job.timings["load"] = self.loader.load_seconds - before
        self._run_abstractive([job for job in misses if job.model is not None])
        for job in misses:
            if job.model is None:
                self._run_extractive(job)
        for job in misses:
            if isinstance(job.outcome, SummaryResult):
                translated = self._translate_kept(job.outcome)
                if job.key is not None and translated:
                    self.cache.put(job.key, job.outcome)
        return [job.outcome if job.outcome is not None else SummarizeError("internal: no result") for job in jobs]

    # --- stages ---------------------------------------------------------------------------------
    def _strip_boilerplate(self, job: _Job) -> None:
        """Leave out what every issue of a newsletter says (README, Newsletters): the folder's recurring
        text for a Markdown file, else the document's own calls to action (none in a plain email, whose
        requests are its news)."""
        doc = job.doc
        job.prose = doc.text
        if self.options.keep_boilerplate or doc.letter:
            job.is_boilerplate = lambda text: False
            return
        if doc.markdown and doc.path:
            recurring = self._recurring(doc.path)
            prose, removed = recurring.strip(doc.text)
            job.is_boilerplate = recurring.is_boilerplate
        else:
            prose, removed = strip_lone(doc.text)
        if not prose.strip():
            if not doc.text.strip():
                return
            job.warnings.append(
                "boilerplate: every line is recurring text or a call to action; summarized as written "
                "(see --keep-boilerplate)"
            )
            return
        job.prose, job.boilerplate_lines = prose, removed

    def _recurring(self, path: str) -> RecurringText:
        # One folder is learned (or its cache read) once per run, however many of its issues are summarized.
        folder = str(Path(path).resolve().parent)
        if folder not in self._folders:
            self._folders[folder] = RecurringText.for_folder(folder)
        return replace(self._folders[folder], document=Path(path).name)

    def _look_up(self, job: _Job) -> None:
        doc = job.doc
        job.warnings.extend(doc.notes)
        started = time.perf_counter()
        self._strip_boilerplate(job)
        # After the recurring text is stripped, which compares lines as the issues hold them.
        job.prose, repaired = repair_mojibake(job.prose)
        if repaired:
            job.warnings.append(repaired)
        job.timings["clean"] = time.perf_counter() - started
        started = time.perf_counter()
        try:
            job.language = self.detect(job.prose)
        except SummarizeError as exc:  # --strict-lang and a text whose language cannot be told
            exc.source = exc.source or doc.source
            job.outcome = exc
            return
        job.timings["detect"] = time.perf_counter() - started
        if not self.cache.enabled:
            return
        job.key = self.cache_key(job.prose, doc.title, job.language.code, doc.headings)
        hit = self.cache.get(job.key, doc.source)
        if hit is not None:
            # What the input says of itself now, not what a run before read (the key holds its text).
            hit.published, hit.author = doc.published, doc.author
            job.outcome = hit
            self._notice_cached_fallback(hit)

    def _run_extractive(self, job: _Job) -> None:
        assert job.language is not None
        doc, lang = job.doc, job.language.code
        started = time.perf_counter()
        o = self.options
        ext = extractive.summarize(
            job.prose,
            lang if lang != UNDETERMINED else "en",
            points=o.points,
            length=o.length,
            title=doc.title,
            headings=doc.headings,
        )
        job.timings["summarize"] = time.perf_counter() - started
        # No faithfulness check here: the engine copies source sentences, and the check would double
        # its time per document (66 ms vs 32 ms on CNN/DM) to find only false alarms (measured on 30).
        # The extractive engine reads words, not model tokens: it reports one chunk of words.
        words = len(job.prose.split())
        job.outcome = self._result(job, "extractive", ext.method, ext.summary, ext.key_points, 1, words)

    def _run_abstractive(self, jobs: list[_Job]) -> None:
        groups: dict[int, list[_Job]] = {}
        for job in jobs:
            groups.setdefault(id(job.model), []).append(job)
        o = self.options
        for members in groups.values():
            model = members[0].model
            assert model is not None
            from .engines.abstractive import AbstractiveEngine, Overrides

            engine = AbstractiveEngine(
                model, Overrides(o.beams, o.max_new_tokens, o.batch_size), faithfulness=o.faithfulness
            )
            started = time.perf_counter()
            items = [(job.prose, job.language.code if job.language else "en") for job in members]
            outs = engine.run_many(
                items, points=o.points, length=o.length, headings=[job.doc.headings for job in members]
            )
            # The documents shared each generate() call: each is charged its share of input tokens.
            spent = time.perf_counter() - started
            tokens = sum(out.input_tokens for out in outs if not isinstance(out, SummarizeError)) or 1
            for job, out in zip(members, outs, strict=True):
                if isinstance(out, SummarizeError):
                    out.source = out.source or job.doc.source
                    job.outcome = out
                    continue
                job.timings["summarize"] = spent * out.input_tokens / tokens
                job.outcome = self._result(
                    job, "abstractive", model.model_id, out.summary, out.key_points, out.chunks, out.input_tokens
                )
                job.outcome.rounds = out.rounds
                job.outcome.warnings[:0] = out.warnings

    def _result(
        self, job: _Job, engine: str, model: str | None, summary: str, points: list[str], chunks: int, tokens: int
    ) -> SummaryResult:
        assert job.language is not None
        lang = job.language.code if job.language.code != UNDETERMINED else "en"
        warnings = list(job.warnings)
        o = self.options
        summary = self._bounded(summary, lang, warnings)
        if o.kind != "article" and job.doc.markdown:
            from .engines.newsletter import newsletter_points

            exclude = split_sentences(summary, lang)
            # An issue of links alone has no prose but its headings: they had been its summary ("好文。工具。
            # 框架。", 潮流周刊's). Its lead items are, then, and the points the items after them.
            lead = extractive.SUMMARY_SENTENCES.get(o.length, 3) if _headings_only(exclude, job.doc.headings) else 0
            found = newsletter_points(
                job.doc.part or job.doc.raw,
                lang,
                o.points + lead,
                exclude=[] if lead else exclude,
                is_boilerplate=job.is_boilerplate,
                kind=o.kind,
            )
            # The issue's own items, one per section, instead of the engine's. Read from the issue as written
            # (recurring items are told by comparing raw lines): repaired here.
            found = [repair_mojibake(point)[0] for point in found or ()]
            if lead and found:
                summary = self._bounded(join_sentences([with_stop(p, lang) for p in found[:lead]]), lang, warnings)
                points = found[lead:][: o.points]
                warnings.append("newsletter: its prose is its headings alone; the summary is its lead items")
            elif found:
                points = found[: o.points]
        if len(points) < o.points:
            warnings.append(fewer_points(len(points), o.points))
        timings = {k: job.timings.get(k, 0.0) for k in ("clean", "detect", "load", "summarize")}
        timings["total"] = sum(timings.values())
        return SummaryResult(
            job.doc.source, job.language, engine, model, summary, points, chunks, tokens, timings,
            warnings=warnings, title=job.doc.title, boilerplate_lines=job.boilerplate_lines,
            published=job.doc.published, author=job.doc.author,
        )  # fmt: skip

    def _bounded(self, summary: str, lang: str, warnings: list[str]) -> str:
        """``summary`` within ``--length``'s words (a warning where it was cut); as it is under
        ``--max-new-tokens``, which overrides ``--length`` and so its word budget."""
        o = self.options
        if o.max_new_tokens is not None:
            return summary
        budget = LENGTH_WORDS[o.length]
        summary, was_cut = bound(summary, budget, lang)
        if was_cut:
            warnings.append(f"summary cut to about {budget} words (--length {o.length})")
        return summary

    # --- translation ----------------------------------------------------------------------------
    @property
    def translator(self) -> Any:
        """The :class:`summarize.translation.translator.Translator` for ``to`` (made once, sharing the loader)."""
        if self._translator is None:
            from .translation.translator import Translator

            o = self.options
            self._translator = Translator(o.translator, batch_size=o.batch_size, notify=self.notify, loader=self.loader)
        return self._translator

    def _translate_kept(self, result: SummaryResult) -> bool:
        """Translate ``result`` when ``to`` is set; without a translator keep it untranslated, with a
        warning, and remember the error (tried once per run). False when it was not translated."""
        if self.options.to and self.translation_error is None:
            try:
                self.translate_result(result)
            except ModelNotAvailableError as exc:
                self.translation_error = exc
        if self.options.to and self.translation_error is not None:
            result.warnings.append(f"{NOT_TRANSLATED} into {self.options.to}: {self.translation_error.message}")
            return False
        return True

    def translate_result(self, result: SummaryResult) -> None:
        """Fill ``result.translation`` when ``to`` is set (see README, Translation)."""
        target = self.options.to
        if not target:
            return
        from .translation.planner import source_for

        choice = source_for(result.language, target)
        if choice.code is None:
            # Already in the target language: nothing to translate; the texts are copied so that
            # readers of ``translation`` always find text in the language they asked for.
            self.notify(f"note: {result.source} is {choice.skipped}; not translating")
            result.translation = TranslationResult(
                target, None, result.summary, list(result.key_points), skipped=choice.skipped
            )
            return
        if choice.warning:
            result.warnings.append(f"translation: {choice.warning}")
        started = time.perf_counter()
        done = self.translator.translate([result.summary, *result.key_points], choice.code, target)
        result.timings["translate"] = time.perf_counter() - started
        result.timings["total"] = result.timings.get("total", 0.0) + result.timings["translate"]
        result.translation = TranslationResult(target, done.model, done.texts[0], done.texts[1:], pivot=done.pivot)
        result.warnings.extend(f"translation: {w}" for w in done.warnings)

    def translate_document(self, doc: Document, fmt: str = "auto") -> DocumentTranslation:
        """A whole document translated into ``to`` (its language detected once), its structure kept."""
        if not self.options.to:
            raise UsageError("translating a document needs a target language (to=...)")
        from .translation.document import translate_document

        return translate_document(doc, self.options.to, self.translator, language=self.detect(doc.text), fmt=fmt)

    # --- lifetime -------------------------------------------------------------------------------
    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Drop the loaded models (their memory is freed once nothing else holds them)."""
        self.loader.close()
        self._translator = None


def _headings_only(sentences: list[str], headings: Sequence[str]) -> bool:
    """Whether a summary's ``sentences`` are all headings of the document (its prose had nothing else)."""
    named = {h.strip() for h in headings}
    return bool(sentences) and all(s.strip().rstrip(".!?。！？").strip() in named for s in sentences)
