"""What news pages leave in their text, read in the thirtieth session (newspaper4k's test pages: Reuters, The
Telegraph's live coverage, The Daily Caller, Live Science, About.com, Business Insider, a paper's book round-up,
a tutorial with code): a gallery's caption and a teaser before a wire story's dateline, a live page's time
stamps and sign-off, a sports agency's caption, a health site's review line, pointers and credits in brackets,
an embedded post's credit, a book's listing fields, notes in brackets, code pasted as text, a title's lone
first word. Samples are written for the tests, in the pages' shapes."""

from __future__ import annotations

import pytest

from summarize.engines.features import candidates
from summarize.text.calls import FURNITURE_LINE, is_call_to_action
from summarize.text.clutter import story_start, trim_clutter
from summarize.text.furniture import is_furniture, is_writer_note
from summarize.text.headlines import is_title_line
from summarize.text.questions import is_question
from summarize.text.sentences import split_sentences
from tests.test_furniture import _extractive, _shown
from tests.test_pages_read import STORY


def test_a_wire_story_starts_at_its_dateline() -> None:
    text = "\n\n".join(
        [
            "1 of 4. Harbour officials watch the ferry leave Penzance in Cornwall December 29, 2026.",
            "The best and worst of island life in 2026.",
            "PENZANCE, England (Reuters) - " + STORY[0],
            *STORY[1:],
        ]
    )
    shown = _shown(_extractive(text))
    assert "1 of 4" not in shown and "Harbour officials watch" not in shown
    assert "best and worst" not in shown
    assert "ferry service between Penzance" in shown


def test_story_start_finds_the_dateline_among_the_first_sentences_only() -> None:
    sentences = ["The best and worst of 2026.", "SURABAYA, Indonesia/JAKARTA (Reuters) - Rescuers found wreckage."]
    assert story_start(sentences) == 1
    assert story_start(STORY) == 0
    late = [*STORY[:4], "LONDON (Reuters) - Prices rose."]
    assert story_start(late) == 0


def test_places_joined_by_a_slash_leave_with_the_dateline() -> None:
    dated = "SURABAYA, Indonesia/JAKARTA (Reuters) - Rescuers found wreckage."
    assert trim_clutter(dated) == "Rescuers found wreckage."


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("1 of 4. Authorities monitor progress in the search in Jakarta December 29, 2014.", True),
        ("Credit: By Karl Tate, Infographics Artist View full size image Facts about the zombie phenomenon.", True),
        ("Dec 27, 2014; Louisville, KY, USA; Louisville forward Harrell (24) posts up. Mandatory Credit: Jo Roe", True),
        ("Written or reviewed by a board-certified physician. See About.com's Medical Review Board.", True),
        ("Medically reviewed by Jane Doe, MD", True),
        ("11.18 More from Tom Phillips in Indonesia.", True),
        ("1 of 4 people said they would travel by ferry next year.", False),
        ("Reviewed by the court, the case was closed on Monday.", False),
        ("10:30 Crowds gathered at the harbour before the ferry left.", False),
    ],
)
def test_a_pages_lines_around_its_pictures_and_reviews(line: str, furniture: bool) -> None:
    assert bool(FURNITURE_LINE.match(line)) is furniture


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("This story originally appeared on The Atlantic.", True),
        ("17.00 We are going to leave our live coverage here for today, but will be back at first light.", True),
        ("FA Insights is a daily newsletter from Business Insider that delivers the top news for advisors.", True),
        ("Morning Brew is a daily newsletter that raised $20m this week, its founders said.", False),
        ("We are going to leave the harbour at dawn, the skipper said.", False),
    ],
)
def test_a_live_pages_sign_off_a_reprints_origin_and_a_newsletters_self_description(text: str, asks: bool) -> None:
    assert is_call_to_action(text) is asks


def test_a_live_pages_time_stamp_leaves_its_entry() -> None:
    assert trim_clutter('16.06 AirAsia QZ8501 made an "unbelievably" steep climb.') == (
        'AirAsia QZ8501 made an "unbelievably" steep climb.'
    )
    assert trim_clutter("10.5 million people travelled by ferry.") == "10.5 million people travelled by ferry."


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("(RELATED: Kentucky Basketball’s Christmas Card Must Be Pretty Intimidating For Opposing Teams).", True),
        ("(File 2013/The Associated Press).", True),
        ("Boston Herald / Polaris Firefighter Sean Coyle uses a basket to slide out to Sylvie.", True),
        ("** Includes 162 unconfirmed passengers from AirAsia Flight QZ8501.", True),
        ("Lawrence at the game pic.twitter.com/soxnfJGWwd — Jennifer Lawrence (@JUpdates) December 27, 2014.", True),
        ("Schwartz & Wade, $17.99; ages 3-7.", True),
        ("Arthur A. Levine Books, 256 pp., $17.99.", True),
        ("A special credit to data reporter Lindsey Cook and Andrew Soergel who put together the numbers.", True),
        ("(after extra-time - score at 90 mins 1-1).", True),
        ("(Published Monday, Nov. 18, 2019).", True),
        ("(Alden on Tuesday announced that it had become the largest shareholder of Tribune for $13 a share.)", False),
        ("The company sold 300 units, $12.99 each, to buyers aged 30 and over.", False),
        ("AC/DC Reuters reported the tour would go on.", False),
    ],
)
def test_pointers_credits_listings_and_notes_are_furniture(sentence: str, furniture: bool) -> None:
    assert is_furniture(sentence, "en") is furniture


def test_a_list_dense_in_brackets_is_no_code() -> None:
    squad = "Coyne (Burnley), Jones (Wolves), Roberts (Wrexham), Collins (Sunderland), Edwards (Wolves), Page (Cardiff)"
    assert not is_furniture(squad, "en")


def test_code_pasted_as_text_gives_no_candidate() -> None:
    code = (
        "$app['datastore'] = function(){ return [ 'users' => [ 'dave' => [ 'avatar' => 'man1.png', "
        "'trophies' => 1, ], ] ]; };"
    )
    prose = "Harbour officials said the ferry (the Scillonian) will run again in May [see map] for £45 a seat."
    texts = [c.text for c in candidates("\n\n".join([*STORY, code, prose]), "en")]
    assert not any("datastore" in t for t in texts)
    assert any("Scillonian" in t for t in texts)


def test_a_titles_lone_first_word_is_not_cut_from_it_and_a_name_is() -> None:
    assert split_sentences("Make It the Focal Point: With a piece of bling like hers, keep the rest soft.", "en") == [
        "Make It the Focal Point: With a piece of bling like hers, keep the rest soft."
    ]
    assert split_sentences("He was banned from driving The brother of the footballer said so.", "en") == [
        "He was banned from driving",
        "The brother of the footballer said so.",
    ]


def test_nothing_is_cut_inside_brackets_and_an_asides_end_is_furniture() -> None:
    pointer = "[Trippy Tales: The History of 8 Hallucinogens]"
    assert split_sentences(pointer, "en") == [pointer]
    assert is_furniture(pointer, "en")
    assert is_furniture("The History of 8 Hallucinogens].", "en")
    assert not is_furniture("The History of 8 Hallucinogens is a book [2014].", "en")


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("信息网络传播视听节目许可证0108263号。", True),
        ("中国日报网版权说明：凡注明来源为“中国日报网”的作品，未经允许禁止转载、使用，违者必究。", True),
        ("给中国日报网提意见：rx@chinadaily.com.cn.", True),
        ("Press enquiries: press@example.org", True),
        ("他在信中向 jane@example.org 询问了许可证的事。", False),
        ("He wrote to jane@example.org about the ferry timetable.", False),
    ],
)
def test_a_chinese_sites_footer_and_a_contact_line_are_furniture(sentence: str, furniture: bool) -> None:
    assert is_furniture(sentence, "zh" if "中" in sentence or "信" in sentence else "en") is furniture


def test_a_chinese_pages_share_buttons_are_a_pages_line() -> None:
    assert FURNITURE_LINE.match("分享到微信")
    assert FURNITURE_LINE.match("分享")
    assert not FURNITURE_LINE.match("分享经济正在改变城市。")


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("With Ferguson and Eric Garner in the headlines, is Selma particularly meaningful now?", True),
        ("Or the complexity of the dictatorship's propaganda system?", True),
        ("Still, who could blame them?", True),
        ("The question, he said, was what to do?", False),
        ("Organisers asked why?", False),
        ("Or so he said, at least.", False),
    ],
)
def test_an_english_question_after_a_phrase_or_going_on_with_or(sentence: str, asks: bool) -> None:
    assert is_question(sentence, "en") is asks


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("How to Build A Butterfly Wing", True),
        ("Ferry Strike Ends in Cornwall", True),
        ("How Butterflies Get Their Shine.", False),
        ("The harbour reopened today", False),
        ("🎈🎉 Announcing Rust 1.41.0. 🎉🎈", False),
        ("Ferry Strike", False),
    ],
)
def test_a_title_case_line_is_told(line: str, title: bool) -> None:
    assert is_title_line(line) is title


def test_a_heading_inside_a_pages_text_gives_no_candidate() -> None:
    text = "\n\n".join([*STORY[:5], "How to Build A Butterfly Wing", *STORY[5:]])
    assert not any("Butterfly" in c.text for c in candidates(text, "en"))


def test_a_chinese_sentence_in_brackets_is_no_note() -> None:
    assert not is_furniture("(更多关于受访女性的细节可以在本文末尾找到。)", "zh")


def test_a_japanese_papers_lines_paywall_and_related_headlines_leave_what_it_shows() -> None:
    story = [
        "６月12日の米朝首脳会談を巡って戦っていたのは、トランプと金正恩ばかりではなかった。",
        "中国国家主席の習近平も重要な陰の参戦者だった。",
        "米韓軍事演習の中止にまで踏み込んだ会談は、トランプによる一方的譲歩に見える。",
        "中国は制裁の緩和を求め、北朝鮮との貿易を再開する構えだ。",
        "日本政府は拉致問題の解決を改めて求めた。",
    ]
    text = "\n\n".join(
        [
            "米朝首脳直通電話 トランプ戦術の成否（写真＝ロイター）",
            "編集委員 中沢克二",
            "- （1/3ページ）\n- 2018/6/19 5:50\n- 情報元: 日本経済新聞 電子版",
            *story,
            "この記事は会員限定です。電子版に登録すると続きをお読みいただけます。",
            "- [FT]米朝首脳会談、クシュナー氏が橋渡し （2018/6/18 14:10）\n"
            "- 米、北朝鮮非核化まで制裁継続 （2018/6/15付）",
            "Nikkei Inc. No reproduction without permission.",
        ]
    )
    shown = _shown(_extractive(text))
    for gone in (
        "ページ",
        "2018/6/19",
        "情報元",
        "中沢",
        "会員限定",
        "続き",
        "クシュナー",
        "制裁継続",
        "写真",
        "reproduction",
    ):
        assert gone not in shown
    assert "習近平" in shown


def test_a_guest_writers_note_and_a_more_from_list_leave_what_a_post_shows() -> None:
    text = "\n\n".join(
        [
            *STORY,
            "Gail Gardner is the Small Business Marketing Strategist who founded GrowMap.com. She also answers "
            "questions in live chat as Community Manager at SocialImplications.com.",
            "More from AllBusiness.com:",
            "- The Gift of a Bright Business Idea\n- Be Prepared for a Roller Coaster Ride: 5 Key Predictions",
        ]
    )
    shown = _shown(_extractive(text))
    for gone in ("Gail Gardner", "live chat", "AllBusiness", "Roller Coaster", "Bright Business"):
        assert gone not in shown


@pytest.mark.parametrize(
    ("sentence", "note"),
    [
        ("Gail Gardner is the Small Business Marketing Strategist who founded GrowMap.com.", True),
        ("Jane Doe is a freelance writer based in Leeds.", True),
        ("John Smith is the chief executive of the ferry firm.", False),
        ("Tom Roe is a former footballer who now coaches in Devon.", False),
    ],
)
def test_a_writers_note_is_told(sentence: str, note: bool) -> None:
    assert is_writer_note(sentence) is note


def test_a_writers_note_early_in_a_text_is_a_candidate() -> None:
    text = "\n\n".join(["Jane Doe is a freelance writer who covered the strike for the island paper.", *STORY])
    assert any("freelance writer" in c.text for c in candidates(text, "en"))


def test_an_old_cnn_pages_stamp_is_a_pages_line() -> None:
    assert FURNITURE_LINE.match("November 28, 2013 -- Updated 0203 GMT (1003 HKT)")
