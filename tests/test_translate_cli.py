"""Command line: `summarize --to ur` and `summarize translate --to ur`, end to end with tiny models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from tests import tiny_models

SEED = tiny_models.SHARED / "seed" / "000_82e42e668d2720ca.txt"


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("SUMMARIZE_BACKEND", "transformers")  # the CTranslate2 backend is tested on its own
    return CliRunner()


def test_summarize_to_urdu_json(runner: CliRunner, tiny_nllb: Path) -> None:
    args = ["--engine", "extractive", "--points", "3", "--to", "ur", "--translator", str(tiny_nllb), "-f", "json"]
    res = runner.invoke(cli, [*args, str(SEED)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    t = data["translation"]
    assert set(t) >= {"language", "model", "summary", "key_points"}
    assert t["language"] == "ur" and t["model"] == str(tiny_nllb)
    assert len(t["key_points"]) == len(data["key_points"]) == 3
    assert data["summary"] and t["summary"]


def test_to_accepts_english_names_from_the_environment(
    runner: CliRunner, tiny_nllb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_TO", "Urdu")
    monkeypatch.setenv("SUMMARIZE_TRANSLATOR", str(tiny_nllb))
    res = runner.invoke(cli, ["--engine", "extractive", "-p", "1", "-f", "markdown", "--translation-only", str(SEED)])
    assert res.exit_code == 0, res.output
    assert '<div dir="rtl" lang="ur">' in res.stdout and res.stdout.rstrip().endswith("</div>")
    assert "Translation to Urdu" in res.stdout


def test_unknown_target_language_is_a_usage_error(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["--engine", "extractive", "--to", "xx", str(SEED)])
    assert res.exit_code == 2
    assert "unknown language 'xx'" in res.stderr and "ur" in res.stderr
    res = runner.invoke(cli, ["translate", "--to", "elvish", str(SEED)])
    assert res.exit_code == 2


def test_translate_subcommand_json(runner: CliRunner, tiny_m2m100: Path, tmp_path: Path) -> None:
    doc = tmp_path / "note.md"
    doc.write_text(
        "# Budget news\n\nThe budget was approved on Monday by 200 votes. See `docs` at https://example.com/x.\n\n"
        "- Taxes fall.\n- Spending rises.\n",
        encoding="utf-8",
    )
    res = runner.invoke(cli, ["translate", "--to", "ur", "--translator", str(tiny_m2m100), "-f", "json", str(doc)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["source"] == str(doc) and data["language"]["code"] == "en"
    t = data["translation"]
    assert t["language"] == "ur" and t["model"] == str(tiny_m2m100)
    text = t["text"]
    assert text.startswith("# ") and "`docs`" in text and "https://example.com/x" in text and "200" in text
    assert [line[:2] for line in text.splitlines() if line.startswith("- ")] == ["- ", "- "]
    assert "__ur__" not in text


def test_translate_subcommand_markdown_to_file(runner: CliRunner, tiny_nllb: Path, tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("## Title here\n\nOne sentence here. Another one follows.\n", encoding="utf-8")
    out = tmp_path / "a.ur.md"
    res = runner.invoke(cli, ["translate", "--to", "ur", "--translator", str(tiny_nllb), "-o", str(out), str(doc)])
    assert res.exit_code == 0, res.output
    written = out.read_text(encoding="utf-8")
    assert written.startswith('<div dir="rtl" lang="ur">\n\n## ') and written.endswith("</div>\n")


def test_translate_skips_text_already_in_target(runner: CliRunner, tmp_path: Path) -> None:
    doc = tmp_path / "ur.txt"
    doc.write_text("\n".join(tiny_models.flores_text("ur").splitlines()[:3]) + "\n", encoding="utf-8")
    res = runner.invoke(cli, ["translate", "--to", "ur", "--translator", "/nonexistent", "-f", "json", str(doc)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["translation"]["skipped"] and data["translation"]["text"] == doc.read_text(encoding="utf-8")
    assert "already in Urdu" in res.stderr


def test_out_files_honour_translation_only(runner: CliRunner, tiny_nllb: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    args = ["--engine", "extractive", "-p", "2", "--to", "ur", "--translator", str(tiny_nllb)]
    res = runner.invoke(cli, [*args, "--translation-only", "--out", str(out), str(src)])
    assert res.exit_code == 0, res.output
    written = (out / "a.summary.md").read_text(encoding="utf-8")
    full = runner.invoke(cli, [*args, "-f", "json", "--no-cache", str(src / "a.txt")])
    original_summary = json.loads(full.stdout)["summary"]
    assert '<div dir="rtl" lang="ur">' in written
    assert original_summary not in written


def test_rtl_markdown_keeps_front_matter_first(runner: CliRunner, tiny_nllb: Path, tmp_path: Path) -> None:
    for head in ("---\ntitle: Issue 1\n---\n", "Title: Issue 1\nDate: 2024-01-01\n"):
        doc = tmp_path / "a.md"
        doc.write_text(head + "\n# Title here\n\nOne sentence here.\n", encoding="utf-8")
        res = runner.invoke(cli, ["translate", "--to", "ur", "--translator", str(tiny_nllb), str(doc)])
        assert res.exit_code == 0, res.output
        assert res.stdout.startswith(head + '\n<div dir="rtl" lang="ur">\n\n# '), res.stdout


def test_rtl_markdown_of_a_crlf_file_stays_crlf(runner: CliRunner, tiny_nllb: Path, tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_bytes(b"---\r\ntitle: x\r\n---\r\n\r\n# Head line\r\n\r\nOne sentence here.\r\n")
    out = tmp_path / "a.ur.md"
    res = runner.invoke(cli, ["translate", "--to", "ur", "--translator", str(tiny_nllb), "-o", str(out), str(doc)])
    assert res.exit_code == 0, res.output
    data = out.read_bytes()
    assert data.startswith(b'---\r\ntitle: x\r\n---\r\n\r\n<div dir="rtl" lang="ur">\r\n\r\n# ')
    assert b"\n" not in data.replace(b"\r\n", b"") and data.endswith(b"\r\n</div>\r\n")


def test_translate_empty_stdin_is_one_line_without_summarize_wording(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["translate", "--to", "ur"], input="")
    assert res.exit_code == 1 and "Traceback" not in res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "empty" in lines[0] and "to summarize" not in lines[0], lines


def test_indented_plain_text_is_translated_not_kept_as_code(
    runner: CliRunner, tiny_nllb: Path, tmp_path: Path, generate_calls: list[list[str]]
) -> None:
    doc = tmp_path / "letter.txt"
    doc.write_text("Dear readers,\n\n    The council met on Tuesday and agreed the plan.\n", encoding="utf-8")
    res = runner.invoke(cli, ["translate", "--to", "ur", "--lang", "en", "--translator", str(tiny_nllb), str(doc)])
    assert res.exit_code == 0, res.output
    assert any("council met" in t for call in generate_calls for t in call), generate_calls
    assert "The council met" not in res.stdout


def test_translate_reads_a_url_and_a_feed_as_summarize_does(runner: CliRunner, tiny_m2m100: Path) -> None:
    # `summarize translate URL` had said "no such file (check the path)": only files were read.
    from tests.localserver import serve
    from tests.test_feeds import rss
    from tests.test_fetch import ARTICLE

    with serve() as srv:
        srv.add("/news/library", ARTICLE)
        srv.add("/feed.xml", rss(srv.url("")), content_type="application/rss+xml")
        args = ["translate", "--to", "ur", "--translator", str(tiny_m2m100), "-f", "json"]
        res = runner.invoke(cli, [*args, srv.url("/news/library")])
        assert res.exit_code == 0, res.output
        data = json.loads(res.stdout)
        assert data["source"] == srv.url("/news/library") and data["translation"]["text"]
        res = runner.invoke(cli, [*args, srv.url("/feed.xml")])
        rows = json.loads(res.stdout)
        assert [row["source"] for row in rows] == [srv.url("/library"), srv.url("/market")]
        assert res.exit_code == 1 and f"summarize: error: {srv.url('/bridge')}: feed entry has no text" in res.stderr
        res = runner.invoke(cli, [*args, "-o", "out.md", srv.url("/feed.xml")])
        assert res.exit_code == 2 and "--output takes one document" in res.stderr
