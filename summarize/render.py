"""Rendering results as text, Markdown, JSON or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .pipeline import SummaryResult
from .text.languages import language_name
from .text.markdown import rtl_block

FORMATS = ("text", "markdown", "json", "jsonl")


def to_json(obj: Any, *, indent: int | None = 2) -> str:
    # ensure_ascii=False: Urdu and Chinese are written as themselves, not \u escapes.
    return json.dumps(obj, ensure_ascii=False, indent=indent)


def _language_line(r: SummaryResult) -> str:
    lang = r.language
    text = f"{lang.code} (probability {lang.probability:.2f}, {lang.method})"
    model = f", model {r.model}" if r.model else ""
    return f"Language: {text} · engine: {r.engine}{model} · chunks: {r.chunks}"


def _translation_line(t: dict[str, Any]) -> str:
    name = language_name(str(t.get("language")))
    if t.get("skipped"):
        return f"Translation to {name}: skipped ({t['skipped']})"
    via = f" via {language_name(str(t['pivot']))}" if t.get("pivot") else ""
    return f"Translation to {name}{via} · model {t.get('model')}"


def _translated(r: SummaryResult, translation_only: bool) -> tuple[bool, bool]:
    """(show the original, show the translation); a skipped translation is the original itself."""
    t = r.translation
    if not t:
        return True, False
    if t.get("skipped"):
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
        name = language_name(str(r.translation["language"]))
        lines.append("")
        lines.append(f"Summary ({name}):")
        lines.append(str(r.translation["summary"]))
        if r.translation.get("key_points"):
            lines.append("")
            lines.append(f"Key points ({name}):")
            lines.extend(f"- {p}" for p in r.translation["key_points"])
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
        lines.extend(["", rtl_block(r.summary, lang).rstrip("\n")])
        if r.key_points:
            lines.extend(["", "### Key points", ""])
            lines.append(rtl_block("\n".join(f"- {p}" for p in r.key_points), lang).rstrip("\n"))
    if translated and r.translation:
        lang = str(r.translation["language"])
        body = [str(r.translation["summary"])]
        if r.translation.get("key_points"):
            body.extend(["", *(f"- {p}" for p in r.translation["key_points"])])
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
