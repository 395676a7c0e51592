"""The cached, sharded langdetect profiles give langdetect's own answers, bit for bit, and load cheaply."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from summarize.text import langprofiles
from summarize.text.detect import _clean
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
URDU = "پاکستان کے وزیر اعظم نے آج اسلام آباد میں ایک اہم اجلاس کی صدارت کی اور نئے منصوبوں کا اعلان کیا۔"
ENGLISH = "The committee met on Tuesday to discuss the budget and agreed to publish its report next month."


def _texts() -> list[str]:
    with open(SHARED / "langid_news_40langs.jsonl", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        texts += [json.loads(line)["article"] for line in fh][:20]
    return texts


def _answers(found: list) -> list[tuple[str, float]]:  # type: ignore[type-arg]
    return [(lang.lang, lang.prob) for lang in found]


def _outcome(detect, text: str) -> object:  # type: ignore[no-untyped-def]
    from langdetect.lang_detect_exception import LangDetectException

    try:
        return _answers(detect(text))
    except LangDetectException as exc:  # text with no usable n-grams: both must refuse it alike
        return ("refused", str(exc))


def test_same_candidates_and_probabilities_as_langdetect_itself(tmp_path: Path) -> None:
    from langdetect import DetectorFactory
    from langdetect import detect_langs as langdetect_detect_langs

    DetectorFactory.seed = langprofiles.SEED
    store = langprofiles.ProfileStore(tmp_path)
    texts = [_clean(t) for t in _texts()]
    old = [_outcome(langdetect_detect_langs, t) for t in texts]
    new = [_outcome(lambda t: langprofiles.detect_langs(t, store), t) for t in texts]
    # Every probability is the same double, not merely the same top language.
    assert new == old
    assert len({answer[0][0] for answer in new if isinstance(answer, list)}) >= 35
    assert any(isinstance(answer, tuple) for answer in new)  # the refusal path is compared too


def test_profile_file_is_written_once_then_read(tmp_path: Path) -> None:
    first = langprofiles.ProfileStore(tmp_path)
    answer = _answers(langprofiles.detect_langs(ENGLISH, first))
    assert first.source == "built"
    files = os.listdir(tmp_path)
    assert len(files) == 1 and files[0].startswith("profiles-") and files[0].endswith(".bin"), files
    second = langprofiles.ProfileStore(tmp_path)
    assert _answers(langprofiles.detect_langs(ENGLISH, second)) == answer
    assert second.source == "cache"
    assert os.listdir(tmp_path) == files  # no temporary file left behind


def test_only_the_scripts_a_text_uses_are_loaded(tmp_path: Path) -> None:
    store = langprofiles.ProfileStore(tmp_path)
    langprofiles.detect_langs(ENGLISH, store)
    assert store.loaded_shards() == {0}  # Basic Latin and Latin-1
    langprofiles.detect_langs(URDU, store)
    assert store.loaded_shards() == {0, 6}  # plus Arabic script


def test_a_damaged_profile_file_is_rebuilt(tmp_path: Path) -> None:
    langprofiles.detect_langs(ENGLISH, langprofiles.ProfileStore(tmp_path))
    (path,) = tmp_path.iterdir()
    expected = path.read_bytes()
    for damaged in (expected[: len(expected) // 2], b"", b"not a profile file"):
        path.write_bytes(damaged)
        store = langprofiles.ProfileStore(tmp_path)
        assert langprofiles.detect_langs(ENGLISH, store)[0].lang == "en"
        assert store.source == "built"
        assert path.read_bytes() == expected


def test_a_shard_damaged_after_its_header_is_rebuilt_when_read(tmp_path: Path) -> None:
    langprofiles.detect_langs(ENGLISH, langprofiles.ProfileStore(tmp_path))
    (path,) = tmp_path.iterdir()
    expected = path.read_bytes()
    # The header is intact and the size right; the first shard (Latin) is garbage.
    start = len(langprofiles._MAGIC) + 4
    header_end = start + int.from_bytes(expected[len(langprofiles._MAGIC) : start], "little")
    path.write_bytes(expected[:header_end] + b"\xff" * 64 + expected[header_end + 64 :])
    store = langprofiles.ProfileStore(tmp_path)
    store.open()
    assert store.source == "cache"
    assert langprofiles.detect_langs(ENGLISH, store)[0].lang == "en"
    assert store.source == "built"
    assert path.read_bytes() == expected


def test_an_unwritable_cache_costs_speed_not_answers(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = langprofiles.ProfileStore(blocker / "langdetect")
    assert langprofiles.detect_langs(URDU, store)[0].lang == "ur"
    assert store.source == "built-unsaved"


def test_first_call_reports_its_load_time_and_later_calls_reuse_it() -> None:
    # A fresh process: the default store, the user cache from SUMMARIZE_CACHE_DIR (set by conftest).
    code = (
        "from summarize.text.detect import detect_language, profile_load_seconds\n"
        "before = profile_load_seconds()\n"
        f"detect_language({ENGLISH!r} * 3)\n"
        "first = profile_load_seconds()\n"
        f"detect_language({ENGLISH!r} * 4)\n"
        "print(before, first, profile_load_seconds())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for source in ("built", "cache"):
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        before, first, after = (float(x) for x in out.stdout.split())
        assert before == 0.0 and first > 0.0, (source, out.stdout)
        assert after == first  # the same shard: nothing loaded again
    folder = Path(os.environ["SUMMARIZE_CACHE_DIR"]) / "langdetect"
    assert any(p.name.startswith("profiles-") for p in folder.iterdir())
