"""Timeouts for every Hugging Face Hub request, so a network that accepts and never answers cannot hang us.

huggingface_hub bounds its file downloads (``HF_HUB_DOWNLOAD_TIMEOUT``, ``HF_HUB_ETAG_TIMEOUT``) but
its metadata calls (``model_info``, ``repo_info``, ``list_repo_tree``) pass ``timeout=None``, which
means "wait forever" to its HTTP client: behind a captive portal or a dead proxy, resolving a model
that is not cached never returned. A request hook on the Hub's shared client fills every missing
timeout with :func:`hub_timeout`; timeouts a caller set are left as they are.
"""

from __future__ import annotations

import os
from typing import Any

DEFAULT_HUB_TIMEOUT = 10.0  # seconds for connect and for each read; huggingface_hub's own default
_PHASES = ("connect", "read", "write", "pool")


def hub_timeout() -> float:
    """Seconds a Hub request may wait to connect or for its next bytes.

    ``HF_HUB_ETAG_TIMEOUT`` (huggingface_hub's own variable, which people already set) when it is a
    positive number, else 10 s.
    """
    raw = os.environ.get("HF_HUB_ETAG_TIMEOUT", "").strip()
    try:
        value = float(raw) if raw else DEFAULT_HUB_TIMEOUT
    except ValueError:
        return DEFAULT_HUB_TIMEOUT
    return value if value > 0 else DEFAULT_HUB_TIMEOUT


def _fill_timeouts(request: Any) -> None:
    """httpx request hook: a phase whose timeout is None (wait forever) gets :func:`hub_timeout`."""
    current = dict(request.extensions.get("timeout") or {})
    seconds = hub_timeout()
    for phase in _PHASES:
        if current.get(phase) is None:
            current[phase] = seconds
    request.extensions["timeout"] = current


def bound_hub_requests() -> None:
    """Make every request of huggingface_hub's shared HTTP client time out (idempotent).

    Call it before any Hub call that may touch the network. It is applied to the client that is
    current now, so it survives a client the user configured with ``set_client_factory``; a new
    client (after a fork, or ``close_session``) gets it at the next call.
    """
    from huggingface_hub.utils import get_session

    session = get_session()
    hooks = session.event_hooks
    if _fill_timeouts not in hooks.get("request", []):
        hooks = {**hooks, "request": [*hooks.get("request", []), _fill_timeouts]}
        session.event_hooks = hooks


def timeout_message(exc: BaseException) -> str | None:
    """A plain reason when ``exc`` (or what caused it) is a Hub timeout, else None."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if "Timeout" in type(current).__name__:  # httpx's ConnectTimeout, ReadTimeout, PoolTimeout ...
            return (
                f"the Hub did not answer within {hub_timeout():g} s "
                "(HF_HUB_ETAG_TIMEOUT; behind a captive portal or a dead proxy?)"
            )
        current = current.__cause__ or current.__context__
    return None
