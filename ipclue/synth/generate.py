"""Generating one corpus: the world, the planted patterns and negatives, background, registries, truth."""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ipclue.synth import (
    background,
    civil_patterns,
    criminal,
    negatives,
    patterns,
    population,
    registry,
    truth,
)
from ipclue.synth.cases import Docket
from ipclue.synth.context import Ctx
from ipclue.synth.output import Output

# one pattern (or negative) per this many parties; demo guarantees a handful of each
RATES = {
    "ring": 250,
    "serial": 200,
    "squatter": 500,
    "not_transferred": 150,
    "invalidated": 250,
    "bulk": 800,
    "famous": 1500,
    "sister": 400,
    "below": 150,
    "large_filer": 1000,
    "sentence_error": 200,
    "sentence_in_band": 200,
    "probation_two_years": 400,
    "co_offender": 300,
    "co_offender_tried": 300,
    "split": 700,
    "civil_counterfeit": 300,
    "damages_no_counterfeit": 400,
}
DEMO_MIN = {"squatter": 2, "bulk": 2, "famous": 2, "large_filer": 2, "split": 2}
PROFILES = ("demo", "bench")
OWNED = ("judgments", "penalties", "registry", "penalties.jsonl", "truth.json", ".documents.tmp")


@dataclass(slots=True)
class SynthSummary:
    """What a run wrote."""

    out: Path
    seed: int
    parties: int
    profile: str
    documents: dict[str, int] = field(default_factory=dict)
    patterns: dict[str, int] = field(default_factory=dict)
    negatives: dict[str, int] = field(default_factory=dict)
    registry: dict[str, int] = field(default_factory=dict)
    entities: int = 0
    bytes: int = 0
    seconds: float = 0.0


def how_many(kind: str, parties: int, profile: str) -> int:
    """How many instances of a pattern or negative to plant."""
    floor = DEMO_MIN.get(kind, 3) if profile == "demo" else 1
    return max(floor, parties // RATES[kind])


def clear(out: Path) -> None:
    """Remove what a previous run wrote (only the paths this generator owns)."""
    for name in OWNED:
        path = out / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def tasks(ctx: Ctx, parties: int, profile: str) -> list[Callable[[], None]]:
    """Every pattern, negative and background step, shuffled so documents interleave."""
    famous = patterns.famous_brands(ctx, how_many("famous", parties, profile))
    n = {k: how_many(k, parties, profile) for k in RATES}
    uses: dict[int, int] = {}
    todo: list[Callable[[], None]] = [lambda b=b: negatives.famous_brand(ctx, b) for b in famous]  # type: ignore[misc]
    todo += [lambda: patterns.ring(ctx)] * n["ring"] + [lambda: patterns.serial(ctx)] * n["serial"]
    todo += [lambda: patterns.squatter(ctx, famous)] * n["squatter"] + [lambda: patterns.bulk(ctx)] * n[
        "bulk"
    ]
    todo += [lambda: patterns.not_transferred(ctx)] * n["not_transferred"]
    todo += [lambda: patterns.invalidated(ctx)] * n["invalidated"]
    todo += [lambda: negatives.sister_dispute(ctx)] * n["sister"] + [
        lambda: negatives.below_threshold(ctx)
    ] * n["below"]
    todo += [lambda: negatives.large_filer(ctx)] * n["large_filer"]
    todo += criminal_tasks(ctx, n)
    todo += [lambda: civil_patterns.split_series(ctx)] * n["split"]
    todo += [lambda: civil_patterns.civil_counterfeit(ctx)] * n["civil_counterfeit"]
    todo += [lambda: civil_patterns.damages_without_counterfeit(ctx)] * n["damages_no_counterfeit"]
    todo += [lambda: background.one_suit(ctx, uses)] * int(parties * 0.3)
    todo += [lambda: background.small_penalty(ctx)] * int(parties * 0.1)
    todo += [lambda: background.transferred_chain(ctx)] * max(1, parties // 100)
    ctx.rng.shuffle(todo)
    return todo


def criminal_tasks(ctx: Ctx, n: dict[str, int]) -> list[Callable[[], None]]:
    """The criminal-judgment patterns and negatives (synth/criminal.py)."""
    steps: dict[str, Callable[[Ctx], None]] = {
        "sentence_error": criminal.sentence_error,
        "sentence_in_band": criminal.sentence_in_band,
        "probation_two_years": criminal.probation_two_years,
        "co_offender": criminal.co_offender,
        "co_offender_tried": criminal.co_offender_tried,
    }
    return [lambda f=f: f(ctx) for k, f in steps.items() for _ in range(n[k])]  # type: ignore[misc]


def generate(out: Path, parties: int, seed: int, profile: str = "demo") -> SynthSummary:
    """Write a synthetic corpus for ``parties`` parties under ``out``; same seed, same bytes."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; use one of {PROFILES}")
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    clear(out)
    rng = random.Random(seed)
    world, pools = population.build(rng, parties)
    ctx = Ctx(rng, world, pools, Docket(rng), Output(out, rng, world.org_names))
    assert pools.big_firm is not None
    ctx.out.watch[pools.big_firm.eid] = []
    for task in tasks(ctx, parties, profile):
        task()
    negatives.big_law_firm(ctx, ctx.out.watch[pools.big_firm.eid])
    return _finish(ctx, SynthSummary(out, seed, parties, profile), started)


def _finish(ctx: Ctx, summary: SynthSummary, started: float) -> SynthSummary:
    """Registries, truth.json and the summary."""
    out, world = ctx.out, ctx.world
    summary.registry = {
        "companies": registry.write_companies(world, out),
        "trademarks": registry.write_trademarks(world, out),
        "patents": registry.write_patents(world, out),
    }
    first = {no for p in ctx.patterns if p.kind == "trademark_squatting" for no in p.documents[:10]}
    squatted = [m for m in world.marks if m.reg_no in first]
    summary.registry["qichacha_trademarks"] = registry.write_qichacha((squatted + world.marks[:20])[:40], out)
    meta = {"seed": summary.seed, "parties": summary.parties, "profile": summary.profile}
    summary.entities = truth.write(ctx, meta, out.close())
    summary.documents = dict(sorted(out.counts.items()))
    for f in ctx.patterns:
        summary.patterns[f.kind] = summary.patterns.get(f.kind, 0) + 1
    for f in ctx.negatives:
        summary.negatives[f.kind] = summary.negatives.get(f.kind, 0) + 1
    summary.bytes = sum(p.stat().st_size for p in summary.out.rglob("*") if p.is_file())
    summary.seconds = time.perf_counter() - started
    return summary
