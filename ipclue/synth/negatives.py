"""Hard negatives: look like a pattern at a glance, must not be flagged."""

from __future__ import annotations

from datetime import date, timedelta

from ipclue.synth import ids, population, rights, suits
from ipclue.synth.context import Ctx
from ipclue.synth.patterns import THRESHOLD_END, _victim_marks
from ipclue.synth.world import Org, Party


def famous_brand(ctx: Ctx, brand: Org) -> None:
    """A famous brand suing many unrelated counterfeiters over years; mostly won on the merits."""
    rng = ctx.rng
    found = ctx.negative("famous_brand")
    start = ids.day_between(rng, date(2012, 1, 1), date(2016, 12, 31))
    for _ in range(rng.randint(15, 40)):
        filed = ids.day_between(rng, start, start + timedelta(days=rng.randint(1800, 2900)))
        outcome = rng.choices(
            ("partly_upheld", "upheld", "dismissed", "mediated", "withdrawn"), (60, 15, 10, 10, 5)
        )[0]
        defendant: Party = ctx.free(ctx.pools.shops) if rng.random() < 0.7 else ctx.free(ctx.pools.companies)
        case = suits.civil(
            ctx,
            brand,
            [defendant],
            filed,
            outcome,
            ids.round_amount(rng, 20000, 500000),
            marks=[rng.choice(brand.marks)],
            absent=0.15,
        )
        found.documents += suits.write(ctx, case, 0.15)
    found.subjects = [brand]


def sister_dispute(ctx: Ctx) -> None:
    """Two subsidiaries of one group in one ordinary, contested dispute."""
    rng, world = ctx.rng, ctx.world
    found = ctx.negative("sister_dispute")
    free = [g for g in ctx.pools.groups if len(g) >= 3 and not any(o.reserved for o in g)]
    members = rng.choice(free) if free else population.group(world, ctx.pools)
    for org in members:
        org.reserved = True
    a, b = members[1], members[2]
    filed = ids.day_between(rng, date(2013, 1, 1), date(2023, 6, 30))
    mark = (
        a.marks[0]
        if a.marks
        else rights.add_mark(world, a, a.trade, rights.classes(rng, 1)[0], filed - timedelta(days=1500), None)
    )
    outcome = rng.choice(("dismissed", "partly_upheld"))
    case = suits.civil(
        ctx, a, [b], filed, outcome, ids.round_amount(rng, 50000, 200000), marks=[mark], absent=0.0
    )
    found.documents += suits.write(ctx, case, 0.3)
    found.subjects = [a, b]


def below_threshold(ctx: Ctx) -> None:
    """A 假冒注册商标 penalty just under the criminal threshold (correctly not transferred)."""
    rng = ctx.rng
    found = ctx.negative("below_threshold")
    party = ctx.take(ctx.pools.shops if rng.random() < 0.6 else ctx.pools.companies)
    revenue = ids.round_amount(rng, 15000, 49000, 100)
    day = ids.day_between(rng, date(2015, 1, 1), THRESHOLD_END - timedelta(days=30))
    pen = suits.penalty(
        ctx,
        party,
        [rng.choice(_victim_marks(ctx))],
        day,
        revenue,
        min(29000, revenue // rng.randint(2, 6)),
        violation="假冒注册商标",
    )
    found.documents.append(ctx.out.penalty(pen))
    found.subjects = [party]


def large_filer(ctx: Ctx) -> None:
    """A company filing many of its own marks over many years: no copying, no transfers."""
    rng, world = ctx.rng, ctx.world
    found = ctx.negative("large_filer")
    org = world.org("company", trade=None)
    org.reserved = True
    population.finish_company(world, org, ctx.pools)
    first = rng.randint(2004, 2010)
    agency = rng.choice(ctx.pools.agencies)
    count, span = rng.randint(40, 90), rng.randint(8, 15)
    for i in range(count):
        word = org.trade if i % 3 else org.trade + rng.choice(("优品", "优选", "生活", "家", "派", "坊"))
        year = first + i * span // count
        mark = rights.add_mark(
            world,
            org,
            word,
            rng.choice(rights.classes(rng, 1)),
            population.world_day(rng, year, year),
            agency,
        )
        found.documents.append(mark.reg_no)
    found.subjects = [org]


def big_law_firm(ctx: Ctx, docs: list[str]) -> None:
    """The big firm that represents many unrelated clients."""
    firm = ctx.pools.big_firm
    assert firm is not None
    found = ctx.negative("big_law_firm")
    found.subjects = [firm]
    found.documents = docs
