"""The report's structure shared by the PDF and the DOCX: headings, the key/value block and the tables."""

from __future__ import annotations

from ipclue.reports import words
from ipclue.reports.model import FlagSection, Report

NUMERALS = "一二三四五六七八九十"
OPENING = {
    "review": "本报告汇总下列线索的研判依据、证据及审查情况，供审查参考。"
    "所列线索为数据比对结果，需经核实方可作为认定依据。",
    "referral": "经知识产权大数据比对研判，发现下列线索，现予移送，请依法审查处理并反馈处理结果。"
    "所列线索需经核实方可作为认定依据。",
}


def numbered(i: int) -> str:
    """1 → 一、 … 10 → 十、; beyond ten, Arabic numerals."""
    return f"{NUMERALS[i - 1]}、" if 1 <= i <= len(NUMERALS) else f"{i}、"


def meta_rows(report: Report) -> list[tuple[str, str]]:
    stamp = report.generated_at.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
    rows = [
        ("生成时间", stamp),
        ("生成人", f"{report.generated_by}（{words.READERS.get(report.role, report.role)}）"),
        ("线索数", str(len(report.flags))),
    ]
    if report.masked:
        rows.append(("个人信息", "已按阅读者角色脱敏"))
    return rows


def rule_rows(f: FlagSection) -> list[tuple[str, str]]:
    return [
        ("线索编号", f.id),
        ("规则", f"{f.detector}（第 {f.version} 版）"),
        ("法律依据", f.legal_basis or "—"),
        ("风险等级", words.SEVERITY.get(f.severity, f.severity)),
        ("评分", f"{f.score:.2f}"),
        ("状态", words.STATUS.get(f.status, f.status)),
    ]


def party_table(f: FlagSection) -> list[list[str]]:
    head = ["名称", "类型", "统一社会信用代码"]
    return [head, *([p.name, words.KIND.get(p.kind or "", "—"), p.uscc or "—"] for p in f.parties)]


def evidence_table(f: FlagSection) -> list[list[str]]:
    head = ["类型", "编号 / 名称", "日期", "要点"]
    return [head, *([e.what, e.key, e.date or "—", e.detail or "—"] for e in f.evidence)]


def resolution_table(f: FlagSection) -> list[list[str]]:
    head = ["当事人", "原文写法", "角色", "解析规则", "分值", "文档"]
    return [
        head,
        *(
            [
                r.party,
                r.mention,
                words.ROLES.get(r.role or "", r.role or "—"),
                r.rule or "—",
                "—" if r.score is None else f"{r.score:.2f}",
                (r.document or "—").rsplit("/", 1)[-1],
            ]
            for r in f.resolutions
        ),
    ]


def review_table(f: FlagSection) -> list[list[str]]:
    head = ["时间", "审查人", "状态", "意见"]
    return [head, *([r.at, r.by, words.STATUS.get(r.status, r.status), r.note or "—"] for r in f.reviews)]


def quote_caption(document: str, record: str | None, section: str, start: int, end: int) -> str:
    where = f"案号 {record}，" if record else ""
    return f"《{document}》{where}{section}部分，第 {start}–{end} 字"
