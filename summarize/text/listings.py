"""Lists written without markers: a listing's rows, one a line ("June 9 -- Coral Sky Amphitheatre, West Palm
Beach, FL"), and where a line ends a sentence. :mod:`.sentences` reads a block of such rows row by row, and the
extractive engine leaves them out of the candidates under an article (:func:`list_rows`)."""

from __future__ import annotations

import re

# A line that ends where a sentence does: its stop, then closing marks or emoji at most.
LINE_END = re.compile(r"[.!?…:;。！？؟۔।॥։።][^\w]*$")
# …but not a teaser a page cut off after a word ("Jornet ran to summit while Vedrines, … mixed trail-running
# and...", one of The News's related headlines under its story, which had been a key point): a row among rows.
_CUT_OFF = re.compile(r"\w(?:\.{3,}|…)$")


def _row_ends(line: str) -> bool:
    return bool(LINE_END.search(line)) and not _CUT_OFF.search(line)


# A block of lines that is a list written without markers: a listing's rows ("June 9 -- Coral Sky
# Amphitheatre, West Palm Beach, FL" over "June 10 -- …", a tour's dates; "England (Group A): 10th
# appearance", a race calendar's "1a etapa: 10 de março – Interlagos"), which joined as a soft wrap had
# read as one sentence of 300 words, a key point. At least LINE_LIST_ROWS rows, each opening with a
# capital or a digit, none but the last ending in a stop (a first line may lead in with a colon), and
# ragged: wrapped prose fills its lines to about the same width (a German paragraph may open every line
# with a noun), a list's rows do not.
LINE_LIST_ROWS = 3
_RAGGED = 0.8
_FIELD_ROW = re.compile(r"[^:\n]{1,40}:[ \t]{2,}\S")
_NUMBERED_LABEL = re.compile(r"([^\W\d_][\w ]{0,30}?)[ \t]+\d{1,3}[.:)]?[ \t]*:[ \t]+\S")


# A file's checksum and its name, as sha1sum and sha256sum print them ("30c7aafaa31002ca52bc45dbd0908e63b00015dd
# git-1.7.11.7.tar.gz", a release announcement's; three such lines had read as one summary sentence): rows of
# a listing at any count.
_DIGEST_ROW = re.compile(r"(?:[0-9a-f]{32,128}|[0-9A-F]{32,128})[ \t]+\*?[^\s]+$")


def is_digest_row(line: str) -> bool:
    """Whether ``line`` is a file's checksum and its name (``_DIGEST_ROW``)."""
    return bool(_DIGEST_ROW.match(line))


def line_list(lines: list[str]) -> bool:
    """Whether ``lines`` are a listing's rows (see the notes above)."""
    if lines and all(is_digest_row(line) for line in lines):
        return True
    if len(lines) < LINE_LIST_ROWS:
        return False
    # Rows of fields padded to one width are a listing whatever their case and width (curl's "Public curl
    # releases:         254", "curl_easy_setopt() options:   304", which had read as one sentence).
    if all(_FIELD_ROW.match(line) for line in lines):
        return True
    # …and rows that each open with one label and its number before a colon ("Location 1: seed words 1-8 and
    # 9-16" over "Location 2: …", a forum question's scheme, which had read as one sentence of the summary).
    labelled = [_NUMBERED_LABEL.match(line) for line in lines]
    if all(labelled) and len({m.group(1) for m in labelled if m}) == 1:
        return True
    if not all(line[:1].isupper() or line[:1].isdigit() for line in lines):
        return False
    # The first line may lead into the list with its colon ("The Doobie Brothers 50th Anniversary Tour 2020 dates:").
    rows = lines[1:] if lines[0].endswith(":") else lines
    if len(rows) < LINE_LIST_ROWS or any(_row_ends(line) for line in rows[:-1]):
        return False
    widths = [len(line) for line in rows[:-1]]
    return min(widths) < _RAGGED * max(widths)


def list_rows(paragraphs: list[list[str]]) -> set[int]:
    """The paragraphs (as :func:`paragraph_sentences` gives them) that are rows of a list written without
    markers (``line_list``): runs of one-sentence paragraphs with no stop at their end (a sentence after
    a listing is prose, not its last row). Read on paragraphs, as a text's lines may have been written
    out as paragraphs already."""
    rows: set[int] = set()
    run: list[int] = []
    for k, para in enumerate([*paragraphs, []]):
        if len(para) == 1 and not _row_ends(para[0]):
            run.append(k)
            continue
        if line_list([paragraphs[i][0] for i in run]):
            rows.update(run)
        run = []
    return rows
