"""The facts a text states, read by rules: numbers, dates, proper names and quotes (see :mod:`.facts`).

Names use light rules, not a tagger: a run of capitalised words (``Nawaz Sharif``, ``Bank of
England``, ``U.S.``) after titles (``Mr.``, ``Dr.``, ``President``) are dropped, with possessives
stripped; a capitalised word at a sentence start counts only when it is not a common word (a small
list of function words, any word the source writes in lower case, and in English the words of
``common_en.txt``, which a BPE vocabulary shows to be written in lower case more often than
capitalised). Why rules: a tagger (spaCy, stanza, flair) needs a model download per language and
hundreds of megabytes, and this check runs offline on every output sentence; capitalisation carries
the signal in Latin-script languages. It means nothing in scripts without case (Urdu, Arabic, Hindi,
Chinese), and German capitalises every noun, so names are checked only for other Latin-script
languages; numbers, dates and quotes always.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .quantities import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    ORDINALS,
    WEEKDAYS,
    DateMention,
    ascii_digits,
    find_dates,
    find_quantities,
)
from .scripts import has_cjk, word_pattern


def _words(text: str) -> list[str]:
    """A word list written as one string (easier to read and edit than a list of literals)."""
    return text.split()


KINDS = ("number", "date", "name", "quote")
# Names written in other words (keys as :func:`names` reads them): the article's "Second World War" supports
# an output's "WWII". Each group lists the forms of one name.
NAME_ALIASES: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("wwii",), ("ww2",), ("second", "world", "war"), ("world", "war", "ii"), ("world", "war", "two")),
    (("wwi",), ("ww1",), ("first", "world", "war"), ("world", "war", "i"), ("world", "war", "one"), ("great", "war")),
    (("us",), ("u", "s"), ("usa",), ("u", "s", "a"), ("united", "states"), ("america",)),
    (("uk",), ("u", "k"), ("united", "kingdom"), ("britain",), ("great", "britain")),
    (("un",), ("u", "n"), ("united", "nations")),
    (("eu",), ("e", "u"), ("european", "union")),
)
# Names are read from capitalisation only where it marks names (not German: every noun is capitalised).
NAME_LANGUAGES = frozenset(_words("en fr es it pt nl sv da no nb fi pl cs sk ro hr sl et lv lt id ms tr ca ga cy"))


STOPWORDS = frozenset(
    _words(
        "a an the and or but nor so yet if then than that this these those there here of in on at to for from "
        "by with without about into onto over under after before since until while during as is are was were "
        "be been being has have had do does did will would shall should can could may might must not no its "
        "it he she they we i you his her their our my your him them us me who whom whose which what when "
        "where why how all any both each every some many most more less few other another such also just only "
        "very too said says say according new one two up out off down again further once"
    )
)
_STARTERS = STOPWORDS | frozenset(
    _words(
        "however meanwhile today yesterday tomorrow last next now still yes former currently despite although "
        "though because even instead later earlier overall thus hence perhaps maybe please let police "
        "officials first oh"
    )
)
TITLES = frozenset(
    _words(
        "mr mrs ms miss mx dr prof sir dame lord lady president senator sen rep representative gov governor "
        "gen general col capt captain lt sgt judge justice minister prime chancellor king queen prince "
        "princess pope rev reverend father sheikh imam mayor secretary ambassador premier chairman chief vice "
        "deputy st saint coach manager detective inspector officer professor doctor mister madam"
    )
)
# Lower-case particles inside a name: "Bank of England", "Parc des Princes", "Louis van Gaal".
NAME_PARTICLES = frozenset(_words("of de des da das dos del della di du van von der den la le bin ibn al el y"))
# English endings of common words, not of names: a capitalised sentence start with one is no name.
_COMMON_ENDINGS = tuple(_words("ing ed ly ers ment ments tion tions ness ous ies ful able ible ive ity ism ists"))
_NOT_NAMES = frozenset(MONTHS["en"].split()) | frozenset(WEEKDAYS) | frozenset(MONTH_ABBREVIATIONS) | {"i"}
# After an apostrophe a name goes on only with a capital (O'Brien) or a possessive s: "Kunis'stole" (a
# space lost) is the name Kunis.
# A hyphen before a function word that ends the token is a lost space, as CNN/DM highlights write "Intermix-a
# designer store" ("Stoke-on-Trent" goes on after its "on").
_GLUED = r"-(?!(?:" + "|".join(sorted(STOPWORDS)) + r")(?![\w-]))"
# Digits inside a word are part of it ("Lesbians4Hillary", "Web3"), as the source's words are read: split there,
# "Lesbians" was a name no word of the article matched, though the article wrote the same word.
_NAME_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}|[^\W\d_][^\W_]*(?:" + _GLUED + r"[^\W\d_]+|['’](?:s(?![^\W\d_])|[^\W\d_a-z][^\W\d_]*))*['’]?"
)
# A code of a letter or two and a number ("Q3", "F1", "G20"): no name by itself (see ``names``).
_CODE = re.compile(r"[^\W\d_]{1,2}\d+")
# Initials are one word however they are written: "D.C." and "DC", "U.S." and "US", "B.B" and "B.B.", "J. K.",
# "J K" and "JK" compare as "dc", "us", "bb", "jk" (split at the stops, "Northeast DC" had no word of
# "Northeast D.C."). Capitals: with stops and no space, with a stop and a space each, or with spaces alone;
# lower case only with stops and no space ("a.m.", "e.g."), so that no two words of running text join.
_INITIALS = re.compile(
    r"(?<!\w)(?:[A-Z](?:\.[A-Z])+\.?(?!\w)|[A-Z]\.(?: [A-Z]\.)+|[A-Z](?: [A-Z](?!\w))+|[^\W\d_]\.(?:[^\W\d_]\.)+)"
)
_INITIALS_GROUP = rf"(?P<initials>{_INITIALS.pattern})"
_QUOTES = [("“", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("»", "«"), ("‹", "›"), ("「", "」"), ("『", "』")]
_QUOTE_RES = [re.compile(re.escape(a) + r"([^" + re.escape(b) + r"]{1,600}?)" + re.escape(b)) for a, b in _QUOTES]
_QUOTE_RES += [
    re.compile(r'(?<![\w"])"([^"\n]{1,600}?)"(?!\w)'),
    re.compile(r"(?<!\w)['‘](?=\w)([^'‘’\n]{1,300}?)(?<=[\w.!?,])['’](?!\w)"),
]
_ELLIPSIS = re.compile(r"\.{3}|…|\[\.\.\.\]")


@dataclass(frozen=True)
class Fact:
    """One fact of a text: ``kind`` (number, date, name, quote), ``text`` as written, ``value`` normalised.

    ``value``: a number's canonical value with its unit (``1200000000 $``, ``12.5 %``, ``46``), a date
    as ``2024-02-08`` / ``2024-02`` / ``--02-08`` / ``2024`` / ``weekday:0``, a name's words in lower
    case without titles or possessive (``nawaz sharif``), a quote's words in lower case.
    """

    kind: str
    text: str
    value: str
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)
    keys: tuple[str, ...] = field(default=(), compare=False, repr=False)
    unit: str | None = field(default=None, compare=False, repr=False)
    date: DateMention | None = field(default=None, compare=False, repr=False)
    initial: bool = field(default=False, compare=False, repr=False)
    pair: int = field(default=0, compare=False, repr=False)  # see :func:`pairing`
    role: str | None = field(default=None, compare=False, repr=False)  # see :func:`number_role`

    def describe(self) -> str:
        """How a warning names it: ``number "60"``."""
        return f'{self.kind} "{self.text}"'


def norm(word: str) -> str:
    return ascii_digits(word.lower()).replace("’", "'")


def tokens(text: str) -> list[tuple[int, str]]:
    """(start offset, normalised word) of every word (:func:`.scripts.word_pattern`); Han/kana/Hangul
    characters are one word each."""
    out: list[tuple[int, str]] = []
    for m in word_pattern(text, _INITIALS_GROUP).finditer(text):
        word = m.group(0)
        if m.group("initials"):  # matched as initials: one word, read without its stops and spaces
            word = word.replace(".", "").replace(" ", "")
        if has_cjk(word):
            out.extend((m.start() + i, norm(ch)) for i, ch in enumerate(word))
        else:
            out.append((m.start(), norm(word)))
    return out


def stem(word: str) -> str:
    # A five-letter prefix: crude, language-blind, and enough to match "signatures" with "signature".
    return word[:5]


def is_content(word: str) -> bool:
    return not word.isdigit() and word not in STOPWORDS and (len(word) > 2 or not word.isascii())


# --- extraction ----------------------------------------------------------------------------------


def numbers_and_dates(text: str, lang: str) -> list[Fact]:
    dates = find_dates(text, lang)
    out = [Fact("date", d.text, d.value, d.start, d.end, (d.value,), date=d) for d in dates]
    for q in find_quantities(text, lang):
        if any(d.start <= q.start < d.end or q.start <= d.start < q.end for d in dates):
            continue
        month = next((d for d in dates if d.end + 1 == q.start and d.month and d.day is None and d.year is None), None)
        if month is not None and text[month.end] == " " and q.unit is None and q.values[0].isdigit():
            # A month and a number the date reader took for no day ("August seven", "April 100"): a day all the
            # same, so that it is checked as a date.
            d = DateMention(month.start, q.end, text[month.start : q.end], month=month.month, day=int(q.values[0]))
            out = [f for f in out if f.date is not month]
            out.append(Fact("date", d.text, d.value, d.start, d.end, (d.value,), date=d))
            continue
        if q.year:
            d = DateMention(q.start, q.end, q.text, year=int(q.values[0]))
            out.append(Fact("date", q.text, d.value, q.start, q.end, (d.value,), date=d))
            continue
        value = q.values[0] + (f" {q.unit}" if q.unit else "")
        pair, role = pairing(text, q.start, q.end), number_role(text, q.start, q.end, lang) if not q.unit else None
        out.append(Fact("number", q.text, value, q.start, q.end, q.values, q.unit, pair=pair, role=role))
    return out


_DASH_BEFORE = re.compile(r"\d\s?[-–]\s?$")
_DASH_AFTER = re.compile(r"\s?[-–]\s?\d")
_WORD_BEFORE = re.compile(r"\d\s+(?:to|and|or)\s+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+(?:to|and|or)\s+\d", re.IGNORECASE)


def pairing(text: str, start: int, end: int) -> int:
    """Whether a number is one of a pair of numbers: 2 joined by a dash (a score, ``3-1``; a range, ``10-12``),
    1 by a word (``10 to 12``, ``3 and 1``), 0 neither."""
    before, after = text[max(0, start - 12) : start], text[end : end + 12]
    if _DASH_BEFORE.search(before) or _DASH_AFTER.match(after):
        return 2
    return 1 if _WORD_BEFORE.search(before) or _WORD_AFTER.match(after) else 0


# What a number counts, where the words around it say so (English): an age ("22-year-old", "aged 22",
# "Simmonds, 22,", "Smith (35)"), a span of years ("40 years", "a 22-year deal") or things ("42
# brothers"). Abstractive models swap them ("a 40-year-old woman" for an article's "visiting for 40
# years"), so an age is not stated by a span of years or a count, nor they by an age (``facts``).
_AGE_AFTER = re.compile(r"[\s-]years?[\s-]old\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age of)\s+$", re.IGNORECASE)
_BESIDE_NAME = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*(?:,\s|\s\()$")  # "Stephen, 42", "Smith (35)"
_APPOSITION_AFTER = re.compile(r"[,.;)]|\s(?:and|or)\b|$")
_YEARS_AFTER = re.compile(r"[\s-]years?\b(?![\s-]old)", re.IGNORECASE)
_COUNT_AFTER = re.compile(r"\s([a-z]+)\b")


def number_role(text: str, start: int, end: int, lang: str = "en") -> str | None:
    """What the number at ``text[start:end]`` counts: ``"age"``, ``"years"``, ``"count"`` (a content word in
    lower case follows it) or None where its words do not say (and in languages other than English)."""
    if lang.split("-")[0].lower() != "en":
        return None
    before, after = text[max(0, start - 40) : start], text[end : end + 20]
    short = end - start <= 3 and text[start:end].isdigit()  # an age in digits, not a year or a sum
    beside_name = short and _BESIDE_NAME.search(before)
    if _AGE_AFTER.match(after) or (short and _AGE_BEFORE.search(before)) or (beside_name and _closes(before, after)):
        return "age"
    if _YEARS_AFTER.match(after):
        return "years"
    m = _COUNT_AFTER.match(after)
    # After a name and a comma, a word may be a verb of an age left unclosed ("Guled Ali Omar, 20 arrested in…").
    return "count" if m and is_content(m.group(1)) and not beside_name else None


def _closes(before: str, after: str) -> bool:
    """Whether a number right after a name closes as the name's age: "Stephen, 42," "Bright, 50 and…",
    "Smith (35)"."""
    return after.startswith(")") if before.endswith("(") else bool(_APPOSITION_AFTER.match(after))


def _is_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    if len(before) > 1 and before[-1] in "\"'”’" and not before[-2].isspace():
        # After a closing quote: CNN/DM highlights glue sentences so ("…a chance of survival' Independent inquiry
        # found…"), and a name is a name there either way.
        return True
    before = before.rstrip("\"'“‘«„([{-–—*•").rstrip()
    return not before or (before[-1] in ".!?:;\n" and not _ends_with_title(before))


def _ends_with_title(before: str) -> bool:
    m = re.search(r"(\w+)\.$", before)
    return bool(m and m.group(1).lower() in TITLES)


def _joined_initials(keys: tuple[str, ...]) -> tuple[str, ...]:
    """A name's initials as one key, as :func:`tokens` reads them in running text ("J. K. Rowling": jk rowling)."""
    out: list[str] = []
    run = ""
    for key in (*keys, ""):
        if len(key) == 1 and key.isalpha():
            run += key
            continue
        if run:
            out.append(run)
            run = ""
        if key:
            out.append(key)
    return tuple(out)


def names(text: str, lang: str) -> list[Fact]:
    if lang.split("-")[0] not in NAME_LANGUAGES:
        return []
    out: list[Fact] = []
    run: list[re.Match[str]] = []

    def flush() -> None:
        while run and (run[-1].group(0).lower() in NAME_PARTICLES or run[-1].group(0).lower() in STOPWORDS):
            run.pop()  # "Russia No 1": a trailing function word is no part of the name
        words = list(run)
        initial = bool(words) and _is_initial(text, words[0].start())
        while words and _dropped(words[0].group(0), initial, lang.split("-")[0]):
            if not initial and len(words) > 1 and words[0].group(0) == "New":
                break  # "in New York City": a place's name, though "new" is a function word of the list
            words.pop(0)
            initial = False
        parts = [strip_possessive(norm(w.group(0))) for w in words]
        keys = _joined_initials(tuple(k for p in parts if p not in NAME_PARTICLES for _, k in tokens(p)))
        # A lone capital letter ("H") is no name, nor are lone initials ("U.S. officials": too often a paraphrase
        # of the article's "Washington"), nor a code of a letter or two and a number ("Q3", "F1": a qualifying
        # session's "Q3" stood as a rival to "Shanghai" in a sentence about a lap); initials count within one
        # ("J. K. Rowling", "Northeast D.C.").
        only = words[0].group(0) if len(words) == 1 else ""
        lone = bool(only) and bool(keys) and (len(keys[0]) == 1 or only.endswith(".") or bool(_CODE.fullmatch(only)))
        if keys and not all(k in _NOT_NAMES for k in keys) and not lone:
            start, end = words[0].start(), words[-1].end()
            value = " ".join(parts)
            out.append(Fact("name", text[start:end], value, start, end, keys, initial=initial))
        run.clear()

    for m in _NAME_TOKEN.finditer(text):
        word = m.group(0)
        gap = text[run[-1].end() : m.start()] if run else " "
        capital = word[0].isupper()
        if run and (not _joins(gap, run[-1].group(0)) or not (capital or word.lower() in NAME_PARTICLES)):
            flush()
        if capital or (run and word.lower() in NAME_PARTICLES):
            run.append(m)
        if strip_possessive(norm(word)) != norm(word):  # a possessive ends the name: "Obama's", "Jones'"
            flush()
    flush()
    return out


def _dropped(written: str, initial: bool, lang: str) -> bool:
    """Whether a capitalised word leading a name is no part of it: a title, a function word, or at a
    sentence start, a word that reads as a common one (its ending says so: Appalling, Researchers; or in
    English, the list of common words says so: Clips, Came, CLICK)."""
    word = strip_possessive(norm(written)).rstrip(".")
    if word in TITLES or word in NAME_PARTICLES or word in STOPWORDS or re.sub(r"'.*", "", word) in STOPWORDS:
        return True  # also a contraction of a function word: We're, It's
    if not initial:
        return False
    return word in _STARTERS or word.endswith(_COMMON_ENDINGS) or (lang == "en" and is_common_word(written))


@lru_cache(maxsize=1)
def _common_en() -> frozenset[str]:
    with open(Path(__file__).with_name("common_en.txt"), encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


def is_common_word(written: str) -> bool:
    """Whether an English word, as written at a sentence start, is a common word rather than a name: "Came",
    "Clips", "CLICK" are; "John", "Obama" are not (``common_en.txt``, made by ``bench/make_common_words.py``
    from the frequencies of a BPE vocabulary: the word is written in lower case more often than capitalised)."""
    words = _common_en()
    if written.isupper() and len(written) > 1:
        return written in words
    # A compound of common words ("State-backed", "Long-term") is one too.
    parts = written.split("-")
    return written[:1].isupper() and all(p.islower() and p in words for p in [parts[0].lower(), *parts[1:]])


def is_common_lower(word: str) -> bool:
    """Whether ``word``, written in lower case, is a common English word ("maintains", "and"), not a name
    a text writes in lower case ("lxml", "pypdf"): ``common_en.txt``, as :func:`is_common_word` reads it."""
    return word in _common_en() or word in STOPWORDS


def _joins(gap: str, previous: str) -> bool:
    """Whether two capitalised words are one name: only spaces between them, or the dot of a title or initial."""
    if "\n" in gap:
        return False
    return not gap.strip() or (gap.strip() == "." and (previous.lower() in TITLES or len(previous) == 1))


def strip_possessive(word: str) -> str:
    for tail in ("'s", "'"):
        if word.endswith(tail) and len(word) > len(tail) + 1:
            return word[: -len(tail)]
    return word


def _quotes(text: str) -> list[Fact]:
    spans: list[tuple[int, int, str]] = []
    for regex in _QUOTE_RES:
        spans.extend((m.start(), m.end(), m.group(1)) for m in regex.finditer(text))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[Fact] = []
    for start, end, inner in spans:
        if any(f.start <= start and end <= f.end for f in out):
            continue  # nested inside a quote already taken: the outer one is checked word for word
        # An ellipsis stays as a "..." word: the quote may skip source words there.
        pieces = [[w for _, w in tokens(piece)] for piece in _ELLIPSIS.split(inner)]
        words = tuple(w for i, piece in enumerate(pieces) for w in (["..."] if i else []) + piece)
        if words:
            out.append(Fact("quote", text[start:end], " ".join(words), start, end, words))
    return out


def extract_facts(text: str, lang: str = "en") -> list[Fact]:
    """Numbers, dates, names (Latin-script languages) and quotes of ``text``, in reading order.

    Facts inside a quote are facts too: a quote matched nearly word for word may still have one
    number changed.
    """
    facts = _quotes(text) + numbers_and_dates(text, lang) + names(text, lang)
    return sorted(facts, key=lambda f: (f.start, KINDS.index(f.kind)))


def ordinal(text: str) -> bool:
    """Whether a number is written as an ordinal (21st, third): a rank, no rival for a count."""
    words = text.lower().split()
    return bool(words) and (words[-1] in ORDINALS or bool(re.search(r"\d(?:st|nd|rd|th)$", words[-1])))
