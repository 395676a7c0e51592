"""Translation with local seq2seq translators: NLLB-200, M2M100 and Marian (OPUS-MT).

:class:`Translator` picks the model(s) for a pair (:mod:`.planner`), loads each once, and translates
text sentence by sentence in batches (:mod:`.model`), putting it back in order; nothing is
truncated. Spans that must survive byte for byte (inline code, URLs, link targets, HTML tags,
emphasis markers) are never shown to the model (:mod:`.spans`). Numbers stay in context and are
checked afterwards; a sentence whose numbers did not come back is translated again in pieces
around its numbers. Markdown documents keep their structure (:mod:`.blocks`).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import ModelNotAvailableError, UsageError
from ..runtime.loader import ModelLoader, RuntimeOptions
from ..runtime.registry import ResolvedModel
from ..text.languages import language_name
from ..text.markdown import REFERENCE_DEFINITION
from . import urdu
from .blocks import markdown_blocks
from .model import NO_SPACE_LANGUAGES, TASK, ModelTranslator, merge_warnings
from .planner import PIVOT, Step, candidate_plans
from .spans import (
    NUMBER,
    has_letters,
    mask,
    missing_numbers,
    normalise_prose,
    numbers_kept,
    pieces,
    reference_pattern,
    spaced_sentences,
)


@dataclass
class Translation:
    """Translated texts, in input order, and how they were made."""

    texts: list[str]
    models: list[str] = field(default_factory=list)
    pivot: str | None = None
    warnings: list[str] = field(default_factory=list)

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
        steps = self.plan(src, tgt)
        result = Translation(list(texts), pivot=PIVOT if len(steps) > 1 else None)
        current = list(texts)
        pattern = reference_pattern(references)
        for step, resolved in steps:
            engine = self.engine(resolved)
            result.models.append(resolved.model_id)
            current = self._translate_step(engine, current, step.src, step.tgt, result.warnings, pattern)
            pattern = None  # the first step wrote every shortcut link out in full
        if tgt == "ur":
            current = [normalise_prose(t, urdu.normalise) for t in current]
        result.texts = current
        result.warnings = merge_warnings(result.warnings)
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
            masked, spans = mask(text, references)
            layout.append([(spaced, pieces(s, spans)) for spaced, s in spaced_sentences(masked, src)])
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
            ok, fixed = numbers_kept(source, output, src, tgt)
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
        for i in redo:
            # Said, never silent: what the text check still finds missing after the second try.
            for fact in missing_numbers(sources[i], outputs[i], src, tgt):
                warnings.append(f"{engine.model_id}: {fact.describe()} of the source is not in its translation")
        return outputs

    # --- documents ----------------------------------------------------------------------
    def translate_markdown(self, text: str, src: str, tgt: str, *, markdown: bool = True) -> Translation:
        """Translate a Markdown (or plain text) document, keeping its structure byte for byte:
        front matter, code blocks, blank lines and markers stay; prose in them is translated.
        ``markdown=False`` (plain text): indented lines are prose, not code."""
        blocks = markdown_blocks(text, markdown=markdown)
        units = [b.content for b in blocks if b.translate]
        labels = [b.raw.split("]", 1)[0].strip().lstrip("[") for b in blocks if REFERENCE_DEFINITION.match(b.raw)]
        result = self.translate(units, src, tgt, references=labels) if units else Translation([])
        it = iter(result.texts)
        out = []
        for block in blocks:
            out.append(block.prefix + next(it) + block.ending if block.translate else block.raw)
        result.texts = ["".join(out)]
        return result
