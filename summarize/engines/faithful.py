"""Outputs that state facts their source does not: each such sentence is regenerated, replaced or dropped.

Every sentence of an output (a summary, a partial summary of a reduce round, a key point) is checked
with :mod:`summarize.text.facts`. In ``repair`` mode a sentence with an unsupported fact is

1. replaced by the closest sentence of a regenerated output (the engine generates it once more with
   settings that stay closer to the source) when that sentence is fully supported;
2. else replaced by the source sentence that best supports the rest of it (extractive repair);
3. else dropped.

Nothing happens silently: each unsupported fact gets a warning naming it and what was done. ``warn``
mode only warns; ``off`` skips the check.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import UsageError
from ..text.facts import Fact, SupportIndex, support_index, unsupported_in_sentence
from ..text.sentences import split_sentences
from ..text.textsim import overlap, tokens
from .features import heading_words, is_heading

MODES = ("off", "warn", "repair")
DEFAULT_MODE = "repair"
# Share of a sentence's words that a replacement must share with it (regenerated or source sentence).
MIN_OVERLAP = 0.3
# A source sentence much longer than the sentence it replaces is no replacement (words).
MAX_REPLACEMENT_WORDS = 60
_NO_SPACE = frozenset({"zh", "ja", "th", "my", "lo", "km"})


@dataclass
class Repaired:
    """The output after the check, its warnings, and whether any sentence changed."""

    text: str
    warnings: list[str] = field(default_factory=list)
    changed: bool = False


def check_mode(mode: str, source: str = "faithfulness") -> str:
    """``mode`` if it is one of :data:`MODES`; else a :class:`UsageError` naming where it came from."""
    if mode not in MODES:
        raise UsageError(f"unknown faithfulness mode {mode!r}", source=source, hint=f"use one of {', '.join(MODES)}")
    return mode


def _facts(facts: Sequence[Fact]) -> str:
    return ", ".join(f.describe() for f in facts)


def _joiner(lang: str) -> str:
    return "" if lang.split("-")[0] in _NO_SPACE else " "


def _best_match(sentence: str, candidates: Sequence[str], taken: Sequence[str]) -> str | None:
    """The candidate sharing most words with ``sentence`` (at least MIN_OVERLAP), not one already used."""
    scored = [(overlap(sentence, c), c) for c in candidates if c not in taken]
    scored = [(s, c) for s, c in scored if s >= MIN_OVERLAP]
    return max(scored, key=lambda sc: sc[0])[1] if scored else None


def _without_facts(sentence: str, facts: Sequence[Fact]) -> str:
    """The sentence with its unsupported facts cut out: what a replacement should support."""
    out, pos = [], 0
    for fact in sorted(facts, key=lambda f: f.start):
        if fact.start >= pos:
            out.append(sentence[pos : fact.start])
            pos = fact.end
    out.append(sentence[pos:])
    return " ".join(out)


def _source_sentences(sources: Sequence[str], lang: str, headings: Sequence[str]) -> list[str]:
    """Sentences of ``sources`` that may stand in for an output sentence: not too long, not a heading."""
    heads = heading_words(headings)
    sentences: list[str] = []
    for source in sources:
        for s in split_sentences(source, lang):
            words = tokens(s)
            if len(words) <= MAX_REPLACEMENT_WORDS and not is_heading(words, heads):
                sentences.append(s)
    return sentences


def _shortened(sentence: str, fits: Callable[[str], bool] | None) -> str:
    """``sentence``, or its longest run of leading words that ``fits`` (at least one word)."""
    if fits is None or fits(sentence):
        return sentence
    words = sentence.split()
    low, high = 1, len(words) - 1
    while low < high:  # the longest prefix that fits, by bisection: fits() tokenizes
        mid = (low + high + 1) // 2
        if fits(" ".join(words[:mid])):
            low = mid
        else:
            high = mid - 1
    return " ".join(words[:low])


def repair(
    text: str,
    sources: Sequence[str],
    lang: str = "en",
    *,
    mode: str = DEFAULT_MODE,
    regenerate: Callable[[str], str | None] | None = None,
    label: str = "summary",
    fits: Callable[[str], bool] | None = None,
    headings: Sequence[str] = (),
) -> Repaired:
    """Check ``text`` against ``sources`` sentence by sentence and repair what they do not support.

    ``regenerate(sentence)`` returns a new output for the same input made with settings closer to the
    source (or None); the engine computes it once per output, so it may ignore its argument.
    ``label`` names the output in warnings (``summary``, ``key point 3``). ``fits(sentence)`` says whether
    a source sentence may stand in (a partial summary must stay within its token budget). A heading of
    ``headings`` (the document's Markdown headings) never stands in: it names a part, it says nothing.
    """
    check_mode(mode)
    if mode == "off" or not text.strip():
        return Repaired(text)
    indexes: list[str | SupportIndex] = [support_index(s, lang) for s in sources if s.strip()]
    # Split the sources at most once, and only when a sentence needs a stand-in.
    stand_ins = functools.cache(lambda: _source_sentences(sources, lang, headings))
    sentences = split_sentences(text, lang)
    kept: list[str] = []
    warnings: list[str] = []
    changed = False
    extractive: list[str] | None = None
    for sentence in sentences:
        bad = unsupported_in_sentence(sentence, indexes, lang)
        if not bad:
            kept.append(sentence)
            continue
        what = f"{label}: {_facts(bad)} not supported by the source"
        if mode == "warn":
            kept.append(sentence)
            warnings.append(f"{what}; kept as written (faithfulness warn)")
            continue
        changed = True
        fresh = regenerate(sentence) if regenerate is not None else None
        candidates = [s for s in split_sentences(fresh or "", lang) if not unsupported_in_sentence(s, indexes, lang)]
        choice = _best_match(sentence, candidates, kept)
        if choice is not None:
            kept.append(choice)
            warnings.append(f"{what}; sentence regenerated closer to the source")
            continue
        if extractive is None:
            extractive = [s for s in stand_ins() if fits is None or fits(s)]
        choice = _best_match(_without_facts(sentence, bad), extractive, kept)
        if choice is not None:
            kept.append(choice)
            warnings.append(f"{what}; sentence replaced by the source sentence that supports the rest of it")
        else:
            warnings.append(f"{what}; sentence dropped (no source sentence supports the rest of it)")
    if not kept and sentences and mode == "repair":
        # Never an empty output: the source sentence closest to what was written stands in for it,
        # its words cut short where it does not fit (a partial summary must shrink the text).
        scored = sorted(stand_ins(), key=lambda s: -overlap(text, s))
        if scored:
            kept.append(_shortened(scored[0], fits))
            warnings.append(f"{label}: no sentence was supported; the closest source sentence is given instead")
        else:
            warnings.append(f"{label}: no sentence was supported and the source has none to give; kept as written")
            return Repaired(text, warnings, False)
    return Repaired(_joiner(lang).join(kept) if changed else text, warnings, changed)
