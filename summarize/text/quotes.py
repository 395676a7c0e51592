"""Quotation marks across sentences: which sentence opens a quotation and leaves it open, which goes on
inside one, and the closing mark a sentence shown alone needs.

News quotes several sentences with one pair of marks, and opens a long quote again at each paragraph,
closing it only at the last; a summary shows its sentences one by one, where a quotation left open
would run on over everything after it, and a sentence from inside one would read as the summary's own
words. Double quotes only: a single quote is an apostrophe as often.
"""

from __future__ import annotations

import re

from .scripts import ARABIC_CLASS, HANGUL_CLASS

# A double quote that opens a quotation: "“", or a straight one at the start or after a space, bracket,
# colon or dash, before text. Sources mix the two kinds ("“It's likely…," said Dr Livermore).
_OPENING_QUOTE = re.compile(r'“|(?<![^\s(\[{:—–-])"(?=\S)')
_DOUBLE_QUOTES = re.compile('["“”]')


# German, Czech and others open a quotation low and close it high: „So“. There "“" closes.
_LOW_QUOTES = re.compile("[„“”]")


def opens_quote(sentence: str) -> str:
    """The double quote mark of a quotation that opens in ``sentence`` and does not close there ("" when
    none does); an inch mark (6'4") opens nothing. A sentence that quotes as German does („…“) is read
    mark by mark: its "“" closes what its "„" opened (a summary had shown "„Das ist … zu wenig“, sagte
    Dr. Anna Brandt.”", a closing mark added to a quotation that had closed)."""
    if "„" in sentence:
        state = ""
        for mark in _LOW_QUOTES.finditer(sentence):
            state = "" if state else ("„" if mark.group() == "„" else "")
        return state
    marks = list(_DOUBLE_QUOTES.finditer(sentence))
    if len(marks) % 2 and _OPENING_QUOTE.match(sentence, marks[-1].start()):
        return marks[-1].group()
    return ""


def _closes_quotation(sentence: str) -> bool:
    """Whether ``sentence``, inside a quotation an earlier sentence opened, closes it: any double mark of
    its own does (see :func:`quotation_marks`)."""
    return bool(_DOUBLE_QUOTES.search(sentence))


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
            if _closes_quotation(sentence):
                open_mark = ""
        else:
            open_mark = opens_quote(sentence)
    return out


# A single quote that opens a quotation: at the start or after a space, bracket, colon or dash, before a
# letter, and no elision ("'em", "'tis", "rock 'n' roll") nor a word's ending cut off by a stray space
# ("Boeing 's 787-9 jets", "isn ‘t": a CNBC story's summary had gained a closing "'"). One that may close
# one: after text and before no letter or digit ("…enjoy.'", "Motherwell’"); an apostrophe inside a word
# ("I’ve") closes nothing, one after a plural ("the players' union") reads as a close, so such a sentence
# is left as it is. Not before a letter of the Arabic script: Urdu opens a quotation with "’" and closes it
# with "‘" (BBC Urdu's "’یہ ایک شاندار میچ تھا‘"), and its papers set "‘" as a comma ("نوواک ‘نیشی کوری",
# "Novak, Nishikori", a headline that had gained a closing "’").
_OPENING_SINGLE = re.compile(
    rf"(?:^|(?<=[\s(\[{{:—–-]))['‘](?=[^\W\d_])(?![{ARABIC_CLASS}])"
    r"(?!(?:em|tis|twas|til|cause|n|s|t|re|ve|ll|d|m)\b)",
    re.I,
)
# Korean sets a particle right after a closing mark ("‘리벤지’의 성격", "‘리벤지’ of"): a curly one closes there.
_CLOSING_SINGLE = re.compile(rf"(?<=\S)['’](?![^\W_])|(?<=\S)’(?=[{HANGUL_CLASS}])")


def _open_single(sentence: str) -> tuple[int, str]:
    """Where a single-quoted quotation opens in ``sentence`` and does not close, and its closing mark
    ((-1, "") when none does)."""
    openings = list(_OPENING_SINGLE.finditer(sentence))
    opening = openings[-1] if openings else None
    if opening is None or _CLOSING_SINGLE.search(sentence, opening.end()):
        return -1, ""
    return opening.start(), "’" if opening.group() == "‘" else "'"


# Any opening double mark: those of _OPENING_QUOTE, and the guillemet and the low mark of other languages.
_OPENING_DOUBLE_ANY = re.compile("«|„|" + _OPENING_QUOTE.pattern)
_CLOSING_DOUBLE_ANY = re.compile(r'["”»“]')


def _inside_double(sentence: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a double-quoted span of ``sentence`` that closes."""
    i = 0
    while (opening := _OPENING_DOUBLE_ANY.search(sentence, i)) is not None:
        closing = _CLOSING_DOUBLE_ANY.search(sentence, opening.end())
        if closing is None:
            return False
        if opening.start() < pos < closing.start():
            return True
        i = closing.end()
    return False


def close_quote(sentence: str) -> str:
    """``sentence`` with a closing quote at its end when a quotation opens in it and does not close: the
    source's quote goes on in its next paragraph (news reopens a long quote at each paragraph and closes
    it only at the last), and a summary shows the sentence alone, where an open quote would run on
    over everything after it. An inch mark (6'4") opens nothing. Single quotes too (the Daily Mail
    quotes with them: "‘I’ve no complaints there, so I hope…"), where one opens before a letter and no
    mark after it may close it; the quotation opened last is closed first."""
    double = opens_quote(sentence)
    closes = [(sentence.rfind(double), {"“": "”", "„": "“"}.get(double, '"'))] if double else []
    single_at, single = _open_single(sentence)
    # Not one inside a double-quoted quotation that closes: a quote of Rust code ("“…'static is big…”").
    if single and not _inside_double(sentence, single_at):
        closes.append((single_at, single))
    return sentence + "".join(mark for _, mark in sorted(closes, reverse=True))


# Spaces a page's markup leaves inside curly quotes ("“ Wild Rose ”", "“ Dancing with the Stars.”": a link
# inside the quotes lost its tags): an opening mark after a space or at a line's start, a closing one before
# a space, a stop or the end. A German closing “ follows its word ("„Wort“ und") and is left alone.
_SPACED_OPENING = re.compile(r"(?:(?<=\s)|^)“[ \t]+(?=\w)", re.M)
_SPACED_CLOSING = re.compile(r"(?<=[\w.,!?])[ \t]+”(?=[\s.,;:!?)]|$)", re.M)


# …and after a straight one that opens ("on CNBC's " Trading Nation" on Monday", 'In his book " Financial
# Freedom…," Sabatier shares'): a mark after a space, its words and the next mark right after a word, on
# the same line, so a mark that closes ("…,\" he said") is never read as one that opens.
_SPACED_STRAIGHT = re.compile(r'(?:(?<=\s)|^)"[ \t]+(?=[^\W\d_][^"\n]{0,150}?[\w.,!?]")', re.M)


def tidy_quote_spaces(text: str) -> str:
    """``text`` without the spaces a page's markup left inside its quotes (``_SPACED_OPENING``,
    ``_SPACED_STRAIGHT``)."""
    if '"' in text:
        text = _SPACED_STRAIGHT.sub('"', text)
    if "“" not in text and "”" not in text:
        return text
    return _SPACED_CLOSING.sub("”", _SPACED_OPENING.sub("“", text))


# Verbs that attribute speech (English): after a quote ("'Why?' Smith asked.") or before a colon ("Smith
# said: 'We…'") they tie a speaker to the quote (and :mod:`.glued` cuts no sentence there).
SPEECH_VERBS = (
    "said|says|asked|asks|added|adds|told|tells|replied|replies|wrote|writes|shouted|explained|explains|"
    "revealed|reveals|insisted|insists|claimed|claims|admitted|admits|warned|warns|stated|states|tweeted|"
    "posted|declared|announced|commented|continued|argued|noted|joked|responded|confirmed|urged|recalled|"
    "exclaimed|whispered|screamed|cried"
)
_SPEECH = frozenset(SPEECH_VERBS.split("|")) | {"say", "tell", "according"}
# A named speaker and a speech verb that open what follows a quote ("'Why?' Smith asked.", "“…!” President
# Trump tweeted before Election Day."): the quote's attribution, no new sentence. Read by :mod:`.glued` and
# the splitter (:mod:`.sentences`).
SPEAKER_AFTER_QUOTE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}(?:" + SPEECH_VERBS + r")\b")
# Who a reader cannot tell from the sentence alone: a pronoun ("…," he said).
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "one", "him", "them", "us", "me"]) | frozenset(
    ["his", "her", "their", "its", "our", "my"]
)
# Words between a speaker and the verb ("Smith has also said"), and before a speaker named after it
# ("…," said the coach): read past them.
_AUXILIARIES = frozenset(["has", "had", "have", "was", "is", "would", "will", "also", "later", "then"]) | frozenset(
    ["previously", "further", "the", "a", "an"]
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Who said a quotation, after it: a dash, then the speaker ("“…” – papaf on Hacker News", "— Jane Doe");
# "---" is no dash of this kind (a Markdown thematic break). The pattern the Markdown reader, the splitter,
# the newsletter engine and this module read an attribution by.
ATTRIBUTION = r"(?:[–—~]|--)[ \t]*[^\s~–—-]"
# A signature: a dash and a name, no stop (a quotation's "-- 吉米·威尔士", an advice column's letter's "--
# BEATEN UP IN CALIFORNIA").
SIGNATURE = ATTRIBUTION + r"[^.!?。！？\n]{0,40}"
# An attribution ends the sentence, right after the quotation's closing mark: a dash inside a sentence is
# an aside ("…involved -- my ex is Sofia Vergara…"), not a speaker.
_TRAILING_ATTRIBUTION = re.compile(r"[”\"’'»][ \t]*(" + ATTRIBUTION + r"[^”\"“‘’]{0,80})$")


def _unquoted(text: str) -> str:
    """``text`` without its quotations (double and single quotes; one left open runs to the end)."""
    out, i = [], 0
    while i < len(text):
        double = _OPENING_DOUBLE_ANY.search(text, i)
        single = _OPENING_SINGLE.search(text, i)
        opening = min((m for m in (double, single) if m), key=lambda m: m.start(), default=None)
        if opening is None:
            out.append(text[i:])
            break
        out.append(text[i : opening.start()])
        closing = (_CLOSING_DOUBLE_ANY if opening is double else _CLOSING_SINGLE).search(text, opening.end())
        if closing is None:
            break
        i = closing.end()
    return " ".join(out)


def _speaker(words: list[str], verb: int) -> str:
    """The word naming who speaks with the speech verb at ``verb``: the one before it past auxiliaries
    ("Smith has said"), or the one after it when none is before ("…," said Wendell Sotto); "according
    to X": X."""
    if words[verb].lower() == "according":
        return words[verb + 2] if verb + 2 < len(words) and words[verb + 1].lower() == "to" else ""
    j = verb - 1
    while j >= 0 and words[j].lower() in _AUXILIARIES:
        j -= 1
    if j >= 0:
        return words[j]
    j = verb + 1
    while j < len(words) and words[j].lower() in _AUXILIARIES:
        j += 1
    return words[j] if j < len(words) else ""


def trailing_attribution(sentence: str) -> str:
    """Who said the quotation that ``sentence`` ends with, as written after its closing mark ("– papaf on
    Hacker News" of "“…” – papaf on Hacker News"); "" when none is."""
    m = _TRAILING_ATTRIBUTION.search(sentence.rstrip())
    return m.group(1) if m else ""


def quotation_speakers(paragraph: list[str], marks: list[str] | None = None) -> list[str]:
    """For each sentence of one paragraph that opens a quotation or goes on inside one without closing it,
    the attribution written after that quotation's closing mark ("– brundolf on Hacker News" of "“Rust is
    funny… inconvenient.” – brundolf on Hacker News"); "" for the others, the closing sentence among them
    (it shows its own). ``marks``: :func:`quotation_marks` of the paragraph, when already at hand. A
    sentence shown alone from such a quotation is closed (:func:`close_quote`) and reads as nobody's
    words without it."""
    marks = quotation_marks(paragraph) if marks is None else marks
    out = [""] * len(paragraph)
    ahead = ""  # the attribution of the quotation the sentence after this one goes on with
    # From the end, so that a quotation left open over a long paragraph is read once, not once a sentence.
    for i in range(len(paragraph) - 1, -1, -1):
        closes = bool(marks[i]) and _closes_quotation(paragraph[i])
        if not closes and i + 1 < len(paragraph) and marks[i + 1]:
            out[i] = ahead  # it opens the quotation the next sentence goes on with, or goes on with it too
        if closes:
            ahead = trailing_attribution(paragraph[i])
        elif not marks[i]:
            ahead = ""
    return out


def names_no_speaker(sentence: str, open_mark: str = "", lang: str = "en") -> bool:
    """Whether ``sentence`` is someone's words without saying whose: it quotes (starts with a quote mark,
    or goes on inside a quotation an earlier sentence opened: ``open_mark``) and no speech verb outside
    its quotes has a speaker other than a pronoun ("They just played better than us." and "…," he said
    do not say who speaks; "…," said Wendell Sotto and "Mr Kemp said: '…'" do). English only (its speech
    verbs); other languages: never."""
    if lang.split("-")[0].lower() != "en":
        return False
    text = open_mark + sentence.strip()
    if not text or text[0] not in "\"'“‘«„":
        return False
    if trailing_attribution(text):  # "“…” – papaf on Hacker News": a quote's attribution line
        return False
    words = _WORD.findall(_unquoted(text))
    for k, word in enumerate(words):
        if word.lower() in _SPEECH:
            speaker = _speaker(words, k).lower()
            if speaker and speaker not in _PRONOUNS:
                return False
    return True
