"""Which characters are CJK or caseless (text/scripts.py), and the rules built on it."""

from __future__ import annotations

import pytest

from summarize.text.bounds import word_count
from summarize.text.detect import detect_language
from summarize.text.joined import join_sentences, with_stop
from summarize.text.scripts import has_caseless, has_cjk, is_cjk
from summarize.text.sentences import split_sentences
from summarize.text.textsim import tokens


@pytest.mark.parametrize(
    ("ch", "expected"),
    [
        ("の", True),
        ("ア", True),
        ("中", True),
        ("㐀", True),
        ("한", True),
        ("豈", True),
        ("a", False),
        ("é", False),
        ("“", False),
        ("ا", False),
        ("。", False),
    ],
)
def test_is_cjk(ch: str, expected: bool) -> None:
    assert is_cjk(ch) is expected


def test_has_cjk_and_caseless() -> None:
    assert not has_cjk("") and not has_cjk("Plain “quoted” English — with dashes.")
    assert has_cjk("English with one 字 in it")
    assert not has_caseless("Plain “quoted” English.")
    assert has_caseless("اردو") and has_caseless("हिन्दी") and has_caseless("ภาษาไทย") and has_caseless("中文")


def test_the_rules_that_use_it() -> None:
    # A Han character counts half a word; words elsewhere one each; punctuation alone none.
    assert word_count("一二三四") == 2
    assert word_count("two words — here") == 3
    assert word_count("abc 一二") == 2
    # Each CJK character is a token; other words stay whole.
    assert tokens("Hello 中文 world") == ["hello", "中", "文", "world"]
    # No space after CJK text, one after Latin-style stops.
    assert join_sentences(["你好。", "再见。"]) == "你好。再见。"
    assert join_sentences(["Hello.", "Bye."]) == "Hello. Bye."
    assert join_sentences(["東京", "大阪"]) == "東京大阪"
    # Korean spaces its words and sentences and ends one with "." (it was glued, and given "。").
    assert join_sentences(["서울에서 열렸다", "다음 날 발표했다."]) == "서울에서 열렸다 다음 날 발표했다."
    assert with_stop("서울 뉴스") == "서울 뉴스." and with_stop("東京のニュース") == "東京のニュース。"


def test_single_language_scripts_settle_detection() -> None:
    assert detect_language("これは日本語の文章です。ひらがなとカタカナ。").code == "ja"
    assert detect_language("한국어 문장입니다. 짧지만 충분합니다.").code == "ko"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ລັດຖະບານລາວໄດ້ອະນຸມັດງົບປະມານໃໝ່.", "lo"),
        ("ក្រុមហ៊ុនបានប្រកាសកាលពីថ្ងៃច័ន្ទ។ វាបានទិញអគារថ្មីមួយ។", "km"),
        ("အစိုးရသည် ဘတ်ဂျက်အသစ်ကို အတည်ပြုခဲ့သည်။", "my"),
        ("მთავრობამ ახალი ბიუჯეტი დაამტკიცა.", "ka"),
        ("Կառավարությունը հաստատեց նոր բյուջեն։", "hy"),
        ("රජය නව අයවැය අනුමත කළේය.", "si"),
    ],
)
def test_scripts_langdetect_has_no_profile_for_are_named_by_the_script(text: str, code: str) -> None:
    # Before, "und" (probability 0): such text was split and summarized with English rules.
    found = detect_language(text)
    assert (found.code, found.method, found.reliable) == (code, "script", True)


def test_a_khmer_text_is_split_at_its_full_stops() -> None:
    from summarize import SummarizeOptions, Summarizer

    sentences = ["ក្រុមហ៊ុនបានប្រកាសកាលពីថ្ងៃច័ន្ទ។", "វាបានទិញអគារថ្មីមួយ។", "ការងារនឹងចាប់ផ្តើមនៅខែឧសភា។"]
    assert split_sentences(" ".join(sentences), "km") == sentences
    result = Summarizer(SummarizeOptions(engine="extractive", length="short", points=0)).summarize(
        "".join(sentences * 2), "km.txt"
    )
    assert result.language.code == "km" and result.summary != "".join(sentences * 2)
