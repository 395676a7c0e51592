"""Batch runs on tiny local models: folders, JSONL with errors, --out mirroring, cache, Ctrl-C."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize import atomic
from summarize.batch import Progress
from summarize.cache import cache_dir
from summarize.cli import cli
from summarize.discover import discover, output_paths
from summarize.errors import InputError
from summarize.pipeline import Summarizer
from summarize.runtime.base import Seq2SeqModel
from summarize.settings import SummarizeOptions
from summarize.text.inputs import Document, read_path
from tests.conftest import SHARED


def _articles(n: int, start: int = 0) -> list[str]:
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line)["article"] for line in fh]
    return rows[start : start + n]


def run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """Good articles (.txt, .md, .html in a subfolder) and bad ones (empty, binary, not UTF-8)."""
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    a, b, c = (text[:1500] for text in _articles(3))
    (root / "a.txt").write_text(a, encoding="utf-8")
    (root / "sub" / "b.md").write_text(f"---\ntitle: B\n---\n\n# Story B\n\n{b}\n", encoding="utf-8")
    (root / "sub" / "c.html").write_text(
        f"<html><body><nav>Home</nav><article><h1>Story C</h1><p>{c}</p></article></body></html>", encoding="utf-8"
    )
    (root / "empty.txt").write_text("   \n", encoding="utf-8")
    (root / "sub" / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (root / "latin1.md").write_bytes("Caf\xe9 cr\xe8me. ".encode("latin-1") * 20)
    (root / "utf16.txt").write_bytes("A Windows editor's text. ".encode("utf-16") * 20)
    (root / "photo.png").write_bytes(b"\x89PNG")  # not an article type: skipped
    (root / ".git" / "HEAD.txt").write_text("hidden folders are skipped", encoding="utf-8")
    return root


GOOD = {"a.txt", "sub/b.md", "sub/c.html"}
BAD = {"empty.txt", "sub/binary.txt", "latin1.md", "utf16.txt"}


def _rel(source: str, root: Path) -> str:
    return Path(source).relative_to(root).as_posix()


def test_discover_folders_globs_include_exclude(tree: Path) -> None:
    found = {i.relative.as_posix() for i in discover([str(tree)])}
    assert found == GOOD | BAD
    assert {i.relative.as_posix() for i in discover([str(tree)], exclude=["sub/*"])} == {
        "a.txt",
        "empty.txt",
        "latin1.md",
        "utf16.txt",
    }
    assert {i.relative.as_posix() for i in discover([str(tree)], include=["*.png"])} == {"photo.png"}
    for folder in ("sub", "sub/"):  # a folder's name excludes everything in it
        assert {i.relative.as_posix() for i in discover([str(tree)], exclude=[folder])} == (GOOD | BAD) - {
            "sub/b.md",
            "sub/c.html",
            "sub/binary.txt",
        }
    globbed = discover([str(tree / "**" / "*.md")])
    assert {i.relative.as_posix() for i in globbed} == {"sub/b.md", "latin1.md"}
    # A file named explicitly is taken whatever its type; duplicates are dropped.
    (tree / "summaries").mkdir()
    (tree / "summaries" / "a.summary.md").write_text("an output of an earlier run", encoding="utf-8")
    assert "summaries/a.summary.md" not in {
        i.relative.as_posix() for i in discover([str(tree)], skip_dir=tree / "summaries")
    }
    assert "summaries/a.summary.md" in {i.relative.as_posix() for i in discover([str(tree)])}
    (tree / "summaries" / "a.summary.md").unlink()
    explicit = discover([str(tree / "photo.png"), str(tree), str(tree / "a.txt")])
    assert [i.relative.as_posix() for i in explicit].count("a.txt") == 1
    assert explicit[0].relative.as_posix() == "photo.png"


def test_output_names_mirror_the_tree_and_avoid_clashes(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    for name in ("x.md", "x.html", "y.txt"):
        (tmp_path / "d" / name).write_text("text", encoding="utf-8")
    items = discover([str(tmp_path / "d")])
    targets = {
        i.relative.as_posix(): p.relative_to(tmp_path / "o").as_posix()
        for i, p in output_paths(items, tmp_path / "o", "markdown").items()
    }
    assert targets == {"x.md": "x.md.summary.md", "x.html": "x.html.summary.md", "y.txt": "y.summary.md"}
    # The same names in two input folders: both mirrored from the folder above them.
    for year in ("2023", "2024"):
        (tmp_path / "news" / year).mkdir(parents=True)
        (tmp_path / "news" / year / "index.md").write_text("text", encoding="utf-8")
    items = discover([str(tmp_path / "news" / "2023"), str(tmp_path / "news" / "2024")])
    assert sorted(
        p.relative_to(tmp_path / "o").as_posix() for p in output_paths(items, tmp_path / "o", "json").values()
    ) == [
        "2023/index.summary.json",
        "2024/index.summary.json",
    ]


def test_tree_jsonl_marks_errors_mirrors_outputs_and_second_run_is_cached(
    tree: Path, tmp_path: Path, tiny_bart: Path, generate_calls: list[list[str]]
) -> None:
    out = tmp_path / "out"
    args = ["--model", str(tiny_bart), "--format", "jsonl", "--points", "2", "--out", str(out), str(tree)]
    first = run(args)
    assert first.exit_code == 1, first.output
    lines = [json.loads(line) for line in first.stdout.splitlines()]
    by_file = {_rel(row["source"], tree): row for row in lines}
    assert len(lines) == len(by_file) == 7
    assert "is UTF-16 text" in by_file["utf16.txt"]["error"]
    assert {k for k, v in by_file.items() if "error" in v} == BAD
    for name in BAD:
        assert by_file[name]["error_type"] == "InputError"
        assert name in first.stderr
    for name in GOOD:
        assert by_file[name]["summary"] and len(by_file[name]["key_points"]) == 2
        assert by_file[name]["engine"] == "abstractive"
    assert by_file["sub/b.md"]["title"] == "B"
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert written == {"a.summary.json", "sub/b.summary.json", "sub/c.summary.json"}
    assert json.loads((out / "sub" / "b.summary.json").read_text(encoding="utf-8")) == by_file["sub/b.md"]
    assert generate_calls, "the first run must generate"
    assert "doc/s" not in first.stderr and "%|" not in first.stderr  # no progress bar: not a terminal

    # Second run over the unchanged tree: served from the cache, the model never generates.
    generate_calls.clear()
    second = run(args)
    assert second.exit_code == 1
    assert generate_calls == []
    again = {_rel(row["source"], tree): row for row in map(json.loads, second.stdout.splitlines())}
    for name in GOOD:
        assert again[name]["summary"] == by_file[name]["summary"]
        assert again[name]["key_points"] == by_file[name]["key_points"]

    # --no-cache bypasses it; a changed file is recomputed alone.
    assert run([*args, "--no-cache"]).exit_code == 1 and generate_calls
    generate_calls.clear()
    (tree / "a.txt").write_text(_articles(1, start=5)[0][:1500], encoding="utf-8")
    third = run(args)
    assert generate_calls and all("Story" not in text for batch in generate_calls for text in batch)
    assert {_rel(r["source"], tree) for r in map(json.loads, third.stdout.splitlines())} == GOOD | BAD


def test_corrupt_cache_entries_are_ignored_and_rewritten(tmp_path: Path, tiny_t5: Path, generate_calls: list) -> None:
    article = tmp_path / "one.txt"
    article.write_text(_articles(1)[0][:800], encoding="utf-8")
    args = ["--model", str(tiny_t5), "--format", "json", str(article)]
    first = run(args)
    assert first.exit_code == 0
    entries = list(cache_dir().rglob("*.json"))
    assert len(entries) == 1
    entries[0].write_text(entries[0].read_text(encoding="utf-8")[:40], encoding="utf-8")  # a partial write
    generate_calls.clear()
    second = run(args)
    assert second.exit_code == 0, second.output
    assert generate_calls, "a corrupt entry is a miss"
    assert json.loads(second.stdout)["summary"] == json.loads(first.stdout)["summary"]
    json.loads(entries[0].read_text(encoding="utf-8"))  # rewritten whole


def test_batching_across_documents_matches_one_at_a_time(tiny_bart: Path, generate_calls: list[list[str]]) -> None:
    docs = [(text[: 900 + 300 * i], f"doc{i}", None) for i, text in enumerate(_articles(4, start=10))]
    summarizer = Summarizer(SummarizeOptions(model=str(tiny_bart), lang="en", points=2, batch_size=8))
    alone = [summarizer.summarize(*doc) for doc in docs]
    calls_alone = len(generate_calls)
    generate_calls.clear()
    together = summarizer.summarize_many([Document(source, text, text, title) for text, source, title in docs])
    assert [r.summary for r in together] == [r.summary for r in alone]  # type: ignore[union-attr]
    assert [r.key_points for r in together] == [r.key_points for r in alone]  # type: ignore[union-attr]
    # Each stage is one generate() across all documents, not one per document.
    assert len(generate_calls) < calls_alone
    assert max(len(batch) for batch in generate_calls) > max(1, max(r.chunks for r in alone))  # type: ignore[union-attr]


def test_ctrl_c_leaves_only_complete_outputs(tmp_path: Path, tiny_t5: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(_articles(4, start=20)):
        (folder / f"n{i}.txt").write_text(text[: 600 + 100 * i], encoding="utf-8")
    real = Seq2SeqModel.generate
    out = tmp_path / "out"

    def interrupted(self: Seq2SeqModel, texts: list[str], settings, **kwargs):  # type: ignore[no-untyped-def]
        # Once a first output is written (its stages, repairs included, are done) the user presses Ctrl-C.
        if any(out.rglob("*.summary.json")):
            raise KeyboardInterrupt
        return real(self, texts, settings, **kwargs)

    monkeypatch.setattr(Seq2SeqModel, "generate", interrupted)
    result = run(["--model", str(tiny_t5), "--batch-size", "1", "--format", "json", "--out", str(out), str(folder)])
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    files = [p for p in out.rglob("*") if p.is_file()]
    assert 1 <= len(files) < 4
    for path in files:
        assert path.name.endswith(".summary.json")
        assert json.loads(path.read_text(encoding="utf-8"))["summary"]


def test_atomic_write_interrupted_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.md"
    target.write_bytes(b"old\r\n")
    os.chmod(target, 0o640)

    def boom(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_bytes(target, b"new" * 1000)
    assert target.read_bytes() == b"old\r\n"
    assert os.listdir(tmp_path) == ["keep.md"]
    monkeypatch.undo()
    atomic.write_bytes(target, b"new\n")
    assert target.read_bytes() == b"new\n" and (target.stat().st_mode & 0o777) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["keep.md"]


def test_progress_bar_counts_files_when_enabled(capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progress(3, enabled=True)
    for _ in range(3):
        bar.update()
    bar.write("note: above the bar")
    bar.close()
    err = capsys.readouterr().err
    assert "3/3" in err and "doc" in err and "note: above the bar" in err
    quiet = Progress(3, enabled=False)
    quiet.update()
    quiet.close()
    assert capsys.readouterr().err == ""


def test_progress_bar_counts_a_feeds_entries_and_never_runs_past_its_end(capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import PurePosixPath

    from summarize.batch import Outcome
    from summarize.discover import InputItem

    feed = InputItem(
        "https://example.org/feed.xml", None, PurePosixPath("feed.xml"), url="https://example.org/feed.xml"
    )
    page = InputItem("a.md", None, PurePosixPath("a.md"))
    bar = Progress(2, enabled=True)
    # Entries finish in any order (a bad entry is reported before the others are summarized).
    outcomes = [Outcome(feed, 0, entry=n, entries=3) for n in (3, 1, 2)] + [Outcome(page, 1)]
    for outcome in outcomes:
        bar.update(outcome)
        assert bar.bar is not None and bar.bar.n <= bar.bar.total
    assert (bar.bar.n, bar.bar.total) == (4, 4)
    bar.close()
    assert "/4 [" in capsys.readouterr().err  # the total drawn grew with the feed


def test_markdown_is_reduced_to_prose() -> None:
    from summarize.text.mdprose import read_markdown

    md = (
        "---\ntitle: ! 'Issue #7'\n---\n\n{% include sponsor.html %}\n\nSee *this*, _that_ and the [calendar], "
        "[docs][1] and snake_case_name.\n\n> Quoted [news](https://x.org) matter.\n\n[1]: https://example.org\n"
        "- [A link only](https://x.org)\n\n```\ncode()\n```\n\n<small>Small print</small> says 2 < 3.\n"
    )
    prose = read_markdown(md)
    text, title = prose.text, prose.title
    assert title == "Issue #7"
    assert text == (
        "Issue #7.\n\nSee this, that and the calendar, docs and snake_case_name.\n\nQuoted news matter.\n\n"
        "Small print says 2 < 3."
    )


def test_strict_language_failure_is_one_bad_file(tmp_path: Path, tiny_t5: Path) -> None:
    (tmp_path / "good.txt").write_text(_articles(1)[0][:600], encoding="utf-8")
    (tmp_path / "numbers.txt").write_text("12 34 56 78 90 " * 20, encoding="utf-8")
    args = ["--model", str(tiny_t5), "--strict-lang", "--format", "jsonl", "--points", "1", str(tmp_path)]
    result = run(args)
    assert result.exit_code == 1
    rows = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert "error" in rows["numbers.txt"] and rows["good.txt"]["summary"]


def test_links_loops_and_fifos_neither_crash_nor_hang_discovery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    (root / "sub" / "b.txt").write_text("Text.", encoding="utf-8")
    (root / "sub" / "up").symlink_to("..")  # a link back up the tree: followed, it never ends
    (root / "dangling.txt").symlink_to("nowhere.txt")
    (root / "loop1.txt").symlink_to("loop2.txt")
    (root / "loop2.txt").symlink_to("loop1.txt")
    os.mkfifo(root / "pipe.txt")  # reading it would block for ever
    expected = {"a.md", "sub/b.txt", "dangling.txt", "loop1.txt", "loop2.txt"}
    assert {i.relative.as_posix() for i in discover([str(root)])} == expected
    assert {i.relative.as_posix() for i in discover([str(root / "**" / "*.md")])} == {"a.md"}
    assert {i.relative.as_posix() for i in discover([str(root / "**")])} == expected
    assert {i.relative.as_posix() for i in discover([str(root / "a**.md")])} == {"a.md"}  # glob.glob's meaning
    monkeypatch.setenv("HOME", str(tmp_path))
    assert {i.relative.as_posix() for i in discover(["~/in/*.md"])} == {"a.md"}  # quoted: no shell to expand ~
    with pytest.raises(InputError, match="broken symbolic link"):
        read_path(root / "loop1.txt")


def test_one_file_under_two_names_is_summarized_once_and_the_run_says_so(tmp_path: Path) -> None:
    # /usr/share/doc links one README under many packages' names: 120 names gave 90 results, silently.
    (tmp_path / "a.txt").write_text(_articles(1)[0][:600], encoding="utf-8")
    (tmp_path / "b.txt").symlink_to("a.txt")
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    assert [(i.source, i.aliases) for i in discover([a, b, a])] == [(a, (b,))]
    result = run(["--engine", "extractive", "--points", "0", "--format", "jsonl", a, b])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [a]
    assert f"note: {b} is the same file as {a}: summarized once, as {a}" in result.stderr.splitlines()
    quiet = run(["--engine", "extractive", "--points", "0", "-q", a, b])
    assert quiet.exit_code == 0 and "same file" not in quiet.stderr


def test_out_folder_can_be_the_input_folder(tmp_path: Path) -> None:
    root = tmp_path / "notes"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "n.md").write_text(f"# N\n\n{_articles(1)[0][:600]}\n", encoding="utf-8")
    (root / "sub" / "n.summary.md").write_text("an earlier run's output", encoding="utf-8")
    assert [i.relative.as_posix() for i in discover([str(root)], skip_dir=root)] == ["sub/n.md"]
    assert [i.relative.as_posix() for i in discover([str(tmp_path)], skip_dir=root)] == []  # --out below the input
    result = run(["--engine", "extractive", "-q", "--points", "1", "--out", str(root), str(root)])
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == ["sub", "sub/n.md", "sub/n.summary.md"]
    assert (root / "sub" / "n.summary.md").read_text(encoding="utf-8") != "an earlier run's output"


def test_an_output_that_cannot_be_written_fails_that_input_only(tmp_path: Path) -> None:
    for name, text in zip(("a.txt", "b.txt"), _articles(2), strict=True):
        (tmp_path / name).write_text(text[:600], encoding="utf-8")
    out = tmp_path / "out"
    (out / "a.summary.json").mkdir(parents=True)  # a folder where the output file should go
    args = ["--engine", "extractive", "-p", "1", "--format", "jsonl", "--out", str(out)]
    result = run([*args, str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 1, result.output
    rows = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert rows["a.txt"]["error_type"] == "OutputError" and "cannot write" in result.stderr
    assert rows["b.txt"]["summary"] and (out / "b.summary.json").is_file()
    assert not [p for p in out.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX)]


def test_a_reader_that_goes_away_is_not_an_error(tmp_path: Path) -> None:
    """`summarize --format jsonl dir/ | head -1`: a closed stdout stops the run quietly."""
    import subprocess
    import sys

    for i, text in enumerate(_articles(2)):
        (tmp_path / f"a{i}.txt").write_text(text[:600], encoding="utf-8")
    cmd = [sys.executable, "-m", "summarize", "--engine", "extractive", "-p", "1", "--format", "jsonl", str(tmp_path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "internal error" not in err and "Broken pipe" not in err and "Exception ignored" not in err


def test_markdown_code_blocks_follow_commonmark_fences() -> None:
    from summarize.text.mdprose import read_markdown

    md = "# T\n\nIntro.\n\n  ````md\n```\ncode()\n```\n  ````\n\nOutro.\n\n~~~\nunclosed() runs to the end\n"
    prose = read_markdown(md)
    assert (prose.text, prose.title) == ("T.\n\nIntro.\n\nOutro.", "T")
    assert read_markdown("One\n```\ncode\n```\nTwo\n").text == "One\n\nTwo"  # still two paragraphs
