"""Emails (``.eml`` files, or text that opens with a mail's headers): the message's own text, read by
Python's ``email`` package.

A message saved from a mail program, or pasted with its headers, had been read as plain text: its
"From: … To: … Date: …" headers opened the summary, the signature under "-- " was a key point and a
quoted earlier message counted as the writer's words. The standard library parses the message as
mail programs do (MIME parts, transfer encodings, each part's charset, folded headers): the subject
is the title, the sender the author and the date the ``published`` date. The text is the plain part
(what the sender wrote for every mail program), else the HTML part read as a page; the signature
and a quoted earlier message under its "On … wrote:" line are left out.

A forward's news is the message it forwards, attached (``message/rfc822``) or written into the text
under a "Forwarded message" line and its header block: its text follows the forwarder's note, and its
subject, sender and date are the title, author and date. A reply's copy of the earlier message under
an "Original Message" line is a quoted earlier message, left out as the "On … wrote:" kind is.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
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
# The line a mail program writes above a message it copies into the text: Gmail's and Thunderbird's
# "---------- Forwarded message ---------", Apple Mail's "Begin forwarded message:", Outlook's
# "-----Original Message-----" and its rule of underscores over "From:" (its forwards and its replies
# alike; the subject tells them apart).
_COPY_LINE = re.compile(
    r"^[ \t]*(?:-{3,}[ \t]*(?P<kind>Forwarded message|Original Message)[ \t]*-{3,}|Begin forwarded message:"
    r"|(?P<rule>_{10,}(?=[ \t]*\r?\n[ \t]*\**From\b)))[ \t]*$",
    re.I | re.M,
)
# A forward's subject ("Fwd: …", Outlook's "FW: …"): the prefixes go from the title.
_FORWARD_SUBJECT = re.compile(r"^(?:(?:Fwd?|FW)[ \t]*:[ \t]*)+", re.I)
# A header line of the copied message's block ("From: …", "Sent: …"; Gmail may write them in bold).
_COPY_HEADER = re.compile(r"^[ \t]*\**(From|Sent|Date|Subject|To|Cc|Reply-To)\**:\**[ \t]*(.*)$", re.I)


@dataclass(frozen=True)
class Mail:
    """A message's text and what its headers say of it."""

    text: str
    html: bool  # the text is the HTML part (no plain one)
    title: str | None
    author: str | None
    published: str | None  # ISO 8601, UTC
    bulk: bool = False  # a mailing (a newsletter, a shop's offers), not a letter: see _is_bulk
    forward: bool = False  # its subject says it forwards a message ("Fwd: …")


def is_mail(text: str) -> bool:
    """Whether ``text`` opens with a mail's header block: header lines only up to the first empty line,
    a sender among them and a subject or a date (an mbox's "From " line may come first, or a mail
    program's "Forwarded message" line over a forward pasted alone)."""
    head = text.lstrip("\ufeff")[:8192].replace("\r\n", "\n")
    copied = _COPY_LINE.match(head.lstrip())
    if copied:  # a forwarded message pasted with its program's line over its header block
        head = head.lstrip()[copied.end() :].lstrip("\n")
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
    except (LookupError, ValueError, TypeError, AttributeError):  # a damaged header block
        message = None
    mail = _read(message, depth=0) if isinstance(message, EmailMessage) else None
    if mail is None:
        raise InputError(
            "is an email with no text to read (only attachments, or a damaged message)",
            source=source,
            hint="save the message's text, or the attachment, and pass that file",
        )
    return mail


_MAX_DEPTH = 5  # forwards of forwards read; deeper ones are a loop or an attack, not a mail


def _read(message: EmailMessage, depth: int) -> Mail | None:
    """``message`` as a :class:`Mail`, or None when it has no text; a forwarded message it attaches
    (see the module's notes) is read too."""
    try:
        # The default policy makes every message an EmailMessage, the class that finds a body.
        bulk = _is_bulk(message)
        part = message.get_body(preferencelist=("html", "plain") if bulk else ("plain", "html"))
        text = _text_of(part) if part is not None else ""
        attached = _attached_message(message) if depth < _MAX_DEPTH else None
    except (LookupError, ValueError, TypeError, AttributeError, KeyError):  # a damaged part or charset
        return None
    subject = _header(message, "Subject") or ""
    forward = bool(_FORWARD_SUBJECT.match(subject))
    own = Mail("", False, _FORWARD_SUBJECT.sub("", subject) or None, _sender(message), _date(message), bulk, forward)
    forwarded = _read(attached, depth + 1) if attached is not None else None
    if part is None or not isinstance(text, str) or not text.strip():
        return forwarded and _forward_of(own, "", forwarded)
    if part.get_content_subtype() == "html":
        # A page's text and a note can not be joined: the forwarded message, else the page.
        return forwarded or _with_text(own, text, html=True)
    note, copied = _copied_message(text, is_forward=forward)
    mail = _with_text(own, _own_words(note), html=False)
    for inner in (copied, forwarded):
        if inner is not None:
            mail = _forward_of(mail, mail.text, inner)
    return mail if mail.text.strip() else None


def _with_text(mail: Mail, text: str, *, html: bool) -> Mail:
    return replace(mail, text=text, html=html)


def _is_bulk(message: EmailMessage) -> bool:
    """Whether ``message`` is a mailing: a list's unsubscribe address or id (RFC 2369, RFC 2919), or a
    bulk precedence. Its HTML part is what its sender wrote (the plain one is made from it, links as
    "( https://… )"), and its calls to action are no news, as a newsletter's are not."""
    if message.get("List-Unsubscribe") is not None or message.get("List-Id") is not None:
        return True
    return str(message.get("Precedence") or "").strip().lower() in {"bulk", "list"}


def _forward_of(outer: Mail, note: str, inner: Mail) -> Mail:
    """A forward: the forwarder's ``note``, then the forwarded message's text (alone when that is a
    page); the forwarded message's subject, sender and date where it has them."""
    text = inner.text if inner.html or not note.strip() else f"{note.strip()}\n\n{inner.text}"
    return Mail(
        text,
        inner.html,
        inner.title or outer.title,
        inner.author or outer.author,
        inner.published or outer.published,
        inner.bulk or outer.bulk,
        outer.forward,
    )


def _attached_message(message: EmailMessage) -> EmailMessage | None:
    """The first message ``message`` attaches (a forward as an attachment), not one inside another."""
    for part in message.iter_attachments():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_content()
            return inner if isinstance(inner, EmailMessage) else None
    return None


def _copied_message(text: str, *, is_forward: bool) -> tuple[str, Mail | None]:
    """``text`` cut at a message copied into it under a mail program's line (:data:`_COPY_LINE`): the
    writer's words above, and the copied message when it is forwarded (a reply's copy is dropped)."""
    text = text.replace("\r\n", "\n")
    line = _COPY_LINE.search(text)
    if line is None:
        return text, None
    note, rest = text[: line.start()], text[line.end() :].lstrip("\n").split("\n")
    kind = line.group("kind") or ("original" if line.group("rule") else "forwarded")
    if kind.lower().startswith("original") and not is_forward:
        return (note, None) if note.strip() else (text, None)
    fields: dict[str, str] = {}
    while rest:
        if not rest[0].strip() and fields and len(rest) > 1 and _COPY_HEADER.match(rest[1]):
            rest = rest[1:]  # a page's reader writes each header line as a paragraph of its own
            continue
        m = _COPY_HEADER.match(rest[0])
        if m is None:
            break
        fields.setdefault(m.group(1).lower(), m.group(2).strip())
        rest = rest[1:]
    body = _own_words("\n".join(rest))
    if not body:
        return text, None
    sender = email.utils.parseaddr(fields.get("from", ""))
    return note, Mail(
        body,
        False,
        _FORWARD_SUBJECT.sub("", fields.get("subject", "")) or None,
        sender[0] or sender[1] or None,
        _copied_date(fields.get("date") or fields.get("sent")),
    )


def page_mail(mail: Mail, page_text: str) -> Mail:
    """An HTML message (``mail``, its text a page) as the page reader read it, ``page_text``, with a
    message copied into it cut as in a plain message (Gmail's HTML forward keeps its "Forwarded
    message" line and header block as paragraphs)."""
    note, copied = _copied_message(page_text, is_forward=mail.forward)
    mail = replace(mail, text=note)
    return _forward_of(mail, note, copied) if copied is not None else mail


def _copied_date(raw: str | None) -> str | None:
    """The date of a copied message's header block, as mail programs show it: "Tue, Dec 1, 2026 at
    10:00 PM" (Gmail), "Monday, November 30, 2026 10:00 AM" (Outlook), or as its headers wrote it."""
    if not raw:
        return None
    raw = re.sub(r"\s+at\s+(?=\d)", " ", raw)
    parsed = _parsed_date(raw)
    clock = re.search(r"\b(\d{1,2}):\d\d(?::\d\d)?\s*([AaPp])\.?[Mm]\b", raw)
    if parsed is None or clock is None or clock.group(2).lower() == "a" or int(clock.group(1)) >= 12:
        return parsed
    when = datetime.strptime(parsed, "%Y-%m-%dT%H:%M:%SZ") + timedelta(hours=12)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


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


# A link's address as a plain part writes it after the link's words ("Read more ( https://… )",
# "the report <https://…>", "[https://…]"): no words of the text.
_LINK_ADDRESS = re.compile(r"[ \t]*[(\[<][ \t]*(?:https?://|mailto:)[^\s()\[\]<>]+[ \t]*[)\]>]")


def _own_words(text: str) -> str:
    """A plain message's text without its signature, without an earlier message it quotes and without
    its links' addresses."""
    rows = _LINK_ADDRESS.sub("", text.replace("\r\n", "\n")).split("\n")
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
    return _parsed_date(_header(message, "Date"))


def _parsed_date(raw: str | None) -> str | None:
    """A mail's date (RFC 5322, as its headers and most programs' copied blocks write it) in ISO 8601,
    UTC; None when it reads otherwise."""
    if not raw:
        return None
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000": the zone is not known; read as UTC, as RFC 5322 asks
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
