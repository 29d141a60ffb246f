"""A parameter value against its declared type, bounds and choices (no coercion: "0.9" is not 0.9).

``problem(...)`` returns why a value does not fit, or None. Items of a list are checked against
the choices (each element of an item that is itself a list, e.g. a role pair), and against the
type of the default's items (a list of role pairs stays a list of
lists); values of a map against the type of the default's value under the same key.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

NAMES = {
    "number": "a number",
    "int": "an integer",
    "bool": "true or false",
    "list": "a list",
    "map": "a map",
    "date": "an ISO date (YYYY-MM-DD)",
}


def kind_of(value: Any) -> str:
    """The type name a value has (as ``ParamSpec.type`` spells them)."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "map"
    return "string" if isinstance(value, str) else type(value).__name__


def _iso_date(value: Any) -> bool:
    if isinstance(value, date):
        return True
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


def fits(kind: str, value: Any) -> bool:
    if kind == "date":
        return _iso_date(value)
    actual = kind_of(value)
    return actual == kind or (kind == "number" and actual == "int")


def problem(
    kind: str,
    value: Any,
    *,
    default: Any = None,
    low: float | None = None,
    high: float | None = None,
    choices: list[Any] | None = None,
) -> str | None:
    """Why ``value`` does not fit a parameter of this kind, bounds and choices; None if it does.
    A parameter whose default is null is optional: null always fits it."""
    if value is None and default is None:
        return None
    if not fits(kind, value):
        return f"expected {NAMES.get(kind, 'a string')}, got {kind_of(value)} {value!r}"
    if kind in ("number", "int"):
        return _bounds(float(value), low, high)
    if kind == "list":
        return _items(value, default, choices)
    if kind == "map":
        return _values(value, default)
    if choices is not None and value not in choices:
        return f"{value!r} is not one of {choices}"
    return None


def _bounds(value: float, low: float | None, high: float | None) -> str | None:
    if low is not None and value < low:
        return f"{value:g} is below the minimum {low:g}"
    if high is not None and value > high:
        return f"{value:g} is above the maximum {high:g}"
    return None


def _loose(model: Any) -> str:
    """The kind an item or map value must have, read from the default's: a whole-number default
    amount (50000) still takes 62500.5."""
    kind = kind_of(model)
    return "number" if kind == "int" else kind


def _items(value: list[Any], default: Any, choices: list[Any] | None) -> str | None:
    model = default[0] if isinstance(default, list) and default else None
    for i, item in enumerate(value):
        if model is not None and not fits(_loose(model), item):
            return f"item {i}: expected {NAMES.get(_loose(model), 'a string')}, got {item!r}"
        inner = item if isinstance(item, list) else [item]  # a list of pairs: choices bind each element
        if choices is not None and (bad := [x for x in inner if x not in choices]):
            return f"item {i}: {bad[0]!r} is not one of {choices}"
    return None


def _values(value: Mapping[str, Any], default: Any) -> str | None:
    if not isinstance(default, dict) or not default:
        return None
    for key, item in value.items():
        if key not in default:
            return f"unknown key {key!r} (known: {', '.join(sorted(default))})"
        if default[key] is not None and not fits(_loose(default[key]), item):
            return f"{key}: expected {NAMES.get(_loose(default[key]), 'a string')}, got {item!r}"
    return None
