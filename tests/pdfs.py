"""Small PDFs made at test time with pypdf (no binary files in the repository)."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(
    pages: list[list[str]],
    *,
    user_password: str | None = None,
    metadata: dict[str, str] | None = None,
) -> bytes:
    """A PDF whose pages hold ``pages`` as lines of Helvetica text (an empty list: a page with a
    filled rectangle and no text, as a scan looks to a text extractor)."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        if lines:
            shown = " T* ".join(f"({_escape(line)}) Tj" for line in lines)
            ops = f"BT /F1 10 Tf 13 TL 60 760 Td {shown} ET"
        else:
            ops = "0.2 0.2 0.2 rg 60 60 480 660 re f"
        stream = DecodedStreamObject()
        stream.set_data(ops.encode("latin-1"))
        page.replace_contents(stream)
    if metadata:
        writer.add_metadata(metadata)
    if user_password is not None:
        writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
