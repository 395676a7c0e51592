"""What trafilatura would lose of a web page's prose, put back in the page before it reads it.

trafilatura removes every ``<time>`` element with its text (meant for a byline's date): "The vote takes
place on <time>12 March</time>, and…" read "The vote takes place on , and…", a date gone from the
sentence. And an inline quotation, ``<q>``, ended its paragraph: "…the mayor said <q>prices will
fall</q> next year" gave "…said prices will fall" and "next year." as two paragraphs.
"""

from __future__ import annotations

from typing import Any

# Elements that hold a sentence's words: a <time> inside one, beside other words, is part of the sentence.
_TEXT_HOLDERS = frozenset(
    ["p", "li", "dd", "dt", "td", "th", "blockquote", "q", "em", "strong", "b", "i", "u", "span", "a", "mark", "cite"]
)


def _words(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def readable_page(html: str | bytes) -> Any:
    """The page as trafilatura's tree, with a ``<time>`` that stands inside a sentence replaced by its text
    and an inline ``<q>`` by its words in quotation marks; ``html`` as it is when it does not parse."""
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is None:
        return html
    for element in list(tree.iter("time")):
        parent = element.getparent()
        if parent is not None and parent.tag in _TEXT_HOLDERS and _words(parent) != _words(element):
            element.drop_tag()
    for quote in list(tree.iter("q")):
        quote.text = "“" + (quote.text or "")
        children = list(quote)
        if children:
            children[-1].tail = (children[-1].tail or "") + "”"
        else:
            quote.text += "”"
        quote.drop_tag()
    return tree
