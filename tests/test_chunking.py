from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from summarize.text.chunking import chunk_text
from summarize.text.sentences import split_sentences
from tests.conftest import SHARED


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _articles(n: int) -> str:
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        return "\n\n".join(json.loads(line)["article"] for _, line in zip(range(n), fh, strict=False))


def word_count(text: str) -> int:
    return len(text.split())


@pytest.fixture(scope="module")
def tokenizer(tiny_bart: Path):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(tiny_bart))


def test_every_sentence_lands_in_exactly_one_chunk_in_order(tokenizer) -> None:
    text = _articles(4)

    def count(t: str) -> int:
        return len(tokenizer(t)["input_ids"])

    chunks = chunk_text(text, count, 120, "en")
    assert len(chunks) > 5
    assert all(count(c.text) <= 120 for c in chunks)
    assert all(c.tokens == count(c.text) for c in chunks)
    # Nothing lost, nothing repeated, order kept: the words of all chunks are the input's words.
    assert [w for c in chunks for w in _words(c.text)] == _words(text)
    # Each sentence is one piece, or (when longer than the limit) a run of consecutive pieces.
    pieces = iter(s for c in chunks for s in c.sentences)
    for sentence in split_sentences(text, "en"):
        built = next(pieces)
        while _words(built) != _words(sentence):
            assert len(_words(built)) < len(_words(sentence)), sentence
            built += " " + next(pieces)
    assert next(pieces, None) is None


def test_overlong_sentence_is_split_without_losing_words() -> None:
    sentence = ", ".join(f"clause number {i} of a run-on sentence with no full stop" for i in range(60))
    chunks = chunk_text(sentence, word_count, 40, "en")
    assert len(chunks) > 1
    assert all(word_count(c.text) <= 40 for c in chunks)
    assert [w for c in chunks for w in _words(c.text)] == _words(sentence)


def test_text_without_spaces_is_split_by_characters() -> None:
    text = "汉" * 500  # no punctuation, no spaces: only character cuts are possible

    def count(t: str) -> int:
        return len(t)

    chunks = chunk_text(text, count, 64, "zh")
    assert all(len(c.text) <= 64 for c in chunks)
    assert "".join(c.text for c in chunks) == text


def test_urdu_chunks_respect_urdu_full_stops() -> None:
    with open(SHARED / "flores_en_ur_200.jsonl", encoding="utf-8") as fh:
        urdu = " ".join(json.loads(line)["ur"] for _, line in zip(range(40), fh, strict=False))
    chunks = chunk_text(urdu, word_count, 80, "ur")
    assert all(word_count(c.text) <= 80 for c in chunks)
    assert [w for c in chunks for w in _words(c.text)] == _words(urdu)
    # Chunk boundaries fall after a sentence end, not mid-sentence (no sentence here is 80 words).
    assert all(c.text.rstrip("\"”'")[-1] in "۔؟!." for c in chunks[:-1])


def test_limit_too_small_is_refused() -> None:
    with pytest.raises(ValueError):
        chunk_text("Some text.", word_count, 2)


def test_key_point_sections_are_read_whole(tiny_bart: Path) -> None:
    # Sections of many partial summaries exceed one model input; every chunk of them is read.
    from summarize.engines.abstractive import AbstractiveEngine
    from summarize.runtime.hf import TransformersModel
    from summarize.runtime.hub import resolve
    from summarize.text.chunking import Chunk

    engine = AbstractiveEngine(TransformersModel(resolve(str(tiny_bart)), device="cpu"))
    partials = [s for s in split_sentences(_articles(8), "en") if engine.model.count_tokens(s) < 60][:30]
    first = [Chunk(p, [p], engine.model.count_tokens(p)) for p in partials]
    steps = engine._section_points(" ".join(partials), "en", 3, first, partials)
    inputs, _settings = next(steps)
    assert all(engine.model.count_tokens(i) <= engine.model.max_input for i in inputs)
    assert len(inputs) > 3
    assert _words(" ".join(inputs)) == _words(" ".join(partials))


class _CountingCounter:
    """Words as tokens, plus one per ``every`` spaces (a tokenizer whose counts do not add up); tallies work."""

    def __init__(self, every: int = 0):
        self.every = every
        self.chars = 0

    def __call__(self, text: str) -> int:
        self.chars += len(text)
        return len(text.split()) + (text.count(" ") // self.every if self.every else 0)


def test_chunking_counts_a_long_run_on_sentence_in_linear_work() -> None:
    # Counting every growing candidate would tokenize each chunk once per word (about 250x the text here).
    text = " ".join(_words(_articles(6))[:5000])
    count = _CountingCounter()
    chunks = chunk_text(text, count, 500, "en")
    assert all(c.tokens == count(c.text) <= 500 for c in chunks)
    assert [w for c in chunks for w in _words(c.text)] == _words(text)
    assert count.chars < 8 * len(text)


def test_chunks_stay_within_the_limit_when_counts_do_not_add_up() -> None:
    # Joined text counts more than its pieces: the guess from their sum is too long; counting finds the boundary.
    text = _articles(3)
    count = _CountingCounter(every=5)
    chunks = chunk_text(text, count, 100, "en")
    assert all(c.tokens == count(c.text) <= 100 for c in chunks)
    assert [w for c in chunks for w in _words(c.text)] == _words(text)
    # Each chunk is as full as greedy packing makes it: the next sentence would not have fitted.
    for a, b in itertools.pairwise(chunks):
        assert count(a.text + " " + b.sentences[0]) > 100
