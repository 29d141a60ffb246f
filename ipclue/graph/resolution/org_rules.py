"""Matching rules for organisations: each returns a decision or None, strongest rule first.

Scores: ``org:uscc`` 1.0, ``org:name-exact`` 0.95 (0.7 when ambiguous), ``org:name-variant``
0.85 (+0.1 corroborated), ``org:name-homophone`` 0.6 + 0.3·similarity (+0.1 corroborated),
``org:legal-form+corroborated`` 0.75, ``org:name-lookalike+corroborated`` 0.8. A full USCC that
differs is a hard negative; a masked USCC only ever corroborates. Corroboration is an address, a
legal representative, a masked USCC, or the same people in the same kind of role (a firm's
lawyers; legal representative, officers, shareholders) — most of the smaller side's. A variant or
homophone that is the only candidate is not joined on the name alone when the two sides' addresses
contradict, or when the two sides name enough people in a kind of role (``member_conflict``) and
share none: a firm named with lawyers it has never had is another firm. A one-character look-alike
is never joined on the name alone.
"""

from __future__ import annotations

import re
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


_FORM_TAIL = re.compile(r"(股份)?有限公司$")
OrgRule = Callable[[Profile, OrgName, list[Profile]], Decision | None]


def uscc_conflict(ev: Profile, cand: Profile) -> bool:
    """Hard negative: both carry full USCCs and none is shared."""
    return bool(ev.usccs and cand.usccs and not ev.usccs & cand.usccs)


def address_conflict(ev: Profile, cand: Profile) -> bool:
    """Counter-evidence: both sides know (non-generic) addresses and share none."""
    return bool(ev.addresses and cand.addresses and not ev.addresses & cand.addresses)


KNOWN_MEMBERS = 3  # people in one kind of role, both sides multiplied, for none shared to count


def _by_role(members: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in members:
        role, _, name = m.partition(":")
        out.setdefault(role, set()).add(name)
    return out


def shared_members(ev: Profile, cand: Profile) -> dict[str, set[str]]:
    """People named in the same kind of role on both sides, by role, where they are at least half
    of the smaller side's people of that role (one namesake among many lawyers is no evidence)."""
    mine, theirs = _by_role(ev.members), _by_role(cand.members)
    out = {}
    for role, names in mine.items():
        shared = names & theirs.get(role, set())
        if shared and 2 * len(shared) >= min(len(names), len(theirs[role])):
            out[role] = shared
    return out


def member_conflict(ev: Profile, cand: Profile) -> bool:
    """Counter-evidence: in a kind of role, neither side's people is among the other's, and they are
    enough that this tells (the two counts multiply to ``KNOWN_MEMBERS`` or more: one lawyer named
    against three known, or two against two)."""
    mine, theirs = _by_role(ev.members), _by_role(cand.members)
    return any(
        len(names) * len(theirs.get(r, ())) >= KNOWN_MEMBERS and not names & theirs[r]
        for r, names in mine.items()
    )


def _members_text(shared: dict[str, set[str]]) -> str:
    """'same agents 陈明, 王芳; same managers 林志远' (agents: lawyers or employees acting for it)."""
    return "; ".join(f"same {role}s {', '.join(sorted(names))}" for role, names in sorted(shared.items()))


def corroboration(ev: Profile, cand: Profile) -> str | None:
    """Independent evidence beyond the name: address, legal representative, people in the same
    roles, masked USCC."""
    if shared := ev.addresses & cand.addresses:
        return f"same address {min(shared)}"
    if shared := ev.reps & cand.reps:
        return f"same legal representative {min(shared)}"
    if people := shared_members(ev, cand):
        return _members_text(people)
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


def by_lookalike(ev: Profile, name: OrgName, cands: list[Profile]) -> Decision | None:
    """Signal: same name up to one other character (a look-alike typo: 鑫/森), plus corroboration."""
    hits = [(c, n, why) for c in cands if (n := _lookalike_match(name, c)) and (why := corroboration(ev, c))]
    if len(hits) != 1:
        return None
    cand, other, why = hits[0]
    a, b = _one_difference(name.variant, other.variant) or ("", "")
    return Decision(
        cand.uid,
        "org:name-lookalike+corroborated",
        0.8,
        f"{name.key} ~ {other.key} (one character differs {a}/{b}); {why}",
    )


RULES: tuple[OrgRule, ...] = (
    by_uscc,
    by_exact_name,
    by_variant,
    by_homophone,
    by_form_with_corroboration,
    by_lookalike,
)


def decide(ev: Profile, name: OrgName, cands: list[Profile]) -> Decision | None:
    """The first rule that decides, after dropping candidates with a conflicting USCC."""
    if (hit := by_uscc(ev, name, cands)) is not None:
        return hit
    usable = [c for c in cands if not uscc_conflict(ev, c)]
    for rule in RULES[1:]:
        if (hit := rule(ev, name, usable)) is not None:
            return hit
    return None


def _regions_fit(name: OrgName, cand: Profile) -> bool:
    """The name's region agrees with every region the candidate is known by: a party named
    成都市天途鞋业 and 天途鞋业 is not 广州市天途鞋业 through its name without a region."""
    return all(regions_compatible(name.region, analyse(n).region) for n in cand.names)


def spelt_alike(name: OrgName, cand: Profile) -> OrgName | None:
    """The candidate's name that ``name`` matches as the variant or the homophone rule asks, if any."""
    return _variant_match(name, cand) or _pinyin_match(name, cand, same_form=True)


def _variant_match(name: OrgName, cand: Profile) -> OrgName | None:
    if not _regions_fit(name, cand):
        return None
    for other in map(analyse, sorted(cand.names)):
        if other.variant == name.variant:
            return other
    return None


def _pinyin_match(name: OrgName, cand: Profile, *, same_form: bool) -> OrgName | None:
    if not _regions_fit(name, cand):
        return None
    for other in map(analyse, sorted(cand.names)):
        if other.pinyin != name.pinyin or other.branch != name.branch:
            continue
        if (other.form == name.form) == same_form:
            return other
    return None


def _lookalike_match(name: OrgName, cand: Profile) -> OrgName | None:
    if not _regions_fit(name, cand):
        return None
    for other in map(analyse, sorted(cand.names)):
        if other.form != name.form or other.branch != name.branch:
            continue
        if _one_difference(name.variant, other.variant):
            return other
    return None


def _one_difference(a: str, b: str) -> tuple[str, str] | None:
    """The two characters, when ``a`` and ``b`` differ in exactly one Chinese character in the first
    half of the name without its legal form (where the 字号 is; the trade words come after it)."""
    if len(a) != len(b) or a == b:
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    stem = len(_FORM_TAIL.sub("", a))
    if len(diff) != 1 or diff[0] >= (stem + 1) // 2:
        return None
    x, y = a[diff[0]], b[diff[0]]
    return (x, y) if "\u4e00" <= x <= "\u9fff" and "\u4e00" <= y <= "\u9fff" else None


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
    if len(hits) == 1 and not address_conflict(ev, hits[0][0]) and not member_conflict(ev, hits[0][0]):
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
