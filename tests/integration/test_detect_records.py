"""Builders of hand-made canonical records for the detector tests (invented parties)."""

from __future__ import annotations

import hashlib
from datetime import date

from ipclue.detect import Hit, RunReport, run_detectors
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.models import (
    Agent,
    Amounts,
    Company,
    Judgment,
    PartyMention,
    Penalty,
    Record,
    Shareholder,
    SourceRef,
    Trademark,
    Transfer,
)
from ipclue.normalize import uscc_check_char


def src(name: str) -> SourceRef:
    return SourceRef(path=f"test/{name}", sha256=hashlib.sha256(name.encode()).hexdigest(), kind="test")


def uscc(n: int) -> str:
    body = f"91440300MA5E{n:05d}"
    return body + (uscc_check_char(body) or "0")


def uid(n: int) -> str:
    """The party uid of the company built with number ``n``."""
    return f"org-{uscc(n)}"


def company(
    name: str,
    n: int,
    *,
    address: str | None = None,
    owner: tuple[str, int] | None = None,
    phone: str | None = None,
) -> Company:
    holders = [Shareholder(name=owner[0], kind="org", uscc=uscc(owner[1]), pct=100.0)] if owner else []
    return Company(
        name=name,
        uscc=uscc(n),
        address=address,
        phone=phone,
        shareholders=holders,
        source=src(f"company-{n}"),
    )


def party(name: str, role: str, *, kind: str = "org", agents: list[Agent] | None = None) -> PartyMention:
    role_text = {"plaintiff": "原告", "defendant": "被告", "accused_unit": "被告单位"}.get(role, role)
    return PartyMention(name=name, role=role, role_text=role_text, kind=kind, agents=agents or [])


def judgment(
    no: str,
    plaintiff: str,
    defendant: str,
    *,
    outcome: str,
    on: date,
    marks: tuple[str, ...] = (),
    p_agent: Agent | None = None,
    d_agent: Agent | None = None,
    absent: bool = False,
    d_kind: str = "org",
    claimed: float | None = None,
    division: str = "civil",
    d_role: str = "defendant",
) -> Judgment:
    parties = [party(defendant, d_role, kind=d_kind, agents=[d_agent] if d_agent else [])]
    if plaintiff:
        parties.insert(0, party(plaintiff, "plaintiff", agents=[p_agent] if p_agent else []))
    return Judgment(
        case_no=no,
        case_no_raw=no,
        court="某市中级人民法院",
        division=division,
        cause="侵害商标权纠纷",
        decided_on=on,
        outcome=outcome,
        parties=parties,
        trademark_numbers=list(marks),
        absent_defendant=absent,
        amounts=Amounts(claimed=claimed),
        source=src(f"judgment-{no}"),
    )


def conviction(no: str, unit: str, on: date, *, marks: tuple[str, ...] = ()) -> Judgment:
    """A criminal judgment convicting the company ``unit`` (被告单位), on these marks."""
    return judgment(
        no, "", unit, outcome="convicted", on=on, division="criminal", d_role="accused_unit", marks=marks
    )


def mark(
    reg_no: str,
    text: str,
    applicant: str,
    filed: date,
    *,
    classes: tuple[int, ...] = (9,),
    transfers: tuple[str, ...] = (),
    invalidated: date | None = None,
    address: str | None = None,
) -> Trademark:
    return Trademark(
        reg_no=reg_no,
        mark=text,
        classes=list(classes),
        applicant=applicant,
        filed_on=filed,
        applicant_address=address,
        transfers=[Transfer(to=t, on=filed) for t in transfers],
        invalidated_on=invalidated,
        source=src(f"tm-{reg_no}"),
    )


def penalty(
    no: str,
    name: str,
    n: int,
    on: date,
    *,
    revenue: float | None = None,
    gain: float | None = None,
    marks: tuple[str, ...] = ("30000001",),
    transferred: bool = False,
) -> Penalty:
    return Penalty(
        decision_no=no,
        authority="某市市场监督管理局",
        decided_on=on,
        party=name,
        uscc=uscc(n),
        violation="商标侵权",
        marks=list(marks),
        illegal_revenue=revenue,
        illegal_gain=gain,
        transferred_to_police=transferred,
        source=src(f"penalty-{no}"),
    )


def load_and_run(graph: Graph, records: list[Record], detector: str, **params: object) -> RunReport:
    report = Loader(graph).load(records)
    assert not report.rejections, report.rejections
    return run_detectors(graph, ids=[detector], params=params or None)


def flagged(report: RunReport) -> list[set[str]]:
    """Each hit's subject keys."""
    return [{s.key for s in h.subjects} for d in report.detectors for h in d.results]


def no_errors(report: RunReport) -> RunReport:
    assert all(d.error is None for d in report.detectors), [d.error for d in report.detectors]
    return report


def hits_of(graph: Graph, records: list[Record], detector: str, **params: object) -> list[Hit]:
    """Load the records (none rejected), run one detector (no error) and return its hits."""
    return no_errors(load_and_run(graph, records, detector, **params)).detectors[0].results


def flagged_by(graph: Graph, records: list[Record], detector: str, **params: object) -> list[set[str]]:
    """Load the records (none rejected), run one detector (no error): each hit's subject keys."""
    return flagged(no_errors(load_and_run(graph, records, detector, **params)))
