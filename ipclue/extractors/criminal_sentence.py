"""The operative part of a criminal judgment, per defendant: charge, 有期徒刑 / 拘役, 缓刑, 罚金.

``判决如下：一、被告人X犯假冒注册商标罪，判处有期徒刑一年六个月，缓刑二年，并处罚金人民币七万元。``
Each item starts at 被告人 / 被告单位 + name + 犯…罪 and runs to the next item or the end of the
operative part; terms are read in months (一年六个月 → 18), fines in yuan. 数罪并罚 items are read
from their 决定执行 clause. Charges of fact texts without a ruling (CAIL redacts them as ××罪) are
inferred from the statutory wording of the facts and marked ``charge_inferred``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipclue.extractors.cn_numbers import MONEY_RE, cn_to_int, money_from_match
from ipclue.extractors.criminal_findings import working_text
from ipclue.models import Span

_RULING_RE = re.compile(r"判决如下[:：]?")
_END_RE = re.compile(r"如不服本判决|如不服本裁定|审\s*判\s*长|审\s*判\s*员")
_N = r"[一二两三四五六七八九十零〇\d]+"
_ITEM_RE = re.compile(r"被告(人|单位)\s*([^\s犯，,。；;:：、]{1,40}?)犯([\u4e00-\u9fa5、]{2,40}?罪)")
_PRISON_RE = re.compile(rf"有期徒刑\s*(?:({_N})\s*年)?\s*(?:零)?\s*(?:({_N})\s*个\s*月)?")
_DETENTION_RE = re.compile(rf"拘役\s*({_N})\s*个\s*月")
_PROBATION_RE = re.compile(rf"缓刑\s*(?:({_N})\s*年)?\s*(?:零)?\s*(?:({_N})\s*个\s*月)?")
_FINE_RE = re.compile(r"罚金\s*(?:人民币)?\s*" + MONEY_RE.pattern)
_EXEMPT_RE = re.compile(r"免予刑事处罚|免除刑事处罚")
_COMBINED_RE = re.compile(r"决定执行")
# The statutory wording of the facts → the charge (CAIL redacts 罪名 as ××罪).
_INFER: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"销售明知是假冒|明知是假冒注册商标的商品而?[^。]{0,6}销售"), "销售假冒注册商标的商品罪"),
    (re.compile(r"(?:伪造|擅自制造)[^。]{0,12}商标标识"), "非法制造、销售非法制造的注册商标标识罪"),
    (
        re.compile(
            r"同一种商品[^。]{0,6}使用与[^。]{0,8}注册商标相同的商标|假冒[^。]{0,80}?(?:商标|品牌|牌)"
            r"|未经[^。]{0,60}?商标[^。]{0,12}?(?:许可|授权)|商标(?:所有人|权利人|持有人)[^。]{0,30}?(?:假冒|侵权)"
        ),
        "假冒注册商标罪",
    ),
    (re.compile(r"假冒[^。]{0,10}专利"), "假冒专利罪"),
    (re.compile(r"盗版|侵权复制品|非法出版物|非法音像制品|未经著作权人许可"), "侵犯著作权罪"),
    (re.compile(r"[^。]{0,20}商标[^。]{0,20}"), "假冒注册商标罪"),  # a mark named in a criminal IP text
)


@dataclass(slots=True)
class SentenceItem:
    """One defendant's item of the operative part."""

    role: str  # 人 | 单位
    name: str
    charge: str
    charge_span: Span
    span: Span
    prison_months: int | None = None
    detention_months: int | None = None
    probation_months: int | None = None
    fine: float | None = None
    exempt: bool = False
    combined: bool = False


def ruling_start(text: str) -> int | None:
    """Offset of the last 判决如下 (the operative part), or None."""
    found = list(_RULING_RE.finditer(text))
    return found[-1].end() if found else None


def sentence_items(text: str) -> list[SentenceItem]:
    """Every 被告人/被告单位 X 犯…罪 item of the operative part, with its penalty."""
    work = working_text(text)
    start = ruling_start(work)
    if start is None:
        return []
    stop = _END_RE.search(work, start)
    end = stop.start() if stop else len(work)
    matches = list(_ITEM_RE.finditer(work, start, end))
    items = []
    for k, m in enumerate(matches):
        seg_end = matches[k + 1].start() if k + 1 < len(matches) else end
        items.append(_item(m, work[m.end() : seg_end], seg_end))
    return items


def _item(m: re.Match[str], rest: str, seg_end: int) -> SentenceItem:
    """The penalty read from one item's text (from 决定执行 when several charges are combined)."""
    combined = _COMBINED_RE.search(rest)
    terms = rest[combined.end() :] if combined else rest
    item = SentenceItem(m.group(1), m.group(2), m.group(3), m.span(3), (m.start(), seg_end))
    prison = _PRISON_RE.search(terms)
    item.prison_months = _months(prison) if prison else None
    detention = _DETENTION_RE.search(terms)
    item.detention_months = cn_to_int(detention.group(1)) if detention else None
    probation = _PROBATION_RE.search(terms)
    item.probation_months = _months(probation) if probation else None
    fines = [money_from_match(f) for f in _money(_FINE_RE.finditer(terms))]
    item.fine = sum(f for f in fines if f) if fines else None
    item.exempt = bool(_EXEMPT_RE.search(terms))
    item.combined = combined is not None
    return item


def _money(found: object) -> list[re.Match[str]]:
    """The money sub-match of each keyed 罚金 match."""
    out = []
    for m in found:  # type: ignore[attr-defined]
        inner = MONEY_RE.search(m.group(0), m.group(0).find("罚金") + 2)
        if inner:
            out.append(inner)
    return out


def _months(m: re.Match[str]) -> int | None:
    """一年六个月 → 18; None when neither part is written."""
    years = cn_to_int(m.group(1)) if m.group(1) else 0
    months = cn_to_int(m.group(2)) if m.group(2) else 0
    total = (years or 0) * 12 + (months or 0)
    return total or None


def infer_charge(text: str) -> tuple[str, Span] | None:
    """The charge the facts' statutory wording describes, with the offsets of that wording."""
    for rx, charge in _INFER:
        m = rx.search(text)
        if m:
            return charge, m.span()
    return None
