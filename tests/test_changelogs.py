"""Changelogs (summarize/text/changelogs.py): read as their latest release, and the result says so. Read
whole, a changelog's summary had been its most central entries from any year."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from summarize.cli import cli
from summarize.text.changelogs import latest_release

# Written for this test, as Keep a Changelog lays one out.
CHANGELOG = """# Changelog

All notable changes to harbourd will be documented in this file.

## [Unreleased]

## [2.1.0](https://example.org/compare/2.0.0...2.1.0) - 2026-11-02

### Added

- Winter timetables for the Penzance and St Mary's crossings, read from the operator's feed every hour.
- A map of the new quay with the berths the ferries use in rough weather.

### Fixed

- Fares for children under twelve had been shown at the adult rate on the booking page.

## [2.0.0] - 2026-08-01

- Removed the old timetable format that the operator stopped publishing in the spring of last year.
- Dropped support for the retired booking service and its outdated ticket numbers.

## [1.9.0] - 2026-05-12

- Added the harbour webcam to the status page so that travellers can see the weather at the quay.
"""


def test_a_changelog_is_read_as_its_latest_release() -> None:
    release = latest_release(CHANGELOG)
    assert release is not None
    assert release.name == "2.1.0 - 2026-11-02"  # the empty "Unreleased" is skipped, the link's target gone
    assert release.markdown.startswith("# Changelog\n\nAll notable changes")  # its preamble kept
    assert "Winter timetables" in release.markdown and "Fares for children" in release.markdown
    assert "## [2.0.0]" not in release.markdown and "webcam" not in release.markdown


def test_what_is_no_changelog_is_read_whole() -> None:
    assert latest_release("# Weekly\n\n## News\n\nA.\n\n## Jobs\n\nB.\n\n## Events\n\nC.\n") is None
    # Versions in two sections of three are a changelog; in one of three they are a document's parts.
    parts = "# Guide\n\n## Install\n\nRun it.\n\n## 2.0 upgrade notes\n\nRead them.\n\n## Usage\n\nUse it.\n"
    assert latest_release(parts) is None
    # A report's numbered sections are no releases.
    report = "# Report\n\n## 1.1 Background\n\nA.\n\n## 1.2 Methods\n\nB.\n\n## 1.3 Results\n\nC.\n"
    assert latest_release(report) is None
    # A first section with entries that names no version: a document about releases, not a changelog.
    story = "## Why we release\n\nOften.\n\n## 1.0\n\nA.\n\n## 2.0\n\nB.\n\n## 3.0\n\nC.\n"
    assert latest_release(story) is None
    # An empty "Version History" heading before the releases (pyenv-virtualenv's) is passed over.
    history = "## Version History\n\n## v1.4.0\n* Faster init.\n\n## v1.3.0\n* Cleanup.\n\n## v20160716\n* Old.\n"
    found = latest_release(history)
    assert found is not None and found.name == "v1.4.0" and "Cleanup" not in found.markdown


def test_a_changelogs_summary_and_points_are_its_latest_releases_and_say_so(tmp_path: Path) -> None:
    path = tmp_path / "CHANGELOG.md"
    path.write_text(CHANGELOG, encoding="utf-8")
    res = CliRunner().invoke(cli, ["--engine", "extractive", "-f", "json", str(path)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    said = " ".join([out["summary"], *out["key_points"]])
    assert "Winter timetables" in said
    for older in ("old timetable format", "retired booking service", "webcam", "All notable changes"):
        assert older not in said, older
    assert "changelog: summarized its latest release, 2.1.0 - 2026-11-02" in out["warnings"]


def test_a_text_with_no_candidate_shows_no_heading_while_it_has_other_sentences() -> None:
    from summarize.engines import extractive

    # A release of one entry, mostly an address (no candidate): its headings are no summary sentence.
    text = "Version History.\n\nRelease v2.6.30.\n\n* Add CPython 3.16-dev by @nedbat in https://github.com/pyenv/pyenv/pull/3442"
    out = extractive.summarize(text, "en", title="Version History", headings=("Version History", "Release v2.6.30"))
    assert out.summary.startswith("Add CPython 3.16-dev")
