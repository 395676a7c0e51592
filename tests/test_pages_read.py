"""What news pages copied as text leave in it, read in the twenty-ninth session (the article-extraction
benchmark's pages): lost spaces after stops, a desk's or a site's dateline, a science site's lines under the
story, numbered citations, a box's label, spaces inside straight quotes, listings written without markers, a
clock time before its date. Samples are written for the tests, in the pages' shapes."""

from __future__ import annotations

import pytest

from summarize.text.listings import list_rows
from summarize.text.sentences import paragraph_sentences, split_paragraphs, split_sentences
from tests.test_furniture import _extractive, _shown

# Sentences of a harbour story, each with a new fact, to carry the samples below.
STORY = [
    "The harbour ferry service between Penzance and the Isles of Scilly resumed on Tuesday after a strike.",
    "Crews had walked out for nine days in a dispute over pay and rest hours on the winter timetable.",
    "The operator said 4,200 passengers had been moved to flights or later sailings during the strike.",
    "Union officials said members voted by 312 votes to 41 to accept a 6.5% rise over two years.",
    "Island shops reported shortages of fresh milk and bread by the end of the first week.",
    "The council's leader, Mary Penrose, said the islands could not afford another winter dispute.",
    "A new vessel ordered from a yard in Devon is due to enter service in the spring of 2028.",
    "Fares will rise by 3% in April, the first increase since the pandemic, the operator confirmed.",
    "Tourism bodies said bookings for the half-term holiday had fallen by a fifth during the strike.",
    "The operator's chief executive, Tom Roe, apologised to islanders for the disruption.",
]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Kan reported on Wednesday.The stabbing occurred at a clinic in Berlin, where he worked as a chief "
            "physician.Police arrested a man.",
            [
                "Kan reported on Wednesday.",
                "The stabbing occurred at a clinic in Berlin, where he worked as a chief physician.",
                "Police arrested a man.",
            ],
        ),
        # Names and code with a stop inside: no sentence ends there.
        ("He uses Node.Js daily and the ASP.NET site works.", ["He uses Node.Js daily and the ASP.NET site works."]),
        ("A collection whose Iterator.Element is Int.", ["A collection whose Iterator.Element is Int."]),
        ("The site example.com works well.", ["The site example.com works well."]),
    ],
)
def test_a_stop_that_lost_its_space_ends_a_sentence_before_an_opening_word(text: str, sentences: list[str]) -> None:
    assert split_sentences(text, "en") == sentences


@pytest.mark.parametrize(
    ("text", "trimmed"),
    [
        ("Hong Kong (CNN Business) A muddled view of trade talks weighs on investors.", "A muddled view"),
        ("PanARMENIAN.Net - Verified video footage shows a pattern of killings.", "Verified video footage"),
        ("Reuters.com -- Prices rose for a third month in a row.", "Prices rose"),
    ],
)
def test_a_desks_or_a_sites_dateline_opens_no_summary(text: str, trimmed: str) -> None:
    from summarize.text.clutter import trim_clutter, trim_opening

    assert trim_opening(text).startswith(trimmed)
    # A site's name is a dateline only as the text's first words; a project's dash keeps its words.
    assert trim_clutter("PanARMENIAN.Net - Verified footage shows it.").startswith("PanARMENIAN")
    assert trim_opening("Node.js - A runtime for servers is out.") == "Node.js - A runtime for servers is out."


def test_a_science_sites_lines_under_the_story_are_no_candidates() -> None:
    text = "\n\n".join(
        [
            *STORY,
            "More information: J. Roe et al. Ferries and Islands: Prospects for Winter Timetables, "
            "Handbook of Island Transport (2018). DOI: 10.1007/978-3-319-09575-2_199-1",
            "Provided by University of Exeter",
            "Journal information: Island Studies Journal",
            "Explore further",
        ]
    )
    shown = _shown(_extractive(text))
    for gone in ("DOI", "Prospects for Winter", "Provided by", "Journal information", "Explore further"):
        assert gone not in shown
    assert "4,200 passengers" in shown or "312 votes" in shown


def test_numbered_citations_and_a_boxs_label_leave_the_text() -> None:
    from summarize.text.tidy import tidy_text

    text = (
        "Binge eating disorder is the most common eating disorder in the United States (1).\n\n"
        "Several studies link a regular eating pattern to less binge eating (4, 5).\n\n"
        "Summary Eating at regular times may reduce binge eating.\n\n"
        "A study in 38 people found that fibre decreased hunger (17).\n\n"
        "Summary Fibre can keep you feeling full."
    )
    tidied = tidy_text(text)
    assert "(1)" not in tidied and "(4, 5)" not in tidied and "(17)" not in tidied
    assert "United States.\n\n" in tidied and "\n\nEating at regular times" in tidied
    assert "\n\nFibre can keep you feeling full." in tidied


@pytest.mark.parametrize(
    "text",
    [
        # A tennis score's tie-breaks, after a number.
        "Pospisil edged Opelka 7-6 (5), 7-6 (7) and Shapovalov beat Fritz 7-6 (6), 6-3.",
        # A lone mark: a day of the month, a count.
        "O atendimento estará normalizado a partir da tarde de hoje (5).",
        # A label once: a term of law.
        "Summary judgment was granted on Friday.\n\nThe case is closed.",
    ],
)
def test_numbers_in_brackets_and_a_lone_label_stay(text: str) -> None:
    from summarize.text.tidy import tidy_text

    assert tidy_text(text) == text


@pytest.mark.parametrize(
    ("text", "tidied"),
    [
        ('Maley said on CNBC\'s " Trading Nation" on Monday.', 'Maley said on CNBC\'s "Trading Nation" on Monday.'),
        ('In his book " Freedom," Sabatier shares it.', 'In his book "Freedom," Sabatier shares it.'),
        # A mark that closes is never read as one that opens; an inch mark opens nothing.
        ('"Hello, " he said, "we go."', '"Hello, " he said, "we go."'),
        ('a 32" TV and a 40" one', 'a 32" TV and a 40" one'),
    ],
)
def test_spaces_inside_straight_quotes_go(text: str, tidied: str) -> None:
    from summarize.text.quotes import tidy_quote_spaces

    assert tidy_quote_spaces(text) == tidied


TOUR = """The Doobie Brothers 50th Anniversary Tour 2020 dates:
June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre
June 10 – Tampa, FL @ MIDFLORIDA Credit Union Amphitheatre
June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre
June 17 – Nashville, TN @ Bridgestone Arena
June 19 – Charlotte, NC @ PNC Music Pavilion"""


def test_a_listing_written_without_markers_is_read_row_by_row() -> None:
    paragraphs = paragraph_sentences(TOUR)
    assert paragraphs[0] == ["The Doobie Brothers 50th Anniversary Tour 2020 dates:"]
    assert paragraphs[1:3] == [
        ["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre"],
        ["June 10 – Tampa, FL @ MIDFLORIDA Credit Union Amphitheatre"],
    ]
    assert len(paragraphs) == 6
    # The block stays one paragraph for what reads paragraphs whole (a page's list of links under its heading).
    assert split_paragraphs(TOUR) == [TOUR]
    # Its rows are known as rows, its lead-in is not one.
    assert list_rows(paragraph_sentences(TOUR)) == {1, 2, 3, 4, 5}


@pytest.mark.parametrize(
    "block",
    [
        # Hard-wrapped prose fills its lines to about the same width, even where each opens with a capital.
        "Die Regierung hat am Dienstag einen neuen Plan für die Fähren vorgestellt, der\n"
        "Streiks verhindern soll, und die Gewerkschaft hat ihn am Abend abgelehnt, weil\n"
        "Löhne und Ruhezeiten im Winterfahrplan nicht geregelt werden, sagte ein Sprecher.",
        # A line that goes on in lower case is a wrapped sentence.
        "The ferry resumed on Tuesday\nafter a strike of nine days\nover pay and rest hours.",
        # Two lines are no listing.
        "June 9 -- Coral Sky Amphitheatre\nJune 10 -- Tampa",
    ],
)
def test_wrapped_prose_is_no_listing(block: str) -> None:
    assert paragraph_sentences(block)[0][0].startswith(block.split("\n")[0] + " ")
    assert not list_rows(paragraph_sentences(block))


def test_a_listing_under_an_article_gives_no_candidate_and_a_listing_alone_is_summarized() -> None:
    from summarize.engines.features import document_features

    article = "\n\n".join(STORY) + "\n\n" + TOUR
    features = document_features(article, "en")
    assert features is not None and len(features.cands) == len(STORY)
    assert not any("Amphitheatre" in c.text for c in features.cands)
    result = _extractive(article)
    assert "Amphitheatre" not in _shown(result) and len(result.key_points) == 5
    alone = _extractive(TOUR.split("\n", 1)[1])
    assert "June" in alone.summary


def test_a_clock_time_before_its_date_or_weekday_ends_no_sentence() -> None:
    text = "No checks were made from 10:30 p.m. Aug. 9 to 6:30 a.m. the next morning. It ended."
    assert split_sentences(text, "en")[0].endswith("the next morning.")
    assert split_sentences("They met at 6 p.m. Tuesday, when it rained.", "en") == [
        "They met at 6 p.m. Tuesday, when it rained."
    ]
    # A weekday's possessive opens a sentence of its own.
    assert split_sentences("The vote closed at 5 p.m. Monday's count followed.", "en") == [
        "The vote closed at 5 p.m.",
        "Monday's count followed.",
    ]


def test_another_one_points_back_and_similarly_goes_from_a_sentence_shown_alone() -> None:
    from summarize.text.backrefs import refers_back, without_connective

    assert refers_back("Another one, in the United States, has barely begun.", "en")
    assert not refers_back("Another study in 38 people found the same.", "en")
    assert without_connective("Similarly, another study in older adults showed it.", "en") == (
        "Another study in older adults showed it."
    )
    assert without_connective("Likewise, the council voted for the plan.", "en") == "The council voted for the plan."


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("For the full discussion and background, see nodejs/Release#1113.", True),
        ("For more information, see the council's site.", True),
        ("For the discussion to work, both sides must agree.", False),
        ("For the first time, the team won the cup.", False),
    ],
)
def test_a_pointer_to_the_discussion_elsewhere_is_furniture(sentence: str, furniture: bool) -> None:
    from summarize.text.furniture import is_furniture

    assert is_furniture(sentence, "en") is furniture


def test_a_piece_opening_with_a_comma_or_a_semicolon_goes_on_the_sentence_before() -> None:
    text = "Recuerda que tienes un año para reclamar el dinero.; y si la empresa se niega acude a Profedet. Otra frase."
    assert split_sentences(text, "es") == [
        "Recuerda que tienes un año para reclamar el dinero.; y si la empresa se niega acude a Profedet.",
        "Otra frase.",
    ]
    assert split_sentences("The report, entitled The End Of Asymmetry?, was commissioned by AOL.", "en") == [
        "The report, entitled The End Of Asymmetry?, was commissioned by AOL."
    ]


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # Der Standard's subheadline, then the body's dateline: the second sentence.
        (
            "Die Gewerkschaft lanciert den All-in-Rechner für Angestellte. Wien – Die Gewerkschaft sieht "
            "Handlungsbedarf bei All-in-Verträgen. Sie fordert mehr Transparenz für alle Angestellten.",
            "Die Gewerkschaft sieht Handlungsbedarf",
        ),
        (
            "Neymar muss vier Spiele pausieren, Chile im Viertelfinale. Santiago de Chile – Wegen seiner "
            "Provokation hat der Verband Neymar für vier Spiele gesperrt. Er zahlt auch eine Geldstrafe.",
            "Wegen seiner Provokation",
        ),
    ],
)
def test_a_bare_places_dateline_opens_none_of_the_first_sentences(text: str, opening: str) -> None:
    from summarize.engines.features import candidates

    assert candidates(text, "de")[1].text.startswith(opening)


def test_an_aside_between_dashes_in_an_early_sentence_keeps_its_subject() -> None:
    from summarize.engines.features import candidates

    text = (
        "The harbour ferry resumed on Tuesday after a strike of nine days. Bitcoin – the currency the crews "
        "mocked on their signs – fell again on Tuesday afternoon."
    )
    assert candidates(text, "en")[1].text.startswith("Bitcoin – the currency")


def test_a_dash_after_a_word_later_in_the_text_is_the_sentences_own() -> None:
    from summarize.engines.features import candidates

    text = " ".join(STORY[:4]) + " Brexit – The Movie was shown to the crew on the night sailing."
    assert candidates(text, "en")[4].text.startswith("Brexit – The Movie")


RELEASE_NOTES = """curl and libcurl 8.6.0

 Public curl releases:         254
 Command line options:         258
 curl_easy_setopt() options:   304

This release includes the following changes:

 o curl.h: add CURLE_TOO_LARGE [48]
 o Revert "urldata: move async resolver state" [16]
"""


def test_release_notes_fields_reference_marks_and_merge_notes() -> None:
    from summarize.text.tidy import tidy_text

    # Rows of fields padded to one width, whatever their case, are a listing.
    assert ["curl_easy_setopt() options: 304"] in paragraph_sentences(RELEASE_NOTES)
    shown = _extractive(RELEASE_NOTES).summary + " ".join(_extractive(RELEASE_NOTES).key_points)
    assert "[48]" not in shown and "[16]" not in shown
    notes = ' * "git jump" learned to drive emacs.\n   (merge a31cfe3283 jk/jump-emacs later to maint).\n'
    assert tidy_text(notes) == ' * "git jump" learned to drive emacs.\n'
    assert tidy_text("We merge (merge of two firms) today.") == "We merge (merge of two firms) today."


@pytest.mark.parametrize(
    ("sentence", "trimmed"),
    [
        ('*) Bugfix: "no live upstreams" errors if a server was marked as "down".', 'Bugfix: "no live upstreams"'),
        ("*Note* the ferry runs late.", "*Note* the ferry"),
    ],
)
def test_nginx_changes_marker_goes(sentence: str, trimmed: str) -> None:
    from summarize.text.clutter import trim_clutter

    assert trim_clutter(sentence).startswith(trimmed)


def test_a_release_notes_own_lines_are_furniture_and_i_e_points_back() -> None:
    from summarize.text.backrefs import refers_back
    from summarize.text.furniture import is_furniture

    assert is_furniture("This is a terse description of the new features added to bash-5.2 since bash-5.1.", "en")
    assert is_furniture("As always, the manual page (doc/bash.1) is the place to look for complete descriptions.", "en")
    assert not is_furniture("This is a description of the ferry's new timetable.", "en")
    assert not refers_back("Previously, an NHS review said surgery should stop at three hospitals.", "en")
    assert refers_back("I.e., 'cp -u -v' will have the same verbosity as before.", "en")
    assert not refers_back("Previous owners sold the ferry in 2019.", "en")
