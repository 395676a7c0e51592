"""How ``tune_extractive.py`` prints a run: the fold tables, the margin intervals, every fold's weights."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import TYPE_CHECKING

from summarize.engines.extractive import Params

if TYPE_CHECKING:
    from tune_extractive import Fold, Run


def report(run: Run) -> str:
    """What a run prints: both tables, every fold's weights, and the product checks they fail."""
    if run.k is None:
        head = [
            "Out of sample, across sets: each set scored with the weights chosen on the other sets",
            fold_table(run.folds),
        ]
    else:
        head = [
            f"Out of sample, within sets: {run.k} folds per set (article i in fold i mod {run.k}); each fold scored "
            "with the weights chosen on the other sets and the set's other folds",
            fold_table(run.pooled or []),
            "each fold:",
            fold_table(run.folds),
        ]
    lines = [
        *head,
        "95 % intervals of the held-out margin over Lead-3 (paired bootstrap over the set's articles):",
        *(
            f"  {name}: dR-2 {r2[0]:+.2f} .. {r2[1]:+.2f}, dR-Lsum {lsum[0]:+.2f} .. {lsum[1]:+.2f}"
            for name, (r2, lsum) in run.intervals.items()
        ),
        *(f"weights chosen without {f.held_out}: {changed(f.params) or 'the defaults'}" for f in run.folds),
        "",
        "IN SAMPLE (optimistic): every set scored with the one configuration chosen on all sets",
        fold_table(run.in_sample),
        f"weights chosen on all sets (ship these as PARAMS): {asdict(run.final)}",
        "product checks failed (bench/product_checks.py, on the articles of all sets): "
        + "; ".join(f"{k}: {', '.join(v) or 'none'}" for k, v in run.failures.items()),
    ]
    return "\n".join(lines)


def changed(params: Params) -> dict[str, float]:
    """The weights of ``params`` that differ from the dataclass defaults."""
    default = Params()
    return {
        f.name: getattr(params, f.name) for f in fields(Params) if getattr(params, f.name) != getattr(default, f.name)
    }


def fold_table(folds: list[Fold]) -> str:
    """The fold-wise figures as a fixed-width table."""
    head = f"{'scored on':<10} {'weights chosen on':<28} {'R-1':>6} {'R-2':>6} {'R-Lsum':>7} "
    head += f"{'L3 R-1':>7} {'L3 R-2':>7} {'L3 R-Lsum':>9} {'dR-2':>6} {'dR-Lsum':>8}"
    lines = [head, "-" * len(head)]
    for f in folds:
        e, b = f.engine, f.lead3
        lines.append(
            f"{f.held_out:<10} {'+'.join(f.trained_on):<28} {e[0]:6.2f} {e[1]:6.2f} {e[2]:7.2f} "
            f"{b[0]:7.2f} {b[1]:7.2f} {b[2]:9.2f} {e[1] - b[1]:+6.2f} {e[2] - b[2]:+8.2f}"
        )
    return "\n".join(lines)
