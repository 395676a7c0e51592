"""Quotation marks across sentences: which sentence opens a quotation and leaves it open, which goes on
inside one, and the closing mark a sentence shown alone needs.

News quotes several sentences with one pair of marks, and opens a long quote again at each paragraph,
closing it only at the last; a summary shows its sentences one by one, where a quotation left open
would run on over everything after it, and a sentence from inside one would read as the summary's own
words. Double quotes only: a single quote is an apostrophe as often.
"""

from __future__ import annotations

import re

# A double quote that opens a quotation: "“", or a straight one at the start or after a space, bracket,
# colon or dash, before text. Sources mix the two kinds ("“It's likely…," said Dr Livermore).
_OPENING_QUOTE = re.compile(r'“|(?<![^\s(\[{:—–-])"(?=\S)')
_DOUBLE_QUOTES = re.compile('["“”]')


def opens_quote(sentence: str) -> str:
    """The double quote mark of a quotation that opens in ``sentence`` and does not close there ("" when
    none does); an inch mark (6'4") opens nothing."""
    marks = list(_DOUBLE_QUOTES.finditer(sentence))
    if len(marks) % 2 and _OPENING_QUOTE.match(sentence, marks[-1].start()):
        return marks[-1].group()
    return ""


def quotation_marks(paragraph: list[str]) -> list[str]:
    """For each sentence of one paragraph, the quote mark of a quotation an earlier sentence opened and
    left open, which this one goes on with ("" when none): news quotes several sentences with one pair
    of marks ('"This is also a proud day. I was 18 when I broke into the big leagues…'), and a sentence
    inside such a quotation is someone's words though it shows no mark. A sentence with a mark of its
    own closes the quotation; a new paragraph starts outside any."""
    out: list[str] = []
    open_mark = ""
    for sentence in paragraph:
        if open_mark and _OPENING_QUOTE.match(sentence):
            # It opens a quotation of its own: the source left the earlier one open ('…asked for this
            # inquiry to be set up. He accepted… "But I think…'), and its mark shows already.
            open_mark = ""
        out.append(open_mark)
        if open_mark:
            if _DOUBLE_QUOTES.search(sentence):
                open_mark = ""
        else:
            open_mark = opens_quote(sentence)
    return out


# A single quote that opens a quotation: at the start or after a space, bracket, colon or dash, before a
# letter, and no elision ("'em", "'tis", "rock 'n' roll"). One that may close one: after text and before
# no letter or digit ("…enjoy.'", "Motherwell’"); an apostrophe inside a word ("I’ve") closes nothing,
# one after a plural ("the players' union") reads as a close, so such a sentence is left as it is.
_OPENING_SINGLE = re.compile(r"(?:^|(?<=[\s(\[{:—–-]))['‘](?=[^\W\d_])(?!(?:em|tis|twas|til|cause|n)\b)", re.I)
_CLOSING_SINGLE = re.compile(r"(?<=\S)['’](?![^\W_])")


def _open_single(sentence: str) -> tuple[int, str]:
    """Where a single-quoted quotation opens in ``sentence`` and does not close, and its closing mark
    ((-1, "") when none does)."""
    openings = list(_OPENING_SINGLE.finditer(sentence))
    opening = openings[-1] if openings else None
    if opening is None or _CLOSING_SINGLE.search(sentence, opening.end()):
        return -1, ""
    return opening.start(), "’" if opening.group() == "‘" else "'"


def close_quote(sentence: str) -> str:
    """``sentence`` with a closing quote at its end when a quotation opens in it and does not close: the
    source's quote goes on in its next paragraph (news reopens a long quote at each paragraph and closes
    it only at the last), and a summary shows the sentence alone, where an open quote would run on
    over everything after it. An inch mark (6'4") opens nothing. Single quotes too (the Daily Mail
    quotes with them: "‘I’ve no complaints there, so I hope…"), where one opens before a letter and no
    mark after it may close it; the quotation opened last is closed first."""
    double = opens_quote(sentence)
    closes = [(sentence.rfind(double), "”" if double == "“" else '"')] if double else []
    single_at, single = _open_single(sentence)
    if single:
        closes.append((single_at, single))
    return sentence + "".join(mark for _, mark in sorted(closes, reverse=True))
