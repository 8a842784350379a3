"""The figure generator: every figure on the site is drawn from live torch calls.

Each module in `plots.families` declares its figures in a list named `FIGURES`
and keeps `torch` and `matplotlib` imports inside functions, so that listing the
figures (and skipping the unchanged ones) stays fast. `python -m plots` renders
what changed into the cache; see `plots.build`.
"""

from plots.figure import Figure

__all__ = ["Figure"]
