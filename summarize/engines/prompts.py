"""Prompt templates for instruction-tuned models, read from the ``prompts/`` folder.

The folder ships inside the wheel as ``summarize/prompts``; in a source checkout it is the
top-level ``prompts/`` next to the package.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import UsageError

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # summarize/


def prompts_dir() -> Path:
    """The folder the templates are read from (installed wheel first, then a source checkout)."""
    for candidate in (_PACKAGE_DIR / "prompts", _PACKAGE_DIR.parent / "prompts"):
        if candidate.is_dir():
            return candidate
    raise UsageError("prompt templates not found", hint="reinstall summarize: its prompts/ folder is missing")


@lru_cache(maxsize=16)
def load_template(name: str) -> str:
    """The text of template ``name`` (``summary``, ``key_points``)."""
    path = prompts_dir() / f"{name}.txt"
    if not path.is_file():
        raise UsageError(f"no prompt template named {name!r}", hint=f"expected {path}")
    return path.read_text(encoding="utf-8")


def render(name: str, **values: object) -> str:
    """Fill template ``name`` with ``values`` (``{text}``, ``{points}``, ``{words}``, ``{language}``)."""
    return load_template(name).format(**values)
