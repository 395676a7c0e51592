"""Paragraph and sentence splitting for any language.

pysbd knows abbreviations, decimals and quotes for the languages it supports (Urdu, Chinese,
Arabic, Persian, Hindi and more); other languages fall back to punctuation rules that know
the full stops of several scripts (``. ! ? 。 ！ ？ ۔ ؟ । ။ ። ፡፡ ។ ៕``); Thai, which writes none, ends a
sentence with a space.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .continuations import CLOSE_MARKS, CLOSE_QUOTES, join_continuations, reattach_sources
from .glued import REVERENT, split_captions, split_quote_edges, split_unspaced
from .listings import LINE_END, line_list
from .markdown import LINK_TARGET, LIST_ITEM, LIST_MARKER, ORDINAL_ITEM
from .paragraphs import join_broken_sentences, join_open_brackets
from .segment import get_segmenter, segment, segment_bounded, spans, unpair_dashes
from .textsim import tokens

PYSBD_LANGUAGES = frozenset(
    [
        "en",
        "hi",
        "mr",
        "zh",
        "es",
        "am",
        "ar",
        "hy",
        "bg",
        "ur",
        "ru",
        "pl",
        "fa",
        "nl",
        "da",
        "fr",
        "my",
        "el",
        "it",
        "ja",
        "de",
        "kk",
        "sk",
    ]
)
_PARAGRAPH = re.compile(r"\n\s*\n")
_CLOSERS = re.escape(CLOSE_MARKS)
_STOP = re.compile(
    rf"[.!?]+[{_CLOSERS}]*(?=\s+\S)"  # Latin-style stops need a space after them
    # These scripts often need none; Amharic ends a sentence with "።" or, as typed, two wordspaces "፡፡";
    # Khmer with "។" (and a text with "៕"). (Urdu's "۔" between two digits: ``_rejoin_cuts``.)
    rf"|(?:[。！？؟۔।॥။።፧។៕]|፡፡)+[{_CLOSERS}]*(?=\s*\S)"
)
# Thai writes no full stop: a space between two Thai characters ends a sentence, or a clause (which is
# as short). Not before the repetition mark "ๆ" ("จริง ๆ") nor before a word that joins what follows to
# what went before (ซึ่ง/ที่ "which", และ "and", หรือ "or", เช่น "such as", โดย "by", เพื่อ "so as to",
# ว่า "that") or a verb whose subject went before (ได้, the auxiliary of a past or a passive; กล่าว
# "said"), nor after one that leads into what follows (ว่า "that", ให้ "to", คือ "is"). A piece
# shorter than THAI_MIN_CHARS ("เขาเสริมว่า", "he added that") is no sentence either.
_THAI_SPACE = re.compile(
    r"(?<=[\u0e01-\u0e5b])(?<!ว่า|ให้|คือ)\s+(?!ๆ|(?:ซึ่ง|ที่|และ|หรือ|เช่น|โดย|เพื่อ|ว่า|ได้|กล่าว))(?=[\u0e01-\u0e5b])"
)
THAI_MIN_CHARS = 20
_LEADING_CLOSER = re.compile(rf"^([{_CLOSERS}]+)(\s*)")
# Closers that never open anything; a straight quote may open the next sentence instead.
_ALWAYS_CLOSE = frozenset("”)]\u300d\u300f")


# A line longer than this (its web addresses aside) was never wrapped: editors and mail wrap prose at 72 to
# 100 characters. A block holding one is written a paragraph per line (news copied from a web page, XSum's
# articles), so each of its lines is a paragraph; joined as a soft wrap, a line without a stop (a caption,
# a table's row, a quote's last line) ran into the next one's first sentence.
UNWRAPPED_LINE = 150


def _unwrapped(lines: list[str]) -> bool:
    """Whether a block's lines are paragraphs: one runs past ``UNWRAPPED_LINE``, and at least half of its
    line breaks come where a sentence ends or a list item starts. Hard-wrapped text with one long line
    (an edited line of a Markdown list item, a long code span) breaks mid-sentence: read as paragraphs,
    a 100-line item of docs/offline-engine.md gave key points such as "…no other text of the."."""
    if not any(len(line) > UNWRAPPED_LINE and len(URL.sub("", line)) > UNWRAPPED_LINE for line in lines):
        return False
    ends = [bool(LINE_END.search(line) or LIST_ITEM.match(nxt) or _heads(line, nxt)) for line, nxt in pairwise(lines)]
    return 2 * sum(ends) >= len(ends)


def _heads(line: str, nxt: str) -> bool:
    """Whether ``line`` is a heading over an unwrapped paragraph ``nxt``: a few words with no stop,
    the paragraph one long line opening with a capital (a page's "Harbourtown" over "Harbourtown is a
    coastal town…" had been read as one sentence); in a script without case, any letter opens it (an Urdu
    essay's "متون" over its section had run into the section's first sentence)."""
    first = nxt[:1]
    return (
        len(line.split()) <= 8
        and len(nxt) > UNWRAPPED_LINE
        and (first.isupper() or (first.isalpha() and not first.islower()))
    )


# A date alone on a block's first line, over a line that opens with a capital: a diary's or a log's entry's
# heading ("20 марта" over "Я готовился к этому девять месяцев.", a Russian travel diary's, whose dates had
# opened its key points: "23 марта Мы сидим с дедом Васей…"). A day and a month's name, a month's name and a
# day, with a year or not, or a date in digits.
_DATE_LINE = re.compile(
    r"^(?:\d{1,2}\.?\s+[^\W\d_]{3,}\.?(?:\s+\d{4})?|[^\W\d_]{3,}\.?\s+\d{1,2}(?:,?\s+\d{4})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})$"
)


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, stripped, without empty ones; a block of unwrapped lines
    (``UNWRAPPED_LINE``) gives each line as a paragraph, and a date over a block's first line is one
    (``_DATE_LINE``)."""
    out: list[str] = []
    for block in _PARAGRAPH.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) > 1 and _DATE_LINE.match(lines[0]) and not lines[1][:1].islower():
            out.append(lines.pop(0))
            block = "\n".join(lines)
        if len(lines) > 1 and _unwrapped(lines):
            out.extend(_rejoin_wrapped(lines))
        elif lines:
            out.append(block.strip())
    return join_broken_sentences(join_open_brackets(out))


def _rejoin_wrapped(lines: list[str]) -> list[str]:
    """Paragraph lines with a line that goes on in lower case joined to it: a block can hold unwrapped
    lines and hard-wrapped list items (a page's "- Paths to code in modules: Once a module is part of
    your crate, you can" / "refer to code in that module…" had been cut into two)."""
    out = lines[:1]
    for line in lines[1:]:
        if not LINE_END.search(out[-1]) and not LIST_ITEM.match(line) and line[:1].islower():
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out


def _split_rules(paragraph: str) -> list[str]:
    pieces, start = [], 0
    for m in _STOP.finditer(paragraph):
        pieces.append(paragraph[start : m.end()].strip())
        start = m.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def _ruled(paragraph: str, lang: str) -> list[str]:
    """``paragraph`` cut by the punctuation rules (``_STOP``) and at stops written without their space
    (:func:`.glued.split_unspaced`)."""
    return [piece for ruled in _split_rules(paragraph) for piece in split_unspaced(ruled, lang)]


def _split_thai(paragraph: str) -> list[str]:
    """Sentences of a Thai paragraph: the stops of :func:`_split_rules`, then the spaces of
    ``_THAI_SPACE`` that leave THAI_MIN_CHARS or more on both sides."""
    out: list[str] = []
    for piece in _split_rules(paragraph):
        start = 0
        for m in _THAI_SPACE.finditer(piece):
            if m.start() - start >= THAI_MIN_CHARS and len(piece) - m.end() >= THAI_MIN_CHARS:
                out.append(piece[start : m.start()])
                start = m.end()
        out.append(piece[start:])
    return out


def _reattach_closers(sentences: list[str]) -> list[str]:
    """Move a closing quote that a splitter left at the start of a sentence back to its own."""
    out: list[str] = []
    for sent in sentences:
        # Urdu closes a quotation with "‘" (it opens one in English): after Urdu's stop it is the quote's end
        # ("…درخواست کی ہے۔‘ فوج کے…" had opened a key point with it).
        if out and out[-1].endswith(("۔", "؟")) and sent.startswith("‘"):
            out[-1] += "‘"
            sent = sent[1:].strip()
        m = _LEADING_CLOSER.match(sent)
        if out and m and not _closes_previous(m.group(1), sent[m.end(1) :], out):
            m = None
        if out and m:
            out[-1] += m.group(1)
            sent = sent[m.end() :].strip()
        if sent:
            out.append(sent)
    return out


def _closes_previous(closers: str, rest: str, before: list[str]) -> bool:
    """Whether closers at the start of a sentence (``rest`` follows them) end the previous one (``۔"`` split
    before ``"``)."""
    spaced = not rest or rest[0].isspace()
    if spaced or all(ch in _ALWAYS_CLOSE for ch in closers):
        return True
    if rest[0].isupper() or rest[0].isdigit() or (closers == "’" and rest[0].isalpha() and not rest[0].islower()):
        # A quote right before a capital or a digit opens its sentence ("…can bring. "It is…", '…with their
        # lives. "2005 offers…'): a quote of several paragraphs opens again at each one and leaves the one
        # before open. So does a "’" right before a letter of a script without capitals: Urdu opens a quote
        # with it ("…کر لیا ہے۔ ’پیگیڈا‘ نے…" had ended one sentence with "’" and opened the next with "‘").
        return False
    # An unspaced straight quote may open the next sentence instead: " closes only when the
    # paragraph so far has an unmatched one (a quote can span several sentences); ' is also an
    # apostrophe, so it cannot be counted and stays where the splitter put it.
    if "'" in closers:
        return False
    return all(sum(s.count(ch) for s in before) % 2 == 1 for ch in closers if ch == '"')


# URLs are not prose: a "?" of a query string, the "." of a domain or a "!" in a fragment never ends a
# sentence. Markdown link targets ``](url "title")``, autolinks ``<url>`` and bare URLs; a bare URL
# ends before trailing punctuation (the full stop after "see https://x.org/a.") unless a bracket
# opened inside it closes there (Wikipedia's ``/Foo_(bar)``).
_URL_CHAR = r"[^\s<>()\[\]]"
_LINK_TARGET = r"\]" + LINK_TARGET
URL = re.compile(
    _LINK_TARGET + r"|<(?:https?://|mailto:)[^>\s]+>"
    rf"|(?:https?://|www\.)(?:{_URL_CHAR}|\({_URL_CHAR}*\))*(?:[^\s<>()\[\].,;:!?'\"”’»]|\({_URL_CHAR}*\))"
)
# Titles are not sentences either: the "?" of a linked title (``[Why Rust? A primer](url)``) or of a
# Chinese book title (``《谁在招人？》``) ends nothing. A link is kept whole with its text (up to 300
# characters: longer link text may hold real sentences).
# Nor does the dot that opens a word: a domain, a file type or a framework (".museum and .aero", ".NET",
# ".js"), which pysbd cut as a sentence ("Others such as ." / "info and ." / "biz were…"). Not a capital
# before lower case: ".He said" is a full stop written before its space.
_DOT_WORD = r"(?<![^\s(\[\"'“‘])\.(?:[a-z][\w-]*|[A-Z]{2,}(?![\w-]))"
UNSPLIT = re.compile(
    r"\[[^\[\]\n]{0,300}" + _LINK_TARGET + r"|《[^《》\n]{1,80}》|〈[^〈〉\n]{1,80}〉|" + URL.pattern + "|" + _DOT_WORD
)
# One character from Unicode's supplementary private-use plane stands in for each URL or title while
# the text is split: no splitter ends a sentence inside it, and translation's own masks (U+E000 on) differ.
_URL_MASK_BASE = 0xF0000
_URL_MASKED = re.compile("[\U000f0000-\U000ffffd]")


def _mask_urls(paragraph: str) -> tuple[str, list[str]]:
    if _URL_MASKED.search(paragraph):  # the text uses these characters itself: leave it as it is
        return paragraph, []
    urls: list[str] = []

    def keep(m: re.Match[str]) -> str:
        urls.append(m.group(0))
        return chr(_URL_MASK_BASE + len(urls) - 1)

    return UNSPLIT.sub(keep, paragraph), urls


def _unmask_urls(sentence: str, urls: list[str]) -> str:
    return _URL_MASKED.sub(lambda m: urls[ord(m.group(0)) - _URL_MASK_BASE], sentence)


# A piece pysbd returns longer than this many tokens is text it could not cut: photo captions glued
# together, a list without stops, or sentences it kept together as "between quotes" because it paired
# quotes across them (a quote left open where a paragraph of a long quote ends, once the paragraph
# breaks are lost). The extractive engine scores such a piece down as a run-on. About three times a
# news sentence's length.
RUN_ON_TOKENS = 60
# A piece that ends with a digit and Urdu's full stop: maybe a decimal point cut ("6۔" of "6۔5").
_DECIMAL_CUT = re.compile(r"\d۔$")
# A part's letter or number in brackets at a piece's start (pysbd reads "(b)" as a list's item), and one
# that a comma, a semicolon, a stop or a bracket follows: no item's text after it.
_CUT_REFERENCE = re.compile(r"\(\w{1,4}\)")
_REFERENCE_NO_ITEM = re.compile(r"\(\w{1,4}\)[;,.:)]")
# A stop inside a piece, where pysbd could end a sentence.
_INNER_STOP = re.compile(rf"[.!?؟۔।॥]+[{_CLOSERS}]*\s|[。！？]+[{_CLOSERS}]*\S")
# Quote marks read as a letter (U+02BC, the modifier apostrophe): pysbd pairs none of them, and a
# closing one after a full stop starts the next piece, where _reattach_closers gives it back.
_QUOTE_MARKS = str.maketrans(dict.fromkeys("\"'‘’“”«»„", "\u02bc"))


# A quote mark and a space at a piece's start: a closing quote pysbd left there.
_PIECE_OPENS_WITH_CLOSER = re.compile(rf"[{re.escape(CLOSE_QUOTES)}]\s")


def _reread_run_on(segmenter, piece: str) -> list[str]:  # type: ignore[no-untyped-def]
    """``piece`` (over RUN_ON_TOKENS tokens, or opened by a closing quote pysbd left there) read by pysbd
    again with its quote marks hidden and its "--" unpaired, so that no pairing of them keeps sentences
    together; abbreviations and decimals still end nothing.

    Each quote mark is one character in its place, so the pieces are cut from ``piece`` at the same places."""
    masked = unpair_dashes(piece.translate(_QUOTE_MARKS))
    ends = spans(masked, segment(segmenter, masked))
    out, start = [], 0
    for end in ends:
        out.append(piece[start:end].strip())
        start = end
    out.append(piece[start:].strip())
    return [p for p in out if p]


def _split_paragraph(para: str, lang: str) -> list[str]:
    return reattach_sources(join_continuations(para, _split_pieces(para, lang)), lang)


def _split_pieces(para: str, lang: str) -> list[str]:
    if lang not in PYSBD_LANGUAGES:
        return _reattach_closers(_rejoin_cuts(_split_thai(para) if lang == "th" else _ruled(para, lang), para))
    try:
        segmenter = get_segmenter(lang)
        pieces = []
        for piece in segment_bounded(segmenter, para):
            piece = piece.strip()
            # Only a stop inside the piece can end a sentence there (captions glued without one are
            # left as they are, and not read twice: pysbd is most of the splitter's time).
            long = len(tokens(piece)) > RUN_ON_TOKENS and _INNER_STOP.search(piece)
            # A piece opening with the previous sentence's closing quote shows pysbd paired that mark with
            # the next one and read all between as a quotation, where it ends no sentence ("…in it."
            # Boro face Lisbon on Thursday. And McClaren added: "…"): read again like a run-on.
            paired_wrong = _PIECE_OPENS_WITH_CLOSER.match(piece) and _INNER_STOP.search(piece)
            pieces.extend(_reread_run_on(segmenter, piece) if long or paired_wrong else [piece])
    except Exception:  # pysbd raises on rare inputs; rules still give an answer
        pieces = _split_rules(para)
    # pysbd keeps Urdu/Chinese runs without spaces together at times; rules refine them.
    refined: list[str] = []
    reverent = lang == "en" and bool(REVERENT.search(para))
    for piece in pieces:
        if lang in {"ur", "zh", "ja", "fa", "ar", "am"}:
            refined.extend(_ruled(piece, lang))
            continue
        for part in split_quote_edges(piece):
            # Captions glued without a stop: English rules; past a picture's marker at any length, at a
            # label or an opener only where a piece is already a run-on.
            if lang == "en":
                refined.extend(split_captions(part, run_on=len(tokens(part)) > RUN_ON_TOKENS, reverent=reverent))
            else:
                refined.extend(split_unspaced(part, lang))
    return _reattach_closers(_rejoin_cuts([s for s in refined if s], para))


def _rejoin_cuts(pieces: list[str], para: str) -> list[str]:
    """``pieces`` with a number that a stop between its digits cut in two joined again: Urdu writes a
    decimal point as "۔" ("زلزلہ 6۔5 میگنی ٹیوڈ", a magnitude 6.5 earthquake, had been two sentences,
    "…زلزلہ 6۔" and "5 …"), where pysbd and the rules end a sentence. Only where ``para`` has the two
    pieces with nothing between them ("…2005۔ اس کے بعد…", with its space, is two sentences). And a
    reference to a lettered part that pysbd read as a list's item: glued to its number ("(15 U.S.C.
    6905(b)) is amended…", a bill's, had been "…6905" and "(b)) is amended…", a key point), or after a
    word with no text of an item after it ("…described in subsection (d); (2) carry out…")."""
    out: list[str] = []
    for piece in pieces:
        decimal = out and _DECIMAL_CUT.search(out[-1]) and piece[:1].isdigit()
        reference = out and _CUT_REFERENCE.match(piece) and out[-1][-1:].isalnum()
        if (decimal or reference) and out[-1] + piece in para:
            out[-1] += piece
        elif out and _REFERENCE_NO_ITEM.match(piece) and out[-1][-1:].isalpha() and f"{out[-1]} {piece}" in para:
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


# A line that starts a list item (``markdown.LIST_MARKER``).
_ITEM_LINE = re.compile(rf"\n(?=[ \t]*{LIST_MARKER}\S)")


def list_items(paragraph: str) -> list[str]:
    """``paragraph`` cut before each line that starts a list item, as CommonMark reads it: a bullet item
    always; a numbered one only as "1." or after another numbered item (else "…born in\n1990. He" would
    be a list)."""
    pieces = _ITEM_LINE.split(paragraph)
    out = pieces[:1]
    for piece in pieces[1:]:
        m = ORDINAL_ITEM.match(piece)
        if m and m.group(1) != "1" and not ORDINAL_ITEM.match(out[-1]):
            out[-1] += "\n" + piece  # a number at the start of a wrapped line, not a list
        else:
            out.append(piece)
    return out


def paragraph_sentences(text: str, lang: str = "en") -> list[list[str]]:
    """The sentences of each paragraph of ``text`` (a list item is one, and a listing's row), in reading
    order; paragraph breaks and list items always end a sentence, URLs never do."""
    out: list[list[str]] = []
    lang = (lang or "en").split("-")[0].lower()
    for block in split_paragraphs(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        # A listing written without markers (:func:`.listings.line_list`) is read row by row, as a list's items are.
        for para in lines if line_list(lines) else list_items(block):
            # A line break inside a paragraph is a soft wrap in prose, so join it.
            para, urls = _mask_urls(" ".join(para.split()))
            sentences = _split_paragraph(para, lang)
            out.append(_addresses_back([_unmask_urls(s, urls) for s in sentences] if urls else sentences))
    return out


# An address in angle brackets opening a piece belongs to the sentence before: a notice's or a
# signature's "Free Software Foundation, Inc. <https://fsf.org/>", "Jane Roe <jane@example.org>", cut
# after the abbreviation, had opened the next sentence with the address ("<https://fsf.org/> Everyone is
# permitted to copy…").
_LEADING_ADDRESS = re.compile(r"<(?:[a-z][a-z0-9+.-]*://|mailto:)?[^\s<>@]*[@/.][^\s<>]*>(?=\s+\S)", re.I)


def _addresses_back(sentences: list[str]) -> list[str]:
    if not any(s.startswith("<") for s in sentences[1:]):
        return sentences
    out = sentences[:1]
    for sentence in sentences[1:]:
        m = _LEADING_ADDRESS.match(sentence)
        if m:
            out[-1] = f"{out[-1]} {m.group(0)}"
            sentence = sentence[m.end() :].lstrip()
        out.append(sentence)
    return out


def split_sentences(text: str, lang: str = "en") -> list[str]:
    """Sentences of ``text`` in reading order (:func:`paragraph_sentences`, one list)."""
    return [sentence for para in paragraph_sentences(text, lang) for sentence in para]
