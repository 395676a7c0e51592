"""Word documents (.docx): read by mammoth as Markdown, on the command line, from a URL, and clear errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.text.inputs import read_path
from summarize.text.sources import read_url
from tests.docx_files import make_docx, para
from tests.localserver import LocalServer, serve

BODY = (
    para("Library plans", "Title")
    + para("The council approved a budget for the new library on Monday night, after a long debate.")
    + para("Results", "Heading1")
    + para("Visitors rose by ten percent in a year, the largest rise the branch has seen in a decade.")
    + para("Longer opening hours on weekdays and weekends", bullet=True)
    + para("A new section for children with its own reading room", bullet=True)
    + '<w:p><w:r><w:t xml:space="preserve">The old wing </w:t></w:r><w:del w:id="1" w:author="a"><w:r>'
    "<w:delText>will be sold and </w:delText></w:r></w:del><w:r><w:t>stays open for exhibitions.</w:t></w:r></w:p>"
)
CORE = {"title": "Template title", "creator": "Ann Lee", "created": "2024-03-05T12:00:00Z"}


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with serve() as srv:
        yield srv


def test_a_word_document_is_read_with_its_headings_lists_and_properties(tmp_path: Path) -> None:
    # It had been "a binary file, not text". The title the reader sees (Word's Title style) wins over the
    # file's own, which is often a template's; a tracked deletion is gone, as Word shows it accepted.
    path = tmp_path / "plans.docx"
    path.write_bytes(make_docx(BODY, CORE))
    doc = read_path(path)
    assert (doc.title, doc.author, doc.published) == ("Library plans", "Ann Lee", "2024-03-05")
    assert doc.headings == ("Library plans", "Results")
    assert "- Longer opening hours on weekdays and weekends\n- A new section for children" in doc.text
    assert "The old wing stays open for exhibitions." in doc.text and "sold" not in doc.text
    # Without a title or a heading in the text, the file's title is the document's.
    (tmp_path / "untitled.docx").write_bytes(make_docx(para("The branch reopens in May after the works."), CORE))
    assert read_path(tmp_path / "untitled.docx").title == "Template title"


def test_a_word_document_is_summarized_on_the_command_line_and_from_a_url(tmp_path: Path, server: LocalServer) -> None:
    path = tmp_path / "plans.docx"
    path.write_bytes(make_docx(BODY, CORE))
    res = CliRunner().invoke(cli, ["--engine", "extractive", "-f", "json", "--points", "0", str(path)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert (out["title"], out["published"], out["author"]) == ("Library plans", "2024-03-05", "Ann Lee")
    assert out["summary"].startswith("The council approved a budget for the new library on Monday night")
    server.add("/plans", make_docx(BODY), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    server.add("/download", make_docx(BODY), "application/octet-stream")  # known by its content
    for route in ("/plans", "/download"):
        (doc,) = read_url(server.url(route))
        assert doc.title == "Library plans" and "Visitors rose by ten percent" in doc.text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "is an old-format (.doc) or password-protected Word file"),
        (b"PK\x03\x04 not really a zip", "is a damaged Word document"),
        (make_docx("<w:p><w:r><w:t>never closed"), "is a damaged Word document"),  # its XML is broken
    ],
)
def test_a_word_file_that_cannot_be_read_is_a_one_line_error(tmp_path: Path, data: bytes, error: str) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    res = CliRunner().invoke(cli, ["--engine", "extractive", str(path)])
    assert res.exit_code == 1 and error in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1
