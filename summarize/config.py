"""Configuration file: defaults for options, below flags and environment variables.

Precedence is flag > environment variable > config file > built-in default. The file is TOML:
``$SUMMARIZE_CONFIG`` if set, else ``config.toml`` in the user config folder
(``~/.config/summarize/config.toml`` on Linux). Keys are option names: ``model = "flan-t5-base"``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from .errors import UsageError


def config_path() -> Path:
    env = os.environ.get("SUMMARIZE_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("summarize")) / "config.toml"


def load_config(path: Path | None = None) -> dict[str, Any]:
    """Option defaults from the config file, with ``-`` in keys turned into ``_``."""
    path = path or config_path()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"config file {path} is not valid TOML: {exc}", hint="fix or remove it") from None
    section = data.get("summarize", data)
    if not isinstance(section, dict):
        raise UsageError(f"config file {path}: [summarize] must be a table of options", hint="fix or remove it")
    return {str(k).replace("-", "_"): v for k, v in section.items() if not isinstance(v, dict)}
