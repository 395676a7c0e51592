"""The result cache: what its key depends on, and that bad entries never fail a run."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from summarize import cache as cache_mod
from summarize import code_version
from summarize.cache import ResultCache, cache_dir
from summarize.pipeline import Summarizer
from summarize.results import LanguageResult, SummaryResult, TranslationResult
from summarize.runtime.hub import fingerprint
from summarize.settings import SummarizeOptions

TEXT = "The council approved the new bridge on Monday. Work starts in May and ends in two years."


def _result(source: str = "a.txt") -> SummaryResult:
    return SummaryResult(
        source,
        LanguageResult("en", 0.99, True),
        "abstractive",
        "some/model",
        "A bridge was approved.",
        ["Work starts in May.", "It takes two years."],
        1,
        20,
        {"total": 0.5},
        warnings=["w"],
        title="Bridge",
        translation=TranslationResult("ur", "m", "پل", ["نکتہ"]),
    )


def _key(**options: object) -> str:
    return Summarizer(SummarizeOptions(**options)).cache_key(TEXT, "Bridge", "en")  # type: ignore[arg-type]


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c" / "results"
    monkeypatch.delenv("SUMMARIZE_CACHE_DIR")
    assert cache_dir().name == "results" and "summarize" in str(cache_dir())


def test_key_changes_with_everything_that_changes_output(monkeypatch: pytest.MonkeyPatch) -> None:
    base = _key(engine="extractive")
    assert base == _key(engine="extractive")
    extractive = Summarizer(SummarizeOptions(engine="extractive"))
    assert base != extractive.cache_key(TEXT + " More.", "Bridge", "en")
    assert base != extractive.cache_key(TEXT, "Other title", "en")
    # The same prose with a line read as a heading (never a summary sentence) summarizes differently.
    assert base != extractive.cache_key(TEXT, "Bridge", "en", ["Bridge"])
    assert base != _key(engine="extractive", points=3)
    assert base != _key(engine="extractive", length="short")
    assert base != _key(engine="abstractive")
    # Speed and placement options do not change the words: same key.
    assert base == _key(engine="extractive", threads=3, batch_size=2, device="cpu", offline=True)
    monkeypatch.setattr(cache_mod, "__version__", "999.0")
    assert base != _key(engine="extractive")
    # Nor does a result of other code at the same version count: a checkout changes between releases.
    monkeypatch.undo()
    assert base == _key(engine="extractive")
    monkeypatch.setattr(code_version, "code_fingerprint", lambda: "0" * 16)
    assert base != _key(engine="extractive")


def test_the_code_fingerprint_follows_every_file_of_the_package(tmp_path: Path) -> None:
    (tmp_path / "engines").mkdir()
    (tmp_path / "engines" / "extractive.py").write_text("WEIGHT = 3\n")
    (tmp_path / "common_en.txt").write_text("the\n")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    first = code_version.tree_hash(tmp_path)
    (tmp_path / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\1")  # compiled code does not count
    assert code_version.tree_hash(tmp_path) == first
    (tmp_path / "engines" / "extractive.py").write_text("WEIGHT = 4\n")
    second = code_version.tree_hash(tmp_path)
    assert second != first
    (tmp_path / "common_en.txt").write_text("the\nand\n")  # data files count too
    assert code_version.tree_hash(tmp_path) != second
    assert len(code_version.code_fingerprint()) == 16


def test_key_follows_the_model_files(tmp_path: Path, tiny_t5: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(tiny_t5, model)
    first = _key(model=str(model))
    assert first == _key(model=str(model))
    weights = model / "model.safetensors"
    stat = weights.stat()
    os.utime(weights, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # retrained in place
    assert _key(model=str(model)) != first
    # A Hub model that is not downloaded has a placeholder fingerprint, replaced once it is.
    assert fingerprint("facebook/bart-large-cnn").endswith(":not-downloaded:offline")


def test_offline_fallback_results_are_not_served_online(monkeypatch: pytest.MonkeyPatch) -> None:
    """A result cached while the model could not be had must not stop a download once online."""
    offline = fingerprint("facebook/bart-large-cnn")
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    online = fingerprint("facebook/bart-large-cnn")
    assert online != offline and online.endswith(":online")
    assert fingerprint("facebook/bart-large-cnn", offline=True) == offline


def test_get_put_round_trip_and_bad_entries(tmp_path: Path) -> None:
    store = ResultCache(tmp_path / "results")
    key = "ab" + "0" * 62
    assert store.get(key, "a.txt") is None
    store.put(key, _result())
    hit = store.get(key, "renamed.txt")
    assert hit is not None and hit.source == "renamed.txt"
    assert hit.to_dict() | {"source": "a.txt"} == _result().to_dict()
    path = store.path_for(key)
    for bad in ("", "{", "[]", json.dumps({"format": 2, "key": "other", "result": {}}), "\x00\x01"):
        path.write_text(bad, encoding="utf-8")
        assert store.get(key, "a.txt") is None
    entry = {"format": 2, "key": key, "result": {"source": "a.txt"}}  # fields missing
    path.write_text(json.dumps(entry), encoding="utf-8")
    assert store.get(key, "a.txt") is None
    store.put(key, _result())
    assert store.get(key, "a.txt") is not None
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary files left


def test_a_cached_result_says_what_the_input_says_of_itself_now(tmp_path: Path) -> None:
    # The key holds the text, not the page's date or author: a hit shows the document's own.
    from summarize.text.inputs import text_document

    store = ResultCache(tmp_path / "results")
    summarizer = Summarizer(SummarizeOptions(engine="extractive", points=1), cache=store)
    docs = [text_document(TEXT, "a.txt") for _ in range(2)]
    docs[0].author, docs[0].published = "Ann Lee", "2024-03-05"
    docs[1].author, docs[1].published = "Bo Chen", None
    first, second = (summarizer.summarize_document(doc) for doc in docs)
    assert (first.author, first.published) == ("Ann Lee", "2024-03-05")
    assert (second.author, second.published) == ("Bo Chen", None) and second.summary == first.summary
    assert len(list((tmp_path / "results").rglob("*.json"))) == 1  # the second came from the cache


def test_disabled_and_unwritable_caches_do_not_fail(tmp_path: Path) -> None:
    off = ResultCache(tmp_path / "off", enabled=False)
    off.put("cd" + "1" * 62, _result())
    assert off.get("cd" + "1" * 62, "a") is None and not (tmp_path / "off").exists()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    stuck = ResultCache(blocker / "results")
    stuck.put("ef" + "2" * 62, _result())  # cannot create the folder: skipped silently
    assert stuck.get("ef" + "2" * 62, "a") is None


def test_result_from_dict_rejects_malformed_data() -> None:
    with pytest.raises((KeyError, TypeError, ValueError)):
        SummaryResult.from_dict({"source": "x", "language": {"code": "en"}})
