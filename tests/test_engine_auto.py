"""`--engine auto`: the model when it is there, else the extractive engine with one notice.

The conftest makes every test offline (HF_HUB_OFFLINE=1) with an empty Hugging Face cache, which
is exactly a fresh machine without network.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.engines.extractive import METHOD
from summarize.runtime.base import Seq2SeqModel
from summarize.runtime.registry import DEFAULT_ENGLISH, spec_for
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def article_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("articles")
    paths = []
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        for i, line in zip(range(2), fh, strict=False):
            path = folder / f"article{i}.txt"
            path.write_text(json.loads(line)["article"], encoding="utf-8")
            paths.append(path)
    return paths


def _notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def test_auto_falls_back_with_one_notice_naming_the_model(article_files: list[Path]) -> None:
    result = CliRunner().invoke(cli, ["--format", "json", *map(str, article_files)])
    assert result.exit_code == 0, result.output + result.stderr
    payload = json.loads(result.stdout)
    assert len(payload) == 2
    for doc in payload:
        assert doc["engine"] == "extractive"
        assert doc["model"] == METHOD
        assert doc["chunks"] == 1
        assert doc["language"]["code"] == "en"
        assert doc["summary"] and len(doc["key_points"]) == 5
    # One notice for the run, not one per file: which model, and how to get it.
    lines = _notes(result.stderr)
    assert len(lines) == 1, lines
    spec = spec_for(DEFAULT_ENGLISH)
    assert spec is not None and spec.hub_id in lines[0]
    assert "extractive" in lines[0]
    assert f"summarize models pull {spec.alias}" in lines[0]


def test_cached_fallback_results_still_carry_the_notice(article_files: list[Path]) -> None:
    first = CliRunner().invoke(cli, ["--format", "json", str(article_files[0])])
    again = CliRunner().invoke(cli, ["--format", "json", str(article_files[0])])
    assert first.exit_code == again.exit_code == 0
    assert json.loads(again.stdout) == json.loads(first.stdout)
    lines = _notes(again.stderr)
    assert len(lines) == 1, lines
    assert "cached" in lines[0] and "summarize models pull" in lines[0]


def test_auto_is_the_default_and_env_can_choose_extractive(
    article_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_ENGINE", "extractive")
    result = CliRunner().invoke(cli, ["--format", "json", str(article_files[0])])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["engine"] == "extractive"
    assert _notes(result.stderr) == []  # asked for extractive: nothing to tell


def test_quiet_silences_the_notice(article_files: list[Path]) -> None:
    result = CliRunner().invoke(cli, ["--quiet", str(article_files[0])])
    assert result.exit_code == 0
    assert "Summary:" in result.stdout and "Key points:" in result.stdout
    assert result.stderr == ""


def test_abstractive_without_the_model_is_an_error_not_a_fallback(article_files: list[Path]) -> None:
    result = CliRunner().invoke(cli, ["--engine", "abstractive", str(article_files[0])])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = _notes(result.stderr)
    assert len(lines) == 1 and lines[0].startswith("summarize: error:")
    assert "summarize models pull" in lines[0]


def test_auto_with_a_local_model_picks_abstractive(
    tiny_bart: Path, article_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real_generate = Seq2SeqModel.generate

    def spy(self: Seq2SeqModel, *args: object, **kwargs: object) -> list[str]:
        calls.append(1)
        return real_generate(self, *args, **kwargs)

    monkeypatch.setattr(Seq2SeqModel, "generate", spy)
    short = " ".join(article_files[0].read_text(encoding="utf-8").split()[:60])
    result = CliRunner().invoke(
        cli, ["--model", str(tiny_bart), "--format", "json", "--points", "2", "--max-new-tokens", "8"], input=short
    )
    assert result.exit_code == 0, result.output + result.stderr
    payload = json.loads(result.stdout)
    assert payload["engine"] == "abstractive"
    assert payload["model"] == str(tiny_bart.resolve())
    assert calls, "the model was not used"
    assert "extractive" not in result.stderr


def test_offline_fallback_imports_no_torch(article_files: list[Path]) -> None:
    code = (
        "import sys; from summarize.cli import main\n"
        "try:\n    main(['--format', 'json', sys.argv[1]])\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules, 'model layer imported'\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(article_files[0])],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ),
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["engine"] == "extractive"
    assert len(_notes(proc.stderr)) == 1
