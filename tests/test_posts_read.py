"""What blog posts leave in their text, read in the thirtieth session (Julia Evans' blog, the .NET blog,
Chinese translations of The New Stack, Towards Data Science and freeCodeCamp posts): a blogging platform's
line around the read time, pictures' credits in English and Chinese, a sponsor's banner of links, a list's
items that are pieces of a sentence, thanks for help, a pointer to the full details, key=value fields,
spaces between links in Chinese, a signpost to more. Samples are written for the tests, in the posts'
shapes."""

from __future__ import annotations

import pytest

from summarize.engines.newsletter import newsletter_points
from summarize.text.calls import FURNITURE_LINE, is_call_to_action
from summarize.text.fragments import fragment_starts, is_list_piece
from summarize.text.furniture import is_furniture
from summarize.text.inline import inline_to_text
from summarize.text.mdprose import read_markdown
from summarize.text.questions import is_question
from tests.test_furniture import _extractive, _shown
from tests.test_pages_read import STORY

# A Chinese post, in the shape of a translated Medium post: its byline's line around the read time, a
# picture's credit, a sponsor's banner of links, a sentence with a link on each word.
ZH_POST = """# 远程团队的十个经验

[关注](https://example.org/follow) 发表在 [数据周刊](https://example.org/pub) ·6分钟阅读·2023年8月7日[](https://example.org/x)

[](https://example.org/a) [他现在是一家创业公司的首席执行官。](https://example.org/b) [](https://example.org/c)

图片由作者使用 SDXL 1.0 生成。

远程团队在过去三年里增长了一倍，柏林和里斯本的办公室已经改为共享空间。

公司调查了四百名员工，其中七成表示每周至少需要一次面对面的会议。

我已经[连续](https://example.org/1) [五年](https://example.org/2) [写](https://example.org/3)这份年度回顾，今年的主题是异步沟通。

照片由 Mimi Thian 提供，来源于 Unsplash.

团队把每周例会缩短到三十分钟，并把决定写进共享文档。

新员工的入职时间从六周减少到四周，离职率下降了百分之十二。

财务部门估计，办公室租金每年节省了二十万欧元。

工程团队在东京和多伦多各招聘了十名工程师。
"""


def test_a_chinese_posts_byline_credits_and_banner_leave_what_it_shows() -> None:
    shown = _shown(_extractive(ZH_POST))
    for gone in ("分钟阅读", "关注", "首席执行官", "SDXL", "Unsplash", "Mimi"):
        assert gone not in shown
    assert "四百名员工" in shown or "一倍" in shown


@pytest.mark.parametrize(
    "line",
    [
        "Follow Published in Towards Data Science · 6 min read · Aug 7, 2023",
        "Published in Towards Data Science · 6 min read · Aug 7, 2023",
        "关注 发表在 Towards Data Science ·6分钟阅读·2023年8月7日",
        "关注",
    ],
)
def test_a_platforms_read_time_line_is_a_pages_line(line: str) -> None:
    assert FURNITURE_LINE.match(line)


@pytest.mark.parametrize(
    "line",
    ["The piece is a 6 min read · worth it, the editor said.", "他在会上说：我们一直关注这个问题。"],
)
def test_prose_about_reading_or_following_is_no_pages_line(line: str) -> None:
    assert not FURNITURE_LINE.match(line)


def test_a_read_time_line_gives_no_newsletter_point() -> None:
    md = (
        "# Ten lessons\n\n## Planning\n\n"
        "Follow Published in Towards Data Science · 6 min read · Aug 7, 2023\n\n"
        "- Agree on a one-page brief before the first meeting with another team.\n\n"
        "## Delivery\n\n- Set a date and write down why it was chosen for the whole team.\n"
    )
    points = newsletter_points(md, "en", 5, kind="newsletter")
    assert points is not None
    assert not any("min read" in p for p in points)
    assert any("one-page brief" in p for p in points)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("图片由作者使用 SDXL 1.0 生成。", "zh"),
        ("照片由 Mimi Thian 提供，来源于 Unsplash.", "zh"),
        ("阅读机器人的图像由 openAI 的 dall-e 生成。", "zh"),
        ("图片来源：Unsplash", "zh"),
        ("人工智能生成的插图——图片来自 Janelle Shane 的网站", "zh"),
        ("Image by the author, generated with SDXL 1.0.", "en"),
        ("Photo by Mimi Thian on Unsplash", "en"),
        ("Screenshot by author.", "en"),
    ],
)
def test_a_pictures_credit_is_furniture(sentence: str, lang: str) -> None:
    assert is_furniture(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("图片来自卫星的数据显示海冰正在减少。", "zh"),
        ("警方公布的照片由记者拍摄后在网上广泛流传，引发了公众对此案的关注。", "zh"),
        ("Images from NASA show the two galaxies colliding over millions of years.", "en"),
    ],
)
def test_news_about_pictures_is_no_credit(sentence: str, lang: str) -> None:
    assert not is_furniture(sentence, lang)


def test_a_banner_of_links_leaves_the_prose_and_a_sentence_with_links_stays() -> None:
    md = (
        "[](https://example.org/a) [He is now the chief executive of a startup.](https://example.org/b) "
        "[](https://example.org/c)\n\n"
        "The [council](https://example.org/c) and the [union](https://example.org/u) agreed a deal.\n"
    )
    text = read_markdown(md).text
    assert "chief executive" not in text
    assert "The council and the union agreed a deal." in text


def test_spaces_between_links_in_chinese_go_and_between_latin_words_stay() -> None:
    assert inline_to_text("我已经[连续](https://a.org/1) [五年](https://a.org/2) [写](https://a.org/3)这份回顾") == (
        "我已经连续五年写这份回顾"
    )
    assert inline_to_text("[Rust](https://a.org/r) [Go](https://a.org/g) 和 [中文](c) [English](d)") == (
        "Rust Go 和 中文 English"
    )


def test_a_hyphenated_word_in_lower_case_opens_a_fragment() -> None:
    sentences = [*STORY, 'log-structured storage engines (like "log-structured merge trees").']
    assert fragment_starts(sentences, None, "en") == {len(STORY)}


def test_a_name_written_in_lower_case_with_a_hyphen_opens_a_sentence() -> None:
    # A README that names its package so throughout: a name, not a piece the splitter cut.
    sentences = [
        *STORY[:6],
        "scikit-learn is a library for machine learning in Python.",
        "Install scikit-learn with pip before running the examples.",
    ]
    assert fragment_starts(sentences, None, "en") == set()


def test_items_naming_attributes_do_not_make_a_text_one_written_in_lower_case() -> None:
    # Hyphenated names in lower case are fragments, but they do not count toward FRAGMENT_SHARE: a newsletter
    # listing attributes ("hx-sync …") keeps its other fragments out.
    sentences = [*STORY[:5], "hx-sync to synchronize requests.", "hx-disinherit to stop inheritance.", "and more."]
    assert fragment_starts(sentences, None, "en") == {5, 6, 7}


@pytest.mark.parametrize(
    ("raw", "piece"),
    [
        ("- Server-Send Events and WebSocket support was factored into extensions,", True),
        ("* the Restored plugin, which lets elements know when they are restored;", True),
        ("- Enum 新增 CaseIterable 协议，支持 allCases 属性；", False),
        ("- The Loading States plugin helps you show loading to the user.", False),
        ("Early reports said the ban extended to all shark products,", False),
    ],
)
def test_a_lists_item_ending_in_a_comma_is_a_piece(raw: str, piece: bool) -> None:
    assert is_list_piece(raw) is piece


def test_a_lists_pieces_are_no_candidates() -> None:
    text = "\n\n".join(
        [
            *STORY[:8],
            "The release also includes:\n"
            "- Server-Send Events support for the harbour app was factored into extensions,\n"
            "- the new timetable plugin, which shows winter sailings",
        ]
    )
    assert "factored into extensions" not in _shown(_extractive(text))


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("Thanks to Julian Squires, Pris Nasrat, and Kamal Marhubi for helping me with new system calls!", True),
        ("Thanks to Kamal for reading a draft of this.", True),
        ("Full details in the original post by David Pine and the Aspire 13.2 docs.", True),
        ("Thanks to the new law, prices fell for farmers across the county.", False),
        ("Thanks to Apple for its support, the firm grew by a third.", False),
        ("Full details of the plan are expected next week, the minister said.", False),
    ],
)
def test_thanks_for_help_and_a_pointer_to_the_details_are_furniture(sentence: str, furniture: bool) -> None:
    assert is_furniture(sentence, "en") is furniture


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("s:/C=US/ST=California/L=Mountain View/O=Google Inc/CN=mail.google.com.", True),
        ("Run it with a=1 b=2 c=3 set.", True),
        ("The score was 2=1 after extra time, then x=3 in the replay.", False),
        ("If a = b and c = d then e = f.", False),
    ],
)
def test_key_value_fields_are_no_sentence(sentence: str, furniture: bool) -> None:
    assert is_furniture(sentence, "en") is furniture


@pytest.mark.parametrize(
    ("text", "signpost"),
    [
        ("That's still not all!", True),
        ("But wait, there's more!", True),
        ("Much more!", True),
        ("That is not all the police found in the flat.", False),
        ("There's more to the story than the council says.", False),
    ],
)
def test_a_signpost_to_more_is_no_sentence(text: str, signpost: bool) -> None:
    assert is_call_to_action(text) is signpost


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("2021 年的混乱是否创造了任何可能延续到未来一年的意外趋势？", True),
        ("问题 1: 你认为女性在IT领域的最大优势是什么？", True),
        ("IT行业仍然被认为是男性主导的领域，还是时代在慢慢变化？", True),
        ("他出版了新书《谁动了我的奶酪？》。", False),
        ("公司今年营收增长了三成，利润是多少尚未公布。", False),
    ],
)
def test_a_chinese_question_is_told_by_its_words_anywhere(sentence: str, asks: bool) -> None:
    assert is_question(sentence, "zh") is asks
