"""bench/eval_faithfulness.py: the XSum dev/test protocol and the 'original stated' rule, on made-up rows."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_eval_faithfulness", ROOT / "bench" / "eval_faithfulness.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_original_stated_is_read_by_the_bench_rules(bench: ModuleType) -> None:
    article = "Police said 1,200 people and Nicola Sturgeon met in March 2014. Forty-six signed."
    numbers = {m.group(0).replace(",", "").lower() for m in bench._numbers(article)}
    assert bench.stated("number", "1200", article, numbers)
    assert not bench.stated("number", "46", article, numbers)  # "Forty-six" is no literal 46 to these rules
    assert bench.stated("date", "March", article, numbers) and not bench.stated("date", "2015", article, numbers)
    assert bench.stated("name", "Nicola Sturgeon", article, numbers)
    assert not bench.stated("name", "Sturgeo", article, numbers)


def test_xsum_test_half_shows_figures_only(bench: ModuleType, tmp_path: Path) -> None:
    rows = [
        {
            "document": f"Striker John Smith{i} scored 3 goals for Leeds on Saturday in 2016. Leeds beat Hull 4-1. "
            f"Manager Tom Brown{i} praised the 21-year-old after the match in Yorkshire.",
            "summary": f"John Smith{i} scored 3 goals as Leeds beat Hull on Saturday, Tom Brown{i} said.",
        }
        for i in range(6)
    ]
    (tmp_path / "xsum_dev_200.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "faith.json"
    assert bench.main(["--sets", "xsum", "--data", str(tmp_path), "--examples", "5", "--json", str(out)]) == 0
    got = json.loads(out.read_text(encoding="utf-8"))
    assert got["xsum-dev"]["references"] == got["xsum-test"]["references"] == 3
    assert got["xsum"]["references"] == 6
    assert "examples" in got["xsum-dev"] and "examples" not in got["xsum-test"] and "examples" not in got["xsum"]
    dev, test, whole = (got[k]["corruptions"] for k in ("xsum-dev", "xsum-test", "xsum"))
    assert all(whole[k] == dev.get(k, 0) + test.get(k, 0) for k in whole)
    # The second recall stands beside the first, never instead of it.
    assert set(got["xsum"]["recall"]) == set(got["xsum"]["recall_stated"]) == {"number", "date", "name"}


def test_false_alarms_on_sentences_the_article_states_are_counted_apart(bench: ModuleType, tmp_path: Path) -> None:
    article = "Striker John Smith scored 3 goals for Leeds on Saturday. Manager Tom Brown praised him in Yorkshire."
    rows = [
        # Every value stated by the bench's rules, and supported: no alarm either way.
        {"article": article, "highlights": "John Smith scored 3 goals for Leeds on Saturday."},
        # A value the article lacks (7 goals): an alarm, but not on a sentence the article states.
        {"article": article, "highlights": "Smith scored 7 goals for Leeds on Saturday."},
    ]
    (tmp_path / "cnndm_dev_100.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "faith.json"
    assert bench.main(["--sets", "cnndm", "--data", str(tmp_path), "--json", str(out)]) == 0
    got = json.loads(out.read_text(encoding="utf-8"))["cnndm"]
    assert got["clean_sentences"] == 2 and got["false_alarm_sentences"] == 50.0
    assert got["stated_sentences"] == 1 and got["false_alarm_stated"] == 0.0
