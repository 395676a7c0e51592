"""The real distilbart-cnn-12-6 and flan-t5 tokenizers and configs (random, shrunk weights): limits, prefixes,
prompts, special tokens, and the same greedy tokens from transformers and CTranslate2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.engines.abstractive import AbstractiveEngine
from summarize.runtime.base import GenerationSettings
from summarize.runtime.hf import TransformersModel
from summarize.runtime.hub import resolve
from summarize.runtime.loader import load_model
from summarize.text.chunking import chunk_text
from tests import real_models

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def distilbart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return real_models.build_distilbart(tmp_path_factory.mktemp("distilbart") / "model")


@pytest.fixture(scope="module")
def flan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return real_models.build_flan_t5(tmp_path_factory.mktemp("flan") / "model")


@pytest.fixture(scope="module")
def flan_prompts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """flan-t5 as the registry runs it: instruction prompts from prompts/ templates."""
    return real_models.build_flan_t5(tmp_path_factory.mktemp("flan-p") / "model", recipe={"prompts": True})


@pytest.fixture(scope="module")
def articles() -> list[str]:
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["article"] for line in fh][:40]


def test_real_configs_give_the_real_recipes(distilbart: Path, flan: Path) -> None:
    bart = load_model(resolve(str(distilbart)), backend="transformers")
    assert bart.max_input == 1024 and bart.prefix() == ""
    assert bart.base_settings() == GenerationSettings(
        141, 55, 4, {"no_repeat_ngram_size": 3, "length_penalty": 2.0, "early_stopping": True}
    )
    t5 = load_model(resolve(str(flan)), backend="transformers")
    assert t5.max_input == 512 and t5.prefix() == "summarize: "
    assert t5.base_settings().num_beams == 4 and t5.base_settings().max_new_tokens == 199


@pytest.mark.parametrize(("name", "limit"), [("distilbart", 1024), ("flan", 512), ("flan_prompts", 512)])
def test_chunks_of_real_articles_fit_and_are_full(
    name: str, limit: int, request: pytest.FixtureRequest, articles: list[str]
) -> None:
    model = load_model(resolve(str(request.getfixturevalue(name))))
    engine = AbstractiveEngine(model)
    room = engine._limit("en", "medium")
    long_ones = [a for a in articles if model.count_tokens(a) > limit][:6]
    assert len(long_ones) >= 3, "too few long articles: the test would prove little"
    for article in long_ones:
        chunks = chunk_text(article, model.count_tokens, room, "en")
        assert len(chunks) >= 2
        for i, chunk in enumerate(chunks):
            model_input = engine._prepare(chunk.text, "en", "medium")
            assert model.count_tokens(model_input) <= limit  # none over the real limit
            assert chunk.tokens == model.count_tokens(chunk.text)
            if i + 1 < len(chunks):  # none needlessly small: the next sentence would not have fit
                assert model.count_tokens(chunk.text + " " + chunks[i + 1].sentences[0]) > room
        assert " ".join(" ".join(c.sentences) for c in chunks).split() == article.split()


def test_t5_prefix_and_prompts_tokenize_as_expected(flan: Path, flan_prompts: Path) -> None:
    model = load_model(resolve(str(flan)))
    tok = model.tokenizer
    text = "The council met on Tuesday."
    ids = tok(model.prefix() + text)["input_ids"]
    assert tok.convert_ids_to_tokens(ids[:3]) == ["▁summarize", ":", "▁The"]
    assert ids[-1] == tok.eos_token_id == 1 and tok.unk_token_id not in ids
    prompted = load_model(resolve(str(flan_prompts)))
    engine = AbstractiveEngine(prompted)
    for template in ("summary", "key_points"):
        prompt = engine._prepare(text, "en", "medium", template)
        ids = prompted.tokenizer(prompt)["input_ids"]
        assert prompted.tokenizer.unk_token_id not in ids, prompt  # every character of the template is known
        assert ids[-1] == 1 and ids.count(1) == 1
        assert prompted.tokenizer.decode(ids, skip_special_tokens=True) == " ".join(prompt.split())


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_decoding_strips_the_real_special_tokens(backend: str, distilbart: Path, flan: Path) -> None:
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    for folder, wrapped in (
        (distilbart, lambda ids: [2, 0, *ids, 2, 1, 1]),  # decoder start, forced BOS, EOS, padding
        (flan, lambda ids: [0, *ids, 32099, 1, 0]),  # start (pad), a sentinel, EOS, padding
    ):
        model = load_model(resolve(str(folder)), backend=backend)
        tok = model.tokenizer
        ids = tok("Police said 12 people were hurt.", add_special_tokens=False)["input_ids"]
        assert tok.decode(wrapped(ids), skip_special_tokens=True).strip() == "Police said 12 people were hurt."
        outputs = model.generate(["Police said 12 people were hurt."], GenerationSettings(12, 6, 1))
        assert outputs[0] and not any(s in outputs[0] for s in ("<s>", "</s>", "<pad>", "<unk>", "<extra_id"))


@pytest.mark.parametrize("name", ["distilbart", "flan"])
def test_greedy_tokens_match_across_backends(name: str, request: pytest.FixtureRequest, articles: list[str]) -> None:
    """float32, greedy, with the real generation configs (forced BOS/EOS, min_length, no_repeat_ngram_size)."""
    pytest.importorskip("ctranslate2")
    resolved = resolve(str(request.getfixturevalue(name)))
    reference = load_model(resolved, backend="transformers")
    fast = load_model(resolved, backend="ctranslate2", compute_type="float32")
    assert type(reference) is TransformersModel and fast.backend == "ctranslate2"
    assert fast.base_settings() == reference.base_settings() and fast.max_input == reference.max_input
    inputs = [reference.prefix() + " ".join(a.split()[: 30 + 20 * i]) for i, a in enumerate(articles[:3])]
    base = reference.base_settings()
    for settings in (GenerationSettings(24, 8, 1, dict(base.extra)), GenerationSettings(16, 0, 1, {})):
        expected = reference.generate(inputs, settings, batch_size=2)
        assert all(expected)
        assert fast.generate(inputs, settings, batch_size=2) == expected, settings
