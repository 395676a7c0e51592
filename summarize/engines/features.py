"""What the extractive engine knows about a text before it weighs anything: its candidate sentences
and their features (position, centrality, title overlap, length, quotes, facts), plus one
document-level signal, how central the lead is.

Everything here is computed once per text and does not depend on the engine's weights, so the
weights can be searched (``bench/tune_extractive.py``) without recomputing it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..text.backrefs import refers_back
from ..text.clutter import OPENING_SENTENCES, story_start, trim_clutter, trim_opening
from ..text.fragments import fragment_starts, is_list_piece
from ..text.furniture import embedded_posts, is_furniture, is_writer_note
from ..text.glued import is_glued_caption, is_ranked_row, is_shop_tile
from ..text.headlines import headline, is_title_line
from ..text.listings import is_digest_row, list_rows
from ..text.mentions import NAME_PARTICLES
from ..text.notes import page_notes
from ..text.quantities import find_dates, find_quantities, may_spell_out
from ..text.questions import is_question
from ..text.quotes import close_quote, names_no_speaker, quotation_marks, quotation_speakers
from ..text.scripts import HANGUL_CLASS, UNSPACED_CJK_CLASS, has_caseless, in_other_script, initials, main_script
from ..text.sentences import paragraph_sentences
from ..text.textsim import tokens

MIN_TOKENS = 5
# A kicker: a feature's opening line, alone in its paragraph, fewer words than this and no number or name
# ("Barely a shot was fired." over the New York Post's story of Macmillan's settlement with Amazon, "Will he
# be less outspoken?"). It leads the reader in and says nothing of the news; as the first sentence it had
# led the summary, in place of the lede.
KICKER_TOKENS = 8
# Sentences besides a listing's rows that make a text an article with a listing under it (its rows are
# then no candidates): a summary and five points' worth.
MIN_PROSE = 8
# A run of Han characters or kana: Chinese and Japanese words, written without spaces.
_UNSPACED = f"[{UNSPACED_CJK_CLASS}]"
_UNSPACED_RUN = re.compile(f"{_UNSPACED}{{2,}}")
_UNSPACED_PAIR = re.compile(f"{_UNSPACED}{{2}}")
# A Korean word (a run of Hangul syllables): Korean writes spaces, but its tokens here are syllables.
_HANGUL_WORD = re.compile(f"[{HANGUL_CLASS}]{{2,}}")

_URL = re.compile(r"https?://\S+|www\.\S+")
_LINK_DEFINITION = re.compile(r"^\[[^\]]+\]:\s*\S")
# A sentence sharing this much of its vocabulary with the title (Jaccard) only repeats it.
TITLE_REPEAT = 0.7
# A sentence that is mostly web addresses is a link list, not prose.
MAX_URL_SHARE = 0.3
# A "sentence" whose words are mostly numbers or digits mixed with letters ("00000000 4d 49 4d 45 2d…", a
# hex dump in a PDF; "v2.13.0 (2026-04-13)" in a plain-text changelog) is data, not prose.
MAX_NUMBER_SHARE = 0.6
# A list of names says nothing of them: a team's line-up ("Cech, Ferreira, Carvalho (Kezman 74), Terry…"), a
# meeting's attendees ("Priya Shah, Tom Becker and Lena Ortiz"). Three items or more, every word capitalised,
# a particle of a name or one of these, what brackets hold aside; a score ("Motherwell 0, Heart of
# Midlothian 3.") has two.
_LIST_JOINERS = NAME_PARTICLES | {"and", "&", "the", "jr"}
_LIST_ITEM_END = re.compile(r"[,;]\s|\s(?:and|&)\s")
_BRACKETED = re.compile(r"\([^()]*\)")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# The lead is the first few candidates: how central they are tells news from other writing.
LEAD_SENTENCES = 3

# Facts: numbers (with their units glued on: "2024", "46", "5.5%") and names, i.e. capitalised
# words that the text never writes in lower case ("August", "Khan"; not "The", "However").
_NUMBER = re.compile(r"\d[\d.,:/%]*")


@lru_cache(maxsize=1)
def _capitalised() -> re.Pattern[str]:
    # A capital of any cased alphabet ("Khan", "Путин", "Özil"); compiled on first use (a few milliseconds).
    capital = initials(upper=True)
    return re.compile(rf"\b[{capital}][\w’'-]*\w|\b[{capital}]\b")


@lru_cache(maxsize=1)
def _lower_word() -> re.Pattern[str]:
    return re.compile(rf"\b[{initials(upper=False)}][\w’'-]*\w")


_POSSESSIVE = re.compile(r"['’]s$")
# English "I" and its contractions are capitalised wherever they stand and never written in lower case,
# yet name no one: a quote's "I thought…" was a "new fact" that made it a key point.
_FIRST_PERSON = re.compile(r"i(?:['’](?:m|ve|d|ll))?")
# What may stand before a sentence's first word: its first word after an opening quote or bracket is
# capitalised for being first ('"Nunca pensé…", dice', '"Scientists using…'), not for being a name.
_OPENING = re.compile(r"""[\s"'“‘«„‹「『(\[¿¡—–-]*""")


def _first_word_at(sentence: str) -> int:
    """Where the first word of ``sentence`` starts, past opening quotes and brackets."""
    return _OPENING.match(sentence).end()  # type: ignore[union-attr]  # matches the empty string anywhere


@dataclass
class Candidate:
    """One sentence the engine may pick."""

    index: int  # position among all sentences of the text
    text: str  # trimmed of leading clutter
    terms: Counter[str]
    facts: frozenset[str] = field(default_factory=frozenset)
    refers_back: bool = False  # opens with a word pointing at the sentence before (see ``refers_back``)
    glued: bool = False  # a photo caption glued to other text (see ``is_glued_caption``)
    quoted: str = ""  # the mark of a quotation a sentence before it opened and it goes on with
    speakerless: bool = False  # someone's words that do not say whose (see ``quotes.names_no_speaker``)
    said_by: str = ""  # who said the quotation it opens or goes on with (see ``quotes.quotation_speakers``)
    asks: bool = False  # a question the writer asks (see ``is_question``): dropped once the lead is known
    row: bool = False  # a row of a list written without markers (see ``listings.list_rows``)

    @property
    def shown(self) -> str:
        """The sentence as a reader is shown it: inside a quotation, opened by the quotation's mark; part
        of a quotation whose speaker the text writes after it, closed and followed by that speaker."""
        text = self.quoted + self.text
        return f"{close_quote(text)} {self.said_by}" if self.said_by else text


@dataclass
class DocFeatures:
    """Per-sentence features of one text, independent of the engine's weights."""

    cands: list[Candidate]
    vectors: list[dict[str, float]]  # L2-normalised TF-IDF
    centrality: list[float]  # cosine to the rest of the document, scaled so the top one is 1
    title_sim: list[float]  # cosine to the title, scaled so the top one is 1 (zeros without title)
    lengths: list[int]  # tokens
    quotes: list[bool]  # opens with a quotation mark, or goes on with one a sentence before it opened
    density: list[float]  # how many facts (numbers, names) it states, scaled so the top one is 1
    lead: float  # how central the lead is: its first sentences' mean centrality over all sentences' mean
    # Pairwise similarity for MMR instead of the TF-IDF cosine, when set: bench/eval_embed.py measures
    # sentence embeddings here (README, Quality: why they are not offered).
    similarity: list[list[float]] | None = None

    def sim(self, a: int, b: int) -> float:
        """How alike candidates ``a`` and ``b`` are: ``similarity`` when set, else their TF-IDF cosine."""
        if self.similarity is not None:
            return self.similarity[a][b]
        return cosine(self.vectors[a], self.vectors[b])


def facts(sentence: str, terms: Counter[str], lower: set[str], names: set[str], lang: str = "") -> frozenset[str]:
    """Numbers, dates and names in ``sentence``, lower-cased: what a key point adds when it is new.

    A name is a run of capitalised words ("shah mehmood qureshi" is one fact, not three).
    ``lower`` holds the words the text writes in lower case somewhere, ``names`` those it
    capitalises inside a sentence: a capitalised first word is a name only when it is among
    ``names`` ("Imran Khan said", not "They said"). Scripts without capitals (Arabic,
    Devanagari, Chinese, ...) show no names: there, the longer words stand in for them. With ``lang``,
    a month written in words is a fact in any language the date reader knows ("en septiembre"), and
    so is an English number written in words ("thirty years"), as the faithfulness check reads them.
    """
    found = {m.group(0).rstrip(".,:/") for m in _NUMBER.finditer(sentence)}
    lang = lang.split("-")[0].lower()
    # Most sentences hold no month name or number word, and the readers are slow by comparison.
    if lang and may_spell_out(sentence, lang):
        found.update(d.text.lower().rstrip(".") for d in find_dates(sentence, lang) if d.month and d.text[:1].isalpha())
        if lang == "en":
            words = (q.text for q in find_quantities(sentence, lang) if not any(c.isdigit() for c in q.text))
            found.update(w.lower() for w in words)
    run: list[str] = []
    end = -1
    first_word = _first_word_at(sentence)
    for m in _capitalised().finditer(sentence):
        word = _POSSESSIVE.sub("", m.group(0).lower())
        if word in lower or (m.start() <= first_word and word not in names) or _FIRST_PERSON.fullmatch(word):
            continue
        if run and sentence[end : m.start()] != " ":  # not right after the previous name word
            found.add(" ".join(run))
            run = []
        run.append(word)
        end = m.end()
    if run:
        found.add(" ".join(run))
    if has_caseless(sentence):
        found.update(t for t in terms if len(t) >= 4)
        # Chinese and Japanese are read a character a token, so no token is long: two characters in a row
        # stand in for a longer word (a Chinese story's key points had been its one sentence with a number).
        for run in _UNSPACED_RUN.findall(sentence):
            found.update(run[i : i + 2] for i in range(len(run) - 1))
        # Korean's words stand in the same way (a Korean column had 1 key point of 5).
        found.update(_HANGUL_WORD.findall(sentence))
    return frozenset(f for f in found if f)


def stated(found: frozenset[str]) -> int:
    """How many facts a sentence states for its density: not the character pairs and Korean words that
    stand in for Chinese, Japanese and Korean words in the key points' test of a new fact (counted, they
    would make density a length, and they had moved 5 of the 12 Chinese weekly's summaries off their
    numbers and names)."""
    return sum(1 for f in found if not (_UNSPACED_PAIR.fullmatch(f) or _HANGUL_WORD.fullmatch(f)))


def fact_words(found: frozenset[str] | set[str]) -> set[str]:
    """The single words of some facts: a fact none of whose words is among them is not new."""
    return {w for fact in found for w in fact.split()}


@dataclass
class FactsSaid:
    """The fact words stated so far (a summary's, then each key point's as it is taken). A candidate
    brings a new fact when one of its facts has a word not among them: the one test of "this point
    says something the summary and the points before it do not", for the engine and the benches."""

    words: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, doc: DocFeatures, ks: Iterable[int]) -> FactsSaid:
        """What the candidates ``ks`` of ``doc`` (a summary) state."""
        return cls(fact_words({f for k in ks for f in doc.cands[k].facts}))

    def new_in(self, cand: Candidate) -> list[str]:
        """The facts of ``cand`` that state something not said yet."""
        return [f for f in cand.facts if not fact_words({f}) <= self.words]

    def is_new(self, cand: Candidate) -> bool:
        """Whether ``cand`` states a fact not said yet."""
        return not fact_words(cand.facts) <= self.words

    def add(self, cand: Candidate) -> None:
        """``cand`` is taken: its facts are said."""
        self.words |= fact_words(cand.facts)

    def copy(self) -> FactsSaid:
        """What is said so far, to add to without changing this one."""
        return FactsSaid(set(self.words))


def is_quote(text: str) -> bool:
    """Mostly quoted speech: starts with a quotation mark (any script's)."""
    return text[:1] in "\"'“‘«「『„"


def tfidf(cands: list[Candidate]) -> list[dict[str, float]]:
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


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors (their cosine when both are L2-normalised)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def normalise(values: list[float]) -> list[float]:
    """``values`` divided by the largest (all zeros when none is positive)."""
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0 for _ in values]


def is_name_list(sentence: str) -> bool:
    """Whether ``sentence`` only lists names: three items or more, no word in lower case but ``_LIST_JOINERS``."""
    text = _BRACKETED.sub(" ", sentence)
    if len(_LIST_ITEM_END.findall(text)) < 2:
        return False
    words = _LETTER_WORD.findall(text)
    return bool(words) and all(w[0].isupper() or w.lower() in _LIST_JOINERS for w in words)


def number_share(terms: Counter[str]) -> float:
    """Share of the word tokens in ``terms`` that are numbers, or digits with fewer letters ("4d", "2a")."""
    n = sum(terms.values())
    numbers = sum(c for t, c in terms.items() if sum(ch.isdigit() for ch in t) >= sum(ch.isalpha() for ch in t))
    return numbers / n if n else 0.0


def _opening_line(paragraphs: list[list[str]], title: str | None) -> int:
    """Where the body's first paragraph is one sentence with more paragraphs after it (the title's line
    before it, if the text opens with it), as an index into the text's sentences; -1 where it is not."""
    first = 1 if title and len(paragraphs) > 1 and set(tokens(" ".join(paragraphs[0]))) == set(tokens(title)) else 0
    if len(paragraphs) > first + 1 and len(paragraphs[first]) == 1:
        return sum(len(p) for p in paragraphs[:first])
    return -1


def candidates(text: str, lang: str, title: str | None = None) -> list[Candidate]:
    """Sentences of ``text`` trimmed of clutter, with their terms; too-short ones and fragments dropped
    (a word that ``title`` names may open a sentence in lower case)."""
    out: list[Candidate] = []
    paragraphs = paragraph_sentences(text, lang)
    sentences = [sentence for para in paragraphs for sentence in para]
    marks = [quotation_marks(para) for para in paragraphs]
    quoted = [mark for para in marks for mark in para]
    said_by = [by for para, m in zip(paragraphs, marks, strict=True) for by in quotation_speakers(para, m)]
    trimmed = [
        trim_opening(raw, i == 0) if i < OPENING_SENTENCES else trim_clutter(raw) for i, raw in enumerate(sentences)
    ]
    fragments = fragment_starts(trimmed, title, lang)
    kicker = _opening_line(paragraphs, title)
    posts = embedded_posts(paragraphs) | page_notes(paragraphs)
    rows = list_rows(paragraphs)
    paragraph_of = [k for k, para in enumerate(paragraphs) for _ in para]  # each sentence's paragraph
    script = main_script(text)
    lower = {w for s in sentences for w in _lower_word().findall(s)}
    capital = _capitalised()
    names = {
        _POSSESSIVE.sub("", m.group(0).lower())
        for s in sentences
        for m in capital.finditer(s)
        if m.start() > _first_word_at(s)
    }
    start = story_start(sentences)
    for i, sent in enumerate(trimmed):
        if i < start:
            continue
        # A line in another script (an Indonesian sermon's Arabic verse) is no sentence of the summary's language.
        if i in fragments or i in posts or in_other_script(sent, script) or is_list_piece(sentences[i]):
            continue
        if _LINK_DEFINITION.match(sent) or sum(map(len, _URL.findall(sent))) > MAX_URL_SHARE * len(sent):
            continue
        # A heading inside the text: a line in title case alone in its paragraph, no stop at its end (an
        # embedded video's title, "How to Build A Butterfly Wing", had been a summary sentence).
        if lang == "en" and len(paragraphs[paragraph_of[i]]) == 1 and is_title_line(sentences[i]):
            continue
        # A guest writer's note on who they are, a paragraph of the text's last two that opens with one.
        if lang == "en" and paragraph_of[i] >= len(paragraphs) - 2 and is_writer_note(paragraphs[paragraph_of[i]][0]):
            continue
        # Furniture (a lead-in among it) says nothing by itself, a list, a table's row or a shop's tile no more.
        if is_furniture(sent, lang) or is_name_list(sent) or is_ranked_row(sentences[i]):
            continue
        if is_shop_tile(sentences, i):
            continue
        terms = Counter(tokens(sent))
        n = sum(terms.values())
        if n >= MIN_TOKENS and number_share(terms) <= MAX_NUMBER_SHARE:
            glued = lang == "en" and is_glued_caption(sent, n)
            found = facts(sent, terms, lower, names, lang)
            if i == kicker and n < KICKER_TOKENS and not found:
                continue
            speakerless = not said_by[i] and names_no_speaker(sent, quoted[i], lang)
            cand = Candidate(i, sent, terms, found, refers_back(sent, lang), glued, quoted[i], speakerless, said_by[i])
            # A question the writer asks states nothing ("Will he be less outspoken?", "What if the £200m
            # superstar doesn't settle in Paris?" were summary sentences); one quoted is someone's words.
            cand.asks = is_question(sent, lang) and not quoted[i] and not is_quote(sent)
            cand.row = paragraph_of[i] in rows
            out.append(cand)
    return out


def repeats_title(terms: Counter[str], title_terms: Counter[str]) -> bool:
    """Whether a sentence only repeats the title (Jaccard of word sets over ``TITLE_REPEAT``)."""
    # Jaccard, not containment: a lede that contains every word of a short title still says more.
    a, b = set(terms), set(title_terms)
    return bool(a and b) and len(a & b) / len(a | b) >= TITLE_REPEAT


def _centrality(vectors: list[dict[str, float]]) -> list[float]:
    """Cosine of each sentence to the document's TF-IDF centroid without the sentence itself."""
    centroid: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            centroid[t] = centroid.get(t, 0.0) + v
    centroid_sq = sum(v * v for v in centroid.values())
    out = []
    for vec in vectors:
        # cos(v, C - v) from v·C and |C - v|² = |C|² - 2 v·C + |v|², without building C - v.
        dot = cosine(vec, centroid)
        self_sq = sum(v * v for v in vec.values())
        rest_norm = math.sqrt(max(centroid_sq - 2 * dot + self_sq, 0.0)) or 1.0
        out.append((dot - self_sq) / rest_norm)
    return normalise(out)


def heading_words(headings: Sequence[str]) -> list[set[str]]:
    """The words of each heading, for :func:`is_heading`."""
    return [set(tokens(h)) for h in headings]


def is_heading(terms: Iterable[str], headings: Sequence[set[str]]) -> bool:
    """Whether a sentence of these words (``tokens``) is a heading, or made only of one's words: it names
    a part of the text and says nothing of it, so it is never a summary sentence or key point."""
    words = set(terms)
    return any(words <= h for h in headings)


def document_features(
    text: str, lang: str, title: str | None = None, headings: Sequence[str] = ()
) -> DocFeatures | None:
    """Features of ``text``'s candidate sentences; None when no sentence is long enough to be one.

    ``title`` is the input's title; without one, a first line that reads as a headline serves.
    ``headings`` are lines of ``text`` that head a part of it (a Markdown input's): no candidates.
    """
    title = title or headline(text)
    title_terms = Counter(tokens(title or ""))
    heading_terms = heading_words(headings)
    # The title is shown apart from the summary: a sentence that only repeats it is not a pick. Nor is a
    # heading ("This week's topic: the half-life of information"): it names a part, it says nothing.
    cands = [
        c
        for c in candidates(text, lang, title)
        if not repeats_title(c.terms, title_terms) and not is_heading(c.terms, heading_terms)
    ]
    if not cands:
        return None
    if cands[0].refers_back:
        # The text's first sentence has nothing before it to point at but its title or a picture ("This
        # command installs a package…" under "npm-install", "This dog certainly is…"): waiting for a
        # sentence before it had put the lead last.
        cands[0] = replace(cands[0], refers_back=False)
    # Questions go after that: a sentence that points back at them ("These are the types of questions
    # being asked by clubs…") still waits for them, that is, for nothing, so it comes last.
    cands = [c for c in cands if not c.asks]
    # A listing's rows under an article ("June 19 – Charlotte, NC @ PNC Music Pavilion", a tour's dates)
    # name much and say nothing: they had been key points. Where the listing is the text (a race
    # calendar), its rows are what there is to say.
    if sum(not c.row for c in cands) >= MIN_PROSE:
        cands = [c for c in cands if not c.row]
    cands = [c for c in cands if not (c.row and is_digest_row(c.text))]  # a file's checksum, in any text
    if not cands:
        return None
    vectors = tfidf(cands)
    centrality = _centrality(vectors)
    title_sim = [0.0] * len(cands)
    if title_terms:
        idf_vectors = tfidf([*cands, Candidate(-1, title or "", title_terms)])
        title_sim = normalise([cosine(v, idf_vectors[-1]) for v in idf_vectors[:-1]])
    # The lead's centrality against the average sentence's: above 1 the opening states what the
    # whole text is about (news); below 1 it is a greeting, an anecdote or a table of contents.
    mean = sum(centrality) / len(centrality)
    lead_mean = sum(centrality[:LEAD_SENTENCES]) / min(len(cands), LEAD_SENTENCES)
    lead = lead_mean / mean if mean > 0 else 1.0
    return DocFeatures(
        cands,
        vectors,
        centrality,
        title_sim,
        [sum(c.terms.values()) for c in cands],
        [is_quote(c.text) or bool(c.quoted) for c in cands],
        normalise([math.log1p(stated(c.facts)) for c in cands]),
        lead,
    )
