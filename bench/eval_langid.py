"""Accuracy of ``summarize.detect.detect_language`` on real news sentences in 40 languages.

Reads ``../shared/data/langid_news_40langs.jsonl`` (``text``, ``lang``), detects every text and
prints overall and per-language accuracy, the confusions among Urdu, Persian, Arabic and Hindi
(the pairs that matter most for this tool), the other frequent confusions, and texts per second.
An ``und`` answer (too short or ambiguous) counts as wrong.

With ``--compare`` the texts are also detected through langdetect's own loader (its DetectorFactory,
seed 0: the code path before the profile cache) and every answer (code and probability) is compared
with the cached, sharded profiles of ``summarize.text.langprofiles``; the first call of each (the
profile load) is timed too.

Examples:
  python bench/eval_langid.py
  python bench/eval_langid.py --compare
  python bench/eval_langid.py --json /tmp/langid.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/eval_langid.py` from a checkout, not installed
    sys.path.insert(0, str(ROOT))

DEFAULT = ROOT.parent / "shared" / "data" / "langid_news_40langs.jsonl"
FOCUS = ("ur", "fa", "ar", "hi")


def evaluate(rows: list[dict[str, str]]) -> dict[str, object]:
    """Detect every row; the figures as a JSON-ready dict."""
    from summarize.text.detect import detect_language

    detect_language("warm up: load the language profiles before the clock starts")
    per_lang: dict[str, Counter[str]] = {}
    confusions: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    for row in rows:
        gold = row["lang"]
        got = detect_language(row["text"]).code
        per_lang.setdefault(gold, Counter())["right" if got == gold else "wrong"] += 1
        if got != gold:
            confusions[(gold, got)] += 1
    seconds = time.perf_counter() - started
    right = sum(c["right"] for c in per_lang.values())
    return {
        "texts": len(rows),
        "accuracy": round(100 * right / max(len(rows), 1), 2),
        "texts_per_second": round(len(rows) / seconds, 1) if seconds else None,
        "per_language": {
            lang: round(100 * c["right"] / (c["right"] + c["wrong"]), 1) for lang, c in sorted(per_lang.items())
        },
        # gold -> detected counts among ur/fa/ar/hi (und included: it is what a user would see)
        "focus_confusions": {
            f"{g}->{d}": n for (g, d), n in sorted(confusions.items()) if g in FOCUS and (d in FOCUS or d == "und")
        },
        "top_confusions": {f"{g}->{d}": n for (g, d), n in confusions.most_common(10)},
    }


def _old_detect_langs(text: str, store: object = None) -> list[object]:
    """langdetect's own loader and detector, seeded as detect.py always seeded it."""
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    return list(detect_langs(text))


def compare(rows: list[dict[str, str]]) -> dict[str, object]:
    """Old (langdetect's loader) against new (cached profiles): first-call time, differing answers."""
    from summarize.text import langprofiles
    from summarize.text.detect import detect_language

    warm = "The first call loads the language profiles; this one is timed on its own."
    new_fn = langprofiles.detect_langs
    answers: dict[str, list[tuple[str, float]]] = {}
    first_call: dict[str, float] = {}
    # New first: it pays langdetect's import (about 20 ms) that the old path then finds done.
    for name, fn in (("new", new_fn), ("old", _old_detect_langs)):
        langprofiles.detect_langs = fn  # detect_language looks it up at call time
        try:
            started = time.perf_counter()
            detect_language(warm)
            first_call[name] = time.perf_counter() - started
            answers[name] = [(r.code, r.probability) for r in (detect_language(row["text"]) for row in rows)]
        finally:
            langprofiles.detect_langs = new_fn
    differ = sum(a != b for a, b in zip(answers["old"], answers["new"], strict=True))
    return {
        "texts": len(rows),
        "differing_answers": differ,
        "old_first_call_s": round(first_call["old"], 4),
        "new_first_call_s": round(first_call["new"], 4),
        "new_profile_source": langprofiles.default_store().source,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT), help="JSONL with text and lang [default: %(default)s]")
    parser.add_argument("--limit", type=int, help="use only the first N rows")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument("--compare", action="store_true", help="also compare with langdetect's own loader")
    args = parser.parse_args(argv)
    with open(args.data, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if args.limit is not None:
        rows = rows[: args.limit]
    # Before evaluate(): the first call of each path is timed in a process that has loaded nothing.
    compared = compare(rows) if args.compare else None
    result = evaluate(rows)
    print(f"texts: {result['texts']}  accuracy: {result['accuracy']:.2f}%  texts/s: {result['texts_per_second']}")
    per = result["per_language"]
    assert isinstance(per, dict)
    cells = [f"{lang} {acc:5.1f}" for lang, acc in per.items()]
    for i in range(0, len(cells), 8):
        print("  " + "  ".join(cells[i : i + 8]))
    print("ur/fa/ar/hi confusions:", result["focus_confusions"] or "none")
    print("most frequent confusions:", result["top_confusions"] or "none")
    if compared is not None:
        result["compare"] = found = compared
        print(
            f"old vs new: {found['differing_answers']} of {found['texts']} answers differ (code or probability);"
            f" first call old {found['old_first_call_s']:.3f} s, new {found['new_first_call_s']:.3f} s"
            f" (profiles from {found['new_profile_source']})"
        )
    if args.json:
        from summarize import atomic

        atomic.write_text(args.json, json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
