"""Generic identifiers and agents: shared by so many parties that sharing them says nothing.

The cut-off is learnt from the degree distribution of the *shared* identifiers (degree ≥ 2)
with a robust outlier rule on the log scale: ``exp(median + k · max(1.4826 · MAD, 0.5))``, never below
``floor``. Nodes above it get ``generic = true`` (Address/Phone/Email) or
``generic_agent = true`` (agent and firm parties, by distinct clients), plus ``degree``.
Readers should test ``coalesce(n.generic, false)``.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from ipclue.cypher import query
from ipclue.graph.db import Graph

IDENTIFIER_LABELS = ("Address", "Phone", "Email")


@dataclass(frozen=True, slots=True)
class CutoffRule:
    """Parameters of the outlier rule: ``k`` robust deviations above the median, at least ``floor``."""

    k: float = 3.0
    floor: int = 5


DEFAULT_RULE = CutoffRule()


def robust_cutoff(histogram: dict[int, int], rule: CutoffRule = DEFAULT_RULE) -> float:
    """The degree above which a node is generic, from a {degree: how many nodes} histogram."""
    logs = [math.log(d) for d, n in sorted(histogram.items()) if d >= 2 for _ in range(n)]
    if len(logs) < 3:
        return float(rule.floor)
    median = statistics.median(logs)
    mad = statistics.median(abs(x - median) for x in logs) * 1.4826
    return max(float(rule.floor), math.exp(median + rule.k * max(mad, 0.5)))


def mark_identifiers(
    graph: Graph, rule: CutoffRule = DEFAULT_RULE, flipped: set[str] | None = None
) -> dict[str, int]:
    """Flag generic Address/Phone/Email nodes; returns generic counts (and cut-offs) per label.
    ``flipped`` collects the parties at nodes whose flag changed (their links change)."""
    out: dict[str, int] = {}
    for label in IDENTIFIER_LABELS:
        hist = {r["degree"]: r["n"] for r in graph.read(query("derive/identifier_degrees"), label=label)}
        cutoff = robust_cutoff(hist, rule)
        rows = graph.write(query("derive/mark_generic"), label=label, cutoff=cutoff)
        out[f"generic_{label.lower()}"] = int(rows[0]["generic"]) if rows else 0
        if flipped is not None and rows:
            flipped.update(rows[0]["flipped"])
        out[f"cutoff_{label.lower()}"] = math.floor(cutoff)
    return out


def mark_agents(graph: Graph, rule: CutoffRule = DEFAULT_RULE) -> dict[str, int]:
    """Flag agents and firms with outlying numbers of distinct clients (``generic_agent``)."""
    hist = {r["degree"]: r["n"] for r in graph.read(query("derive/agent_degrees"))}
    cutoff = robust_cutoff(hist, rule)
    rows = graph.write(query("derive/mark_generic_agents"), cutoff=cutoff)
    return {"generic_agent": int(rows[0]["generic"]) if rows else 0, "cutoff_agent": math.floor(cutoff)}
