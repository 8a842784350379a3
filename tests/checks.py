"""Small assertions shared by the page tests."""

from __future__ import annotations

import inspect


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
