"""Newsletters: recurring text across sibling issues, lone files, the per-folder cache and newsletter key
points (one per section). Calls to action are in test_calls.py, word bounds in test_bounds.py."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from summarize import hook
from summarize.engines import newsletter
from summarize.engines.newsletter import is_newsletter, newsletter_points
from summarize.text import boilerplate
from summarize.text.boilerplate import MIN_ISSUES, RecurringText, strip_lone
from summarize.text.bounds import LENGTH_WORDS, SLACK_WORDS, word_count
from summarize.text.calls import MAY_CALL_TO_ACTION, is_call_to_action
from summarize.text.inputs import read_path
from tests.conftest import SHARED
from tests.test_calls import CALLS_TO_ACTION
from tests.test_hook import assert_only_block_added

TOPICS = [
    "The city council approved a new bridge over the river after a long debate about its cost.",
    "Researchers measured how quickly glaciers in the Alps lost their ice during the hot summer.",
    "A small bakery in the old town started selling bread made from ancient grains this spring.",
    "The national orchestra announced a tour of twelve cities with a programme of new symphonies.",
    "Engineers finished testing a battery that charges an electric bus in less than ten minutes.",
    "Volunteers planted four thousand trees along the motorway to shield the villages from noise.",
]


def issue(number: int, topic: str, extra: str = "") -> str:
    # Furniture every issue repeats, with the issue number, a date and a link that change.
    return (
        f"Title: Weekly Notes {number}\nDate: 2020-03-{number:02d}\n\n"
        f"Hello and welcome to issue {number} of Weekly Notes, published on March {number}th!\n"
        f"If you find any mistakes in this week's notes, [write to the editors](https://example.org/{number}).\n\n"
        f"# Story of the week\n\n{topic}\n\n{extra}\n\n"
        f"# Colophon\n\nWeekly Notes is written by volunteers in their free time every single week.\n"
    )


def write_series(folder: Path, count: int = 5, extra: dict[int, str] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        p = folder / f"issue-{k + 1:02d}.md"
        p.write_text(issue(k + 1, TOPICS[k], (extra or {}).get(k, "")), encoding="utf-8")
        paths.append(p)
    return paths


def test_recurring_lines_are_left_out_and_content_kept(tmp_path: Path) -> None:
    paths = write_series(tmp_path / "series")
    doc = read_path(paths[-1])
    assert "Hello and welcome" in doc.text
    prose, removed = RecurringText.for_document(paths[-1]).strip(doc.text)
    assert "Hello and welcome" not in prose  # the number, date and link differ: normalised away
    assert "write to the editors" not in prose
    assert "written by volunteers" not in prose
    assert TOPICS[4] in prose
    assert removed >= 3


def test_a_line_in_too_few_other_issues_is_kept(tmp_path: Path) -> None:
    line = "The ferry timetable changes on Sunday because the harbour is being dredged again."
    below = {k: line for k in range(MIN_ISSUES - 1)}
    paths = write_series(tmp_path / "series", extra={**below, 4: line})
    prose, _ = RecurringText.for_document(paths[-1]).strip(read_path(paths[-1]).text)
    assert line in prose  # found in MIN_ISSUES - 1 other issues: below what the rule asks for
    paths[MIN_ISSUES - 1].write_text(issue(MIN_ISSUES, TOPICS[MIN_ISSUES - 1], line), encoding="utf-8")
    prose, _ = RecurringText.for_document(paths[-1]).strip(read_path(paths[-1]).text)
    assert line not in prose  # now in MIN_ISSUES other issues


def test_the_documents_own_lines_do_not_count_as_another_issue(tmp_path: Path) -> None:
    line = "Our reporter spent the whole week at the fishing harbour talking to the crews."
    others = {k: line for k in range(MIN_ISSUES - 1)}
    paths = write_series(tmp_path / "series", count=MIN_ISSUES + 2, extra={**others, MIN_ISSUES + 1: line})
    found = RecurringText.for_document(paths[-1])
    assert not found.is_recurring(line)  # MIN_ISSUES files hold it, but one of them is the document itself
    assert RecurringText.for_document(paths[MIN_ISSUES]).is_recurring(line)


def test_summary_blocks_in_siblings_are_not_learned(tmp_path: Path) -> None:
    block = "<!-- summarize:start -->\nA summary line the hook wrote once upon a time.\n<!-- summarize:end -->\n"
    paths = write_series(tmp_path / "series", extra={k: block for k in range(5)})
    found = RecurringText.for_document(paths[-1])
    assert not found.is_recurring("A summary line the hook wrote once upon a time.")


def test_a_lone_file_uses_what_it_shows(tmp_path: Path) -> None:
    lone = tmp_path / "lone" / "post.md"
    lone.parent.mkdir()
    lone.write_text(
        "# A post\n\nThe council approved the bridge after a long debate.\n\n"
        "Subscribe to our newsletter for more stories like this one.\nFollow us on Mastodon for updates.\n\n"
        "* [A link](https://example.org)\n\nThe work starts in May and should take two years.\n",
        encoding="utf-8",
    )
    found = RecurringText.for_document(lone)
    assert not found.has_siblings
    doc = read_path(lone)
    for prose, removed in (found.strip(doc.text), strip_lone(doc.text)):
        assert "Subscribe" not in prose and "Follow us" not in prose
        assert "approved the bridge" in prose and "two years" in prose
        assert removed == 2


def test_the_folder_cache_is_used_and_invalidated_when_a_sibling_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_series(tmp_path / "series")
    calls: list[int] = []
    learn = boilerplate._learn
    monkeypatch.setattr(boilerplate, "_learn", lambda issues: calls.append(1) or learn(issues))
    first = RecurringText.for_folder(paths[0].parent)
    assert len(calls) == 1
    assert RecurringText.for_document(paths[-1]).is_recurring(
        greeting := "Hello and welcome to issue 9 of Weekly Notes!"
    )
    assert len(calls) == 1
    assert list(boilerplate.cache_dir().glob("*.json"))  # written under $SUMMARIZE_CACHE_DIR
    again = RecurringText.for_folder(paths[0].parent)
    assert len(calls) == 1  # read back, not learned again
    assert {e.text for e in again.entries} == {e.text for e in first.entries}
    # Same size, new modification time: still a change.
    st = paths[1].stat()
    os.utime(paths[1], ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    RecurringText.for_folder(paths[0].parent)
    assert len(calls) == 2
    # A sibling removed: learned again, and what it held no longer counts.
    for p in paths[MIN_ISSUES - 1 : -1]:
        p.unlink()
    greeting = "Hello and welcome to issue 9 of Weekly Notes, published on March 9th!"
    # MIN_ISSUES - 1 other issues left
    assert RecurringText.for_document(paths[-1]).is_recurring(greeting) is False
    assert len(calls) == 3


def test_a_damaged_cache_entry_is_a_miss(tmp_path: Path) -> None:
    paths = write_series(tmp_path / "series")
    RecurringText.for_folder(paths[0].parent)
    for entry in boilerplate.cache_dir().glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert RecurringText.for_document(paths[-1]).is_recurring("Hello and welcome to issue 9 of Weekly Notes!")


NEWSLETTER = """---
title: Issue 7
---

Hello all, what a week it was in the garden!

## Articles

- [Growing tomatoes on a balcony](https://example.org/a) explains pots, soil and light.
- [Why bees like lavender](https://example.org/b) looks at scent and colour.
- [Compost in winter](https://example.org/c)

## Tools

- [Seedling tracker](https://example.org/t1): an app that reminds you when to water.
- [Soil tester](https://example.org/t2): a cheap probe for moisture and acidity.

## Events

- [Spring plant swap in Leeds](https://example.org/e1) on the first Saturday of April.
- [Open gardens weekend](https://example.org/e2) in the villages around York.

## Get involved

- [Submit your suggestions for next week](https://example.org/s)
- [Volunteers needed at the community orchard](https://example.org/v) every Sunday morning.
"""


def test_what_is_a_newsletter() -> None:
    article = "# Bridge approved\n\nThe council approved it.\n\n## Cost\n\nIt is dear.\n\n## Timing\n\nMay.\n"
    assert is_newsletter(NEWSLETTER)
    assert not is_newsletter(article)
    assert newsletter_points(article, "en", 3) is None
    assert is_newsletter(article, kind="newsletter")
    assert not is_newsletter(NEWSLETTER, kind="article")
    assert newsletter.KINDS == ("auto", "newsletter", "article")


SERIES = SHARED / "newsletter_series" / "twir"


@pytest.mark.skipif(not SERIES.is_dir(), reason="shared newsletter series not present")
def test_real_series_furniture_is_left_out(tmp_path: Path) -> None:
    files = sorted(SERIES.glob("*.md"))[-9:]
    for f in files:
        shutil.copy2(f, tmp_path / f.name)
    target = tmp_path / files[-1].name
    doc = read_path(target)
    found = RecurringText.for_document(target)
    prose, removed = found.strip(doc.text)
    for furniture in ("Hello and welcome", "please submit a PR", "openly developed on GitHub", "Every week we"):
        assert furniture in doc.text and furniture not in prose
    assert "flume" in prose and removed > 20
    points = newsletter_points(doc.raw, "en", 5, is_boilerplate=found.is_boilerplate)
    assert points and not any(found.is_recurring(p) for p in points)


# --- wired into the pipeline: the hook and the command line ------------------------------------------

FURNITURE = ("Hello and welcome", "please submit a PR", "openly developed on GitHub", "Every week we")


def _block(data: bytes) -> str:
    text = data.decode("utf-8")
    return text[text.index(hook.START) : text.index(hook.END)]


def _series_folder(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "twir"
    folder.mkdir()
    return [Path(shutil.copy2(f, folder / f.name)) for f in sorted(SERIES.glob("*.md"))[-9:]]


@pytest.mark.skipif(not SERIES.is_dir(), reason="shared newsletter series not present")
def test_the_hook_writes_no_recurring_line_into_a_series_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    files = _series_folder(tmp_path)
    original = {f: f.read_bytes() for f in files}
    assert hook.main([*map(str, files), "--engine", "extractive"]) == 1
    written = {f: f.read_bytes() for f in files}
    for f in files:
        block = _block(written[f])
        assert not any(furniture in block for furniture in FURNITURE), (f.name, block)
        recurring = RecurringText.from_texts({g.name: original[g].decode("utf-8") for g in files}, document=f.name)
        lines = [ln.removeprefix("- ").removeprefix("**Summary:** ") for ln in block.splitlines()[1:]]
        assert not [ln for ln in lines if ln.strip() and recurring.is_recurring(ln)], f.name
        assert_only_block_added(original[f], written[f])
    capsys.readouterr()
    # A second run learns the same furniture (the blocks it wrote are not learned) and changes nothing.
    assert hook.main([*map(str, files), "--engine", "extractive"]) == 0
    assert {f: f.read_bytes() for f in files} == written


@pytest.mark.skipif(not SERIES.is_dir(), reason="shared newsletter series not present")
def test_keep_boilerplate_turns_the_stripping_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files = _series_folder(tmp_path)
    target = str(files[-1])
    assert hook.main([target, "--engine", "extractive", "--keep-boilerplate", "--kind", "article"]) == 1
    block = _block(files[-1].read_bytes())
    assert any(furniture in block for furniture in FURNITURE)

    from click.testing import CliRunner

    from summarize.cli import cli

    def run(*extra: str) -> dict:
        out = CliRunner().invoke(cli, ["--engine", "extractive", "--format", "json", *extra, target])
        assert out.exit_code == 0, out.output
        return json.loads(out.stdout)

    stripped, kept = run(), run("--keep-boilerplate")
    assert stripped["boilerplate_lines"] > 20 and kept["boilerplate_lines"] == 0
    monkeypatch.setenv("SUMMARIZE_KEEP_BOILERPLATE", "1")
    assert run()["boilerplate_lines"] == 0


def test_a_text_that_is_all_boilerplate_is_summarized_as_written_with_a_warning() -> None:
    from summarize.pipeline import Summarizer
    from summarize.settings import SummarizeOptions

    text = "Subscribe to our newsletter for more stories. Follow us on Twitter for updates every day."
    result = Summarizer(SummarizeOptions(engine="extractive")).summarize(text)
    assert result.summary.strip() and result.boilerplate_lines == 0
    assert any(w.startswith("boilerplate: every line") for w in result.warnings)


def test_an_overlong_summary_is_bounded_with_a_warning() -> None:
    from summarize.pipeline import Summarizer
    from summarize.settings import SummarizeOptions

    run_on = " ".join(f"the committee discussed item {i} and then" for i in range(400)) + " it adjourned."
    result = Summarizer(SummarizeOptions(engine="extractive", length="short")).summarize(run_on)
    assert word_count(result.summary) <= LENGTH_WORDS["short"] + SLACK_WORDS
    assert any("summary cut to about 80 words" in w for w in result.warnings)


def test_lone_stripping_fast_path_changes_nothing(tmp_path: Path) -> None:
    """Texts with no call to action skip the unit walk; the result is what the walk gives."""
    from summarize.text import boilerplate

    texts = [
        "A headline\n\n\nThe council approved the bridge.\nIt opens in May.\n\n  \n\nThe end.",
        "One paragraph only, no newline at all.",
        "Soft-wrapped prose that runs\nover two lines. And then a second sentence.",
    ]
    for text in texts:
        assert not MAY_CALL_TO_ACTION.search(text)
        assert strip_lone(text) == boilerplate._strip(text, is_call_to_action)
    # And the superset really is one: every call to action the anchored rules find, it finds too.
    # ("If you are interested, please get in touch!" was not: the anchors were taken out with the
    # "^" of its "[^.!?]", and so was every lone call to action of that rule.)
    extra = ["Subscribe to our newsletter.", "Every week, we pick a crate.", "Want to get involved?"]
    for line in [*CALLS_TO_ACTION, *extra]:
        assert is_call_to_action(line) and MAY_CALL_TO_ACTION.search(line), line
        assert strip_lone(f"The release is out, the team said.\n\n{line}") == ("The release is out, the team said.", 1)
    # A call to action soft-wrapped over two lines is found in its joined sentence; the check sees it too.
    wrapped = "The issue is out.\nThanks to Ana and the whole\nteam for the suggestions this week."
    assert MAY_CALL_TO_ACTION.search(wrapped)
    assert strip_lone(wrapped) == boilerplate._strip(wrapped, is_call_to_action)
    assert "suggestions" not in strip_lone(wrapped)[0]


def test_a_newsletters_own_items_are_repaired_of_mojibake_too(tmp_path: Path) -> None:
    from summarize import SummarizeOptions, Summarizer

    # Key points read from the issue as written (not from the prose the summary is made of).
    garbled = NEWSLETTER.replace("cheap probe", "Â£5 probe")
    assert garbled != NEWSLETTER
    path = tmp_path / "issue.md"
    path.write_text(garbled, encoding="utf-8")
    result = Summarizer(SummarizeOptions(engine="extractive", points=6, kind="newsletter")).summarize_document(
        read_path(path)
    )
    said = " ".join([result.summary, *result.key_points])
    assert "£5 probe" in said and "Â" not in said
    assert any("mojibake" in w for w in result.warnings)


def test_the_hook_says_what_it_repaired_when_it_writes_the_block(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    issue = tmp_path / "issue.md"
    issue.write_text(NEWSLETTER.replace("cheap probe", "Â£5 probe"), encoding="utf-8")
    assert hook.main([str(issue), "--engine", "extractive", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert f'{issue}: warning: text: repaired mojibake (UTF-8 once read as Windows-1252): "Â£" -> "£"' in err
    # A later run that leaves the block as it is says nothing again.
    assert hook.main([str(issue), "--engine", "extractive", "--no-cache"]) == 0
    assert "warning" not in capsys.readouterr().err
