"""pysbd in bounded windows: the same sentences as the old splitter on news, and bounded work on long paragraphs."""

from __future__ import annotations

import json

import pytest

from summarize.text import segment, sentences
from summarize.text.sentences import split_paragraphs, split_sentences
from tests.conftest import SHARED
from tests.frozen_sentences import split_sentences as frozen_split_sentences


def old_split_sentences(text: str) -> list[str]:
    """The splitter without windows: pysbd sees each paragraph whole (as the frozen copy did)."""
    saved = segment.WINDOW
    segment.WINDOW = 10**9
    try:
        return split_sentences(text)
    finally:
        segment.WINDOW = saved


def _news() -> list[str]:
    texts: list[str] = []
    for name, field in (("cnndm_dev_100", "article"), ("xsum_dev_200", "document"), ("bbc_dev_250", "article")):
        with open(SHARED / f"{name}.jsonl", encoding="utf-8") as fh:
            rows = [json.loads(line)[field] for line in fh]
        # XSum writes a paragraph per line, which the splitter reads as paragraphs: run together, its
        # articles are the long paragraphs these tests need.
        texts += [" ".join(r.split("\n")) for r in rows] if name.startswith("xsum") else rows
    return texts


def _longest_paragraph(text: str) -> int:
    return max((len(" ".join(p.split())) for p in split_paragraphs(text)), default=0)


@pytest.fixture(scope="module")
def news() -> list[str]:
    return _news()


def test_news_with_long_paragraphs_splits_as_before(news: list[str]) -> None:
    # Paragraphs up to WINDOW characters take the old path unchanged; these are the ones that do not.
    long = [t for t in news if _longest_paragraph(t) > segment.WINDOW]
    assert len(long) >= 20
    short = [t for t in news if _longest_paragraph(t) <= segment.WINDOW][::25]
    for text in long + short:
        assert split_sentences(text) == old_split_sentences(text)


def test_small_windows_still_split_news_as_before(news: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows of 2,000 characters cut most CNN/DM articles many times over. Only a "sentence" that pysbd
    # itself makes longer than a window (a quote it never closes, over 1,400 characters) may come out
    # cut differently.
    monkeypatch.setattr(segment, "WINDOW", 2000)
    monkeypatch.setattr(segment, "MARGIN", 600)
    cnndm = news[:100]
    differ = [t for t in cnndm if split_sentences(t) != old_split_sentences(t)]
    assert len(differ) <= 1
    for text in differ:
        assert max(len(s) for s in frozen_split_sentences(text)) > 2000 - 600


def test_pysbd_never_sees_more_than_a_window(news: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = segment.get_segmenter("en")

    class Spy:
        def processor(self, text: str):  # type: ignore[no-untyped-def]
            seen.append(len(text))
            return real.processor(text)

        def segment(self, text: str) -> list[str]:
            seen.append(len(text))
            return real.segment(text)

    monkeypatch.setattr(sentences, "get_segmenter", lambda lang: Spy())
    paragraph = " ".join(" ".join(t.split()) for t in news[:40])  # one paragraph of ~22k words
    assert len(paragraph) > 25 * segment.WINDOW
    got = split_sentences(paragraph)
    assert max(seen) <= segment.WINDOW + len(segment._SUFFIX)
    # Work in proportion to the length: each window moves on by at least WINDOW - MARGIN, give or take a
    # sentence, and a run-on piece is read once more (quote marks hidden): a character is read a few times.
    assert sum(seen) <= 3 * len(paragraph)
    # Nothing lost, nothing repeated: the same characters but spaces (a stop a page left without its space,
    # "…frustrated.I…", ends a sentence inside a word of the paragraph's).
    assert "".join(got).replace(" ", "") == paragraph.replace(" ", "")


def test_a_run_on_paragraph_is_cut_at_spaces_and_keeps_every_word() -> None:
    words = [f"word{i}" for i in range(6000)]  # no punctuation at all: pysbd finds no sentence end
    got = split_sentences(" ".join(words))
    assert " ".join(got).split() == words
    assert len(got) >= 6 and all(len(s) <= segment.WINDOW for s in got)


@pytest.mark.parametrize(
    "text",
    [
        "A. A. A.",
        "He said so. He said so.  He said so.\n",
        "Mr. Smith went to Washington. He met Dr. Jones at 3 p.m. today. 'Yes,' he said. Done!",
        "No stop at all",
        "  Leading space. And trailing.   ",
    ],
)
def test_segment_matches_pysbd(text: str) -> None:
    """Our string-matching stand-in for pysbd's regex re-finding gives pysbd's own pieces."""
    from summarize.text.segment import get_segmenter as _segmenter
    from summarize.text.segment import segment as _segment

    assert _segment(_segmenter("en"), text) == list(_segmenter("en").segment(text))


def test_segment_matches_pysbd_on_news() -> None:
    from summarize.text.segment import get_segmenter as _segmenter
    from summarize.text.segment import segment as _segment

    seg = _segmenter("en")
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        lines = fh.readlines()[:30]
    for line in lines:
        for para in json.loads(line)["article"].split("\n"):
            if para.strip():
                assert _segment(seg, para[:5000]) == list(seg.segment(para[:5000]))
