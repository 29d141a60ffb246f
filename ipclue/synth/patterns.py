"""Planted patterns: false-litigation rings, serial infringers, squatters, untransferred penalties,
suits on later-invalidated rights, and bulk enforcement."""

from __future__ import annotations

from datetime import date, timedelta

from ipclue.synth import data, ids, names, population, rights, suits
from ipclue.synth.context import Ctx
from ipclue.synth.world import Mark, Org, Party, Person

THRESHOLD_END = date(2025, 4, 26)  # 法释〔2025〕5号 replaced the 2004 thresholds


def _agent(ctx: Ctx) -> list[tuple[Person, Org | None]]:
    """One small-firm lawyer (never the big firm)."""
    firm = ctx.rng.choice(ctx.pools.firms[1:])
    return [(ctx.rng.choice(firm.staff), firm)]


def ring(ctx: Ctx) -> None:
    """2–4 companies sharing a boss, an address and a phone sue each other; quick settlements."""
    rng, world = ctx.rng, ctx.world
    found = ctx.pattern("false_litigation_ring")
    boss = world.person()
    address, phone = names.address(rng, boss.region), ids.phone(rng, "0755")
    orgs = []
    for i in range(rng.randint(2, 4)):
        rep = boss if i == 0 or rng.random() < 0.5 else world.person(boss.region)
        same_address = i == 0 or rng.random() < 0.7
        org = world.org("company", region=boss.region, rep=rep, address=address if same_address else None)
        # The first company registers both; every other one the address or the phone (often both),
        # so each is tied to the first by a registered identifier, not only by its shareholder's
        # name (a name alone never identifies a person across companies).
        same_phone = rng.random() < 0.8 or i == 0 or not same_address
        org.phone, org.reserved = phone if same_phone else org.phone, True
        org.shareholders = [(boss, float(rng.choice((60, 80, 100))))]
        population.finish_company(world, org, ctx.pools)
        orgs.append(org)
    plaintiff = orgs[0]
    start = ids.day_between(rng, date(2014, 1, 1), date(2023, 6, 30))
    mark = rights.add_mark(
        world,
        plaintiff,
        rights.mark_word(rng, plaintiff),
        rng.choice(rights.classes(rng, 1)),
        start - timedelta(days=rng.randint(500, 900)),
        None,
    )
    agent = _agent(ctx)
    for j in range(rng.randint(2, 5)):
        p, d = (
            (plaintiff, orgs[1 + j % (len(orgs) - 1)])
            if j % 2 == 0 or len(orgs) == 2
            else rng.sample(orgs, 2)
        )
        outcome = "mediated" if rng.random() < 0.6 else "withdrawn"
        filed = start + timedelta(days=j * rng.randint(5, 40))
        case = suits.civil(
            ctx,
            p,
            [d],
            filed,
            outcome,
            ids.round_amount(rng, 200000, 3000000, 10000),
            marks=[mark],
            absent=0.5,
            quick=True,
            p_agents=agent,
            d_agents=[],
        )
        found.documents += suits.write(ctx, case)
    found.subjects = [*orgs, boss]


def _victim_marks(ctx: Ctx) -> list[Mark]:
    """Marks of an ordinary owner that an infringer copies."""
    for _ in range(50):
        owner = ctx.free(ctx.pools.owners)
        if owner.marks:
            return owner.marks
    # A small world whose owners' marks the other patterns took: the victim registers one now.
    owner, rng = ctx.free(ctx.pools.owners), ctx.rng
    filed = ids.day_between(rng, date(2008, 1, 1), date(2013, 12, 31))
    word, cls = rights.mark_word(rng, owner), rng.choice(rights.classes(rng, 1))
    return [rights.add_mark(ctx.world, owner, word, cls, filed, None)]


def serial(ctx: Ctx) -> None:
    """One operator and its shells penalised and sued repeatedly, amounts rising."""
    rng, world = ctx.rng, ctx.world
    found = ctx.pattern("serial_infringer")
    main = ctx.take(ctx.pools.shops if rng.random() < 0.5 else ctx.pools.companies)
    shells = [world.org("company", region=main.region, rep=main.rep) for _ in range(rng.randint(1, 2))]
    for shell in shells:
        shell.reserved, shell.shareholders = True, [(main.rep, 100.0)]
    day = ids.day_between(rng, date(2013, 1, 1), date(2019, 12, 31))
    marks = _victim_marks(ctx)
    for step in range(rng.randint(3, 6)):
        who: Party = main if step < 2 else rng.choice([main, *shells])
        mark = rng.choice(marks)
        revenue = min(45000, 3000 * (step + 1) * rng.randint(1, 3))
        if step % 2 == 0:
            found.documents.append(
                ctx.out.penalty(suits.penalty(ctx, who, [mark], day, revenue, revenue // 5))
            )
        else:
            owner = mark.owner()
            case = suits.civil(
                ctx,
                owner,
                [who],
                day,
                rng.choice(("partly_upheld", "upheld")),
                ids.round_amount(rng, 50000 * step, 100000 * step),
                marks=[mark],
                absent=0.4,
            )
            found.documents += suits.write(ctx, case)
        day += timedelta(days=rng.randint(150, 400))
    found.subjects = [main, *shells, main.rep]


def squatter(ctx: Ctx, famous: list[Org]) -> None:
    """Bulk filings copying others' marks and trade names in many classes, transfers, squat-then-sue."""
    rng, world = ctx.rng, ctx.world
    found = ctx.pattern("trademark_squatting")
    sq = world.org("company", trade=names.trade_name(rng, 3))
    sq.reserved = True
    agency = rng.choice(ctx.pools.agencies)
    start = ids.day_between(rng, date(2012, 1, 1), date(2019, 12, 31))
    victims: list[Org] = []
    for _ in range(rng.randint(20, 45)):
        roll = rng.random()
        source = rng.choice(famous) if roll < 0.3 and famous else ctx.free(ctx.pools.companies)
        word = source.marks[0].mark if roll >= 0.6 and source.marks else source.trade
        mark = rights.add_mark(
            world, sq, word, rights.classes(rng, 1)[0], ids.plus_days(start, 0, 150, rng), agency
        )
        found.documents.append(mark.reg_no)
        if rng.random() < 0.3:
            to: Party = ctx.free(ctx.pools.companies) if rng.random() < 0.6 else world.person()
            mark.transfers.append((to, ids.plus_days(mark.registered_on or start, 200, 900, rng)))
        elif source not in famous and source.established < start and len(victims) < 2:
            victims.append(source)
            _squat_suit(ctx, sq, source, mark, found.documents)
    found.subjects = [sq, sq.rep]


def _squat_suit(ctx: Ctx, sq: Org, prior_user: Org, mark: Mark, docs: list[str]) -> None:
    """The squatter sues the prior user of the name it registered."""
    rng = ctx.rng
    filed = ids.plus_days(mark.registered_on or mark.filed_on, 60, 500, rng)
    outcome = rng.choices(("dismissed", "withdrawn", "mediated", "partly_upheld"), (35, 25, 25, 15))[0]
    case = suits.civil(
        ctx,
        sq,
        [prior_user],
        filed,
        outcome,
        ids.round_amount(rng, 100000, 1000000, 10000),
        marks=[mark],
        absent=0.1,
    )
    docs += suits.write(ctx, case, 0.3)


def not_transferred(ctx: Ctx) -> None:
    """A 假冒注册商标 penalty above the 2004 threshold, never transferred to the police."""
    rng = ctx.rng
    found = ctx.pattern("penalty_not_transferred")
    party = ctx.take(ctx.pools.companies if rng.random() < 0.5 else ctx.pools.shops)
    high_gain = rng.random() < 0.3
    revenue = (
        ids.round_amount(rng, 20000, 45000, 100) if high_gain else ids.round_amount(rng, 50000, 600000, 100)
    )
    gain = ids.round_amount(rng, 30000, 60000, 100) if high_gain else revenue // rng.randint(3, 8)
    day = ids.day_between(rng, date(2015, 1, 1), THRESHOLD_END - timedelta(days=30))
    pen = suits.penalty(
        ctx, party, [rng.choice(_victim_marks(ctx))], day, max(revenue, gain), gain, violation="假冒注册商标"
    )
    found.documents.append(ctx.out.penalty(pen))
    found.subjects = [party]


def invalidated(ctx: Ctx) -> None:
    """An owner wins suits on a right that is invalidated after the judgments."""
    rng, world = ctx.rng, ctx.world
    found = ctx.pattern("invalidated_right_litigation")
    owner = world.org("company")
    owner.reserved = True
    population.finish_company(world, owner, ctx.pools)
    filed = ids.day_between(rng, date(2012, 1, 1), date(2021, 12, 31))
    if rng.random() < 0.5:
        right = rights.add_patent(world, owner, rng.choice(("design", "utility")), filed, ctx.pools.agencies)
        marks, patents, since, rid = [], [right], right.granted_on, right.number
    else:
        mark = rights.add_mark(
            world, owner, rights.mark_word(rng, owner), rights.classes(rng, 1)[0], filed, None
        )
        marks, patents, since, rid = [mark], [], mark.registered_on or filed, mark.reg_no
    last = since
    for _ in range(rng.randint(1, 3)):
        day = ids.plus_days(since, 60, 500, rng)
        case = suits.civil(
            ctx,
            owner,
            [ctx.free(ctx.pools.shops)],
            day,
            rng.choice(("upheld", "partly_upheld")),
            ids.round_amount(rng, 30000, 500000),
            marks=marks,
            patents=patents,
        )
        found.documents += suits.write(ctx, case)
        last = max(last, case.decided_on)
    gone = ids.plus_days(last, 60, 500, rng)
    for mark in marks:
        mark.invalidated_on, mark.status = gone, "无效"
    for patent in patents:
        patent.invalidated_on, patent.status = gone, "无效"
    found.documents.append(rid)
    found.subjects = [owner]


def bulk(ctx: Ctx) -> None:
    """One plaintiff suing many small shops in a short window on the same marks; mostly withdrawn/settled."""
    rng, world = ctx.rng, ctx.world
    found = ctx.pattern("bulk_enforcement")
    plaintiff = world.org("company", trade=names.trade_name(rng))
    plaintiff.reserved = True
    start = ids.day_between(rng, date(2015, 1, 1), date(2023, 6, 30))
    cls = rights.classes(rng, 2)
    marks = [
        rights.add_mark(
            world, plaintiff, plaintiff.trade, c, start - timedelta(days=rng.randint(700, 2000)), None
        )
        for c in cls
    ]
    agent, claimed = _agent(ctx), rng.choice((30000, 50000, 100000))
    n, judged = rng.randint(10, 30), 0
    for _ in range(n):
        outcome = rng.choices(("withdrawn", "mediated", "partly_upheld"), (45, 30, 25))[0]
        if outcome == "partly_upheld":  # most suits end withdrawn or settled: at most a third judged
            judged += 1
            outcome = outcome if judged <= n // 3 else "withdrawn"
        case = suits.civil(
            ctx,
            plaintiff,
            [ctx.take(ctx.pools.shops)],
            ids.plus_days(start, 0, 100, rng),
            outcome,
            claimed,
            marks=[rng.choice(marks)],
            absent=0.4,
            p_agents=agent,
        )
        found.documents += suits.write(ctx, case)
    found.subjects = [plaintiff]


def famous_brands(ctx: Ctx, n: int) -> list[Org]:
    """Well-known brands (old marks in many classes), used by squatters and the famous-brand negative."""
    rng, world, out = ctx.rng, ctx.world, []
    for i in range(n):
        famous = data.words()["famous"]
        trade = famous[i] if i < len(famous) else names.trade_name(rng)
        brand = world.org("company", trade=trade, group=True)
        brand.reserved = True
        population.finish_company(world, brand, ctx.pools)
        for cls in rights.classes(rng, rng.randint(6, 12)):
            rights.add_mark(
                world,
                brand,
                brand.trade,
                cls,
                ids.day_between(rng, date(1998, 1, 1), date(2008, 12, 31)),
                None,
            )
        out.append(brand)
    return out
