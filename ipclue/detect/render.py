"""Reasons as templates: a detector returns facts, its header names the wording, Python renders it.

A detector's ``reason`` column may be a map of facts (who, which cases, which link, which amounts,
which law) instead of a sentence. Its header then carries ``reason_zh`` (required) and
``reason_en`` (optional): Jinja2 templates, rendered in a sandbox over the facts, with filters
that translate the enum values the graph stores (``outcome``, ``role``, ``enum``) and format
amounts (``yuan``), dates and lists (``join_zh``). A plain string ``reason`` (the older file
format) is kept as it is, so detector files written before templates still load and old flags
stay readable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

Lang = str  # "zh" | "en"

# Outcomes read by instance: a second-instance "upheld" is 维持原判, a first-instance one 判决支持.
OUTCOMES: dict[str, dict[str, tuple[str, str]]] = {
    "first": {
        "upheld": ("判决支持", "claims upheld"),
        "partly_upheld": ("部分支持", "claims partly upheld"),
        "dismissed": ("驳回诉讼请求", "claims dismissed"),
        "withdrawn": ("撤诉", "withdrawn"),
        "mediated": ("调解", "mediated"),
        "reversed": ("改判", "reversed"),
        "convicted": ("有罪判决", "convicted"),
        "acquitted": ("宣告无罪", "acquitted"),
        "other": ("其他", "other"),
    },
    "second": {
        "upheld": ("维持原判", "judgment affirmed"),
        "partly_upheld": ("部分改判", "judgment partly revised"),
        "dismissed": ("驳回上诉", "appeal dismissed"),
        "reversed": ("改判", "judgment reversed"),
    },
}
OUTCOMES["retrial"] = OUTCOMES["second"]

ROLES: dict[str, tuple[str, str]] = {
    "plaintiff": ("原告", "plaintiff"),
    "defendant": ("被告", "defendant"),
    "third_party": ("第三人", "third party"),
    "appellant": ("上诉人", "appellant"),
    "appellee": ("被上诉人", "appellee"),
    "retrial_applicant": ("再审申请人", "retrial applicant"),
    "retrial_respondent": ("被申请人", "retrial respondent"),  # as 再审 judgments write it
    "original_party": ("原审当事人", "original party"),
    "prosecutor": ("公诉机关", "prosecutor"),
    "accused": ("被告人", "accused"),
    "accused_unit": ("被告单位", "accused unit"),
    "other": ("其他", "other"),
}

# Other stored enum values that reach a reason (link kinds, event kinds, law sets).
ENUMS: dict[str, tuple[str, str]] = {
    "legal_rep": ("同一法定代表人", "same legal representative"),
    "shared_address": ("共同地址", "shared address"),
    "shared_phone": ("共同电话", "shared phone"),
    "shared_email": ("共同邮箱", "shared email"),
    "same_agent": ("同一代理人", "same agent"),
    "same_firm": ("同一律师事务所", "same law firm"),
    "LEGAL_REP_OF": ("法定代表人", "legal representative"),
    "SHAREHOLDER_OF": ("股东", "shareholder"),
    "OFFICER_OF": ("任职", "officer"),
    "BRANCH_OF": ("分支机构", "branch"),
    "LOCATED_AT": ("地址", "address"),
    "HAS_PHONE": ("电话", "phone"),
    "HAS_EMAIL": ("邮箱", "email"),
    "LINKED": ("关联", "linked"),
    "POSSIBLY_SAME": ("可能同一人", "possibly the same person"),
    "judgment": ("判决", "judgment"),
    "penalty": ("行政处罚", "administrative penalty"),
    "trademark": ("商标", "trademark"),
    "patent": ("专利", "patent"),
    "invention": ("发明专利", "invention patent"),
    "utility": ("实用新型", "utility model"),
    "design": ("外观设计", "design patent"),
    "identical": ("文字相同", "identical text"),
    "pinyin": ("读音相同", "same pinyin"),
    "contains": ("包含在先商标", "contains the earlier mark"),
    "chars": ("字形近似", "similar characters"),
    "pinyin-fuzzy": ("读音近似", "similar pinyin"),
}


class TemplateError(ValueError):
    """A reason template that does not compile, or does not render over a detector's facts."""


def _pick(pair: tuple[str, str] | None, lang: Lang, fallback: str) -> str:
    if pair is None:
        return fallback
    return pair[0] if lang == "zh" else pair[1]


def outcome_text(outcome: str | None, instance: str | None = None, lang: Lang = "zh") -> str:
    """An outcome in words, read by instance (维持原判 only on appeal)."""
    if not outcome:
        return "结果不详" if lang == "zh" else "outcome unknown"
    table = OUTCOMES.get(instance or "first", OUTCOMES["first"])
    return _pick(table.get(outcome) or OUTCOMES["first"].get(outcome), lang, outcome)


def role_text(role: str | None, lang: Lang = "zh") -> str:
    return _pick(ROLES.get(role or ""), lang, role or "")


def enum_text(value: Any, lang: Lang = "zh") -> str:
    return _pick(ENUMS.get(str(value)), lang, str(value))


def yuan(value: Any, lang: Lang = "zh") -> str:
    """An amount in yuan as a prosecutor writes it: 12.5万元 / 3,000元 (CNY 125,000 in English)."""
    if value is None:
        return "金额不详" if lang == "zh" else "amount unknown"
    amount = float(value)
    if lang != "zh":
        return f"CNY {amount:,.0f}"
    if abs(amount) >= 10000:
        return f"{amount / 10000:,.2f}".rstrip("0").rstrip(".") + "万元"
    return f"{amount:,.0f}元"


def yes_no(value: Any, lang: Lang = "zh") -> str:
    return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")


def link_path(hops: Iterable[Mapping[str, Any]] | None, lang: Lang = "zh") -> str:
    """A path between two parties in words: a derived link by its kind (共同地址「…」), two hops
    around one node by that node (同一股东「母集团」, 法定代表人/股东「张三」), a lone hop by its type.

    Each hop is ``{type, via, through, to, to_party}``: the relationship type, a derived link's
    kind and value, and the node the hop reaches (its name or value; whether it is a party)."""
    steps = list(hops or [])
    parts: list[str] = []
    i = 0
    while i < len(steps):
        hop, nxt = steps[i], steps[i + 1] if i + 1 < len(steps) else None
        if hop.get("via"):
            parts.append(_derived(hop, lang))
        elif nxt is not None and not nxt.get("via"):
            parts.append(_around(hop, nxt, lang))
            i += 1
        else:
            parts.append(enum_text(hop.get("type"), lang))
        i += 1
    return ("、" if lang == "zh" else ", ").join(parts)


def _quoted(value: Any, lang: Lang) -> str:
    return f"「{value}」" if lang == "zh" else f" “{value}”"


def _derived(hop: Mapping[str, Any], lang: Lang) -> str:
    via = str(hop.get("via"))
    shown = via.startswith("shared_") and hop.get("through")
    return enum_text(via, lang) + (_quoted(hop["through"], lang) if shown else "")


def _around(hop: Mapping[str, Any], nxt: Mapping[str, Any], lang: Lang) -> str:
    first, second = enum_text(hop.get("type"), lang), enum_text(nxt.get("type"), lang)
    if hop.get("type") != nxt.get("type"):
        word = f"{first}/{second}"
    elif lang == "zh":
        word = ("同一" if hop.get("to_party") else "共同") + first
    else:
        word = ("same " if hop.get("to_party") else "shared ") + first
    return word + _quoted(hop.get("to"), lang)


def case_text(case: Mapping[str, Any], lang: Lang = "zh") -> str:
    """A case number with its outcome in words: (2022)某01民初1号（调解）."""
    outcome = case.get("outcome")
    if not outcome:
        return str(case.get("case_no"))
    words = outcome_text(str(outcome), case.get("instance"), lang)
    return f"{case.get('case_no')}（{words}）" if lang == "zh" else f"{case.get('case_no')} ({words})"


def join_text(values: Iterable[Any] | None, lang: Lang = "zh", limit: int = 0) -> str:
    items = [str(v) for v in (values or []) if v is not None and str(v) != ""]
    more = len(items) - limit if limit and len(items) > limit else 0
    shown = items[:limit] if more else items
    sep = "、" if lang == "zh" else ", "
    tail = (f"等 {len(items)} 项" if lang == "zh" else f" and {more} more") if more else ""
    return sep.join(shown) + tail


@cache
def _environment(lang: Lang) -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.filters.update(
        outcome=lambda v, instance=None: outcome_text(v, instance, lang),
        role=lambda v: role_text(v, lang),
        enum=lambda v: enum_text(v, lang),
        yuan=lambda v: yuan(v, lang),
        join_zh=lambda v, limit=0: join_text(v, lang, limit),
        pct=lambda v: f"{round(100 * float(v))}%",
        yes_no=lambda v: yes_no(v, lang),
        link_path=lambda v: link_path(v, lang),
        case=lambda v: case_text(v, lang),
        cases=lambda v, limit=0: join_text([case_text(c, lang) for c in v or []], lang, limit),
    )
    return env


def check_template(text: str, lang: Lang = "zh") -> None:
    """Raise TemplateError when ``text`` is not a valid template (catalog load time)."""
    try:
        _environment(lang).from_string(text)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"reason_{lang} line {exc.lineno}: {exc.message}") from exc


def render(text: str, facts: Mapping[str, Any], lang: Lang = "zh") -> str:
    """The template over the facts; a fact the template needs but the row lacks is an error."""
    try:
        return " ".join(_environment(lang).from_string(text).render(**facts).split())
    except UndefinedError as exc:
        raise TemplateError(f"reason_{lang}: {exc.message}") from exc
