"""Key points of a newsletter: which item of which section, and how an item reads as a point."""

from __future__ import annotations

import pytest

from summarize.engines import newsletter
from summarize.engines.newsletter import newsletter_points
from summarize.text.calls import is_call_to_action
from summarize.text.mdprose import read_markdown
from tests.test_newsletters import NEWSLETTER


def test_newsletter_points_take_one_lead_item_per_section() -> None:
    points = newsletter_points(NEWSLETTER, "en", 4)
    assert points == [
        "Growing tomatoes on a balcony explains pots, soil and light.",
        "Seedling tracker: an app that reminds you when to water.",
        "Spring plant swap in Leeds on the first Saturday of April.",
        # The section's lead item is a call to action: its next item stands for it.
        "Volunteers needed at the community orchard every Sunday morning.",
    ]
    more = newsletter_points(NEWSLETTER, "en", 6)
    assert more is not None and more[4:] == [
        "Why bees like lavender looks at scent and colour.",
        "Soil tester: a cheap probe for moisture and acidity.",
    ]
    assert not any("Hello all" in p for p in more)  # the intro is not a section


def test_a_table_of_contents_is_no_section_of_stories() -> None:
    # A README's contents list (pandas') had given "Where to get it" as a key point, and its links
    # counted toward reading the README as a newsletter.
    contents = "## Contents\n\n- [Where to get the plants](#where-to-get-the-plants)\n  - [Seeds](#seeds)\n\n"
    points = newsletter_points(NEWSLETTER.replace("## ", contents + "## ", 1), "en", 4)
    assert points == newsletter_points(NEWSLETTER, "en", 4)
    section = newsletter.outline(contents + "## Other\n\nText.\n\n## More\n\nText.\n").sections[0]
    assert (section.heading, section.blocks) == ("Contents", [])


def test_a_notice_or_a_cross_reference_is_no_newsletter_point() -> None:
    # A README read as a newsletter (NLTK's) had given "Copyright (C) 2001-2026 NLTK Project" and "See
    # also how to contribute to NLTK." as points: furniture, which no engine takes as a candidate.
    md = NEWSLETTER.replace(
        "## ", "## Notes\n\n- Copyright (C) 2001-2026 The Garden Club\n- See also how to join us.\n\n", 1
    )
    assert newsletter_points(md, "en", 4) == newsletter_points(NEWSLETTER, "en", 4)


def test_a_sentence_spread_over_a_list_gives_no_point_of_its_parts() -> None:
    # attrs' README: "…gives you:" then "- a concise and explicit overview of the class's attributes,",
    # "- an initializer," and "*without* writing dull boilerplate code…" had been points, fragments.
    part = (
        "## Tools\n\nThe kit gives you:\n\n- a sturdy trowel for the raised beds,\n- a pair of gloves,\n\n"
        "*without* paying for the delivery of any of them.\n\nThe kit costs twelve pounds at the garden centre.\n\n"
        "- implement a watering rota for the summer holidays\n\n"
    )
    points = newsletter_points(NEWSLETTER.replace("## ", part + "## ", 1), "en", 8)
    assert points is not None and not any(p.startswith(("a sturdy", "a pair", "without")) for p in points)
    assert "The kit costs twelve pounds at the garden centre." in points  # the section's first whole sentence
    blocks = newsletter.outline(part + "## A\n\nText.\n\n## B\n\nText.\n").sections[0].blocks
    assert [newsletter._sentence_part(blocks, k) for k in range(len(blocks))] == [False, True, True, True, False, False]


def test_a_quoted_item_keeps_its_speaker_and_its_quote_marks_in_a_newsletter_point() -> None:
    # This Week in Rust's quote of the week: the point showed the words as the newsletter's own, or ran
    # the attribution's link into the next quotation as if a title were completed by its story.
    md = (
        "# Weekly\n\n## Crates\n\n- [plotly](https://example.org/p), a plotting library for Rust.\n\n"
        "## Quote of the Week\n\n"
        "> why doesn't 'static, the largest lifetime, not simply eat all the others\n\n"
        "– [@mountain_ghosts on twitter](https://example.org/1)\n\n"
        "> 'static is big soft friend\n\n"
        "– [@gankro on twitter](https://example.org/2)\n\n"
        "## Long Quote\n\n"
        "> People argue about the colour of a bike shed because the decision has to be made. "
        + "It is the one decision everybody in the whole room feels able to have a view on, so they all do, "
        + "and the meeting runs for an hour longer than anyone had planned for, while the reactor that "
        + "the same committee approved in five minutes flat goes on being built without a single question.\n\n"
        "– [someone on the forum](https://example.org/3)\n"
    )
    points = newsletter_points(md, "en", 3)
    assert points == [
        "plotly, a plotting library for Rust.",
        "“why doesn't 'static, the largest lifetime, not simply eat all the others” – @mountain_ghosts on twitter",
        # A long quotation gives its first sentence, closed, and who said it.
        "“People argue about the colour of a bike shed because the decision has to be made.” – someone on the forum",
    ]


@pytest.mark.parametrize(
    "credit", ["原文网址：[澳大利亚 abc 广播网](https://example.org/s)", "Source: [ABC News](https://example.org/s)"]
)
def test_a_story_point_is_its_prose_not_its_credit_or_its_part_number(credit: str) -> None:
    # 科技爱好者周刊's story of the week opens with where it was taken from and a part number; the point
    # read "原文网址：澳大利亚 abc 广播网：1、", a credit completed by the part number as if a title.
    md = (
        "# Weekly\n\n## Tools\n\n- [pwgen](https://example.org/p): a module that makes random passwords.\n\n"
        f"## Story of the week: the Murchison meteorite\n\n{credit}\n\n1、\n\n"
        "![](https://example.org/a.jpg)\n\n"
        "The town of Murchison lies two hours north of Melbourne by car.\n\n"
        "2、\n\nOn a Sunday morning in 1969 the townspeople heard a strange sound.\n\n"
        "## Events\n\n- [Meetup](https://example.org/m) in Leeds on the first Saturday of April.\n"
    )
    points = newsletter_points(md, "en", 3, kind="newsletter")
    assert points is not None
    assert points[1] == "The town of Murchison lies two hours north of Melbourne by car."
    section = newsletter.outline(md).sections[1]
    assert [b.text for b in section.blocks][1:] == [
        "The town of Murchison lies two hours north of Melbourne by car.",
        "On a Sunday morning in 1969 the townspeople heard a strange sound.",
    ]


def test_newsletter_points_skip_recurring_items_and_the_summary() -> None:
    recurring = {"Seedling tracker: an app that reminds you when to water."}
    points = newsletter_points(
        NEWSLETTER,
        "en",
        3,
        exclude=["Growing tomatoes on a balcony explains pots, soil and light."],
        is_boilerplate=lambda text: text in recurring or is_call_to_action(text),
    )
    # Articles is represented by the summary already: it waits until every other section has a point.
    assert points == [
        "Soil tester: a cheap probe for moisture and acidity.",
        "Spring plant swap in Leeds on the first Saturday of April.",
        "Volunteers needed at the community orchard every Sunday morning.",
    ]


def test_a_point_never_ends_by_leading_into_a_list_it_does_not_show() -> None:
    text = NEWSLETTER.replace(
        "## Tools\n\n",
        "## Tools\n\nThe big news is the new seed catalogue. Have a look at these three tools:\n\n",
    ).replace("## Events\n\n", "## Events\n\nTwo events are coming up:\n\n")
    points = newsletter_points(text, "en", 3)
    assert points == [
        "Growing tomatoes on a balcony explains pots, soil and light.",
        # The lead-in sentence goes; the paragraph's news stays.
        "The big news is the new seed catalogue.",
        # Nothing but a lead-in: the list's first item stands for the section.
        "Spring plant swap in Leeds on the first Saturday of April.",
    ]


def test_a_quotation_a_line_introduces_is_one_point_with_its_speaker() -> None:
    # Swift Weekly Brief: "Jordan Rose shared an update on SE-0192:" over a blockquote of his words. The
    # lead-in alone is no point, and the point was the quotation without whose words they were.
    md = NEWSLETTER.replace(
        "## Tools\n\n",
        "## Tools\n\nJordan Rose [shared](https://example.org/f) an update on the seed catalogue:\n\n"
        "> Over the last few weeks I have been discussing this with the growers, who agreed.\n>\n"
        "> I am cutting the list down.\n\n",
    )
    points = newsletter_points(md, "en", 6)
    assert points is not None
    assert points[1] == (
        "Jordan Rose shared an update on the seed catalogue: “Over the last few weeks I have been discussing "
        "this with the growers, who agreed.”"
    )
    assert not any(p.startswith(("Over the last", "I am cutting")) for p in points)
    # A quotation no line introduces stays an item of its own, and a lead-in of more than one sentence
    # gives its first sentence, as any item does.
    plain = md.replace(" an update on the seed catalogue:", " an update on the seed catalogue.")
    assert newsletter_points(plain, "en", 6)[1] == "Jordan Rose shared an update on the seed catalogue."  # type: ignore[index]
    longer = md.replace("Jordan Rose", "The catalogue is out. Jordan Rose")
    assert newsletter_points(longer, "en", 6)[1] == "The catalogue is out."  # type: ignore[index]


@pytest.mark.parametrize("after", [" 🤖", ")", " 😮 "])
def test_a_sentence_ending_in_an_emoji_is_no_title_for_the_paragraph_after_it(after: str) -> None:
    # "…shared photos of some new office decorations over at Swift HQ. 🤖" ran into the next paragraph
    # ("… Swift HQ. 🤖: Chris Lattner announced…") as if it were a title the story after it completes.
    line = "Ted [shared](https://example.org/t) photos of new decorations at the office."
    line = line[:-1] + ".)" if after == ")" else line + after
    md = NEWSLETTER.replace("## Tools\n\n", f"## Tools\n\n{line}\n\nChris announced a new compiler for bees.\n\n")
    points = newsletter_points(md, "en", 6)
    assert points is not None
    assert points[1] == line.replace("[shared](https://example.org/t)", "shared").strip()
    # A title with no stop is still completed by its story.
    titled = md.replace(line, "[New decorations](https://example.org/t)")
    assert newsletter_points(titled, "en", 6)[1] == "New decorations: Chris announced a new compiler for bees."  # type: ignore[index]


def test_a_hard_line_break_ends_a_line_of_prose() -> None:
    # Swift Weekly Brief opened an issue with verse, each line ending in <br>; the lines ran together into
    # one sentence ("…fly on by What rants and revelations there await?").
    prose = read_markdown(
        "> Lo! The posts fly on by<br>\n> What rants there await?<br/>\n\nUntil next time. <BR />Jo\n"
    )
    assert prose.text.split("\n\n") == ["Lo! The posts fly on by", "What rants there await?", "Until next time.", "Jo"]
    assert "\n" not in read_markdown("Use the `<br>` tag for a line break.\n").text
    # Inside a newsletter's item the break parts two words ("one<br>two" had read "onetwo").
    md = NEWSLETTER.replace(
        "## Tools\n\n", "## Tools\n\n- [Seed log](https://example.org/s) keeps notes<br>on every tray.\n"
    )
    assert newsletter.outline(md).sections[1].blocks[0].text == "Seed log keeps notes on every tray."


def test_a_line_that_shows_an_address_is_no_title_completed_by_the_next_paragraph() -> None:
    # A README read as a newsletter: "…hosted on GitHub at: https://…" had been read as a story's title and
    # joined to the paragraph after it ("…/pandas: Binary installers for the latest released version…").
    where = (
        "## Where to get it\n\nThe source code is currently hosted on GitHub at: "
        "[https://github.com/pandas-dev/pandas](https://github.com/pandas-dev/pandas)\n\n"
        "Binary installers for the latest released version are available at the Python Package Index.\n\n"
    )
    points = newsletter_points(NEWSLETTER.replace("## Tools", where + "## Tools", 1), "en", 6, kind="newsletter")
    assert points is not None
    assert not any("Binary installers" in p and "github.com" in p for p in points)


def test_a_line_naming_the_speaker_of_the_blockquote_under_it_is_one_point_with_it() -> None:
    # This Week in Matrix: "[Thib (m.org)](…) says" over each section's news, set as a blockquote. The
    # speaker's line alone had been the point ("Aine don't DM reports").
    md = NEWSLETTER.replace(
        "## Tools\n\n",
        "## Tools\n\n[Aine [don't DM]](https://matrix.to/#/@aine:x.org) reports\n\n"
        "> This week we released the admin tool's fork with bulk redaction. It is in beta.\n>\n"
        "> More features land next week.\n\n",
    )
    points = newsletter_points(md, "en", 12)  # every section's every item: the quote's paragraphs too
    assert points is not None
    assert points[1] == "Aine don't DM reports: This week we released the admin tool's fork with bulk redaction."
    assert not any(p.startswith("More features") for p in points)


def test_an_issue_of_links_alone_is_summarized_by_its_lead_items(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # 潮流周刊: a caption, a call to follow, then sections of links. Its prose was its headings, and the summary
    # read "好文。工具。框架。". Its lead items are the summary now, the items after them the points, and a
    # warning says so.
    import json

    from click.testing import CliRunner

    from summarize.cli import cli

    md = (
        "# Harbour Weekly 12\n\n"
        "## Articles\n\n- [How the ferry timetable is planned](https://x.org/a)\n"
        "- [Why fares rise in winter](https://x.org/b)\n\n"
        "## Tools\n\n- [Tidewatch - tide tables in the terminal](https://x.org/c)\n"
        "- [Knotty - a knot-tying trainer](https://x.org/d)\n\n"
        "## Frameworks\n\n- [Hull - a boat-design toolkit](https://x.org/e)\n"
        "- [Rig - sail plans as code](https://x.org/f)\n"
    )
    path = tmp_path / "issue-12.md"
    path.write_text(md, encoding="utf-8")
    out = CliRunner().invoke(cli, ["--engine", "extractive", "--format", "json", "-p", "3", str(path)])
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    assert result["summary"] == (
        "How the ferry timetable is planned. Tidewatch - tide tables in the terminal. Hull - a boat-design toolkit."
    )
    assert result["key_points"] == [
        "Why fares rise in winter",
        "Knotty - a knot-tying trainer",
        "Rig - sail plans as code",
    ]
    assert any("lead items" in w for w in result["warnings"])
    # An issue with prose keeps its summary of the prose.
    prose = md.replace("## Articles\n\n", "## Articles\n\nThe ferry strike is over after three weeks of talks.\n\n")
    path.write_text(prose, encoding="utf-8")
    out = CliRunner().invoke(cli, ["--engine", "extractive", "--format", "json", str(path)])
    assert json.loads(out.stdout)["summary"].startswith("The ferry strike is over")


def test_an_issue_of_stories_each_with_its_link_on_a_line_is_a_newsletter() -> None:
    # This Week in React: "## Hooks RFC Merged", a paragraph, then the link alone. No link list, no title
    # naming the issue: it was read as an article, and 1 key point of 5 had a "new fact".
    stories = [
        ("RFC: Context.write", "A new RFC is out about sharing state across roots.", "https://x.org/rfcs/89"),
        ("Hooks RFC Merged", "After a thousand comments the core team merged the RFC.", "https://x.org/rfcs/68"),
        ("Scheduler", "Serialization overhead is lower when using postMessage.", "[PR 14249](https://x.org/p)"),
        ("Stable Builds", "Adding properties to an object disables certain optimizations.", "https://x.org/p/14309"),
        ("Versioning Policy", "A new documentation page now explains the version policy.", "https://x.org/docs"),
    ]
    md = "Another week has passed.\n\n---\n\n" + "\n\n---\n\n".join(
        f"## {title}\n\n{story}\n\n{link}" for title, story, link in stories
    )
    assert newsletter.is_newsletter(md)
    assert newsletter_points(md, "en", 5) == [story for _, story, _ in stories]
    # Four such sections are not enough, nor are stories that are fewer than two in three of the sections.
    four = md.split("\n\n---\n\n## Versioning Policy")[0]
    assert not newsletter.is_newsletter(four)
    prose = "\n\n".join(f"## Part {k}\n\nThe council met again on day {k} of the talks." for k in range(4))
    assert not newsletter.is_newsletter(md + "\n\n" + prose)


def test_a_later_shallower_heading_starts_a_section_of_its_own() -> None:
    # This Week in Rust 434 sets its sections as "##" and its last two as "#" ("# Rust Jobs", "# Quote of
    # the Week"): the shallowest repeated level had made those two its only sections, and it was read as
    # an article. The section level is the first repeated one; a later, shallower heading is a section.
    from summarize.text.markdown import section_level

    assert section_level([2, 3, 3, 2, 2, 1, 1]) == 2
    assert section_level([1, 2, 2, 1]) == 1  # "# Part 1 / ## a / ## b / # Part 2": the parts
    assert section_level([1, 2, 2]) == 2  # a lone title over its sections
    md = NEWSLETTER.replace("## Tools", "# Tools")
    tools = md.index("# Tools")
    assert md[tools - 1] == "\n"
    names = [s.heading for s in newsletter.outline(md).sections]
    assert "Tools" in names and len(names) == len(newsletter.outline(NEWSLETTER).sections)


def test_a_story_that_completed_its_titles_point_is_no_point_of_its_own() -> None:
    # Haskell Weekly 449: the first item's title was a summary sentence, so its point ("Title by X: “…”")
    # repeated the summary and went, and its quoted story alone, nobody's words, took its place.
    md = (
        "# Harbour Weekly 12\n\n## Featured\n\n"
        "- [Eight months of ferries after eight years of trains](https://x.org/a) by Jane Doe\n"
        "  > I have been running ferries in production for eight months. It is time to compare the two.\n\n"
        "- [Tide tables in the terminal](https://x.org/b) by Tom Roe\n"
        "  > Tidewatch prints the tides for any harbour in the country.\n\n"
        "## Jobs\n\n- [Deckhand at Harbour Ferries](https://x.org/c) by Anna Ruiz\n"
        "  > We are hiring two deckhands for the summer season in Penzance.\n\n"
        "## In brief\n\n- [Knotty 2.0](https://x.org/d) by Ann Lee\n"
        "  > Knotty teaches forty knots with animations and a quiz.\n"
    )
    summary = ["Eight months of ferries after eight years of trains by Jane Doe."]
    points = newsletter_points(md, "en", 8, exclude=summary)
    assert points is not None
    assert not any(p.startswith("“I have been running") for p in points)
    tide = "Tide tables in the terminal by Tom Roe: Tidewatch prints the tides for any harbour in the country."
    assert tide in points


def test_a_journals_micro_post_gives_its_point_without_the_time_it_went_up() -> None:
    stamped = NEWSLETTER.replace(
        "- [Spring plant swap in Leeds](https://example.org/e1) on the first Saturday of April.",
        "[9:12 PM](https://example.org/p1) — We watched the plant swap in Leeds from the bandstand.",
    )
    points = newsletter_points(stamped, "en", 4)
    assert points is not None and "We watched the plant swap in Leeds from the bandstand." in points
    assert not any("9:12" in p for p in points)
    # A time inside a point stays: "The swap opens at 9:30 - bring pots." is news of the item.
    kept = NEWSLETTER.replace("on the first Saturday of April.", "opens at 9:30 - bring pots.")
    assert any("9:30" in p for p in newsletter_points(kept, "en", 4) or ())
