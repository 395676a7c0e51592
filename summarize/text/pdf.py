"""PDF inputs: the text layer, as prose (pypdf).

pypdf is pure Python with no dependencies, kept up by the py-pdf project, reads encrypted files
(and says when it cannot), and gives text page by page, which is what finding running headers and
footers needs. pdfminer.six lays out complex pages better but is larger and slower; reports and
articles are single-flow text, where pypdf's output is as good.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from datetime import datetime
from typing import Any

from ..errors import InputError

PDF_MAGIC = b"%PDF-"
_MIN_TEXT_CHARS = 40  # fewer letters than this in the whole file: a scan, not a text layer
_EDGE_LINES = 2  # how many lines at the top and bottom of a page may be a running header/footer
_STOPS = ".!?:;。؟۔"

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:(?:page|p\.|seite|página|صفحہ)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:of|/|von|de)\s*\d{1,4})?[\s\-–—|]*$",
    re.I,
)
# A running header or footer with its page's number: "Chapter 4: Function reference 9", "12 | Annual report".
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\b|\b(\d{1,4})$")
_HEADER_CHARS = 100
_LINE_END_HYPHEN = re.compile(r"[^\W\d_][-\u00ad]$")
# A numbered section's heading: "1. Introduction", "1.1. Version", "2.3 Results", "IV. Discussion" (a
# number with its dot, or numbers joined by dots; "3 Goals" may be a wrapped line's start).
_NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}\.(?:\d{1,2}\.?)*|[IVX]{1,4}\.)\s+[^\W\d_]")


def is_pdf(data: bytes) -> bool:
    """True when ``data`` starts like a PDF (the header may follow up to 1 KB of junk, as readers allow)."""
    return PDF_MAGIC in data[:1024]


def read_pdf(data: bytes, source: str) -> tuple[str, dict[str, str | None]]:
    """Prose of a PDF and its metadata (``title``, ``author``, ``published``).

    Raises :class:`InputError` when ``data`` is not a PDF, is damaged, is encrypted with a password,
    or has no text layer (a scan).
    """
    if not is_pdf(data):
        raise InputError(
            "is named .pdf but is not a PDF (no %PDF- header)",
            source=source,
            hint="if it is text, rename it to .txt; else download the PDF again",
        )
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # its repair notes ("EOF marker not found") are not the user's business
    try:
        reader = _open(data, source)
        pages = [page.extract_text() or "" for page in reader.pages]
        metadata = _metadata(reader)
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds on broken content streams
        raise _damaged(source, exc) from None
    finally:
        pypdf_log.setLevel(level)
    if sum(len(re.findall(r"\w", page)) for page in pages) < _MIN_TEXT_CHARS:
        raise InputError(
            "has no text layer; run OCR first, e.g. ocrmypdf",
            source=source,
            hint=f"a scan of {len(pages)} page{'s' if len(pages) != 1 else ''}? ocrmypdf {source} searchable.pdf, "
            "then summarize searchable.pdf",
        )
    if metadata["title"] is None:
        metadata["title"] = running_title(pages)
    return pages_to_text(pages), metadata


def _open(data: bytes, source: str) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            # An empty user password opens files that are only "protected" against copying or printing.
            raise InputError(
                "is an encrypted PDF (it needs a password)",
                source=source,
                hint=f"decrypt it first, e.g. qpdf --decrypt --password=PASSWORD {source} plain.pdf",
            )
        len(reader.pages)  # parses the page tree: a broken one fails here, not later
    except InputError:
        raise
    except DependencyError:
        raise InputError(
            "is an AES-encrypted PDF and the cryptography package is not installed",
            source=source,
            hint=f"pip install cryptography, or decrypt it first: qpdf --decrypt {source} plain.pdf",
        ) from None
    except (PdfReadError, Exception) as exc:
        raise _damaged(source, exc) from None
    return reader


def _damaged(source: str, exc: BaseException) -> InputError:
    detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:120]
    return InputError(
        f"is a damaged PDF ({detail})",
        source=source,
        hint=f"re-save it from a PDF viewer, or repair it: qpdf {source} repaired.pdf",
    )


def _metadata(reader: Any) -> dict[str, str | None]:
    try:
        meta = reader.metadata
    except Exception:  # broken info dictionaries are common and never worth failing for
        meta = None
    if meta is None:
        return {"title": None, "author": None, "published": None}
    title = (meta.title or "").strip() or None
    author = (meta.author or "").strip() or None
    published = None
    try:
        created = meta.creation_date
    except Exception:
        created = None
    if isinstance(created, datetime):
        published = created.date().isoformat()
    # Generators write file names and "Untitled" as titles; those are not titles.
    if title and (re.search(r"\.(docx?|pdf|tex|indd|odt)$", title, re.I) or title.lower() in {"untitled", "title"}):
        title = None
    return {"title": title, "author": author, "published": published}


def line_shape(line: str) -> str:
    """``line`` as a running header or footer recurs: its numbers aside, in lower case."""
    # Running headers change only in their numbers ("Annual report 2024 — page 3").
    return re.sub(r"\d+", "#", line.strip().lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of lines that recur at the top or bottom of at least half of the pages (3 or more), and
    of lines that carry the page's printed number at an edge of two pages or more: a book's or a
    manual's header names its chapter ("Chapter 4: Function reference 9"), so no one shape is on half
    of its pages."""
    if len(pages) < 3:
        return set()
    edges = [[line for line in [*lines[:_EDGE_LINES], *lines[-_EDGE_LINES:]] if line.strip()] for lines in pages]
    counts = Counter(shape for lines in edges for shape in {line_shape(line) for line in lines})
    running = {shape for shape, n in counts.items() if n >= max(2, len(pages) / 2) and shape}
    offset = _page_number_offset(edges)
    if offset is not None:
        numbered = Counter(
            shape
            for i, lines in enumerate(edges)
            for shape in {line_shape(line) for line in lines if i + offset in _edge_numbers(line)}
        )
        running |= {shape for shape, n in numbered.items() if n >= 2 and re.search(r"[^\W\d_]", shape)}
    return running


def _edge_numbers(line: str) -> set[int]:
    """The numbers that open or close a short line (where a header or footer prints the page's)."""
    if len(line) > _HEADER_CHARS:
        return set()
    return {int(m.group(1) or m.group(2)) for m in _EDGE_NUMBER.finditer(line.strip())}


def _page_number_offset(edges: list[list[str]]) -> int | None:
    """How far a page's printed number is from its place in the file (front matter goes unnumbered or
    in roman numerals), when a number at a page edge follows the pages on a third of them (3 or more)."""
    numbers = [{n for line in lines for n in _edge_numbers(line)} for lines in edges]
    offsets = Counter(n - i for i, found in enumerate(numbers) for n in found)
    if not offsets:
        return None
    offset, n = offsets.most_common(1)[0]
    return offset if n >= max(3, len(edges) / 3) else None


def _page_lines(pages: list[str]) -> list[list[str]]:
    return [[line.rstrip() for line in page.replace("\r", "\n").split("\n")] for page in pages]


def running_title(pages: list[str]) -> str | None:
    """The document's name where it runs at the top of its pages and opens its first page, as a LaTeX
    manual's does ("Shared MIME-info Database"): its title, where the file's properties name none (the
    running header is left out of the text, so without this the title went unsaid). Not a line with a
    number (a page's, a date's, a chapter's)."""
    split = [[line for line in lines if line.strip()] for lines in _page_lines(pages)]
    if not split or not split[0]:
        return None
    first = split[0][0].strip()
    if len(first) > _HEADER_CHARS or re.search(r"\d", first) or not re.search(r"[^\W\d_]", first):
        return None
    return first if line_shape(first) in _running_lines(split) else None


def pages_to_text(pages: list[str]) -> str:
    """Join the pages' text into paragraphs: running headers/footers and page numbers dropped,
    words hyphenated across lines joined, lines of a paragraph run together."""
    split = _page_lines(pages)
    running = _running_lines([[line for line in lines if line.strip()] for lines in split])
    kept: list[str] = []
    for lines in split:
        content = [i for i, line in enumerate(lines) if line.strip()]
        edges = {*content[:_EDGE_LINES], *content[-_EDGE_LINES:]}
        for i, line in enumerate(lines):
            if i in edges and (_PAGE_NUMBER.match(line) or line_shape(line) in running):
                continue
            kept.append(line)
        kept.append("")  # a page break ends no sentence by itself; blank lines are collapsed below
    return _paragraphs(kept)


def _join_lines(lines: list[str]) -> str:
    """One paragraph from its lines; a word hyphenated across two lines is one word again."""
    text = lines[0]
    for line in lines[1:]:
        hyphenated = _LINE_END_HYPHEN.search(text) and line[:1].islower()
        text = text[:-1] + line if hyphenated else f"{text} {line}"
    return text


def _paragraphs(lines: list[str]) -> str:
    """Run the lines of each paragraph together; a short line ending a sentence ends a paragraph."""
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    typical = widths[len(widths) * 3 // 4] if widths else 0
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        short = len(line) < 0.85 * typical  # justified and ragged lines alike fill most of the width
        if short and current and _NUMBERED_HEADING.match(line) and re.search(r"[\w?]$", line):
            # A numbered section's heading starts a paragraph, whatever line came before it (a title
            # page's "tal197 at users.sf.net" had run into "1. Introduction 1.1. Version This is…").
            paragraphs.append(_join_lines(current))
            current = []
        current.append(line)
        if short and (line[-1] in _STOPS or not re.search(r"[,\w-]$", line)):
            paragraphs.append(_join_lines(current))
            current = []
        elif (
            short
            and len(current) == 1
            and (line[:1].isupper() or _NUMBERED_HEADING.match(line))
            and re.search(r"\w$", line)
        ):
            # A short line on its own, not ending a sentence: a heading; end it like a sentence.
            paragraphs.append(line + ".")
            current = []
    if current:
        paragraphs.append(_join_lines(current))
    return re.sub(r"[ \t]+", " ", "\n\n".join(paragraphs)).strip()
