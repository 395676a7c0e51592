"""Abstractive summaries and key points with a seq2seq model, in as many rounds as the text needs.

Long input is chunked to the model's limit (measured with its own tokenizer); each chunk is
summarized, the partial summaries are joined and summarized again until one input remains.
Key points come from summarizing sections of the article separately (see README).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import GenerationError, SummarizeError
from ..runtime.base import GenerationSettings, Seq2SeqModel, degenerate_reason
from ..text.chunking import Chunk, chunk_text
from ..text.languages import language_name
from ..text.markdown import LIST_MARKER, without_list_marker
from ..text.sentences import RUN_ON_TOKENS, split_sentences
from ..text.textsim import is_near_duplicate, tokens
from . import extractive
from .faithful import DEFAULT_MODE, check_mode, repair
from .lockstep import Steps, run_lockstep
from .prompts import render

LENGTH_FACTORS = {"short": 0.5, "medium": 1.0, "long": 1.75}
PROMPT_WORDS = {"short": 40, "medium": 80, "long": 150}
MAX_ROUNDS = 8
# Each partial summary gets at least this many tokens, so a round always shrinks the text.
MIN_PARTIAL_TOKENS = 40
POINT_TOKENS = 48
# Where a model's list of points starts a new point: a line break, or a list marker after a sentence's end.
_POINT_BREAK = re.compile(rf"\n|(?<=[.!?])\s+(?={LIST_MARKER})")


def point_lines(text: str) -> list[str]:
    """The points of a model's list, without their markers: one per line, or per list marker after a
    sentence's end ("… won. - Next point"); a number is never taken for a marker ("2.5 million")."""
    return [p for p in (without_list_marker(x.strip()).strip() for x in _POINT_BREAK.split(text)) if p]


@dataclass
class AbstractiveOutput:
    summary: str
    key_points: list[str]
    chunks: int
    rounds: int
    input_tokens: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class Overrides:
    beams: int | None = None
    max_new_tokens: int | None = None
    batch_size: int = 8


class AbstractiveEngine:
    """Summarize with one loaded :class:`Seq2SeqModel`.

    ``faithfulness`` (``off``, ``warn``, ``repair``): what happens to output sentences stating a number,
    date, name or quote their source lacks (see :mod:`summarize.engines.faithful`).
    """

    def __init__(self, model: Seq2SeqModel, overrides: Overrides | None = None, faithfulness: str = DEFAULT_MODE):
        self.model = model
        self.overrides = overrides or Overrides()
        self.faithfulness = check_mode(faithfulness)

    # --- inputs -----------------------------------------------------------------------
    def _prepare(self, text: str, lang: str, length: str, template: str = "summary", points: int = 5) -> str:
        if self.model.uses_prompts:
            return render(
                template,
                text=text,
                words=PROMPT_WORDS.get(length, 80),
                points=points,
                language=language_name(lang) if lang != "und" else "",
            ).replace("  ", " ")
        return self.model.prefix() + text

    def _limit(self, lang: str, length: str, template: str = "summary") -> int:
        """Tokens left for article text once the prefix or prompt is counted (with a margin)."""
        overhead = self.model.count_tokens(self._prepare("", lang, length, template))
        limit = self.model.max_input - overhead - 2
        if limit < 16:
            raise GenerationError(
                f"model {self.model.model_id} accepts only {self.model.max_input} tokens, too few for any text",
                hint="use a model with a longer input",
            )
        return limit

    def settings(self, length: str, input_tokens: int) -> GenerationSettings:
        base = self.model.base_settings()
        factor = LENGTH_FACTORS.get(length, 1.0)
        max_new = self.overrides.max_new_tokens or max(8, round(base.max_new_tokens * factor))
        min_new = round(base.min_new_tokens * factor)
        # A summary must not be longer than what it summarizes.
        max_new = min(max_new, max(8, input_tokens))
        min_new = min(min_new, max_new // 2)
        beams = self.overrides.beams or base.num_beams
        return GenerationSettings(max_new, min_new, beams, dict(base.extra))

    # --- generation with guards -------------------------------------------------------
    def _generate_guarded(
        self, inputs: list[str], settings: GenerationSettings
    ) -> tuple[list[str], dict[int, str], set[int]]:
        """Generate, retrying degenerate outputs once with safer settings.

        Returns the outputs, a warning per input index that is still degenerate, and the indexes
        whose output stayed empty (unusable: their document fails).
        """
        outs = self.model.generate(inputs, settings, batch_size=self.overrides.batch_size)
        notes: dict[int, str] = {}
        empty: set[int] = set()
        bad = [i for i, o in enumerate(outs) if degenerate_reason(o)]
        if bad:
            # Retry only the bad ones, with settings known to break loops and forbid early stops.
            safer = GenerationSettings(
                settings.max_new_tokens,
                max(settings.min_new_tokens, min(8, settings.max_new_tokens // 2)),
                max(settings.num_beams, 2),
                {**settings.extra, "no_repeat_ngram_size": 3, "repetition_penalty": 1.3},
            )
            retried = self.model.generate([inputs[i] for i in bad], safer, batch_size=self.overrides.batch_size)
            for i, out in zip(bad, retried, strict=True):
                reason = degenerate_reason(out)
                if reason == "empty":
                    empty.add(i)
                elif reason:
                    notes[i] = f"output still shows {reason} after a retry with safer settings"
                outs[i] = out
        return outs, notes, empty

    @staticmethod
    def closer_settings(settings: GenerationSettings) -> GenerationSettings:
        """Settings for regenerating an output that invented a fact: twice the beams (at least 4), so
        likelier (more source-like) sequences win, and ``encoder_no_repeat_ngram_size`` off, so the
        model may copy the source's phrases. ``repetition_penalty`` is left as it was: whether a higher
        one helps could not be measured without real models (see README, Faithfulness)."""
        extra = {**settings.extra, "encoder_no_repeat_ngram_size": 0}
        return GenerationSettings(
            settings.max_new_tokens, settings.min_new_tokens, max(4, 2 * settings.num_beams), extra
        )

    def _faithful(
        self,
        outs: list[str],
        inputs: list[str],
        sources: list[list[str]],
        settings: GenerationSettings,
        lang: str,
        labels: list[str],
        warnings: list[str],
        headings: Sequence[str] = (),
    ) -> Steps[list[str]]:
        """Check each output against its sources; in repair mode regenerate the failing ones once
        (one batched request, :meth:`closer_settings`) and let :func:`faithful.repair` pick (never a
        heading of ``headings`` as a stand-in)."""
        if self.faithfulness == "off":
            return outs
        lang = lang if lang != "und" else "en"
        failing = [i for i, out in enumerate(outs) if repair(out, sources[i], lang, mode="warn").warnings]
        if not failing:
            return outs
        fresh: dict[int, str] = {}
        if self.faithfulness == "repair":
            again = yield [inputs[i] for i in failing], self.closer_settings(settings)
            # A regenerated list of points reads as one sentence per line.
            again = ["\n\n".join(point_lines(a)) for a in again]
            fresh = dict(zip(failing, again, strict=True))
        result = list(outs)
        for i in failing:
            regenerated = fresh.get(i)
            fixed = repair(
                outs[i],
                sources[i],
                lang,
                mode=self.faithfulness,
                regenerate=(lambda _sentence, text=regenerated: text) if regenerated is not None else None,
                label=labels[i],
                fits=lambda sentence: self.model.count_tokens(sentence) <= settings.max_new_tokens,
                headings=headings,
            )
            result[i] = fixed.text
            warnings.extend(fixed.warnings)
        return result

    def _empty_error(self) -> GenerationError:
        return GenerationError(
            f"model {self.model.model_id} produced an empty summary even with safer settings",
            hint="try another --model or --engine extractive",
        )

    # --- the pipeline as steps ------------------------------------------------------------
    # Each document's work is a generator of requests (lockstep.Steps); run_many advances them together
    # and batches requests across documents (run is run_many of one).
    def _reduce(
        self, text: str, lang: str, length: str, warnings: list[str], headings: Sequence[str] = ()
    ) -> Steps[tuple[str, list[Chunk], list[list[str]], int]]:
        """Summarize ``text`` in rounds. Returns the final input, first-round chunks, each round's outputs."""
        limit = self._limit(lang, length)
        count = self.model.count_tokens
        first = chunk_text(text, count, limit, lang)
        current = first
        levels: list[list[str]] = []
        rounds = 1
        while len(current) > 1:
            if rounds > MAX_ROUNDS:
                raise GenerationError(
                    f"text did not shrink to one model input after {MAX_ROUNDS} rounds",
                    hint="use a model with a longer input or --engine extractive",
                )
            budget = max(MIN_PARTIAL_TOKENS, limit // len(current) - 4)
            final = self.settings(length, limit)
            step = GenerationSettings(
                min(final.max_new_tokens, budget),
                min(final.min_new_tokens, budget // 2),
                final.num_beams,
                dict(final.extra),
            )
            inputs = [self._prepare(c.text, lang, length) for c in current]
            outs = yield inputs, step
            # A partial summary is checked against the chunk it came from.
            labels = [f"partial summary {i + 1} of round {rounds}" for i in range(len(current))]
            sources = [[c.text] for c in current]
            outs = yield from self._faithful(outs, inputs, sources, step, lang, labels, warnings, headings)
            outs = [o for o in outs if o.strip()] or outs
            levels.append(outs)
            current = chunk_text("\n\n".join(outs), count, limit, lang)
            rounds += 1
        return current[0].text if current else "", first, levels, rounds

    def _steps(
        self, text: str, lang: str, points: int, length: str, warnings: list[str], headings: Sequence[str] = ()
    ) -> Steps[AbstractiveOutput]:
        input_tokens = self.model.count_tokens(text)
        final_input, first, levels, rounds = yield from self._reduce(text, lang, length, warnings, headings)
        # Each round's outputs together cover the whole article; the round with the fewest that still
        # number ``points`` gives key-point sections that fit one model input each.
        partials = next((level for level in reversed(levels) if len(level) >= points), levels[0] if levels else [])
        settings = self.settings(length, self.model.count_tokens(final_input))
        prepared = self._prepare(final_input, lang, length)
        summary = (yield [prepared], settings)[0]
        if self.model.count_tokens(summary) > input_tokens:
            # A text shorter than what the model writes about it is its own best summary.
            summary = " ".join(text.split())
            warnings.append("the model's summary was longer than the input; the input is given as its summary")
        else:
            # The final input (the last round's partial summaries) and the article both count as source.
            sources = [final_input] + ([text] if levels else [])
            checked = yield from self._faithful(
                [summary], [prepared], [sources], settings, lang, ["summary"], warnings, headings
            )
            summary = checked[0]
        key_points = yield from self._key_point_steps(
            text, lang, points, length, summary, first, partials, warnings, headings
        )
        return AbstractiveOutput(summary, key_points, len(first), rounds, input_tokens, warnings)

    # --- public -----------------------------------------------------------------------
    def run(self, text: str, lang: str, *, points: int = 5, length: str = "medium") -> AbstractiveOutput:
        """Summary and key points of one text."""
        out = self.run_many([(text, lang)], points=points, length=length)[0]
        if isinstance(out, SummarizeError):
            raise out
        return out

    def run_many(
        self,
        items: Sequence[tuple[str, str]],
        *,
        points: int = 5,
        length: str = "medium",
        headings: Sequence[Sequence[str]] = (),
    ) -> list[AbstractiveOutput | SummarizeError]:
        """Summarize many ``(text, language)`` pairs; each stage is batched across documents.
        ``headings``, one sequence per item when given: the Markdown headings of its text, never a
        key point filled in from the text.

        First-round chunks of all documents go to generate() together, then every reduce round,
        then all final summaries, then all key-point sections; requests are merged when their
        generation settings are equal (documents of similar length have equal settings).
        A document that fails gets its :class:`SummarizeError` in its slot; the others go on.
        """
        warnings: list[list[str]] = [[] for _ in items]
        steps = [
            self._steps(text, lang, points, length, warnings[i], headings[i] if headings else ())
            for i, (text, lang) in enumerate(items)
        ]
        return run_lockstep(steps, self._generate_guarded, warnings, self._empty_error)

    def _key_point_steps(
        self,
        text: str,
        lang: str,
        points: int,
        length: str,
        summary: str,
        first: list[Chunk],
        partials: list[str],
        warnings: list[str],
        headings: Sequence[str] = (),
    ) -> Steps[list[str]]:
        if points <= 0:
            return []
        if self.model.uses_prompts:
            candidates = yield from self._prompted_points(
                text, lang, points, length, first, partials, warnings, headings
            )
        else:
            candidates = yield from self._section_points(text, lang, points, first, partials, warnings, headings)
        summary_sents = split_sentences(summary, lang)
        chosen: list[str] = []
        for cand in candidates:
            if len(chosen) >= points:
                break
            if cand and not is_near_duplicate(cand, chosen + summary_sents):
                chosen.append(cand)
        if len(chosen) < points:
            # Sections that only restated the summary leave gaps: fill them from the article.
            # A run-on sentence (no punctuation for hundreds of words) is no key point: skip those.
            fills = extractive.key_points(text, lang, 2 * points + 5, exclude=chosen + summary_sents, headings=headings)
            chosen.extend([f for f in fills if len(tokens(f)) <= RUN_ON_TOKENS][: points - len(chosen)])
        return chosen[:points]

    def _sections(self, text: str, lang: str, points: int, first: list[Chunk], partials: list[str]) -> list[str]:
        limit = self._limit(lang, "short")
        if len(first) >= points and partials:
            per = math.ceil(len(partials) / points)
            return ["\n\n".join(partials[i : i + per]) for i in range(0, len(partials), per)]
        total = sum(c.tokens for c in first) or self.model.count_tokens(text)
        size = max(24, min(limit, math.ceil(total / points)))
        return [c.text for c in chunk_text(text, self.model.count_tokens, size, lang)]

    def _section_points(
        self,
        text: str,
        lang: str,
        points: int,
        first: list[Chunk],
        partials: list[str],
        warnings: list[str] | None = None,
        headings: Sequence[str] = (),
    ) -> Steps[list[str]]:
        sections = self._sections(text, lang, points, first, partials)
        limit = self._limit(lang, "short")
        # A section built from partial summaries can exceed the input: all of its chunks are read.
        inputs: list[str] = []
        for sec in sections:
            inputs.extend(c.text for c in chunk_text(sec, self.model.count_tokens, limit, lang))
        settings = self.settings("short", POINT_TOKENS)
        settings.max_new_tokens = min(settings.max_new_tokens, POINT_TOKENS)
        settings.min_new_tokens = min(settings.min_new_tokens, 8)
        prepared = [self._prepare(s, lang, "short") for s in inputs]
        outs = yield prepared, settings
        # One point per section: its first sentence keeps points short and distinct.
        firsts = [(split_sentences(o, lang) or [o])[0].strip() for o in outs]
        sources = [[section, text] for section in inputs]
        labels = [f"key point from section {i + 1}" for i in range(len(inputs))]
        return (
            yield from self._faithful(
                firsts, prepared, sources, settings, lang, labels, [] if warnings is None else warnings, headings
            )
        )

    def _prompted_points(
        self,
        text: str,
        lang: str,
        points: int,
        length: str,
        first: list[Chunk],
        partials: list[str],
        warnings: list[str] | None = None,
        headings: Sequence[str] = (),
    ) -> Steps[list[str]]:
        limit = self._limit(lang, length, "key_points")
        source = text if len(first) <= 1 else "\n\n".join(partials)
        inputs = [c.text for c in chunk_text(source, self.model.count_tokens, limit, lang)]
        settings = self.settings(length, limit)
        prepared = [self._prepare(i, lang, length, "key_points", points) for i in inputs]
        outs = yield prepared, settings
        lines: list[str] = []
        origin: list[int] = []  # the input each line came from: its source and its regeneration
        for k, out in enumerate(outs):
            for line in point_lines(out):
                lines.append(line)
                origin.append(k)
        labels = [f"key point {n + 1}" for n in range(len(lines))]
        sources = [[inputs[k], text] for k in origin]
        return (
            yield from self._faithful(
                lines,
                [prepared[k] for k in origin],
                sources,
                settings,
                lang,
                labels,
                [] if warnings is None else warnings,
                headings,
            )
        )
