"""Canonical records: the one shape every extractor emits and the loader accepts.

Field names follow ../shared/DESIGN.md. Dates are ISO dates, money is yuan (float).
Every record carries ``source`` (the file it came from, with its sha256) so each node
in the graph can be traced back to a document and, for text, to character offsets.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

PartyKind = Literal["org", "person"]
Role = Literal[
    "plaintiff",
    "defendant",
    "third_party",
    "appellant",
    "appellee",
    "retrial_applicant",
    "retrial_respondent",
    "original_party",
    "prosecutor",
    "accused",
    "accused_unit",
    "other",
]
DocType = Literal["judgment", "ruling", "mediation", "decision", "other"]
Division = Literal["civil", "criminal", "administrative"]
Outcome = Literal[
    "upheld",  # 判决支持 (all claims)
    "partly_upheld",  # 部分支持
    "dismissed",  # 驳回诉讼请求 / 驳回上诉
    "withdrawn",  # 撤诉 / 按撤诉处理
    "mediated",  # 调解
    "reversed",  # 二审改判 / 撤销原判
    "convicted",  # 刑事: 有罪
    "acquitted",
    "other",
]
Span = tuple[int, int]
EARLIEST = date(1950, 1, 1)
EARLIEST_OLD = date(1900, 1, 1)


def _plausible(earliest: date) -> AfterValidator:
    def check(value: date) -> date:
        if value > date.today():
            raise ValueError(f"{value.isoformat()} is in the future")
        if value < earliest:
            raise ValueError(f"{value.isoformat()} is before {earliest.year}")
        return value

    return AfterValidator(check)


Day = Annotated[date, _plausible(EARLIEST)]
"""A date of a filing, grant, decision or transfer: not in the future, not before 1950."""
OldDay = Annotated[date, _plausible(EARLIEST_OLD)]
"""A date that may be older (a birth, a company's founding, a work's creation): from 1900."""
NiceClass = Annotated[int, Field(ge=1, le=45, description="a Nice class, 1–45")]
Amount = Annotated[float, Field(ge=0, allow_inf_nan=False, description="yuan, never negative")]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


class Record(BaseModel):
    """Base for canonical records: strict about unknown fields, so typos are errors; a NUL byte in
    any text is refused (it is never stored)."""

    model_config = ConfigDict(extra="forbid", frozen=False)

    @model_validator(mode="before")
    @classmethod
    def _no_nul(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key, value in data.items():
                if _has_nul(value):
                    raise ValueError(f"{key}: contains a NUL byte")
        return data


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple):
        return any(isinstance(v, str) and "\x00" in v for v in value)
    if isinstance(value, dict):
        return any("\x00" in k or (isinstance(v, str) and "\x00" in v) for k, v in value.items())
    return False


class SourceRef(Record):
    """Where a record came from: file path, sha256 of its bytes, optional line (JSONL/CSV)."""

    path: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    line: int | None = None
    kind: str = "file"


class Agent(Record):
    """委托(诉讼)代理人: a lawyer or other representative, with firm / legal-service office."""

    name: str
    organization: str | None = None
    title: str | None = None  # 律师, 实习律师, 法律工作者, 员工 …
    span: Span | None = None


class PartyMention(Record):
    """One party as written in a judgment header (or fact section for criminal cases)."""

    name: str
    role: Role
    role_text: str
    kind: PartyKind
    legal_representative: str | None = None
    legal_representative_title: str | None = None  # 董事长, 经理, 经营者, 负责人 …
    address: str | None = None
    agents: list[Agent] = Field(default_factory=list)
    uscc: str | None = None
    gender: str | None = None
    ethnicity: str | None = None
    birth_date: OldDay | None = None
    id_fragment: str | None = None  # what the document shows of a resident ID (masked)
    sole_trader: bool = False  # 个体工商户 / 经营者 named by the person
    trade_name: str | None = None  # 字号 of a sole trader (e.g. XX商行)
    span: Span | None = None


class TextMention(Record):
    """An organisation named in the body (查明/认为, 违法事实) that is not a party of the record."""

    name: str
    span: Span  # character offsets into the document text
    section: str | None = None  # the section it was read from (查明, 认为, facts …); None: whole body


class Amounts(Record):
    claimed: Amount | None = None  # 诉请赔偿
    awarded: Amount | None = None  # 判赔
    illegal_revenue: Amount | None = None  # 非法经营数额
    illegal_gain: Amount | None = None  # 违法所得
    sales_amount: Amount | None = None  # 销售金额
    fine: Amount | None = None  # 罚金


FindingKind = Literal[
    "counterfeit", "illegal_revenue", "illegal_gain", "sales_amount", "stock_value", "criminal_case"
]


class Finding(Record):
    """A fact the court found in a civil judgment (查明 / 本院认为): what, how much, and where (offsets)."""

    kind: FindingKind
    value: float | None = None  # yuan, for the amount kinds
    span: Span  # the paragraph's (start, end) in the source text
    quote: str  # the sentence that states it


Mitigation = Literal["自首", "立功", "从犯", "坦白", "认罪认罚", "退赃"]
CrimeAmountKind = Literal["illegal_revenue", "illegal_gain", "sales_amount", "goods_value"]


class CrimeAmount(Record):
    """One amount of a criminal judgment's facts (非法经营数额 / 违法所得 / 销售金额 / 货值), with offsets."""

    kind: CrimeAmountKind
    value: float  # yuan
    span: Span
    found_by: Literal["court", "prosecution"]  # 经审理查明 / 本院认为, or only 公诉机关指控
    who: str | None = None  # the defendant named in the same sentence, if one is


class MitigationFinding(Record):
    """A mitigating finding (自首, 立功, 从犯, 坦白, 认罪认罚, 退赃) and where the text states it."""

    kind: Mitigation
    span: Span


class Defendant(Record):
    """One accused person or unit of a criminal judgment: charge, principal penalty, fine, mitigation."""

    name: str
    kind: PartyKind
    span: Span | None = None
    charge: str | None = None
    charge_inferred: bool = False  # read from the statutory wording of the facts (CAIL redacts 罪名)
    charge_span: Span | None = None
    prison_months: int | None = None  # 有期徒刑
    detention_months: int | None = None  # 拘役
    probation_months: int | None = None  # 缓刑考验期
    fine: float | None = None  # 罚金, yuan
    exempt: bool = False  # 免予刑事处罚
    combined: bool = False  # 数罪并罚: the term is the 决定执行 term for several charges
    sentence_span: Span | None = None  # the operative item 一、被告人X犯…罪，判处…
    mitigation: list[MitigationFinding] = Field(default_factory=list)


class CoOffender(Record):
    """A person the judgment names as dealt with elsewhere (另案处理 / 在逃 / 另案起诉 / 已判决 …)."""

    name: str
    status: str  # as written, without 均: 另案处理, 在逃, 已判决 (已被判刑 as 已判刑) …
    span: Span
    anonymised: bool = False


class Judgment(Record):
    """裁判文书 (civil, criminal or administrative), as the judgment extractor emits it."""

    type: Literal["judgment"] = "judgment"
    case_no: str  # normalised: half-width brackets, no spaces
    case_no_raw: str
    court: str
    division: Division = "civil"
    doc_type: DocType = "judgment"
    instance: Literal["first", "second", "retrial", "other"] = "first"
    cause: str | None = None
    decided_on: Day | None = None
    filed_on: Day | None = None  # 本院于…受理 / 于…向本院提起诉讼 (this instance's filing)
    parties: list[PartyMention] = Field(default_factory=list)
    short_names: dict[str, str] = Field(default_factory=dict)
    trademark_numbers: list[str] = Field(default_factory=list)
    patent_numbers: list[str] = Field(default_factory=list)
    prior_case_nos: list[str] = Field(default_factory=list)  # 原审/一审 案号 cited
    amounts: Amounts = Field(default_factory=Amounts)
    outcome: Outcome | None = None
    absent_defendant: bool = False  # 缺席判决 / 经传票传唤无正当理由拒不到庭
    charges: list[str] = Field(default_factory=list)  # criminal: 假冒注册商标罪 …
    sentence: str | None = None
    sections: dict[str, Span] = Field(default_factory=dict)  # 诉称/辩称/查明/认为/判决
    findings: list[Finding] = Field(
        default_factory=list
    )  # civil: counterfeiting, amounts, a criminal case recited
    mentioned_orgs: list[TextMention] = Field(default_factory=list)  # token stage (extractors/nlp.py)
    source: SourceRef
    # criminal judgments (extractors/judgment_criminal.py): per defendant, amounts with offsets, co-offenders
    defendants: list[Defendant] = Field(default_factory=list)
    crime_amounts: list[CrimeAmount] = Field(default_factory=list)
    co_offenders: list[CoOffender] = Field(default_factory=list)
    offence_from: date | None = None
    offence_to: date | None = None
    offence_span: Span | None = None
    marks_count: int | None = None  # distinct marks the facts name as counterfeited (两种以上)


class Transfer(Record):
    to: str
    on: Day | None = None


class Trademark(Record):
    type: Literal["trademark"] = "trademark"
    reg_no: str
    mark: str
    classes: list[NiceClass] = Field(default_factory=list)
    goods: str | None = None
    applicant: str
    applicant_uscc: str | None = None
    applicant_address: str | None = None
    agency: str | None = None
    filed_on: Day | None = None
    registered_on: Day | None = None
    status: str | None = None
    owner: str | None = None
    transfers: list[Transfer] = Field(default_factory=list)
    invalidated_on: Day | None = None
    source: SourceRef


class Patent(Record):
    type: Literal["patent"] = "patent"
    number: str
    title: str
    kind: Literal["invention", "utility", "design"] | None = None
    applicants: list[str] = Field(default_factory=list)
    inventors: list[str] = Field(default_factory=list)
    agency: str | None = None
    filed_on: Day | None = None
    granted_on: Day | None = None
    status: str | None = None
    invalidated_on: Day | None = None
    source: SourceRef


class Copyright(Record):
    """著作权登记: a registered program (软著, 2016SR309930) or work (作品, 国作登字-2016-F-00269796)."""

    type: Literal["copyright"] = "copyright"
    reg_no: str
    kind: Literal["software", "work"]
    title: str
    short_name: str | None = None
    category: str | None = None  # works: 美术/音乐/文字 …; software: the classification code
    version: str | None = None
    owners: list[str] = Field(min_length=1)
    finished_on: OldDay | None = None  # 创作完成日期
    published_on: OldDay | None = None  # 首次发表日期
    registered_on: Day | None = None  # 登记日期
    source: SourceRef


class Penalty(Record):
    """行政处罚决定书, as structured fields."""

    type: Literal["penalty"] = "penalty"
    decision_no: str
    authority: str
    decided_on: Day | None = None
    party: str
    party_kind: PartyKind = "org"
    uscc: str | None = None
    legal_representative: str | None = None
    address: str | None = None
    violation: str | None = None  # e.g. 商标侵权 / 假冒专利
    marks: list[str] = Field(default_factory=list)
    patents: list[str] = Field(default_factory=list)
    illegal_revenue: Amount | None = None
    illegal_gain: Amount | None = None
    sales_amount: Amount | None = None
    fine: Amount | None = None
    confiscated: str | None = None
    transferred_to_police: bool = False
    sections: dict[str, Span] = Field(default_factory=dict)
    mentioned_orgs: list[TextMention] = Field(default_factory=list)  # 供货商, 生产厂家 … in the facts
    source: SourceRef


class Shareholder(Record):
    name: str
    kind: PartyKind = "org"
    pct: Percent | None = None
    uscc: str | None = None


class Officer(Record):
    name: str
    title: str | None = None


class Company(Record):
    """工商登记: one company's registration profile."""

    type: Literal["company"] = "company"
    name: str
    uscc: str | None = None
    legal_representative: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    established_on: OldDay | None = None
    status: str | None = None
    former_names: list[str] = Field(default_factory=list)
    shareholders: list[Shareholder] = Field(default_factory=list)
    officers: list[Officer] = Field(default_factory=list)
    parent: str | None = None  # for a 分公司: the parent company's name
    source: SourceRef


CanonicalModel: TypeAlias = Judgment | Trademark | Patent | Copyright | Penalty | Company
CanonicalRecord = Annotated[CanonicalModel, Field(discriminator="type")]
RECORD_TYPES: dict[str, type[CanonicalModel]] = {
    "judgment": Judgment,
    "trademark": Trademark,
    "patent": Patent,
    "copyright": Copyright,
    "penalty": Penalty,
    "company": Company,
}


class Rejection(Record):
    """Input that could not be used, with where and why: what goes to the quarantine."""

    path: str
    line: int | None = None
    stage: Literal["decode", "extract", "validate", "load", "resolve", "skip"]
    reason: str
    detail: str | None = None
    sha256: str | None = None
