"""Sentences that open by pointing back at the sentence before them ("He also fixed…", "Er hat auch…").

Shown without that sentence, such a sentence leaves the reader guessing who or what, or pins it on
whoever a summary named last; the extractive engine makes it wait for the sentence it points at.
A sentence points back when it opens (after a connective such as "but" or "however") with a
personal or possessive pronoun of the third person or a demonstrative. Not when the demonstrative
names a time ("This week", "Cette année", "Diese Woche"), nor when the pronoun stands for a clause
to come or for nothing ("It was expected that…", "Il y a…", "Es gibt…", "Het is duidelijk dat…").
Chinese and Japanese write no spaces and drop the subject freely, so their rule is their own
(``_UNSPACED``): a sentence points back when it opens with a third-person pronoun or a demonstrative
(他, 她, 它, 这, 那, 该, 此, 其; 彼, これ, それ, この, その, 同社…; not before a word of time such as
这周, nor 其他 "other"), or with a connective and a comma or a pronoun (但是，…, 所以他…, しかし、…):
"但是，看上去很有可能。" says nothing on its own.
Languages without a list here never point back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class _Rules:
    pronouns: str  # words that point back, "|"-separated
    times: str  # words after a demonstrative that make it point at nothing before ("this week", "ce qui")
    connectives: str
    expletive: str = ""  # the pronoun that may stand for nothing or a clause to come ("it", "es", "il")
    dummy: str = ""  # what follows it then ("it was expected that", "es gibt", "il y a")
    # A preposition before a demonstrative points back too ("In the latter case…", "Despite this…"): the
    # prepositions, and the demonstratives they take.
    prepositions: str = ""
    demonstratives: str = ""
    # A part of what the sentence before named ("Of these, about 700,000 have adult children…", "Among them
    # is Prof Jordan Nash…"); not "Among those reported to have…", whose "those" points at what follows.
    partitive: str = ""


_LANGUAGES = {
    "en": _Rules(
        # "The latter rule is…", "Such systems are…" point back as a demonstrative does (6 sentences of
        # the news sets, each after the sentence it points at); "The former" does not ("The former
        # president said…").
        # "Another one, in the United States, has barely begun." (a BBC story's key point, its "one" the legal
        # saga of the sentence before). Not "Previously": "Previously a … diagnostic was given." (coreutils'
        # NEWS) points back, but "Previously, an NHS review said surgery should stop…" (XSum) is a fact of
        # its own, a key point it had cost.
        r"he|she|they|him|them|his|her|its|their|this|these|those|that|such|the\s+latter|another\s+one"
        # "I.e., 'cp -u -v' etc. will have the same verbosity as before…" (coreutils' NEWS, a summary sentence)
        r"|i\.\s?e\.|that\s+is\s+to\s+say"
        # "As such, you might want to port…" (This Week in htmx), "Or even for great sex for one night." (a
        # game's page): what they add to is the sentence before (two key points of the fact-poor texts' rule).
        r"|as\s+such|or"
        # "Which means you will spend only 14 minutes in total…" (a bread recipe's key point); a question that
        # opens so is a question, no candidate.
        r"|which",
        "year|week|month|season|summer|winter|spring|autumn|fall|weekend|morning|afternoon|evening|time|days"
        "|decade|century|term|round|stage",
        "but|and|so|yet|however|still|then|now|meanwhile|instead|also",
        "it",
        # "It was expected that…", "It is not clear whether…", "It's hard to say…"
        r"(?:\s+(?:is|was|has been|had been|will be|would be|may be|might be|seems|seemed|appears|appeared"
        r"|remains|remained)|['’]s)\s+(?:\w+\s+){0,3}?(?:that|to|whether|if|how|why|when|what)\b",
        # "In the latter case all data is encoded…" (Python's email docs), "Despite this, many bodies…",
        # "After that, the bank lost…", "In this study, Dr Kraus found…": 15 sentences of the news sets.
        # Not "For those who…", whose demonstrative points at the clause after it.
        "in|at|after|before|despite|during|with|from|by|for|under|unlike|beyond|besides|because of"
        "|apart from|following|in spite of|as a result of|on top of"
        # "Due to this, the UK Ministry of Defense is reviewing…" (a Business Insider story's key point).
        "|due to|owing to|thanks to",
        r"this|that|these|those|such|the\s+latter",
        r"of\s+(?:these|those|them|which)\s*,|among\s+(?:them|these)\b"
        # …and a part of them as the sentence's subject: "The lowest form of these is to disagree with the
        # author's tone." (Paul Graham's essay, its summary's first sentence), "One of them was asked…", "Some
        # of these ideas have been showcased…"; not "Many of those who…", whose "those" points ahead.
        r"|(?:the\s+)?(?:[a-z]+\s+){0,2}?of\s+(?:them|these|those)\b(?!\s+(?:who|whom|whose|which|that)\b)",
    ),
    "de": _Rules(
        "er|sie|ihm|ihn|ihr|ihre|ihren|ihrem|ihrer|sein|seine|seinen|seinem|seiner|dies|diese|dieser|dieses"
        "|diesen|diesem|jene|jener|jenes",
        "woche|wochen|jahr|jahres|monat|saison|sommer|winter|frühjahr|herbst|wochenende|morgen|abend|mal|zeit|tage|tag",
        "aber|und|doch|jedoch|dann|nun|auch|trotzdem|zudem",
        "es",
        r"\s+(?:gibt|geht|ist\s+(?:\w+\s+){0,3}?(?:dass|zu|ob|wie)|war\s+(?:\w+\s+){0,3}?(?:dass|zu|ob)"
        r"|scheint|heißt|bleibt\s+(?:\w+\s+){0,2}?(?:dass|zu|ob))\b",
    ),
    "fr": _Rules(
        r"elle|ils|elles|lui|leur|leurs|son|sa|ses|ce|cet|cette|ces|celui|celle|ceux|celles|cela|ceci"
        r"|c['’]est-à-dire",
        "semaine|semaines|année|années|an|mois|saison|été|hiver|printemps|automne|week-end|matin|soir|fois"
        "|jours|jour|qui|que|qu['’]|dont",
        "mais|et|donc|pourtant|cependant|puis|alors|aussi|toutefois",
        "il",
        r"\s+(?:y\s+a|faut|s['’]agit|semble|paraît|reste|est\s+(?:\w+\s+){0,3}?(?:de|d['’]|que|qu['’])"
        r"|était\s+(?:\w+\s+){0,3}?(?:de|d['’]|que|qu['’]))",
    ),
    "es": _Rules(
        r"él|ella|ellos|ellas|su|sus|este|esta|estos|estas|ese|esa|esos|esas|esto|eso|aquel|aquella|o\s+sea"
        r"|es\s+decir",
        "semana|semanas|año|años|mes|temporada|verano|invierno|primavera|otoño|fin|mañana|tarde|noche|vez|días",
        "pero|y|sin embargo|luego|entonces|también|además",
    ),
    "it": _Rules(
        "lui|lei|loro|egli|esso|essa|essi|esse|suo|sua|suoi|sue|questo|questa|questi|queste|quello|quella"
        "|quelli|quelle",
        "settimana|anno|anni|mese|stagione|estate|inverno|primavera|autunno|fine|mattina|sera|volta|giorni",
        "ma|e|però|tuttavia|poi|allora|anche|inoltre",
    ),
    "pt": _Rules(
        # "Ou seja, uma coisa está conectada à outra." ("That is, …", a reading teacher's page, a key point)
        r"ele|ela|eles|elas|seu|sua|seus|suas|este|esta|estes|estas|esse|essa|esses|essas|isso|isto|aquele|aquela"
        r"|ou\s+seja",
        "semana|semanas|ano|anos|mês|temporada|verão|inverno|primavera|outono|fim|manhã|tarde|noite|vez|dias",
        "mas|e|porém|contudo|depois|então|também|além disso",
    ),
    "nl": _Rules(
        "hij|zij|ze|hem|haar|hun|zijn|dit|deze|die|dat",
        "week|weken|jaar|maand|seizoen|zomer|winter|lente|voorjaar|herfst|najaar|weekend|ochtend|avond|keer|tijd|dagen",
        "maar|en|toch|echter|dan|nu|ook|bovendien",
        "het",
        r"\s+(?:is|was|lijkt|blijft|wordt|werd)\s+(?:\w+\s+){0,3}?(?:dat|om|of|hoe)\b|\s+regent\b",
    ),
    # Urdu: "انہوں نے کہا" (he said), "اس نے…", "یہ رپورٹ…" (this report); not "اس سال" (this year), "اس
    # دوران" (meanwhile), "اس سے قبل" (before this: "Previously"), "اس کے نتیجے میں" ("As a result").
    "ur": _Rules(
        # The emphatic forms too: "اسی خدشے کے پیش نظر…" ("in view of this very fear…"); "اسی سال" and
        # "اسی دوران" are times.
        "وہ|انہوں|انھوں|اسے|انہیں|انھیں|اس|ان|یہ|اُس|اُن|اِس|اِن|اسی|انہی|انھی|یہی|وہی",
        "سال|برس|ہفتے|ہفتہ|ماہ|مہینے|مہینہ|وقت|دن|روز|بار|موسم|صدی|دہائی|سیزن|دوران|صبح|شام|رات"
        "|سے قبل|سے پہلے|کے بعد|کے علاوہ|کے نتیجے",
        "لیکن|اور|تاہم|مگر|پھر|اب|البتہ|چنانچہ|لہذا|لہٰذا|بلکہ|نیز",
    ),
    # Hindi: the Urdu rule's words as Devanagari writes them (one spoken language, two scripts). Each
    # word must end at a space: Python's \b falls inside a Devanagari word at a vowel sign ("यहाँ",
    # "here", is not "यह", "this"). Not measured: the shared data has no multi-sentence Hindi.
    "hi": _Rules(
        "(?:वह|वे|उन्होंने|उसने|उसे|उन्हें|इसे|इन्हें|उसके|उनके|इसके|इनके|उसकी|उनकी|इसकी|इनकी|उसका|उनका|इसका|इनका|यह|ये"
        "|इस|इन|उस|उन|इसी|उसी|यही|वही)(?=\\s)",
        "साल|वर्ष|हफ्ते|हफ़्ते|सप्ताह|महीने|माह|समय|वक्त|वक़्त|दिन|बार|मौसम|सदी|दौरान|सुबह|शाम|रात"
        "|से पहले|के बाद|के अलावा|के नतीजे|के परिणामस्वरूप",
        "लेकिन|और|हालांकि|हालाँकि|मगर|फिर|अब|बल्कि|इसलिए|अतः",
    ),
}


def _compile(rules: _Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # A word ends where no word character follows, not at "\b": a Devanagari word may end in a vowel
    # sign, which "\w" does not match, and "\b" finds no boundary between that and a space.
    opening = rf"^(?:{rules.pronouns})(?!\w)(?!\s+(?:{rules.times})s?(?!\w))"
    if rules.expletive:
        opening += rf"|^(?:{rules.expletive})(?!\w)(?!{rules.dummy})"
    if rules.prepositions:
        opening += (
            rf"|^(?:{rules.prepositions})\s+(?-i:{rules.demonstratives})(?!\w)"
            rf"(?!\s+(?:{rules.times})s?(?!\w))(?!\s+(?:who|whom|whose|which|of|in|on|at|with)\b)"
        )
    if rules.partitive:
        opening += rf"|^(?:{rules.partitive})"
    return re.compile(rf"^(?:{rules.connectives})(?!\w)[,،]?\s+", re.IGNORECASE), re.compile(opening, re.IGNORECASE)


_PATTERNS = {lang: _compile(rules) for lang, rules in _LANGUAGES.items()}


def _unspaced(pronouns: str, times: str, connectives: str) -> re.Pattern[str]:
    """The rule for a script written without spaces, whose sentences drop their subject freely: with
    no word boundary to test, a connective counts before a comma or a pronoun, a pronoun or
    demonstrative unless a word of time or place follows it ("这周", "这里" point at no sentence)."""
    return re.compile(rf"^(?:(?:{connectives})(?:[，,、]|(?=(?:{pronouns})))|(?:{pronouns})(?!{times}))")


_UNSPACED = {
    "zh": _unspaced(
        "他们|她们|它们|他|她|它|这|那|该|此|其(?!他|它|余|实)",
        "周|星期|礼拜|个?月|一?年|几年|些年|天|几天|些天|时候|段时间|里",
        "但是|但|可是|不过|然而|所以|因此|因而|于是|而且|并且|另外|此外|同时|况且|何况",
    ),
    # Not measured: the shared data has no Japanese text of more than one sentence.
    "ja": _unspaced(
        "彼ら|彼女|彼|これら|これ|それら|それ|あれ|この|その|あの|こうした|そうした|そう(?=で|し|い)"
        "|同(?=[社氏市国省相党紙局庁])",
        "ほど|度|たび|まで|から",  # "この度", "これまでに" (so far), "これから" (from now on)
        "しかし|だが|でも|ところが|したがって|だから|また|さらに|一方|ただし|なお|そして",
    ),
}


def refers_back(sentence: str, lang: str) -> bool:
    """Whether ``sentence`` opens by pointing at the sentence before it ("He also fixed…", "These were…",
    "But his employers…", "Elle a aussi…"); languages without rules here: never."""
    base = lang.split("-")[0].lower()
    if base in _UNSPACED:
        return bool(_UNSPACED[base].match(sentence.strip()))
    patterns = _PATTERNS.get(base)
    if patterns is None:
        return False
    connective, opening = patterns
    return bool(opening.match(connective.sub("", sentence.strip(), count=1)))


# Connectives that tie a sentence to the one before it and can be taken off its front when it is shown
# without that sentence (a key point, a summary sentence after another than its own predecessor):
# "But the manager said…" reads "The manager said…". The first list goes before a space or a comma;
# the second only before a comma, as without one it opens a phrase of its own ("However much…", "Still
# water…", "So far…", "Yet another…", "Then-President…"). A connective that opens a clause ("Although…",
# "Though…") or takes the first place of a German sentence ("Dann ging er") stays. Only English is
# measured (the shared news); the others' lists are their plain "but" and "and" and a few adverbs.
_LOOSE = {
    "en": (
        "but|and yet|and|meanwhile|nevertheless|nonetheless|moreover|furthermore",
        "however|still|yet|so|also|instead|then|in addition|even so|in contrast|by contrast|on the other hand"
        # An enumeration's steps: "First, battery prices had fallen…" follows "There were two reasons."
        "|first|second|third|firstly|secondly|thirdly|finally|lastly"
        # An example of what the sentence before said: alone, it is a claim of its own ("For example, the
        # government estimates that more than 4 million parents…" was a key point of a Pew Research post).
        "|for example|for instance"
        # A comparison with the sentence before: "Similarly, another study in older adults showed…" (a health
        # site's third summary sentence) reads "Another study in older adults showed…".
        "|similarly|likewise",
    ),
    "de": ("aber|und", "doch|jedoch|außerdem|allerdings"),
    "fr": ("mais|et", "cependant|pourtant|toutefois|en outre|par ailleurs"),
    "es": ("pero|y", "sin embargo|además|no obstante"),
    "it": ("ma|e", "però|tuttavia|inoltre"),
    "pt": ("mas|e", "porém|contudo|no entanto|além disso"),
    "nl": ("maar|en", "echter|bovendien"),
    "ur": ("لیکن|مگر|تاہم", "البتہ"),
    "hi": ("लेकिन|मगर", "हालांकि|हालाँकि"),
}
_LOOSE_PATTERNS = {
    lang: re.compile(rf"^(?:(?:{bare})(?!\w)[,،]?|(?:{comma})(?!\w)[,،])\s+(?=\S)", re.IGNORECASE)
    for lang, (bare, comma) in _LOOSE.items()
}


def without_connective(sentence: str, lang: str) -> str:
    """``sentence`` as it reads alone: without a connective at its front that ties it to the sentence
    before ("But the manager said…" -> "The manager said…", "However, Inverness…" -> "Inverness…"),
    its next word capitalised when it is a plain lower-case word ("iPhone" stays). Unchanged when
    fewer than three words would be left ("And so on."), and in languages without a list."""
    pattern = _LOOSE_PATTERNS.get(lang.split("-")[0].lower())
    match = pattern.match(sentence) if pattern else None
    if match is None:
        return sentence
    rest = sentence[match.end() :]
    if len(rest.split()) < 3:
        return sentence
    letters = re.sub(r"\W", "", rest.split(None, 1)[0])  # "we're", "finally," are plain words too
    if letters.isalpha() and letters.islower() and rest[0].isalpha():
        rest = rest[0].upper() + rest[1:]
    return rest
