"""Key-point rules side by side, by coverage on the development sets only (never CNN/DM).

Coverage is ``bench/eval_summaries.py``'s: the share of reference sentences matched (ROUGE-1
recall >= 0.5, rouge-score's tokenizer and stemmer) by a summary sentence or a key point. The
summary comes from the real pipeline and is the same for every rule; only the key points change.
Each candidate sentence's matches are computed once, so a rule costs a set union per article.

This script scores rules on one whole set, the set they would be chosen on, so it refuses CNN/DM.
It holds the rule family (:data:`FAMILY`, with the document-adaptive :data:`ADAPTIVE`); the shipped
rule is chosen from it by ``bench/keypoint_folds.py``, inside folds, and scored on held-out folds.

Examples:
  python bench/keypoint_variants.py                   # bbc_dev_250
  python bench/keypoint_variants.py --dataset xsum
  python bench/keypoint_variants.py --rule engine --against "shipped before (centrality)"
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "bench"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from eval_summaries import KEY_POINT_RECALL, extractive_system, load_articles  # noqa: E402
from intervals import paired_interval  # noqa: E402

from summarize.engines import extractive  # noqa: E402
from summarize.engines.extractive import REPEAT_OVERLAP  # noqa: E402
from summarize.engines.features import DocFeatures, FactsSaid, cosine  # noqa: E402
from summarize.text.textsim import is_near_duplicate  # noqa: E402

DEV_SETS = ("bbc", "xsum")
POINTS = 5

Rule = Callable[[DocFeatures, list[int], int], list[int]]


@dataclass
class Case:
    """One article: its features, the pipeline's summary, and which references each sentence matches."""

    doc: DocFeatures
    summary: list[int]
    refs: int
    by_summary: set[int]
    by_cand: list[set[int]]


def _recall_matcher() -> Callable[[str, str], bool]:
    from rouge_score import rouge_scorer

    tokenize = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer.tokenize
    cache: dict[str, Counter[str]] = {}

    def grams(text: str) -> Counter[str]:
        if text not in cache:
            cache[text] = Counter(tokenize(text))
        return cache[text]

    def matches(ref: str, pred: str) -> bool:
        r, p = grams(ref), grams(pred)
        total = sum(r.values())
        return total > 0 and sum((r & p).values()) / total >= KEY_POINT_RECALL

    return matches


def build(dataset: str, limit: int | None) -> list[Case]:
    """Run the pipeline once per article, keeping the features and summary its key points start from."""
    seen: list[tuple[DocFeatures, list[int], list[int]]] = []
    original = extractive.fact_points

    def capture(doc: DocFeatures, summary: list[int], points: int) -> list[int]:
        chosen = original(doc, summary, points)
        seen.append((doc, list(summary), chosen))
        return chosen

    extractive.fact_points = capture  # type: ignore[assignment]
    try:
        system = extractive_system(POINTS, "medium")
        matches = _recall_matcher()
        cases = []
        for art in load_articles(dataset, limit):
            seen.clear()
            out = system(art.text, art.title)
            if not seen:  # too short for candidates: no rule to compare
                continue
            doc, summary, chosen = seen[0]
            assert out.key_points == [extractive.as_point(doc.cands[k].shown, "en") for k in chosen]
            refs = art.references
            by_summary = {i for i, ref in enumerate(refs) if any(matches(ref, s) for s in out.summary)}
            by_cand = [{i for i, ref in enumerate(refs) if matches(ref, c.text)} for c in doc.cands]
            cases.append(Case(doc, summary, len(refs), by_summary, by_cand))
    finally:
        extractive.fact_points = original  # type: ignore[assignment]
    return cases


def per_article(rule: Rule, cases: list[Case]) -> list[tuple[int, int]]:
    """Reference sentences covered (summary or points) and matched by a point, article by article."""
    out = []
    for case in cases:
        points = rule(case.doc, case.summary, POINTS)
        by_points = set().union(*(case.by_cand[k] for k in points)) if points else set()
        out.append((len(by_points | case.by_summary), len(by_points)))
    return out


def coverage(rule: Rule, cases: list[Case]) -> tuple[float, float]:
    """Coverage and key-point recall (percent of reference sentences) with ``rule``'s points."""
    counts = per_article(rule, cases)
    total = sum(c.refs for c in cases)
    return 100 * sum(c for c, _ in counts) / total, 100 * sum(m for _, m in counts) / total


def bootstrap(rule: Rule, base: Rule, cases: list[Case], rounds: int = 2000) -> tuple[float, float]:
    """95 % interval of ``rule``'s coverage minus ``base``'s, articles resampled (paired, seed 0)."""
    a, b = per_article(rule, cases), per_article(base, cases)

    def gain(idx: list[int]) -> float:
        return 100 * sum(a[i][0] - b[i][0] for i in idx) / sum(cases[i].refs for i in idx)

    return paired_interval(len(cases), gain, rounds)


# --- rules -----------------------------------------------------------------------------------


def _importance(doc: DocFeatures, kind: str) -> list[float]:
    """What a rule ranks sentences by: the summary's scores, centrality alone, or scores without position."""
    if kind == "scores":
        return extractive.scores(doc)
    if kind == "centrality":
        return list(doc.centrality)
    if kind == "no-position":  # centrality + title, the summary's weights less position
        return extractive.scores(doc, replace(extractive.PARAMS, position_weight=0.0))
    if kind == "half-position":
        return extractive.scores(doc, replace(extractive.PARAMS, position_weight=extractive.PARAMS.position_weight / 2))
    if kind == "density":  # scores raised by how many facts a sentence states
        return [s * (0.5 + 0.5 * d) for s, d in zip(extractive.scores(doc), doc.density, strict=True)]
    if kind.startswith("lead-position "):  # centrality + w x the engine's lead factor x position
        return point_rank(doc, position=float(kind.split()[1]))
    raise ValueError(kind)


def lead_factor(doc: DocFeatures) -> float:
    """What the engine multiplies its position weight by: the lead ratio (capped) ** ``lead_adapt``.
    About 16 for a lede that states the whole article, 1/16 for a greeting or a preamble."""
    return extractive.lead_factor(doc)


def equal_stretches(rest: list[int], count: int) -> list[list[int]]:
    """``rest`` cut into ``count`` consecutive stretches of equal numbers of sentences (as near as whole
    sentences allow; a stretch may be empty when there are fewer sentences than stretches): the family's
    "cut: length" rules (the engine cut so in the twenty-sixth and twenty-seventh sessions)."""
    n = len(rest)
    return [rest[n * i // count : n * (i + 1) // count] for i in range(count)]


# The engine's own (one owner): the shipped rule cuts with it.
equal_shares = extractive.equal_shares

# The engine's own (one owner): the adaptive rules rank and count stretches with them (the engine ships
# "adaptive: centrality + 0.25 x lead factor x position, points / lead ratio stretches").
POINT_POSITION = extractive.POINT_POSITION
point_rank = extractive.point_rank
stretch_count = extractive.stretch_count


def _cut(rest: list[int], weight: list[float], points: int, how: str) -> list[list[int]]:
    if how == "none":  # the whole article for every point
        return [rest] * points
    if how == "length":  # equal numbers of sentences, as the engine cuts them
        return equal_stretches(rest, points)
    return equal_shares(rest, weight, points)  # equal shares of ``weight``


def variant(
    importance: str = "scores",
    cut: str = "importance",
    power: float = 1.0,
    fact_weight: float = 0.5,
    novelty: float = 0.0,
    require_new: bool = True,
    best_first: bool = False,
    stretch_power: float = 0.0,
) -> Rule:
    """The key-point rule family: the rule before the round that declared it is ``variant()``; the
    engine's now is ``variant("lead-position 0.25", "centrality", fact_weight=0.0, stretch_power=1.0)``
    (:data:`SHIPPED`, since the thirty-second session, as in the twenty-eighth; ``variant(power=3.0)`` in
    the three between, ``variant("centrality", "length")`` in the two before the twenty-eighth,
    ``variant("centrality")`` before them).

    Stretches cut by ``importance ** power`` (``cut``); in each, the sentence with the best
    importance * (1 + fact_weight * log(1 + new facts)) * (1 - novelty * its largest cosine to the
    summary and earlier points); ``require_new``: a sentence with no new fact is never a point;
    ``best_first``: the stretches are served best sentence first instead of start to end;
    ``cut="centrality"``: stretches of equal centrality whatever the ranking; ``stretch_power``:
    :func:`stretch_count` stretches, not ``points``.
    """

    def rule(doc: DocFeatures, summary: list[int], points: int) -> list[int]:
        weight = _importance(doc, importance)
        said = [doc.cands[k].text for k in summary]
        summary_facts = FactsSaid.of(doc, summary)
        known = summary_facts.copy()
        taken = set(summary)
        vectors = [doc.vectors[k] for k in summary]
        chosen: list[int] = []

        def value(k: int) -> tuple[float, float] | None:
            cand = doc.cands[k]
            if k in taken:
                return None
            new = known.new_in(cand)
            if (require_new and not new) or is_near_duplicate(cand.text, said, REPEAT_OVERLAP):
                return None
            if require_new and not extractive.keeps_news(doc, summary_facts, chosen, k):
                return None
            v = weight[k] * (1 + fact_weight * math.log1p(len(new)))
            if novelty:
                v *= 1 - novelty * max((cosine(doc.vectors[k], u) for u in vectors), default=0.0)
            return extractive.stand_alone_first(cand, v)

        def best(ks: list[int]) -> tuple[tuple[float, float], int] | None:
            found = [(v, -k) for k in ks for v in [value(k)] if v is not None]
            return max(found) if found else None

        def take(k: int) -> None:
            chosen.append(k)
            taken.add(k)
            known.add(doc.cands[k])
            said.append(doc.cands[k].text)
            vectors.append(doc.vectors[k])

        rest = [k for k in range(len(doc.cands)) if k not in taken]
        cut_by = list(doc.centrality) if cut == "centrality" else [w**power for w in weight]
        stretches = _cut(rest, cut_by, stretch_count(doc, points, stretch_power), cut)
        if best_first:
            open_ = {i: ks for i, ks in enumerate(stretches)}
            while open_ and len(chosen) < points:
                found = [
                    (b, i)
                    for i, ks in open_.items()
                    for b in [best(ks)]
                    if b is not None and not doc.cands[-b[1]].speakerless
                ]
                if not found:
                    break
                (_, k), i = max(found)
                take(-k)
                del open_[i]
            stretches = []
        everything = list(range(len(doc.cands)))
        for ks in [*stretches, *[everything] * points]:
            if len(chosen) >= points:
                break
            b = best(ks)
            # As the engine: a stretch's best that quotes nobody gives its turn to the best anywhere.
            if b is not None and (ks is everything or not doc.cands[-b[1]].speakerless):
                take(-b[1])
        return sorted(chosen)

    return rule


def mmr_continued(doc: DocFeatures, summary: list[int], points: int) -> list[int]:
    """The summary's own ranking (MMR) continued past it, each pick with a new fact and no repeat."""
    said = [doc.cands[k].text for k in summary]
    known = FactsSaid.of(doc, summary)
    out: list[int] = []
    for k in extractive.select(doc):
        cand = doc.cands[k]
        if len(out) >= points:
            break
        if k in summary or cand.refers_back or not known.is_new(cand):
            continue
        if is_near_duplicate(cand.text, said, REPEAT_OVERLAP):
            continue
        out.append(k)
        said.append(cand.text)
        known.add(cand)
    return sorted(out)


def engine(doc: DocFeatures, summary: list[int], points: int) -> list[int]:
    """What the engine ships now."""
    return extractive.fact_points(doc, summary, points)


# Every rule tried, in the order tried: first one change at a time from the rule before this round,
# then the two ranking changes that helped crossed with the cuts and fact weights.
RULES: dict[str, Rule] = {
    "engine": engine,
    "before (scores, fw 0.5)": variant(),
    "mmr continued": mmr_continued,
    **{f"fact weight {fw}": variant(fact_weight=fw) for fw in (0.0, 0.25, 1.0, 2.0)},
    "cut: equal length": variant(cut="length"),
    "cut: none": variant(cut="none"),
    **{f"cut: importance ** {p}": variant(power=p) for p in (0.5, 2.0, 3.0)},
    **{f"rank: {imp}": variant(imp) for imp in ("centrality", "no-position", "half-position", "density")},
    "best stretch first": variant(best_first=True),
    **{f"novelty {nov}": variant(novelty=nov) for nov in (0.5, 1.0)},
    "no new fact needed": variant(require_new=False),
    **{
        f"rank: {imp}, cut: {cut}, fw {fw}": variant(imp, cut, fact_weight=fw)
        for imp in ("centrality", "no-position")
        for cut in ("importance", "length", "none")
        for fw in (0.0, 0.5)
    },
}

# Document-adaptive rules (issue 13, item 3), declared before any of them was measured: position
# counts for the points as much as the engine's lead factor says (strong-lead news gets earlier
# points, newsletters and reports central ones), or the lead ratio sets how many stretches the
# points are spread over. Fact weight 0, as the shipped rule.
ADAPTIVE: dict[str, Rule] = {
    **{
        f"adaptive: centrality + {w} x lead factor x position, cut: {cut}": variant(
            f"lead-position {w}", cut, fact_weight=0.0
        )
        for w in (0.125, 0.25, 0.5, 1.0)
        for cut in ("importance", "centrality")
    },
    **{
        f"adaptive: centrality, points / lead ratio ** {p} stretches": variant(
            "centrality", fact_weight=0.0, stretch_power=p
        )
        for p in (1.0, 2.0)
    },
    **{
        f"adaptive: centrality + {w} x lead factor x position, points / lead ratio stretches": variant(
            f"lead-position {w}", "centrality", fact_weight=0.0, stretch_power=1.0
        )
        for w in (0.25, 1.0)
    },
}
# The rule the engine ships (``extractive.fact_points``): what bench/keypoint_folds.py's procedure
# picks on all three sets with the shipped weights (tests/test_eval.py holds the two equal).
SHIPPED = "adaptive: centrality + 0.25 x lead factor x position, points / lead ratio stretches"
# The family the nested procedure (bench/keypoint_folds.py) chooses from, in this order (ties go to
# the earlier rule, so to the shipped one first).
# Its first rule is the one shipped when the family was declared (``variant("centrality",
# fact_weight=0.0)``, the same points as the engine then on 180 articles); ``engine`` has since
# become the rule this family's procedure picked.
FAMILY: dict[str, Rule] = {
    "shipped before (centrality)": variant("centrality", fact_weight=0.0),
    **{name: rule for name, rule in RULES.items() if name != "engine"},
    **ADAPTIVE,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", choices=DEV_SETS, default="bbc")
    parser.add_argument("--limit", type=int)
    parser.add_argument(
        "--rule",
        action="append",
        dest="rules",
        help="a rule to show (repeatable) [default: all, not the adaptive ones]",
    )
    parser.add_argument(
        "--against", metavar="RULE", help="also a bootstrap interval of the first --rule (or engine) minus RULE"
    )
    args = parser.parse_args(argv)
    cases = build(args.dataset, args.limit)
    names = args.rules or list(RULES)
    print(f"{args.dataset}: {len(cases)} articles, {sum(c.refs for c in cases)} reference sentences")
    print(f"{'rule':<44} {'coverage':>8} {'KP-rec':>7}")
    for name in names:
        cov, rec = coverage({**RULES, **FAMILY}[name], cases)
        print(f"{name:<44} {cov:8.2f} {rec:7.2f}")
    if args.against:
        every = {**RULES, **FAMILY}
        subject = names[0] if args.rules else "engine"
        low, high = bootstrap(every[subject], every[args.against], cases)
        print(f"{subject} - {args.against}: coverage 95 % interval {low:+.2f} .. {high:+.2f} (paired bootstrap)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
