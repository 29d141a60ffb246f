"""The report as DOCX (python-docx): the same sections as the PDF, as Word headings, tables and a picture."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ipclue.reports import layout
from ipclue.reports.model import FlagSection, Report
from ipclue.reports.picture import graph_png

EAST_ASIAN_FONT = "SimSun"


def render_docx(report: Report) -> bytes:
    """The whole report as DOCX bytes."""
    doc = Document()
    _fonts(doc)
    title = doc.add_heading(report.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _kv(doc, layout.meta_rows(report))
    doc.add_paragraph(layout.OPENING[report.kind])
    for i, flag in enumerate(report.flags, 1):
        _flag(doc, i, flag)
    doc.core_properties.title, doc.core_properties.author = report.title, report.generated_by
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _fonts(doc: DocxDocument) -> None:
    """East-Asian text in a CJK font (Word would otherwise pick a Latin one for the headings)."""
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        style = doc.styles[name]
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    doc.styles["Normal"].font.size = Pt(10.5)


def _flag(doc: DocxDocument, i: int, f: FlagSection) -> None:
    doc.add_heading(f"{layout.numbered(i)}{f.title}", level=1)
    _kv(doc, layout.rule_rows(f))
    _section(doc, "当事人", layout.party_table(f))
    doc.add_heading("线索理由", level=2)
    doc.add_paragraph(f.reason)
    _section(doc, "证据", layout.evidence_table(f))
    doc.add_heading("原文摘录", level=2)
    for q in f.quotes:
        doc.add_paragraph(layout.quote_caption(q.document, q.record, q.section, q.start, q.end)).runs[
            0
        ].italic = True
        doc.add_paragraph(q.text, style="Quote")
    if not f.quotes:
        doc.add_paragraph("证据文书原文不可读（文件缺失或已变更），未摘录。")
    picture = graph_png(f.graph)
    if picture:
        doc.add_heading("证据关系图", level=2)
        doc.add_picture(io.BytesIO(picture), width=Cm(16))
    if f.resolutions:
        _section(doc, "实体解析依据", layout.resolution_table(f))
    if f.reviews:
        _section(doc, "审查记录", layout.review_table(f))
    else:
        doc.add_heading("审查记录", level=2)
        doc.add_paragraph("尚无审查记录。")


def _section(doc: DocxDocument, heading: str, rows: list[list[str]]) -> None:
    doc.add_heading(heading, level=2)
    _rows(doc, rows)


def _kv(doc: DocxDocument, rows: list[tuple[str, str]]) -> None:
    _rows(doc, [list(r) for r in rows], header=False)


def _rows(doc: DocxDocument, rows: list[list[str]], *, header: bool = True) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            if (header and r == 0) or (not header and c == 0):
                for run in cell.paragraphs[0].runs:
                    run.bold = True
