"""Criminal fact sections without a header (CAIL2018: 公诉机关指控 / 经审理查明 paragraphs).

Choice: such a text is still emitted as a ``Judgment`` (division ``criminal``), because its
parties, amounts and charges are the useful part. It has no court line, so ``court`` is ""
(unknown; the prosecutor's office is not the court and is not guessed into it). The case
number is taken from the text only when it opens the text (a 刑 case number in the first
60 characters: numbers cited later are other cases or appraisal reports), else synthesised as
``CAIL:<file stem>``
(and ``case_no_raw`` is "" so nobody mistakes it for a real 案号). A text that names no
被告人 / 被告单位 raises ExtractError("no_accused").
"""

from __future__ import annotations

import re
from pathlib import Path

from ipclue.errors import ExtractError
from ipclue.extractors import criminal_findings as findings
from ipclue.extractors import criminal_sentence
from ipclue.extractors.cn_numbers import MONEY_RE, money_from_match
from ipclue.extractors.judgment_header import CASE_NO_RE
from ipclue.extractors.text import Document
from ipclue.models import (
    Amounts,
    CrimeAmount,
    Defendant,
    Judgment,
    MitigationFinding,
    PartyMention,
    SourceRef,
    Span,
)
from ipclue.normalize import normalize_case_no

CRIMINAL_HINT_RE = re.compile(r"公诉机关|人民检察院指控|被告人[\u4e00-\u9fa5×]{1,4}")
_PROSECUTOR_RE = re.compile(r"([\u4e00-\u9fa5]{2,30}?人民检察院)(?:指控|起诉|以)")
_STOP = "在于为以将从自与等的系因通租明未处到无承抓共被所已向和及伙供"
_ANON_NAME = (
    r"[\u4e00-\u9fa5]{1,2}(?:某某|某|×+\d{0,2})"
    rf"(?:[甲乙丙丁戊己庚辛壬癸一二三四五六七八九](?![某×])|(?![{_STOP}])[\u4e00-\u9fa5](?=[^\u4e00-\u9fa5]|[{_STOP}]))?"
)
_ACCUSED_RE = re.compile(
    rf"被告人(?:[：:])?({_ANON_NAME}|[\u4e00-\u9fa5]{{2,3}}(?=[，,、。；（(]|伙同|与|在|于|为|以|将|从|自|租|明知|未经|等|的|系))"
)
_UNIT_RE = re.compile(
    r"被告单位(?:[：:])?([\u4e00-\u9fa5（）()]{4,40}?(?:有限责任公司|有限公司|公司|厂|商行|经营部|店))"
)
_CHARGE_RE = re.compile(r"(?:犯|构成|以|涉嫌|成立)([\u4e00-\u9fa5、]{2,24}?罪)")
_AMOUNT_KEYS = {
    "illegal_revenue": re.compile(r"非法经营(?:数额|额|金额)[^。；，,]{0,16}?" + MONEY_RE.pattern),
    "illegal_gain": re.compile(r"(?:违法所得|非法获利|获利)[^。；，,]{0,16}?" + MONEY_RE.pattern),
    "sales_amount": re.compile(r"(?:销售金额|销售额|销售数额|货值金额)[^。；，,]{0,16}?" + MONEY_RE.pattern),
    "fine": re.compile(r"罚金[^。；，,]{0,12}?" + MONEY_RE.pattern),
}
_NOT_NAME_RE = re.compile(r"^(?:供述|辩解|到案|归案|自愿|如实|当庭|对|系|均|及|等|在|的|身份)")
_COURT_NO_RE = re.compile(r"[刑民行]")
_SENTENCE_RE = re.compile(r"判处[^。]{2,80}")
_BAD_CHARGE_RE = re.compile(r"^(?:犯罪|本罪|此罪|该罪|何罪|×+罪|数罪|一罪|重罪|轻罪)$|×")


def extract_criminal_facts(doc: Document) -> Judgment:
    """CAIL-style facts → Judgment(division='criminal'): accused, prosecutor, amounts, charges."""
    text = doc.text
    parties = _parties(text)
    if not any(p.role in ("accused", "accused_unit") for p in parties):
        raise ExtractError(doc.path, "no_accused", "criminal facts without a named 被告人 or 被告单位")
    cited = CASE_NO_RE.search(text[:60])  # only a leading 案号 is this case's own (others are cited)
    cited = cited if cited and "刑" in cited.group(0) else None
    sentence = _SENTENCE_RE.search(text)
    judgment = Judgment(
        case_no=normalize_case_no(cited.group(0)) if cited else f"CAIL:{Path(doc.path).stem}",
        case_no_raw=cited.group(0) if cited else "",
        court="",
        division="criminal",
        doc_type="judgment",
        instance="first",
        parties=parties,
        amounts=_amounts(text),
        charges=_charges(text),
        outcome="convicted" if re.search(r"犯[\u4e00-\u9fa5、]{2,24}罪，判处", text) else None,
        sentence=sentence.group(0) if sentence else None,
        prior_case_nos=[
            normalize_case_no(m.group(0))
            for m in CASE_NO_RE.finditer(text)
            if _COURT_NO_RE.search(m.group(0))
        ],
        sections={"查明": (0, len(text))},
        source=SourceRef(path=doc.path, sha256=doc.sha256),
    )
    return enrich_criminal(judgment, text)


def _parties(text: str) -> list[PartyMention]:
    """Prosecutor (named 人民检察院), accused persons and accused units, first mention each."""
    out: list[PartyMention] = []
    pro = _PROSECUTOR_RE.search(text)
    if pro:
        out.append(_mention(pro.group(1), "prosecutor", "公诉机关", "org", pro.span(1)))
    for m in _UNIT_RE.finditer(text):
        _add(out, _mention(m.group(1), "accused_unit", "被告单位", "org", m.span(1)))
    names = _accused_names(text)
    for m in _ACCUSED_RE.finditer(text):
        if m.group(1) in names:
            _add(out, _mention(m.group(1), "accused", "被告人", "person", m.span(1)))
    return out


def _accused_names(text: str) -> set[str]:
    """Accused names, dropping words (供述) and over-long captures (陈某某提 when 陈某某 occurs alone)."""
    found = {m.group(1) for m in _ACCUSED_RE.finditer(text) if not _NOT_NAME_RE.match(m.group(1))}
    return {n for n in found if not (n[:-1] in found and text.count(n) < text.count(n[:-1]))}


def _mention(name: str, role: str, role_text: str, kind: str, span: tuple[int, int]) -> PartyMention:
    """A PartyMention for a criminal party."""
    return PartyMention.model_validate(
        {"name": name, "role": role, "role_text": role_text, "kind": kind, "span": span}
    )


def _add(out: list[PartyMention], party: PartyMention) -> None:
    """Append unless a party of that name is already listed."""
    if all(p.name != party.name for p in out):
        out.append(party)


def _amounts(text: str) -> Amounts:
    """非法经营数额 / 违法所得 / 销售金额 / 罚金: the largest stated figure of each kind, in yuan."""
    values: dict[str, float] = {}
    for key, rx in _AMOUNT_KEYS.items():
        found = [v for m in rx.finditer(text) if (v := _money(m)) is not None]
        if found:
            values[key] = max(found)
    return Amounts(**values)


def _money(m: re.Match[str]) -> float | None:
    """The amount inside a keyed money match."""
    inner = MONEY_RE.search(m.group(0))
    return money_from_match(inner) if inner else None


def _charges(text: str) -> list[str]:
    """Charges named in the text (…罪); CAIL redacts most of them as ××罪, which are skipped."""
    found: list[str] = []
    for m in _CHARGE_RE.finditer(text):
        charge = m.group(1).lstrip("了")
        if not _BAD_CHARGE_RE.search(charge) and charge not in found:
            found.append(charge)
    return found


def enrich_criminal(judgment: Judgment, text: str) -> Judgment:
    """Add the per-defendant findings (charge, penalty, mitigation), amounts with offsets, the offence
    period and co-offenders to a criminal Judgment (full judgment or fact section)."""
    accused = [p for p in judgment.parties if p.role in ("accused", "accused_unit")]
    names = [p.name for p in accused]
    ruling_at = criminal_sentence.ruling_start(findings.working_text(text))
    amounts = findings.crime_amounts(text, names, ruling_at)
    items = {item.name: item for item in criminal_sentence.sentence_items(text)}
    mitigation = findings.mitigation(text, names, ruling_at)
    inferred = criminal_sentence.infer_charge(findings.working_text(text)[:ruling_at])
    judgment.defendants = [
        _defendant(p, items.get(p.name), mitigation, judgment.charges, inferred, len(accused))
        for p in accused
    ]
    judgment.crime_amounts = amounts
    judgment.co_offenders = findings.co_offenders(text, names)
    judgment.offence_from, judgment.offence_to, judgment.offence_span = findings.offence_period(text)
    judgment.marks_count = findings.marks_count(text[:ruling_at] if ruling_at else text)
    _fill_amounts(judgment, amounts)
    return judgment


def _defendant(
    p: PartyMention,
    item: criminal_sentence.SentenceItem | None,
    mitigation: dict[str, list[MitigationFinding]],
    charges: list[str],
    inferred: tuple[str, Span] | None,
    n_accused: int,
) -> Defendant:
    """One Defendant: the operative item's penalty, else the charge named or inferred from the facts."""
    mine = list(mitigation.get(p.name, []))
    if n_accused == 1:
        mine += [m for m in mitigation.get("", []) if all(x.kind != m.kind for x in mine)]
    d = Defendant(name=p.name, kind=p.kind, span=p.span, mitigation=mine)
    if item is not None:
        d.charge, d.charge_span, d.sentence_span = item.charge, item.charge_span, item.span
        d.prison_months, d.detention_months = item.prison_months, item.detention_months
        d.probation_months, d.fine, d.exempt = item.probation_months, item.fine, item.exempt
        d.combined = item.combined
    elif charges:
        d.charge = charges[0]
    elif inferred is not None:
        d.charge, d.charge_span, d.charge_inferred = inferred[0], inferred[1], True
    return d


def _fill_amounts(judgment: Judgment, amounts: list[CrimeAmount]) -> None:
    """Case-level amounts from the findings (the court's figure first); the fines imposed, summed."""
    a = judgment.amounts
    a.illegal_revenue = findings.best(amounts, "illegal_revenue") or a.illegal_revenue
    a.illegal_gain = findings.best(amounts, "illegal_gain") or a.illegal_gain
    a.sales_amount = findings.best(amounts, "sales_amount") or a.sales_amount
    fines = [d.fine for d in judgment.defendants if d.fine]
    a.fine = sum(fines) if fines else a.fine
