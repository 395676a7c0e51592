"""The one CommonMark fence walker and list marker (summarize/text/markdown.py) and the readers that use them."""

from __future__ import annotations

import pytest

from summarize.engines import extractive, features
from summarize.engines.abstractive import point_lines
from summarize.engines.newsletter import outline
from summarize.hook import END, START, parse
from summarize.text import quotes
from summarize.text.markdown import LIST_ITEM, fenced_spans, lines, without_list_marker
from summarize.text.mdprose import read_markdown
from summarize.text.sentences import split_sentences
from summarize.translation.blocks import markdown_blocks
from summarize.translation.spans import protected_spans


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
    ("span", "shown"),
    [
        ("`<b>`", "<b>"),
        ("``a`<b>``", "a`<b>"),
        ("```<form>```", "<form>"),
        ("```` ``` ````", "```"),
        ("`__consuming`", "__consuming"),
        ("`**kwargs`", "**kwargs"),
        ("`[Mutable]Collection`", "[Mutable]Collection"),
        ("`[a](b)`", "[a](b)"),
    ],
)
def test_the_reader_and_the_translator_agree_on_inline_code(span: str, shown: str) -> None:
    # One code span (CommonMark: closed by a run of as many backticks): the reader shows what it holds, as
    # written, and the translator keeps it byte for byte. Swift Weekly Brief's "`__consuming`" had read
    # "consuming" and "`[Mutable]Collection`" "MutableCollection"; the translator had kept "```<form>```"
    # as "``" and prose.
    from summarize.text.inline import inline_to_text

    line = f"Use {span} here."
    assert protected_spans(line) == [span]
    assert inline_to_text(line) == f"Use {shown} here."
    # A run that no run of as many closes opens no code span, and an escaped backtick opens none.
    for text in ("Use ``a` here.", "Use \\`a` here."):
        assert protected_spans(text) == [] and "a" in inline_to_text(text)


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        # A link ending its sentence takes the full stop after it.
        ("[Installing Xcode and the SDK.](https://example.org/v).", "Installing Xcode and the SDK."),
        ("[Ship it!](https://example.org/s).", "Ship it!"),
        ("See [the docs](https://example.org/d).", "See the docs."),
        ("[Wait.](https://example.org/w)... then go", "Wait.... then go"),
        ("[A chart.](c.png). Below [it](u).", "A chart. Below it."),
        # An image is no words (a page shows no alt text either), a badge in a link neither.
        ("Look: ![a cat](cat.png) here, [![ci](b.svg)](https://ci.example) and ![x][ref] too.", "Look: here, and too."),
        # A bracketed link that only says it is a credit goes: 科技爱好者周刊's photo captions, a key point
        # ended "…停满了飞机。（出处）". One that says more stays, and so does a credit word in a sentence.
        ("跑道上停满了飞机。（[出处](https://example.org/a)）", "跑道上停满了飞机。"),
        ("A photo of the bridge ([source](https://example.org/x)). Next.", "A photo of the bridge. Next."),
        ("The dam opened in 1932 ([Via](https://example.org/v)).", "The dam opened in 1932."),
        ("The photo ([source: Reuters](https://example.org/r)).", "The photo (source: Reuters)."),
        ("See the [source](https://example.org/s) code.", "See the source code."),
        # A capitalised tag after a link keeps its brackets: Swift Weekly Brief's starter tasks, a point
        # read "SR-7559 Package Manager Building swiftpm requires…". A word in lower case, a label with a
        # colon, a link after it, or no link before: read as before.
        (
            "- [SR-7559](https://example.org/7559) [Package Manager] Building swiftpm requires rsync",
            "- SR-7559 [Package Manager] Building swiftpm requires rsync",
        ),
        (
            "[SR-6852](https://example.org/6852) [Compiler] Add support for checking",
            "SR-6852 [Compiler] Add support for checking",
        ),
        ("[Tokio](https://example.org/t) [released] a new version.", "Tokio released a new version."),
        ("[a](https://example.org/a) [disposition: merge] Permit it", "a disposition: merge Permit it"),
        ("[a](https://example.org/a) [b](https://example.org/b) text", "a b text"),
        ("See [Compiler] notes.", "See Compiler notes."),
        # What a code span shows is a word, HTML-like or not; tags outside code spans go.
        (
            "A `UnsafePointer<T>` and the `<form>` element, <b>bold</b>.",
            "A UnsafePointer<T> and the <form> element, bold.",
        ),
        # A backslash escape is the character it escapes (trafilatura writes a web page so).
        (
            "The snake\\_case rule, 5 \\* 3 and \\[sic\\] and \\*not emphasis\\*.",
            "The snake_case rule, 5 * 3 and [sic] and *not emphasis*.",
        ),
        ("Escaped backslash C:\\\\ and code `a\\_b` stay.", "Escaped backslash C:\\ and code a\\_b stay."),
        # A superscript a page keeps as HTML: a citation's marker goes, digits are superscript, letters read on.
        (
            "It is 120 km long<sup>\\[1\\]</sup> and drains 500 km<sup>2</sup>.<sup>[2]</sup> "
            "Since the 21<sup>st</sup> century.",
            "It is 120 km long and drains 500 km². Since the 21st century.",
        ),
        (
            "A claim<sup>[citation needed]</sup> and a note<sup>†</sup>, with `<sup>2</sup>` as code.",
            "A claim and a note, with <sup>2</sup> as code.",
        ),
        # Struck-out text is what the page took back; in code it is code.
        ("The price was ~~$10~~ $8 on Monday, and `~~x~~` is code.", "The price was $8 on Monday, and ~~x~~ is code."),
        # A footnote's marker and a task list's box are no words: "the study1 found", "x Ship it" had read.
        ("The study[1] found it.", "The study found it."),
        ("It rose in 2019.[12] Then it fell.", "It rose in 2019. Then it fell."),
        ("A note[^n1] here.", "A note here."),
        (
            "A ferry links the town to St Mawes.[citation needed] It sails daily[who?].",
            "A ferry links the town to St Mawes. It sails daily.",
        ),
        ("- [x] Ship the release", "- Ship the release"),
        ("* [ ] Write the tests", "* Write the tests"),
        ("1. [✓] Ship the docs", "1. Ship the docs"),  # the box the newsletter outline knows too
        ("- [x](https://example.org/x) is a link", "- x is a link"),
        ("A [1] bar.", "A 1 bar."),
        # Parentheses inside a link's address (This Week in Rust): the prose read "…a big deal to me/)."
        ("[A big deal to me](https://x.dev/blog/feature(slice_patterns)/) now.", "A big deal to me now."),
        # Brackets inside a link's text, balanced one deep (This Week in Matrix's names with a status).
        ("[Jane Doe {she/her} [back Nov 5]](https://x.org/@jane) reports", "Jane Doe {she/her} back Nov 5 reports"),
        ("[a [b] c](https://x.org) and [d](https://y.org)", "a b c and d"),
    ],
)
def test_inline_markdown_reads_as_prose(line: str, prose: str) -> None:
    from summarize.text.inline import inline_to_text

    assert inline_to_text(line) == prose


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("- a point", "a point"),
        ("  * a point", "a point"),
        ("+\ta point", "a point"),
        ("12. a point", "a point"),
        ("3) a point", "a point"),
        ("•a point", "a point"),
        ("· a point", "a point"),
        ("1、第一项", "第一项"),
        ("２．第二项", "第二项"),
        ("-", ""),
        ("2.", ""),
    ],
)
def test_a_list_marker_is_taken_off(line: str, rest: str) -> None:
    assert without_list_marker(line) == rest


@pytest.mark.parametrize("line", ["2.5 million people came", "-5 °C overnight", "*new* release", "1990s music"])
def test_a_number_or_emphasis_starts_no_list_item(line: str) -> None:
    assert not LIST_ITEM.match(line)
    assert without_list_marker(line) == line


def test_every_reader_keeps_a_number_that_starts_a_line() -> None:
    # The newsletter outline, the splitter and a model's points once read "2.5 million" as item "2." + "5 million".
    md = "# Weekly\n\n## Events\n\n2.5 million people watched the talks.\n\n- Berlin hosts a meetup.\n"
    md += "\n## Jobs\n\n- Acme hires.\n"
    events = outline(md).sections[0]
    assert [b.text for b in events.blocks] == ["2.5 million people watched the talks.", "Berlin hosts a meetup."]
    assert [b.is_item for b in events.blocks] == [False, True]
    assert split_sentences("Attendance:\n2.5 million people came.") == ["Attendance: 2.5 million people came."]
    assert point_lines("- He won. 2.5 million watched.\n2. Second point. - Third\n•Fourth\n-") == [
        "He won. 2.5 million watched.",
        "Second point.",
        "Third",
        "Fourth",
    ]


def test_chinese_numbered_lines_are_list_items() -> None:
    assert split_sentences("清单如下：\n1、第一项内容很好\n2、第二项内容也好", "zh") == [
        "清单如下：",
        "1、第一项内容很好",
        "2、第二项内容也好",
    ]
    assert split_sentences("He was born in\n1990. He left.") == ["He was born in 1990.", "He left."]


def test_tables_are_no_prose_for_the_reader_or_the_newsletter_outline() -> None:
    table = "| model | size | licence |\n|---|:--:|---|\n| small | 300 MB | MIT |\n| large | 2 GB | Apache |\n"
    loose = "name | year\n--- | ---\nAda | 1843\n"
    md = f"# Notes\n\nThe models differ in size.\n{table}\nLarge ones are slower.\n\n{loose}\nThat is all.\n"
    text = read_markdown(md).text
    assert "|" not in text and "MIT" not in text and "Ada" not in text
    assert split_sentences(text) == ["Notes.", "The models differ in size.", "Large ones are slower.", "That is all."]
    # A thematic break or a setext underline is no table, and a pipe in prose stays.
    assert (
        read_markdown("A | B are letters.\n\n---\n\nMore text here.\n").text
        == "A | B are letters.\n\n---\n\nMore text here."
    )
    news = f"# Weekly\n\n## Models\n\n{table}\n- A new parser landed.\n\n## Jobs\n\n- Acme hires.\n"
    assert [b.text for b in outline(news).sections[0].blocks] == ["A new parser landed."]


def test_a_list_items_tag_before_its_link_is_no_prose() -> None:
    # This Week in Rust's "[good first issue] [sqlx: Add…](…)" read "good first issue sqlx: Add…" in a summary.
    # Since the twenty-seventh session such an item is a link alone, as it is without its tag: a pointer, no
    # prose. "[video] [Rust 1.75.0: 54 highlights in 20 minutes!](…)" had opened the summary of issue 528
    # (2024), and "[disposition: merge] [Permit …](…)" read "disposition: merge Permit …". A code span in a
    # link's text may hold brackets ("[Add a new attribute, `#[isa]`](…)." had been a summary sentence).
    md = (
        "# Weekly\n\n"
        "This week's crate is fast_pool, a fast async pool.\n\n"
        "* [good first issue] [sqlx: Add a derive for tuple structs](https://example.org/1)\n"
        "* [puzzle] [The battle for Rust knowledge](https://example.org/2).\n"
        "* [disposition: merge] [Permit attributes on expressions](https://example.org/3)\n"
        "* [video] [Rust 1.75.0: 54 highlights in 20 minutes!](https://example.org/v)\n"
        "* [Add a new attribute, `#[isa]`](https://example.org/rfc).\n"
        "* [good first issue] [sqlx: add a derive](https://example.org/i) with a mentor.\n"
        "* [Tokio](https://example.org/4) [released] a new version.\n"
    )
    assert split_sentences(read_markdown(md).text)[1:] == [
        "This week's crate is fast_pool, a fast async pool.",
        # Words after the link are the item's own: it stays, without its tag.
        "* sqlx: add a derive with a mentor.",
        "* Tokio released a new version.",  # brackets after the link are the item's own words
    ]
    # The newsletter outline reads the Markdown itself: a tagged item still gives its point.
    sections = outline(md.replace("# Weekly", "## Crates") + "\n## Jobs\n\n- Acme hires.\n").sections
    assert "The battle for Rust knowledge." in [b.text for b in sections[0].blocks]


def test_a_link_with_only_a_label_or_a_tag_is_no_prose() -> None:
    # 科技爱好者周刊's pointer to a back issue and a story's title with its language had been summary
    # sentences of lone issues: "2018年的本周：第 6 期。", "定价的42种技巧（英文）。".
    md = (
        "# 周刊\n\n"
        "上海一个送餐员从饭店走出来，身上背了19个外卖袋。\n\n"
        "2018年的本周：[第 6 期](https://example.org/6)\n\n"
        "2019年的本周（第 59 期）：[未来交不到朋友](https://example.org/59)\n\n"
        "5、[定价的42种技巧](https://example.org/p)（英文）\n\n"
        "- Source: [Reuters](https://example.org/r)\n\n"
        "Update: [Rust 1.42](https://example.org/a) is out with a smaller Option.\n\n"
        "[Tokio](https://example.org/t) (the runtime) released a new version.\n"
    )
    text = read_markdown(md).text
    assert split_sentences(text, "zh")[1:] == [
        "上海一个送餐员从饭店走出来，身上背了19个外卖袋。",
        "Update: Rust 1.42 is out with a smaller Option.",  # a link in a sentence stays
        "Tokio (the runtime) released a new version.",
    ]
    # The newsletter outline reads the Markdown itself: a story's title still heads its point.
    sections = outline(f"{md}\n## 回顾\n\n本周无事。\n".replace("# 周刊", "## 文章")).sections
    assert [b.text for b in sections[0].blocks if b.text.startswith("定价")] == ["定价的42种技巧（英文）"]


def test_a_markdown_definition_list_reads_as_terms_with_their_definitions() -> None:
    # Pandoc's and PHP Markdown Extra's "Term" / ": definition" (and trafilatura's writing of a short
    # page's <dl>) had read "Model : An object…" and ": It also reads bytes.".
    md = (
        "Some terms used in this guide are explained below.\n\nModel\n: An object structure for a message.\n\n"
        "Parser\n: Takes characters and produces a model.\n: It also reads bytes.\n\n"
        "- command (required)\n: the command line to run.\n"
    )
    assert split_sentences(read_markdown(md).text) == [
        "Some terms used in this guide are explained below.",
        "Model: An object structure for a message.",
        "Parser: Takes characters and produces a model.",
        "It also reads bytes.",
        "- command (required): the command line to run.",
    ]


def test_a_bar_of_html_links_is_no_prose() -> None:
    # A README's centred bar of links and its list of translations had opened two summaries with
    # "About · Documentation · Install" and "English | 简体中文 | Deutsch".
    md = (
        '# Tool\n\n<p align="center">\n    <a href="/about">About</a>\n    ·\n    <a href="/docs">Documentation</a>\n'
        '</p>\n\n<p>\n  <a href="i18n/zh.md">简体中文</a> |\n  <a href="i18n/de.md">Deutsch</a>\n</p>\n\n'
        'The tool reads <a href="/fmt">every format</a> we know of.\n'
    )
    assert split_sentences(read_markdown(md).text)[1:] == ["The tool reads every format we know of."]


def test_a_blockquote_with_an_attribution_reads_as_a_quotation() -> None:
    # This Week in Rust's quote of the week was a summary's own sentence ("Rust is funny because…").
    md = (
        "# Quote of the Week\n\n"
        "> Rust is funny because in one sense it is hard. It is only as hard as it needs to be.\n"
        ">\n"
        "> Contrast this with other languages.\n\n"
        "– [brundolf on Hacker News](https://example.org/item)\n\n"
        "> - [Google](https://example.org) made a fabric that senses gestures.\n"
    )
    text = read_markdown(md).text
    assert "“Rust is funny because in one sense it is hard. It is only as hard as it needs to be.” – brundolf" in text
    # Who said it ends each of the quotation's paragraphs: no sentence of its own, and a point says whose words.
    assert "“Contrast this with other languages.” – brundolf on Hacker News" in text
    assert not quotes.names_no_speaker("“Contrast this with other languages.” – brundolf on Hacker News")
    assert quotes.names_no_speaker("“Contrast this with other languages.”")
    # A blockquote with no attribution is the writer's own (科技爱好者周刊 sets its news items so).
    assert "Google made a fabric that senses gestures." in text and "“Google" not in text
    # A thematic break under a blockquote is no attribution.
    assert "“" not in read_markdown("> We shipped it on Monday.\n\n---\n\nMore news follows.").text


def test_a_blockquote_in_the_first_person_is_someones_words_though_no_one_is_named() -> None:
    # Swift Weekly Brief quoted a forum post under the line that named its author; the summary showed
    # "I’ve been working on implementing… String…" as the newsletter's own words.
    md = (
        "Michael gave an update on strings.\n\n"
        "> I’ve been working on improving String for a year.\n>\n> The rest is in the post.\n\n"
        "> Mine is a quiet one. We like my-lib and I-95.\n\n> Notes on the I/O crate.\n"
    )
    text = read_markdown(md).text
    assert "“I’ve been working on improving String for a year.”" in text
    assert "“The rest is in the post.”" in text  # every paragraph of that quotation
    # "Mine", "my-lib", "I-95" and "I/O" are no first person: those blockquotes stay the writer's own.
    assert "Mine is a quiet one." in text and "“Mine" not in text
    assert "Notes on the I/O crate." in text and "“Notes" not in text
    assert quotes.names_no_speaker("“I’ve been working on improving String for a year.”")


def test_a_sentence_shown_from_an_attributed_quotation_keeps_its_speaker() -> None:
    paragraph = [
        "“Rust is funny because in one sense it is hard.",
        "It is only as hard as it needs to be.",
        "Everything else is made easy.” – brundolf on Hacker News",
    ]
    by = "– brundolf on Hacker News"
    assert quotes.quotation_speakers(paragraph) == [by, by, ""]  # the closing sentence shows its own
    # No dash after the closing mark, a quotation left open, or none at all: no speaker to add.
    assert quotes.quotation_speakers(["“It is hard.", "It is easy,” he said."]) == ["", ""]
    assert quotes.quotation_speakers(["“It is hard.", "It is easy."]) == ["", ""]
    assert quotes.quotation_speakers(["It is hard.", "“It is easy.” – Ana"]) == ["", ""]
    # This Week in Rust's quote of the week, summarized as an article: the summary's sentence from it
    # read as nobody's words ("“Rust is funny because in one sense it is hard.”").
    md = (
        "# Notes\n\nThe release of the compiler went out on Tuesday to every user of the stable channel.\n\n"
        "# Quote of the Week\n\n> Rust is funny because in one sense it is hard and clunky for a newcomer to write. "
        "However, it is only ever as hard and clunky as the domain it models really needs it to be. Everywhere "
        "something can be made more concise, or readable, or convenient, without giving up control, it has been. "
        "Anytime something is hard, it is because the underlying domain really is exactly that hard.\n\n"
        "– [brundolf on Hacker News](https://example.org/item)\n"
    )
    doc = features.document_features(read_markdown(md).text, "en")
    first = next(c for c in doc.cands if c.text.startswith("“Rust is funny"))
    assert first.said_by == by and not first.speakerless
    assert first.shown == "“Rust is funny because in one sense it is hard and clunky for a newcomer to write.” " + by
    out = extractive.summarize(read_markdown(md).text, "en", points=0, length="long")
    assert f"to write.” {by}" in out.summary


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("the <form> element, a`b", "the &lt;form> element, a\\`b"),
        ("the __consuming method and **kwargs", "the \\_\\_consuming method and \\*\\*kwargs"),
        ("snake_case names and s*** words", "snake_case names and s\\*\\*\\* words"),
        # A web address stays as written, so it still links.
        ("see https://x.org/_drafts/a*b for _all_", "see https://x.org/_drafts/a*b for \\_all\\_"),
    ],
)
def test_markdown_outputs_show_marks_and_tags_as_written(text: str, markdown: str) -> None:
    from summarize.text.markdown import as_markdown_text

    assert as_markdown_text(text) == markdown


def test_setext_headings_and_indented_code_read_as_commonmark_reads_them() -> None:
    # A README's "Title\n=====" had been a sentence and never the title; its indented examples prose.
    md = (
        "Budget Report\n=============\n\nThe council approved the budget on Monday.\n\n"
        "Background\n----------\n\n    def example():\n        return 1\n\n"
        "- A list item\n\n    with a paragraph of its own, indented.\n\n"
        "<pre>\nraw output\n</pre>\n\nThe plan raises spending.\n\n---\n\nA rule above, no heading.\n"
    )
    prose = read_markdown(md)
    assert (prose.title, prose.headings) == ("Budget Report", ("Budget Report", "Background"))
    assert split_sentences(prose.text) == [
        "Budget Report.",
        "The council approved the budget on Monday.",
        "Background.",
        "- A list item",
        "with a paragraph of its own, indented.",
        "The plan raises spending.",
        "---",
        "A rule above, no heading.",
    ]
    # The newsletter outline reads it as it reads the same document written with "#" headings.
    news = "Weekly\n======\n\nIntro.\n\nModels\n------\n\n- A new parser landed.\n\nJobs\n----\n\n- Acme hires.\n"
    atx = "# Weekly\n\nIntro.\n\n## Models\n\n- A new parser landed.\n\n## Jobs\n\n- Acme hires.\n"
    assert [(s.heading, [b.text for b in s.blocks]) for s in outline(news).sections] == [
        ("Models", ["A new parser landed."]),
        ("Jobs", ["Acme hires."]),
    ]
    assert outline(news) == outline(atx)


def test_a_github_alerts_marker_is_no_words_of_the_text() -> None:
    md = "Intro text here.\n\n> [!NOTE]\n> If you see an error, run the fix.\n\n> [!warning]\n> Back up first.\n"
    assert split_sentences(read_markdown(md).text) == [
        "Intro text here.",
        "If you see an error, run the fix.",
        "Back up first.",
    ]


def test_the_reader_and_the_translator_agree_on_indented_and_nested_code() -> None:
    # The translator had sent "pip install thing" (fenced inside a quote) to its model as prose and kept
    # a list item's indented paragraph untranslated as code; the reader had read both as prose.
    doc = (
        "Intro paragraph here.\n\n- A list item\n\n    with an indented paragraph of its own.\n\n"
        "> Run this:\n> ```\n> pip install thing\n> ```\n\nThen:\n\n    real_code()\n"
    )
    translated = [b.content for b in markdown_blocks(doc) if b.translate]
    assert translated == [
        "Intro paragraph here.",
        "A list item",
        "with an indented paragraph of its own.",
        "Run this:",
        "Then:",
    ]
    assert split_sentences(read_markdown(doc).text) == [
        "Intro paragraph here.",
        "- A list item",
        "with an indented paragraph of its own.",
        "Run this:",
        "Then:",
    ]
    # Plain text has no indented code: an indented paragraph is translated.
    assert [b.content for b in markdown_blocks("Intro.\n\n    An indented line.\n", markdown=False) if b.translate] == [
        "Intro.",
        "An indented line.",
    ]


def test_images_and_badges_are_no_words_and_the_title_is_the_top_heading() -> None:
    # A README's row of badges had read "![build status](https://…)" (the link's pattern took the image's
    # "![alt" for its text), its logo's alt text a sentence, and its first "## Section" its title.
    md = (
        "[![build status](https://ci.example/badge.svg)](https://ci.example) "
        "[![pypi](https://img.example/v.svg)](https://pypi.example/x)\n"
        "[![CI][ci-badge]][ci-link]\n\n![Logo](logo.png)\n\n"
        "Look: ![a cat](cat.png) here is a library that parses dates in any language.\n\n"
        "## Installation\n\nInstall it from the package index with the usual tools.\n"
    )
    prose = read_markdown(md)
    assert split_sentences(prose.text) == [
        "Look: here is a library that parses dates in any language.",
        "Installation.",
        "Install it from the package index with the usual tools.",
    ]
    assert prose.title is None and prose.headings == ("Installation",)
    # A heading nothing but markup comes before names the document, whatever its level; an HTML <h1>
    # on one line is a heading too; a title shows its words, not its Markdown.
    assert read_markdown("[![ci](b.svg)](c)\n\n## pre-commit\n\nA framework.\n").title == "pre-commit"
    assert read_markdown('<h1 align="center">HTTPX2</h1>\n\nA client.\n\n## Features\n\nFast.\n').title == "HTTPX2"
    assert read_markdown("# [`tool`](https://x.example) **fast**\n\nIt runs.\n").title == "tool fast"


def test_html_blocks_edges_part_words() -> None:
    from summarize.text.inline import inline_to_text

    # A README's layout table had read "cell onecell two"; an inline tag still sits inside a word.
    assert inline_to_text("<table><tr><td>cell one</td><td>cell two</td></tr></table>").split() == [
        "cell",
        "one",
        "cell",
        "two",
    ]
    assert inline_to_text("<b>bold</b>word and <p>a</p><p>b</p>").split() == ["boldword", "and", "a", "b"]


def test_a_code_span_wrapped_over_lines_is_read_whole() -> None:
    # A hard-wrapped document: the span had read as prose with its backticks, its "<p>" as a tag.
    md = 'Run `@click.command()\n  @click.option("--count")` first, then `<p>\nblocks` go.\n\n- a `b\n- c` d\n'
    assert split_sentences(read_markdown(md).text) == [
        'Run @click.command() @click.option("--count") first, then <p> blocks go.',
        "- a b",  # a span does not run from one list item into the next
        "- c d",
    ]


def test_a_link_wrapped_over_lines_or_on_a_wrapped_line_of_its_sentence_keeps_its_words() -> None:
    # A hard-wrapped README: a link on a line of its own inside a sentence had been dropped as a
    # pointer ("a library for reading, the pages of files"), and a link whose text wraps had kept its
    # brackets and its address in the prose.
    md = (
        "Pagekit is a library for reading,\n[merging](https://example.org/m),\n"
        "[cropping and turning](https://example.org/c)\nthe pages of files. See [the upgrade\n"
        "notes](https://example.org/u) for more.\n\n"
        "> A quote with [a wrapped\n> link][ref] inside it.\n\n"
        "Read the guide:\n[Guide](https://example.org/g)\n\n"
        "- [Item one](https://example.org/1)\n- [Item two\n- three](https://example.org/2)\n"
    )
    sentences = split_sentences(read_markdown(md).text)
    assert sentences[:4] == [
        "Pagekit is a library for reading, merging, cropping and turning the pages of files.",
        "See the upgrade notes for more.",
        "A quote with a wrapped link inside it.",
        "Read the guide:",  # a link after a colon is a pointer still, and so is a list item's link
    ]
    # A link's text does not run from one list item into the next.
    assert len(sentences) == 6 and "Item one" not in sentences[4] and sentences[5].startswith("- three")


def test_an_admonitions_body_is_prose_and_its_marker_no_words() -> None:
    # MkDocs' "!!! note" indents its body by four spaces, which CommonMark alone reads as code.
    md = (
        'Intro text here.\n\n!!! note "Mind the gap"\n\n    The body of the note is prose.\n\n'
        "??? tip\n    A collapsed tip without a blank line.\n\nAfter.\n\n    real_code()\n"
    )
    assert split_sentences(read_markdown(md).text) == [
        "Intro text here.",
        "The body of the note is prose.",
        "A collapsed tip without a blank line.",
        "After.",
    ]


def test_the_translator_keeps_an_admonitions_marker_and_translates_its_body() -> None:
    doc = 'Intro.\n\n!!! note "Mind the gap"\n\n    The body of the note is prose.\n\nAfter.\n\n```\ncode\n```\n'
    blocks = markdown_blocks(doc)
    assert [b.content for b in blocks if b.translate] == ["Intro.", "The body of the note is prose.", "After."]
    assert '!!! note "Mind the gap"\n' in [b.raw for b in blocks if not b.translate]


def test_an_html_heading_or_a_disclosures_label_is_a_heading_not_a_sentence() -> None:
    md = (
        "Intro paragraph here about the tool.\n\n<details>\n<summary>Install on Windows</summary>\n\n"
        "Run the installer and follow the steps shown.\n\n</details>\n\n"
        '<h2 align="center">Features</h2>\n\nIt is fast.\n'
    )
    prose = read_markdown(md)
    assert (prose.title, prose.headings) == (None, ("Install on Windows", "Features"))
    assert split_sentences(prose.text) == [
        "Intro paragraph here about the tool.",
        "Install on Windows.",
        "Run the installer and follow the steps shown.",
        "Features.",
        "It is fast.",
    ]
    assert read_markdown("<summary>Details</summary>\n\nText of the document here.\n").title is None
    # A section's common name opens a README that has no heading of its name: no title, and no later
    # heading stands in ("Usage" names a part too).
    for md in ("## What is it?\n\nA parser.\n\n# Usage\n\nRun it.\n", "# Introduction\n\nA parser.\n"):
        prose = read_markdown(md)
        assert prose.title is None and prose.headings[0] in ("What is it?", "Introduction"), md
    assert read_markdown("# Introduction to Rust\n\nA book.\n").title == "Introduction to Rust"


def test_an_items_title_is_a_sentence_before_the_blurb_it_quotes() -> None:
    # Haskell Weekly: "- [Title](…) by Jane Doe" over an indented blockquote of the story's words had read
    # as one sentence, "…sliding windows by Brent Yorgey “Today I want…".
    md = (
        "## Featured\n\n"
        "- [Stacks and queues in Haskell](https://x.org/a) by Jane Doe\n"
        "  > Today I want to show you how to solve this problem with one of my favourite tricks.\n\n"
        "- [Haskell: A Great Procedural Language](https://x.org/b) by kqr.\n"
        "  > This article really tried to become a monad tutorial.\n\n"
        "A paragraph of the writer's own\n> that a quotation interrupts.\n"
    )
    said = split_sentences(read_markdown(md).text)
    assert said[1:3] == [
        "- Stacks and queues in Haskell by Jane Doe.",
        "“Today I want to show you how to solve this problem with one of my favourite tricks.”",
    ]
    assert "- Haskell: A Great Procedural Language by kqr." in said  # a stop of its own: none added
    assert "A paragraph of the writer's own that a quotation interrupts." in said  # no item: as before
