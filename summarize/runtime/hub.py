"""Where a model's files are: a local folder, the Hugging Face cache, or a download.

Resolution order: local folder, then the Hugging Face cache (huggingface_hub's own, so ``HF_HOME``
applies), then a download when the network is allowed. Nothing else in the package talks to the Hub.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ..env import env_flag
from ..errors import ModelNotAvailableError
from .registry import ResolvedModel, parse_name, pull_command

DOWNLOAD_PATTERNS = [
    "*.json",
    "*.model",
    "*.txt",
    "*.safetensors",
    "spm*",
    "*.spm",
    "sentencepiece*",
]


def is_offline(flag: bool = False) -> bool:
    """True when the network must not be touched (flag, SUMMARIZE_OFFLINE or HF_HUB_OFFLINE)."""
    if flag:
        return True
    return any(env_flag(var) for var in ("SUMMARIZE_OFFLINE", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


def cached_snapshot(model_id: str) -> Path | None:
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        folder = Path(snapshot_download(model_id, local_files_only=True, allow_patterns=DOWNLOAD_PATTERNS))
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None
    return folder if (folder / "config.json").is_file() else None


def download_patterns(model_id: str, files: list[str] | None = None) -> list[str]:
    """What to fetch: safetensors weights when the repo has them, else the PyTorch ``.bin`` ones.

    Older repos (distilbart-cnn, mT5 XL-Sum) ship only ``pytorch_model.bin``; fetching both kinds
    where both exist would double the download.
    """
    if files is None:
        from huggingface_hub import HfApi

        from .hubnet import bound_hub_requests, hub_timeout

        bound_hub_requests()
        info = HfApi().model_info(model_id, files_metadata=False, timeout=hub_timeout())
        files = [s.rfilename for s in (info.siblings or [])]
    if any(f.endswith(".safetensors") for f in files):
        return DOWNLOAD_PATTERNS
    return [*DOWNLOAD_PATTERNS, "pytorch_model*.bin"]


def download(model_id: str, *, progress: bool = True) -> Path:
    """Download ``model_id`` into the Hugging Face cache (with huggingface_hub's progress bars)."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.utils import disable_progress_bars, enable_progress_bars

    from .hubnet import bound_hub_requests, hub_timeout, timeout_message

    if not progress:
        disable_progress_bars()
    try:
        bound_hub_requests()  # no Hub call may wait forever (a network that accepts and never answers)
        patterns = download_patterns(model_id)
        return Path(snapshot_download(model_id, allow_patterns=patterns, etag_timeout=hub_timeout()))
    except Exception as exc:  # network, auth, missing repo: all mean "not available"
        reason = timeout_message(exc) or f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:200]}"
        raise ModelNotAvailableError(
            f"could not download model {model_id}: {reason}",
            model=model_id,
            hint="check the name and your network (or proxy), or use a local folder with --model PATH",
        ) from exc
    finally:
        if not progress:
            enable_progress_bars()


def resolve(
    name: str,
    *,
    offline: bool = False,
    allow_download: bool = True,
    task: str = "summarization",
    progress: bool = True,
) -> ResolvedModel:
    """Find ``name`` on disk, downloading it when online and ``allow_download`` is true."""
    model_id, spec, local = parse_name(name, task)
    if local is not None:
        return ResolvedModel(name, model_id, local, "local", spec)
    cached = cached_snapshot(model_id)
    if cached is not None:
        return ResolvedModel(name, model_id, cached, "cache", spec)
    label = spec.alias if spec else model_id
    if is_offline(offline) or not allow_download:
        raise ModelNotAvailableError(
            f"model {model_id} is not downloaded and the network is off",
            model=model_id,
            hint=f"run `{pull_command(label)}` on a machine with network (it fills the Hugging Face "
            "cache, HF_HOME), or pass --model PATH to a local folder",
        )
    return ResolvedModel(name, model_id, download(model_id, progress=progress), "download", spec)


def revision(resolved: ResolvedModel) -> str:
    """What identifies the weights: the Hub snapshot's commit, or a local folder's file sizes and mtimes."""
    if resolved.source != "local":
        # huggingface_hub names snapshot folders after the commit hash.
        return resolved.path.name
    stats = []
    for entry in sorted(resolved.path.iterdir()):
        if entry.is_file():
            st = entry.stat()
            stats.append(f"{entry.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(stats).encode()).hexdigest()[:16]


def fingerprint(
    name: str, task: str = "summarization", *, offline: bool = False, resolver: Callable[..., ResolvedModel] = resolve
) -> str:
    """What identifies a model's weights without loading or downloading it (for cache keys).

    A model that is not on disk gets a key that says so, and whether a download will be tried:
    a fallback result cached offline must not be served once the model could be fetched.
    ``resolver``: how the name is found on disk (the run's loader passes its own, which resolves
    each name once per run).
    """
    try:
        resolved = resolver(name, task=task, allow_download=False)
    except ModelNotAvailableError as exc:
        return f"hub:{exc.model}:not-downloaded:{'offline' if is_offline(offline) else 'online'}"
    return f"{resolved.source}:{resolved.model_id}:{revision(resolved)}"
