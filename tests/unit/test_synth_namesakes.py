"""The generator's hard negatives for person resolution: same full name, different people."""

from __future__ import annotations

import random

import pytest

from ipclue.synth import population
from ipclue.synth.world import Org


def test_namesakes_are_different_people_leading_unrelated_companies() -> None:
    world, _ = population.build(random.Random(5), 3000)
    assert len(world.namesakes) >= 20
    reps: dict[int, list[Org]] = {}
    for org in world.orgs:
        reps.setdefault(id(org.rep), []).append(org)
    kinds = set()
    for person, twin, kind in world.namesakes:
        kinds.add(kind)
        assert person is not twin and person.name == twin.name and person.born != twin.born
        (a,), (b,) = reps[id(person)][:1], reps[id(twin)]
        assert a is not b and b.parent is None
        assert not {id(x) for x, _ in a.shareholders} & {id(x) for x, _ in b.shareholders}
        assert (twin, 90.0) in b.shareholders or any(x is twin for x, _ in b.shareholders)
        if kind != "unrelated":
            assert a.region.city == b.region.city
    assert kinds == set(population.NAMESAKE_KINDS)


def test_namesakes_leave_the_rest_of_the_world_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    planted, _ = population.build(random.Random(5), 1000)
    monkeypatch.setattr(population, "namesakes", lambda *_: None)
    plain, _ = population.build(random.Random(5), 1000)
    assert planted.namesakes and not plain.namesakes
    twins = {id(t) for _, t, _ in planted.namesakes}
    assert [(o.name, o.uscc) for o in planted.orgs] == [(o.name, o.uscc) for o in plain.orgs]
    assert [(p.name, p.born) for p in planted.persons if id(p) not in twins] == [
        (p.name, p.born) for p in plain.persons
    ]
