"""Emails (``.eml`` files, or text that opens with a mail's headers): the message's own text, read by
Python's ``email`` package.

A message saved from a mail program, or pasted with its headers, had been read as plain text: its
"From: … To: … Date: …" headers opened the summary, the signature under "-- " was a key point and a
quoted earlier message counted as the writer's words. The standard library parses the message as
mail programs do (MIME parts, transfer encodings, each part's charset, folded headers): the subject
is the title, the sender the author and the date the ``published`` date. The text is the plain part
(what the sender wrote for every mail program), else the HTML part read as a page; the signature
and a quoted earlier message under its "On … wrote:" line are left out.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from datetime import UTC
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from ..errors import InputError

# A header line ("Subject: Data centre move"), or a folded header's next line (it starts with a space).
_HEADER = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,40}:[ \t]*\S|^[ \t]+\S")
# Headers a message has: a sender, and a subject or a date.
_SENDER = re.compile(r"^From:", re.I | re.M)
_ABOUT = re.compile(r"^(?:Subject|Date):", re.I | re.M)
# The signature's separator (RFC 3676: "-- " on its own line; many programs drop the space).
_SIGNATURE_SEPARATOR = re.compile(r"^--[ \t]?$")
_SIGNATURE_LINES = 15  # a longer tail under "--" is text (a rule drawn in the body), not a signature
# A quoted earlier message: its attribution line ("On Tue, 1 Dec 2026, Maria Lopez wrote:") and lines in ">".
_QUOTED = re.compile(r"^[ \t]*>")
_WROTE = re.compile(r"\bwrote:\s*$")


@dataclass(frozen=True)
class Mail:
    """A message's text and what its headers say of it."""

    text: str
    html: bool  # the text is the HTML part (no plain one)
    title: str | None
    author: str | None
    published: str | None  # ISO 8601, UTC


def is_mail(text: str) -> bool:
    """Whether ``text`` opens with a mail's header block: header lines only up to the first empty line,
    a sender among them and a subject or a date (an mbox's "From " line may come first)."""
    head = text.lstrip("\ufeff")[:8192].replace("\r\n", "\n")
    block = head.split("\n\n", 1)[0]
    rows = block.split("\n")
    if rows and rows[0].startswith("From ") and not rows[0].startswith("From:"):
        rows = rows[1:]  # an mbox file's separator line
    if len(rows) < 2 or not all(_HEADER.match(row) for row in rows):
        return False
    joined = "\n".join(rows)
    return bool(_SENDER.search(joined) and _ABOUT.search(joined))


def read_mail(data: bytes | str, source: str) -> Mail:
    """The message in ``data``: its text (see the module's notes) and its subject, sender and date.

    Raises :class:`InputError` when it has no text to read (only attachments)."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        # The default policy makes every message an EmailMessage, the class that finds a body.
        part = message.get_body(preferencelist=("plain", "html")) if isinstance(message, EmailMessage) else None
        text = _text_of(part) if part is not None else ""
    except (LookupError, ValueError, TypeError, AttributeError):  # a damaged part or charset
        text, part = "", None
    if part is None or not isinstance(text, str) or not text.strip():
        raise InputError(
            "is an email with no text to read (only attachments, or a damaged message)",
            source=source,
            hint="save the message's text, or the attachment, and pass that file",
        )
    html = part.get_content_subtype() == "html"
    return Mail(
        text if html else _own_words(text),
        html,
        _header(message, "Subject"),
        _sender(message),
        _date(message),
    )


def _text_of(part: EmailMessage) -> str:
    """A text part's words: in the charset it names, else (a mail saved or piped in UTF-8 without MIME
    headers, which the standard reads as ASCII) its bytes as UTF-8."""
    if part.get_content_charset() is not None:
        return str(part.get_content())
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload or "")


def _unescaped(text: str) -> str:
    """``text`` with the 8-bit bytes of a message that names no charset (a saved or piped mail written in
    UTF-8 without MIME headers) read as UTF-8: the parser keeps them as surrogate escapes."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _own_words(text: str) -> str:
    """A plain message's text without its signature and without an earlier message it quotes."""
    rows = text.replace("\r\n", "\n").split("\n")
    for i in range(len(rows) - 1, max(-1, len(rows) - _SIGNATURE_LINES - 2), -1):
        if _SIGNATURE_SEPARATOR.match(rows[i]):
            rows = rows[:i]
            break
    kept: list[str] = []
    for row in rows:
        if _QUOTED.match(row):
            # The quoted message's attribution line goes with it.
            if kept and not _QUOTED.match(kept[-1]) and _WROTE.search(kept[-1]):
                kept.pop()
            continue
        kept.append(row)
    return "\n".join(kept).strip()


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError):  # a malformed header
        return None
    return " ".join(_unescaped(str(value)).split()) or None if value is not None else None


def _sender(message: EmailMessage) -> str | None:
    try:
        addresses = message["From"].addresses if message.get("From") is not None else ()
    except (AttributeError, ValueError, TypeError, IndexError):
        return _header(message, "From")
    if not addresses:
        return _header(message, "From")
    return _unescaped(addresses[0].display_name or addresses[0].addr_spec) or None


def _date(message: EmailMessage) -> str | None:
    raw = _header(message, "Date")
    if raw is None:
        return None
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000": the zone is not known; read as UTC, as RFC 5322 asks
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
