"""Rendering results as text, Markdown, JSON or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from . import atomic
from .errors import OutputError
from .results import SummaryResult, TranslationResult
from .text.languages import language_name
from .text.markdown import as_markdown_text, rtl_block


def to_json(obj: Any, *, indent: int | None = 2) -> str:
    # ensure_ascii=False: Urdu and Chinese are written as themselves, not \u escapes.
    return json.dumps(obj, ensure_ascii=False, indent=indent)


def _language_line(r: SummaryResult) -> str:
    lang = r.language
    text = f"{lang.code} (probability {lang.probability:.2f}, {lang.method})"
    model = f", model {r.model}" if r.model else ""
    return f"Language: {text} · engine: {r.engine}{model} · chunks: {r.chunks}"


def _translation_line(t: TranslationResult) -> str:
    name = language_name(t.language)
    if t.skipped:
        return f"Translation to {name}: skipped ({t.skipped})"
    via = f" via {language_name(t.pivot)}" if t.pivot else ""
    return f"Translation to {name}{via} · model {t.model}"


def _translated(r: SummaryResult, translation_only: bool) -> tuple[bool, bool]:
    """(show the original, show the translation); a skipped translation is the original itself."""
    t = r.translation
    if not t:
        return True, False
    if t.skipped:
        return True, False
    return not translation_only, True


def render_text(r: SummaryResult, *, show_source: bool = False, translation_only: bool = False) -> str:
    lines: list[str] = []
    if show_source:
        lines.append(f"== {r.source} ==")
    lines.append(_language_line(r))
    if r.translation:
        lines.append(_translation_line(r.translation))
    original, translated = _translated(r, translation_only)
    if original:
        lines.append("")
        lines.append("Summary:")
        lines.append(r.summary)
        if r.key_points:
            lines.append("")
            lines.append("Key points:")
            lines.extend(f"- {p}" for p in r.key_points)
    if translated and r.translation:
        # Plain text keeps logical order; the terminal's bidi support lays Urdu out right to left.
        name = language_name(r.translation.language)
        lines.append("")
        lines.append(f"Summary ({name}):")
        lines.append(r.translation.summary)
        if r.translation.key_points:
            lines.append("")
            lines.append(f"Key points ({name}):")
            lines.extend(f"- {p}" for p in r.translation.key_points)
    return "\n".join(lines) + "\n"


def render_markdown(r: SummaryResult, *, show_source: bool = False, translation_only: bool = False) -> str:
    title = r.title or (r.source if show_source or r.source != "<stdin>" else None)
    lines = [f"## Summary{f' of {title}' if title else ''}", ""]
    lines.append(f"*{_language_line(r)}*")
    if r.translation:
        lines.append("")
        lines.append(f"*{_translation_line(r.translation)}*")
    original, translated = _translated(r, translation_only)
    if original:
        # Urdu (or any right-to-left) summaries are laid out right to left, as translations are.
        lang = r.language.code
        lines.extend(["", rtl_block(as_markdown_text(r.summary), lang).rstrip("\n")])
        if r.key_points:
            lines.extend(["", "### Key points", ""])
            points = "\n".join(f"- {as_markdown_text(p)}" for p in r.key_points)
            lines.append(rtl_block(points, lang).rstrip("\n"))
    if translated and r.translation:
        lang = r.translation.language
        body = [as_markdown_text(r.translation.summary)]
        if r.translation.key_points:
            body.extend(["", *(f"- {as_markdown_text(p)}" for p in r.translation.key_points)])
        if original:
            lines.extend(["", f"### {language_name(lang)} translation"])
        lines.extend(["", rtl_block("\n".join(body), lang).rstrip("\n")])
    return "\n".join(lines) + "\n"


def render(results: Sequence[SummaryResult], fmt: str, *, translation_only: bool = False) -> str:
    """All results in one string (``json`` gives an object for one input, an array for several).

    ``translation_only``: text and Markdown show the translation instead of the original (JSON
    always carries both)."""
    many = len(results) > 1
    if fmt == "json":
        payload: Any = [r.to_dict() for r in results] if many else results[0].to_dict()
        return to_json(payload) + "\n"
    if fmt == "jsonl":
        return "".join(to_json(r.to_dict(), indent=None) + "\n" for r in results)
    if fmt == "markdown":
        return "\n".join(render_markdown(r, show_source=many, translation_only=translation_only) for r in results)
    return "\n".join(render_text(r, show_source=many, translation_only=translation_only) for r in results)


class OutputFiles:
    """The ``--out`` sink: each result rendered into its own file, written atomically."""

    def __init__(self, targets: Mapping[Any, Path], fmt: str, *, translation_only: bool = False):
        self.targets = targets
        self.fmt = "json" if fmt in ("json", "jsonl") else "markdown"
        self.translation_only = translation_only

    def __call__(self, outcome: Any) -> Path:
        """Write ``outcome.result`` to the file of ``outcome.item``; raises :class:`OutputError`.

        A feed's entries share its input: entry 3 of ``news.summary.md`` goes to ``news-3.summary.md``."""
        target = self.targets[outcome.item]
        entry = getattr(outcome, "entry", None)
        if entry is not None:
            stem, dot, ext = target.name.rpartition(".summary.")
            target = target.with_name(f"{stem}-{entry}{dot}{ext}")
        try:
            atomic.write_text(target, render([outcome.result], self.fmt, translation_only=self.translation_only))
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}", hint="check --out") from None
        return target
