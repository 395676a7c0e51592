"""A sentence's leading clutter: what a news page, a wire story or Markdown puts before its first word.

Datelines ("LONDON (Reuters) - ", "(CNN) -- ", "دمشق، سوريا (CNN) -- "), bylines and publication stamps,
"Scroll down for video", a thread's post number, Markdown's quote and list markers, and a photo caption's
label (:func:`.glued.strip_caption_label`). The extractive engine reads each sentence without it
(:func:`trim_clutter`); what a summary shows is the sentence so trimmed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .continuations import ENUMERATION_MARK, LETTER_MARK
from .furniture import PHOTO_AGENCY
from .glued import strip_caption_label
from .markdown import LIST_MARKER
from .page_lines import CLOCK
from .scripts import ARABIC_CLASS, DEVANAGARI_CLASS, HANGUL_CLASS

# News agencies that appear in datelines like "LONDON (Reuters) -" or "(CNN)".
_AGENCIES = (
    # CNN's desks too: "Hong Kong (CNN Business) A muddled view…" had opened a story's summary.
    r"CNN(?:\s+(?:Business|Money|Sport|Travel|Style|Health|Politics|Arabic|Philippines|Indonesia|Brasil|Chile))?"
    r"|Reuters|AP|AFP|UPI|dpa|DPA|Xinhua|EFE|ANSA|ANI|PTI|IANS|APP|Bloomberg|BBC|AAP|Kyodo|Yonhap|TASS|"
    r"RIA Novosti|Interfax|IRNA|KUNA|WAM|SPA|NNA|Al Jazeera|The Associated Press|Associated Press|CNS|Sky News"
    r"|ANTARA|Antara|Bernama"
)
_DASH = r"(?:--|-|—|–|:)"
# A word of a dateline's place: capitalised, or in a script that has no capitals (Arabic, Hebrew, Devanagari).
_PLACE_WORD = r"(?:[A-Z]|[^\W\d_a-zA-Z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff])[\w.'’-]*"
# A wire agency's dateline, in brackets: where a story's text starts.
_WIRE_DATELINE = rf"^(?:{_PLACE_WORD}(?:(?:[,،]?\s+|\s*/\s*){_PLACE_WORD}){{0,4}}[,،]?\s*)?\((?:{_AGENCIES})\)"
# A Russian wire's dateline, its place in capitals, the date and the agency after a dash, ended by a stop
# ("МОСКВА, 10 фев — РИА Новости. ", "ВАШИНГТОН, 3 марта. /ТАСС/. "): where its story starts, as above.
_RUSSIAN_DATELINE = (
    r"^[А-ЯЁ][А-ЯЁ-]+(?:\s+[А-ЯЁ][А-ЯЁ-]+){0,2},\s+\d{1,2}\s+[а-яё]{3,8}\.?\s*(?:[—–-]\s+|/)"
    r"(?:РИА\s+Новости|ТАСС|Интерфакс|Прайм|РБК|Спутник)/?\.?"
)
_WIRE_OPENING = re.compile(f"{_WIRE_DATELINE}|{_RUSSIAN_DATELINE}")
# A word in the Arabic script or in Devanagari, and what an Urdu or Hindi dateline's brackets name: a desk,
# a reporter, a correspondent, news agencies, APP, AFP, Reuters, INP, NNI; Hindi's भाषा (PTI's Hindi wire),
# वार्ता (UNI's), एजेंसी, ब्यूरो, संवाददाता.
_CASELESS_WORD = f"[{ARABIC_CLASS}{DEVANAGARI_CLASS}]+"
_DESKS = (
    r"ڈیسک|نگار|رپورٹر|نمائندہ|نیوز|ایجنسی|ایجنسیاں|اے\s*پی\s*پی|اے\s*ایف\s*پی|رائٹرز|آئی\s*این\s*پی|این\s*این\s*آئی"
    r"|भाषा|वार्ता|एजेंसी|ब्यूरो|संवाददाता|डेस्क|आईएएनएस"
)
_CLUTTER = [
    # "New Delhi, India (CNN)", "LONDON (Reuters) - ", "(CNN) -- "; a place in a script without capitals, with
    # its comma ("دمشق، سوريا (CNN) -- ", CNN Arabic's)
    # and places joined by a slash ("SURABAYA, Indonesia/JAKARTA (Reuters) - ")
    re.compile(rf"{_WIRE_DATELINE}\s*(?:{_DASH}\s*)?|{_RUSSIAN_DATELINE}\s*"),
    # A page's dateline without the brackets, "Penzance, England CNN — " (CNN's pages copied from the browser),
    # and a press release's, "PENZANCE, England, Dec. 4, 2026 /PRNewswire/ -- "
    re.compile(
        rf"^(?:[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){{0,4}},?\s+)?(?:{_AGENCIES})\s+(?:—|–|--)\s+(?=[A-Z\"“‘'])"
        rf"|^[^/\n]{{0,80}}/\s*(?:PR\s*Newswire|Business\s*Wire|GLOBE\s*NEWSWIRE|PRWeb)[^/\n]{{0,30}}/\s*{_DASH}*\s*"
    ),
    # A Korean paper's dateline, the outlet and the place or the column, and the reporter: "[서울=뉴시스] 홍길동
    # 기자 = ", "(서울=연합뉴스) ", "[엔터미디어=정덕현의 이슈공감] " (it had opened an Entermedia column's summary)
    re.compile(
        rf"^[\[(](?=[^\[\]()\n]*[{HANGUL_CLASS}])[^\[\]()\n=]{{1,20}}=[^\[\]()\n=]{{1,30}}[\])]\s*"
        r"(?:[^\s=]{2,5}\s+(?:기자|특파원)\s*=\s*)?"
    ),
    # An Urdu or Hindi paper's dateline: the place, maybe a date after "۔" or a comma, and in brackets its desk,
    # its writer or an agency, no dash after ("ڈھاکہ ۔ یکم دسمبر (اے پی پی) ", "ریاض(مانیٹرنگ ڈیسک ) ", "اسلام
    # آباد (خصوصی وقائع نگار ، نیوز ایجنسیاں) ", "नई दिल्ली, 12 मार्च (भाषा) "; Urdu dailies' stories opened so)
    re.compile(
        rf"^{_CASELESS_WORD}(?:[\s،,]+{_CASELESS_WORD}){{0,5}}(?:\s*[۔,،]\s*[^()\n]{{1,25}}?)?\s*"
        rf"\((?=[^()\n]{{0,40}}(?:{_DESKS}))[^()\n]{{1,40}}\)\s*(?=\S)"
    ),
    # A picture's credit before the sentence after its caption, in brackets or after a label ("(Foto: dpa)
    # Intellektuelle wie…", "Foto: AP För att få…", "Foto: Jessica Gow/TT Han…": Süddeutsche Zeitung's and Dagens
    # Nyheter's pages as summarization sets store them), and the Süddeutsche's button over a caption
    # ("Detailansicht öffnen In der von…").
    re.compile(
        rf"^(?:\((?i:foto|photo|bild|kuva|фото)\s*:\s*[^()\n]{{1,40}}\)|(?i:foto|photo|bild|kuva|фото)\s*:\s*"
        rf"(?:(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*\s*/\s*)?(?:{_AGENCIES}|{PHOTO_AGENCY})|Detailansicht\s+öffnen)\s+"
        r"(?=[^\W\d_])"
    ),
    # An interview's question marker ("P. ¿Condena pues las decisiones…?", El País's "Pregunta", whose questions
    # had been key points; "Q: What did you…?"): the question is then read as one (no candidate). Not "Q. ",
    # a name's initial as often ("Q. Smith"), nor the answer's "R. " ("R. Kelly").
    re.compile(r"^(?:P\.\s*(?=¿)|Q:\s+(?=[A-Z]))"),
    # A live page's entry stamp, its time before the entry ("16.06 AirAsia QZ8501 made an \"unbelievably\" steep
    # climb…", The Telegraph's live coverage, whose entries had been key points stamped so)
    re.compile(rf"^{CLOCK}\s+(?=[A-Z#“\"‘'])"),
    # A transcript's time code in brackets before a turn ("[00:19:30.08] And then I'm writing…", a podcast's
    # transcript in Markdown, a key point so stamped; "[1:02:15]", "(12:04)").
    re.compile(r"^[\[(](?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\])]\s+(?=\S)"),
    # "PUBLISHED: 10:58 EST, 1 January 2014 | UPDATED: ...", "Last updated at 10:15 on 1st January 2011"
    re.compile(r"^(?:PUBLISHED|UPDATED|Published|Updated|Last updated)\b[^|]{0,60}?\b(?:19|20)\d\d\b\s*\.?\s*"),
    # A video page's stamp glued to its first sentence: "20 July 2016 Last updated at 19:08 BST The crash…"
    re.compile(
        r"^(?:\d{1,2}\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d\d\s+)?Last updated at \d{1,2}[:.]\d\d(?:\s*[A-Z]{2,4}\b)?\s*"
    ),
    # "WASHINGTON, Jan. 5 (Foo News) — ": an upper-case place, an optional date, a source, a dash; the
    # place's state or country after it, "BUFFALO, N.Y. — ", "DUBAI, United Arab Emirates — " (US papers')
    re.compile(
        rf"^(?!PUBLISHED|UPDATED)[A-Z]{{2,}}(?:[ ,]+[A-Z]{{2,}}){{0,3}}"
        rf"(?:,\s+(?:[A-Z][a-z]{{0,5}}\.(?:\s?[A-Z][a-z]{{0,3}}\.)*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}))?"
        rf"(?:,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*(?:\([^)]{{1,30}}\)\s*)?{_DASH}\s+"
    ),
    # "By Jane Doe ." / "By . Daily Mail Reporter ." / "By Jane Doe and John Roe |"
    re.compile(
        r"^By\s+(?:\.\s+)?(?:(?:[A-Z][\w'’.-]*|and|for|of|in|the|de|van|von|al|,)\s*){1,10}?"
        r"(?:\.\s+|\|\s*|\n|(?=PUBLISHED|UPDATED|Last updated)|$)"
    ),
    # A web page's prompt glued to the sentence after it: "Scroll down for video Lindsey Vonn was…"
    # (only before what starts a sentence: "Scroll down for videos showing…" is one sentence).
    re.compile(
        r"^(?i:scroll down (?:for|to see|to watch)(?:\s+(?:the|more))?\s+(?:videos?|pictures?|photos?|footage)"
        r"(?:\s+and\s+(?:more\s+)?(?:videos?|pictures?|photos?))?)\b\s*[.:–—-]?\s+(?=[A-Z0-9\"'“‘(])"
    ),
    # A thread's post number ("1/", "2/12", "(3/5)"), before a capital, a digit or a quote
    re.compile(r"^\(?\d{1,2}/(?:\d{1,2}\)?)?\s+(?=[A-Z0-9\"“‘'])"),
    # Markdown left in the text: quote markers, list bullets, heading hashes; a plain-text list's
    # marker, "(a)", "(iv)", "(12)"
    # and, since the twenty-seventh session, a letter's with its dot before a capital ("v. If an [N]<&WORD-
    # redirection…", Bash's NEWS, which letters its items a. to z.)
    # and, since the twenty-ninth session, nginx's CHANGES marker, "*) Bugfix: …"
    # and, since the thirty-third, a letter's or a roman number's with its closing bracket alone ("i) By an
    # un-appealed order of 29 November 2019…", a judgment's; "a) to approach Government Departments…",
    # Einstein's letter to Roosevelt: shown so in a summary and key points)
    re.compile(
        rf"^(?:>\s*)+|^{LIST_MARKER}|^#{{1,6}}\s+|^{ENUMERATION_MARK}\s+(?=\S)|^[a-z]\.\s+(?=[A-Z\"“‘'])"
        rf"|^{LETTER_MARK}\s+(?=\S)|^\*\)\s+(?=\S)"
    ),
    # separators left over between the pieces above; not the hyphen of an option ("-O, --save-optional:
    # …" had read "O, --save-optional: …") nor the dot of a name (".NET")
    re.compile(r"^(?![-.]+\w)[|•·.\-–—:\s]+(?=\S)"),
]


# A dateline in title case before a colon or a dash: a place, its region or country (Al Jazeera's
# "Washington, DC, United States: ", which had opened its story's summary; a press release's "New York,
# NY – "); no connective ("However, Apple: …"), no hyphen, and not in a list: an events listing's item is
# its place and its event ("Kuala Lumpur, MY - Rust Workshop…", This Week in Rust's).
_TITLE_CASE_DATELINE = re.compile(
    r"^(?!(?:However|Meanwhile|Still|Yet|Also|Now|Then|Instead|Indeed|Finally|Moreover|Furthermore|Again"
    r"|Today|Yesterday|Here|There|Similarly|Likewise|Besides|Otherwise|Therefore|Thus|Overall|Plus)\b)"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s+(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})"
    r"(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})?(?::|\s+(?:--|[–—]))\s+(?=[A-Z\"“‘'])"
)


# A dateline of one place in title case and a dash, opening one of the text's first sentences only
# (OPENING_SENTENCES: "Indianapolis – Several thousand teachers…", the Detroit News'; "Wien – Die Gewerkschaft
# GPA-djp sieht…" after Der Standard's subheadline, "Santiago de Chile – Wegen seiner Provokation…"):
# anywhere else "Word – " may be a sentence's own. A site's name as its dateline, its domain in it
# ("PanARMENIAN.Net - Verified video footage…"), there too, with its place before or after it (Indonesian
# sites': "JAKARTA, KOMPAS.com - ", "Liputan6.com, Ambon: ", "TEMPO.CO, Jakarta - ").
OPENING_SENTENCES = 3
_OPENING_PLACE = re.compile(
    r"^(?:[A-Z][a-z]+(?:[ -](?:(?:de|del|da|do|di|am|an|im|la|upon|on)[ -])?[A-Z][a-z]+){0,2}\s+(?:--|[–—])"
    r"|(?:\*\*)?(?:[A-Z]{2,}(?:\s+[A-Z]{2,}){0,2},\s+)?(?:[A-Za-z][\w-]*\.)+(?i:com|net|org|info|news|co|uk|in|ru|am|ge"
    r"|az|ua|io|tv|id)(?:,\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})?(?:\*\*)?\s*(?:--|-|[–—:]))\s+(?=[A-Z\"“‘'])"
)


def story_start(sentences: Sequence[str]) -> int:
    """Where a wire story's text starts: the index of the first of the text's first sentences
    (``OPENING_SENTENCES``) to open with an agency's dateline, "JAKARTA (Reuters) - …", else 0. What a page
    puts before it is no part of the story: a gallery's caption, a teaser for another one ("The best and worst
    of Bollywood in 2014.", between a Reuters caption and its dateline, had opened two summaries)."""
    return next((i for i, s in enumerate(sentences[:OPENING_SENTENCES]) if _WIRE_OPENING.match(s.strip())), 0)


def trim_opening(sentence: str, first: bool = True) -> str:
    """One of the text's first sentences (``OPENING_SENTENCES``) without its leading clutter
    (:func:`trim_clutter`), a bare place's dateline too; after the first sentence only where no second
    dash follows ("Bitcoin – The currency the protesters mocked – fell again…" opens with an aside's
    subject, not a place)."""
    text = trim_clutter(sentence)
    if text != sentence.strip():
        return text
    m = _OPENING_PLACE.match(text)
    if m is None or (not first and re.search(r"\s(?:--|[–—])\s", text[m.end() :])):
        return text
    return text[m.end() :]


def trim_clutter(sentence: str) -> str:
    """``sentence`` without leading datelines, bylines, publication stamps and a photo caption's label.

    >>> trim_clutter("LONDON (Reuters) - Prices rose.")
    'Prices rose.'
    """
    text = sentence.strip()
    # A list item's label says what the item is about ("- Model: An object structure…", a definition):
    # only a caption's label, outside lists, is page furniture.
    item = bool(re.match(LIST_MARKER, text))
    for _ in range(8):  # a byline, then a stamp, then a dateline: a few rounds at most
        before = text
        for pattern in _CLUTTER:
            text = pattern.sub("", text, count=1).strip()
        if not item:
            text = strip_caption_label(_TITLE_CASE_DATELINE.sub("", text, count=1).strip())
        if text == before:
            break
    return text
