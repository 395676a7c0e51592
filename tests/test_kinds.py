"""Inputs that name no kind (stdin, the API's texts, a .txt or extensionless file, a page served as
text/plain) are read as their content says: a web page, Markdown, a PDF, a feed or plain text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import summarize
from summarize.cli import cli
from summarize.errors import InputError
from summarize.text.inputs import read_path
from summarize.text.kinds import text_kind
from tests.localserver import LocalServer, serve
from tests.pdfs import make_pdf
from tests.test_feeds import rss
from tests.test_fetch import ARTICLE

README = """Requests is a simple, yet elegant, HTTP library that many programs use every day.

```python
>>> r = requests.get('https://httpbin.org/basic-auth/user/pass', auth=('user', 'pass'))
>>> r.status_code
200
```

Requests allows you to send HTTP/1.1 requests extremely easily, with no manual query strings.
It is one of the most downloaded Python packages, with about 300 million downloads a week.
"""


RST = """AnyIO
=====

|PyPI| |CI|

.. |PyPI| image:: https://img.shields.io/pypi/v/anyio.svg
   :target: https://pypi.org/project/anyio/

AnyIO is an asynchronous networking library that works on top of either asyncio_ or Trio_.
It implements :func:`structured concurrency <run>` and :class:`~anyio.TaskGroup` on top of asyncio itself.

.. code-block:: python

    import anyio
    anyio.run(main)

Install it with pip, the package installer that Python ships with::

    pip install anyio

.. note::

   Applications written against its interface run unmodified on either backend.

>>> 1 + 1
2

Features
--------

* a versatile interface for *byte streams* and ``object streams`` across many backends
* the `documentation <https://anyio.readthedocs.io>`_ explains each part in detail

.. _asyncio: https://docs.python.org/3/library/asyncio.html
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (ARTICLE, "html"),
        ("\ufeff<!-- saved -->\n<HTML lang=en><body><p>Hi.</p></body></HTML>", "html"),
        ("<p>The council met on Monday.</p>\n<p>It voted.</p>", "html"),
        ('<link rel="stylesheet" href="s.css">\n<table><tr><td>The council met.</td></tr></table>', "html"),
        ("<jane@example.org> wrote:\n\nThe council met on Monday.", "text"),
        ("<b>Breaking:</b> the council met.", "html"),
        (rss("https://news.example"), "feed"),
        (README, "markdown"),
        ("---\ntitle: Notes\n---\nThe council met.", "markdown"),
        ("Intro.\n\n## Why it matters\n\nIt does.", "markdown"),
        ("Council Budget\n==============\n\nThe council met.", "markdown"),
        ("Results\n-------\nThe council met.\n\n=====\n", "text"),
        ("See [the report](https://example.org/report) for the figures.", "markdown"),
        ("The council met on Monday. It voted 5 to 2.\n\nCritics said the plan was rushed.", "text"),
        ("Tag your posts #budget and #council.\n#budget", "text"),
        ("Write ``` to open a code block, the guide says, and close it the same way later on.", "text"),
        ("The page used a <p> tag where a <div> belonged, the auditors found.", "text"),
        ("Quotes [sic] and [1] stay as written (see page 4).", "text"),
        (RST, "rst"),
        ("Intro.\n\n.. _asyncio: https://docs.python.org/3/library/asyncio.html\n", "rst"),
        ("Wait.. what? The list.. it ended.\n.. and so on", "text"),
        # JSON data, and JSON Lines: no article (since the twenty-seventh session); a notebook's JSON is one.
        ('{"articles": [{"text": "The ferry strike ended."}]}', "json"),
        ('{"a": 1}\n{"a": 2}\n', "json"),
        ("[1, 2, 3]", "json"),
        ('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', "notebook"),
        ("[The ferry](https://example.org/f) strike ended on Thursday.", "markdown"),
        ("{braces} open this note, which is prose.", "text"),
    ],
)
def test_what_a_text_that_names_no_kind_reads_as(text: str, kind: str) -> None:
    assert text_kind(text) == kind


def run(args: list[str], input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--engine", "extractive", "-f", "json", *args], input=input, catch_exceptions=False)


def test_a_web_page_piped_in_is_read_as_its_page() -> None:
    # `curl -s URL | summarize`: the tags and the page's menu and footer had been summary sentences.
    res = run(["-"], ARTICLE)
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["title"] == "Council approves library budget"
    assert data["summary"].startswith("The city council approved the budget for the new central library")
    assert "<" not in data["summary"] + "".join(data["key_points"])
    assert "Copyright" not in res.stdout and "Home News" not in res.stdout


def test_a_readme_saved_as_txt_is_read_as_markdown(tmp_path: Path) -> None:
    # A package's README in a .txt file: its code block had been the summary's longest sentence.
    path = tmp_path / "requests.txt"
    path.write_text(README, encoding="utf-8")
    res = run(["--points", "0", str(path)])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)["summary"]
    assert "HTTP library" in summary and "extremely easily" in summary
    assert ">>>" not in summary and "status_code" not in summary and "```" not in summary
    assert read_path(path).markdown and not read_path(tmp_path.joinpath("requests.txt")).page


def test_a_pdf_piped_in_is_read_as_a_pdf() -> None:
    lines = [
        "The city council approved the budget for the new central library on Monday.",
        "The library will open in two years and will hold more than two hundred thousand books.",
    ]
    res = run(["--points", "0", "-"], make_pdf([lines]))
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["summary"].startswith("The city council approved the budget")


def test_a_feed_piped_in_gives_one_result_per_entry() -> None:
    res = CliRunner().invoke(
        cli, ["--engine", "extractive", "-f", "jsonl", "-"], input=rss("https://news.example"), catch_exceptions=False
    )
    rows = {row["source"]: row for row in map(json.loads, res.stdout.splitlines())}
    assert rows["https://news.example/library"]["title"] == "Council approves library budget"
    assert rows["https://news.example/market"]["summary"].startswith("The Saturday market moves")
    assert res.exit_code == 1  # the third entry has no text: it fails alone, the others are written
    assert rows["https://news.example/bridge"]["error_type"] == "InputError"


def test_a_feed_in_a_txt_file_is_a_one_line_error_naming_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "feed.txt"
    path.write_text(rss("https://news.example"), encoding="utf-8")
    res = run([str(path)])
    assert res.exit_code == 1
    assert res.stderr.strip().splitlines() == [
        f"summarize: error: {path}: is an RSS/Atom feed, which holds several articles "
        "(pass the feed as a file named .xml, .rss or .atom, or as its URL)"
    ]
    with pytest.raises(InputError, match="RSS/Atom feed"):
        summarize.summarize(rss("https://news.example"), engine="extractive")


def test_the_api_reads_a_page_given_as_text() -> None:
    result = summarize.summarize(ARTICLE, engine="extractive", points=0)
    assert result.title == "Council approves library budget"
    assert result.summary.startswith("The city council approved the budget for the new central library")


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with serve() as srv:
        yield srv


def test_markdown_served_as_plain_text_is_read_as_markdown(server: LocalServer) -> None:
    # Raw-file hosts serve a README.md as text/plain.
    server.add("/raw/README", README, content_type="text/plain; charset=utf-8")
    res = run(["--points", "0", server.url("/raw/README")])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)["summary"]
    assert "HTTP library" in summary and ">>>" not in summary


def test_restructuredtext_is_read_as_its_prose(tmp_path: Path) -> None:
    # Read as plain text, a badge line, a directive, code and a doctest had been summary sentences.
    path = tmp_path / "README.rst"
    path.write_text(RST, encoding="utf-8")
    doc = read_path(path)
    assert (doc.title, doc.headings) == ("AnyIO", ("AnyIO", "Features"))
    assert "works on top of either asyncio or Trio. It implements structured concurrency <run> and" not in doc.text
    assert "works on top of either asyncio or Trio. It implements structured concurrency and TaskGroup" in doc.text
    assert "Applications written against its interface run unmodified on either backend." in doc.text
    assert "- a versatile interface for byte streams and object streams" in doc.text
    for markup in ("|", "::", "..", "anyio.run", "pip install", ">>>", "code-block", "_asyncio", "Trio_", "PyPI"):
        assert markup not in doc.text, markup
    res = run(["--points", "0", str(path)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["summary"].startswith("AnyIO is an asynchronous networking library")


def test_restructuredtext_definitions_keep_their_terms(tmp_path: Path) -> None:
    # A definition list (Python's email/architecture.rst): its definitions had been summary sentences
    # without the names they define ("An object structure that represents an email message, …").
    path = tmp_path / "architecture.rst"
    path.write_text(
        "Architecture\n============\n\nThe email package consists of three major components:\n\n"
        "    Model\n        An object structure that represents an email message, and provides an\n"
        "        API for creating, querying, and modifying a message.\n\n"
        "    Parser\n        Takes a sequence of characters or bytes and produces a model of the\n"
        "        email message represented by those characters or bytes.\n",
        encoding="utf-8",
    )
    assert "- Parser: Takes a sequence of characters or bytes and produces a model" in read_path(path).text
    # A term's classifier (numpydoc's parameter types) reads after it, not glued to it ("unit_scalebool").
    typed = tmp_path / "params.rst"
    typed.write_text("Parameters:\n\nunit_scale : bool or int, optional\n    Scales the count of items shown.\n")
    assert "unit_scale (bool or int, optional): Scales the count of items shown." in read_path(typed).text
    res = run(["--points", "0", str(path)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["summary"].startswith("Model: An object structure that represents an email")


def test_restructuredtext_served_as_plain_text_is_read_by_its_name(server: LocalServer) -> None:
    # No directive to tell it by: the address's ".rst" says it, as a file's name does.
    text = "Title\n=====\n\nThe council met on Monday and voted for the plan.\n\nSection\n-------\n\nIt passed.\n"
    server.add("/raw/README.rst", text, content_type="text/plain; charset=utf-8")
    server.add("/typed", text, content_type="text/x-rst")
    for path in ("/raw/README.rst", "/typed"):
        res = run(["--points", "0", server.url(path)])
        assert res.exit_code == 0, res.output
        data = json.loads(res.stdout)
        assert data["title"] == "Title" and "=====" not in data["summary"] and "-----" not in data["summary"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Two top-level sections: docutils gives no title; the first heading, with only a badge before it, does.
        (
            "|ci|\n\n.. |ci| image:: https://x.example/ci.svg\n\nTool: a parser\n==============\n\n"
            "It parses.\n\nUsage\n=====\n\nRun it.\n",
            "Tool: a parser",
        ),
        # A section's common name is no document's title, nor is a later section's or the writer's pick.
        ("What is it?\n-----------\n\nThe tool parses.\n\nMain features\n-------------\n\nIt is fast.\n", None),
        ("The tool parses files.\n\n6.2.0 (2026-11-27)\n==================\n\n* Fixed a crash.\n", None),
        # docutils' title is text: a literal in it ("``rpds.py``") is no HTML in the title.
        ("===========\n``rpds.py``\n===========\n\nBindings to a crate of persistent data structures.\n", "rpds.py"),
    ],
)
def test_restructuredtext_title_is_the_documents_own_or_none(tmp_path: Path, text: str, title: str | None) -> None:
    # READMEs without a heading of their name had been titled "Features", "What is it?", "Getting the
    # latest code", a changelog's version, and "<span class=…>rpds.py</span>".
    path = tmp_path / "README.rst"
    path.write_text(text, encoding="utf-8")
    assert read_path(path).title == title


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "is empty: there is no text"),
        ("Title\n=====\n", "has no prose to summarize, only a title, code blocks, tables or links"),
        (
            ".. code-block:: python\n\n   x = 1\n",
            "has no prose to summarize, only a title, code blocks, tables or links",
        ),
    ],
)
def test_restructuredtext_without_prose_is_a_one_line_error(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "empty.rst"
    path.write_text(text, encoding="utf-8")
    res = run([str(path)])
    assert res.exit_code == 1
    assert res.stderr.strip().splitlines() == [f"summarize: error: {path}: {error} (pass an article with text)"]


def test_broken_restructuredtext_is_read_without_its_markup(tmp_path: Path) -> None:
    # docutils reports nothing and stops at nothing: a short underline, an unclosed role, an unknown
    # directive (left out with its body) and a reference to no target (its words).
    path = tmp_path / "broken.rst"
    path.write_text(
        "Bad\n==\n\nThe `unclosed role and a council_ reference.\n\n.. unknown-directive:: x\n   :opt: 1\n\n"
        "   body text\n\nThe council met on Monday and voted for the new budget after a long debate.\n",
        encoding="utf-8",
    )
    doc = read_path(path)
    assert "The `unclosed role and a council reference." in doc.text
    inline = tmp_path / "inline.rst"
    inline.write_text("This is an _`inline target` here, the council said on Monday.\n", encoding="utf-8")
    assert "This is an inline target here, the council said on Monday." in read_path(inline).text
    assert "The council met on Monday and voted for the new budget" in doc.text
    assert "body text" not in doc.text and "unknown-directive" not in doc.text and ":opt:" not in doc.text


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        (
            "articles.json",
            '{"articles": [{"title": "Ferry strike ends", "text": "The strike ended."}]}',
            "is JSON data",
        ),
        ("-", "[1, 2, 3]", "is JSON data"),
        ("fleet.csv", "name,route\nScillonian,Penzance-St Marys\n", "is a table"),
        ("ferries.py", '"""Ferry timetables."""\n\ndef crossings() -> int:\n    return 2\n', "is source code"),
        ("settings.yaml", "title: Ferries\nroutes: 2\n", "is a configuration file"),
        ("catalog.xml", '<?xml version="1.0"?>\n<catalog><book>Ferries</book></catalog>\n', "is XML data"),
    ],
)
def test_data_and_code_are_a_one_line_error_naming_what_they_are(
    tmp_path: Path, name: str, content: str, says: str
) -> None:
    # Read as text, a JSON file's summary had been its JSON, a script's its code, a table's its rows.
    if name == "-":
        args, stdin = ["-"], content
    else:
        (tmp_path / name).write_text(content, encoding="utf-8")
        args, stdin = [str(tmp_path / name)], None
    res = CliRunner().invoke(cli, ["--engine", "extractive", *args], input=stdin)
    assert res.exit_code != 0
    line = res.output.strip().splitlines()[-1]
    assert f"{says}" in line and "not an article" in line and "Traceback" not in res.output
    assert name in line or name == "-"
