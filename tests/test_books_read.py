"""What speeches, books, reviews, blogs and meeting notes leave in their text, read in the thirty-third
session (Lincoln's and Kennedy's inaugural addresses, Project Gutenberg's The Yellow Wallpaper and Alice's
first chapter, IMDb reviews from the large movie review dataset, Jekyll and Hugo blog posts, John Baez's
"This Week's Finds", the Python steering council's monthly notes): a pronoun of God written with a capital,
a Gutenberg ebook's licence and header, a book's chapter label, HTML line breaks in plain text, kramdown's
and Pandoc's attributes, and a log of dated sections oldest first. Samples are written for the tests, in the
documents' shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import InputError
from summarize.text.changelogs import latest_release
from summarize.text.ebooks import gutenberg_book
from summarize.text.inline import text_breaks
from summarize.text.inputs import read_path, to_document
from summarize.text.markdown import prose_markdown
from summarize.text.plain import line_headings
from summarize.text.sentences import split_sentences
from tests.test_furniture import _extractive, _shown

REVERENT = (
    "The two parties read the same scripture and pray to the same God, and each asks His help against the "
    "other. It may seem strange that He should answer either of them in full."
)


def test_a_capital_pronoun_of_god_goes_on_with_its_sentence() -> None:
    assert split_sentences(REVERENT) == [
        "The two parties read the same scripture and pray to the same God, and each asks His help against the other.",
        "It may seem strange that He should answer either of them in full.",
    ]
    # A peer named Lord is no name of God: a caption's end glued to the next sentence is still cut there.
    assert split_sentences("Lord Coe backed the plan of the minister His aides said so.")[-1] == "His aides said so."
    # Without God named in the paragraph, the seam is still a caption's end glued to the next sentence.
    assert split_sentences("He was banned from driving His brother was also there.") == [
        "He was banned from driving",
        "His brother was also there.",
    ]


BOOK_TEXT = (
    "It was a grey morning in the valley when the ferryman first saw the stranger on the far bank.\n\n"
    "He had a _very_ old coat and a bag that seemed heavier than it should have been.\n\n"
    "By evening the whole village knew that the stranger had paid his fare in gold."
)
LICENCE = (
    "This eBook is for the use of anyone anywhere at no cost and with\nalmost no restrictions whatsoever.  "
    "You may copy it, give it away or\nre-use it under the terms of the Project Gutenberg License included\n"
    "with this eBook or online at www.gutenberg.org"
)


def _ebook() -> str:
    return (
        f"Project Gutenberg's The Ferryman, by Ada Example\n\n{LICENCE}\n\n\nTitle: The Ferryman\n\n"
        "Author: Ada Example\n\nRelease Date: May, 2001 [EBook #99999]\n\nLanguage: English\n\n\n"
        "*** START OF THIS PROJECT GUTENBERG EBOOK THE FERRYMAN ***\n\n\n\n\nProduced by A Volunteer\n\n\n\n\n"
        f"THE FERRYMAN\n\n{BOOK_TEXT}\n\n\n\nEnd of Project Gutenberg's The Ferryman, by Ada Example\n\n"
        "*** END OF THIS PROJECT GUTENBERG EBOOK THE FERRYMAN ***\n\n" + LICENCE.replace("\n", " ") * 5
    )


def test_a_gutenberg_ebook_is_read_as_its_book_titled_by_its_header() -> None:
    book = gutenberg_book(_ebook())
    assert book is not None
    assert (book.title, book.author) == ("The Ferryman", "Ada Example")
    assert book.text.startswith("THE FERRYMAN\n\nIt was a grey morning")
    assert book.text.endswith("paid his fare in gold.")
    assert "a very old coat" in book.text  # Gutenberg's italics, as their words
    # A text without the START line is read as it is.
    assert gutenberg_book(BOOK_TEXT + "\n\nEnd of the Project Gutenberg EBook of nothing.") is None


def test_an_ebooks_result_shows_no_licence_and_names_its_title_and_author(tmp_path: Path) -> None:
    doc = to_document(_ebook(), "ferryman.txt", ".txt")
    assert (doc.title, doc.author) == ("The Ferryman", "Ada Example")
    assert "Gutenberg" not in doc.text and "Volunteer" not in doc.text
    shown = _shown(_extractive(_ebook()))
    assert "stranger" in shown and "Gutenberg" not in shown and "eBook" not in shown


def test_a_books_chapter_label_is_a_heading() -> None:
    text = f"CHAPTER I.\nThe Far Bank\n\n{BOOK_TEXT}\n\nCHAPTER II.\n\nThe next day was warmer than the last."
    headings = line_headings(text)
    assert "CHAPTER I. The Far Bank" in headings and "CHAPTER II." in headings
    result = _extractive(text)
    assert "CHAPTER" not in _shown(result) and result.summary.startswith("It was a grey morning")
    # A sentence that opens with the word stays prose.
    assert "Chapter one was the hardest to write." not in line_headings(
        "Chapter one was the hardest to write.\n\nThe rest came quickly.\n\nThen the book was done."
    )


REVIEW = (
    'This "quiet thriller" follows a night-shift radio host who starts to doubt a caller\'s story. '
    "<br /><br />The first hour is tense and well paced, and the lead gives the best performance of his "
    "career.<br /><br />The ending, though, should have been cut: it explains what the film had left open."
)


def test_html_line_breaks_in_plain_text_are_the_breaks_they_are() -> None:
    assert text_breaks(REVIEW).count("\n\n") == 2 and "<br" not in text_breaks(REVIEW)
    assert "<br" not in _shown(_extractive(REVIEW))
    # One tag named in a note on HTML stays.
    note = "Write <br> where a line should break inside a paragraph."
    assert text_breaks(note) == note


def test_kramdown_and_pandoc_attributes_are_no_prose() -> None:
    md = (
        "## January 19, 1993 {#week1}\n\n"
        "* Do not remove this line (it will not be displayed)\n{:toc}\n\n"
        'Hoje, o Facebook{:target="_blank"} não é apenas uma rede social.\n{: .lead}\n'
    )
    prose = prose_markdown(md)
    assert "## January 19, 1993\n" in prose
    assert "{" not in prose and "Do not remove" not in prose
    assert "Hoje, o Facebook não é apenas uma rede social." in prose
    # Braces that are text stay: a set in a sentence, a template's name.
    assert prose_markdown("The set {1, 2} has two members.\n") == "The set {1, 2} has two members.\n"


def test_dated_sections_oldest_first_are_a_log_read_whole() -> None:
    log = "# Notes - April\n\n## 2022-04-04\n\n* Met.\n\n## 2022-04-11\n\n* Met again.\n\n## 2022-04-18\n\n* End.\n"
    assert latest_release(log) is None
    # Newest first they are a changelog's releases, read as the latest.
    newest = "# Notes\n\n## 2022-04-18\n\n* End.\n\n## 2022-04-11\n\n* Met again.\n\n## 2022-04-04\n\n* Met.\n"
    found = latest_release(newest)
    assert found is not None and found.name == "2022-04-18"
    # Versions oldest first: the latest release is the last.
    rising = "# Changes\n\n## 1.0\n\n* First.\n\n## 1.1\n\n* Second.\n\n## 1.2\n\n* Third.\n"
    found = latest_release(rising)
    assert found is not None and found.name == "1.2" and "First" not in found.markdown


def test_a_function_word_after_a_stop_with_no_space_opens_a_sentence() -> None:
    assert split_sentences("I pay my homage to a great leader like him.My beloved countrymen, this year too.") == [
        "I pay my homage to a great leader like him.",
        "My beloved countrymen, this year too.",
    ]
    assert split_sentences("It is the greatest movie of the 21st Century.With great acting and music.") == [
        "It is the greatest movie of the 21st Century.",
        "With great acting and music.",
    ]
    # Names and abbreviations stay whole: a type's name, "e.g.", an all-capitals name.
    for sentence in ("Use Iterator.Element as the type here.", "See e.g.In the docs.", "It runs on ASP.NET today."):
        assert split_sentences(sentence) == [sentence]


MINUTES = (
    "# Council Technical Meeting 2026-03-17\n\n## Links\n\n* **Recording**: <https://example.org/video>\n"
    "* **Issue**: <https://example.org/issues/69>\n\n## Present\n\n* Rod Example (TSC)\n* James Example (TSC)\n"
    "* Alexis Example (Observer)\n\n## Agenda\n\n* Flatten the project and scope the council "
    "[#59](https://example.org/pull/59)\n* Add guidance to the proposal section [#53](https://example.org/pull/53)\n\n"
    "## Review of last meeting\n\n* Preferred meeting tools [#48](https://example.org/issues/48)\n"
    "* Add guidance to the proposal section [#53](https://example.org/pull/53)\n\n"
    "## Minutes\n\n### Users feedback #66\n\n"
    "Michael: how do we make sure we are getting input from a wider range of our users in 2026?\n\n"
    "Rod: we can quantify the data from our surveys well, the last one reached about 12,000 people.\n\n"
    "## Next Meeting\n\n2026-03-24\n"
)


def test_a_meetings_roster_and_next_date_are_no_points(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text(MINUTES, encoding="utf-8")
    from summarize import SummarizeOptions, Summarizer

    result = Summarizer(SummarizeOptions(engine="extractive", points=5)).summarize_document(read_path(path))
    shown = _shown(result)
    assert "Example (TSC)" not in shown and "Observer" not in shown and "2026-03-24" not in shown
    assert "12,000 people" in shown


def test_a_sponsors_and_a_shows_plugs_sections_are_no_prose() -> None:
    from summarize.text.mdprose import is_furniture_section, read_markdown

    md = (
        "# Dealing with Burnout\n\nScott and Wes talk about burnout and how to notice it early in 2026.\n\n"
        "## Freshbooks - Sponsor\n\nGet a 30 day free trial of Freshbooks at freshbooks.com/syntax.\n\n"
        "## Show Notes\n\nBurnout builds up over months of overtime, the hosts said.\n\n"
        "## Shameless Plugs\n\nBuy the course Vue.js for Everyone today.\n\n"
        "## Tweet us your tasty treats!\n\nMake sure to include @SyntaxFM in your tweets.\n"
    )
    text = read_markdown(md).text
    assert "Freshbooks" not in text and "Vue.js" not in text and "@SyntaxFM" not in text
    assert "overtime" in text
    for heading in ("Sponsor: Linode", "Our Sponsors", "Sponsored by Sentry", "Plugs", "Follow us"):
        assert is_furniture_section(heading), heading
    for heading in ("Why we sponsor open source", "Sponsorship levels", "Show Notes", "Spark plugs explained"):
        assert not is_furniture_section(heading), heading


def test_a_date_over_a_diary_entry_is_its_own_paragraph() -> None:
    from summarize.text.sentences import split_paragraphs

    text = "23 марта\nМы сидим с дедом Васей, а мама Надя не приедет.\n\nMarch 24, 2026\nWe left at dawn."
    assert split_paragraphs(text) == [
        "23 марта",
        "Мы сидим с дедом Васей, а мама Надя не приедет.",
        "March 24, 2026",
        "We left at dawn.",
    ]
    # A line that goes on in lower case is the sentence's wrap, not a date's heading.
    assert split_paragraphs("It rained on 23 March\nand on the next day.") == [
        "It rained on 23 March\nand on the next day."
    ]


def test_an_rfc_templates_fields_are_its_header() -> None:
    from summarize.text.mdprose import read_markdown

    md = "- Start Date: 2018-10-19\n- RFC PR: (leave this empty)\n- React Issue: (leave this empty)\n\n# Summary\n\n"
    text = read_markdown(md + "`React.lazy` adds support for code splitting to React.\n").text
    assert "leave this empty" not in text and "code splitting" in text
    # One list item at the top is the text's own.
    assert "fixed" in read_markdown("- Update: the crash is fixed in 2.1.\n\nThe rest follows.\n").text


ORG = (
    "#+TITLE:      Getting Things Done\n#+AUTHOR:     Worg people\n#+OPTIONS:    H:3 num:nil toc:nil\n\n"
    "# This file is released under the GNU Free Documentation license.\n\n"
    ":NOTES:\n- [X] Personal experience with productivity\n:END:\n\n"
    "This page links to articles about procrastination, read by 2,000 people in 2008.\n\n"
    "* TODO A Day Unplugged                                            :reading:\n\n"
    "[[http://www.43folders.com/unplugged][Kung fu unplugged]] tells how a writer left his phone at home.\n\n"
    ": In yesterday's paper, Mark Bittman wrote about his need to stay wired\n: all day long.\n\n"
    '#+begin_src emacs-lisp\n(setq org-agenda-files \'("~/gtd.org"))\n#+end_src\n\n'
    "| Task | Hours |\n|------+-------|\n| Mail | 3 |\n\nUse =org-agenda= to see /every/ task.\n"
)


def test_an_org_file_is_read_as_its_markdown(tmp_path: Path) -> None:
    from summarize.text.org import org_markdown

    md = org_markdown(ORG)
    assert md.startswith('---\ntitle: "Getting Things Done"\nauthor: "Worg people"\n---\n')
    assert "## A Day Unplugged" in md and ":reading:" not in md and "TODO" not in md
    assert "> In yesterday's paper" in md and "[Kung fu unplugged](http://www.43folders.com/unplugged)" in md
    for gone in ("#+OPTIONS", "GNU", "[X]", ":NOTES:", "setq", "| Mail"):
        assert gone not in md, gone
    assert "Use `org-agenda` to see *every* task." in md
    path = tmp_path / "gtd.org"
    path.write_text(ORG, encoding="utf-8")
    doc = read_path(path)
    assert (doc.title, doc.author) == ("Getting Things Done", "Worg people")
    assert "procrastination" in doc.text and "#+" not in doc.text
    # An Org file of settings and code only has no prose: a clear error, not an empty summary.
    path.write_text("#+OPTIONS: toc:nil\n#+begin_src sh\nls\n#+end_src\n", encoding="utf-8")
    with pytest.raises(InputError, match="has no prose"):
        read_path(path)
    # A lone ":WORD:" line with no ":END:" after it is text, not a drawer that swallows the rest.
    assert "The rest stays." in org_markdown(":NOTE:\nThe rest stays.\n")


def test_sources_and_further_reading_are_back_matter_in_several_languages() -> None:
    from summarize.text.mdprose import is_furniture_section, read_markdown

    md = (
        "# Sokratik Düşünme\n\nSokrates soru sorarak düşünmeyi öğretti ve bunu 40 yıl sürdürdü.\n\n"
        "## Ek Kaynaklar\n\n- Şafak URAL : DİYALEKTİK DÜŞÜNCE VE MANTIK, 2-5.\n"
    )
    text = read_markdown(md).text
    assert "URAL" not in text and "Sokrates" in text
    for heading in ("Sources", "Further reading", "See also", "Einzelnachweise", "Références", "Литература"):
        assert is_furniture_section(heading), heading
    assert not is_furniture_section("Sources of energy in 2026")


def test_a_site_generators_html_content_file_reads_its_header_and_its_text(tmp_path: Path) -> None:
    post = (
        '---\ndate: 2022-01-12\ntitle: "The Results Day"\n---\n\n'
        "The results of the exam came out the next day, and the whole family waited by the radio.\n</br></br>\n"
        "My uncle had promised a bicycle for a score above 80, and my cousin wanted a cricket bat.\n</br></br>\n"
        "In the end the scores were good enough for the bicycle, though not for the bat.\n</br></br>\n<hr>\n"
    )
    path = tmp_path / "post.html"
    path.write_text(post, encoding="utf-8")
    doc = read_path(path)
    assert (doc.title, doc.published) == ("The Results Day", "2022-01-12")
    assert "bicycle" in doc.text and "<" not in doc.text and "title:" not in doc.text
    # A content file whose HTML has paragraphs is read as a page.
    path.write_text('---\ntitle: "Paragraphs"\n---\n\n<p>The council met on Monday in the town hall.</p>\n')
    assert "council met" in read_path(path).text
