"""Planted civil patterns of issue 16 and their hard negatives: split suits against one defendant
group (拆分诉讼), civil judgments whose facts show a crime (民刑衔接), and a civil case with large
damages but no counterfeiting finding."""

from __future__ import annotations

from datetime import date, timedelta

from ipclue.synth import ids, rights, suits
from ipclue.synth.cases import Litigant
from ipclue.synth.context import Ctx
from ipclue.synth.patterns import THRESHOLD_END, _victim_marks
from ipclue.synth.world import Mark, Org, Party

STORE_SUFFIXES = ("店", "分公司", "专卖店")


def _branch(ctx: Ctx, head: Org) -> Org:
    """A store or branch of ``head`` in another district, named head + place + suffix."""
    store = ctx.world.org("company", trade=head.trade)
    del ctx.world.org_names[store.name]
    suffix = ctx.rng.choice(STORE_SUFFIXES)
    store.name = f"{head.name}{store.region.city.removesuffix('市')}{store.region.district[:2]}{suffix}"
    ctx.world.org_names[store.name] = store
    store.reserved = True
    return store


def split_series(ctx: Ctx) -> None:
    """Two linked plaintiffs sue a head office and one of its stores at a time, on the same marks,
    in the courts of several cities within a year; claims far above the awards."""
    rng = ctx.rng
    found = ctx.pattern("split_suits")
    first = ctx.take(ctx.pools.companies)
    second = ctx.take(ctx.pools.companies)
    head = ctx.take(ctx.pools.companies)
    start = ids.day_between(rng, date(2014, 1, 1), date(2023, 6, 30))
    word = rights.mark_word(rng, first)
    marks = [
        rights.add_mark(ctx.world, first, word, cls, start - timedelta(days=rng.randint(400, 900)), None)
        for cls in rights.classes(rng, 2)
    ]
    stores = [_branch(ctx, head) for _ in range(rng.randint(3, 5))]
    for i, store in enumerate(stores):
        filed = start + timedelta(days=i * rng.randint(5, 30))  # filed together, before any is decided
        case = suits.civil(
            ctx,
            first,
            [store, head],
            filed,
            "partly_upheld",
            ids.round_amount(rng, 150000, 2000000, 10000),
            marks=marks,
            absent=0.0,
        )
        case.litigants.insert(1, Litigant(second, "plaintiff", "原告", case.litigants[0].agents))
        case.awarded = ids.round_amount(rng, 0, 5000, 100) or None
        found.documents += suits.write(ctx, case)
    found.subjects = [first, second, head, *stores]


def civil_counterfeit(ctx: Ctx) -> None:
    """A civil judgment finding counterfeit goods (same mark, same goods) and a sales amount above
    the threshold in force, against a party never prosecuted."""
    rng = ctx.rng
    found = ctx.pattern("civil_to_criminal")
    party = ctx.take(ctx.pools.companies if rng.random() < 0.5 else ctx.pools.shops)
    mark = rng.choice(_victim_marks(ctx))
    filed = ids.day_between(rng, date(2015, 1, 1), THRESHOLD_END - timedelta(days=400))
    sales = ids.round_amount(rng, 60000, 900000, 100)
    case = suits.civil(ctx, _owner(mark), [party], filed, "partly_upheld", sales, marks=[mark], absent=0.1)
    case.fact_text = (
        f"经比对，被诉侵权商品与原告注册商标核定使用的商品属于同一种商品，所使用的标识与原告第{mark.reg_no}号注册商标相同，"
        f"系假冒注册商标的商品。被告销售上述假冒商品的销售金额为{sales}元。"
    )
    found.documents += suits.write(ctx, case)
    found.subjects = [party, party.rep] if party.kind == "shop" else [party]  # a shop is sued as its 经营者


def damages_without_counterfeit(ctx: Ctx) -> None:
    """Hard negative: large damages and a sales figure, but a similar mark, not the same one: no crime."""
    rng = ctx.rng
    found = ctx.negative("damages_no_counterfeit")
    party = ctx.take(ctx.pools.companies)
    mark = rng.choice(_victim_marks(ctx))
    filed = ids.day_between(rng, date(2015, 1, 1), THRESHOLD_END - timedelta(days=400))
    claimed = ids.round_amount(rng, 300000, 2000000, 10000)
    case = suits.civil(ctx, _owner(mark), [party], filed, "partly_upheld", claimed, marks=[mark], absent=0.1)
    case.awarded = ids.round_amount(rng, 100000, claimed, 1000)
    case.fact_text = (
        f"经比对，被诉侵权标识与原告第{mark.reg_no}号注册商标构成近似，容易导致相关公众混淆。"
        f"被告销售被诉侵权商品的销售金额为{ids.round_amount(rng, 80000, 500000, 100)}元。"
    )
    found.documents += suits.write(ctx, case)
    found.subjects = [party]


def _owner(mark: Mark) -> Party:
    """The mark's holder, who sues."""
    return mark.owner()
