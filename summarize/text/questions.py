"""Whether a sentence is a question the writer asks: no candidate for a summary or a key point (the
extractive engine reads it, :mod:`..engines.features`)."""

from __future__ import annotations

import re

from .quotes import SIGNATURE

# A question: it ends in a question mark (a bracket may close after it) and opens as one asks, in English
# with a question word or an auxiliary (after a connective), in Spanish with "¿", in Portuguese, French,
# German and Italian with a question word (German and French also ask by inversion: no rule), in Chinese
# with a question word or particle anywhere, in Urdu and Hindi with a question word anywhere, in Arabic with
# one that opens. A statement
# that ends in a title's mark ("…hit songs like What's My Name?", "…entitled The End Of Asymmetry?") is none.
_ASKED = re.compile(r"[?？؟][)\]）]*$")
_SIGNED_QUESTION = re.compile(rf"(?<=[?？؟])\s+{SIGNATURE}$")
_ASKS = {
    # English, also after a phrase and its comma ("With Ferguson and Eric Garner in the headlines, is Selma
    # particularly meaningful now?", an interview's question, a key point); "Or …?" goes on asking ("Or the
    # complexity of the dictatorship's propaganda system…?", a summary sentence once the question before went).
    "en": re.compile(
        r"^or\s|^(?:(?:but|and|or|so|yet|then|now|still)\s+)?(?:[^,?!.;:\"“]{1,80},\s+)?"
        r"(?:who|whom|whose|what|which|why|how|when|where|whether"
        r"|is|are|was|were|am|do|does|did|can|could|will|would|shall|should|may|might|must|has|have|had"
        r"|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|don['’]t|doesn['’]t|didn['’]t|can['’]t|couldn['’]t|won['’]t"
        r"|wouldn['’]t|shouldn['’]t|hasn['’]t|haven['’]t)\b",
        re.I,
    ),
    "es": re.compile(r"^¿"),
    # Portuguese, French, German and Italian by their question words ("Por que não temos uma assim no
    # Brasil?", a Brazilian blog's second summary sentence), French also by "Est-ce que".
    "pt": re.compile(r"^(?:(?:e|mas)\s+)?(?:por\s+que|porque|como|o\s+que|quem|quando|onde|qual|quais|quanto)\b", re.I),
    "fr": re.compile(
        r"^(?:(?:et|mais)\s+)?(?:pourquoi|comment|que|qu['’]est-ce|qui|quand|où|quel|quelle|quels|quelles"
        r"|combien|est-ce\s+que)\b",
        re.I,
    ),
    "de": re.compile(r"^(?:(?:und|aber)\s+)?(?:warum|wieso|weshalb|wie|was|wer|wann|wo|welche[rsnm]?)\b", re.I),
    "it": re.compile(r"^(?:(?:e|ma)\s+)?(?:perch[ée]|come|che\s+cosa|cosa|chi|quando|dove|quale|quali|quanto)\b", re.I),
    # Chinese asks in place, with a question word or a final particle anywhere in the sentence ("2021 年的混乱是否
    # 创造了任何…意外趋势？", "问题 1: 你认为…最大优势是什么？", a translated post's summary sentence and key point).
    "zh": re.compile(
        r"^.*?(?:什么|为什么|为何|怎么|怎样|如何|吗|呢|哪|谁|多少|是否|能否|可否|是不是|有没有|难道|还是)", re.S
    ),
    # Urdu and Hindi ask with a question word anywhere ("ایکشن پلان کے اہم نکات کیا ہیں؟", a BBC Urdu subheading run
    # into the text, had been a key point; "کیا پاکستان کچھ نہیں کر رہا؟"), Arabic with one that opens.
    "ur": re.compile(r"^.*?(?<!\S)(?:کیا|کیوں|کیسے|کیسی|کیسا|کون|کونسا|کونسی|کب|کہاں|کتنا|کتنی|کتنے|آیا)(?!\S)", re.S),
    "hi": re.compile(r"^.*?(?<!\S)(?:क्या|क्यों|कैसे|कैसा|कैसी|कौन|कब|कहाँ|कहां|कितना|कितनी|कितने)(?!\S)", re.S),
    "ar": re.compile(r"^(?:(?:و|ف)?(?:هل|لماذا|كيف|ماذا|متى|أين|كم)|ما\s+(?:هو|هي|الذي|التي))(?!\S)"),
}


def is_question(sentence: str, lang: str) -> bool:
    """Whether ``sentence`` asks (:data:`_ASKS`), its signature aside ("Should I have? -- BEATEN UP IN
    CALIFORNIA", an advice column's letter); languages without a rule here: never."""
    opens = _ASKS.get(lang.split("-")[0].lower())
    sentence = _SIGNED_QUESTION.sub("", sentence)
    return bool(opens and _ASKED.search(sentence) and opens.match(sentence))
