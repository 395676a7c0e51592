"""URLs stay whole in sentence splitting: bare, autolinks and Markdown link targets; the stop after one still ends."""

from __future__ import annotations

import re

import pytest

from summarize.text.sentences import URL, split_sentences
from tests.conftest import SHARED
from tests.frozen_sentences import split_sentences as old_split_sentences

RUANYF = "周刊讨论区的帖子[《谁在招人？》](https://github.com/ruanyf/weekly/issues/1206)，提供大量就业信息。"
TWIR = "https://blog.rust-lang.org/2020/01/30/Rust-1.41.0.html?utm_source=twir&utm_medium=email"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The query string of the issue's example split the sentence at "?" before.
        (
            f"Read the notes at {TWIR} for all the details. Then upgrade.",
            [f"Read the notes at {TWIR} for all the details.", "Then upgrade."],
        ),
        # A fragment, "!" and "?" inside the URL; the "!" right after it ends the sentence.
        (
            "Is it at https://x.org/a?b=1&c=2#Sec.2! Really? Yes.",
            ["Is it at https://x.org/a?b=1&c=2#Sec.2!", "Really?", "Yes."],
        ),
        # The full stop after a URL at the end of a sentence ends it and is not part of the URL.
        ("See https://x.org/a. Next sentence.", ["See https://x.org/a.", "Next sentence."]),
        ("Have you seen https://x.org/?q=why? It is new.", ["Have you seen https://x.org/?q=why?", "It is new."]),
        ("Visit www.example.com/page.html. Then leave.", ["Visit www.example.com/page.html.", "Then leave."]),
        # Autolinks keep everything between their brackets, punctuation included.
        (
            "Docs at <https://example.com/v1.2/?x=1!> are good. Next one.",
            ["Docs at <https://example.com/v1.2/?x=1!> are good.", "Next one."],
        ),
        # Markdown link targets, with a title that has its own stops.
        (
            f'Read [the release notes]({TWIR}#x "Rust 1.41. Out!") now. Done.',
            [f'Read [the release notes]({TWIR}#x "Rust 1.41. Out!") now.', "Done."],
        ),
        (f"Read [this]({TWIR}). Done.", [f"Read [this]({TWIR}).", "Done."]),
        # A bracket opened inside the URL closes inside it; the one around the URL does not.
        (
            "The page (see https://en.wikipedia.org/wiki/Foo_(bar)) is long. Next.",
            ["The page (see https://en.wikipedia.org/wiki/Foo_(bar)) is long.", "Next."],
        ),
        ("Wrap it (https://x.org/a.b). Next.", ["Wrap it (https://x.org/a.b).", "Next."]),
    ],
)
def test_urls_never_end_a_sentence(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_url_sentence_splits_the_same_in_a_long_paragraph() -> None:
    # Windowed pysbd (long paragraphs) sees the URL masked too.
    sentence = f"Read the notes at {TWIR} for all the details."
    text = " ".join([sentence, "The team shipped it on Thursday."] * 300)
    got = split_sentences(text)
    assert len(got) == 600 and got[::2] == [sentence] * 300


def test_urls_in_rule_based_languages_stay_whole() -> None:
    # Swahili has no pysbd rules: the punctuation rules must not split inside the URL either.
    text = f"Soma maelezo kwenye {TWIR} sasa. Asante sana."
    assert split_sentences(text, "sw") == [f"Soma maelezo kwenye {TWIR} sasa.", "Asante sana."]


def test_newsletter_urls_come_out_whole() -> None:
    # Real issues full of links: every URL of the text is inside one sentence, as it was written.
    folder = SHARED / "newsletter_series" / "twir"
    issues = sorted(folder.glob("*.md"))[:4]
    assert issues
    broken_before = 0
    for path in issues:
        text = path.read_text(encoding="utf-8")
        urls = [m.group(0) for m in URL.finditer(" ".join(text.split()))]
        assert len(urls) > 20
        joined = "\n".join(split_sentences(text))
        assert all(url in joined for url in urls)
        old = "\n".join(old_split_sentences(text))
        broken_before += sum(url not in old for url in urls)
    assert broken_before > 0  # the old splitter did cut some of these


def test_text_with_the_mask_characters_is_split_without_masks() -> None:
    # Such text is not masked (a mask could not be told from the text); nothing is lost or swapped.
    text = "Odd \U000f0000 text at https://x.org/a?b=1 here. Next."
    got = split_sentences(text)
    assert "".join(got).replace(" ", "") == text.replace(" ", "")
    assert got[-1] == "Next."


def test_urls_need_a_scheme_or_www() -> None:
    assert re.fullmatch(URL, "example.com/a?b") is None
    assert split_sentences("Is this example.com? Yes.") == ["Is this example.com?", "Yes."]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A linked title's own "?" ends nothing; the stop after the link still does.
        (
            "Read [Why Rust? A primer](https://x.org/why) today. Next one.",
            "en",
            ["Read [Why Rust? A primer](https://x.org/why) today.", "Next one."],
        ),
        # A Chinese book title (《…》) is one piece; the 。 after it ends the sentence.
        ("他写了《谁在招人？》一文。然后走了。", "zh", ["他写了《谁在招人？》一文。", "然后走了。"]),
        (
            f"{RUANYF}下一句。",
            "und",
            [RUANYF, "下一句。"],
        ),
        # Brackets that are no link split as before.
        ("Is it [sic]? Yes. [Note] Done!", "en", ["Is it [sic]?", "Yes.", "[Note] Done!"]),
    ],
)
def test_titles_stay_whole(text: str, lang: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected
