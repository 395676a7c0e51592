"""The one CommonMark fence walker (summarize/text/markdown.py) and the three readers that use it."""

from __future__ import annotations

import pytest

from summarize.hook import END, START, parse
from summarize.text.inputs import read_markdown
from summarize.text.markdown import fenced_spans, lines
from summarize.translation.blocks import markdown_blocks


def _blocks(text: str) -> list[str]:
    return [text[a:b] for a, b in fenced_spans(text)]


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_fences_close_by_commonmark_rules_with_any_line_ending(eol: str) -> None:
    doc = eol.join(["Prose.", "  ````md", "```", "inside", "``` not a close", "````", "After.", "~~~", "x", "~~~~", ""])
    assert _blocks(doc) == [
        eol.join(["  ````md", "```", "inside", "``` not a close", "````", ""]),
        eol.join(["~~~", "x", "~~~~", ""]),
    ]


def test_an_unclosed_fence_runs_to_the_end_and_indented_four_is_no_fence() -> None:
    assert _blocks("a\n    ```\nb\n~~~\n```\nstill code") == ["~~~\n```\nstill code"]
    assert fenced_spans("") == [] and fenced_spans("no fence\n") == []


def test_lines_split_only_at_commonmark_line_endings() -> None:
    assert lines("a\r\nb\rc\u2028d\ne") == ["a\r\n", "b\r", "c\u2028d\n", "e"]
    assert lines("") == [] and lines("x\n") == ["x\n"]


def test_the_reader_the_hook_and_the_translator_agree_on_code() -> None:
    doc = f"Intro.\n\n````md\n```\n{START}\n```\n````\n\n{START}\nBlock.\n{END}\n~~~\nunclosed {END}\n"
    assert read_markdown(doc).text == "Intro.\n\nBlock."
    layout = parse(doc, "x.md")
    assert layout.block == f"{START}\nBlock.\n{END}\n"
    prose = [b.content for b in markdown_blocks(doc) if b.translate]
    assert prose == ["Intro.", f"{START} Block. {END}"]  # the comments are protected spans later


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("[Installing Xcode and the SDK.](https://example.org/v).", "Installing Xcode and the SDK."),
        ("[Ship it!](https://example.org/s).", "Ship it!"),
        ("See [the docs](https://example.org/d).", "See the docs."),
        ("[Wait.](https://example.org/w)... then go", "Wait.... then go"),
        ("![A chart.](c.png). Below [it](u).", "A chart. Below it."),
    ],
)
def test_a_link_ending_its_sentence_takes_the_full_stop_after_it(line: str, prose: str) -> None:
    from summarize.text.inputs import inline_to_text

    assert inline_to_text(line) == prose
