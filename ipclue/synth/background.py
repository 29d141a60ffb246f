"""Ordinary activity: everyday IP suits, small penalties, and penalties transferred to criminal cases."""

from __future__ import annotations

from datetime import date, timedelta

from ipclue.synth import ids, suits
from ipclue.synth.context import Ctx
from ipclue.synth.world import Mark, Org, Party, PatentRight

OUTCOMES = ("partly_upheld", "upheld", "dismissed", "withdrawn", "mediated")
WEIGHTS = (45, 10, 10, 18, 17)
LAST_DAY = date(2024, 12, 31)


def defendant(ctx: Ctx) -> Party:
    """An ordinary defendant: mostly shops, some companies and individuals."""
    roll = ctx.rng.random()
    if roll < 0.6:
        return ctx.free(ctx.pools.shops)
    if roll < 0.85 or not ctx.world.individuals:
        return ctx.free(ctx.pools.companies)
    return ctx.rng.choice(ctx.world.individuals)


def right_of(ctx: Ctx, owner: Org) -> tuple[list[Mark], list[PatentRight], date]:
    """One right the owner sues on, and the first day it can sue."""
    if owner.patents and (not owner.marks or ctx.rng.random() < 0.5):
        patent = ctx.rng.choice(owner.patents)
        return [], [patent], patent.granted_on
    mark = ctx.rng.choice(owner.marks)
    return [mark], [], mark.registered_on or mark.filed_on


def one_suit(ctx: Ctx, uses: dict[int, int]) -> None:
    """An ordinary suit by a rights holder who sues at most four times in all."""
    rng = ctx.rng
    owner = ctx.free(ctx.pools.owners)
    if uses.get(owner.eid, 0) >= 4 or not (owner.marks or owner.patents):
        return  # a holder whose rights the planted patterns took has nothing left to sue on
    uses[owner.eid] = uses.get(owner.eid, 0) + 1
    marks, patents, since = right_of(ctx, owner)
    filed = ids.day_between(
        rng, max(since + timedelta(days=30), date(2012, 1, 1)), LAST_DAY - timedelta(days=400)
    )
    outcome = rng.choices(OUTCOMES, WEIGHTS)[0]
    claimed = ids.round_amount(rng, 10000, 300000)
    case = suits.civil(ctx, owner, [defendant(ctx)], filed, outcome, claimed, marks=marks, patents=patents)
    suits.write(ctx, case, 0.15, rng.choices(("dismissed", "reversed"), (80, 20))[0])


def small_penalty(ctx: Ctx) -> None:
    """A small penalty for selling infringing goods (far below any criminal threshold)."""
    rng = ctx.rng
    party = ctx.free(ctx.pools.shops) if rng.random() < 0.8 else ctx.free(ctx.pools.companies)
    owner = ctx.free(ctx.pools.owners)
    if not owner.marks:
        return
    revenue = rng.randint(200, 20000)
    day = ids.day_between(rng, date(2014, 1, 1), LAST_DAY)
    ctx.out.penalty(
        suits.penalty(ctx, party, [rng.choice(owner.marks)], day, revenue, revenue // rng.randint(3, 10))
    )


def transferred_chain(ctx: Ctx) -> None:
    """A penalty above the threshold, transferred to police, then the criminal judgment."""
    rng = ctx.rng
    party = ctx.take(ctx.pools.companies if rng.random() < 0.5 else ctx.pools.shops)
    owner = ctx.free(ctx.pools.owners)
    if not owner.marks:
        return
    marks = [rng.choice(owner.marks)]
    revenue = ids.round_amount(rng, 60000, 800000, 100)
    day = ids.day_between(rng, date(2014, 1, 1), date(2023, 6, 30))
    ctx.out.penalty(
        suits.penalty(
            ctx, party, marks, day, revenue, revenue // 4, violation="假冒注册商标", transferred=True
        )
    )
    accused: list[Party] = [party, party.rep] if party.kind == "company" else [party.rep]
    filed = ids.plus_days(day, 120, 300, rng)
    suits.write(ctx, suits.criminal(ctx, accused, marks, filed, revenue, revenue // 4))


def run(ctx: Ctx, parties: int) -> None:
    """All background activity for a world of ``parties``."""
    uses: dict[int, int] = {}
    for _ in range(int(parties * 0.3)):
        one_suit(ctx, uses)
    for _ in range(int(parties * 0.1)):
        small_penalty(ctx)
    for _ in range(max(1, parties // 100)):
        transferred_chain(ctx)
