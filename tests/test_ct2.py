"""The CTranslate2 backend on tiny models: conversion cache, atomicity, equivalence, the missing extra."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.errors import BackendNotInstalledError, UsageError
from summarize.runtime import ct2
from summarize.runtime.base import GenerationSettings
from summarize.runtime.hf import TransformersModel
from summarize.runtime.hub import resolve
from summarize.runtime.loader import load_model

pytest.importorskip("ctranslate2")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Short real news openings of different lengths (they fit the tiny models' input limits)."""
    out = []
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= 5:
                break
            words = json.loads(line)["article"].split()
            out.append(" ".join(words[: 12 + 7 * i]))
    return out


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Records each run of the real converter."""
    seen: list[Path] = []
    real = ct2._run_converter

    def spy(source: Path, target: Path, quantization: str) -> None:
        seen.append(target)
        real(source, target, quantization)

    monkeypatch.setattr(ct2, "_run_converter", spy)
    return seen


def test_converts_once_into_the_cache_and_reuses_it(tiny_bart: Path, conversions: list[Path]) -> None:
    resolved = resolve(str(tiny_bart))
    notes: list[str] = []
    first = load_model(resolved, backend="ctranslate2", notify=notes.append)
    assert isinstance(first, ct2.CT2Model)
    assert first.compute_type == "int8"  # the CPU default
    assert first.converted.parent == Path(os.environ["SUMMARIZE_CACHE_DIR"]) / "ct2"
    assert ct2.is_complete(first.converted)
    assert len(conversions) == 1 and any("converting" in n for n in notes)
    second = load_model(resolved, backend="ctranslate2", notify=notes.append)
    assert second.converted == first.converted
    assert len(conversions) == 1, "the second load converted again"
    # Another quantization is another folder.
    third = load_model(resolved, backend="ctranslate2", compute_type="float32")
    assert third.converted != first.converted and len(conversions) == 2
    # No temporary folders are left behind.
    assert not list(first.converted.parent.glob(ct2.TEMP_PREFIX + "*"))


def test_cache_key_follows_the_weights(tiny_t5: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "model"
    shutil.copytree(tiny_t5, copy)
    resolved = resolve(str(copy))
    before = ct2.converted_path(resolved, "int8")
    weights = copy / "model.safetensors"
    os.utime(weights, ns=(time.time_ns(), weights.stat().st_mtime_ns + 1_000_000_000))
    assert ct2.converted_path(resolve(str(copy)), "int8") != before
    assert ct2.converted_path(resolved, "float32") != ct2.converted_path(resolved, "int8")


def test_failed_conversion_leaves_no_folder(tiny_bart: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resolved = resolve(str(tiny_bart))
    final = ct2.converted_path(resolved, "int8")
    real = ct2._run_converter

    def interrupted(source: Path, target: Path, quantization: str) -> None:
        real(source, target, quantization)  # every file written ...
        raise KeyboardInterrupt  # ... then Ctrl-C before the rename

    monkeypatch.setattr(ct2, "_run_converter", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ct2.convert(resolved, "int8")
    assert not final.exists()
    assert not list(final.parent.glob(ct2.TEMP_PREFIX + "*")), "the partial conversion was left behind"
    monkeypatch.setattr(ct2, "_run_converter", real)
    assert ct2.is_complete(ct2.convert(resolved, "int8"))


def test_killed_conversion_is_never_used(tiny_bart: Path, texts: list[str]) -> None:
    """SIGKILL mid-conversion: no final folder; the next run converts cleanly and removes stale leftovers."""
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from summarize.runtime import ct2\n"
        "from summarize.runtime.hub import resolve\n"
        "real = ct2._run_converter\n"
        "def killed(source, target, quantization):\n"
        "    real(source, target, quantization)\n"
        "    (Path(target) / 'model.bin').write_bytes(b'half')  # a torn write, then the kill\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "ct2._run_converter = killed\n"
        "ct2.convert(resolve(sys.argv[1]), 'int8')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code, str(tiny_bart)], env=env, capture_output=True, timeout=120)
    assert proc.returncode == -9, proc.stderr.decode()[-500:]
    resolved = resolve(str(tiny_bart))
    final = ct2.converted_path(resolved, "int8")
    assert not final.exists()
    leftovers = list(final.parent.glob(ct2.TEMP_PREFIX + "*"))
    assert len(leftovers) == 1 and (leftovers[0] / "model.bin").read_bytes() == b"half"
    # Pretend the kill happened long ago: the next conversion removes the leftover.
    old = time.time() - ct2.STALE_TEMP_SECONDS - 60
    os.utime(leftovers[0], (old, old))
    model = load_model(resolved, backend="ctranslate2")
    assert ct2.is_complete(model.converted)
    assert not leftovers[0].exists()
    assert len(model.generate(texts[:2], GenerationSettings(8, 4, 1))) == 2


@pytest.mark.parametrize("fixture", ["tiny_bart", "tiny_t5"])
def test_greedy_outputs_match_transformers(fixture: str, request: pytest.FixtureRequest, texts: list[str]) -> None:
    """float32 so the numbers match; int8 is allowed to differ."""
    resolved = resolve(str(request.getfixturevalue(fixture)))
    reference = load_model(resolved, backend="transformers")
    fast = load_model(resolved, backend="ctranslate2", compute_type="float32")
    assert type(reference) is TransformersModel and fast.backend == "ctranslate2"
    assert fast.base_settings() == reference.base_settings()
    assert fast.max_input == reference.max_input and fast.prefix() == reference.prefix()
    inputs = [reference.prefix() + t for t in texts]
    assert fast.count_tokens(inputs[0]) == reference.count_tokens(inputs[0])
    forced = reference.tokenizer.convert_tokens_to_ids("▁the")
    cases = [
        (GenerationSettings(16, 6, 1, {"no_repeat_ngram_size": 3}), None),
        # min 0: the tiny BART stops at once, which CTranslate2 must allow at the first step too.
        (GenerationSettings(12, 0, 1, {}), None),
        # The forced target-language token of translators, as translate.py passes it.
        (GenerationSettings(10, 4, 1, {}), {"forced_bos_token_id": forced}),
    ]
    if reference.config.decoder_start_token_id != reference.tokenizer.eos_token_id:
        # transformers counts the decoder start token as generated for repetition_penalty; where it
        # is EOS (BART) that penalizes stopping, which CTranslate2 does not do (see README, Speed).
        cases.append((GenerationSettings(12, 0, 1, {"repetition_penalty": 1.3}), None))
    for settings, extra in cases:
        expected = reference.generate(inputs, settings, batch_size=2, extra=extra)
        got = fast.generate(inputs, settings, batch_size=2, extra=extra)
        if settings.min_new_tokens:
            assert all(expected), "the reference produced empty text: the comparison would prove nothing"
        assert got == expected, (settings, extra)
    # Different settings give different text on both backends (the options are not ignored).
    short = fast.generate(inputs, GenerationSettings(3, 0, 1), batch_size=2)
    assert short == reference.generate(inputs, GenerationSettings(3, 0, 1), batch_size=2)
    assert short != fast.generate(inputs, cases[0][0], batch_size=2)


@pytest.mark.parametrize("fixture", ["tiny_marian_en_ur", "tiny_m2m100", "tiny_nllb"])
def test_translators_match_transformers(fixture: str, request: pytest.FixtureRequest) -> None:
    """Marian, M2M100 and NLLB with the source language and forced target token that translate.py sets."""
    from summarize.translation.model import ModelTranslator

    resolved = resolve(str(request.getfixturevalue(fixture)), task="translation")
    reference = load_model(resolved, backend="transformers")
    # The vocabulary map changes what a random model writes (tests/test_vmap.py): compare without it.
    fast = load_model(resolved, backend="ctranslate2", compute_type="float32", vocab_map=False)
    extras = [ModelTranslator(m).prepare("en", "ur") for m in (reference, fast)]
    assert extras[0] == extras[1]
    if fixture != "tiny_marian_en_ur":
        assert "forced_bos_token_id" in extras[0]
    with open(SHARED / "flores_en_ur_200.jsonl", encoding="utf-8") as fh:
        sentences = [" ".join(json.loads(next(fh))["en"].split()[:12]) for _ in range(4)]
    for settings in (GenerationSettings(12, 4, 1), GenerationSettings(12, 4, 1, {"no_repeat_ngram_size": 2})):
        expected = reference.generate(sentences, settings, batch_size=2, extra=extras[0])
        assert all(expected)
        assert fast.generate(sentences, settings, batch_size=2, extra=extras[1]) == expected


def test_auto_prefers_ctranslate2_and_cli_uses_it(tiny_bart: Path, texts: list[str]) -> None:
    resolved = resolve(str(tiny_bart))
    assert isinstance(load_model(resolved), ct2.CT2Model)
    assert type(load_model(resolved, backend="transformers")) is TransformersModel
    result = CliRunner().invoke(
        cli, ["--model", str(tiny_bart), "--format", "json", "--points", "1", "--max-new-tokens", "8"], input=texts[3]
    )
    assert result.exit_code == 0, result.output + result.stderr
    assert json.loads(result.stdout)["engine"] == "abstractive"
    assert list((Path(os.environ["SUMMARIZE_CACHE_DIR"]) / "ct2").glob("*--int8"))


def test_models_pull_preconverts(tiny_t5: Path, conversions: list[Path]) -> None:
    args = ["models", "pull", str(tiny_t5), "--backend", "ctranslate2"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output + first.stderr
    assert "int8" in first.stdout and len(conversions) == 1
    folder = Path(first.stdout.strip().rsplit(" -> ", 1)[1])
    assert ct2.is_complete(folder)
    assert load_model(resolve(str(tiny_t5)), backend="ctranslate2").converted == folder
    assert len(conversions) == 1


def test_missing_extra_is_a_usage_error(tiny_bart: Path, monkeypatch: pytest.MonkeyPatch, texts: list[str]) -> None:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # import ctranslate2 now raises ImportError
    with pytest.raises(BackendNotInstalledError):
        ct2.require()
    result = CliRunner().invoke(cli, ["--backend", "ctranslate2", "--model", str(tiny_bart)], input=texts[0])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("summarize: error:")
    assert "pip install 'summarize[fast]'" in lines[0]
    pulled = CliRunner().invoke(cli, ["models", "pull", str(tiny_bart), "--backend", "ctranslate2"])
    assert pulled.exit_code == 2 and "summarize[fast]" in pulled.stderr
    # auto quietly uses transformers.
    assert type(load_model(resolve(str(tiny_bart)))) is TransformersModel


def test_compute_type_checks() -> None:
    assert ct2.check_compute_type(None, "cpu") == "int8"
    assert ct2.check_compute_type("auto", "cuda") == "int8_float16"
    with pytest.raises(UsageError):
        ct2.check_compute_type("int3", "cpu")
    with pytest.raises(UsageError):
        ct2.parse_device("mps")


def test_compute_type_reaches_the_translator(tiny_nllb: Path, tmp_path: Path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("The council approved the budget on Monday after a long debate.\n", encoding="utf-8")
    args = ["translate", "--to", "ur", "--lang", "en", "--translator", str(tiny_nllb), "--backend", "ctranslate2"]
    result = CliRunner().invoke(cli, [*args, "--compute-type", "int8_float32", str(doc)])
    assert result.exit_code == 0, result.output + result.stderr
    assert list((Path(os.environ["SUMMARIZE_CACHE_DIR"]) / "ct2").glob("*--int8_float32"))
