"""Rendering results as text, Markdown, JSON or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .pipeline import SummaryResult

FORMATS = ("text", "markdown", "json", "jsonl")


def to_json(obj: Any, *, indent: int | None = 2) -> str:
    # ensure_ascii=False: Urdu and Chinese are written as themselves, not \u escapes.
    return json.dumps(obj, ensure_ascii=False, indent=indent)


def _language_line(r: SummaryResult) -> str:
    lang = r.language
    text = f"{lang.code} (probability {lang.probability:.2f}, {lang.method})"
    model = f", model {r.model}" if r.model else ""
    return f"Language: {text} · engine: {r.engine}{model} · chunks: {r.chunks}"


def render_text(r: SummaryResult, *, show_source: bool = False) -> str:
    lines: list[str] = []
    if show_source:
        lines.append(f"== {r.source} ==")
    lines.append(_language_line(r))
    lines.append("")
    lines.append("Summary:")
    lines.append(r.summary)
    if r.key_points:
        lines.append("")
        lines.append("Key points:")
        lines.extend(f"- {p}" for p in r.key_points)
    return "\n".join(lines) + "\n"


def render_markdown(r: SummaryResult, *, show_source: bool = False) -> str:
    title = r.title or (r.source if show_source or r.source != "<stdin>" else None)
    lines = [f"## Summary{f' of {title}' if title else ''}", ""]
    lines.append(f"*{_language_line(r)}*")
    lines.append("")
    lines.append(r.summary)
    if r.key_points:
        lines.extend(["", "### Key points", ""])
        lines.extend(f"- {p}" for p in r.key_points)
    return "\n".join(lines) + "\n"


def render(results: Sequence[SummaryResult], fmt: str) -> str:
    """All results in one string (``json`` gives an object for one input, an array for several)."""
    many = len(results) > 1
    if fmt == "json":
        payload: Any = [r.to_dict() for r in results] if many else results[0].to_dict()
        return to_json(payload) + "\n"
    if fmt == "jsonl":
        return "".join(to_json(r.to_dict(), indent=None) + "\n" for r in results)
    if fmt == "markdown":
        return "\n".join(render_markdown(r, show_source=many) for r in results)
    return "\n".join(render_text(r, show_source=many) for r in results)
