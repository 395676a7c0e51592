"""Web pages, feeds and URL lists on the command line (servers on 127.0.0.1 only), a translator
that is missing, and a damaged cache entry: the run keeps what it computed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from tests.localserver import LocalServer, serve
from tests.test_feeds import rss
from tests.test_fetch import ARTICLE

TEXT = (
    "The city council approved a new budget on Monday. It funds schools and roads across the city. "
    "Critics said the plan raises taxes too much. The mayor defended the plan as necessary for growth.\n"
)


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with serve() as srv:
        yield srv


def run(args: list[str], input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--engine", "extractive", *args], input=input, catch_exceptions=False)


def test_a_web_page_is_summarized_with_its_title_and_date(server: LocalServer) -> None:
    server.add("/news/library", ARTICLE)
    res = run(["-f", "json", server.url("/news/library")])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["source"] == server.url("/news/library")
    assert (data["title"], data["published"], data["author"]) == (
        "Council approves library budget",
        "2024-03-05",
        "Ann Lee",
    )
    assert "library" in data["summary"]


def page_summary(server: LocalServer, path: str, page: str, *args: str) -> str:
    """The JSON summary of ``page`` served at ``path``, with no key points."""
    server.add(path, page)
    res = run(["-f", "json", "--points", "0", *args, server.url(path)])
    assert res.exit_code == 0, res.output
    return str(json.loads(res.stdout)["summary"])


def test_a_web_pages_underscores_stars_and_brackets_read_as_written(server: LocalServer) -> None:
    # trafilatura writes a page's "snake_case", "5 * 3" and "[sic]" in Markdown as "snake\_case",
    # "5 \* 3" and "\[sic\]"; the summary had shown "snake\_case", "5 \ 3" and "\sic\".
    page = (
        "<html><head><title>Naming rule</title></head><body><article><h1>Naming rule</h1>"
        "<p>The council's new snake_case naming rule for data files took effect on Monday, officials said.</p>"
        "<p>The budget rose 5 * 3 percent, a figure [sic] that surprised analysts at the city hall meeting.</p>"
        "<p>Critics in the finance department said the rule would cost about 40 hours of work.</p>"
        "</article></body></html>"
    )
    summary = page_summary(server, "/news/naming", page)
    assert "new snake_case naming rule" in summary and "rose 5 * 3 percent, a figure [sic] that" in summary
    assert "\\" not in summary


def test_a_wiki_pages_citation_markers_go_and_its_exponents_stay(server: LocalServer) -> None:
    # A Wikipedia-style page: trafilatura keeps "<sup>\\[1\\]</sup>" and "km<sup>2</sup>" as HTML; the
    # summary had read "…120 km long[1] and drains an area of 500 km2…".
    page = (
        "<html><head><title>River</title></head><body><div id='content'><h1>River</h1>"
        "<p>The river is 120 km long<sup class='reference'><a href='#cite_note-1'>[1]</a></sup> and drains an "
        "area of 500 km<sup>2</sup> in the north of the country.<sup class='reference'><a href='#c-2'>[2]</a>"
        "</sup> Its source lies at 1,200 m above sea level, in the hills near the old town of Ashby.</p>"
        "<p>The second paragraph says more about the river's history and its use for trade by merchants.</p>"
        "</div></body></html>"
    )
    summary = page_summary(server, "/wiki/river", page)
    assert "120 km long and drains an area of 500 km² in the north of the country. Its source" in summary


def test_a_date_and_a_quotation_inside_a_sentence_of_a_page_stay_in_it(server: LocalServer) -> None:
    # trafilatura drops every <time> with its text ("The vote takes place on , and…") and ends a paragraph
    # at an inline <q> ("…the mayor said prices will fall" / "next year."). A byline's date stays out.
    rest = "".join(
        f"<p>Paragraph {i} of the story goes on about the council budget and the roads of the city.</p>"
        for i in range(6)
    )
    page = (
        "<html><head><title>Vote</title></head><body><article><h1>Vote</h1>"
        "<p class='byline'>By Jane Doe, <time datetime='2024-03-05'>5 March 2024</time></p>"
        "<p>The vote takes place on <time datetime='2024-03-12'>12 March</time>, and the mayor said "
        "<q>prices will <em>fall</em></q> next year, officials told reporters at the hall.</p>"
        + rest
        + "</article></body></html>"
    )
    summary = page_summary(server, "/news/vote", page, "--length", "short")
    assert summary.startswith(
        "The vote takes place on 12 March, and the mayor said “prices will fall” next year, officials told"
    ), summary
    assert "Jane Doe" not in summary


def test_a_feed_is_one_input_per_entry_and_a_bad_entry_fails_alone(server: LocalServer, tmp_path: Path) -> None:
    server.add("/feed", rss(server.url("")), "application/rss+xml")
    res = run(["-f", "jsonl", server.url("/feed")])
    assert res.exit_code == 1  # the third entry has no text
    # Lines stream out as inputs finish (a failed entry first): matched by source.
    lines = {line["source"]: line for line in map(json.loads, res.stdout.splitlines())}
    library, market, bridge = (lines[server.url(p)] for p in ("/library", "/market", "/bridge"))
    assert len(lines) == 3
    assert library["published"] == "2024-03-05T09:30:00Z" and "library budget" in library["summary"]
    assert "--follow-links" in bridge["error"] and "error" not in market
    out = tmp_path / "out"
    res = run(["--out", str(out), server.url("/feed")])
    assert res.exit_code == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == ["127-0-0-1-feed-1.summary.md", "127-0-0-1-feed-2.summary.md"]


def test_a_url_list_runs_as_a_batch_and_a_missing_page_fails_alone(server: LocalServer, tmp_path: Path) -> None:
    server.add("/news/library", ARTICLE)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# reading list\n{server.url('/news/library')}\n{server.url('/gone')}\n", encoding="utf-8")
    res = run(["-f", "jsonl", "--urls", str(urls)])
    assert res.exit_code == 1
    lines = {line["source"]: line for line in map(json.loads, res.stdout.splitlines())}
    ok, gone = lines[server.url("/news/library")], lines[server.url("/gone")]
    assert ok["title"] == "Council approves library budget"
    assert gone["source"] == server.url("/gone") and "HTTP 404" in gone["error"]
    assert f"summarize: error: {server.url('/gone')}: HTTP 404" in res.stderr
    res = run(["-f", "jsonl", "--urls", "-"], input=server.url("/news/library") + "\n")
    assert res.exit_code == 0 and json.loads(res.stdout)["title"] == "Council approves library budget"


def test_offline_refuses_urls_before_any_connection(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.add("/news/library", ARTICLE)
    res = run(["--offline", server.url("/news/library")])
    assert res.exit_code == 1 and res.stdout == ""
    assert "offline mode is on" in res.stderr and server.url("/news/library") in res.stderr
    monkeypatch.setenv("SUMMARIZE_OFFLINE", "1")
    assert run([server.url("/news/library")]).exit_code == 1
    assert server.requests == []


@pytest.mark.parametrize(("var", "value"), [("SUMMARIZE_TIMEOUT", "soon"), ("SUMMARIZE_MAX_BYTES", "0")])
def test_bad_fetch_settings_name_their_variable(monkeypatch: pytest.MonkeyPatch, var: str, value: str) -> None:
    monkeypatch.setenv(var, value)
    res = run([], input=TEXT)
    assert res.exit_code == 2 and f"{var}={value}" in res.stderr


def test_a_slow_page_times_out_with_the_timeout_given(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.localserver import silent_server

    with silent_server() as base:
        res = run(["--timeout", "1", f"{base}/article"])
    assert res.exit_code == 1 and "within 1 s" in res.stderr


def test_a_missing_translator_keeps_the_summary_then_fails(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    res = run(["--to", "ur", str(article)])
    assert res.exit_code == 1
    assert "Summary:" in res.stdout and "city council" in res.stdout  # the summary is not thrown away
    errors = [line for line in res.stderr.splitlines() if line.startswith("summarize: error:")]
    assert len(errors) == 1 and "--translator PATH" in errors[0] and "--model PATH" not in errors[0]
    res = run(["--to", "ur", "-f", "json", str(article)])
    data = json.loads(res.stdout)
    assert res.exit_code == 1 and "translation" not in data
    assert any(w.startswith("translation: not done into ur") for w in data["warnings"])


def test_a_cache_entry_with_wrong_types_is_a_miss_and_rewritten(tmp_path: Path) -> None:
    import os

    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    first = json.loads(run(["-f", "json", str(article)]).stdout)
    cache = Path(os.environ["SUMMARIZE_CACHE_DIR"])
    (entry,) = [p for p in cache.rglob("*.json") if '"key"' in p.read_text(encoding="utf-8")]
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["result"]["summary"] = ["not", "a", "string"]
    entry.write_text(json.dumps(data), encoding="utf-8")
    again = json.loads(run(["-f", "json", str(article)]).stdout)
    assert again["summary"] == first["summary"]
    assert isinstance(json.loads(entry.read_text(encoding="utf-8"))["result"]["summary"], str)


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def test_mojibake_is_repaired_and_said(tmp_path: Path) -> None:
    # UTF-8 that went through a Windows-1252 decoder once: "£" became "Â£", "“" became "â€œ".
    garbled = "The council said the bridge would cost £15m. “It is late,” a resident said. It opens in 2026."
    path = tmp_path / "garbled.txt"
    # Each byte as Windows-1252 reads it; the five bytes it leaves undefined as Latin-1 (0x9D of "”").
    misread = "".join(_cp1252(b) for b in garbled.encode("utf-8"))
    path.write_text(misread, encoding="utf-8")
    res = run(["-f", "json", "--points", "0", str(path)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert "£15m" in data["summary"] and "Â" not in data["summary"] and "“It is late,”" in data["summary"]
    assert data["warnings"] == ['text: repaired mojibake (UTF-8 once read as Windows-1252): "Â£" -> "£"']


def test_a_misread_byte_order_mark_goes() -> None:
    from summarize.text.inputs import repair_mojibake

    assert repair_mojibake('She said: ï»¿"It was unexpected."')[0] == 'She said: "It was unexpected."'


@pytest.mark.parametrize(
    "text",
    ["Café déjà vu: naïve résumés in São Paulo and Zürich, «bien», ¿Qué?", "Ð is a letter; Â is one too."],
)
def test_accented_text_is_no_mojibake(text: str) -> None:
    from summarize.text.inputs import repair_mojibake

    assert repair_mojibake(text) == (text, None)


def test_markdown_of_markup_only_says_so_not_that_it_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "prices.md"
    path.write_text("# Prices\n\n| item | price |\n|---|---|\n| tea | 2 |\n\n```\ncode\n```\n", encoding="utf-8")
    res = run([str(path)])
    assert res.exit_code == 1
    assert res.stderr.strip() == (
        f"summarize: error: {path}: has no prose to summarize, only a title, code blocks, tables or links "
        "(pass an article with text)"
    )


def test_a_scripts_name_in_an_address_names_no_kind(server: LocalServer) -> None:
    # "news.php" served as text/plain is the text it served, not PHP: the content decides, as for any text.
    server.add("/news.php", TEXT, "text/plain; charset=utf-8")
    res = run(["-f", "json", server.url("/news.php")])
    assert res.exit_code == 0, res.output
    assert "council" in json.loads(res.stdout)["summary"]
