"""A plain text's headline: the line above its story that names it, with no stop, as a page's or a
Markdown file's title does. The extractive engine reads it as the title the sentences may repeat
(:func:`headline`); the reader shows it as the document's title where it reads as one for sure
(:func:`plain_title`).
"""

from __future__ import annotations

import re

from .calls import FURNITURE_LINE
from .plain import headline_case
from .sentences import split_paragraphs
from .textsim import tokens

# A first line with no final stop and at most this many tokens is a headline (see ``headline``).
MAX_HEADLINE_TOKENS = 25
_FINAL_STOP = re.compile(r"[.!?。！？؟۔।॥။…\"'”’»)\]]$")
# A title shown as one: at most this many words, no stop nor lead-in at its end, no clock time (a stamp:
# "20 July 2016 Last updated at 08:43 BST"), opening with a capital or a digit.
_TITLE_WORDS = 15
# A release's name line: a program named in lower case and its version ("libssh2 1.10", "curl 8.5.0"), which
# opens plain-text release notes; its version is no clock time.
_RELEASE_LINE = re.compile(r"^[a-z][\w.+-]*\s+v?\d+(?:\.\d+){1,3}$")
_NO_TITLE = re.compile(r"[:;,]$|\d{1,2}[:.]\d{2}\b")
# Prose under it: a paragraph of a sentence or more.
_PROSE = re.compile(r"\S(?:\s+\S+){7,}[.!?。！？]")


def headline(text: str) -> str | None:
    """The first line of ``text`` when it reads as a headline: its own paragraph, short, no final stop but
    a question mark."""
    paragraphs = split_paragraphs(text)
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    if "\n" in first or (_FINAL_STOP.search(first) and not _question_headline(first)):
        return None
    return first if len(tokens(first)) <= MAX_HEADLINE_TOKENS else None


# A question ends many a headline ("Kebun Sawit Tanpa HGU: Masalah Administratif atau Risiko Investasi?",
# Kompas's, had opened its summary), and a writer's hook too ("Remember New Jersey's epic quest to find a state
# slogan?", "Will he be less outspoken? Will he temper…?"): one question alone, with a label's colon or in
# headline case, reads as a title.
_LABEL_COLON = re.compile(r"\S[:：]\s")


def _question_headline(line: str) -> bool:
    asked = line.rstrip().rstrip("?？؟")
    if asked == line.rstrip() or re.search(r"[.!?。！？؟…]", asked):
        return False
    return bool(_LABEL_COLON.search(asked)) or headline_case(asked)


_ADDRESS_TITLE = re.compile(r"[A-Z][^\W_]*(?:_[^\W_][^\s_]*)+")


def plain_title(text: str) -> str | None:
    """The title of plain text: its headline (:func:`headline`) once a copied page's furniture above it is
    left out ("FOR IMMEDIATE RELEASE", "Supported by"), when it reads as a title for sure: at most 15
    words, opening with a capital or a digit, no colon, comma or clock time, and prose under it; or a
    release's name line ("libssh2 1.10"). A pasted article had none (its JSON ``title`` null, its Markdown
    "Summary of <stdin>")."""
    paragraphs = split_paragraphs(text)
    while paragraphs and FURNITURE_LINE.match(paragraphs[0].strip()):
        paragraphs = paragraphs[1:]
    found = headline("\n\n".join(paragraphs[:2]))
    if found is None:
        return None
    if _RELEASE_LINE.match(found):  # release notes go on in lists as often as in prose
        return found if len(paragraphs) > 1 else None
    if not any(_PROSE.search(p) for p in paragraphs[1:4]):
        return None
    if len(found.split()) > _TITLE_WORDS or _NO_TITLE.search(found) or not (found[0].isupper() or found[0].isdigit()):
        return None
    # A title as the page's address writes it, Wikipedia's ("Dennis_Ritchie", a copied article's first line).
    return found.replace("_", " ") if _ADDRESS_TITLE.fullmatch(found) else found


def is_title_line(line: str) -> bool:
    """Whether ``line`` reads as a heading inside a text (English): 3 to 12 words, no stop nor digit, in
    headline case (:func:`.plain.headline_case`: "How to Build A Butterfly Wing"; not a newsletter item's
    "🎈🎉 Announcing Rust 1.41.0. 🎉🎈")."""
    text = line.strip()
    if not 3 <= len(text.split()) <= 12 or _FINAL_STOP.search(text) or text.endswith((":", ";", ",")):
        return False
    if any(ch.isdigit() or ch in ".!?" for ch in text):  # a version, a date, a stop inside: an item's title
        return False
    return headline_case(text)
