"""Spans a translation must keep byte for byte, and the sentences and pieces around them.

Inline code, URLs, link targets, HTML tags, template tags and emphasis markers are never shown to
a model: each is replaced by a private-use character (a *mask*) while the text is split into
sentences, and every sentence is cut into pieces of prose (translated) and kept spans (put back as
they were). Numbers stay in the prose (models translate "12 people" better than "people" alone)
and are checked afterwards with :func:`numbers_kept`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from ..text.facts import Fact, support_index, unsupported
from ..text.markdown import CODE_SPAN, LINK_TARGET, TEMPLATE_TAG
from ..text.quantities import ascii_digits
from ..text.sentences import split_sentences

# Spans that must come back byte for byte and are never given to a model.
PROTECTED = re.compile(
    r"(?P<code>" + CODE_SPAN + ")"
    r"|(?P<target>\]" + LINK_TARGET + r"|\]\[[^\]\n]*\])"  # ](url "title") and ][ref]
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
    """Whether ``text`` has a letter of any script (else there is nothing to translate)."""
    return bool(_LETTER.search(text))


def protected_spans(text: str) -> list[str]:
    """The spans of ``text`` that translation must keep byte for byte."""
    return [m.group(0) for m in PROTECTED.finditer(text)]


def reference_pattern(labels: Sequence[str]) -> re.Pattern[str] | None:
    """Shortcut (``[label]``) and collapsed (``[label][]``) reference links to these labels."""
    if not labels:
        return None
    alternatives = "|".join(re.escape(label) for label in sorted(set(labels), key=len, reverse=True))
    return re.compile(rf"(?P<reference>\[(?P<label>(?i:{alternatives}))\](?:\[\])?(?![(\[:]))|" + PROTECTED.pattern)


def mask(text: str, references: re.Pattern[str] | None = None) -> tuple[str, list[str]]:
    """``text`` with each protected span replaced by one private-use character, and the spans.

    ``references`` (from :func:`reference_pattern`): shortcut links whose text is translated.
    """
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


def pieces(masked_sentence: str, spans: list[str]) -> list[tuple[bool, str]]:
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


def spaced_sentences(masked: str, lang: str) -> list[tuple[bool, str]]:
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


def missing_numbers(source: str, output: str, src: str = "en", tgt: str = "en") -> list[Fact]:
    """Numbers and dates the source writes with digits that ``output`` does not carry.

    :mod:`summarize.text.facts` decides (one owner of "is this fact supported" for summaries and
    translations); only values compare across the two languages, and digits of any script count.
    """
    if not any(ch.isdigit() for ch in source):
        return []
    found = unsupported(source, [support_index(output, tgt)], src, context=False)
    return [f for f in found if f.kind in ("number", "date") and any(ch.isdigit() for ch in f.text)]


def numbers_kept(source: str, output: str, src: str = "en", tgt: str = "en") -> tuple[bool, str]:
    """Whether every number of ``source`` is in ``output``; returns the output with ASCII digits
    where the model wrote another script's digits for the source's ones."""
    if not any(ch.isdigit() for ch in source):
        return True, output
    fixed = ascii_digits(output) if any(not c.isascii() and c.isdigit() for c in output) else output
    if missing_numbers(source, fixed, src, tgt):
        return False, output
    return True, fixed


def normalise_prose(text: str, fn: Callable[[str], str]) -> str:
    """Apply ``fn`` to the prose of ``text`` only; protected spans stay byte for byte."""
    masked, spans = mask(text)
    done = fn(masked)
    return _MASKED.sub(lambda m: spans[ord(m.group(0)) - _MASK_BASE], done)
