"""The local executor against Ray with 1 and 2 actors, on the same articles, in one run.

For each engine (the offline extractive one, and a small random-weight BART built at start-up, as
bench/batch_speed.py does: speed does not depend on weight values), the same documents go through
``BatchRunner`` in this process (the local executor, the baseline) and through
:func:`summarize.scale.run_on_ray` with 1 and with 2 actors on a local Ray (``num_cpus`` = this
machine's CPUs). Every mode runs its model on one thread, so the ratio shows what an actor adds.
The outputs are checked to be the same summaries in every mode, so all modes do the same work.

Ray's start-up is reported on its own: ``ray.init`` (starting the local Ray), and per Ray run the
seconds before the first result (actors started, model loaded, first window done). A Ray run's
documents/s includes its actors' start-up; ``ray.init`` is paid once per run of ``summarize``.

Examples:
  python bench/ray_scaling.py                    # 200 CNN/DM articles (the 100 of the dev set, twice)
  python bench/ray_scaling.py --docs 40 --json /tmp/ray.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/ray_scaling.py` from a checkout, not installed
    sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"


def build_model(folder: Path) -> Path:
    """A small BART (d_model 128, 2+2 layers, 256-token input) with summarization settings."""
    from tests.tiny_models import build_tiny_bart, corpus_text, train_sentencepiece

    spm = train_sentencepiece(folder / "spm", vocab_size=2000, text=corpus_text(limit_articles=60))
    return build_tiny_bart(
        folder / "model",
        spm,
        max_positions=256,
        d_model=128,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=512,
        decoder_ffn_dim=512,
        task_specific_params={"summarization": {"min_length": 10, "max_length": 40, "num_beams": 1}},
    )


def write_articles(folder: Path, n: int, max_chars: int) -> list[Path]:
    """``n`` article files: the CNN/DM dev articles, repeated as often as needed."""
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        texts = [json.loads(line)["article"][:max_chars] for line in fh]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"cnndm-{i:04d}.txt"
        path.write_text(texts[i % len(texts)], encoding="utf-8")
        paths.append(path)
    return paths


def run_local(items: list[Any], options: Any) -> tuple[float, dict[str, str]]:
    from summarize.batch import BatchRunner
    from summarize.pipeline import Summarizer

    started = time.perf_counter()
    with Summarizer(options) as summarizer:  # the model load counts, as it does for an actor
        outcomes = BatchRunner(summarizer).run(items)
    seconds = time.perf_counter() - started
    return seconds, {o.item.source: o.result.summary for o in outcomes if o.result is not None}


def run_ray(items: list[Any], options: Any, actors: int) -> tuple[float, float, dict[str, str]]:
    from summarize.scale import RayOptions, run_on_ray

    summaries: dict[str, str] = {}
    first: list[float] = []
    started = time.perf_counter()

    def collect(outcome: Any) -> None:
        if not first:
            first.append(time.perf_counter() - started)
        if outcome.result is not None:
            summaries[outcome.item.source] = outcome.result.summary

    # Fractional CPUs: actors never starve Ray's own tasks (see README, Scale out).
    run_on_ray(items, options, ray_options=RayOptions(actors=(actors, actors), cpus_per_actor=0.5), on_outcome=collect)
    return time.perf_counter() - started, first[0], summaries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200, help="number of articles")
    parser.add_argument("--max-chars", type=int, default=2000, help="cut articles to this length")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--engines", default="extractive,abstractive")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    import logging

    import ray

    from summarize.discover import discover
    from summarize.settings import SummarizeOptions

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="ray-scaling-") as tmp:
        write_articles(Path(tmp) / "articles", args.docs, args.max_chars)
        items = discover([str(Path(tmp) / "articles")])
        model = build_model(Path(tmp) / "bart") if "abstractive" in args.engines else None
        cpus = os.cpu_count() or 1
        started = time.perf_counter()
        ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
        init_s = time.perf_counter() - started
        try:
            for engine in args.engines.split(","):
                options = SummarizeOptions(
                    engine=engine,
                    model=str(model) if engine == "abstractive" else None,
                    lang="en",
                    points=3,
                    threads=1,
                    batch_size=args.batch_size,
                    backend="transformers",
                )
                local_s, reference = run_local(items, options)
                row: dict[str, Any] = {"engine": engine, "docs": len(items), "local_s": local_s}
                for actors in (1, 2):
                    seconds, first_s, summaries = run_ray(items, options, actors)
                    if summaries != reference:
                        raise SystemExit(f"{engine}: Ray with {actors} actor(s) wrote other summaries than local")
                    row[f"ray{actors}_s"], row[f"ray{actors}_first_s"] = seconds, first_s
                rows.append(row)
        finally:
            ray.shutdown()
    print(f"machine: {os.cpu_count()} CPUs; ray.init (local Ray start-up): {init_s:.1f} s; {args.docs} docs")
    print("| engine | local docs/s | Ray 1 actor docs/s (ratio) | Ray 2 actors (ratio) | first result 1/2 actors |")
    print("|---|---|---|---|---|")
    for r in rows:
        n, base = r["docs"], r["docs"] / r["local_s"]
        one, two = n / r["ray1_s"], n / r["ray2_s"]
        print(
            f"| {r['engine']} | {base:.1f} | {one:.1f} ({one / base:.2f}x) | {two:.1f} ({two / base:.2f}x) "
            f"| {r['ray1_first_s']:.1f} s / {r['ray2_first_s']:.1f} s |"
        )
    if args.json:
        args.json.write_text(json.dumps({"ray_init_s": init_s, "rows": rows}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
