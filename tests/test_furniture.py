"""Lines of a news page's furniture pasted with an article are left out, and only whole lines."""

from __future__ import annotations

import json

import pytest

from summarize.engines import extractive
from summarize.results import SummaryResult
from summarize.text.boilerplate import strip_lone
from tests.conftest import SHARED


def _extractive(text: str) -> SummaryResult:
    """``text`` summarized by the extractive engine with 5 key points, as read from stdin."""
    from summarize import SummarizeOptions, Summarizer

    return Summarizer(SummarizeOptions(engine="extractive", points=5)).summarize(text, "<stdin>")


def _shown(result: SummaryResult) -> str:
    """Everything a result shows: its summary and key points."""
    return " ".join([result.summary, *result.key_points])


ARTICLE = (
    "Wales have been buoyed by the success of their young players, the manager told BBC Radio Wales.\n"
    "Media playback is not supported on this device\n"
    "If the former Nottingham Forest defender had had that support, he may have achieved a great deal more.\n"
    "\n"
    "More on this story and others from Birmingham and the Black Country\n"
    'Mr Norton, who uses the hashtag #walsallwee, said: "It is a disgrace."\n'
    "\n"
    "He said there was more on this story than the council had admitted."
)


def test_furniture_lines_go_and_the_sentences_beside_them_stay_whole() -> None:
    prose, removed = strip_lone(ARTICLE)
    assert removed == 2
    assert "Media playback" not in prose and "More on this story and others" not in prose
    assert "If the former Nottingham Forest defender had had that support" in prose
    assert prose.count("\n\n") == 2  # the paragraphs stay apart
    # Prose that only mentions the words is no furniture.
    assert "He said there was more on this story than the council had admitted." in prose
    # Before, the line ran into the next sentence: the first sentence of the summary read
    # "Media playback is not supported on this device If the former…".
    summary = extractive.summarize(prose, "en", points=0).summary
    assert "device If" not in summary and "Media playback" not in summary


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("More on this and other local stories from across East Yorkshire", True),
        ("Updates from this story and more from Nottinghamshire", True),
        ("More stories from the BBC's Knowledge economy series looking at education and how to get in touch", True),
        ("READ MORE: The facts behind claims in the EU debate", True),
        ("Find all the latest football transfers on our dedicated page.", True),
        ("This site is optimised for modern web browsers, and does not fully support your browser", True),
        ("Media playback is unsupported on your device", True),
        # A video box's title and prompt (Fox News'): it had opened a story's summary.
        ("Fox News Flash top entertainment and celebrity headlines for Nov. 19 are here.", True),
        ("Check out what's clicking today in entertainment.", True),
        ("The top headlines are here to stay, the editor said.", False),
        # A news page copied from the browser: a picture's source and caption, the time since publication,
        # buttons, the site's footer.
        ("Image source, Getty Images", True),
        ("Image caption, Flood water covered the main road through Pontypridd on Sunday", True),
        ("Photograph: Ben Stansall/AFP/Getty Images", True),
        ("2 hours ago", True),
        ("Share", True),
        ("Advertisement", True),
        ("The BBC is not responsible for the content of external sites.", True),
        ("Read about our approach to external linking.", True),
        ("Mon 30 Nov 2026 09.00 GMT", True),  # a date stamp alone (glued to a byline: a summary sentence)
        ("Updated 3:22 PM EST, Mon November 30, 2026", True),
        ("On 30 November 2026 the council met.", False),
        ("Share prices fell by 2% on Monday.", False),
        ("The photograph: a study in light, opens on Friday.", False),
        # Sentences that only open like furniture stay.
        ("More on this story than anyone knew.", False),
        ("Read more: he said it twice.", False),
        ("More stories from the war emerged on Monday.", False),
        ("More stories from the series will follow.", False),
        ("Find all the latest news on our dedicated page, the club said of its new site.", False),
        ("This site is optimised for search, the owner said.", False),
        # A match's live-text feed: four XSum match reports carried about 40 such lines each, and their
        # summaries were made of them ("Lucas Akins (Burton Albion) wins a free kick… Foul by…").
        ("Foul by Roberto Firmino (Liverpool).", True),
        ("Lucas Akins (Burton Albion) wins a free kick in the defensive half.", True),
        ("Shaun Barker (Burton Albion) is shown the yellow card for a bad foul.", True),
        ("Attempt missed. Marouane Fellaini (Manchester United) header from the centre of the box misses.", True),
        ("Corner,  Liverpool. Conceded by Eric Bailly.", True),
        ("Substitution, Burton Albion. Marcus Myers-Harness replaces Jackson Irvine.", True),
        (
            "Goal!  Motherwell 0, Heart of Midlothian 1. Alexandros Tziolis (Heart of Midlothian) right footed shot.",
            True,
        ),
        ("Match ends, Liverpool 0, Manchester United 0.", True),
        ("Second Half begins Liverpool 0, Manchester United 0.", True),
        # Report sentences with the same words stay.
        ("Substitution of players was slow, the manager said.", False),
        ("Goal-line technology was used for the first time.", False),
        ("Roberto Firmino (Liverpool) wins praise from his manager after a fine game.", False),
        ("The corner, which Bailly conceded, led to the only goal.", False),
    ],
)
def test_pointers_to_more_of_the_site_are_furniture(line: str, furniture: bool) -> None:
    # The first was a key point of an XSum article: "More on this and other local stories from…".
    around = ("The fire broke out at 06:00, police said.", "Two firefighters were hurt.")
    prose, removed = strip_lone(f"{around[0]}\n{line}\n{around[1]}")
    assert (removed, prose) == ((1, "\n".join(around)) if furniture else (0, f"{around[0]}\n{line}\n{around[1]}"))


def test_no_xsum_summary_carries_the_furniture() -> None:
    from summarize import SummarizeOptions, Summarizer

    rows = [json.loads(line) for line in (SHARED / "xsum_dev_200.jsonl").open(encoding="utf-8")]
    marks = ("Media playback is", "More on this and other", "Updates from this story")
    with_furniture = [r["document"] for r in rows if any(m in r["document"] for m in marks)]
    assert len(with_furniture) >= 7
    summarizer = Summarizer(SummarizeOptions(engine="extractive", points=5))
    for text in with_furniture:
        result = summarizer.summarize(text, "xsum")
        said = _shown(result)
        assert not any(m in said for m in marks)


def test_no_xsum_summary_carries_a_video_stamp_or_mojibake() -> None:
    from summarize import SummarizeOptions, Summarizer

    rows = [json.loads(line) for line in (SHARED / "xsum_dev_200.jsonl").open(encoding="utf-8")]
    stamped = [r["document"] for r in rows if "Last updated at" in r["document"]]
    garbled = [r["document"] for r in rows if "Â£" in r["document"]]
    assert len(stamped) >= 3 and len(garbled) >= 10
    summarizer = Summarizer(SummarizeOptions(engine="extractive", points=5))
    for text in stamped + garbled:
        result = summarizer.summarize(text, "xsum")
        said = _shown(result)
        assert "Last updated at" not in said and "Â" not in said
        assert ("Â" in text) == any("mojibake" in w for w in result.warnings)


def test_a_match_report_is_summarized_from_the_report_not_its_live_text() -> None:
    with open(SHARED / "xsum_dev_200.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    reports = [r["document"] for r in rows if r["document"].count("wins a free kick") >= 5]
    assert len(reports) >= 3
    for text in reports:
        prose, removed = strip_lone(text)
        assert removed >= 20
        summary = extractive.summarize(prose, "en", points=5)
        shown = [summary.summary, *summary.key_points]
        assert not any("wins a free kick" in s or s.startswith("Foul by") for s in shown)


def test_a_pages_list_of_links_to_other_stories_goes_whole() -> None:
    # "More on this story" / "Storm Darragh: Red warning issued" / "Flood defences to get £20m boost" had
    # been one key point, two headlines run together.
    copied = (
        "Thousands of homes are without power after the storm brought heavy rain to large parts of the UK.\n\n"
        "More on this story\nStorm Darragh: Red warning issued\nFlood defences to get £20m boost\n\n"
        "Related topics\nWeather\nWales\n\nExplore more on these topics\nLibraries\n\n"
        "More on this story\nThe river rose by two metres overnight and the bridge was closed to traffic.\n"
    )
    prose, removed = strip_lone(copied)
    assert "Storm Darragh" not in prose and "Weather" not in prose and removed == 9
    # Under such a heading, a line that ends a sentence is the article's own: only the heading goes.
    assert "The river rose by two metres overnight" in prose


def test_words_of_page_furniture_inside_sentences_send_no_article_down_the_slow_walk() -> None:
    # "share" or a date is in most articles: found anywhere, the lone text's sentence walk had read nearly
    # every article (twice the cleaning time on CNN/DM); only a whole line of furniture counts.
    from summarize.text.calls import MAY_CALL_TO_ACTION, has_page_line

    article = "Shares fell on 30 November 2026, the company said.\nInvestors will save less, it added."
    assert not MAY_CALL_TO_ACTION.search(article) and not has_page_line(article)
    assert has_page_line(f"{article}\nShare") and has_page_line(f"{article}\n\nRelated topics\nMarkets")


WIKIPEDIA_COPY = """Harbourtown
From Wikipedia, the free encyclopedia
This article is about the town in Cornwall. For the band, see Harbourtown (band).
Harbourtown is a coastal town and civil parish in Cornwall, England, on the estuary of the River Fal.[1] At the \
2021 census it had a population of 12,400.[2] The town grew around its deep-water harbour, which handled tin.[3]

Contents
1\tHistory
2\tEconomy
3\tReferences

History[edit]
The first written record of the settlement dates from 1302, when it was granted a market charter by Edward \
I.[4] A fortified quay was built in 1712, and the town became a centre of the Atlantic packet service.[5]

Economy[edit]
Tourism is the largest employer, followed by ship repair; the Harbourtown Docks employ about 600 people.[6] \
A ferry links the town to St Mawes.[citation needed]

References[edit]
^ "Harbourtown parish". Cornwall Council. Retrieved 3 March 2024.
^ "Census 2021". Office for National Statistics.
"""


def test_a_copied_wikipedia_article_is_read_without_its_pages_furniture() -> None:
    # Its tagline, hatnote and table of contents had been the summary's first sentences, its headings had
    # opened their sections' sentences ("History[edit] The first written record…") and its reference
    # markers had stayed ("…River Fal.[1]").
    result = _extractive(WIKIPEDIA_COPY)
    assert result.summary.startswith("Harbourtown is a coastal town and civil parish in Cornwall, England,")
    said = _shown(result)
    assert "The first written record of the settlement dates from 1302" in said
    for gone in ("Wikipedia", "This article is about", "see Harbourtown", "Contents", "[", "^", "Retrieved"):
        assert gone not in said, gone


COPIED_STORY = """{before}

Ferry Strike Ends as Workers Accept Pay Deal

The three-week walkout had cut off the islands during the holiday shopping season.

{byline}

Ferry workers in southwest England ended a three-week strike on Thursday after the operator agreed to a 6 percent \
pay rise for 240 crew members, their union said.

Crossings to the Isles of Scilly will resume on Saturday with a reduced timetable, the operator said. The full \
timetable is to return by Dec. 20.

The strike had cut off the islands' main passenger link during the busiest shopping weeks of the year. Local \
businesses said they had lost about $1.9 million in sales.

{after}
"""
NYT_LINES = (
    "Supported by\n\nSKIP ADVERTISEMENT",
    "Listen to this article · 4:12 min Learn more\n\nShare full article\n\nBy Jane Doe\n\n"
    "Reporting from Penzance, England\n\nDec. 4, 2026",
    "More about Jane Doe\n\nA version of this article appears in print on Dec. 5, 2026, Section A, Page 8 of the "
    "New York edition with the headline: Ferry Strike Ends. Order Reprints | Today's Paper | Subscribe\n\n"
    "See more on: Strikes, England",
)
GUARDIAN_LINES = (
    "This article is more than 2 years old",
    "Jane Doe South-west England correspondent\nFri 4 Dec 2026 10.12 GMT",
    "Share\n\nReuse this content\n\nI hope you appreciated this article. Before you move on, I was hoping you "
    "would consider taking the step of supporting the Guardian's journalism. Support the Guardian",
)


@pytest.mark.parametrize("lines", [NYT_LINES, GUARDIAN_LINES], ids=["nyt", "guardian"])
def test_a_news_page_copied_from_the_browser_is_summarized_from_its_story(lines: tuple[str, str, str]) -> None:
    # The lines around the story had pushed the headline and standfirst into the summary in place of the
    # lede (its first line was no headline any more), and the print note or the plea for support were
    # key points.
    text = COPIED_STORY.format(before=lines[0], byline=lines[1], after=lines[2])
    result = _extractive(text)
    assert "Ferry workers in southwest England ended a three-week strike on Thursday" in result.summary
    said = _shown(result)
    for gone in (
        "Strike Ends as",
        "Supported",
        "ADVERTISEMENT",
        "years old",
        "Listen",
        "Jane Doe",
        "Penzance,",
        "print",
        "See more",
        "supporting",
        "Support the",
    ):
        assert gone not in said, gone


def test_a_copied_cnn_page_loses_its_dateline_and_video_box() -> None:
    # "Penzance, England CNN — Ferry workers…" opened the summary, and a video's box ("Video Ad Feedback" /
    # its title / "02:14 - Source: CNN") was a summary sentence.
    text = COPIED_STORY.format(
        before="3 minute read\n\nUpdated 3:22 PM EST, Fri December 4, 2026\n\nLink Copied!\n\nAd Feedback",
        byline="Penzance, England\nCNN\n —",
        after="Video Ad Feedback\nWhy the islands depend on one ferry\n02:14 - Source: CNN\n\nAd Feedback",
    ).replace("\n\nFerry workers", "\nFerry workers", 1)
    result = _extractive(text)
    assert "Ferry workers in southwest England ended a three-week strike" in result.summary
    said = _shown(result)
    for gone in ("CNN", "Feedback", "Link Copied", "minute read", "depend on one ferry", "02:14"):
        assert gone not in said, gone


BLOG_POST = """{before}

The ferry strike ended on Thursday, and with it three weeks in which the Isles of Scilly learned how much depends \
on one boat. Shops ran short of fresh food within a week, and the hospital flew patients to the mainland.

The deal gives 240 crew members a 6% pay rise. It does not settle the bigger question: who should own the only link \
to the mainland? The council wants a public operator, and the company says it cannot afford new ships.

Until that is settled, the next strike is a matter of time.

{after}
"""


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # Substack: the publication's name, the post's title and subtitle, its counters
            "The Harbour Letter\n\nWhy the ferry strike mattered\n\nThree weeks without a boat taught the islands "
            "what they cannot live without\n\nJane Doe\nDec 04, 2026\n\n12\n\n3\n\nShare",
            "12 Likes\n·\n3 Restacks\n\nDiscussion about this post\n\nReady for more?",
        ),
        (  # Medium
            "Why the ferry strike mattered\n\nJane Doe\n\nFollow\n\n4 min read\n·\nDec 4, 2026\n\n1.2K\n\n"
            "Listen\n\nShare",
            "Written by Jane Doe\n1.2K Followers\n\nMore from Jane Doe\n\nRecommended from Medium",
        ),
    ],
    ids=["substack", "medium"],
)
def test_a_copied_blog_post_is_summarized_from_its_prose(before: str, after: str) -> None:
    # A heading standing alone (the post's title under the publication's name) had opened the summary,
    # "Written by Jane Doe 1.2K Followers." was a key point.
    result = _extractive(BLOG_POST.format(before=before, after=after))
    said = _shown(result)
    assert "The ferry strike ended on Thursday" in result.summary
    for gone in ("mattered", "Jane Doe", "Follow", "Likes", "Discussion", "Ready for", "Medium"):
        assert gone not in said, gone


def test_a_plain_texts_headings_are_its_short_lines_standing_alone() -> None:
    from summarize.text.inputs import to_document
    from summarize.text.plain import line_headings

    doc = to_document(BLOG_POST.format(before="What we know", after="Why it matters"), "<stdin>")
    assert doc.headings == ("What we know", "Why it matters")
    # A text made of such lines (a list written without markers, verse) has none: they are the text.
    assert line_headings("Bread\n\nMilk\n\nEggs\n\nThe shop closes at six o'clock tonight, the owner said.") == ()
    # A line with a stop, a lower-case start or more than eight words is no heading.
    assert (
        line_headings("It rained.\n\nand then it stopped\n\nThe storm that hit the coast on Monday night was the worst")
        == ()
    )
    # A longer line in headline case is one: a page's links to its other stories, copied with its text
    # (an NBC page's had been key points). A sentence in sentence case, or one ending in a stop, is none.
    story = (
        "A video showing the rescue of a kidnapped girl was released by police on Monday.\n\n"
        "Man Shot at Dallas Gas Station Dies at Hospital\n\n"
        "The suspect was sentenced to life in federal prison last Thursday, the court said.\n\n"
        "'We Got Her!' Video Shows Dramatic Rescue of Kidnapped Girl\n\n"
        "The video shows officers racing up a staircase and banging on the door of the room.\n\n"
        "Officers said the suspect had driven to a hotel south of the city after the kidnapping\n\n"
        "A Family Friend Found The Car In The Hotel Parking Lot And Called Police.\n\n"
        "The girl was taken to hospital and later returned to her mother, the police said."
    )
    assert line_headings(story) == (
        "Man Shot at Dallas Gas Station Dies at Hospital",
        "'We Got Her!' Video Shows Dramatic Rescue of Kidnapped Girl",
    )


PRESS_RELEASE = """FOR IMMEDIATE RELEASE

Harbour Ferries and RMT reach agreement to end strike

Crossings to the Isles of Scilly resume Saturday

PENZANCE, England, Dec. 4, 2026 /PRNewswire/ -- Harbour Ferries Ltd and the RMT union today announced an \
agreement that ends the three-week strike by ferry crews. Under the deal, 240 crew members will receive a 6% pay rise.

"We are pleased to have reached a fair agreement," said Anna Ruiz, chief executive of Harbour Ferries.

Crossings will resume on Saturday with a reduced timetable, and the full timetable will return by December 20.

About Harbour Ferries
Harbour Ferries Ltd operates passenger and freight services between Penzance and the Isles of Scilly. Founded in \
1920, it carries about 100,000 passengers a year.

Media contact:
Tom Roe
press@harbourferries.example
+44 1736 555 0100

###
"""


def test_a_press_release_is_summarized_from_its_news() -> None:
    # Its "###" end mark had made it Markdown (an empty heading), its headline and deck opened the
    # summary in place of the lede (glued to its wire dateline), and its contact block was a key point.
    from summarize.text.kinds import text_kind

    assert text_kind(PRESS_RELEASE) == "text" and text_kind("# Notes\n\nThe council met.") == "markdown"
    result = _extractive(PRESS_RELEASE)
    assert result.summary.startswith("Harbour Ferries Ltd and the RMT union today announced an agreement")
    said = _shown(result)
    for gone in ("IMMEDIATE", "PRNewswire", "reach agreement to end", "1920", "Tom Roe", "###", "+44"):
        assert gone not in said, gone


def test_a_press_releases_about_notes_and_dateline_are_no_candidates() -> None:
    # my6sense's and Ascom's releases: a dateline in title case before a dash, a company named in lower case
    # under "About", footnote marks after a space and the notes under the text had been summary sentences
    # or key points ("About my6sense my6sense offers…", "[1] Alarm fatigue: impacts on patient safety…").
    release = (
        "New York, NY – Harbour Ferries today named Anna Ruiz as the company's first chief strategy officer, "
        "after a year in which its crossings doubled.\n\n"
        "Crews are exposed to up to 1,000 alarms per shift [1], even though most need no action [2].\n\n"
        "Ruiz ran the island airline for ten years and sold it to a larger carrier in 2011, the company said.\n\n"
        "About harbour8\nharbour8 runs passenger and freight services between Penzance and the Isles of Scilly.\n\n"
        "[1] Alarm fatigue: impacts on crew safety, Doe J, Roe K. Marine Safety Review. 2015; 28: 685-690.\n\n"
        "[2] Harbour safety goals: alarm management, a report of the port authority."
    )
    result = _extractive(release)
    assert result.summary.startswith("Harbour Ferries today named Anna Ruiz")
    assert "alarms per shift, even though most need no action." in result.summary + " ".join(result.key_points)
    said = _shown(result)
    for gone in ("New York, NY", "About harbour8", "passenger and freight", "[1]", "[2]", "Alarm fatigue", "report of"):
        assert gone not in said, gone


def test_a_pasted_articles_headline_is_its_title() -> None:
    # A pasted article had no title: JSON "title" null, Markdown "Summary of <stdin>".
    from summarize.text.headlines import plain_title
    from summarize.text.inputs import to_document

    nyt = COPIED_STORY.format(before=NYT_LINES[0], byline=NYT_LINES[1], after=NYT_LINES[2])
    assert to_document(nyt, "<stdin>").title == "Ferry Strike Ends as Workers Accept Pay Deal"  # furniture above
    assert to_document(PRESS_RELEASE, "<stdin>").title == "Harbour Ferries and RMT reach agreement to end strike"
    body = "The council approved the library budget on Tuesday, adding two branches and ten staff."
    for line in (
        "What is GNU Nettle? A quote from the introduction in the Nettle Manual:",  # a lead-in
        "20 July 2016 Last updated at 08:43 BST",  # a stamp
        "the council approved it",  # lower case
        "A line of sixteen words is a sentence that lost its stop rather than a title of the story",
    ):
        assert plain_title(f"{line}\n\n{body}") is None, line
    assert plain_title(f"Library budget approved\n\n{body}") == "Library budget approved"
    assert plain_title("Library budget approved\n\nShare\n\nSave") is None  # no prose under it
    # A release's name line, a program in lower case and its version, heads release notes (libssh2's), in
    # lists as often as in prose; its version is no clock time.
    notes = "harbourd 1.10\n\nThis release includes:\n\n- adds ferry timetables\n- fixes fares"
    assert plain_title(notes) == "harbourd 1.10"
    assert plain_title("harbourd 1.10") is None  # nothing under it
    assert plain_title(f"the ferry left at 1.10\n\n{body}") is None  # words and a time, not a name and a version


def test_a_pasted_thread_is_read_as_its_posts() -> None:
    # Its post numbers ("1/", "5/") had opened summary sentences, a lead-in ending in an emoji ran into the
    # next sentence ("…why it matters 🧵 2/ 240 crew members…") and its last post's ask was a key point.
    from summarize.text.joined import with_stop

    posts = [
        "1/ The ferry strike that cut off the Isles of Scilly for three weeks ended on Thursday. Here is what "
        "happened and why it matters 🧵",
        "2/ 240 crew members walked out on November 13 after pay talks broke down. The operator had offered 3%.",
        "3/ The deal they accepted gives them 6%, backdated to October, at a cost of 1.1 million pounds a year.",
        "4/ Two ships sail again from Saturday, and a chartered boat fills the gap until the third is repaired.",
        "5/ If you found this useful, follow me for more and retweet the first post!",
    ]
    result = _extractive("\n\n".join(posts))
    said = [result.summary, *result.key_points]
    assert result.summary.startswith("The ferry strike that cut off the Isles of Scilly for three weeks ended")
    for gone in ("1/", "2/", "5/", "Here is what", "follow me", "retweet"):
        assert not any(gone in s for s in said), gone
    assert with_stop("Here is why it matters 🧵") == "Here is why it matters 🧵." and with_stop("Hi! 👋") == "Hi! 👋"


def test_a_copied_social_post_is_read_without_its_writer_block_and_buttons() -> None:
    # LinkedIn's: "Anna Ruiz Chief Executive at Harbour Ferries 2h • After three weeks…" had been the
    # summary's first sentence.
    post = (
        "Anna Ruiz\nChief Executive at Harbour Ferries\n2h •\n\n"
        "After three weeks, the ferry strike is over. Our crews accepted a 6% pay rise on Thursday, and two "
        "ships sail again from Saturday.\n\nWe have chartered a third boat until our own is repaired on the 15th.\n\n"
        "Refunds for the 4,000 bookings made during the strike open on Monday.\n\n#ferries #scilly #leadership\n\n"
        "1,234\n56 comments\n12 reposts\n\nLike\nComment\nRepost\nSend\n"
    )
    result = _extractive(post)
    assert result.summary.startswith("After three weeks, the ferry strike is over.")
    said = _shown(result)
    for gone in ("Anna Ruiz", "Chief Executive", "2h", "#", "comments", "Repost"):
        assert gone not in said, gone


def test_a_fact_checks_claim_is_shown_as_a_claim_under_its_verdict() -> None:
    # Snopes: "Claim", the claim, "Rating", the verdict, each alone on its line. The claim, which the check
    # found no evidence for, had been the summary's first sentence as the article's own statement.
    from summarize import SummarizeOptions, Summarizer
    from summarize.text.plain import fact_check_claims

    check = (
        "Claim\n\nThe harbour master has a net worth of $17 million.\n\nRating\n\nUnproven\n\nOrigin\n\n"
        "On Nov. 15, the harbour master testified before the council about the ferry strike and its costs.\n\n"
        "We have found no evidence to corroborate this claim, which social media users shared widely.\n\n"
        "Those making the claim have offered a wide range of figures, from $3 million to $17 million."
    )
    result = Summarizer(SummarizeOptions(engine="extractive", points=3)).summarize(check, "<stdin>")
    assert result.summary.startswith("Claim (rated Unproven): “The harbour master has a net worth of $17 million.”")
    assert not any(s.startswith("The harbour master has") for s in [result.summary, *result.key_points])
    # No label, no change; a claim with no verdict is still a claim.
    assert fact_check_claims("Rating\n\nThe council rated it well.") == "Rating\n\nThe council rated it well."
    assert (
        fact_check_claims("Claim:\n\nFerries are free.\n\nIt is not so.")
        == "Claim: “Ferries are free.”\n\nIt is not so."
    )
