"""Language detection and sentence splitting: today's code path against the old one, as ratios in one run.

Detection (issue 15 item 2). Every ``summarize`` run is a fresh process, so each variant runs in
fresh subprocesses (median of ``--runs``), on the CNN/DM article closest to 1,000 words:
  - ``detect old``: one ``detect_language`` call through langdetect's own loader (its DetectorFactory
    parses 55 JSON profiles on the first call), as before the profile cache;
  - ``detect new``: the same call with the cached, sharded profiles (cache built beforehand);
  - ``detect new, cold``: the same on an empty cache (it builds and writes the file: once per machine);
  - ``cli old`` / ``cli new``: ``summarize ARTICLE --engine extractive --no-cache`` with either path,
    and ``cli --lang en``, which detects nothing: the floor for detection's cost;
  - ``cli at issue``: the same command with the package as it was when issue 15 was filed (commit
    ``BASELINE_COMMIT``, taken from git history with ``git archive``): the issue's "today's wall time".
    Skipped, with a note, where git or that commit is not at hand.
Each process also prints the first call's own time and ``profile_load_seconds()``. Every variant
runs with Python's bytecode cache on (in a temporary ``PYTHONPYCACHEPREFIX``, warmed by one untimed
run), as an installed package runs: pip compiles a package's modules when it installs it.

Splitting (issue 15 item 3), in this process: the frozen old splitter (``tests/frozen_sentences.py``)
against ``summarize.text.sentences`` on ``--words`` words of CNN/DM text as one paragraph, and the
new one on the same words in 100 paragraphs (target: one paragraph within 2x of 100 paragraphs).

Examples:
  python bench/detect_split_speed.py                 # 30k words: the old splitter alone takes ~10-20 s
  python bench/detect_split_speed.py --quick         # 10k words, 3 runs
  python bench/detect_split_speed.py --json /tmp/detect_split.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/detect_split_speed.py` from a checkout, not installed
    sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "data"
# The last commit before issue 15's work: the code path whose wall time the issue measured.
BASELINE_COMMIT = "0fe4471"

# Runs in each subprocess: optionally puts langdetect's own loader back, then detects or runs the CLI.
_CHILD = r"""
import sys, time
mode, path = sys.argv[1], sys.argv[2]
if mode.endswith("old"):
    import summarize.text.langprofiles as lp

    def old_detect_langs(text, store=None):
        from langdetect import DetectorFactory, detect_langs
        DetectorFactory.seed = 0
        return list(detect_langs(text))

    lp.detect_langs = old_detect_langs
if mode.startswith("detect"):
    from summarize.text.detect import detect_language, profile_load_seconds
    text = open(path, encoding="utf-8").read()
    t0 = time.perf_counter()
    code = detect_language(text).code
    first = time.perf_counter() - t0
    print(f"RESULT {code} {first:.6f} {profile_load_seconds():.6f}")
else:
    import runpy
    sys.argv = ["summarize", path, "--engine", "extractive", "--no-cache", *sys.argv[3:]]
    try:
        runpy.run_module("summarize", run_name="__main__")
    except SystemExit as exc:
        if exc.code:
            raise
"""


def _article() -> tuple[str, int]:
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    best = min(rows, key=lambda r: abs(len(r["article"].split()) - 1000))
    return best["article"], len(best["article"].split())


def _run(mode: str, path: str, env: dict[str, str], extra: list[str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, path, *(extra or [])],
        env=env,
        cwd=Path(path).parent,  # not the checkout: `-c` puts the working folder first on sys.path
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - started, out.stdout


def _baseline_tree(tmp: Path) -> Path | None:
    """The package at ``BASELINE_COMMIT``, extracted under ``tmp``; None without git or that commit."""
    target = tmp / "baseline"
    target.mkdir()
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BASELINE_COMMIT, "summarize"], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return target


def detection(runs: int) -> dict[str, Any]:
    """Process wall times (medians) of the detection and CLI variants, and their ratios."""
    text, words = _article()
    with tempfile.TemporaryDirectory(prefix="summarize-bench-") as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(text, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SUMMARIZE_CACHE_DIR": str(Path(tmp) / "cache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        env.setdefault("OMP_NUM_THREADS", "1")
        cold_wall, cold_out = _run("detect-new", str(article), env)  # builds the profile file
        envs = {"": env}
        variants = {
            "detect old": ("detect-old", [], ""),
            "detect new": ("detect-new", [], ""),
            "cli old": ("cli-old", [], ""),
            "cli new": ("cli-new", [], ""),
            "cli --lang en": ("cli-new", ["--lang", "en"], ""),
        }
        baseline = _baseline_tree(Path(tmp))
        if baseline is None:
            print(f"note: no git history with commit {BASELINE_COMMIT}: the 'cli at issue' variant is skipped")
        else:
            envs["baseline"] = {**env, "PYTHONPATH": str(baseline)}
            variants["cli at issue"] = ("cli-base", [], "baseline")
        for mode, extra, env_name in variants.values():  # untimed: writes the bytecode caches
            _run(mode, str(article), envs[env_name], extra)
        walls: dict[str, list[float]] = {name: [] for name in variants}
        firsts: dict[str, list[float]] = {"detect old": [], "detect new": []}
        loads: list[float] = []
        for _ in range(runs):  # interleaved, so a busy moment on the machine hits every variant alike
            for name, (mode, extra, env_name) in variants.items():
                wall, out = _run(mode, str(article), envs[env_name], extra)
                walls[name].append(wall)
                if name in firsts:
                    _code, first, load = out.split("RESULT ")[1].split()
                    firsts[name].append(float(first))
                    if name == "detect new":
                        loads.append(float(load))
    med = {name: statistics.median(v) for name, v in walls.items()}
    return {
        "article_words": words,
        "runs": runs,
        "wall_s": {k: round(v, 4) for k, v in med.items()},
        # The fastest run of each: on a VM whose speed drifts, noise only ever adds time.
        "wall_min_s": {k: round(min(v), 4) for k, v in walls.items()},
        "detect_new_cold_wall_s": round(cold_wall, 4),
        "detect_new_cold_first_call_s": round(float(cold_out.split()[2]), 4),
        "first_call_s": {k: round(statistics.median(v), 4) for k, v in firsts.items()},
        "profile_load_s": round(statistics.median(loads), 4),
        "ratios": {
            "detect_first_call_old_over_new": round(
                statistics.median(firsts["detect old"]) / statistics.median(firsts["detect new"]), 2
            ),
            "cli_old_over_new": round(med["cli old"] / med["cli new"], 2),
            "cli_new_over_lang_en": round(med["cli new"] / med["cli --lang en"], 2),
            **(
                {
                    "cli_at_issue_over_new": round(med["cli at issue"] / med["cli new"], 2),
                    "cli_at_issue_over_new_fastest": round(min(walls["cli at issue"]) / min(walls["cli new"]), 2),
                }
                if "cli at issue" in med
                else {}
            ),
        },
    }


def splitting(n_words: int) -> dict[str, Any]:
    """Seconds to split ``n_words`` words: old one paragraph, new one paragraph, new 100 paragraphs."""
    from summarize.text.sentences import split_sentences
    from tests.frozen_sentences import split_sentences as old_split_sentences

    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        words = " ".join(json.loads(line)["article"] for line in fh).split()
    words = (words * (n_words // len(words) + 1))[:n_words]
    step = n_words // 100
    one = " ".join(words)
    hundred = "\n\n".join(" ".join(words[i : i + step]) for i in range(0, n_words, step))
    seconds: dict[str, float] = {}
    for name, fn, text in (
        ("new, 100 paragraphs", split_sentences, hundred),
        ("new, 1 paragraph", split_sentences, one),
        ("old, 1 paragraph", old_split_sentences, one),
    ):
        started = time.perf_counter()
        fn(text)
        seconds[name] = time.perf_counter() - started
    return {
        "words": n_words,
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
        "ratios": {
            "new_one_over_hundred_paragraphs": round(seconds["new, 1 paragraph"] / seconds["new, 100 paragraphs"], 2),
            "one_paragraph_old_over_new": round(seconds["old, 1 paragraph"] / seconds["new, 1 paragraph"], 2),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="subprocess runs per variant [default: %(default)s]")
    parser.add_argument("--words", type=int, default=30000, help="words to split [default: %(default)s]")
    parser.add_argument("--quick", action="store_true", help="3 runs, 10k words")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    runs, n_words = (3, 10000) if args.quick else (args.runs, args.words)
    det = detection(runs)
    print(f"Detection: a {det['article_words']}-word CNN/DM article, fresh processes, median of {runs}")
    print(f"  {'variant':<22}{'process wall s':>15}{'first call s':>14}")
    for name, wall in det["wall_s"].items():
        first = det["first_call_s"].get(name)
        print(f"  {name:<22}{wall:>15.3f}{'' if first is None else f'{first:.3f}':>14}")
    cold_wall, cold_first = det["detect_new_cold_wall_s"], det["detect_new_cold_first_call_s"]
    print(f"  {'detect new, cold':<22}{cold_wall:>15.3f}{cold_first:>14.3f}")
    r = det["ratios"]
    print(
        f"  first call old/new {r['detect_first_call_old_over_new']}x; cli old/new {r['cli_old_over_new']}x;"
        f" cli new / --lang en {r['cli_new_over_lang_en']}x; profile load {det['profile_load_s'] * 1000:.1f} ms"
    )
    if "cli_at_issue_over_new" in r:
        print(
            f"  cli at issue ({BASELINE_COMMIT}) / cli new {r['cli_at_issue_over_new']}x (medians),"
            f" {r['cli_at_issue_over_new_fastest']}x (fastest runs) (target >= 3)"
        )
    spl = splitting(n_words)
    print(f"Splitting: {spl['words']} words of CNN/DM text, in this process")
    for name, secs in spl["seconds"].items():
        print(f"  {name:<22}{secs:>10.2f} s")
    r = spl["ratios"]
    print(
        f"  one paragraph / 100 paragraphs {r['new_one_over_hundred_paragraphs']}x (target <= 2);"
        f" one paragraph old/new {r['one_paragraph_old_over_new']}x"
    )
    if args.json:
        from summarize import atomic

        atomic.write_text(args.json, json.dumps({"detection": det, "splitting": spl}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
