"""A flag's evidence as a prosecutor reads it: labelled rows with names, not uids.

Each raw evidence item (``{label, key, source, …}`` as the detector returned it) becomes a row
``{label: {zh, en}, title, ref, sources, fields: [{key, name: {zh, en}, value: {zh, en}}]}``:
the row's kind in words, its key as a name (a party's name for its uid, a case number, a mark
and its number), and each other fact with a Chinese label and its value in words (outcomes by
instance, amounts in 万元, yes / no, link kinds). ``ref`` keeps the internal key for links; the
raw evidence stays beside it in the API.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ipclue.cypher import query
from ipclue.detect.render import ENUMS, OUTCOMES, ROLES, enum_text, join_text, outcome_text, yes_no, yuan
from ipclue.graph.db import Graph

Item = Mapping[str, Any]
Names = Mapping[str, Mapping[str, Any]]

LABELS: dict[str, tuple[str, str]] = {
    "Party": ("当事人", "party"),
    "Case": ("案件", "case"),
    "Trademark": ("商标", "trademark"),
    "Patent": ("专利", "patent"),
    "Penalty": ("行政处罚", "penalty"),
    "Copyright": ("著作权", "copyright"),
    "PARTY_TO": ("涉案", "party to"),
    "REPRESENTED_BY": ("代理", "represented by"),
    "APPLIED_FOR": ("申请", "applied for"),
    "OWNS": ("持有", "owns"),
    "ASSIGNED": ("转让", "assigned"),
    "CONCERNS": ("涉及", "concerns"),
    "PENALISED_IN": ("被处罚", "penalised in"),
    "SIMILAR_TO": ("近似", "similar to"),
}

# Field → (Chinese label, English label, how its value reads).
FIELDS: dict[str, tuple[str, str, str]] = {
    "outcome": ("裁判结果", "outcome", "outcome"),
    "decided_on": ("决定/裁判日期", "decided on", "text"),
    "claimed": ("诉请金额", "claimed", "yuan"),
    "awarded": ("判赔金额", "awarded", "yuan"),
    "absent_defendant": ("被告缺席", "defendant absent", "bool"),
    "same_agent": ("双方同一代理人", "one agent for both sides", "bool"),
    "shared_agents": ("共同代理人", "shared agents", "list"),
    "plaintiff": ("原告", "plaintiff", "party"),
    "defendant": ("被告", "defendant", "party"),
    "right_obtained_shortly_before": ("起诉前新取得权利", "right obtained shortly before", "bool"),
    "link": ("关联路径", "link", "path"),
    "ties": ("关联标识/人员", "ties", "parties"),
    "via": ("关联方式", "kind of link", "enum"),
    "detail": ("说明", "detail", "text"),
    "illegal_revenue": ("非法经营数额", "illegal revenue", "yuan"),
    "illegal_gain": ("违法所得", "illegal gain", "yuan"),
    "sales_amount": ("销售金额", "sales amount", "yuan"),
    "n_marks": ("涉及商标数", "marks involved", "text"),
    "transferred_to_police": ("已移送公安", "transferred to police", "bool"),
    "threshold_law": ("适用追诉标准", "thresholds applied", "text"),
    "threshold_unverified": ("标准待核实", "thresholds unverified", "bool"),
    "threshold_revenue": ("非法经营数额标准", "revenue threshold", "yuan"),
    "threshold_gain": ("违法所得标准", "gain threshold", "yuan"),
    "invalidated_on": ("宣告无效日期", "invalidated on", "text"),
    "role": ("角色", "role", "role"),
    "registered_on": ("注册日", "registered on", "text"),
    "filed_on": ("申请日", "filed on", "text"),
    "score": ("得分", "score", "text"),
    "parties": ("当事人", "parties", "parties"),
    "defendants": ("被告", "defendants", "parties"),
    "mark": ("商标", "mark", "text"),
    "name": ("名称", "name", "text"),
    "method": ("比对方式", "method", "enum"),
    "similar_to": ("近似的在先商标", "similar earlier marks", "marks"),
    "share": ("比例", "share", "pct"),
}
HIDDEN = frozenset({"label", "key", "source", "sources", "path", "sections", "threshold_set", "instance"})
EXTRA_ROLES = {"prior": ("此前处罚", "prior penalty"), "assignee": ("受让人", "assignee")}
PARTY_FIELDS = ("plaintiff", "defendant", "ties", "parties", "defendants")


def keys_named(evidence: Iterable[Item], subjects: Iterable[Item] = ()) -> list[str]:
    """Every key the display form looks up: row keys (split at →), parties named in fields, subjects."""
    keys: set[str] = {str(s.get("key")) for s in subjects if s.get("key")}
    for item in evidence:
        keys.update(_parts(item.get("key")))
        for name in PARTY_FIELDS:
            value = item.get(name)
            keys.update(str(v) for v in (value if isinstance(value, list) else [value]) if v)
    return sorted(keys)


def _parts(key: Any) -> list[str]:
    return [p.strip() for p in str(key).split(" → ")] if key else []


def lookup(graph: Graph, evidence: list[Item], subjects: Iterable[Item] = ()) -> dict[str, dict[str, Any]]:
    """Key → {name, kind, instance, mark} for the keys the evidence names that the graph knows."""
    rows = graph.read(query("flags/evidence_names"), keys=keys_named(evidence, subjects))
    return {str(r["key"]): dict(r) for r in rows}


def evidence_display(
    graph: Graph, evidence: list[Item], subjects: Iterable[Item] = ()
) -> list[dict[str, Any]]:
    """The display form of a flag's evidence, with the names the graph holds for its keys."""
    return evidence_view(evidence, lookup(graph, evidence, subjects))


def evidence_view(evidence: Iterable[Item], names: Names) -> list[dict[str, Any]]:
    """The display form of each evidence item (see the module docstring)."""
    return [_row(item, names) for item in evidence if isinstance(item, Mapping)]


def _row(item: Item, names: Names) -> dict[str, Any]:
    label, key = str(item.get("label") or ""), item.get("key")
    pair = LABELS.get(label) or ENUMS.get(label) or (label, label)
    shown = [(k, v) for k, v in item.items() if k not in HIDDEN and v not in (None, "", [])]
    fields = [_field(k, v, item, names) for k, v in shown]
    return {
        "label": {"zh": pair[0], "en": pair[1]},
        "title": _title(label, key, names),
        "ref": {"label": label, "key": key} if key else None,
        "sources": _sources(item),
        "paths": item["path"]
        if isinstance(item.get("path"), list)
        else [item.get("path")] * len(_sources(item)),
        "fields": fields,
    }


def _title(label: str, key: Any, names: Names) -> str:
    if not key:
        return ""
    shown = [_name(part, names) for part in _parts(key)]
    if label == "Trademark" and (names.get(str(key)) or {}).get("mark"):
        return f"「{names[str(key)]['mark']}」（注册号 {key}）"
    return " → ".join(shown)


def _name(key: str, names: Names) -> str:
    return str((names.get(key) or {}).get("name") or key)


def _sources(item: Item) -> list[str]:
    one, many = item.get("source"), item.get("sources")
    return [one] if isinstance(one, str) else [s for s in many or [] if isinstance(s, str)]


def _field(key: str, value: Any, item: Item, names: Names) -> dict[str, Any]:
    zh, en, kind = FIELDS.get(key, (key, key, "text"))
    return {
        "key": key,
        "name": {"zh": zh, "en": en},
        "value": {lang: _value(kind, value, item, names, lang) for lang in ("zh", "en")},
    }


def _value(kind: str, value: Any, item: Item, names: Names, lang: str) -> str:
    return FORMATS.get(kind, _text)(value, item, names, lang)


def _text(value: Any, item: Item, names: Names, lang: str) -> str:
    """Free text as it is; a stored enum value (a link kind, a role, an outcome) in words."""
    if isinstance(value, list):
        return join_text([_text(v, item, names, lang) for v in value], lang)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    word = str(value)
    if word in ENUMS:
        return enum_text(word, lang)
    if word in ROLES or word in OUTCOMES["first"]:
        return _role(word, item, names, lang) if word in ROLES else outcome_text(word, None, lang)
    return word


def _marks(value: Any, item: Item, names: Names, lang: str) -> str:
    """Similar earlier marks: 「星河」（30000001，2015-01-01，95%）."""
    rows = [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []
    parts = [
        f"「{m.get('mark')}」（{m.get('reg_no')}，{m.get('filed_on') or '—'}，{_pct(m.get('score'))}）"
        for m in rows
    ]
    return join_text(parts, lang, limit=5)


def _pct(value: Any) -> str:
    return f"{round(100 * float(value))}%" if isinstance(value, int | float) else "—"


def _role(value: Any, item: Item, names: Names, lang: str) -> str:
    pair = ROLES.get(str(value)) or EXTRA_ROLES.get(str(value))
    return pair[0 if lang == "zh" else 1] if pair else str(value)


def _parties(value: Any, item: Item, names: Names, lang: str) -> str:
    values = value if isinstance(value, list) else [value]
    return join_text([_name(str(v), names) for v in values], lang, limit=8)


FORMATS: dict[str, Callable[[Any, Item, Names, str], str]] = {
    "outcome": lambda v, item, names, lang: outcome_text(str(v), _instance(item, names), lang),
    "yuan": lambda v, item, names, lang: yuan(v, lang) if isinstance(v, int | float) else str(v),
    "bool": lambda v, item, names, lang: yes_no(v, lang),
    "enum": lambda v, item, names, lang: enum_text(v, lang),
    "role": _role,
    "party": _parties,
    "parties": _parties,
    "marks": _marks,
    "pct": lambda v, item, names, lang: _pct(v),
    "path": lambda v, item, names, lang: " → ".join(map(str, v)) if isinstance(v, list) else str(v),
}


CASE_INSTANCE = ((re.compile(r"再|申|抗"), "retrial"), (re.compile(r"终"), "second"))


def _instance(item: Item, names: Names) -> str:
    """A case's instance: stored on the case, else read from its number (…民终… is second instance)."""
    stored = item.get("instance") or (names.get(str(item.get("key"))) or {}).get("instance")
    if stored:
        return str(stored)
    case_no = str(item.get("key") or "") if item.get("label") == "Case" else ""
    return next((inst for rx, inst in CASE_INSTANCE if rx.search(case_no)), "first")
