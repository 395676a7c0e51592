"""What news in other languages leaves in its text, read in the thirty-first session (XL-Sum's BBC Urdu, Urdu
dailies, Orange Sum, MLSUM, Gazeta and RIA Novosti, Liputan6 and Kompas, Scandinavian summarization sets):
sentences whose spaces were lost, Urdu's quote marks, pointers to other stories in many languages, where a story
first ran, correction notes, datelines of Urdu, Hindi, Russian and Indonesian papers, a picture's credit, an
interview's question marker, a question as a headline. Samples are written for the tests, in the pages' shapes."""

from __future__ import annotations

import pytest

from summarize.text.calls import FURNITURE_LINE, is_call_to_action
from summarize.text.clutter import story_start, trim_clutter, trim_opening
from summarize.text.furniture import is_furniture
from summarize.text.headlines import headline
from summarize.text.quotes import close_quote
from summarize.text.sentences import split_paragraphs, split_sentences
from summarize.text.tidy import tidy_text
from tests.test_furniture import _extractive, _shown


@pytest.mark.parametrize(
    ("text", "lang", "pieces"),
    [
        ("Les négociations ont repris.Le ministre a parlé lundi.", "fr", 2),
        ("Aucun blessé n'est à déplorer.L'incendie a pris vers 6h.", "fr", 2),
        ("Le maire est venu avec elle.À Brest, la foule attendait.", "fr", 2),
        ("Valencia ganó con claridad (m.7).La salida del banquillo ayudó.", "es", 2),
        ("Konserten holdes i Jåttåvågen.Anledningen er at bandet fyller år.", "no", 2),
        ("Det sa departementet.– Dagens ordning fortsetter, sier ministeren.", "no", 2),
        ("Сделка была закрыта вчера.Компания сообщила об этом утром.", "ru", 2),
        ("सईद जलीली करीब नज़र आते हैं.अमदीनेजाद की ही तरह वे भी सख़्त हैं.", "hi", 2),
        ("डॉक्टर तब उसी अस्पताल में थे.वह बताते हैं कि मरीज़ बीमार थे.", "hi", 2),
        ("قال الوزير إن الوضع مستقر.وأضاف أن الحكومة تعمل.", "ar", 2),
        # Not a sentence's end: an abbreviation's dots, a name's parts, an abbreviation, a short word after a name
        ("महात्मा एम.के. गांधी ने कहा कि बी.बी.सी की खबर सही है.", "hi", 1),
        # BBC Hindi ends its sentences with "." and a space, where pysbd ends none; not after "डॉ." nor inside
        # initials ("एम. के. गांधी").
        ("वे सब बीमार पड़ गए. इनमें से सात की मौत हो गई. बाकी लोग ठीक हैं.", "hi", 3),
        ("डॉ. मनमोहन सिंह ने कहा कि एम. के. गांधी महान नेता थे और रहेंगे.", "hi", 1),
        # A caption's file-photo mark ends the caption glued to the story (XL-Sum's BBC Urdu).
        ("عمران خان کو چھ لاکھ پاؤنڈ ملے تھے (فائل فوٹو) بی بی سی اردو کے مطابق عدالت نے کہا۔", "ur", 2),
        ("Sie nutzt Node.Js und ASP.Net seit Jahren für ihre Arbeit.", "de", 1),
        ("Er wohnt seit Jahren in St.Petersburg und arbeitet dort.", "de", 1),
        ("Das kostet 3 Mio.Euro mehr als im letzten Jahr geplant.", "de", 1),
        ("Il est parti, etc.Mais personne ne sait quand il revient.", "fr", 1),
    ],
)
def test_a_stop_a_page_left_without_its_space_ends_a_sentence_in_other_languages(
    text: str, lang: str, pieces: int
) -> None:
    assert len(split_sentences(text, lang)) == pieces


def test_urdu_opens_a_quote_with_the_right_single_mark() -> None:
    text = "تنظیم کا دعویٰ ہے کہ حکومت ناکام ہو گئی ہے۔ ’پیگیڈا‘ نے اکتوبر میں جلسوں کا آغاز کیا تھا۔"
    first, second = split_sentences(text, "ur")
    assert first.endswith("ہے۔") and second.startswith("’پیگیڈا‘")


def test_urdu_closes_a_quote_with_the_left_single_mark_after_its_stop() -> None:
    text = "انہوں نے کہا کہ ’ہم نے درخواست کی ہے۔‘ فوج کے سربراہ نے کہا کہ آپریشن جاری ہے۔"
    first, second = split_sentences(text, "ur")
    assert first.endswith("ہے۔‘") and second.startswith("فوج")
    # In English the same mark opens a quotation.
    assert split_sentences("He left. ‘Nobody knew,’ she said.")[1].startswith("‘Nobody")


def test_a_single_mark_before_an_urdu_word_opens_no_quote_to_close() -> None:
    # Urdu papers set "‘" as a comma; BBC Urdu closes quotes with it.
    headline_line = "یو ایس اوپن: نوواک ‘نیشی کوری سیمی فائنل میں پہنچ گئے"
    assert close_quote(headline_line) == headline_line
    assert close_quote("He said ‘we will win") == "He said ‘we will win’"


@pytest.mark.parametrize(
    "sentence",
    [
        "یہ بھی پڑھیے کرکٹ ٹیم کا اعلان ہو گیا نئے کپتان کا انتخاب",
        "اس بارے میں مزید پڑھیے شامی پناہ گزین کا مقدمہ ہوائی اڈے پر پھنسے مسافر",
        "اسی بارے میں متعلقہ عنوانات",
        "Lire aussi : Le débat sur l'immigration s'ouvre à l'Assemblée",
        "» Lesen Sie auch: Die Gewerkschaft fordert mehr Transparenz",
        "LEA TAMBIÉN: El Gobierno aprueba el presupuesto",
        "Baca juga: Harga minyak naik lagi",
        "Читайте также: Правительство одобрило бюджет",
        "यह भी पढ़ें: राशन वितरण शुरू",
        "相关阅读：如何选择编辑器",
        "Más información: la lista completa de candidatos",
        "Este artículo apareció en la edición impresa del Martes, 4 de enero de 2011.",
        "Dieser Artikel erschien zuerst bei der Wochenzeitung.",
        "This article is republished from The Conversation under a Creative Commons license.",
        "Correction: An earlier version misstated the date of the vote.",
        "An earlier version of this article misstated the mayor's age.",
        "Avisen beklager og har nå rettet feilen.",
        "PUBG Mobile x Resident Evil 2. (Doc: PUBG Mobile)",
    ],
)
def test_pointers_first_runs_and_corrections_are_furniture_in_any_language(sentence: str) -> None:
    assert is_furniture(sentence, "xx")


@pytest.mark.parametrize(
    "sentence",
    [
        "Más información sobre el caso fue publicada por el juzgado el lunes.",
        "Read more about the council's plans in its report, the mayor said.",
        "The correction in share prices wiped out a year of gains.",
        "Vi beklager det som skjedde, sa ordføreren.",
        "Relatedly, the firm said it would hire 200 more engineers.",
    ],
)
def test_news_that_reads_like_a_pointer_is_no_furniture(sentence: str) -> None:
    assert not is_furniture(sentence, "xx")


@pytest.mark.parametrize(
    ("clutter", "story"),
    [
        ("ڈھاکہ ۔ یکم دسمبر (اے پی پی) ", "بنگلہ دیش نے میچ جیت لیا۔"),
        ("ریاض(مانیٹرنگ ڈیسک ) ", "سعودی وزارت داخلہ نے کہا۔"),
        ("اسلام آباد (خصوصی وقائع نگار ، نیوز ایجنسیاں) ", "وزیر اعظم نے کہا۔"),
        ("नई दिल्ली, 12 मार्च (भाषा) ", "प्रधानमंत्री ने कहा।"),
        ("МОСКВА, 10 фев — РИА Новости. ", "Правительство намерено добиться пересмотра."),
        ("ВАШИНГТОН, 3 марта. /ТАСС/. ", "Президент выступил."),
        ("Jakarta (ANTARA) - ", "Presiden meresmikan jalan tol."),
        ("(Foto: dpa) ", "Intellektuelle wie der Regisseur beklagten das."),
        ("Foto: AP ", "För att få en omräkning måste partiet betala."),
        ("Foto: Jessica Gow/TT ", "Han sa att beslutet var fel."),
        ("Detailansicht öffnen ", "In der Debatte fordern Muslime eine Antwort."),
        ("P. ", "¿Condena pues las decisiones del Gobierno?"),
        ("Q: ", "What did you make of the verdict?"),
        # Not an interview's marker but an initial; a subject in brackets after a name is no desk nor agency.
        ("", "Q. Smith and partners won the contract."),
        ("", "عمران خان (پی ٹی آئی) نے کہا کہ انتخابات ہوں گے۔"),
    ],
)
def test_datelines_and_credits_of_papers_in_other_languages_are_clutter(clutter: str, story: str) -> None:
    assert trim_clutter(clutter + story) == story


@pytest.mark.parametrize(
    ("sentence", "story"),
    [
        ("**JAKARTA, KOMPAS.com** -- Ketidakpastian hukum menjadi ancaman.", "Ketidakpastian hukum menjadi ancaman."),
        ("Liputan6.com, Ambon: Partai itu bertekad membantu.", "Partai itu bertekad membantu."),
        ("TEMPO.CO, Jakarta - Presiden berkata.", "Presiden berkata."),
    ],
)
def test_an_indonesian_sites_dateline_names_its_domain(sentence: str, story: str) -> None:
    assert trim_opening(sentence) == story


def test_a_russian_wire_story_starts_at_its_dateline_and_its_page_lines_go() -> None:
    lines = [
        "© AFP 2019 / Alberto Pizzolo",
        "© РИА Новости / Алексей Дружинин",
        "Перейти в фотобанк",
        "Читать ria.ru в Telegram",
        "Президент встретился с лидерами партии - РИА Новости, 1920, 27.09.2021",
    ]
    assert all(FURNITURE_LINE.match(line) for line in lines)
    assert not FURNITURE_LINE.match("Президент встретился с лидерами партии в Кремле.")
    sentences = ["Глава движения и министр экономики Италии", "МОСКВА, 10 фев — РИА Новости.", "Правительство заявило."]
    assert story_start(sentences) == 1


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Kebun Sawit Tanpa HGU: Masalah Administratif atau Risiko Investasi?", True),
        ("Is Rust the Future of Systems Programming?", True),
        ("Remember New Jersey's epic quest to find a state slogan?", False),
        ("Will he be less outspoken? Will he temper his tirades?", False),
    ],
)
def test_one_question_with_a_label_or_in_headline_case_is_a_headline(first: str, title: bool) -> None:
    text = first + "\n\nThe council approved the plan on Monday after a long debate about its cost."
    assert (headline(text) == first) is title


URDU_STORY = (
    "ومبلڈن کا فائنل ریکارڈ پانچ گھنٹے تک جاری رہا اور جوکووچ نے فیڈرر کو شکست دی۔ "
    "یہ بھی پڑھیے فیڈرر سب سے عمر رسیدہ کھلاڑی بن گئے فیڈرر کی نڈال کے خلاف جیت "
    "جوکووچ نے میچ کے بعد کہا کہ انہیں یقین نہیں آ رہا۔ "
    "فیڈرر نے 37 سال کی عمر میں بارہویں مرتبہ فائنل کھیلا۔ "
    "دونوں کھلاڑیوں کے درمیان اب تک 47 میچ کھیلے جا چکے ہیں۔ "
    "جوکووچ نے اس فتح کے ساتھ اپنا سولہواں گرینڈ سلیم ٹائٹل جیتا۔ "
    "ٹورنامنٹ میں اس سال ریکارڈ تعداد میں شائقین نے شرکت کی۔"
)


def test_a_pointer_glued_into_an_urdu_story_is_never_shown() -> None:
    shown = _shown(_extractive(URDU_STORY))
    assert "یہ بھی پڑھیے" not in shown
    assert "47 میچ" in shown


FRENCH_STORY = (
    "Le débat parlementaire sur l'immigration s'est ouvert lundi avec un discours du Premier ministre. "
    "Il a évoqué un système d'asile saturé.Le Premier ministre a cité le record de 123.000 demandes en 2018. "
    "Les députés de l'opposition ont dénoncé un débat sans vote.Ces critiques visaient surtout le calendrier. "
    "Le gouvernement doit présenter ses mesures en novembre.À Paris, des associations ont manifesté. "
    "Le texte final sera examiné au printemps par le Sénat. "
    "Plusieurs maires ont demandé plus de moyens pour l'accueil des demandeurs."
)


def test_glued_french_paragraphs_give_one_sentence_a_point() -> None:
    result = _extractive(FRENCH_STORY)
    shown = [*split_sentences(result.summary, "fr"), *result.key_points]
    assert not any(".Le " in s or ".Ces " in s or ".À " in s for s in shown)
    assert any(s.startswith("Ces critiques") or s.startswith("Le Premier ministre a cité") for s in shown)


@pytest.mark.parametrize(
    ("text", "tidy"),
    [
        (
            "The details of the Senate ’s plenary session were shared.",
            "The details of the Senate’s plenary session were shared.",
        ),
        ("The result isn ‘t final, Boeing 's chief said.", "The result isn’t final, Boeing's chief said."),
        # A quote that opens, after its space, stays as it is.
        ("He was getting 're-elected' again.", "He was getting 're-elected' again."),
        ("She said 'so long' and left.", "She said 'so long' and left."),
    ],
)
def test_a_space_a_page_left_before_a_words_apostrophe_goes(text: str, tidy: str) -> None:
    assert tidy_text(text) == tidy


BBC_HINDI_FOOTER = [
    "(बीबीसी हिन्दी के",
    "एंड्रॉएड ऐप के लिए आप",
    "यहां क्लिक कर सकते हैं. आप हमें",
    "फ़ेसबुक और",
    "ट्विटर पर फ़ॉलो भी कर सकते हैं.)",
]


def test_a_bracket_a_scraper_broke_at_its_links_is_one_paragraph_again() -> None:
    story = "सरकार ने बुधवार को नई स्वास्थ्य योजना का एलान किया जिससे लाखों परिवारों को फ़ायदा होगा."
    paragraphs = split_paragraphs("\n\n".join([story, *BBC_HINDI_FOOTER]))
    assert paragraphs == [story, " ".join(BBC_HINDI_FOOTER)]
    # A bracket that no short paragraph closes leaves the paragraphs as they are.
    assert split_paragraphs("(note that\n\nthe rest goes on") == ["(note that", "the rest goes on"]
    # A bracket that ends its paragraph opens what follows, however long.
    long = "बीबीसी मॉनिटरिंग दुनिया भर के टीवी, रेडियो, वेब और प्रिंट माध्यमों में प्रकाशित ख़बरों पर रिपोर्टिंग करती है. आप खबरें"
    pieces = ["कोई भारी बदलाव नहीं आने वाला है.(", long, "ट्विटर और", "फेसबुक पर भी पढ़ सकते हैं.)"]
    assert split_paragraphs("\n\n".join(pieces)) == [" ".join(pieces)]
    # A face drawn with a bracket opens nothing.
    assert split_paragraphs("Lost my keys today :(\n\nFound them!\n\nYay :)") == [
        "Lost my keys today :(",
        "Found them!",
        "Yay :)",
    ]
    # Nor does a list's items close it.
    assert split_paragraphs("Options (any of:\n\n- the first\n\n- the second)") == [
        "Options (any of:",
        "- the first",
        "- the second)",
    ]


HINDI_STORY = [
    "उत्तर प्रदेश सरकार ने बुधवार को 75 ज़िलों में नई स्वास्थ्य योजना शुरू करने का एलान किया.",
    "इस योजना से लगभग 20 लाख परिवारों को मुफ़्त इलाज मिलेगा.",
    "स्वास्थ्य मंत्री ने कहा कि पहले चरण में 12 ज़िलों के अस्पताल जोड़े जाएंगे.",
    "विपक्ष ने योजना के बजट पर सवाल उठाए और कहा कि डॉक्टरों की कमी बनी हुई है.",
    "सरकार का कहना है कि अगले साल तक 5000 नए डॉक्टरों की भर्ती होगी.",
    "योजना के लिए पंजीकरण अगले महीने से ऑनलाइन शुरू होगा.",
    "ग्रामीण इलाक़ों में स्वास्थ्य शिविर भी लगाए जाएंगे.",
]


def test_bbc_hindis_footer_is_never_shown() -> None:
    shown = _shown(_extractive("\n\n".join([*HINDI_STORY, *BBC_HINDI_FOOTER])))
    assert not any(piece.strip("().") in shown for piece in BBC_HINDI_FOOTER)
    assert "20 लाख" in shown


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("This week's edition was edited by peter-b.", True),
        ("This issue was curated by Jane Doe and John Roe.", True),
        ("The book was edited by Jane Doe.", False),
        ("A：map[]；B：nil；C：Panic；D：编译错误", True),
        ("A) 1 B) 2 C) 3 D) 4", True),
        ("A group of workers said B-52 bombers flew low.", False),
    ],
)
def test_a_newsletters_editor_line_and_a_quizs_choices_are_furniture(sentence: str, furniture: bool) -> None:
    assert is_furniture(sentence, "en") is furniture


@pytest.mark.parametrize(
    ("text", "call"),
    [
        ("[Tell us](mailto:news@example.com?subject=Weekly) about some exciting things you're doing.", True),
        ('"Tell us the truth," the protesters chanted outside the hall.', False),
        ("鉴于一些人可能没法坚持把英文文章看完，因此，周刊中会尽可能推荐优质的中文文章。", True),
        ("आप हमें फ़ेसबुक और ट्विटर पर फ़ॉलो भी कर सकते हैं.", True),
        ("आप बीबीसी मॉनिटरिंग की खबरें ट्विटर और फेसबुक पर भी पढ़ सकते हैं.", True),
        ("सरकार ने नई योजना का एलान किया है.", False),
        ("A very happy Sunday to you.", True),
        ("First a quick welcome and hello to a number of new readers that have joined from Dense Discovery.", True),
        ("Sunday was a happy day for the club.", False),
        ("The club said a warm welcome to new members was planned for May.", False),
    ],
)
def test_asks_and_self_descriptions_of_newsletters_and_pages_are_calls(text: str, call: bool) -> None:
    assert is_call_to_action(text) is call


def test_a_teaser_cut_off_after_a_word_is_a_row_of_the_headlines_under_a_story() -> None:
    from summarize.text.listings import list_rows
    from summarize.text.sentences import paragraph_sentences

    headlines = [
        "Minister urged every citizen to pay taxes and act as guardians against evasion",
        "Climber ran to the summit while his partner, who holds the speed record, mixed trail-running and...",
        "Tourists described the valley as a place of peace and serenity",
        "Participants rejected the proposed mining bill in a joint declaration",
    ]
    story = "The council approved the budget on Friday after a long debate over its cost and its timing."
    paragraphs = paragraph_sentences("\n\n".join([story, *headlines]))
    assert list_rows(paragraphs) == {1, 2, 3, 4}
    # One line that trails off between paragraphs of prose makes no listing.
    assert not list_rows(paragraph_sentences("\n\n".join([story, headlines[0], "He said he would try...", story])))


@pytest.mark.parametrize(
    ("sentence", "lang", "asks"),
    [
        ("ایکشن پلان کے اہم نکات کیا ہیں؟", "ur", True),
        ("کیا پاکستان کچھ نہیں کر رہا؟", "ur", True),
        ("حکومت نے اس منصوبے پر کام کیا۔", "ur", False),
        ("क्या सरकार इसके लिए तैयार है?", "hi", True),
        ("هل الحكومة مستعدة لذلك؟", "ar", True),
        ("قالت الحكومة إنها مستعدة.", "ar", False),
    ],
)
def test_questions_in_urdu_hindi_and_arabic(sentence: str, lang: str, asks: bool) -> None:
    from summarize.text.questions import is_question

    assert is_question(sentence, lang) is asks


def test_a_file_photos_mark_ends_its_caption_and_is_never_shown() -> None:
    from summarize.text.glued import without_picture_marks

    caption = "عمران خان کو لندن فلیٹ کی فروخت سے چھ لاکھ 90 ہزار پاؤنڈ ملے تھے (فائل فوٹو)"
    assert without_picture_marks(caption, "ur") == caption.removesuffix(" (فائل فوٹو)")
    assert without_picture_marks("He spoke (file photo).", "de") == "He spoke."
    story = " ".join(URDU_STORY.split("۔ ")[:1]) + " (فائل فوٹو) " + URDU_STORY
    assert "فائل فوٹو" not in _shown(_extractive(story))
