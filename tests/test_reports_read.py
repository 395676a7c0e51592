"""What reports, bills, essays, how-tos, Wikipedia articles and transcripts leave in their text, read in the
thirty-second session (GAO reports made Markdown from their PDFs, a bill of the BillSum kind, a GitLab
postmortem, GitHub's terms, JOSS papers, Paul Graham's and others' essays, Wikipedia articles copied as text,
wikiHow and recipe how-tos, TED and podcast transcripts, press releases): a report's footnotes and running
footer, footnote marks in a row, a reference to a bill's lettered part, a citation opening a line, sentences
glued after a year or a bracket, a title as a page's address writes it, a blog's dateline, character
references in plain text, a transcript's time code, rows of numbered labels, a press release's kind label and
its "Prepared by" line, and key points for texts that state few facts. Samples are written for the tests, in
the documents' shapes."""

from __future__ import annotations

import re

import pytest

from summarize.engines import extractive, features
from summarize.text.calls import FURNITURE_LINE
from summarize.text.clutter import trim_clutter
from summarize.text.headlines import plain_title
from summarize.text.inline import FOOTNOTE_MARK, inline_to_text, text_entities
from summarize.text.listings import line_list
from summarize.text.mdprose import read_markdown
from summarize.text.notes import page_notes
from summarize.text.sentences import paragraph_sentences, split_sentences
from summarize.text.textsim import overlap
from tests.test_furniture import _extractive, _shown

BODY = [
    "The Harbour Authority spent 4.2 million dollars on new cranes in fiscal year 2024, the audit found. [1]",
    "Its records of those purchases were incomplete for 11 of the 40 contracts the auditors examined. [2]",
    "The auditors recommended that the Authority keep every contract file in one register by June 2026. [3]",
    "The Authority agreed with both recommendations and said the register would be in place by March 2026.",
]
NOTES = [
    "1 Harbour Authority Act of 2009, section 14, as amended in 2015.",
    "2 Auditors reviewed the contracts signed between October 2023 and September 2024.",
    "3 See Audit Office, Contract Management at Ports, report 22-104 (Bristol, Mar. 3, 2022).",
]
FOOTER = "Page {} AO-26-1187 Harbour Authority Contract Files"


def _report() -> str:
    """A report made text from its PDF: its footnotes at the foot of each page, then its running footer."""
    pages = [
        [BODY[0], NOTES[0], FOOTER.format(1)],
        [BODY[1], NOTES[1], FOOTER.format(2)],
        [BODY[2], BODY[3], NOTES[2], FOOTER.format(3)],
    ]
    return "\n\n".join(p for page in pages for p in page)


def test_a_reports_footnotes_and_running_footer_are_no_candidates_and_stay_in_its_text() -> None:
    text = _report()
    paragraphs = paragraph_sentences(FOOTNOTE_MARK.sub("", text), "en")
    notes = page_notes(paragraphs)
    flat = [s for para in paragraphs for s in para]
    assert {flat[i] for i in notes} == {*NOTES, *(FOOTER.format(n) for n in (1, 2, 3))} - {""} or all(
        flat[i].startswith(("1 ", "2 ", "3 ", "Page ")) for i in notes
    )
    assert len(notes) == 6
    shown = _shown(_extractive(text))
    assert "Harbour Authority Act of 2009" not in shown and "AO-26-1187" not in shown
    assert "4.2 million dollars" in shown
    # The marks "[1]" after a stop and a space are no words of the sentences either.
    assert not re.search(r"\[\d\]|\.\s+\d\s+[A-Z]", shown)


def test_a_list_numbered_without_dots_one_item_after_another_is_no_chain_of_footnotes() -> None:
    steps = [
        "1 Weigh 500 grams of flour and 350 grams of water into a large bowl.",
        "2 Mix them by hand for 3 minutes until no dry flour is left.",
        "3 Leave the dough covered for 45 minutes before adding the salt.",
    ]
    paragraphs = paragraph_sentences("\n\n".join(["Bread starts with four things.", *steps]), "en")
    assert page_notes(paragraphs) == set()


def test_a_page_line_said_once_is_no_running_footer() -> None:
    paragraphs = paragraph_sentences("\n\n".join([BODY[0], "Page 3 of the report lists every contract."]), "en")
    assert page_notes(paragraphs) == set()


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        # Marks in a row, Wikipedia's lettered note after a bracket or a stop
        ('"putting together"[1][2][3]) is a process', '"putting together") is a process'),
        ("Nokia Oyj in Finnish)[a] is a Finnish company", "Nokia Oyj in Finnish) is a Finnish company"),
        ("established in 1865.[a][3] Its roots", "established in 1865. Its roots"),
        # A mark after a stop and a space, before the next sentence, and at the line's end
        ("in several ways. [2] Following the act", "in several ways. Following the act"),
        ("quality, and accuracy. [3]", "quality, and accuracy."),
        # A reference link's text stays
        ("see [the guide][1] first", "see the guide first"),
    ],
)
def test_footnote_marks_in_a_row_and_after_a_stop_are_no_words(line: str, prose: str) -> None:
    assert inline_to_text(line) == prose


def test_a_letter_in_brackets_after_a_word_is_no_note() -> None:
    assert FOOTNOTE_MARK.sub("", "the element a[i] of the array") == "the element a[i] of the array"


def test_a_citation_opening_a_line_leaves_no_space_before_the_stop() -> None:
    md = (
        "# Conclusions\n\nError rates fell from 20% to less than 6% and approached human performance in the past"
        " year\n[@arxiv:1610.05256 @arxiv:1703.02136]. The improvements on benchmarks are undeniable.\n"
    )
    text = read_markdown(md).text
    assert "in the past year. The improvements" in text and " ." not in text


def test_a_reference_to_a_bills_lettered_part_is_no_list_item() -> None:
    text = (
        "(c) Targeted assistance Section 176(b) of the Community Development Act of 1994 (15 U.S.C. 6905(b)) is"
        " amended by striking 50 percent and inserting 60 percent. (d) Matching requirements"
    )
    sentences = split_sentences(text, "en")
    assert any("(15 U.S.C. 6905(b)) is amended by striking 50 percent" in s for s in sentences)
    assert not any(s.startswith("(b))") for s in sentences)
    duties = (
        "(c) Duties The Director shall— (1) carry out the program described in subsection (d); (2) carry out the"
        " curriculum program described in subsection (e); and (3) promote youth entrepreneurship."
    )
    assert not any(s.startswith(("(d);", "(e);")) for s in split_sentences(duties, "en"))


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("The name was Newe Towne by 1632 and Newtowne by 1638.Located at a river crossing, it grew fast.", 2),
        ("She married George A. Dixon, Jr. (1891–1956)His great-granddaughter is a singer.", 2),
        # A name after a word in lower case ("…by foreign governments.Ritchie was…", "…later.Vulović underwent…")
        ("They were told it applied to machines used by foreign governments.Ritchie was also involved.", 2),
        ("She remembered it about one month later.Vulović underwent treatment in Prague.", 2),
        ("The value.ERROR is raised and e.g.Smith says so.", 1),
        # A dateline's bracket glued to the first word is no sentence's end (CNN/DM's "(CNN)They…")
        ("(CNN)They may not be aliens, but we may be close, a NASA scientist says.", 1),
        # A version's number and a name's dot stay
        ("We moved to Python 3.11 and ASP.NET in the spring of that year.", 1),
    ],
)
def test_sentences_glued_after_a_year_or_a_bracket_are_two(text: str, pieces: int) -> None:
    assert len(split_sentences(text, "en")) == pieces


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Dennis_Ritchie", "Dennis Ritchie"),
        ("List_of_lighthouses_in_Cornwall", "List of lighthouses in Cornwall"),
        ("Lighthouses of Cornwall", "Lighthouses of Cornwall"),
    ],
)
def test_a_title_as_the_pages_address_writes_it_reads_with_spaces(first: str, title: str) -> None:
    body = "The article describes the subject at length. It was written by many people over the years."
    assert plain_title(f"{first}\n\n{body}") == title


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("18 Oct 2008 - San Francisco", True),
        ("San Francisco — 23 August 2010", True),
        ("Prepared by Jane Doe (jdoe@example.edu)", True),
        ("Written by Jane Doe", True),
        ("18 Oct 2008 - the day we met", False),
        ("Prepared by the committee after a long review of every contract.", False),
    ],
)
def test_a_blogs_dateline_and_a_releases_prepared_by_line_are_furniture(line: str, furniture: bool) -> None:
    assert bool(FURNITURE_LINE.match(line)) is furniture


def test_character_references_in_a_plain_text_are_read_where_it_has_several() -> None:
    escaped = "I&#39;ve come to call it the &quot;man box.&quot; It&#39;s everywhere."
    assert text_entities(escaped) == "I've come to call it the \"man box.\" It's everywhere."
    note = "In HTML, write &amp; for an ampersand."
    assert text_entities(note) == note
    out = _extractive(
        "I grew up in the city. I&#39;ve later come to call it the &quot;man box.&quot; We learn it young.\n\n"
        "Boys are told not to cry. Men are told to be strong. It&#39;s taught at home and at school."
    )
    assert "&#39;" not in _shown(out) and "&quot;" not in _shown(out)


@pytest.mark.parametrize(
    ("sentence", "trimmed"),
    [
        ("[00:19:30.08] And then I'm writing for three sites.", "And then I'm writing for three sites."),
        ("(12:04) We begin with the budget.", "We begin with the budget."),
        ("(2:1) was the final score.", "(2:1) was the final score."),
    ],
)
def test_a_transcripts_time_code_before_a_turn_is_clutter(sentence: str, trimmed: str) -> None:
    assert trim_clutter(sentence) == trimmed


def test_rows_of_one_numbered_label_are_a_listing() -> None:
    assert line_list(["Location 1: words 1-8 and 9-16", "Location 2: words 1-8 and 17-24", "Location 3: words 9-24"])
    assert not line_list(
        [
            "The seeds were kept in three places: one at",
            "home, one in a bank vault and the third with",
            "a friend who lived in another city entirely.",
        ]
    )


def test_a_press_releases_kind_label_is_no_title_and_its_prepared_by_line_no_sentence() -> None:
    md = (
        "# PRESS RELEASE\n\nPrepared by Jane Doe (jdoe@example.edu)\n\nNovember 27, 2021\n\n"
        "## Survey finds one in five palms damaged by beetles\n\n"
        "In the latest island-wide survey, 21.3% of coconut palms showed beetle damage, up from 19.9%.\n\n"
        "The survey used phone cameras on vehicles and software that measures damage to each palm.\n"
    )
    prose = read_markdown(md)
    assert prose.title == "Survey finds one in five palms damaged by beetles"
    out = _extractive(md)
    assert "Prepared by" not in _shown(out)


HOW_TO = """How to write a bug report

A good bug report saves everyone time. Start with a short title that names the broken part of the page.

Describe the problem in a few plain sentences, and choose your words carefully so others can search for it later.

Say which browser, operating system and screen size you used, since pages behave differently on each.

Give the address of the page where the problem happens, so nobody has to hunt for it.

Attach a screenshot or a short video whenever you can, as pictures explain layout problems quickly.

List every step you took before the problem appeared, so developers can repeat them exactly.

Explain what you expected to happen and how the result differed from your expectation.

Add how urgent the problem feels to you and whether any workaround exists for now.
"""


def test_a_text_that_states_few_facts_gets_points_that_say_something_new_in_words() -> None:
    doc = features.document_features(HOW_TO, "en")
    assert doc is not None
    assert sum(bool(c.facts) for c in doc.cands) < extractive.FACT_SHARE * len(doc.cands)
    out = extractive.summarize(HOW_TO, "en", points=5)
    assert len(out.key_points) == 5
    said = split_sentences(out.summary, "en")
    for i, point in enumerate(out.key_points):
        assert all(overlap(point, s) < extractive.REPEAT_OVERLAP for s in said + out.key_points[:i])
    # Without the rule the engine finds no point at all: no sentence of the guide names a fact.
    summary = sorted(extractive.select(doc, extractive.PARAMS, 3))
    assert extractive.fact_points(doc, summary, 5) == []
    # In reading order, each from the text.
    where = [HOW_TO.index(p.rstrip(".")) for p in out.key_points]
    assert where == sorted(where)


def test_a_figure_whose_description_runs_over_lines_is_no_prose() -> None:
    md = (
        "# Methods\n\nWe trained three kinds of network on the clinic's records.\n\n"
        "![Networks come in many forms.\nLeft: a key for the nodes.\nAutoencoder: a network trained to give back"
        " its input.\nThis figure was inspired by the [Network Zoo](https://example.org/zoo).\n"
        "<!-- Figure source at https://example.org/drawing -->\n](images/zoo.svg){#fig:zoo .white}\n\n"
        "The autoencoder found the clearest groups of patients in the records of 2024.\n"
    )
    text = read_markdown(md).text
    assert "a network trained to give back" not in text and "Left: a key" not in text
    assert "clearest groups of patients" in text
    # A comment on a line of its own inside a paragraph leaves the paragraph whole.
    two = read_markdown("The first line of a paragraph\n<!-- a note -->\nruns on here.\n").text
    assert "The first line of a paragraph runs on here." in " ".join(two.split())


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Effective date: November 16, 2020", True),
        ("Last revised: 3 March 2024", True),
        ("Effective immediately, all staff must leave the building.", False),
    ],
)
def test_the_date_a_policy_took_effect_is_furniture(line: str, furniture: bool) -> None:
    assert bool(FURNITURE_LINE.match(line)) is furniture


@pytest.mark.parametrize(
    ("sentence", "lang", "back"),
    [
        ("Which means you will spend only 14 minutes in total on it.", "en", True),
        ("As such, you might want to port your apps to the new library.", "en", True),
        ("Or even for one evening with friends.", "en", True),
        ("Ou seja, uma coisa está conectada à outra.", "pt", True),
        ("Es decir, nadie sabía nada del acuerdo.", "es", True),
        ("The lowest form of these is to disagree with the author's tone.", "en", True),
        ("Some of these ideas have been shown at the museum.", "en", True),
        ("Many of those who came left before the end.", "en", False),
        ("The capital of France is Paris.", "en", False),
        ("Oregon voted for the measure in 2020.", "en", False),
        ("Order matters when you add the salt.", "en", False),
    ],
)
def test_openers_that_lean_on_the_sentence_before_point_back(sentence: str, lang: str, back: bool) -> None:
    from summarize.text.backrefs import refers_back

    assert refers_back(sentence, lang) is back


@pytest.mark.parametrize(
    ("sentence", "call"),
    [
        ("Links to the original comments are below.", True),
        ("Sources are listed at the end of the article.", True),
        ("The links between the two cases are above all financial.", False),
        ("References to the war are below the surface of every speech.", False),
    ],
)
def test_a_note_that_the_links_are_below_is_no_sentence_of_the_text(sentence: str, call: bool) -> None:
    from summarize.text.calls import is_call_to_action

    assert is_call_to_action(sentence) is call


def test_what_a_transcriber_noted_that_nobody_said_is_no_word_of_a_turn() -> None:
    from summarize.text.transcripts import is_transcript, transcript_prose

    text = "\n".join(
        [
            "Anna: Okay {vocalsound} so this is the kick-off meeting for the remote control project .",
            "Tom: We will sell it for twenty five Euro {disfmarker} and aim to make fifty million Euro .",
            "Anna: [laughter] That is ambitious, but the board agreed to it last week.",
            "Tom: The first prototype is due in March (laughs) if the designers keep to the plan.",
            "Anna: [inaudible 00:12:03] The budget for the prototype is twelve thousand Euro.",
        ]
    )
    assert is_transcript(text)
    prose, _ = transcript_prose(text)
    assert not re.search(r"\{|\[|\(laughs\)", prose)
    assert "twenty five Euro and aim to make fifty million Euro" in prose


def test_fields_written_as_empty_link_definitions_give_the_title() -> None:
    md = (
        "[category]: <> (General)\n[date]: <> (2019/04/16)\n[title]: <> (On Free Speech)\n[pandoc]: <> ()\n\n"
        "Freedom of speech is a topic many communities have struggled with. This post looks at why.\n"
    )
    prose = read_markdown(md)
    assert prose.title == "On Free Speech"
    assert "<>" not in prose.text and "General" not in prose.text
    # A link's definition at the top is no header.
    assert read_markdown("[docs]: https://example.org\n\nText here is prose. It goes on.\n").title is None


def test_a_heading_line_over_an_urdu_paragraph_is_its_own_paragraph() -> None:
    from summarize.text.sentences import split_paragraphs

    body = (
        "یہ روایت مختلف الفاظ میں ملتی ہے، لیکن ان متون میں کوئی فرق ایسا نہیں ہے"
        " جو کسی بڑے معنوی فرق پر دلالت کرتا ہو۔ " * 2
    )
    text = f"متون\n{body.strip()}\nمعنی\n{body.strip()}"
    paragraphs = split_paragraphs(text)
    assert paragraphs[0] == "متون" and paragraphs[2] == "معنی"


def test_a_quotations_signature_after_its_stop_stays_with_it() -> None:
    from summarize.text.questions import is_question

    quote = "想象在这个世界里每个人都能自由分享所有人类知识的总和。  -- 吉米·威尔士"
    (one,) = split_sentences(quote, "zh")
    assert one.endswith("-- 吉米·威尔士")
    assert len(split_sentences("He left early. — The next day it rained hard.", "en")) == 2
    # A letter's question keeps asking with its writer's signature after it.
    (asked,) = split_sentences("Should I have called the police? -- BEATEN UP IN CALIFORNIA", "en")
    assert is_question(asked, "en")


@pytest.mark.parametrize(
    ("sentence", "call"),
    [
        ("あけましておめでとうございます!! :)", True),
        ("今年もよろしくお願いします！", True),
        ("新年快乐！", True),
        ("今年もよろしくお願いしますと彼は言った。", False),
    ],
)
def test_a_new_years_greeting_and_sign_off_are_no_sentences_of_a_post(sentence: str, call: bool) -> None:
    from summarize.text.calls import is_call_to_action

    assert is_call_to_action(sentence) is call


def test_an_urdu_sentences_source_in_brackets_stays_with_it() -> None:
    text = "وہ ایک دوسرے کی ہمت بڑھاتے تھے۔ (البدایہ وا لنھایہ، ابنِ کثیر، ج۳، ص ۲۷۴) ایک اور غزوہ میں یہ شعار مقرر ہوا۔"
    first, second = split_sentences(text, "ur")
    assert first.endswith("(البدایہ وا لنھایہ، ابنِ کثیر، ج۳، ص ۲۷۴)") and second.startswith("ایک اور غزوہ")


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        (
            "This is a work of the U.S. government and is not subject to copyright protection in the United States.",
            True,
        ),
        ("Osama Shukir Muhammed Amin FRCP(Glasg) - Own work, CC BY-SA 4.0.", True),
        (
            "Jane Roe (Assistant Director), Tom Poe, and Ann Moe also made significant contributions to this report.",
            True,
        ),
        ("She made significant contributions to physics over a long career.", False),
        ("The photo, licensed CC BY 2.0, shows the harbour wall before the storm of 2014.", False),
    ],
)
def test_a_government_works_notice_a_pictures_licence_and_a_reports_staff_are_furniture(
    sentence: str, furniture: bool
) -> None:
    from summarize.text.furniture import is_furniture

    assert is_furniture(sentence, "en") is furniture


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Source: GAO Analysis of Agency Statutes and Annual Reports. | GAO-26-107650", True),
        ("Sources: Reuters, AP", True),
        ("Source code for the tool is on GitHub.", False),
    ],
)
def test_a_figures_source_line_is_furniture(line: str, furniture: bool) -> None:
    assert bool(FURNITURE_LINE.match(line)) is furniture


def test_a_call_to_donate_through_a_platform_is_a_call() -> None:
    from summarize.text.calls import is_call_to_action

    assert is_call_to_action("Get in touch to volunteer for on-call duty or donate through Patreon.")
    assert not is_call_to_action("The charity said donations through the appeal had doubled this year.")


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("in Lao standard time :stuck_out_tongue:.", "in Lao standard time."),
        ("Great work :+1: team", "Great work team"),
        ("at 10:30:45 today", "at 10:30:45 today"),
        ("use std::vec::Vec here", "use std::vec::Vec here"),
        ("the ratio was 3:2:1 then", "the ratio was 3:2:1 then"),
    ],
)
def test_an_emojis_shortcode_is_no_word(line: str, prose: str) -> None:
    assert inline_to_text(line) == prose


def test_a_sentence_a_blank_line_broke_in_two_is_one_again() -> None:
    from summarize.text.sentences import split_paragraphs

    text = (
        "Some studies were excluded because the research was not conducted in\n\n"
        "the United States or because they did not meet our criteria.\n\n- apples\n\n- bananas\n\nTitle\n\nthe end."
    )
    assert split_paragraphs(text) == [
        "Some studies were excluded because the research was not conducted in the United States or because they"
        " did not meet our criteria.",
        "- apples",
        "- bananas",
        "Title",
        "the end.",
    ]
