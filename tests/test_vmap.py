"""CTranslate2 vocabulary maps for NLLB and M2M100: built once, change nothing they must not, can be turned off."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.runtime import vmap
from summarize.runtime.base import GenerationSettings
from summarize.runtime.hub import resolve
from summarize.runtime.loader import load_model
from summarize.translation.model import ModelTranslator

pytest.importorskip("ctranslate2")

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    with open(SHARED / "flores_en_ur_200.jsonl", encoding="utf-8") as fh:
        return [" ".join(json.loads(next(fh))["en"].split()[:10]) for _ in range(5)]


def test_what_a_script_may_write() -> None:
    assert vmap.usable("▁کتاب", "Arab") and vmap.usable("۔", "Arab") and vmap.usable("\u200c", "Arab")
    assert vmap.usable("▁12", "Arab") and vmap.usable(",", "Arab") and vmap.usable("▁", "Arab")
    assert vmap.usable("\ue000", "Arab")  # the masks of protected spans
    assert not vmap.usable("▁the", "Arab") and not vmap.usable("урд", "Arab")
    assert vmap.usable("▁the", "Latn") and not vmap.usable("▁کتاب", "Latn")
    line = vmap.vmap_lines(["<s>", "</s>", "▁the", "▁کتاب", "urd_Arab", "▁7"], "Arab", ["<s>", "</s>", "urd_Arab"])
    assert line == ["\t<s> </s> ▁کتاب urd_Arab ▁7"]


def _pair(folder: Path) -> tuple:
    resolved = resolve(str(folder), task="translation")
    mapped = load_model(resolved, backend="ctranslate2", compute_type="float32")
    plain = load_model(resolved, backend="ctranslate2", compute_type="float32", vocab_map=False)
    return mapped, plain


def _tokens(model, texts: list[str], extra: dict) -> list[list[str]]:
    """The output tokens of the translator generate() would use (greedy, forced target prefix)."""
    translator = model.translator_for(extra.get("target_script"))
    sources = [model._ids_to_tokens(ids) for ids in model.tokenizer(texts)["input_ids"]]
    prefix = model.forced_prefix(extra)
    options = {"use_vmap": True} if translator is not model.translator else {}
    results = translator.translate_batch(
        sources, target_prefix=[prefix] * len(texts), max_decoding_length=12, **options
    )
    return [r.hypotheses[0] for r in results]


@pytest.mark.parametrize("fixture", ["tiny_nllb", "tiny_m2m100"])
def test_output_inside_the_map_is_unchanged(fixture: str, request: pytest.FixtureRequest, sentences: list[str]) -> None:
    """en->fr: the tiny model writes Latin-script tokens, all inside the Latin map: same text with and without it."""
    mapped, plain = _pair(request.getfixturevalue(fixture))
    extra = ModelTranslator(mapped).prepare("en", "fr")
    assert extra["target_script"] == "Latn"
    allowed = set(vmap.vmap_lines(json.loads((mapped.converted / "shared_vocabulary.json").read_text()), "Latn",
                                  [])[0].split())  # fmt: skip
    unrestricted = _tokens(plain, sentences, extra)
    assert all(set(t[1:]) <= allowed for t in unrestricted), "the comparison needs output inside the map"
    assert _tokens(mapped, sentences, extra) == unrestricted
    compared = 0
    # Short outputs: the random tiny models stray into Arabic letters after a few tokens.
    for settings in (GenerationSettings(6, 3, 1), GenerationSettings(6, 0, 1, {"no_repeat_ngram_size": 2})):
        got = mapped.generate(sentences, settings, batch_size=2, extra=extra)
        for out, expected in zip(got, plain.generate(sentences, settings, batch_size=2, extra=extra), strict=True):
            if vmap.usable(expected.replace(" ", ""), "Latn"):  # the unrestricted output lies in the map
                assert out == expected, settings
                compared += 1
    assert compared >= 5


@pytest.mark.parametrize(("fixture", "token"), [("tiny_nllb", "urd_Arab"), ("tiny_m2m100", "__ur__")])
def test_the_map_restricts_and_the_forced_language_token_holds(
    fixture: str, token: str, request: pytest.FixtureRequest, sentences: list[str]
) -> None:
    mapped, plain = _pair(request.getfixturevalue(fixture))
    extra = ModelTranslator(mapped).prepare("en", "ur")
    assert extra["target_script"] == "Arab"
    folder = mapped.converted / vmap.FOLDER / "Arab"
    restricted = _tokens(mapped, sentences, extra)  # a batch of several: each keeps its forced token
    assert (folder / vmap.VMAP).is_file()
    allowed = set((folder / vmap.VMAP).read_text(encoding="utf-8").split())
    assert token in allowed and "</s>" in allowed and "▁the" not in allowed
    assert all(t[0] == token for t in restricted)
    assert all(set(t) <= allowed for t in restricted)
    unrestricted = _tokens(plain, sentences, extra)
    assert any(not set(t) <= allowed for t in unrestricted), "the tiny model should write outside the map"
    assert restricted != unrestricted  # the map is really used
    # Built once: a second model reuses the folder as it is; nothing half-built is left.
    stamp = (folder / vmap.VMAP).stat().st_mtime_ns
    again, _ = _pair(request.getfixturevalue(fixture))
    _tokens(again, sentences[:1], ModelTranslator(again).prepare("en", "ur"))
    assert (folder / vmap.VMAP).stat().st_mtime_ns == stamp
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".building-")]


def test_placeholders_survive_and_the_flag_turns_it_off(tiny_nllb: Path, tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text(
        "# Notes\n\nRun `make test` before you push, see https://example.com/a_b and **read** "
        "[the guide](docs/x.md).\n",
        encoding="utf-8",
    )
    args = ["translate", "--to", "ur", "--lang", "en", "--backend", "ctranslate2", "--translator", str(tiny_nllb)]
    mapped = CliRunner().invoke(cli, [*args, str(doc)])
    assert mapped.exit_code == 0, mapped.output + mapped.stderr
    for span in ("`make test`", "https://example.com/a_b", "**", "](docs/x.md)"):
        assert span in mapped.stdout
    cache = Path(os.environ["SUMMARIZE_CACHE_DIR"]) / "ct2"
    assert list(cache.glob(f"*/{vmap.FOLDER}/Arab/{vmap.VMAP}")), "the map was not used"
    plain = CliRunner().invoke(cli, [*args, "--no-vocab-map", str(doc)])
    assert plain.exit_code == 0, plain.output + plain.stderr
    for span in ("`make test`", "https://example.com/a_b", "**", "](docs/x.md)"):
        assert span in plain.stdout
    env = CliRunner().invoke(cli, [*args, str(doc)], env={"SUMMARIZE_VOCAB_MAP": "0"})
    assert env.exit_code == 0 and env.stdout == plain.stdout
