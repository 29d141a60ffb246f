"""Abstract cases and penalties (who, where, when, what, outcome) before any text is rendered."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from ipclue.synth import ids
from ipclue.synth.data import Region
from ipclue.synth.world import Mark, Org, Party, PatentRight, Person

NEW_STYLE_FROM = 2016  # 案号 reform: （2016）粤0304民初23278号 from 2016 on


@dataclass(frozen=True, slots=True)
class Court:
    """A court: its name, new-style code (粤0304), old-style abbreviation (深福法) and level."""

    name: str
    code: str
    old: str
    level: str  # base | mid | high
    region: Region


@dataclass(slots=True, eq=False)
class Litigant:
    """A party in one case with its role and agents (lawyer and firm, or a citizen agent)."""

    party: Party
    role: str
    role_text: str
    agents: list[tuple[Person, Org | None]] = field(default_factory=list)
    absent: bool = False


@dataclass(slots=True, eq=False)
class Case:
    """One judgment, ruling or mediation document to render."""

    case_no: str
    court: Court
    division: str  # civil | criminal
    doc_type: str  # judgment | ruling | mediation
    instance: str  # first | second
    cause: str
    filed_on: date
    decided_on: date
    litigants: list[Litigant]
    marks: list[Mark] = field(default_factory=list)
    patents: list[PatentRight] = field(default_factory=list)
    claimed: int | None = None
    awarded: int | None = None
    outcome: str = "partly_upheld"
    prior: Case | None = None
    illegal_revenue: int | None = None
    illegal_gain: int | None = None
    fine: int | None = None
    prison_months: int = 0
    # criminal sentence variants (synth/criminal.py): None = 缓刑 when the term allows it
    probation_months: int | None = None
    no_fine: bool = False
    co_offenders: list[Person] = field(default_factory=list)
    written: dict[int, str] = field(default_factory=dict)  # entity id → the form every document writes
    fact_text: str | None = None  # an extra 查明 paragraph (civil findings: counterfeiting, amounts)

    def by_role(self, *roles: str) -> list[Litigant]:
        """Litigants with one of ``roles``."""
        return [lit for lit in self.litigants if lit.role in roles]


@dataclass(slots=True, eq=False)
class PenaltyCase:
    """One 行政处罚决定书."""

    decision_no: str
    authority: str
    decided_on: date
    party: Party
    marks: list[Mark]
    violation: str
    illegal_revenue: int
    illegal_gain: int
    fine: int
    goods_count: int
    complainant: Org | None = None
    transferred: bool = False
    police: str = ""


def court(region: Region, level: str) -> Court:
    """The court of ``level`` for a district."""
    head = region.city if region.municipality else region.province + region.city
    if level == "base":
        district = "" if region.district == region.city else region.district
        return Court(
            f"{head}{district}人民法院",
            region.prov_abbr + region.code[2:],
            region.city_abbr + region.district[0] + "法",
            "base",
            region,
        )
    if level == "mid":
        mid = "第一中级人民法院" if region.municipality else "中级人民法院"
        return Court(
            head + mid,
            region.prov_abbr + ("01" if region.municipality else region.code[2:4]),
            region.city_abbr + "中法",
            "mid",
            region,
        )
    return Court(
        region.province + "高级人民法院", region.prov_abbr, region.prov_abbr + "高法", "high", region
    )


def upper(c: Court) -> Court:
    """The appeal court."""
    return court(c.region, "mid" if c.level == "base" else "high")


class Docket:
    """Hands out unique case and decision numbers per court, year and kind."""

    def __init__(self, rng: random.Random) -> None:
        """Counters start at random bases so numbers look real."""
        self.rng = rng
        self._next: dict[tuple[str, int, str], int] = {}

    def _number(self, key: tuple[str, int, str]) -> int:
        """The next number for a counter."""
        n = self._next.get(key) or self.rng.randint(1, 3000 if key[2] in ("民初", "刑初", "罚") else 400)
        self._next[key] = n + self.rng.randint(1, 40)
        return n

    def case_no(self, c: Court, year: int, division: str, stage: str) -> str:
        """（2016）粤0304民初23278号 or （2015）深中法知民初字第123号."""
        kind = ("民" if division == "civil" else "刑") + ("初" if stage == "first" else "终")
        n = self._number((c.name, year, kind))
        if year >= NEW_STYLE_FROM:
            text = f"（{year}）{c.code}{kind}{n}号"
        else:
            text = f"（{year}）{c.old}知{kind[0]}{kind[1]}字第{n:0{self.rng.choice((1, 3, 5))}d}号"
        return text.replace("（", "(").replace("）", ")") if self.rng.random() < 0.08 else text

    def decision_no(self, authority_abbr: str, year: int) -> str:
        """深市监处罚〔2023〕302号."""
        n = self._number((authority_abbr, year, "罚"))
        return f"{authority_abbr}市监处罚〔{year}〕{n}号"


def authority(region: Region, rng: random.Random) -> tuple[str, str]:
    """(authority name, decision-number abbreviation): city or district 市场监督管理局."""
    if rng.random() < 0.5 or region.district == region.city:
        return region.city + "市场监督管理局", region.city_abbr
    return region.city + region.district + "市场监督管理局", region.city_abbr + region.district[0]


def civil_cause(marks: list[Mark], patents: list[PatentRight]) -> str:
    """侵害商标权纠纷 or the patent cause for the patent kind."""
    if patents:
        kind = patents[0].kind
        return {"design": "侵害外观设计专利权纠纷", "utility": "侵害实用新型专利权纠纷"}.get(
            kind, "侵害发明专利权纠纷"
        )
    return "侵害商标权纠纷"


def decided(rng: random.Random, filed: date, quick: bool = False) -> date:
    """The decision date: weeks after filing for quick cases, months otherwise."""
    return ids.plus_days(filed, 12, 45, rng) if quick else ids.plus_days(filed, 60, 330, rng)
