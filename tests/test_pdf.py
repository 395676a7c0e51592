"""PDF inputs: the text layer as prose, and a clear error for each kind of PDF we cannot read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.errors import InputError
from summarize.text.inputs import read_path
from summarize.text.pdf import pages_to_text, read_pdf
from summarize.text.sources import read_url
from tests.localserver import LocalServer, serve
from tests.pdfs import make_pdf

BODIES = [
    [
        "The committee met in March to review the budget and the plans for the new",
        "library. It agreed to fund the project in two phases, start-",
        "ing next year. The first phase covers the design.",
    ],
    [
        "Results",
        "Visitors rose by ten percent, the largest rise in a decade, and the reading",
        "rooms were full on most week-",
        "ends. Staff said the children's section was the busiest.",
    ],
    [
        "Outlook",
        "The second phase adds a cafe and a hall for talks. The council will vote on",
        "its cost in the autumn.",
    ],
    ["Thanks go to the volunteers who kept the branch open during the works on the", "roof and the heating."],
]
PAGES = [["Annual Report 2024 - City Library", *body, f"Page {i} of 4"] for i, body in enumerate(BODIES, 1)]
META = {"/Title": "Library plans", "/Author": "Ann Lee", "/CreationDate": "D:20240305120000Z"}


@pytest.fixture(scope="module")
def report() -> bytes:
    return make_pdf(PAGES, metadata=META)


def _error(call) -> InputError:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        call()
    return info.value


def test_text_layer_as_prose(report: bytes) -> None:
    text, meta = read_pdf(report, "report.pdf")
    assert "Annual Report 2024" not in text  # running header, on every page
    assert "Page " not in text  # page numbers
    assert "starting next year" in text and "most weekends." in text  # hyphenation across lines undone
    assert "plans for the new library." in text  # a paragraph's lines run together
    paragraphs = text.split("\n\n")
    assert paragraphs[1] == "Results." and paragraphs[0].endswith("covers the design.")
    assert meta == {"title": "Library plans", "author": "Ann Lee", "published": "2024-03-05"}


def test_page_numbers_dropped_only_at_page_edges() -> None:
    body = "Sales rose in every region this year, and the board thanked the staff for it."
    pages = [
        f"{number}\n{body}\nThe count was\n12\nin all.\n{footer}"
        for number, footer in [("iv", "- 2 -"), ("v", "Page 3 of 9"), ("vi", "14")]
    ]
    text = pages_to_text(pages)
    assert "- 2 -" not in text and "Page 3" not in text
    assert not {"iv", "v", "vi", "14"} & set(text.split())
    assert text.count("12") == 3  # a number inside the page is text


def test_a_running_header_that_names_its_chapter_is_dropped() -> None:
    # A manual's header changes with its chapter ("Chapter 4: Function reference 9"): no one header is on
    # half of the pages, and a key point had read "4.2 ASN.1 field functions Chapter 4: Function
    # reference 9 asn1 array2tree…". A header carries the page's printed number, which follows the pages.
    words = ["library", "parser", "tree", "node", "caller", "walk"]
    chapters = ["Chapter 1: Introduction", "Chapter 2: Structures", "Chapter 3: Functions"]
    pages = ["Manual of the library\nThe first page has no number and names the manual only."]
    for i, word in enumerate(words, 1):
        body = [f"The {word} reads the definitions and builds what the caller needs from them, as", "said."]
        table = f"The {word} table has {10 * i} rows in all, ending at row {i + 1}"
        pages.append("\n".join([f"{chapters[(i - 1) // 2]} {i}", *body * 3, table]))
    text = pages_to_text(pages)
    assert "Chapter" not in text, text
    assert all(f"ending at row {i + 1}" in text for i in range(1, 7))  # a number closing a line of text stays


def test_a_running_header_that_opens_the_first_page_is_the_title_and_numbered_headings_are_paragraphs() -> None:
    # The Shared MIME-info Database specification (LaTeX) names itself at the top of every page and has no
    # title in its properties: it had no title, and its title page's address ran into its first sections,
    # "tal197 at users.sf.net 1. Introduction 1.1. Version This is version…", the summary's first sentence.
    def body(word: str) -> list[str]:
        return [
            f"The {word} reads the definitions and builds what the caller needs from them, as the long line",
            f"of a justified page does, and the next line of the {word} page goes on.",
        ]

    first = [
        "Harbour Data Format",
        "Jane Doe",
        "jane.doe at mail.harbour.example.org",
        "1. Introduction",
        "1.1. Version",
        *body("a"),
    ]
    sections = [("2.2 Details", "b"), ("3.1 Encoding", "c"), ("4. Errors", "d")]
    pages = [first, *(["Harbour Data Format", section, *body(w)] for section, w in sections)]
    text, meta = read_pdf(make_pdf(pages), "spec.pdf")
    assert meta["title"] == "Harbour Data Format"
    assert "Harbour Data Format" not in text  # shown apart, as the title, not as the first sentence
    paragraphs = text.split("\n\n")
    assert paragraphs[:4] == ["Jane Doe.", "jane.doe at mail.harbour.example.org", "1. Introduction.", "1.1. Version."]
    assert {"2.2 Details.", "3.1 Encoding.", "4. Errors."} <= set(paragraphs)
    out = CliRunner().invoke(cli, ["--engine", "extractive", "-f", "json", "-"], input=text)
    assert "example.org" not in out.stdout  # an address alone is no sentence of a summary
    # The file's own title wins; a header with a number (a date, a page) is none.
    assert read_pdf(make_pdf(pages, metadata={"/Title": "HDF spec"}), "spec.pdf")[1]["title"] == "HDF spec"
    dated = [[line.replace("Harbour Data Format", "Report 2024") for line in page] for page in pages]
    assert read_pdf(make_pdf(dated), "spec.pdf")[1]["title"] is None


def test_hyphen_rules() -> None:
    assert "starting" in pages_to_text(["We are start-\ning the work now, as the committee has said in March."])
    assert "1999-2000" not in pages_to_text(["The year 1999-\n2000 was long, and that was all there was to it here."])
    assert "1999- 2000" in pages_to_text(["The year 1999-\n2000 was long, and that was all there was to it here."])


def test_read_path_pdf_file_and_magic_bytes(report: bytes, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(report)
    doc = read_path(path)
    assert doc.title == "Library plans" and doc.published == "2024-03-05" and "library" in doc.text
    # A PDF saved without its suffix is still a PDF, not "not UTF-8".
    odd = tmp_path / "download"
    odd.write_bytes(report)
    assert read_path(odd).text == doc.text


def test_no_text_layer(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_pdf([[], []]))
    err = _error(lambda: read_path(scan))
    assert "has no text layer; run OCR first, e.g. ocrmypdf" in str(err) and err.source == str(scan)


def test_pdf_named_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    fake = tmp_path / "notes.pdf"
    fake.write_text("Just some text saved with the wrong name.", encoding="utf-8")
    assert "is named .pdf but is not a PDF" in str(_error(lambda: read_path(fake)))


def test_encrypted_pdf_needs_a_password(tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(make_pdf(PAGES, user_password="secret"))
    err = _error(lambda: read_path(locked))
    assert "encrypted PDF (it needs a password)" in str(err) and "qpdf --decrypt" in str(err)


def test_pdf_protected_only_against_copying_is_read(tmp_path: Path) -> None:
    # An empty user password (owner password only) opens in every viewer; we read it too.
    protected = tmp_path / "protected.pdf"
    protected.write_bytes(make_pdf(PAGES, user_password=""))
    assert "starting next year" in read_path(protected).text


def test_damaged_pdf(report: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(report[: len(report) // 3])
    err = _error(lambda: read_path(broken))
    assert "is a damaged PDF" in str(err) and "qpdf" in str(err)
    assert capsys.readouterr().err == ""  # pypdf's own repair notes are not printed


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    with serve() as srv:
        yield srv


def test_pdf_url_by_type_and_by_magic(report: bytes, server: LocalServer) -> None:
    server.add("/report.pdf", report, "application/pdf")
    server.add("/download?id=7", report, "application/octet-stream")
    (doc,) = read_url(server.url("/report.pdf"))
    assert doc.title == "Library plans" and doc.source == server.url("/report.pdf")
    (same,) = read_url(server.url("/download?id=7"))
    assert same.text == doc.text


def test_cli_summarizes_a_pdf_and_names_a_bad_one(report: bytes, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(report)
    ok = CliRunner().invoke(cli, ["--engine", "extractive", "--format", "json", str(path)])
    assert ok.exit_code == 0, ok.output
    assert "library" in ok.stdout.lower() and "%PDF" not in ok.stdout
    fake = tmp_path / "fake.pdf"
    fake.write_text("plain text, wrong name", encoding="utf-8")
    bad = CliRunner().invoke(cli, ["--engine", "extractive", str(fake)])
    assert bad.exit_code != 0 and "is named .pdf but is not a PDF" in bad.stderr
    assert "UTF-8" not in bad.stderr and "Traceback" not in bad.output
