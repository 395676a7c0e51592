"""Any input a user names — a file, ``-``, a web page, a PDF, a feed — as the documents it holds.

A page, a PDF or a text file is one document; a feed is one per entry (a failed entry is its
:class:`InputError`, so a batch fails that entry only). Network bounds are in :mod:`.fetch`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..errors import InputError
from .feeds import FEED_SUFFIXES, parse_feed
from .fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Fetched, fetch, is_url, kind_of
from .inputs import (
    STDIN,
    STDIN_SOURCE,
    Document,
    bytes_document,
    decode,
    docx_document,
    mail_document,
    page_document,
    pdf_document,
    read_path,
    stdin_bytes,
    to_document,
)
from .kinds import sniff_kind
from .suffixes import NOT_ARTICLE_SUFFIXES


@dataclass(frozen=True)
class FetchOptions:
    """How URLs are read: the CLI fills it from ``--timeout``, ``--max-bytes``, ``--offline`` and
    ``--follow-links``."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    offline: bool = False
    follow_links: bool = False


def _text_of(fetched: Fetched) -> str:
    if fetched.charset and fetched.charset.lower().replace("_", "-") not in {"utf-8", "utf8", "us-ascii", "ascii"}:
        try:
            return fetched.body.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            raise InputError(
                f"is not valid {fetched.charset} text, as its server says it is",
                source=fetched.url,
                hint="save the page and pass the file",
            ) from None
    return decode(fetched.body, fetched.url)


def read_url(url: str, options: FetchOptions | None = None) -> list[Document | InputError]:
    """Fetch ``url`` and read it: a page, text or PDF gives one document, a feed one per entry.

    Raises :class:`InputError` (``source`` = the URL) when the URL itself cannot be read.
    """
    options = options or FetchOptions()
    fetched = fetch(url, timeout=options.timeout, max_bytes=options.max_bytes, offline=options.offline)
    kind = kind_of(fetched)
    if kind == "feed":
        follow = (lambda link: _follow(link, options)) if options.follow_links else None
        return parse_feed(fetched.body, url, follow=follow)
    return [_document(fetched, kind)]


def _document(fetched: Fetched, kind: str) -> Document:
    """One fetched page, PDF or text as a :class:`Document` whose ``source`` is the URL asked for."""
    if kind == "pdf":
        doc = pdf_document(fetched.body, fetched.url)
    elif kind == "docx":
        doc = docx_document(fetched.body, fetched.url)
    elif kind == "email":  # its parts name their own charsets
        doc = mail_document(fetched.body, fetched.url)
    elif kind == "html":
        doc = page_document(fetched.body, fetched.url, fetched.final_url)
    else:  # plain text, Markdown or reStructuredText
        # Raw-file hosts serve README.md and README.rst as text/plain: then the address's name says it.
        named = PurePosixPath(urlsplit(fetched.final_url).path).suffix
        # A script's name in an address ("news.php") names what ran, not what it served: the content decides.
        named = "" if named.lower() in NOT_ARTICLE_SUFFIXES else named
        doc = to_document(_text_of(fetched), fetched.url, named, kind=None if kind == "text" else kind)
    doc.url = fetched.final_url
    return doc


def _follow(link: str, options: FetchOptions) -> Document:
    """The page a feed entry links to (``--follow-links``); a link to another feed is not followed."""
    fetched = fetch(link, timeout=options.timeout, max_bytes=options.max_bytes, offline=options.offline)
    kind = kind_of(fetched)
    if kind == "feed":
        raise InputError("links to a feed, not an article", source=link, hint="drop --follow-links")
    return _document(fetched, kind)


def is_feed_file(path: Path, head: bytes) -> bool:
    """A ``.rss``/``.atom`` file, or an ``.xml`` (or extensionless) file whose root is a feed."""
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return True
    return suffix in {".xml", ""} and sniff_kind(head) == "feed"


def read_source(item: str, options: FetchOptions | None = None) -> list[Document | InputError]:
    """The documents ``item`` holds: a URL (fetched), a feed file (one per entry), a file or ``-``.

    Raises :class:`InputError` when ``item`` as a whole cannot be read.
    """
    options = options or FetchOptions()
    if is_url(item):
        return read_url(item, options)
    follow = (lambda link: _follow(link, options)) if options.follow_links else None
    if item == STDIN:  # read once: what it is shows in its first bytes
        data = stdin_bytes()
        if sniff_kind(data) == "feed":
            return parse_feed(data, STDIN_SOURCE, follow=follow)
        return [bytes_document(data, STDIN_SOURCE)]
    path = Path(item)
    if path.is_file():
        try:
            data = path.read_bytes()
        except OSError:
            data = b""  # read_path gives the error, as for any file
        if data and is_feed_file(path, data[:2048]):
            return parse_feed(data, item, follow=follow)
    return [read_path(item)]


def read_url_list(path: str | Path) -> list[str]:
    """The URLs in a ``--urls`` file: one per line; blank lines and ``#`` comments skipped.

    Raises :class:`InputError` naming the file and line of anything that is not an http(s) URL.
    """
    doc_source = str(path)
    try:
        data = Path(path).read_bytes() if str(path) != STDIN else stdin_bytes("pass a file of URLs")
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", source=doc_source, hint="check the path") from None
    urls: list[str] = []
    for number, line in enumerate(decode(data, doc_source).splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not is_url(entry):
            raise InputError(
                f"line {number} is not an http(s) URL: {entry[:80]!r}",
                source=doc_source,
                hint="write one address per line, starting with https://",
            )
        urls.append(entry)
    if not urls:
        raise InputError("has no URLs", source=doc_source, hint="write one address per line")
    return urls
