"""Managing models (``summarize models list|pull|info``): the registry's rows, downloads, conversions.

Application layer: the command line only prints what these return, and Python users can call
them too (``from summarize.models import pull``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import ModelNotAvailableError, UsageError
from .runtime import ct2
from .runtime.hub import is_offline, resolve
from .runtime.registry import ResolvedModel, parse_name, registry

Notify = Callable[[str], None]
TABLE_HEADER = ("ALIAS", "TASK", "HUB ID", "SIZE", "LICENCE", "LANGUAGES", "PUBLISHED QUALITY")


def catalogue() -> list[dict[str, Any]]:
    """Every registered model, as ``models list --format json`` prints it."""
    return [
        {
            "alias": s.alias,
            "hub_id": s.hub_id,
            "task": s.task,
            "family": s.family,
            "languages": list(s.languages),
            "size": s.size,
            "params": s.params,
            "licence": s.licence,
            "quality": s.quality,
        }
        for s in registry()
    ]


def catalogue_table() -> list[str]:
    """The registry as aligned text lines, a header first."""
    rows = [TABLE_HEADER]
    rows += [(s.alias, s.task, s.hub_id, s.size, s.licence, s.language_label, s.quality) for s in registry()]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1] for row in rows]


def convert_for_ct2(resolved: ResolvedModel, compute_type: str, notify: Notify | None = None) -> str:
    """Convert ``resolved`` into the CTranslate2 cache now; returns the line that says where."""
    if not ct2.supports(resolved):
        raise UsageError(
            f"the ctranslate2 backend cannot run {resolved.model_id} (architecture {resolved.model_type or 'unknown'})"
        )
    device, _ = ct2.parse_device(None)
    quantization = ct2.check_compute_type(compute_type, device)
    path = ct2.convert(resolved, quantization, notify=notify)
    return f"{resolved.model_id}: CTranslate2 {quantization} -> {path}"


def pull(
    name: str, *, backend: str = "transformers", compute_type: str = "auto", notify: Notify | None = None
) -> list[str]:
    """Download ``name`` into the Hugging Face cache (and convert it with ``backend="ctranslate2"``).

    Returns the lines to show; raises :class:`ModelNotAvailableError` offline or on a failed download.
    """
    if backend == "ctranslate2":
        ct2.require()
    model_id, _, local = parse_name(name)
    if backend == "ctranslate2" and (local is not None or is_offline()):
        # Nothing to download (a local folder, or offline with the model cached): convert only.
        return [convert_for_ct2(resolve(name, allow_download=False), compute_type, notify)]
    if local is not None:
        return [f"{name} is a local folder: nothing to download"]
    if is_offline():
        raise ModelNotAvailableError(
            f"cannot download {model_id}: offline mode is on (HF_HUB_OFFLINE/SUMMARIZE_OFFLINE)",
            model=model_id,
            hint="unset it on a machine with network",
        )
    resolved = resolve(name, progress=True)
    lines = [f"{resolved.model_id}: {resolved.source} -> {resolved.path}"]
    if backend == "ctranslate2":
        lines.append(convert_for_ct2(resolved, compute_type, notify))
    return lines


def info(name: str) -> list[tuple[str, str]]:
    """What ``name`` resolves to, its registry entry, and whether it is on disk, as (label, value) rows."""
    model_id, spec, _ = parse_name(name)
    rows = [("name", name), ("model id", model_id)]
    if spec:
        rows += [
            ("alias", spec.alias),
            ("task", f"{spec.task} ({spec.family})"),
            ("languages", spec.language_label),
            ("size", f"{spec.size} ({spec.params} parameters)"),
            ("licence", spec.licence),
        ]
        rows += [("quality", spec.quality)] if spec.quality else []
        rows += [("about", spec.description)] if spec.description else []
    try:
        resolved = resolve(name, allow_download=False)
        rows.append(("on disk", f"yes ({resolved.source}: {resolved.path})"))
    except ModelNotAvailableError:
        rows.append(("on disk", f"no (run `summarize models pull {name}`)"))
    return rows
