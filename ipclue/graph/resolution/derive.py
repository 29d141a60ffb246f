"""Post-load derivations, run after every ingest: ``derive(graph) -> counts``.

1. Blocking keys on new organisation mentions (``block_variant``, ``block_pinyin``), so the
   next batch finds its candidates in Neo4j.
2. A party's USCC from its mentions (checksum checked in Python).
3. Generic identifiers and agents (``generic``, ``generic_agent``; see ``generic``).
4. ``BRANCH_OF {derived: true}`` from a 分公司's name to its parent's exact name.
4b. The group pass (``corroborate``): same-name people in roles at linked organisations are
   merged, or joined by ``POSSIBLY_SAME`` for review.
5. Links between parties, stored as ``(:Party)-[:LINKED {via, through, evidence, derived}]->(:Party)``
   with the lower uid first (read them undirected). ``via`` is one of ``legal_rep`` (same legal
   representative), ``shared_address`` / ``shared_phone`` / ``shared_email`` (non-generic only),
   ``same_agent`` / ``same_firm`` (one agent or firm on opposing sides of a case); ``through``
   is the uid or value shared. Shareholder and officer links stay as the loaded paths
   (``SHAREHOLDER_OF``, ``OFFICER_OF``, ``LEGAL_REP_OF``); the records carry no family ties.
   LINKED is recomputed in full on each run.
"""

from __future__ import annotations

from ipclue.cypher import query
from ipclue.graph.db import Graph
from ipclue.graph.resolution.corroborate import group_persons
from ipclue.graph.resolution.generic import CutoffRule, mark_agents, mark_identifiers
from ipclue.graph.resolution.groups import Thresholds
from ipclue.graph.resolution.orgs import analyse
from ipclue.normalize import clean, valid_uscc
from ipclue.settings import get_settings

BRANCH_PATTERN = ".*(分公司|分店|分厂|分部|办事处|分所|营业部)$"
SIDE_A = ["plaintiff", "appellant", "retrial_applicant", "prosecutor"]
SIDE_B = ["defendant", "appellee", "retrial_respondent", "accused", "accused_unit"]


def derive(
    graph: Graph, rule: CutoffRule | None = None, max_fanout: int = 50, thresholds: Thresholds | None = None
) -> dict[str, int]:
    """Run every derivation; returns counts per step (``rule``: the generic cut-off parameters,
    ``thresholds``: the group pass's merge and review thresholds, from settings by default)."""
    rule = rule or CutoffRule()
    counts = {"mention_keys": mention_keys(graph), "party_uscc": party_uscc(graph)}
    counts |= mark_identifiers(graph, rule) | mark_agents(graph, rule)
    counts["branch_of"] = branches(graph)
    counts |= group_persons(graph, thresholds or settings_thresholds())
    counts |= links(graph, max_fanout)
    return counts


def mention_keys(graph: Graph, page: int = 20_000) -> int:
    """Blocking keys for organisation mentions that lack them; returns how many were keyed."""
    done = 0
    while rows := graph.read(query("derive/mentions_missing_keys"), limit=page):
        names = [analyse(r["name"]) for r in rows]
        keyed = [
            {"id": r["id"], "variant": n.variant, "pinyin": n.pinyin}
            for r, n in zip(rows, names, strict=True)
        ]
        graph.write(query("derive/set_mention_keys"), rows=keyed)
        done += len(keyed)
    return done


def party_uscc(graph: Graph) -> int:
    """Set ``Party.uscc`` from a valid code among its mentions' codes."""
    rows = []
    for r in graph.read(query("derive/parties_missing_uscc")):
        codes = sorted(c for c in (clean(x).upper() for x in r["codes"]) if valid_uscc(c))
        if codes:
            rows.append({"uid": r["uid"], "uscc": codes[0]})
    if rows:
        graph.write(query("derive/set_party_uscc"), rows=rows)
    return len(rows)


def branches(graph: Graph) -> int:
    """Derive BRANCH_OF for branches whose parent is in the graph under its exact name."""
    rows = []
    for r in graph.read(query("derive/branch_candidates"), pattern=BRANCH_PATTERN):
        parent = analyse(r["name"]).parent_key
        if parent:
            rows.append({"uid": r["uid"], "name": r["name"], "parent_key": parent})
    found = graph.write(query("derive/branch_of"), rows=rows) if rows else []
    return int(found[0]["linked"]) if found else 0


def links(graph: Graph, max_fanout: int = 50) -> dict[str, int]:
    """Recompute LINKED: shared legal representative, shared identifiers, same agent/firm."""
    graph.write(query("derive/linked_clear"))
    out = {"linked_legal_rep": _one(graph, "derive/linked_legal_rep", max_fanout=max_fanout)}
    out["linked_identifier"] = _one(graph, "derive/linked_identifier")
    out["linked_same_agent"] = _one(graph, "derive/linked_same_agent", side_a=SIDE_A, side_b=SIDE_B)
    return out


def _one(graph: Graph, name: str, **params: object) -> int:
    rows = graph.write(query(name), **params)
    return int(rows[0]["linked"]) if rows else 0


def settings_thresholds() -> Thresholds:
    """The group pass's thresholds from settings (``IPCLUE_PERSON_MERGE_THRESHOLD`` / ``…_REVIEW_…``)."""
    s = get_settings()
    return Thresholds(merge=s.person_merge_threshold, review=s.person_review_threshold)
