"""Photo captions, table rows and shop tiles glued to sentences without a stop (summarize/text/glued.py), as the
splitter and the engines see them."""

from __future__ import annotations

import json

import pytest

from summarize.engines import extractive
from summarize.text import glued
from summarize.text.sentences import split_sentences
from tests.conftest import SHARED

# Captions glued without a stop, as news pages copied into one line read (written for this test).
_CAPTIONS = (
    "Scroll down for video Morning glory: The harbour fills with boats at dawn as the regatta opens on the "
    "south coast of the island The crews spent the winter repairing their hulls in sheds along the quay "
    "Race officer Ann Pike (pictured) Harbour staff said the course was moved twice because of the wind "
    "It then emerged that two boats had been towed in after their masts snapped in the first hour "
    "Specialist Clare Moffat warned: 'The tide turns fast here and crews must be ready.'"
)


def test_captions_glued_without_a_stop_are_cut_in_a_run_on() -> None:
    got = split_sentences(_CAPTIONS)
    assert got == [
        "Scroll down for video",
        "Morning glory: The harbour fills with boats at dawn as the regatta opens on the south coast of the island",
        "The crews spent the winter repairing their hulls in sheds along the quay Race officer Ann Pike (pictured)",
        "Harbour staff said the course was moved twice because of the wind",
        "It then emerged that two boats had been towed in after their masts snapped in the first hour "
        "Specialist Clare Moffat warned: 'The tide turns fast here and crews must be ready.'",
    ]
    assert " ".join(got).split() == _CAPTIONS.split()  # nothing lost, nothing moved


def test_caption_rules_leave_sentences_of_normal_length_and_speakers_alone() -> None:
    # Under the run-on length only an opener after a lower-case word or a number ends a caption; labels
    # and these words inside names and titles do not.
    for whole in (
        "She changed into a black dress for the Grammys On The Hill Awards held in Washington.",
        "Patient A and his wife were sent home from the clinic on Friday.",
        "He scored 20 Serie A goals last season for the club.",
        "It was the year Don't Push It won the Grand National at Aintree.",
        "Flying high: the kite rose over the beach at noon.",
    ):
        assert split_sentences(whole) == [whole]
    glued_seam = "He was fined at the court, where he was banned from driving The brother of the striker lost his job."
    assert split_sentences(glued_seam) == [
        "He was fined at the court, where he was banned from driving",
        "The brother of the striker lost his job.",
    ]
    # In a run-on: no cut before a speaker's label, nor right after a function word.
    run_on = " ".join(["the crowd waited by the water"] * 9) + " analyst Clare Moffat warned: 'It will rain.'"
    assert glued.split_captions(run_on) == [run_on]
    run_on = " ".join(["the crowd waited by the water"] * 9) + " as the winner of The best boat award"
    assert glued.split_captions(run_on) == [run_on]
    # English rules only: German capitalises every noun.
    german = " ".join(["die Boote warten im Hafen auf den Wind"] * 8) + " Die Crews arbeiten"
    assert split_sentences(german, "de") == [german]


def test_and_not_if_then_yet_and_an_age_open_a_glued_sentence() -> None:
    # Daily Mail captions glued to the text had made key points of two sentences: "…its opening in 2012
    # And for the lucky fashionistas…", "…popular music Not content with…", "…as 'finals' The
    # 26-year-old has been…" (9 seams in 8 CNN/DM articles).
    assert split_sentences("The store opened in 2012 And for the lucky few there will be a party.") == [
        "The store opened in 2012",
        "And for the lucky few there will be a party.",
    ]
    assert split_sentences("He called the games 'finals' The 26-year-old has been in fine form.")[1] == (
        "The 26-year-old has been in fine form."
    )
    # Inside a title or a name (a capitalised word after the opener): one sentence.
    for whole in (
        "They watched Tom And Jerry at the cinema on Sunday.",
        "She starred in Pride And Prejudice and Made In Chelsea.",
        "The song Not Fade Away was played at the end.",
    ):
        assert split_sentences(whole) == [whole], whole


def test_a_caption_label_of_common_words_starts_a_glued_caption_at_any_length() -> None:
    # "…kite flying dates back some 2,000 years Global appeal: Professional kite flying teams…" was one key
    # point, two captions run together, under the run-on length where labels had not been looked for.
    seam = "Kite flying dates back some 2,000 years Global appeal: Teams from 13 countries took part in the festival."
    assert split_sentences(seam) == [
        "Kite flying dates back some 2,000 years",
        "Global appeal: Teams from 13 countries took part in the festival.",
    ]
    assert split_sentences("He was jailed for six years Lengthy sentence: The judge said it was grave.")[1] == (
        "Lengthy sentence: The judge said it was grave."
    )
    # A name or a title before the colon, a speaker, a possessive, a function word or a capitalised word
    # before the label: one sentence.
    for whole in (
        'He told BBC Radio 4\'s Today programme: "We need more resources."',
        "It was the release of Fall of an Empire: The Story of Katherine of Alexandria.",
        "A guard stood outside the White House: Nobody passed him all night long.",
        "The star of the new Avengers: Age of Ultron came to the premiere.",
        "The analyst Clare Moffat warned: 'The tide turns fast here.'",
        "He later told reporters Sunday: The talks had gone well.",
    ):
        assert split_sentences(whole) == [whole], whole


def test_a_quoted_title_ending_a_caption_ends_it_before_an_opener() -> None:
    # "…a Hollywood film dubbed ‘The First Great Escape’ The story of how Douglas Bader recovered…" was a
    # summary's first sentence, a caption and the article's first sentence: the closing quote ends the
    # title, so the two capitalised words before it are no title going on.
    assert split_sentences("He starred in a film dubbed ‘The Great Escape’ The story of how he fled is told.") == [
        "He starred in a film dubbed ‘The Great Escape’",
        "The story of how he fled is told.",
    ]
    assert split_sentences("A man said the weather was 'too hot' The incident was shared online.")[1] == (
        "The incident was shared online."
    )
    # Without the closing quote nothing says where a title ends: one sentence, as before.
    for whole in ("It was the year Don't Push It won the race.", "A film dubbed The Great Escape The story goes on."):
        assert split_sentences(whole) == [whole], whole


def test_a_quotation_its_speaker_ends_starts_a_glued_sentence_after_a_word_in_lower_case() -> None:
    # "…after serving a three-match suspension ‘When you get so close…, it hurts,’ said Rodgers." had been
    # one sentence: a caption glued to the quotation that followed it.
    for caption, quotation in (
        ("Gerrard is back after serving a three-match suspension", "‘When you get so close, it hurts,’ said Rodgers."),
        ("Teams swarmed to the campus", "'This started and ended in the city,' an FBI source told reporters."),
        ("She enjoys dancing with her friend Julia, 67, right", "'I’m out every night,' she admitted on the show."),
        ("He had returned from a holiday (file photo)", '"The mind boggles," commented one reader.'),
    ):
        assert split_sentences(f"{caption} {quotation}") == [caption, quotation]
    # A word that leads into the quotation, a quotation its speaker does not end, or one in lower case: one
    # sentence.
    for whole in (
        "He told me 'I love you,' she said.",
        "The ship was dubbed 'The Titan,' he said.",
        "The coach said 'We were poor,' according to reports.",
        "He stood on the pitch 'Win or lose, we go on' was the club's motto.",
        "She called it 'a disgrace,' said Smith.",
    ):
        assert split_sentences(whole) == [whole], whole


def test_a_sentence_adverb_a_conjunction_or_a_contraction_with_a_capital_starts_a_glued_sentence() -> None:
    # Daily Mail captions glued so had made key points of two sentences.
    for caption, sentence in (
        ("The kite requires three flyers to manoeuvre", "However, aviation authorities ruled that it could not fly."),
        ("Kites take to the sky during the four-day-long festival", "Although the kite did not fly, they claimed it."),
        ("Payne ruled out the idea despite talking about growing the game", "It’s well-known the club is rich."),
        ("He left the club in 2009", "Since his return to England, he has played 100 games."),
        ("The striker will be on the bench against Swansea", "Meanwhile, the club will include de Jong."),
        ("The men were then left on the road", "One of the victims, flanked by two fighters, was led away."),
        ("People fussed over her hair for decades", "Ever since her husband was elected, it has been news."),
        ("He coined the phrase in a speech in 1944", "The ‘special relationship’ has been used since."),
    ):
        for length in (1, 4):  # a sentence of normal length, and a run-on
            whole = " ".join([caption] * length) + " " + sentence
            pieces = split_sentences(whole)
            assert pieces[-1] == sentence and " ".join(pieces[:-1]) == " ".join([caption] * length)
    # Written with a capital only where a sentence starts: "I" always is, and a band's name goes on.
    for whole in (
        "The start I've made here pleased him a great deal.",
        "Members of the band, called Matthew 24 Now, have since been jailed.",
        "He said it was the song It's My Party that made her famous.",
        "She starred in One of the Boys with him.",
        "He is one of the best, and One of Us is his film.",
    ):
        assert split_sentences(whole) == [whole]


def test_a_picture_marker_before_a_capital_ends_a_glued_caption_at_any_length() -> None:
    text = "The film starred Kenneth More (pictured) A series of ladders stood against the fence."
    assert split_sentences(text) == [
        "The film starred Kenneth More (pictured)",
        "A series of ladders stood against the fence.",
    ]
    # Not before a word in lower case, and not in other languages (German capitalises every noun).
    for whole in ("Kenneth More (pictured) starred in the film.", "Der Film (pictured) Zeigte alles."):
        assert split_sentences(whole, "en" if whole.startswith("K") else "de") == [whole]


def test_a_ranked_row_glued_to_the_next_sentence_ends_after_its_last_number() -> None:
    table = "19. Will Stevens (Britain) Marussia 1:42.091\n20. Roberto Merhi (Spain) Marussia - Ferrari 1:42.842"
    assert split_sentences(f"{table} Rosberg was grim-faced afterwards.") == [
        "19. Will Stevens (Britain) Marussia 1:42.091",
        "20. Roberto Merhi (Spain) Marussia - Ferrari 1:42.842",
        "Rosberg was grim-faced afterwards.",
    ]
    # A numbered sentence goes on: its words after the rank are not a row's.
    for whole in ("1. The council met on 12 May and Smith was elected.", "2. Smith (Labour) won 4,210 votes in Leeds."):
        assert split_sentences(whole) == [whole]


def test_a_shop_widgets_button_stands_alone() -> None:
    text = (
        "Stripe Miniskirt at Nordstrom Visit site Tightrope Skirt at Urban Outfitters (Now $69.99) Visit site "
        "Proving she is as thrifty as her cousin, Eugenie wore her favourite coat again."
    )
    assert split_sentences(text) == [
        "Stripe Miniskirt at Nordstrom",
        "Visit site",
        "Tightrope Skirt at Urban Outfitters (Now $69.99)",
        "Visit site",
        "Proving she is as thrifty as her cousin, Eugenie wore her favourite coat again.",
    ]
    # Only the button's own words: "visit the site" in a sentence is no button.
    whole = "Inspectors will visit the site on Monday."
    assert split_sentences(whole) == [whole]


def test_a_shown_sentence_loses_its_picture_markers() -> None:
    # No photo stands beside a summary: "(left)" and "(pictured)" point at nothing there.
    sentence = "Jamie Silvonek (left), 14, and her boyfriend Caleb Barnes (right) were charged (pictured)"
    assert (
        glued.without_picture_marks(sentence, "en") == "Jamie Silvonek, 14, and her boyfriend Caleb Barnes were charged"
    )
    # As a key point it ends with its stop like the points around it (the caption had none).
    assert extractive.as_point(sentence, "en") == "Jamie Silvonek, 14, and her boyfriend Caleb Barnes were charged."
    assert glued.without_picture_marks(sentence, "de") == sentence


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        # The Daily Mail's aside between commas goes with one of its commas.
        ("Amira Abase, pictured, was one of three girls.", "Amira Abase was one of three girls."),
        ("Paul Casey, pictured in action last month, is the 99th qualifier.", "Paul Casey is the 99th qualifier."),
        # After an age, or before a relative clause, the sentence needs the comma.
        (
            "Brianne Altice, 35, pictured here in court on Wednesday, pleaded guilty.",
            "Brianne Altice, 35, pleaded guilty.",
        ),
        (
            "They did not fire Altice, pictured in court in January, who is accused.",
            "They did not fire Altice, who is accused.",
        ),
        ("Sister Gertrud (not pictured) was found.", "Sister Gertrud was found."),
        # A position alone between commas, or ending the sentence or a clause.
        (
            "Abase Hussen, left, took his daughter Amira, right, to a rally.",
            "Abase Hussen took his daughter Amira to a rally.",
        ),
        ("She dances with her friend Julia, 67, right", "She dances with her friend Julia, 67"),
        ("A night out with Julia, left, who says it is fun.", "A night out with Julia, who says it is fun."),
        (
            "She started in August 2013, left; by April, right, she had lost weight.",
            "She started in August 2013; by April she had lost weight.",
        ),
        ("He turned left, then right, and drove off.", "He turned left, then right, and drove off."),
        # A sentence's own words stay: no comma before "pictured".
        (
            "He was famously pictured with the Duchess at the disco.",
            "He was famously pictured with the Duchess at the disco.",
        ),
    ],
)
def test_a_shown_sentence_loses_a_pictured_aside(sentence: str, shown: str) -> None:
    assert glued.without_picture_marks(sentence, "en") == shown


def test_glued_captions_in_news_articles_are_cut() -> None:
    # CNN/DM articles come as one line with photo captions glued in: 87 pieces over 60 words before the rule.
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        articles = [json.loads(line)["article"] for line in fh]
    long = 0
    for article in articles:
        got = split_sentences(article)
        long += sum(len(s.split()) > 60 for s in got)
        assert "".join("".join(got).split()) == "".join(article.split())  # nothing lost, nothing moved
    assert long <= 50


def test_a_caption_label_is_trimmed_from_a_candidate_sentence() -> None:
    from summarize.text.clutter import trim_clutter

    assert glued.strip_caption_label("Morning glory: The harbour fills with boats.") == "The harbour fills with boats."
    assert trim_clutter("Watch the video: In a harbour exclusive, crews met.") == "In a harbour exclusive, crews met."
    # A speaker, a clause, a label before a quote or before lower case, an identifier: kept.
    for kept in (
        "Moffat warned: The tide turns fast.",
        "SE-0212: Compiler Version Directive was accepted.",
        "It will be: Should the harbour close?",
        "The question is: Why now?",
        "Who is worse: Britt McHenry for mocking a tow employee, or the Twitter masses?",
        'Engineer: "Shift up now."',
        "Note: the deadline moved.",
    ):
        assert glued.strip_caption_label(kept) == kept
