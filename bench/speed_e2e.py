"""Whole ``summarize`` processes on a converted model: start-up without torch, and time outside generation.

Both use a random-weight model with distilbart-cnn-12-6's real config and generation settings and
the real BART tokenizer (``tests/real_models.py``), converted once to CTranslate2 int8, and real
CNN/DailyMail articles; every run is a fresh ``summarize`` process, as the pre-commit hook starts one.

* ``startup``: wall time of a one-article run (a short summary and three key points, the model's
  own beams and penalties),
  today's torch-free path against the path before it (the tokenizer and configs loaded with
  transformers, which imports torch), interleaved, medians → ``ct2_no_torch_speedup`` (the median
  generation time of all runs plus each path's median time outside generation; the plain ratio
  of wall medians is ``ct2_run_wall_ratio``).
* ``end_to_end``: one process summarizing ``articles`` files; the time inside the backend's
  generate (``CT2Model._generate``: tokenizing, CTranslate2, decoding) against the process wall time
  → ``outside_generate_share``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
# The transformers loading the CTranslate2 backend did before it saved a torch-free tokenizer.
OLD_PATH = """
import json
from pathlib import Path
from summarize.runtime import ct2, ct2files

def hf_runtime(folder):
    from transformers import AutoConfig, AutoTokenizer, GenerationConfig
    source = json.loads((Path(folder) / ct2.MARKER).read_text(encoding="utf-8"))["source"]
    config = AutoConfig.from_pretrained(source)
    try:
        generation = GenerationConfig.from_pretrained(source)
    except OSError:
        generation = GenerationConfig.from_model_config(config)
    return AutoTokenizer.from_pretrained(source), config, generation

ct2files.load_runtime = hf_runtime
"""
# Reports, at exit, the seconds spent in the backend's generate and which heavy modules were imported.
PROBE = """
import atexit, json, sys, time
from summarize.runtime import ct2
_spent = [0.0]
_real = ct2.CT2Model._generate

def _timed(self, *args, **kwargs):
    started = time.perf_counter()
    try:
        return _real(self, *args, **kwargs)
    finally:
        _spent[0] += time.perf_counter() - started

ct2.CT2Model._generate = _timed
atexit.register(lambda: print("PROBE " + json.dumps({"generate_s": _spent[0], "torch": "torch" in sys.modules,
      "transformers": "transformers" in sys.modules}), file=sys.stderr))
"""
# A random model never stops early: it writes every token it may. Short summaries and three key
# points keep its output near a real model's (distilbart's summaries are 56-142 tokens).
RUN_ARGS = ["--backend", "ctranslate2", "--no-cache", "--length", "short", "--points", "3"]
MAIN = "import sys\nsys.argv[0] = 'summarize'\nfrom summarize.cli import main\nmain()\n"


def build(work: Path) -> Path:
    """The distilbart-shaped model with the real tokenizer, saved and converted to int8 (once)."""
    folder = work / "distilbart-real"
    done = work / "distilbart-real.done"  # outside the folder: a new file there would change its revision
    env = {**os.environ, "SUMMARIZE_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(ROOT)}
    if not done.is_file():
        print("[end-to-end] building distilbart-cnn-12-6 (real config and tokenizer, random weights) ...", flush=True)
        code = (
            "import sys\nfrom pathlib import Path\nfrom tests.real_models import build_distilbart\n"
            "from summarize.runtime import ct2\nfrom summarize.runtime.hub import resolve\n"
            "folder = build_distilbart(Path(sys.argv[1]), shrink=False)\n"
            "ct2.convert(resolve(str(folder)), 'int8')\n"
        )
        subprocess.run([sys.executable, "-c", code, str(folder)], env=env, check=True)
        done.write_text("", encoding="utf-8")
    return folder


def articles(count: int, folder: Path) -> list[Path]:
    """The first ``count`` CNN/DM dev articles as text files (written once)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= count:
                break
            path = folder / f"article{i:02d}.txt"
            if not path.is_file():
                path.write_text(json.loads(line)["article"], encoding="utf-8")
            paths.append(path)
    return paths


def run(args: list[str], work: Path, old_path: bool = False, threads: int | None = None) -> dict[str, Any]:
    """One ``summarize`` process: its wall time and what the probe saw."""
    code = (OLD_PATH if old_path else "") + PROBE + MAIN
    env = {**os.environ, "SUMMARIZE_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(ROOT)}
    env.pop("SUMMARIZE_CONFIG", None)
    if threads:
        env["SUMMARIZE_THREADS"] = str(threads)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"summarize {' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    probe = json.loads(proc.stderr.rsplit("PROBE ", 1)[1].splitlines()[0])
    return {"wall_s": wall, **probe}


def startup(work: Path, runs: int = 3) -> dict[str, Any]:
    """Today's torch-free path against the transformers-loading one on a one-article run."""
    model = build(work)
    article = articles(1, work / "articles")[0]
    args = [*RUN_ARGS, "--model", str(model), "--format", "json", str(article)]
    new, old = [], []
    for i in range(runs):  # interleaved, so a busy moment slows both alike
        print(f"[startup] one-article run {i + 1}/{runs}, torch-free and with transformers ...", flush=True)
        new.append(run(args, work))
        old.append(run(args, work, old_path=True))
    new_s = statistics.median(r["wall_s"] for r in new)
    old_s = statistics.median(r["wall_s"] for r in old)
    # Generation varies by seconds from run to run on a shared machine, more than the path saves,
    # and the path cannot change it (same engine, same tokens): the speedup puts the median
    # generation time of all runs under both paths' median time outside generation.
    new_out = statistics.median(r["wall_s"] - r["generate_s"] for r in new)
    old_out = statistics.median(r["wall_s"] - r["generate_s"] for r in old)
    generate = statistics.median(r["generate_s"] for r in new + old)
    return {
        "ct2_outside_generate_s": new_out,
        "ct2_with_transformers_outside_generate_s": old_out,
        "ct2_outside_generate_speedup": old_out / new_out,
        "ct2_generate_s": generate,
        "ct2_no_torch_speedup": (old_out + generate) / (new_out + generate),
        "ct2_run_wall_ratio": old_s / new_s,
        "ct2_runs_raw": {"torch_free": new, "with_transformers": old},
        "ct2_run_s": new_s,
        "ct2_run_with_transformers_s": old_s,
        "ct2_run_saved_s": old_s - new_s,
        "ct2_run_imports_torch": any(r["torch"] or r["transformers"] for r in new),
        "ct2_run_with_transformers_imports_torch": all(r["torch"] for r in old),
        "ct2_run_command": "summarize " + " ".join(args[:-1]) + " ARTICLE",
        "ct2_runs": runs,
    }


def end_to_end(work: Path, count: int = 20) -> dict[str, Any]:
    """One ``summarize`` process over ``count`` articles: the share of its wall time outside generation."""
    model = build(work)
    paths = articles(count, work / "articles")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in paths:
            os.link(path, folder / path.name)
        args = [*RUN_ARGS, "--model", str(model), "--format", "jsonl", str(folder)]
        print(f"[end-to-end] summarize {count} articles in one process ...", flush=True)
        result = run(args, work)
    return {
        "articles": count,
        "wall_s": result["wall_s"],
        "generate_s": result["generate_s"],
        "outside_generate_s": result["wall_s"] - result["generate_s"],
        "outside_generate_share": 1 - result["generate_s"] / result["wall_s"],
        "imports_torch": result["torch"] or result["transformers"],
        "command": "summarize " + " ".join(args[:-1]) + " ARTICLES/",
    }


def help_startup(runs: int = 5) -> dict[str, Any]:
    """Best-of-``runs`` wall time of ``summarize --help``, and whether it imports torch."""
    script = Path(sys.executable).with_name("summarize")
    command = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "summarize", "--help"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    probe = (
        "import sys\nfrom summarize.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('torch' in sys.modules, 'transformers' in sys.modules, 'ctranslate2' in sys.modules, file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=ROOT)
    torch_loaded, transformers_loaded, ct2_loaded = (w == "True" for w in out.stderr.split()[-3:])
    return {
        "help_s": min(times),
        "command": " ".join(Path(c).name if i == 0 else c for i, c in enumerate(command)),
        "imports_torch": torch_loaded,
        "imports_transformers": transformers_loaded,
        "imports_ctranslate2": ct2_loaded,
    }


def print_report(report: dict[str, Any]) -> None:
    s, e = report["startup"], report["end_to_end"]
    print(
        f"one-article run on a converted model: {s['ct2_no_torch_speedup']:.2f}x (walls {s['ct2_run_s']:.2f} s "
        f"torch-free, {s['ct2_run_with_transformers_s']:.2f} s loading transformers) "
        f"(median of {s['ct2_runs']}); outside generation {s['ct2_outside_generate_s']:.2f} s against "
        f"{s['ct2_with_transformers_outside_generate_s']:.2f} s; imports torch: {s['ct2_run_imports_torch']}"
    )
    print(
        f"{e['articles']} articles in one process: {e['wall_s']:.1f} s, {e['generate_s']:.1f} s generating, "
        f"share outside generation {e['outside_generate_share']:.3f}"
    )


def real_bart_inputs(count: int, low: int, high: int, rng: random.Random) -> list[list[int]]:
    """CNN/DM articles through the real BART tokenizer (``../shared/data/tokenizers/bart``), cut to
    ``low``-``high`` tokens at random, with the tokenizer's own ``<s>`` and ``</s>``."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(SHARED / "tokenizers" / "bart" / "tokenizer.json"))
    inputs = []
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        for line in fh:
            ids = tokenizer.encode(json.loads(line)["article"]).ids
            if len(ids) >= high:
                inputs.append([*ids[: rng.randint(low, high) - 1], ids[-1]])
            if len(inputs) == count:
                return inputs
    raise SystemExit("too few long articles in cnndm_dev_100.jsonl")


def print_table(report: dict[str, Any], variants: tuple[str, ...], labels: dict[str, str]) -> None:
    """speed.py's throughput table and summary lines."""
    rows = [("model", "variant", "tokens/s", "ratio", "peak MB", "load s")]
    for name, res in report["models"].items():
        for variant in variants:
            v = res["variants"][variant]
            ratio = {
                "hf_single": 1.0,
                "hf_batched": res["batched_vs_baseline"],
                "ct2_batched": res["ct2_vs_one_at_a_time"],
                "ct2_engine": v["tokens_per_s"] / res["baseline_tok_s"],
            }[variant]
            rows.append(
                (
                    name,
                    labels[variant],
                    f"{v['tokens_per_s']:.1f}",
                    f"{ratio:.2f}x",
                    f"{v['peak_mb']:.0f}",
                    f"{v['load_s']:.2f}",
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print()
    for name, res in report["models"].items():
        print(
            f"{name}: ctranslate2 int8 / transformers fp32 on the same batches = {res['ct2_vs_baseline']:.2f}x "
            f"tokens/s, {res['ct2_memory_ratio']:.2f}x peak memory ({res['ct2_engine_memory_ratio']:.2f}x without "
            f"torch); batched / one at a time = "
            f"{res['batched_vs_baseline']:.2f}x; conversion {res['ct2_convert_s']:.1f} s (once)"
        )
    s = report["startup"]
    print(
        f"`{s['command']}`: {s['help_s']:.3f} s (best of 5); imports torch: {s['imports_torch']}, "
        f"transformers: {s['imports_transformers']}"
    )
