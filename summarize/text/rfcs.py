"""An RFC or an Internet-Draft in its plain-text form: its prose, titled by its centred title line.

Read as plain text, RFC 868's summary had opened with its header's two columns run together ("Network Working
Group J. Postel - ISI Request for Comments: 868 K. Harrenstien - SRI May 1983."), a page's running header had
been a key point ("RFC 868 May 1983 Time Protocol."), RFC 2324's summary had ended with one of its references
("[CAM] "The Trojan Room Coffee Machine", D. Gordon and M. Johnson, …"), and neither had a title. Here the
header block, each page's footer and running header, the memo's status and copyright notices, its table of
contents, references, addresses and full copyright statement go; a sentence a page break cut in two is one
again; what is left is read as any plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The header block's lines that name the series: "Request for Comments: 868", "Internet-Draft".
_SERIES = re.compile(r"^(?:Request for Comments|RFC):\s*\d+|^Internet[- ]Draft\b", re.M | re.I)
_HEADER_WITHIN = 12  # lines at the text's start the header block may take
# A page's footer ("Postel                     [Page 1]") and the form feed after it.
_FOOTER = re.compile(r"^\S.*\s\[Page \d+\]\s*$")
# A section's heading at the line's start ("Status of this Memo", "9. References", "10. Author's Address").
_SECTION = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+|[A-Z]\.\d*\s+|Appendix [A-Z]\.?\s+)?[A-Z][^\n]{0,70}$")
# Sections no reader reads for what the RFC says: notices, contents, references, addresses.
_FURNITURE = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:Status of [Tt]his Memo|Copyright Notice|Full Copyright Statement|Table of Contents"
    r"|(?:Normative |Informative )?References|Authors?(?:['’]s?)? Address(?:es)?|Intellectual Property(?: Rights)?"
    r"|IANA Considerations|Acknowledge?ments?)\s*$"
)


@dataclass(frozen=True)
class Memo:
    """The RFC's prose and its title."""

    text: str
    title: str | None


def _header_end(rows: list[str]) -> int | None:
    """The index of the blank line that ends the header block, where the text opens with one."""
    first = next((i for i, row in enumerate(rows) if row.strip()), None)
    if first is None:
        return None
    end = next((i for i in range(first, len(rows)) if not rows[i].strip()), len(rows))
    header = "\n".join(rows[first:end])
    if end - first > _HEADER_WITHIN or not _SERIES.search(header) or not re.search(r"\s{3,}\S", header):
        return None
    return end


def _title(rows: list[str], start: int) -> tuple[str | None, int]:
    """The centred title after the header (lines indented by 5 spaces or more, up to a blank line), and
    the index after it."""
    i = start
    while i < len(rows) and not rows[i].strip():
        i += 1
    title: list[str] = []
    while i < len(rows) and rows[i].strip() and rows[i].startswith("     "):
        title.append(rows[i].strip())
        i += 1
    return (" ".join(title) or None), (i if title else start)


def _without_pages(rows: list[str]) -> list[str]:
    """``rows`` without each page's footer and the next page's running header; one blank line stands for the
    page break (where it fell inside a sentence, the splitter joins the sentence a blank line broke)."""
    out: list[str] = []
    i = 0
    while i < len(rows):
        row = rows[i].replace("\f", "")
        if not _FOOTER.match(row):
            out.append(row)
            i += 1
            continue
        i += 1
        while i < len(rows) and not rows[i].replace("\f", "").strip():
            i += 1
        while i < len(rows) and rows[i].strip():  # the running header: "RFC 868   May 1983", its title
            i += 1
        while out and not out[-1].strip():
            out.pop()
        out.append("")
    return out


def _without_furniture(rows: list[str]) -> list[str]:
    out: list[str] = []
    skipping = False
    for k, row in enumerate(rows):
        heading = bool(_SECTION.match(row)) and (k == 0 or not rows[k - 1].strip())
        if heading:
            skipping = bool(_FURNITURE.match(row.strip()))
        if not skipping:
            out.append(row)
    return out


def rfc_memo(raw: str) -> Memo | None:
    """The prose of ``raw`` when ``raw`` is an RFC or an Internet-Draft in plain text; else None."""
    rows = raw.split("\n")
    end = _header_end(rows)
    if end is None:
        return None
    title, start = _title(rows, end)
    body = _without_furniture(_without_pages(rows[start:]))
    return Memo("\n".join(body).strip("\n"), title)
