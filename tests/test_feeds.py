"""RSS/Atom feeds: one input per entry, from a file or a URL served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize import SummarizeOptions, Summarizer
from summarize.errors import InputError
from summarize.text.feeds import fragment_to_text, parse_feed
from summarize.text.inputs import Document
from summarize.text.sources import FetchOptions, read_source
from tests.localserver import LocalServer, serve

ARTICLE = """<html><head><title>Bridge reopens after repairs</title></head><body><article>
<h1>Bridge reopens after repairs</h1>
<p>The old river bridge reopened on Friday after eight months of repairs to its steel frame and deck.</p>
<p>Engineers said the bridge should now last another fifty years, and buses will use it from Monday.</p>
</article></body></html>"""


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>City news</title><link>{base}/</link><description>News</description>
<item><title>Council approves library budget</title><link>{base}/library</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate><author>ann@example.org (Ann Lee)</author>
<description>A short teaser.</description>
<content:encoded><![CDATA[<p>The city council approved the library budget on Monday.</p>
<p>The library opens in two years &amp; holds 200,000 books.</p><script>alert(1)</script>]]></content:encoded>
</item>
<item><title>Market moves to the square</title><link>{base}/market</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 +0100</pubDate>
<description>&lt;p&gt;The Saturday market moves to the main square in April. Traders welcomed it.&lt;/p&gt;
</description>
</description>
</item>
<item><title>Bridge reopens after repairs</title><link>{base}/bridge</link>
<pubDate>Thu, 07 Mar 2024 08:00:00 GMT</pubDate></item>
</channel></rss>"""


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title><id>urn:notes</id>
<updated>2024-03-08T12:00:00Z</updated>
<entry><title>First note</title><id>urn:1</id><link href="https://notes.example/1"/>
<updated>2024-03-08T12:00:00Z</updated>
<content type="html">&lt;p&gt;The first note says the garden needs water every day in summer.&lt;/p&gt;
</content></entry>
</content></entry>
<entry><title>Second note</title><id>urn:2</id><link href="https://notes.example/2"/>
<updated>2024-03-09T12:00:00Z</updated><summary>The second note is about the fence. It is broken.</summary></entry>
<entry><title>Third note</title><id>urn:3</id><link href="https://notes.example/3"/>
<updated>2024-03-10T12:00:00Z</updated><content type="text">Plain text content. It needs no markup.</content></entry>
</feed>"""


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with serve() as srv:
        yield srv


def test_rss_url_gives_one_input_per_entry(server: LocalServer) -> None:
    server.add("/feed", rss(server.url("")), "application/rss+xml")
    first, second, third = read_source(server.url("/feed"))
    assert isinstance(first, Document) and isinstance(second, Document)
    # Full content wins over the teaser; scripts are gone; the title leads the text.
    assert first.source == server.url("/library") and first.url == server.url("/library")
    assert first.title == "Council approves library budget" and first.published == "2024-03-05T09:30:00Z"
    assert "200,000 books" in first.text and "teaser" not in first.text and "alert" not in first.text
    assert first.text.startswith("Council approves library budget.\n\n")
    # No content: the summary, as text.
    assert "Traders welcomed it." in second.text and "<p>" not in second.text
    assert second.published == "2024-03-06T09:00:00Z"  # normalised to UTC
    # Title and link only: that entry fails alone, and says how to get its text.
    assert isinstance(third, InputError)
    assert third.source == server.url("/bridge") and "--follow-links" in str(third)
    assert [path for path, _ in server.requests] == ["/feed"]  # nothing followed unasked


def test_follow_links_fetches_the_entry_page(server: LocalServer) -> None:
    server.add("/feed", rss(server.url("")), "text/xml")
    server.add("/bridge", ARTICLE)
    docs = read_source(server.url("/feed"), FetchOptions(follow_links=True, timeout=5))
    assert not any(isinstance(d, InputError) for d in docs)
    bridge = docs[2]
    assert "fifty years" in bridge.text and bridge.title == "Bridge reopens after repairs"
    assert bridge.published == "2024-03-07T08:00:00Z" and bridge.source == server.url("/bridge")
    assert [path for path, _ in server.requests] == ["/feed", "/bridge"]  # entries with text are not fetched


def test_a_followed_link_that_fails_fails_its_entry_only(server: LocalServer) -> None:
    server.add("/feed", rss(server.url("")), "application/rss+xml")  # /bridge is not served: 404
    first, second, third = read_source(server.url("/feed"), FetchOptions(follow_links=True, timeout=5))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert isinstance(third, InputError) and "HTTP 404" in str(third) and third.source == server.url("/bridge")
    assert "library budget" in first.text and "square" in second.text


@pytest.mark.parametrize("name", ["feed.xml", "notes.atom", "notes"])
def test_atom_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ATOM, encoding="utf-8")
    docs = read_source(str(path))
    assert [d.title for d in docs] == ["First note", "Second note", "Third note"]
    assert docs[0].source == "https://notes.example/1" and "water every day" in docs[0].text
    assert "fence" in docs[1].text and docs[2].text.endswith("It needs no markup.")
    assert docs[1].published == "2024-03-09T12:00:00Z"


def test_xml_file_that_is_not_a_feed_is_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<catalog>A catalog of books, as text.</catalog>", encoding="utf-8")
    (doc,) = read_source(str(path))
    assert "catalog of books" in doc.text


def test_broken_and_empty_feeds() -> None:
    with pytest.raises(InputError, match="no entries"):
        parse_feed(b'<rss version="2.0"><channel><title>x</title></channel></rss>', "empty.rss")
    with pytest.raises(InputError, match="not a valid RSS/Atom feed"):
        parse_feed(b"this is not xml at all {", "broken.rss")


def test_fragment_to_text_keeps_paragraphs() -> None:
    html = "<p>One <b>bold</b> line.</p><ul><li>First</li><li>Second</li></ul>tail<br>end"
    assert fragment_to_text(html) == "One bold line.\n\nFirst\n\nSecond\n\ntail\n\nend"


def test_an_entry_s_inline_markup_reads_as_a_page_s_does() -> None:
    # One set of rules with web pages (text/page_markup.py): a citation's marker goes, an exponent is a
    # superscript, a <q> keeps its quotation marks, a <time> its text, struck-out text goes.
    html = (
        "<p>The river is 120 km long<sup><a href='#c1'>[1]</a></sup> and drains 500 km<sup>2</sup>. The mayor "
        "said <q>prices will <em>fall</em></q> on <time>12 March</time>; the fare was <del>$10</del> $8 in the "
        "21<sup>st</sup> century.</p>"
    )
    assert fragment_to_text(html) == (
        "The river is 120 km long and drains 500 km². The mayor said “prices will fall” on 12 March; the fare "
        "was $8 in the 21st century."
    )


def test_an_entry_s_headings_are_never_summary_sentences() -> None:
    body = (
        "<p>The city council approved the library budget on Monday after a long debate.</p>"
        "<h2>What the new central library will hold for readers</h2>"
        "<p>The library opens in two years and holds two hundred thousand books.</p>"
    )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>N</title>'
        "<id>urn:n</id><updated>2024-03-08T12:00:00Z</updated><entry><title>Library budget</title><id>urn:1</id>"
        '<link href="https://notes.example/1"/><updated>2024-03-08T12:00:00Z</updated>'
        f'<content type="html"><![CDATA[{body}]]></content></entry></feed>'
    ).encode()
    (doc,) = parse_feed(feed, "news.atom")
    # The entry's title opens its text and is a heading too, as a web page's or a Markdown file's title.
    assert isinstance(doc, Document) and doc.text.startswith("Library budget.\n\n")
    assert doc.headings == ("What the new central library will hold for readers", "Library budget")
    with Summarizer(SummarizeOptions(engine="extractive", length="long")) as summarizer:
        result = summarizer.summarize_document(doc)
    assert "What the new central library" not in result.summary and "approved the library" in result.summary
    assert "Library budget" not in result.summary


def test_feeds_are_never_fetched_by_feedparser() -> None:
    # feedparser fetches a str that looks like a URL itself (no timeout, no bounds); we only ever hand it bytes.
    with pytest.raises(InputError):
        parse_feed(b"http://127.0.0.1:9/feed", "x")
