"""Jupyter notebooks (``.ipynb``): the prose of their Markdown cells, read as Markdown.

A notebook is JSON (nbformat 4: ``cells``; nbformat 3: ``worksheets[].cells``). Its Markdown cells are
the text; a code cell becomes a fenced block, which the Markdown reader leaves out as it leaves out any
code, and outputs are not read (a table's cells or a traceback are no sentences). The standard library's
``json`` reads the few fields this needs; nbformat, Jupyter's own reader, would bring jsonschema and
traitlets along for them. Before, a notebook was read as plain text: its summary was its JSON.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import InputError

# What a notebook's first bytes hold: a JSON object with its cells and its format's version.
_NOTEBOOK_KEYS = re.compile(r'"(?:cells|worksheets)"\s*:')
_FORMAT_KEY = re.compile(r'"nbformat"\s*:')


def is_notebook(text: str) -> bool:
    """Whether ``text`` looks like a Jupyter notebook (a JSON object naming its cells and its nbformat)."""
    return (
        text.lstrip("\ufeff \t\r\n").startswith("{")
        and bool(_NOTEBOOK_KEYS.search(text))
        and bool(_FORMAT_KEY.search(text))
    )


def notebook_markdown(raw: str, source: str) -> str:
    """The notebook ``raw`` as Markdown: its Markdown cells as written, its code cells fenced; an
    unreadable one raises :class:`InputError`."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"is not a readable Jupyter notebook (bad JSON at line {exc.lineno})",
            source=source,
            hint="open and save it again in Jupyter, or export it: jupyter nbconvert --to markdown",
        ) from None
    blocks = [_block(cell) for cell in _cells(data)]
    return "\n\n".join(block for block in blocks if block)


def _cells(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, dict):
        return []
    cells = data.get("cells")
    if cells is None:  # nbformat 3
        sheets = data.get("worksheets") or []
        cells = [cell for sheet in sheets if isinstance(sheet, dict) for cell in sheet.get("cells") or []]
    return [cell for cell in cells or [] if isinstance(cell, dict)]


def _block(cell: dict[str, Any]) -> str:
    source = cell.get("source", cell.get("input", ""))  # nbformat 3 names a code cell's source "input"
    text = "".join(source) if isinstance(source, list) else str(source or "")
    if not text.strip():
        return ""
    if cell.get("cell_type") == "markdown":
        return text.strip("\n")
    # Code (and raw cells): a fence longer than any backtick run inside, so the block closes where it should.
    fence = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`+", text))])
    return f"{fence}\n{text.strip(chr(10))}\n{fence}"
