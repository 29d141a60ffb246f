"""Detector parameters: header defaults, user overrides, and dated legal threshold sets.

A plain parameter is passed as ``$name``. Parameters that share a ``group`` (e.g. the 2004
and the 2025 criminal thresholds) are passed together as ``$<group>``: a list of
``{name, law, effective_from, effective_to, unverified, values}`` ordered by date, from which
the query picks, for each record, the set in force on that record's date.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from ipclue.detect.models import Detector, ParamSpec
from ipclue.errors import InvalidInput


def parse_overrides(pairs: Iterable[str]) -> dict[str, Any]:
    """``k=v`` strings (CLI ``--param``) → {k: v}, values read as YAML (numbers, dates, lists)."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(f"--param wants key=value, got {pair!r}")
        out[key.strip()] = yaml.safe_load(value) if value.strip() else ""
    return out


def _targets(det: Detector, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The overrides meant for this detector: ``name``, ``det-id.name`` or ``name.sub``."""
    mine: dict[str, Any] = {}
    for key, value in overrides.items():
        local = key.removeprefix(f"{det.id}.") if key.startswith(f"{det.id}.") else key
        if local.split(".")[0] in det.header.params:
            mine[local] = value
    return mine


def resolve_params(det: Detector, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Name → value for this detector: defaults with overrides applied (``a.b=v`` sets a key)."""
    values = {name: copy.deepcopy(spec.default) for name, spec in det.header.params.items()}
    for key, value in _targets(det, overrides or {}).items():
        name, _, sub = key.partition(".")
        if sub and isinstance(values[name], dict):
            values[name][sub] = value
        else:
            values[name] = value
    return values


def query_params(det: Detector, values: Mapping[str, Any]) -> dict[str, Any]:
    """What the query receives: plain params by name, grouped ones as dated lists per group."""
    plain = {n: v for n, v in values.items() if det.header.params[n].group is None}
    groups: dict[str, list[dict[str, Any]]] = {}
    for name, spec in det.header.params.items():
        if spec.group is not None:
            groups.setdefault(spec.group, []).append(_dated(name, spec, values[name]))
    for sets in groups.values():
        sets.sort(key=lambda s: str(s["effective_from"] or ""))
    return {**plain, **groups}


def _dated(name: str, spec: ParamSpec, value: Any) -> dict[str, Any]:
    return {
        "name": name,
        "law": spec.law,
        "effective_from": spec.effective_from,
        "effective_to": spec.effective_to,
        "unverified": spec.unverified,
        "values": value,
    }


def explain_params(det: Detector) -> dict[str, Any]:
    return query_params(det, resolve_params(det))


class ParamError(InvalidInput):
    """Overrides that do not fit their parameters; ``problems`` maps each key given to the reason."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{k}: {why}" for k, why in problems.items()))


def override_problems(det: Detector, overrides: Mapping[str, Any]) -> dict[str, str]:
    """Key as given → why its value does not fit the parameter's type, bounds or choices."""
    out: dict[str, str] = {}
    for key, value in overrides.items():
        local = key.removeprefix(f"{det.id}.")
        name, _, sub = local.partition(".")
        spec = det.header.params.get(name)
        if spec is None:
            continue
        why = _sub_problem(spec, sub, value) if sub else spec.check(value)
        if why:
            out[key] = why
    return out


def _sub_problem(spec: ParamSpec, sub: str, value: Any) -> str | None:
    """One key of a map parameter (``thresholds_2025.revenue=…``)."""
    if not isinstance(spec.default, dict):
        return f"{sub!r}: the parameter is not a map"
    return spec.check({**spec.default, sub: value})


def check_overrides(dets: Iterable[Detector], overrides: Mapping[str, Any]) -> None:
    """Raise ParamError naming every override that does not fit (nothing is coerced or dropped)."""
    problems: dict[str, str] = {}
    for det in dets:
        problems.update(override_problems(det, overrides))
    if problems:
        raise ParamError(problems)


def unknown_overrides(dets: Iterable[Detector], overrides: Mapping[str, Any]) -> list[str]:
    """Override keys no selected detector declares (reported rather than silently ignored)."""
    dets = list(dets)
    return [k for k in overrides if not any(_targets(d, {k: None}) for d in dets)]
