"""Facts a summary states (numbers, dates, proper names, quotes) and whether its source supports them.

A fact is *supported* when the source states the same value (``46`` = ``forty-six`` = ``۴۶``; ``$1.2
billion`` = ``1.2bn dollars``; ``Feb. 8, 2024`` = ``2024-02-08``; a name in another case form or with a
possessive; a quote word for word, give or take punctuation) **in a similar context**: the content
words around the fact in the output sentence must be found near one of the source's mentions of it,
or the source sentence holding it must match the output sentence. And it must not be a swap: for a
number or a date, no other value of the same kind in the source may fit the slot clearly better
("46 signatures" written as "60 signatures" when the article's 60 belongs to "a 60-member one"); a
name out of context is flagged only when another name of the source fits it clearly better (see
:mod:`.rivals`). The facts themselves are read by :mod:`.mentions`; where a source states a name, and
where else it mentions it, is :mod:`.naming`'s.

Measured with ``bench/eval_faithfulness.py`` (recall on swapped facts, false alarms on references).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from . import naming, rivals
from .mentions import (
    KINDS,
    NAME_LANGUAGES,
    TITLES,
    Fact,
    extract_facts,
    is_content,
    names,
    numbers_and_dates,
)
from .mentions import ordinal as _ordinal
from .mentions import stem as _stem
from .mentions import tokens as _tokens
from .quantities import DateMention
from .scripts import word_pattern
from .sentences import split_sentences

__all__ = ["KINDS", "NAME_LANGUAGES", "TITLES", "Fact", "SupportIndex", "extract_facts", "is_supported"]
__all__ += ["support_index", "unsupported", "unsupported_in_sentence"]


# A fact found in the source must also be stated in a similar context. Either test suffices: MIN_LOCAL
# of the content words up to CONTEXT_WORDS either side of it in the output are within SOURCE_WINDOW
# words of a source mention, or the source sentence holding it matches the output sentence at least
# MIN_RELEVANCE as well as the best-matching source sentence does (idf-weighted shared words).
# Tuned on CNN/DM only (bench/eval_faithfulness.py), for few false alarms rather than high recall.
CONTEXT_WORDS = 4
SOURCE_WINDOW = 6
MIN_LOCAL = 0.2
MIN_RELEVANCE = 0.34
# Two values of an output sentence that stand this close together in a source sentence ("from 1999 to 2010")
# give each other context.
NEIGHBOUR_WORDS = 3

_NEGATIONS = frozenset(["not", "no", "never", "nor", "t", "none", "nothing", "nobody", "neither", "without"])


# --- the source side -----------------------------------------------------------------------------


class SupportIndex:
    """A source text's facts and words, computed once so that checking many sentences is cheap."""

    def __init__(self, source: str, lang: str = "en"):
        self.lang = lang
        self.words: list[str] = []
        self.sent_of: list[int] = []  # the sentence of each word
        self.numbers: dict[str, list[tuple[int, str | None]]] = {}
        self.dates: list[tuple[DateMention, int]] = []
        self.ordinal: dict[int, bool] = {}
        self.paired: set[int] = set()  # numbers of a pair: 3-1, 10 to 12
        self.role: dict[int, str | None] = {}  # what each number counts (``mentions.number_role``)
        self.starts: set[int] = set()  # the first word of each sentence
        self.capital: set[int] = set()  # words the source does not write in lower case (names, sentence starts)
        self.value_end: dict[int, int] = {}  # the end (exclusive) of the number or date starting at a word
        self._name_first: dict[int, int] = {}  # the first word of each source name, by its last word
        self.sentences: list[list[str]] = []
        self._texts: list[tuple[str, int, list[int]]] = []  # each sentence, its first word, its word offsets
        self._names: list[tuple[tuple[str, ...], int]] | None = None
        for j, sentence in enumerate(split_sentences(source, lang) if source.strip() else []):
            toks = _tokens(sentence)
            base, starts = len(self.words), [s for s, _ in toks]
            self._texts.append((sentence, base, starts))
            self.sentences.append([w for _, w in toks])
            self.starts.add(base)
            self.capital.update(base + i for i, (s, _) in enumerate(toks) if not sentence[s].islower())
            self.words.extend(self.sentences[-1])
            self.sent_of.extend([j] * len(toks))
            for fact in numbers_and_dates(sentence, lang):
                pos = base + min(bisect.bisect_left(starts, fact.start), max(len(toks) - 1, 0))
                self.value_end[pos] = max(pos + 1, base + bisect.bisect_left(starts, fact.end))
                if fact.date is not None:
                    self.dates.append((fact.date, pos))
                if fact.pair:
                    self.paired.add(pos)
                if fact.kind == "number":
                    self.role[pos] = fact.role
                for key in fact.keys if fact.date is None else ():
                    self.numbers.setdefault(key, []).append((pos, fact.unit))
                    self.ordinal[pos] = _ordinal(fact.text)
        self.stems = [_stem(w) for w in self.words]
        self.joined = " " + " ".join(self.words) + " "
        self.forms: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            self.forms.setdefault(word, []).append(i)
        self.by_prefix: dict[str, set[str]] = {}
        for form in self.forms:
            self.by_prefix.setdefault(form[:4], set()).add(form)
        # Words the source writes in lower case: a sentence-initial capital of one is no name.
        self.lower = {w for w in word_pattern(source).findall(source) if w.islower()}
        self.lower_stems = {_stem(w) for w in self.lower if len(w) > 3}
        self.sent_stems = [{_stem(w) for w in words if is_content(w)} for words in self.sentences]
        df = Counter(stem for stems in self.sent_stems for stem in stems)
        self.idf = {stem: math.log(1 + len(self.sentences) / n) for stem, n in df.items()}

    def common(self, word: str) -> bool:
        """Whether a capitalised sentence start is a common word: the source writes it, or another form of
        it (suspects / suspect, historians / history), in lower case."""
        return word in self.lower or (len(word) > 3 and _stem(word) in self.lower_stems)

    def names(self) -> list[tuple[tuple[str, ...], int]]:
        """(keys, position of the last word) of every name the source states (read once, when first asked)."""
        if self._names is None:
            self._names = []
            for sentence, base, starts in self._texts:
                for fact in names(sentence, self.lang):
                    if fact.initial and self.common(fact.keys[0]):
                        fact = Fact(fact.kind, fact.text, fact.value, fact.start, fact.end, fact.keys[1:])
                    if fact.keys:
                        last = base + max(bisect.bisect_left(starts, fact.end) - 1, 0)
                        self._name_first.setdefault(last, base + bisect.bisect_left(starts, fact.start))
                        self._names.append((fact.keys, last))
        return self._names

    def rivals(self, fact: Fact, taken: set[str]) -> tuple[list[list[int]], list[list[int]]]:
        """Positions of each other value of ``fact``'s kind that could stand in its slot (a number with a
        compatible unit, a date of the same shape, a name with no word in common): those of values the output
        sentence does not state elsewhere, and those of ``taken`` ones (keys and values it does state)."""
        groups: dict[str, list[int]] = {}
        if fact.kind == "number":
            ordinal = _ordinal(fact.text)
            for key, mentions in self.numbers.items():
                if key not in fact.keys:
                    groups[key] = [p for p, unit in mentions if unit == fact.unit and self.ordinal[p] == ordinal]
        elif fact.kind == "date" and fact.date is not None:
            fields = [f for f in ("year", "month", "day", "weekday") if getattr(fact.date, f) is not None]
            for d, pos in self.dates:
                if any(getattr(d, f) is None for f in fields):
                    continue
                if any(getattr(d, f) != getattr(fact.date, f) for f in fields):
                    groups.setdefault(d.value, []).append(pos)
        elif fact.kind == "name":
            # Not another form of the same name or word: Scots / Scotland, German / Germany.
            mine = {k[:4] for k in fact.keys if len(k) > 3} | set(fact.keys)
            for keys, pos in self.names():
                if not set(keys) & (taken | set(fact.keys)) and not {k[:4] for k in keys} & mine:
                    groups.setdefault(" ".join(keys), []).append(pos)
        free = [g for key, g in groups.items() if g and key not in taken]
        return free, [g for key, g in groups.items() if g and key in taken]

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """The first word and the end (exclusive) of the sentence holding word ``pos``."""
        j = self.sent_of[pos]
        return self._texts[j][1], self._texts[j][1] + len(self.sentences[j])

    def adjacent(self, pos: int) -> tuple[list[str], list[str]]:
        """The words right before (nearest first) and right after the value starting at word ``pos``, within
        its sentence (ADJACENT_WORDS each side)."""
        first, end = self.sentence_span(pos)
        if pos in self.value_end:  # a number or a date: ``pos`` is its first word
            start, stop = pos, self.value_end[pos]
        else:  # a name: ``pos`` is its last word; the source's name there starts where the source's reading says
            self.names()
            start, stop = self._name_first.get(pos, pos), pos + 1
        before = self.words[max(first, start - rivals.ADJACENT_WORDS) : start][::-1]
        return before, self.words[stop : min(end, stop + rivals.ADJACENT_WORDS)]

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
            # A source date without a year ("March 15") supports "March 15, 2024" when the source has 2024
            # elsewhere; it says nothing about a bare year ("Saturday" is no mention of 1998).
            yearless = d.year is None and date.year in years and (date.month is not None or date.day is not None)
            if date.year is not None and d.year != date.year and not yearless:
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


def _units_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@lru_cache(maxsize=64)
def support_index(source: str, lang: str = "en") -> SupportIndex:
    """The :class:`SupportIndex` of ``source`` (cached: a reduce round checks many outputs against it)."""
    return SupportIndex(source, lang)


# --- checking ------------------------------------------------------------------------------------


def _context(sentence: str, fact: Fact, others: Sequence[Fact] = ()) -> set[str]:
    """Stems of the content words around ``fact`` (CONTEXT_WORDS each side). For a name, the sentence's other
    names are no context: highlights list names ("tries through Gene Ormsby, Joel Monaghan and Ben Currie")
    that the article states apart, and each is checked on its own."""
    names = [(o.start, o.end) for o in others if fact.kind == o.kind == "name" and o.start != fact.start]
    toks = [(s, w) for s, w in _tokens(sentence) if is_content(w) and not any(a <= s < b for a, b in names)]
    before = [w for s, w in toks if s < fact.start][-CONTEXT_WORDS:]
    after = [w for s, w in toks if s >= fact.end][:CONTEXT_WORDS]
    own = {w for _, w in _tokens(fact.text)}
    return {_stem(w) for w in before + after if w not in own}


def _adjacent(sentence: str, fact: Fact) -> tuple[list[str], list[str]]:
    """The words right before (nearest first) and right after ``fact`` in ``sentence``."""
    toks = _tokens(sentence)
    before = [w for s, w in toks if s < fact.start][-rivals.ADJACENT_WORDS :][::-1]
    return before, [w for s, w in toks if s >= fact.end][: rivals.ADJACENT_WORDS]


def _positions(fact: Fact, index: SupportIndex) -> list[int] | None:
    """Source positions stating the fact's value; None when it is not there at all."""
    if fact.kind == "number":
        # A bare four-digit number may have been read as a year on the other side ("1200 people").
        hits = index.number_positions(fact) or [
            pos for d, pos in index.dates if fact.unit is None and d.month is None and str(d.year) == fact.value
        ]
        if fact.pair == 2:
            # A number of a score or range ("3-26") is stated by a source number of a pair, not by "the 26-year-old".
            hits = [p for p in hits if p in index.paired]
    elif fact.kind == "date" and fact.date is not None:
        hits = index.date_positions(fact.date)
    elif fact.kind == "name":
        return naming.positions(fact.keys, index)
    else:
        return [] if index.has_quote(fact.keys) else None
    return hits or None


def _taken(fact: Fact, others: Sequence[Fact]) -> set[str]:
    """Keys and values of the other facts of the same kind in the sentence: no rivals for this slot."""
    out: set[str] = set()
    for other in others:
        if other.kind == fact.kind and (other.start, other.end) != (fact.start, fact.end):
            out.update(other.keys)
            out.add(other.value)
    return out


def _beside_others(
    fact: Fact, positions: Sequence[int], others: Sequence[Fact], index: SupportIndex, sentence: str
) -> bool:
    """Whether another number or date standing within NEIGHBOUR_WORDS words of ``fact`` in the output sentence
    stands as close to one of ``positions`` in the same source sentence: "between 1999 and 2010" for the
    source's "from 1999 to 2010" (not "the 100-year-old horse was 40/1" for the source's odds of "100/1")."""
    for other in others:
        if (other.start, other.end) == (fact.start, fact.end) or other.kind not in ("number", "date"):
            continue
        if other.start < fact.end and fact.start < other.end:
            continue  # the same words read as another kind
        between = sentence[min(fact.end, other.end) : max(fact.start, other.start)]
        if len(_tokens(between)) > NEIGHBOUR_WORDS:
            continue
        for q in _positions(other, index) or ():
            if any(abs(p - q) <= NEIGHBOUR_WORDS and index.sent_of[p] == index.sent_of[q] for p in positions):
                return True
    return False


def _counts_otherwise(fact: Fact, positions: Sequence[int], index: SupportIndex) -> bool:
    """Whether ``fact`` is a number stating an age where every source mention of its value counts years or
    things, or the other way round ("a 40-year-old woman" for "visiting for 40 years", "a 22-year deal" for
    "Simmonds, 22,"): where a mention's words do not say what it counts, it may count anything."""
    if fact.kind != "number" or fact.role is None:
        return False
    roles = [index.role.get(p) for p in positions]
    return all(r is not None and r != fact.role and "age" in (r, fact.role) for r in roles)


def is_supported(
    fact: Fact, sentence: str, index: SupportIndex, *, context: bool = True, others: Sequence[Fact] = ()
) -> bool:
    """Whether ``index``'s source states ``fact`` (found in ``sentence``, among its facts ``others``) in a
    similar context, with no other value of its kind fitting it clearly better (see :mod:`.rivals`); with
    ``context=False`` whether it states it at all (a translation: the words around it differ)."""
    if fact.kind == "name" and fact.initial and index.common(fact.keys[0]):
        # A sentence starts with a word the source writes in lower case: a common word, not a name.
        fact = Fact(fact.kind, fact.text, fact.value, fact.start, fact.end, fact.keys[1:])
        if not fact.keys:
            return True
    positions = _positions(fact, index)
    if positions is None or (context and positions and _counts_otherwise(fact, positions, index)):
        return False
    near = _context(sentence, fact, others) if context else set()
    if not positions or not near:
        return True
    own = {_stem(w) for _, w in _tokens(fact.text)}
    stems = {_stem(w) for _, w in _tokens(sentence) if is_content(w)} - own
    in_context = (
        max(len(near & index.window(p)) for p in positions) >= MIN_LOCAL * len(near)
        or index.relevance(stems, positions) >= MIN_RELEVANCE
        or (fact.kind != "name" and _beside_others(fact, positions, others, index, sentence))
    )
    if fact.kind == "quote" or (in_context and fact.kind == "name"):
        return in_context
    if not in_context and fact.kind != "name":
        return False
    # A number or date in context may still be a swap another value fits better; a name out of context
    # is flagged only if another name does (rephrased context alone is common, see rivals.py).
    weight = rivals.NAME_ORDER_WEIGHT if fact.kind == "name" else rivals.ADJACENT_WEIGHT
    slot = rivals.Slot(near, stems, index, _adjacent(sentence, fact), weight)
    margin = rivals.NAME_MARGIN if fact.kind == "name" else rivals.VALUE_MARGIN
    free, taken = index.rivals(fact, _taken(fact, others))
    return not rivals.outfitted(slot, positions, free, margin, taken)


def _indexes(sources: Sequence[str | SupportIndex], lang: str) -> list[SupportIndex]:
    return [s if isinstance(s, SupportIndex) else support_index(s, lang) for s in sources]


def unsupported_in_sentence(
    sentence: str, sources: Sequence[str | SupportIndex], lang: str = "en", *, context: bool = True
) -> list[Fact]:
    """Facts of one sentence that no source supports (``context``: see :func:`is_supported`)."""
    indexes = _indexes(sources, lang)
    facts = extract_facts(sentence, lang)
    return [f for f in facts if not any(is_supported(f, sentence, i, context=context, others=facts) for i in indexes)]


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
