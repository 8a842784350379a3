"""The one data type of the package: a figure declaration."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True)
class Figure:
    """One SVG on the site.

    Attributes:
        name: Path of the SVG under `figures/` on the site, without `.svg`,
            e.g. `"activations/relu"`; pages link to `figures/activations/relu.svg`.
        draw: Called as `draw(**params)`; returns a matplotlib `Figure`.
        params: Keyword arguments for `draw`. They are part of the cache key,
            so they must have a stable `repr` (numbers, strings, tuples).
    """

    name: str
    draw: Callable[..., Any]
    params: dict[str, Any] = field(default_factory=dict)
