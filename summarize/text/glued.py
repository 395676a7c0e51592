"""Sentences that text glues together without a stop a splitter can see, cut by rules.

News copied from web pages often comes as one line: a quote of several paragraphs loses its breaks
(pysbd then pairs quote marks across sentences and ends none between them), and photo captions are
glued to the text and to each other without a full stop. :mod:`.sentences` calls these rules on what
pysbd returns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from .mentions import NAME_PARTICLES, STOPWORDS, is_common_word

# Speech verbs (after a quote, "'Why?' Smith asked."; before a colon, "Smith said: 'We…'") tie the
# speaker to the quote, so no sentence ends or starts there.
from .quotes import SPEAKER_AFTER_QUOTE as _ATTRIBUTION
from .quotes import SPEECH_VERBS as _SPEECH
from .scripts import ARABIC_CLASS, DEVANAGARI_CLASS

# A full stop at a quote's edge, then a capital: a quote that closed and a new sentence ("…It was very
# special.’ According to Lucy…"), or a quote that opens anew ("…could not be clearer. 'Unfortunately…"),
# which is how a quote of several paragraphs reads once its paragraph breaks are lost (CNN/DM and XSum
# articles come as one line). pysbd ends no sentence between quotes it pairs, and with apostrophes and
# quotes left open it pairs the wrong ones: a key point ran 180 words over two speakers.
_QUOTE_EDGE = re.compile(r"[.!?]+(?P<close>[’'\"”»]*)\s+(?P<open>[‘'\"“«„]?)(?=[^\W\d_])")
_WORD_BEFORE_STOP = re.compile(r"(\w+)$")


def split_quote_edges(sentence: str) -> list[str]:
    """``sentence`` cut where a full stop meets a quote's edge and a capital follows (``_QUOTE_EDGE``).

    The word before a "." must be a lower-case word or a number, so "Mr. 'Big' Smith" and "U.S. "…" stay whole,
    unless a quote closes right after it ("…on 1 January." "Let us…"): only an initial stays open there.
    """
    pieces, start = [], 0
    for m in _QUOTE_EDGE.finditer(sentence):
        if not (m.group("close") or m.group("open")) or not sentence[m.end()].isupper():
            continue
        if _ATTRIBUTION.match(sentence, m.end()):
            continue
        if sentence[m.start()] == ".":
            word = _WORD_BEFORE_STOP.search(sentence, 0, m.start())
            closed = bool(m.group("close")) and word is not None and len(word.group(1)) > 1
            if not word or not (
                closed or word.group(1).isdigit() or (len(word.group(1)) > 1 and word.group(1).islower())
            ):
                continue
        cut = m.end("close") if m.group("close") else m.start("open")
        pieces.append(sentence[start:cut].strip())
        start = cut
    pieces.append(sentence[start:].strip())
    return [p for p in pieces if p]


# Photo captions glued to the text without a stop ("…in Lyon The former Lyon striker took…"; CNN/DM
# had 87 pieces over 60 words in 100 articles, 45 after these rules). A sentence starts where a
# caption's label opens ("…comedy Happy couple: Julia's husband…"), where a determiner or pronoun
# opens a clause right after a word that ends none ("…in 2012 It then emerged…"), or after a
# picture's position marker ("…Township (pictured) Silvonek's attorney said…"). Labels only in a piece
# that is already a run-on: a name after a caption (most of them) is not told apart from one inside it.
# Openers at any length, but in a sentence of normal length only after a lower-case word or a number
# and never inside a title (``_OPENER_CUT``): "Grammys On The Hill Awards" goes on.
_OPENER_WORDS = (
    "The", "A", "An", "This", "These", "Those", "Some", "Many", "Most", "His", "Her", "Their", "Its", "He", "She",
    "They", "It", "We", "In", "On", "At", "After", "But", "However", "When", "While", "As", "Despite", "During",
    "And", "Not", "If", "Then", "Yet",
)  # fmt: skip
# Also, at any length, a sentence adverb before its comma ("…to manoeuvre However, Chinese aviation
# authorities…"), a conjunction that opens a clause ("…during the festival Although the kite…") and a
# pronoun's contraction ("…growing the game It’s well-known…"), each written with a capital only where a
# sentence starts: Daily Mail captions glued so had made key points of two sentences.
_COMMA_OPENERS = r"However|Meanwhile|Instead|Nevertheless|Moreover|Furthermore|Indeed|Still|Today|Yesterday"
_CLAUSE_OPENERS = r"Although|Though|Because|Since|Whilst"  # "While" is one of _OPENER_WORDS already
_CONTRACTIONS = r"(?:It|He|She|That|There|They|We)['’](?:s|re|ve|ll|d|m)"
# "One of the…" and "Ever since…" likewise ("…were then left on the road One of the victims, flanked…"):
# 4 seams in 4 CNN/DM articles.
_MORE_OPENERS = (
    rf"(?:{_CLAUSE_OPENERS}|{_CONTRACTIONS}|Ever since) [a-z]|(?:{_COMMA_OPENERS}), "
    r"|One of (?:the|his|her|their|its|our|my|them)\b"
)
_OPENERS = "|".join(_OPENER_WORDS)
# What follows an opener where a sentence starts: a word in lower case, or an age ("…as 'finals' The
# 26-year-old has been…", the Daily Mail's way to name a player again).
_OPENED = r"(?:[a-z]|\d{1,3}-year-old\b)"
# A caption's label: a capitalised word and up to three in lower case ("Flying high", "Sullen").
_LABEL = r"[A-Z][\w'’-]*(?: [a-z][\w'’-]*){0,3}"
# An opener's next word may open a quotation ("…in a speech in 1944 The ‘special relationship’ has…"):
# 2 seams in a CNN/DM article.
_LABEL_AHEAD = rf"(?P<label>{_LABEL}): [A-Z‘'\"“]"  # a label, its colon and what it labels
_CAPTION_CUT = re.compile(rf"(?<=[a-z0-9)]) (?={_LABEL_AHEAD}|(?:{_OPENERS}) [‘'\"“]?{_OPENED}|{_MORE_OPENERS})")
# In a piece of normal length only an opener that cannot begin a name or a title inside a sentence: not
# "A"/"An" ("Patient A and…", "Serie A goals"), and not after two capitalised words, which a title
# goes on from ("…the year Don't Push It won…"). Such a seam is a caption's or a page line's end glued
# to the next sentence ("…banned from driving The brother of ex-footballer Ryan Giggs…").
# A closing quote counts as the word's end: a caption that ends with a quoted title or words ("…a Hollywood
# film dubbed ‘The First Great Escape’ The story of how…", "…the weather was 'too hot' The incident…"),
# where the title has ended, so two capitalised words before the mark are no title going on.
_CLOSING_QUOTE = "’'\"”"
_OPENER_CUT = re.compile(
    rf"(?:(?<=[a-z0-9)])|(?<=[a-z0-9][{_CLOSING_QUOTE}])) (?=(?:"
    + "|".join(w for w in _OPENER_WORDS if w not in ("A", "An"))
    + rf") [‘'\"“]?{_OPENED}|{_MORE_OPENERS})"
)
# In a piece of normal length, a caption's label only where no name or title can be read: its first word
# a common word ("…dates back some 2,000 years Global appeal: Professional kite flying teams…", "Fatal:",
# "Lengthy prison sentence:"), after a word in lower case that is no possessive ("…BBC Radio 4's Today
# programme: '…'" goes on). 13 seams in 9 CNN/DM articles, each a Daily Mail caption.
_LABEL_CUT = re.compile(rf"(?<=[a-z0-9)]) (?={_LABEL_AHEAD})")
# At any length, a quotation that opens with a capital right after a word in lower case and ends with its
# speaker ("…after serving a three-match suspension ‘When you get so close…, it hurts,’ said Rodgers.",
# "…had barricaded himself inside 'This started and ended in D.C.,' an FBI source told…"): a caption's or
# a sentence's end glued to a quoted sentence, 10 seams in 9 CNN/DM articles and 1 in a BBC one. Not after
# a word that leads into the words ("he told me 'I…,' she said", "dubbed 'The…,' he said":
# ``_opens_quotation``). An apostrophe inside a word ("I’m") does not end the quotation.
_QUOTED_WORDS = r"[A-Z](?:[^’'\"”\n]|(?<=\w)['’](?=\w)){3,300}?[,?!…]"
_QUOTE_CUT = re.compile(
    rf"(?<=[a-z0-9)]) (?=[‘'\"“]{_QUOTED_WORDS}[{_CLOSING_QUOTE}] (?:[\w'’-]+ ){{0,5}}?(?:{_SPEECH})\b)"
)
_LEADS_INTO = frozenset(["called", "dubbed", "titled", "entitled", "named", "reading", "saying", "read", "reads"])
_POSSESSIVE = re.compile(r"['’]s?$")
_TWO_CAPITALISED = re.compile(r"(?:^|\s)[A-Z][\w'’-]*\s+[A-Z][\w'’-]*$")
_SPEAKER = re.compile(r"\b(?:" + _SPEECH + r")$")
_OPENING_LABEL = re.compile(rf"({_LABEL}):\s+(?=[A-Z])")
# A label with a digit names something ("SE-0212: Compiler Version Directive was accepted."): no caption's.
_IDENTIFIER = re.compile(r"\d")
# Words before a colon that make a clause, not a label: a pronoun first ("It will be:", "One post read:",
# a question's "Who is worse: McHenry or…") or a verb last ("The question is:").
_CLAUSE = re.compile(
    r"^(?:It|He|She|They|We|I|You|This|That|These|Those|There|One|Another|Who|Whom|Whose|What|Which|Why|How"
    r"|Where)\b"
    r"|\b(?:is|are|was|were|be|been|will|would|read|reads|include|includes|including)$"
)
# Where in a photo a caption points ("left", "far right", "inset"): inside brackets, or alone between commas.
_POSITION = r"(?:(?:far |second )?(?:left|right)|centre|center|above|below|inset)"
_MARKS = rf"\((?:pictured|{_POSITION}|top|bottom|file photo|file picture|stock image|stock photo)\)"
_PICTURE_MARK = re.compile(_MARKS + r"( )(?=[A-Z])")
_MARKER = re.compile(_MARKS)
_SHOWN_MARKER = re.compile(r"\s*(?:" + _MARKS + r"|\(not pictured\))(?=[\s,.;:!?’'\"”]|$)")
# The Daily Mail's aside between commas: "Amira Abase, pictured, was one of…", "Paul Casey, pictured in
# action last month, is…", "Brianne Altice, 35, pictured here in court on Wednesday, pleaded…". Not a
# sentence's own "was pictured with the Duchess" (no comma before it). And a position alone between
# commas, or ending the sentence or a clause ("Abase Hussen, left, took his daughter Amira, right,
# to…", "…with friend Julia, 67, right"): 11 in the news sets, each a caption's.
_PICTURED_ASIDE = re.compile(rf", (?:pictured(?: [^,()\n]{{1,60}}?)?|{_POSITION}), ")
_POSITION_END = re.compile(rf", {_POSITION}(?=[.;:]|$)")
# After an age ("Altice, 35") or before a relative clause ("…, who is accused"), the aside's comma stays.
_KEEPS_COMMA_BEFORE = re.compile(r", \d{1,3}$")
_KEEPS_COMMA_AFTER = re.compile(r", (?:who|whose|which|where|when)\b")
# A ranked row of a results table: a rank ("1.", "10)"), then only capitalised words, the particles and
# joiners of names, brackets, dashes and numbers ("1. Lewis Hamilton (Britain) Mercedes 1:35.782"; a
# numbered sentence, "1. The council approved…", has words in lower case). It says nothing a sentence
# would (:func:`is_ranked_row`); glued to the sentence after it ("20. Roberto Merhi (Spain) Marussia -
# Ferrari 1:42.842 Rosberg was grim-faced afterwards.") it ends after its last number, before a capital
# and a word in lower case (``_ROW_END``).
_RANK = r"\s*\d{1,3}[.)]"
_ROW_WORD = r"(?:[A-Z(][\w()'’.&-]*|[-–]|\d[\d:.,]*|(?:" + "|".join(sorted(NAME_PARTICLES | {"and", "&"})) + r")\b)"
_RANKED_ROW = re.compile(rf"{_RANK}(?:\s+{_ROW_WORD})+\s*$")
_ROW_END = re.compile(rf"{_RANK}(?:\s+{_ROW_WORD})*?\s+\d[\d:.,]*\s+(?=[A-Z][\w'’-]*\s+[a-z])")
# A shop widget pasted with the text (the Daily Mail's "shop the look" carousel): a button after each
# product tile, "…Stripe Miniskirt at Nordstrom Visit site Finders Keepers Tightrope Skirt at Urban
# Outfitters (Now $69.99) Visit site Proving she's as thrifty…". The button stands alone as a piece
# (``split_captions``), and the tile before it is no sentence to show (:func:`is_shop_tile`).
_SHOP_BUTTON = re.compile(r"\bVisit site\b")
# A full stop with no space after it, between a word and the next sentence's first word: sentences whose
# spaces a page lost ("…Kan reported on Wednesday.The stabbing occurred…physician.Police arrested…", a
# Jerusalem Post story, which had been one summary sentence). After a word in lower case, any common word
# opens the next sentence; after a capitalised one only a word that opens most sentences: "Iterator.Element"
# is a type's name (Swift code in a newsletter), "Node.Js", "ASP.NET" are names.
_UNSPACED_STOP = re.compile(
    r"(?<![\w.])(?P<before>[A-Za-z][a-z]+|[0-9]{2,4})\.(?P<word>[A-Z](?:(?![A-Z])[^\W\d_])*)(?=\s)"
)
_OPENS_MOST = re.compile(r"The|An?|He|She|It|They|We|I|His|Her|Its|Their|This|That|These|Those|There|But|And")
# …and a closing bracket glued to such a word: "…married George A. Dixon, Jr. (1891–1956)His great-great
# granddaughter is…" (a copied Wikipedia article's paragraphs run together).
_UNSPACED_BRACKET = re.compile(rf"(?<=\))(?:{_OPENS_MOST.pattern})(?=\s)")
# A photo caption runs to about 30 tokens ("Disgraced former RBS boss Fred Goodwin (pictured) was among
# those courted by former prime minister Tony Blair."); a sentence with a picture's marker that runs
# longer is caption text glued to other text (of the 25 such summary sentences and key points on the
# news sets, the 22 over 30 tokens all were: "…Richard Attenborough (pictured) Bader was among those
# recaptured…"), where no rule sees the seam.
CAPTION_TOKENS = 30


# A text that writes a pronoun of God with a capital ("…each invokes His aid against the other", "…and that
# He gives to both North and South…", Lincoln's second inaugural) names God, the Lord… in the paragraph:
# there "He"/"His" after a word in lower case goes on with the sentence, where it had cut it in two.
REVERENT = re.compile(r"\b(?:God|Almighty|Christ|Jesus|Allah|Creator)\b|\bLord\b(?![ \t]+[A-Z])")  # not "Lord Coe"
_REVERED = re.compile(r" (?:He|His|Him|Himself)\b")


def split_captions(piece: str, run_on: bool = True, reverent: bool = False) -> list[str]:
    """``piece`` (English) cut where a glued caption or sentence starts: after a picture's position
    marker before a capital (``_PICTURE_MARK``: "…Richard Attenborough (pictured) Bader was among…") and
    after a table's ranked row (``_ROW_END``) and at a stop a page left without its space
    (``_UNSPACED_STOP``), at any length; where ``run_on`` (over the run-on
    length) at a caption's label or an opener (``_CAPTION_CUT``), else at an opener that begins no
    name or title (``_OPENER_CUT``). A label ending in a verb of speech is a speaker ("Moffat warned:
    '…'"), and nothing starts right after a function word ("of The…"); where ``reverent`` (the paragraph
    names God: ``REVERENT``), nothing at "He" or "His"."""
    cuts = {m.start(1) for m in _PICTURE_MARK.finditer(piece)}
    row = _ROW_END.match(piece)
    if row:
        cuts.add(row.end())
    for m in _SHOP_BUTTON.finditer(piece):
        cuts.update((m.start(), m.end()))
    cuts.update(m.start("word") for m in _UNSPACED_STOP.finditer(piece) if _opens_unspaced(m))
    # …after a sentence's words, not after a dateline's bracket that opens the piece ("(CNN)They may not be…").
    cuts.update(m.start() for m in _UNSPACED_BRACKET.finditer(piece) if len(piece[: m.start()].split()) >= 3)
    for m in (_CAPTION_CUT if run_on else _OPENER_CUT).finditer(piece):
        if run_on and m.group("label") and _SPEAKER.search(m.group("label")):
            continue
        if reverent and _REVERED.match(piece, m.start()):
            continue
        if not run_on and piece[m.start() - 1] not in _CLOSING_QUOTE and _TWO_CAPITALISED.search(piece, 0, m.start()):
            continue
        # A lone common word is a sentence's first, no caption's end: "Make It the Focal Point: With…", a tip's
        # title, had been cut as "Make" / "It the Focal Point: …" (a name alone is one: "Bowe" / "And as…").
        before = _word_before(piece, m.start())
        if before.lower() in STOPWORDS or (" " not in piece[: m.start()].strip() and is_common_word(before)):
            continue
        cuts.add(m.start())
    if not run_on:
        cuts.update(m.start() for m in _LABEL_CUT.finditer(piece) if _opens_caption(m.group("label"), piece, m.start()))
    cuts.update(m.start() for m in _QUOTE_CUT.finditer(piece) if _opens_quotation(piece, m.start()))
    # Nothing starts inside brackets: "[Trippy Tales: The History of 8 Hallucinogens]", Live Science's pointer,
    # had been cut at its label, "The History of 8 Hallucinogens]." a key point.
    bounds = [0, *sorted(at for at in cuts if not _inside_brackets(piece, at)), len(piece)]
    return [p for p in (piece[a:b].strip() for a, b in pairwise(bounds)) if p]


# The same seam in a language with capitals but no list of its common words here (French, German,
# Spanish, Russian, Norwegian…): after a word in lower case, or a longer one, that is no abbreviation of the
# language's (pysbd's list and ``_ABBREVIATIONS``), after a number or a closing bracket, a capitalised word
# opens the next sentence, or a dash that opens a speaker's words. Orange Sum's French articles join their
# paragraphs so ("…ont poursuivi.Le Premier ministre…", "…elle.À Perriers…": two sentences each had been one
# key point), a Spanish scrape its lines ("…(m.7).La salida…"), a Norwegian one its paragraphs ("…i
# Jåttåvågen.Anledningen er…", "…fra departementet.– Dagens produksjon…").
_UNSPACED_ANY = re.compile(
    r"(?:(?<![\w.@/#-])(?P<before>[^\W\d_]{2,}|[0-9]{2,4})|(?<=\w)\))\.(?P<dash>[–—]\s?)?"
    r"(?P<word>[^\W\d_]+)(?=\s|['’]\w)"
)
_ABBREVIATIONS = frozenset(
    {"etc", "usw", "bzw", "vgl", "ggf", "inkl", "evtl", "sog", "ca", "bspw", "resp", "cf", "prof", "dr", "nr", "str"}
)


# In Hindi, which BBC Hindi ends with ".", and in Arabic: a full stop between two words of the script, each of two
# letters or more, no dot before the first nor after the second ("…नज़र आते हैं.अमदीनेजाद की ही तरह…", BBC
# Hindi's paragraphs run together, had made one key point of two sentences; not an abbreviation's dots, "एम.के.
# गांधी", "बी.बी.सी").
_CASELESS_LETTERS = ARABIC_CLASS + DEVANAGARI_CLASS
_UNSPACED_CASELESS = re.compile(
    rf"(?<![.{_CASELESS_LETTERS}])[{_CASELESS_LETTERS}]{{2,}}\.(?P<word>[{_CASELESS_LETTERS}]{{2,}})(?![.{_CASELESS_LETTERS}])"
)


# A caption's mark that its picture is from the file, in other languages, where the caption ends and the story
# goes on with no stop (XL-Sum's BBC Urdu: "…پاؤنڈ ملے تھے (فائل فوٹو) بی بی سی اردو کے شہزاد ملک کے مطابق…",
# one summary sentence): the caption ends there, and is shown without the mark (:func:`without_picture_marks`).
_FILE_PHOTO = r"\((?:فائل\s+(?:فوٹو|تصویر)|फ़ाइल\s+फ़ोटो|फाइल\s+फोटो|صورة\s+أرشيفية|(?i:file\s+(?:photo|picture)))\)"
_FILE_PHOTO_SEAM = re.compile(rf"{_FILE_PHOTO}(?P<gap>\s+)(?=\S)")
_FILE_PHOTO_SHOWN = re.compile(rf"\s*{_FILE_PHOTO}(?=[\s.۔।]|$)")


# Hindi written with "." for its stop (BBC Hindi's): pysbd ends no Hindi sentence at ".", so a paragraph had been
# one sentence. A "." and a space between two words of the script end one, but not after an abbreviation
# ("डॉ. मनमोहन सिंह", "प्रो.") nor inside initials ("एम. के. गांधी": a dot after the word before, or after the
# word after).
_DEVANAGARI_STOP = re.compile(
    rf"(?<![.{DEVANAGARI_CLASS}])(?P<before>[{DEVANAGARI_CLASS}]{{2,}})\.\s+(?P<word>[{DEVANAGARI_CLASS}]{{2,}})(?!\.)"
)
_INITIAL_BEFORE = re.compile(r"\.\s+$")
_DEVANAGARI_ABBREVIATIONS = frozenset(
    {"डॉ", "डा", "प्रो", "श्री", "स्व", "श्रीमती", "सुश्री", "मो", "कु", "मि", "पं", "सं", "ई", "जी"}
)


def split_unspaced(piece: str, lang: str) -> list[str]:
    """``piece`` (a language other than English) cut where a full stop with no space after it ends a sentence:
    a capital after it (``_UNSPACED_ANY``; the word may be elided, "…déplorer.L'explosion…"), or in Hindi or
    Arabic a word of the script (``_UNSPACED_CASELESS``)."""
    cuts = [
        m.start("dash") if m.group("dash") else m.start("word")
        for m in _UNSPACED_ANY.finditer(piece)
        if _opens_any(m, lang)
    ]
    if "." in piece:
        cuts = sorted({*cuts, *(m.start("word") for m in _UNSPACED_CASELESS.finditer(piece))})
    if "(" in piece:
        cuts = sorted({*cuts, *(m.end("gap") for m in _FILE_PHOTO_SEAM.finditer(piece))})
    if lang in {"hi", "mr", "ne"} and ". " in piece:
        cuts = sorted({*cuts, *(m.start("word") for m in _DEVANAGARI_STOP.finditer(piece) if _ends_hindi(piece, m))})
    bounds = [0, *cuts, len(piece)]
    return [p for p in (piece[a:b].strip() for a, b in pairwise(bounds)) if p]


def _ends_hindi(piece: str, m: re.Match[str]) -> bool:
    """Whether the "." of ``m`` (``_DEVANAGARI_STOP``) ends a sentence: no abbreviation before it, and the word
    before it no initial after another one ("एम. के.")."""
    before = m.group("before")
    return before not in _DEVANAGARI_ABBREVIATIONS and not _INITIAL_BEFORE.search(piece, 0, m.start("before"))


def _opens_any(m: re.Match[str], lang: str) -> bool:
    word, before = m.group("word"), m.group("before")
    if not (word[0].isupper() and (len(word) == 1 or word[1:].islower())):
        return False
    if not before or before.isdigit():
        return True
    # A capitalised word of four letters or more is a name ending a sentence ("Jåttåvågen.") before a word of three
    # or more; a shorter one may be an abbreviation pysbd does not list or a name's part ("St.Petersburg"), a
    # shorter word a name's end ("Node.Js").
    named = len(before) >= 4 and before[1:].islower() and len(word) >= 3
    return (before.islower() or named) and before.lower() not in _abbreviations(lang)


@lru_cache(maxsize=32)
def _abbreviations(lang: str) -> frozenset[str]:
    """The abbreviations pysbd knows for ``lang`` (none for a language it lacks), with ``_ABBREVIATIONS``."""
    from pysbd.languages import LANGUAGE_CODES

    module = LANGUAGE_CODES.get(lang)
    known = getattr(getattr(module, "Abbreviation", None), "ABBREVIATIONS", ())
    return _ABBREVIATIONS | frozenset(known)


def _inside_brackets(piece: str, at: int) -> bool:
    """Whether ``at`` is inside square or round brackets opened before it in ``piece``."""
    head = piece[:at]
    return head.count("[") > head.count("]") or head.count("(") > head.count(")")


def _opens_unspaced(m: re.Match[str]) -> bool:
    word = m.group("word")
    # After a year or a count as after a word in lower case: "…as Newtowne by 1638.Located at the first…".
    # There a name opens the next sentence too ("…by foreign governments.Ritchie was also involved…", a
    # Wikipedia copy whose paragraphs ran together), but not after a lone letter or a short word ("e.g.Smith").
    before = m.group("before")
    after_word = before.islower() or before.isdigit()
    name = len(before) >= 3 and len(word) >= 3 and word[1:].islower()
    # A function word opens one after any word of three letters or more ("…a great leader like him.My beloved
    # countrymen…", a speech's transcript; "…of the 21st Century.With great acting…", a review).
    function = len(word) > 1 and word.lower() in STOPWORDS and len(before) >= 3 and not before.isupper()
    return (
        bool(_OPENS_MOST.fullmatch(word))
        or function
        or (after_word and len(word) > 1 and (is_common_word(word) or name))
    )


def _word_before(piece: str, at: int) -> str:
    return piece[piece.rfind(" ", 0, at) + 1 : at]


def _opens_quotation(piece: str, at: int) -> bool:
    """Whether the quotation at ``at`` (``_QUOTE_CUT``) starts a sentence: the word before it leads into
    no words (a function word, a verb of speech, "dubbed")."""
    before = _word_before(piece, at).lower()
    return not (before in STOPWORDS or before in _LEADS_INTO or _SPEAKER.search(before))


def _opens_caption(label: str, piece: str, at: int) -> bool:
    """Whether ``label`` (before a colon, at ``at``) opens a caption in a piece of normal length (``_LABEL_CUT``)."""
    before = _word_before(piece, at)
    if before.lower() in STOPWORDS or before[:1].isupper() or _POSSESSIVE.search(before):
        return False
    if not is_common_word(label.split()[0]):
        return False
    return not (_SPEAKER.search(label) or _CLAUSE.search(label) or _IDENTIFIER.search(label))


def is_shop_tile(sentences: Sequence[str], i: int) -> bool:
    """Whether ``sentences[i]`` is a shop widget's button or the product tile right before one."""
    return any(_SHOP_BUTTON.fullmatch(s.strip()) for s in sentences[i : i + 2])


def is_ranked_row(sentence: str) -> bool:
    """Whether ``sentence`` is a ranked row of a table (``_RANKED_ROW``), no sentence to show."""
    return bool(_RANKED_ROW.match(sentence))


def strip_caption_label(sentence: str) -> str:
    """``sentence`` without a caption's label before its first capital ("Flying high: Half of the
    kite…" is "Half of the kite…"): page furniture, not the sentence's news. Not a speaker's ("Smith
    warned: …"), nor words that make a clause ("It will be: …"), nor a label before a quote
    (a transcript's "Engineer: "Affirm…"), nor an identifier ("SE-0212: Compiler Version…")."""
    m = _OPENING_LABEL.match(sentence)
    if not m or _SPEAKER.search(m.group(1)) or _CLAUSE.search(m.group(1)) or _IDENTIFIER.search(m.group(1)):
        return sentence
    return sentence[m.end() :]


def is_glued_caption(sentence: str, n_tokens: int) -> bool:
    """Whether ``sentence`` (of ``n_tokens`` tokens) is a photo caption glued to other text: it holds a
    picture's position marker ("(pictured)", "(left)") and is longer than a caption (:data:`CAPTION_TOKENS`)."""
    return n_tokens > CAPTION_TOKENS and bool(_MARKER.search(sentence))


def without_picture_marks(sentence: str, lang: str) -> str:
    """``sentence`` without a picture's position markers ("Jamie Silvonek (left), 14, and…", "…starring
    Kenneth More (pictured)", "Abase Hussen, left, took…"): they point at a photo a summary does not
    show; in any language, a file photo's mark ("(فائل فوٹو)"), the rest English only."""
    if "(" in sentence:
        sentence = _FILE_PHOTO_SHOWN.sub("", sentence)
    if lang.split("-")[0].lower() != "en":
        return sentence
    sentence = _POSITION_END.sub("", _SHOWN_MARKER.sub("", sentence))

    def aside(m: re.Match[str]) -> str:
        # The comma after the aside goes with it unless what stands before or after needs one.
        before = _KEEPS_COMMA_BEFORE.search(sentence, 0, m.start())
        return ", " if before or _KEEPS_COMMA_AFTER.match(sentence, m.end() - 2) else " "

    return _PICTURED_ASIDE.sub(aside, sentence)
