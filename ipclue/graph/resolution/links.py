"""LINKED between parties, derived in full or for the parties an ingest touched.

``links(graph)`` removes every derived LINKED and derives them again (a first load, a bulk import).
``links_of(graph, uids)`` re-derives only what the parties ``uids`` can change, with the same result:

- every LINKED at one of them is removed first;
- ``legal_rep``: the links at the organisations of each representative who is among ``uids`` or
  represents one of them (the fan-out cap counts all of a representative's organisations);
- ``shared_*``: the links through every address, phone and email of ``uids`` (the caller adds the
  parties at identifiers whose ``generic`` flag changed);
- ``same_agent`` / ``same_firm``: every opposing pair of the cases ``uids`` are party to or
  represent someone in (or whose members do, for a firm), from all the cases the pair shares.

Every relationship an ingest writes joins parties of one record, and every party of a record is
touched, so a link between two untouched parties can only change through a representative, an
identifier or an agent that is touched, which is what the three scopes cover.
"""

from __future__ import annotations

from ipclue.cypher import query
from ipclue.graph.db import Graph, chunks

SIDE_A = ["plaintiff", "appellant", "retrial_applicant", "prosecutor"]
SIDE_B = ["defendant", "appellee", "retrial_respondent", "accused", "accused_unit"]
PAGE = 5000  # uids, representatives or pairs per statement


def links(graph: Graph, max_fanout: int = 50) -> dict[str, int]:
    """Recompute LINKED in full: shared legal representative, shared identifiers, same agent/firm."""
    graph.write(query("derive/linked_clear"))
    out = {"linked_legal_rep": _one(graph, "derive/linked_legal_rep", max_fanout=max_fanout)}
    out["linked_identifier"] = _one(graph, "derive/linked_identifier")
    out["linked_same_agent"] = _one(graph, "derive/linked_same_agent", side_a=SIDE_A, side_b=SIDE_B)
    return out


def links_of(graph: Graph, uids: list[str], max_fanout: int = 50) -> dict[str, int]:
    """Re-derive the LINKED relationships that parties ``uids`` can change (see the module)."""
    for part in chunks(uids, PAGE):
        graph.write(query("derive/linked_clear_of"), uids=part)
    return {
        "linked_legal_rep": legal_reps_of(graph, uids, max_fanout),
        "linked_identifier": identifiers_of(graph, uids),
        "linked_same_agent": agents_of(graph, uids),
    }


def legal_reps_of(graph: Graph, uids: list[str], max_fanout: int) -> int:
    """legal_rep links of the representatives among, or of, parties ``uids``."""
    reps = sorted(
        {
            r["rep"]
            for part in chunks(uids, PAGE)
            for r in graph.read(query("derive/legal_reps_of"), uids=part)
        }
    )
    done = 0
    for part in chunks(reps, PAGE):
        graph.write(query("derive/linked_legal_rep_clear_of"), reps=part)
        done += _one(graph, "derive/linked_legal_rep_of", reps=part, max_fanout=max_fanout)
    return done


def identifiers_of(graph: Graph, uids: list[str]) -> int:
    """shared_address / shared_phone / shared_email links through the identifiers of ``uids``."""
    done = 0
    for part in chunks(uids, PAGE):
        graph.write(query("derive/linked_identifier_clear_of"), uids=part)
        done += _one(graph, "derive/linked_identifier_of", uids=part)
    return done


def agents_of(graph: Graph, uids: list[str]) -> int:
    """same_agent / same_firm links of the opposing pairs in the cases ``uids`` take part in."""
    cases = sorted(
        {
            r["case_no"]
            for part in chunks(uids, PAGE)
            for r in graph.read(query("derive/agent_cases_of"), uids=part)
        }
    )
    pairs = sorted(
        {
            (r["p"], r["q"])
            for part in chunks(cases, PAGE)
            for r in graph.read(query("derive/opposing_pairs_of"), cases=part, side_a=SIDE_A, side_b=SIDE_B)
        }
    )
    done = 0
    for part in chunks([list(p) for p in pairs], PAGE):
        done += _one(graph, "derive/linked_same_agent_of", pairs=part, side_a=SIDE_A, side_b=SIDE_B)
    return done


def _one(graph: Graph, name: str, **params: object) -> int:
    rows = graph.write(query(name), **params)
    return int(rows[0]["linked"]) if rows else 0
