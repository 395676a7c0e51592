"""Subtitles: a video's captions (``.srt`` SubRip, ``.vtt`` WebVTT, ``.sbv`` YouTube), read by webvtt-py
(MIT, the three formats, cue tags and voices) as what was said.

Read as plain text, a subtitle file's cue numbers and times ("1", "00:00:01,000 --> 00:00:04,000") were
its words, and its cues, each a piece of a sentence on a line of its own, read as hard-wrapped lines. The
captions' text runs on across cues as the speech does; a new speaker (a WebVTT voice, a dialogue dash
"- …", YouTube's ">>") opens a paragraph. Sound cues ("[Music]", "(applause)", "♪ … ♪") are no words, and a
line that repeats the one before it (captions that roll up, the last line shown again with the next)
is read once.
"""

from __future__ import annotations

import html
import io
import re

from ..errors import InputError

_SRT_START = re.compile(r"\A\s*\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->")
_SBV_START = re.compile(r"\A\s*\d{1,2}:\d{2}:\d{2}\.\d{3},\d{1,2}:\d{2}:\d{2}\.\d{3}[ \t]*\r?\n")
# A new speaker in a caption: a dialogue dash or YouTube's chevrons.
_TURN = re.compile(r"^\s*(?:[-–—]\s+|>>\s*)")
# A sound or music cue, the whole line: "[Music]", "(applause)", "♪ la la ♪".
_SOUND = re.compile(r"^\s*(?:\[[^\]]*\]|\([^)]*\)|♪[^♪]*♪?|♫[^♫]*♫?)\s*$")


def subtitle_format(text: str) -> str | None:
    """The subtitle format ``text`` is written in (``vtt``, ``srt``, ``sbv``), by its start; None for other text."""
    head = text[:512].lstrip("\ufeff")
    if head.startswith("WEBVTT"):
        return "vtt"
    if _SRT_START.match(head):
        return "srt"
    return "sbv" if _SBV_START.match(head) else None


def subtitle_prose(raw: str, source: str, fmt: str | None = None) -> str:
    """The speech ``raw`` (a subtitle file in the format its start shows, else in ``fmt``, its name's) holds,
    as prose: a paragraph a speaker's turn (see the module's notes).

    Raises :class:`InputError` when it is no subtitle file webvtt-py can read, or holds no words."""
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    fmt = subtitle_format(raw) or fmt or "srt"
    try:
        captions = list(webvtt.from_buffer(io.StringIO(raw.lstrip("\ufeff")), format=fmt))
    except (MalformedFileError, MalformedCaptionError, ValueError) as exc:
        raise InputError(
            f"is not a subtitle file that can be read ({exc})",
            source=source,
            hint=f"check that it is {fmt.upper()}, or save its text as .txt",
        ) from None
    paragraphs: list[list[str]] = []
    voice, last = None, ""
    for caption in captions:
        if caption.voice != voice or not paragraphs:
            paragraphs.append([])
            voice = caption.voice
        for line in caption.text.split("\n"):
            # WebVTT writes "&amp;", "&lt;", "&gt;" (YouTube's ">>" as "&gt;&gt;") and "&nbsp;" as entities.
            line = " ".join(html.unescape(line).split())
            if not line or _SOUND.match(line) or line == last:
                continue
            last = line
            if _TURN.match(line):
                line = _TURN.sub("", line)
                if paragraphs[-1]:
                    paragraphs.append([])
            paragraphs[-1].append(line)
    text = "\n\n".join(" ".join(p) for p in paragraphs if p)
    if not text:
        raise InputError(
            "has no words to summarize, only cue times and sound cues", source=source, hint="pass subtitles with text"
        )
    return text
