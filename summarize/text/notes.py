"""What a report's pages carry besides its text, once made text or Markdown (a PDF converted by a tool, a
copy from a viewer): its footnotes, each a paragraph opening with its number ("3 The requirement for IGs
to conduct audits…", "30 GAO, Freedom of Information Act: …, GAO-21-254 (Washington, D.C., Mar. 10,
2021)."), and its running footer ("Page 3 GAO-26-108653 FY 2024 Senate Office of Public Records Revolving
Fund"). A GAO testimony's summary had been closed by a footnote's reference, two of its key points were
footnotes and one of another report's its footer. They stay in the text (the faithfulness check reads
them); the extractive engine leaves them out of its candidates (:func:`page_notes`)."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from .pdf import line_shape

# A paragraph that opens with a number and a space, then its text: a footnote's form ("1 Pub. L. No.
# 109-282…", "29 5 U.S.C. § 552(a)(2)."). Up to three digits: a year opening a paragraph is no note's.
_NOTE = re.compile(r"(\d{1,3})[ \t]+\S")
# A footnote's number follows the one before by one, or by a few where a note opened mid-paragraph (a
# converter kept it in the text above); FOOTNOTE_CHAIN notes so numbered at least, and the text between
# some of them (footnotes sit at the foot of several pages), make a report's notes: a list numbered
# without its dots ("1 Preheat the oven", "2 Mix…"), one item after another, is no chain of notes.
_NOTE_STEP = 3
FOOTNOTE_CHAIN = 3
# A running footer or header: a page's number in words ("Page 3", "page 3 of 12") in a paragraph of one
# line that recurs with its numbers changed (:func:`.pdf.line_shape`, as the PDF reader finds them).
_PAGE_WORD = re.compile(r"\bpage[ \t]+\d{1,4}\b", re.I)
_FOOTER_CHARS = 160


def _footnotes(paragraphs: list[list[str]]) -> set[int]:
    """The paragraphs that are a chain of footnotes (see the notes above)."""
    found: set[int] = set()
    chain: list[tuple[int, int]] = []  # (paragraph, number)

    def close() -> None:
        runs = sum(1 for (k, _), (j, _) in pairwise(chain) if j > k + 1)
        if len(chain) >= FOOTNOTE_CHAIN and runs:
            found.update(k for k, _ in chain)

    for k, para in enumerate(paragraphs):
        m = _NOTE.match(para[0]) if para else None
        if not m:
            continue
        number = int(m.group(1))
        if chain and 0 < number - chain[-1][1] <= _NOTE_STEP:
            chain.append((k, number))
            continue
        close()
        chain = [(k, number)] if number else []
    close()
    return found


def _running_footers(paragraphs: list[list[str]]) -> set[int]:
    """The one-line paragraphs naming a page's number whose shape recurs (see the notes above)."""
    shapes = {
        k: line_shape(para[0])
        for k, para in enumerate(paragraphs)
        if len(para) == 1 and len(para[0]) <= _FOOTER_CHARS and _PAGE_WORD.search(para[0])
    }
    counts = Counter(shapes.values())
    return {k for k, shape in shapes.items() if counts[shape] >= 2}


def page_notes(paragraphs: list[list[str]]) -> set[int]:
    """The sentences (numbered through ``paragraphs``, as :func:`.sentences.paragraph_sentences` gives
    them) of a report's footnotes and its running footer."""
    notes = _footnotes(paragraphs) | _running_footers(paragraphs)
    out: set[int] = set()
    i = 0
    for k, para in enumerate(paragraphs):
        if k in notes:
            out.update(range(i, i + len(para)))
        i += len(para)
    return out
