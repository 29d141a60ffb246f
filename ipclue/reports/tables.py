"""A flag list as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) or XLSX (openpyxl), with
the filters it was selected by."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any, Literal

from ipclue.api.masking import mask_text
from ipclue.cypher import query
from ipclue.detect import list_flags
from ipclue.graph.db import Graph
from ipclue.reports import words
from ipclue.reports.collect import reason_of
from ipclue.reports.masking import masked_name

TableFormat = Literal["csv", "xlsx"]
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
HEADER = [
    "线索编号",
    "规则",
    "版本",
    "类别",
    "风险等级",
    "评分",
    "状态",
    "当事人",
    "理由",
    "创建时间",
    "更新时间",
]
MAX_ROWS = 20_000
PAGE = 1000
FILTER_WORDS = {
    "detector": "规则",
    "family": "类别",
    "severity": "风险等级",
    "status": "状态",
    "party": "当事人",
    "since": "更新自",
    "until": "更新至",
}


def flag_rows(graph: Graph, filters: dict[str, Any], *, masked: bool) -> list[list[str]]:
    """Every flag the filters select (at most ``MAX_ROWS``), best score first, as table rows."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while len(items) < MAX_ROWS:
        page = list_flags(graph, **filters, limit=PAGE, cursor=cursor)
        items += [f.model_dump(mode="json") for f in page.items]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    uids = sorted({s["key"] for f in items for s in f["subjects"] if s["label"] == "Party"})
    names = {r["uid"]: r for r in graph.read(query("reports/names"), uids=uids)} if uids else {}
    return [_row(f, names, masked) for f in items[:MAX_ROWS]]


def _row(f: dict[str, Any], names: dict[str, dict[str, Any]], masked: bool) -> list[str]:
    parties = [_party(s["key"], names, masked) for s in f["subjects"] if s["label"] == "Party"]
    reason = reason_of(f)
    if masked:
        for uid in (s["key"] for s in f["subjects"] if s["label"] == "Party"):
            row = names.get(uid)
            if row and row["kind"] == "person" and row["name"]:
                reason = reason.replace(row["name"], masked_name(row["name"]))
        reason = mask_text(reason)
    return [
        f["id"],
        f["detector"],
        str(f["detector_version"]),
        f["family"],
        words.SEVERITY.get(f["severity"], f["severity"]),
        f"{f['score']:.4f}",
        words.STATUS.get(f["status"], f["status"]),
        "、".join(parties),
        reason,
        f["created_at"],
        f["updated_at"],
    ]


def _party(uid: str, names: dict[str, dict[str, Any]], masked: bool) -> str:
    row = names.get(uid)
    if row is None or not row["name"]:
        return uid
    return masked_name(row["name"]) if masked and row["kind"] == "person" else str(row["name"])


def filter_lines(filters: dict[str, Any]) -> list[tuple[str, str]]:
    return [(FILTER_WORDS.get(k, k), str(v)) for k, v in filters.items() if v is not None]


def flag_table(rows: list[list[str]], filters: dict[str, Any], fmt: TableFormat) -> bytes:
    """The rows with the header (CSV), or a 线索 sheet plus a 筛选条件 sheet (XLSX)."""
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerows([HEADER, *rows])
        return ("\ufeff" + buf.getvalue()).encode("utf-8")
    return _xlsx(rows, filters)


def _xlsx(rows: list[list[str]], filters: dict[str, Any]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "线索"
    sheet.append(HEADER)
    for row in rows:
        sheet.append([float(v) if i == 5 else int(v) if i == 2 else v for i, v in enumerate(row)])
    sheet.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJK", (26, 26, 6, 18, 8, 8, 8, 36, 80, 28, 28), strict=True):
        sheet.column_dimensions[col].width = width
    meta = book.create_sheet("筛选条件")
    meta.append(["条件", "值"])
    for line in filter_lines(filters) or [("（无）", "全部线索")]:
        meta.append(list(line))
    meta.append(["导出时间", datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")])
    meta.append(["行数", len(rows)])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
