"""Post-load derivations, run after every ingest: ``derive(graph, touched=None) -> counts``.

1. Blocking keys on organisation mentions that lack them (``block_variant``, ``block_pinyin``), so
   the next batch finds its candidates in Neo4j; the loader stores them with each new mention, so
   this only keys mentions an older version loaded.
2. A party's USCC from its mentions (checksum checked in Python).
3. Generic identifiers and agents (``generic``, ``generic_agent``; see ``generic``).
4. ``BRANCH_OF {derived: true}`` from a 分公司's name to its parent's exact name.
4b. The group pass (``corroborate``): same-name people in roles at linked organisations are
   merged, or joined by ``POSSIBLY_SAME`` for review.
4c. The late organisation pass (``late_orgs``): one organisation spelt two ways and split by the
   online resolver, merged once both parties are known in full (and its people grouped again).
5. Links between parties, stored as ``(:Party)-[:LINKED {via, through, evidence, derived}]->(:Party)``
   with the lower uid first (read them undirected); see ``links``.

``touched``: the parties an ingest wrote (every party its mentions refer to). With it the derive is
incremental and gives the graph a full derive would: steps 1, 2 and 5 look only at what those parties
(plus the parties a merge or split queued, the group pass's survivors and the parties at identifiers
whose generic flag changed) can change; step 3 reads the whole graph (its cut-offs are global) but
writes only what changed; step 4b plans only the names those parties can change (``group_scope``)
and writes the difference; step 4c reads the groups of organisations those parties' pinyin keys
reach, each whole. Without it every step runs in full.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from ipclue.cypher import query
from ipclue.graph.db import Graph, chunks
from ipclue.graph.resolution.corroborate import group_persons
from ipclue.graph.resolution.generic import CutoffRule, mark_agents, mark_identifiers
from ipclue.graph.resolution.groups import Thresholds
from ipclue.graph.resolution.late_orgs import late_orgs
from ipclue.graph.resolution.links import links, links_of
from ipclue.graph.resolution.orgs import analyse
from ipclue.normalize import clean, valid_uscc
from ipclue.settings import get_settings

BRANCH_PATTERN = ".*(分公司|分店|分厂|分部|办事处|分所|营业部)$"
Timings = dict[str, float]
T = TypeVar("T")
GroupStep = Callable[[Graph, Thresholds, set[str], list[str] | None], dict[str, int]]


def derive(
    graph: Graph,
    rule: CutoffRule | None = None,
    max_fanout: int = 50,
    thresholds: Thresholds | None = None,
    touched: set[str] | None = None,
    timings: Timings | None = None,
    group: GroupStep | None = None,
    done: Mapping[str, Mapping[str, int]] | None = None,
) -> dict[str, int]:
    """Run every derivation; returns counts per step (``rule``: the generic cut-off parameters,
    ``thresholds``: the group pass's merge and review thresholds, from settings by default;
    ``touched``: derive incrementally for these parties; ``timings``: filled with seconds per step;
    ``group``: the group pass, ``group_persons`` by default: a bulk load's is planned while importing;
    ``done``: steps (``mention_keys``, ``party_uscc``, ``generic``, ``branch_of``) the caller has
    written already, with the counts they report (a bulk first load writes them into the import
    files); a full derive only)."""
    if done and touched is not None:
        raise ValueError("derive: precomputed steps are for a full derive (touched is None)")
    rule, th = rule or CutoffRule(), thresholds or settings_thresholds()
    clock = _Clock(timings, done or {})
    scope = None if touched is None else sorted(set(touched) | queued(graph))
    counts = clock.step("mention_keys", lambda: {"mention_keys": mention_keys(graph, scope)})
    counts |= clock.step("party_uscc", lambda: {"party_uscc": party_uscc(graph, scope)})
    flipped: set[str] = set()
    counts |= clock.step("generic", lambda: mark_identifiers(graph, rule, flipped) | mark_agents(graph, rule))
    branched: set[str] = set()
    counts |= clock.step("branch_of", lambda: {"branch_of": branches(graph, branched)})
    survivors: set[str] = set()
    group_scope = None if scope is None else sorted(set(scope) | flipped | branched)
    step = group or group_persons
    counts |= clock("group_pass", lambda: step(graph, th, survivors, group_scope))
    counts |= clock("late_orgs", lambda: late_orgs(graph, th, survivors, group_scope))
    if scope is None:
        counts |= clock("links", lambda: links(graph, max_fanout))
    else:
        counts["rederived"] = len(uids := sorted(set(scope) | flipped | survivors))
        counts |= clock("links", lambda: links_of(graph, uids, max_fanout))
    return counts


class _Clock:
    """Times each step into ``timings`` (when given); a step ``done`` already is not run."""

    def __init__(self, timings: Timings | None, done: Mapping[str, Mapping[str, int]]) -> None:
        self.timings, self.done = timings, done

    def step(self, step: str, fn: Callable[[], dict[str, int]]) -> dict[str, int]:
        """The step's counts: ``done``'s, else ``fn``'s (timed)."""
        if step in self.done:
            return dict(self.done[step])
        return self(step, fn)

    def __call__(self, step: str, fn: Callable[[], T]) -> T:
        start = time.perf_counter()
        out = fn()
        if self.timings is not None:
            self.timings[step] = round(self.timings.get(step, 0.0) + time.perf_counter() - start, 3)
        return out


def queued(graph: Graph) -> set[str]:
    """The parties a merge or split queued for re-derivation (the queue is emptied)."""
    rows = graph.write(query("derive/rederive_take"))
    return set(rows[0]["uids"]) if rows else set()


def mention_keys(graph: Graph, scope: list[str] | None = None, page: int = 20_000) -> int:
    """Blocking keys for organisation mentions that lack them (of parties ``scope``, or all)."""
    done = 0
    if scope is not None:
        for part in chunks(scope, page):
            rows = graph.read(query("derive/mentions_missing_keys_of"), uids=part)
            done += _set_keys(graph, rows)
        return done
    while rows := graph.read(query("derive/mentions_missing_keys"), limit=page):
        done += _set_keys(graph, rows)
    return done


def _set_keys(graph: Graph, rows: list[dict[str, str]]) -> int:
    keyed = mention_key_rows(rows)
    if keyed:
        graph.write(query("derive/set_mention_keys"), rows=keyed)
    return len(keyed)


def mention_key_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The blocking keys ({id, variant, pinyin}) of mentions {id, name}."""
    names = [analyse(r["name"]) for r in rows]
    return [
        {"id": r["id"], "variant": n.variant, "pinyin": n.pinyin} for r, n in zip(rows, names, strict=True)
    ]


def party_uscc(graph: Graph, scope: list[str] | None = None) -> int:
    """Set ``Party.uscc`` from a valid code among its mentions' codes (parties ``scope``, or all)."""
    found = (
        graph.read(query("derive/parties_missing_uscc"))
        if scope is None
        else [r for part in chunks(scope, 20_000) for r in _missing_uscc(graph, part)]
    )
    rows = [{"uid": r["uid"], "uscc": uscc} for r in found if (uscc := uscc_of(r["codes"])) is not None]
    if rows:
        graph.write(query("derive/set_party_uscc"), rows=rows)
    return len(rows)


def uscc_of(codes: Iterable[str]) -> str | None:
    """A party's USCC from its mentions' codes: the least valid one (cleaned, upper case)."""
    valid = sorted(c for c in (clean(x).upper() for x in codes) if valid_uscc(c))
    return valid[0] if valid else None


def _missing_uscc(graph: Graph, uids: list[str]) -> list[dict[str, Any]]:
    return graph.read(query("derive/parties_missing_uscc_of"), uids=uids)


def branches(graph: Graph, linked: set[str] | None = None) -> int:
    """Derive BRANCH_OF for branches whose parent is in the graph under its exact name (``linked``
    collects both ends of the new links)."""
    rows = []
    for r in graph.read(query("derive/branch_candidates"), pattern=BRANCH_PATTERN):
        parent = analyse(r["name"]).parent_key
        if parent:
            rows.append({"uid": r["uid"], "evidence": branch_evidence(r["name"]), "parent_key": parent})
    found = graph.write(query("derive/branch_of"), rows=rows) if rows else []
    if found and linked is not None:
        linked.update(found[0]["uids"])
    return int(found[0]["linked"]) if found else 0


def branch_evidence(name: str) -> str:
    """The evidence of a derived BRANCH_OF (``derive/branch_of`` writes it; the bulk load imports it)."""
    return f"branch name {name} begins with its parent name"


def settings_thresholds() -> Thresholds:
    """The group pass's thresholds from settings (``IPCLUE_PERSON_MERGE_THRESHOLD`` / ``…_REVIEW_…``)."""
    s = get_settings()
    return Thresholds(merge=s.person_merge_threshold, review=s.person_review_threshold)
