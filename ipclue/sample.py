"""A tiny built-in sample (invented parties) so a fresh install has something to load and show."""

from __future__ import annotations

import hashlib
from datetime import date

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
)
from ipclue.normalize import uscc_check_char


def _src(name: str, line: int | None = None) -> SourceRef:
    return SourceRef(
        path=f"sample/{name}", sha256=hashlib.sha256(name.encode()).hexdigest(), line=line, kind="sample"
    )


def _uscc(body: str) -> str:
    return body + (uscc_check_char(body) or "0")


def sample_records() -> list[Record]:
    """Two related companies suing each other, their trademark, and a penalty."""
    a_code, b_code = _uscc("91440300MA5D00001"), _uscc("91440300MA5D00002")
    companies: list[Record] = [
        Company(
            name="深圳市星河电子有限公司",
            uscc=a_code,
            legal_representative="林志远",
            address="深圳市南山区科技园一路1号",
            phone="0755-88880001",
            shareholders=[Shareholder(name="林志远", kind="person", pct=80.0)],
            source=_src("companies.jsonl", 1),
        ),
        Company(
            name="深圳市银河贸易有限公司",
            uscc=b_code,
            legal_representative="林志远",
            address="深圳市南山区科技园一路1号",
            source=_src("companies.jsonl", 2),
        ),
    ]
    mark = Trademark(
        reg_no="30000001",
        mark="星河",
        classes=[9],
        applicant="深圳市星河电子有限公司",
        applicant_uscc=a_code,
        filed_on=date(2019, 3, 1),
        registered_on=date(2020, 1, 7),
        source=_src("trademarks.jsonl", 1),
    )
    case = Judgment(
        case_no="(2021)粤0305民初1001号",
        case_no_raw="（2021）粤0305民初1001号",
        court="深圳市南山区人民法院",
        cause="侵害商标权纠纷",
        decided_on=date(2021, 6, 30),
        outcome="mediated",
        parties=[
            PartyMention(
                name="深圳市星河电子有限公司",
                role="plaintiff",
                role_text="原告",
                kind="org",
                legal_representative="林志远",
                agents=[Agent(name="陈明", organization="广东明理律师事务所")],
            ),
            PartyMention(
                name="深圳市银河贸易有限公司",
                role="defendant",
                role_text="被告",
                kind="org",
                legal_representative="林志远",
                agents=[Agent(name="陈明", organization="广东明理律师事务所")],
            ),
        ],
        trademark_numbers=["30000001"],
        amounts=Amounts(claimed=500000.0),
        source=_src("judgment-1001.txt"),
    )
    penalty = Penalty(
        decision_no="深市监罚〔2022〕88号",
        authority="深圳市市场监督管理局",
        decided_on=date(2022, 5, 9),
        party="深圳市银河贸易有限公司",
        uscc=b_code,
        violation="商标侵权",
        marks=["30000001"],
        illegal_revenue=82000.0,
        fine=160000.0,
        source=_src("penalty-88.txt"),
    )
    return [*companies, mark, case, penalty]
