"""Summary quality against human references: our engines side by side with classic baselines.

Reads a JSONL of articles with reference summaries, runs every chosen system on the same
articles and prints ROUGE-1/2/Lsum F1 (rouge-score, stemming on, one sentence per line for Lsum,
every summary cut at 100 words), key-point recall (share of reference highlights matched by
some key point with ROUGE-1 recall >= 0.5), coverage (the same match against the summary's
sentences and the key points together; Lead-k's key points are the sentences after its summary,
so its coverage is that of the first k + points sentences), the average summary length in words
and the seconds per article (model loading excluded).

``--folds`` prints instead the extractive engine's leave-one-set-out figures on the three news
sets (each set scored with weights chosen on the other two, see ``bench/tune_extractive.py``),
Lead-3 on the same sets, and the engine's speed on 1,000-word articles against sentence
splitting alone; ``--folds within`` the same with ``--k`` folds inside each set (article i in
fold i mod k, each fold scored with weights chosen on the other sets and the set's other folds).

Systems:
  extractive   our offline engine, through the real pipeline (detection included)
  abstractive  the default (or ``--model``) seq2seq model; skipped with a note when it is not
               available (offline and not cached)
  lead3/lead1  the first three / first sentence (our sentence splitter, nothing trimmed); key
               points: the next ``--points`` sentences
  lexrank/textrank  sumy's graph methods, when sumy is installed; fed our sentences, so no NLTK
               data download is needed

Examples:
  python bench/eval_summaries.py                       # cnndm_dev_100, all systems
  python bench/eval_summaries.py --dataset xsum --limit 50 --json /tmp/xsum.json
  python bench/eval_summaries.py --engines extractive,lead3 --limit 5
  python bench/eval_summaries.py --dataset bbc --engines extractive,lead3
  python bench/eval_summaries.py --folds                # leave-one-set-out, the README's table
  python bench/eval_summaries.py --folds within         # two folds within each set

rouge-score's tokenizer keeps only ASCII letters and digits, so the figures are meaningful for
English datasets (CNN/DailyMail, XSum); other languages need another ROUGE tokenizer.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/eval_summaries.py` from a checkout, not installed
    sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data"
DATASETS = {
    "cnndm": DATA / "cnndm_dev_100.jsonl",
    "xsum": DATA / "xsum_dev_200.jsonl",
    "bbc": DATA / "bbc_dev_250.jsonl",
}
SYSTEMS = ("extractive", "abstractive", "lead3", "lead1", "lexrank", "textrank")
KEY_POINT_RECALL = 0.5
MAX_WORDS = 100  # summaries are cut here before ROUGE, every system alike
_WORD = re.compile(r"\w+")


@dataclass
class Article:
    id: str
    text: str
    references: list[str]  # reference summary, one sentence (or highlight) per item
    title: str | None = None


@dataclass
class Output:
    summary: list[str]  # sentences
    key_points: list[str]


@dataclass
class Scores:
    rouge1: float = 0.0
    rouge2: float = 0.0
    rougeLsum: float = 0.0
    key_point_recall: float = 0.0
    summary_words: float = 0.0
    seconds_per_article: float = 0.0
    articles: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "rouge1": round(self.rouge1, 2),
            "rouge2": round(self.rouge2, 2),
            "rougeLsum": round(self.rougeLsum, 2),
            "key_point_recall": round(self.key_point_recall, 2),
            "summary_words": round(self.summary_words, 1),
            "seconds_per_article": round(self.seconds_per_article, 5),
            "articles": self.articles,
        }
        out.update(self.extra)
        return out


def row_text(row: dict) -> tuple[str, list[str], str | None]:
    """Article text, references (one sentence or highlight each) and title of a row of any news set:
    CNN/DM-style (``article``, ``highlights_list``), XSum-style (``document``, ``summary``) or BBC-style
    (``title``, ``article``, ``summary``). The text is cleaned as the pipeline cleans a plain text before the
    engine reads it (``Summarizer._look_up``): calls to action and page furniture left out ("Follow Pallab
    on Twitter"), mojibake repaired (XSum holds "Â£" for "£" in 20 articles), so every bench scores the
    text the engine is given."""
    from summarize.text.boilerplate import strip_lone
    from summarize.text.inputs import repair_mojibake
    from summarize.text.sentences import split_sentences

    text = row.get("article") or row.get("document") or row.get("text") or ""
    if "highlights_list" in row:
        refs = [h.strip() for h in row["highlights_list"] if h.strip()]
    elif "highlights" in row:
        refs = [h.strip() for h in row["highlights"].splitlines() if h.strip()]
    else:
        refs = split_sentences(row.get("summary", ""), "en")
    # As the pipeline does: a text that is all calls to action is summarized as written (with a warning).
    prose = strip_lone(text)[0]
    return repair_mojibake(prose if prose.strip() else text)[0], refs, row.get("title")


def load_articles(dataset: str, limit: int | None = None) -> list[Article]:
    """Rows of a news set (see :func:`row_text`), as :class:`Article`."""
    path = DATASETS.get(dataset, Path(dataset))
    articles: list[Article] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and len(articles) >= limit:
                break
            if not line.strip():
                continue
            row = json.loads(line)
            text, refs, title = row_text(row)
            if not text or not refs:
                raise SystemExit(f"{path}:{n + 1}: needs article/document and highlights/summary")
            articles.append(Article(str(row.get("id", n)), text, refs, title))
    return articles


def cap_words(sentences: list[str], limit: int = MAX_WORDS) -> list[str]:
    """``sentences`` cut after ``limit`` words in all (the last one mid-sentence if need be)."""
    out: list[str] = []
    left = limit
    for sent in sentences:
        if left <= 0:
            break
        words = sent.split()
        out.append(sent if len(words) <= left else " ".join(words[:left]))
        left -= len(words)
    return out


# --- systems ---------------------------------------------------------------------------------


def lead(k: int, points: int) -> Callable[[str], Output]:
    from summarize.text.sentences import split_sentences

    def run(text: str, title: str | None = None) -> Output:
        sents = split_sentences(text, "en")
        return Output(sents[:k], sents[k : k + points])

    return run


def extractive_system(points: int, length: str) -> Callable[[str], Output]:
    from summarize.pipeline import Summarizer
    from summarize.settings import SummarizeOptions
    from summarize.text.sentences import split_sentences

    summarizer = Summarizer(SummarizeOptions(engine="extractive", points=points, length=length))

    def run(text: str, title: str | None = None) -> Output:
        result = summarizer.summarize(text, "bench", title=title)
        return Output(split_sentences(result.summary, result.language.code), result.key_points)

    return run


def abstractive_system(model: str | None, points: int, length: str, offline: bool) -> Callable[[str], Output]:
    """The abstractive pipeline, loaded up front so a missing model is found before any article."""
    from summarize.pipeline import Summarizer
    from summarize.settings import SummarizeOptions
    from summarize.text.sentences import split_sentences

    summarizer = Summarizer(
        SummarizeOptions(engine="abstractive", model=model, points=points, length=length, offline=offline)
    )
    summarizer.loader.load(summarizer.model_name_for("en"))  # raises ModelNotAvailableError when missing

    def run(text: str, title: str | None = None) -> Output:
        result = summarizer.summarize(text, "bench", title=title)
        return Output(split_sentences(result.summary, result.language.code), result.key_points)

    return run


class _Words:
    """A sumy tokenizer that needs no NLTK data: words by regex, sentences already split by us."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def sumy_system(kind: str, k: int, points: int) -> Callable[[str], Output]:
    """sumy's LexRank or TextRank with its English stemmer and stop words, on our sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    from summarize.text.sentences import split_sentences

    if kind == "lexrank":
        from sumy.summarizers.lex_rank import LexRankSummarizer as Cls
    else:
        from sumy.summarizers.text_rank import TextRankSummarizer as Cls
    summarizer = Cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = _Words()

    def run(text: str, title: str | None = None) -> Output:
        sents = split_sentences(text, "en")
        doc = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sents])])
        summary = [str(s) for s in summarizer(doc, k)]  # sumy returns document order
        ranked = [str(s) for s in summarizer(doc, points)]
        return Output(summary, ranked)

    return run


# --- scoring ---------------------------------------------------------------------------------


def score(system: Callable[[str], Output], articles: list[Article]) -> Scores:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    recall_scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    totals = Scores()
    matched = covered = gold = 0
    seconds = 0.0
    for art in articles:
        started = time.perf_counter()
        out = system(art.text, art.title) if art.title else system(art.text)
        seconds += time.perf_counter() - started
        summary = cap_words(out.summary)
        # rougeLsum splits on newlines: one sentence per line on both sides.
        s = scorer.score("\n".join(art.references), "\n".join(summary))
        totals.rouge1 += s["rouge1"].fmeasure
        totals.rouge2 += s["rouge2"].fmeasure
        totals.rougeLsum += s["rougeLsum"].fmeasure
        totals.summary_words += len(_WORD.findall(" ".join(summary)))
        for ref in art.references:
            gold += 1
            hits = [recall_scorer.score(ref, s)["rouge1"].recall >= KEY_POINT_RECALL for s in out.key_points]
            matched += any(hits)
            covered += any(hits) or any(
                recall_scorer.score(ref, s)["rouge1"].recall >= KEY_POINT_RECALL for s in out.summary
            )
    n = max(len(articles), 1)
    return Scores(
        100 * totals.rouge1 / n,
        100 * totals.rouge2 / n,
        100 * totals.rougeLsum / n,
        100 * matched / max(gold, 1),
        totals.summary_words / n,
        seconds / n,
        len(articles),
        {"coverage": round(100 * covered / max(gold, 1), 2)},
    )


def build_systems(names: list[str], args: argparse.Namespace, notes: list[str]) -> dict[str, Callable]:
    systems: dict[str, Callable] = {}
    k = {"short": 2, "medium": 3, "long": 5}[args.length]
    for name in names:
        if name == "extractive":
            systems[name] = extractive_system(args.points, args.length)
        elif name == "lead3":
            systems[name] = lead(3, args.points)
        elif name == "lead1":
            systems[name] = lead(1, args.points)
        elif name in ("lexrank", "textrank"):
            try:
                systems[name] = sumy_system(name, k, args.points)
            except ImportError:
                notes.append(f"{name}: skipped, sumy is not installed (pip install sumy)")
        elif name == "abstractive":
            from summarize.errors import SummarizeError

            for model in args.model or [None]:
                label = f"abstractive:{model}" if model else "abstractive"
                try:
                    systems[label] = abstractive_system(model, args.points, args.length, args.offline)
                except SummarizeError as exc:
                    notes.append(f"{label}: skipped, {exc}")
    return systems


def table(results: dict[str, Scores]) -> str:
    head = (
        f"{'system':<24} {'R-1':>6} {'R-2':>6} {'R-Lsum':>7} {'KP-rec':>7} {'cover':>6} {'words':>6} {'s/article':>10}"
    )
    lines = [head, "-" * len(head)]
    for name, s in results.items():
        lines.append(
            f"{name:<24} {s.rouge1:6.2f} {s.rouge2:6.2f} {s.rougeLsum:7.2f} {s.key_point_recall:7.1f} "
            f"{s.extra.get('coverage', 0.0):6.1f} "
            f"{s.summary_words:6.1f} {s.seconds_per_article:10.4f}"
        )
    return "\n".join(lines)


def print_folds(limit: int | None, within: int | None = None) -> int:
    """The fold-wise table (weights never chosen on the articles they are scored on: leave one set
    out, or ``within`` folds inside each set) and speed."""
    sys.path.insert(0, str(ROOT / "bench"))
    import tune_extractive

    how = "leave one set out" if within is None else f"{within} folds within each set"
    print(f"extractive engine, {how} (bench/tune_extractive.py)")
    print(tune_extractive.report(tune_extractive.run_folds(list(tune_extractive.NEWS_SETS), limit, within)))
    engine, split = tune_extractive.speed()
    print(f"1,000-word article: engine {engine:.4f} s, sentence splitting alone {split:.4f} s ({engine / split:.1f}x)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", default="cnndm", help="cnndm, xsum, or a JSONL path [default: cnndm]")
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument(
        "--engines", default=",".join(SYSTEMS), help=f"comma-separated systems [default: {','.join(SYSTEMS)}]"
    )
    parser.add_argument("--model", action="append", help="abstractive model(s) to run (repeatable)")
    parser.add_argument("--points", type=int, default=5, help="key points per article [default: 5]")
    parser.add_argument("--length", choices=("short", "medium", "long"), default="medium")
    parser.add_argument("--offline", action="store_true", help="never download a model")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument(
        "--folds",
        nargs="?",
        const="sets",
        choices=("sets", "within"),
        help="the extractive engine out of sample on cnndm, xsum, bbc: leave one set out (sets, the default) "
        "or --k folds within each set (within)",
    )
    parser.add_argument("--k", type=int, default=2, help="folds per set for --folds within [default: 2]")
    args = parser.parse_args(argv)
    if args.folds:
        if args.k < 2:
            parser.error("--k needs 2 or more folds")
        return print_folds(args.limit, args.k if args.folds == "within" else None)

    names = [n.strip() for n in args.engines.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    try:
        articles = load_articles(args.dataset, args.limit)
    except OSError as exc:
        parser.error(f"cannot read dataset {args.dataset}: {exc}")
    notes: list[str] = []
    systems = build_systems(names, args, notes)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    results: dict[str, Scores] = {}
    for name, system in systems.items():
        results[name] = score(system, articles)
    dataset = args.dataset if args.dataset in DATASETS else os.path.abspath(args.dataset)
    print(f"dataset: {dataset} ({len(articles)} articles), length {args.length}, {args.points} key points")
    print(table(results))
    if "extractive" in results and "lead3" in results:
        e, b = results["extractive"], results["lead3"]
        print(f"extractive vs lead3: R-2 {e.rouge2 - b.rouge2:+.2f}, R-Lsum {e.rougeLsum - b.rougeLsum:+.2f}")
    if args.json:
        payload = {
            "dataset": dataset,
            "articles": len(articles),
            "length": args.length,
            "points": args.points,
            "systems": {name: s.as_dict() for name, s in results.items()},
            "notes": notes,
        }
        from summarize import atomic

        atomic.write_text(args.json, json.dumps(payload, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
