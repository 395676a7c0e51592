"""Plain text's structure: its headings (short lines alone, as a Markdown heading names a part) and its
older "o" bullets, which the reader writes as the list items the splitter knows."""

from __future__ import annotations

import re
from collections import Counter

from .pdf import line_shape
from .sentences import split_paragraphs

# Plain text's older bullet, an indented "o" (curl's and libssh2's release notes, many GNU and man-page texts).
_O_BULLET = re.compile(r"^([ \t]+)o[ \t]+(?=\S)", re.M)


def o_bullets(text: str) -> str:
    """``text`` with its "o" bullets written as "-" where two lines or more in a row open with one at the same
    indent (lines indented deeper between them go on an item): the splitter knows "-", "*" and "•" items,
    and a list of "o" items had read as one sentence ("o adds agent forwarding support o adds OpenSSH
    Agent support on Windows o …", libssh2's release notes). A lone indented "o" may be a wrapped line's
    word (Spanish "o", "or"), so it stays."""
    lines = text.split("\n")
    marks = [_O_BULLET.match(line) for line in lines]
    listed: list[int] = []
    run: list[int] = []
    indent: str | None = None
    for i, (line, mark) in enumerate(zip([*lines, ""], [*marks, None], strict=True)):
        if mark and mark.group(1) == indent:
            run.append(i)
            continue
        if run and line.strip() and indent is not None and len(line) - len(line.lstrip()) > len(indent):
            continue  # a wrapped item's next line
        if len(run) >= 2:
            listed.extend(run)
        run, indent = ([i], mark.group(1)) if mark else ([], None)
    for i in listed:
        found = marks[i]
        assert found is not None
        lines[i] = f"{found.group(1)}-{lines[i][found.end(1) + 1 :]}"
    return "\n".join(lines)


# A console session indented under a paragraph of a plain text or a message: its first line a shell's or
# Python's prompt ("  $ >foobar" over "  $ git rev-parse foobar --" and its output, a git mailing list
# reply's, which had been its summary's first sentence), every line indented. Code, no prose.
_CONSOLE = re.compile(r"^[ \t]{2,}(?:\$|>>>|PS>|C:\\>)[ \t]")
_INDENTED = re.compile(r"^[ \t]{2,}\S")


def without_consoles(text: str) -> str:
    """``text`` without its indented console sessions (see ``_CONSOLE``); a blank line stands in."""
    if "$ " not in text and "> " not in text:  # every prompt ends so
        return text
    blocks = re.split(r"(\n[ \t]*\n)", text)
    for k in range(0, len(blocks), 2):
        rows = blocks[k].strip("\n").split("\n")
        if _CONSOLE.match(rows[0]) and all(_INDENTED.match(row) for row in rows):
            blocks[k] = ""
    return "".join(blocks)


# A page's running header or footer left in a text made from a paginated one (a court's slip opinion: "Cite as:
# 595 U. S. ____ (2021)             1", "4             RIVAS-VILLEGAS v. CORTESLUNA", "        Per Curiam",
# which had been the title and had run into sentences, "…the force Rivas-Villegas used 4 RIVAS-VILLEGAS v.
# CORTESLUNA."): a line laid out in columns (a gap of five spaces or more inside it) or centred (ten or more
# before it), of at most 80 characters, whose shape (its numbers aside: ``pdf.line_shape``) recurs
# RUNNING_LINES times or more. Prose is never laid out so.
RUNNING_LINES = 3
_LAID_OUT = re.compile(r"^(?:\S(?:.*?\S)? {5,}\S.*|[ \t]{10,}\S.*)$")


def _shape(row: str) -> str:
    return " ".join(line_shape(row).split())  # the gap's width varies with the page number's


def without_running_lines(text: str) -> str:
    """``text`` without its running headers and footers (see ``RUNNING_LINES``)."""
    rows = text.split("\n")
    laid_out = [len(row.strip()) <= 80 and bool(_LAID_OUT.match(row.rstrip())) for row in rows]
    if sum(laid_out) < RUNNING_LINES:
        return text
    shapes = Counter(_shape(row) for row, flag in zip(rows, laid_out, strict=True) if flag)
    running = {shape for shape, n in shapes.items() if n >= RUNNING_LINES}
    if not running:
        return text
    return "\n".join(row for row, flag in zip(rows, laid_out, strict=True) if not (flag and _shape(row) in running))


# A plain text's heading: a paragraph of one short line with no stop, opening with a capital or a digit.
_HEADING_WORDS = 8
_NO_STOP = re.compile(r"[\w%)]$")
# …or a longer line in headline case, every word capitalised but the small ones, as a page's links to its
# other stories copy with its text ("Man Shot at Dallas Gas Station Dies at Hospital", "'We Got Her!' Video
# Shows Dramatic Rescue of Kidnapped Girl": an NBC page's, which had been key points).
_HEADLINE_WORDS = 16
_SMALL = "a an the and or nor but of in on at to for by with from as vs via into onto over after up off per than"
_SMALL_WORDS = frozenset(_SMALL.split())
_HEADLINE_END = re.compile(r"[\w%)'’\"”!?]$")


# A book's part named by its number alone ("CHAPTER I.", "Chapter 12", "BOOK THE FIRST", "Stave One"): a
# heading, which had opened Alice's first chapter's summary ("CHAPTER I. Down the Rabbit-Hole. Alice was…").
_PART_LABEL = re.compile(
    r"^(?:CHAPTER|Chapter|BOOK|Book|PART|Part|VOLUME|Volume|STAVE|Stave|ACT|Act|SCENE|Scene)"
    r"(?: THE| the)? (?:[IVXLCDM]+|\d{1,3}|[A-Z][a-z]+|[A-Z]+)\.?$"
)


def headline_case(line: str) -> bool:
    """Whether ``line`` is written in headline case: 4 words or more that are not small ones, each
    capitalised, and no final stop."""
    words = [w.strip("'‘’\"“”()") for w in line.split()]
    words = [w for w in words if w[:1].isalpha()]
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(big) >= 4 and all(w[0].isupper() for w in big) and not line.rstrip().endswith(".")


def line_headings(text: str) -> tuple[str, ...]:
    """The headings of plain text: paragraphs of one line of at most eight words with no stop that open
    with a capital or a digit ("What we know", "Why the ferry strike mattered"), as a Markdown heading
    names a part of the text and says nothing of it. None where such lines are half the paragraphs or
    more: then they are the text (a list written without markers, verse)."""
    paragraphs = split_paragraphs(text)
    found = [
        p
        for p in paragraphs
        if "\n" not in p
        and (
            (len(p.split()) <= _HEADING_WORDS and _NO_STOP.search(p) and (p[0].isupper() or p[0].isdigit()))
            or (len(p.split()) <= _HEADLINE_WORDS and _HEADLINE_END.search(p) and headline_case(p))
            or _PART_LABEL.match(p)
        )
    ]
    # A part's label with its name on the next line ("CHAPTER I.↵Down the Rabbit-Hole"): one heading.
    found += [
        " ".join(p.split("\n"))
        for p in paragraphs
        if p.count("\n") == 1
        and _PART_LABEL.match(p.split("\n")[0].strip())
        and len(p.split("\n")[1].split()) <= _HEADING_WORDS
    ]
    return tuple(dict.fromkeys(found)) if 2 * len(found) < len(paragraphs) else ()


# A fact-check's labels, each alone on its line (Snopes': "Claim", the claim, "Rating", the verdict).
_CLAIM_LABEL = re.compile(r"^(?:the\s+)?claim\s*:?$", re.I)
_RATING_LABEL = re.compile(r"^(?:our\s+)?(?:rating|verdict|ruling)\s*:?$", re.I)
_RATING_WORDS = 4


def fact_check_claims(text: str) -> str:
    """``text`` with a fact-check's claim written as what it is, a claim under its verdict: "Claim (rated
    Unproven): “Former U.S. ambassador … has a net worth of $17 million.”". Under its label alone it had
    been the first summary sentence of a Snopes check that found no evidence for it, shown as the
    article's own statement. The text as it is where it has no such label."""
    paragraphs = split_paragraphs(text)
    if not any(_CLAIM_LABEL.match(p) for p in paragraphs):
        return text
    out: list[str] = []
    k = 0
    while k < len(paragraphs):
        para = paragraphs[k]
        if _CLAIM_LABEL.match(para) and k + 1 < len(paragraphs) and not _RATING_LABEL.match(paragraphs[k + 1]):
            claim = " ".join(paragraphs[k + 1].split())
            verdict, k = "", k + 2
            rated = k + 1 < len(paragraphs) and _RATING_LABEL.match(paragraphs[k])
            if rated and len(paragraphs[k + 1].split()) <= _RATING_WORDS:
                verdict, k = f" (rated {paragraphs[k + 1].strip().rstrip('.')})", k + 2
            out.append(f"Claim{verdict}: “{claim}”")
            continue
        out.append(para)
        k += 1
    return "\n\n".join(out)
