"""What every generator step shares: the world, its pools, the docket and the output."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ipclue.synth.cases import Docket
from ipclue.synth.output import Output
from ipclue.synth.population import Pools
from ipclue.synth.world import Org, Party, World


@dataclass(slots=True)
class Finding:
    """A planted pattern or a hard negative, for truth.json."""

    id: str
    kind: str
    subjects: list[Party] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Ctx:
    """The generator's shared state."""

    rng: random.Random
    world: World
    pools: Pools
    docket: Docket
    out: Output
    patterns: list[Finding] = field(default_factory=list)
    negatives: list[Finding] = field(default_factory=list)

    def take(self, pool: list[Org]) -> Org:
        """An unreserved organisation from ``pool``, now reserved for one pattern."""
        org = self.free(pool)
        org.reserved = True
        return org

    def free(self, pool: list[Org]) -> Org:
        """An unreserved organisation from ``pool``; a new one of the same kind if few are left."""
        for _ in range(30):
            org = self.rng.choice(pool)
            if not org.reserved:
                return org
        org = self.world.org(pool[0].kind)
        pool.append(org)
        return org

    def pattern(self, kind: str) -> Finding:
        """A new planted pattern of ``kind``."""
        finding = Finding(f"P{len(self.patterns) + 1:04d}", kind)
        self.patterns.append(finding)
        return finding

    def negative(self, kind: str) -> Finding:
        """A new hard negative of ``kind``."""
        finding = Finding(f"N{len(self.negatives) + 1:04d}", kind)
        self.negatives.append(finding)
        return finding
