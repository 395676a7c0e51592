"""Whether another value of the source fits an output's slot better than the value the output states.

A fact found in the source may still be the wrong one: "46 signatures" written as "60 signatures"
when the article's 60 is the size of "a 60-member group". Presence cannot reveal such a swap, and an
absolute test of context (enough words in common around a mention) either misses it or flags every
paraphrase. So values compete: the slot's context (the content words around the fact in the output
sentence, the whole sentence, and for a number or date the words right before and after it, in order)
is scored against every source mention of the stated value and of every *rival*, another value of the
same kind (a number with the same unit and the same ordinal-ness, a date of the same shape, a name with
no word in common); a rival that fits the slot clearly better than the stated value's best mention is
the sign of a swap. A faithful paraphrase keeps its own value as the best fit; a swap leaves the
original value fitting better. Word order is what tells two values of one source sentence apart
("involving three male students" against "Brianne Altice, 35, pleaded"). Rivals the output sentence
states elsewhere have a slot of their own: they compete only for a slot whose words right around it
are theirs (``TAKEN_ORDER``).

How :mod:`.facts` uses it: a number or date is flagged when the context test fails **or** a rival
wins by ``VALUE_MARGIN``; a name, whose rivals are many (every person and place of the article) and
whose context highlights rephrase freely, only when the context test fails **and** a rival wins by
``NAME_MARGIN``. Margins and weights tuned on CNN/DM only (``bench/eval_faithfulness.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from .mentions import STOPWORDS

# How far around a source mention the slot's context words are looked for (words either side), how
# much the match of the whole sentence counts next to that local one (each in [0, 1]), and by how much
# a rival must fit better than the stated value to flag it.
MENTION_WINDOW = 6
SENTENCE_WEIGHT = 1.0
# Word order: how many words right before and after a number or date are compared with a mention's, and
# how much that counts (a function word half as much as a content word).
ADJACENT_WORDS = 2
ADJACENT_WEIGHT = 2.0
FUNCTION_WORD = 0.5
# A rival the output states elsewhere competes only for a slot whose words right around it are its own.
TAKEN_ORDER = 0.5
VALUE_MARGIN = 0.6
NAME_MARGIN = 0.9
NAME_ORDER_WEIGHT = 1.0


class Source(Protocol):
    """What a slot is scored against: :class:`.facts.SupportIndex` (not imported: it imports this module)."""

    idf: dict[str, float]
    stems: list[str]
    sent_of: list[int]
    sent_stems: list[set[str]]

    def sentence_span(self, pos: int) -> tuple[int, int]: ...

    def adjacent(self, pos: int) -> tuple[list[str], list[str]]: ...


class Slot:
    """An output fact's context (``near``: stems around it; ``sentence``: its sentence's content stems),
    ready to be scored against the source mentions of ``index``."""

    def __init__(
        self,
        near: Iterable[str],
        sentence: set[str],
        index: Source,
        adjacent: tuple[Sequence[str], Sequence[str]] | None = None,
        order_weight: float = ADJACENT_WEIGHT,
    ):
        self.index = index
        self.order_weight = order_weight
        # The words right before and after the value in the output, with their weights.
        self.adjacent = [
            [(w, FUNCTION_WORD if w in STOPWORDS or w.isdigit() else 1.0) for w in side] for side in adjacent or ()
        ]
        self.adjacent_total = sum(weight for side in self.adjacent for _, weight in side)
        # Words the source never uses count for no mention, so they do not dilute the local score.
        self.near = {s: index.idf[s] for s in near if s in index.idf}
        self.total = sum(self.near.values())
        sims = [sum(index.idf.get(x, 0.0) for x in sentence & sent) for sent in index.sent_stems]
        best = max(sims, default=0.0)
        self.sims = [s / best for s in sims] if best > 0 else [0.0] * len(sims)

    def fit(self, pos: int) -> float:
        """How well the source mention at word ``pos`` fits: the idf-weighted share of the slot's context
        words within ``MENTION_WINDOW`` of it in its sentence, plus how well its sentence matches (1.0 for the best)."""
        index = self.index
        local = 0.0
        if self.total > 0:
            # Within the mention's own sentence: the next sentence's words say nothing of this value.
            first, end = index.sentence_span(pos)
            window = set(index.stems[max(first, pos - MENTION_WINDOW) : min(end, pos + MENTION_WINDOW + 1)])
            local = sum(w for s, w in self.near.items() if s in window) / self.total
        return local + SENTENCE_WEIGHT * self.sims[index.sent_of[pos]] + self.order_weight * self.order(pos)

    def order(self, pos: int) -> float:
        """The weighted share of the output's words right before and after the value that stand right
        before and after the source mention at ``pos`` too ("involving three male students")."""
        if not self.adjacent_total:
            return 0.0
        sides = self.index.adjacent(pos)
        pairs = zip(self.adjacent, sides, strict=True)
        hit = sum(weight for mine, theirs in pairs for w, weight in mine if w in theirs)
        return hit / self.adjacent_total

    def best(self, positions: Iterable[int]) -> float:
        """The best fit among ``positions`` (0.0 for none)."""
        return max((self.fit(p) for p in positions), default=0.0)


def outfitted(
    slot: Slot, own: Sequence[int], rivals: Iterable[Sequence[int]], margin: float, taken: Iterable[Sequence[int]] = ()
) -> bool:
    """Whether some rival's mentions (``rivals``: positions per value) fit ``slot`` better than ``own``
    (the stated value's mentions) by more than ``margin``. A value the output sentence states elsewhere
    (``taken``) has a slot of its own there; its mentions compete only where the words right around them
    are the slot's own (TAKEN_ORDER): the two values were put in each other's places ("10 men in 11 years")."""
    mine = slot.best(own)
    if any(slot.best(positions) > mine + margin for positions in rivals):
        return True
    return any(slot.best([p for p in positions if slot.order(p) >= TAKEN_ORDER]) > mine + margin for positions in taken)
