from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tiny models run fastest on one thread; two threads on a busy 2-core machine were 5x slower.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("SUMMARIZE_THREADS", "1")

from tests import tiny_models

SHARED = tiny_models.SHARED
SAMPLES = tiny_models.SAMPLES


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No network, an empty Hugging Face cache and no user config for every test."""
    home = tmp_path_factory.mktemp("hf_home")
    monkeypatch.setenv("HF_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    # huggingface_hub reads HF_HOME once, at import: point its cache constant here too.
    import huggingface_hub.constants as hub_constants

    monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(home / "hub"))
    monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", True)
    # An empty config file: the user's own never leaks into a test (a missing one would be an error).
    (home / "config.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(home / "summarize-cache"))
    for var in (
        "SUMMARIZE_MODEL",
        "SUMMARIZE_ENGINE",
        "SUMMARIZE_OFFLINE",
        "SUMMARIZE_LANG",
        "SUMMARIZE_TO",
        "SUMMARIZE_TRANSLATOR",
        "SUMMARIZE_BACKEND",
        "SUMMARIZE_FORMAT",
    ):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session")
def spm_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_models.train_sentencepiece(tmp_path_factory.mktemp("spm"))


@pytest.fixture(scope="session")
def tiny_bart(tmp_path_factory: pytest.TempPathFactory, spm_model: Path) -> Path:
    """Tiny BART, 128-token input limit."""
    return tiny_models.build_tiny_bart(tmp_path_factory.mktemp("tiny-bart"), spm_model)


@pytest.fixture(scope="session")
def tiny_t5(tmp_path_factory: pytest.TempPathFactory, spm_model: Path) -> Path:
    """Tiny T5 with a `summarize: ` prefix, 256-token input limit."""
    return tiny_models.build_tiny_t5(tmp_path_factory.mktemp("tiny-t5"), spm_model)


@pytest.fixture(scope="session")
def tiny_flan(tmp_path_factory: pytest.TempPathFactory, spm_model: Path) -> Path:
    """Tiny T5 marked instruction-tuned by its summarize.json recipe: uses prompts/ templates."""
    return tiny_models.build_tiny_t5(
        tmp_path_factory.mktemp("tiny-flan"), spm_model, max_len=256, seed=1, recipe={"prompts": True}
    )


# --- translators (issue 4) ------------------------------------------------------------------


@pytest.fixture(scope="session")
def tiny_marian_en_ur(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tiny Marian en->ur with separate English source and Urdu target sentencepiece models."""
    return tiny_models.build_tiny_marian(tmp_path_factory.mktemp("marian-en-ur") / "model", "en", "ur")


@pytest.fixture(scope="session")
def tiny_marian_fr_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tiny Marian standing in for opus-mt-fr-en: the first leg of a fr->ur pivot."""
    return tiny_models.build_tiny_marian(tmp_path_factory.mktemp("marian-fr-en") / "model", "fr", "en", seed=1)


@pytest.fixture(scope="session")
def tiny_m2m100(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tiny M2M100 with its real tokenizer class and __xx__ language tokens, 64-token limit."""
    return tiny_models.build_tiny_m2m100(tmp_path_factory.mktemp("m2m100") / "model")


@pytest.fixture(scope="session")
def tiny_nllb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tiny NLLB-style model (M2M100 architecture, NllbTokenizer with FLORES-200 codes), 64-token limit."""
    return tiny_models.build_tiny_nllb(tmp_path_factory.mktemp("nllb") / "model")


# --- batch and hook (issue 5) ---------------------------------------------------------------


@pytest.fixture()
def generate_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The inputs of every Seq2SeqModel.generate() call; the real model still runs (transformers backend)."""
    from summarize.runtime.base import Seq2SeqModel

    monkeypatch.setenv("SUMMARIZE_BACKEND", "transformers")  # CTranslate2 generates elsewhere
    seen: list[list[str]] = []
    real = Seq2SeqModel.generate

    def spy(self: Seq2SeqModel, texts: list[str], settings, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(list(texts))
        return real(self, texts, settings, **kwargs)

    monkeypatch.setattr(Seq2SeqModel, "generate", spy)
    return seen
