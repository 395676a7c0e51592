from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import ModelNotAvailableError, UnknownModelError
from summarize.runtime.hub import DOWNLOAD_PATTERNS, download_patterns, is_offline, resolve
from summarize.runtime.registry import parse_name


def test_alias_hub_id_and_local_folder(tiny_t5: Path) -> None:
    assert parse_name("distilbart-cnn")[0] == "sshleifer/distilbart-cnn-12-6"
    model_id, spec, local = parse_name("someone/some-model")
    assert (model_id, spec, local) == ("someone/some-model", None, None)
    model_id, _, local = parse_name(str(tiny_t5))
    assert local == tiny_t5.resolve() and model_id == str(tiny_t5.resolve())


def test_unknown_name_lists_aliases() -> None:
    with pytest.raises(UnknownModelError) as err:
        parse_name("bart")
    assert "distilbart-cnn" in str(err.value) and "flan-t5-base" in str(err.value)


def test_folder_without_config_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnknownModelError, match=r"no config\.json"):
        parse_name(str(tmp_path))


def test_local_recipe_file(tiny_flan: Path) -> None:
    _, spec, _ = parse_name(str(tiny_flan))
    assert spec is not None and spec.prompts


def test_bad_recipe_keys_are_named(tmp_path: Path, tiny_t5: Path) -> None:
    import shutil

    folder = tmp_path / "m"
    shutil.copytree(tiny_t5, folder)
    (folder / "summarize.json").write_text('{"promts": true}', encoding="utf-8")
    with pytest.raises(UnknownModelError, match="promts"):
        parse_name(str(folder))


def test_offline_uncached_model_names_pull_command() -> None:
    with pytest.raises(ModelNotAvailableError) as err:
        resolve("mt5-xlsum")
    assert "summarize models pull mt5-xlsum" in str(err.value)
    assert err.value.model == "csebuetnlp/mT5_multilingual_XLSum"


def test_cached_model_is_found_in_hf_home(tiny_t5: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A model in the Hugging Face cache layout under HF_HOME resolves offline, from the cache."""
    import shutil

    home = tmp_path / "hf"
    repo = home / "hub" / "models--acme--tiny"
    snap = repo / "snapshots" / "0123456789abcdef0123456789abcdef01234567"
    shutil.copytree(tiny_t5, snap)
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(snap.name, encoding="utf-8")
    monkeypatch.setenv("HF_HOME", str(home))
    import huggingface_hub.constants as c

    monkeypatch.setattr(c, "HF_HUB_CACHE", str(home / "hub"))
    resolved = resolve("acme/tiny")
    assert resolved.source == "cache" and resolved.path == snap


def test_offline_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    assert is_offline()  # conftest sets HF_HUB_OFFLINE=1
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.delenv("SUMMARIZE_OFFLINE", raising=False)
    assert not is_offline() and is_offline(True)
    monkeypatch.setenv("SUMMARIZE_OFFLINE", "1")
    assert is_offline()


def test_download_patterns_prefer_safetensors() -> None:
    assert download_patterns("x/y", ["config.json", "model.safetensors", "pytorch_model.bin"]) == DOWNLOAD_PATTERNS
    legacy = download_patterns("x/y", ["config.json", "pytorch_model.bin", "tf_model.h5"])
    assert "pytorch_model*.bin" in legacy and not any("h5" in p for p in legacy)


@pytest.mark.parametrize(
    "recipe", ['{"max_input": "512"}', '{"max_input": 4}', '{"generation": [1]}', '{"prompts": "yes"}']
)
def test_bad_recipe_values_are_named(tmp_path: Path, tiny_t5: Path, recipe: str) -> None:
    # A recipe value of the wrong type would otherwise fail deep inside generation as an internal error.
    import shutil

    folder = tmp_path / "m"
    shutil.copytree(tiny_t5, folder)
    (folder / "summarize.json").write_text(recipe, encoding="utf-8")
    with pytest.raises(UnknownModelError, match="wrong type"):
        parse_name(str(folder))
