"""Cross-document batching against one document at a time, measured in the same run.

Both modes run the real pipeline (chunking, reduce rounds, final summary, key-point sections) with
the same loaded model and settings on the same articles; the only difference is that
``Summarizer.summarize_many`` merges each stage's generate() calls across documents, while the
baseline calls ``Summarizer.summarize`` once per document (which still batches one document's own
chunks). The outputs are checked to be identical, so both modes do the same work.

The Hub is unreachable here, so the model is a small BART built at start-up (sentencepiece trained
on ../shared/data, random weights; d_model 256, 3+3 layers, 512-token input): large enough that
generate() dominates, small enough for a 2-core machine. Speed does not depend on weight values.

Examples:
  python bench/batch_speed.py                 # 16 CNN/DM articles, batch size 8
  python bench/batch_speed.py --docs 32 --batch-size 16 --json /tmp/batch.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/batch_speed.py` from a checkout, not installed
    sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"


def build_model(folder: Path, vocab_size: int) -> Path:
    """A small BART with summarization settings; tokenizer trained on the shared data."""
    from tests.tiny_models import build_tiny_bart, corpus_text, train_sentencepiece

    spm = train_sentencepiece(folder / "spm", vocab_size=vocab_size, text=corpus_text(limit_articles=100))
    return build_tiny_bart(
        folder / "model",
        spm,
        max_positions=512,
        d_model=256,
        encoder_layers=3,
        decoder_layers=3,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=1024,
        decoder_ffn_dim=1024,
        task_specific_params={
            "summarization": {"min_length": 20, "max_length": 60, "num_beams": 2, "no_repeat_ngram_size": 3}
        },
    )


def articles(n: int) -> list[str]:
    with open(SHARED / "cnndm_dev_100.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["article"] for _, line in zip(range(n), fh, strict=False)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=16, help="number of CNN/DM articles")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--threads", type=int, default=int(os.environ.get("OMP_NUM_THREADS", "2") or 2))
    parser.add_argument("--max-chars", type=int, default=3000, help="cut articles to this length (keeps it short)")
    parser.add_argument("--vocab", type=int, default=4000)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)

    from summarize.pipeline import Summarizer
    from summarize.settings import SummarizeOptions

    with tempfile.TemporaryDirectory(prefix="batch-speed-") as tmp:
        started = time.perf_counter()
        model = build_model(Path(tmp), args.vocab)
        build_s = time.perf_counter() - started
        options = SummarizeOptions(
            model=str(model),
            lang="en",
            points=3,
            batch_size=args.batch_size,
            threads=args.threads,
            backend="transformers",
        )
        summarizer = Summarizer(options)
        docs = [(text[: args.max_chars], f"doc{i}", None) for i, text in enumerate(articles(args.docs))]
        summarizer.summarize(*docs[0][:2])  # load the model and warm up outside the timings

        t0 = time.perf_counter()
        alone = [summarizer.summarize(text, source, title=title) for text, source, title in docs]
        one_at_a_time = time.perf_counter() - t0
        t0 = time.perf_counter()
        together = summarizer.summarize_many(docs)
        batched = time.perf_counter() - t0

    same = all(
        not isinstance(b, Exception) and a.summary == b.summary and a.key_points == b.key_points
        for a, b in zip(alone, together, strict=True)
    )
    chunks = sum(r.chunks for r in alone)
    figures = {
        "docs": len(docs),
        "first_round_chunks": chunks,
        "batch_size": args.batch_size,
        "threads": args.threads,
        "one_at_a_time_s": round(one_at_a_time, 2),
        "batched_s": round(batched, 2),
        "speedup": round(one_at_a_time / batched, 2),
        "identical_outputs": same,
        "model_build_s": round(build_s, 1),
    }
    print(
        f"{len(docs)} documents ({chunks} first-round chunks), batch size {args.batch_size}, "
        f"{args.threads} thread(s):\n"
        f"  one at a time (summarize per document): {one_at_a_time:7.2f} s\n"
        f"  batched across documents (summarize_many): {batched:7.2f} s\n"
        f"  speed-up: {one_at_a_time / batched:.2f}x   identical outputs: {same}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
