"""Subtitles (.srt, .vtt, .sbv): a video's captions are read as what was said."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.errors import InputError
from summarize.text.inputs import read_path, to_document
from summarize.text.kinds import text_kind

SRT = """1
00:00:01,000 --> 00:00:04,000
[Music]

2
00:00:04,500 --> 00:00:08,000
The ferry strike ended on Thursday,
after three weeks without a boat.

3
00:00:08,000 --> 00:00:12,000
after three weeks without a boat.
The crews accepted a 6% pay rise.

4
00:00:12,500 --> 00:00:16,000
- Will the timetable be back soon?
- Two ships sail from Saturday, and -5 degrees is no problem.
"""
VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Anna Ruiz>The strike ended on <i>Thursday</i>.

00:00:04.000 --> 00:00:06.000
<v Anna Ruiz>We need full service by December 20.

00:00:06.000 --> 00:00:09.000
<v Tom Roe>Two of the three ships are ready.
"""


def test_an_srt_files_cues_are_read_as_running_speech(tmp_path: Path) -> None:
    # Its cue numbers and times had been words of the summary, and each cue a line of its own.
    path = tmp_path / "talk.srt"
    path.write_text(SRT, encoding="utf-8")
    doc = read_path(path)
    assert doc.text.split("\n\n") == [
        "The ferry strike ended on Thursday, after three weeks without a boat. The crews accepted a 6% pay rise.",
        "Will the timetable be back soon?",  # a dialogue dash: another speaker
        "Two ships sail from Saturday, and -5 degrees is no problem.",
    ]  # the sound cue goes; the line the next cue repeats is read once
    # Piped in, its first cue says what it is.
    assert text_kind(SRT) == "subtitles" and to_document(SRT, "<stdin>").text == doc.text


def test_a_webvtt_files_voices_are_its_paragraphs() -> None:
    assert text_kind(VTT) == "subtitles"
    assert to_document(VTT, "talk.vtt", ".vtt").text == (
        "The strike ended on Thursday. We need full service by December 20.\n\nTwo of the three ships are ready."
    )


def test_webvtt_entities_are_read_as_their_characters() -> None:
    # YouTube writes its speaker change ">>" as "&gt;&gt;"; "&amp;" is "&".
    vtt = (
        "WEBVTT - talk\n\nSTYLE\n::cue { color: yellow }\n\nNOTE a comment\n\ncue-1\n"
        "00:00:01.000 --> 00:00:04.000 align:start\n<c.yellow>The strike ended</c> on Thursday.\n\n"
        "00:00:04.000 --> 00:00:06.000\n&gt;&gt; Two ships sail &amp; a boat joins.\n"
    )
    assert to_document(vtt, "<stdin>").text == "The strike ended on Thursday.\n\nTwo ships sail & a boat joins."


def test_subtitles_are_summarized_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "talk.srt"
    path.write_text(SRT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--engine", "extractive", str(path)])
    assert result.exit_code == 0, result.output
    assert "The ferry strike ended on Thursday, after three weeks without a boat." in result.stdout
    assert "-->" not in result.stdout and "00:00" not in result.stdout and "Music" not in result.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Just some text, not subtitles.\n", "is not a subtitle file that can be read"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n[Music]\n", "has no words to summarize"),
    ],
)
def test_a_subtitle_file_with_no_speech_is_a_one_line_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.srt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_path(path)
    result = CliRunner().invoke(cli, ["--engine", "extractive", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(f"summarize: error: {path}: {message}")
