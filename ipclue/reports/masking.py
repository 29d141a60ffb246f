"""A report as a consumer may read it: natural persons' names reduced to surname + 某, and every string
through the API's masking (``ipclue.api.masking``: ID numbers, phones, persons' addresses)."""

from __future__ import annotations

from typing import Any

from ipclue.api.masking import MASK, mask, mask_text
from ipclue.reports.model import Report

KEEP = frozenset({"uid", "id", "key", "source", "target", "detector", "kind", "label", "status", "severity"})


def masked_name(name: str) -> str:
    """张三丰 → 张某某; a two-character compound surname (欧阳, 司马 …) is kept whole."""
    name = name.strip()
    if not name:
        return name
    head = 2 if len(name) >= 4 and name[:2] in COMPOUND_SURNAMES else 1
    return name[:head] + "某" * max(1, len(name) - head)


COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "令狐",
    }
)


def person_names(report: Report) -> set[str]:
    """Names of every natural person the report shows (parties, graph nodes, resolved mentions)."""
    out: set[str] = set()
    for f in report.flags:
        persons = {p.uid for p in f.parties if p.kind == "person"}
        out |= {p.name for p in f.parties if p.kind == "person"}
        out |= {r.mention for r in f.resolutions if r.mention and _is_person_party(r.party, f.parties)}
        out |= {str(n.get("name")) for n in f.graph.get("nodes", []) if n.get("kind") == "person"}
        out |= {str(n.get("name")) for n in f.graph.get("nodes", []) if n.get("key") in persons}
    return {n for n in out if n and n != "None" and n != MASK}


def _is_person_party(name: str, parties: list[Any]) -> bool:
    return any(p.name == name and p.kind == "person" for p in parties)


def mask_report(report: Report) -> Report:
    """The same report with personal data masked everywhere it appears, longest names first."""
    names = sorted(person_names(report), key=len, reverse=True)
    swap = {n: masked_name(n) for n in names}
    data = report.model_dump(mode="json")
    for f in data["flags"]:
        f["graph"] = mask(f["graph"])
    return Report.model_validate(_walk(data, swap))


def _walk(value: Any, swap: dict[str, str], key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _walk(v, swap, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, swap, key) for v in value]
    if isinstance(value, str) and key not in KEEP:
        for name, short in swap.items():
            value = value.replace(name, short)
        return mask_text(value)
    return value
