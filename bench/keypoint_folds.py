"""The key-point rule chosen inside folds, and coverage reported on articles the choice never saw.

The procedure, declared (with the rule family) before any figure of it was looked at:

- *Rules*: ``keypoint_variants.FAMILY``, in its order: the rule shipped when the family was
  declared first, the 31 rules compared on BBC before, then the document-adaptive ones
  (``keypoint_variants.ADAPTIVE``).
- *Folds*: the weight search's within-set folds (``tune_extractive.fold_of``: article i of a set in
  fold i mod k, k = 2). For set S and fold f, the training data is every other set whole plus S's
  other folds; fold f is held out.
- *Summaries*: for fold (S, f), those of the weights searched without fold f
  (``tune_extractive.within_set_folds``), on training and held-out articles alike, so nothing that
  touches fold f was chosen on it (``--weights shipped``: the shipped weights everywhere, faster,
  but they saw every article).
- *Eligible rules*: those whose five points on the training digest (``product_checks.digest``: about
  10,000 words of training articles, every set in turn) start in its first fifth and end in its last
  third: the issue asks the points to cover the article from beginning to end. Added after the
  procedure first picked a rule that fails it: and whose points on the seed article name Khan's
  detention since August 2023 and the February 2024 election (``product_checks.names_seed_facts``,
  the issue's own test; the seed article is in no fold). Added after a splitter change once made
  the procedure pick "no new fact needed", a rule that drops the issue's requirement that each point
  add something the summary does not say: and whose every point, on every training article, states a
  name, number or date (the engine's reading) that the article's summary does not.
- *Choice*: the eligible rule with the highest mean, over the training sets, of coverage (percent
  of a set's reference sentences matched, ROUGE-1 recall >= 0.5, by a summary sentence or a point),
  each set counting the same whatever its size; ties go to the earlier rule in the family.
- *Shown*: since the thirty-second session, each rule's points followed, in a text that states few facts,
  by the engine's points that say something new in words (``extractive.said_points``), as the engine
  shows them; coverage counts both, the check of new facts the rule's own points.
- *Reported*: coverage of the chosen rules on the held-out folds, pooled over reference sentences
  (every article once), against the first 8 sentences (Lead-8) on the same articles; the rule
  shipped before on the same summaries, for reference only (nothing is chosen by it).
- *The rule to ship*: the same choice on all sets whole, with the shipped weights.

Examples:
  python bench/keypoint_folds.py                      # about 12 minutes: six weight searches
  python bench/keypoint_folds.py --weights shipped    # the choice alone, the shipped weights' summaries
  python bench/keypoint_folds.py --each-rule          # diagnosis: every rule in sample, chooses nothing
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "bench"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import keypoint_variants  # noqa: E402
import tune_extractive  # noqa: E402
from keypoint_variants import FAMILY, POINTS, Rule, _recall_matcher  # noqa: E402
from product_checks import digest, names_seed_facts, spans  # noqa: E402
from tune_extractive import NEWS_SETS, Doc, Params, fold_of, load_docs  # noqa: E402

from summarize.engines import extractive  # noqa: E402
from summarize.engines.features import FactsSaid  # noqa: E402

K = 2
LEAD = 8  # the baseline: as many first sentences as summary sentences + points


@dataclass
class Scored:
    """One article's references as the rules see them: which each candidate and Lead-8 match."""

    doc: Doc
    refs: int
    by_cand: list[set[int]]
    by_lead: set[int]


def prepare(docs: list[Doc]) -> list[Scored]:
    """Each article's reference matches, computed once for every rule and every summary."""
    matches = _recall_matcher()
    out = []
    for doc in docs:
        refs = doc.references
        cands = doc.features.cands if doc.features else []
        by_cand = [{i for i, r in enumerate(refs) if matches(r, c.text)} for c in cands]
        by_lead = {i for i, r in enumerate(refs) if any(matches(r, s) for s in doc.lead[:LEAD])}
        out.append(Scored(doc, len(refs), by_cand, by_lead))
    return out


class Coverage:
    """Reference sentences covered by a rule's points plus a summary, and whether every point adds a
    fact, remembered per article, rule and summary (folds share most summaries). ``read`` holds every
    article it was asked about."""

    def __init__(self) -> None:
        self._memo: dict[tuple[str, str, tuple[int, ...]], tuple[int, bool]] = {}
        self.read: set[str] = set()

    def _picks(self, name: str, rule: Rule, item: Scored, params: Params) -> tuple[int, bool]:
        """(references matched by the summary under ``params`` or by ``rule``'s points, whether each
        point states a name, number or date the summary does not)."""
        self.read.add(item.doc.id)
        doc = item.doc.features
        if doc is None:  # no candidates: the engine shows the first sentences, as Lead-8 does
            return len(item.by_lead), True
        summary = tuple(sorted(extractive.select(doc, params, tune_extractive.SUMMARY_SENTENCES)))
        key = (name, item.doc.id, summary)
        if key not in self._memo:
            points = rule(doc, list(summary), POINTS)
            known = FactsSaid.of(doc, summary)
            adds = all(known.is_new(doc.cands[k]) for k in points)
            # Covered by what the engine shows: the rule's points, and in a text that states few facts the
            # points that say something new in words after them (``extractive.said_points``, the same for
            # every rule; the check of new facts reads the rule's own points).
            shown = extractive.said_points(doc, list(summary), points, POINTS)
            self._memo[key] = (len(set().union(*(item.by_cand[k] for k in (*summary, *shown)))), adds)
        return self._memo[key]

    def covered(self, name: str, rule: Rule, item: Scored, params: Params) -> int:
        """References of ``item`` matched by its summary under ``params`` or by ``rule``'s points."""
        return self._picks(name, rule, item, params)[0]

    def adds_facts(self, name: str, rule: Rule, item: Scored, params: Params) -> bool:
        """Whether every point of ``rule`` on ``item`` states a fact its summary does not."""
        return self._picks(name, rule, item, params)[1]

    def percent(self, name: str, items: list[Scored], params: Params) -> float:
        """Coverage (percent of the references of ``items``) of rule ``name``."""
        total = sum(i.refs for i in items) or 1
        return 100 * sum(self.covered(name, FAMILY[name], i, params) for i in items) / total


def choose(training: Mapping[str, list[Scored]], params: Params, cov: Coverage) -> tuple[str, float]:
    """The rule of :data:`FAMILY` the procedure picks on ``training`` (and nothing else), and its
    mean coverage over the training sets."""
    dig, _ = digest({name: [i.doc for i in items] for name, items in training.items()})
    best, best_value = "", -1.0
    for name, rule in FAMILY.items():
        if not spans(dig, params, rule) or not names_seed_facts(params, rule):
            continue
        if not all(cov.adds_facts(name, rule, i, params) for items in training.values() for i in items):
            continue
        value = sum(cov.percent(name, items, params) for items in training.values()) / len(training)
        if value > best_value + 1e-9:  # strictly better: ties keep the earlier rule
            best, best_value = name, value
    return best, best_value


@dataclass
class Held:
    """One held-out fold: the rule chosen without it and what it covers of the fold."""

    name: str  # "cnndm:0"
    rule: str
    refs: int
    chosen: int  # reference sentences covered, chosen rule
    shipped: int  # the same, the rule shipped before (FAMILY's first; for reference)
    lead: int  # the same, the first 8 sentences


def nested(
    sets: Mapping[str, list[Scored]], weights: Callable[[str, int], Params], cov: Coverage, k: int = K
) -> list[Held]:
    """For each set S and fold f: the rule chosen on the other sets and S's other folds with the
    weights ``weights(S, f)``, scored on fold f alone."""
    out = []
    for held_out, items in sets.items():
        for f in range(k):
            params = weights(held_out, f)
            training = {name: i for name, i in sets.items() if name != held_out}
            training[held_out] = [x for n, x in enumerate(items) if fold_of(n, k) != f]
            rule, _ = choose(training, params, cov)
            fold = [x for n, x in enumerate(items) if fold_of(n, k) == f]
            chosen = sum(cov.covered(rule, FAMILY[rule], x, params) for x in fold)
            before = next(iter(FAMILY))
            shipped = sum(cov.covered(before, FAMILY[before], x, params) for x in fold)
            out.append(
                Held(
                    f"{held_out}:{f}",
                    rule,
                    sum(x.refs for x in fold),
                    chosen,
                    shipped,
                    sum(len(x.by_lead) for x in fold),
                )
            )
    return out


def fold_weights(sets: Mapping[str, list[Doc]], k: int) -> dict[str, Params]:
    """The weights the search picks without each fold (``tune_extractive.within_set_folds``)."""
    rouge = tune_extractive.Rouge()
    folds = tune_extractive.within_set_folds(
        sets,
        lambda training: tune_extractive.search(training, rouge),
        lambda docs, params: ((0.0,) * 3, (0.0,) * 3),  # only the weights are needed here
        k,
    )
    return {f.held_out: f.params for f in folds}


def report(held: list[Held], final: tuple[str, float]) -> str:
    """The held-out table, per fold and per set, and the rule the full procedure picks."""
    head = f"{'held out':<9} {'refs':>5} {'chosen':>7} {'before':>8} {'Lead-8':>7}  rule chosen without it"
    lines = [head, "-" * len(head)]

    def row(name: str, parts: list[Held], rule: str = "") -> str:
        refs = max(sum(h.refs for h in parts), 1)
        c, s, lead = (100 * sum(getattr(h, a) for h in parts) / refs for a in ("chosen", "shipped", "lead"))
        return f"{name:<9} {refs:5d} {c:7.2f} {s:8.2f} {lead:7.2f}  {rule}"

    lines += [row(h.name, [h], h.rule) for h in held]
    lines.append("pooled over each set's held-out folds (every article once):")
    for name in dict.fromkeys(h.name.split(":")[0] for h in held):
        lines.append(row(name, [h for h in held if h.name.startswith(f"{name}:")]))
    lines.append(f"the full procedure (all sets, shipped weights) picks: {final[0]} (mean coverage {final[1]:.2f})")
    return "\n".join(lines)


def each_rule(sets: Mapping[str, list[Scored]], cov: Coverage) -> str:
    """Diagnosis, choosing nothing: every rule's coverage of each whole set with the shipped weights
    (IN SAMPLE: the weights saw these articles) and whether the procedure could pick it, against
    Lead-8. Tells whether a set's coverage target is within the family's reach at all."""
    params = extractive.PARAMS
    dig, _ = digest({name: [i.doc for i in items] for name, items in sets.items()})
    lead = [100 * sum(len(i.by_lead) for i in items) / max(sum(i.refs for i in items), 1) for items in sets.values()]
    lines = ["eligible " + " ".join(f"{name:>7}" for name in sets) + "  rule (in sample, shipped weights)"]
    lines.append("Lead-8   " + " ".join(f"{v:7.2f}" for v in lead))
    for name, rule in FAMILY.items():
        ok = spans(dig, params, rule) and names_seed_facts(params, rule)
        ok = ok and all(cov.adds_facts(name, rule, i, params) for items in sets.values() for i in items)
        values = " ".join(f"{cov.percent(name, items, params):7.2f}" for items in sets.values())
        lines.append(f"{'yes' if ok else 'no':<8} {values}  {name}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="use only the first N articles of each set")
    parser.add_argument("--k", type=int, default=K, help=f"folds per set [default: {K}]")
    parser.add_argument(
        "--weights",
        choices=("folds", "shipped"),
        default="folds",
        help="whose summaries [default: each fold's weights]",
    )
    parser.add_argument(
        "--each-rule",
        action="store_true",
        help="diagnosis only: every rule's in-sample coverage of each set and whether it is eligible",
    )
    args = parser.parse_args(argv)
    if args.k < 2:
        parser.error("--k needs 2 or more folds")
    docs = {name: load_docs(name, args.limit) for name in NEWS_SETS}
    sets = {name: prepare(d) for name, d in docs.items()}
    if args.each_rule:
        print(each_rule(sets, Coverage()))
        return 0
    by_fold = fold_weights(docs, args.k) if args.weights == "folds" else {}
    cov = Coverage()
    held = nested(sets, lambda s, f: by_fold.get(f"{s}:{f}", extractive.PARAMS), cov, args.k)
    final = choose(sets, extractive.PARAMS, cov)
    before = next(iter(FAMILY))
    before_value = sum(cov.percent(before, items, extractive.PARAMS) for items in sets.values()) / len(sets)
    print(f"key-point rules: {len(FAMILY)} ({len(keypoint_variants.ADAPTIVE)} adaptive); summaries: {args.weights}")
    print("coverage, percent of reference sentences (summary + points; Lead-8: the first 8 sentences)")
    print(report(held, final))
    print(f"(the rule shipped before, the same way: mean coverage {before_value:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
