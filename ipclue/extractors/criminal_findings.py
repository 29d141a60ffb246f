"""Findings of a criminal judgment's facts: amounts, offence period, mitigation, co-offenders.

Every finding keeps its character offsets into the document text. The text is matched in a
half-width copy (full-width digits and commas become ASCII one for one, so offsets do not move).
Amounts inside 经审理查明 / 本院认为 are the court's (``found_by="court"``); a text that has only
公诉机关指控 (most CAIL fact sections) yields the prosecution's figures, marked as such.
"""

from __future__ import annotations

import re
from datetime import date

from ipclue.extractors.cn_numbers import MONEY_RE, make_date, money_from_match
from ipclue.models import CoOffender, CrimeAmount, CrimeAmountKind, Mitigation, MitigationFinding, Span
from ipclue.normalize import to_halfwidth

_GAP = r"[^。；;，,]{0,16}?"
_AMOUNT_RES: dict[CrimeAmountKind, re.Pattern[str]] = {
    "illegal_revenue": re.compile(r"(?:非法经营(?:数额|额|金额)|经营(?:数)?额)" + _GAP + MONEY_RE.pattern),
    "illegal_gain": re.compile(r"(?:违法所得(?:数额)?|非法获利|获利|牟利)" + _GAP + MONEY_RE.pattern),
    "sales_amount": re.compile(
        r"(?:销售(?:金额|额|数额)|销售[^。；;，,]{0,20}?金额|销售款(?:项)?|货款|得赃款|售价款)"
        + _GAP
        + MONEY_RE.pattern
    ),
    "goods_value": re.compile(r"(?:货值(?:金额)?|价值|总价格|价格合计)" + _GAP + MONEY_RE.pattern),
}
_NOT_AMOUNT_RE = re.compile(r"每(?:张|箱|瓶|件|套|个|只|台|桶)|罚金|赔偿")
_COURT_RE = re.compile(r"经审理查明|本院查明|审理查明|查明[:：]|本院认为|并经本院审理查明")
_SENTENCE_RE = re.compile(r"[^。；;]+[。；;]?")
_YM = r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?"
_PERIOD_RE = re.compile(rf"{_YM}(?:[^。；;，,]{{0,6}}?(?:至|到|—|-|～|~)\s*(?:{_YM}|案发|今))?")
_FACTS_RE = re.compile(r"(?<!起诉书)指控|经审理查明|审理查明|本院查明")
_MITIGATION_RES: dict[Mitigation, re.Pattern[str]] = {
    "自首": re.compile(r"自首|主动[^。；;，,]{0,16}?投案|到[^。；;，,]{0,16}?(?:投案|自首)|投案"),
    "立功": re.compile(r"立功"),
    "从犯": re.compile(r"从犯|次要作用|辅助作用"),
    "坦白": re.compile(r"坦白|如实供述|如实交代"),
    "认罪认罚": re.compile(r"认罪认罚"),
    "退赃": re.compile(r"退赃|退缴|退赔|退出[^。；;，,]{0,6}?(?:违法所得|赃款)|退还[^。；;，,]{0,6}?赃"),
}
_NEGATION_RE = re.compile(
    r"(?:无|没有|不构成|不属于?|不能认定为?|不予认定|不具有|不成立|未|否认)[^。；;，,]{0,4}$"
)
_STATUS = (
    r"另案处理|另行处理|另处理|另案起诉|另案侦查|另案审理|在逃|"
    r"已判决|已判刑|已被判刑|已起诉|已被起诉|已另案判决"
)
_CO_RE = re.compile(rf"[（(](?:均|另|已)?\s*({_STATUS})[^）)]{{0,8}}[）)]")
_LEAD_RE = re.compile(
    r"^.*(?:伙同|纠集|雇请|雇佣|雇用|聘请|通过|卖给|销售给|售给|出售给|交给|同案人|同案犯|犯罪嫌疑人|被告人|人员|给|与|和|同|及|由|将)"
)
_PERSON_RE = re.compile(
    r"^[\u4e00-\u9fa5]{1,3}(?:某{1,2}|×+\d{0,2}|[×xX]\d|小姐|先生)?[\u4e00-\u9fa5甲乙丙丁\d]{0,2}$"
)
ANON_RE = re.compile(r"某|×|＊|\*|小姐|先生")
_QUOTE = r"[“\"][^”\"“。，,；]{1,20}[”\"]"
_QUOTED_LIST_RE = re.compile(rf"((?:{_QUOTE}\s*[、和及与]?\s*)+)(?=[^。；;，,]{{0,8}}?(?:商标|牌|品牌|标识))")
_QUOTED_RE = re.compile(r"[“\"]([^”\"“。，,；]{1,20})[”\"]")


def working_text(text: str) -> str:
    """The half-width, same-length copy the rules read (万多元 read as 万余元)."""
    return to_halfwidth(text).replace("多元", "余元")


def court_start(text: str) -> int | None:
    """Where the court's own findings start (经审理查明 / 本院认为), or None for a 指控-only text."""
    m = _COURT_RE.search(text)
    return m.start() if m else None


def sentences(text: str) -> list[tuple[int, str]]:
    """Sentences split at 。；, with their start offsets."""
    return [(m.start(), m.group(0)) for m in _SENTENCE_RE.finditer(text)]


def _who(sentence: str, names: list[str], at: int = -1) -> str | None:
    """The defendant a sentence names: the last one named before offset ``at`` (else the first named)."""
    before = [(sentence.rfind(n, 0, at), n) for n in names if n and at > 0 and sentence.rfind(n, 0, at) >= 0]
    if before:
        return max(before)[1]
    hits = [(sentence.find(n), n) for n in names if n and n in sentence]
    return min(hits)[1] if hits else None


def crime_amounts(text: str, names: list[str], ruling_at: int | None) -> list[CrimeAmount]:
    """Every keyed amount before the operative part, with kind, offsets, court or prosecution, and who."""
    work = working_text(text)
    court = court_start(work)
    out: list[CrimeAmount] = []
    end = ruling_at if ruling_at is not None else len(work)
    for pos, sent in sentences(work[:end]):
        for kind, rx in _AMOUNT_RES.items():
            for m in rx.finditer(sent):
                amount = _amount(m, kind, pos, court, _who(sent, names, m.start()))
                if amount is not None and not _NOT_AMOUNT_RE.search(sent[max(0, m.start() - 4) : m.end()]):
                    out.append(amount)
    return _dedupe(out)


def _amount(
    m: re.Match[str], kind: CrimeAmountKind, pos: int, court: int | None, who: str | None
) -> CrimeAmount | None:
    """A CrimeAmount from a keyed match (None when the money part does not parse)."""
    found = list(MONEY_RE.finditer(m.group(0)))
    inner = found[-1] if found else None  # the money is the last amount of the keyed match
    value = money_from_match(inner) if inner else None
    if not value:
        return None
    start = pos + m.start()
    found_by = "court" if court is not None and start >= court else "prosecution"
    return CrimeAmount(kind=kind, value=value, span=(start, pos + m.end()), found_by=found_by, who=who)


def _dedupe(amounts: list[CrimeAmount]) -> list[CrimeAmount]:
    """One finding per overlapping span: the key written first (违法所得赃款 is a gain, not 得赃款) wins."""
    out: list[CrimeAmount] = []
    for a in amounts:
        clash = next((b for b in out if a.span[0] < b.span[1] and b.span[0] < a.span[1]), None)
        if clash is None:
            out.append(a)
        elif a.span[0] < clash.span[0]:
            out[out.index(clash)] = a
    return sorted(out, key=lambda a: a.span)


def best(amounts: list[CrimeAmount], kind: CrimeAmountKind) -> float | None:
    """The figure of a kind the court found (else the prosecution's): the largest stated."""
    mine = [a for a in amounts if a.kind == kind]
    court = [a.value for a in mine if a.found_by == "court"]
    values = court or [a.value for a in mine]
    return max(values) if values else None


def offence_period(text: str) -> tuple[date | None, date | None, Span | None]:
    """The offence period: the first dated clause of the facts (2014年6月16日 / 2012年3月至7月 …)."""
    work = working_text(text)
    facts = _FACTS_RE.search(work)
    m = _PERIOD_RE.search(work, facts.start() if facts else 0)
    if not m:
        return None, None, None
    start = _date(m.group(1), m.group(2), m.group(3), first=True)
    end = _date(m.group(4), m.group(5), m.group(6), first=False) if m.group(4) else None
    if end is None:
        end = _short_end(work[m.end() : m.end() + 12], start)
    return start, end or start, m.span()


def _short_end(tail: str, start: date | None) -> date | None:
    """至7月1日 / 至12月间: an end date written without its year."""
    m = re.match(r"[^。；;，,]{0,3}?(?:至|到|—|-|～|~)\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?", tail)
    if not m or start is None:
        return None
    return _date(str(start.year), m.group(1), m.group(2), first=False)


def _date(year: str | None, month: str | None, day: str | None, first: bool) -> date | None:
    """A date from parts; a missing day is the first (start) or the 28th (end) of the month."""
    return make_date(int(year or 0), int(month or 0), int(day) if day else (1 if first else 28))


def mitigation(text: str, names: list[str], ruling_at: int | None) -> dict[str, list[MitigationFinding]]:
    """Mitigating findings per defendant name ('' when a sentence names nobody and there are several)."""
    work = working_text(text)[: ruling_at if ruling_at is not None else len(text)]
    out: dict[str, list[MitigationFinding]] = {}
    last = names[0] if len(names) == 1 else ""
    for pos, sent in sentences(work):
        for kind, rx in _MITIGATION_RES.items():
            for m in rx.finditer(sent):
                who = _who(sent, names, m.start()) or last
                if _NEGATION_RE.search(sent[: m.start()]) or (kind == "坦白" and _has(out, who, "自首")):
                    continue
                found = out.setdefault(who, [])
                if all(f.kind != kind for f in found):
                    found.append(MitigationFinding(kind=kind, span=(pos + m.start(), pos + m.end())))
    return out


def _has(out: dict[str, list[MitigationFinding]], who: str, kind: str) -> bool:
    return any(f.kind == kind for f in out.get(who, []))


def co_offenders(text: str, accused: list[str]) -> list[CoOffender]:
    """People named with （另案处理）/（在逃）/（已判决）…: one entry per name, never an accused."""
    work = working_text(text)
    out: list[CoOffender] = []
    for m in _CO_RE.finditer(work):
        head = re.split(r"[，,。；;：:（）()]", work[max(0, m.start() - 30) : m.start()])[-1]
        head = _LEAD_RE.sub("", head)
        for raw in head.split("、"):
            name = re.sub(r"(?:等人|等|二人|三人|人)$", "", raw.strip())
            if _PERSON_RE.match(name) and name not in accused and all(c.name != name for c in out):
                start = m.start() - len(head) + head.find(raw) if raw in head else m.start()
                status = m.group(1).replace("已被", "已")
                out.append(
                    CoOffender(
                        name=name,
                        status=status,
                        span=(max(0, start), m.end()),
                        anonymised=bool(ANON_RE.search(name)),
                    )
                )
    return out


def marks_count(text: str) -> int | None:
    """Distinct quoted marks the facts name (“牛栏山”、“红星” → 2); None when none is quoted."""
    found = {
        q.group(1).strip()
        for m in _QUOTED_LIST_RE.finditer(working_text(text))
        for q in _QUOTED_RE.finditer(m.group(1))
    }
    return len(found) or None
