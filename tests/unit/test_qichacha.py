"""Qichacha (企查查) API JSON → Trademark / Patent / Copyright / Company; other shapes rejected, counted."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ipclue.extractors.qichacha import extract_qichacha, looks_like_qichacha, shape_of
from ipclue.models import Company, Copyright, Patent, Rejection, Trademark
from tests.corpus import need

REGISTRY = Path(__file__).parents[2].parent / "shared" / "corpus" / "registry"
SHA = "c" * 64


def _load(name: str) -> Any:
    path = need(REGISTRY / name)
    return json.loads(path.read_text(encoding="utf-8"))


def _run(name: str, **kw: Any) -> list[Any]:
    return list(extract_qichacha(_load(name), path=name, sha256=SHA, **kw))


def test_trademarks() -> None:
    first, second, _ = _run("qcc_trademark_records.json")
    assert isinstance(first, Trademark)
    assert (first.reg_no, first.mark, first.classes) == ("16435657", "企查查", [45])
    assert first.applicant == "苏州朗动网络科技有限公司" and first.agency is None
    assert first.filed_on == date(2015, 3, 4) and first.source.line == 1
    assert second.agency == "苏州崇文知识产权服务有限公司" and second.status == "商标无效"


def test_patents() -> None:
    invention, pending, design = _run("qcc_patent_records.json")
    assert isinstance(invention, Patent) and invention.number == "ZL201710117081.7"
    assert invention.kind == "invention" and invention.inventors == ["王杰", "王金虎", "邓会林"]
    assert invention.agency == "苏州中合知识产权代理事务所(普通合伙)"
    assert invention.applicants == ["苏州朗动网络科技有限公司"] and invention.granted_on is None
    assert pending.status == "实质审查的生效"
    assert design.kind == "design" and design.granted_on == date(2017, 7, 28)


def test_company_profile_and_branch() -> None:
    profile, branch = _run("qcc_company_profile_beijing_xiaoju.json")
    assert isinstance(profile, Company) and profile.uscc == "9111010859963405XW"
    assert profile.legal_representative == "程维" and profile.phone == "010-62682929"
    assert profile.established_on == date(2012, 7, 10) and profile.status == "注销"
    assert [(s.name, s.kind, s.pct) for s in profile.shareholders[:2]] == [
        ("程维", "person", 49.19),
        ("王刚", "person", 48.22),
    ]
    assert [(o.name, o.title) for o in profile.officers] == [
        ("程维", "执行董事"),
        ("程维", "经理"),
        ("吴睿", "监事"),
    ]
    assert branch.name == "北京小桔科技有限公司重庆分公司" and branch.parent == "北京小桔科技有限公司"
    assert (profile.source.line, branch.source.line) == (1, 2)


def test_outbound_investments_with_and_without_investor() -> None:
    plain = _run("qcc_outbound_investments.json")
    assert len(plain) == 28 and all(isinstance(c, Company) and not c.shareholders for c in plain)
    assert plain[1].name == "滴滴云计算有限公司" and plain[1].legal_representative == "章文嵩"
    owned = _run("qcc_outbound_investments.json", investor="北京小桔科技有限公司")
    pcts = Counter(c.shareholders[0].pct for c in owned)
    assert pcts[100.0] == 23 and owned[0].shareholders[0].name == "北京小桔科技有限公司"
    # an org as 执行事务合伙人 is not a person legal representative
    data = _load("qcc_outbound_investments.json")
    org_run = [i for i, d in enumerate(data) if d["OperName"] == "嘉兴小桔子投资合伙企业(有限合伙)"]
    assert org_run and all(plain[i].legal_representative is None for i in org_run)


def test_annual_reports_link_investor_as_shareholder() -> None:
    report, invested, older = _run("qcc_annual_report_records.json")
    assert report.uscc == "91320594088140947F" and report.email == "chendq@qudaba.com"
    assert [s.name for s in report.shareholders][:3] == ["施阳", "杨京", "陈德强"]
    assert report.shareholders[3].kind == "org"
    assert invested.name == "上海知彼网络科技有限公司" and invested.uscc == "91310105MA1FW0XD3D"
    assert invested.shareholders[0].name == "苏州朗动网络科技有限公司"
    assert invested.shareholders[0].uscc == "91320594088140947F"
    assert [s.name for s in older.shareholders] == ["李素芹", "马群", "施阳"]


@pytest.mark.parametrize(
    ("name", "shape", "count"),
    [
        ("qcc_judgment_list_with_case_roles.json", "judgment_list", 10),
        ("qcc_court_announcements.json", "court_announcement", 10),
        ("qcc_hearing_notices.json", "hearing_notice", 10),
        ("qcc_abnormal_operation_records.json", "abnormal_operation", 1),
        ("qcc_serious_violation_list_records.json", "serious_violation", 1),
    ],
)
def test_unsupported_shapes_are_rejected_one_per_item(name: str, shape: str, count: int) -> None:
    items = _run(name)
    assert len(items) == count
    assert all(isinstance(r, Rejection) and r.reason == "unsupported-record" for r in items)
    assert items[0].detail.startswith(f"qichacha {shape}: ") and items[-1].line == count


def test_software_copyrights() -> None:
    items = _run("qcc_software_copyright_records.json")
    assert len(items) == 10 and all(isinstance(c, Copyright) and c.kind == "software" for c in items)
    first = items[0]
    assert (first.reg_no, first.title, first.short_name) == (
        "2016SR309930",
        "朗动网络企查查网页版软件",
        "企查查网页版",
    )
    assert (first.version, first.category, first.owners) == (
        "V3.0.0",
        "30200-0000",
        ["苏州朗动网络科技有限公司"],
    )
    assert (first.published_on, first.registered_on, first.finished_on) == (
        date(2016, 5, 27),
        date(2016, 10, 27),
        None,
    )
    assert first.source.kind == "qichacha:software_copyright" and items[-1].source.line == 10
    assert len({c.reg_no for c in items}) == 10


def test_works_copyrights() -> None:
    items = _run("qcc_works_copyright_records.json")
    assert len(items) == 10 and all(isinstance(c, Copyright) and c.kind == "work" for c in items)
    first = items[0]
    assert (first.reg_no, first.title, first.category) == ("国作登字-2016-F-00269796", "MIJIA及图形", "美术")
    assert first.finished_on == date(2015, 5, 13) and first.published_on == date(2015, 5, 14)
    assert first.registered_on == date(2016, 5, 17) and first.version is None
    assert Counter(c.owners[0] for c in items) == Counter(
        {"北京小米科技有限责任公司": 7, "小米科技有限责任公司": 3}
    )


def test_copyright_owners_split_and_missing_owner_rejected() -> None:
    owners = "甲科技有限公司；乙科技有限公司"
    item = {"RegisterNo": "２０２０ｓｒ０００１２３", "Name": "某软件", "Owner": owners,
            "VersionNo": "V1.0", "RegisterAperDate": "2020-01-02T00:00:00+08:00"}  # fmt: skip
    (rec,) = extract_qichacha([item], path="c.json", sha256=SHA)
    assert isinstance(rec, Copyright) and rec.reg_no == "2020SR000123"
    assert rec.owners == ["甲科技有限公司", "乙科技有限公司"]
    (bad,) = extract_qichacha([{**item, "Owner": " "}], path="c.json", sha256=SHA)
    assert isinstance(bad, Rejection) and bad.reason == "invalid-record" and "owners" in (bad.detail or "")


def test_wrapped_response_unknown_shape_and_invalid_item() -> None:
    wrapped = {"Status": "200", "Message": "OK", "Result": [{"RegNo": "", "IntCls": 9, "Name": "x"}]}
    assert looks_like_qichacha(wrapped)
    (bad,) = extract_qichacha(wrapped, path="w.json", sha256=SHA)
    assert isinstance(bad, Rejection) and bad.reason == "invalid-record"
    assert "reg_no" in (bad.detail or "") and "applicant" in (bad.detail or "")
    assert shape_of({"foo": 1}) is None and not looks_like_qichacha([{"foo": 1}])
