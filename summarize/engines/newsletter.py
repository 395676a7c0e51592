"""Key points for a Markdown newsletter: the issue's own items, one per section first.

A newsletter is a list of sections (headings), each a list of items (links with a line about
them, short stories under a numbered title, a paragraph per merged change). Its key points are
the lead items of its sections: the crate of the week, the first article, the first release, not
the editor's greeting before the first heading and not what every issue repeats.

When a document is a newsletter (``kind="auto"``, see :func:`is_newsletter`): Markdown with at
least ``MIN_SECTIONS`` sections (headings at the section level: the level of the first heading whose
level is used twice or more, so a single ``#`` title over ``##`` sections does not count, and a later,
shallower heading starts a section too; :func:`.markdown.section_level`), of which at least
``MIN_LINK_SECTIONS`` hold a link list (two or more lines that are list items or numbered items
with a link) — or, with fewer link lists, front matter or a title that names an issue ("Issue
#12", "Weekly", "This Week in", "Newsletter", "第 12 期", "周刊") — or of which ``MIN_STORY_SECTIONS`` and
two in three are a story with its link alone on a line (:attr:`Section.is_story`). ``kind="newsletter"`` takes any
Markdown with one section or more; ``kind="article"`` never.

How the key points are picked (:func:`newsletter_points`): sections in reading order; from each,
its first item that is not boilerplate (recurring in the folder's other issues, or a call to
action), not too short and not a repeat of the summary; one item per section until every
section has given one, then the second items, and so on. An item's key point is its first
sentence; a short title item followed by a paragraph (``1、[Title](url)`` then the story) gives
"Title: first sentence of the story".
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..text.calls import FURNITURE_LINE, is_call_to_action
from ..text.fragments import is_list_piece_end
from ..text.furniture import is_furniture, leads_in
from ..text.inline import CREDIT_WORD, inline_to_text
from ..text.joined import join_sentences
from ..text.markdown import (
    BLOCKQUOTE,
    HEADING,
    LINK_TARGET,
    LINK_TEXT,
    LIST_ITEM,
    REFERENCE_DEFINITION,
    SUMMARY_BLOCK,
    TASK_BOX,
    front_matter,
    prose_markdown,
    section_level,
    without_list_marker,
)
from ..text.mdprose import is_furniture_section, mark_attributed_quotes
from ..text.page_lines import CLOCK
from ..text.quotes import close_quote, trailing_attribution
from ..text.scripts import has_cjk
from ..text.sentences import split_sentences
from ..text.textsim import is_near_duplicate, tokens

KINDS = ("auto", "newsletter", "article")
MIN_SECTIONS = 3
MIN_LINK_SECTIONS = 2
# …or at least this many sections that are stories with their link on a line of its own (This Week in
# React's "## Hooks RFC Merged", a paragraph, then "https://github.com/…"), two in three of them.
MIN_STORY_SECTIONS = 5
# An item needs this many tokens to say something ("Online." does not).
MIN_ITEM_TOKENS = 3
# A title item (no final stop) this short is completed by the first sentence of the paragraph after it.
MAX_TITLE_TOKENS = 16
# Key points longer than this many tokens are cut back to their first sentence.
MAX_POINT_TOKENS = 60

_TASK_BOX = re.compile(rf"^{TASK_BOX}\s*")
_LINK = re.compile(rf"\[{LINK_TEXT}\]{LINK_TARGET}|<https?://[^>\s]+>|https?://\S+")
_LINK_ALONE = re.compile(rf"(?:{_LINK.pattern})[\s.]*")
_IMAGE_ONLY = re.compile(rf"^\s*(?:!\[[^\]]*\]{LINK_TARGET}\s*)+$")
# A table of contents' entry: a link to a part of the same document ("- [Where to get it](#where-to-get-it)").
_CONTENTS_ENTRY = re.compile(r"^\s*\[[^\]\n]*\]\(#[^()\s]*\)[\s.,;]*$")
_HTML_ONLY = re.compile(r"^\s*<[^>]+>\s*$")
_ISSUE_TITLE = re.compile(
    r"\bissue\s*#?\s*\d+|\bweekly\b|\bthis\s+week\s+in\b|\bnewsletter\b|\bdigest\b|第\s*\d+\s*期|周刊|周报", re.I
)
# A final stop, though emoji or a closing mark may follow it ("… over at Swift HQ. 🤖", "…it.)").
_FINAL_STOP = re.compile(r"[.!?。！？؟۔…:：][\s\W]*$")
# A paragraph that only numbers the part of a story after it ("1、", "2.", "(3)", "一、"): no prose.
_NUMBERING_ONLY = re.compile(r"^[(（]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）、.．]?$")
# Where a story was taken from, a label and its link ("原文网址：[澳大利亚 abc 广播网](…)", "Source: […]"):
# credit, not content, and no title for the paragraph after it.
_CREDIT = re.compile(rf"^(?:{CREDIT_WORD})\s*[:：]", re.I)
# A line that names who speaks in the blockquote under it, without a colon: This Week in Matrix's "[Thib
# (m.org)](…) says", "[HarHarLinks](…) reports" over each section's news (its key points had been those
# lines: "Aine don't DM reports").
_SPEAKER_LINE = re.compile(r"\b(?:says|said|reports|reported|announces|announced|writes|wrote|shares|shared)$")
# A list item ended by a comma or a semicolon: the list goes on one sentence ("…attrs gives you:" then
# "- a concise and explicit overview of the class's attributes,", "- an initializer,").
_LISTED_PART = re.compile(r"[,;]$")


@dataclass
class Block:
    """A list item or a paragraph of a section, as prose."""

    text: str
    is_item: bool  # a list or numbered item (else a paragraph)
    has_link: bool
    is_quote: bool = False  # a blockquote's paragraph
    link_only: bool = False  # a link or an address alone on its lines


@dataclass
class Section:
    """A heading at the section level and the blocks under it (subsections included)."""

    heading: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def is_story(self) -> bool:
        """Whether it is prose with its link alone on a line (a story and where to read it)."""
        return any(b.link_only for b in self.blocks) and any(not b.link_only for b in self.blocks)

    @property
    def link_items(self) -> int:
        """How many of its blocks are list items or lines that carry a link."""
        return sum(1 for b in self.blocks if b.has_link and (b.is_item or len(tokens(b.text)) <= MAX_TITLE_TOKENS))


@dataclass
class Outline:
    """A Markdown document's title, its intro (before the first section) and its sections."""

    title: str | None
    has_front_matter: bool
    sections: list[Section]


def _body_lines(md: str) -> tuple[list[str], bool]:
    """Lines of ``md`` without front matter, code blocks, comments, template tags or a summary block."""
    md = re.sub(r"\r\n?", "\n", md)
    fm = front_matter(md)
    if fm:
        md = md[fm.end() :]
    md = SUMMARY_BLOCK.sub("", md)
    # A quotation with its speaker, as the prose reader reads it: a point shows whose words they are.
    lines = mark_attributed_quotes(prose_markdown(md).split("\n"))
    return lines, fm is not None


def outline(md: str) -> Outline:
    """The sections of a Markdown document (see the module docstring for the section level)."""
    lines, has_fm = _body_lines(md)
    headings = [(i, len(m.group(1)), m.group(2) or "") for i, line in enumerate(lines) if (m := HEADING.match(line))]
    level = section_level([level for _, level, _ in headings])
    title = None
    if level is None:
        return Outline(inline_to_text(headings[0][2]).strip() if headings else None, has_fm, [])
    first = next(i for i, lv, _ in headings if lv == level)
    # A shallower heading after the first section starts one too ("# Rust Jobs" after "## Upcoming Events").
    starts = [(i, text) for i, lv, text in headings if lv == level or (lv < level and i > first)]
    above = [(i, text) for i, lv, text in headings if lv < level and i < first]
    if above and above[0][0] < starts[0][0]:
        title = inline_to_text(above[0][1]).strip()
    sections: list[Section] = []
    for k, (i, text) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        # A heading above the section level (another "#" part) also ends the section before it.
        end = min([end, *[j for j, _ in above if i < j < end]])
        sections.append(Section(inline_to_text(text).strip(), _blocks(lines[i + 1 : end])))
    return Outline(title, has_fm, sections)


def _blocks(lines: list[str]) -> list[Block]:
    """List items and paragraphs of a section's lines; subheadings, images and link definitions end blocks."""
    blocks: list[Block] = []
    current: list[str] = []
    is_item = False
    in_quote = False

    def flush() -> None:
        if current:
            raw = " ".join(current)
            text = " ".join(html.unescape(inline_to_text(raw)).split())
            text = _TASK_BOX.sub("", without_list_marker(text) if is_item else text).strip()
            if text and not _NUMBERING_ONLY.match(text):
                link_only = bool(_LINK_ALONE.fullmatch(without_list_marker(raw).strip()))
                blocks.append(Block(text, is_item, bool(_LINK.search(raw)), in_quote, link_only))
        current.clear()

    for line in lines:
        quoted = bool(BLOCKQUOTE.match(line))
        if quoted != in_quote:  # a blockquote starts or ends a paragraph, as Markdown reads it
            flush()
            in_quote = quoted
        line = BLOCKQUOTE.sub("", line)
        if not line.strip() or HEADING.match(line) or _IMAGE_ONLY.match(line) or _HTML_ONLY.match(line):
            flush()
            continue
        if REFERENCE_DEFINITION.match(line):
            flush()
            continue
        if LIST_ITEM.match(line):
            flush()
            is_item = True
            # A contents entry names a part of this document: no story, nor a link item that makes one.
            if _CONTENTS_ENTRY.match(without_list_marker(line)):
                continue
        elif not current:
            is_item = False
        current.append(line.strip())
    flush()
    return blocks


def is_newsletter(md: str, kind: str = "auto") -> bool:
    """Whether ``md`` reads as a newsletter (see the module docstring for the rule)."""
    if kind == "article":
        return False
    doc = outline(md)
    if kind == "newsletter":
        return bool(doc.sections)
    if len(doc.sections) < MIN_SECTIONS:
        return False
    link_sections = sum(1 for s in doc.sections if s.link_items >= 2)
    if link_sections >= MIN_LINK_SECTIONS:
        return True
    stories = sum(1 for s in doc.sections if s.is_story)
    if stories >= MIN_STORY_SECTIONS and 3 * stories >= 2 * len(doc.sections):
        return True
    named = doc.title or ""
    fm = front_matter(re.sub(r"\r\n?", "\n", md))
    if fm:
        named += " " + fm.group(0)
    return link_sections >= 1 and bool(_ISSUE_TITLE.search(named))


def _first_sentence(text: str, lang: str) -> str:
    sentences = split_sentences(text, lang)
    return sentences[0] if sentences else text


def _point(blocks: list[Block], k: int, lang: str) -> str:
    """The key point block ``k`` gives: its first sentence, a title completed by the story after it."""
    block = blocks[k]
    text = block.text
    nxt = blocks[k + 1] if k + 1 < len(blocks) else None
    if _completed_by_next(blocks, k):
        assert nxt is not None
        sep = "：" if has_cjk(text) else ": "
        text = f"{text.rstrip('：: ')}{sep}{_first_sentence(nxt.text, lang)}"
    elif (
        nxt is not None and not block.is_quote and _introduced(blocks, k + 1) and len(split_sentences(text, lang)) == 1
    ):
        # "Jordan Rose shared an update on SE-0192:" and the words he wrote, quoted below it: the point
        # is both, the speaker and the first sentence of what they said.
        text = f"{text} {_quoted(close_quote(_first_sentence(nxt.text, lang)))}"
    elif len(tokens(text)) > MAX_POINT_TOKENS:
        first = close_quote(_first_sentence(text, lang))  # a quotation's first sentence, closed
        by = trailing_attribution(text)  # "…” – skysch on rust-users" (``mdprose.mark_attributed_quotes``)
        text = f"{first} {by}" if by and not first.endswith(by) else first
    return _POSTED_AT.sub("", _without_lead_in(text, lang), count=1)


# A journal's micro-post opens with the time it went up, its link ("9:12 PM — We watched Mayday on Apple TV
# tonight.", The Weekly Thing's, a key point so stamped): the point is the post.
_POSTED_AT = re.compile(rf"^{CLOCK}(?:\s*[AaPp]\.?[Mm]\.?)?\s*[—–-]\s+(?=\S)")


def _completed_by_next(blocks: list[Block], k: int) -> bool:
    """Whether block ``k`` is a short linked title that the paragraph after it completes ("Title: first
    sentence of the story"). A quotation is no title, though its attribution links its speaker ("“…” –
    papaf on hacker news"); nor is a line that shows an address ("…hosted on GitHub at: https://…"): it
    points, names nothing."""
    block = blocks[k]
    text = block.text
    return (
        k + 1 < len(blocks)
        and not blocks[k + 1].is_item
        and block.has_link
        and not _CREDIT.match(text)  # a story's source ("原文网址：[…](…)") titles nothing
        and not _FINAL_STOP.search(text)
        and len(tokens(text)) <= MAX_TITLE_TOKENS
        and not text.startswith("“")
        and "://" not in text
    )


def _introduced(blocks: list[Block], k: int) -> bool:
    """Whether block ``k`` is (a paragraph of) a quotation the block before it introduces ("… wrote:",
    or a short line that ends in its speech verb, ``_SPEAKER_LINE``): part of that block's point."""
    if not blocks[k].is_quote:
        return False
    while k > 0 and blocks[k - 1].is_quote:
        k -= 1
    if k == 0:
        return False
    before = blocks[k - 1].text
    return leads_in(before) or (bool(_SPEAKER_LINE.search(before)) and len(tokens(before)) <= MAX_TITLE_TOKENS)


def _sentence_part(blocks: list[Block], k: int) -> bool:
    """Whether block ``k`` is a part of a sentence a list spreads over its items: in lower case, an item
    ended by a comma or a semicolon, or the paragraph that ends such a list ("*without* writing dull
    boilerplate code…" after "- and much more,"). Alone as a point it is a fragment (a README read as a
    newsletter gave two); a list of titles in lower case ("- implement ?const opt-out…") is no such part."""
    if not blocks[k].text[:1].islower():
        return False
    ends_list = k > 0 and blocks[k - 1].is_item and bool(_LISTED_PART.search(blocks[k - 1].text))
    return ends_list or (blocks[k].is_item and bool(_LISTED_PART.search(blocks[k].text)))


def _quoted(text: str) -> str:
    """``text`` in quotation marks, unless it is a quotation already."""
    return text if text.startswith(("“", '"', "「", "«", "„")) else f"“{text}”"


def _without_lead_in(text: str, lang: str) -> str:
    """``text`` without a last sentence that ends in a colon: it leads into a list the point does not show
    ("… take a closer look into these Swift related videos:"). Empty when that is all there is, so the
    section's next block (the list's first item) gives the point."""
    if not leads_in(text):
        return text
    sentences = split_sentences(text, lang)
    while sentences and leads_in(sentences[-1]):
        sentences.pop()
    return join_sentences(sentences)


def _furniture_block(block: Block, lang: str) -> bool:
    """Whether ``block`` is one sentence of furniture that is no lead-in: a picture's caption that points
    elsewhere ("_click to see the release trailer_", under a game's picture in This Month in Rust GameDev),
    which had completed the title after it ("click to see the release trailer: "Adventures…"")."""
    text = block.text  # the sentence split last: the rules are cheaper than the splitter
    return not leads_in(text) and is_furniture(text, lang) and len(split_sentences(text, lang)) <= 1


def newsletter_points(
    md: str,
    lang: str,
    n: int,
    *,
    exclude: Sequence[str] = (),
    is_boilerplate: Callable[[str], bool] | None = None,
    kind: str = "auto",
) -> list[str] | None:
    """Up to ``n`` key points, the lead items of the sections, or None when ``md`` is not a newsletter.

    ``exclude``: sentences already shown (the summary); no key point repeats one.
    ``is_boilerplate``: what the folder's other issues repeat (``RecurringText.is_boilerplate``);
    calls to action are always left out.
    """
    if not is_newsletter(md, kind):
        return None
    drop = is_boilerplate or is_call_to_action
    queues: list[list[str]] = []
    for section in outline(md).sections:
        if (drop(section.heading) and not section.blocks) or is_furniture_section(
            inline_to_text(section.heading).strip()
        ):
            continue
        picks = []
        blocks = [b for b in section.blocks if not _furniture_block(b, lang)]
        for k, block in enumerate(blocks):
            # A story that completed its title's point is no point of its own: shown alone it had been a
            # quotation with no title (Haskell Weekly 449's "“I’ve been using Haskell in production…”",
            # where the title and story's point repeated the summary).
            completes = k > 0 and _completed_by_next(blocks, k - 1)
            if (block.has_link and _CREDIT.match(block.text)) or _introduced(blocks, k) or completes:
                continue
            # An item ending in a comma or a semicolon is a piece of its list's sentence ("Improved inventory
            # system and character creation;", a game's changes under its entry in This Month in Rust GameDev).
            if _sentence_part(blocks, k) or is_list_piece_end(block.text):
                continue
            point = _point(blocks, k, lang)
            if len(tokens(point)) < MIN_ITEM_TOKENS or drop(block.text) or drop(point):
                continue
            # A notice, a cross-reference, a signature, a page's line (a post's "Follow · Published in … · 6 min
            # read"): no point, as they are no candidate of the engines.
            if is_furniture(point, lang) or FURNITURE_LINE.match(block.text.strip()):
                continue
            picks.append(point)
        if picks:
            queues.append(picks)
    out: list[str] = []
    seen = list(exclude)
    depth = 0
    # One per section per round: every section gives its lead item before any gives a second.
    while len(out) < n and any(depth < len(q) for q in queues):
        for queue in queues:
            if len(out) >= n:
                break
            if depth < len(queue) and not is_near_duplicate(queue[depth], seen + out):
                out.append(queue[depth])
        depth += 1
    return out
