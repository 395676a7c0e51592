"""A news page's pointers to its other stories, its note of where a story first ran and its correction's
note, in the languages readers paste: "Lire aussi : …", "Baca juga: …", "یہ بھی پڑھیے …", "Este artículo
apareció en la edición impresa del …". Furniture (:func:`.furniture.is_furniture`): never a summary's
sentence nor a key point.

A page copied as one line glues the pointer to the titles it points to, and those to the next sentence
(BBC Urdu's "یہ بھی پڑھیے فیڈرر آٹھ مرتبہ ومبلڈن ٹائٹل جیتنے والے پہلے کھلاڑی…", a key point of XL-Sum's
Wimbledon final): the whole sentence the pointer opens goes, as no rule tells where its titles end.
"""

from __future__ import annotations

import re

# Phrases that only ever point ("read also", "read this too"), whatever follows them.
_READ_ALSO = (
    r"(?:à\s+)?lire\s+(?:aussi|également)|lesen\s+sie\s+(?:auch|mehr)|le[ae]\s+también|leia\s+também"
    r"|leggi\s+anche|lees\s+ook|læs\s+også|les\s+også|läs\s+också|baca\s+juga|simak\s+juga"
    r"|читайте\s+(?:также|також)|(?:prze)?czytaj\s+(?:też|także|również)|zobacz\s+(?:też|także|również)"
    r"|bunu\s+da\s+okuyun|ayrıca\s+bakınız"
    r"|یہ\s+بھی\s+(?:پڑھیے|پڑھیں)|(?:اس\s+بارے\s+میں\s+(?:جاننے\s+کے\s+لیے\s+)?)?مزید\s+(?:پڑھیے|پڑھیں)"
    r"|اسی\s+بارے\s+میں\s+متعلقہ|اقرأ\s+(?:أيضا|أيضاً|ايضا|أيضًا)|طالع\s+(?:أيضا|أيضاً)|همچنین\s+بخوانید"
    r"|(?:यह|ये|इसे)\s+भी\s+पढ़ें|관련\s?기사"
)
# The same in scripts written without spaces, where the titles follow with none.
_READ_ALSO_CJK = r"相关阅读|延伸阅读|推荐阅读|関連記事"
# Phrases that point only as a label, before a colon: "Read more: …", "Más información: …" ("Más información
# sobre el caso fue publicada…" is news), "Siehe auch: …", "Подробнее: …".
_LABEL = (
    r"read\s+(?:more|also)|also\s+read|see\s+also|related(?:\s+(?:stories|articles|news))?|voir\s+aussi"
    r"|mehr\s+zum\s+thema|siehe\s+auch|auch\s+interessant|ver\s+también|(?:te|le)\s+puede\s+interesar"
    r"|más\s+información|leia\s+mais|veja\s+também|saiba\s+mais|vedi\s+anche|zie\s+ook|lees\s+meer"
    r"|läs\s+mer|les\s+mer|læs\s+mere|lihat\s+juga|смотрите\s+также|подробнее|[İi]lgili\s+haber(?:ler)?"
    r"|और\s+पढ़ें|相关新闻"
)
# Where a syndicated story first ran or was printed: El País's "Este artículo apareció en la edición impresa
# del Martes, 4 de enero de 2011." under its MLSUM articles (a key point), "Dieser Artikel erschien zuerst
# bei …", "Cet article est republié à partir de The Conversation…", "This article is republished from …".
_FIRST_RAN = (
    r"este\s+artículo\s+apareció\s+en\s+la\s+edición\s+impresa"
    r"|(?:dieser|der)\s+(?:artikel|text|beitrag)\s+(?:ist\s+)?erschien(?:en)?\s+(?:zuerst|ursprünglich)"
    r"|cet\s+article\s+(?:a\s+(?:été\s+)?(?:initialement|d['’]abord)\s+(?:été\s+)?publié|est\s+republié)"
    r"|este\s+(?:artigo|texto)\s+foi\s+(?:publicado\s+originalmente|originalmente\s+publicado)"
    r"|questo\s+articolo\s+è\s+stato\s+(?:pubblicato\s+)?(?:originariamente|originalmente|inizialmente)"
    r"|this\s+(?:article|story|piece)\s+(?:is|was)\s+republished\s+from"
)
# A correction's note: "Correction: …", "An earlier version of this article misstated…", "This story has been
# updated…", "In einer früheren Version dieses Artikels…", "Une version précédente de cet article…", "Una
# versión anterior de este artículo…", and a Norwegian, Danish or Swedish paper's apology for its error ("E24
# beklager og har nå rettet feilen.", under an E24 story, where it had been a key point).
_CORRECTION = (
    r"(?:correction|clarification|korrektur|correctif|fe\s+de\s+errores|rettelse|rättelse)\s*[:：]"
    r"|an?\s+(?:earlier|previous)\s+version\s+of\s+this\s+(?:article|story|report|post)\b"
    r"|this\s+(?:article|story)\s+has\s+been\s+(?:updated|corrected|amended)\b"
    r"|in\s+einer\s+früheren\s+(?:version|fassung)\s+dieses\s+(?:artikels|textes|beitrags)"
    r"|une\s+(?:version\s+précédente|précédente\s+version)\s+de\s+cet\s+article"
    r"|una\s+versión\s+anterior\s+de\s+este\s+(?:artículo|texto)"
    r"|\S+(?:\s+\S+){0,3}\s+(?:beklager|beklagar)\s+(?:fejlen|feilen|felet|det\s+inträffade)?[^.!?\n]{0,40}"
    r"(?:rettet|rette|korrigeret|rättat|korrigert)\s+(?:fejlen|feilen|felet)"
)
# Up to three marks may stand before the phrase ("» Lire aussi", "►► Baca juga", "[Leia também]").
_POINTER = re.compile(
    rf"^[^\w\s]{{0,3}}\s*(?:(?:{_READ_ALSO})(?!\w)|{_READ_ALSO_CJK}|(?:{_LABEL})\s*[:：]|(?:{_FIRST_RAN}|{_CORRECTION}))",
    re.I,
)


def is_pointer(sentence: str) -> bool:
    """Whether ``sentence`` points to the page's other stories, says where the story first ran, or notes a
    correction of it."""
    return bool(_POINTER.match(sentence))
