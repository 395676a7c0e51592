"""What RFCs, court opinions, judgments and mailing-list messages leave in their text, read in the thirty-third
session (RFC 868 and RFC 2324 in their plain-text form, a US Supreme Court slip opinion, an England and Wales
Court of Appeal judgment, git mailing list messages and a release announcement): an RFC's header, page breaks,
notices and references, a word a hand-wrapped line broke at its hyphen, a roman number's item marker, a console
session indented in a message, and a file's checksum line. Samples are written for the tests, in the
documents' shapes."""

from __future__ import annotations

from pathlib import Path

from summarize.text.inputs import read_path, to_document
from summarize.text.listings import line_list
from summarize.text.plain import without_consoles
from summarize.text.rfcs import rfc_memo
from summarize.text.sentences import paragraph_sentences, split_paragraphs, split_sentences
from summarize.text.tidy import tidy_text
from tests.test_furniture import _extractive, _shown


def _rfc() -> str:
    header = (
        "\nNetwork Working Group                                    J. Example - ISI\n"
        "Request for Comments: 9999                          K. Sample - SRI\n"
        "Category: Informational                                        May 1983\n\n\n\n"
        "                         Clock Exchange Protocol\n\n"
        "Status of this Memo\n\n   This memo provides information for the Internet community.  Distribution\n"
        "   of this memo is unlimited.\n\nCopyright Notice\n\n   Copyright (C) The Internet Society (1998).  "
        "All Rights Reserved.\n\n"
    )
    body = (
        "1. Introduction\n\n   This protocol lets a host ask a server on port 37 for the time, counted in\n"
        "   seconds since midnight on 1 January 1900, as a 32-bit number.\n\n"
        "   A host sends one datagram and the server answers with one datagram that\n\n\n\n"
        "Example                                                         [Page 1]\n\f\n"
        "RFC 9999                 Clock Exchange Protocol               May 1983\n\n\n"
        "   holds the time; the server then forgets the request [CAM].\n\n"
        '2. References\n\n   [CAM] "The Trojan Room Coffee Machine", D. Gordon and M. Johnson,\n'
        "         University of Cambridge Computer Lab.\n\n"
        "3. Author's Address\n\n   J. Example\n   ISI\n   Marina del Rey, CA\n"
    )
    return header + body


def test_an_rfc_is_read_as_its_prose_titled_by_its_centred_title() -> None:
    memo = rfc_memo(_rfc())
    assert memo is not None and memo.title == "Clock Exchange Protocol"
    for gone in ("Network Working Group", "Request for Comments", "[Page 1]", "RFC 9999", "Status of this Memo",
                 "Internet Society", "Trojan Room", "Marina del Rey"):  # fmt: skip
        assert gone not in memo.text, gone
    # The sentence the page break cut is one again.
    sentences = split_sentences(memo.text)
    assert "A host sends one datagram and the server answers with one datagram that holds the time; the server then " \
        "forgets the request [CAM]." in sentences  # fmt: skip
    doc = to_document(_rfc(), "rfc9999.txt", ".txt")
    assert doc.title == "Clock Exchange Protocol"
    # A text that only names an RFC is read as it is.
    assert rfc_memo("See Request for Comments: 868 for the time protocol.\n\nIt is short.") is None


def test_a_word_broken_at_a_lines_end_is_one_again() -> None:
    wrapped = (
        "a woman feared that the respondent Ramon Cortesluna, her boy-\nfriend, would hurt them. Officers saw a "
        "knife in Cor-\ntesluna’s pocket. Cortesluna later sued. The rule is well-\nknown."
    )
    text = tidy_text(wrapped)
    assert "boyfriend" in text and "Cortesluna’s pocket" in text and "well-known" in text
    assert "-\n" not in text


def test_a_roman_numbers_item_marker_is_no_word_of_its_sentence() -> None:
    text = (
        "The council met to discuss the new harbour plan and its costs for the town of Bristol in 2026.\n\n"
        "i) By an order of 29 November 2019, the harbour master Jane Roe was barred from the hearing.\n\n"
        "ii) The fishermen of the north quay complained in 2020 about the fees of 4,000 pounds.\n"
    )
    assert split_sentences(text)[2].startswith("ii) The fishermen")  # one sentence, marker and all
    shown = _shown(_extractive(text))
    assert "Jane Roe" in shown and "i)" not in shown


def test_an_indented_console_session_is_no_prose() -> None:
    message = (
        "I think it is more than a bad error message; we follow the wrong path:\n\n"
        "  $ >foobar\n  $ git rev-parse foobar --\n  foobar\n  fatal: bad flag '--' used after filename\n\n"
        "That's not right. It is no new breakage, though: version 1.5.0 gives the same result."
    )
    text = without_consoles(message)
    assert "$" not in text and "fatal" not in text and "That's not right." in text
    # An indented quotation that opens with no prompt stays.
    poem = "She wrote:\n\n  Some say the world will end in fire,\n  Some say in ice.\n"
    assert without_consoles(poem) == poem


def test_a_files_checksum_lines_are_a_listing() -> None:
    rows = [
        "30c7aafaa31002ca52bc45dbd0908e63b00015dd  git-1.7.11.7.tar.gz",
        "bdcd5009498bc961757915dae30f5fefd6435c59  git-htmldocs-1.7.11.7.tar.gz",
    ]
    assert line_list(rows) and line_list(rows[:1])
    paragraphs = paragraph_sentences("A release is out.\n\nTheir checksums are:\n\n" + "\n".join(rows) + "\n\nThanks.")
    assert all([" ".join(row.split())] in paragraphs for row in rows)  # row by row, not one sentence
    announcement = (
        "A maintenance release Git v1.7.11.7 is now available at the usual places.\n\nThe tarballs are found at the "
        "usual site, and their SHA-1 checksums are:\n\n" + "\n".join(rows) + "\n\nThe documentation had said "
        '"checkout -B branch" while the heading for the option described only "-B", which misled readers. '
        '"git apply -p0" did not parse pathnames on its "diff --git" line correctly. A new test checks this. '
        "Pushing to a smart HTTP server failed without the username in the URL."
    )
    assert "tar.gz" not in _shown(_extractive(announcement))
    # Prose that names a checksum is no listing.
    assert not line_list(["The checksum 30c7aafaa31002ca52bc45dbd0908e63b00015dd is the tarball's."])


def test_a_paginated_texts_running_lines_go() -> None:
    from summarize.text.plain import without_running_lines

    pages = [
        "                  Cite as: 595 U. S. ____ (2021)             1\n\n                  Per Curiam\n\n"
        "The officers spent several minutes observing the home and reported\nseeing Cortesluna through a window.",
        "2             RIVAS-VILLEGAS v. CORTESLUNA\n\n                  Per Curiam\n\n"
        "As relevant, he argued that the force the officer used\nhere was excessive.",
        "                  Cite as: 595 U. S. ____ (2021)            3\n\n                  Per Curiam\n\n"
        "The judgment of the Court of Appeals is reversed.",
        "4             RIVAS-VILLEGAS v. CORTESLUNA\n\n                  Per Curiam\n\nThe facts differ.",
        "                  Cite as: 595 U. S. ____ (2021)            5\n\n                  Per Curiam\n\n"
        "The petition is granted.",
        "6             RIVAS-VILLEGAS v. CORTESLUNA\n\n                  Per Curiam\n\nIt is so ordered.",
    ]
    text = without_running_lines("\n".join(pages))
    for gone in ("Cite as", "Per Curiam", "RIVAS-VILLEGAS v."):
        assert gone not in text, gone
    assert "reported\nseeing Cortesluna" in text and "It is so ordered." in text
    # Lines laid out in columns that do not recur (a table's two rows, a centred title) stay.
    table = "Name          Votes\nSmith         1,204\n\n            The Election\n\nSmith won the seat."
    assert without_running_lines(table) == table


def test_a_lead_in_without_its_colon_is_no_sentence_to_show() -> None:
    from summarize.text.furniture import is_furniture

    assert is_furniture("In order to participate in the Event, you represent that", "en")
    assert is_furniture("The committee approved the plans of", "en")
    assert not is_furniture("In order to participate in the Event, you represent that you are 21.", "en")
    assert not is_furniture("The committee approved the plans", "en")
    assert not is_furniture("(a) The council must publish every contract within thirty days; and", "en")
    assert not is_furniture("Lo! The forum posts and pitches fly on by", "en")


def test_brackets_emptied_of_what_they_held_go() -> None:
    text = tidy_text("TANZANIA (, ) officially the UNITED REPUBLIC OF TANZANIA (), is a country. Call parse() now.")
    assert text == "TANZANIA officially the UNITED REPUBLIC OF TANZANIA, is a country. Call parse() now."
    # A mark alone between brackets is what they name.
    marks = "Use a colon (:) or a comma (,) to separate them. The function returns () on success."
    assert tidy_text(marks) == marks


def test_a_letters_lettered_items_show_no_marker() -> None:
    from summarize.text.clutter import trim_clutter

    assert trim_clutter("a) to approach Government Departments and keep them informed;") == (
        "to approach Government Departments and keep them informed;"
    )
    assert trim_clutter("ii) The second issue is costs.") == "The second issue is costs."


def test_an_embedded_players_placeholder_is_no_word() -> None:
    from summarize.text.inline import inline_to_text

    assert inline_to_text(r"\[video.1\] ****\**** \"Selama ini memang ramai.") == '"Selama ini memang ramai.'
    assert inline_to_text("[Foto 2] Hotel di Nusa Dua.") == "Hotel di Nusa Dua."
    assert inline_to_text("The hotels [video.1] stay empty.") == "The hotels stay empty."  # no words glued


def test_a_paragraph_cut_after_a_word_no_clause_ends_on_is_joined_again() -> None:
    paragraphs = split_paragraphs(
        "We are being kept in the dark,'' McCreadie told the\n\nNews Letter\n\n. ''We want an explanation.\n\n"
        "Partridge worked with Marley until his death in 1981.\n\n. It was one of the last dates."
    )
    assert paragraphs == [
        "We are being kept in the dark,'' McCreadie told the News Letter. ''We want an explanation.",
        "Partridge worked with Marley until his death in 1981.",
        ". It was one of the last dates.",
    ]
    # A footnote under a page's cut sentence is no part of it.
    noted = split_paragraphs("FSA officials said the servicer subsequently developed a\n\n13 While FSA waived it.")
    assert noted == ["FSA officials said the servicer subsequently developed a", "13 While FSA waived it."]


def test_a_pages_title_is_the_part_its_h1_heads_the_text_with(tmp_path: Path) -> None:
    body = " ".join(
        f"The federal team met editors on day {n} to explain how the new surveillance law treats journalists."
        for n in range(1, 9)
    )
    for title, h1 in (
        ("Angry media won't buckle over new laws | Herald Sun", "Angry media won't buckle over new laws"),
        ("On Recent Controversial Events - Bradley M. Kuhn ( Brad ) ( bkuhn )", "On Recent Controversial Events"),
    ):
        page = (
            f"<html><head><title>{title}</title></head><body><div id='site'><h2>Bradley M. Kuhn ( Brad ) ( bkuhn )"
            f"</h2></div><article><h1>{h1}</h1><p class='byline'>Tuesday 15 October 2019 by Bradley M. Kuhn</p>"
            f"<p>{body}</p><p>{body}</p></article></body></html>"
        )
        path = tmp_path / "page.html"
        path.write_text(page, encoding="utf-8")
        assert read_path(path).title == h1
    from summarize.text.calls import FURNITURE_LINE

    assert FURNITURE_LINE.match("Tuesday 15 October 2019 by Bradley M. Kuhn")
    assert FURNITURE_LINE.match("Posted on Tuesday 15 October 2019 at 09:11 by Bradley M. Kuhn.")
    assert not FURNITURE_LINE.match("On 15 October 2019 by law the council must meet.")


def test_a_footnote_opened_by_its_superscript_number_is_furniture() -> None:
    from summarize.text.furniture import is_furniture

    assert is_furniture("²³If 1% of your requests are 50x the average, the rest are twice as fast.", "en")
    assert not is_furniture("¹⁴C dating shows the bones are 4,000 years old.", "en")


def test_a_plain_texts_header_of_fields_gives_its_title_and_author() -> None:
    pep = (
        "PEP: 214\nTitle: Extended Print Statement\nAuthor: barry@python.org (Barry Warsaw)\nStatus: Final\n\n\n"
        "Introduction\n\n    This PEP describes a syntax to extend the standard print statement so that it\n"
        "    can be used to print to any file-like object, instead of the default sys.stdout.\n"
    )
    doc = to_document(pep, "pep-0214.txt", ".txt")
    assert (doc.title, doc.author) == ("Extended Print Statement", "barry@python.org (Barry Warsaw)")
    assert "Status: Final" not in doc.text and "This PEP describes" in doc.text
    # One field line over prose is the text's own.
    note = to_document("Note: the vote moved to Friday.\n\nThe council met on Monday.", "note.txt", ".txt")
    assert "the vote moved to Friday" in note.text
