"""A content cache of results, so re-running over unchanged inputs does almost no work.

The key is the SHA-256 of everything that changes a result: the prose to summarize and its title,
the model that would run (its id plus the Hugging Face snapshot revision, or a local folder's file
sizes and modification times), every option that changes output (translation target included), the
tool's version and its code (:mod:`summarize.code_version`). Entries are JSON files in ``results/``
of ``$SUMMARIZE_CACHE_DIR``, else of the user cache folder (``~/.cache/summarize/results`` on
Linux), written atomically. An entry that cannot be read or does not match its key is treated as a
miss and rewritten; the cache never fails a run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from . import __version__, atomic, code_version, paths
from .results import SummaryResult

ENTRY_FORMAT = 2
# Options that change speed or where work runs, never the words of a result.
NEUTRAL_OPTIONS = frozenset({"device", "threads", "batch_size", "offline"})


def cache_dir() -> Path:
    """Where entries live: ``results/`` of the cache folder (see :mod:`summarize.paths`)."""
    return paths.cache_dir("results")


def cache_key(
    text: str, title: str | None, model: str, options: Mapping[str, Any], headings: Sequence[str] = ()
) -> str:
    """The key for one summary: the prose, title and headings, the model's fingerprint (or ``extractive``),
    the options that change output, the tool's version and code, and the entry format. Plain values only."""
    payload = json.dumps(
        {
            "text": text,
            "title": title,
            "headings": list(headings),
            "model": model,
            "options": {k: v for k, v in sorted(options.items()) if k not in NEUTRAL_OPTIONS},
            "version": __version__,
            "code": code_version.code_fingerprint(),
            "format": ENTRY_FORMAT,
        },
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ResultCache:
    """Get and put results by key. Every failure is a miss (get) or silently skipped (put)."""

    def __init__(self, folder: Path | None = None, enabled: bool = True):
        self.folder = folder or cache_dir()
        self.enabled = enabled

    def path_for(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, source: str) -> SummaryResult | None:
        """The cached result for ``key`` with ``source`` set to this input's name, or None."""
        if not self.enabled:
            return None
        try:
            entry = json.loads(self.path_for(key).read_text(encoding="utf-8"))
            if entry.get("format") != ENTRY_FORMAT or entry.get("key") != key:
                raise ValueError("entry does not match its key")
            result = SummaryResult.from_dict(entry["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # Missing, truncated, corrupt or from another format: recompute; put() rewrites it.
            return None
        result.source = source
        return result

    def put(self, key: str, result: SummaryResult) -> None:
        if not self.enabled:
            return
        entry = {"format": ENTRY_FORMAT, "key": key, "version": __version__, "result": result.to_dict()}
        # A full disk or read-only cache folder costs speed next time, never this run.
        with contextlib.suppress(OSError):
            atomic.write_text(self.path_for(key), json.dumps(entry, ensure_ascii=False))
