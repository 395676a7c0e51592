"""RTF documents (summarize/text/rtf.py, striprtf): their text, not their control words. Before, an RTF
file was read as plain text and its summary opened "{\\rtf1\\ansi\\deff0 {\\fonttbl …"."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from summarize.cli import cli
from summarize.text.rtf import read_rtf

# Written for this test, as WordPad and TextEdit save: a font table, code-page and Unicode escapes, \par.
RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0 {\fonttbl {\f0 Times New Roman;}}{\colortbl;\red0\green0\blue0;}"
    "\n"
    r"\f0\fs28 Ferry strike ends in Penzance\par"
    "\n"
    r"\fs24 The ferry strike that cut off the Isles of Scilly for three weeks ended on Thursday, when the crews "
    r"accepted a pay deal of six per cent.\par"
    "\n"
    r"The caf\'e9 on the quay reopened the same day, and its owner said \u8220?we can breathe again\u8221?.\par"
    "\n"
    r"Two ships sail again from Saturday, and a chartered boat fills the gap until the third is repaired.\par}"
)


def test_an_rtf_documents_text_is_read_without_its_control_words(tmp_path: Path) -> None:
    text = read_rtf(RTF.encode("ascii"), "story.rtf")
    assert text.split("\n\n")[:2] == [
        "Ferry strike ends in Penzance",
        "The ferry strike that cut off the Isles of Scilly for three weeks ended on Thursday, when the crews "
        "accepted a pay deal of six per cent.",
    ]
    assert "café" in text and "“we can breathe again”" in text and "\\" not in text and "Times New Roman" not in text
    path = tmp_path / "story.rtf"
    path.write_bytes(RTF.encode("ascii"))
    for args, stdin in (([str(path)], None), (["-"], RTF)):  # by name, and by content
        res = CliRunner().invoke(cli, ["--engine", "extractive", "-f", "json", *args], input=stdin)
        assert res.exit_code == 0, res.output
        out = json.loads(res.stdout)
        assert out["title"] == "Ferry strike ends in Penzance"
        assert out["summary"].startswith("The ferry strike that cut off the Isles of Scilly")
        assert "rtf1" not in out["summary"] and "fonttbl" not in out["summary"]


def test_a_file_named_rtf_that_is_no_rtf_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.rtf"
    path.write_text("The ferry strike ended on Thursday.", encoding="utf-8")
    res = CliRunner().invoke(cli, ["--engine", "extractive", str(path)])
    assert res.exit_code != 0
    line = res.output.strip().splitlines()[-1]
    assert str(path) in line and "is not an RTF document" in line and "rename it to .txt" in line
