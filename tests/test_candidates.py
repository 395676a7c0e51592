"""What the extractive engine never takes as a sentence to show: clutter trimmed from a sentence, link lists,
lead-ins, lists of names, table rows, shop tiles, fragments and a bug tracker's entries."""

from __future__ import annotations

import pytest

from summarize.engines import extractive, features
from summarize.text.furniture import is_furniture
from summarize.text.mdprose import read_markdown
from summarize.text.questions import is_question
from summarize.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("raw", "trimmed"),
    [
        ("LONDON (Reuters) - Oil prices rose on Monday.", "Oil prices rose on Monday."),
        ("(CNN)They may not be aliens, a scientist says.", "They may not be aliens, a scientist says."),
        ("(CNN) -- The storm hit the coast.", "The storm hit the coast."),
        ("New Delhi, India (CNN)As the earth shook, India acted.", "As the earth shook, India acted."),
        # A place in a script without capitals, with its own comma (CNN Arabic's dateline).
        ("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة.", "أكدت جهات سورية معارضة."),
        # A list's letter with its dot (Bash's NEWS letters its items a. to z.); not an abbreviation's.
        ("v. If an empty word expands, the redirection closes.", "If an empty word expands, the redirection closes."),
        ("e.g. Penzance and Truro voted.", "e.g. Penzance and Truro voted."),
        ("the protest (CNN) -- grew.", "the protest (CNN) -- grew."),  # no place: words in lower case
        ("WASHINGTON (AP) — The Senate voted.", "The Senate voted."),
        ("ISLAMABAD: The cabinet met on Friday.", "The cabinet met on Friday."),
        # A US paper's place with its state or country (the Pioneer Press's, CNBC's, AP's).
        ("BUFFALO, N.Y. — Hours before the game, he spoke.", "Hours before the game, he spoke."),
        ("DUBAI, United Arab Emirates — Emirates bought 30 jets.", "Emirates bought 30 jets."),
        ("SACRAMENTO, Calif. (AP) — A fire spread.", "A fire spread."),
        ("NASA, the space agency — said it would.", "NASA, the space agency — said it would."),
        ("UK, France and Germany — all agreed.", "UK, France and Germany — all agreed."),
        # A Korean paper's dateline: the outlet and the place or the column, and the reporter.
        ("[엔터미디어=정덕현의 이슈공감] 시작은 사진 공개였다.", "시작은 사진 공개였다."),
        ("(서울=연합뉴스) 김철수 기자 = 정부가 발표했다.", "정부가 발표했다."),
        ("[x=1] is how the loop starts.", "[x=1] is how the loop starts."),
        # A dateline in title case before a colon (Al Jazeera's); a connective before a name is none.
        ("Washington, DC, United States: Getting to the Moon is hard.", "Getting to the Moon is hard."),
        ("Doha, Qatar: The talks began on Monday.", "The talks began on Monday."),
        ("However, Apple: The firm said no.", "However, Apple: The firm said no."),
        ("New York, NY – With content on mobile, the firm hired.", "With content on mobile, the firm hired."),
        ("- Kuala Lumpur, MY – Rust Workshop Postponed.", "Kuala Lumpur, MY – Rust Workshop Postponed."),  # an item
        ("Kuala Lumpur, MY - Rust Workshop Postponed.", "Kuala Lumpur, MY - Rust Workshop Postponed."),  # a hyphen
        ("By Jane Doe\nThe council approved the plan.", "The council approved the plan."),
        (
            "By . Daily Mail Reporter . PUBLISHED: 10:58 EST, 1 January 2014 . | . UPDATED: 11:24 EST, "
            "1 January 2014 . A man was arrested.",
            "A man was arrested.",
        ),
        ("Last updated at 10:15 AM on 1st January 2011 . Rain fell.", "Rain fell."),
        ("20 July 2016 Last updated at 19:08 BST The crash happened on Tuesday.", "The crash happened on Tuesday."),
        ("Last updated at 10:11 GMT Thousands gathered.", "Thousands gathered."),
        ("> > Note this proposal runs concurrently.", "Note this proposal runs concurrently."),
        ("- A list item that is a sentence.", "A list item that is a sentence."),
        ("Scroll down for video Lindsey Vonn was back at Augusta.", "Lindsey Vonn was back at Augusta."),
        ("Scroll down for videos and pictures. Guilty: The teacher, 35, wept.", "The teacher, 35, wept."),
        ("SCROLL DOWN TO SEE THE PICTURES - 'It was a shock,' she said.", "'It was a shock,' she said."),
        # Not clutter: must stay as they are.
        ("Scroll down for videos showing the fight.", "Scroll down for videos showing the fight."),
        ("Scroll down for more news on this.", "Scroll down for more news on this."),
        ("By the end of the day the talks had failed.", "By the end of the day the talks had failed."),
        ("John Smith (R-Texas) said he would vote no.", "John Smith (R-Texas) said he would vote no."),
        ("Reuters reported the deal on Monday.", "Reuters reported the deal on Monday."),
        ("Last updated at noon, the page said little.", "Last updated at noon, the page said little."),
        # An option's hyphen and a name's dot are no separators (npm's "-O, --save-optional:" had lost its "-").
        (
            "- -O, --save-optional: Package will appear in your optionalDependencies.",
            "-O, --save-optional: Package will appear in your optionalDependencies.",
        ),
        (".NET runs the service on every server.", ".NET runs the service on every server."),
        # A list item's label says what the item is about (a definition's term); outside a list the same
        # shape is a caption's label.
        (
            "- Model: An object structure that represents a message.",
            "Model: An object structure that represents a message.",
        ),
        ("Model: An object structure that represents a message.", "An object structure that represents a message."),
    ],
)
def test_trim_clutter(raw: str, trimmed: str) -> None:
    assert extractive.trim_clutter(raw) == trimmed


def test_a_field_of_one_word_is_no_candidate() -> None:
    # "Source Code: lib/fs.js" led every summary of Node.js's docs; a label before a clause stays.
    text = (
        "Source Code: lib/fs.js\n\nAffiliated to a trade union: 189,703.\n\n"
        "Model: An object structure that represents an email message and its parts.\n\n"
        "The fs module enables interacting with the file system in a way modeled on POSIX functions."
    )
    shown = [c.text for c in features.candidates(text, "en")]
    assert shown == [
        "An object structure that represents an email message and its parts.",
        "The fs module enables interacting with the file system in a way modeled on POSIX functions.",
    ]


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        # Copyright and licence notices: bzip2's manual, Debian's users-and-groups, the GNU FDL of GNU time's.
        ("Copyright © 1996-2019 Julian Seward.", True),
        ("Copyright c© 2001–2022 Free Software Foundation, Inc.", True),
        ("You should have received a copy of the GNU General Public License along with this document.", True),
        ("This document is free; you can redistribute it and/or modify it under the terms of the GPL.", True),
        ("Use in the Title Page a title distinct from that of the Document, and from previous versions.", True),
        ("Redistributions of source code must retain the above copyright notice and this list.", True),
        ("3 2.3 Simple parsing . . . . . . . . . . . . . . . . . 3", True),  # a contents page's line
        ("Santiago Vila <sanvila@debian.org>", True),  # a README's signature
        ("/Niels Möller <nisse@lysator.liu.se>", True),  # signed with a slash, as Nettle's README is
        ("Colin Watson <cjwatson@debian.org> Sun, 07 Apr 2013 21:51:24 +0100.", True),  # a Debian file's, dated
        ("Changes by: -- Keith Packard <keithp@debian.org> Thu, 10 Mar 2005 13:29:11 -0800.", True),
        ("Write to John Smith <js@x.org> if you want a copy of the report by Monday.", False),
        # GNU's all-permissive licence, which opened a summary of grep's README.
        (
            "Copying and distribution of this file, with or without modification, are permitted in any medium"
            " without royalty provided the copyright notice and this notice are preserved.",
            True,
        ),
        ("Please look at COPYING for a detailed description of the license.", True),
        ("For details, see the file COMPAT.", True),
        ("If you don't see it, check that Rust is in your PATH system variable as follows.", True),  # a lead-in
        ("That's not good enough for a striker at a club like this.", False),
        # The words themselves are news: only a notice's form is furniture.
        ("Mr Newton said his copyright had been infringed by the sample.", False),
        ("Cheltenham will be relegated if they lose and Hartlepool win. ......................", False),
        ("The licence fee will rise to £159 next year, the BBC said.", False),
        # A manual's field of a setting, whatever its value (npm's docs gave them as key points).
        ("Type: String (can be set multiple times).", True),
        ('Default: "man" on Posix, "browser" on Windows.', True),
        ("Default values are set by the council each year.", False),
        # A value in a script written without spaces is a clause, not one word: a newsletter's story.
        ("GoMailer: 一个轻量的电子邮件推送开源工具，投递到指定的邮箱。", False),
        # A wire story's credits (a copied Reuters story had all three kinds as key points); news that shares
        # the words is no credit.
        ("Reporting by Jane Doe; Editing by Mark Potter", True),
        ("(Reporting by Jane Doe in London; additional reporting by Tom Roe; Editing by Mark Potter)", True),
        ("Writing by Jane K. Doe, Editing by Mark Potter.", True),
        ("Associated Press writer John Roe in Penzance contributed to this report.", True),
        ("CNN's Greg Botelho and Sonya Hamasaki contributed to this report.", True),
        ("Our Standards: The Thomson Reuters Trust Principles.", True),
        ("Reporting by the Guardian revealed the scandal.", False),
        # A row of fields set apart by bars: an events listing's line, a page's menu.
        ("2024-01-09 | Virtual (Dallas, TX, US) | Dallas Rust.", True),
        ("Home | News | Sport | Weather", True),
        # An email address alone, plain or written out (a title page's).
        ("tal197 at users.sf.net", True),
        ("jane.doe@example.org.", True),
        ("Staff at Harbour Ferries met at noon.", False),
        ("정덕현 칼럼니스트 thekian1@entermedia.co.kr.", True),  # a column's signature: name, role, address
        ("Jane Doe, reporter jane.doe@example.org", True),
        ("Readers wrote to the paper about it, she said, and to jane@example.org.", False),
        ("@没故事的卓同学，@四娘，@mmoaay，@享耳先森，@EyreFree", True),  # an issue's editors, their accounts alone
        ("@jane, @tom and @ann", True),
        ("@jane, @tom and @ann shared the prize, the jury said.", False),
        # An aside wholly in square brackets (GNU coreutils' NEWS ends each item with one).
        ("[bug introduced in coreutils-7.0, with GNU MP support].", True),
        ('[The "last write" bug was introduced in coreutils-5.3.0 but masked by the [alignment] bug]', True),
        ("The council [of Penzance] voted against the plan.", False),
        # A changelog's own notice (Keep a Changelog's wording).
        ("All notable changes to charset-normalizer will be documented in this file.", True),
        ("The format is based on Keep a Changelog, and this project adheres to Semantic Versioning.", True),
        ("All notable changes to the law will be debated in parliament.", False),
        ("The vote was 46 | 60, a typo in the release said.", False),  # one bar is no row
        ("He contributed to this report on climate change, the panel said.", False),
        ("Editing by hand took the team three weeks.", False),
        # A picture's credit or caption under its label (an exhibition page's had been a key point).
        ("Cover image: artist’s impression of the lighting installation at the festival.", True),
        ("Photo credit: Jane Doe/Getty Images.", True),
        ("Photograph by Jane Doe for the Guardian.", True),
        ("The cover image showed the installation lit at night.", False),
        ("Photos by tourists showed the bridge lit at night, police said.", False),
    ],
)
def test_notices_and_contents_lines_are_furniture(sentence: str, furniture: bool) -> None:
    assert is_furniture(sentence, "en") is furniture


def test_a_name_the_title_gives_may_open_a_sentence_in_lower_case() -> None:
    # "apt is the main command-line package manager…" under the title "APT" had been dropped as a
    # fragment the splitter cut, and the summary opened with "It provides…". A lower-case opener that
    # the title does not name is still one ("and Gin and Juice in 1993." under "Rock and Roll").
    text = (
        "apt is the main command-line package manager for Debian and its derivatives.\n\n"
        "It provides tools for searching and managing packages and for querying information about them.\n\n"
        "The tools read their sources from a list that the administrator keeps up to date.\n\n"
        "Each source is signed, and a package whose signature does not match is not installed.\n\n"
        "and Gin and Juice in 1993 was the record that made the label's name across the country."
    )
    shown = [c.text[:3] for c in features.candidates(text, "en", "APT")]
    assert shown == ["apt", "It ", "The", "Eac"]
    rest = text.split("\n\n", 1)[1]
    assert [c.text[:3] for c in features.candidates(rest, "en", "Rock and Roll")] == ["It ", "The", "Eac"]


def test_a_name_the_text_writes_in_lower_case_may_open_a_sentence() -> None:
    # A README with no title of its name ("lxml is a Pythonic, mature binding…") had lost its first
    # sentence, the one that says what the package is, as a fragment. A word no common word that the text
    # writes in lower case again is a name; a common word ("maintains") or one seen once still opens a
    # fragment.
    text = (
        "tabkit is a small library for reading tables from spreadsheets and text files.\n\n"
        "It keeps the order of rows and columns as the file has them.\n\n"
        "maintains order of sections and entries even when a file is written back.\n\n"
        "flonkers are read as numbers when every cell of a column holds a number.\n\n"
        "Errors name the row and the column, so tabkit reports can be fixed at once.\n\n"
        "Dates are read in the format the column header gives, or left as text.\n\n"
        "Large files are read a block of rows at a time, so memory stays small.\n\n"
        "Each release is tested on the three most recent versions of the language."
    )
    assert [c.text[:6] for c in features.candidates(text, "en")] == [
        "tabkit",
        "It kee",
        "Errors",
        "Dates ",
        "Large ",
        "Each r",
    ]


def test_link_lists_and_lead_ins_are_not_candidates() -> None:
    text = (
        "The council approved the new budget for schools on Monday night.\n\n"
        "These are the items that were approved this week:\n\n"
        "[budget]: https://example.org/council/budget-2024-final-version.pdf\n\n"
        "See https://example.org/council/minutes/2024/03/11/full-text.html and https://example.org/a/b/c.\n\n"
        "Teachers welcomed the decision, which adds two hundred posts across the district."
    )
    assert extractive.rank(text, "en") == [
        "The council approved the new budget for schools on Monday night.",
        "Teachers welcomed the decision, which adds two hundred posts across the district.",
    ]


def test_a_list_of_names_is_not_a_candidate_but_a_score_is() -> None:
    body = [
        "Chelsea beat Manchester City 1-0 to go five points clear at the top of the table.",
        "Motherwell 0, Heart of Midlothian 3.",
        "The only goal came from a free kick that Frank Lampard curled in after the break.",
        "City manager Kevin Keegan said his side had deserved at least a draw.",
    ]
    lists = [
        "Cech, Paulo Ferreira, Gallas, Terry, Bridge, Jarosik (Tiago 56), Lampard, Makelele, Duff.",
        "Attendees: Priya Shah, Tom Becker and Lena Ortiz",
        "Subs Not Used: Pidgeley, Tiago, Morais.",
    ]
    ranked = extractive.rank("\n\n".join([*body[:2], *lists, *body[2:]]), "en")
    assert sorted(ranked) == sorted(body)
    # A sentence that names people and says something of them stays.
    said = "Lampard, Terry and Cech were all rested, the manager said."
    assert said in extractive.rank("\n\n".join([*body, said]), "en")


def test_a_ranked_row_of_a_table_is_not_a_candidate_but_a_numbered_sentence_is() -> None:
    body = [
        "Lewis Hamilton took pole position for the Chinese Grand Prix ahead of Nico Rosberg.",
        "1. The Mercedes driver set his fastest time on his penultimate lap.",
        "Sebastian Vettel qualified third for Ferrari, who are stronger over a long run.",
    ]
    rows = [
        "1. Lewis Hamilton (Britain) Mercedes 1:35.782",
        "2. Nico Rosberg (Germany) Mercedes 1:35.824",
        "10. Marcus Ericsson (Sweden) Sauber 1:38.158 - - - - 11. Pastor Maldonado (Venezuela) Lotus 1:38.134",
    ]
    ranked = extractive.rank("\n\n".join([*body, *rows]), "en")
    assert sorted(ranked) == sorted(s.removeprefix("1. ") for s in body)  # shown without the list's number


def test_a_shop_widgets_tiles_are_not_candidates() -> None:
    body = [
        "Princess Eugenie was seen texting on her mobile as she walked through New York on Thursday.",
        "Proving she is as thrifty as her cousin, Eugenie wore her favourite leather coat again.",
    ]
    widget = "Stripe Miniskirt at Nordstrom Visit site Tightrope Skirt at Urban Outfitters (Now $69.99) Visit site"
    ranked = extractive.rank(f"{body[0]} {widget} {body[1]}", "en")
    assert sorted(ranked) == sorted(body)


def test_a_sentence_starting_in_lower_case_is_a_fragment_unless_the_text_writes_that_way() -> None:
    body = [
        "The council approved the new budget for schools on Monday night.",
        "Teachers welcomed the decision, which adds two hundred posts across the district.",
        "Parents said the extra posts would shrink classes in the oldest schools.",
        "iPhone owners can follow the meetings live in the council's new app.",
        "The budget also pays for new roofs on three primary schools before winter.",
        "Opposition members voted against it, saying the council tax rise was too steep.",
    ]
    fragments = ["disposition: merge Stabilize the budget rules of the council in 2024.", "said the head of the board."]
    ranked = extractive.rank("\n\n".join([*body[:2], *fragments, *body[2:]]), "en")
    assert sorted(ranked) == sorted(body)  # the mixed-case "iPhone" sentence stays
    lower = [s[0].lower() + s[1:] for s in body]  # a text written in lower case keeps every sentence
    assert sorted(extractive.rank("\n\n".join(lower), "en")) == sorted(lower)
    # ... but a list item's label before a colon, as in a list of pull requests, never opens one
    labels = [
        "disposition: merge Stabilize the budget rules of the council in 2024.",
        "offst: Add Android builds to the continuous integration of the project.",
    ]
    ranked = extractive.rank("\n\n".join([*lower[:3], *labels, *lower[3:]]), "en")
    assert sorted(ranked) == sorted(lower)


def test_a_bug_trackers_entry_is_no_candidate() -> None:
    # Swift Weekly Brief's starter tasks, through the Markdown reader as a file gives them: a key, its
    # category in brackets, the bug's title. Two had been sentences of one issue's summary.
    md = (
        "The last two weeks were full of news from the conference, and there are new starter tasks for you.\n\n"
        "- [SR-7823](https://bugs.example.org/SR-7823) [Package Manager] swift run intermingles status with"
        " tool output on stdout\n"
        "- [SR-7904](https://bugs.example.org/SR-7904) [Compiler] AST dump can't distinguish the files it reads\n\n"
        "In episode 61, Jesse and JP discussed the announcements from the conference with a special guest.\n\n"
        "COVID-19 cases rose again this week, so the meetup will be held online for the second time.\n"
    )
    prose = read_markdown(md).text
    assert "SR-7823 [Package Manager] swift run" in prose  # the reader keeps the entry as written
    ranked = extractive.rank(prose, "en")
    assert not [s for s in ranked if s.startswith("SR-")]
    assert len(ranked) == 3  # the key alone is no mark: "COVID-19 cases rose…" stays


def test_a_line_of_numbers_is_data_not_a_sentence() -> None:
    from summarize.engines.features import candidates

    # A PDF's hex dump had been a summary sentence ("00000000 4d 49 4d 45 2d 4d 61 67 69 63 00 0a…").
    text = (
        "The magic database lists the patterns that identify each type of file on the system.\n\n"
        "00000000 4d 49 4d 45 2d 4d 61 67 69 63 00 0a 5b 35 30 3a |MIME-Magic.\n\n"
        "Version v2.13.0 (2026-04-13) 12 34 56.\n\n"
        "The score was 3-1 after 90 minutes, and Arsenal won the cup for the 14th time in 2015."
    )
    shown = [c.text for c in candidates(text, "en")]
    assert shown == [
        "The magic database lists the patterns that identify each type of file on the system.",
        "The score was 3-1 after 90 minutes, and Arsenal won the cup for the 14th time in 2015.",
    ]


KICKER_STORY = (
    "Book publishing giant Macmillan announced a peaceful settlement with Amazon on Thursday on pricing for "
    "print and digital books.\n\nSimilar agreements were reached with Simon & Schuster in October and Hachette "
    "in November.\n\nHachette had waged a bruising six-month public battle with Amazon over the price of books."
)


@pytest.mark.parametrize(
    ("opening", "kept"),
    [
        ("Barely a shot was fired.", False),  # a kicker: alone, short, no number or name
        ("Will he be less outspoken?", False),
        ("Barely a shot was fired in the long fight over book prices.", True),  # long enough to say something
        ("Amazon barely fired a shot.", True),  # a name: news
        ("The fight took 14 long months.", True),  # a number: news
    ],
)
def test_a_features_opening_line_with_no_fact_leads_no_summary(opening: str, kept: bool) -> None:
    # The New York Post's story of Macmillan's settlement opened "Barely a shot was fired.", which had led
    # its summary in place of the lede. After a title's line too.
    for text, title in [
        (f"{opening}\n\n{KICKER_STORY}", None),
        (f"Macmillan settles.\n\n{opening}\n\n{KICKER_STORY}", "Macmillan settles"),
    ]:
        shown = [c.text for c in features.candidates(text, "en", title)]
        assert (opening in shown) is kept, (opening, title)
        summary = extractive.summarize(text, "en", points=0, length="short", title=title).summary
        assert summary.startswith(opening if kept else "Book publishing giant"), summary
    # In a paragraph with more sentences it is no kicker: the paragraph goes on to say something.
    shown = [c.text for c in features.candidates(f"{opening} The talks ended.\n\n{KICKER_STORY}", "en")]
    assert opening in shown


@pytest.mark.parametrize(
    ("sentence", "lang", "asks"),
    [
        ("Will he be less outspoken?", "en", True),
        ("What if the £200m superstar doesn't settle in Paris?", "en", True),
        ("Or was she confident that the video would show two people?", "en", True),
        ("¿Volverá a abrir la escuela en septiembre?", "es", True),
        # A statement that ends in a title's question mark asks nothing.
        ("The 32-year-old has had hits with songs like What's My Name?", "en", False),
        ("The report, entitled Broadband Britain: The End Of Asymmetry?", "en", False),
        ("Who is in charge was not clear, the council said.", "en", False),  # no question mark
        ("Wird die Schule wieder öffnen?", "de", False),  # German's inversion: no rule
        ("Warum öffnet die Schule erst im September?", "de", True),
        ("Por que não temos uma assim no Brasil?", "pt", True),
        ("Pourquoi l'école rouvre-t-elle en septembre ?", "fr", True),
        ("Perché la scuola riapre a settembre?", "it", True),
        ("O prefeito disse que a escola reabre em setembro?", "pt", False),  # no question word first
        ("Wie ein Sprecher sagte, öffnet die Schule im September.", "de", False),  # no question mark
        ("Какая школа откроется?", "ru", False),  # no rule for the language: never
    ],
)
def test_a_question_the_writer_asks_is_told(sentence: str, lang: str, asks: bool) -> None:
    assert is_question(sentence, lang) is asks


def test_a_question_the_writer_asks_is_no_summary_sentence_or_point() -> None:
    # "Will that promising full-back relish being thrown deeper into the public spotlight? What if the £200m
    # superstar doesn't settle in Paris?" had been two of an XSum summary's three sentences.
    text = (
        "Harbour Ferries will cut its winter timetable by a third from January, the company said on Monday.\n\n"
        "Will the islanders accept fewer crossings? What if the new quay is not ready by spring?\n\n"
        "The company said fuel costs had risen by 40% since last winter.\n\n"
        '"Why should we pay more for less?" asked Anna Ruiz, who runs the island shop.\n\n'
        "The council will discuss the cuts at its meeting on 14 December.\n\n"
        "Unions said 12 jobs were at risk on the Penzance route."
    )
    out = extractive.summarize(text, "en", points=5, length="medium")
    shown = [*split_sentences(out.summary, "en"), *out.key_points]
    assert not any(s.startswith(("Will the islanders", "What if")) for s in shown), shown
    assert any("Why should we pay more" in s for s in shown)  # a quoted question is someone's words


def test_a_social_media_post_the_page_embeds_is_no_candidate() -> None:
    # The Hill's page as its text comes out: a reader's tweet, then its credit. The tweet had been a key point.
    text = (
        "South Dakota is defending its anti-drug campaign with the slogan “Meth, we’re on it.”\n\n"
        "The tagline drew criticism and ridicule across Twitter on Monday, but the governor cited the backlash.\n\n"
        "I love that they trademarked it. Don't worry, South Dakota, no one's going to take your slogan. "
        "https://t.co/XPxUJuyIAC\n\n"
        "— Robert Maguire (@RobertMaguire_) November 18, 2019\n\n"
        "The campaign, which includes digital and TV ads, cost the state roughly $449,000, the paper said.\n\n"
        "Proud of the whole team that made this campaign happen, and of every family that joined us!\n\n"
        "A post shared by Jane Doe (@janedoe) on Nov 18, 2019 at 5:01pm PST\n\n"
        "Officials said the campaign would run until the end of the year across the state."
    )
    shown = [c.text[:12] for c in features.candidates(text, "en")]
    assert shown == ["South Dakota", "The tagline ", "The campaign", "Officials sa"]
    # A dash before a name is no credit without the handle and the date.
    plain = (
        "The vote on the new harbour wall was close, the council's minutes show.\n\n"
        "It passed by one vote, the clerk said after the meeting on Monday.\n\n"
        "— Jane Doe, the clerk, speaking to reporters outside the town hall on Monday."
    )
    assert len(features.candidates(plain, "en")) == 3


def test_a_line_in_another_script_is_no_candidate() -> None:
    # An Indonesian sermon quotes its verse in Arabic: the verse had been a summary sentence.
    verse = "ْﺐِﺒْﺣَﺃ َﻚَﺒﻴِﺒَﺣ ﺎًﻧْﻮَﻫ ﺎَﻣ ﻰَﺴَﻋ ْﻥَﺃ َﻥﻮُﻜَﻳ َﻚَﻀْﻴِﻐَﺑ ﺎًﻣْﻮَﻳ ،ﺎَﻣ ْﺾِﻐْﺑَﺃَﻭ َﻚَﻀْﻴِﻐَﺑ"
    text = (
        "Jangan berlebihan dalam mencintai atau membenci sesuatu, kata para ulama sejak dahulu.\n\n"
        f"{verse}.\n\n"
        "Kita harus berhati-hati terhadap aliran yang menanamkan kebencian kepada satu kaum."
    )
    shown = [c.text[:6] for c in features.candidates(text, "id")]
    assert shown == ["Jangan", "Kita h"]
    # A sentence of the main script that names a brand in Latin letters stays (a third of it is Hangul).
    korean = (
        "애플이 새 제품을 발표했다.\n\nApple의 iPhone 15 Pro Max가 다음 달 출시된다.\n\n"
        "가격은 지난해와 같다고 회사는 설명했다."
    )
    assert len(features.candidates(korean, "ko")) == 3


def test_a_bare_places_dateline_is_cut_from_the_texts_first_sentence_only() -> None:
    # The Detroit News: "Indianapolis – Several thousand teachers…" had opened the summary with its place.
    text = (
        "Indianapolis – Several thousand teachers wearing red surrounded the Statehouse on Tuesday.\n\n"
        "Bitcoin – The currency the protesters mocked on their signs – fell again on Tuesday afternoon."
    )
    shown = [c.text for c in features.candidates(text, "en")]
    assert shown[0].startswith("Several thousand teachers")
    assert shown[1].startswith("Bitcoin – The currency")


def test_korean_words_stand_in_for_facts_in_the_test_of_a_new_fact() -> None:
    # Korean is read a syllable a token and shows no capitals: a Korean column's sentences had no "fact" but
    # a number, and it had 1 key point of 5. Its words (runs of Hangul) stand in, as character pairs do for
    # Chinese and Japanese; not in the fact density that ranks summary sentences.
    text = "\n\n".join(
        [
            "시작은 가수의 일방적인 사진 공개로부터 비롯됐다.",
            "그건 이 사안을 두고 벌어진 두 사람의 진실공방이 어떤 결론을 내더라도 잘못된 일이다.",
            "처음 이러한 사진 공개에 대한 대중들의 반응은 가수의 행동에 대한 비난으로 이어졌다.",
            "하지만 가수는 자신의 부적절한 행동들에 대해 무감한 태도를 보였다.",
            "배우는 한 매체에 자신의 입장을 털어놓으며 가수와의 관계를 전면 부정했다.",
            "그는 이 문제를 데이트 폭력이라고 분명히 했고 강력한 법적 대응을 논의 중이라고도 했다.",
            "실제로 그가 내놓은 증거들은 두 사람의 관계가 잠깐 알고 지냈던 사이로 보이지는 않았다.",
            "사실 남녀 관계라는 것이 당사자들이 아니면 그 속사정을 알기는 어려운 일이다.",
        ]
    )
    doc = features.document_features(text, "ko")
    assert doc is not None and all(c.facts for c in doc.cands)
    assert all(features.stated(c.facts) == 0 for c in doc.cands)  # no number, no name: density as before
    result = extractive.summarize(text, "ko", points=5)
    assert len(result.key_points) == 5
