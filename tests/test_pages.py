"""Web pages and saved files read as a reader sees them: a docs site's and an old page's markup, a
manual's furniture, a page that only redirects, a declared charset, a gzipped file (servers on
127.0.0.1 only)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.text.inputs import page_document, read_path
from tests.localserver import LocalServer, serve
from tests.test_inputs_cli import page_summary, run


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with serve() as srv:
        yield srv


def test_a_definition_list_reads_each_term_with_its_definition(server: LocalServer) -> None:
    # trafilatura writes <dt> and <dd> as two list items ("- Model", "- An object structure…"): a summary
    # sentence had been a definition without what it defines, and a caption's label rule took a
    # definition's term off its front. A term ending like a sentence takes no colon; two terms of one
    # definition stay as they are.
    page = (
        "<html><head><title>Parts</title></head><body><article><h1>Parts</h1>"
        "<p>The email package consists of three major components, each described here.</p><dl>"
        "<dt>Model </dt><dd><p>An object structure that represents an email message and its parts.</p></dd>"
        "<dt> <code>Parser</code>\n</dt><dd>Takes a sequence of bytes and produces a model of the message.</dd>"
        "<dt>How is it sent?</dt><dd><p>The generator turns the model back into bytes for the wire.</p></dd>"
        "<dt>old</dt><dt>legacy</dt><dd>Two names for the compatibility layer that older programs call.</dd>"
        "</dl></article></body></html>"
    )
    summary = page_summary(server, "/docs/parts", page, "--length", "long")
    assert "Model: An object structure that represents an email message and its parts." in summary
    assert "Parser: Takes a sequence of bytes and produces a model of the message." in summary
    text = page_document(page, "parts.html").text
    assert "- How is it sent? The generator turns the model back into bytes for the wire." in text
    assert "- old, legacy: Two names for" in text


def test_code_inside_a_pages_list_items_stays_code() -> None:
    # trafilatura writes a <pre> that follows text inside a list item with its fence on the text's line
    # ("Example: ```"): every later fence then paired with the wrong one, and npm's docs summarized as
    # "A +-- B +-- C -- D@2 +-- D@1." and config lines.
    items = "".join(
        f"<li><p><code>npm install {kind}</code>:</p><p>Install the package that sits in the {kind} given.</p>"
        f"<p>Example:</p><pre><code>npm install ./{kind}-one\nnpm install ./{kind}-two\n</code></pre></li>"
        for kind in ("folder", "tarball", "alias")
    )
    page = (
        "<html><head><title>npm-install</title></head><body><article><h1>npm-install</h1>"
        "<p>This command installs a package and any packages that it depends on.</p><ul>" + items + "</ul>"
        "<p>For a tree of dependencies this algorithm produces the layout below.</p>"
        "<pre><code>A\n+-- B\n+-- C\n   `-- D@2\n+-- D@1\n</code></pre>"
        "<p>Because the second package is installed at the top level, the third installs its own copy.</p>"
        "</article></body></html>"
    )
    doc = page_document(page, "npm-install.html")
    for prose in ("Install the package that sits in the alias given.", "the third installs its own copy."):
        assert prose in doc.text
    for code in ("npm install ./", "D@2", "+--"):
        assert code not in doc.text, code
    assert "```\nnpm install ./folder-one" in doc.raw  # the translator keeps the code by the same reading


def test_a_docs_pages_toggled_code_permalinks_and_fields_are_no_prose(server: LocalServer) -> None:
    # Node.js's docs: a <pre> with two flavours of one example and a copy button (trafilatura wrote it as
    # inline code, read as a sentence), headings with a "#" link to themselves ("File system#"), and a
    # "Source Code: lib/fs.js" field that led every summary.
    code = "<span class='k'>import</span> * as fs from 'node:fs';"
    page = (
        "<html><head><title>File system</title></head><body><article>"
        "<h2>File system<span><a class='mark' href='#file-system'>#</a></span></h2>"
        "<p><strong>Source Code:</strong> <a href='https://example.org/lib/fs.js'>lib/fs.js</a></p>"
        "<p>The fs module enables interacting with the file system in a way modeled on POSIX functions.</p>"
        "<p>To use the promise-based APIs:</p>"
        f"<pre><input type='checkbox' checked><code class='mjs'>{code}</code>"
        "<code class='cjs'>const fs = require('node:fs');</code><button>copy</button></pre>"
        "<p>All file system operations have synchronous, callback, and promise-based forms in the module.</p>"
        "<h3>Promise example<a class='headerlink' href='#promise-example'>¶</a></h3>"
        "<p>Promise-based operations return a promise that is fulfilled when the operation is complete.</p>"
        "<p>The package must ensure that <code>/usr/bin/python<em>X</em>.<em>Y</em></code> is provided.</p>"
        "</article></body></html>"
    )
    doc = page_document(page, "fs.html")
    assert doc.headings[-2:] == ("File system", "Promise example"), doc.headings
    assert "```\nimport * as fs from 'node:fs';\nconst fs = require('node:fs');\n```" in doc.raw
    assert "node:fs" not in doc.text and "copy" not in doc.text
    assert "The package must ensure that /usr/bin/pythonX.Y is provided." in doc.text  # code's emphasis stays in it
    summary = page_summary(server, "/api/fs", page, "--length", "short")
    assert summary.startswith("The fs module enables interacting with the file system"), summary


def test_a_saved_page_that_only_redirects_names_where_it_points(tmp_path: Path) -> None:
    stub = tmp_path / "ch17-00-oop.html"
    stub.write_text(
        '<html><head><meta http-equiv="refresh" content="0; URL=ch18-00-oop.html"></head>'
        "<body><p>Redirecting to... <a href='ch18-00-oop.html'>ch18-00-oop.html</a>.</p></body></html>"
    )
    res = CliRunner().invoke(cli, ["--engine", "extractive", str(stub)])
    assert res.exit_code == 1
    assert res.output.strip() == (
        f"summarize: error: {stub}: is a page that only sends the browser on to {tmp_path / 'ch18-00-oop.html'} "
        "(pass that page)"
    )


def test_a_pages_title_is_the_part_of_its_title_tag_that_heads_it() -> None:
    # mdBook: the site's name and the chapter's title are both <h1>, and a help box's <h2> comes first;
    # trafilatura had titled every chapter of the Rust book "Keyboard shortcuts" or the book's name.
    body = "".join(
        f"<p>Paragraph {i} says how Cargo builds, tests and publishes a crate for its users.</p>" for i in range(4)
    )
    page = (
        "<html><head><title>More about Cargo and Crates.io - The Rust Programming Language</title></head><body>"
        "<div class='help'><h2 class='mdbook-help-title'>Keyboard shortcuts</h2><p>Press ? to show this help.</p></div>"
        "<h1 class='menu-title'>The Rust Programming Language</h1><main>"
        "<h1 id='more'><a class='header' href='#more'>More about Cargo and Crates.io</a></h1>"
        + body
        + "</main></body></html>"
    )
    assert page_document(page, "ch14-00.html").title == "More about Cargo and Crates.io"
    # "A - Keywords - …" heads its page "Appendix A: Keywords": the first heading, not the site's name.
    appendix = page.replace("More about Cargo and Crates.io - The", "A - Keywords - The").replace(
        ">More about Cargo and Crates.io</a>", ">Appendix A: Keywords</a>"
    )
    assert page_document(appendix, "appendix-01.html").title == "Appendix A: Keywords"


def test_a_saved_page_in_the_charset_it_declares_is_read(tmp_path: Path) -> None:
    # Old DocBook and Windows tools saved pages in ISO-8859-1 and said so in a <meta>: the file had been
    # "not UTF-8 text". A browser reads a Latin-1 label as Windows-1252 (its curly quotes). An emphasis
    # the page source wraps over two lines reads without its marks ("*GNU Free Documentation License*").
    page = (
        '<html><head><meta content="text/html; charset=ISO-8859-1" http-equiv="Content-Type">'
        "<title>Tutorial</title></head><body><h1>Tutorial</h1>"
        "<p>Copyright \u00a9 2001 John Fleck. The caf\u00e9 guide is \u201cshort\u201d and covers the library.</p>"
        "<p>Permission is granted to copy this\n\tdocument under the terms of the <i>GNU Free Documentation\n"
        "\tLicense</i>, Version 1.1 or any later version published by the Foundation.</p></body></html>"
    )
    path = tmp_path / "tutorial.html"
    path.write_bytes(page.encode("cp1252"))
    text = read_path(path).text
    assert "The café guide is “short” and covers the library." in text
    assert "the GNU Free Documentation License, Version 1.1" in text
    # Text that declares nothing stays an error naming the fix.
    (tmp_path / "notes.txt").write_bytes("The café guide.".encode("cp1252"))
    res = run([str(tmp_path / "notes.txt")])
    assert res.exit_code == 1 and "is not UTF-8 text" in res.output


def test_a_manuals_navigation_bar_is_no_prose() -> None:
    # GNU Texinfo's header before every chapter: "Next: …, Previous: …, Up: … [Contents][Index]" had been
    # a summary sentence. A paragraph that links to the next page among its words stays.
    page = (
        "<html><head><title>GNU time</title></head><body><p>This file documents the GNU time command.</p>\n"
        '<div class="chapter" id="Resource-Measurement">\n'
        '<div class="header">\n<p>\nNext: <a href="#Reporting-bugs" accesskey="n" rel="next">Reporting bugs</a>, '
        'Previous: <a href="#Top" accesskey="p" rel="prev">Time</a>, Up: <a href="#Top" accesskey="u" rel="up">Time'
        '</a> &nbsp; [<a href="#SEC_Contents" title="Table of contents" rel="contents">Contents</a>][<a '
        'href="#Concept-index" title="Index" rel="index">Index</a>]</p>\n</div>\n'
        '<h2 class="chapter">1 Measuring Program Resource Use</h2>\n<p>The <code>time</code> command runs another '
        "program, then displays what resources that program used while it ran.\n</p>\n"
        '<p>How to report a problem is told on <a href="#Reporting-bugs" rel="next">the next page</a>, with the '
        "details of the version and the system that a useful report names.\n</p>"
        '<dl><dt><code>-v</code> <a class="copiable-link" href="#index-v">¶</a>, <code>--verbose</code></dt>'
        "<dd><p>Use the built-in verbose format.</p></dd></dl></div></body></html>"
    )
    text = page_document(page, "time.html").text
    assert "Previous" not in text and "Contents" not in text, text
    assert "How to report a problem is told on the next page, with the details" in text
    assert "- -v, --verbose: Use the built-in verbose format." in text  # a pilcrow linking the item to itself goes


def test_a_gzipped_file_is_read_as_what_it_holds(tmp_path: Path) -> None:
    # Debian ships its docs as README.md.gz: it had been "a binary file, not text".
    import gzip

    readme = "# APT\n\napt is the package manager of Debian.\n\n```\nmake install\n```\n\nIt is fast and safe to use.\n"
    (tmp_path / "README.md.gz").write_bytes(gzip.compress(readme.encode()))
    doc = read_path(tmp_path / "README.md.gz")
    assert (doc.title, doc.markdown) == ("APT", True) and "make install" not in doc.text
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(b"Some text that was cut off.")[:12])
    res = run([str(tmp_path / "broken.txt.gz")])
    assert res.exit_code == 1 and "is a damaged gzip file (check it with gzip -t)" in res.output
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 50_000_001))  # 50 MB of one letter
    res = run([str(tmp_path / "bomb.txt.gz")])
    assert res.exit_code == 1 and "unpacks to more than 50 MB" in res.output


def test_an_old_pages_loose_prose_is_read_and_its_code_is_not() -> None:
    # zlib's example (HTML 4): prose written straight into <body> between <pre><b>…</b></pre> blocks.
    # trafilatura had left the first paragraph out, run the rest into the code and written a <pre>
    # without <code> as lines of prose ("#include <stdio.h>" read as a heading).
    page = (
        "<html><head><title>zlib Usage Example</title></head><body><h2>zlib Usage Example</h2>\n"
        "We often get questions about how the <tt>deflate()</tt> and <tt>inflate()</tt> functions should be "
        "used, and when users should provide more input.\n<p>\nWithout further adieu, here is the program:\n"
        "<pre><b>\n/* zpipe.c: example of proper use of zlib */\n</b></pre><!-- -->\n"
        "We now include the header files for the required definitions, from the standard library.\n"
        "<pre><b>\n#include &lt;stdio.h&gt;\n#include &lt;string.h&gt;\n</b></pre><!-- -->\n"
        "This is an ugly hack required to avoid corruption of the input and output data on Windows.\n"
        "</body></html>"
    )
    doc = page_document(page, "zlib_how.html")
    for prose in ("We often get questions about how the deflate()", "We now include the header files", "ugly hack"):
        assert prose in doc.text, prose
    for code in ("zpipe.c:", "#include", "stdio.h>"):
        assert code not in doc.text, code
    assert "```\n#include <stdio.h>\n#include <string.h>\n```" in doc.raw


def test_a_modern_pages_loose_byline_and_teaser_stay_out_and_its_div_prose_stays_in() -> None:
    # Loose text in a byline's or a teaser's <div> had been paragraphs of the article; an article written
    # in <div>s with <br> between its paragraphs keeps them all.
    page = (
        "<html><head><title>Council approves library budget</title></head><body><main><article>"
        "<h1>Council approves library budget</h1><div class='byline'>By Jane Doe, City Reporter, published on "
        "Monday morning after a long night of debate</div><p>The city council approved a new budget for the "
        "central library on Monday night, after a debate that ran past midnight.</p><div class='related'>Read "
        "more: Library closures hit rural towns hardest as budgets shrink across the county this year</div>"
        "<div class='story-body'>The plan funds longer opening hours and a new children's section, the mayor "
        "said.<br><br>Critics said the plan raises taxes too much for families already struggling.</div>"
        "</article></main></body></html>"
    )
    text = page_document(page, "budget.html").text
    assert "Jane Doe" not in text and "Read more" not in text
    assert text.endswith(
        "the mayor said.\n\nCritics said the plan raises taxes too much for families already struggling."
    )
