"""Sentence splitting on real Urdu and Chinese text from ../shared/data, and the English basics."""

from __future__ import annotations

import json
import re

import pytest

from summarize.engines import extractive
from summarize.text import continuations, glued, segment, sentences
from summarize.text.quotes import close_quote, quotation_marks
from summarize.text.sentences import split_paragraphs, split_sentences
from summarize.text.textsim import tokens
from tests.conftest import SHARED

_URDU_END = re.compile(r"[۔؟!][”\"']*$")


def _jsonl(name: str) -> list[dict[str, str]]:
    with open(SHARED / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def urdu_rows() -> list[str]:
    # FLORES rows that end with a full stop and have balanced quotes: their own splits are the
    # reference for the same rows run together.
    rows = [r["ur"].strip() for r in _jsonl("flores_en_ur_200.jsonl")]
    return [r for r in rows if _URDU_END.search(r) and r.count('"') % 2 == 0]


@pytest.fixture(scope="module")
def chinese_rows() -> list[str]:
    return [r["text"].strip() for r in _jsonl("langid_news_40langs.jsonl") if r["lang"] == "zh"]


@pytest.mark.parametrize("joiner", [" ", ""], ids=["spaced", "unspaced"])
def test_urdu_rows_run_together_split_at_the_same_places(urdu_rows: list[str], joiner: str) -> None:
    per_row = [s for row in urdu_rows for s in split_sentences(row, "ur")]
    # Article-like: paragraphs of four sentences; Urdu often has no space after ۔
    text = "\n\n".join(joiner.join(urdu_rows[i : i + 4]) for i in range(0, len(urdu_rows), 4))
    together = split_sentences(text, "ur")
    assert len(urdu_rows) > 150
    assert together == per_row
    # Every sentence ends at a stop (one FLORES sentence ends with "..." mid-row: allowed).
    assert all(_URDU_END.search(s) or s.endswith("...") for s in together)


def test_urdu_stops_split_without_spaces() -> None:
    # ۔ (full stop), ؟ (question mark) and ! all end a sentence, with or without a space.
    rows = [r["ur"].strip() for r in _jsonl("flores_en_ur_200.jsonl")]
    # Two single-sentence rows without quotes, their own full stop taken off.
    single = [r[:-1] for r in rows if r.endswith("۔") and '"' not in r and len(split_sentences(r, "ur")) == 1]
    first, second = single[0], single[1]
    for stop in ("۔", "؟", "!"):
        assert split_sentences(f"{first}{stop}{second}۔", "ur") == [f"{first}{stop}", f"{second}۔"]


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_an_arabic_comma_or_a_colon_ends_no_sentence(lang: str) -> None:
    # pysbd's Arabic ended a sentence at every "،" (20 NTREX rows gave 43 pieces), its Arabic and Persian
    # at every colon ("او گفت:", "he said:", a sentence of its own). Each row is one news sentence.
    rows = [r["text"].strip() for r in _jsonl("langid_news_40langs.jsonl") if r["lang"] == lang]
    assert len(rows) == 20 and sum("،" in r or ":" in r for r in rows) >= 2
    assert [split_sentences(row, lang) for row in rows] == [[row] for row in rows]
    assert split_sentences("\n\n".join(rows), lang) == rows
    # Their full stops still end sentences, and an Armenian colon (typed for "։") still does.
    assert split_sentences("ذهب إلى السوق، واشترى خبزًا. ثم عاد إلى البيت.", "ar") == [
        "ذهب إلى السوق، واشترى خبزًا.",
        "ثم عاد إلى البيت.",
    ]
    assert len(split_sentences("Կառավարությունը հաստատեց բյուջեն: Աշխատանքը կսկսվի մայիսին:", "hy")) == 2


def test_chinese_news_rows_run_together(chinese_rows: list[str]) -> None:
    text = "".join(chinese_rows)  # Chinese puts no space between sentences
    per_row = [s for row in chinese_rows for s in split_sentences(row, "zh")]
    assert split_sentences(text, "zh") == per_row
    assert len(per_row) >= len(chinese_rows) == 20
    assert all(re.search("[。！？”」]$", s) for s in per_row)


def test_chinese_closing_quotes_stay_with_their_sentence() -> None:
    assert split_sentences("他说：“我们走。”然后离开了。「好。」她说。", "zh") == [
        "他说：“我们走。”",
        "然后离开了。",
        "「好。」",
        "她说。",
    ]


def test_english_abbreviations_and_decimals_do_not_split() -> None:
    text = "Mr. Smith paid $3.50 for it. Dr. Jones did not. The U.S. economy grew 2.5 percent."
    assert split_sentences(text, "en") == [
        "Mr. Smith paid $3.50 for it.",
        "Dr. Jones did not.",
        "The U.S. economy grew 2.5 percent.",
    ]


def test_a_dot_that_opens_a_word_ends_no_sentence() -> None:
    # A BBC article on new web domains had key points "…such as ." and "post domain is backed by…".
    text = (
        "Domains such as .museum and .aero came first. Others such as .info and .biz were generic. "
        "The .post domain is new."
    )
    assert split_sentences(text, "en") == [
        "Domains such as .museum and .aero came first.",
        "Others such as .info and .biz were generic.",
        "The .post domain is new.",
    ]
    assert split_sentences("He writes .NET code. It runs.", "en") == ["He writes .NET code.", "It runs."]
    # A full stop written before its space still ends its sentence.
    assert split_sentences("It ended there .He left at noon.", "en") == ["It ended there .", "He left at noon."]


def test_paragraph_break_ends_a_sentence_and_soft_wraps_join() -> None:
    text = "A heading without a stop\n\nFirst line of a\nwrapped sentence. Second one."
    assert split_paragraphs(text) == ["A heading without a stop", "First line of a\nwrapped sentence. Second one."]
    assert split_sentences(text, "en") == [
        "A heading without a stop",
        "First line of a wrapped sentence.",
        "Second one.",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # An ordinal's dot before a small letter (Czech, Polish, German write ordinals so).
        ("Gól padl ve 14. minutě. Pak se hrálo dál.", "cs", ["Gól padl ve 14. minutě.", "Pak se hrálo dál."]),
        ("Bramka padła w 89. minucie meczu.", "pl", ["Bramka padła w 89. minucie meczu."]),
        ("Er kam am 3. März an. Dann ging er.", "de", ["Er kam am 3. März an.", "Dann ging er."]),
        # A quoted question or cry, then who asked it.
        ('"Bana indirim mi yapıldı?" diye merak etti.', "tr", ['"Bana indirim mi yapıldı?" diye merak etti.']),
        ('"Are you coming?" she asked. He nodded.', "en", ['"Are you coming?" she asked.', "He nodded."]),
        # No letter or digit: a closing mark, an emoji, a stray stop.
        ("Er war 64 Kilometer entfernt. “", "de", ["Er war 64 Kilometer entfernt. “"]),
        ("Hi! 👋\n\nWelcome back.", "en", ["Hi! 👋", "Welcome back."]),
        # Emoji after a stop end that sentence, not open the next (pysbd starts the next with them).
        ("Hello again! 👋 This week Apple announced it.", "en", ["Hello again! 👋", "This week Apple announced it."]),
        ("Say goodbye to it. 👋🎉 Next one is here.", "en", ["Say goodbye to it. 👋🎉", "Next one is here."]),
        # A title before a name, in languages pysbd has no list for or whose list lacks it.
        ("O Dr. Silva chegou. Depois saiu.", "pt", ["O Dr. Silva chegou.", "Depois saiu."]),
        ("El Sr. Corbyn habló. Luego se fue.", "es", ["El Sr. Corbyn habló.", "Luego se fue."]),
        ("Вокруг церкви Св. Мартина спор. Потом всё.", "ru", ["Вокруг церкви Св. Мартина спор.", "Потом всё."]),
        # A macro's "!" glued to its bracket ends nothing (This Week in Rust); a "!" before a space does.
        ('The println!("hi") macro prints. Next one.', "en", ['The println!("hi") macro prints.', "Next one."]),
        ("Use vec![1, 2] here! (It is short.)", "en", ["Use vec![1, 2] here!", "(It is short.)"]),
        # Still two sentences: a capital, a camel-cased word, a year that ends one.
        ("He was born in 1990. Then he left.", "en", ["He was born in 1990.", "Then he left."]),
        ("Sales rose 12. iPhone sales fell.", "en", ["Sales rose 12.", "iPhone sales fell."]),
    ],
)
def test_a_piece_that_goes_on_the_sentence_before_is_no_sentence(text: str, lang: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def test_who_said_a_quotation_goes_with_its_last_sentence() -> None:
    # pysbd cut This Week in Rust's "– /u/… on /r/rust" off a quote of the week, and a summary showed it alone.
    para = "“It is no choice. You must pick a colour.” – /u/someone on /r/rust"
    pieces = ["“It is no choice.", "You must pick a colour.”", "– /u/someone on /r/rust"]
    assert continuations.join_continuations(para, pieces) == ["“It is no choice.", pieces[1] + " " + pieces[2]]
    # Not after a sentence that closes no quotation: a dash there opens a line of its own.
    assert not continuations.goes_on("The vote is on Monday.", "– Jane Doe on the council")


def test_each_list_item_starts_a_sentence() -> None:
    # This Week in Rust: an item ending in emoji ran into the next item ("🎉🎈 * Reducing the size…").
    text = "News.\n\n* 🎈🎉 Announcing Rust 1.42.0. 🎉🎈\n* Reducing the size of Option?\n- Plans for regex"
    assert split_sentences(text) == [
        "News.",
        "* 🎈🎉 Announcing Rust 1.42.0. 🎉🎈",  # emoji after a stop go with it (no sentence of their own)
        "* Reducing the size of Option?",
        "- Plans for regex",
    ]
    # A list may follow its lead-in line; quotes of a match report each get their own item.
    assert split_sentences('He said: "We won.\n - Their boss: "We lost."') == [
        'He said: "We won.',
        '- Their boss: "We lost."',
    ]
    assert split_sentences("Steps:\n1. Mix the flour\n2. Bake it") == ["Steps:", "1. Mix the flour", "2. Bake it"]
    # A number that starts a wrapped line of prose starts no list.
    assert split_sentences("He was born in\n1990. He left in\n2001. Then he came back.") == [
        "He was born in 1990.",
        "He left in 2001.",
        "Then he came back.",
    ]


def test_languages_without_pysbd_use_rules() -> None:
    # Thai has no pysbd profile; Hindi's danda is a stop too.
    assert split_sentences("Ce n'est pas fini! Vraiment? Oui.", "xx") == ["Ce n'est pas fini!", "Vraiment?", "Oui."]
    assert split_sentences("यह पहला वाक्य है। यह दूसरा है।", "hi") == ["यह पहला वाक्य है।", "यह दूसरा है।"]


def test_a_full_stop_at_a_quote_edge_ends_a_sentence() -> None:
    # A quote that closed, then a new sentence; a Daily Mail key point ran on into "According to Lucy…".
    assert split_sentences("He said: ‘He is very good. It was very special.’ According to Lucy, he went again.") == [
        "He said: ‘He is very good. It was very special.’",
        "According to Lucy, he went again.",
    ]
    # A quote of several paragraphs whose breaks were lost: each paragraph opens the quote anew.
    assert split_sentences("He said: 'It is late. We know it.' 'A strong team can win,' he added.") == [
        "He said: 'It is late. We know it.'",
        "'A strong team can win,' he added.",
    ]
    assert split_sentences('Mr O\'Brien said: "Sales rose. "Small firms did best."') == [
        "Mr O'Brien said: \"Sales rose.",
        '"Small firms did best."',
    ]
    # Before a digit too: a BBC summary sentence read '2005 offers the chance…,' the director added.', its
    # opening quote left on the sentence before.
    text = (
        "\"The poorest children in the world are paying for the rich countries' policies in aid, in trade and in debt "
        "with their own lives, year after year, while the promises made to them at summit after summit are broken. "
        "\"2005 offers the chance for a historic breakthrough on aid, on debt and on trade, but unless the world's "
        'leaders act now and keep the promises they made the year will end in a shameful failure," the director added.'
    )
    assert split_sentences(text) == [
        "\"The poorest children in the world are paying for the rich countries' policies in aid, in trade and in debt "
        "with their own lives, year after year, while the promises made to them at summit after summit are broken.",
        "\"2005 offers the chance for a historic breakthrough on aid, on debt and on trade, but unless the world's "
        'leaders act now and keep the promises they made the year will end in a shameful failure," the director added.',
    ]
    # A quote that closes after a name or a month ends its sentence too: only a title or an initial stays open.
    assert split_sentences('Mr Kemp said: "It came out on 1 January." "Let us never forget it."') == [
        'Mr Kemp said: "It came out on 1 January."',
        '"Let us never forget it."',
    ]
    # Not after a title or an initialism, nor before the quote's speaker; a quote's own sentences stay.
    for whole in ("Mr. 'Big' Smith arrived.", 'The U.S. "Army" won.', 'He said: "Go. Now."'):
        assert split_sentences(whole) == [whole]
    assert glued.split_quote_edges("'We will win.' Smith said.") == ["'We will win.' Smith said."]
    # A bracket or a closing-only mark left at a sentence's start still closes the one before.
    assert sentences._reattach_closers(["He left (see the chart.", ")The next day he came back."]) == [
        "He left (see the chart.)",
        "The next day he came back.",
    ]


def test_a_run_on_that_pysbd_kept_between_paired_quotes_is_read_again() -> None:
    # BBC "Parry firm over Gerrard": quotes left open at paragraph ends (the breaks are lost) made pysbd
    # pair the wrong marks and keep six runs of sentences over 60 tokens, one of them 87 words of narration.
    with open(SHARED / "bbc_dev_250.jsonl", encoding="utf-8") as fh:
        article = next(r["article"] for r in map(json.loads, fh) if r["title"] == "Parry firm over Gerrard")
    paragraph = " ".join(article.split())
    raw = segment.segment_bounded(segment.get_segmenter("en"), paragraph)
    assert sum(len(tokens(p)) > sentences.RUN_ON_TOKENS for p in raw) >= 3
    got = split_sentences(article)
    assert not [s for s in got if len(tokens(s)) > sentences.RUN_ON_TOKENS]
    assert any(s.startswith("Parry is currently in the process of finalising funding") for s in got)
    assert any(s.startswith("And he confessed Arsenal's") for s in got)
    assert " ".join(got).split() == paragraph.split()  # nothing lost, nothing moved


def test_two_dashes_sentences_apart_keep_nothing_together() -> None:
    # pysbd reads all between two "--" as one aside; CNN writes " -- " for a dash (written for this test).
    text = (
        "We are a society obsessed with fame -- celebrating stars, paying them. And yet we judge them. "
        "You know who gives them the nerve? We do. The problem is the crowd -- which never forgets."
    )
    assert len(segment.segment(segment.get_segmenter("en"), text)) == 1  # pysbd alone
    got = split_sentences(text)
    assert got == [
        "We are a society obsessed with fame -- celebrating stars, paying them.",
        "And yet we judge them.",
        "You know who gives them the nerve?",
        "We do.",
        "The problem is the crowd -- which never forgets.",
    ]
    # Em dashes of the text itself come back as written (Chinese writes "——" for a dash).
    zh = "他说——这是第一次。我们--都知道。"
    assert "".join(split_sentences(zh, "zh")) == zh
    long_text = " ".join([text] * 200)  # past a window: the pieces map back all the same
    assert " ".join(split_sentences(long_text)) == long_text


def test_a_quote_pysbd_pairs_across_sentences_does_not_glue_the_narrative_between() -> None:
    # pysbd pairs the quote closing "…we scored." with the one opening the manager's words and reads the
    # narrative between them as a quotation, in which it ends no sentence.
    text = (
        '"We defended well all night. "In the second half we were better and we scored." The side face '
        "Lisbon in the next round after the Portuguese won on Thursday. And the manager added: "
        '"They are good - very good. "But we go on and we will enjoy it."'
    )
    assert split_sentences(text) == [
        '"We defended well all night.',
        '"In the second half we were better and we scored."',
        "The side face Lisbon in the next round after the Portuguese won on Thursday.",
        'And the manager added: "They are good - very good.',
        '"But we go on and we will enjoy it."',
    ]
    # A quotation of several sentences is still one sentence where pysbd pairs its marks rightly.
    assert split_sentences('She said: "We won. We are happy." Then she left.') == [
        'She said: "We won. We are happy."',
        "Then she left.",
    ]


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ('He said: "We will look at it in the morning.', 'He said: "We will look at it in the morning."'),
        ("“It is late,” he said. “We go on.", "“It is late,” he said. “We go on.”"),
        # Closed already, mixed kinds, an inch mark, a continuation: left as they are.
        ('She said "yes" twice.', 'She said "yes" twice.'),
        ('“It is likely," said the lead author.', '“It is likely," said the lead author.'),
        ("The 6'4\" forward scored.", "The 6'4\" forward scored."),
        ('It was a privilege."', 'It was a privilege."'),
        # Single quotes (the Daily Mail's): one that opens before a letter and that nothing after closes.
        ("‘I’ve no complaints there, so I hope it is sorted.", "‘I’ve no complaints there, so I hope it is sorted.’"),
        ("'We'll see what he does next, he said.", "'We'll see what he does next, he said.'"),
        ("McEwan said: ‘This is another tough year.", "McEwan said: ‘This is another tough year.’"),
        ('He said: "I told him ‘no way.', 'He said: "I told him ‘no way.’"'),
        # Closed, elisions, a plural's apostrophe (read as a close: left as it is).
        ("‘Barbie is a true icon,’ said Myer.", "‘Barbie is a true icon,’ said Myer."),
        ("'Tis the season, he said.", "'Tis the season, he said."),
        ("They play rock 'n' roll all night.", "They play rock 'n' roll all night."),
        ("The players' union said no.", "The players' union said no."),
        # A word's ending cut off by a stray space (a CNBC story's "Boeing 's 787-9 jets"): no quotation.
        ("Emirates bought 30 of Boeing 's 787-9 jets.", "Emirates bought 30 of Boeing 's 787-9 jets."),
        ("The automaker isn ‘t slowing down.", "The automaker isn ‘t slowing down."),
        # Korean sets a particle right after a closing mark: "‘리벤지’의" closes its quotation.
        ("‘리벤지’의 성격을 가진 폭로로 여겨지기 때문이다.", "‘리벤지’의 성격을 가진 폭로로 여겨지기 때문이다."),
        # A single quote inside a double-quoted quotation that closes (Rust's 'static lifetime): left as it is.
        ("“'static is big but weak” – @gankro on twitter", "“'static is big but weak” – @gankro on twitter"),
        ('‘I told them "no" and left', '‘I told them "no" and left’'),
        # German quotes open low and close high: „…“ is closed ("“" had read as an opening mark and been
        # closed with "”"); one that opens and runs on is closed as German closes it.
        ("„Das ist zu wenig“, sagte Dr. Anna Brandt.", "„Das ist zu wenig“, sagte Dr. Anna Brandt."),
        ("Er sagte: „Wir streiken bis Mittwoch.", "Er sagte: „Wir streiken bis Mittwoch.“"),
    ],
)
def test_a_quotation_opened_in_a_sentence_is_closed_where_it_is_shown_alone(sentence: str, shown: str) -> None:
    assert close_quote(sentence) == shown


def test_the_extractive_engine_closes_a_quote_its_source_continues_in_the_next_paragraph() -> None:
    text = (
        "The club manager said the injury was a blow before the cup tie on Saturday.\n\n"
        'He said: "We will assess the winger in the morning and decide then.\n\n'
        '"But the journey goes on for us and we look forward to it."\n\n'
        "The club face Lisbon next month in the last sixteen of the competition."
    )
    out = extractive.summarize(text, "en", points=2, length="short")
    shown = split_sentences(out.summary) + out.key_points
    quoted = [s for s in shown if "assess the winger" in s]
    assert quoted == ['He said: "We will assess the winger in the morning and decide then."']


def test_lines_that_were_never_wrapped_are_paragraphs() -> None:
    caption = "Rosell, speaking at a news conference, said the club had done nothing wrong"
    long_line = "The signing of Neymar has been correct and has caused envy in some of our adversaries. " * 2
    text = f"{long_line.strip()}\n{caption}\nHe added that the board would answer every question the court put to it."
    # A line over UNWRAPPED_LINE characters was never wrapped: each line is a paragraph, and a line
    # without a stop no longer runs into the next one's first sentence.
    assert split_paragraphs(text) == text.split("\n")
    assert caption in split_sentences(text)
    # Prose wrapped at 72 characters stays one paragraph, and so does a wrapped paragraph with a long link.
    wrapped = "The council approved the budget for the new\nlibrary on Monday after a long debate that ran\nlate."
    assert split_paragraphs(wrapped) == [wrapped]
    linked = "See the minutes at\n" + "https://example.org/" + "a/" * 80 + "\nfor the full vote."
    assert split_paragraphs(linked) == [linked]
    # Wrapped prose with one long line (an edited line of a Markdown list item) breaks mid-sentence: still
    # one paragraph. Read as paragraphs, docs/offline-engine.md gave key points like "…no other text of the.".
    edited = (
        "1. The splitter cuts a caption glued to the next\n"
        f"   sentence, {'and a long line that an edit left unwrapped ' * 4}in the\n"
        "   middle of the item, and the rest wraps at 72 characters as\n"
        "   before."
    )
    assert split_paragraphs(edited) == [edited]
    assert len(split_sentences(edited)) == 1


def test_a_sentence_inside_a_quotation_another_opened_carries_its_mark() -> None:
    paragraph = [
        '"This is also a proud day.',
        "I was 18 when I broke into the big leagues.",
        'I never thought I would play for 22 years," he said.',
        "The club will retire his number.",
    ]
    assert quotation_marks(paragraph) == ["", '"', '"', ""]
    assert quotation_marks(["“It was hard.", "We kept going.”"]) == ["", "“"]
    assert quotation_marks(["He is 6'4\" tall.", "He plays centre."]) == ["", ""]  # an inch mark
    # A sentence that opens a quotation of its own inside one the source left open shows its own mark
    # (a BBC key point read '""But I think Sir Alan Budd also accepted…'), and opens the next one.
    reopened = ['He said: "He asked for it.', "He accepted it, he said.", '"But I think we move on.', "We do."]
    assert quotation_marks(reopened) == ["", '"', "", '"']


def test_the_extractive_engine_shows_a_quoted_sentence_as_a_quote() -> None:
    # News opens a long quote again at each paragraph and closes it only at the last.
    text = (
        "Alex Rodriguez will play his final game for the New York Yankees on Friday, the club said.\n\n"
        '"This is a tough day for me and for my family in New York. I was 18 when I broke into the big '
        "leagues in Seattle and never thought I would play for 22 years in the majors.\n\n"
        '"I want to thank the fans for letting me play the game I love," Rodriguez said.\n\n'
        "He will then take an advisory role at the club, working with its young players in Tampa."
    )
    result = extractive.summarize(text, "en", points=5)
    shown = "\n".join([result.summary, *result.key_points])
    quoted = '"I was 18 when I broke into the big leagues in Seattle and never thought I would play for 22 years'
    assert f'{quoted} in the majors."' in shown


def test_a_standards_name_ends_no_sentence() -> None:
    # pysbd read the letter of "X.509" or "H.264" as an initial and cut before the next capital.
    assert split_sentences("Browsers check X.509 Certificates before they connect.") == [
        "Browsers check X.509 Certificates before they connect."
    ]
    assert split_sentences("The camera records H.264 Video at 60 frames. It also records sound.") == [
        "The camera records H.264 Video at 60 frames.",
        "It also records sound.",
    ]


def test_a_wrapped_list_item_among_unwrapped_lines_stays_one_sentence() -> None:
    # A page's list whose items trafilatura writes hard-wrapped beside a long unwrapped one: each line had
    # been read as a paragraph, and a key point ended "…Once a module is part of your crate, you can."
    text = (
        "- Paths to code in modules: Once a module is part of your crate, you can\n"
        "refer to code in that module from anywhere else in that same crate.\n"
        "- Private vs. public: Code within a module is private from its parent modules by default, and to make a "
        "module public, declare it with pub mod instead of mod, as the rest of this chapter shows in detail.\n"
        "- The use keyword creates shortcuts to items."
    )
    assert split_paragraphs(text)[0] == (
        "- Paths to code in modules: Once a module is part of your crate, you can\n"
        "refer to code in that module from anywhere else in that same crate."
    )


def test_an_address_in_angle_brackets_ends_the_sentence_before_it() -> None:
    # Cut after "Inc.", the address had opened the next sentence: "<https://fsf.org/> Everyone is…".
    notice = (
        "Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>\n"
        "Everyone is permitted to copy and distribute verbatim copies of this license document."
    )
    assert split_sentences(notice) == [
        "Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>",
        "Everyone is permitted to copy and distribute verbatim copies of this license document.",
    ]
    assert split_sentences("Written by Acme Inc. <bugs@acme.example> Send reports there.")[0].endswith(
        "<bugs@acme.example>"
    )
    # A tag is no address: it opens its sentence.
    assert split_sentences("He said so. <b>Bold</b> text is here.") == ["He said so.", "<b>Bold</b> text is here."]


def test_an_enumeration_inside_a_sentence_is_one_sentence() -> None:
    # pysbd reads "(i)", "(a)", "1)" as list items and cut the Apache licence's definition of control
    # into "…means" / "(i) the power…, or" / "(ii) ownership…", which became summary sentences.
    legal = (
        "For this purpose control means (i) the power to direct such entity, whether by contract or "
        "otherwise, or (ii) ownership of fifty percent (50%) or more of the shares, or (iii) beneficial "
        "ownership of such entity."
    )
    assert split_sentences(legal) == [legal]
    bill = "The bill would (a) raise taxes on the rich and (b) cut spending on defence, officials said."
    assert split_sentences(bill + " It passed.") == [bill, "It passed."]
    plan = "The plan has three parts: 1) a tax cut, 2) a spending freeze and 3) new borrowing."
    assert split_sentences(plan + " It passed.") == [plan, "It passed."]
    assert len(split_sentences("We also provide MinLen(x) and MaxLen(y) which are equivalent to Len().")) == 1
    # After a full stop a marker opens its sentence, and is not a sentence alone.
    assert split_sentences("It passed. (a) The tax cut comes first. 2) The freeze follows.") == [
        "It passed.",
        "(a) The tax cut comes first.",
        "2) The freeze follows.",
    ]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # A named speaker after a quotation that ends in "!" or "?" attributes it (The Hill's, the NYT's).
        (
            "“Governor Bevin has done a wonderful job for Kentucky!” Trump tweeted before Election Day. He won.",
            "“Governor Bevin has done a wonderful job for Kentucky!” Trump tweeted before Election Day.",
        ),
        ("“Why do that?” Mr Smith asked reporters. He left.", "“Why do that?” Mr Smith asked reporters."),
        ("“Go now!” President Trump said on Monday. He left.", "“Go now!” President Trump said on Monday."),
        # Not a speaker: a new sentence; one that leads into a quotation of its own; no quotation at all.
        ("“Go now!” The crowd said nothing. He left.", "“Go now!”"),
        ('He asked: "Why not?" He said: "We need winners." They won.', 'He asked: "Why not?"'),
        ("Is it over? Trump said yes. He left.", "Is it over?"),
    ],
)
def test_a_speaker_named_after_a_quoted_cry_ends_no_sentence(text: str, first: str) -> None:
    assert split_sentences(text)[0] == first


@pytest.mark.parametrize(
    ("text", "lang", "first"),
    [
        # An abbreviation that numbers what follows ends no sentence before its number.
        ("Diriwayatkan dalam Al-Jami’ no. 178. Kita harus hati-hati.", "id", "Diriwayatkan dalam Al-Jami’ no. 178."),
        ("Il habite au no. 10 de la rue. Il est content.", "fr", "Il habite au no. 10 de la rue."),
        ("See Fig. 3 for the map. It is old.", "en", "See Fig. 3 for the map."),
        # Before a word it may end one.
        ("Il a dit no. Puis il est parti.", "fr", "Il a dit no."),
    ],
)
def test_a_numbering_abbreviation_ends_no_sentence_before_its_number(text: str, lang: str, first: str) -> None:
    assert split_sentences(text, lang)[0] == first


def test_spaces_a_pages_markup_left_inside_curly_quotes_go() -> None:
    # "the end of “ Wild Rose ”", "from “ Dancing with the Stars.”" (IndieWire's and Fox News' text, a link
    # inside the quotes that lost its tags) had been shown so in summaries.
    from summarize.text.inputs import to_document
    from summarize.text.quotes import tidy_quote_spaces

    assert tidy_quote_spaces("the end of “ Wild Rose ” — easily") == "the end of “Wild Rose” — easily"
    assert tidy_quote_spaces("He was eliminated from “ Dancing with the Stars.”") == (
        "He was eliminated from “Dancing with the Stars.”"
    )
    assert tidy_quote_spaces("„Wort“ und „Satz“.") == "„Wort“ und „Satz“."  # German closes with “
    assert tidy_quote_spaces("a “ quoted ” b") == "a “quoted” b"
    text = "The former “ Dawson’s Creek ” star was voted off on Monday.\n\nHe thanked his fans, the show said."
    assert "“Dawson’s Creek” star" in to_document(text, "<stdin>").text
    assert "“Dawson’s Creek” star" in to_document(text.replace("\n\n", "\n\n# Notes\n\n"), "a.md").text


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # A clock time's "a.m." before its time zone (a page's "…shortly before 10 a.m. Eastern Time, …").
        (
            "It began shortly before 10 a.m. Eastern Time, reports said. It ended.",
            "It began shortly before 10 a.m. Eastern Time, reports said.",
        ),
        ("It started at 9 p.m. ET on Friday. Then it ended.", "It started at 9 p.m. ET on Friday."),
        # Before a sentence of its own: a name, or no time zone.
        ("It ended at 9 p.m. Pacific Gas said it would pay.", "It ended at 9 p.m."),
        ("It started at 9 p.m. Police said so.", "It started at 9 p.m."),
    ],
)
def test_a_clock_times_time_zone_goes_on_its_sentence(text: str, first: str) -> None:
    assert split_sentences(text)[0] == first
