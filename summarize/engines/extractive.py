"""Offline extractive engine: picks sentences from the article itself, no model weights needed.

How a sentence is chosen ("lead-centrality-mmr"), in plain terms:

1. The text is split into sentences (:mod:`summarize.sentences`) and leading clutter is cut from
   each one: datelines (``LONDON (Reuters) -``, ``(CNN)``), bylines (``By Jane Doe``) and
   ``PUBLISHED: ... | UPDATED: ...`` stamps, and Markdown quote/list markers. Sentences left with
   too few words, link lists (mostly web addresses) and lead-ins ending with a colon are not
   candidates.
2. Each candidate gets an importance score, the weighted sum of
   - *position*: news puts its key facts first, so early sentences score higher
     (``1 / (1 + i) ** POSITION_DECAY`` for the i-th sentence);
   - *centrality*: TF-IDF cosine between the sentence and the rest of the document, i.e. how
     much of what the whole text talks about the sentence covers;
   - *title overlap*: TF-IDF cosine with the title when there is one (given by the input, or the
     text's first line when it reads as a headline: its own paragraph, short, no final stop);
   multiplied by two priors: a *length prior* (very short and very long sentences rarely summarize
   well) and a *quote prior* (a sentence that is mostly someone's quoted words is colour, not a fact).
   A sentence that only repeats the title is not a candidate: the title is shown on its own.
3. Sentences are taken greedily by maximal marginal relevance (MMR): importance minus the
   similarity to what was already taken, so the picks do not repeat each other.

The summary is the first few picks put back in reading order; the key points are the next picks,
in order of importance (most important first), so they never repeat the summary. Everything
works on word tokens, or on single characters for Chinese and Japanese, so any language and
script works. It needs no torch and runs in milliseconds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ..text.sentences import split_paragraphs, split_sentences
from ..text.textsim import is_near_duplicate, tokens

METHOD = "lead-centrality-mmr"
SUMMARY_SENTENCES = {"short": 2, "medium": 3, "long": 5}

# Weights of the importance score. Set by hand on cnndm_dev_100 (see README "Quality") and kept
# round on purpose: they say what matters (position first, then centrality), not a fitted optimum.
POSITION_WEIGHT = 2.0
POSITION_DECAY = 1.0
CENTRALITY_WEIGHT = 1.0
TITLE_WEIGHT = 0.5
# MMR: how much similarity to an already chosen sentence costs (0 = none, 1 = as much as importance).
REDUNDANCY_WEIGHT = 0.5
# Sentences of about this many tokens are the most summary-like; the prior halves at
# LENGTH_WIDTH doublings (or halvings) off it: with 2, at 7.5 and 120 tokens.
IDEAL_TOKENS = 30
LENGTH_WIDTH = 2.0
MIN_TOKENS = 5
QUOTE_PENALTY = 0.6

# News agencies that appear in datelines like "LONDON (Reuters) -" or "(CNN)".
_AGENCIES = (
    r"CNN|Reuters|AP|AFP|UPI|dpa|DPA|Xinhua|EFE|ANSA|ANI|PTI|IANS|APP|Bloomberg|BBC|AAP|Kyodo|Yonhap|TASS|"
    r"RIA Novosti|Interfax|IRNA|KUNA|WAM|SPA|NNA|Al Jazeera|The Associated Press|Associated Press|CNS|Sky News"
)
_DASH = r"(?:--|-|—|–|:)"
_CLUTTER = [
    # "New Delhi, India (CNN)", "LONDON (Reuters) - ", "(CNN) -- "
    re.compile(rf"^(?:[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){{0,4}},?\s*)?\((?:{_AGENCIES})\)\s*(?:{_DASH}\s*)?"),
    # "PUBLISHED: 10:58 EST, 1 January 2014 | UPDATED: ...", "Last updated at 10:15 on 1st January 2011"
    re.compile(r"^(?:PUBLISHED|UPDATED|Published|Updated|Last updated)\b[^|]{0,60}?\b(?:19|20)\d\d\b\s*\.?\s*"),
    # "WASHINGTON, Jan. 5 (Foo News) — ": an upper-case place, an optional date, a source, a dash
    re.compile(
        rf"^(?!PUBLISHED|UPDATED)[A-Z]{{2,}}(?:[ ,]+[A-Z]{{2,}}){{0,3}}"
        rf"(?:,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*(?:\([^)]{{1,30}}\)\s*)?{_DASH}\s+"
    ),
    # "By Jane Doe ." / "By . Daily Mail Reporter ." / "By Jane Doe and John Roe |"
    re.compile(
        r"^By\s+(?:\.\s+)?(?:(?:[A-Z][\w'’.-]*|and|for|of|in|the|de|van|von|al|,)\s*){1,10}?"
        r"(?:\.\s+|\|\s*|\n|(?=PUBLISHED|UPDATED|Last updated)|$)"
    ),
    # Markdown left in the text: quote markers, list bullets, heading hashes
    re.compile(r"^(?:>\s*)+|^(?:[-*+•]|\d{1,2}[.)])\s+|^#{1,6}\s+"),
    # separators left over between the pieces above
    re.compile(r"^[|•·.\-–—:\s]+(?=\S)"),
]
_URL = re.compile(r"https?://\S+|www\.\S+")
_LINK_DEFINITION = re.compile(r"^\[[^\]]+\]:\s*\S")
# A first line with no final stop and at most this many tokens is a headline (see ``headline``).
MAX_HEADLINE_TOKENS = 25
# A sentence sharing this much of its vocabulary with the title (Jaccard) only repeats it.
TITLE_REPEAT = 0.7
_FINAL_STOP = re.compile(r"[.!?。！？؟۔।॥။…\"'”’»)\]]$")
# A sentence that is mostly web addresses is a link list, not prose.
MAX_URL_SHARE = 0.3


# Chinese and Japanese put no space between sentences.
_NO_SPACE_AFTER = re.compile("[。！？」』）]$")


@dataclass
class ExtractiveSummary:
    """What the engine returns: ``method`` goes into the JSON ``model`` field."""

    summary: str
    key_points: list[str]
    method: str = METHOD


@dataclass
class _Candidate:
    index: int  # position among all sentences of the text
    text: str  # trimmed of leading clutter
    terms: Counter[str]


def trim_clutter(sentence: str) -> str:
    """``sentence`` without leading datelines, bylines and publication stamps.

    >>> trim_clutter("LONDON (Reuters) - Prices rose.")
    'Prices rose.'
    """
    text = sentence.strip()
    for _ in range(8):  # a byline, then a stamp, then a dateline: a few rounds at most
        before = text
        for pattern in _CLUTTER:
            text = pattern.sub("", text, count=1).strip()
        if text == before:
            break
    return text


def _is_quote(text: str) -> bool:
    """Mostly quoted speech: starts with a quotation mark (any script's)."""
    return text[:1] in "\"'“‘«「『„"


def _length_prior(n: int) -> float:
    # A log-normal bump around IDEAL_TOKENS: 22 tokens -> 1.0, 11 or 44 -> 0.5.
    return 2 ** -((math.log2(max(n, 1) / IDEAL_TOKENS) / LENGTH_WIDTH) ** 2)


def _tfidf(cands: list[_Candidate]) -> list[dict[str, float]]:
    """L2-normalised TF-IDF vectors, IDF from the document's own sentences (no corpus needed)."""
    n = len(cands)
    df: Counter[str] = Counter()
    for c in cands:
        df.update(c.terms.keys())
    vectors = []
    for c in cands:
        vec = {t: (1 + math.log(tf)) * math.log((n + 1) / (df[t] + 0.5)) for t, tf in c.terms.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _normalise(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0 for _ in values]


def candidates(text: str, lang: str) -> list[_Candidate]:
    """Sentences of ``text`` trimmed of clutter, with their terms; too-short ones dropped."""
    out: list[_Candidate] = []
    for i, raw in enumerate(split_sentences(text, lang)):
        sent = trim_clutter(raw)
        if _LINK_DEFINITION.match(sent) or sum(map(len, _URL.findall(sent))) > MAX_URL_SHARE * len(sent):
            continue
        if sent.endswith((":", "：")):  # introduces a list or a quote; says little by itself
            continue
        terms = Counter(tokens(sent))
        if sum(terms.values()) >= MIN_TOKENS:
            out.append(_Candidate(i, sent, terms))
    return out


def headline(text: str) -> str | None:
    """The first line of ``text`` when it reads as a headline: its own paragraph, short, no final stop."""
    paragraphs = split_paragraphs(text)
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    if "\n" in first or _FINAL_STOP.search(first) or len(tokens(first)) > MAX_HEADLINE_TOKENS:
        return None
    return first


def _repeats_title(terms: Counter[str], title_terms: Counter[str]) -> bool:
    # Jaccard, not containment: a lede that contains every word of a short title still says more.
    a, b = set(terms), set(title_terms)
    return bool(a and b) and len(a & b) / len(a | b) >= TITLE_REPEAT


def rank(text: str, lang: str, *, title: str | None = None, limit: int | None = None) -> list[str]:
    """Distinct sentences of ``text`` (trimmed), most important first, chosen by MMR."""
    return [c.text for c in _rank(text, lang, title=title, limit=limit)]


def _rank(text: str, lang: str, *, title: str | None = None, limit: int | None = None) -> list[_Candidate]:
    title = title or headline(text)
    title_terms = Counter(tokens(title or ""))
    # The title is shown apart from the summary: a sentence that only repeats it is not a pick.
    cands = [c for c in candidates(text, lang) if not _repeats_title(c.terms, title_terms)]
    if not cands:
        # Nothing long enough: fall back to whatever sentences there are.
        short = [_Candidate(i, trim_clutter(s), Counter()) for i, s in enumerate(split_sentences(text, lang))]
        return [c for c in short if c.text][: limit or None]
    vectors = _tfidf(cands)
    # Centrality: similarity to the document's TF-IDF centroid without the sentence itself.
    centroid: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            centroid[t] = centroid.get(t, 0.0) + v
    centroid_sq = sum(v * v for v in centroid.values())
    centrality = []
    for vec in vectors:
        # cos(v, C - v) from v·C and |C - v|² = |C|² - 2 v·C + |v|², without building C - v.
        dot = _cosine(vec, centroid)
        self_sq = sum(v * v for v in vec.values())
        rest_norm = math.sqrt(max(centroid_sq - 2 * dot + self_sq, 0.0)) or 1.0
        centrality.append((dot - self_sq) / rest_norm)
    centrality = _normalise(centrality)
    title_sim = [0.0] * len(cands)
    if title_terms:
        idf_vectors = _tfidf([*cands, _Candidate(-1, title or "", title_terms)])
        title_sim = _normalise([_cosine(v, idf_vectors[-1]) for v in idf_vectors[:-1]])
    scores = []
    for k, c in enumerate(cands):
        position = 1.0 / (1 + k) ** POSITION_DECAY
        score = POSITION_WEIGHT * position + CENTRALITY_WEIGHT * centrality[k] + TITLE_WEIGHT * title_sim[k]
        score *= _length_prior(sum(c.terms.values()))
        if _is_quote(c.text):
            score *= QUOTE_PENALTY
        scores.append(score)
    scores = _normalise(scores)
    chosen: list[int] = []
    remaining = set(range(len(cands)))
    limit = len(cands) if limit is None else min(limit, len(cands))
    while remaining and len(chosen) < limit:
        best, best_value = -1, -math.inf
        for k in sorted(remaining):
            redundancy = max((_cosine(vectors[k], vectors[j]) for j in chosen), default=0.0)
            value = scores[k] - REDUNDANCY_WEIGHT * redundancy
            if value > best_value:
                best, best_value = k, value
        remaining.discard(best)
        # A sentence that says what a chosen one said is skipped, not just demoted.
        if not is_near_duplicate(cands[best].text, [cands[j].text for j in chosen], threshold=0.8):
            chosen.append(best)
    return [cands[k] for k in chosen]


def summarize(
    text: str, lang: str, *, points: int = 5, length: str = "medium", title: str | None = None
) -> ExtractiveSummary:
    """Summary (the top sentences, in reading order) and key points (most important first)."""
    n = SUMMARY_SENTENCES.get(length, 3)
    ranked = _rank(text, lang, title=title, limit=n + points)
    summary = sorted(ranked[:n], key=lambda c: c.index)
    # Key points add what the summary does not say, as the abstractive engine's do.
    return ExtractiveSummary(join_sentences([c.text for c in summary]), [c.text for c in ranked[n : n + points]])


def join_sentences(sentences: list[str]) -> str:
    """Sentences as one paragraph: a space after Latin-style stops, none after CJK ones (。！？)."""
    out = ""
    for sent in sentences:
        if out and not _NO_SPACE_AFTER.search(out):
            out += " "
        out += sent
    return out


def key_points(text: str, lang: str, points: int, exclude: list[str] | None = None) -> list[str]:
    """Distinct sentences usable as key points, most important first, none close to ``exclude``."""
    exclude = list(exclude or [])
    out: list[str] = []
    if points <= 0:
        return out
    for sent in rank(text, lang, limit=points + len(exclude) + 3):
        if len(out) >= points:
            break
        if not is_near_duplicate(sent, exclude + out):
            out.append(sent)
    return out
