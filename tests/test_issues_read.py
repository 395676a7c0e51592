"""Newsletter issues read in the twenty-ninth session (This Month in Servo, HelloGitHub, Python 潮流周刊):
a post's style sheet, a tag over several lines, character references, the Chinese weeklies' asks and
licence notice, and the sections that are a newsletter's own furniture. Samples are written for the
tests, in the issues' shapes."""

from __future__ import annotations

import pytest

from summarize.engines.newsletter import newsletter_points
from summarize.text.calls import is_call_to_action
from summarize.text.furniture import is_furniture
from summarize.text.mdprose import read_markdown

POST = """---
title: "This month in Ferries: night sailings and more"
---

<figure><a href="/img/ferry.png"><img src="/img/ferry.png"
    alt="The new ferry showing support for <ul type> and a caption"></a>
<figcaption>Figure 1: the new ferry at its first night sailing.</figcaption></figure>

The harbour service now runs night sailings between Penzance and the islands, every Friday.

We now support rendering text typed in &lt;textarea> (#32886), and AT&T phones can book tickets.

The `&lt;b>` tag stays as written in code.

<style>
    ._fig:not(#specificity) { width: 33em; max-width: 100%; margin: 1em auto; }
    ._figr > a > img { width: 21em; max-width: 100%; }
</style>
"""


def test_a_posts_style_sheet_and_a_tag_over_lines_are_no_prose() -> None:
    text = read_markdown(POST).text
    assert "width" not in text and "_fig" not in text  # the style sheet
    assert "alt=" not in text and "ul type" not in text and "img" not in text  # the tag over two lines
    assert "Figure 1: the new ferry at its first night sailing." in text


def test_character_references_read_as_their_characters() -> None:
    text = read_markdown(POST).text
    assert "typed in <textarea> (#32886)" in text and "AT&T phones" in text
    assert "The &lt;b> tag stays as written in code." in text  # a code span shows what it holds


@pytest.mark.parametrize(
    "line",
    [
        "兴趣是最好的老师。Tips：如果文中的图刷不出来，可以点击 这里 获取更好的阅读体验。",
        "关注「HelloGitHub」公众号，第一时间收到推送。",
        "以下为本期内容｜每个月 28 号更新",
        "🔙 返回目录 🔙",
        "你好，我是猫哥。这里每周分享优质的 Python、AI 及通用技术内容，大部分为英文。",
        "本期分享了 12 篇文章，12 个开源项目，2 则热门讨论，全文 2200 字。",
    ],
)
def test_the_chinese_weeklies_asks_are_calls_to_action(line: str) -> None:
    assert is_call_to_action(line)


@pytest.mark.parametrize(
    "line",
    [
        "该公众号的文章引发了广泛讨论。",  # a public account in the news
        "该事件引发广泛关注，多家公众号转载了这篇文章。",
        "他每周分享一次读书笔记，已经坚持了三年。",
        "他在这里工作了十年，每个月都去看望父母。",
        "本期工程投资 12 亿元，预计明年完工。",  # "this phase" of a project, no issue's contents
    ],
)
def test_news_in_chinese_is_no_call_to_action(line: str) -> None:
    assert not is_call_to_action(line)


def test_a_chinese_licence_notice_is_furniture() -> None:
    assert is_furniture("本作品采用 署名-非商业性使用-禁止演绎 4.0 国际 进行许可。", "zh")
    assert not is_furniture("该公司采用新技术生产电池。", "zh")


WEEKLY = """# Harbour Weekly 12

## Articles

1、[Night sailings resume](https://example.org/a)

The ferry operator restarted night sailings between Penzance and the islands on Friday after a strike.

2、[A new vessel for the islands](https://example.org/b)

A new vessel ordered from a yard in Devon is due to enter service in the spring of 2028.

## Projects

1、[tidewatch](https://example.org/c)

A tool that reads tide tables and warns harbour masters of low water two hours ahead.

## 🐧 往年回顾

[Harbour Weekly 11: How fares are set across the islands](https://example.org/11) （2023.11.18）

## 🐱欢迎订阅

Harbour Weekly is the smart reader's way through information overload, picked for harbour workers.
"""


def test_a_newsletters_past_issues_and_subscription_sections_give_no_point() -> None:
    points = newsletter_points(WEEKLY, "en", 5, kind="newsletter")
    assert points is not None and points
    shown = " ".join(points)
    assert "fares are set" not in shown and "information overload" not in shown
    assert "night sailings" in shown.lower()


# An issue in the shape of This Month in Rust GameDev's: a game's entry, a picture with a caption that points
# elsewhere, its title, its story and a list of its changes, then a discussions line.
GAMEDEV = """# This Month in Harbour GameDev #4

## Game Updates

### Ferry Captain

[![Ferry Captain logo](ferry.png)][ferry-video]
_click to see the release trailer_

["Ferry Captain"][ferry-about] by Jane Roe

Ferry Captain is a puzzle game about steering ferries between islands in a winter storm.

- Improved harbour generation;
- Improved inventory system and character creation;

_Discussions of this post: [/r/rust](https://example.org/r), [twitter](https://example.org/t)_

### Island Builder

Island Builder reached version 0.6 this month with a new map editor and 12 new islands to build.

## Learning Material

People have been busy but nothing really interesting worth discussing for this week, sadly.

[ferry-video]: https://example.org/video
[ferry-about]: https://example.org/about
"""


def test_a_pointing_caption_list_pieces_and_discussions_give_no_newsletter_point() -> None:
    points = newsletter_points(GAMEDEV, "en", 5, kind="newsletter")
    assert points is not None
    shown = " ".join(points)
    for gone in ("click to see", "Improved", "Discussions", "nothing really interesting"):
        assert gone not in shown
    assert any(p.startswith('"Ferry Captain" by Jane Roe') for p in points)
    assert any("Island Builder reached version 0.6" in p for p in points)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("People have been busy but… nothing really interesting worth discussing for this week, sadly.", True),
        ("There was nothing new in the budget this week, the minister said.", False),
    ],
)
def test_an_empty_sections_note_is_the_newsletters_own(text: str, said: bool) -> None:
    assert is_call_to_action(text) is said


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("Discussions of this post: /r/rust, twitter.", True),
        ("click to see the release trailer", True),
        ("^ Click to see a demo video.", True),
        ("Discussions between the two sides resumed on Monday.", False),
    ],
)
def test_a_discussions_line_and_a_click_pointer_are_furniture(sentence: str, furniture: bool) -> None:
    assert is_furniture(sentence, "en") is furniture


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        ("Please set aside a brief moment to answer this short survey about the state of our ecosystem.", True),
        ("Take our 2-minute survey.", True),
        ("Voters were asked to answer the survey by Friday.", False),
    ],
)
def test_a_newsletters_survey_ask_is_its_own(text: str, ask: bool) -> None:
    assert is_call_to_action(text) is ask
