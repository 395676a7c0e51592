"""Markdown headings name a part of a text; they are no sentences of it: never a summary sentence or
key point of the extractive engine, and ended with the stop of their script where the prose keeps them."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.text.inputs import to_document
from summarize.text.mdprose import read_markdown
from summarize.text.sentences import split_sentences
from tests.conftest import SHARED

ARTICLE = """# City notes

## Council approves the river bridge after the cost vote

The city council approved the new river bridge on Tuesday after a long vote about its cost.
The bridge will carry trams and bicycles across the river from the old town to the station.
Its cost rose to 40 million euros after engineers found soft ground under the northern bank.

## Glaciers lost ice in the hot summer

Researchers measured how quickly the glaciers of the Alps lost their ice during the hot summer.
The glaciers lost three per cent of their volume, the largest loss since records began.
"""


def _summary(args: list[str], text: str) -> dict[str, object]:
    out = CliRunner().invoke(cli, [*args, "--engine", "extractive", "--no-cache", "-f", "json", "-"], input=text)
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def test_markdown_headings_are_listed_and_end_like_sentences_of_their_script() -> None:
    text = "# 科技周刊\n\n## 本周话题：信息的半衰期\n\n半衰期是一个物理学概念。\n\n## Tools\n\nA *fast* tool.\n"
    prose = read_markdown(text)
    assert prose.title == "科技周刊"
    assert prose.headings == ("科技周刊", "本周话题：信息的半衰期", "Tools")
    # Chinese ends with "。", Latin with "."; never a Latin stop after a Chinese character.
    assert "本周话题：信息的半衰期。" in prose.text and "Tools." in prose.text
    assert not re.search(r"[\u4e00-\u9fff]\.", prose.text)
    # Urdu has its own stop and no case: a heading gets no Latin "." (it stands in a paragraph of its own).
    urdu = read_markdown("# خبریں\n\n## آج کی خبر\n\nیہ ایک جملہ ہے۔\n")
    assert urdu.headings == ("خبریں", "آج کی خبر") and "\n\nآج کی خبر\n\n" in f"\n\n{urdu.text}\n\n"
    assert "." not in urdu.text
    assert to_document("## Why it matters\n\nIt does.\n", "x.md", ".md").headings == ("Why it matters",)
    assert to_document("Why it matters\n\nIt does.\n", "x.txt").headings == ()


def test_a_heading_is_no_summary_sentence_or_key_point() -> None:
    out = _summary(["--points", "3"], ARTICLE)
    said = [str(out["summary"]), *map(str, out["key_points"])]  # type: ignore[arg-type]
    for heading in ("Council approves the river bridge after the cost vote", "Glaciers lost ice in the hot summer"):
        assert not any(heading in s for s in said), said
    assert "approved the new river bridge" in str(out["summary"])
    # The same text piped as plain text (no heading is known) may pick the line: the rule is Markdown's.
    plain = _summary(["--points", "3"], ARTICLE.replace("# ", "").replace("#", ""))
    assert "Council approves the river bridge after the cost vote" in str(plain["summary"])


def test_a_text_given_to_the_python_api_reads_as_the_same_text_piped() -> None:
    from summarize import Summarizer, summarize

    api = summarize(ARTICLE, engine="extractive", points=3)
    piped = _summary(["--points", "3"], ARTICLE)
    assert (api.title, api.summary, api.key_points) == (piped["title"], piped["summary"], piped["key_points"])
    assert api.title == "City notes"
    # A title given by the caller wins; plain text stays plain.
    with Summarizer(engine="extractive") as s:
        assert s.summarize(ARTICLE, title="Bridges").title == "Bridges"
        assert s.summarize("Rain fell on the city all day. The river rose by a metre.").title is None


@pytest.mark.skipif(not (SHARED / "newsletter_series" / "ruanyf").is_dir(), reason="shared newsletters not present")
def test_a_chinese_newsletter_summary_has_no_heading_and_no_latin_stop() -> None:
    path = SHARED / "newsletter_series" / "ruanyf" / "issue-103.md"
    doc = to_document(path.read_text(encoding="utf-8"), str(path), ".md")
    assert "本周话题：信息的半衰期" in doc.headings
    out = CliRunner().invoke(cli, ["--engine", "extractive", "--no-cache", "-f", "json", str(path)])
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    said = [result["summary"], *result["key_points"]]
    # No sentence of the summary or a key point is a heading.
    sentences = [p.strip().rstrip("。.") for s in said for p in re.split(r"(?<=[。.!?])\s*", s)]
    assert not set(sentences) & set(doc.headings), said
    assert not any(re.search(r"[\u4e00-\u9fff]\.", s) for s in said), said


def test_one_reading_of_a_heading_line_for_the_reader_and_the_newsletter_outline() -> None:
    from summarize.engines.newsletter import outline

    text = "# Weekly ##\n\n## C#\n\nA language.\n\n## Go ##\n\nAnother.\n\n   ### Tips\n\nSome.\n\n#hashtag is none.\n"
    assert read_markdown(text).headings == ("Weekly", "C#", "Go", "Tips")
    assert [s.heading for s in outline(text).sections] == ["C#", "Go"]
    # Text with no file name is Markdown when a line is a heading; a hashtag line is none.
    assert to_document("#hashtag\n\nPlain words here.", "<stdin>").markdown is False
    from summarize.text.inputs import text_document

    assert text_document("#hashtag\n\nPlain words here.", "<stdin>").markdown is False
    assert text_document("Intro.\n\n   ## Part\n\nWords.", "<stdin>").markdown is True


def test_the_abstractive_engine_fills_no_key_point_with_a_heading(tiny_bart, monkeypatch) -> None:
    from summarize.engines import extractive

    # The fill-in itself: the headings are no candidates.
    fills = extractive.key_points(read_markdown(ARTICLE).text, "en", 8, headings=read_markdown(ARTICLE).headings)
    assert fills and any("glaciers lost three per cent" in f for f in fills)
    headings = ("Council approves the river bridge after the cost vote", "Glaciers lost ice in the hot summer")
    assert not any(h in f for h in headings for f in fills), fills
    unruled = extractive.key_points(read_markdown(ARTICLE).text, "en", 8)
    assert any(h in f for h in headings for f in unruled)  # without them a heading is a fill
    # The real command line with a real (tiny) model hands the document's headings to the fill-in.
    seen: list[tuple[str, ...]] = []
    real = extractive.key_points
    monkeypatch.setattr(extractive, "key_points", lambda *a, **k: seen.append(tuple(k["headings"])) or real(*a, **k))
    args = ["--model", str(tiny_bart), "--engine", "abstractive", "--no-cache", "-p", "30", "-f", "json", "-"]
    out = CliRunner().invoke(cli, args, input=ARTICLE)
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["engine"] == "abstractive"
    assert seen and all(s == ("City notes", *headings) for s in seen), seen


def test_the_faithfulness_repair_stands_no_heading_in(tiny_bart, monkeypatch) -> None:
    from summarize.engines import abstractive, faithful

    doc = read_markdown(ARTICLE)
    invented = "Glaciers lost 12 tonnes of ice in the hot summer."  # the source has no 12 tonnes
    unruled = faithful.repair(invented, [doc.text], "en")
    assert unruled.text == "Glaciers lost ice in the hot summer."  # the heading is the closest sentence
    fixed = faithful.repair(invented, [doc.text], "en", headings=doc.headings)
    assert fixed.changed and fixed.text.startswith("Researchers measured how quickly the glaciers"), fixed.text
    # Nothing but headings to stand in: the output is kept as written and says so.
    only = faithful.repair(invented, ["Glaciers lost ice in the hot summer"], "en", headings=doc.headings)
    assert only.text == invented and "kept as written" in only.warnings[-1]
    # The real command line with a real (tiny) model hands the document's headings to every repair.
    seen: list[tuple[str, ...]] = []
    real = abstractive.repair

    def spy(*a, **k):  # type: ignore[no-untyped-def]
        if k.get("mode") == "repair":
            seen.append(tuple(k["headings"]))
        return real(*a, **k)

    monkeypatch.setattr(abstractive, "repair", spy)
    args = ["--model", str(tiny_bart), "--engine", "abstractive", "--no-cache", "-p", "3", "-f", "json", "-"]
    out = CliRunner().invoke(cli, args, input=ARTICLE)
    assert out.exit_code == 0, out.output
    assert seen and all(s == tuple(doc.headings) for s in seen), seen


def test_plain_texts_o_bullets_are_list_items() -> None:
    # libssh2's release notes list their changes under " o ": read as one sentence, "o adds agent forwarding
    # support o adds OpenSSH Agent support on Windows o …", it was the whole summary, cut at its bound.
    notes = (
        "Harbour 2.4\n\nThis release includes the following enhancements and bugfixes:\n\n"
        " o adds ferry timetables for the winter\n o adds a map of the new quay\n"
        " o fixes the fare table for children, which had\n   shown the adult fares\n\n"
        "Thanks to everyone who reported a problem.\n"
    )
    sentences = split_sentences(to_document(notes, "notes.txt", ".txt").text, "en")
    assert sentences[2:5] == [
        "- adds ferry timetables for the winter",
        "- adds a map of the new quay",
        "- fixes the fare table for children, which had shown the adult fares",
    ]
    # A lone indented "o" is a wrapped line's word (Spanish "or"), and stays.
    spanish = "El acuerdo se firmó con el gobierno\n o con la oposición, dijo el ministro.\n"
    assert " o con la oposición" in to_document(spanish, "nota.txt", ".txt").text
