"""Facts a summary states (numbers, dates, proper names, quotes) and whether its source supports them.

A fact is *supported* when the source states the same value (``46`` = ``forty-six`` = ``۴۶``; ``$1.2
billion`` = ``1.2bn dollars``; ``Feb. 8, 2024`` = ``2024-02-08``; a name in another case form or with a
possessive; a quote word for word, give or take punctuation) **in a similar context**: the content
words around the fact in the output sentence must be found near one of the source's mentions of it.
The context test is what catches a number or name swapped for another one from the same article
("46 signatures" written as "60 signatures" when the article's 60 belongs to "a 60-member one").

Names use light rules, not a tagger: a run of capitalised words (``Nawaz Sharif``, ``Bank of
England``, ``U.S.``) after titles (``Mr.``, ``Dr.``, ``President``) are dropped, with possessives
stripped; a capitalised word at a sentence start counts only when it is not a common word (a small
list of function words, and any word the source writes in lower case). Why rules: a tagger (spaCy,
stanza, flair) needs a model download per language and hundreds of megabytes, and this check runs
offline on every output sentence; capitalisation carries the signal in Latin-script languages. It
means nothing in scripts without case (Urdu, Arabic, Hindi, Chinese), and German capitalises every
noun, so names are checked only for other Latin-script languages; numbers, dates and quotes always.

Measured with ``bench/eval_faithfulness.py`` (recall on swapped facts, false alarms on references).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from .quantities import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, DateMention, ascii_digits, find_dates, find_quantities
from .sentences import split_sentences


def _words(text: str) -> list[str]:
    """A word list written as one string (easier to read and edit than a list of literals)."""
    return text.split()


KINDS = ("number", "date", "name", "quote")
# Names are read from capitalisation only where it marks names (not German: every noun is capitalised).
NAME_LANGUAGES = frozenset(_words("en fr es it pt nl sv da no nb fi pl cs sk ro hr sl et lv lt id ms tr ca ga cy"))

# A fact found in the source must also be stated in a similar context. Either test suffices: MIN_LOCAL
# of the content words up to CONTEXT_WORDS either side of it in the output are within SOURCE_WINDOW
# words of a source mention, or the source sentence holding it matches the output sentence at least
# MIN_RELEVANCE as well as the best-matching source sentence does (idf-weighted shared words).
# Tuned on CNN/DM only (bench/eval_faithfulness.py), for few false alarms rather than high recall.
CONTEXT_WORDS = 4
SOURCE_WINDOW = 6
MIN_LOCAL = 0.2
MIN_RELEVANCE = 0.34

_STOPWORDS = frozenset(
    _words(
        "a an the and or but nor so yet if then than that this these those there here of in on at to for from "
        "by with without about into onto over under after before since until while during as is are was were "
        "be been being has have had do does did will would shall should can could may might must not no its "
        "it he she they we i you his her their our my your him them us me who whom whose which what when "
        "where why how all any both each every some many most more less few other another such also just only "
        "very too said says say according new one two up out off down again further once"
    )
)
_STARTERS = _STOPWORDS | frozenset(
    _words(
        "however meanwhile today yesterday tomorrow last next now still yes former currently despite although "
        "though because even instead later earlier overall thus hence perhaps maybe please let police "
        "officials"
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
_CONNECTORS = frozenset(_words("of de da del della di du van von der den la le bin ibn al el y"))
# English endings of common words, not of names: a capitalised sentence start with one is no name.
_COMMON_ENDINGS = tuple(_words("ing ed ly ers ment ments tion tions ness ous ies ful able ible ive ity ism ists"))
_NOT_NAMES = frozenset(MONTHS["en"].split()) | frozenset(WEEKDAYS) | frozenset(MONTH_ABBREVIATIONS) | {"i"}
_NAME_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*['’]?")
_WORD = re.compile(r"\w+")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_QUOTES = [("“", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("»", "«"), ("‹", "›"), ("「", "」"), ("『", "』")]
_QUOTE_RES = [re.compile(re.escape(a) + r"([^" + re.escape(b) + r"]{1,600}?)" + re.escape(b)) for a, b in _QUOTES]
_QUOTE_RES += [
    re.compile(r'(?<![\w"])"([^"\n]{1,600}?)"(?!\w)'),
    re.compile(r"(?<!\w)['‘](?=\w)([^'‘’\n]{1,300}?)(?<=[\w.!?,])['’](?!\w)"),
]
_NEGATIONS = frozenset(_words("not no never nor t none nothing nobody neither without"))
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

    def describe(self) -> str:
        """How a warning names it: ``number "60"``."""
        return f'{self.kind} "{self.text}"'


def _norm(word: str) -> str:
    return ascii_digits(word.lower()).replace("’", "'")


def _tokens(text: str) -> list[tuple[int, str]]:
    """(start offset, normalised word) of every word; Han/kana/Hangul characters are one word each."""
    out: list[tuple[int, str]] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if _CJK.search(word):
            out.extend((m.start() + i, _norm(ch)) for i, ch in enumerate(word))
        else:
            out.append((m.start(), _norm(word)))
    return out


def _stem(word: str) -> str:
    # A five-letter prefix: crude, language-blind, and enough to match "signatures" with "signature".
    return word[:5]


def _content(word: str) -> bool:
    return not word.isdigit() and word not in _STOPWORDS and (len(word) > 2 or not word.isascii())


# --- extraction ----------------------------------------------------------------------------------


def _numbers_and_dates(text: str, lang: str) -> list[Fact]:
    dates = find_dates(text, lang)
    out = [Fact("date", d.text, d.value, d.start, d.end, (d.value,), date=d) for d in dates]
    for q in find_quantities(text, lang):
        if any(d.start <= q.start < d.end or q.start <= d.start < q.end for d in dates):
            continue
        if q.year:
            d = DateMention(q.start, q.end, q.text, year=int(q.values[0]))
            out.append(Fact("date", q.text, d.value, q.start, q.end, (d.value,), date=d))
            continue
        value = q.values[0] + (f" {q.unit}" if q.unit else "")
        out.append(Fact("number", q.text, value, q.start, q.end, q.values, q.unit))
    return out


def _is_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip().rstrip("\"'“‘«„([{-–—*•").rstrip()
    return not before or (before[-1] in ".!?:;\n" and not _ends_with_title(before))


def _ends_with_title(before: str) -> bool:
    m = re.search(r"(\w+)\.$", before)
    return bool(m and m.group(1).lower() in TITLES)


def _names(text: str, lang: str) -> list[Fact]:
    if lang.split("-")[0] not in NAME_LANGUAGES:
        return []
    out: list[Fact] = []
    run: list[re.Match[str]] = []

    def flush() -> None:
        while run and run[-1].group(0).lower() in _CONNECTORS:
            run.pop()
        words = list(run)
        initial = bool(words) and _is_initial(text, words[0].start())
        while words and _dropped(_strip_possessive(_norm(words[0].group(0))).rstrip("."), initial):
            words.pop(0)
            initial = False
        parts = [_strip_possessive(_norm(w.group(0))) for w in words]
        keys = tuple(k for p in parts if p not in _CONNECTORS for _, k in _tokens(p))
        # A lone capital letter ("H") is no name; initials count within one ("J. K. Rowling", "U.S.").
        if keys and not all(k in _NOT_NAMES for k in keys) and not (len(words) == 1 and len(keys[0]) == 1):
            start, end = words[0].start(), words[-1].end()
            value = " ".join(parts)
            out.append(Fact("name", text[start:end], value, start, end, keys, initial=initial))
        run.clear()

    for m in _NAME_TOKEN.finditer(text):
        word = m.group(0)
        gap = text[run[-1].end() : m.start()] if run else " "
        capital = word[0].isupper()
        if run and (not _joins(gap, run[-1].group(0)) or not (capital or word.lower() in _CONNECTORS)):
            flush()
        if capital or (run and word.lower() in _CONNECTORS):
            run.append(m)
        if _strip_possessive(_norm(word)) != _norm(word):  # a possessive ends the name: "Obama's", "Jones'"
            flush()
    flush()
    return out


def _dropped(word: str, initial: bool) -> bool:
    """Whether a capitalised word leading a name is no part of it: a title, a function word, or at a
    sentence start, a word that reads as a common one (its ending says so: Appalling, Researchers)."""
    if word in TITLES or word in _CONNECTORS or word in _STOPWORDS:
        return True
    return initial and (word in _STARTERS or word.endswith(_COMMON_ENDINGS))


def _joins(gap: str, previous: str) -> bool:
    """Whether two capitalised words are one name: only spaces between them, or the dot of a title or initial."""
    if "\n" in gap:
        return False
    return not gap.strip() or (gap.strip() == "." and (previous.lower() in TITLES or len(previous) == 1))


def _strip_possessive(word: str) -> str:
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
        pieces = [[w for _, w in _tokens(piece)] for piece in _ELLIPSIS.split(inner)]
        words = tuple(w for i, piece in enumerate(pieces) for w in (["..."] if i else []) + piece)
        if words:
            out.append(Fact("quote", text[start:end], " ".join(words), start, end, words))
    return out


def extract_facts(text: str, lang: str = "en") -> list[Fact]:
    """Numbers, dates, names (Latin-script languages) and quotes of ``text``, in reading order.

    Facts inside a quote are facts too: a quote matched nearly word for word may still have one
    number changed.
    """
    facts = _quotes(text) + _numbers_and_dates(text, lang) + _names(text, lang)
    return sorted(facts, key=lambda f: (f.start, KINDS.index(f.kind)))


# --- the source side -----------------------------------------------------------------------------


class SupportIndex:
    """A source text's facts and words, computed once so that checking many sentences is cheap."""

    def __init__(self, source: str, lang: str = "en"):
        self.lang = lang
        self.words: list[str] = []
        self.sent_of: list[int] = []  # the sentence of each word
        self.numbers: dict[str, list[tuple[int, str | None]]] = {}
        self.dates: list[tuple[DateMention, int]] = []
        self.sentences: list[list[str]] = []
        for j, sentence in enumerate(split_sentences(source, lang) if source.strip() else []):
            toks = _tokens(sentence)
            base, starts = len(self.words), [s for s, _ in toks]
            self.sentences.append([w for _, w in toks])
            self.words.extend(self.sentences[-1])
            self.sent_of.extend([j] * len(toks))
            for fact in _numbers_and_dates(sentence, lang):
                pos = base + min(bisect.bisect_left(starts, fact.start), max(len(toks) - 1, 0))
                if fact.date is not None:
                    self.dates.append((fact.date, pos))
                for key in fact.keys if fact.date is None else ():
                    self.numbers.setdefault(key, []).append((pos, fact.unit))
        self.stems = [_stem(w) for w in self.words]
        self.joined = " " + " ".join(self.words) + " "
        self.forms: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            self.forms.setdefault(word, []).append(i)
        self.by_prefix: dict[str, set[str]] = {}
        for form in self.forms:
            self.by_prefix.setdefault(form[:4], set()).add(form)
        # Words the source writes in lower case: a sentence-initial capital of one is no name.
        self.lower = {m.group(0) for m in _WORD.finditer(source) if m.group(0).islower()}
        self.sent_stems = [{_stem(w) for w in words if _content(w)} for words in self.sentences]
        df = Counter(stem for stems in self.sent_stems for stem in stems)
        self.idf = {stem: math.log(1 + len(self.sentences) / n) for stem, n in df.items()}

    def window(self, pos: int) -> set[str]:
        return set(self.stems[max(0, pos - SOURCE_WINDOW) : pos + SOURCE_WINDOW + 1])

    def relevance(self, stems: set[str], positions: Sequence[int]) -> float:
        """How well the source sentences at ``positions`` match ``stems`` (the output sentence), relative
        to the best-matching source sentence: 1.0 when one of them is the best match."""
        sims = [sum(self.idf.get(x, 0.0) for x in stems & sent) for sent in self.sent_stems]
        best = max(sims, default=0.0)
        if best <= 0:
            return 1.0
        return max(sims[self.sent_of[p]] for p in positions) / best

    def name_positions(self, parts: Sequence[str]) -> list[int] | None:
        """Where the last findable part of a name occurs; None when some part is nowhere."""
        found: list[int] = []
        for part in parts:
            hits = self.forms.get(part) or self._case_forms(part)
            if not hits:
                return None
            found = hits
        return found

    def _case_forms(self, part: str) -> list[int]:
        # Another case form of the same name (Warszawa / Warszawy, Putin / Putina): same stem, short ending.
        if len(part) < 4:
            return []
        hits: list[int] = []
        for form in self.by_prefix.get(part[:4], ()):
            common = len(_common_prefix(form, part))
            if common >= max(4, min(len(form), len(part)) - 2) and abs(len(form) - len(part)) <= 3:
                hits.extend(self.forms[form])
        return hits

    def number_positions(self, fact: Fact) -> list[int]:
        return [pos for key in fact.keys for pos, unit in self.numbers.get(key, ()) if _units_agree(fact.unit, unit)]

    def date_positions(self, date: DateMention) -> list[int]:
        years = {d.year for d, _ in self.dates if d.year}
        out: list[int] = []
        for d, pos in self.dates:
            if date.weekday is not None and d.weekday != date.weekday:
                continue
            if any(getattr(date, f) is not None and getattr(d, f) != getattr(date, f) for f in ("month", "day")):
                continue
            if date.year is not None and d.year != date.year and not (d.year is None and date.year in years):
                continue
            out.append(pos)
        return out

    def has_quote(self, words: Sequence[str]) -> bool:
        """Whether the words occur in order (an ellipsis may skip), or nearly so (90%) within two sentences."""
        pieces = [p.strip() for p in " ".join(words).split("...") if p.strip()]
        if all(f" {p} " in self.joined for p in pieces):
            return True
        words = [w for w in words if w != "..."]
        if len(words) < 6:
            return False
        for i in range(len(self.sentences)):
            pair = self.sentences[i] + (self.sentences[i + 1] if i + 1 < len(self.sentences) else [])
            blocks = [
                b for b in SequenceMatcher(None, list(words), pair, autojunk=False).get_matching_blocks() if b.size
            ]
            if not blocks or sum(b.size for b in blocks) < 0.9 * len(words):
                continue
            # Near enough, unless the quote skips source words (a dropped "not" turns it around).
            span = pair[blocks[0].b : blocks[-1].b + blocks[-1].size]
            skipped = set(span) - set(words)
            if len(span) <= len(words) + 1 and not skipped & _NEGATIONS:
                return True
        return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _units_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@lru_cache(maxsize=64)
def support_index(source: str, lang: str = "en") -> SupportIndex:
    """The :class:`SupportIndex` of ``source`` (cached: a reduce round checks many outputs against it)."""
    return SupportIndex(source, lang)


# --- checking ------------------------------------------------------------------------------------


def _context(sentence: str, fact: Fact) -> set[str]:
    toks = _tokens(sentence)
    before = [w for s, w in toks if s < fact.start and _content(w)][-CONTEXT_WORDS:]
    after = [w for s, w in toks if s >= fact.end and _content(w)][:CONTEXT_WORDS]
    own = {w for _, w in _tokens(fact.text)}
    return {_stem(w) for w in before + after if w not in own}


def _positions(fact: Fact, index: SupportIndex) -> list[int] | None:
    """Source positions stating the fact's value; None when it is not there at all."""
    if fact.kind == "number":
        # A bare four-digit number may have been read as a year on the other side ("1200 people").
        hits = index.number_positions(fact) or [
            pos for d, pos in index.dates if fact.unit is None and d.month is None and str(d.year) == fact.value
        ]
    elif fact.kind == "date" and fact.date is not None:
        hits = index.date_positions(fact.date)
    elif fact.kind == "name":
        return index.name_positions(fact.keys)
    else:
        return [] if index.has_quote(fact.keys) else None
    return hits or None


def is_supported(fact: Fact, sentence: str, index: SupportIndex, *, context: bool = True) -> bool:
    """Whether ``index``'s source states ``fact`` (found in ``sentence``) in a similar context; with
    ``context=False`` whether it states it at all (a translation: the words around it differ)."""
    if fact.kind == "name" and fact.initial and fact.keys[0] in index.lower:
        # A sentence starts with a word the source writes in lower case: a common word, not a name.
        fact = Fact(fact.kind, fact.text, fact.value, fact.start, fact.end, fact.keys[1:])
        if not fact.keys:
            return True
    positions = _positions(fact, index)
    if positions is None:
        return False
    near = _context(sentence, fact) if context else set()
    if not positions or not near:
        return True
    if max(len(near & index.window(p)) for p in positions) >= MIN_LOCAL * len(near):
        return True
    own = {_stem(w) for _, w in _tokens(fact.text)}
    stems = {_stem(w) for _, w in _tokens(sentence) if _content(w)} - own
    return index.relevance(stems, positions) >= MIN_RELEVANCE


def _indexes(sources: Sequence[str | SupportIndex], lang: str) -> list[SupportIndex]:
    return [s if isinstance(s, SupportIndex) else support_index(s, lang) for s in sources]


def unsupported_in_sentence(
    sentence: str, sources: Sequence[str | SupportIndex], lang: str = "en", *, context: bool = True
) -> list[Fact]:
    """Facts of one sentence that no source supports (``context``: see :func:`is_supported`)."""
    indexes = _indexes(sources, lang)
    facts = extract_facts(sentence, lang)
    return [f for f in facts if not any(is_supported(f, sentence, i, context=context) for i in indexes)]


def unsupported(
    output: str, sources: Sequence[str | SupportIndex], lang: str = "en", *, context: bool = True
) -> list[Fact]:
    """Facts of ``output`` (sentence by sentence) that none of ``sources`` supports; offsets are per sentence.

    A source given as text is read in ``lang``; one in another language is given as its
    :func:`support_index` (and ``context=False``: only values compare across languages).
    """
    out: list[Fact] = []
    for sentence in split_sentences(output, lang) if output.strip() else []:
        out.extend(unsupported_in_sentence(sentence, sources, lang, context=context))
    return out
