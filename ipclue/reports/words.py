"""The Chinese words a report uses for labels, relationship types, evidence fields and enum values.

One table per kind, so the wording engine's translations (issue 19 item 2) can replace these in one place.
"""

from __future__ import annotations

from ipclue.detect.render import ROLES as RENDER_ROLES

LABELS = {
    "Party": "当事人",
    "Case": "案件",
    "Trademark": "商标",
    "Patent": "专利",
    "Copyright": "著作权",
    "Penalty": "行政处罚",
    "Address": "地址",
    "Phone": "电话",
    "Email": "邮箱",
    "LINKED": "关联关系",
}
RELATIONS = {
    "PARTY_TO": "涉案",
    "REPRESENTED_BY": "代理",
    "LEGAL_REP_OF": "法定代表人",
    "SHAREHOLDER_OF": "股东",
    "OFFICER_OF": "任职",
    "APPLIED_FOR": "申请",
    "OWNS": "持有",
    "ASSIGNED": "转让",
    "FILED_VIA": "代理机构",
    "PENALISED_IN": "被处罚",
    "CONCERNS": "涉及",
    "APPEAL_OF": "上诉",
    "SIMILAR_TO": "近似",
    "LOCATED_AT": "地址",
    "HAS_PHONE": "电话",
    "HAS_EMAIL": "邮箱",
    "INVENTOR_OF": "发明人",
    "MEMBER_OF": "成员",
    "BRANCH_OF": "分支机构",
    "MENTIONED_IN": "文中提及",
    "LINKED": "关联",
    "POSSIBLY_SAME": "疑似同一",
}
FIELDS = {
    "outcome": "结果",
    "claimed": "诉请金额（元）",
    "awarded": "判赔金额（元）",
    "plaintiff": "原告",
    "defendant": "被告",
    "defendants": "被告",
    "parties": "当事人",
    "link": "关联双方",
    "ties": "关联纽带",
    "detail": "说明",
    "via": "关联方式",
    "same_agent": "同一代理人",
    "shared_agents": "共同代理人",
    "absent_defendant": "被告缺席",
    "right_obtained_shortly_before": "起诉前不久取得权利",
    "illegal_revenue": "非法经营数额（元）",
    "illegal_gain": "违法所得（元）",
    "sales_amount": "销售金额（元）",
    "n_marks": "涉及商标数",
    "threshold_revenue": "经营数额标准（元）",
    "threshold_gain": "违法所得标准（元）",
    "threshold_law": "追诉标准依据",
    "threshold_unverified": "标准待核实",
    "transferred_to_police": "已移送公安",
    "mark": "商标",
    "filed_on": "申请日",
    "score": "分值",
}
SKIPPED = frozenset({"label", "key", "source", "sources", "path", "sections", "decided_on", "threshold_set"})
VALUES = {
    "upheld": "判决支持",
    "partly_upheld": "部分支持",
    "dismissed": "驳回",
    "withdrawn": "撤诉",
    "mediated": "调解",
    "reversed": "改判",
    "convicted": "有罪",
    "acquitted": "无罪",
    "other": "其他",
    "shared_address": "共同地址",
    "shared_phone": "共同电话",
    "shared_email": "共同邮箱",
    "legal_rep": "同一法定代表人",
    "same_agent": "同一代理人",
    "same_firm": "同一律所",
}
ROLES = {role: zh for role, (zh, _en) in RENDER_ROLES.items()}
READERS = {"investigator": "侦查员", "supervisor": "监督员", "consumer": "只读用户", "admin": "管理员"}
STATUS = {
    "new": "新线索",
    "reviewing": "审查中",
    "confirmed": "已确认",
    "dismissed": "已排除",
    "referred": "已移送",
}
SEVERITY = {"low": "低", "medium": "中", "high": "高", "critical": "严重"}
KIND = {"org": "单位", "person": "自然人"}
SECTIONS = {
    "party": "当事人",
    "investigation": "调查经过",
    "facts": "违法事实",
    "evidence": "证据",
    "basis": "处罚依据",
    "decision": "处罚决定",
}
# Which sections of a document are quoted, by preference (judgments: Chinese names; penalties: English).
QUOTED_SECTIONS = ("查明", "facts", "认为", "判决", "decision", "当事人", "party")
ENGLISH_DETAIL = {
    "same address": "共同地址",
    "same phone": "共同电话",
    "same email": "共同邮箱",
    "same legal representative": "同一法定代表人",
}


def value_word(value: str) -> str:
    """An enum value in Chinese, or the value itself when it is not an enum."""
    return VALUES.get(value, value)


def detail_text(text: str) -> str:
    """Derived-link details written in English by the loader ("same address X") in Chinese."""
    for english, chinese in ENGLISH_DETAIL.items():
        if text.startswith(english):
            return chinese + text[len(english) :]
    return text
