"""Small assertions shared by the page tests."""

from __future__ import annotations

import inspect
import re


def assert_defaults(obj, **expected) -> None:
    """Assert that `obj`'s signature gives each named parameter the stated default.

    Use it for every default a page states, e.g.
    `assert_defaults(torch.nn.LeakyReLU, negative_slope=0.01, inplace=False)`.
    """
    params = inspect.signature(obj).parameters
    for name, value in expected.items():
        assert name in params, f"{obj.__qualname__} has no parameter {name!r}"
        actual = params[name].default
        assert actual is not inspect.Parameter.empty, f"{obj.__qualname__}({name}) has no default"
        assert actual == value and type(actual) is type(value), (
            f"{obj.__qualname__}({name}) defaults to {actual!r}, the page says {value!r}"
        )


def sections(text: str) -> dict[str, str]:
    """Map each `## Heading` of a page to its text, up to the next `## ` heading."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def tables(text: str) -> list[list[list[str]]]:
    """Every Markdown table in `text` as a list of rows (cells stripped), without the separator row.

    Tests read facts from a page's tables, so the page cannot drift from what is checked.
    """
    found, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", cell) for cell in cells):
                current.append(cells)
        elif current:
            found.append(current)
            current = []
    return found


def property_table(section: str) -> dict[str, str]:
    """The first table of a page section, a `| Property | Value |` table, as a dict."""
    (header, *rows), *_ = tables(section)
    assert header == ["Property", "Value"], f"expected a Property/Value table, found {header}"
    return dict(rows)
