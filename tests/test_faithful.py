"""Repairing outputs with unsupported facts: engines/faithful.py alone, then on the real engine path."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from summarize.engines.faithful import check_mode, repair
from summarize.errors import UsageError
from summarize.text.facts import unsupported
from tests.conftest import SHARED

SOURCE = (
    "The council approved the new bridge on Tuesday. Construction will cost 46 million pounds. "
    "Mayor Anna Berg said the bridge would open in 2027. Residents had asked for it for years."
)


def test_a_supported_output_is_left_alone() -> None:
    out = repair("The bridge will cost 46 million pounds.", [SOURCE])
    assert (out.text, out.warnings, out.changed) == ("The bridge will cost 46 million pounds.", [], False)


def test_an_invented_number_is_regenerated_when_the_new_sentence_is_supported() -> None:
    text = "The council approved the bridge. The bridge will cost 48 million pounds."
    asked: list[str] = []

    def regenerate(sentence: str) -> str:
        asked.append(sentence)
        return "The bridge will cost 46 million pounds. Residents had asked for it."

    out = repair(text, [SOURCE], regenerate=regenerate)
    assert out.text == "The council approved the bridge. The bridge will cost 46 million pounds."
    assert asked == ["The bridge will cost 48 million pounds."]
    assert out.warnings == [
        'summary: number "48 million pounds" not supported by the source; sentence regenerated closer to the source'
    ]


def test_a_sentence_still_inventing_is_replaced_by_the_source_sentence_supporting_the_rest() -> None:
    out = repair("Mayor Anna Berg said the bridge would open in 2029.", [SOURCE], regenerate=lambda s: s)
    assert out.text == "Mayor Anna Berg said the bridge would open in 2027."
    assert "replaced by the source sentence" in out.warnings[0] and '"2029"' in out.warnings[0]


def test_a_sentence_nothing_supports_is_dropped_and_an_empty_output_never_returned() -> None:
    out = repair("The council approved it. Zebras sang 12 songs.", [SOURCE])
    assert out.text == "The council approved it."
    assert "dropped" in out.warnings[0]
    only = repair("Zebras sang 12 songs.", [SOURCE])
    assert only.text and not unsupported(only.text, [SOURCE])
    assert "closest source sentence" in only.warnings[-1]


def test_warn_keeps_the_text_and_off_checks_nothing() -> None:
    text = "The bridge will cost 48 million pounds."
    warned = repair(text, [SOURCE], mode="warn")
    assert warned.text == text and "kept as written" in warned.warnings[0]
    assert repair(text, [SOURCE], mode="off").warnings == []


def test_an_unknown_mode_is_a_usage_error_naming_its_source() -> None:
    with pytest.raises(UsageError, match="SUMMARIZE_FAITHFULNESS: unknown faithfulness mode 'fix'"):
        check_mode("fix", source="SUMMARIZE_FAITHFULNESS")


# --- end to end: a tiny model made to invent numbers -------------------------------------------------


@pytest.fixture(scope="session")
def digit_bart(tmp_path_factory: pytest.TempPathFactory, tiny_bart: Path) -> Path:
    """The tiny BART with its output bias raised on every token holding a digit: it writes numbers."""
    from transformers import AutoTokenizer, BartForConditionalGeneration

    out = tmp_path_factory.mktemp("digit-bart")
    shutil.copytree(tiny_bart, out, dirs_exist_ok=True)
    tok = AutoTokenizer.from_pretrained(str(tiny_bart))
    model = BartForConditionalGeneration.from_pretrained(str(tiny_bart))
    digits = [i for piece, i in tok.get_vocab().items() if any(ch.isdigit() for ch in piece)]
    assert digits
    model.final_logits_bias[0, digits] += 6.0
    model.save_pretrained(str(out))
    return out


def _article() -> str:
    """A real news article with its digits removed, so that any number in an output is invented."""
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        article = json.loads(fh.readline())["article"]
    return re.sub(r"\s+", " ", re.sub(r"\d", "", article))[:700]


def _numbers(text: str) -> list[str]:
    return [f.text for f in unsupported(text, [_article()]) if f.kind == "number"]


@pytest.mark.parametrize("mode", ["off", "warn", "repair"])
def test_numbers_a_model_invents_are_repaired_on_the_real_engine_path(digit_bart: Path, mode: str) -> None:
    from summarize.engines.abstractive import AbstractiveEngine
    from summarize.runtime.hf import TransformersModel
    from summarize.runtime.hub import resolve

    engine = AbstractiveEngine(TransformersModel(resolve(str(digit_bart)), device="cpu"), faithfulness=mode)
    out = engine.run(_article(), "en", points=2)
    written = out.summary + " " + " ".join(out.key_points)
    fact_warnings = [w for w in out.warnings if "not supported by the source" in w]
    if mode == "repair":
        assert out.summary.strip()
        assert _numbers(written) == []
        assert any("number" in w for w in fact_warnings)
        assert all(re.search(r"regenerated|replaced|dropped|closest source sentence", w) for w in fact_warnings)
    else:
        assert _numbers(out.summary)  # the model does invent: the repair above has something to do
        if mode == "warn":
            assert any("number" in w and "kept as written" in w for w in fact_warnings)
        else:
            assert fact_warnings == []


# --- the option on the command line ------------------------------------------------------------------


def _cli(args: list[str], input: str | None = None):  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from summarize.cli import cli

    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


@pytest.mark.parametrize("mode", ["off", "warn", "repair"])
def test_the_faithfulness_flag_reaches_the_engine_on_the_cli_path(
    digit_bart: Path, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_BACKEND", "transformers")
    args = ["--model", str(digit_bart), "--points", "2", "--format", "json", "--no-cache", "--faithfulness", mode]
    result = _cli(args, input=_article())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    fact_warnings = [w for w in data["warnings"] if "not supported by the source" in w]
    if mode == "off":
        assert _numbers(data["summary"]) and fact_warnings == []
    elif mode == "warn":
        assert _numbers(data["summary"])
        assert fact_warnings and all("kept as written" in w for w in fact_warnings)
    else:
        assert _numbers(data["summary"] + " " + " ".join(data["key_points"])) == []
        assert fact_warnings and not any("kept as written" in w for w in fact_warnings)


def test_a_bad_faithfulness_in_the_environment_is_a_usage_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_FAITHFULNESS", "maybe")
    result = _cli(["--engine", "extractive"], input=_article())
    assert result.exit_code == 2
    assert "SUMMARIZE_FAITHFULNESS=maybe" in result.stderr and "off, warn, repair" in result.stderr
    assert result.stdout == ""


def test_the_settings_table_agrees_with_the_engine_on_modes() -> None:
    from summarize import settings
    from summarize.engines import faithful

    option = settings.OPTIONS["faithfulness"]
    assert (option.choices, option.default) == (faithful.MODES, faithful.DEFAULT_MODE)
    assert "faithfulness" in settings.HOOK_KEYS and settings.SummarizeOptions().faithfulness == "repair"


def test_the_hook_writes_no_unsupported_number_into_a_newsletter_block(
    digit_bart: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarize import hook
    from summarize.text.inputs import to_document

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SUMMARIZE_BACKEND", "transformers")
    original = (SHARED / "newsletters" / "swiftweekly_issue-201_short.md").read_text(encoding="utf-8")
    source = to_document(original, "letter.md", ".md").text

    def block_numbers(mode: str) -> list[str]:
        letter = tmp_path / f"letter-{mode}.md"
        letter.write_text(original, encoding="utf-8")
        assert hook.main([str(letter), "--model", str(digit_bart), "--faithfulness", mode, "--no-cache"]) == 1
        text = letter.read_text(encoding="utf-8")
        block = text[text.index(hook.START) : text.index(hook.END)].replace("**Summary:**", "")
        return [f.text for f in unsupported(block.replace("\n- ", "\n"), [source]) if f.kind == "number"]

    assert block_numbers("off")  # the model invents numbers: the check below has something to catch
    capsys.readouterr()
    assert block_numbers("repair") == []
    # Never silently: the hook names what it repaired in the block it wrote.
    said = [line for line in capsys.readouterr().err.splitlines() if ": warning: " in line]
    assert said and all(line.startswith("summarize-newsletter: ") and "letter-repair.md" in line for line in said)
    assert any(": warning: summary: " in line and "not supported by the source" in line for line in said), said
