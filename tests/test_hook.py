"""The pre-commit hook's entry point on copies of real newsletters, with a tiny local model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from summarize import hook
from summarize.hook import END, START, insertion_point, main, parse
from summarize.results import LanguageResult, TranslationResult
from summarize.runtime.base import Seq2SeqModel
from summarize.text.inputs import to_document
from tests.conftest import SHARED

NEWSLETTERS = sorted((SHARED / "newsletters").glob("*.md"))
BOM = b"\xef\xbb\xbf"


@pytest.fixture()
def letters(tmp_path: Path, tiny_bart: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Copies of every newsletter, plus a CRLF variant, a BOM variant and one without a final newline."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SUMMARIZE_MODEL", str(tiny_bart))
    monkeypatch.setenv("SUMMARIZE_BACKEND", "transformers")
    out: dict[str, Path] = {}
    for src in NEWSLETTERS:
        out[src.name] = Path(shutil.copy(src, tmp_path / src.name))
    twir = (SHARED / "newsletters" / "twir_2019-06-25.md").read_bytes()
    short = (SHARED / "newsletters" / "swiftweekly_issue-201_short.md").read_bytes()
    variants = {
        "twir_crlf.md": twir.replace(b"\n", b"\r\n"),
        "short_crlf_bom.md": BOM + short.replace(b"\n", b"\r\n"),
        "short_no_final_newline.md": short.rstrip(b"\n"),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        out[name] = tmp_path / name
    return out


def _eol(data: bytes) -> bytes:
    return b"\r\n" if b"\r\n" in data else b"\n" if b"\n" in data or b"\r" not in data else b"\r"


def assert_only_block_added(original: bytes, new: bytes) -> None:
    """Every byte outside the block is the original's; the block and its blank-line padding use its EOL."""
    eol = _eol(original)
    i = new.index(START.encode())
    j = new.index(END.encode()) + len(END)
    pre, block, post = new[:i], new[i:j], new[j:]
    if eol == b"\r\n":
        assert block.count(b"\n") == block.count(b"\r\n"), "block must use the file's CRLF"
    elif eol == b"\r":
        assert b"\n" not in block, "block must use the file's CR"
    else:
        assert b"\r" not in block
    for pad_before in (b"", eol, eol * 2):
        for pad_after in (b"", eol, eol * 2):
            if pre.endswith(pad_before) and post.startswith(pad_after):
                head = pre[: len(pre) - len(pad_before)]
                tail = post[len(pad_after) :]
                if head + tail == original:
                    return
    raise AssertionError("bytes outside the summary block changed")


def test_blocks_are_added_preserving_every_byte_and_runs_are_idempotent(
    letters: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    before = {name: p.read_bytes() for name, p in letters.items()}
    files = [str(p) for p in letters.values()]
    assert main(files) == 1
    err = capsys.readouterr().err
    after = {name: p.read_bytes() for name, p in letters.items()}
    for name in letters:
        assert f"updated the summary block in {letters[name]}" in err
        assert_only_block_added(before[name], after[name])
        assert after[name].count(START.encode()) == 1
    assert after["short_crlf_bom.md"].startswith(BOM + b"---\r\n")
    assert not after["short_no_final_newline.md"].endswith(b"\n")
    assert after["twir_crlf.md"].endswith(b"\r\n")
    # Placement: after the front matter / Pelican header and after a "# " title line.
    twir = after["twir_2019-06-25.md"].decode()
    assert twir.index("Category: This Week in Rust") < twir.index(START) < twir.index("Hello and welcome")
    zh = after["ruanyf_weekly_issue-406_zh.md"].decode()
    assert zh.startswith("# 科技爱好者周刊") and zh.index(START) < zh.index("这里记录每周")
    swift = after["swiftweekly_issue-199.md"].decode()
    assert swift.index("displaylink:") < swift.index(START) < swift.index("Hello all!")
    block = swift[swift.index(START) : swift.index(END)]
    assert "**Summary:** " in block and block.count("\n- ") == 5

    # Second run: nothing to change, nothing said, exit 0.
    assert main(files) == 0
    assert "updated" not in capsys.readouterr().err
    assert {name: p.read_bytes() for name, p in letters.items()} == after
    # --check agrees, and without the cache the same text gives the same block.
    assert main(["--check", *files]) == 0
    assert main(["--no-cache", str(letters["twir_crlf.md"]), str(letters["short_crlf_bom.md"])]) == 0
    assert {name: p.read_bytes() for name, p in letters.items()} == after


def test_the_block_never_feeds_the_summary(letters: dict[str, Path]) -> None:
    path = letters["twir_2019-06-25.md"]
    original = path.read_text(encoding="utf-8")
    assert main([str(path)]) == 1
    layout = parse(path.read_text(encoding="utf-8"), str(path))
    assert layout.block is not None and "**Summary:**" in layout.block
    assert to_document(layout.outside, "x", ".md").text == to_document(original, "x", ".md").text


def test_only_the_block_is_replaced_when_it_exists(letters: dict[str, Path], generate_calls: list[list[str]]) -> None:
    path = letters["twir_crlf.md"]
    assert main([str(path)]) == 1
    fresh = path.read_bytes()
    i, j = fresh.index(START.encode()), fresh.index(END.encode())
    edited = fresh[:i] + START.encode() + b"\r\n**Summary:** hand-written and stale\r\n" + fresh[j:]
    # Text elsewhere changes too: the block follows the text outside it. (Prose, not the greeting or
    # the call for participation's "visit the task page…": newsletter furniture, left out of what is
    # summarized.)
    assert b"172 pull requests were [merged" in edited
    edited = edited.replace(b"172 pull requests were [merged", b"173 pull requests were [merged", 1)
    path.write_bytes(edited)
    generate_calls.clear()
    assert main(["--check", str(path)]) == 1
    assert path.read_bytes() == edited  # --check writes nothing
    assert main([str(path)]) == 1
    assert generate_calls and not any("hand-written" in t for batch in generate_calls for t in batch)
    new = path.read_bytes()
    k, m = new.index(START.encode()), new.index(END.encode())
    assert new[:k] == edited[: edited.index(START.encode())] and new[m:] == edited[edited.index(END.encode()) :]
    assert b"hand-written" not in new
    assert main([str(path)]) == 0


def test_broken_markers_leave_the_file_untouched(letters: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    path = letters["swiftweekly_issue-201_short.md"]
    broken = path.read_bytes() + f"\n{START}\n{START}\n{END}\n".encode()
    path.write_bytes(broken)
    good = letters["twir_2019-06-25.md"]
    assert main([str(path), str(good)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: has 2 start and 1 end summary markers" in err and "file left untouched" in err
    assert path.read_bytes() == broken
    assert START.encode() in good.read_bytes()  # the other file is still done


def test_binary_and_empty_files(letters: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "img.md"
    binary.write_bytes(b"\x89PNG\x00\x00")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"---\nlayout: post\n---\n")
    assert main([str(empty)]) == 0
    assert main([str(binary)]) == 1
    err = capsys.readouterr().err
    assert "empty.md: no text to summarize, left as is" in err and "img.md: is a binary file" in err
    assert empty.read_bytes() == b"---\nlayout: post\n---\n" and binary.read_bytes() == b"\x89PNG\x00\x00"


def test_options_from_pyproject_env_and_args(letters: dict[str, Path], tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("SUMMARIZE_MODEL")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.summarize]\nengine = "extractive"\npoints = 2\nmarker-placement = "end"\n', encoding="utf-8"
    )
    path = letters["swiftweekly_issue-199.md"]

    def points() -> int:
        text = path.read_text(encoding="utf-8")
        return text[text.index(START) : text.index(END)].count("\n- ")

    assert main([str(path)]) == 1
    assert points() == 2
    assert path.read_text(encoding="utf-8").rstrip().endswith(END)  # placement = end
    monkeypatch.setenv("SUMMARIZE_POINTS", "3")
    assert main([str(path)]) == 1 and points() == 3
    assert main(["--points", "1", str(path)]) == 1 and points() == 1
    (tmp_path / "pyproject.toml").write_text("[tool.summarize]\npoint = 2\n", encoding="utf-8")
    assert main([str(path)]) == 2  # a typo in the config is a usage error, not silently ignored


def test_offline_without_the_model_says_how_to_fix(
    letters: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SUMMARIZE_MODEL")  # the default model is not in the (empty) HF cache
    path = letters["twir_2019-06-25.md"]
    before = path.read_bytes()
    assert main([str(path)]) == 1
    err = capsys.readouterr().err
    assert "summarize models pull" in err and "SKIP=summarize-newsletter" in err and 'engine = "extractive"' in err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "placement", "expected"),
    [
        ("# Title\n\nBody\n", "after-title", "# Title\n\n"),
        ("# Title\n\nBody\n", "after-front-matter", ""),
        ("Title\n=====\nBody\n", "after-title", "Title\n=====\n"),
        ("---\na: 1\n---\n# T\nBody\n", "after-title", "---\na: 1\n---\n# T\n"),
        ("---\na: 1\n---\n# T\nBody\n", "after-front-matter", "---\na: 1\n---\n"),
        ("Title: X\r\nDate: 1\r\n\r\nBody\r\n", "after-title", "Title: X\r\nDate: 1\r\n\r\n"),
        ("Body only\n", "after-title", ""),
        ("Body\n", "end", "Body\n"),
        ("Note: no header block\nBody\n", "after-title", ""),
    ],
)
def test_insertion_point(text: str, placement: str, expected: str) -> None:
    assert text[: insertion_point(text, placement)] == expected


def test_new_block_is_separated_by_blank_lines() -> None:
    class R:
        summary = "S."
        key_points = ()
        translation = None
        language = LanguageResult("en", 1.0, True)

    layout = parse("# T\nBody\n", "x.md")
    new = hook.updated_text(layout, hook.render_block(R(), layout.eol), "after-title")
    assert new == f"# T\n\n{START}\n**Summary:** S.\n{END}\n\nBody\n"


def test_block_shows_the_translation() -> None:
    from types import SimpleNamespace

    translation = TranslationResult("ur", "m", "خلاصہ۔", ["ایک نکتہ۔"])
    english = SimpleNamespace(code="en")
    result = SimpleNamespace(
        summary="The summary.", key_points=["One point."], translation=translation, language=english
    )
    block = hook.render_block(result, "\r\n")
    assert block.endswith(f"{END}\r\n") and "\n" not in block.replace("\r\n", "")
    # Each part is headed in its own language; the translation's heading names its target too.
    assert "**Summary:** The summary." in block and "**Key points:**" in block
    assert "**خلاصہ (ur):** خلاصہ۔" in block and "**اہم نکات (ur):**" in block
    assert "- ایک نکتہ۔" in block and "- One point." in block


def test_block_headings_follow_the_language_of_the_summary() -> None:
    from types import SimpleNamespace

    chinese = SimpleNamespace(code="zh")
    result = SimpleNamespace(summary="新版本发布了。", key_points=["一个要点。"], translation=None, language=chinese)
    block = hook.render_block(result, "\n")
    assert "**摘要：** 新版本发布了。" in block and "**要点：**" in block and "Summary" not in block
    unknown = SimpleNamespace(code="sw")  # a language with no headings of its own: English ones
    block = hook.render_block(SimpleNamespace(**{**vars(result), "language": unknown}), "\n")
    assert "**Summary:** 新版本发布了。" in block and "**Key points:**" in block


def test_words_a_code_span_shows_stay_and_are_no_html_in_the_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Swift Weekly Brief's "`UnsafePointer<T>`" read "UnsafePointer", and "the `<form>` element" read
    # "the  element": the reader dropped them as HTML tags. Kept, they must not become tags in the block.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SUMMARIZE_ENGINE", "extractive")
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path / "cache"))
    doc = tmp_path / "note.md"
    text = (
        "# Notes\n\nThe team rewrote `UnsafePointer<T>` so that it no longer copies the buffer it points to. "
        "Browsers now style the `<form>` element the same way on every platform that ships this year. "
        "A <b>bold</b> word is markup, and `__consuming` and `**kwargs` are snake_case words.\n"
    )
    doc.write_text(text, encoding="utf-8")
    assert main(["--points", "0", str(doc)]) == 1  # the block was written
    written = doc.read_text(encoding="utf-8")
    block = written[written.index(START) : written.index(END)]
    assert "UnsafePointer&lt;T> so that" in block and "the &lt;form> element" in block
    assert "<b>" not in block and "A bold word" in block and "<T>" not in block
    # What code showed is no emphasis in the block either: "__consuming" would be rendered bold.
    assert "markup, and \\_\\_consuming and \\*\\*kwargs are snake_case words." in block
    assert written.replace(block + END + "\n\n", "") == text  # every other byte kept
    # The same in the CLI's Markdown output; JSON and text show the words as they are.
    from click.testing import CliRunner

    from summarize.cli import cli

    doc.write_text(text, encoding="utf-8")
    markdown = CliRunner().invoke(cli, ["--points", "0", "-f", "markdown", str(doc)], catch_exceptions=False)
    assert "UnsafePointer&lt;T>" in markdown.output and "<T>" not in markdown.output
    as_json = CliRunner().invoke(cli, ["--points", "0", "-f", "json", str(doc)], catch_exceptions=False)
    assert "UnsafePointer<T> so that" in as_json.output and "__consuming and **kwargs" in as_json.output


def test_markers_inside_code_fences_are_text(letters: dict[str, Path]) -> None:
    doc = letters["swiftweekly_issue-201_short.md"]
    example = f"\n## How to\n\n```markdown\n{START}\n**Summary:** an example\n{END}\n```\n\n~~~\n{START}\n~~~\n"
    original = doc.read_bytes() + example.encode()
    doc.write_bytes(original)
    assert main([str(doc)]) == 1
    new = doc.read_bytes()
    assert new.count(START.encode()) == 3 and new.endswith(example.encode())
    assert_only_block_added(original, new)
    assert main([str(doc)]) == 0


def test_code_ends_where_commonmark_ends_it(letters: dict[str, Path]) -> None:
    # A fence left open in a list item or a quote ends with it (CommonMark), not at the end of the
    # file: the block below it is the file's block, updated in place, not hidden as code (which had
    # a new block added on top at every run).
    doc = letters["swiftweekly_issue-201_short.md"]
    for opened in ("- Example:\n\n  ```\n  code\n", "> ```\n> code\n"):
        stale = f"{START}\n**Summary:** stale\n{END}\n"
        original = f"# Notes\n\n{opened}\n{stale}\nThe library opened a new reading room.\n".encode()
        doc.write_bytes(original)
        assert main([str(doc)]) == 1
        new = doc.read_bytes()
        assert new.count(START.encode()) == 1 and b"stale" not in new
        assert new.startswith(original[: original.index(START.encode())])
        assert main([str(doc)]) == 0


def test_old_mac_line_endings_are_kept_and_the_block_is_found_again(letters: dict[str, Path]) -> None:
    path = letters["swiftweekly_issue-201_short.md"]
    original = path.read_bytes().replace(b"\n", b"\r")  # CR only: "^" in a re.M pattern never matches
    path.write_bytes(original)
    assert main([str(path)]) == 1
    new = path.read_bytes()
    assert_only_block_added(original, new)
    assert parse(new.decode(), str(path)).block is not None
    assert main([str(path)]) == 0 and path.read_bytes() == new


def test_title_only_files_are_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {
        "title.md": b"# Just a title\n",
        "front.md": b"---\ntitle: Only a title\ndate: 2024-01-01\n---\n",
        "both.md": b"---\ntitle: Only\n---\n\n# Only\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert main(["--engine", "extractive", *(str(tmp_path / name) for name in files)]) == 0
    assert {name: (tmp_path / name).read_bytes() for name in files} == files
    assert capsys.readouterr().err.count("no text to summarize, left as is") == 3


def test_a_symlinked_file_is_updated_through_its_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    shutil.copy(SHARED / "newsletters" / "swiftweekly_issue-201_short.md", real)
    link = tmp_path / "link.md"
    link.symlink_to(real.name)
    assert main(["--engine", "extractive", str(link)]) == 1
    assert link.is_symlink() and START.encode() in real.read_bytes()


@pytest.mark.parametrize(
    ("line", "message"),
    [("batch-size = 0", "batch_size = 0 is outside 1–256"), ("points = true", "points = true is not a whole number")],
)
def test_bad_config_values_are_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(f'[tool.summarize]\nengine = "extractive"\n{line}\n', encoding="utf-8")
    path = Path(shutil.copy(SHARED / "newsletters" / "swiftweekly_issue-201_short.md", tmp_path / "a.md"))
    before = path.read_bytes()
    assert main([str(path)]) == 2
    assert message in capsys.readouterr().err and path.read_bytes() == before


def test_ctrl_c_leaves_files_untouched(letters: dict[str, Path], monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(Seq2SeqModel, "generate", interrupted)
    path = letters["twir_2019-06-25.md"]
    before = path.read_bytes()
    assert main(["--no-cache", str(path)]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert path.read_bytes() == before and sorted(p.name for p in path.parent.iterdir()) == sorted(
        p.name for p in letters.values()
    )


def test_translation_block_with_a_local_translator(letters: dict[str, Path], tiny_marian_en_ur: Path) -> None:
    path = letters["swiftweekly_issue-201_short.md"]
    original = path.read_bytes()
    args = ["--engine", "extractive", "--points", "2", "--to", "ur", "--translator", str(tiny_marian_en_ur)]
    assert main([*args, str(path)]) == 1
    new = path.read_bytes()
    assert_only_block_added(original, new)
    block = new.decode()[new.decode().index(START) : new.decode().index(END)]
    english, urdu = block.split("**خلاصہ (ur):**")
    assert "**Summary:**" in english and english.count("\n- ") >= 1
    assert urdu.count("\n- ") == english.count("\n- ")  # each key point translated, none lost or split
    assert main([*args, str(path)]) == 0 and path.read_bytes() == new


def test_markers_sharing_a_line_are_named_as_the_problem() -> None:
    with pytest.raises(hook.HookError, match="each on a line of its own"):
        parse(f"# T\n\nText.\n\n{START}{END}\n", "x.md")
