"""A content cache of results, so re-running over unchanged inputs does almost no work.

The key is the SHA-256 of everything that changes a result: the prose to summarize and its title,
the model that would run (its id plus the Hugging Face snapshot revision, or a local folder's file
sizes and modification times), every option that changes output (translation target included) and
the tool's version. Entries are JSON files in ``results/`` of ``$SUMMARIZE_CACHE_DIR``, else of the
user cache folder (``~/.cache/summarize/results`` on Linux), written atomically. An entry that
cannot be read or does not match its key is treated as a miss and rewritten; the cache never fails
a run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from . import __version__, atomic
from .errors import SummarizeError
from .pipeline import SummarizeOptions, Summarizer, SummaryResult
from .text.detect import LanguageResult

ENTRY_FORMAT = 1
# Options that change speed or where work runs, never the words of a result.
_NEUTRAL_OPTIONS = frozenset({"device", "threads", "batch_size", "offline"})


def cache_dir() -> Path:
    """Where entries live: ``results/`` in ``$SUMMARIZE_CACHE_DIR`` or platformdirs' user cache dir."""
    env = os.environ.get("SUMMARIZE_CACHE_DIR")
    if env:
        # The folder is shared with other caches (converted models): results get their own.
        return Path(env).expanduser() / "results"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarize")) / "results"


def model_fingerprint(name: str, offline: bool = False) -> str:
    """What identifies a model's weights without loading it: revision or local files' stats."""
    from .runtime.registry import _cached_snapshot, is_offline, parse_name

    try:
        model_id, _, local = parse_name(name)
    except SummarizeError as exc:
        return f"invalid:{name}:{exc.message}"
    if local is not None:
        stats = []
        for entry in sorted(local.iterdir()):
            if entry.is_file():
                st = entry.stat()
                stats.append(f"{entry.name}:{st.st_size}:{st.st_mtime_ns}")
        return f"local:{local}:" + hashlib.sha256("\n".join(stats).encode()).hexdigest()
    snapshot = _cached_snapshot(model_id)
    # The snapshot folder's name is the Hub commit hash: a new revision gives a new key.
    if snapshot is not None:
        return f"hub:{model_id}:{snapshot.name}"
    # Not on disk: offline that means the extractive fallback; online, a download will be tried,
    # so a fallback result cached offline must not be served then.
    return f"hub:{model_id}:not-downloaded:{'offline' if is_offline(offline) else 'online'}"


def options_fingerprint(options: SummarizeOptions) -> dict[str, Any]:
    """The options that change output (all of them but device, threads, batch size, offline)."""
    return {k: v for k, v in sorted(dataclasses.asdict(options).items()) if k not in _NEUTRAL_OPTIONS}


def cache_key(text: str, title: str | None, summarizer: Summarizer, fingerprint: Any = model_fingerprint) -> str:
    """The key for summarizing ``text`` with ``summarizer``'s options and the model it would use."""
    options = summarizer.options
    if options.engine == "extractive":
        model = "extractive"
    else:
        lang = summarizer.detect(text).code
        model = fingerprint(summarizer.model_name_for(lang), options.offline)
    payload = json.dumps(
        {
            "text": text,
            "title": title,
            "model": model,
            "options": options_fingerprint(options),
            "version": __version__,
            "format": ENTRY_FORMAT,
        },
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def result_from_dict(data: dict[str, Any]) -> SummaryResult:
    """Rebuild a :class:`SummaryResult` from its ``to_dict`` form (raises on malformed data)."""
    lang = data["language"]
    return SummaryResult(
        source=str(data["source"]),
        language=LanguageResult(
            str(lang["code"]), float(lang["probability"]), bool(lang["reliable"]), str(lang["method"])
        ),
        engine=str(data["engine"]),
        model=data["model"],
        summary=str(data["summary"]),
        key_points=[str(p) for p in data["key_points"]],
        chunks=int(data["chunks"]),
        input_tokens=int(data["input_tokens"]),
        timings={str(k): float(v) for k, v in data["timings"].items()},
        rounds=int(data.get("rounds", 1)),
        warnings=[str(w) for w in data.get("warnings", [])],
        title=data.get("title"),
        translation=data.get("translation"),
    )


class ResultCache:
    """Get and put results by key. Every failure is a miss (get) or silently skipped (put)."""

    def __init__(self, folder: Path | None = None, enabled: bool = True):
        self.folder = folder or cache_dir()
        self.enabled = enabled
        self.hits = 0
        self.misses = 0
        self._fingerprints: dict[str, str] = {}

    def fingerprint(self, name: str, offline: bool = False) -> str:
        """:func:`model_fingerprint`, remembered for the run once the model is on disk."""
        if name in self._fingerprints:
            return self._fingerprints[name]
        value = model_fingerprint(name, offline)
        if ":not-downloaded" not in value:
            self._fingerprints[name] = value
        return value

    def key(self, text: str, title: str | None, summarizer: Summarizer) -> str:
        return cache_key(text, title, summarizer, self.fingerprint)

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
            result = result_from_dict(entry["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # Missing, truncated, corrupt or from another format: recompute; put() rewrites it.
            self.misses += 1
            return None
        self.hits += 1
        result.source = source
        return result

    def put(self, key: str, result: SummaryResult) -> None:
        if not self.enabled:
            return
        entry = {"format": ENTRY_FORMAT, "key": key, "version": __version__, "result": result.to_dict()}
        # A full disk or read-only cache folder costs speed next time, never this run.
        with contextlib.suppress(OSError):
            atomic.write_text(self.path_for(key), json.dumps(entry, ensure_ascii=False))
