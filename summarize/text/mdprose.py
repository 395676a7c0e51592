"""Markdown read as prose: front matter and headers give the title, headings are marked, code, link-only
lines and reference definitions are left out, attributed blockquotes become quotes (:func:`read_markdown`).
Every Markdown input reads through here: a ``.md`` file, a web page (trafilatura writes Markdown), a
reStructuredText or Word file (as a page, as Markdown), and the boilerplate and newsletter passes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .calls import FURNITURE_SECTION
from .frontmatter import read_header
from .inline import LINE_BREAK, inline_to_text, without_citations
from .joined import with_stop
from .markdown import BLOCKQUOTE, LINK_TARGET, LINK_TEXT, LIST_ITEM, prose_markdown
from .markdown import HEADING as _HEADING
from .markdown import LIST_MARKER as _LIST_MARKER
from .markdown import REFERENCE_DEFINITION as _REFERENCE_DEFINITION
from .quotes import ATTRIBUTION
from .tidy import tidy_text

# A link alone on its line, or after a short label ("2018年的本周：[第 6 期](…)", 科技爱好者周刊's pointer to a
# back issue, "Source: [Reuters](…)"), or before a short tag in brackets (its "5、[定价的42种技巧](…)（英文）", a
# story's title and its language): a pointer to another page, no prose. Both had been summary sentences of
# lone issues. The label holds no link, bracket or colon (no web address either).
# An HTML link alone on its line is one too, and so is a bar's separator alone: a README's centred
# "<a href=…>About</a>" / "·" / "<a href=…>Documentation</a>" and its "<a href=…>English</a> |" /
# "<a href=…>简体中文</a> |" (its translations) had read "About · Documentation · Install" and
# "English | Deutsch | Français |…", the first sentences of two summaries. A tag in brackets may lead the
# link: This Week in Rust's "[video] [Rust 1.75.0: 54 highlights in 20 minutes!](…)" had opened a summary,
# and its "[disposition: merge] [Stabilize …](…)" had read "disposition: merge Stabilize …" as prose. A code
# span in the link's text may hold brackets ("[Add a new attribute, `#[isa]`](…)"), and so may the text
# itself, balanced one deep ("[Official /r/rust "Who's Hiring" thread … [Rust 1.41]](…)": ``LINK_TEXT``).
_LINK_ONLY = re.compile(
    rf"^\s*{_LIST_MARKER}?(?:[^\[\]()\n:：]{{1,40}}[:：][ \t]*)?(?:\[[^\[\]\n]{{1,30}}\][ \t]+){{0,2}}"
    rf"(?:\[{LINK_TEXT}\]{LINK_TARGET}|<?https?://\S+>?|<a\b[^<>]*>(?:(?!</?a\b)[^\n])*</a>)"
    r"(?:[ \t]*[（(][^（()）\n]{1,12}[)）])?[\s.,;:|·•]*$|^\s*[|·•]\s*$"
)
# An empty link, the frame of a picture the page's converter dropped: a line of links with one among them
# is a banner's ("[](…) [He is now CEO of Sidero Labs.](…) [](…)", a sponsor's block in a translated The New
# Stack article, which had opened its summary), a pointer as a link alone is.
_EMPTY_LINK = re.compile(r"\[\]\([^()\s]*\)")
_STOPS = ".!?。؟۔:"  # sentence ends, Latin, CJK, Arabic and Urdu
# A heading written as HTML on one line ('<h1 align="center">HTTPX2</h1>', as READMEs center their name),
# or a disclosure's label ("<summary>Install on Windows</summary>"), which names what it hides as a
# heading names its section: neither is a sentence of the text.
_HTML_HEADING = re.compile(r"^\s*<(h[1-6]|summary)\b[^>]*>(.*?)</\1>\s*$", re.I)


# A section's common name in English, which names a part of any document, not a document: no title.
_SECTION_NAME = re.compile(
    r"^(?:introduction|overview|about|abstract|summary|description|background|preface|foreword|features"
    r"|key features|main features|installation|install|usage|getting started|quick ?start|documentation"
    r"|contents|table of contents|readme|what is (?:it|this)|why)[\s.:?!]*$",
    re.I,
)
# A heading that says what kind of document follows, over its headline ("# PRESS RELEASE" over "## Island-wide
# roadside survey indicates…", a university's release, whose title had been "PRESS RELEASE"): the next
# heading is the title, whatever prose (a "Prepared by" line, a date) comes between.
_KIND_LABEL = re.compile(
    r"^(?:(?:press|news|media)\s+release|for\s+immediate\s+release|media\s+advisory|news\s+advisory"
    r"|(?:joint\s+)?press\s+statement|announcement)[\s.:!]*$",
    re.I,
)
# How a line of prose ends when its sentence goes on to the next line: a word, a comma, a dash.
_GOES_ON = re.compile(r"[\w,;\u2013\u2014-][*_]*$")


def _goes_on(before: str, line: str) -> bool:
    """Whether ``line``, a link alone on its line, is a wrapped part of the sentence ``before`` it: "…capable
    of splitting," then "[merging](…)," then "[cropping, and transforming](…)" then "the pages of PDF
    files." (pypdf's README), a soft break within one paragraph. Dropped as a pointer, the sentence had
    lost the words its links are ("capable of splitting, the pages of PDF files"). A list item is its own
    block, and a link after a line that ended its sentence or a colon is a pointer still."""
    if not before.strip() or LIST_ITEM.match(line):
        return False
    return bool(_GOES_ON.search(inline_to_text(before).rstrip()))


def _banner(line: str) -> bool:
    """Whether ``line`` is made of links, an empty one among them (:data:`_EMPTY_LINK`)."""
    rest, emptied = _EMPTY_LINK.subn(" ", line)
    return bool(emptied) and (not rest.strip() or bool(_LINK_ONLY.match(rest.strip())))


# A paper's back matter, by its section's heading: who funded and helped it, its references, who wrote what
# ("The work at Stony Brook was supported by DOE/Office of Nuclear Physics grant…", "We thank Jeremy Hemberger
# and Genevieve Pugesek for beta testing…": key points of three JOSS papers). No prose of the paper's own.
# And a meeting's roster: its minutes' "## Present" over "* Rod Vagg (TSC)", "## Next Meeting"
# over "2016-03-24" (the Node.js TSC's, whose names and date had been three of five key points).
BACK_MATTER = re.compile(
    r"^(?:acknowledge?ments?|funding(?: information)?|references|bibliography|works cited|author contributions"
    r"|competing interests|conflicts? of interest|致谢|参考文献"
    # and, since the thirty-third session, sources and further reading in English and other languages (a Turkish
    # post's "## Ek Kaynaklar", "Additional sources", whose entries had been a summary sentence and a key point)
    r"|sources|further reading|see also|external links|(?:ek )?kaynaklar|kaynakça|literatur|quellen|einzelnachweise"
    r"|weblinks|références|bibliographie|referencias|bibliografía|fuentes|referências|bibliografia|fontes|fonti"
    r"|литература|источники|ссылки|referensi|daftar pustaka|bronnen|referenties|przypisy|źródła"
    r"|present|(?:in )?attendance|attendees|participants|absent|regrets|apologies|(?:next|upcoming) meeting"
    r")[\s.:]*$",
    re.I,
)
# A table's caption as Pandoc writes it under (or over) the table: "Table: Data frame output by the `bumbl()`
# function showing estimates…" (a summary sentence); the table itself is no prose.
_TABLE_CAPTION = re.compile(r"^Table:[ \t]+\S")


def _link_labels(md: str) -> frozenset[str]:
    """The labels ``md``'s reference definitions define links for, in lower case ("[@kooparse]: https://…")."""
    return frozenset(
        line.strip()[1 : line.strip().index("]")].strip().lower()
        for line in md.split("\n")
        if _REFERENCE_DEFINITION.match(line)
    )


# A sponsor's section: an advertisement ("## Freshbooks - Sponsor", "## Sponsor: Linode", "## Our Sponsors",
# "## Sponsored by Sentry"; Syntax's show notes, whose summary had quoted its conference sponsor's blurb,
# "Developers, software engineers… flock to Fluent…").
SPONSOR_SECTION = re.compile(r"^\W*(?:our\s+)?sponsor(?:s|ed\s+by)?\b|[-–—(:|]\s*sponsor(?:ed)?\W*$", re.I)


def is_furniture_section(heading: str) -> bool:
    """Whether a section under ``heading`` (as text) is no part of what a document says: a paper's back
    matter or a meeting's roster (:data:`BACK_MATTER`), a sponsor's (:data:`SPONSOR_SECTION`), a
    newsletter's archive, subscription or plugs (:data:`.calls.FURNITURE_SECTION`)."""
    return bool(BACK_MATTER.match(heading) or SPONSOR_SECTION.search(heading) or FURNITURE_SECTION.search(heading))


def _without_back_matter(lines: list[str]) -> list[str]:
    """``lines`` without the sections that are furniture (:func:`is_furniture_section`: the heading and its
    section, up to the next heading of its level or above) and without Pandoc's table captions."""
    out: list[str] = []
    skipping = 0  # the level of the back matter's heading, while in its section
    for line in lines:
        atx = _HEADING.match(line)
        if atx:
            level = len(atx.group(1))
            if skipping and level > skipping:
                continue
            skipping = level if is_furniture_section(inline_to_text(atx.group(2) or "").strip()) else 0
        if skipping or _TABLE_CAPTION.match(line):
            continue
        out.append(line)
    return out


# A definition of a definition list as Pandoc and PHP Markdown Extra write one (a term on its line, then
# ": its definition"; trafilatura writes a short page's <dl> so too).
_DEFINITION = re.compile(r"^[ \t]{0,3}:[ \t]+(?=\S)")


def _joined_definitions(rows: list[str]) -> list[str]:
    """``rows`` with each term and its first definition on one line, "Model: An object structure…", as
    a page's ``<dl>`` reads (:mod:`.page_markup`), and a further definition of the term a paragraph of
    its own: "Model" / ": An object…" had read "Model : An object…", a second definition ": It also…"."""
    out: list[str] = []
    for row in rows:
        marker = _DEFINITION.match(row)
        if not marker:
            out.append(row)
            continue
        text = row[marker.end() :]
        term = out[-1].rstrip() if out else ""
        # A term is a line of its own (a paragraph's first, or a list item: ninja's "- $ followed by text").
        alone = len(out) < 2 or not out[-2].strip() or bool(LIST_ITEM.match(term))
        if term.strip() and alone and not _HEADING.match(term) and term[-1] not in _STOPS:
            out[-1] = f"{term}: {text}"
        else:
            out.extend(["", text])
    return out


def unify_eol(text: str) -> str:
    """``text`` with every line ending a ``\\n``."""
    # CRLF (Windows) and lone CR (old Mac) both become "\n", so line-based rules see lines.
    return re.sub(r"\r\n?", "\n", text)


@dataclass(frozen=True)
class MarkdownProse:
    """What a Markdown input reads as: its prose, its title, and its headings (lines of the prose that
    name a part of it: no sentences of their own, so a summary never picks one)."""

    text: str
    title: str | None
    headings: tuple[str, ...] = ()
    published: str | None = None  # the header's date (ISO 8601), see :mod:`.frontmatter`
    author: str | None = None


def read_markdown(md: str) -> MarkdownProse:
    """Prose of a Markdown article (no front matter, code blocks or link-only lines), its title and its
    headings (see :class:`MarkdownProse`)."""
    headings: list[str] = []
    md = unify_eol(md)
    links = _link_labels(md)
    header = read_header(md)
    title = header.title if header else None
    md = prose_markdown(md[header.end :] if header else md)
    titled = title is not None  # a title is found: front matter's, a header's, a heading's
    labelled = False  # the title found is a kind's label (``_KIND_LABEL``): the next heading is the title
    lines: list[str] = []
    before = ""  # the line before, as read, when it was prose that goes on to this one
    item = False  # the line before was a list item's, kept as prose
    for line in mark_attributed_quotes(_joined_definitions(_without_back_matter(md.split("\n")))):
        if item and BLOCKQUOTE.match(line) and not lines[-1].rstrip().endswith(tuple(_STOPS)):
            # An item's title, then the blurb it quotes (Haskell Weekly's "- [Title](…) by Jane Doe" over
            # "  > Today I want to show you…"): the title is a sentence of its own, as a heading is.
            # Without a stop the two had read as one, "…sliding windows by Brent Yorgey “Today I want…".
            lines[-1] = with_stop(lines[-1].rstrip())
        item = bool(LIST_ITEM.match(line)) and not BLOCKQUOTE.match(line)
        # Quoted text is prose too (newsletters quote announcements); reference definitions are not.
        line = LINE_BREAK.sub("\n\n", BLOCKQUOTE.sub("", line))
        if (
            _REFERENCE_DEFINITION.match(line)
            or _banner(line)
            or (_LINK_ONLY.match(line) and not _goes_on(before, line))
        ):
            before, item = "", False
            continue
        before = line
        atx = _HEADING.match(line)
        if atx or (html := _HTML_HEADING.match(line)):
            heading = ((atx.group(2) if atx else html.group(2)) or "").strip()
            shown = inline_to_text(heading).strip()
            tag = f"h{len(atx.group(1))}" if atx else html.group(1).lower()
            # The title is the first top-level heading, or a heading of any level that nothing but
            # markup comes before: a README's "## Installation" after its first paragraph is a
            # section, not what the document is called. A disclosure's label names no document, nor
            # does a section's common name ("Introduction", "What is it?"), which the first heading
            # of a README without its name's heading is: that document has no title of its own.
            if labelled and shown and tag != "summary":
                titled, title, labelled = True, shown, False
            elif not titled and shown and (tag == "h1" or (tag != "summary" and not "".join(lines).strip())):
                titled, title = True, None if _SECTION_NAME.match(shown) else shown
                labelled = bool(_KIND_LABEL.match(shown))
            if shown:
                headings.append(shown)
            # A heading is its own paragraph, ended like a sentence of its script ("。" after Chinese, none
            # in a script without case, which has stops of its own) so it never runs into the next one.
            line = f"\n{with_stop(heading)}\n" if heading else ""
            before = ""
        lines.append(inline_to_text(without_citations(line, links)))
    body = "\n".join(lines)
    title = inline_to_text(title).strip() or None if title else None
    said = {"published": header.published, "author": header.author} if header else {}
    if title and body.strip().rstrip(_STOPS).strip() in ("", title.rstrip(_STOPS).strip()):
        return MarkdownProse("", title, **said)  # a title and nothing else: there is nothing to summarize
    text = tidy_text(re.sub(r"\n{3,}", "\n\n", body).strip())
    text, found = title_first(text, title, headings)
    return MarkdownProse(text, title, found, **said)


# A line that names who a blockquote above it quotes: "– [brundolf on Hacker News](…)", "— Jane Doe".
_ATTRIBUTION = re.compile(r"^[ \t]*" + ATTRIBUTION)
# "I", "I’ve", "my": a quotation's author speaking (English).
_FIRST_PERSON = re.compile(r"(?<![\w'’/-])(?:I(?:['’](?:m|ve|d|ll))?|[Mm]y)(?![\w'’/-])")


def mark_attributed_quotes(lines: list[str]) -> list[str]:
    """``lines`` with each paragraph of a blockquote that an attribution line follows ("> Rust is
    funny…" then "– brundolf on Hacker News") put in quotation marks: someone else's words (This Week in
    Rust's quote of the week), not the writer's, so a summary shows them as a quote; the attribution
    line ends each paragraph ("…as it needs to be.” – brundolf on Hacker News"). A blockquote with
    no attribution stays as it is (newsletters also set their own items as blockquotes: 科技爱好者周刊),
    unless it speaks in the first person singular in English: then it is someone's words too, a forum
    post a newsletter quotes ("I’ve been working on… String"), and shown as the writer's they would
    put the writer in its author's place."""
    out = list(lines)
    i = 0
    while i < len(out):
        if not BLOCKQUOTE.match(out[i]):
            i += 1
            continue
        start = i
        while i < len(out) and BLOCKQUOTE.match(out[i]):
            i += 1
        after = next((k for k in range(i, len(out)) if out[k].strip()), None)
        texts = [k for k in range(start, i) if BLOCKQUOTE.sub("", out[k]).strip()]
        attribution = ""
        if after is not None and _ATTRIBUTION.match(out[after]):
            attribution, out[after] = f" {out[after].strip()}", ""
        elif not any(_FIRST_PERSON.search(out[k]) for k in texts):
            continue
        for para in _runs(texts):
            first, last = para[0], para[-1]
            marker = BLOCKQUOTE.match(out[first]).group(0)  # type: ignore[union-attr]  # matched above
            out[first] = f"{marker}“{out[first][len(marker) :].lstrip()}"
            # Who said it ends each paragraph, not a line of its own: a fragment alone, it says whose words
            # they are beside them, wherever a paragraph is shown ("“…” – papaf on Hacker News").
            out[last] = f"{out[last].rstrip()}”{attribution}"
    return out


def _runs(indices: list[int]) -> list[list[int]]:
    """Consecutive runs in sorted ``indices`` (a blockquote's paragraphs: lines with no empty ">" between)."""
    runs: list[list[int]] = []
    for k in indices:
        if runs and k == runs[-1][-1] + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def title_first(text: str, title: str | None, headings: Sequence[str] = ()) -> tuple[str, tuple[str, ...]]:
    """``text`` opened by ``title`` as its first paragraph, unless it opens with it already, and ``headings``
    with the title among them: a title names the text, so it is never a sentence of its summary. The one
    rule of a Markdown file's, a web page's and a feed entry's title."""
    if title and title.rstrip(".!?") not in text[: len(title) + 200]:
        text, headings = f"{with_stop(title)}\n\n{text}", (*headings, title)
    return text, tuple(dict.fromkeys(h for h in headings if h))
