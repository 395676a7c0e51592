"""The torch-free tokenizer of converted models: the same ids and text as transformers', and runs without torch."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.runtime import ct2, ct2files
from summarize.runtime.hub import resolve
from summarize.runtime.loader import load_model
from summarize.runtime.tokenizer import LightTokenizer, export_tokenizer

pytest.importorskip("ctranslate2")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
REAL = SHARED / "tokenizers"
# Blocks torch and transformers, then runs the CLI: a run that imports either fails.
BLOCKED_CLI = (
    "import sys\n"
    "class Block:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name.split('.')[0] in {'torch', 'transformers'}:\n"
    "            raise ImportError(f'{name} is blocked in this test')\n"
    "sys.meta_path.insert(0, Block())\n"
    "sys.argv[0] = 'summarize'\n"
    "from summarize.cli import main\n"
    "main()\n"
)


def sample_texts() -> list[str]:
    """Real English news, English and Urdu FLORES sentences, and awkward strings."""
    texts = []
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= 4:
                break
            texts.append(json.loads(line)["article"][:2500])
    with open(SHARED / "flores_en_ur_200.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= 12:
                break
            row = json.loads(line)
            texts += [row["en"], row["ur"]]
    odd = ["", "  two  spaces\n\nand lines ", "It's 5 o'clock , isn't it ?", "</s> <unk> __en__ eng_Latn x"]
    return [*texts, *odd, ">>urd<< Hello"]


def assert_same_tokenizer(folder: Path, tmp_path: Path, languages: list[str | None]) -> None:
    from transformers import AutoTokenizer

    hf = AutoTokenizer.from_pretrained(str(folder))
    export_tokenizer(hf, tmp_path / "tok")
    light = LightTokenizer(tmp_path / "tok")
    texts = sample_texts()
    for lang in languages:
        if lang:
            hf.src_lang = lang
            light.src_lang = lang
        for text in texts:
            ids = hf(text)["input_ids"]
            assert light(text)["input_ids"] == ids, (lang, text[:80])
            assert light(text, add_special_tokens=False)["input_ids"] == hf(text, add_special_tokens=False)["input_ids"]
            for skip in (True, False):
                assert light.decode(ids, skip_special_tokens=skip) == hf.decode(ids, skip_special_tokens=skip)
    assert light([texts[0], texts[5]])["input_ids"] == hf([texts[0], texts[5]])["input_ids"]
    rng = random.Random(0)
    for _ in range(30):  # what a random model generates: any ids, special ones included
        ids = [rng.randrange(len(hf)) for _ in range(16)]
        assert light.convert_ids_to_tokens(ids) == hf.convert_ids_to_tokens(ids)
        assert light.batch_decode([ids], skip_special_tokens=True) == hf.batch_decode([ids], skip_special_tokens=True)
    tokens = hf.convert_ids_to_tokens(list(range(min(len(hf), 400))))
    assert light.convert_tokens_to_ids(tokens) == hf.convert_tokens_to_ids(tokens)
    assert light.convert_tokens_to_ids("no-such-token-here") == hf.convert_tokens_to_ids("no-such-token-here")
    for name in ("unk_token_id", "pad_token_id", "eos_token_id", "bos_token_id", "model_max_length"):
        assert getattr(light, name) == getattr(hf, name), name
    for name in ("source_lang", "target_lang"):
        assert getattr(light, name) == getattr(hf, name, None), name


@pytest.mark.parametrize("name", ["tiny_bart", "tiny_t5", "tiny_marian_en_ur"])
def test_same_ids_and_text_as_transformers(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    assert_same_tokenizer(request.getfixturevalue(name), tmp_path, [None])


def test_same_for_m2m100_in_each_source_language(tiny_m2m100: Path, tmp_path: Path) -> None:
    assert_same_tokenizer(tiny_m2m100, tmp_path, ["en", "ur", "fr"])


def test_same_for_nllb_in_each_source_language(tiny_nllb: Path, tmp_path: Path) -> None:
    assert_same_tokenizer(tiny_nllb, tmp_path, ["eng_Latn", "urd_Arab", "fra_Latn"])


@pytest.mark.parametrize("name", ["bart", "t5"])
def test_same_for_the_real_tokenizers(name: str, tmp_path: Path) -> None:
    assert_same_tokenizer(REAL / name, tmp_path, [None])


def test_unknown_source_language_is_refused(tiny_nllb: Path) -> None:
    model = load_model(resolve(str(tiny_nllb)), backend="ctranslate2")
    with pytest.raises(ValueError):
        model.tokenizer.src_lang = "xxx_Xxxx"


def test_older_conversion_gets_the_files_once(tiny_t5: Path) -> None:
    resolved = resolve(str(tiny_t5))
    folder = ct2.convert(resolved, "int8")
    assert ct2files.has_runtime(folder)
    for name in (ct2files.CONFIG, ct2files.GENERATION):
        (folder / name).unlink()  # as converted before this change
    model = load_model(resolved, backend="ctranslate2")
    assert ct2files.has_runtime(folder) and model.converted == folder
    assert model.prefix() == "summarize: " and model.max_input == 256
    assert not [p for p in folder.iterdir() if p.name.startswith(".runtime-")]


def blocked_cli(args: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", BLOCKED_CLI, *args], input=stdin, env=env, capture_output=True, text=True, timeout=120
    )


def test_summarize_runs_without_torch_once_converted(tiny_bart: Path) -> None:
    text = sample_texts()[0]
    args = ["--backend", "ctranslate2", "--model", str(tiny_bart), "--format", "json", "--no-cache", "--points", "1"]
    before = blocked_cli(args, text)
    assert before.returncode != 0 and "blocked" in before.stderr  # converting needs torch: the test can fail
    ct2.convert(resolve(str(tiny_bart)), "int8")
    after = blocked_cli(args, text)
    assert after.returncode == 0, after.stderr[-800:]
    result = json.loads(after.stdout)
    assert result["engine"] == "abstractive" and result["summary"]


def test_translate_runs_without_torch_once_converted(tiny_nllb: Path, tiny_marian_en_ur: Path, tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("# Weather\n\nThe weather is good today. See https://example.com for more.\n", encoding="utf-8")
    for model in (tiny_nllb, tiny_marian_en_ur):
        ct2.convert(resolve(str(model), task="translation"), "int8")
        args = ["translate", "--to", "ur", "--lang", "en", "--backend", "ctranslate2", "--translator", str(model)]
        proc = blocked_cli([*args, str(doc)], "")
        assert proc.returncode == 0, proc.stderr[-800:]
        assert "https://example.com" in proc.stdout
