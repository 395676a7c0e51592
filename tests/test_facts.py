"""Facts of an output and whether a source supports them (summarize.text.facts), on text pairs."""

from __future__ import annotations

import pytest

from summarize.text.facts import extract_facts, support_index, unsupported
from summarize.text.quantities import digit_values, find_dates, find_quantities

SOURCE = (
    "Forty-six members of Congress signed a letter on Feb. 8, 2024, asking for the release of detained "
    "politicians. A separate 60-member group wrote to the State Department in March. "
    "The company reported revenue of $1.2 billion, up 12.5% from last year. "
    "President Joe Biden's spokesman said: \"We will not accept 'business as usual' in Islamabad.\" "
    "Former prime minister Imran Khan has been in jail since August 2023."
)


def _values(text: str, kind: str, lang: str = "en") -> list[str]:
    return [f.value for f in extract_facts(text, lang) if f.kind == kind]


def _flagged(output: str, source: str = SOURCE, lang: str = "en") -> list[str]:
    return [f.text for f in unsupported(output, [source], lang)]


# --- extraction --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("46", "46"),
        ("forty-six", "46"),
        ("Forty six", "46"),
        ("two hundred and five thousand", "205000"),
        ("۴۶", "46"),  # Urdu (Extended Arabic-Indic) digits
        ("٤٦", "46"),  # Arabic-Indic digits
        ("४६", "46"),  # Devanagari digits
        ("1,200", "1200"),
        ("2.5 million", "2500000"),
        ("the 21st", "21"),
    ],
)
def test_numbers_written_any_way_have_one_value(text: str, value: str) -> None:
    assert _values(f"They counted {text} votes.", "number") == [value]


def test_money_and_percentages_keep_their_unit() -> None:
    assert _values("It cost $1.2 billion.", "number") == ["1200000000 $"]
    assert _values("It cost 1.2bn dollars.", "number") == ["1200000000 $"]
    assert _values("A £2.1m fee.", "number") == ["2100000 £"]
    assert _values("Up 12.5% and 3 per cent.", "number") == ["12.5 %", "3 %"]
    assert _values("۳ ارب روپے", "number", "ur") == ["3000000000 rupee"]


def test_grouping_marks_are_read_by_the_languages_convention() -> None:
    assert [str(v) for v in digit_values("1.200", "de")] == ["1200", "1.200"]
    assert [str(v) for v in digit_values("1,5", "fr")] == ["1.5"]
    assert [str(v) for v in digit_values("1,234.5", "en")] == ["1234.5"]
    assert [str(v) for v in digit_values("۱٬۲۳۴٫۵", "ur")] == ["1234.5"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("February 8, 2024", "2024-02-08"),
        ("Feb. 8, 2024", "2024-02-08"),
        ("8 February 2024", "2024-02-08"),
        ("2024-02-08", "2024-02-08"),
        ("February 2024", "2024-02"),
        ("March 15", "--03-15"),
        ("2019", "2019"),
        ("Monday", "weekday:0"),
    ],
)
def test_dates_have_one_value(text: str, value: str) -> None:
    assert _values(f"It happened on {text} in the capital.", "date") == [value]


def test_months_written_in_lower_case_are_months_where_the_language_writes_them_so() -> None:
    assert [d.value for d in find_dates("La escuela abrirá en septiembre con once alumnos.", "es")] == ["--09"]
    assert [d.value for d in find_dates("La médiathèque rouvrira en mars.", "fr")] == ["--03"]
    # English capitalises its months: in lower case "march" and "may" are verbs.
    assert find_dates("They march in may.", "en") == []


def test_may_alone_is_a_month_only_after_a_preposition() -> None:
    assert [d.value for d in find_dates("Rates have been on hold since May.")] == ["--05"]
    assert find_dates("May I ask you something? They may leave.") == []


def test_a_lone_one_is_no_number_fact() -> None:
    assert find_quantities("One of them said no one came.") == []


def test_names_drop_titles_possessives_and_common_sentence_starts() -> None:
    text = "President Joe Biden's aide met Dr. Jane Smith and J. K. Rowling. The Bank of England said so."
    assert _values(text, "name") == ["joe biden", "jane smith", "j k rowling", "bank of england"]
    # A lower-case particle inside a name keeps it one name.
    text = "Barcelona won at Parc des Princes, and Ana dos Santos watched with Louis van Gaal."
    assert _values(text, "name") == ["barcelona", "parc des princes", "ana dos santos", "louis van gaal"]
    # "New" leads a place's name inside a sentence (the warning named "York City" before); alone, or where
    # a sentence starts, it is the common word.
    assert _values("A train derailed in New York City and a New Zealand side won.", "name") == [
        "new york city",
        "new zealand",
    ]
    assert _flagged("A train derailed in New York City.", "The New York governor spoke.") == ["New York City"]
    assert _values("They signed the New album deal. New figures came out.", "name") == []


def test_names_are_read_only_where_capitals_mark_them() -> None:
    assert _values("Die Regierung in Berlin sagte am Montag nichts.", "name", "de") == []
    assert _values("وزیر اعظم عمران خان نے کہا", "name", "ur") == []


def test_quotes_straight_curly_guillemets_and_nested() -> None:
    text = "He said \"we will not accept 'business as usual' here\" and “no” and «jamais» and 「はい」."
    quotes = [f.value for f in extract_facts(text) if f.kind == "quote"]
    # Han and kana characters are one word each.
    assert quotes == ["we will not accept business as usual here", "no", "jamais", "は い"]
    assert not [f for f in extract_facts("Obama's aides don't say 'no'.") if f.kind == "quote" and "don" in f.value]


# --- support -------------------------------------------------------------------------------------


def test_a_number_written_differently_but_equal_is_supported() -> None:
    assert _flagged("46 lawmakers signed a letter asking for the release of politicians.") == []
    assert _flagged("Revenue was 1.2bn dollars, up 12.5 per cent from last year.") == []


def test_an_invented_number_is_flagged() -> None:
    assert _flagged("47 lawmakers signed a letter asking for the release of politicians.") == ["47"]
    assert _flagged("Revenue was $1.3 billion, up 12.5% from last year.") == ["$1.3 billion"]


def test_a_number_swapped_from_elsewhere_in_the_source_is_flagged() -> None:
    # 60 is in the source, but as the size of a group, not as the growth of revenue.
    assert _flagged("Revenue rose 60% from last year.") == ["60%"]
    assert _flagged("Revenue rose 12.5% from last year.") == []


def test_money_in_another_currency_is_flagged() -> None:
    assert _flagged("The company reported revenue of £1.2 billion.") == ["£1.2 billion"]


def test_dates_written_differently_are_supported_and_wrong_ones_flagged() -> None:
    assert _flagged("Members of Congress signed a letter on 8 February 2024.") == []
    assert _flagged("Members of Congress signed a letter on 2024-02-08.") == []
    assert _flagged("Members of Congress signed a letter on Feb. 9, 2024.") == ["Feb. 9, 2024"]
    assert _flagged("Imran Khan has been in jail since August 2022.") == ["August 2022"]


def test_urdu_and_arabic_indic_digits_count_as_the_same_number() -> None:
    source = "پولیس کے مطابق دھماکے میں 46 افراد ہلاک ہوئے۔"
    assert _flagged("دھماکے میں ۴۶ افراد ہلاک ہوئے۔", source, "ur") == []
    assert _flagged("دھماکے میں ٤٦ افراد ہلاک ہوئے۔", source, "ur") == []
    assert _flagged("دھماکے میں ۴۷ افراد ہلاک ہوئے۔", source, "ur") == ["۴۷"]


def test_urdu_writes_a_decimal_point_as_its_full_stop_and_may_glue_a_number_to_a_word() -> None:
    # FLORES' reference translations: "زلزلہ 6۔5 میگنی ٹیوڈ" for "magnitude 6.5", "1977 تا1981" for "from
    # 1977 to 1981", "کر7 وکٹیں" for "7 wickets". The translator's number check flagged all three, and the
    # splitter cut "6۔" from "5".
    from summarize.text.sentences import split_sentences
    from summarize.translation.spans import missing_numbers

    assert missing_numbers("It was magnitude 6.5.", "زلزلہ 6۔5 میگنی ٹیوڈ کا تھا۔", "en", "ur") == []
    assert missing_numbers("It was magnitude 6.5.", "زلزلہ ۶۔۵ میگنی ٹیوڈ کا تھا۔", "en", "ur") == []
    assert [f.text for f in missing_numbers("It was magnitude 6.5.", "زلزلہ 65 کا تھا۔", "en", "ur")] == ["6.5"]
    assert missing_numbers("He served from 1977 to 1981.", "انہوں نے 1977 تا1981 خدمات انجام دیں۔", "en", "ur") == []
    assert missing_numbers("They lost 7 wickets.", "انہوں نے کر7 وکٹیں گنوائیں۔", "en", "ur") == []
    # A stop after a number that ends a sentence is still a stop; inside a Latin word a digit is no number.
    assert missing_numbers("It happened in 2005. Then 5 came.", "یہ 2005۔ پھر 5 لوگ آئے۔", "en", "ur") == []
    assert _flagged("The A380 flew 46 people.", "The A380 flew 46 people to Paris.") == []
    assert split_sentences("زلزلہ 6۔5 میگنی ٹیوڈ کا تھا۔ یہ دوسرا جملہ ہے۔", "ur") == [
        "زلزلہ 6۔5 میگنی ٹیوڈ کا تھا۔",
        "یہ دوسرا جملہ ہے۔",
    ]
    assert split_sentences("یہ واقعہ 2005۔ 5 لوگ آئے۔", "ur") == ["یہ واقعہ 2005۔", "5 لوگ آئے۔"]


def test_a_clock_time_written_with_a_point_is_that_time() -> None:
    # "The Iraq Study Group presented its report at 12.00 GMT today." and FLORES' Urdu "12:00 جی ایم ٹی".
    from summarize.translation.spans import missing_numbers

    assert missing_numbers("It came at 12.00 GMT today.", "یہ آج 12:00 جی ایم ٹی پر آیا۔", "en", "ur") == []
    assert [f.text for f in missing_numbers("It came at 12.00 GMT.", "It came at 13:00 GMT.")] == ["12.00"]
    assert _flagged("The train left at 15:30.", "The train left at 3.30pm, on time.") != []  # 15:30 is not 3:30
    assert _flagged("The train left at 3:30.", "The train left at 3.30pm, on time.") == []
    # A number with two decimals and no clock word is a number.
    assert [f.text for f in missing_numbers("It cost 12.50 each.", "It cost 12:50 each.")] == ["12.50"]


def test_names_with_titles_and_possessives_are_supported() -> None:
    assert _flagged("Biden's spokesman rejected business as usual in Islamabad.") == []
    assert _flagged("Mr. Khan has been in jail since August 2023.") == []
    assert _flagged("Nawaz Sharif has been in jail since August 2023.") == ["Nawaz Sharif"]


def test_initials_with_or_without_stops_are_one_name() -> None:
    source = "Police chased him back into D.C. and shot him in Northeast D.C. on Friday. J.K. Rowling watched."
    assert _flagged("The chase ended in Northeast DC on Friday.", source) == []
    assert _flagged("J. K. Rowling watched.", source) == []
    assert _flagged("JK Rowling watched.", source) == []
    # Written without stops, or with the last one left out, in the source or the output: still one name.
    assert _flagged("J K Smith spoke in Leeds.", "J K Smith spoke in Leeds on Friday.") == []
    assert _flagged("B.B King played.", "B.B. King played on Friday.") == []
    # Still a name of its own: initials the source never writes are flagged.
    assert _flagged("The chase ended in Northeast NYC on Friday.", source) == ["Northeast NYC"]
    # Lone initials are no name to check, as before ("U.S. officials" for the article's "Washington").
    washington = "The United States said on Monday it would send aid. Officials in Washington confirmed the plan."
    assert _flagged("U.S. officials confirmed the plan.", washington) == []


def test_a_name_in_another_case_form_is_supported() -> None:
    source = "Prezydent spotkał się w Warszawie z premierem Tuskiem."
    assert _flagged("Tusk spotkał się z prezydentem w Warszawie.", source, "pl") == []
    assert _flagged("Kowalski spotkał się z prezydentem w Warszawie.", source, "pl") == ["Kowalski"]


def test_a_common_word_starting_a_sentence_is_no_name() -> None:
    assert _flagged("Separate letters asked for the release of detained politicians.") == []


def test_quotes_must_be_in_the_source_word_for_word() -> None:
    assert _flagged("“We will not accept ‘business as usual’ in Islamabad,” the spokesman said.") == []
    assert _flagged('The spokesman said: "We will accept business as usual."') == [
        '"We will accept business as usual."'
    ]
    assert _flagged('The spokesman said "We will not accept ... in Islamabad."') == []
    assert _flagged('The spokesman said: "We will not accept business as usual in Islamabad."') == []


def test_non_english_numbers_and_quotes_are_checked() -> None:
    source = "Le ministre a déclaré : « Nous ne céderons pas ». Il y a eu 1.200 manifestants."
    assert _flagged("« Nous ne céderons pas », dit le ministre.", source, "fr") == []
    assert _flagged("« Nous céderons », dit le ministre.", source, "fr") == ["« Nous céderons »"]
    assert _flagged("Il y a eu 1 200 manifestants.", source, "fr") == []
    assert _flagged("Il y a eu 1 300 manifestants.", source, "fr") == ["1 300"]


def test_several_sources_and_a_reused_index() -> None:
    index = support_index(SOURCE)
    assert support_index(SOURCE) is index
    partial = "A 60-member group wrote to the State Department."
    assert unsupported("A 60-member group wrote to the State Department in March.", [partial, index]) == []


def test_across_languages_values_compare_without_context() -> None:
    # How a translation's numbers are checked: the source's facts against the translation's index.
    translation = support_index("پولیس کے مطابق ۴۶ افراد ۸ فروری ۲۰۲۴ کو گرفتار ہوئے۔", "ur")
    source = "Police said 46 people were arrested on 8 February 2024."
    assert unsupported(source, [translation], "en", context=False) == []
    assert [
        f.text for f in unsupported("Police said 47 people were arrested.", [translation], "en", context=False)
    ] == ["47"]


# --- rivals: another value of the source that fits the slot better ------------------------------

RIVALS_SOURCE = (
    "The club sold 4,000 tickets for the final on Saturday. "
    "Officials said 250 stewards would be on duty at the ground. "
    "Coach Maria Lopez praised striker Tom Baker after the semi-final. "
    "The stadium was opened in 1998. A new roof was added when it was renovated in 2012."
)


def test_a_number_of_the_source_in_another_values_slot_is_flagged() -> None:
    # 250 is in the source (stewards), and "tickets" even stands near it; 4,000 fits the slot better.
    assert _flagged("The club sold 250 tickets for the final.", RIVALS_SOURCE) == ["250"]
    assert _flagged("The club sold 4,000 tickets for the final.", RIVALS_SOURCE) == []
    assert _flagged("About 250 stewards were on duty.", RIVALS_SOURCE) == []


def test_a_date_of_the_source_in_another_dates_slot_is_flagged() -> None:
    # 1998 is in the source, and "stadium" near it: enough for the context test, not against 2012.
    assert _flagged("The roof was added to the stadium when it was renovated in 1998.", RIVALS_SOURCE) == ["1998"]
    assert _flagged("The stadium, opened in 1998, was renovated in 2012.", RIVALS_SOURCE) == []


def test_a_name_rephrased_around_is_not_flagged_without_a_better_rival() -> None:
    # The sentence matches the source's ticket sentence, not Baker's: the context test fails. But no
    # other name fits the slot better (the ticket sentence has none), so it is no swap.
    assert _flagged("Tickets sold out as Tom Baker celebrated.", RIVALS_SOURCE) == []


def test_the_parts_of_a_name_must_stand_together_in_the_source() -> None:
    # "Maria" and "Baker" are both in the source, but of two different people.
    assert _flagged("Coach Maria Baker praised the striker.", RIVALS_SOURCE) == ["Maria Baker"]
    assert _flagged("Coach Maria Lopez praised the striker.", RIVALS_SOURCE) == []


def test_a_shortened_first_name_and_a_lost_space_are_read_as_the_name() -> None:
    source = "Police are looking for Alexander Soumbadze, 26. Mila Kunis denies the claims."
    assert _flagged("Police are looking for Alex Soumbadze, 26.", source) == []
    assert _flagged("A friend says Kunis'stole her pet chicken'.", source) == []


def test_digits_inside_a_word_are_part_of_the_name() -> None:
    # A CNN/DM highlight's "Lesbians4Hillary" had been read as the name "Lesbians", which no word of its
    # article matched though the article wrote the same word.
    source = "The group, LPAC, launched Lesbians4Hillary on Monday. The G20 met in Rome."
    assert _flagged("LPAC launched Lesbians4Hillary on Monday.", source) == []
    assert _flagged("LPAC launched Gays4Hillary on Monday.", source) == ["Gays4Hillary"]
    assert _flagged("Web3 firms met in Rome.", source) == ["Web3"]
    # A code of a letter or two and a number is no name, as a lone capital is not: a qualifying session's
    # "Q3" had stood as a rival to "Shanghai" in a sentence about a lap.
    assert _values("The G20 met in Rome after Q3.", "name") == ["rome"]
    lap = "Hamilton's lap on Q3 was enough to claim his third successive pole. Alonso starts 18th in Shanghai."
    assert _flagged("Hamilton claimed his third straight pole with a lap in Shanghai.", lap) == []
