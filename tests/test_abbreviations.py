"""pysbd with idle abbreviation rewrites skipped gives pysbd's own sentences."""

from __future__ import annotations

import json

import pysbd
import pytest

from summarize.text.abbreviations import fast_language
from summarize.text.segment import _real_stops
from summarize.text.segment import get_segmenter as _segmenter
from summarize.text.sentences import PYSBD_LANGUAGES
from tests.conftest import SHARED


def _plain(lang: str) -> pysbd.Segmenter:
    """pysbd as it comes, with the same sentence ends as ours (``segment._real_stops``): only the fast
    abbreviation pass differs."""
    segmenter = pysbd.Segmenter(language=lang, clean=False, char_span=False)
    segmenter.language_module = _real_stops(segmenter.language_module)
    return segmenter


def test_the_english_segmenter_uses_the_fast_replacer() -> None:
    fast = _segmenter("en").language_module
    assert fast is not _plain("en").language_module
    assert (
        fast.AbbreviationReplacer.scan_for_replacements
        is not pysbd.abbreviation_replacer.AbbreviationReplacer.scan_for_replacements
    )


def test_a_language_with_its_own_rules_is_left_as_it_is() -> None:
    german = _plain("de").language_module  # pysbd's German scans abbreviations its own way
    assert fast_language(german) is german


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones at 3 p.m. on Jan. 5. No. 10 was closed. He said no. St. Paul is far.",
        "See p. 12 and pp. 4-5, e.g. the table. Fig. 3 shows it. The U.S. Army and the U.K. agreed.",
        "It cost approx. 5 dollars. Gen. Lee and Capt. Kirk met. A. B. Smith wrote it. Vol. 2 is out.",
    ],
)
def test_same_pieces_on_abbreviation_heavy_text(text: str) -> None:
    assert list(_segmenter("en").segment(text)) == list(_plain("en").segment(text))


def test_same_pieces_on_news_and_many_languages() -> None:
    fast, plain = _segmenter("en"), _plain("en")
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        articles = [json.loads(line)["article"] for line in fh][:40]
    for article in articles:
        for para in article.split("\n"):
            if para.strip():
                assert list(fast.segment(para[:5000])) == list(plain.segment(para[:5000]))
    with open(SHARED / "langid_news_40langs.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in rows:
        lang = row.get("lang") or row.get("language")
        if lang in PYSBD_LANGUAGES:
            assert list(_segmenter(lang).segment(row["text"])) == list(_plain(lang).segment(row["text"])), lang
