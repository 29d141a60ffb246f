"""Report content without the database: evidence rows, reasons, masking, and both renderers."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from ipclue.reports.collect import evidence_row, reason_of
from ipclue.reports.masking import mask_report, masked_name
from ipclue.reports.model import EvidenceRow, FlagSection, PartyLine, Quote, Report


def _report(role: str = "investigator") -> Report:
    flag = FlagSection(
        id="flg-1",
        title="反复侵权",
        detector="serial-infringer",
        version=2,
        legal_basis="刑法 第二百一十三条",
        severity="medium",
        score=0.75,
        status="new",
        reason="李琴宁 共 3 次被判侵权，联系电话 13912345678",
        parties=[
            PartyLine(uid="per-1", name="李琴宁", kind="person"),
            PartyLine(uid="org-1", name="优通服装店"),
        ],
        evidence=[EvidenceRow(what="案件", key="(2017)鲁0202民初718号", detail="被告：李琴宁")],
        quotes=[
            Quote(
                document="j1.txt",
                record="(2017)鲁0202民初718号",
                section="查明",
                start=5,
                end=20,
                text="被告李琴宁销售侵权商品。",
            )
        ],
        graph={
            "nodes": [
                {"id": "Party:per-1", "label": "Party", "key": "per-1", "name": "李琴宁", "kind": "person"}
            ],
            "edges": [],
        },
    )
    return Report(
        kind="review", generated_at=datetime.now(UTC), generated_by="u", role=role, masked=False, flags=[flag]
    )


def test_masked_name_keeps_the_surname() -> None:
    assert masked_name("李琴宁") == "李某某"
    assert masked_name("王五") == "王某"
    assert masked_name("欧阳小明") == "欧阳某某"


def test_mask_report_masks_persons_everywhere_and_keeps_organisations() -> None:
    dumped = mask_report(_report("consumer")).model_dump_json()
    assert "李琴宁" not in dumped and "李某某" in dumped and "13912345678" not in dumped
    assert "优通服装店" in dumped and "per-1" in dumped


def test_evidence_row_shows_names_and_chinese_values() -> None:
    item = {
        "label": "Case",
        "key": "(2016)粤0305民初310号",
        "outcome": "withdrawn",
        "plaintiff": "org-abc12345",
        "same_agent": False,
        "source": "ab",
        "path": "/x",
        "decided_on": "2016-05-01",
    }
    row = evidence_row(item, {"org-abc12345": "深圳市禾美五金有限公司"})
    assert row.what == "案件" and row.date == "2016-05-01"
    assert "原告：深圳市禾美五金有限公司" in row.detail and "结果：撤诉" in row.detail
    assert "同一代理人：否" in row.detail and "org-abc12345" not in row.detail and "/x" not in row.detail


def test_reason_of_drops_the_english_tail_only() -> None:
    assert reason_of({"reason": "甲 与 乙 相关联 / opposing parties are linked"}) == "甲 与 乙 相关联"
    assert reason_of({"reason": "甲 / 乙 相关联"}) == "甲 / 乙 相关联"


def test_both_renderers_write_the_report() -> None:
    pytest.importorskip("reportlab")
    import docx

    from ipclue.reports import render

    report = _report()
    assert render(report, "pdf").startswith(b"%PDF")
    doc = docx.Document(io.BytesIO(render(report, "docx")))
    assert doc.paragraphs[0].text == "线索审查报告"
    assert any(p.text == "被告李琴宁销售侵权商品。" for p in doc.paragraphs)
