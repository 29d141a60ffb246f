"""Populating a world of about N parties: companies, groups, shells, shops, people, firms, rights."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from ipclue.synth import data, names, rights
from ipclue.synth.world import Org, Person, World


@dataclass(slots=True)
class Pools:
    """The ordinary parties background activity and patterns draw from."""

    companies: list[Org] = field(default_factory=list)
    shops: list[Org] = field(default_factory=list)
    owners: list[Org] = field(default_factory=list)
    firms: list[Org] = field(default_factory=list)
    agencies: list[Org] = field(default_factory=list)
    groups: list[list[Org]] = field(default_factory=list)
    big_firm: Org | None = None
    office_users: list[Org] = field(default_factory=list)


def firms(world: World, n: int, pools: Pools) -> None:
    """Law firms with lawyers, one big firm, and trademark/patent agencies."""
    rng = world.rng
    for i in range(n):
        firm = world.org("firm")
        firm.staff = [world.person(firm.region) for _ in range(rng.randint(2, 6) if i else 24)]
        pools.firms.append(firm)
    pools.big_firm = pools.firms[0]
    pools.agencies = [world.org("agency") for _ in range(max(4, n // 2))]


def group(world: World, pools: Pools) -> list[Org]:
    """A holding company (集团) with 2–4 subsidiaries sharing its 字号."""
    rng = world.rng
    holding = world.org("company", group=True)
    subs = [
        world.org("company", region=holding.region, trade=holding.trade) for _ in range(rng.randint(2, 4))
    ]
    for sub in subs:
        sub.shareholders = [(holding, float(rng.choice((51, 60, 70, 100))))]
        sub.parent = holding
        if rng.random() < 0.5:
            sub.rep = holding.rep
    holding.shareholders = [(holding.rep, 60.0), (world.person(holding.region), 40.0)]
    pools.groups.append([holding, *subs])
    return [holding, *subs]


def shells(world: World) -> list[Org]:
    """One person controlling 2–3 companies (legal rep and majority shareholder of each)."""
    boss = world.person()
    out = [world.org("company", region=boss.region, rep=boss) for _ in range(world.rng.randint(2, 3))]
    for org in out:
        org.shareholders = [(boss, 90.0), (world.person(boss.region), 10.0)]
    return out


def ordinary(world: World) -> Org:
    """A company with 1–3 personal shareholders and officers."""
    rng = world.rng
    org = world.org("company")
    other = world.person(org.region)
    pct = float(rng.choice((50, 60, 70, 80, 100)))
    org.shareholders = [(org.rep, pct)]
    if pct < 100:
        org.shareholders.append((other, 100.0 - pct))
    return org


def finish_company(world: World, org: Org, pools: Pools) -> None:
    """Officers, renames, and statuses."""
    rng = world.rng
    org.officers = [
        (org.rep, "执行董事" if org.rep_title != "董事长" else "董事长"),
        (world.person(org.region), "监事"),
    ]
    if rng.random() < 0.03:
        org.former_name = names.company_name(rng, org.region, names.trade_name(rng))
        org.renamed_on = rng.choice((date(2015, 6, 1), date(2017, 3, 1), date(2019, 9, 1)))
    org.status = rng.choices(("存续", "在业", "注销", "吊销"), (70, 20, 7, 3))[0]
    if rng.random() < 0.35:
        rights.portfolio(world, org, rng.randint(1, 4), date(2004, 1, 1), date(2018, 12, 31), pools.agencies)
        pools.owners.append(org)
    if rng.random() < 0.12:
        for _ in range(rng.randint(1, 3)):
            kind = rng.choice(("design", "utility", "invention"))
            rights.add_patent(world, org, kind, world_day(rng, 2008, 2019), pools.agencies)
        if org not in pools.owners:
            pools.owners.append(org)


def world_day(rng: random.Random, y0: int, y1: int) -> date:
    """A random day in the years [y0, y1]."""
    return date(rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28))


def build(rng: random.Random, parties: int) -> tuple[World, Pools]:
    """A world with about ``parties`` litigable parties (55% companies, 25% shops, 20% people)."""
    world, pools = World(rng), Pools()
    firms(world, max(6, parties // 400), pools)
    n_companies = int(parties * 0.55)
    while len(pools.companies) < n_companies:
        roll = rng.random()
        made = group(world, pools) if roll < 0.03 else shells(world) if roll < 0.06 else [ordinary(world)]
        pools.companies.extend(made)
    office(world, pools, max(8, parties // 500))
    for org in pools.companies:
        finish_company(world, org, pools)
    for _ in range(int(parties * 0.25)):
        pools.shops.append(world.org("shop"))
    for _ in range(parties - len(pools.companies) - len(pools.shops)):
        world.individual()
    namesakes(world, pools, max(3, parties // 100))
    return world, pools


NAMESAKE_KINDS = ("same_city_same_trade", "same_city", "unrelated")


def namesakes(world: World, pools: Pools, n: int) -> None:
    """Hard negatives: ``n`` companies get as legal representative (and shareholder, officer) a new
    person bearing the full name of another company's legal representative — unrelated companies
    (no group, shareholder or address in common), by turns in the same city and trade (行业), in the
    same city, or anywhere. Drawn from their own Random: the rest of the world is unchanged."""
    rng = random.Random(repr(world.rng.getstate()[1][:16]))  # seeded from the state, drawing nothing
    reps = Counter(id(o.rep) for o in world.orgs)
    free = [
        o
        for o in pools.companies
        if reps[id(o.rep)] == 1 and not o.parent and o.address != world.office_address
    ]
    used: set[int] = set()
    for i in range(n):
        kind = NAMESAKE_KINDS[i % len(NAMESAKE_KINDS)]
        a = rng.choice(pools.companies)
        b = _unrelated(rng, a, free, used, kind)
        if b is None:
            continue
        used.update((id(a), id(b)))
        twin = world.namesake(a.rep, b.region, rng)
        _replace_rep(b, twin)
        world.namesakes.append((a.rep, twin, kind))


def _unrelated(rng: random.Random, a: Org, free: list[Org], used: set[int], kind: str) -> Org | None:
    """A company unrelated to ``a`` that fits ``kind`` (same city and trade, same city, any)."""
    owners = {id(x) for x, _ in a.shareholders}
    for b in rng.sample(free, min(len(free), 200)):
        if b is a or id(b) in used or id(b) in owners or any(id(x) in owners for x, _ in b.shareholders):
            continue
        city = b.region.city == a.region.city
        if kind == "unrelated" or (city and (kind == "same_city" or _industry(a) == _industry(b))):
            return b
    return None


def _industry(org: Org) -> str:
    """The 行业 word of a company name (科技, 贸易 …), or ''."""
    return next((w for w in data.words()["industry"] if w in org.name.removeprefix(org.region.city)[2:]), "")


def _replace_rep(org: Org, person: Person) -> None:
    """``person`` replaces ``org``'s legal representative in every role the representative held there."""
    old = org.rep
    org.rep = person
    org.shareholders = [(person if x is old else x, pct) for x, pct in org.shareholders]
    org.officers = [(person if x is old else x, title) for x, title in org.officers]


def office(world: World, pools: Pools, n: int) -> None:
    """A registered-office provider's address shared by ``n`` unrelated companies."""
    region = data.regions()[2]
    where = f"{region.city}{region.district}前海深港合作区前湾一路1号A栋201室"
    world.office_address = f"{where}（入驻{region.city}前海商务秘书有限公司）"
    users = world.rng.sample(pools.companies, min(n, len(pools.companies)))
    for org in users:
        org.address = world.office_address
    pools.office_users = users


def lawyer(
    rng: random.Random, pools: Pools, big_share: float = 0.08, avoid: Collection[int] = ()
) -> tuple[Person, Org]:
    """A lawyer and firm for an ordinary client.

    The big firm takes a share; firms in ``avoid`` (eids) never.
    """
    for _ in range(20):
        firm = pools.big_firm if pools.big_firm and rng.random() < big_share else rng.choice(pools.firms[1:])
        if firm.eid not in avoid:
            break
    return rng.choice(firm.staff), firm
