"""Where a splitter's cut ends no sentence: the piece after it goes on the one before.

pysbd (and the punctuation rules of languages it lacks) cut after every stop it cannot explain; these
rules join back what a cut left unfinished: an ordinal's dot, a title before a name, a quotation's
speaker, a standard's name ("X.509"), a numbering abbreviation, an enumeration's marker. The splitter
(:mod:`.sentences`) calls :func:`join_continuations` on each paragraph's pieces.
"""

from __future__ import annotations

import re

from .quantities import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from .quotes import ATTRIBUTION, SIGNATURE, SPEAKER_AFTER_QUOTE
from .scripts import PICTOGRAPHS

# Closing quotes and brackets that may follow a full stop and belong to the sentence.
CLOSE_QUOTES = "\"'”’»"
CLOSE_MARKS = CLOSE_QUOTES + ")]\u300d\u300f"
_CLOSERS = re.escape(CLOSE_MARKS)

# A piece that opens with a small letter goes on the sentence before it when that one ends in an
# ordinal's dot ("ve 14. minutě", "w 89. minucie", "am 3. März") or a quoted question or exclamation
# ('…düşünüyorlar?" diye merak etti', "…?" she asked); a piece with no letter or digit at all ('“', '.')
# is no sentence either. Its first word must have no capital ("iPhone sales rose" starts a sentence).
_ORDINAL_END = re.compile(r"(?<![\d.,])\d{1,3}\.$")
_QUOTED_CRY_END = re.compile(rf"[?!؟][{_CLOSERS}]+$")
# A title written before a name ends no sentence, in any language ("El Sr. Corbyn", "церкви Св. Мартина",
# "la St. Martin"): pysbd's lists lack some, and languages without pysbd had none. Only titles that
# stand before a name: "Jr." or "Co." may end a sentence.
_TITLE_END = re.compile(
    r"(?:^|(?<=[\s(\"'“‘«]))(?:Dr|Dra|Mr|Mrs|Ms|Mme|Mlle|Sr|Sra|Srta|Sto|Sta|Prof|Rev|Sen|Gov|Gen|Capt|Sgt"
    r"|St|Sv|Av|Hr|Fr|Св|Проф|Д-р|г-н|г-жа|রেভ)\.$"
)


# A quotation's attribution after its closing mark ("– brundolf on Hacker News"), a piece pysbd may cut off.
_DASHED_ATTRIBUTION = re.compile(ATTRIBUTION)

# …and a paragraph's last piece that is only a dash and a name, after a sentence's stop: who said the
# quotation the paragraph holds ("> 想象在这个世界里每个人都能自由分享所有人类知识的总和。  -- 吉米·威尔士", a
# blog's quote of Jimmy Wales, whose name alone had ended a summary as a sentence).
_SIGNED = re.compile(SIGNATURE)
_STOP_END = re.compile(r"[.!?。！？۔؟][\"”’»」』)]*$")

# Pictographs and other symbols (emoji) and the space after them, at a piece's start.
_LEADING_SYMBOLS = re.compile(rf"({PICTOGRAPHS}+)\s+")


# A standard's or codec's name, a letter, a stop and a number ("X.509", "H.264"), ends no sentence: pysbd
# read its letter as an initial and cut "Browsers check X.509" / "Certificates before they connect.".
_LETTER_NUMBER_END = re.compile(r"(?<![\w.])[A-Za-z]\.\d+$")
# An abbreviation that numbers what follows ends no sentence before its number: "Shahih Al-Jami’ no. 178"
# (an Indonesian post's source, cut as "…no." and "178]."), "au no. 10", "Art. 5", "vol. 2", "Fig. 3".
_NUMBERING_END = re.compile(r"(?<![\w.])(?:[Nn][or]s?|[Nn]º|[Aa]rt|[Vv]ol|[Ff]ig|pp?)\.$")


# An enumeration's marker inside a sentence ("means (i) the power…, or (ii) ownership…", "would (a) raise
# taxes and (b) cut…", "three parts: 1) a tax cut, 2) …"), which pysbd cuts before as a list item's.
# Cut alone, a marker opens the sentence after it ("It passed. (a) The tax cut comes first.").
# One owner of the bracketed form, which the engine's clutter trim reads too ("(a) The council must…").
ENUMERATION_MARK = r"\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)"
# …and a letter or a roman number with its closing bracket alone ("a)", "ii) The second issue…", a judgment's),
# also read by the clutter trim; and a number so ("12)").
LETTER_MARK = r"(?:[a-z]|[ivx]{1,4})\)"
_ENUMERATOR = re.compile(rf"(?:{ENUMERATION_MARK}|{LETTER_MARK}|\d{{1,2}}\))(?:\s|$)")
_ENDS_SENTENCE = re.compile(rf"[.!?…。！？][{_CLOSERS}]*$")


# A clock time's "a.m."/"p.m." before its time zone ends no sentence: "…shortly before 10 a.m. Eastern
# Time, according to…" had been cut into "…before 10 a.m." (a key point) and "Eastern Time, according…".
_CLOCK_END = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.m\.$", re.I)
_TIME_ZONE = re.compile(
    r"(?:(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii)\s+(?:(?:Standard|Daylight)\s+)?Time"
    r"|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|BST|UTC|CET|CEST|IST|JST|AEST|AEDT)\b"
)
# …nor before its date or its weekday: "…no inmate checks were made from 10:30 p.m." had been a key point,
# its "Aug. 9 to 6:30 a.m. the following morning…" cut off (USA Today's). Not a weekday's possessive, which
# opens a sentence of its own ("Monday's vote…").
# The month and weekday names are the date reader's (``quantities``).
_ABBREVIATED = "|".join(sorted((m.capitalize() for m in MONTH_ABBREVIATIONS), key=len, reverse=True))
_CLOCK_DAY = re.compile(
    rf"(?:(?:{_ABBREVIATED})\.|{'|'.join(m.capitalize() for m in MONTHS['en'].split())})\s+\d{{1,2}}\b"
    rf"|(?:{'|'.join(d.capitalize() for d in WEEKDAYS)})\b(?!['’])"
)


def goes_on(before: str, piece: str) -> bool:
    if not any(ch.isalnum() for ch in piece):
        return True
    # A piece that opens with a comma or a semicolon goes on the sentence before: "…para reclamar el
    # dinero.; y si la empresa se niega…" (a Mexican paper's) had given a key point opening "; y si…".
    if piece[0] in ",;،؛":
        return True
    if _ENUMERATOR.match(piece) and not _ENDS_SENTENCE.search(before):
        return True
    if _LETTER_NUMBER_END.search(before) or (_NUMBERING_END.search(before) and piece[0].isdigit()):
        return True
    if _CLOCK_END.search(before) and (_TIME_ZONE.match(piece) or _CLOCK_DAY.match(piece)):
        return True
    if _DASHED_ATTRIBUTION.match(piece) and before.endswith(("”", '"', "’", "'", "»")):
        return True  # who said a quotation: '“…pick a color.” – /u/someboddy on /r/rust'

    if _QUOTED_CRY_END.search(before) and (m := SPEAKER_AFTER_QUOTE.match(piece)) and piece[m.end() :][:1] != ":":
        # '“…for the people of Kentucky!” Trump tweeted before Election Day.'; not 'He said: "We need…"',
        # which leads into a quotation of its own
        return True
    if _TITLE_END.search(before) and not piece[0].islower():  # a name: a capital, or a script without case
        return True
    word = piece.split(maxsplit=1)[0]
    if not word[0].islower() or any(ch.isupper() for ch in word):
        return False
    return bool(_ORDINAL_END.search(before) or _QUOTED_CRY_END.search(before))


def join_continuations(para: str, pieces: list[str]) -> list[str]:
    """``pieces`` of ``para`` with each that goes on the one before (:func:`goes_on`) joined to it, as
    ``para`` writes the two."""
    out: list[tuple[int, int]] = []
    pos, changed = 0, False
    for k, piece in enumerate(pieces):
        at = para.find(piece, pos)
        if at < 0:  # a splitter rewrote it: nothing to join by
            return pieces
        pos = at + len(piece)
        # A macro's "!" ends nothing: "println!(…)", "vec![…]" (Rust newsletters), glued to its bracket.
        macro = bool(out) and at == out[-1][1] and para[at - 1] == "!" and piece[0] in "([{"
        before = para[out[-1][0] : out[-1][1]] if out else ""
        signed = k == len(pieces) - 1 and _SIGNED.fullmatch(piece) and _STOP_END.search(before)
        if out and (macro or signed or goes_on(before, piece) or _ENUMERATOR.fullmatch(before)):
            out[-1], changed = (out[-1][0], pos), True
            continue
        if out and (m := _LEADING_SYMBOLS.match(piece)) and m.end() < len(piece):
            # Emoji after a stop end the sentence they follow ("Hi! 👋 This week…"), not open the next.
            out[-1], at, changed = (out[-1][0], at + len(m.group(1))), at + m.end(), True
        out.append((at, pos))
    return [para[a:b] for a, b in out] if changed else pieces


# A source in brackets after a sentence's stop, before the next sentence: Urdu and Arabic writing cites a
# verse or a book so ("…ہمت بڑھاتے تھے۔ (البدایہ وا لنھایہ، ابنِ کثیر، ج۳، ص ۲۷۴) ایک اور غزوہ میں…", an essay
# in the Makhzan corpus, whose key points had opened with another sentence's source). No stop inside it.
_CITED_SOURCE = re.compile(r"[(（][^()（）.!?۔؟\n]{1,80}[)）][ \t]+(?=\S)")


def reattach_sources(pieces: list[str], lang: str) -> list[str]:
    """``pieces`` (Urdu, Arabic, Persian) with a source in brackets that opens a piece given back to the
    sentence before it, which it cites (see ``_CITED_SOURCE``); other languages as they are."""
    if lang not in ("ur", "ar", "fa"):
        return pieces
    out: list[str] = []
    for piece in pieces:
        m = _CITED_SOURCE.match(piece)
        if out and m and _STOP_END.search(out[-1]) and piece[m.end() :].strip():
            out[-1] += " " + piece[: m.end()].rstrip()
            piece = piece[m.end() :]
        out.append(piece)
    return out
