"""Derive's first steps computed on the folded tables, written into the import files.

On a bulk first load the tables hold the whole graph the importer will write, so the steps of
``derive`` that only read it and set properties or add relationships are done here, before the CSVs
are written, each by the rule the server-side step applies:

- ``mention_keys``: blocking keys of organisation mentions without them (``derive.mention_key_rows``);
- ``party_uscc``: an organisation's USCC from its mentions' codes (``derive.uscc_of``);
- ``generic``: ``degree``/``generic`` on every Address, Phone and Email and ``client_degree``/
  ``generic_agent`` on agents and firms (``generic.robust_cutoff`` over the same degrees as
  ``derive/identifier_degrees`` and ``derive/agent_degrees``);
- ``branch_of``: ``BRANCH_OF {derived: true, evidence}`` from a branch's name to its parent's
  (``derive/branch_candidates``, ``derive/branch_of``).

``derive(done=…)`` then skips them and reports the counts computed here.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ipclue.graph.bulk_csv import Kept
from ipclue.graph.bulk_fold import Tables
from ipclue.graph.resolution.derive import BRANCH_PATTERN, branch_evidence, mention_key_rows, uscc_of
from ipclue.graph.resolution.generic import DEFAULT_RULE, IDENTIFIER_LABELS, CutoffRule, robust_cutoff
from ipclue.graph.resolution.orgs import analyse

REFERS_TO = ("REFERS_TO", "Mention", "Party")
BRANCH_OF = ("BRANCH_OF", "Party", "Party")
PLANNED_LABELS = ("Address", "Phone")  # the identifiers the group pass links organisations through
STEPS = ("mention_keys", "party_uscc", "generic", "branch_of")


@dataclass(slots=True)
class Precomputed:
    """The derive steps written into the tables: their counts (as ``derive`` reports them, by step),
    the generic addresses and phones and the derived branches (the group plan's assumptions)."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    generic: set[tuple[str, str]] = field(default_factory=set)
    branches: set[tuple[str, str]] = field(default_factory=set)


def precompute(tables: Tables, kept: Kept, rule: CutoffRule = DEFAULT_RULE) -> Precomputed:
    """Apply derive's ``STEPS`` to ``tables`` (node properties) and ``kept`` (the derived branches
    added to the imported relationships), in derive's order."""
    out = Precomputed()
    out.counts["mention_keys"] = {"mention_keys": set_mention_keys(tables)}
    out.counts["party_uscc"] = {"party_uscc": set_party_usccs(tables, kept)}
    identifiers = mark_identifiers(tables, kept, rule, out.generic)
    out.counts["generic"] = identifiers | mark_agents(tables, kept, rule)
    out.branches = derived_branches(tables, kept)
    parties = tables.nodes["Party"]
    for branch, parent in sorted(out.branches):
        evidence = branch_evidence(parties[branch]["name"])
        kept.setdefault(BRANCH_OF, {})[(branch, parent, None)] = {"derived": True, "evidence": evidence}
    out.counts["branch_of"] = {"branch_of": len({b for b, _ in out.branches})}
    return out


def set_mention_keys(tables: Tables) -> int:
    """``derive.mention_keys``: blocking keys on the organisation mentions lacking them."""
    mentions = tables.nodes.get("Mention", {})
    rows = [{"id": k, "name": m["name"]} for k, m in mentions.items()
            if m.get("kind") == "org" and m.get("block_pinyin") is None]  # fmt: skip
    keyed = mention_key_rows(rows)
    for row in keyed:
        mentions[row["id"]].update(block_variant=row["variant"], block_pinyin=row["pinyin"])
    return len(keyed)


def set_party_usccs(tables: Tables, kept: Kept) -> int:
    """``derive.party_uscc``: an organisation without a USCC takes the valid code of its mentions."""
    parties, mentions = tables.nodes.get("Party", {}), tables.nodes.get("Mention", {})
    codes: dict[str, set[str]] = defaultdict(set)
    for mid, uid, _ in kept.get(REFERS_TO, {}):
        if (code := mentions[mid].get("uscc")) is not None:
            p = parties[uid]
            if p.get("kind") == "org" and p.get("uscc") is None:
                codes[uid].add(code)
    done = 0
    for uid, found in codes.items():
        if (uscc := uscc_of(found)) is not None:
            parties[uid]["uscc"] = uscc
            done += 1
    return done


def identifier_degrees(tables: Tables, rels: Kept, label: str) -> dict[str, int]:
    """``derive/identifier_degrees``: each ``label`` node's relationships from parties."""
    degree = dict.fromkeys(tables.nodes.get(label, {}), 0)
    for (_type, start, end), table in rels.items():
        if end == label and start == "Party":
            for key in table:
                degree[key[1]] += 1
    return degree


def cutoff_of(degrees: Iterable[int], rule: CutoffRule) -> float:
    """``generic.robust_cutoff`` over the histogram of ``degrees``."""
    histogram: dict[int, int] = defaultdict(int)
    for d in degrees:
        histogram[d] += 1
    return robust_cutoff(histogram, rule)


def generic_identifiers(
    tables: Tables, rels: Kept, rule: CutoffRule, labels: Iterable[str] = PLANNED_LABELS
) -> set[tuple[str, str]]:
    """(label, value) of the ``labels`` nodes ``generic.mark_identifiers`` flags generic."""
    out: set[tuple[str, str]] = set()
    for label in labels:
        degree = identifier_degrees(tables, rels, label)
        cutoff = cutoff_of(degree.values(), rule)
        out.update((label, value) for value, d in degree.items() if d > cutoff)
    return out


def mark_identifiers(
    tables: Tables, rels: Kept, rule: CutoffRule, generic: set[tuple[str, str]]
) -> dict[str, int]:
    """``generic.mark_identifiers`` on the tables (every node gets ``degree`` and ``generic``); its
    counts; ``generic`` collects the generic addresses and phones."""
    out: dict[str, int] = {}
    for label in IDENTIFIER_LABELS:
        degree = identifier_degrees(tables, rels, label)
        cutoff = cutoff_of(degree.values(), rule)
        nodes, flagged = tables.nodes.get(label, {}), 0
        for value, d in degree.items():
            nodes[value]["degree"], nodes[value]["generic"] = d, d > cutoff
            flagged += d > cutoff
            if d > cutoff and label in PLANNED_LABELS:
                generic.add((label, value))
        out[f"generic_{label.lower()}"] = flagged
        out[f"cutoff_{label.lower()}"] = math.floor(cutoff)
    return out


def agent_clients(rels: Kept) -> dict[str, set[str]]:
    """``derive/agent_degrees``: the distinct clients of each agent or firm (a party represented by
    it or by one of its members, or applying for what it filed); only parties with clients."""
    clients: dict[str, set[str]] = defaultdict(set)
    members: list[tuple[str, str]] = []
    applicants: dict[tuple[str, str], set[str]] = defaultdict(set)
    filed: list[tuple[str, tuple[str, str]]] = []
    for (rtype, start, end), table in rels.items():
        if start != "Party" or rtype not in ("REPRESENTED_BY", "MEMBER_OF", "APPLIED_FOR", "FILED_VIA"):
            continue
        for a, b, _ in table:
            if rtype == "REPRESENTED_BY" and end == "Party":
                clients[b].add(a)
            elif rtype == "MEMBER_OF" and end == "Party":
                members.append((a, b))
            elif rtype == "APPLIED_FOR":
                applicants[(end, b)].add(a)
            elif rtype == "FILED_VIA":
                filed.append((a, (end, b)))
    direct = {uid: set(qs) for uid, qs in clients.items()}
    for member, firm in members:
        clients[firm].update(direct.get(member, ()))
    for agent, node in filed:
        clients[agent].update(applicants.get(node, ()))
    return {uid: qs for uid, qs in clients.items() if qs}


def mark_agents(tables: Tables, rels: Kept, rule: CutoffRule) -> dict[str, int]:
    """``generic.mark_agents`` on the tables: ``client_degree`` and ``generic_agent``; its counts."""
    degree = {uid: len(qs) for uid, qs in agent_clients(rels).items()}
    cutoff = cutoff_of(degree.values(), rule)
    parties = tables.nodes["Party"]
    for uid, d in degree.items():
        parties[uid]["client_degree"], parties[uid]["generic_agent"] = d, d > cutoff
    generic = sum(d > cutoff for d in degree.values())
    return {"generic_agent": generic, "cutoff_agent": math.floor(cutoff)}


def derived_branches(tables: Tables, rels: Kept) -> set[tuple[str, str]]:
    """``derive.branches``: an organisation named as a branch without BRANCH_OF, to every other
    organisation a mention with its parent's exact name key refers to."""
    parties, mentions = tables.nodes.get("Party", {}), tables.nodes.get("Mention", {})
    has_branch = {k[0] for k in rels.get(BRANCH_OF, {})}
    pattern = re.compile(BRANCH_PATTERN)
    parents: dict[str, str] = {}  # branch → its parent's name key
    for uid, p in parties.items():
        name = p.get("name")
        named = p.get("kind") == "org" and name and uid not in has_branch and pattern.fullmatch(name)
        if named and (parent := analyse(name).parent_key):
            parents[uid] = parent
    wanted, by_key = set(parents.values()), defaultdict[str, set[str]](set)
    for mid, (uid, _props) in tables.refers_to.items():
        key = mentions.get(mid, {}).get("name_key")
        if key in wanted and parties.get(uid, {}).get("kind") == "org":
            by_key[key].add(uid)
    return {(uid, q) for uid, parent in parents.items() for q in by_key.get(parent, ()) if q != uid}
