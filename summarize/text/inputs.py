"""Reading inputs: files or stdin, decoded strictly, with Markdown and HTML reduced to prose."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..errors import InputError
from .changelogs import latest_release
from .docx import DOCX_SUFFIXES, is_docx, read_docx
from .frontmatter import read_header
from .inline import strip_tags, text_breaks
from .kinds import text_kind
from .mail import is_mail, page_mail, read_mail
from .markdown import FRONT_MATTER
from .mdprose import read_markdown, title_first, unify_eol
from .notebooks import notebook_markdown
from .org import org_markdown
from .page_markup import mend_markdown, page_title, readable_page, refresh_target, title_element
from .pdf import is_pdf, read_pdf
from .plaintext import read_plain
from .rst import rst_to_html
from .rtf import RTF_SUFFIXES, is_rtf, read_rtf
from .subtitles import subtitle_prose
from .suffixes import (
    HTML_SUFFIXES,
    MAIL_SUFFIXES,
    MARKDOWN_SUFFIXES,
    NOT_ARTICLE_SUFFIXES,
    NOTEBOOK_SUFFIXES,
    ORG_SUFFIXES,
    RST_SUFFIXES,
    SUBTITLE_SUFFIXES,
)

STDIN = "-"
STDIN_SOURCE = "<stdin>"  # how messages and JSON name standard input
_BINARY_SAMPLE = 8192


@dataclass
class Document:
    """One input, read and decoded."""

    source: str  # the path as given, or "<stdin>"
    text: str  # prose to summarize
    raw: str  # the decoded input as read (a PDF: its extracted text; a web page: its main text as Markdown)
    title: str | None = None
    published: str | None = None  # ISO 8601 date (or date and time) of a web page, feed entry or PDF
    author: str | None = None
    url: str | None = None  # where a fetched input ended up (after redirects), or a feed entry's link
    path: str | None = None  # the file read, when one was: its folder holds a newsletter's other issues
    markdown: bool = False  # read as Markdown (a .md file, or piped text with headings or front matter)
    headings: tuple[str, ...] = ()  # its title and headings, as they read in ``text`` (without a stop)
    page: bool = False  # a web page (a URL or an .html file): ``raw`` is the Markdown its main text was read as
    # A plain-text email: what it asks of its reader ("please add it to the runbook by 20 December") is its
    # news, never a newsletter's call to action to leave out.
    letter: bool = False
    notes: tuple[str, ...] = ()  # what the reader did that the result's warnings say (a changelog cut to a release)
    part: str | None = None  # the part of ``raw`` read where only a part is (a changelog's latest release)


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (a BOM is dropped); binary and undecodable input raise :class:`InputError`."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Windows editors save "Unicode" as UTF-16; its NUL bytes would otherwise read as binary.
        raise InputError(
            "is UTF-16 text, not UTF-8",
            source=source,
            hint=f"convert it first, e.g. iconv -f UTF-16 -t UTF-8 {source} > fixed.txt",
        )
    if b"\x00" in data[:_BINARY_SAMPLE]:
        raise InputError("is a binary file, not text", source=source, hint="pass a UTF-8 .txt, .md or .html article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_text(data)
        if declared is not None:
            return declared
        raise InputError(
            f"is not UTF-8 text (bad byte at offset {exc.start})",
            source=source,
            hint=f"convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8 {source} > fixed.txt",
        ) from None
    return text


# A saved page or XML file names its encoding in its head, as browsers read it: <meta charset="…">,
# <meta http-equiv="Content-Type" content="text/html; charset=…">, <?xml … encoding="…"?>.
_DECLARED_CHARSET = re.compile(
    rb"<meta\b[^>]*?charset\s*=\s*[\"']?([\w.:-]+)|<\?xml\b[^>]*?encoding\s*=\s*[\"']([\w.:-]+)", re.I
)


def _declared_text(data: bytes) -> str | None:
    """``data`` decoded as the charset its head declares (a page saved in ISO-8859-1, as old DocBook and
    Windows tools wrote them), or None when it declares none that decodes it. As browsers do, a Latin-1
    label reads as Windows-1252, its superset."""
    import codecs

    found = _DECLARED_CHARSET.search(data[:4096])
    if not found:
        return None
    name = (found.group(1) or found.group(2)).decode("ascii", "replace").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    for charset in ["cp1252", "latin-1"] if name in {"latin-1", "iso8859-1", "ascii"} else [name]:
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            continue
    return None


# Mojibake: UTF-8 text that was once decoded as Windows-1252 or Latin-1 ("Â£15m" for "£15m", "â€œ" for
# "“"): a lead byte read as one of Â-ô, then a continuation byte read as a sign of those code pages. Only
# a text showing one goes to ftfy (imported then), which decides whether it is mojibake.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """``text`` with mis-decoded UTF-8 repaired, and a note naming the first repair (None when nothing was).

    ftfy's ``fix_encoding`` alone: quotes, character widths, line breaks and HTML entities stay as written.
    """
    hint = _MOJIBAKE_HINT.search(text)
    if hint is None:
        return text, None
    import ftfy

    # A byte-order mark read as "ï»¿" comes back as U+FEFF: invisible, and no part of any sentence.
    fixed = ftfy.fix_encoding(text).replace("\ufeff", "")
    if fixed == text:
        return text, None
    lead = ord(text[hint.start()])
    piece = text[hint.start() : hint.start() + (2 if lead < 0xE0 else 3 if lead < 0xF0 else 4)]
    shown = ftfy.fix_encoding(piece)
    example = f': "{piece}" -> "{shown}"' if shown != piece else ""
    return fixed, f"text: repaired mojibake (UTF-8 once read as Windows-1252){example}"


def _metadata(found: object, name: str) -> str | None:
    return (getattr(found, name, None) or "").strip() or None


@lru_cache(maxsize=1)
def _whole_page_config() -> Any:
    """trafilatura's settings with no rescue of a short extraction (its least size is one character)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


def page_document(html: str | bytes, source: str, url: str | None = None, *, generated: bool = False) -> Document:
    """A web page, fetched or an ``.html`` file: its main text, which trafilatura finds (menus, ads,
    comments and tables left out) and writes as Markdown, read as any Markdown is (:func:`read_markdown`:
    each paragraph and list item ends a sentence, a heading is never one), with the page's title,
    author and date. trafilatura's plain text puts one line break between blocks, which reads as a
    soft wrap: a heading ran into the first sentence ("Headline of the story Rickie Fowler has…").
    ``generated``: the page was written from a document by its parser (reStructuredText's): its
    ``<title>`` is the title, or it has none (never a heading picked as one), and all its body is the
    text, so trafilatura's rescue of a short extraction by a cruder reading (which read a definition
    list as "Term" / ": definition" lines) is not wanted."""
    import trafilatura

    target = refresh_target(html)
    if target:
        # Fetched pages follow it (fetch.py); a saved one names where it points, as a browser would go.
        if url:
            target = urljoin(url, target)
        elif "://" not in target and Path(source).is_file():
            target = str(Path(source).parent / target.split("#")[0])
        raise InputError(f"is a page that only sends the browser on to {target}", source=source, hint="pass that page")
    page = readable_page(html)
    md = trafilatura.extract(
        page,
        url=url,
        output_format="markdown",
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        **({"config": _whole_page_config()} if generated else {}),
    )
    md = mend_markdown(md or "")
    prose = read_markdown(md)
    if not prose.text.strip():
        raise InputError(
            "has no article text that could be extracted",
            source=source,
            hint="it may be a page of links, or need JavaScript; save the article text and pass the file",
        )
    found = trafilatura.extract_metadata(html, default_url=url)
    if generated:
        title = title_element(page) or prose.title
    else:
        title = page_title(page, prose.headings, _metadata(found, "title"), prose.title)
    text, headings = title_first(prose.text, title, prose.headings)
    date, author = _metadata(found, "date"), _metadata(found, "author")
    return Document(source, text, md, title, date, author, url, headings=headings, page=True)


_SUFFIX_KINDS = {
    **dict.fromkeys(HTML_SUFFIXES, "html"),
    **dict.fromkeys(MARKDOWN_SUFFIXES, "markdown"),
    **dict.fromkeys(RST_SUFFIXES, "rst"),
    **dict.fromkeys(ORG_SUFFIXES, "org"),
    **dict.fromkeys(MAIL_SUFFIXES, "email"),
    **dict.fromkeys(SUBTITLE_SUFFIXES, "subtitles"),
    **dict.fromkeys(NOTEBOOK_SUFFIXES, "notebook"),
    **NOT_ARTICLE_SUFFIXES,
}
# What a kind of data or code is called in the error that refuses it, and how to go on.
NOT_ARTICLES = {
    "json": ("JSON data", "pass the article's text itself, e.g. jq -r '.text' FILE | summarize -"),
    "xml": ("XML data", "pass the article's text itself, or a page (.html) or a feed (.rss, .atom)"),
    "table": ("a table", "pass an article; to summarize a column of text, extract it first"),
    "config": ("a configuration file", "pass an article: text, Markdown, HTML, a PDF, a Word file or an email"),
    "code": ("source code", "pass an article; to read the file as text anyway: summarize - < FILE"),
}


def html_document(raw: str, source: str) -> Document:
    """An ``.html`` file or HTML text: a page (:func:`page_document`), or a site generator's content file
    (Hugo's, Jekyll's), front matter then the post's HTML. Its header gives the title, date and author; the
    HTML the text, read as a page, or, where a page reader finds no block in it (lines with "</br>" between
    them, a Bengali Hugo post's, which had been "no article text"), as plain text with its tags left out."""
    md = unify_eol(raw)
    header = read_header(md) if FRONT_MATTER.match(md) else None
    if header is None:
        return page_document(raw, source)
    body = md[header.end :]
    try:
        doc = page_document(body, source)
    except InputError:
        doc = to_document(strip_tags(text_breaks(body, at_least=1)), source, kind="text")
    if header.title:
        doc.text, doc.headings = title_first(doc.text, header.title, doc.headings)
        doc.title = header.title
    doc.published, doc.author = header.published or doc.published, header.author or doc.author
    return doc


def to_document(raw: str, source: str, suffix: str = "", kind: str | None = None) -> Document:
    """Reduce decoded input to the prose to summarize; empty input raises :class:`InputError`. Its kind is
    ``kind`` when given (a server's Content-Type said it), else what ``suffix`` names, else what the
    text says (:func:`.kinds.text_kind`, for ``.txt`` or no suffix)."""
    title, headings = None, ()
    if not raw.strip():
        raise InputError("is empty: there is no text", source=source, hint="pass an article with text")
    kind = kind or _SUFFIX_KINDS.get(suffix.lower()) or text_kind(raw)
    no_prose = InputError(
        "has no prose to summarize, only a title, code blocks, tables or links",
        source=source,
        hint="pass an article with text",
    )
    if kind == "feed":
        raise InputError(
            "is an RSS/Atom feed, which holds several articles",
            source=source,
            hint="pass the feed as a file named .xml, .rss or .atom, or as its URL",
        )
    if kind == "html":
        return html_document(raw, source)
    if kind == "email":
        return mail_document(raw, source)
    if kind == "subtitles":
        text = subtitle_prose(raw, source, SUBTITLE_SUFFIXES.get(suffix.lower()))
        return Document(source, text, raw, None)
    if kind in NOT_ARTICLES:
        what, hint = NOT_ARTICLES[kind]
        raise InputError(f"is {what}, not an article", source=source, hint=hint)
    if kind == "notebook":
        try:
            return to_document(notebook_markdown(raw, source), source, kind="markdown")
        except InputError as exc:
            raise no_prose if exc.message.startswith("is empty") else exc from None
    if kind == "org":
        md = org_markdown(raw)
        if not md.strip():  # settings, comments and code only
            raise no_prose
        return to_document(md, source, kind="markdown")
    if kind == "rst":
        try:
            return page_document(rst_to_html(raw), source, generated=True)
        except InputError:  # the page reader's hint (a page of links, JavaScript) is no help here
            raise no_prose from None
    published = author = release = None
    notes: tuple[str, ...] = ()
    if kind == "markdown":
        release = latest_release(raw)
        prose = read_markdown(release.markdown if release else raw)
        text, title, headings = prose.text, prose.title, prose.headings
        published, author = prose.published, prose.author
        if release:
            notes = (f"changelog: summarized its latest release, {release.name}",)
    else:
        plain = read_plain(unify_eol(raw))
        text, title, headings = plain.text, plain.title, plain.headings
        published, author = plain.published, plain.author
    if not text.strip():  # Markdown whose every line is markup
        raise no_prose
    markdown = kind == "markdown"
    part = release.markdown if kind == "markdown" and release else None
    return Document(
        source, text, raw, title, published, author, markdown=markdown, headings=headings, notes=notes, part=part
    )


def read_path(path: str | Path) -> Document:
    """Read one file (or ``-`` for stdin)."""
    if str(path) == STDIN:
        return read_stdin()
    p = Path(path)
    source = str(path)
    if not p.exists():
        if p.is_symlink():  # dangling, or a loop of links
            raise InputError("is a broken symbolic link", source=source, hint="fix or remove the link")
        raise InputError("no such file", source=source, hint="check the path")
    if p.is_dir():
        raise InputError("is a folder", source=source, hint="pass the files inside it")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", source=source, hint="check its permissions") from None
    # "README.md.gz" is Markdown once unpacked (Debian ships its docs so).
    suffix = Path(p.stem).suffix if p.suffix.lower() == ".gz" else p.suffix
    doc = bytes_document(data, source, suffix)
    doc.path = str(p)
    return doc


def bytes_document(data: bytes, source: str, suffix: str = "") -> Document:
    """An input's bytes as a :class:`Document`: a PDF by its name or its header, else decoded text read
    as its name or its content says (:func:`to_document`)."""
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, source)
    if suffix.lower() == ".pdf" or is_pdf(data):
        return pdf_document(data, source)
    if suffix.lower() in DOCX_SUFFIXES or is_docx(data):
        return docx_document(data, source)
    if suffix.lower() in RTF_SUFFIXES or is_rtf(data):
        return to_document(read_rtf(data, source), source, kind="text")
    if suffix.lower() in MAIL_SUFFIXES or is_mail(data[:8192].decode("latin-1")):
        return mail_document(data, source)  # its parts name their own charsets
    return to_document(decode(data, source), source, suffix)


_GZIP_MAGIC = b"\x1f\x8b"
_MAX_UNPACKED = 50_000_000  # bytes: a small file that unpacks to gigabytes (a zip bomb) stops here


def _gunzip(data: bytes, source: str) -> bytes:
    """``data`` (gzip) unpacked, at most :data:`_MAX_UNPACKED` bytes; a damaged or endless one is an
    :class:`InputError`."""
    import zlib

    unpacker = zlib.decompressobj(wbits=31)  # a gzip header and trailer
    try:
        out = unpacker.decompress(data, _MAX_UNPACKED + 1)
    except zlib.error:
        raise InputError("is a damaged gzip file", source=source, hint="check it with gzip -t") from None
    if len(out) > _MAX_UNPACKED or unpacker.unconsumed_tail:
        raise InputError(
            f"unpacks to more than {_MAX_UNPACKED // 1_000_000} MB", source=source, hint="unpack a part of it first"
        )
    if not unpacker.eof:  # cut off before its end
        raise InputError("is a damaged gzip file", source=source, hint="check it with gzip -t")
    return out


def mail_document(data: bytes | str, source: str) -> Document:
    """An email's text as a :class:`Document` (:mod:`.mail`): its subject the title, its sender the
    author, its date the ``published`` one; an HTML-only message is read as a page."""
    mail = read_mail(data, source)
    if mail.html:
        doc = page_document(mail.text, source)
        mail = page_mail(mail, doc.text)
        doc.text = mail.text
    else:
        doc = to_document(mail.text, source)
    if mail.title:
        doc.text, doc.headings = title_first(doc.text, mail.title, doc.headings)
        doc.title = mail.title
    doc.published, doc.author = mail.published or doc.published, mail.author or doc.author
    doc.letter = not mail.html and not mail.bulk  # a mailing's calls to action are no news
    return doc


def docx_document(data: bytes, source: str) -> Document:
    """A Word document's text as a :class:`Document`, read as its Markdown (:mod:`.docx`); its file's
    author and date where it records them, and its title where the text shows none."""
    markdown, meta = read_docx(data, source)
    doc = to_document(markdown, source, kind="markdown")
    if meta["title"] and not doc.title:  # the title the reader sees first; the file's is often a template's
        doc.text, doc.headings = title_first(doc.text, meta["title"], doc.headings)
        doc.title = meta["title"]
    doc.published, doc.author = meta["published"], meta["author"]
    return doc


def pdf_document(data: bytes, source: str) -> Document:
    """A PDF's text layer as a :class:`Document` (see :func:`summarize.text.pdf.read_pdf` for the errors)."""
    text, meta = read_pdf(data, source)
    return Document(source, text, text, meta["title"], meta["published"], meta["author"])


def stdin_bytes(hint: str = "pass a file") -> bytes:
    """All of standard input."""
    if sys.stdin is None:
        raise InputError("no standard input", source=STDIN_SOURCE, hint=hint)
    return sys.stdin.buffer.read()


def read_stdin() -> Document:
    """Standard input as a :class:`Document`: a PDF, a web page, Markdown or plain text, as its content says."""
    return bytes_document(stdin_bytes(), STDIN_SOURCE)


def text_document(raw: str, source: str) -> Document:
    """A text with no file name (stdin, a text given to the Python API) as a :class:`Document`: a web page,
    Markdown or plain text, as its content says (:func:`.kinds.text_kind`)."""
    return to_document(raw, source)
