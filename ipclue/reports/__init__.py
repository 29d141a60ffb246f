"""Reports a prosecutor hands on: 线索审查报告 / 线索移送函 as PDF or DOCX, and flag lists as CSV or XLSX.

build_report(graph, flag_ids, kind=, who=, role=) -> Report   (consumers get it masked)
render(report, fmt) -> (bytes, media type, file suffix)
flag_table(rows, filters, fmt) -> (bytes, media type, file suffix)
"""

from __future__ import annotations

from typing import Literal

from ipclue.reports.collect import build_report, reason_of
from ipclue.reports.model import Kind, Report

ReportFormat = Literal["pdf", "docx"]
MEDIA = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(report: Report, fmt: ReportFormat) -> bytes:
    """The report in ``fmt``."""
    if fmt == "pdf":
        from ipclue.reports.pdf import render_pdf

        return render_pdf(report)
    from ipclue.reports.word import render_docx

    return render_docx(report)


__all__ = ["MEDIA", "Kind", "Report", "ReportFormat", "build_report", "reason_of", "render"]
