"""Summarises a small table of build timings and reports when ready.

The application from the lesson layerlab starts from: it imports real dependencies (numpy and
pandas), reads its settings, does a little work with them and prints one line when it is ready.
"""

import time

_started = time.perf_counter()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from config import settings  # noqa: E402
from utils.helpers import describe, rebuild_table  # noqa: E402


def main() -> None:
    table = rebuild_table(np.random.default_rng(settings.SEED), settings.ROWS)
    summary = table.groupby("variant")["seconds"].median()
    elapsed = time.perf_counter() - _started
    print(describe(summary), flush=True)
    print(f"{settings.READY_LINE} in {elapsed:.3f}s (numpy {np.__version__}, pandas {pd.__version__})",
          flush=True)


if __name__ == "__main__":
    main()
