"""The report as PDF (reportlab platypus), set in the CJK TrueType font from ``fonts.cjk_font``."""

from __future__ import annotations

import io
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ipclue.reports import layout
from ipclue.reports.fonts import cjk_font
from ipclue.reports.model import FlagSection, Report
from ipclue.reports.picture import graph_png

FONT = "IpclueCJK"
WIDTH = A4[0] - 36 * mm


@cache
def _font() -> str:
    pdfmetrics.registerFont(TTFont(FONT, str(cjk_font()), subfontIndex=0))
    return FONT


def _style(size: float, **kw: object) -> ParagraphStyle:
    return ParagraphStyle(
        f"s{size}{sorted(kw)}", fontName=_font(), fontSize=size, leading=size * 1.5, wordWrap="CJK", **kw
    )


def _p(text: str, size: float = 10.5, **kw: object) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), _style(size, **kw))


def render_pdf(report: Report) -> bytes:
    """The whole report as PDF bytes."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=report.title,
        author=report.generated_by,
    )
    story: list[Flowable] = [_p(report.title, 20, alignment=TA_CENTER, spaceAfter=8)]
    story += [_kv(layout.meta_rows(report)), Spacer(1, 4 * mm), _p(layout.OPENING[report.kind])]
    for i, flag in enumerate(report.flags, 1):
        story += _flag(i, flag)
    footer = f"{report.title} · 生成于 {report.generated_at:%Y-%m-%d %H:%M} UTC · {report.generated_by}"
    doc.build(story, onFirstPage=_footer(footer), onLaterPages=_footer(footer))
    return buf.getvalue()


def _footer(text: str):  # type: ignore[no-untyped-def]
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.setFont(_font(), 8)
        canvas.drawString(18 * mm, 10 * mm, text)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"第 {doc.page} 页")

    return draw


def _flag(i: int, f: FlagSection) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 6 * mm), _p(f"{layout.numbered(i)}{f.title}", 15, spaceAfter=4)]
    out += [_kv(layout.rule_rows(f)), _h("当事人"), _grid(layout.party_table(f), (0.5, 0.15, 0.35))]
    out += [_h("线索理由"), _p(f.reason)]
    out += [_h("证据"), _grid(layout.evidence_table(f), (0.12, 0.26, 0.14, 0.48))]
    out += [_h("原文摘录"), *_quotes(f)]
    picture = graph_png(f.graph)
    if picture:
        out += [_h("证据关系图"), Image(io.BytesIO(picture), width=WIDTH, height=WIDTH * 10 / 16)]
    if f.resolutions:
        out += [_h("实体解析依据"), _grid(layout.resolution_table(f), (0.22, 0.2, 0.11, 0.2, 0.08, 0.19))]
    out += [_h("审查记录")]
    out += [_grid(layout.review_table(f), (0.2, 0.15, 0.12, 0.53))] if f.reviews else [_p("尚无审查记录。")]
    return out


def _h(text: str) -> Paragraph:
    return _p(text, 12.5, spaceBefore=8, spaceAfter=4, textColor=colors.HexColor("#1f3a5f"))


def _quotes(f: FlagSection) -> list[Flowable]:
    if not f.quotes:
        return [_p("证据文书原文不可读（文件缺失或已变更），未摘录。")]
    out: list[Flowable] = []
    for q in f.quotes:
        out.append(
            _p(
                layout.quote_caption(q.document, q.record, q.section, q.start, q.end),
                9,
                textColor=colors.HexColor("#555555"),
                spaceBefore=4,
            )
        )
        out.append(_p(q.text, 10, leftIndent=8 * mm, borderPadding=4, backColor=colors.HexColor("#f4f4f0")))
    return out


def _kv(rows: list[tuple[str, str]]) -> Table:
    return _table([[_p(k, 10), _p(v, 10)] for k, v in rows], (0.18, 0.82), header=False)


def _grid(rows: list[list[str]], widths: tuple[float, ...]) -> Table:
    return _table([[_p(c, 9) for c in row] for row in rows], widths, header=True)


def _table(cells: list[list[Paragraph]], widths: tuple[float, ...], *, header: bool) -> Table:
    table = Table(cells, colWidths=[w * WIDTH for w in widths], repeatRows=1 if header else 0)
    style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style.append(
        ("BACKGROUND", (0, 0), (-1 if header else 0, 0 if header else -1), colors.HexColor("#e8edf3"))
    )
    table.setStyle(TableStyle(style))
    return table
