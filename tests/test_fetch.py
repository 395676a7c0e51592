"""Web inputs and network bounds, against servers these tests start on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize import SummarizeOptions, Summarizer, __version__
from summarize.errors import InputError
from summarize.text.fetch import fetch, is_url, urls_offline
from summarize.text.sentences import split_sentences
from summarize.text.sources import FetchOptions, read_source, read_url, read_url_list
from tests.localserver import LocalServer, serve, silent_server, stream_forever, trickle

REPO = Path(__file__).resolve().parent.parent

ARTICLE = """<!doctype html><html><head><title>Council approves library budget</title>
<meta name="author" content="Ann Lee"><meta property="article:published_time" content="2024-03-05">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves library budget</h1>
<p>The city council approved the budget for the new central library on Monday after a long debate.</p>
<p>The library will open in two years and will hold more than two hundred thousand books and a hall.</p>
<p>Critics said the cost was too high, but the mayor said the city had saved for the project for years.</p>
</article><footer>Copyright 2024 The Daily Example. All rights reserved.</footer></body></html>"""


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with serve() as srv:
        yield srv


def _error(call) -> InputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        call()
    return info.value


def test_html_article_text_and_metadata(server: LocalServer) -> None:
    server.add("/news/library", ARTICLE)
    # conftest sets HF_HUB_OFFLINE=1 for every test: it keeps the model hub off, never a page.
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    (doc,) = read_url(server.url("/news/library"))
    assert doc.source == server.url("/news/library")
    assert doc.title == "Council approves library budget"
    assert doc.author == "Ann Lee"
    assert doc.published == "2024-03-05"
    assert "two hundred thousand books" in doc.text
    assert "All rights reserved" not in doc.text and "Home" not in doc.text
    _path, headers = server.requests[-1]
    assert headers["User-Agent"].startswith(f"summarize/{__version__}")


def test_a_page_reads_the_same_from_a_url_and_from_a_file(server: LocalServer, tmp_path: Path) -> None:
    page = ARTICLE.replace(
        "<p>Critics said",
        "<h2>Opening in two years</h2><p>Doors open in spring 2026 with a reading festival</p><p>Critics said",
    )
    server.add("/news/library", page)
    (fetched,) = read_url(server.url("/news/library"))
    (path := tmp_path / "library.html").write_text(page, encoding="utf-8")
    (filed,) = read_source(str(path))
    for doc in (fetched, filed):
        assert (doc.title, doc.author, doc.published) == ("Council approves library budget", "Ann Lee", "2024-03-05")
        assert "Opening in two years" in doc.headings
    assert filed.text == fetched.text
    # Each block of the page ends a sentence: trafilatura's plain text put one line break between blocks,
    # which reads as a soft wrap, and a heading or a line without a stop ran into the next sentence.
    sentences = split_sentences(filed.text)
    assert "Doors open in spring 2026 with a reading festival" in sentences
    assert any(s.startswith("The city council approved") for s in sentences)
    with Summarizer(SummarizeOptions(engine="extractive")) as summarizer:
        result = summarizer.summarize_document(filed)
    assert "Opening in two years" not in result.summary and "Council approves" not in result.summary


def test_redirect_is_followed_and_final_url_kept(server: LocalServer) -> None:
    server.add("/article", ARTICLE)
    server.routes["/short"] = (301, {"Location": "/article"}, b"")
    (doc,) = read_url(server.url("/short"))
    assert doc.source == server.url("/short") and doc.url == server.url("/article")


def _refresh(to: str, delay: str = "0") -> str:
    return f'<html><head><meta http-equiv="Refresh" content="{delay}; URL={to}"></head><body>Redirecting…</body></html>'


def test_a_page_that_refreshes_to_another_is_followed_as_a_redirect(server: LocalServer) -> None:
    # A moved chapter's stub (the Rust book's "Redirecting to... ch18-00-oop.html") had been summarized.
    server.add("/article", ARTICLE)
    server.add("/old/stub.html", _refresh("../article"))
    (doc,) = read_url(server.url("/old/stub.html"))
    assert doc.source == server.url("/old/stub.html") and doc.url == server.url("/article")
    # A slow refresh is a live page's reload, not a redirect: the page is read as it is.
    server.add("/live", ARTICLE.replace("<head>", "<head><meta http-equiv='refresh' content='300; url=/live'>"))
    assert read_url(server.url("/live"))[0].url == server.url("/live")
    # Inside <noscript> it sends only browsers without JavaScript on: the page is read as it is.
    noscript = "<head><noscript><meta http-equiv='refresh' content='0; url=/enable-js'></noscript>"
    server.add("/app", ARTICLE.replace("<head>", noscript))
    assert read_url(server.url("/app"))[0].url == server.url("/app")


def test_a_refresh_loop_is_named_as_a_redirect_loop_is(server: LocalServer) -> None:
    server.add("/a", _refresh("/b"))
    server.add("/b", _refresh("/a"))
    err = _error(lambda: fetch(server.url("/a"), timeout=5))
    assert "redirects in a loop" in str(err) and err.source == server.url("/a")


def test_plain_text_url(server: LocalServer) -> None:
    server.add("/notes.txt", "Héllo from a plain text page. It has two sentences.", "text/plain; charset=utf-8")
    (doc,) = read_url(server.url("/notes.txt"))
    assert doc.text == "Héllo from a plain text page. It has two sentences."


def test_404_names_the_url(server: LocalServer) -> None:
    err = _error(lambda: fetch(server.url("/gone"), timeout=5))
    assert err.source == server.url("/gone")
    assert "HTTP 404" in str(err) and "check the URL" in str(err)


def test_500_is_a_server_failure(server: LocalServer) -> None:
    server.add("/boom", "oops", status=500)
    assert "server failed (HTTP 500)" in str(_error(lambda: fetch(server.url("/boom"), timeout=5)))


def test_redirect_loop(server: LocalServer) -> None:
    server.routes["/a"] = (302, {"Location": "/b"}, b"")
    server.routes["/b"] = (302, {"Location": "/a"}, b"")
    err = _error(lambda: fetch(server.url("/a"), timeout=5))
    assert "redirects in a loop" in str(err) and err.source == server.url("/a")


def test_too_many_redirects(server: LocalServer) -> None:
    for i in range(8):
        server.routes[f"/r{i}"] = (302, {"Location": f"/r{i + 1}"}, b"")
    assert "more than 5 redirects" in str(_error(lambda: fetch(server.url("/r0"), timeout=5)))


def test_declared_oversized_body(server: LocalServer) -> None:
    server.add("/big", b"x" * 5000, "text/plain")
    err = _error(lambda: fetch(server.url("/big"), timeout=5, max_bytes=1000))
    assert "larger than the 1,000 bytes limit" in str(err) and "--max-bytes" in str(err)


def test_endless_body_stops_at_the_cap(server: LocalServer) -> None:
    server.routes["/endless"] = stream_forever(server)
    start = time.monotonic()
    err = _error(lambda: fetch(server.url("/endless"), timeout=10, max_bytes=1_000_000))
    assert "larger than the 1.0 MB limit" in str(err)
    assert time.monotonic() - start < 5


def test_wrong_content_type(server: LocalServer) -> None:
    server.add("/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
    err = _error(lambda: fetch(server.url("/logo.png"), timeout=5))
    assert "is image/png, not an article" in str(err)


def test_xml_that_is_not_a_feed(server: LocalServer) -> None:
    server.add("/data.xml", "<?xml version='1.0'?><catalog><book/></catalog>", "application/xml")
    assert "not an RSS/Atom feed" in str(_error(lambda: read_url(server.url("/data.xml"))))


def test_trickling_server_cannot_stretch_the_budget(server: LocalServer) -> None:
    server.routes["/slow"] = trickle(server, every=0.1)
    start = time.monotonic()
    err = _error(lambda: fetch(server.url("/slow"), timeout=1.0))
    elapsed = time.monotonic() - start
    assert "no complete answer within 1 s" in str(err) and "--timeout" in str(err)
    assert elapsed < 2.5, elapsed


def test_silence_late_in_the_budget_is_cut_to_what_is_left(server: LocalServer) -> None:
    # Bytes for 1.2 s, then silence: each socket wait is cut to the time left, not a fresh 2 s.
    server.routes["/stall"] = trickle(server, every=0.1, silent_after=1.2)
    start = time.monotonic()
    err = _error(lambda: fetch(server.url("/stall"), timeout=2.0))
    assert "within 2 s" in str(err)
    assert time.monotonic() - start < 2.8


def test_server_that_never_answers_a_page() -> None:
    with silent_server() as base:
        start = time.monotonic()
        err = _error(lambda: fetch(f"{base}/article", timeout=1.0))
        assert time.monotonic() - start < 2.5
    assert err.source == f"{base}/article" and "within 1 s" in str(err)


def test_connection_refused() -> None:
    with silent_server() as base:
        pass  # closed again: the port now refuses
    err = _error(lambda: fetch(f"{base}/x", timeout=2))
    assert "cannot connect to 127.0.0.1" in str(err)


def test_offline_refuses_urls(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.add("/article", ARTICLE)
    err = _error(lambda: read_url(server.url("/article"), FetchOptions(offline=True)))
    assert "offline mode is on" in str(err) and err.source == server.url("/article")
    monkeypatch.setenv("SUMMARIZE_OFFLINE", "1")
    assert urls_offline() and "offline" in str(_error(lambda: fetch(server.url("/article"))))
    assert server.requests == []  # refused before any connection


def test_is_url_and_read_source_dispatch(server: LocalServer, tmp_path: Path) -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://x") and not is_url("notes.txt")
    server.add("/article", ARTICLE)
    (doc,) = read_source(server.url("/article"))
    assert doc.title == "Council approves library budget"
    text = tmp_path / "a.txt"
    text.write_text("A local file. It is read as before.", encoding="utf-8")
    (local,) = read_source(str(text))
    assert local.text == "A local file. It is read as before."


def test_url_list_file(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# reading list\nhttps://a.example/1\n\n  https://b.example/2  \n", encoding="utf-8")
    assert read_url_list(urls) == ["https://a.example/1", "https://b.example/2"]
    urls.write_text("https://a.example/1\nnotes.txt\n", encoding="utf-8")
    err = _error(lambda: read_url_list(urls))
    assert "line 2 is not an http(s) URL" in str(err) and err.source == str(urls)


def _cli(args: list[str], env_extra: dict[str, str], tmp_path: Path, timeout: float) -> tuple[int, str, float]:
    env = {k: v for k, v in os.environ.items() if k not in {"HF_HUB_OFFLINE", "SUMMARIZE_OFFLINE"}}
    env.update(PYTHONPATH=str(REPO), HF_HOME=str(tmp_path / "hf"), SUMMARIZE_CACHE_DIR=str(tmp_path / "c"))
    env.update(env_extra)
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "summarize", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - start


def test_hub_that_never_answers_falls_back_to_extractive(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "The city council approved a new budget on Monday. It funds schools and roads. "
        "Critics said the plan raises taxes too much. The mayor defended the plan as necessary.\n",
        encoding="utf-8",
    )
    with silent_server() as base:
        # Before the fix this waited forever in HfApi.model_info (timeout=None).
        rc, out, elapsed = _cli([str(article)], {"HF_ENDPOINT": base, "HF_HUB_ETAG_TIMEOUT": "2"}, tmp_path, timeout=60)
    assert rc == 0, out
    assert "engine: extractive" in out and "did not answer within 2 s" in out
    assert elapsed < 20, elapsed


def test_models_pull_against_a_silent_hub_fails_in_time(tmp_path: Path) -> None:
    with silent_server() as base:
        rc, out, elapsed = _cli(
            ["models", "pull", "distilbart-cnn"], {"HF_ENDPOINT": base, "HF_HUB_ETAG_TIMEOUT": "2"}, tmp_path, 60
        )
    assert rc == 1 and "summarize: error: could not download model" in out
    assert "did not answer within 2 s" in out and "Traceback" not in out
    assert elapsed < 20, elapsed
