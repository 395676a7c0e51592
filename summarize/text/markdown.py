"""Markdown structure shared by the readers (inputs), the hook and the document translator.

One definition of front matter, fences and reference definitions, so that the three agree on
where a document's prose starts and which lines are markup; and the one right-to-left wrap that
every Markdown output (summaries, the hook's block, translated documents) uses.
"""

from __future__ import annotations

import re
from typing import Any

from .languages import is_rtl

EOL = r"(?:\r\n|\n|\r)"
# One line and its ending (CommonMark's line endings only: \r\n, \n or \r; not \v, \f or U+2028).
LINE = re.compile(rf"[^\r\n]*{EOL}|[^\r\n]+\Z")
# YAML (---) or TOML (+++) front matter at the very top.
FRONT_MATTER = re.compile(rf"\A(---|\+\+\+)[ \t]*{EOL}.*?{EOL}(?:---|\+\+\+|\.\.\.)[ \t]*(?:{EOL}|\Z)", re.S)
# Pelican/Markdown-meta headers: "Key: value" lines at the very top, ended by a blank line (not included).
HEADER_BLOCK = re.compile(rf"\A(?:[A-Z][A-Za-z_-]*:[^\r\n]*{EOL})+(?=[ \t]*{EOL})")
# …and an RFC template's fields, two or more, list items or not, their names of up to four words ("- Feature
# Name: `dyn-trait`", "- Start Date: 2018-10-19", "- RFC PR: (leave this empty)": Rust's and React's RFCs,
# whose "React Issue: (leave this empty)." had opened a summary).
_FIELD_ROW = rf"(?:[-*][ \t]+)?[A-Z][A-Za-z_-]*(?: [A-Za-z_-]+){{0,3}}:[ \t][^\r\n]{{0,80}}{EOL}"  # short values
FIELD_BLOCK = re.compile(rf"\A[ \t]*{EOL}?(?:{_FIELD_ROW}){{2,}}(?=[ \t]*{EOL})")
# A fence opens a code block: up to 3 spaces, then 3+ backticks or tildes.
FENCE_MARK = r"`{3,}|~{3,}"  # a code fence's marker
FENCE_OPEN = re.compile(rf"^ {{0,3}}({FENCE_MARK})")
# [label]: destination — a link reference definition (markup, never prose).
REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+")
# An ATX heading: up to 3 spaces, 1-6 "#", a space, its text (group 2) and optional closing "#"s after a
# space ("## C#" keeps its "#"). One definition for the prose reader, the newsletter outline and stdin.
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
# A link's destination and optional title, as CommonMark reads them: no space in the address, and one
# level of balanced parentheses inside it ("(https://x.dev/blog/feature(slice_patterns)/)", where the
# first ")" had ended the link and left "/)" in the prose).
LINK_TARGET = r"\((?:[^\s()]|\([^\s()]*\))*(?:\s+\"[^\"\n]*\")?\)"
# A link's text between its brackets: a code span may hold brackets ("[Add a new attribute, `#[isa]`](…)"),
# and so may the text itself, balanced one deep, as CommonMark allows ("[Jane Doe [back Nov 5]](…)",
# This Week in Matrix's names). One definition for the prose reader's link-only lines and the inline reader.
# A backtick with no closing one on its line is a character (possessive: a span is read one way only).
LINK_TEXT = r"(?:[^\[\]`]|`(?:[^`\n]*`)?+|\[[^\[\]\n]*\])*"
# An inline code span (CommonMark): a run of backticks, the code, and a run of as many; a longer or shorter
# run inside is code ("``a`b``", "```x```"). One definition for the prose reader, which keeps what a span
# shows, and the document translator, which keeps it byte for byte. A pattern to embed (group "ticks").
CODE_SPAN = r"(?<![`\\])(?P<ticks>`+)(?!`)[^\n]+?(?<!`)(?P=ticks)(?!`)"
# A code span wrapped over two or more lines of its paragraph (CommonMark allows it; hard-wrapped
# documents have them): no blank line, list item, heading or quote starts inside it.
_WRAPPED_CODE_SPAN = re.compile(
    r"(?<![`\\])(`+)(?!`)((?:[^`\n]|\n(?![ \t]*(?:\n|>|#|[-*+][ \t]|\d{1,9}[.)][ \t])))+?)\1(?!`)"
)


# A link's (or an image's) text wrapped over lines of its paragraph, before its target or reference
# ("Please refer to [the migration" then "guide](https://…) for"): the same lines may not start inside
# it as inside a code span, but a blockquote's own lines go on (their markers go with the break).
_WRAPPED_LINK_TEXT = re.compile(
    r"(?<!\\)\[(?=[^\[\]\n]*\n)((?:[^\[\]\n]|\n(?![ \t]*(?:>[ \t]?)*[ \t]*(?:\n|$|#|[-*+][ \t]|\d{1,9}[.)][ \t])))"
    r"{1,500}?)\](?=[(\[])"
)
_QUOTED_BREAK = re.compile(r"[ \t]*\n[ \t]*(?:>[ \t]?)*[ \t]*")


def unwrap_spans(md: str) -> str:
    """``md`` with each code span that wraps over lines on one line (its line breaks read as spaces, as
    CommonMark reads them), so a reader that reads a line at a time sees the span whole: "`@click.command()"
    and "@click.option(…)`" on two lines had read as prose with their backticks, and a tag inside such a
    span ("`<p>`") was taken for markup. So is a link's text: "[the migration" and "guide](https://…)"
    had read as prose with its brackets and its address."""
    # A paragraph's continuation line loses its indentation before inline reading, in a span too.
    md = _WRAPPED_CODE_SPAN.sub(lambda m: re.sub(r"[ \t]*\n[ \t]*", " ", m.group(0)), md)
    return _WRAPPED_LINK_TEXT.sub(lambda m: f"[{_QUOTED_BREAK.sub(' ', m.group(1))}]", md)


# A task list's box ("- [x] Ship it", "- [ ] Tests", "[✓]"): no word of its item. One definition for the
# prose reader and the newsletter outline. A pattern to embed.
TASK_BOX = r"\[[ xX✓]\]"
# An HTML comment: markup, never prose.
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A blockquote's markers at the start of a line ("> ", "> > "). One definition for the reader and the outline.
BLOCKQUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
# The summary block the pre-commit hook writes: the tool's output, never part of the text it summarizes
# (the boilerplate finder and the newsletter outline leave it out). One pattern for both.
SUMMARY_BLOCK = re.compile(r"<!--[ \t]*summarize:start\b.*?<!--[ \t]*summarize:end\b.*?-->", re.S)
# Site-generator template tags ({% include x.html %}, {{ page.title }}) are markup, not prose.
TEMPLATE_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
# A list item's marker: CommonMark's bullets "-", "+", "*" and ordinals of 1-9 digits with "." or ")",
# each followed by a space or tab; typographic bullets "•", "·" and Chinese/Japanese ordinals "1、", "1．",
# written with no space after them. Never the start of a number or of emphasis: "1.5 million", "-5 °C"
# and "*new*" start no list item. One definition for the readers, the engines, the model output's
# points and the document translator.
_SPACED = r"[-*+]|\d{1,9}[.)]"  # markers a space or tab must follow
_TIGHT = r"[•·]|\d{1,9}[、．]"  # markers written close to their text
LIST_MARKER = rf"(?:(?:{_SPACED})[ \t]+|(?:{_TIGHT})[ \t]*)"
LIST_ITEM = re.compile(rf"^[ \t]*{LIST_MARKER}(?=\S)")
# A list marker with nothing after it (a model's empty point "-", "2.").
_BARE_MARKER = re.compile(rf"[ \t]*(?:{_SPACED}|{_TIGHT})[ \t]*")
# A numbered item's number (group 1), for telling a list from a wrapped line that starts with a number.
ORDINAL_ITEM = re.compile(r"[ \t]*(\d{1,9})(?:[.)][ \t]|[、．])")


def section_level(levels: list[int]) -> int | None:
    """A document's section level, from its headings' levels in order: the level of the first heading whose
    level is used twice or more (a lone "#" title over "##" sections is no section); None when no level
    repeats. The first such, not the shallowest: This Week in Rust 434 sets its sections as "##" and its
    last two as "#" ("# Rust Jobs", "# Quote of the Week"), which had made those two its only sections (a
    later, shallower heading is a section of its own in the newsletter outline). One rule for the
    newsletter outline and the changelog reader."""
    return next((level for level in levels if levels.count(level) >= 2), None)


def front_matter(text: str) -> re.Match[str] | None:
    """The front matter (YAML/TOML), Pelican header block or template's fields at the top of ``text``, if any."""
    return FRONT_MATTER.match(text) or HEADER_BLOCK.match(text) or FIELD_BLOCK.match(text)


def closes_fence(opening: str, line: str) -> bool:
    """Whether ``line`` closes a code block opened by the fence ``opening`` (CommonMark: the same
    character, at least as many, nothing after it)."""
    m = FENCE_OPEN.match(line)
    if not m:
        return False
    fence = m.group(1)
    return fence[0] == opening[0] and len(fence) >= len(opening) and not line[m.end() :].strip()


def without_list_marker(line: str) -> str:
    """``line`` without the list marker it starts with (and the indentation before it), if any."""
    m = LIST_ITEM.match(line)
    if m:
        return line[m.end() :]
    return "" if _BARE_MARKER.fullmatch(line) else line


def lines(text: str) -> list[str]:
    """The lines of ``text``, each with its own line ending (the last one may have none)."""
    return LINE.findall(text)


def fenced_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges ``(start, end)`` of the fenced code blocks of ``text``, in order.

    CommonMark rules: a fence of 3+ backticks or tildes indented up to 3 spaces opens a block; only
    a fence of the same character, at least as long and with nothing after it, closes it. A block
    runs from its opening line's start to its closing line's end (line ending included); an
    unclosed one runs to the end of the text. Any line ending counts (``\n``, ``\r\n``, ``\r``).
    """
    spans: list[tuple[int, int]] = []
    opened: tuple[str, int] | None = None
    for line in LINE.finditer(text):
        if opened is None:
            fence = FENCE_OPEN.match(line.group(0))
            if fence:
                opened = (fence.group(1), line.start())
        elif closes_fence(opened[0], line.group(0)):
            spans.append((opened[1], line.end()))
            opened = None
    if opened is not None:
        spans.append((opened[1], len(text)))
    return spans


# An HTML block of preformatted text is code. Not a <table>: READMEs lay out prose with them (a cell per
# project, its logo and a sentence about it). Nor are a style sheet and a script prose (This Month in
# Servo's posts end in a <style> block: "_fig:not(#specificity) { width: 33em; … }" had been key points).
_DATA_BLOCK = re.compile(r"\s*<(?:pre|style|script|textarea)[\s>]", re.I)
# A tag written over several lines in an HTML block ('<img src="…"' over '    alt="Servo displaying
# <ul type>…">'), its quoted values read whole: it goes as the line reader strips a tag on one line (its
# attributes had been a summary's first words).
_TAG_OVER_LINES = re.compile(r"""<[A-Za-z][^<>"']*(?:(?:"[^"]*"|'[^']*')[^<>"']*)*>""")


# A GitHub alert's marker, the first line of its blockquote ("> [!NOTE]"): a label, no words of the text.
_ALERT = re.compile(r"^( {0,3}>[ \t]*)\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$", re.M | re.I)


# An admonition's marker line (MkDocs, Python-Markdown: '!!! note "Title"', '??? tip', '???+ warning'): a
# label, no words of the text; its body is the lines indented under it. One definition for the reader
# and the translator.
ADMONITION = re.compile(r"^ {0,3}(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[^\n]*)?$", re.M)


def _admonition_body(token: Any, rows: list[str]) -> bool:
    """Whether ``token`` is an indented block under an admonition's marker: its body (MkDocs,
    Python-Markdown), prose, where CommonMark alone reads code."""
    if token.type != "code_block" or not token.map:
        return False
    above = next((row for row in reversed(rows[: token.map[0]]) if row.strip()), "")
    return bool(ADMONITION.match(above))


def _dedented(line: str) -> str:
    return line[4:] if line.startswith("    ") else line.lstrip("\t")


def _block_tokens(md: str) -> list[Any]:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").parse(md)


def _tag_over_lines(m: re.Match[str]) -> str:
    return " " if "\n" in m.group(0) else m.group(0)


def _is_code(token: Any) -> bool:
    return token.type in ("fence", "code_block") or (
        token.type == "html_block" and bool(_DATA_BLOCK.match(token.content))
    )


def code_lines(md: str) -> set[int]:
    """Indices of the lines of ``md`` (split at CommonMark's line endings, as :func:`lines` splits) that
    are code: fenced and indented code blocks anywhere (in a list item or a blockquote too) and HTML
    ``<pre>`` blocks, but not an admonition's indented body. One reading of what is code for the prose
    reader (:func:`prose_markdown`) and the document translator, which keeps those lines as they are."""
    rows = [row.rstrip("\r\n") for row in lines(md)]
    return {
        n
        for token in _block_tokens(md)
        if token.map and _is_code(token) and not _admonition_body(token, rows)
        for n in range(*token.map)
    }


def prose_markdown(md: str) -> str:
    """``md`` (``\n`` line endings, no front matter) without what is never prose: code blocks (fenced,
    and indented by four spaces: CommonMark's "indented code", which a README's examples often are),
    GFM tables (data, never a sentence or a key point) and HTML ``<pre>`` blocks; an empty line stands
    in for each, since a block still ends the paragraph before it. A setext heading (a line underlined
    with "===" or "---") is written as the ATX heading it is ("# Title"), so it names its section as
    "# Title" does, and a GitHub alert's marker ("> [!NOTE]") goes, as does an admonition's ("!!! note"),
    whose indented body is prose. HTML comments and site-generator template tags go too, and a code
    span or a link's text wrapped over lines is put on one (:func:`unwrap_spans`). The prose reader and the
    newsletter outline both read this, and nothing else, as a document's prose lines.

    markdown-it-py (CommonMark, with GFM's tables) says which lines are which: an indented line is
    code after a paragraph's blank line and no list item, but a list item's own text inside one, and
    "---" under a paragraph's line is a heading, after a blank line a thematic break; rules of thumb
    had read every indented code example as prose and every setext heading as a sentence.
    """
    rows = _COMMENT_LINE.sub("", md).split("\n")
    md = "\n".join(rows)
    replaced: dict[int, tuple[int, str]] = {}  # first line -> (end line, what stands in)
    tokens = _block_tokens(md)
    for i, token in enumerate(tokens):
        if token.map is None:
            continue
        start, end = token.map
        if _admonition_body(token, rows):
            replaced.setdefault(start, (end, "\n".join(_dedented(row) for row in rows[start:end])))
        elif _is_code(token) or token.type == "table_open":
            replaced.setdefault(start, (end, ""))
        elif token.type == "html_block" and "\n" in token.content.rstrip("\n"):
            block = "\n".join(rows[start:end])
            replaced.setdefault(start, (end, _TAG_OVER_LINES.sub(_tag_over_lines, block)))
        elif token.type == "paragraph_open" and end - start > 1 and _image_only(tokens[i + 1]):
            replaced.setdefault(start, (end, ""))
        elif token.type == "heading_open" and token.markup in ("=", "-") and token.level == 0:
            text = " ".join(tokens[i + 1].content.split())
            replaced.setdefault(start, (end, f"{'#' * int(token.tag[1])} {text}" if text else ""))
    out: list[str] = []
    i = 0
    while i < len(rows):
        if i in replaced:
            end, stand_in = replaced[i]
            out.append(stand_in)
            i = max(end, i + 1)
        else:
            out.append(rows[i])
            i += 1
    prose = ADMONITION.sub("", _ALERT.sub(r"\1", "\n".join(out)))
    prose = _HEADING_ATTRIBUTES.sub(r"\1", _KRAMDOWN_ATTRIBUTES.sub("", _KRAMDOWN_TOC.sub("", prose)))
    return unwrap_spans(TEMPLATE_TAG.sub("", HTML_COMMENT.sub("", prose)))


# Attributes a site generator reads and no reader sees. kramdown's (Jekyll's) attribute lists,
# "{:target="_blank"}", "{: .note}", "{:toc}" (a Portuguese blog's "o Facebook{:target="_blank"} não é…"),
# and the list item its table of contents replaces ("* Do not remove this line (it will not be displayed)"
# over "{:toc}", which had opened that post's summary); Pandoc's and kramdown's attributes after a heading
# ("## January 19, 1993 {#week1}", the title of John Baez's first "This Week's Finds").
_KRAMDOWN_TOC = re.compile(r"^[ \t]*(?:[*+-]|1\.)[ \t][^\n]*\n[ \t]*\{:\s*\.?toc\s*\}[ \t]*$", re.M)
_KRAMDOWN_ATTRIBUTES = re.compile(r"[ \t]*\{:[^{}\n]*\}")
_HEADING_ATTRIBUTES = re.compile(r"^(#{1,6}[ \t].*?)[ \t]+\{[#.][^{}\n]*\}[ \t]*#*[ \t]*$", re.M)


# A paragraph that is one picture, its description over several lines (a paper's figure in Pandoc, "![Neural
# networks come in many different forms.\nLeft: a key…\nAutoencoder: a type of MLP…](images/zoo.svg){#fig:zoo}",
# whose lines had been read as prose, one a key point), maybe with its attributes: no prose, as a one-line
# picture is none (:mod:`.inline`).
_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*")
# A comment on a line of its own between two lines of a paragraph (the figure's "<!-- Figure source at … -->"
# above): read as an HTML block, it had ended the paragraph, and the picture with it, where it goes unseen.
_COMMENT_LINE = re.compile(r"(?<=[^\n]\n)[ \t]*<!--(?:(?!-->)[^\n])*-->[ \t]*\n(?=[^\n])")


def _image_only(inline: Any) -> bool:
    children = [c for c in (inline.children or []) if c.type not in ("softbreak", "hardbreak")]
    rest = [c for c in children if c.type != "image"]
    return len(children) > len(rest) and all(c.type == "text" and _ATTRIBUTES.fullmatch(c.content) for c in rest)


# "<" before a letter, "/", "!" or "?" opens an HTML tag, a comment or a declaration where Markdown is rendered.
_TAG_OPENER = re.compile(r"<(?=[A-Za-z/!?])")
# Marks that open or close emphasis or code where Markdown is rendered: every "*" and backtick, and a "_"
# not between two letters or digits ("snake_case" is a word; "__consuming" would be bold).
_EMPHASIS_MARK = re.compile(r"[*`]|(?<![^\W_])_|_(?![^\W_])")


def as_markdown_text(text: str) -> str:
    """``text`` (a summary sentence or a point) to stand in Markdown as written: a "<" that would open an
    HTML tag is written ``&lt;`` ("UnsafePointer<T>", "the <form> element", words a code span of the
    source showed, would otherwise be read as tags and hidden, or rendered), and a mark of emphasis or
    code is escaped ("`__consuming`" shows "__consuming", which would be rendered bold; "s***"); a web
    address stays as written, so it still links ("https://x.org/_drafts")."""
    out, last = [], 0
    for m in _BARE_URL.finditer(text):
        out += [_escaped(text[last : m.start()]), m.group(0)]
        last = m.end()
    return "".join([*out, _escaped(text[last:])])


_BARE_URL = re.compile(r"(?:https?://|www\.)\S+")


def _escaped(text: str) -> str:
    return _EMPHASIS_MARK.sub(lambda m: "\\" + m.group(0), _TAG_OPENER.sub("&lt;", text))


def rtl_block(markdown: str, lang: str) -> str:
    """Markdown wrapped so right-to-left text is laid out as such (blank lines keep it Markdown)."""
    if not is_rtl(lang):
        return markdown
    return f'<div dir="rtl" lang="{lang}">\n\n{markdown.strip(chr(10))}\n\n</div>\n'


def wrap_rtl_document(text: str, lang: str) -> str:
    """A whole Markdown document in ``lang`` wrapped by :func:`rtl_block` (unchanged if left to right).

    Front matter stays the file's first lines (site generators look for it there), followed by a
    blank line (it ends a Pelican header block); the wrap's lines use the document's own line
    ending (CRLF files stay CRLF).
    """
    if not is_rtl(lang):
        return text
    head = front_matter(text)
    cut = head.end() if head else 0
    body = text[cut:].replace("\r\n", "\n")
    eol = "\r\n" if len(body) < len(text) - cut else "\n"
    return text[:cut] + (eol if cut else "") + rtl_block(body, lang).replace("\n", eol)
