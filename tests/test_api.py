"""The Python API: the README's examples run as written (tiny local models stand in for the real ones)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import summarize
from summarize import DocumentTranslation, SummarizeError, SummaryResult, TranslationResult
from summarize.errors import UsageError
from tests import tiny_models

ROOT = Path(__file__).resolve().parents[1]
SEED = (tiny_models.SHARED / "seed" / "000_82e42e668d2720ca.txt").read_text(encoding="utf-8")


def _readme_example() -> str:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Python API", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block, "the README's Python API section has an example"
    return block.group(1)


def test_readme_example_runs(tiny_bart: Path, tiny_nllb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The README names the real models; here a tiny BART and a tiny NLLB stand in for them.
    monkeypatch.setenv("SUMMARIZE_MODEL", str(tiny_bart))
    monkeypatch.setenv("SUMMARIZE_TRANSLATOR", str(tiny_nllb))
    code = _readme_example().replace('model="distilbart-cnn"', f"model={str(tiny_bart)!r}")
    code = code.replace('backend="ctranslate2"', 'backend="transformers"')
    texts = ["\n\n".join(SEED.split("\n\n")[:4]), "\n\n".join(SEED.split("\n\n")[4:8])]
    namespace: dict[str, object] = {"text": SEED, "texts": texts, "print": lambda *a: None}
    exec(compile(code, "README.md", "exec"), namespace)
    r, t, doc, results = namespace["r"], namespace["t"], namespace["doc"], namespace["results"]
    assert isinstance(r, SummaryResult) and r.summary and len(r.key_points) <= 3
    assert r.language.code == "en" and r.engine == "abstractive" and r.model == str(tiny_bart)
    assert isinstance(t, TranslationResult) and t.language == "ur" and len(t.key_points) == len(r.key_points)
    assert r.translation is None  # translate() works on a copy
    assert isinstance(doc, DocumentTranslation) and doc.target == "ur" and doc.text
    assert isinstance(results, list) and len(results) == 2
    assert all(isinstance(x, SummaryResult) for x in results)


def test_api_matches_the_cli(tiny_bart: Path) -> None:
    """Same options and defaults: the API's result is the CLI's JSON, timings aside."""
    text = "\n\n".join(SEED.split("\n\n")[:5])
    r = summarize.summarize(text, model=str(tiny_bart), points=2)
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "summarize",
            "--model",
            str(tiny_bart),
            "--points",
            "2",
            "--format",
            "json",
            "--no-cache",
        ],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(cli.stdout)
    got = r.to_dict()
    for key in ("summary", "key_points", "language", "engine", "model", "chunks", "rounds", "input_tokens"):
        assert got[key] == expected[key], key


def test_results_round_trip_and_reject_wrong_types(tiny_bart: Path) -> None:
    r = summarize.summarize(SEED, engine="extractive", points=2)
    again = SummaryResult.from_dict(json.loads(json.dumps(r.to_dict())))
    assert again.to_dict() == r.to_dict()
    bad = r.to_dict() | {"summary": ["not", "a", "string"]}
    with pytest.raises(ValueError, match="summary"):
        SummaryResult.from_dict(bad)


def test_api_options_are_checked_and_name_their_source(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UsageError, match=r"summarize\(points=100\): outside 0–50"):
        summarize.summarize("Some text here.", points=100)
    with pytest.raises(UsageError, match="unknown options"):
        summarize.summarize("Some text here.", pionts=3)
    monkeypatch.setenv("SUMMARIZE_LENGTH", "tiny")
    with pytest.raises(UsageError, match="SUMMARIZE_LENGTH=tiny: not one of short, medium, long"):
        summarize.Summarizer()
    monkeypatch.delenv("SUMMARIZE_LENGTH")
    with pytest.raises(SummarizeError):  # an empty text is an input error, never an empty summary
        summarize.summarize("   ", engine="extractive")


def test_summarize_many_keeps_going_past_a_bad_text() -> None:
    with summarize.Summarizer(engine="extractive", points=2, strict_lang=True) as s:
        out = s.summarize_many([SEED, "ok", SEED[:2000]])
    assert isinstance(out[0], SummaryResult) and isinstance(out[2], SummaryResult)
    assert isinstance(out[1], SummarizeError) and out[1].source == "<text 2>"


def test_import_is_light() -> None:
    code = (
        "import sys, summarize; from summarize import summarize as s, Summarizer, translate, SummaryResult; "
        "print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_public_names_are_what_dir_shows_and_each_resolves() -> None:
    import summarize

    assert dir(summarize) == sorted(summarize.__all__)
    assert all(getattr(summarize, name) is not None for name in summarize.__all__)


def test_an_extractive_run_loads_no_model_layer() -> None:
    """Every pre-commit run without a model takes this path: it must not pay for the model code."""
    code = (
        "import sys, summarize; r = summarize.summarize(sys.stdin.read(), engine='extractive'); "
        "heavy = ('torch', 'transformers', 'summarize.engines.abstractive', 'summarize.translation.translator'); "
        "print([m for m in heavy if m in sys.modules], bool(r.summary))"
    )
    out = subprocess.run([sys.executable, "-c", code], input=SEED, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[] True"
