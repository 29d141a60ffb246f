"""Referral / review reports (PDF, DOCX) and flag exports (CSV, XLSX) from a synthetic corpus on disk.

The corpus is generated once for the module (real files, so the reports can quote their paragraphs), ingested
and detected on the session graph; these tests only read it.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ipclue.graph.db import Graph
from ipclue.graph.schema import wipe
from tests.integration.test_api_support import auth, make_client

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")


@pytest.fixture(scope="module")
def seeded(graph_session: Graph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from ipclue.detect import run_detectors
    from ipclue.pipeline import ingest
    from ipclue.synth.generate import generate

    work = tmp_path_factory.mktemp("reports")
    wipe(graph_session)
    generate(work / "corpus", 60, 7)
    ingest(graph_session, [work / "corpus"], quarantine_dir=work / "quarantine")
    assert run_detectors(graph_session).hits > 0
    with make_client(graph_session, work) as client:
        yield client
    wipe(graph_session)


def _flags(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/api/v1/flags", params={"limit": 200, **params}, headers=auth("investigator"))
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


def _case_flag(client: TestClient) -> dict[str, Any]:
    """A flag whose evidence holds court cases read from text documents."""
    for f in _flags(client):
        detail = client.get(f"/api/v1/flags/{f['id']}", headers=auth("investigator")).json()
        if any(e.get("label") == "Case" and e.get("sections") for e in detail["evidence"]):
            return dict(detail)
    raise AssertionError("no flag with case evidence in the synthetic corpus")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


FOOTER = re.compile(r"^\f?(?:线索审查报告|线索移送函) · 生成于 .*$|^\f?第\s*\d+\s*页$")


def pdf_text(data: bytes, tmp: Path) -> str:
    """The PDF's text without the page footers (so a quote running over a page break reads as one)."""
    (tmp / "r.pdf").write_bytes(data)
    cmd = ["pdftotext", str(tmp / "r.pdf"), "-"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return "\n".join(line for line in out.splitlines() if not FOOTER.match(line))


def test_pdf_report_holds_case_numbers_quotes_and_graph(
    seeded: TestClient, graph_session: Graph, tmp_path: Path
) -> None:
    from ipclue.detect.store import get_flag
    from ipclue.reports.quotes import quotes_for

    flag = _case_flag(seeded)
    note = {"text": "请核实双方共同地址的租赁合同"}
    assert seeded.post(
        f"/api/v1/flags/{flag['id']}/comments", json=note, headers=auth("investigator")
    ).is_success
    r = seeded.get(
        f"/api/v1/flags/{flag['id']}/report", params={"format": "pdf"}, headers=auth("investigator")
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf" and r.content.startswith(b"%PDF")
    text = _flat(pdf_text(r.content, tmp_path))
    assert "线索审查报告" in text and flag["id"] in text and "investigator-user（侦查员）" in text
    cases = [e["key"] for e in flag["evidence"] if e.get("label") == "Case"]
    assert cases and all(_flat(c) in text for c in cases)
    # the stored evidence (the API shows clients file names only, never server paths)
    quotes = quotes_for(graph_session, get_flag(graph_session, flag["id"]).evidence)
    assert quotes
    for q in quotes:
        flat = _flat(q.text)
        assert flat in text, next(
            flat[max(0, n - 20) : n] for n in range(len(flat) + 1) if flat[:n] not in text
        )
    assert all(f"第{q.start}–{q.end}字" in text for q in quotes)
    assert _flat(note["text"]) in text
    for label in ("法律依据", "证据关系图", "实体解析依据", "审查记录"):
        assert label in text
    assert not re.search(r"\b(?:org|per)-[a-z0-9]{8,}", text), "evidence shows uids instead of names"


def test_docx_report_reads_back(seeded: TestClient) -> None:
    import docx

    flag = _case_flag(seeded)
    params = {"format": "docx", "kind": "referral"}
    r = seeded.get(f"/api/v1/flags/{flag['id']}/report", params=params, headers=auth("investigator"))
    assert r.status_code == 200, r.text
    doc = docx.Document(io.BytesIO(r.content))
    paragraphs = [p.text for p in doc.paragraphs]
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert paragraphs[0] == "线索移送函"
    assert all(e["key"] in cells for e in flag["evidence"] if e.get("label") == "Case")
    assert flag["id"] in cells and len(doc.inline_shapes) == 1


def test_selection_report_and_consumer_masking(seeded: TestClient, tmp_path: Path) -> None:
    ids = [f["id"] for f in _flags(seeded)[:3]]
    body = {"flags": ids, "format": "pdf", "kind": "review"}
    r = seeded.post("/api/v1/reports", json=body, headers=auth("consumer"))
    assert r.status_code == 200, r.text
    text = _flat(pdf_text(r.content, tmp_path))
    assert all(i in text for i in ids) and "已按阅读者角色脱敏" in text
    assert seeded.post("/api/v1/reports", json={"flags": []}, headers=auth("consumer")).status_code == 422
    missing = seeded.get("/api/v1/flags/flg-none/report", headers=auth("investigator"))
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(
        "application/problem+json"
    )
    assert seeded.get(f"/api/v1/flags/{ids[0]}/report", params={"format": "odt"}).status_code in (401, 422)


def test_flag_exports_follow_the_filters(seeded: TestClient) -> None:
    from openpyxl import load_workbook

    detector = _flags(seeded)[0]["detector"]
    expected = {f["id"] for f in _flags(seeded, detector=detector)}
    r = seeded.get("/api/v1/exports/flags", params={"detector": detector}, headers=auth("investigator"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("线索编号,规则") and {line.split(",")[0] for line in lines[1:]} == expected
    x = seeded.get(
        "/api/v1/exports/flags", params={"format": "xlsx", "detector": detector}, headers=auth("consumer")
    )
    book = load_workbook(io.BytesIO(x.content))
    assert {row[0] for row in book["线索"].iter_rows(min_row=2, values_only=True)} == expected
    assert ("规则", detector) in {tuple(row) for row in book["筛选条件"].iter_rows(values_only=True)}


@pytest.mark.parametrize("path", ["/api/v1/flags", "/api/v1/exports/flags"])
def test_a_bad_filter_is_refused_naming_its_query_parameter(seeded: TestClient, path: str) -> None:
    bad = {"severity": "huge", "since": "2020-01-01T00:00:00+15:00", "detector": "Not A Name"}
    r = seeded.get(path, params=bad, headers=auth("investigator"))
    assert r.status_code == 422
    named = sorted(e["loc"] for e in r.json()["errors"])
    assert named == [["query", n] for n in ("detector", "severity", "since")]
    ignored = seeded.get(path, params={"unknown": "x", "limit": 1}, headers=auth("investigator"))
    assert ignored.status_code == 200
