"""Small helpers for the python-app scenario."""

import numpy as np
import pandas as pd


def rebuild_table(rng: np.random.Generator, rows: int) -> pd.DataFrame:
    """A made-up table of rebuild times for two Dockerfile orderings."""
    variants = rng.choice(["naive", "deps-first"], size=rows)
    seconds = np.where(variants == "naive", rng.normal(60, 5, rows), rng.normal(3, 0.5, rows))
    return pd.DataFrame({"variant": variants, "seconds": seconds.clip(min=0.1)})


def describe(summary: pd.Series) -> str:
    """One line naming the median rebuild time of each variant."""
    parts = [f"{name}: {value:.1f}s" for name, value in summary.sort_index().items()]
    return "median rebuild " + ", ".join(parts)
