"""Trademark and patent registrations for world parties."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ipclue.synth import data, ids, names
from ipclue.synth.world import Mark, Org, Party, PatentRight, World

KIND_DIGIT = {"invention": 1, "utility": 2, "design": 3}


def classes(rng: random.Random, n: int) -> list[int]:
    """``n`` distinct Nice classes from the ones with goods text, stable order."""
    pool = sorted(data.goods())
    return rng.sample(pool, min(n, len(pool)))


def mark_word(rng: random.Random, owner: Party) -> str:
    """The owner's 字号, the 字号 plus a character, or a new coined word."""
    trade = owner.trade if isinstance(owner, Org) else names.trade_name(rng)
    roll = rng.random()
    if roll < 0.5:
        return trade
    if roll < 0.8:
        return trade + rng.choice(data.words()["trade"])
    return names.trade_name(rng)


def add_mark(world: World, owner: Party, word: str, cls: int, filed: date, agency: Org | None) -> Mark:
    """Register one mark (granted 9–18 months after filing)."""
    rng = world.rng
    granted = filed + timedelta(days=rng.randint(270, 540))
    mark = Mark(world.reg_no(), word, cls, owner, agency, filed, granted)
    world.marks.append(mark)
    if isinstance(owner, Org):
        owner.marks.append(mark)
    return mark


def portfolio(world: World, owner: Org, n: int, start: date, end: date, agencies: list[Org]) -> list[Mark]:
    """``n`` marks for an ordinary owner, filed over the period."""
    rng = world.rng
    word = mark_word(rng, owner)
    out = []
    for cls in classes(rng, n):
        filed = ids.day_between(rng, start, end)
        agency = rng.choice(agencies) if agencies and rng.random() < 0.7 else None
        out.append(
            add_mark(world, owner, word if rng.random() < 0.7 else mark_word(rng, owner), cls, filed, agency)
        )
    return out


def patent_title(rng: random.Random, kind: str) -> str:
    """A title from the templates."""
    template = rng.choice(data.patent_titles()[kind])
    return template.format(x=rng.choice(data.patent_things()), y=rng.choice(("一", "二", "A1", "Pro")))


def add_patent(world: World, owner: Org, kind: str, filed: date, agencies: list[Org]) -> PatentRight:
    """Grant one patent to ``owner`` with one to three inventors."""
    rng = world.rng
    granted = filed + timedelta(days=rng.randint(120, 400) if kind != "invention" else rng.randint(500, 1100))
    inventors = [owner.rep] + [world.person(owner.region) for _ in range(rng.randint(0, 2))]
    agency = rng.choice(agencies) if agencies and rng.random() < 0.6 else None
    number = ids.patent_number(rng, filed.year, KIND_DIGIT[kind])
    patent = PatentRight(number, patent_title(rng, kind), kind, [owner], inventors, agency, filed, granted)
    world.patents.append(patent)
    owner.patents.append(patent)
    return patent
