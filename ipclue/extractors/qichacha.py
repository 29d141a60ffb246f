"""Qichacha (企查查) API JSON → Trademark, Patent, Copyright and Company records.

Shapes are recognised by their keys. Trademarks, patents, software and works copyright
registrations, a company profile (with its branches), outbound investments and annual
reports (with their investments) map to records; everything else (judgment lists,
announcements, hearing notices, abnormal-operation and serious-violation lists) becomes a
Rejection with reason ``unsupported-record``, one per item, so nothing is dropped silently.

``SourceRef.line`` of a record is its 1-based ordinal among the records of the file
(one item can yield several records: a profile and its branches); ``kind`` names the shape.
A Rejection's ``line`` is the 1-based index of the item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from pydantic import ValidationError

from ipclue.extractors.canonical import CanonicalRecordModel, Item, error_summary
from ipclue.extractors.cn_numbers import cn_to_int, match_date, parse_cn_date
from ipclue.models import (
    Company,
    Copyright,
    Officer,
    PartyKind,
    Patent,
    Rejection,
    Shareholder,
    SourceRef,
    Trademark,
)
from ipclue.normalize import normalize_copyright_no, normalize_patent_no, normalize_reg_no, valid_uscc

Obj = dict[str, Any]
Mapper = Callable[[Obj, str | None], Iterator[CanonicalRecordModel]]
SHAPES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (name, frozenset(keys.split()))
    for name, keys in (
        ("trademark", "RegNo IntCls Name"),
        ("patent", "ApplicationNumber Title"),
        ("annual_report", "BasicInfoData Year"),
        ("outbound_investment", "Name CreditCode OperName FundedRatio"),
        ("company_profile", "Name CreditCode OperName Address"),
        ("software_copyright", "RegisterNo VersionNo Owner"),
        ("works_copyright", "RegisterNo Owner Category"),
        ("judgment_list", "CaseNo CaseRole Court"),
        ("hearing_notice", "CaseNo Prosecutorlist Defendantlist"),
        ("court_announcement", "Content Court Party"),
        ("abnormal_operation", "AddReason DecisionOffice"),
        ("serious_violation", "Type AddReason AddOffice"),
    )
)
_LABEL_KEYS = ("RegisterNo", "CaseNo", "Name", "Party", "Year", "Type", "AddReason")
_DATE = re.compile(r"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
_ABSENT = frozenset({"-", "--", "—", "无", "暂无", "null", "None"})
_CLASS_SPLIT = re.compile(r"\s*[;；,，、/\s]\s*")
_CLASS_WORDS = re.compile(r"^第|类$|類$")
_PCT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_AGENCY_CODE = re.compile(r"\s+\d{5}$")
_OWNERS_SPLIT = re.compile(r"\s*[;；、]\s*")
_ORG_HINT = re.compile(r"公司|企业|合伙|集团|中心|研究|大学|学院|银行|基金|厂|店|所|社|行$|局|委员会")


def items_of(data: object) -> list[object]:
    """The records of a response: unwraps ``{"Result": …}``; a single object is one item."""
    if isinstance(data, dict) and "Result" in data and ("Status" in data or "Message" in data):
        data = data["Result"]
    if isinstance(data, list):
        return list(data)
    return [data] if isinstance(data, dict) else []


def shape_of(item: object) -> str | None:
    """The Qichacha shape an item has, by its keys; None if it is not one we know."""
    if not isinstance(item, dict):
        return None
    keys = set(item)
    return next((name for name, needed in SHAPES if needed <= keys), None)


def looks_like_qichacha(data: object) -> bool:
    """True when the first item of the document has a known Qichacha shape."""
    items = items_of(data)
    return bool(items) and shape_of(items[0]) is not None


def extract_qichacha(data: object, *, path: str, sha256: str, investor: str | None = None) -> Iterator[Item]:
    """Records and Rejections for every item; ``investor`` names the owner of outbound investments."""
    items = items_of(data)
    ordinal = 0
    for index, item in enumerate(items, start=1):
        line = index if isinstance(data, list) or len(items) > 1 else None
        for out in _one(item, path=path, sha256=sha256, line=line, investor=investor):
            if not isinstance(out, Rejection):
                ordinal += 1
                out.source = SourceRef(path=path, sha256=sha256, line=ordinal, kind=out.source.kind)
            yield out


def _one(item: object, *, path: str, sha256: str, line: int | None, investor: str | None) -> Iterator[Item]:
    """Map one item, turning unknown shapes and validation errors into Rejections."""
    shape = shape_of(item)
    where: Obj = {"path": path, "line": line, "sha256": sha256}
    if shape is None or not isinstance(item, dict):
        keys = sorted(item)[:8] if isinstance(item, dict) else type(item).__name__
        yield Rejection(stage="extract", reason="unsupported-record", detail=f"unknown shape {keys}", **where)
        return
    mapper = _MAPPERS.get(shape)
    if mapper is None:
        detail = f"qichacha {shape}: {_label(item)} (no canonical record for this shape yet)"
        yield Rejection(stage="extract", reason="unsupported-record", detail=detail, **where)
        return
    try:
        yield from list(mapper(item, investor))
    except ValidationError as exc:
        yield Rejection(stage="validate", reason="invalid-record", detail=error_summary(exc), **where)
    except Unparsed as exc:
        yield Rejection(stage="validate", reason="unparsed-value", detail=f"{_label(item)}: {exc}", **where)


def _label(item: Obj) -> str:
    """A short human label for an item (its number, case number or name)."""
    return next((str(item[k]) for k in _LABEL_KEYS if item.get(k)), "?")[:60]


def _src(shape: str) -> SourceRef:
    """A placeholder source; ``extract_qichacha`` fills in path, hash and ordinal."""
    return SourceRef(path="", sha256="0" * 64, kind=f"qichacha:{shape}")


class Unparsed(ValueError):
    """A value that is present but cannot be read (``2020/13/45``, ``第XX类``): the item is
    quarantined with the value, never stored as empty."""


def to_date(value: object) -> date | None:
    """2015/3/4 0:00:00, 2017-03-01T00:00:00+08:00, 2015年08月18日, 二〇一五年八月十八日 → date;
    None if absent; :class:`Unparsed` if present but not a date."""
    text = str(value or "").strip()
    if not text or text in _ABSENT:
        return None
    m = _DATE.search(text)
    found = match_date(m) if m else parse_cn_date(text)
    if found is None:
        raise Unparsed(f"{text!r} is not a date")
    return found


def to_classes(value: object) -> list[int]:
    """Nice classes: 25, "25", "第25类", "第二十五类", "25;35" → [25, 35]; [] if absent;
    :class:`Unparsed` for anything else (the range 1–45 is checked by the model)."""
    if value is None or isinstance(value, bool):
        return [] if value is None else _bad_classes(value)
    if isinstance(value, int):
        return [value]
    parts = [p for p in _CLASS_SPLIT.split(str(value).strip()) if p]
    out = [cn_to_int(_CLASS_WORDS.sub("", p)) for p in parts]
    return [n for n in out if n is not None] if None not in out else _bad_classes(value)


def _bad_classes(value: object) -> list[int]:
    raise Unparsed(f"{value!r} is not a Nice class")


def to_pct(value: object) -> float | None:
    """'49.19%' → 49.19 (percent, not a fraction); None if absent."""
    m = _PCT.search(str(value or ""))
    return float(m.group(1)) if m else None


def _text(value: object) -> str | None:
    """A non-empty stripped string, else None."""
    return str(value).strip() or None if value is not None else None


def _need(value: str) -> Any:
    """A required key: empty becomes None so validation names the missing field."""
    return value or None


def name_kind(name: str) -> PartyKind:
    """Registries rarely say whether a holder is a person: guess from the name."""
    return "org" if _ORG_HINT.search(name) or len(name) > 5 else "person"


def _trademark(item: Obj, _investor: str | None) -> Iterator[CanonicalRecordModel]:
    """商标: RegNo, IntCls, Name, ApplicantCn, Agent, AppDate, FlowStatusDesc."""
    reg_no = item.get("RegNo")
    yield Trademark(
        reg_no=_need(normalize_reg_no(str(reg_no)) if reg_no else ""),
        mark=item.get("Name"),
        classes=to_classes(item.get("IntCls")),
        applicant=_text(item.get("ApplicantCn")) or _text(item.get("ApplicantEn")),
        agency=_text(item.get("Agent")),
        filed_on=to_date(item.get("AppDate")),
        status=_text(item.get("FlowStatusDesc")),
        source=_src("trademark"),
    )


def _patent(item: Obj, _investor: str | None) -> Iterator[CanonicalRecordModel]:
    """专利: ApplicationNumber (CN… → ZL…), Title, KindCodeDesc, assignees, inventors, agency."""
    number = str(item.get("ApplicationNumber") or "").removeprefix("CN")
    agencies = item.get("Agency") or []
    yield Patent(
        number=_need(normalize_patent_no(number) if number else ""),
        title=item.get("Title"),
        kind=patent_kind(str(item.get("KindCodeDesc") or "")),
        applicants=list(item.get("AssigneestringList") or []),
        inventors=list(item.get("InventorStringList") or []),
        agency=_AGENCY_CODE.sub("", agencies[0]) if agencies else None,
        filed_on=to_date(item.get("ApplicationDate")),
        granted_on=granted_on(item),
        status=_text(item.get("LegalStatusDesc")) or _text(item.get("KindCodeDesc")),
        source=_src("patent"),
    )


def _software_copyright(item: Obj, _investor: str | None) -> Iterator[CanonicalRecordModel]:
    """软件著作权: RegisterNo, Name, ShortName, VersionNo, Owner, Category, PublishDate, RegisterAperDate."""
    yield Copyright(
        kind="software",
        reg_no=_need(normalize_copyright_no(str(item.get("RegisterNo") or ""))),
        title=_need(str(item.get("Name") or "").strip()),
        short_name=_text(item.get("ShortName")),
        category=_text(item.get("Category")),
        version=_text(item.get("VersionNo")),
        owners=owners(item.get("Owner")),
        published_on=to_date(item.get("PublishDate")),
        registered_on=to_date(item.get("RegisterAperDate")),
        source=_src("software_copyright"),
    )


def _works_copyright(item: Obj, _investor: str | None) -> Iterator[CanonicalRecordModel]:
    """作品著作权: RegisterNo, Name, Category (美术/音乐 …), Owner, FinishDate, PublishDate, RegisterDate."""
    yield Copyright(
        kind="work",
        reg_no=_need(normalize_copyright_no(str(item.get("RegisterNo") or ""))),
        title=_need(str(item.get("Name") or "").strip()),
        category=_text(item.get("Category")),
        owners=owners(item.get("Owner")),
        finished_on=to_date(item.get("FinishDate")),
        published_on=to_date(item.get("PublishDate")),
        registered_on=to_date(item.get("RegisterDate")),
        source=_src("works_copyright"),
    )


def owners(value: object) -> list[str]:
    """著作权人: one name, or several separated by ；/;/、 (empty → [], which validation refuses)."""
    return [name for name in _OWNERS_SPLIT.split(str(value or "").strip()) if name]


def patent_kind(desc: str) -> Any:
    """发明公布/发明授权 → invention, 实用新型 → utility, 外观设计 → design."""
    kinds = (("实用新型", "utility"), ("外观", "design"), ("发明", "invention"))
    return next((kind for word, kind in kinds if word in desc), None)


def granted_on(item: Obj) -> date | None:
    """The date of the 授权 event in the legal history, if any."""
    events = [e for e in item.get("PatentLegalHistory") or [] if e.get("Desc") == "授权"]
    if events:
        return to_date(events[0].get("LegalStatusDate"))
    return to_date(item.get("LegalStatusDate")) if item.get("LegalStatusDesc") == "授权" else None


def _profile(item: Obj, _investor: str | None) -> Iterator[CanonicalRecordModel]:
    """工商登记 profile, then one Company per branch (分公司) with ``parent`` set."""
    name = item.get("Name")
    contact = item.get("ContactInfo") or {}
    yield Company(
        name=name,
        uscc=_text(item.get("CreditCode")),
        legal_representative=_text(item.get("OperName")),
        address=_text(item.get("Address")),
        phone=_text(contact.get("PhoneNumber")),
        email=_text(contact.get("Email")),
        established_on=to_date(item.get("StartDate")),
        status=_text(item.get("Status")),
        former_names=former_names(item),
        shareholders=[_partner(p) for p in item.get("Partners") or []],
        officers=[Officer(name=e["Name"], title=_text(e.get("Job"))) for e in item.get("Employees") or []],
        source=_src("company_profile"),
    )
    for branch in item.get("Branches") or []:
        yield Company(name=branch.get("Name"), parent=name, source=_src("company_profile.branch"))


def _partner(p: Obj) -> Shareholder:
    """One 股东 of a profile: 自然人股东 → person."""
    kind: PartyKind = "person" if "自然人" in str(p.get("StockType") or "") else "org"
    return Shareholder(name=p.get("StockName"), kind=kind, pct=to_pct(p.get("StockPercent")))


def former_names(item: Obj) -> list[str]:
    """Names before each 名称 change in the change records."""
    changes = item.get("ChangeRecords") or []
    names = (c.get("BeforeContent") for c in changes if "名称" in str(c.get("ProjectName") or ""))
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _investment(item: Obj, investor: str | None) -> Iterator[CanonicalRecordModel]:
    """对外投资: the invested company; the investor is a shareholder only when known."""
    oper = _text(item.get("OperName"))
    holders = (
        [Shareholder(name=investor, kind="org", pct=to_pct(item.get("FundedRatio")))] if investor else []
    )
    yield Company(
        name=item.get("Name"),
        uscc=_text(item.get("CreditCode")),
        legal_representative=oper if oper and name_kind(oper) == "person" else None,
        established_on=to_date(item.get("StartDate")),
        status=_text(item.get("Status")),
        shareholders=holders,
        source=_src("outbound_investment"),
    )


def _annual_report(item: Obj, _investor: str | None) -> Iterator[CanonicalRecordModel]:
    """年报: the reporting company (contact data, 股东) and each company it reports investing in."""
    info = item.get("BasicInfoData") or {}
    name, code = info.get("CompanyName"), _text(info.get("RegNo"))
    uscc = code if valid_uscc(code) else None
    yield Company(
        name=name,
        uscc=uscc,
        legal_representative=_text(info.get("OperatorName")),
        address=_text(info.get("Address")),
        phone=_text(info.get("ContactNo")),
        email=_text(info.get("EmailAddress")),
        status=_text(info.get("Status")),
        shareholders=[_report_partner(p) for p in item.get("PartnerList") or []],
        source=_src("annual_report"),
    )
    for inv in item.get("InvestInfoList") or []:
        holder = Shareholder(name=name, kind="org", uscc=uscc, pct=to_pct(inv.get("ShareholdingRatio")))
        reg = _text(inv.get("RegNo"))
        yield Company(
            name=inv.get("Name"),
            uscc=reg if valid_uscc(reg) else None,
            shareholders=[holder],
            source=_src("annual_report.investment"),
        )


def _report_partner(p: Obj) -> Shareholder:
    """A 股东 of an annual report (no type given: guessed from the name)."""
    name = str(p.get("Name") or "")
    return Shareholder(name=name, kind=name_kind(name), pct=to_pct(p.get("InvestmentRatio")))


_MAPPERS: dict[str, Mapper] = {
    "trademark": _trademark,
    "patent": _patent,
    "software_copyright": _software_copyright,
    "works_copyright": _works_copyright,
    "company_profile": _profile,
    "outbound_investment": _investment,
    "annual_report": _annual_report,
}
