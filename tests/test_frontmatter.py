"""A Markdown post's header (summarize/text/frontmatter.py): its title, date and author, as Jekyll, Hugo,
Zola and Pelican write them, read into the result's ``title``, ``published`` and ``author``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.text.frontmatter import read_header

BODY = (
    "Today the team released version 2.1 of the parser. It reads twice as fast as the last release. "
    "The new release also drops support for the old configuration format.\n"
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # The Go blog: a YAML list under "by".
        (
            "---\ntitle: Go 1.21 is released!\ndate: 2023-08-08\nby:\n- Eli Bendersky, on behalf of the Go team\n---\n",
            ("Go 1.21 is released!", "2023-08-08", "Eli Bendersky, on behalf of the Go team"),
        ),
        # A Jekyll export: the title under YAML's non-specific tag, no date.
        ("---\nlayout: post\ntitle: ! 'Issue #100'\nauthor: jsq\n---\n", ("Issue #100", None, "jsq")),
        # Hugo's TOML: a date with its zone (in UTC in the result), a list of authors.
        (
            '+++\ntitle = "Parser 2.1"\ndate = 2023-08-08T10:00:00+02:00\nauthors = ["Ann Lee", "Bo Chen"]\n+++\n',
            ("Parser 2.1", "2023-08-08T08:00:00Z", "Ann Lee, Bo Chen"),
        ),
        # Pelican's header (This Week in Rust's).
        (
            "Title: This Week in Rust 528\nNumber: 528\nDate: 2024-01-03\n\n",
            ("This Week in Rust 528", "2024-01-03", None),
        ),
        # An author as a mapping with a name; a date and time written with its zone as a string.
        (
            '---\ntitle: "Notes"\ndate: "2020-01-07 10:00:00 +0000"\nauthor:\n  name: Ann Lee\n---\n',
            ("Notes", "2020-01-07T10:00:00Z", "Ann Lee"),
        ),
        # Not YAML (an unquoted colon in the title, which Jekyll accepts): the lines still give what they say.
        (
            "---\ntitle: Rust: the good parts\ndate: 2020-01-07 10:00 PST\n---\n",
            ("Rust: the good parts", "2020-01-07", None),
        ),
        # Fields a generator nests in a table of its own: Zola's taxonomies (This Week in Matrix), a site's
        # "data:" (This Week in Dart); the top level's own field wins.
        (
            '+++\ntitle = "TWIM"\ndate = "2024-11-08T20:45:00Z"\n\n[taxonomies]\nauthor = ["Thib"]\n+++\n',
            ("TWIM", "2024-11-08T20:45:00Z", "Thib"),
        ),
        (
            "---\ntemplate: issue\n\ndata:\n    date: 2022-11-21\n    title: This Week in Dart - Issue 17\n---\n",
            ("This Week in Dart - Issue 17", "2022-11-21", None),
        ),
        ("---\ntitle: Top\nparams:\n  title: Nested\n  author: Ann Lee\n---\n", ("Top", None, "Ann Lee")),
        # A date in no ISO form, or none at all, is not guessed.
        ("---\ntitle: Later\ndate: next Tuesday\n---\n", ("Later", None, None)),
        ("---\ntitle: Leap\ndate: 2023-02-30\n---\n", ("Leap", None, None)),
    ],
)
def test_a_posts_header_gives_its_title_date_and_author(header: str, expected: tuple[str | None, ...]) -> None:
    found = read_header(header + "\n" + BODY)
    assert found is not None
    assert (found.title, found.published, found.author) == expected
    assert (header + "\n" + BODY)[found.end :].strip() == BODY.strip()  # the body starts after it


def test_text_without_a_header_has_none() -> None:
    assert read_header(BODY) is None
    assert read_header("---\n\nA thematic break, then prose.\n") is None


def test_a_markdown_posts_date_and_author_reach_the_json(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: Parser 2.1\ndate: 2023-08-08\nauthor: Ann Lee\n---\n\n" + BODY, encoding="utf-8")
    plain = tmp_path / "plain.md"
    plain.write_text("# Parser 2.1\n\n" + BODY, encoding="utf-8")
    res = CliRunner().invoke(cli, ["--engine", "extractive", "-f", "jsonl", str(post), str(plain)])
    assert res.exit_code == 0, res.output
    got = {Path(d["source"]).name: d for d in map(json.loads, res.stdout.splitlines())}
    assert [(d["title"], d["published"], d["author"]) for d in (got["post.md"], got["plain.md"])] == [
        ("Parser 2.1", "2023-08-08", "Ann Lee"),
        ("Parser 2.1", None, None),  # no header: nothing is made up
    ]
    assert "2.1" in got["post.md"]["summary"] and "Ann" not in got["post.md"]["summary"]  # the header is no prose
