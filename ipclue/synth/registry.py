"""Registry files: companies, trademarks, patents (JSONL, part CSV) and a Qichacha-shaped sample."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ipclue.synth import data
from ipclue.synth.output import Output
from ipclue.synth.world import Mark, Org, Party, PatentRight, Person, World

PATENT_CSV_SHARE = 0.2
PATENT_COLUMNS = (
    "type",
    "number",
    "title",
    "kind",
    "applicants",
    "inventors",
    "agency",
    "filed_on",
    "granted_on",
    "status",
    "invalidated_on",
)


def _day(day: date | None) -> str | None:
    """ISO date or None."""
    return day.isoformat() if day else None


def company(org: Org, drop_address: bool) -> dict[str, Any]:
    """The canonical company record (no ``source``)."""
    return {
        "type": "company",
        "name": org.name,
        "uscc": org.uscc,
        "legal_representative": org.rep.name,
        "address": None if drop_address else org.address,
        "phone": org.phone,
        "email": org.email,
        "established_on": _day(org.established),
        "status": org.status,
        "former_names": [org.former_name] if org.former_name else [],
        "shareholders": [
            {
                "name": s.name,
                "kind": "person" if isinstance(s, Person) else "org",
                "pct": pct,
                "uscc": None if isinstance(s, Person) else s.uscc,
            }
            for s, pct in org.shareholders
        ],
        "officers": [{"name": p.name, "title": t} for p, t in org.officers],
        "parent": org.parent.name if org.parent else None,
    }


def trademark(mark: Mark) -> dict[str, Any]:
    """The canonical trademark record (no ``source``)."""
    app = mark.applicant
    return {
        "type": "trademark",
        "reg_no": mark.reg_no,
        "mark": mark.mark,
        "classes": [mark.cls],
        "goods": data.goods()[mark.cls],
        "applicant": app.name,
        "applicant_uscc": app.uscc if isinstance(app, Org) else None,
        "applicant_address": app.address,
        "agency": mark.agency.name if mark.agency else None,
        "filed_on": _day(mark.filed_on),
        "registered_on": _day(mark.registered_on),
        "status": mark.status,
        "owner": mark.owner().name,
        "transfers": [{"to": to.name, "on": _day(on)} for to, on in mark.transfers],
        "invalidated_on": _day(mark.invalidated_on),
    }


def patent(p: PatentRight) -> dict[str, Any]:
    """The canonical patent record (no ``source``)."""
    return {
        "type": "patent",
        "number": p.number,
        "title": p.title,
        "kind": p.kind,
        "applicants": [a.name for a in p.applicants],
        "inventors": [i.name for i in p.inventors],
        "agency": p.agency.name if p.agency else None,
        "filed_on": _day(p.filed_on),
        "granted_on": _day(p.granted_on),
        "status": p.status,
        "invalidated_on": _day(p.invalidated_on),
    }


def _mentions(out: Output, rel: str, parties: Iterable[Party | None], line: int) -> None:
    """Record the mentions of one registry record (``line``: 1-based, as extractors number them)."""
    for party in parties:
        if party is not None:
            out.mention(party.eid, rel, party.name, line)


def write_companies(world: World, out: Output) -> int:
    """registry/companies.jsonl: every company, shop and agency."""
    rel, n = "registry/companies.jsonl", 0
    with (out.root / rel).open("w", encoding="utf-8") as f:
        for org in world.orgs:
            if org.kind == "firm":
                continue
            f.write(json.dumps(company(org, out.rng.random() < 0.03), ensure_ascii=False) + "\n")
            n += 1
            people = [org, org.rep, *(s for s, _ in org.shareholders), *(p for p, _ in org.officers)]
            _mentions(out, rel, people, n)
            if org.former_name:
                out.mention(org.eid, rel, org.former_name, n)
    return n


def write_trademarks(world: World, out: Output) -> int:
    """registry/trademarks.jsonl."""
    rel = "registry/trademarks.jsonl"
    with (out.root / rel).open("w", encoding="utf-8") as f:
        for line, mark in enumerate(world.marks, start=1):
            f.write(json.dumps(trademark(mark), ensure_ascii=False) + "\n")
            _mentions(out, rel, [mark.applicant, mark.agency, *(t for t, _ in mark.transfers)], line)
    return len(world.marks)


def write_patents(world: World, out: Output) -> int:
    """registry/patents.jsonl and, for a share, registry/patents.csv (lists joined with ';')."""
    lines = {"registry/patents.jsonl": 0, "registry/patents.csv": 1}  # the CSV's line 1 is its header
    root = out.root / "registry"
    with (
        (root / "patents.jsonl").open("w", encoding="utf-8") as fj,
        (root / "patents.csv").open("w", encoding="utf-8", newline="") as fc,
    ):
        rows = csv.DictWriter(fc, PATENT_COLUMNS, lineterminator="\n")
        rows.writeheader()
        for p in world.patents:
            rec = patent(p)
            if out.rng.random() < PATENT_CSV_SHARE:
                rel = "registry/patents.csv"
                rows.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in rec.items()})
            else:
                rel = "registry/patents.jsonl"
                fj.write(json.dumps(rec, ensure_ascii=False) + "\n")
            lines[rel] += 1
            _mentions(out, rel, [*p.applicants, *p.inventors, p.agency], lines[rel])
    return len(world.patents)


def qichacha(mark: Mark, i: int) -> dict[str, Any]:
    """One trademark in the Qichacha API shape."""
    status, flow = (2, "商标无效") if mark.invalidated_on else (4, "商标注册申请注册公告排版完成")
    return {
        "Id": f"SYN{i:09d}",
        "RegNo": mark.reg_no,
        "IntCls": mark.cls,
        "Name": mark.mark,
        "AppDate": f"{mark.filed_on.year}/{mark.filed_on.month}/{mark.filed_on.day} 0:00:00",
        "ApplicantCn": mark.applicant.name,
        "ApplicantEn": "",
        "Agent": mark.agency.name if mark.agency else "",
        "Status": status,
        "FlowStatus": "202" if status == 2 else "225",
        "FlowStatusDesc": flow,
        "HasImage": False,
        "ImageUrl": "",
    }


def write_qichacha(marks: list[Mark], out: Output) -> int:
    """registry/qichacha_trademarks.json: a JSON array (same marks also in trademarks.jsonl)."""
    rel = "registry/qichacha_trademarks.json"
    rows = [qichacha(m, i) for i, m in enumerate(marks)]
    Path(out.root / rel).write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for line, m in enumerate(marks, start=1):
        _mentions(out, rel, [m.applicant, m.agency], line)
    return len(rows)
