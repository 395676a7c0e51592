"""Inline Markdown read as prose: one line's links, images, emphasis, code spans, escapes and tags.

The Markdown reader (:mod:`.inputs`), the newsletter outline and the boilerplate finder read a line's
words with :func:`inline_to_text`; what a code span or a backslash escape holds is shown as written.
"""

from __future__ import annotations

import html
import re

from .markdown import CODE_SPAN, LINK_TARGET, LINK_TEXT, TASK_BOX
from .page_markup import shown_superscript
from .scripts import UNSPACED_CJK_CLASS

# A full stop right after a link whose text already ends a sentence ("[Installing Xcode.](url).") is
# dropped with it, or the prose would read "Installing Xcode.."; an ellipsis after it is kept.
# A link's text may hold brackets (``markdown.LINK_TEXT``: This Week in Matrix's "[Andrew Morgan (anoa)
# {he/him} [back Nov 5]](https://matrix.to/…) reports" had been a key point with its address).
_INLINE_LINK = re.compile(rf"!?\[({LINK_TEXT}[.!?。])\]{LINK_TARGET}\.(?!\.)|!?\[({LINK_TEXT})\]{LINK_TARGET}")
# An image is no words of the text, as on a page: a README's row of badges, "[![build status](…)](…)
# [![pypi](…)](…)", had read "![build status](https://…)" (the link's pattern took the image's "![alt"
# for its text), a logo "PyTorch Logo" as a sentence.
_TARGET_OR_REF = rf"(?:{LINK_TARGET}|\[[^\]\n]*\])"
_IMAGE = re.compile(rf"[ \t]*(?:\[!\[[^\]\n]*\]{_TARGET_OR_REF}\]{_TARGET_OR_REF}|!\[[^\]\n]*\]{_TARGET_OR_REF})")
_EMPHASIS = re.compile(r"(\*\*|__|`)")
_SINGLE_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?![\w*])")
# Struck-out text (GFM's "~~…~~", trafilatura's writing of <del> and <s>) is what the page took back: "the
# price was ~~$10~~ $8" says $8.
_STRUCK = re.compile(r"[ \t]*~~(?=\S)[^~\n]*?(?<=\S)~~")
_REFERENCE_LINK = re.compile(r"!?\[([^\]\n]+)\](?:\[[^\]\n]*\])?(?![(:])|\[\]\[[^\]\n]*\]")
# An emoji's shortcode, which a site's renderer shows as its picture (":stuck_out_tongue:", ":+1:", a travel blog's,
# shown as written in a key point): no word. Between spaces or a stop, not inside a word, a path or a
# name ("std::vec", "10:30:45", "http://").
_SHORTCODE = re.compile(r"[ \t]*(?<![\w:/]):(?:(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]{2,40}|[+-]1):(?![\w:/])")
# A character reference, which Markdown shows as its character ("support for &lt;textarea>", This Month in
# Servo's; "&amp;", "&#8217;"): only with its semicolon, so "AT&T" and "R&D" stay as written.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# A hard line break (a "<br>", or CommonMark's backslash ending a line) ends a line of verse, an address
# or a sign-off: no sentence runs on over it. Not one written as code ("the `<br>` tag"), which stands
# inside a sentence, nor an escaped backslash ("C:\\").
LINE_BREAK = re.compile(r"[ \t]*(?<!`)<br\s*/?>(?!`)[ \t]*|(?<!\\)\\$", re.I)


# A list item's tag before its link, no link itself: This Week in Rust's "[good first issue] [sqlx: Add…](…)",
# "[puzzle] [The battle…](…)". As prose it ran into the link's text ("good first issue sqlx: Add…"). Not a
# label with a colon ("[disposition: merge] [Permit…](…)"): as "disposition: merge Permit…" the engines
# read it as a label's item, a proposal's title rather than a sentence (fragments.fragment_starts).
_ITEM_START = r"^([ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+)"  # a list item's indentation and marker (group 1)
_ITEM_TAG = re.compile(_ITEM_START + r"\[[^\][:\n]{1,40}\][ \t]+(?=\[[^\]\n]+\]\()")
# A footnote's marker is no word of the sentence: GFM's "[^1]" anywhere, and a number in brackets right
# after a word or a stop ("the study[1] found", "…in 2019.[12]"), which had read "the study1 found", or
# Wikipedia's tag ("[citation needed]", "[who?]"). One rule for Markdown and plain text (a copied
# Wikipedia article, :mod:`.inputs`). Marks in a row too ("…\"putting together\"[1][2][3]) is a biological
# process…" had kept its first two), and Wikipedia's lettered note after a stop or a bracket ("Nokia)[a] is a
# Finnish…"; after a word it may be an index, "a[i]"). A task list's box ("- [x] Ship it", "- [ ] Tests") is
# no word of its item either: it had read "x Ship it".
# A number in brackets after a space is one too where a stop or a comma follows it ("…alarms per shift [1],
# even though…", a press release's), or the line's end (curl's RELEASE-NOTES: "o curl.h: add CURLE_TOO_LARGE
# [48]", a reference to the list of links under the notes). And after a sentence's stop and a space (a report
# made Markdown from its PDF: "…in several significant ways. [2] Following the enactment of…" had opened a key
# point "2 Following the enactment…").
FOOTNOTE_MARK = re.compile(
    r"\[\^[^\]\s]+\](?![(\[:])|(?<=[^\s\[(])\[(?:\d{1,3}|(?<=[.,;:)\"”’\]]\[)[a-z]|(?:citation|clarification|better\s+source)\s+needed"
    r"|(?:when|who|which|where|why|according\s+to\s+whom)\?)\](?![(:])(?!\[(?!(?:\d{1,3}|[a-z])\]))"
    r"|(?<=[\w\"”')])[ \t]+\[\d{1,3}\](?=[.,;:]|[ \t]*(?:\n|$))"
    r"|(?:(?<=[.!?])|(?<=[.!?][\"”’)]))[ \t]+\[\d{1,3}\](?=\s|$)"
)
_TASK_BOX = re.compile(_ITEM_START + TASK_BOX + r"[ \t]+(?=\S)")
# Words that only say where a story or a photo was taken from ("出处", "原文网址", "Source", "Via"): the
# Markdown reader drops a bracketed link made of one alone, the newsletter engine a credit line.
CREDIT_WORD = r"原文(?:网址|链接|地址)?|来源|出处|source|via|credit"
# A credit in brackets whose link text only says that it is one: 科技爱好者周刊's photo captions end
# "…停满了飞机。（[出处](…)）", "(source)". As prose it is a bare word in brackets, "（出处）", that a
# summary or key point showed.
_CREDIT_LINK = re.compile(rf"[ \t]*[（(]\[(?:{CREDIT_WORD})\]\([^)\s]*\)[)）]", re.I)


# A capitalised tag in brackets right after a link, before more text: Swift Weekly Brief's starter tasks
# "[SR-7445](…) [Compiler] Call Expressions…", a category. Read as a reference link it ran into the title
# ("SR-7445 Compiler Call Expressions…"); CommonMark keeps an undefined one as written, brackets and all.
# A word in lower case ("[Tokio](…) [released] a new version") reads on as the item's prose. Its
# brackets are held by private-use characters while links become their text.
_TAG_AFTER_LINK = re.compile(r"(?<=\))([ \t]+)\[([A-Z][^\[\]\n:]{0,29})\](?=[ \t]+[^\s(\[])")
_HELD_BRACKETS = str.maketrans("\ue0f0\ue0f1", "[]")
# A space between two links in Chinese or Japanese, which write no space between words: a translation that
# kept a link on each word ("我已经[传统地](…) [开始](…) [每一个](…)") had read "传统地 开始 每一个" in a key point.
_CJK = UNSPACED_CJK_CLASS
_SPACE_BETWEEN_CJK_LINKS = re.compile(rf"([{_CJK}]\]\([^()\s]*\))[ \t]+(?=\[[{_CJK}])")


# A citation as Pandoc writes one: in brackets, "[@Allen2002c]", "[see @doe99, pp. 33-35; also @smith04]",
# or a list of keys in round brackets, "(@noble_2006, @noble_2009)"; LaTeX's "\cite{suzuki_2022}"; and an inline
# footnote, "^[https://github.com/…]". A JOSS paper's key points had read "…wind energy sciences @Allen2002c."
# An in-text "@Dohmen2015" stands for its authors and stays, and so do a bracketed citation's keys where the
# sentence reads it as a noun ("as described in [@Dohmen2015]"). Not a link's text ("[@jane](…)").
_CITATION = re.compile(
    r"[ \t]*\[[^\[\]\n]*?(?<![\w.])-?@[\w][\w:.#$%&+?<>~/-]*[^\[\]\n]*\](?![(\[])"
    r"|[ \t]*\((?:[ \t]*-?@[\w][\w:.#$%&+?<>~/-]*[ \t]*[,;]?)+\)"
    r"|[ \t]*\\cite[pt]?\*?(?:\[[^\]]*\])?\{[^{}\n]*\}|\^\[[^\[\]\n]*\]"
)


# Words after which a citation is the sentence's noun ("…as described in [@Dohmen2015; @Menzel2015].").
_CITED_AS_NOUN = re.compile(r"\b(?:in|by|of|see|from|to|and|or|with|cf\.|e\.g\.,?)\s*$", re.I)


def without_citations(line: str, links: frozenset[str] = frozenset()) -> str:
    """One line of a Markdown document without its citations (:data:`_CITATION`), where a word before reads
    one as a noun its keys. ``links``: the labels the document defines links for (lower case), so that
    "[@kooparse] published…" with "[@kooparse]: https://…" under it is a link, not a citation."""
    if "@" not in line and "\\cite" not in line and "^[" not in line:
        return line

    def cited(m: re.Match[str]) -> str:
        found = m.group(0).strip()
        if found.startswith("[") and found[1:-1].strip().lower() in links:
            return m.group(0)
        if found.startswith("[") and _CITED_AS_NOUN.search(line, 0, m.start()):
            return " " + found[1:-1].strip()
        return ""

    return _CITATION.sub(cited, line)


# Character references in a plain text, as a dataset or a feed escaped it for HTML (TED's transcripts:
# "I&#39;ve later come to know…", "the &quot;man box.&quot;", where the quote's end was unseen): shown as
# their characters where the text has ENTITIES_IN_TEXT of them or more; a note on HTML that names one
# ("write &amp; for an ampersand") keeps it.
ENTITIES_IN_TEXT = 3


def text_entities(text: str) -> str:
    """Plain ``text`` with its character references read (see ``ENTITIES_IN_TEXT``)."""
    if "&" not in text or len(_ENTITY.findall(text)) < ENTITIES_IN_TEXT:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


# Line breaks written as HTML tags in a plain text, as a dataset kept them (the IMDb reviews' "…deadly
# secret" according to film's official synopsis. <br /><br />You really should…", whose tags had been
# shown in a summary and key points): read as the breaks they are where the text has BREAKS_IN_TEXT
# of them or more (a pair is a paragraph's end); a note on HTML that names one tag keeps it.
BREAKS_IN_TEXT = 2
_BREAK = re.compile(r"[ \t]*</?br\s*/?>[ \t]*", re.I)  # "</br>" too, as some pages write it


def text_breaks(text: str, at_least: int = BREAKS_IN_TEXT) -> str:
    """Plain ``text`` with its HTML line breaks read, where it has ``at_least`` of them (see
    ``BREAKS_IN_TEXT``)."""
    if "<" not in text or len(_BREAK.findall(text)) < at_least:
        return text
    return _BREAK.sub("\n", text)


# A page's placeholder for an embedded player or picture, left in its Markdown copy with the emphasis that
# wrapped it ("\\[video.1\\] ****\\****", a Kompas story's, whose "[video.1] **" had opened a key point).
_EMBED_PLACEHOLDER = re.compile(
    r"\[(?:video|image|img|photo|foto|audio|embed|gallery|galeri)[._ -]?\d{1,3}\](?:[ \t]*\*+)?", re.I
)


def _without_placeholders(line: str) -> str:
    out = _EMBED_PLACEHOLDER.sub(" ", line)
    return line if out == line else " ".join(out.split())  # the words around it, one space apart


def inline_to_text(line: str) -> str:
    """One line of Markdown as prose: links become their text, images go; emphasis and HTML tags go, and
    so does a list item's tag in brackets before its link ("* [puzzle] [The battle for…](…)") and a credit
    in brackets that is only a link ("（[出处](…)）", "([source](…))"), a footnote's marker and a task
    list's box, and struck-out text. A code span shows what it holds, and a backslash escape the
    character it escapes."""
    if "[" in line:  # a placeholder as written, and below as a backslash escape writes it
        line = _without_placeholders(line)
    line, held_literals = _hold_literals(line)
    line = _SUPERSCRIPT.sub(lambda m: _superscript(m.group(1), held_literals), line)
    line = FOOTNOTE_MARK.sub("", _TASK_BOX.sub(r"\1", line))
    line = _CREDIT_LINK.sub("", _ITEM_TAG.sub(r"\1", _IMAGE.sub("", line)))
    line = _SPACE_BETWEEN_CJK_LINKS.sub(r"\1", line)
    if ":" in line:
        line = _SHORTCODE.sub("", line)
    held = "](" in line and "\ue0f0" not in line and "\ue0f1" not in line  # not where the text uses them itself
    if held:
        line = _TAG_AFTER_LINK.sub("\\1\ue0f0\\2\ue0f1", line)
    line = _REFERENCE_LINK.sub(r"\1", _INLINE_LINK.sub(lambda m: m.group(1) or m.group(2), line))
    prose = _SINGLE_EMPHASIS.sub(r"\1", _EMPHASIS.sub("", strip_tags(_STRUCK.sub("", line))))
    prose = prose.translate(_HELD_BRACKETS) if held else prose
    if "&" in prose:  # after the tags went: "&lt;textarea>" is the element's name, no tag
        prose = _ENTITY.sub(lambda m: html.unescape(m.group(0)), prose)
    prose = _shown_literals(prose, held_literals)
    return _without_placeholders(prose) if "[" in prose else prose


# What a code span holds is shown as written: "`UnsafePointer<T>`" and "the `<form>` element" hold no HTML
# tags (Swift Weekly Brief's had read "UnsafePointer", "the  element"), "`__consuming`" no emphasis (it
# had read "consuming"), "`[Mutable]Collection`" no link. So is a character a backslash escapes (CommonMark):
# trafilatura writes a web page's "snake_case", "5 * 3" and "[sic]" as "snake\_case", "5 \* 3" and
# "\[sic\]", which had read "snake\_case", "5 \ 3" and "\sic\". Each span and escape is held by a
# private-use character while the line's markup is read. Markdown outputs write a "<" as ``&lt;`` and
# escape emphasis marks again (``markdown.as_markdown_text``).
_HELD_BASE = 0xE100
_HELD = re.compile("[\ue100-\ue1ff]")
_LITERAL = re.compile(CODE_SPAN + r"|\\(?P<escaped>[!-/:-@\[-`{-~])")


def _hold_literals(line: str) -> tuple[str, list[str]]:
    """``line`` with each code span and backslash escape replaced by a private-use character, and what
    each shows."""
    if _HELD.search(line):  # the text uses those characters itself: read as it is
        return line, []
    held: list[str] = []

    def hold(m: re.Match[str]) -> str:
        if len(held) > 0xFF:
            return m.group(0)
        if m.group("escaped"):
            held.append(m.group("escaped"))
        else:
            inner = m.group(0)[len(m.group("ticks")) : -len(m.group("ticks"))]
            # CommonMark strips one space at each end when both are there ("`` `a` ``" shows "`a`").
            held.append(inner[1:-1] if len(inner) > 2 and inner[0] == inner[-1] == " " and inner.strip() else inner)
        return chr(_HELD_BASE + len(held) - 1)

    return _LITERAL.sub(hold, line), held


def _shown_literals(text: str, held: list[str]) -> str:
    """``text`` with each character :func:`_hold_literals` put in replaced by what it held."""
    return _HELD.sub(lambda m: held[ord(m.group(0)) - _HELD_BASE], text) if held else text


# A superscript written as HTML in Markdown reads as a page shows it (``page_markup.shown_superscript``):
# "…120 km long<sup>[1]</sup> and…" had read "…long1 and…" or "…long[1] and…", "500 km<sup>2</sup>"
# "500 km2"; "21<sup>st</sup>" reads "21st".
_SUPERSCRIPT = re.compile(r"<sup>([^<>\n]{1,40})</sup>", re.I)


def _superscript(inner: str, held: list[str]) -> str:
    shown = shown_superscript(_shown_literals(inner, held))
    return inner if shown is None else shown


def strip_tags(text: str) -> str:
    """``text`` without its HTML tags; a line break's or a block's tag parts the words on either side."""
    # A line break or a block's edge parts two words ("one<br>two" had read "onetwo" in a newsletter's
    # item, a README's "<td>cell one</td><td>cell two</td>" "cell onecell two"); other tags sit inside
    # or around words ("<b>bold</b>word").
    return _HTML_TAG.sub("", _BLOCK_TAG.sub(" ", LINE_BREAK.sub(" ", text)))


_BLOCK_TAG = re.compile(
    r"</?(?:td|th|tr|table|thead|tbody|p|div|li|ul|ol|dt|dd|dl|h[1-6]|section|article|blockquote|details|summary)"
    r"\b[^<>]*>",
    re.I,
)
