"""What a text carries that is no word of its sentences: the spaces a page's markup left inside quotes
(:func:`.quotes.tidy_quote_spaces`), numbered citations in brackets, a box's label glued to the sentence it
labels, a release note's merge notes, a typesetter's break inside a word. One pass, read by the plain-text
and the Markdown reader alike."""

from __future__ import annotations

import re

from .mentions import is_common_lower
from .quotes import tidy_quote_spaces

# A study's number in brackets after a word, before a stop, a comma or the line's end: "…the most common
# eating disorder in the United States (1).", "…lower levels of ghrelin (4, 5)." (a health site's mark on
# every claim; two of them had ended a story's key points). Only where a text has marks with at least
# MIN_CITATIONS different numbers: a lone "(5)" may be a day ("a partir da tarde de hoje (5)") or a count;
# after a word, not a number: a tennis score's tie-breaks ("7-6 (5), 7-6 (7)") are the score's.
_CITATION = re.compile(r"(?<=[^\W\d_]|[%)])[ \t]+\((\d{1,3}(?:,[ \t]*\d{1,3}){0,5})\)(?=[.,;:!?]|[ \t]*$)", re.M)
MIN_CITATIONS = 3

# A box's label glued to the paragraph it heads, its line break lost: "Summary Increasing your protein
# intake has been shown…" (a health site ends each section with one). Only a label that heads two
# paragraphs or more, and a sentence after it (a word, then one in lower case): "Summary judgment was…"
# in one paragraph stays.
_BOX_LABEL = re.compile(
    r"^(?:Summary|Bottom line|The bottom line|Key takeaways?|In summary)[ \t]+(?=[A-Z][\w-]*[ \t]+[a-z])", re.M
)
MIN_LABELS = 2


# Git's release notes' note under each item of which topic branch brought it: "(merge a31cfe3283
# jk/server-supports-v2-cleanup later to maint)." (alone after its item's stop, it had been a key point).
_MERGE_NOTE = re.compile(r"[ \t]*\n?[ \t]*\(merge [0-9a-f]{7,40} [\w./+-]+(?: later to maint)?\)\.?")


# A word a typesetter broke at a hyphen, the line break since gone: "representation (fusion) and genera- tion
# of multimodal data", "unified imple- mentations" (a paper's draft, in its summary). Joined only where the
# whole is a common word: "pre- and post-war" and "short- and long-term" stay.
_BROKEN_WORD = re.compile(r"\b([a-z]{2,})- ([a-z]{2,})\b")


def _joined_broken_words(text: str) -> str:
    return _BROKEN_WORD.sub(
        lambda m: m.group(1) + m.group(2) if is_common_lower(m.group(1) + m.group(2)) else m.group(0), text
    )


# …and a word broken at a line's end in a text wrapped by hand (a Supreme Court slip opinion's "the woman's boy-
# ↵friend", "Cor-↵tesluna's left pocket", "Rivas-Ville-↵gas", which the paragraph's join had made "boy- friend",
# "Cor- tesluna"): one word where the whole is a common word or the text writes it whole elsewhere
# ("Cortesluna"), else the hyphen stays with no break ("well-↵known" is "well-known").
_LINE_BROKEN_WORD = re.compile(r"\b([^\W\d_]{2,})-[ \t]*\n[ \t]*([a-z]{2,})\b")


def _joined_line_broken_words(text: str) -> str:
    written = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}

    def join(m: re.Match[str]) -> str:
        whole = m.group(1) + m.group(2)
        return whole if whole.lower() in written or is_common_lower(whole.lower()) else f"{m.group(1)}-{m.group(2)}"

    return _LINE_BROKEN_WORD.sub(join, text)


# A space a page left before a stop or a comma after a word ("The BBC's Ireland correspondent, Chris Buckler,
# reports .", "…for head-butting Freddie Ljungberg .": XSum and BBC texts, shown so in summaries). Not before a
# decimal (".5") nor a name's dot (".NET"): only where a space or the line's end follows. And a line break
# there, where a citation that opened the line went ("…in the past year\n[@arxiv:1610.05256]. The…", a paper's,
# had read "…in the past year . The…").
_SPACE_BEFORE_STOP = re.compile(r"(?<=[^\W\d_])(?: +|[ \t]*\n[ \t]*)(?=[.,](?:[ \t]|$))", re.M)
# …and before an apostrophe that ends a word ("The details of the Senate ’s plenary session…", "isn ‘t", "Boeing
# 's 787-9"): the word is written whole again, with the curly apostrophe where a curly mark stood. Not a quote
# that opens ("getting 're-elected'").
_SPACE_BEFORE_APOSTROPHE = re.compile(r"(?<=[^\W\d_]) +([’‘'])(?=(?:s|t|re|ve|ll|d|m)(?![\w-]))")
# Brackets a copy emptied of what they held, a pronunciation or a native name ("TANZANIA (, ) officially the
# UNITED REPUBLIC OF TANZANIA (), is a country…", an encyclopedia's abstract, which had opened its summary so):
# after a space only, as a call's "parse()" is written whole; a mark alone between them is what they name ("a
# colon (:) separates…", "a comma (,)"), a mark and a space what a copy left. Empty ones only before a comma or
# a semicolon, where the name they followed goes on: Rust's unit type is "()" ("returns () on success").
_EMPTIED_BRACKETS = re.compile(r"[ \t]+\((?:[,;][ \t]+\)(?=[\s,.;:!?]|$)|[ \t]*\)(?=[,;]))")
# A Japanese photo's credit in brackets, in a headline or a caption ("…トランプ戦術の成否（写真＝ロイター）").
_PHOTO_CREDIT_JA = re.compile(r"[（(]写真[＝=:：][^（()）\n]{1,30}[)）]")


def _without_citations(text: str) -> str:
    numbers = {n.strip() for m in _CITATION.finditer(text) for n in m.group(1).split(",")}
    return _CITATION.sub("", text) if len(numbers) >= MIN_CITATIONS else text


def _without_box_labels(text: str) -> str:
    return _BOX_LABEL.sub("", text) if len(_BOX_LABEL.findall(text)) >= MIN_LABELS else text


def tidy_text(text: str) -> str:
    """``text`` without what is no word of its sentences: spaces inside quotes, numbered citations
    (``_CITATION``), a box's label glued to its paragraph (``_BOX_LABEL``), a release note's merge note
    (``_MERGE_NOTE``), brackets emptied of what they held (``_EMPTIED_BRACKETS``), a Japanese photo's
    credit (``_PHOTO_CREDIT_JA``), a space before a stop or a comma (``_SPACE_BEFORE_STOP``) or a word's
    apostrophe (``_SPACE_BEFORE_APOSTROPHE``); a word broken at a hyphen or at a line's end is joined
    again (``_BROKEN_WORD``, ``_LINE_BROKEN_WORD``)."""
    if "(merge " in text:
        text = _MERGE_NOTE.sub("", text)
    if "-\n" in text or "- \n" in text:
        text = _joined_line_broken_words(text)
    if "- " in text:
        text = _joined_broken_words(text)
    if " (" in text:
        text = _EMPTIED_BRACKETS.sub("", text)
    if "写真" in text:
        text = _PHOTO_CREDIT_JA.sub("", text)
    if " ." in text or " ," in text or "\n." in text or "\n," in text:
        text = _SPACE_BEFORE_STOP.sub("", text)
    if " '" in text or " ’" in text or " ‘" in text:
        text = _SPACE_BEFORE_APOSTROPHE.sub(lambda m: "'" if m.group(1) == "'" else "’", text)
    return tidy_quote_spaces(_without_box_labels(_without_citations(text)))
