"""Facts a civil court found (查明 / 本院认为) that may show a crime: counterfeiting and its amounts.

Only what the court found counts: a sentence that reports a claim, an allegation, a defence, the
purpose of an evidence item (证明…), or damages (赔偿 / 索赔) is skipped, and so is a sentence about
the right holder's own business (原告的销售额 proves fame, not an offence). An amount is kept only
when its sentence is about the infringing conduct (被告 / 侵权 / 假冒 / 被控 / 涉案 / 查获 …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ipclue.extractors.cn_numbers import MONEY_RE, money_from_match
from ipclue.extractors.judgment_header import Span
from ipclue.models import Amounts, Finding, FindingKind
from ipclue.normalize import to_halfwidth

FACT_SECTIONS = ("查明", "认为")
_SENTENCE_RE = re.compile(r"[^。；;\n]+[。；;]?")
# 商标法第五十七条第（一）项 wording, or 假冒 goods / marks, as the court's own finding.
_COUNTERFEIT_RE = re.compile(
    r"同一种商品[^。；;]{0,40}?相同(?:的)?(?:注册)?商标|相同(?:的)?(?:注册)?商标[^。；;]{0,30}?同一种商品"
    r"|与[^。；;]{0,30}?(?:注册)?商标(?:标识)?(?:完全)?相同|假冒(?:注册商标|[^。；;，,]{0,12}?(?:商品|产品|商标|标识))"
)
_NEGATION_RE = re.compile(
    r"虽然|虽|不构成|不属于|并非|不相同|不是|不能认定|无法认定|不足以|不存在|未使用|没有使用|否认"
)
_REPORTED_RE = re.compile(r"证明|主张|诉称|辩称|声称|认为其|请求|赔偿|索赔|诉请|要求")
_ALLEGED_RE = re.compile(r"证明|主张|诉称|辩称|声称|认为其|称")
_CONDUCT_RE = re.compile(r"被告|侵权|假冒|被控|被诉|涉案|查获|扣押|扣留|查封|当事人|侵犯")
_OWN_BUSINESS_RE = re.compile(r"原告(?:的|公司|及其|在)?[^。；;，,]{0,12}?(?:销售|营业|收入)")
_AMOUNT_RES: dict[FindingKind, re.Pattern[str]] = {
    "illegal_revenue": re.compile(r"非法经营(?:数额|额|金额)"),
    "illegal_gain": re.compile(r"违法所得|非法获利|非法所得"),
    "sales_amount": re.compile(r"销售(?:金额|额|收入|数额|款)|营业额"),
    "stock_value": re.compile(r"(?:货值|价值)(?:金额)?"),
}
_STOCK_CONTEXT_RE = re.compile(r"查获|扣押|扣留|查封|库存|现场|尚未(?:售出|销售)|未销售|仓库")
_CRIMINAL_RE = re.compile(
    r"刑事判决|刑事裁定|刑[初终]字|提起公诉|犯[\u4e00-\u9fa5、]{2,20}罪|刑事拘留|移送公安|公安机关立案"
)
_GAP = r"[^。；;，,]{0,16}?"
# An approximate amount (上千万元, 数万元) is not a found figure; a currency worth less than the yuan
# is skipped,
# one worth more (美元, 欧元, 英镑) is kept as its number: a lower bound in yuan.
_VAGUE_RE = re.compile(r"[上数几近]$")
_WEAK_CURRENCY_RE = re.compile(r"日元|韩元|卢布|台币|日圆")


def civil_findings(text: str, sections: dict[str, Span], spans: list[Span]) -> list[Finding]:
    """Counterfeiting, amounts and recited criminal cases in the fact sections, with offsets."""
    found: list[Finding] = []
    for start, end in _paragraphs_in(sections, spans):
        para = text[start:end]
        for sentence in _SENTENCE_RE.findall(para):
            found.extend(_sentence_findings(sentence.strip(), (start, end)))
    return found


def _paragraphs_in(sections: dict[str, Span], spans: list[Span]) -> Iterator[Span]:
    """Paragraph spans inside the fact sections (查明, 本院认为), clipped to them."""
    for key in FACT_SECTIONS:
        if key not in sections:
            continue
        lo, hi = sections[key]
        for a, b in spans:
            if b > lo and a < hi:
                yield max(a, lo), min(b, hi)


def _sentence_findings(sentence: str, span: Span) -> Iterator[Finding]:
    """What one sentence states as found."""
    quote = sentence[:300]
    if _CRIMINAL_RE.search(sentence):
        yield Finding(kind="criminal_case", span=span, quote=quote)
    alleged = _ALLEGED_RE.search(sentence)
    if not alleged and _COUNTERFEIT_RE.search(sentence) and not _NEGATION_RE.search(sentence):
        yield Finding(kind="counterfeit", span=span, quote=quote)
    if alleged or _REPORTED_RE.search(sentence):
        return
    if _CONDUCT_RE.search(sentence) and not _OWN_BUSINESS_RE.search(sentence):
        yield from _amounts(sentence, span, quote)


def _amounts(sentence: str, span: Span, quote: str) -> Iterator[Finding]:
    """Each amount kind stated in the sentence: the keyword, then an amount within a clause."""
    half = to_halfwidth(sentence)
    for kind, rx in _AMOUNT_RES.items():
        if kind == "stock_value" and not _STOCK_CONTEXT_RE.search(half):
            continue
        for m in re.finditer(
            rf"(?:{rx.pattern}){_GAP}(?:为|达|共计|合计|计|约)?{_GAP}" + MONEY_RE.pattern, half
        ):
            inner = MONEY_RE.search(m.group(0))
            if inner is None or _VAGUE_RE.search(half[: m.start() + inner.start()]):
                continue
            if _WEAK_CURRENCY_RE.search(m.group(0)):
                continue
            value = money_from_match(inner)
            if value:
                yield Finding(kind=kind, value=value, span=span, quote=quote)
                break


def found_amounts(findings: list[Finding], base: Amounts) -> Amounts:
    """The largest amount found of each criminal kind, added to the claimed / awarded amounts."""

    def top(kind: FindingKind) -> float | None:
        values = [f.value for f in findings if f.kind == kind and f.value]
        return max(values) if values else None

    return base.model_copy(
        update={
            "illegal_revenue": top("illegal_revenue"),
            "illegal_gain": top("illegal_gain"),
            "sales_amount": top("sales_amount"),
        }
    )
