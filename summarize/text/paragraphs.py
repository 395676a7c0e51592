"""Paragraphs a page or a converter broke apart, joined again before they are read as sentences: a bracket
broken into short paragraphs at its links, a sentence a blank line broke in two. :func:`.sentences.split_paragraphs`
reads the text's paragraphs through these."""

from __future__ import annotations

import re

from .markdown import LIST_ITEM

# A sentence a blank line broke in two: a paragraph that ends in a word in lower case or a comma, and one that
# opens with a word in lower case (a report made Markdown from its PDF: "…the research was not conducted in" /
# "the United States or because…", whose first half had been a key point). Not a list's item, nor a heading's
# few words (BROKEN_WORDS at least before the break).
BROKEN_WORDS = 6


# Also one that ends on a word no English clause ends on, whatever the next one opens with; and a paragraph
# that opens with a full stop or a comma goes on from one with no stop at its end: a page's words in italics
# scraped as paragraphs of their own ("…McCreadie told the" / "News Letter" / ". ''We want an explanation…",
# a BBC story, whose cut first part had been a key point, "…McCreadie told the.").
UNENDING_WORDS = r"that|the|an?|of|whether|including|such as"
_UNENDING_END = re.compile(rf"\s(?:{UNENDING_WORDS})$")
_OPENS_WITH_STOP = re.compile(r"[.,](?:\s|$)")


def join_broken_sentences(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with a sentence a blank line broke in two joined again (see the notes above)."""
    out: list[str] = []
    for para in paragraphs:
        prev = out[-1] if out else ""
        listed = LIST_ITEM.match(para) or LIST_ITEM.match(prev)
        # Not after a stop, which ends the sentence the paragraph would go on with.
        if prev and prev[-1] not in ".!?:;" and _OPENS_WITH_STOP.match(para) and not listed:
            out[-1] = f"{prev}{para}"
            continue
        # Not before a number: a report's footnote under its page's cut sentence ("…subsequently developed a" /
        # "13 While FSA implemented…", a GAO report's), where the sentence goes on on the next page.
        cut = _UNENDING_END.search(prev) and not para[:1].isdigit()
        broken = ((prev[-1:].islower() or prev.endswith(",")) and para[:1].islower()) or cut
        if broken and len(prev.split()) >= BROKEN_WORDS and not listed:
            out[-1] = f"{prev} {para}"
        else:
            out.append(para)
    return out


# A bracket a paragraph opens and short paragraphs after it close: one line a scraper broke at each link it took
# out (BBC Hindi's footer, "(बीबीसी हिन्दी के" / "एंड्रॉएड ऐप के लिए आप" / "यहां क्लिक कर सकते हैं. आप हमें" /
# "फ़ेसबुक और" / "ट्विटर पर फ़ॉलो भी कर सकते हैं.)", whose pieces had been key points), joined again.
_BRACKET_PIECES = 6
_BRACKET_PIECE_WORDS = 12


# A face drawn with a bracket (":(", ";-)") opens and closes nothing.
_EMOTICON = re.compile(r"[:;=]-?[()]")


def _depth(paragraph: str) -> int:
    text = _EMOTICON.sub("", paragraph)
    return text.count("(") - text.count(")")


def join_open_brackets(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with a bracket broken into short paragraphs joined again (see the notes above)."""
    out: list[str] = []
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        depth = _depth(para)
        end = i
        # A bracket that ends its paragraph opens what follows whatever its length (BBC Hindi's "…नहीं आने वाला
        # है.(" over "बीबीसी मॉनिटरिंग दुनिया भर के…" / "ट्विटर और" / "फेसबुक पर भी पढ़ सकते हैं.)").
        words = 0 if para.endswith("(") else len(para.split())
        while depth > 0 and end + 1 < len(paragraphs) and end - i < _BRACKET_PIECES:
            nxt = paragraphs[end + 1]
            if (words and len(nxt.split()) > _BRACKET_PIECE_WORDS) or "\n" in nxt or LIST_ITEM.match(nxt):
                break
            end += 1
            depth += _depth(nxt)
        if depth == 0 and end > i:
            out.append(" ".join(paragraphs[i : end + 1]))
            i = end + 1
        else:
            out.append(para)
            i += 1
    return out
