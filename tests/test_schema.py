"""The JSON contract of `--format json`, for summarize and translate: keys and value types, pinned.

A change here is a change for every script that reads our JSON: make it on purpose, say it in the
README, and update this file in the same commit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from summarize.cli import cli
from tests import tiny_models

SEED = tiny_models.SHARED / "seed" / "000_82e42e668d2720ca.txt"
LANGUAGE = {"code": str, "probability": float, "reliable": bool, "method": str}
SUMMARY = {
    "source": str,
    "title": (str, type(None)),
    "published": (str, type(None)),
    "author": (str, type(None)),
    "language": LANGUAGE,
    "engine": str,
    "model": (str, type(None)),
    "summary": str,
    "key_points": [str],
    "chunks": int,
    "rounds": int,
    "input_tokens": int,
    "timings": {"clean": float, "detect": float, "load": float, "summarize": float, "total": float, "translate": float},
    "warnings": [str],
    "boilerplate_lines": int,
}
SUMMARY_TRANSLATION = {
    "language": str,
    "model": (str, type(None)),
    "summary": str,
    "key_points": [str],
    "pivot": str,
    "skipped": str,
}
DOCUMENT = {
    "source": str,
    "language": LANGUAGE,
    "warnings": [str],
    "translation": {"language": str, "model": (str, type(None)), "text": str, "pivot": str, "skipped": str},
}
# Keys that appear only when they apply.
OPTIONAL = {"translation", "translate", "pivot", "skipped"}


def _check(value: Any, schema: Any, where: str) -> None:
    if isinstance(schema, dict):
        assert isinstance(value, dict), where
        assert set(value) <= set(schema), f"{where}: unexpected keys {sorted(set(value) - set(schema))}"
        missing = set(schema) - set(value) - OPTIONAL
        assert not missing, f"{where}: missing keys {sorted(missing)}"
        for key, item in value.items():
            _check(item, schema[key], f"{where}.{key}")
    elif isinstance(schema, list):
        assert isinstance(value, list), where
        for i, item in enumerate(value):
            _check(item, schema[0], f"{where}[{i}]")
    elif schema is float:
        assert isinstance(value, int | float) and not isinstance(value, bool), where
    else:
        assert isinstance(value, schema) and not (schema is int and isinstance(value, bool)), (where, value)


def _json(args: list[str]) -> Any:
    result = CliRunner().invoke(cli, args, prog_name="summarize", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_summarize_json_schema(tiny_nllb: Path) -> None:
    plain = _json(["--engine", "extractive", "--format", "json", str(SEED)])
    _check(plain, SUMMARY, "summary")
    assert list(plain)[:4] == ["source", "title", "published", "author"]  # the order scripts print in
    translated = _json(
        ["--engine", "extractive", "--to", "ur", "--translator", str(tiny_nllb), "-f", "json", str(SEED)]
    )
    _check(translated, {**SUMMARY, "translation": SUMMARY_TRANSLATION}, "summary")
    assert "translation" in translated and "translate" in translated["timings"]


def test_translate_json_schema(tiny_nllb: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "# Title\n\n" + "\n\n".join(SEED.read_text(encoding="utf-8").split("\n\n")[:2]), encoding="utf-8"
    )
    one = _json(["translate", "--to", "ur", "--translator", str(tiny_nllb), "--format", "json", str(article)])
    _check(one, DOCUMENT, "document")
    urdu = tmp_path / "ur.txt"
    urdu.write_text(tiny_models.flores_text("ur")[:600], encoding="utf-8")
    both = _json(["translate", "--to", "ur", "--translator", str(tiny_nllb), "-f", "json", str(article), str(urdu)])
    assert isinstance(both, list) and len(both) == 2
    for entry in both:
        _check(entry, DOCUMENT, "document")
    assert both[1]["translation"]["skipped"]  # already in Urdu


def test_the_schema_check_can_fail() -> None:
    good = {"code": "en", "probability": 0.9, "reliable": True, "method": "langdetect"}
    _check(good, LANGUAGE, "language")
    for bad in (good | {"probability": "high"}, good | {"extra": 1}, {k: v for k, v in good.items() if k != "code"}):
        try:
            _check(bad, LANGUAGE, "language")
        except AssertionError:
            continue
        raise AssertionError(f"not caught: {bad}")
