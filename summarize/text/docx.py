"""Word documents (``.docx``): their text as Markdown, read by mammoth.

A report or a letter often comes as a Word file; it had been "a binary file, not text". mammoth (BSD,
pure Python, maintained since 2013) reads a ``.docx`` the way Word shows it: headings by
their styles, list items, links, and tracked changes as accepted (deleted words are gone); its
Markdown goes through the Markdown reader like any ``.md`` file. A title in Word's "Title" style is
the document's title, as are the file's own properties (``docProps/core.xml``: title, author,
created), which the zip holds beside the text. An old ``.doc`` file, a password-protected one (both
are OLE files, not zips) and a damaged one are one-line errors.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from ..errors import InputError

DOCX_SUFFIXES = {".docx"}
ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, and any Office file saved with a password
_MAX_PART = 50_000_000  # bytes the document's XML may unpack to (a small file that unpacks to gigabytes)
# Word's own title styles, which mammoth's default map leaves as paragraphs.
_STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p.Title => h1:fresh
p[style-name='Subtitle'] => h2:fresh
p.Subtitle => h2:fresh
"""
_CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "author": "{http://purl.org/dc/elements/1.1/}creator",
    "published": "{http://purl.org/dc/terms/}created",
}


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a Word document: a zip that holds ``word/document.xml``."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def read_docx(data: bytes, source: str) -> tuple[str, dict[str, str | None]]:
    """The Markdown of a ``.docx`` and its properties (``title``, ``author``, ``published``)."""
    import mammoth

    if data.startswith(_OLE_MAGIC):
        raise InputError(
            "is an old-format (.doc) or password-protected Word file",
            source=source,
            hint="save it as .docx without a password, or as text",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = archive.getinfo("word/document.xml")
            if part.file_size > _MAX_PART:
                raise InputError(
                    f"unpacks to more than {_MAX_PART // 1_000_000} MB of text", source=source, hint="split it first"
                )
            meta = _properties(archive)
    except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError):
        raise _damaged(source) from None
    try:
        markdown = mammoth.convert_to_markdown(io.BytesIO(data), style_map=_STYLE_MAP).value
    except Exception:  # mammoth raises what its parts' parsers raise on a malformed file, of many kinds
        raise _damaged(source) from None
    return markdown, meta


def _damaged(source: str) -> InputError:
    return InputError("is a damaged Word document", source=source, hint="open and save it again in Word")


def _properties(archive: zipfile.ZipFile) -> dict[str, str | None]:
    """The document's title, author and creation date as its file records them (None where it does not)."""
    found: dict[str, str | None] = dict.fromkeys(_CORE)
    try:
        info = archive.getinfo("docProps/core.xml")
    except KeyError:
        return found
    if info.file_size > _MAX_PART:
        return found
    root = ElementTree.fromstring(archive.read(info))
    for key, tag in _CORE.items():
        element = root.find(tag)
        text = (element.text or "").strip() if element is not None else ""
        found[key] = (text[:10] if key == "published" else text) or None
    return found
