"""The loader's rows (``graph.build``) folded into the nodes and relationships its statements write.

Each fold reproduces one ``cypher/load/<step>.cypher`` statement on in-memory tables, in the order
the loader writes them: ``MERGE`` is a lookup by key, ``SET n += row.props`` sets (a null removes),
``coalesce(row.x, r.x)`` keeps the old value when the row has none, ``sources`` accumulate in the
order seen, ``ON CREATE`` applies to the first row only, and a relationship whose ``MATCH`` finds no
node is not written (filtered when the files are written). The result is what a transactional load
of the same rows would leave in an empty database, ready for ``neo4j-admin database import``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ipclue.graph.build import Row

Props = dict[str, Any]
RelFile = tuple[str, str, str]  # relationship type, start label, end label
RelKey = tuple[str, str, Any]  # start key, end key, discriminating property (or None)

# The unique key of each label (the ``:ID`` column of its file).
NODE_KEYS: dict[str, str] = {
    "Source": "sha256",
    "Party": "uid",
    "Mention": "id",
    "Case": "case_no",
    "Trademark": "reg_no",
    "Patent": "number",
    "Copyright": "reg_no",
    "Penalty": "decision_no",
    "Address": "value",
    "Phone": "value",
    "Email": "value",
}
_RECORDS = {"case": "Case", "trademark": "Trademark", "patent": "Patent", "copyright": "Copyright",
            "penalty": "Penalty"}  # fmt: skip
_IDENTIFIERS = {"address": "Address", "phone": "Phone", "email": "Email"}
# party → party: type, the property set with coalesce(row.x, r.x) (None: only sources)
_PARTY_RELS = {
    "legal_rep_of": ("LEGAL_REP_OF", "title"),
    "shareholder_of": ("SHAREHOLDER_OF", "pct"),
    "officer_of": ("OFFICER_OF", "title"),
    "member_of": ("MEMBER_OF", None),
    "branch_of": ("BRANCH_OF", None),
}
# party → record or identifier: type, end label, the row column keying the end node, a property set as is
_TO_NODE = {
    "applied_for_trademark": ("APPLIED_FOR", "Trademark", "key", "on"),
    "owns_trademark": ("OWNS", "Trademark", "key", None),
    "assigned_trademark": ("ASSIGNED", "Trademark", "key", "on"),
    "filed_via_trademark": ("FILED_VIA", "Trademark", "key", None),
    "applied_for_patent": ("APPLIED_FOR", "Patent", "key", "on"),
    "inventor_of": ("INVENTOR_OF", "Patent", "key", None),
    "filed_via_patent": ("FILED_VIA", "Patent", "key", None),
    "owns_copyright": ("OWNS", "Copyright", "key", "on"),
    "penalised_in": ("PENALISED_IN", "Penalty", "key", None),
    "located_at": ("LOCATED_AT", "Address", "value", None),
    "has_phone": ("HAS_PHONE", "Phone", "value", None),
    "has_email": ("HAS_EMAIL", "Email", "value", None),
}


class Tables:
    """Nodes by label and key, relationships by (type, start label, end label) and end points."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.nodes: dict[str, dict[str, Props]] = defaultdict(dict)
        self.rels: dict[RelFile, dict[RelKey, Props]] = defaultdict(dict)
        self.refers_to: dict[str, tuple[str, Props]] = {}  # mention id → (party uid, props): one only
        self.fold_seconds = 0.0  # time spent folding (the rest of a bulk load's first stage: resolving)

    def node(self, label: str, key: str) -> tuple[Props, bool]:
        """The node's properties, and whether this call created it (MERGE)."""
        table = self.nodes[label]
        props = table.get(key)
        if props is None:
            props = table[key] = {NODE_KEYS[label]: key}
            return props, True
        return props, False

    def rel(self, kind: RelFile, start: str, end: str, disc: Any = None) -> Props:
        """The relationship's properties (MERGE on its end points and discriminating property)."""
        return self.rels[kind].setdefault((start, end, disc), {})

    def fold(self, step: str, rows: list[Row]) -> None:
        """Apply one step's rows, as the loader's statement for ``step`` would."""
        clock = time.perf_counter()
        apply = _fold_fn(step)
        for row in rows:
            apply(self, row)
        self.fold_seconds += time.perf_counter() - clock


def _fold_fn(step: str) -> Callable[[Tables, Row], None]:
    base = step.removesuffix("_new")
    if base in _RECORDS:
        return lambda t, row: _record(t, _RECORDS[base], row)
    if base in _IDENTIFIERS:
        return lambda t, row: _add_source(t.node(_IDENTIFIERS[base], row["value"])[0], row["src"])
    if base in _PARTY_RELS:
        return lambda t, row: _party_rel(t, *_PARTY_RELS[base], row)
    if base in _TO_NODE:
        return lambda t, row: _to_node(t, *_TO_NODE[base], row)
    if base.startswith("concerns_"):
        target = "Trademark" if base == "concerns_trademark" else "Patent"
        return lambda t, row: _concerns(t, target, row)
    return _SPECIAL[base]


def _add_source(props: Props, src: str) -> None:
    """``x.sources = CASE WHEN row.src IN x.sources THEN x.sources ELSE x.sources + row.src END``"""
    sources = props.setdefault("sources", [])
    if src not in sources:
        sources.append(src)


def _set_all(props: Props, values: Props) -> None:
    """``SET n += values``: a null value removes the property."""
    for key, value in values.items():
        if value is None:
            props.pop(key, None)
        else:
            props[key] = value


def _set(props: Props, key: str, value: Any) -> None:
    _set_all(props, {key: value})


def _source(t: Tables, row: Row) -> None:
    props, created = t.node("Source", row["sha256"])
    if created:
        _set_all(props, {"path": row["path"], "kind": row["kind"], "ingested_at": t.now})


def _party(t: Tables, row: Row) -> None:
    props, created = t.node("Party", row["uid"])
    if created:
        _set_all(props, {k: row[k] for k in ("kind", "name", "name_key", "anonymised")})
    if props.get("uscc") is None and row["uscc"] is not None:
        props["uscc"] = row["uscc"]
    for column, prop in (("names", "aliases"), ("srcs", "sources")):
        acc = props.setdefault(prop, [])
        acc.extend(x for x in row[column] if x not in acc)
    props["aliases_text"] = "".join(" " + x for x in props["aliases"])


def _mention(t: Tables, row: Row) -> None:
    props, _ = t.node("Mention", row["id"])
    _set_all(props, row["props"])
    t.rel(("IN_SOURCE", "Mention", "Source"), row["id"], row["src"])
    old = t.refers_to.get(row["id"])
    link = old[1] if old is not None and old[0] == row["uid"] else {}
    _set_all(link, {"rule": row["rule"], "score": row["score"], "evidence": row["evidence"]})
    t.refers_to[row["id"]] = (row["uid"], link)


def _record(t: Tables, label: str, row: Row) -> None:
    props, _ = t.node(label, row["key"])
    _set_all(props, row["props"])
    _add_source(props, row["src"])
    t.rel(("FROM_SOURCE", label, "Source"), row["key"], row["src"])


def _party_rel(t: Tables, kind: str, prop: str | None, row: Row) -> None:
    props = t.rel((kind, "Party", "Party"), row["uid"], row["to"])
    _add_source(props, row["src"])
    if prop is not None and row[prop] is not None:
        props[prop] = row[prop]


def _represented_by(t: Tables, row: Row) -> None:
    props = t.rel(("REPRESENTED_BY", "Party", "Party"), row["uid"], row["to"], row["case_no"])
    _set(props, "case_no", row["case_no"])
    _add_source(props, row["src"])


def _party_to(t: Tables, row: Row) -> None:
    props = t.rel(("PARTY_TO", "Party", "Case"), row["uid"], row["key"], row["role"])
    _set_all(props, {"role": row["role"], "role_text": row["role_text"]})
    _add_source(props, row["src"])


def _sentence(t: Tables, row: Row) -> None:
    """``MATCH (p)-[r:PARTY_TO {role}]->(c) SET r += row.props``: a defendant's findings on its edge."""
    props = t.rels[("PARTY_TO", "Party", "Case")].get((row["uid"], row["key"], row["role"]))
    if props is not None:
        props.update(row["props"])


def _to_node(t: Tables, kind: str, end: str, column: str, prop: str | None, row: Row) -> None:
    props = t.rel((kind, "Party", end), row["uid"], row[column])
    _add_source(props, row["src"])
    if prop is not None:
        _set(props, prop, row[prop])


def _stub(t: Tables, label: str, key: str, src: str) -> None:
    """``MERGE (x {key}) ON CREATE SET x.stub = true SET x.sources = … + row.src``"""
    props, created = t.node(label, key)
    if created:
        props["stub"] = True
    _add_source(props, src)


def _concerns(t: Tables, target: str, row: Row) -> None:
    if row["key"] not in t.nodes[row["label"]]:
        return  # the subject is MATCHed first: no subject, no stub either
    _stub(t, target, row["target"], row["src"])
    _add_source(t.rel(("CONCERNS", row["label"], target), row["key"], row["target"]), row["src"])


def _appeal_of(t: Tables, row: Row) -> None:
    if row["key"] not in t.nodes["Case"]:
        return
    _stub(t, "Case", row["target"], row["src"])
    _add_source(t.rel(("APPEAL_OF", "Case", "Case"), row["key"], row["target"]), row["src"])


def _mentioned_in(t: Tables, row: Row) -> None:
    props = t.rel(("MENTIONED_IN", "Party", row["label"]), row["uid"], row["key"])
    _set_all(props, {k: row[k] for k in ("section", "span_start", "span_end")})
    _add_source(props, row["src"])


_SPECIAL: dict[str, Callable[[Tables, Row], None]] = {
    "source": _source,
    "party": _party,
    "mention": _mention,
    "represented_by": _represented_by,
    "party_to": _party_to,
    "sentence": _sentence,
    "appeal_of": _appeal_of,
    "mentioned_in": _mentioned_in,
}
