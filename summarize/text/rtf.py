"""RTF documents (``.rtf``, or bytes that open with ``{\\rtf``): their text, by striprtf.

striprtf (BSD, pure Python, no dependencies) strips the control words and groups, decodes ``\\'xx``
escapes in the document's code page and ``\\u`` escapes, and leaves out font tables, styles and
pictures. Each ``\\par`` ends a paragraph of the text read here. Before, an RTF file was read as plain
text: its summary opened "{\\rtf1\\ansi\\deff0 {\\fonttbl …".
"""

from __future__ import annotations

import re

from ..errors import InputError

RTF_SUFFIXES = {".rtf"}
_RTF_MAGIC = b"{\\rtf"
# The code page an RTF file declares for its 8-bit escapes ("\ansicpg1252"); Windows-1252 when it names none.
_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def is_rtf(data: bytes) -> bool:
    """Whether ``data`` opens as an RTF document does."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == _RTF_MAGIC


def read_rtf(data: bytes, source: str) -> str:
    """The text of the RTF document ``data``, a paragraph a ``\\par``; one that is no RTF raises
    :class:`InputError`."""
    if not is_rtf(data):
        raise InputError(
            "is named .rtf but is not an RTF document (no {\\rtf header)",
            source=source,
            hint="if it is text, rename it to .txt",
        )
    from striprtf.striprtf import rtf_to_text

    found = _CODE_PAGE.search(data[:4096])
    encoding = f"cp{int(found.group(1))}" if found else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    # RTF is 7-bit text: its other characters come as escapes, so Latin-1 reads any byte as itself.
    text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
