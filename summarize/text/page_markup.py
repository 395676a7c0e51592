"""Inline HTML read as a page shows it: one set of rules for a web page (before trafilatura reads it) and
a feed entry's HTML (before its text is taken).

trafilatura removes every ``<time>`` element with its text (meant for a byline's date): "The vote takes
place on <time>12 March</time>, and…" read "The vote takes place on , and…", a date gone from the
sentence. An inline quotation, ``<q>``, ended its paragraph: "…the mayor said <q>prices will
fall</q> next year" gave "…said prices will fall" and "next year." as two paragraphs; a feed's text
showed it without its quotation marks. A superscript is a citation's marker ("…120 km long<sup>[1]</sup>
and…") or an exponent ("500 km<sup>2</sup>", which read "500 km2"), and struck-out text (``<del>``,
``<s>``) is what the page took back. A definition list's term and its definition were two list items
("- Model", "- An object structure that represents an email message"): the definition, a summary
sentence, had lost what it defines; the term now opens it ("Model: An object structure…"). Docs sites
add their own furniture: a ``<pre>`` with two flavours of an example and a copy button, a heading's
"#" or "¶" link to itself, a manual's "Next: …, Previous: …, Up: …" bar.

After it, trafilatura's Markdown is mended where it breaks CommonMark (:func:`mend_markdown`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .markdown import FENCE_MARK

# Elements that hold a sentence's words: a <time> inside one, beside other words, is part of the sentence.
_TEXT_HOLDERS = frozenset(
    ["p", "li", "dd", "dt", "td", "th", "blockquote", "q", "em", "strong", "b", "i", "u", "span", "a", "mark", "cite"]
)
# A citation's marker: anything in brackets ("[1]", "[citation needed]") or a dagger, an asterisk.
_CITATION_MARK = re.compile(r"\[[^\]]*\]|[*†‡§¶]+")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# A link to the next, previous or parent page, and how many words besides links a navigation bar holds.
_NAVIGATION_REL = frozenset(["next", "prev", "previous", "up", "contents", "index"])
_NAVIGATION_WORDS = 8
# Where old pages leave prose loose, and the elements a run of loose prose may hold; a run of fewer words
# than this ("Posted by", a label) is left as it is.
_CONTAINERS = ("body", "div", "center", "section", "article", "main")
_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "big",
        "br",
        "cite",
        "code",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
    ]
)
_LOOSE_WORDS = 10
# Inline elements that trafilatura writes with marks around them, and the line breaks inside one.
_MARKED = ("i", "em", "b", "strong", "a", "code", "del", "s")
_WRAP = re.compile(r"[ \t]*[\r\n]+[ \t]*")
# A heading's link to itself shows one of these or nothing (Node.js's "File system#", Sphinx's "¶"): no word
# of the heading.
_PERMALINK_MARKS = frozenset(["", "#", "¶", "§", "🔗", "link", "permalink"])
_PILCROWS = frozenset(["¶", "🔗"])
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# A term that ends like a sentence ("How do I install it?") needs no colon before its definition.
_TERM_ENDED = ".?!:;…"


def shown_superscript(text: str) -> str | None:
    """What a superscript holding ``text`` shows in prose: nothing for a citation's marker, superscript
    digits for digits ("km²", "10⁶"), None where its text reads on as it is ("21<sup>st</sup>")."""
    text = text.strip()
    if _CITATION_MARK.fullmatch(text):
        return ""
    if text.isascii() and text.isdigit():
        return text.translate(_SUPERSCRIPT_DIGITS)
    return None


def _words(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def mend_inline(root: Any) -> Any:
    """``root`` (an lxml tree) with a ``<time>`` that stands inside a sentence replaced by its text, an
    inline ``<q>`` by its words in quotation marks, a superscript by what it shows, struck-out text left
    out, a definition opened by its term, a code block of several flavours as plain code, a navigation
    bar and a link of a heading or item to itself left out, and an inline element on one line (the
    module's notes say why each)."""
    for element in list(root.iter("time")):
        parent = element.getparent()
        if parent is not None and parent.tag in _TEXT_HOLDERS and _words(parent) != _words(element):
            element.drop_tag()
    for quote in list(root.iter("q")):
        quote.text = "“" + (quote.text or "")
        children = list(quote)
        if children:
            children[-1].tail = (children[-1].tail or "") + "”"
        else:
            quote.text += "”"
        quote.drop_tag()
    for sup in list(root.iter("sup")):
        shown = shown_superscript(_words(sup))
        if shown is not None:
            sup.tail = shown + (sup.tail or "")
            sup.drop_tree()  # its tail stays
    for struck in list(root.iter("del", "s", "strike")):
        struck.drop_tree()
    for definition in list(root.iter("dd")):
        _open_definition(definition)
    for pre in list(root.iter("pre")):
        _plain_code_block(pre)
    for container in list(root.iter(*_CONTAINERS)):
        _wrap_loose_text(container)
    for link in list(root.iter("a", "link")):
        _drop_navigation(link)
    for code in list(root.iter("code")):
        if len(code) and not _in_pre(code):
            # Its words as written: trafilatura moves the emphasis of a variable part out of it (Sphinx's
            # "<code>/usr/bin/python<em>X</em>.<em>Y</em></code>" read "/usr/bin/python is provided.X.").
            words = "".join(code.itertext())
            for child in list(code):
                code.remove(child)
            code.text = words
    for marked in root.iter(*_MARKED):
        _one_line(marked)
    for link in list(root.iter("a")):
        if (link.get("href") or "").startswith("#") and _is_permalink(link):
            _drop_mark(link)
    return root


def _drop_mark(link: Any) -> None:
    """Drop ``link``, its tail kept, and the space before it where punctuation follows ("-v ¶, --verbose"
    reads "-v, --verbose")."""
    if (link.tail or "")[:1] in (",", ".", ";", ":", ")"):
        before = link.getprevious()
        if before is not None:
            before.tail = (before.tail or "").rstrip()
        else:
            link.getparent().text = (link.getparent().text or "").rstrip()
    link.drop_tree()


def _is_permalink(link: Any) -> bool:
    """Whether ``link`` (to a place in its page) is a mark that links its heading or item to itself: "¶"
    anywhere (Texinfo's "-v ¶, --verbose"), and in a heading also "#", "§" or nothing."""
    words = _words(link)
    in_heading = any(a.tag in _HEADINGS for a in link.iterancestors())
    return words in (_PERMALINK_MARKS if in_heading else _PILCROWS)


def _drop_navigation(link: Any) -> None:
    """Drop the block that holds ``link`` when the link leads to the next, previous or parent page and the
    block is little but such links: a manual's navigation bar ("Next: Reporting bugs, Previous: Time,
    Up: Time [Contents][Index]", GNU Texinfo's, had been a summary sentence)."""
    if link.tag != "a" or not _NAVIGATION_REL.intersection((link.get("rel") or "").lower().split()):
        return
    block = next((a for a in link.iterancestors() if a.tag in ("p", "div", "li", "td", "header")), None)
    if block is None or block.getparent() is None:
        return
    linked = sum(len(_words(a).split()) for a in block.iter("a"))
    if len(_words(block).split()) - linked <= _NAVIGATION_WORDS:
        block.getparent().remove(block)


def _in_pre(element: Any) -> bool:
    """Whether ``element`` stands inside a code block, whose words and lines are kept as written."""
    return any(ancestor.tag == "pre" for ancestor in element.iterancestors())


def _one_line(element: Any) -> None:
    """An inline element's words on one line: trafilatura keeps the page source's line breaks, and an
    emphasis wrapped over two of them ("<i>GNU Free Documentation\\n\\tLicense</i>") was written as
    Markdown that no one line closes, so its marks showed ("*GNU Free Documentation License*")."""
    if _in_pre(element):
        return
    element.text = _WRAP.sub(" ", element.text) if element.text else element.text
    for child in element.iterdescendants():
        child.text = _WRAP.sub(" ", child.text) if child.text else child.text
        child.tail = _WRAP.sub(" ", child.tail) if child.tail else child.tail


def _wrap_loose_text(container: Any) -> None:
    """Put each run of text that stands loose in ``container`` (no ``<p>`` around it, between its blocks)
    into a paragraph of its own, when it holds a sentence's words: old pages write their prose so
    ("<body><h2>…</h2>We often get questions… <pre>…</pre>We now include…", zlib's example), and
    trafilatura had left out some of it and run the rest into the code."""
    pieces: list[Any] = [container.text] if container.text else []
    for child in container:
        pieces.extend([child, child.tail] if child.tail else [child])
    if not any(isinstance(p, str) and len(p.split()) >= _LOOSE_WORDS for p in pieces):
        return
    container.text = None
    for child in list(container):
        child.tail = None
        container.remove(child)
    run: list[Any] = []
    for piece in [*pieces, None]:
        if isinstance(piece, str) or (piece is not None and not _is_block(piece)):
            run.append(piece)
            continue
        _append_run(container, run)
        run = []
        if piece is not None:
            container.append(piece)


def _is_block(element: Any) -> bool:
    return isinstance(element.tag, str) and element.tag not in _INLINE


def _append_run(container: Any, run: list[Any]) -> None:
    """Append ``run`` (text and inline elements) to ``container``: in a new ``<p>`` when it holds words."""
    words = sum(len((p if isinstance(p, str) else _words(p)).split()) for p in run)
    target = container.makeelement("p", {}) if words else container
    last = None  # the element the next text follows
    for piece in run:
        if isinstance(piece, str):
            if last is None:
                target.text = (target.text or "") + piece if target is not container else piece
            else:
                last.tail = (last.tail or "") + piece
        else:
            target.append(piece)
            last = piece
    if target is not container:
        container.append(target)


def _plain_code_block(pre: Any) -> None:
    """A ``<pre>`` as one ``<code>`` of its code, which trafilatura writes as a fenced block: one that held
    two flavours of an example and a copy button (Node.js's docs) had been written as inline code, read
    as a sentence ("`import * as fs from 'node:fs';``const fs = require('node:fs');`"), one with no
    ``<code>`` as lines of prose ("<pre><b>#include <stdio.h></b></pre>", zlib's example, read
    "#include <stdio.h>" as a heading)."""
    codes = list(pre.iter("code"))
    if len(codes) == 1 and len(pre) == 1 and not (pre.text or "").strip():
        return
    text = "\n".join("".join(code.itertext()).strip("\n") for code in codes) if codes else "".join(pre.itertext())
    if not text.strip():
        return
    for child in list(pre):
        pre.remove(child)
    pre.text = None
    code = pre.makeelement("code", {})
    code.text = text.strip("\n") + "\n"
    pre.append(code)


def _open_definition(definition: Any) -> None:
    """Move the ``<dt>`` terms right before a ``<dd>`` into the start of it, joined by commas and
    followed by a colon, so the definition reads as one sentence with what it defines."""
    terms = []
    previous = definition.getprevious()
    while previous is not None and previous.tag == "dt":
        terms.insert(0, previous)
        previous = previous.getprevious()
    words = ", ".join(w for w in map(_words, terms) if w)
    if not words or not _words(definition):
        return
    target = definition
    if not (definition.text or "").strip() and len(definition) and definition[0].tag == "p":
        target = definition[0]  # the definition's first paragraph, not a block before it
    rest = (target.text or "").lstrip()
    target.text = ""
    for n, term in enumerate(terms):
        term.tag = "span"  # an inline element of the term (code, a link) moves inside it
        term.text = (term.text or "").lstrip()
        if len(term):
            term[-1].tail = (term[-1].tail or "").rstrip()
        else:
            term.text = term.text.rstrip()
        term.tail = ", " if n < len(terms) - 1 else (" " if words[-1] in _TERM_ENDED else ": ") + rest
        target.insert(n, term)


# trafilatura writes a code block that follows text inside a list item with its opening fence on the
# text's line ("Example: ```"): read as CommonMark, that fence is text and every later fence pairs with the
# wrong one, so the page's code read as prose and its prose as code (npm's docs: "A +-- B +-- C -- D@2 +--
# D@1." was a summary sentence).
_GLUED_FENCE = re.compile(rf"(?m)^([ \t]*(?!{FENCE_MARK})\S.*?)[ \t]*({FENCE_MARK})[ \t]*$")


def mend_markdown(md: str) -> str:
    """trafilatura's Markdown of a page with a code fence glued to the end of a line of text put on a
    line of its own."""
    return _GLUED_FENCE.sub(lambda m: f"{m.group(1)}\n{m.group(2)}", md)


# A page that sends the browser elsewhere: <meta http-equiv="refresh" content="0; url=next.html">.
_REFRESH = re.compile(rb"<meta\b[^>]*\bhttp-equiv\s*=\s*[\"']?refresh\b[^>]*>", re.I)
_REFRESH_CONTENT = re.compile(rb"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
_REFRESH_URL = re.compile(rb"^\s*(\d+(?:\.\d*)?)\s*[;,]\s*(?:url\s*=\s*)?[\"']?([^\"'\s]+)", re.I)
_NOSCRIPT = re.compile(rb"<noscript\b.*?(?:</noscript\s*>|$)", re.I | re.S)
_REFRESH_DELAY = 10  # seconds; a longer one leaves the reader on the page (a live page's reload)


def refresh_target(html: str | bytes) -> str | None:
    """Where ``html`` sends the browser at once (a meta refresh to a URL within 10 seconds, in its first
    16 KB, not inside ``<noscript>``), as written in the page; None for a page that stays."""
    head = (html.encode("utf-8", "replace") if isinstance(html, str) else html)[:16384]
    # Inside <noscript> it sends only browsers without JavaScript on (to a "please enable JavaScript" page).
    head = _NOSCRIPT.sub(b"", head)
    for tag in _REFRESH.finditer(head):
        content = _REFRESH_CONTENT.search(tag.group(0))
        found = _REFRESH_URL.match(content.group(1) or content.group(2)) if content else None
        if found and float(found.group(1)) <= _REFRESH_DELAY:
            return found.group(2).decode("utf-8", "replace")
    return None


# What sites put between a page's own title and their name in <title> ("More about Cargo - The Rust
# Programming Language", "File system | Node.js v20 Documentation").
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—:·•»]\s+|\s*::\s*")


def title_element(page: Any) -> str | None:
    """The words of the page's ``<title>`` (``page`` is an lxml tree), or None where it has none."""
    element = None if isinstance(page, (str, bytes)) else page.find(".//title")
    return (_words(element) if element is not None else "") or None


def _bare(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def page_title(page: Any, headings: Sequence[str], found: str | None, first_heading: str | None) -> str | None:
    """The page's own title: the part of its ``<title>`` (``page`` is an lxml tree) that is also one of its
    ``headings`` or the text of one of its ``<h1>``, else trafilatura's pick (``found``) unless that is the
    site's name beside the page's in ``<title>``, for which the text's first heading stands. trafilatura's
    title is a heuristic's pick, which on a site with two ``<h1>`` (its name's and the page's) took the
    site's name or a help box's heading: "Keyboard shortcuts" or "The Rust Programming Language" titled
    every chapter of the Rust book ("A - Keywords - The Rust Programming Language" heads its page "Appendix
    A: Keywords"; a page whose heading trafilatura drops is titled by its ``<title>`` without the site's
    name)."""
    whole = title_element(page) or ""
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(whole)]
    named = {" ".join(h.split()).casefold(): h for h in headings}
    for part in [whole, *parts]:
        if part.casefold() in named:
            return named[part.casefold()]
    if len(parts) > 1:  # a heading that holds a part: "Appendix A: Keywords" for "A - Keywords - …"
        for heading in headings:
            if any(len(part) >= 4 and part.casefold() in heading.casefold() for part in parts):
                return heading
    # The part the page heads its text with, in an <h1> (trafilatura's text may leave that heading out): "Angry
    # media won’t buckle over new surveillance laws | Herald Sun", "Una solución no violenta para la cuestión
    # mapuche - 07.12.2017 - LA NACION", "On Recent Controversial Events - Bradley M. Kuhn ( Brad ) ( bkuhn )",
    # whose titles had been "Herald Sun", "07.12.2017 – LA NACION" and the blog's name.
    top = {_bare(" ".join(h.itertext())) for h in page.iter("h1")} if hasattr(page, "iter") else set()
    for part in parts if len(parts) > 1 else []:
        if _bare(part) and _bare(part) in top:
            return part
    if found and len(parts) > 1 and found.casefold() in {p.casefold() for p in parts}:
        # The site's name: the text's first heading, else the <title> without that name.
        own = [p for p in parts if p.casefold() != found.casefold()]
        return first_heading or " – ".join(own)
    return found or first_heading


def readable_page(html: str | bytes) -> Any:
    """The page as trafilatura's tree, mended (:func:`mend_inline`); ``html`` as it is when it does not parse."""
    import trafilatura

    tree = trafilatura.load_html(html)
    return html if tree is None else mend_inline(tree)
