"""The files settings are read from: the user's config file and a repository's ``[tool.summarize]``.

Only reading and the shape of a file are checked here (valid TOML, plain keys, known names); each
value is checked by ``settings``, which knows the options and says where a bad value came from.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import UsageError


def config_path() -> Path:
    """``$SUMMARIZE_CONFIG``, else ``config.toml`` in the user config folder."""
    env = os.environ.get("SUMMARIZE_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("summarize")) / "config.toml"


def _display(path: Path) -> str:
    home = str(Path.home())
    text = str(path)
    return "~" + text[len(home) :] if home not in ("", "/") and text.startswith(home + os.sep) else text


def _read_toml(path: Path, label: str) -> dict[str, Any]:
    import tomllib  # only where a config file exists (most runs have none)

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"is not valid TOML: {exc}", source=label, hint="fix or remove it") from None


def load_config(allowed: Iterable[str], path: Path | None = None) -> tuple[dict[str, Any], str]:
    """Option values of the config file (keys as option names) and the file's label for messages.

    A ``SUMMARIZE_CONFIG`` that names a missing file, a nested table (other than ``[summarize]``),
    and unknown keys are usage errors: a setting that is silently ignored is worse than none.
    """
    env = os.environ.get("SUMMARIZE_CONFIG")
    path = path or config_path()
    label = _display(path)
    if not path.exists():
        if env:
            raise UsageError(
                "names a file that does not exist", source=f"SUMMARIZE_CONFIG={env}", hint="create it, or unset it"
            )
        return {}, label
    if not path.is_file():
        raise UsageError("is not a file", source=label, hint="point SUMMARIZE_CONFIG at a TOML file")
    data = _read_toml(path, label)
    section: Any = data
    if "summarize" in data:
        if len(data) > 1:
            raise UsageError("mixes plain keys with a [summarize] table", source=label, hint="use one or the other")
        section = data["summarize"]
        if not isinstance(section, dict):
            raise UsageError("[summarize] must be a table of options", source=label, hint="fix or remove it")
    return _named(section, label, allowed), label


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` from ``start`` up to the repository root."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def load_pyproject(path: Path | None, allowed: Iterable[str]) -> tuple[dict[str, Any], str]:
    """``[tool.summarize]`` of ``path`` (the hook's repository settings) and its label for messages."""
    if path is None:
        return {}, "pyproject.toml [tool.summarize]"
    label = f"{_display(path) if path.name != str(path) else path.name} [tool.summarize]"
    if not path.is_file():
        raise UsageError("does not exist", source=str(path), hint="check --config")
    section = _read_toml(path, str(path)).get("tool", {}).get("summarize", {})
    if not isinstance(section, dict):
        raise UsageError("is not a table", source=label)
    renamed = {("placement" if str(k).replace("-", "_") == "marker_placement" else k): v for k, v in section.items()}
    return _named(renamed, label, allowed), label


def _named(section: Mapping[str, Any], label: str, names: Iterable[str]) -> dict[str, Any]:
    allowed = set(names)
    out = {str(key).replace("-", "_"): value for key, value in section.items()}
    nested = sorted(key for key, value in section.items() if isinstance(value, dict))
    if nested:
        raise UsageError(f"[{nested[0]}] is a nested table; options are plain keys", source=label, hint="remove it")
    unknown = sorted(str(key) for key in section if str(key).replace("-", "_") not in allowed)
    if unknown:
        raise UsageError(f"unknown keys {unknown}", source=label, hint=f"use: {', '.join(sorted(allowed))}")
    return out
