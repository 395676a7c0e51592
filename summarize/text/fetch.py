"""Fetching a web input: one bounded HTTP(S) GET, or a one-line :class:`InputError` naming the URL.

Bounded in every way a bad network can hurt: a total time budget (enforced on each socket wait, so a
server that trickles bytes cannot stretch it), a size cap (the body is streamed and reading stops
past it), a few redirects (a loop is named as one), and only the content types we can summarize.
urllib3 does the HTTP: it already comes with trafilatura, and it exposes separate connect and read
timeouts, streaming reads and manual redirects, which is what the bounds need.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..env import env_flag
from ..errors import InputError
from .kinds import sniff_kind
from .page_markup import refresh_target

DEFAULT_TIMEOUT = 20.0  # seconds for the whole fetch, redirects included
DEFAULT_MAX_BYTES = 20_000_000  # 20 MB, as messages count them
MAX_REDIRECTS = 5
USER_AGENT = f"summarize/{__version__} (article summarizer; python-urllib3)"
_CHUNK = 64 * 1024

# What each accepted Content-Type is read as. "xml" is sniffed: a feed, or an error.
CONTENT_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/x-rst": "rst",
    "text/prs.fallenstein.rst": "rst",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "message/rfc822": "email",
    "text/vtt": "subtitles",
    "application/x-subrip": "subtitles",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "xml",
    "text/xml": "xml",
}
# Servers label downloads vaguely; these are read and then sniffed (a PDF by its magic bytes).
_SNIFFED = {"", "application/octet-stream", "binary/octet-stream", "application/download"}
_URL = re.compile(r"^https?://", re.I)


@dataclass
class Fetched:
    """A fetched body and what the server said it is."""

    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # the media type, lower case, without parameters ("" when none was sent)
    charset: str | None  # from the Content-Type header, if any
    body: bytes


def is_url(value: str) -> bool:
    """True for an ``http://`` or ``https://`` address (what the CLI fetches instead of opening)."""
    return bool(_URL.match(value.strip()))


def urls_offline(flag: bool = False) -> bool:
    """True when URLs must not be fetched: ``--offline`` or ``SUMMARIZE_OFFLINE=1``.

    ``HF_HUB_OFFLINE`` is deliberately not consulted: people set it in their shells to keep only the
    model hub off, and a page they ask for is still wanted.
    """
    return flag or env_flag("SUMMARIZE_OFFLINE")


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


class _Budget:
    """The time left of one fetch; every socket wait is cut to it."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def left(self, url: str) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self.expired(url)
        return left

    def expired(self, url: str) -> InputError:
        return InputError(
            f"no complete answer within {self.seconds:g} s",
            source=url,
            hint="the server is slow or unreachable; try again later or raise --timeout",
        )


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    offline: bool = False,
) -> Fetched:
    """GET ``url`` within ``timeout`` seconds in all and ``max_bytes`` of body.

    Raises :class:`InputError` (``source`` = the URL) for anything short of an accepted body: offline,
    DNS, refused, timeout, an HTTP error status, too big, too many redirects or a loop, a content
    type we cannot summarize.
    """

    url = url.strip()
    if urls_offline(offline):
        raise InputError(
            "is a URL and offline mode is on (--offline or SUMMARIZE_OFFLINE)",
            source=url,
            hint="save the page and pass the file, or drop --offline",
        )
    if not is_url(url):
        raise InputError("is not an http(s) URL", source=url, hint="use an address starting with https://")
    budget = _Budget(timeout)
    outcome: list[Fetched | BaseException] = []
    done = threading.Event()

    def work() -> None:
        try:
            outcome.append(_fetch(url, budget, max_bytes, max_redirects))
        except BaseException as exc:  # handed to the caller's thread, raised there
            outcome.append(exc)
        finally:
            done.set()

    # The caller waits for the budget and not a moment more. Socket timeouts alone cannot promise
    # that: name lookups ignore them, and a read that started just before the deadline may wait a
    # full read timeout. A worker left behind ends by itself within one read timeout.
    threading.Thread(target=work, name=f"summarize-fetch {url[:60]}", daemon=True).start()
    if not done.wait(timeout):
        raise budget.expired(url)
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _fetch(url: str, budget: _Budget, max_bytes: int, max_redirects: int) -> Fetched:
    """The fetch itself, in the worker thread; every wait is bounded by ``budget``."""
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join([*CONTENT_KINDS, "*/*;q=0.1"])}
    pools: dict[str | None, Any] = {}
    try:
        visited = [url]
        current = url
        while True:
            response = _request(_pool_for(current, pools, headers), current, budget, url)
            location = response.get_redirect_location()
            if location:
                response.close()  # its body is not wanted; a closed connection is never reused half-read
                response.release_conn()
            else:
                try:
                    _check_status(response, url)
                    content_type, charset = _content_type(response)
                    body = _read_body(response, url, budget, max_bytes)
                finally:
                    response.release_conn()
                # A page that only sends the browser on (<meta http-equiv="refresh" content="0; url=…">,
                # a moved chapter's stub) is followed as a redirect is, under the same bounds.
                location = refresh_target(body) if CONTENT_KINDS.get(content_type) == "html" else None
                if not location:
                    break
            current = urljoin(current, location)
            _check_redirect(url, current, visited, max_redirects)
            visited.append(current)
    finally:
        for pool in pools.values():
            pool.clear()
    _check_kind(content_type, body, url)
    return Fetched(url, current, content_type, charset, body)


def _pool_for(target: str, pools: dict[str | None, Any], headers: dict[str, str]) -> Any:
    """A direct pool, or one through the proxy that ``HTTPS_PROXY``/``HTTP_PROXY`` name (``NO_PROXY``
    honoured), as browsers and curl do; urllib3 alone ignores those variables."""
    import urllib.request

    import urllib3

    parts = urlsplit(target)
    proxy = urllib.request.getproxies().get(parts.scheme)
    if proxy and urllib.request.proxy_bypass(parts.hostname or ""):
        proxy = None
    if proxy not in pools:
        common = {"headers": headers, "retries": False}
        pools[proxy] = urllib3.ProxyManager(proxy, **common) if proxy else urllib3.PoolManager(**common)
    return pools[proxy]


def _request(pool: Any, target: str, budget: _Budget, url: str) -> Any:
    """One GET of ``target`` (no redirects followed), with its network errors as :class:`InputError`."""
    import urllib3
    from urllib3.exceptions import (
        ConnectTimeoutError,
        HTTPError,
        LocationValueError,
        NameResolutionError,
        NewConnectionError,
        ProtocolError,
        ProxyError,
        ReadTimeoutError,
        SSLError,
    )

    left = budget.left(url)
    host = urlsplit(target).hostname or target
    try:
        return pool.request(
            "GET",
            target,
            preload_content=False,
            redirect=False,
            timeout=urllib3.Timeout(connect=left, read=left),
        )
    except NameResolutionError:
        problem, hint = f"host {host} not found (DNS)", "check the address and your network"
    except ConnectTimeoutError as exc:
        if isinstance(exc, NewConnectionError):  # refused, unreachable: NewConnectionError subclasses it
            reason = getattr(exc, "__cause__", None) or exc
            problem = f"cannot connect to {host}: {getattr(reason, 'strerror', None) or 'connection failed'}"
            hint = "check the address and your network"
        else:
            problem, hint = f"{host} did not accept a connection within {budget.seconds:g} s", "check your network"
    except ReadTimeoutError:
        problem = f"no answer within {budget.seconds:g} s"
        hint = "the server is slow or unreachable; try again later or raise --timeout"
    except SSLError as exc:
        problem, hint = f"secure connection failed ({_first_line(exc)})", "check the address, or the system's CA store"
    except ProxyError as exc:
        problem, hint = f"the proxy failed ({_first_line(exc)})", "check HTTPS_PROXY / HTTP_PROXY"
    except (ProtocolError, LocationValueError, HTTPError) as exc:
        problem, hint = f"the connection failed ({_first_line(exc)})", "try again later"
    except OSError as exc:  # anything the socket layer raised that urllib3 did not wrap
        problem, hint = f"the connection failed ({exc.strerror or exc})", "check your network"
    raise InputError(problem, source=url, hint=hint)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:160]


def _check_redirect(url: str, target: str, visited: list[str], max_redirects: int) -> None:
    if not is_url(target):
        raise InputError(f"redirects to {target}, which is not an http(s) URL", source=url, hint="open it in a browser")
    if target in visited:
        chain = " -> ".join([*visited[visited.index(target) :], target])
        raise InputError(f"redirects in a loop ({chain})", source=url, hint="the site is misconfigured; try later")
    if len(visited) > max_redirects:
        raise InputError(f"more than {max_redirects} redirects", source=url, hint="open it in a browser")


_REASONS = {401: "needs a login", 403: "refuses access", 404: "not found", 410: "gone", 429: "too many requests"}


def _check_status(response: Any, url: str) -> None:
    status = int(response.status)
    if status < 400:
        return
    if status >= 500:
        problem, hint = f"the server failed (HTTP {status})", "try again later"
    else:
        problem = f"HTTP {status} {_REASONS.get(status, 'error')}"
        hint = {404: "check the URL", 410: "check the URL"}.get(
            status, "the site may refuse automated downloads; save the page and pass the file"
        )
    raise InputError(problem, source=url, hint=hint)


def _content_type(response: Any) -> tuple[str, str | None]:
    raw = response.headers.get("Content-Type", "") or ""
    media, _, params = raw.partition(";")
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.I)
    return media.strip().lower(), match.group(1) if match else None


def _read_body(response: Any, url: str, budget: _Budget, max_bytes: int) -> bytes:
    """The body, read as it arrives; stops at ``max_bytes`` and at the end of the time budget."""
    from urllib3.exceptions import HTTPError, ReadTimeoutError

    too_big = InputError(
        f"is larger than the {_megabytes(max_bytes)} limit", source=url, hint="raise --max-bytes or save it as a file"
    )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            budget.left(url)  # a trickle of bytes ends here, at the deadline
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise too_big
            chunks.append(chunk)
    except (ReadTimeoutError, TimeoutError):
        raise budget.expired(url) from None
    except (HTTPError, OSError) as exc:
        raise InputError(f"the download broke off ({_first_line(exc)})", source=url, hint="try again later") from None
    return b"".join(chunks)


def _check_kind(content_type: str, body: bytes, url: str) -> None:
    if content_type in CONTENT_KINDS:
        return
    if content_type in _SNIFFED and sniff_kind(body) is not None:
        return
    shown = content_type or "no content type"
    raise InputError(
        f"is {shown}, not an article (HTML, plain text, PDF, a Word document or an RSS/Atom feed)",
        source=url,
        hint="pass the URL of the article page itself",
    )


def kind_of(fetched: Fetched) -> str:
    """What ``fetched`` is read as: ``html``, ``text``, ``markdown``, ``pdf``, ``docx``, ``email``, ``subtitles``
    or ``feed``.

    Raises :class:`InputError` for XML that is not a feed.
    """
    sniffed = sniff_kind(fetched.body)
    kind = CONTENT_KINDS.get(fetched.content_type) or sniffed or ""
    if sniffed in ("pdf", "docx"):  # servers send PDFs as text/plain too; the magic bytes decide
        return sniffed
    if kind == "xml":
        if sniffed != "feed":
            raise InputError(
                f"is {fetched.content_type} but not an RSS/Atom feed",
                source=fetched.url,
                hint="pass the URL of an article or a feed",
            )
        return "feed"
    if kind == "html" and sniffed == "feed":  # feeds served as text/html exist
        return "feed"
    return kind
