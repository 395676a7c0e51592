"""Whole-document translation as a library call (summarize/translation/document.py) and its rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.results import UNDETERMINED, DocumentTranslation, LanguageResult
from summarize.text.inputs import to_document
from summarize.text.markdown import wrap_rtl_document
from summarize.translation.document import output_format, translate_document
from summarize.translation.planner import ASSUMED_ENGLISH, source_for
from summarize.translation.translator import Translator

URDU = LanguageResult("ur", 1.0, True, method="--lang")
UNKNOWN = LanguageResult(UNDETERMINED, 0.0, False, method="too-short")


def test_one_rule_for_already_translated_and_undetermined_sources() -> None:
    assert source_for(URDU, "ur").code is None and source_for(URDU, "ur").skipped == "already in Urdu"
    unknown = source_for(UNKNOWN, "ur")
    assert (unknown.code, unknown.skipped, unknown.warning) == ("en", None, ASSUMED_ENGLISH)
    french = source_for(LanguageResult("fr", 0.99, True), "ur")
    assert (french.code, french.skipped, french.warning) == ("fr", None, None)


def test_a_document_already_in_the_target_comes_back_as_written() -> None:
    doc = to_document("# عنوان\n\nیہ ایک جملہ ہے۔\n", "a.md", ".md")
    translator = Translator("/nonexistent/never-loaded")  # never asked: nothing to translate
    done = translate_document(doc, "ur", translator, language=URDU)
    assert done.text == doc.raw and done.skipped == "already in Urdu" and done.model is None
    assert DocumentTranslation.from_dict(done.to_dict()) == done


def test_markdown_output_is_wrapped_right_to_left_and_json_is_not(tiny_nllb: Path) -> None:
    doc = to_document("---\ntitle: x\n---\n\n# Head line\n\nOne sentence here.\n", "a.md", ".md")
    translator = Translator(str(tiny_nllb), backend="transformers")
    md = translate_document(doc, "ur", translator, language=UNKNOWN)
    assert md.text.startswith('---\ntitle: x\n---\n\n<div dir="rtl" lang="ur">\n\n# ') and md.text.endswith("</div>\n")
    assert md.warnings[0] == ASSUMED_ENGLISH and md.model == str(tiny_nllb) and md.language == UNKNOWN
    raw = translate_document(doc, "ur", translator, language=UNKNOWN, fmt="json")
    assert "dir=" not in raw.text and raw.text.startswith("---\ntitle: x\n---\n\n# ")
    plain = to_document("One sentence here.\n", "a.txt", ".txt")
    assert output_format(plain, "auto") == "text" and output_format(doc, "auto") == "markdown"
    assert "dir=" not in translate_document(plain, "ur", translator, language=UNKNOWN).text


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_the_rtl_wrap_keeps_front_matter_first_and_the_line_ending(eol: str) -> None:
    doc = eol.join(["---", "title: x", "---", "", "# متن", ""])
    wrapped = wrap_rtl_document(doc, "ur")
    div = '<div dir="rtl" lang="ur">'
    assert wrapped == eol.join(["---", "title: x", "---", "", div, "", "# متن", "", "</div>", ""])
    assert wrap_rtl_document(doc, "fr") == doc


def test_a_web_page_is_translated_as_the_markdown_of_its_main_text(tiny_nllb: Path, tmp_path: Path) -> None:
    page = (
        "<html><head><title>Library budget</title></head><body><nav><a href='/'>Home</a></nav><article>"
        "<h1>Library budget approved</h1><p>The council approved the budget on Monday after a long debate.</p>"
        "<h2>What it pays for</h2><ul><li>Two hundred thousand new books</li><li>A reading hall</li></ul>"
        "</article></body></html>"
    )
    (path := tmp_path / "library.html").write_text(page, encoding="utf-8")
    doc = to_document(path.read_text(encoding="utf-8"), str(path), ".html")
    assert doc.page and output_format(doc, "auto") == "markdown"
    done = translate_document(doc, "ur", Translator(str(tiny_nllb), backend="transformers"), language=UNKNOWN)
    # The page's structure comes through (the tiny model's words are noise): its headings and list items,
    # no menu, and right-to-left text wrapped as in any Markdown document.
    lines = done.text.splitlines()
    assert lines[0] == '<div dir="rtl" lang="ur">' and lines[-1] == "</div>"
    assert sum(line.startswith("# ") for line in lines) == 1 and sum(line.startswith("## ") for line in lines) == 1
    assert sum(line.startswith("- ") for line in lines) == 2 and "Home" not in done.text
