"""Where the tool keeps its files: one rule for every cache (results, converted models, profiles, ...)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir(kind: str) -> Path:
    """The folder for cache ``kind``: ``$SUMMARIZE_CACHE_DIR/<kind>``, else the user cache folder's
    (``~/.cache/summarize/<kind>`` on Linux). Caches share the root, so each gets its own folder."""
    env = os.environ.get("SUMMARIZE_CACHE_DIR")
    if env:
        return Path(env).expanduser() / kind
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarize")) / kind
