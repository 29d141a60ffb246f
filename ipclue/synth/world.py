"""The synthetic world: people, companies, shops, law firms, agencies, groups and their rights."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from ipclue.synth import data, ids, names
from ipclue.synth.data import Region


@dataclass(slots=True, eq=False)
class Person:
    """A natural person (litigant, legal representative, shareholder, lawyer …)."""

    eid: int
    name: str
    surname: str
    gender: str
    born: date
    region: Region
    address: str
    id_tail: str
    ethnicity: str = "汉族"
    kind: str = "person"


@dataclass(slots=True, eq=False)
class Org:
    """A company, 个体工商户 (shop), law firm or trademark agency."""

    eid: int
    name: str
    kind: str  # company | shop | firm | agency
    trade: str
    region: Region
    uscc: str
    address: str
    rep: Person
    rep_title: str
    established: date
    phone: str | None = None
    email: str | None = None
    status: str = "存续"
    former_name: str | None = None
    renamed_on: date | None = None
    parent: Org | None = None
    shareholders: list[tuple[Person | Org, float]] = field(default_factory=list)
    officers: list[tuple[Person, str]] = field(default_factory=list)
    staff: list[Person] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    patents: list[PatentRight] = field(default_factory=list)
    reserved: bool = False

    def name_on(self, day: date) -> str:
        """The registered name in force on ``day`` (the former name before a rename)."""
        if self.former_name and self.renamed_on and day < self.renamed_on:
            return self.former_name
        return self.name


Party = Person | Org


@dataclass(slots=True, eq=False)
class Mark:
    """One trademark registration (one class)."""

    reg_no: str
    mark: str
    cls: int
    applicant: Party
    agency: Org | None
    filed_on: date
    registered_on: date | None
    status: str = "注册"
    transfers: list[tuple[Party, date]] = field(default_factory=list)
    invalidated_on: date | None = None

    def owner(self) -> Party:
        """The current owner (last assignee, else the applicant)."""
        return self.transfers[-1][0] if self.transfers else self.applicant


@dataclass(slots=True, eq=False)
class PatentRight:
    """One granted patent."""

    number: str
    title: str
    kind: str
    applicants: list[Org]
    inventors: list[Person]
    agency: Org | None
    filed_on: date
    granted_on: date
    status: str = "有效"
    invalidated_on: date | None = None


NAMERS = {
    "company": names.company_name,
    "group": names.group_name,
    "shop": names.shop_name,
    "firm": names.firm_name,
    "agency": names.agency_name,
}


def _region(rng: random.Random) -> Region:
    """A district, Shenzhen / Guangzhou / Yiwu weighted up."""
    regions = data.regions()
    return regions[rng.randrange(9)] if rng.random() < 0.35 else rng.choice(regions)


class World:
    """Every party and right, with uniqueness of names and codes, built from one Random."""

    def __init__(self, rng: random.Random) -> None:
        """An empty world drawing from ``rng``."""
        self.rng = rng
        self.persons: list[Person] = []
        self.orgs: list[Org] = []
        self.individuals: list[Person] = []
        self.marks: list[Mark] = []
        self.patents: list[PatentRight] = []
        self.org_names: dict[str, Org] = {}
        self._codes: set[str] = set()
        self._reg_nos: set[str] = set()
        self._addresses: set[str] = set()
        self._next = 0
        self.office_address = ""
        self.namesakes: list[tuple[Person, Person, str]] = []  # (person, namesake, how alike): hard negatives

    def _eid(self) -> int:
        """The next entity id."""
        self._next += 1
        return self._next

    def person(self, region: Region | None = None, common_share: float = 0.08) -> Person:
        """A new natural person."""
        rng = self.rng
        region = region or _region(rng)
        name, surname, gender = names.person_name(rng, common_share)
        born = ids.day_between(rng, date(1955, 1, 1), date(1998, 12, 31))
        tail = f"{rng.randrange(1000):03d}{rng.choice('0123456789X')}"
        person = Person(self._eid(), name, surname, gender, born, region, names.address(rng, region), tail)
        self.persons.append(person)
        return person

    def namesake(self, of: Person, region: Region, rng: random.Random) -> Person:
        """A different person bearing ``of``'s full name (other birth date and ID), living in ``region``;
        drawn from ``rng`` so that planting namesakes leaves the rest of the world as it was."""
        born = of.born
        while born == of.born:
            born = ids.day_between(rng, date(1955, 1, 1), date(1998, 12, 31))
        tail = f"{rng.randrange(1000):03d}{rng.choice('0123456789X')}"
        address = names.address(rng, region)
        person = Person(self._eid(), of.name, of.surname, of.gender, born, region, address, tail)
        self.persons.append(person)
        return person

    def individual(self) -> Person:
        """A new natural-person litigant."""
        person = self.person()
        self.individuals.append(person)
        return person

    def code(self, region: Region, prefix: str) -> str:
        """A fresh, unique USCC."""
        while (code := ids.uscc(self.rng, region.code, prefix)) in self._codes:
            pass
        self._codes.add(code)
        return code

    def _fresh_address(self, region: Region) -> str:
        """A street address no other organisation has (shared addresses are only ever planted)."""
        for _ in range(50):
            address = names.address(self.rng, region)
            if address not in self._addresses:
                self._addresses.add(address)
                return address
        raise RuntimeError("no unique address")

    def _unique(self, make: str, region: Region, trade: str) -> tuple[str, str]:
        """A name not used yet, re-drawing the 字号 on clashes."""
        rng = self.rng
        maker = NAMERS[make]
        for attempt in range(50):
            name = maker(rng, region, trade)
            if name not in self.org_names:
                return name, trade
            trade = names.trade_name(rng, 2 + (attempt > 5))
        raise RuntimeError("no unique name")

    def org(
        self,
        kind: str,
        *,
        region: Region | None = None,
        trade: str | None = None,
        rep: Person | None = None,
        address: str | None = None,
        group: bool = False,
    ) -> Org:
        """A new organisation of ``kind`` with a unique name and code."""
        rng = self.rng
        region = region or _region(rng)
        name, trade = self._unique("group" if group else kind, region, trade or names.trade_name(rng))
        rep = rep or self.person(region)
        prefix = {"shop": "92", "firm": "31"}.get(kind, "91")
        title = {"shop": "经营者", "firm": "负责人"}.get(kind) or rng.choice(data.words()["title"])
        since = ids.day_between(rng, date(1998, 1, 1), date(2019, 12, 31))
        org = Org(
            self._eid(),
            name,
            kind,
            trade,
            region,
            self.code(region, prefix),
            address or self._fresh_address(region),
            rep,
            title,
            since,
        )
        org.phone = ids.phone(rng, "0755") if rng.random() < 0.85 else None
        org.email = ids.email(rng) if rng.random() < 0.6 else None
        self.orgs.append(org)
        self.org_names[name] = org
        return org

    def reg_no(self, lo: int = 1_000_000, hi: int = 60_000_000) -> str:
        """A fresh trademark registration number."""
        while (no := str(self.rng.randrange(lo, hi))) in self._reg_nos:
            pass
        self._reg_nos.add(no)
        return no
