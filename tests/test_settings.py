"""One settings layer: precedence, errors that name their source, and the CLI shape fixes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize import hook, settings
from summarize.cli import cli
from summarize.errors import UsageError
from tests import tiny_models

SEED = tiny_models.SHARED / "seed" / "000_82e42e668d2720ca.txt"


def run(args: list[str], **kwargs: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, prog_name="summarize", catch_exceptions=False, **kwargs)  # type: ignore[arg-type]


def _config(path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(path))
    return path


def test_precedence_flag_env_config_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path / "c.toml", "points = 2\nlength = 'short'\n", monkeypatch)
    monkeypatch.setenv("SUMMARIZE_POINTS", "4")
    resolved = settings.resolve({"points": "7"})
    assert resolved["points"] == 7 and resolved.origins["points"] == "flag"
    resolved = settings.resolve({})
    assert resolved["points"] == 4 and resolved.origins["points"] == "env"
    assert resolved["length"] == "short" and resolved.origins["length"] == "config"
    assert resolved["engine"] == "auto" and resolved.origins["engine"] == "default"


@pytest.mark.parametrize(
    ("env", "config", "expected"),
    [
        ({"SUMMARIZE_POINTS": "abc"}, "", "SUMMARIZE_POINTS=abc: not a whole number"),
        ({"SUMMARIZE_ENGINE": "fast"}, "", "SUMMARIZE_ENGINE=fast: not one of auto, abstractive, extractive"),
        ({"SUMMARIZE_OFFLINE": "maybe"}, "", "SUMMARIZE_OFFLINE=maybe: not true or false"),
        ({}, "points = 100\n", "c.toml: points = 100 is outside 0–50"),
        ({}, 'engine = "extractiv"\n', 'c.toml: engine = "extractiv" is not one of auto, abstractive, extractive'),
        ({}, "[model]\nname = 'x'\n", "c.toml: [model] is a nested table"),
        ({}, "[summarize]\npoints = 2\n[other]\nx = 1\n", "mixes plain keys with a [summarize] table"),
        ({}, 'to = "klingon"\n', "c.toml: to = \"klingon\" is unknown language 'klingon'"),
    ],
)
def test_bad_values_name_where_they_came_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], config: str, expected: str
) -> None:
    _config(tmp_path / "c.toml", config, monkeypatch)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = run([str(SEED)])
    assert result.exit_code == 2, result.output
    assert expected in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_missing_config_named_by_the_environment_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(tmp_path / "nope.toml"))
    result = run(["--engine", "extractive", str(SEED)])
    assert result.exit_code == 2 and "nope.toml: names a file that does not exist" in result.stderr


def test_a_bad_flag_is_named_too() -> None:
    result = run(["--points", "many", str(SEED)])
    assert result.exit_code == 2 and "--points many: not a whole number" in result.stderr


def test_hook_names_pyproject_and_reads_the_config_file_above_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.summarize]\nengine = "extractiv"\n', encoding="utf-8")
    assert hook.main(["--config", str(pyproject), str(SEED)]) == 2
    assert 'pyproject.toml [tool.summarize]: engine = "extractiv" is not one of' in capsys.readouterr().err
    # flag > env > config file > [tool.summarize] > default
    pyproject.write_text('[tool.summarize]\npoints = 1\nlength = "long"\nplacement = "end"\n', encoding="utf-8")
    _config(tmp_path / "c.toml", "points = 2\n", monkeypatch)
    args = hook.parser().parse_args(["--config", str(pyproject)])
    resolved = hook.hook_settings(args)
    assert resolved["points"] == 2 and resolved["length"] == "long" and resolved["placement"] == "end"
    assert resolved["engine"] == "abstractive"  # the hook's own default
    monkeypatch.setenv("SUMMARIZE_POINTS", "3")
    assert hook.hook_settings(args)["points"] == 3
    args = hook.parser().parse_args(["--config", str(pyproject), "--points", "4"])
    assert hook.hook_settings(args)["points"] == 4


def test_options_object_checks_with_the_same_rules() -> None:
    with pytest.raises(UsageError, match="points=-1"):
        settings.SummarizeOptions(points=-1)
    assert settings.SummarizeOptions(to="urdu").to == "ur"
    assert settings.SummarizeOptions.from_dict(settings.SummarizeOptions(points=2).to_dict()).points == 2


# --- the CLI shape ------------------------------------------------------------------------------
def test_usage_line_names_the_command_once() -> None:
    result = run(["--points", "x", "--help"])
    assert "Usage: summarize [OPTIONS] [INPUTS]..." in result.output
    bad = run(["--no-such-option"])
    assert bad.exit_code == 2 and "summarize summarize" not in bad.output


def test_global_flags_before_a_subcommand() -> None:
    listed = run(["-q", "models", "list"])
    assert listed.exit_code == 0 and "distilbart-cnn" in listed.output
    pulled = run(["--offline", "models", "pull", "distilbart-cnn"])
    assert pulled.exit_code == 1 and "offline" in pulled.stderr and "no such file" not in pulled.stderr
    wrong = run(["--points", "3", "models", "list"])
    assert wrong.exit_code == 2 and "must come after the subcommand" in wrong.output


def test_models_list_into_a_closed_pipe_stops_quietly() -> None:
    shell = f"{sys.executable} -m summarize models list | head -1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True)
    assert done.stdout.startswith("ALIAS") and "Error" not in done.stderr and "Traceback" not in done.stderr
    assert done.returncode in (0, 141)  # 141: stopped by SIGPIPE, as any command would be


def test_model_that_is_a_file_says_so(tmp_path: Path) -> None:
    weights = tmp_path / "some-file.txt"
    weights.write_text("not a model", encoding="utf-8")
    result = run(["--model", str(weights), "--engine", "abstractive", str(SEED)])
    assert result.exit_code == 2 and "is a file, not a model folder" in result.stderr


# --- once per document, once per run ----------------------------------------------------------
def test_language_is_detected_once_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_nllb: Path
) -> None:
    from summarize import pipeline

    calls: list[str] = []
    real = pipeline.detect_language

    def counting(text: str, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(text[:20])
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "detect_language", counting)
    folder = tmp_path / "in"
    folder.mkdir()
    sentences = SEED.read_text(encoding="utf-8").replace("\n", " ").split(". ")
    for i in range(4):
        (folder / f"a{i}.txt").write_text(". ".join(sentences[i * 4 : i * 4 + 4]) + ".", encoding="utf-8")
    # With a translation too: the summary's language is the translation's source, not detected again.
    result = run(["--engine", "auto", "--to", "ur", "--translator", str(tiny_nllb), "--format", "jsonl", str(folder)])
    assert result.exit_code == 0, result.output
    assert len(calls) == 4
    calls.clear()
    again = run(["--engine", "auto", "--to", "ur", "--translator", str(tiny_nllb), "--format", "jsonl", str(folder)])
    assert again.exit_code == 0 and len(calls) == 4  # from the cache this time: still once each


def test_each_model_is_resolved_once_per_run(tiny_bart: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.runtime import hub

    # Every resolution, whoever asks (the cache key's fingerprint, the load), parses the name first.
    resolved: list[str] = []
    real = hub.parse_name

    def counting(name: str, *args: object):  # type: ignore[no-untyped-def]
        resolved.append(name)
        return real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(hub, "parse_name", counting)
    folder = tmp_path / "in"
    folder.mkdir()
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    for i in range(3):
        (folder / f"a{i}.txt").write_text("\n\n".join(paragraphs[i * 2 : i * 2 + 2]), encoding="utf-8")
    result = run(["--model", str(tiny_bart), "--points", "1", "--format", "jsonl", str(folder)])
    assert result.exit_code == 0, result.output
    assert resolved == [str(tiny_bart)]
