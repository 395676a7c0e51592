"""The command line end to end on tiny local models: real loading, tokenizing, generating."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.runtime.base import Seq2SeqModel
from tests.conftest import SAMPLES, SHARED

SEED_ARTICLE = SHARED / "seed" / "000_82e42e668d2720ca.txt"


def run(args: list[str], input: str | bytes | None = None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], object, Seq2SeqModel]]:
    """Records every generate() call and still runs the real model."""
    monkeypatch.setenv("SUMMARIZE_BACKEND", "transformers")
    seen: list[tuple[list[str], object, Seq2SeqModel]] = []
    real = Seq2SeqModel.generate

    def spy(self: Seq2SeqModel, texts: list[str], settings, **kwargs):  # type: ignore[no-untyped-def]
        seen.append((list(texts), settings, self))
        return real(self, texts, settings, **kwargs)

    monkeypatch.setattr(Seq2SeqModel, "generate", spy)
    return seen


def _first_paragraphs(path: Path, n: int) -> str:
    return "\n\n".join(path.read_text(encoding="utf-8").split("\n\n")[:n])


def test_stdin_text_output(tiny_t5: Path) -> None:
    text = _first_paragraphs(SEED_ARTICLE, 3)
    result = run(["--model", str(tiny_t5), "--points", "3"], input=text)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Language: en")
    assert "engine: abstractive" in out and str(tiny_t5) in out
    summary = out.split("Summary:\n")[1].split("\n\nKey points:")[0]
    assert summary.strip()
    points = [line for line in out.split("Key points:\n")[1].splitlines() if line.startswith("- ")]
    assert len(points) == 3


def test_json_fields_for_a_file(tiny_bart: Path, tmp_path: Path, calls: list) -> None:
    article = tmp_path / "article.txt"
    article.write_text(_first_paragraphs(SEED_ARTICLE, 5), encoding="utf-8")
    result = run(["--model", str(tiny_bart), "--format", "json", str(article)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == str(article)
    assert data["language"]["code"] == "en" and 0.5 < data["language"]["probability"] <= 1.0
    assert data["engine"] == "abstractive"
    assert data["model"] == str(tiny_bart.resolve())
    assert isinstance(data["summary"], str) and data["summary"]
    assert isinstance(data["key_points"], list) and len(data["key_points"]) == 5
    assert len({p.lower() for p in data["key_points"]}) == 5
    assert isinstance(data["chunks"], int) and data["chunks"] >= 1
    model = calls[0][2]
    assert data["input_tokens"] == model.count_tokens(article.read_text(encoding="utf-8").strip())
    assert {"detect", "load", "summarize", "total"} <= set(data["timings"])


def test_model_from_environment_variable(tiny_t5: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_MODEL", str(tiny_t5))
    result = run(["--format", "json", "--points", "1"], input=_first_paragraphs(SEED_ARTICLE, 1))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["model"] == str(tiny_t5.resolve())


def test_flag_beats_env_beats_config_file(
    tiny_t5: Path, tiny_bart: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('model = "no-such-alias"\npoints = 2\n', encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(config))
    text = _first_paragraphs(SEED_ARTICLE, 1)
    from_config = run(["--format", "json"], input=text)
    assert from_config.exit_code == 2 and "no-such-alias" in from_config.stderr
    monkeypatch.setenv("SUMMARIZE_MODEL", str(tiny_t5))
    from_env = json.loads(run(["--format", "json"], input=text).stdout)
    assert from_env["model"] == str(tiny_t5.resolve()) and len(from_env["key_points"]) <= 2
    from_flag = json.loads(run(["--format", "json", "--model", str(tiny_bart)], input=text).stdout)
    assert from_flag["model"] == str(tiny_bart.resolve())


def test_markdown_output(tiny_t5: Path) -> None:
    result = run(["--model", str(tiny_t5), "--format", "markdown"], input=_first_paragraphs(SEED_ARTICLE, 2))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("## Summary")
    assert "\n### Key points\n\n- " in result.stdout


def test_non_ascii_is_written_as_is() -> None:
    urdu = (SAMPLES / "ur_article.txt").read_text(encoding="utf-8")
    # The extractive engine quotes the article, so the output is certain to hold Urdu letters.
    result = run(["--engine", "extractive", "--format", "json", "--points", "2"], input=urdu)
    assert result.exit_code == 0, result.output
    assert "\\u" not in result.stdout
    data = json.loads(result.stdout)
    assert data["language"]["code"] == "ur"
    assert data["summary"] in result.stdout and any(ch in data["summary"] for ch in "ےںہ")


def test_long_input_is_chunked_and_nothing_is_cut(tiny_bart: Path, calls: list) -> None:
    text = (SAMPLES / "long_en.md").read_text(encoding="utf-8")
    result = run(["--model", str(tiny_bart), "--format", "json", "--points", "3", "-"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    first_round, _, model = calls[0]
    assert data["chunks"] == len(first_round) > 10
    assert data["rounds"] >= 2
    # No model input ever exceeds the limit measured with the model's own tokenizer.
    assert all(model.count_tokens(t) <= model.max_input == 128 for texts, _, _ in calls for t in texts)
    # Every sentence of the article is in some first-round input.
    from summarize.text.mdprose import read_markdown
    from summarize.text.sentences import split_sentences

    prose = read_markdown(text).text
    joined = " ".join(" ".join(first_round).split())
    missing = [s for s in split_sentences(prose, "en") if " ".join(s.split()) not in joined]
    assert not missing


def _summary_calls(calls: list) -> list:
    return [s for _, s, _ in calls if "encoder_no_repeat_ngram_size" not in s.extra]


def test_task_specific_params_and_overrides(tiny_bart: Path, calls: list) -> None:
    text = _first_paragraphs(SEED_ARTICLE, 1)
    assert run(["--model", str(tiny_bart), "--points", "0"], input=text).exit_code == 0
    # The summary's own call: not a faithfulness regeneration (those switch encoder_no_repeat_ngram_size off).
    settings = _summary_calls(calls)[-1]
    # tiny_bart's task_specific_params: num_beams 2, max_length 40, min_length 12, no_repeat_ngram_size 3.
    assert settings.num_beams == 2
    assert settings.max_new_tokens == 39 and settings.min_new_tokens == 11
    assert settings.extra["no_repeat_ngram_size"] == 3
    calls.clear()
    assert (
        run(["--model", str(tiny_bart), "--points", "0", "--beams", "1", "--length", "short"], input=text).exit_code
        == 0
    )
    assert _summary_calls(calls)[-1].num_beams == 1 and _summary_calls(calls)[-1].max_new_tokens == 20


def test_t5_prefix_from_task_params(tiny_t5: Path, calls: list) -> None:
    assert run(["--model", str(tiny_t5), "--points", "0"], input=_first_paragraphs(SEED_ARTICLE, 1)).exit_code == 0
    assert all(t.startswith("summarize: ") for texts, _, _ in calls for t in texts)


def test_instruction_model_uses_prompt_templates(tiny_flan: Path, calls: list) -> None:
    from summarize.engines.prompts import load_template

    result = run(["--model", str(tiny_flan), "--points", "3"], input=_first_paragraphs(SEED_ARTICLE, 2))
    assert result.exit_code == 0, result.output
    inputs = [t for texts, _, _ in calls for t in texts]
    summary_head = load_template("summary").split("{")[0]
    points_head = load_template("key_points").split("{")[0]
    assert any(t.startswith(summary_head) and "English article in about 80 words" in t for t in inputs)
    assert any(t.startswith(points_head) and "3 most important" in t for t in inputs)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e.".encode("latin-1"), "not UTF-8"),
        (b"   \n\n  ", "empty"),
    ],
)
def test_bad_inputs_give_one_line_errors(tmp_path: Path, content: bytes | None, expected: str) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = run(["--engine", "extractive", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and expected in lines[0]
    assert "Traceback" not in result.output


def test_empty_stdin_is_an_error() -> None:
    result = run(["--engine", "extractive"], input="")
    assert result.exit_code == 1 and "<stdin>" in result.stderr and "empty" in result.stderr


def test_unknown_alias_lists_the_valid_ones() -> None:
    result = run(["--model", "distilbart"], input="Some text that is long enough to summarize here.")
    assert result.exit_code == 2
    assert "unknown model 'distilbart'" in result.stderr
    assert "distilbart-cnn" in result.stderr and "mt5-xlsum" in result.stderr


def test_offline_missing_model_names_the_fetch_command() -> None:
    text = _first_paragraphs(SEED_ARTICLE, 1)
    result = run(["--engine", "abstractive", "--offline"], input=text)
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert "sshleifer/distilbart-cnn-12-6" in line and "summarize models pull distilbart-cnn" in line


def test_models_list_and_info() -> None:
    listing = run(["models", "list"])
    assert listing.exit_code == 0
    for expected in (
        "distilbart-cnn",
        "sshleifer/distilbart-cnn-12-6",
        "Apache-2.0",
        "44.24/21.27/41.21",
        "mt5-xlsum",
        "CC-BY-NC-SA-4.0",
        "flan-t5-base",
    ):
        assert expected in listing.stdout
    info = run(["models", "info", "distilbart-cnn"])
    assert info.exit_code == 0
    assert "on disk:   no" in info.stdout and "summarize models pull distilbart-cnn" in info.stdout


def test_models_pull_offline_fails_clearly() -> None:
    result = run(["models", "pull", "distilbart-cnn"])
    assert result.exit_code == 1 and "offline" in result.stderr


def test_local_model_info(tiny_t5: Path) -> None:
    result = run(["models", "info", str(tiny_t5)])
    assert result.exit_code == 0 and "on disk:   yes (local" in result.stdout


def test_help_does_not_import_torch_or_transformers() -> None:
    code = (
        "import sys\nfrom summarize.cli import cli\n"
        "try:\n    cli.main(['--help'], prog_name='summarize')\nexcept SystemExit:\n    pass\n"
        "heavy = ('torch', 'transformers', 'docutils', 'markdown_it', 'mammoth')\n"
        "print('LOADED', *(m in sys.modules for m in heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "Usage: summarize [OPTIONS] [INPUTS]..." in out
    assert "--model" in out and "models list" in out
    assert "LOADED False False False False False" in out


def test_timings_are_measured_for_every_input(tiny_bart: Path, tmp_path: Path) -> None:
    # Several inputs share batched generate() calls; each still reports the time it cost.
    paths = []
    for i in range(2):
        path = tmp_path / f"a{i}.txt"
        path.write_text(_first_paragraphs(SEED_ARTICLE, 2 + i), encoding="utf-8")
        paths.append(str(path))
    result = run(["--model", str(tiny_bart), "--format", "json", "--points", "1", *paths])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["source"] for d in data] == paths
    assert all(d["timings"]["summarize"] > 0 for d in data)
    assert data[0]["timings"]["load"] > 0  # the first input paid for loading the model
    for d in data:
        t = d["timings"]
        assert t["total"] >= t["detect"] + t["load"] + t["summarize"] - 1e-3


def test_summary_never_longer_than_a_tiny_input(tiny_bart: Path, calls: list) -> None:
    text = "The council approved the new budget for schools on Monday."
    result = run(["--model", str(tiny_bart), "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    model = calls[0][2]
    # The random model writes more than ten words; the input is then its own summary.
    assert model.count_tokens(data["summary"]) <= data["input_tokens"]
    assert data["summary"] == text
    assert any("longer than the input" in w for w in data["warnings"])
    assert "longer than the input" in result.stderr


@pytest.mark.parametrize("points", [0, 2, 5])
def test_fewer_key_points_than_asked_are_said(tiny_bart: Path, points: int) -> None:
    text = "The council approved the budget on Monday. It will build a library with 200,000 books in May."
    for engine in (["--engine", "extractive"], ["--model", str(tiny_bart)]):
        result = run([*engine, "--points", str(points), "--format", "json"], input=text)
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        said = [w for w in data["warnings"] if w.startswith("key points:")]
        found = len(data["key_points"])
        assert found <= points
        if found == points:
            assert said == []
        else:
            got = f"only {found}" if found else "none"
            why = "(no other sentence adds to the summary and the points before it)"
            assert said == [f"key points: {got} of the {points} asked {why}"]
            assert said[0] in result.stderr


@pytest.mark.parametrize("device", ["bogus", "cuda:7"])
@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_unusable_device_is_a_usage_error(tiny_bart: Path, device: str, backend: str) -> None:
    result = run(["--model", str(tiny_bart), "--backend", backend, "--device", device], input="Some text to read.")
    assert result.exit_code == 2, result.output
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and repr(device) in line and "internal error" not in line


@pytest.fixture(scope="module")
def broken_models(tmp_path_factory: pytest.TempPathFactory, tiny_bart: Path) -> dict[str, Path]:
    """A BERT folder (not seq2seq) and a copy of tiny BART whose safetensors file is cut short."""
    import shutil

    root = tmp_path_factory.mktemp("broken")
    bert = root / "bert"
    bert.mkdir()
    (bert / "config.json").write_text(json.dumps({"model_type": "bert", "hidden_size": 32}), encoding="utf-8")
    corrupt = root / "corrupt"
    shutil.copytree(tiny_bart, corrupt)
    weights = corrupt / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])
    return {"bert": bert, "corrupt": corrupt}


@pytest.mark.parametrize(("name", "code", "expected"), [("bert", 2, "not a seq2seq"), ("corrupt", 1, "could not")])
@pytest.mark.parametrize("backend", ["transformers", "ctranslate2", "auto"])
def test_unusable_model_folder_is_one_line(
    broken_models: dict[str, Path], name: str, code: int, expected: str, backend: str
) -> None:
    args = ["--model", str(broken_models[name]), "--backend", backend]
    result = run(args, input="Some text that is long enough to summarize here, about a council.")
    assert result.exit_code == code, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("summarize: error")]
    assert len(errors) == 1 and expected in errors[0] and str(broken_models[name]) in errors[0]
    assert "Traceback" not in result.output


def test_bad_config_toml_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('model = "unterminated\n', encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(config))
    result = run(["--engine", "extractive"], input="Some text that is long enough to summarize here.")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(config) in result.stderr and "TOML" in result.stderr


def test_formats_for_several_inputs(tmp_path: Path) -> None:
    paths = [tmp_path / "en.txt", tmp_path / "ur.txt"]
    paths[0].write_text(_first_paragraphs(SEED_ARTICLE, 3), encoding="utf-8")
    paths[1].write_text((SAMPLES / "ur_article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    args = ["--engine", "extractive", "--points", "2", *map(str, paths)]
    data = json.loads(run([*args, "--format", "json"]).stdout)
    assert [d["source"] for d in data] == [str(p) for p in paths]
    text = run([*args, "--format", "text"]).stdout
    assert text.index(f"== {paths[0]} ==") < text.index(f"== {paths[1]} ==")
    md = run([*args, "--format", "markdown"]).stdout
    en_md, ur_md = md.split(f"## Summary of {paths[1]}")
    assert en_md.startswith(f"## Summary of {paths[0]}") and "dir=" not in en_md
    # The Urdu summary and its key points are marked right to left; the headings stay outside.
    assert f'<div dir="rtl" lang="ur">\n\n{data[1]["summary"]}\n\n</div>' in ur_md
    assert f'<div dir="rtl" lang="ur">\n\n- {data[1]["key_points"][0]}' in ur_md


@pytest.fixture(scope="module")
def looping_bart(tmp_path_factory: pytest.TempPathFactory, tiny_bart: Path) -> Path:
    """Tiny BART whose output bias favours one word: it writes "the the the ..." unless stopped."""
    import torch
    from transformers import AutoTokenizer, BartForConditionalGeneration

    out = tmp_path_factory.mktemp("looping-bart")
    tokenizer = AutoTokenizer.from_pretrained(str(tiny_bart))
    model = BartForConditionalGeneration.from_pretrained(str(tiny_bart))
    model.config.task_specific_params = {"summarization": {"min_length": 12, "max_length": 40, "num_beams": 1}}
    with torch.no_grad():
        model.final_logits_bias[0, tokenizer.convert_tokens_to_ids("▁the")] = 30.0
    model.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    return out


def test_degenerate_summary_is_retried_with_safer_settings(looping_bart: Path, calls: list) -> None:
    text = _first_paragraphs(SEED_ARTICLE, 1)
    result = run(["--model", str(looping_bart), "--format", "json", "--points", "0"], input=text)
    assert result.exit_code == 0, result.output
    (first, plain, _), (again, safer, _) = calls[:2]
    assert again == first and plain.extra.get("no_repeat_ngram_size") is None
    assert safer.extra["no_repeat_ngram_size"] == 3 and safer.extra["repetition_penalty"] > 1
    assert safer.num_beams >= 2 and safer.min_new_tokens >= 1
    # Even the safer settings cannot stop a model this broken: the result says so.
    data = json.loads(result.stdout)
    assert data["summary"].split().count("the") * 2 >= len(data["summary"].split())
    # (The faithfulness check may add its own warnings about what the loop wrote.)
    loops = {w for w in data["warnings"] if "supported" not in w}
    assert loops == {"output still shows repetition after a retry with safer settings"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [('modle = "x"\n', "unknown keys ['modle']"), ('summarize = "x"\n', "must be a table")],
)
def test_config_file_mistakes_are_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, expected: str
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(content, encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(config))
    result = run(["--engine", "extractive"], input="Some text that is long enough to summarize here.")
    assert result.exit_code == 2 and expected in result.stderr and result.stderr.count("\n") == 1


def test_config_keys_are_option_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # --format is stored as "fmt" by click; the file says format, as the option does.
    config = tmp_path / "config.toml"
    config.write_text('[summarize]\nformat = "json"\nstrict-lang = true\npoints = 1\n', encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(config))
    result = run(["--engine", "extractive"], input=_first_paragraphs(SEED_ARTICLE, 2))
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["key_points"]) == 1
    short = run(["--engine", "extractive"], input="Tiny text.")
    assert short.exit_code == 1 and "--lang" in short.stderr


def test_run_on_sentence_is_chunked_and_no_key_point_is_a_wall_of_text(tiny_bart: Path, calls: list) -> None:
    # Six paragraphs with their punctuation removed: one 'sentence' each, far over the model's limit.
    import re

    paragraphs = _first_paragraphs(SEED_ARTICLE, 6).split("\n\n")
    text = "\n\n".join(re.sub(r"[^\w\s]", "", p) for p in paragraphs)
    result = run(["--model", str(tiny_bart), "--format", "json", "--points", "5"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    model = calls[0][2]
    assert all(model.count_tokens(t) <= model.max_input for texts, _, _ in calls for t in texts)
    assert " ".join(calls[0][0]).split() == text.split()  # every word reaches a first-round input
    assert data["chunks"] == len(calls[0][0]) > 6
    assert all(len(p.split()) <= 60 for p in data["key_points"])
