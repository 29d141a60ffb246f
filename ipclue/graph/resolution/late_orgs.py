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
conflicting USCC or address. A pair a reviewer held apart (a split or a rejected match) is never
merged. The survivor is the registered party (``org-<USCC>``), else the party with more mentions.
Merged mentions keep their old rule in the evidence (``… (was org:new: …)``). The people at the
survivors are then grouped again (``corroborate.group_persons`` for those names): the lawyers of a
firm that was split in two were two parties each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ipclue.cypher import query
from ipclue.graph.db import Graph, chunks
from ipclue.graph.resolution import org_rules
from ipclue.graph.resolution.corroborate import group_persons, merge_all
from ipclue.graph.resolution.groups import Pair, Thresholds
from ipclue.graph.resolution.orgs import OrgName, analyse, describe_difference, name_similarity
from ipclue.graph.resolution.profiles import Profile, from_row

BUCKET_LIMIT = 50  # parties sharing one pinyin key beyond which the key says nothing (compared: none)
Merges = dict[str, dict[str, Pair]]


def late_orgs(graph: Graph, th: Thresholds, survivors: set[str], scope: list[str] | None) -> dict[str, int]:
    """Plan and apply the pass (``scope``: only the pinyin keys of these parties' mentions; None: all);
    the survivors go into ``survivors``, and the people at them are grouped again."""
    keys = _keys(graph, scope)
    profiles = [from_row(r) for part in chunks(keys, 5000) for r in _profiles(graph, part)]
    merges = plan(profiles, held_apart(graph))
    merge_all(graph, sorted(merges.items()))
    survivors.update(merges)
    counts = {"late_org_merged": sum(len(ab) for ab in merges.values())}
    if merges:
        again = group_persons(graph, th, survivors, sorted(merges))
        counts["late_group_merged"] = again.get("group_merged", 0)
    return counts


def _keys(graph: Graph, scope: list[str] | None) -> list[str]:
    if scope is None:
        return [r["key"] for r in graph.read(query("derive/org_shared_pinyins"))]
    rows = [r for part in chunks(scope, 5000) for r in graph.read(query("derive/org_pinyins_of"), uids=part)]
    return sorted({r["key"] for r in rows})


def _profiles(graph: Graph, pinyins: list[str]) -> list[dict[str, object]]:
    return graph.read(query("resolve/org_candidates"), names=[], variants=[], pinyins=pinyins, usccs=[])


def held_apart(graph: Graph) -> set[frozenset[str]]:
    """Pairs of parties a reviewer split or declared different (never merged by a rule)."""
    rows = graph.read(query("resolve/judgements"))
    return {frozenset((r["a"], r["b"])) for r in rows if r["kind"] in ("split", "distinct")}


def plan(profiles: Iterable[Profile], apart: set[frozenset[str]] | None = None) -> Merges:
    """Survivor uid → {absorbed uid: the pair (rule, score, evidence) that joined it}; ``apart``: pairs
    never merged (``held_apart``)."""
    apart = apart or set()
    buckets: dict[str, dict[str, Profile]] = defaultdict(dict)
    for p in profiles:
        for name in p.names:
            buckets[analyse(name).pinyin][p.uid] = p
    pairs: dict[frozenset[str], Pair] = {}
    for bucket in buckets.values():
        if 1 < len(bucket) <= BUCKET_LIMIT:
            found = sorted(bucket.values(), key=lambda p: p.uid)
            for i, p in enumerate(found):
                for q in found[i + 1 :]:
                    if frozenset((p.uid, q.uid)) not in apart and (pair := match(p, q)) is not None:
                        pairs.setdefault(frozenset((p.uid, q.uid)), pair)
    by_uid = {p.uid: p for b in buckets.values() for p in b.values()}
    return _merges(by_uid, _unambiguous(by_uid, pairs))


def _unambiguous(by_uid: dict[str, Profile], pairs: dict[frozenset[str], Pair]) -> dict[frozenset[str], Pair]:
    """The pairs less those of a party matched to organisations with full USCCs that differ (宝创实业有限公司
    matching both 深圳市宝创实业 and 长沙市宝创实业): which one it is, the names cannot tell, so it is left
    as it is, as the resolver leaves a mention with several corroborated candidates."""
    codes: dict[str, set[str]] = defaultdict(set)
    for key in pairs:
        a, b = sorted(key)
        codes[a] |= by_uid[b].usccs
        codes[b] |= by_uid[a].usccs
    torn = {u for u, found in codes.items() if len(found) > 1}
    return {k: x for k, x in pairs.items() if not k & torn}


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
    """The matched pairs joined strongest first (``_strength``) into groups, never two groups with
    full USCCs that differ (a chain through parties without a code never joins two registered
    organisations); each group merged into its best party, each absorbed party with the pair that
    joined it (to the survivor when there is one, else its first joined pair)."""
    root = {u: u for u in by_uid}
    codes = {u: set(p.usccs) for u, p in by_uid.items()}

    def find(u: str) -> str:
        while root[u] != u:
            root[u] = root[root[u]]
            u = root[u]
        return u

    joined: dict[frozenset[str], Pair] = {}
    for key, pair in sorted(pairs.items(), key=lambda kv: _strength(kv[1])):
        ra, rb = find(pair.a), find(pair.b)
        if ra == rb or (codes[ra] and codes[rb] and not codes[ra] & codes[rb]):
            continue
        root[max(ra, rb)] = min(ra, rb)
        codes[min(ra, rb)] |= codes.pop(max(ra, rb))
        joined[key] = pair
    groups: dict[str, list[str]] = defaultdict(list)
    for uid in by_uid:
        groups[find(uid)].append(uid)
    out: Merges = {}
    for members in groups.values():
        if len(members) > 1:
            keep = min(members, key=lambda u: (not by_uid[u].usccs, -by_uid[u].size, u))
            out[keep] = {u: _pair_of(u, keep, pairs, joined) for u in sorted(members) if u != keep}
    return out


def _strength(pair: Pair) -> tuple[bool, float, str, str]:
    """Variants (the same name up to region, brackets, legal form) first, then by score and uids."""
    return pair.rule != "org:late-variant", -pair.score, pair.a, pair.b


def _pair_of(
    uid: str, keep: str, pairs: dict[frozenset[str], Pair], joined: dict[frozenset[str], Pair]
) -> Pair:
    """The pair of ``uid`` with the survivor if they matched, else the first pair that joined it."""
    direct = pairs.get(frozenset((uid, keep)))
    return direct or min((x for k, x in joined.items() if uid in k), key=lambda x: (x.a, x.b))
