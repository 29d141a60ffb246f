"""The late organisation pass, run by ``derive`` after the group pass: organisation parties that one
name spelt two ways (a homophone, a variant) split, merged once both are known in full.

The resolver decides online: the first mention of a misspelt firm (广东恺圣律师事务所 for 广东凯圣律师事务所)
is compared with the firm as far as the graph knows it then. Named with a lawyer the firm has not
been seen with yet, it counts as another firm (``org_rules.member_conflict``) and becomes a party of
its own; every later mention with that spelling then joins it by its exact name, whatever lawyers it
names. So which firms end split depended on the order of the input. This pass looks again at the
parties sharing a pinyin key (same sound, after region, brackets and 有限责任公司 are normalised),
with everything the graph now holds about them, and merges a pair when the names match as the
homophone or variant rule asks and the two are corroborated (``org_rules.corroboration``: the same
address or legal representative, or most of the smaller side's people in the same roles), with no
conflicting USCC or address. Matched pairs join into groups; a group that would hold two different
full USCCs is left as it is (which of the two registered organisations a misspelling is, the names
cannot tell), and a party a reviewer split or declared different from another is never taken into
one. The survivor is the group's registered party (one with a USCC), else the party with more
mentions. An incremental pass starts from the keys of the parties it was given and reads on through
every key those parties are known by, so each group is compared whole, as in a full pass.
Merged mentions keep their old rule in the evidence (``… (was org:new: …)``). The people at the
survivors are then grouped again (``corroborate.group_persons`` for those names): the lawyers of a
firm that was split in two were two parties each. So are the litigants whose suits named an absorbed
party (its opponents, its clients, the other side of its lawyers' cases), whose suits now name the
survivor; the survivor's own litigants' suits are unchanged and are not planned again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ipclue.cypher import query
from ipclue.graph.db import Graph, chunks
from ipclue.graph.resolution import org_rules
from ipclue.graph.resolution.corroborate import group_persons, merge_all
from ipclue.graph.resolution.group_scope import litigant_names
from ipclue.graph.resolution.groups import Pair, Thresholds, union_roots
from ipclue.graph.resolution.orgs import OrgName, analyse, describe_difference, name_similarity
from ipclue.graph.resolution.profiles import Profile, from_row

BUCKET_LIMIT = 50  # parties sharing one pinyin key beyond which the key says nothing (compared: none)
PAGE = 5000
Merges = dict[str, dict[str, Pair]]


def late_orgs(graph: Graph, th: Thresholds, survivors: set[str], scope: list[str] | None) -> dict[str, int]:
    """Plan and apply the pass (``scope``: starting from these parties' keys; None: all); the
    survivors go into ``survivors``, and the people at them are grouped again."""
    merges = plan(read_profiles(graph, scope), judged(graph))
    # Read before the merge: only suits naming an absorbed party change (the survivor's keep their uid
    # and name), so only their litigants' names are planned again, not every litigant of a large firm.
    litigants = litigant_names(graph, sorted(u for ab in merges.values() for u in ab))
    merge_all(graph, sorted(merges.items()))
    survivors.update(merges)
    counts = {"late_org_merged": sum(len(ab) for ab in merges.values())}
    if merges:
        again = group_persons(graph, th, survivors, sorted(merges), litigants)
        counts["late_group_merged"] = again.get("group_merged", 0)
        counts["late_group_names_planned"] = again.get("group_names_planned", 0)
    return counts


def read_profiles(graph: Graph, scope: list[str] | None) -> list[Profile]:
    """The profiles under the usable keys (``derive/org_pinyins_shared``) of ``scope``'s parties, or
    under every usable key; then under the usable keys of every profile read, until none is new."""
    if scope is None:
        todo = {r["key"] for r in graph.read(query("derive/org_shared_pinyins"))}
    else:
        own = {
            r["key"]
            for part in chunks(scope, PAGE)
            for r in graph.read(query("derive/org_pinyins_of"), uids=part)
        }
        todo = _usable(graph, own)
    seen: set[str] = set()
    found: dict[str, Profile] = {}
    while todo:
        seen |= todo
        for part in chunks(sorted(todo), PAGE):
            for row in graph.read(
                query("resolve/org_candidates"), names=[], variants=[], pinyins=part, usccs=[]
            ):
                found.setdefault(row["uid"], from_row(row))
        todo = _usable(graph, {analyse(n).pinyin for p in found.values() for n in p.names} - seen)
    return [found[u] for u in sorted(found)]


def _usable(graph: Graph, keys: set[str]) -> set[str]:
    parts = chunks(sorted(keys), PAGE)
    return {r["key"] for part in parts for r in graph.read(query("derive/org_pinyins_shared"), keys=part)}


def judged(graph: Graph) -> set[str]:
    """The parties a reviewer split or declared different from another (left to the reviewer)."""
    rows = graph.read(query("resolve/judgements"))
    return {u for r in rows if r["kind"] in ("split", "distinct") for u in (r["a"], r["b"])}


def plan(profiles: Iterable[Profile], judged: set[str] | None = None) -> Merges:
    """Survivor uid → {absorbed uid: the pair (rule, score, evidence) that joined it}; the parties in
    ``judged`` take no part."""
    buckets: dict[str, dict[str, Profile]] = defaultdict(dict)
    for p in profiles:
        if p.uid not in (judged or set()):
            for name in p.names:
                buckets[analyse(name).pinyin][p.uid] = p
    pairs: dict[frozenset[str], Pair] = {}
    for bucket in buckets.values():
        if 1 < len(bucket) <= BUCKET_LIMIT:
            found = sorted(bucket.values(), key=lambda p: p.uid)
            for i, p in enumerate(found):
                for q in found[i + 1 :]:
                    if (pair := match(p, q)) is not None:
                        pairs.setdefault(frozenset((p.uid, q.uid)), pair)
    return _merges({p.uid: p for b in buckets.values() for p in b.values()}, pairs)


def match(p: Profile, q: Profile) -> Pair | None:
    """Signal: two parties named alike (variant or homophone, same legal form and branch, regions that
    fit) and corroborated, with no USCC or address that conflicts."""
    if org_rules.uscc_conflict(p, q) or org_rules.address_conflict(p, q):
        return None
    why = org_rules.corroboration(p, q)
    if why is None:
        return None
    for name in sorted(p.names):
        n = analyse(name)
        other = org_rules.spelt_alike(n, q)
        if other is not None and other.key != n.key:
            variant = other.variant == n.variant
            rule, score = ("org:late-variant", 0.95) if variant else ("org:late-homophone", _score(n, other))
            evidence = f"{n.key} ~ {other.key} ({describe_difference(n, other)}); {why}; both known in full"
            return Pair(min(p.uid, q.uid), max(p.uid, q.uid), score, rule, evidence)
    return None


def _score(a: OrgName, b: OrgName) -> float:
    """As ``org_rules.by_homophone`` scores a corroborated homophone: 0.6 + 0.3·similarity + 0.1."""
    return round(min(1.0, 0.7 + 0.3 * name_similarity(a, b)), 3)


def _merges(by_uid: dict[str, Profile], pairs: dict[frozenset[str], Pair]) -> Merges:
    """Each group of matched pairs merged into its best party, unless it holds two different full
    USCCs (宝创实业有限公司 matching both 深圳市宝创实业 and 长沙市宝创实业: left as it is); each absorbed
    party with its pair with the survivor, else its first pair."""
    roots = union_roots(by_uid, [(x.a, x.b) for x in pairs.values()])
    groups: dict[str, list[str]] = defaultdict(list)
    for uid in sorted(by_uid):
        groups[roots[uid]].append(uid)
    out: Merges = {}
    for members in groups.values():
        if len(members) > 1 and len({c for u in members for c in by_uid[u].usccs}) <= 1:
            keep = min(members, key=lambda u: (not by_uid[u].usccs, -by_uid[u].size, u))
            out[keep] = {u: _pair_of(u, keep, pairs) for u in members if u != keep}
    return out


def _pair_of(uid: str, keep: str, pairs: dict[frozenset[str], Pair]) -> Pair:
    direct = pairs.get(frozenset((uid, keep)))
    return direct or min((x for k, x in pairs.items() if uid in k), key=lambda x: (x.a, x.b))
