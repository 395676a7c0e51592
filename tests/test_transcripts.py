"""Transcripts: a meeting's or an interview's turns are read as what was said, one paragraph a turn."""

from __future__ import annotations

from summarize import SummarizeOptions, Summarizer
from summarize.text.inputs import to_document
from summarize.text.transcripts import is_transcript, transcript_prose

MEETING = """[00:00:03] Anna Ruiz: Okay, let's get started. Thanks everyone for joining.
[00:00:09] Tom Roe: Thanks, Anna.
[00:00:12] Anna Ruiz: So the main item today is the ferry timetable. The strike ended on Thursday and we need to
restore full service by December 20.
[00:00:25] Tom Roe: The crews can start on Saturday, but only two of the three ships are ready. The third needs an
engine part that arrives on the 15th.
[00:00:41] Anna Ruiz: Can we charter a boat in the meantime?
[00:00:45] Tom Roe: We asked Scilly Marine. They can give us one boat for 12,000 pounds a week.
[00:01:07] Anna Ruiz: Second item: refunds. About 4,000 passengers had bookings during the strike.
[00:01:15] Tom Roe: The refund page goes live on Monday. We expect most claims in the first week.
[00:01:22] Anna Ruiz: Good. Anything else? No? Then thanks, everyone.
"""


def test_a_meetings_turns_are_what_was_said() -> None:
    # Its lines had been read as one hard-wrapped paragraph: "[00:00:09] Tom Roe: Thanks, Anna." was a
    # summary sentence, seven words with the stamp and the name.
    assert is_transcript(MEETING)
    prose, asked = transcript_prose(MEETING)
    paragraphs = prose.split("\n\n")
    assert paragraphs[0] == (
        "So the main item today is the ferry timetable. The strike ended on Thursday and we need to restore full "
        "service by December 20."
    )  # small talk goes: "Okay, let's get started.", "Thanks, Anna.", the closing round
    assert len(paragraphs) == 6 and not any("[00:" in p or "Tom Roe" in p or "thanks" in p.lower() for p in paragraphs)
    assert asked == ("Can we charter a boat in the meantime?",)
    result = Summarizer(SummarizeOptions(engine="extractive", points=5)).summarize(MEETING, "<stdin>")
    said = [result.summary, *result.key_points]
    assert result.summary.startswith("So the main item today is the ferry timetable.")
    assert not any("?" in s or "[" in s or "Okay" in s for s in said)


def test_an_interviews_questions_name_its_answers() -> None:
    interview = (
        "Q: How long did the strike last?\nA: Three weeks. It started on November 13 and ended on Thursday.\n"
        "Q: What happens to the timetable now?\nA: Two ships sail from Saturday, and a chartered boat joins them.\n"
        "Q: Will passengers get their money back?\nA: Yes. About 4,000 passengers had bookings during the strike.\n"
    )
    doc = to_document(interview, "<stdin>")
    assert doc.headings[:3] == (
        "How long did the strike last?",
        "What happens to the timetable now?",
        "Will passengers get their money back?",
    )
    assert doc.text.split("\n\n")[1] == "Three weeks. It started on November 13 and ended on Thursday."
    result = Summarizer(SummarizeOptions(engine="extractive", points=5)).summarize(interview, "<stdin>")
    assert "?" not in " ".join([result.summary, *result.key_points])


def test_text_with_a_few_labels_is_no_transcript() -> None:
    # One label a line is no speaker; a stamp or a name must open most lines, in four turns or more.
    assert not is_transcript("Note: the council met on Monday.\nUpdate: it approved the budget.\nMore text here.")
    assert not is_transcript("Anna Ruiz: yes.\nTom Roe: no.\nAnna Ruiz: maybe.")  # three turns
    letter = "Dear all,\n\nThe library opens at 10:30 on Monday.\n12:00 Lunch is served in the hall.\nThanks, Anna"
    assert not is_transcript(letter)
    assert is_transcript("Anna: one.\nTom: two.\nAnna: three.\nTom: four.")
