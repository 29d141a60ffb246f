"""Matching rules for organisations: each returns a decision or None, strongest rule first.

Scores: ``org:uscc`` 1.0, ``org:name-exact`` 0.95 (0.7 when ambiguous), ``org:name-variant``
0.85 (+0.1 corroborated), ``org:name-homophone`` 0.6 + 0.3·similarity (+0.1 corroborated),
``org:legal-form+corroborated`` 0.75. A full USCC that differs is a hard negative; a masked
USCC only ever corroborates; a variant or homophone that is the only candidate is not joined
when the two sides' addresses contradict.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ipclue.graph.resolution.orgs import (
    OrgName,
    analyse,
    describe_difference,
    name_similarity,
    regions_compatible,
)
from ipclue.graph.resolution.profiles import Profile, masked_compatible


@dataclass(frozen=True, slots=True)
class Decision:
    """A rule's choice: join ``uid`` for ``rule`` with ``score`` because of ``evidence``."""

    uid: str
    rule: str
    score: float
    evidence: str


OrgRule = Callable[[Profile, OrgName, list[Profile]], Decision | None]


def uscc_conflict(ev: Profile, cand: Profile) -> bool:
    """Hard negative: both carry full USCCs and none is shared."""
    return bool(ev.usccs and cand.usccs and not ev.usccs & cand.usccs)


def address_conflict(ev: Profile, cand: Profile) -> bool:
    """Counter-evidence: both sides know (non-generic) addresses and share none."""
    return bool(ev.addresses and cand.addresses and not ev.addresses & cand.addresses)


def corroboration(ev: Profile, cand: Profile) -> str | None:
    """Independent evidence beyond the name: address, legal representative, masked USCC."""
    if shared := ev.addresses & cand.addresses:
        return f"same address {min(shared)}"
    if shared := ev.reps & cand.reps:
        return f"same legal representative {min(shared)}"
    for masked in ev.masked | cand.masked:
        if any(masked_compatible(masked, code) for code in ev.usccs | cand.usccs):
            return f"masked USCC {masked} agrees"
    if ev.masked & cand.masked:
        return f"same masked USCC {min(ev.masked & cand.masked)}"
    return None


def by_uscc(ev: Profile, name: OrgName, cands: list[Profile]) -> Decision | None:
    """Signal: the same full, checksum-valid 统一社会信用代码."""
    for cand in cands:
        if shared := ev.usccs & cand.usccs:
            code = min(shared)
            rule = "org:uscc" if cand.uid == f"org-{code}" else "org:uscc-match"
            return Decision(cand.uid, rule, 1.0, f"统一社会信用代码 {code}")
    return None


def by_exact_name(ev: Profile, name: OrgName, cands: list[Profile]) -> Decision | None:
    """Signal: the same name after width, bracket and space normalisation."""
    hits = [c for c in cands if name.key in c.names]
    if not hits:
        return None
    best = _best(ev, hits)
    if len(hits) == 1:
        return Decision(best.uid, "org:name-exact", 0.95, f"same name {name.key}")
    return Decision(
        best.uid,
        "org:name-exact-ambiguous",
        0.7,
        f"same name {name.key}; {len(hits)} parties share it, chose the best corroborated",
    )


def by_variant(ev: Profile, name: OrgName, cands: list[Profile]) -> Decision | None:
    """Signal: same name up to region prefix, brackets and 有限公司/有限责任公司."""
    hits = [(c, n) for c in cands if (n := _variant_match(name, c))]
    return _unique_or_corroborated(ev, name, hits, "org:name-variant", 0.85)


def by_homophone(ev: Profile, name: OrgName, cands: list[Profile]) -> Decision | None:
    """Signal: same pinyin and same legal form, differing by a look-alike/homophone character."""
    hits = [(c, n) for c in cands if (n := _pinyin_match(name, c, same_form=True))]
    if not hits:
        return None
    sim = max(name_similarity(name, n) for _, n in hits)
    return _unique_or_corroborated(ev, name, hits, "org:name-homophone", 0.6 + 0.3 * sim)


def by_form_with_corroboration(ev: Profile, name: OrgName, cands: list[Profile]) -> Decision | None:
    """Signal: same name but another legal form (股份有限公司 vs 有限公司), plus corroboration."""
    for cand in cands:
        other = _pinyin_match(name, cand, same_form=False)
        why = corroboration(ev, cand) if other else None
        if other and why:
            return Decision(
                cand.uid,
                "org:legal-form+corroborated",
                0.75,
                f"{name.key} ~ {other.key} (different legal form); {why}",
            )
    return None


RULES: tuple[OrgRule, ...] = (by_uscc, by_exact_name, by_variant, by_homophone, by_form_with_corroboration)


def decide(ev: Profile, name: OrgName, cands: list[Profile]) -> Decision | None:
    """The first rule that decides, after dropping candidates with a conflicting USCC."""
    if (hit := by_uscc(ev, name, cands)) is not None:
        return hit
    usable = [c for c in cands if not uscc_conflict(ev, c)]
    for rule in RULES[1:]:
        if (hit := rule(ev, name, usable)) is not None:
            return hit
    return None


def _variant_match(name: OrgName, cand: Profile) -> OrgName | None:
    for other in map(analyse, sorted(cand.names)):
        if other.variant == name.variant and regions_compatible(name.region, other.region):
            return other
    return None


def _pinyin_match(name: OrgName, cand: Profile, *, same_form: bool) -> OrgName | None:
    for other in map(analyse, sorted(cand.names)):
        if other.pinyin != name.pinyin or other.branch != name.branch:
            continue
        if (other.form == name.form) == same_form and regions_compatible(name.region, other.region):
            return other
    return None


def _unique_or_corroborated(
    ev: Profile, name: OrgName, hits: list[tuple[Profile, OrgName]], rule: str, score: float
) -> Decision | None:
    """One candidate: join it unless its addresses contradict; several: join only the single
    corroborated one."""
    if not hits:
        return None
    backed = [(c, n, why) for c, n in hits if (why := corroboration(ev, c))]
    if len(backed) == 1 or (len(hits) == 1 and backed):
        cand, other, why = backed[0]
        return Decision(
            cand.uid,
            rule,
            min(1.0, score + 0.1),
            f"{name.key} ~ {other.key} ({describe_difference(name, other)}); {why}",
        )
    if len(hits) == 1 and not address_conflict(ev, hits[0][0]):
        cand, other = hits[0]
        return Decision(
            cand.uid,
            rule,
            score,
            f"{name.key} ~ {other.key} ({describe_difference(name, other)}); only candidate",
        )
    return None


def _best(ev: Profile, hits: list[Profile]) -> Profile:
    """The corroborated candidate if any, else the one with most mentions (uid breaks ties)."""
    return min(hits, key=lambda c: (corroboration(ev, c) is None, -c.size, c.uid))
