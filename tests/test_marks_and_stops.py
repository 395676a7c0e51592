"""Words that hold combining marks (Devanagari, Tamil, Thai...), Amharic's and Thai's sentence ends, and
what the extractive engine makes of such text (real news rows of ../shared/data)."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from summarize.engines import extractive
from summarize.text.bounds import LENGTH_WORDS, SLACK_WORDS, bound, cut, word_count
from summarize.text.mentions import tokens as fact_tokens
from summarize.text.scripts import combining_marks, word_pattern
from summarize.text.sentences import THAI_MIN_CHARS, split_sentences
from summarize.text.textsim import is_near_duplicate, tokens
from tests.conftest import SHARED


@pytest.fixture(scope="module")
def rows() -> dict[str, list[str]]:
    by_lang: dict[str, list[str]] = defaultdict(list)
    with open(SHARED / "langid_news_40langs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            # The splitter reads runs of spaces as one (the rows hold a few doubled ones).
            by_lang[row["lang"]].append(" ".join(row["text"].split()))
    return by_lang


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("सुपरमार्केट द्वारा ब्यूटी", ["सुपरमार्केट", "द्वारा", "ब्यूटी"]),  # Hindi: vowel signs, virama
        ("ரோசா புயலால் திங்களன்று", ["ரோசா", "புயலால்", "திங்களன்று"]),  # Tamil
        ("মঙ্গলবার ফিনিক্সের", ["মঙ্গলবার", "ফিনিক্সের"]),  # Bengali
        ("cafe\u0301 de\u0301ja\u0300", ["cafe\u0301", "de\u0301ja\u0300"]),  # decomposed accents
        ("Plain English, 46 words.", ["plain", "english", "46", "words"]),
    ],
)
def test_a_word_keeps_its_combining_marks(text: str, words: list[str]) -> None:
    assert tokens(text) == words
    assert [w for _, w in fact_tokens(text)] == words
    # Python's \w alone cuts these words apart at their marks: the rule is needed.
    assert (re.findall(r"\w+", text.lower()) == words) is (not combining_marks(text))


def test_one_pattern_serves_texts_with_other_marks() -> None:
    hindi, tamil = "द्वारा", "புயலால்"
    word_pattern(tamil)  # a text with other marks seen first: the pattern grows, never loses one
    assert word_pattern(hindi).findall(hindi) == [hindi]
    assert word_pattern(tamil).findall(f"{tamil} {hindi}") == [tamil, hindi]
    assert word_pattern("U.S. plain", r"(?P<initials>U\.S\.)").match("U.S. plain").group("initials") == "U.S."


@pytest.mark.parametrize("lang", ["hi", "ta", "mr", "bn"])
def test_key_points_of_an_indic_text_state_something_new(rows: dict[str, list[str]], lang: str) -> None:
    # Words cut at their vowel signs were one or two letters long, never a fact: 12 news rows of Hindi
    # gave no key point at all, Marathi one.
    text = " ".join(rows[lang][:12])
    result = extractive.summarize(text, lang, points=3)
    assert len(result.key_points) == 3
    summary_words = set(tokens(result.summary))
    for point in result.key_points:
        # A quotation the point opens is closed where it is shown, one it goes on with opened.
        assert point.strip('"“”') in text
        assert not is_near_duplicate(point, [result.summary])
        assert set(tokens(point)) - summary_words


def test_amharic_ends_a_sentence_with_either_full_stop(rows: dict[str, list[str]]) -> None:
    ends = ("።", "፡፡")
    whole = [r for r in rows["am"] if r.endswith(ends) and len(split_sentences(r, "am")) == 1][:6]
    assert {r[-1] for r in whole} >= {"።", "፡"}  # both kinds are among them
    assert split_sentences(" ".join(whole), "am") == whole


_JOINERS = ("ๆ", "ซึ่ง", "ที่", "และ", "หรือ", "เช่น", "โดย", "เพื่อ", "ว่า")


def test_thai_sentences_end_at_a_space_and_are_never_fragments(rows: dict[str, list[str]]) -> None:
    thai = rows["th"]
    text = " ".join(thai)
    pieces = split_sentences(text, "th")
    # Before, 20 news rows written one after the other were one sentence, summarized whole.
    assert len(pieces) >= 10
    assert " ".join(pieces) == text
    assert all(len(p) >= THAI_MIN_CHARS for p in pieces)
    assert not any(p.startswith(_JOINERS) for p in pieces)
    assert not any(p.endswith(("ว่า", "ให้", "คือ")) for p in pieces)
    # Where one row ends and the next begins, with a Thai letter on both sides, a sentence mostly ends.
    row_ends = {sum(len(r) + 1 for r in thai[: i + 1]) - 1 for i in range(len(thai) - 1)}
    thai_ends = {e for e in row_ends if re.match(r"[\u0e01-\u0e5b] [\u0e01-\u0e5b]", text[e - 1 : e + 2])}
    cuts = {sum(len(p) + 1 for p in pieces[: i + 1]) - 1 for i in range(len(pieces) - 1)}
    assert len(thai_ends) >= 6 and 2 * len(cuts & thai_ends) > len(thai_ends)


def test_a_thai_article_gets_a_short_summary(rows: dict[str, list[str]]) -> None:
    text = " ".join(rows["th"])
    result = extractive.summarize(text, "th", points=3)
    assert len(result.summary) < len(text) / 3
    # A point inside a quotation an earlier sentence opened is shown with its opening mark.
    assert result.key_points and all(p in text or (p[1:] in text and p[0] in '“"') for p in result.key_points)


def test_thai_words_are_counted_by_their_letters(rows: dict[str, list[str]]) -> None:
    # Five letters are a word; a vowel or tone mark is part of its letter, no letter of its own.
    assert word_count("กขคงจ") == 1 and word_count("กี่ก้าว") == 1  # 4 letters, 3 marks: 0.8 rounds up
    assert word_count("ก" * 50 + " and ten more English words here to count as ten") == 10 + 10
    # A Thai run with no space at all (as some sites write a whole article) was one word: a summary of it
    # was the whole text. It is now cut to the budget, between letters, never between a letter and its mark.
    text = "".join("".join(rows["th"]).split())
    assert " " not in text and word_count(text) > 3 * LENGTH_WORDS["short"]
    summary, was_cut = bound(text, LENGTH_WORDS["short"], "th")
    assert was_cut and summary.endswith("…") and text.startswith(summary[:-1])
    assert word_count(summary) <= LENGTH_WORDS["short"] + SLACK_WORDS
    for budget in range(1, 40):
        head = cut(text, budget)[:-1]
        assert not re.match(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", text[len(head)])


def test_a_thai_run_without_spaces_gets_a_bounded_summary(rows: dict[str, list[str]], tmp_path) -> None:
    from click.testing import CliRunner

    from summarize.cli import cli

    text = "".join("".join(rows["th"]).split())
    path = tmp_path / "thai.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--engine", "extractive", "--length", "short", "-f", "json", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["summary"]) < len(text) / 3 and data["summary"].endswith("…")
    assert "summary cut to about 80 words (--length short)" in data["warnings"]


def test_a_news_sentence_counts_about_as_many_words_in_every_script(rows: dict[str, list[str]]) -> None:
    # Budgets hold in any script: the mean NTREX news sentence counts within 10 % of an English one's words.
    # Every kana and Hangul syllable counted half a word once: Japanese 25, Korean 26 against English 17.3.
    english = sum(word_count(r) for r in rows["en"]) / len(rows["en"])
    for lang in ("zh", "ja", "ko", "th"):
        mean = sum(word_count(r) for r in rows[lang]) / len(rows[lang])
        assert abs(mean - english) <= 0.1 * english, (lang, mean, english)
