"""Which translation model(s) for a language pair, and whether there is anything to translate.

A plan is one or more :class:`Step` s: one model from source to target, or two Marian (OPUS-MT)
models through English when no direct one exists. :func:`candidate_plans` lists the plans to try,
best first; :class:`~summarize.translation.translator.Translator` picks the first one on disk.
:func:`source_for` is the one rule for "already in that language" and an undetermined source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import UsageError
from ..results import UNDETERMINED, LanguageResult
from ..runtime.registry import spec_for
from ..text.languages import language_name
from . import langcodes

PIVOT = "en"
# Best quality first (FLORES-200 en->ur chrF++ 44.95 > 37.8 > 36.8); the first one on disk is used.
QUALITY_ORDER = ("nllb-600m", "m2m100", "opus-mt")
OPUS_MT = "opus-mt"
_OPUS_NAME = re.compile(r"^(?:Helsinki-NLP/)?opus-mt-([a-z]{2,3})-([a-z]{2,3})$")
ASSUMED_ENGLISH = "the source language could not be told; assumed English (--lang)"


@dataclass(frozen=True)
class SourceChoice:
    """What to translate from: ``code``, or None with the reason in ``skipped``; ``warning`` when assumed."""

    code: str | None
    skipped: str | None = None
    warning: str | None = None


def source_for(language: LanguageResult, target: str) -> SourceChoice:
    """The language to translate a text in ``language`` from, to reach ``target``.

    A text already in ``target`` is not translated (``code`` is None, ``skipped`` says why); one
    whose language could not be told is taken for English, with a warning that names the fix.
    """
    if language.code == target:
        return SourceChoice(None, skipped=f"already in {language_name(target)}")
    if language.code == UNDETERMINED:
        return SourceChoice("en", warning=ASSUMED_ENGLISH)
    return SourceChoice(language.code)


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
