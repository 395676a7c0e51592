"""Where a source states a name an output writes (see :mod:`.facts`), and where else it mentions it.

Presence: the name's words standing together in the source (a middle name may come between, the order
may turn: "Jack Villegas" is no name of an article about Jack Nicklaus and Camilo Villegas), in another
case form (``Warszawy`` / ``Warszawa``), a first name shortened (``Alex`` / ``Alexander``), or another
wording (``WWII`` / ``Second World War``, :data:`.mentions.NAME_ALIASES`). A one-word name must be
written as a name (capitalised; a common word inside a sentence).

Mentions, for the name's context: once a source names someone in full it goes on by the surname
("Stan Freberg" ... "Freberg helped create"), for a name of two words by either word ("Manny loves",
"Leicester's trip"); and a word of the same root stands for a one-word name ("Scots" / "Scotland's
future", "the Cambridges" / "the Duchess of Cambridge"). These count where the words around the name
are compared, never to make an absent name present.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .mentions import NAME_ALIASES, is_common_word

# The parts of a name stand at most this many words apart in the source (one middle name, "bin", "van der").
NAME_GAP = 3


class Words(Protocol):
    """What names are looked up in: :class:`.facts.SupportIndex` (not imported: it imports this module)."""

    lang: str
    forms: dict[str, list[int]]  # each word's positions
    by_prefix: dict[str, set[str]]  # the words by their first four letters
    capital: set[int]  # positions of words written with a capital
    starts: set[int]  # the first word of each sentence


def positions(keys: tuple[str, ...], index: Words) -> list[int] | None:
    """Positions (of the last word) of the source's mentions of the name ``keys``; None when it does not
    state it at all."""
    found = stated(keys, index)
    for group in NAME_ALIASES if found is None else ():
        if keys in group:
            # Another form of the same name (WWII / Second World War): where the source states any.
            hits = [p for form in group for p in stated(form, index) or ()]
            return sorted(set(hits)) or None
    if found and len(keys) == 1 and len(keys[0]) > 3:
        forms = [f for f in index.by_prefix.get(keys[0][:4], ()) if f != keys[0]]
        found = sorted(set(found) | {p for f in forms for p in index.forms[f] if p in index.capital})
    if found and len(keys) > 1:
        # Not the first word of a longer name: "Grammy" alone is the Grammys, not the Grammy Creators Alliance.
        parts = {keys[-1], keys[0] if len(keys) == 2 else keys[-1]}
        parts = {k for k in parts if len(k) > 2 and not is_common_word(k.capitalize())}
        found = sorted(set(found).union(*(alone(k, index) for k in parts)))
    return found


def stated(parts: Sequence[str], index: Words) -> list[int] | None:
    """Where the last part of a name occurs with the others just before it; None when nowhere."""
    # Chains of (last part's position, leftmost part's).
    chains: set[tuple[int, int]] = set()
    for i, part in enumerate(reversed(parts)):
        hits = index.forms.get(part) or _case_forms(part, index)
        if len(parts) == 1:
            # A one-word name must be written as a name in the source: "Top" is no name of an article that
            # only has "top". (Not each word of a longer one: "a Tyne-Wear derby" for "Wear-Tyne Derby".)
            hits = [p for p in hits if p in index.capital]
            if index.lang.split("-")[0] == "en" and is_common_word(part.capitalize()):
                # A common word ("Family", "Overall") is a name only where the source capitalises it
                # inside a sentence: at a sentence start every word has a capital.
                hits = [p for p in hits if p not in index.starts]
        if not hits and i > 0 and len(part) > 2:
            # A first name shortened (Alex for Alexander): the source form starts with it.
            forms = [form for form in index.by_prefix.get(part[:4], ()) if form.startswith(part)]
            hits = [p for form in forms for p in index.forms[form]]
        if i == 0:
            chains = {(p, p) for p in hits}
        else:
            # The part goes before the others, or (a name written in another order) just after.
            chains = {(last, min(p, left)) for last, left in chains for p in hits if left - NAME_GAP <= p <= last + 1}
        if not chains:
            return None
    return sorted({last for last, _ in chains})


def alone(word: str, index: Words) -> list[int]:
    """Where the source writes ``word`` as a one-word name: capitalised, with no capitalised word beside it
    ("Freberg helped", not "Premier League")."""
    capital, starts = index.capital, index.starts
    return [
        p
        for p in index.forms.get(word, ())
        if p in capital and (p in starts or p - 1 not in capital) and (p + 1 not in capital or p + 1 in starts)
    ]


def _case_forms(part: str, index: Words) -> list[int]:
    # Another case form of the same name (Warszawa / Warszawy, Putin / Putina): same stem, short ending.
    if len(part) < 4:
        return []
    hits: list[int] = []
    for form in index.by_prefix.get(part[:4], ()):
        common = len(_common_prefix(form, part))
        if common >= max(4, min(len(form), len(part)) - 2) and abs(len(form) - len(part)) <= 3:
            hits.extend(index.forms[form])
    return hits


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
