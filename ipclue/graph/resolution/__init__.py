"""Entity resolution: one party across all sources, explainable, reversible, incremental.

Public API: ``GraphResolver(graph).resolve(mentions)`` (for ``Loader(resolver=…)``),
``derive(graph)`` after each ingest, ``explain(graph, party)``, ``force_merge``,
``force_split``, ``possible_matches`` / ``review_queue`` / ``confirm`` / ``reject`` (possible
matches in review).
Modules: ``orgs`` (organisation names), ``org_rules`` and ``persons``
(matching rules), ``profiles`` / ``evidence`` (what rules compare), ``generic`` (generic
identifiers and agents), ``derive`` (post-load derivations), ``groups`` / ``corroborate``
(the group pass: people across group companies), ``possible`` (review of possible matches),
``judgements`` (user merges and splits), ``explain``, ``resolver``.
"""

from __future__ import annotations

from ipclue.graph.resolution.derive import derive
from ipclue.graph.resolution.explain import Explanation, explain
from ipclue.graph.resolution.judgements import JudgementError, force_merge, force_split
from ipclue.graph.resolution.possible import QueuePage, confirm, possible_matches, reject, review_queue
from ipclue.graph.resolution.resolver import GraphResolver

__all__ = [
    "Explanation",
    "GraphResolver",
    "JudgementError",
    "QueuePage",
    "confirm",
    "derive",
    "explain",
    "force_merge",
    "force_split",
    "possible_matches",
    "reject",
    "review_queue",
]
