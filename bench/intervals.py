"""Paired bootstrap intervals: how far a difference measured on a few hundred articles can be trusted.

Articles are resampled with replacement (seed 0, the same draws for every use), and the statistic is
computed on each resample; the interval is the middle 95 % of those values. Paired: both systems are
scored on the same resampled articles, so what varies is only which articles were drawn.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

ROUNDS = 2000


def paired_interval(
    count: int, statistic: Callable[[list[int]], float], rounds: int = ROUNDS, seed: int = 0
) -> tuple[float, float]:
    """95 % interval of ``statistic`` (given the indexes of one resample of ``count`` articles)."""
    if count == 0:
        return (0.0, 0.0)
    rnd = random.Random(seed)
    values = sorted(statistic([rnd.randrange(count) for _ in range(count)]) for _ in range(rounds))
    return values[int(0.025 * rounds)], values[int(0.975 * rounds)]


def mean_interval(differences: Sequence[float], rounds: int = ROUNDS) -> tuple[float, float]:
    """95 % interval of the mean of per-article ``differences`` (one system's score minus another's)."""
    return paired_interval(len(differences), lambda idx: sum(differences[i] for i in idx) / len(idx), rounds)
