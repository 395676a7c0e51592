"""Transcripts: a meeting's, an interview's or a podcast's turns written one a line, each opening with a
timestamp ("[00:01:07]", "00:01:07 -", "(1:07)") and a speaker's name ("Anna Ruiz:", "SPEAKER 1:", "Q:").

Read as plain text, lines under 150 characters are a hard-wrapped paragraph: the turns ran together as one,
and the stamps and names were words of its sentences ("[00:00:09] Tom Roe: Thanks, Anna." was a summary
sentence, 7 words with them, 2 without). A transcript's turns are its paragraphs, and the text of each is
what was said: stamps and names go, as a page's bylines do.
"""

from __future__ import annotations

import re
from collections import Counter

from .sentences import split_sentences

# A time stamp: hours, minutes, seconds (a fraction), bare or in brackets.
_STAMP = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?"
# A speaker: up to four capitalised words ("Anna Ruiz", "Dr. Tom Roe"), a numbered speaker ("SPEAKER 1",
# "Speaker 2") or an interview's "Q"/"A".
_SPEAKER = r"(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}|[Ss][Pp][Ee][Aa][Kk][Ee][Rr][ \t]*\d{1,2})"
# A turn's start: a stamp, a speaker's name and a colon, or both (in either order).
_TURN = re.compile(
    rf"^[ \t]*(?:(?P<stamp>{_STAMP})[ \t]*(?:[-–—|][ \t]*)?)?"
    rf"(?:(?P<speaker>{_SPEAKER})[ \t]*(?:{_STAMP}[ \t]*)?:[ \t]+)?(?=\S)"
)
_MIN_TURNS = 4
# A meeting's small talk, said to keep it going and saying nothing of its subject ("Okay, let's get
# started.", "Thanks, Anna.", "Anything else? No? Then thanks, everyone."): a sentence of these words only.
_SMALL_TALK_WORDS = (
    "okay ok so well right yes yeah yep no nope sure alright all good great fine thanks thank you everyone "
    "everybody guys folks for joining coming let's lets let us get started start begin hi hello hey morning "
    "afternoon evening welcome back then anything else any questions bye see soon um uh er oh and that's it"
)
_SMALL_TALK = frozenset(_SMALL_TALK_WORDS.split())
_WORD = re.compile(r"[\w'’]+")
# What a transcriber notes that nobody said, inside a turn: a corpus's tag in braces ("{vocalsound}",
# "{disfmarker}", "{gap}": the AMI meetings as QMSum stores them, whose tags had been words of the summary),
# and a sound or a gap in brackets ("[laughter]", "(laughs)", "[inaudible 00:12:03]", "[crosstalk]").
_NOT_SAID = re.compile(
    r"[ \t]*(?:\{[a-z_]{2,20}\}|[\[(](?:laugh(?:s|ter|ing)?|inaudible|unintelligible|crosstalk|applause"
    r"|silence|pause|coughs?|music|noise|indiscernible)\b[^\])\n]{0,20}[\])])",
    re.I,
)


def _turn(line: str) -> re.Match[str] | None:
    m = _TURN.match(line)
    return m if m and (m.group("stamp") or m.group("speaker")) else None


def is_transcript(text: str) -> bool:
    """Whether ``text`` is a transcript: at least four lines, and most of its lines, open a turn with a
    timestamp, or with a speaker's name where two speakers or more each open two turns or more (one
    label a line, "Note:" or "Update:", is no speaker)."""
    rows = [row for row in text.split("\n") if row.strip()]
    turns = [m for m in map(_turn, rows) if m]
    if len(turns) < _MIN_TURNS or 2 * len(turns) < len(rows):
        return False
    if sum(1 for m in turns if m.group("stamp")) * 2 >= len(rows):
        return True
    speakers = Counter(m.group("speaker") for m in turns if m.group("speaker"))
    return sum(1 for n in speakers.values() if n >= 2) >= 2


def transcript_prose(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` (a transcript, :func:`is_transcript`) as prose: one paragraph a turn, without its stamp,
    its speaker's name, what the transcriber noted that nobody said (``_NOT_SAID``) and its small talk; a
    line that opens no turn goes on the turn before it. And the turns that only ask ("How long did the
    strike last?"): an interview's question names what the answer after it is about, as a heading does,
    and says nothing itself."""
    turns: list[str] = []
    for row in text.split("\n"):
        if not row.strip():
            continue
        row = _NOT_SAID.sub("", row)
        m = _turn(row)
        if m is not None or not turns:
            turns.append(row[m.end() :].strip() if m else row.strip())
        else:
            turns[-1] += " " + row.strip()
    said = [[s for s in split_sentences(turn) if not _small_talk(s)] for turn in turns]
    said = [sentences for sentences in said if sentences]
    asked = tuple(" ".join(ss) for ss in said if all(s.rstrip("\"'”’»)").endswith("?") for s in ss))
    return "\n\n".join(" ".join(ss) for ss in said), asked


def _small_talk(sentence: str) -> bool:
    """Whether ``sentence`` is small talk: its words all of :data:`_SMALL_TALK`, but for a name in a short
    one ("Thanks, Anna.")."""
    words = _WORD.findall(sentence)
    short = len(words) <= 3
    return all(w.lower().replace("’", "'") in _SMALL_TALK or (short and w[:1].isupper()) for w in words)
