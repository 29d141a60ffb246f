"""One evidence sentence per path hop, in Chinese, naming both ends and what the relationship says."""

from __future__ import annotations

from typing import Any

from ipclue.detect.render import ROLES

ROLE_WORDS = {role: zh for role, (zh, _en) in ROLES.items()}


def name_of(node: dict[str, Any]) -> str:
    return str(node.get("name") or node.get("key") or node.get("id") or "")


def hop_sentence(kind: str, start: dict[str, Any], end: dict[str, Any], props: dict[str, Any]) -> str:
    """``kind`` runs from ``start`` to ``end`` (the stored direction, whatever way the path walks it)."""
    a, b = name_of(start), name_of(end)
    role = str(props.get("role_text") or ROLE_WORDS.get(str(props.get("role") or ""), "当事人"))
    sentences = {
        "PARTY_TO": f"{a} 是 {b} 的{role}",
        "REPRESENTED_BY": f"{a} 由 {b} 代理",
        "LEGAL_REP_OF": f"{a} 是 {b} 的法定代表人",
        "SHAREHOLDER_OF": f"{a} 是 {b} 的股东"
        + (f"（持股 {props['pct']}%）" if props.get("pct") is not None else ""),
        "OFFICER_OF": f"{a} 在 {b} 任{props.get('title') or '高管'}",
        "HAS_PHONE": f"{a} 登记的电话为 {b}",
        "HAS_EMAIL": f"{a} 登记的邮箱为 {b}",
        "LOCATED_AT": f"{a} 的住所地为 {b}",
        "APPLIED_FOR": f"{a} 申请了 {b}",
        "OWNS": f"{a} 持有 {b}",
        "ASSIGNED": f"{a} 转让了 {b}",
        "FILED_VIA": f"{a} 经 {b} 代理申请",
        "INVENTOR_OF": f"{a} 是 {b} 的发明人",
        "PENALISED_IN": f"{a} 在 {b} 中受到行政处罚",
        "MENTIONED_IN": f"{a} 在 {b} 的文书正文中被提及",
        "CONCERNS": f"{a} 涉及 {b}",
        "APPEAL_OF": f"{a} 是 {b} 的上诉审",
        "BRANCH_OF": f"{a} 是 {b} 的分支机构",
        "MEMBER_OF": f"{a} 是 {b} 的成员",
        "SIMILAR_TO": f"{a} 与 {b} 近似",
        "POSSIBLY_SAME": f"{a} 与 {b} 疑似同一主体（待确认）",
    }
    return sentences.get(kind, f"{a} 与 {b} 存在 {kind} 关系")
