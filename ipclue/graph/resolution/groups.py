"""People across group companies: the same full name in roles at organisations that are linked.

Pure planning (no database): ``plan(people, links, thresholds) -> Plan``. Two person parties
with the same non-anonymised name are compared by the strongest link between organisations
where they hold a role (法定代表人, shareholder, officer, lawyer of a firm, or agent for an
organisation in a case: ``AGENT_OF``):

- ``same_org`` 0.95 — the same organisation;
- ``branch`` 0.92 — one is a branch of the other, or both branches of one parent;
- ``shareholder`` 0.9 — a shareholder chain of organisations (≤ 2 hops, or one common
  organisation shareholder);
- ``shared_phone`` 0.88, ``shared_address`` 0.85 — a non-generic phone or address in common;
- ``trade_name`` 0.72–0.81 — the same 字号 (longest common start of the names without region,
  place names known from the data and legal form, ≥ 2 characters, not a generic word), more
  when long or in the same region; 0.72 for the same name up to homophones (朗华/郎华);
- ``name_roles`` 0.65 — no link found, but both are 法定代表人 or shareholders (``CONTROL``) of
  organisations in one city (the 市 of the name's region prefix, else of the address; or a city
  unknown, on one side or both), the name is rare (at most ``NAME_ONLY_BEARERS`` parties bear it) and at most
  ``NAME_ONLY_MAX`` distinguishable bearers are in such roles there: only ever a possible match.
  A 监事 or other officer is not enough: on the generator's truth at 100k parties such pairs were all
  different people, and dropping them kept every real case of ``tests/data/group_people.json``.

Litigants with nothing else in common (no organisation, no birth date: 被告：王国平,男,汉族) are
compared by their cases (``suits``: the same court and opposing party, the same counsel, one filing
batch): a possible match only, weighted as a 字号 link is.

Every further kind of link adds 0.05 (at most 0.97). The result is weighted by the name's
rarity: ``1 - rarity · log2(c)`` (at least 0.5), where ``c`` counts the distinguishable people
bearing the name who could have produced the link by coincidence:

- for a link that can occur between any organisations (字号), every distinguishable bearer in the
  data (parties without any role, plus groups of linked parties);
- for no link (``name_roles``), the distinguishable bearers in ``CONTROL`` roles in that city,
  those at organisations of unknown city included (they count in every city);
- for a link that puts the organisations in one small group (``same_org``, ``branch``,
  ``shareholder``, and a shared phone or address: non-generic, so borne by fewer organisations
  than the generic cutoff), only the distinguishable bearers holding roles at the two people's
  organisations or at organisations linked to them: a bearer elsewhere in the data cannot sit
  inside the group by chance. Bearers in reach are linked to one of the two, so a common name
  weakens such a link only when the group holds a bearer kept apart by a hard negative (another
  birth date or ID fragment, a rejection).

At or above ``merge`` the parties merge; between ``review`` and ``merge`` they get a
``POSSIBLY_SAME`` edge. Different birth dates or ID fragments are a hard negative; so is a
user's rejection (``distinct``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ipclue.graph.resolution import suits as suits_
from ipclue.graph.resolution.orgs import analyse
from ipclue.graph.resolution.suits import Suit
from ipclue.graph.resolution.trade_names import (
    stem,
    trade_name,
    trade_strength,
)

STRENGTH = {
    "same_org": 0.95,
    "branch": 0.92,
    "shareholder": 0.9,
    "shared_phone": 0.88,
    "shared_address": 0.85,
    "name_roles": 0.65,
}
NAME_ONLY = "person:group-name-roles"  # never a merge, whatever the score
REVIEW_ONLY = frozenset({NAME_ONLY}) | suits_.RULES  # possible matches only, whatever the score
STRUCTURAL = frozenset(f"person:group-{k}" for k in ("same-org", "branch", "shareholder"))  # one group
IN_REACH = STRUCTURAL | {"person:group-shared-phone", "person:group-shared-address"}  # see in_reach
NAME_ONLY_MAX = 3  # name-only pairs only where this few distinguishable bearers are in CONTROL roles there
NAME_ONLY_BEARERS = 5  # … and this few parties bear it in all (a rare name)
AGENT_OF = "AGENT_OF"  # an agent for an organisation in a case (the organisation's REPRESENTED_BY)
CONTROL = frozenset({"LEGAL_REP_OF", "SHAREHOLDER_OF"})  # the roles a name-only pair needs on both sides
BLOCK_CAP = 50  # a 字号 or sound shared by more same-name people is no signal
WORDS = {
    "same_org": "同一组织",
    "branch": "同一集团（分支机构）",
    "shareholder": "同一集团（股权关系）",
    "shared_phone": "共同电话",
    "shared_address": "共同地址",
    "trade_name": "相同字号",
    "name_roles": "均任企业法定代表人或股东（{where}，组织间未见关联）",
}
ROLE_WORDS = {
    "LEGAL_REP_OF": "法定代表人",
    "SHAREHOLDER_OF": "股东",
    "OFFICER_OF": "高管",
    "MEMBER_OF": "代理人",
    "AGENT_OF": "诉讼代理人",
}
_CONTROL_WORDS = "、".join(ROLE_WORDS[r] for r in sorted(CONTROL))


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Merge at or above ``merge``; POSSIBLY_SAME from ``review``; ``rarity``: weight per doubling."""

    merge: float = 0.85
    review: float = 0.6
    rarity: float = 0.04


@dataclass(frozen=True, slots=True)
class Role:
    """A person's role at an organisation (relationship type, the organisation and its city)."""

    role: str
    org: str
    org_name: str
    city: str = ""


@dataclass(slots=True)
class Person:
    """A person party as this pass sees it."""

    uid: str
    name: str
    roles: list[Role] = field(default_factory=list)
    births: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    suits: list[Suit] = field(default_factory=list)  # the cases it is in (``suits``), for review only


@dataclass(frozen=True, slots=True)
class OrgLink:
    """A link between two organisations: its kind and what it goes through (a name or value)."""

    kind: str
    through: str


@dataclass(frozen=True, slots=True)
class Pair:
    """A scored decision about two parties (``a`` < ``b``)."""

    a: str
    b: str
    score: float
    rule: str
    evidence: str


@dataclass(slots=True)
class Plan:
    """Merges (survivor → {absorbed uid: its strongest pair}) and possible matches between survivors."""

    merges: dict[str, dict[str, Pair]] = field(default_factory=dict)
    possible: list[Pair] = field(default_factory=list)


OrgLinks = dict[frozenset[str], list[OrgLink]]


def role_link(x: Role, y: Role, links: OrgLinks, places: frozenset[str]) -> list[tuple[str, float, str]]:
    """Every link between the organisations of two roles: (kind, strength, words)."""
    if x.org == y.org:
        return [("same_org", STRENGTH["same_org"], f"{WORDS['same_org']}「{x.org_name}」")]
    out = [
        (ln.kind, STRENGTH[ln.kind], f"{WORDS[ln.kind]}「{ln.through}」")
        for ln in links.get(frozenset((x.org, y.org)), [])
    ]
    if common := trade_name(x.org_name, y.org_name, places):
        out.append(("trade_name", trade_strength(x.org_name, y.org_name, common), f"相同字号「{common}」"))
    return out


Raw = tuple[Person, Person, float, str, str]  # the two people, score before weighting, rule, evidence


def link_strength(
    p: Person, q: Person, links: OrgLinks, places: frozenset[str] = frozenset()
) -> tuple[float, str, str] | None:
    """The strongest link between two people's organisations (+0.05 per further kind), else None."""
    best: dict[str, tuple[float, str, Role, Role]] = {}
    for x in p.roles:
        for y in q.roles:
            if agency_apart(x, p, y, q):
                continue
            for kind, strength, words in role_link(x, y, links, places):
                if kind not in best or strength > best[kind][0]:
                    best[kind] = (strength, words, x, y)
    if not best:
        return None
    kind = max(best, key=lambda k: (best[k][0], k))
    strength, words, x, y = best[kind]
    total = min(0.97, strength + 0.05 * (len(best) - 1))
    return total, f"person:group-{kind.replace('_', '-')}", f"同名且{words}：{_roles_words(x, y)}"


def rarity_weight(c: int, th: Thresholds) -> float:
    """``1 - rarity · log2(c)`` for ``c`` distinguishable bearers, at least 0.5."""
    return max(0.5, 1.0 - th.rarity * math.log2(c))


def agency_apart(x: Role, p: Person, y: Role, q: Person) -> bool:
    """Whether an ``AGENT_OF`` role cannot link two people: a member of a firm (or employer) is known
    by it, so two agents of different firms are two people, and an agent of a firm is not the
    client's officer. On the generator's truth at 100k parties such pairs (same-name lawyers of
    different firms acting for one client) were different people (person precision 0.998 → 0.976)."""
    if AGENT_OF not in (x.role, y.role):
        return False
    fp, fq = _firms(p), _firms(q)
    if x.role == y.role:
        return bool(fp and fq and not fp & fq)
    return bool(fp if x.role == AGENT_OF else fq)


def _firms(p: Person) -> set[str]:
    return {r.org for r in p.roles if r.role == "MEMBER_OF"}


def _roles_words(x: Role, y: Role) -> str:
    return f"{ROLE_WORDS.get(x.role, x.role)}@{x.org_name} / {ROLE_WORDS.get(y.role, y.role)}@{y.org_name}"


def controllers(people: list[Person]) -> dict[str, list[Person]]:
    """City → the people of one name in a ``CONTROL`` role at an organisation there ('': the
    organisation's city is unknown)."""
    out: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        for city in sorted({r.city for r in p.roles if r.role in CONTROL}):
            out[city].append(p)
    return out


def city_groups(people: list[Person]) -> list[tuple[str, list[Person]]]:
    """The people who could be one person by place: for each known city, those in a ``CONTROL``
    role there or at an organisation of unknown city; those of unknown city alone when no city is known."""
    by_city = controllers(people)
    unknown = by_city.pop("", [])
    groups = [(city, _unique([*there, *unknown])) for city, there in sorted(by_city.items())]
    return groups or ([("", unknown)] if unknown else [])


def _unique(people: list[Person]) -> list[Person]:
    return list({p.uid: p for p in people}.values())


def name_only(
    people: list[Person],
    root: dict[str, str],
    linked: set[frozenset[str]],
    distinct: set[frozenset[str]],
    th: Thresholds,
) -> list[Pair]:
    """``name_roles`` pairs: people in ``CONTROL`` roles in one city (or of unknown city) with no
    link found, not already joined through others (``root``), in a city where at most
    ``NAME_ONLY_MAX`` distinguishable people of the name are in such roles, weighted by that count.
    A pair found in several cities is scored in the one where both are known to be, else where the
    fewest bearers are (then by name)."""
    best: dict[frozenset[str], tuple[tuple[bool, int, str], Person, Person]] = {}
    for city, there in city_groups(people):
        c = len({root[p.uid] for p in there})
        if c > NAME_ONLY_MAX:
            continue
        for i, p in enumerate(there):
            for q in there[i + 1 :]:
                key = frozenset((p.uid, q.uid))
                if key in linked or root[p.uid] == root[q.uid] or conflict(p, q, distinct):
                    continue
                rank = (not _control_in(p, q, city)[1], c, city)
                if key not in best or rank < best[key][0]:
                    best[key] = (rank, p, q)
    return [_name_pair(p, q, city, c, th) for (_, c, city), p, q in best.values()]


def _name_pair(p: Person, q: Person, city: str, c: int, th: Thresholds) -> Pair:
    """The ``name_roles`` pair of ``p`` and ``q`` in ``city`` (``c`` bearers in ``CONTROL`` roles there)."""
    weight = rarity_weight(c, th)
    (x, y), known = _control_in(p, q, city)
    where = f"同在「{city}」" if known else "所在城市未明"
    why = f"同名且{WORDS['name_roles'].format(where=where)}：{_roles_words(x, y)}"
    scope = f"「{city}」" if city else "城市未明的"
    count = f"{scope}同名{_CONTROL_WORDS}可区分者 {c} 人（权重 {weight:.2f}）"
    a, b = sorted((p.uid, q.uid))
    return Pair(a, b, round(STRENGTH["name_roles"] * weight, 3), NAME_ONLY, f"{why}；{count}")


def _control_in(p: Person, q: Person, city: str) -> tuple[tuple[Role, Role], bool]:
    """Their ``CONTROL`` roles in ``city`` (else of unknown city), and whether both are in it."""

    def role(x: Person) -> Role:
        return next((r for r in x.roles if r.role in CONTROL and r.city == city), None) or next(
            r for r in x.roles if r.role in CONTROL and not r.city
        )

    x, y = role(p), role(q)
    return (x, y), bool(x.city and y.city)


def conflict(p: Person, q: Person, distinct: set[frozenset[str]]) -> bool:
    """Hard negatives: different birth dates, different ID fragments, or rejected by a user."""
    return bool(
        (p.births and q.births and not p.births & q.births)
        or (p.ids and q.ids and not p.ids & q.ids)
        or frozenset((p.uid, q.uid)) in distinct
    )


Neighbours = dict[str, set[str]]


def neighbours_of(links: OrgLinks) -> Neighbours:
    """Each organisation's linked organisations (the pairs of ``links`` as an adjacency map)."""
    out: Neighbours = defaultdict(set)
    for pair in links:
        x, y = sorted(pair)
        out[x].add(y)
        out[y].add(x)
    return out


def candidates(
    people: list[Person], links: OrgLinks, places: frozenset[str], neighbours: Neighbours | None = None
) -> set[tuple[int, int]]:
    """Pairs (by index) worth comparing: the same organisation, linked organisations, or names
    sharing their first two 字号 characters or their sound. Blocks above ``BLOCK_CAP`` say nothing.
    ``neighbours``: ``neighbours_of(links)``, built once by a caller that plans many names (the
    linked pairs are then found from this name's organisations, not by scanning every link)."""
    blocks: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, p in enumerate(people):
        for r in p.roles:
            blocks[("org", r.org)].add(i)
            blocks[("stem", stem(r.org_name, places)[:2])].add(i)
            blocks[("sound", analyse(r.org_name).pinyin)].add(i)
    out = {(i, j) for b in blocks.values() if len(b) <= BLOCK_CAP for i in b for j in b if i < j}
    near = neighbours_of(links) if neighbours is None else neighbours
    for kind, x in [k for k in blocks if k[0] == "org"]:
        for y in near.get(x, ()):
            for i in blocks[(kind, x)]:
                out.update((min(i, j), max(i, j)) for j in blocks.get(("org", y), ()) if i != j)
    return out


def name_pairs(
    people: list[Person],
    bearers: int,
    links: OrgLinks,
    th: Thresholds,
    distinct: set[frozenset[str]],
    places: frozenset[str] = frozenset(),
    neighbours: Neighbours | None = None,
) -> list[Pair]:
    """Scored pairs among the parties of one name (``bearers``: how many parties bear it in all;
    people joined by an organisation link count as one bearer, a name-only pair does not): linked
    pairs among the ``candidates``, then, for a rare name, the name-only pairs of those not linked
    (``name_only``), then the litigation pairs of those not linked (``suit_pairs``)."""
    raw: list[Raw] = []
    for i, j in sorted(candidates(people, links, places, neighbours)):
        p, q = people[i], people[j]
        if not conflict(p, q, distinct) and (hit := link_strength(p, q, links, places)):
            raw.append((p, q, *hit))
    root = _roots([p.uid for p in people], [(p.uid, q.uid) for p, q, *_ in raw])
    near = neighbours_of(links) if neighbours is None else neighbours
    linked = {frozenset((p.uid, q.uid)) for p, q, *_ in raw}
    named = name_only(people, root, linked, distinct, th) if bearers <= NAME_ONLY_BEARERS else []
    litigants = suit_pairs(people, bearers, root, distinct, th)
    return _weighted(raw, people, bearers, th, near, root) + named + litigants


def suit_pairs(
    people: list[Person], bearers: int, root: dict[str, str], distinct: set[frozenset[str]], th: Thresholds
) -> list[Pair]:
    """Litigation pairs (``suits``) between people not joined by an organisation link, weighted by
    every distinguishable bearer of the name."""
    c = max(1, len(set(root.values())) + bearers - len(people))
    w = rarity_weight(c, th)
    out = []
    for i, j in sorted(suits_.candidate_pairs([p.suits for p in people])):
        p, q = people[i], people[j]
        if root[p.uid] == root[q.uid] or conflict(p, q, distinct):
            continue
        if hit := suits_.suit_link(p.suits, q.suits):
            score, rule, why = hit
            a, b = sorted((p.uid, q.uid))
            out.append(Pair(a, b, round(score * w, 3), rule, f"{why}；同名可区分者 {c} 人（权重 {w:.2f}）"))
    return out


def _weighted(
    raw: list[Raw], people: list[Person], bearers: int, th: Thresholds, near: Neighbours, root: dict[str, str]
) -> list[Pair]:
    """The pairs weighted by the name's rarity: the bearers in reach for a link within a small
    group (``IN_REACH``), else every distinguishable bearer (``root``: people joined by an
    organisation link count as one)."""
    everywhere = max(1, len(set(root.values())) + bearers - len(people))
    out = []
    for p, q, s, rule, why in raw:
        local = rule in IN_REACH
        c = in_reach(p, q, people, root, near) if local else everywhere
        weight = rarity_weight(c, th)
        where = "关联组织内同名可区分者" if local else "同名可区分者"
        a, b = sorted((p.uid, q.uid))
        out.append(Pair(a, b, round(s * weight, 3), rule, f"{why}；{where} {c} 人（权重 {weight:.2f}）"))
    return out


def in_reach(p: Person, q: Person, people: list[Person], root: dict[str, str], near: Neighbours) -> int:
    """The distinguishable bearers (linked groups) holding a role at ``p``'s or ``q``'s
    organisations or at an organisation linked to one of them."""
    orgs = {r.org for r in (*p.roles, *q.roles)}
    reach = orgs | {n for o in orgs for n in near.get(o, ())}
    return len({root[x.uid] for x in people if any(r.org in reach for r in x.roles)})


def plan(
    names: dict[str, tuple[list[Person], int]],
    links: OrgLinks,
    th: Thresholds,
    distinct: Iterable[frozenset[str]] = (),
    places: frozenset[str] = frozenset(),
) -> Plan:
    """Merges and possible matches for every name (``names``: name → (people with roles or suits, bearers);
    ``places``: place names known from the data, never a 字号)."""
    out, rejected, near = Plan(), set(distinct), neighbours_of(links)
    for name in sorted(names):
        people, bearers = names[name]
        pairs = name_pairs(sorted(people, key=lambda p: p.uid), bearers, links, th, rejected, places, near)
        strong = [p for p in pairs if p.score >= th.merge and p.rule not in REVIEW_ONLY]
        root = _roots([p.uid for p in people], [(p.a, p.b) for p in strong])
        for pair in sorted(strong, key=lambda p: (-p.score, p.a, p.b)):
            absorbed = out.merges.setdefault(root[pair.a], {})
            for uid in (pair.a, pair.b):
                if uid != root[uid]:
                    absorbed.setdefault(uid, pair)
        out.possible.extend(_possible(pairs, root, th))
    return out


def _possible(pairs: list[Pair], root: dict[str, str], th: Thresholds) -> list[Pair]:
    """The best review-band pair between each two merged groups, between their survivors."""
    best: dict[tuple[str, str], Pair] = {}
    for p in pairs:
        a, b = sorted((root[p.a], root[p.b]))
        if a == b or p.score < th.review or (p.score >= th.merge and p.rule not in REVIEW_ONLY):
            continue
        if (a, b) not in best or p.score > best[(a, b)].score:
            best[(a, b)] = Pair(a, b, p.score, p.rule, p.evidence)
    return [best[k] for k in sorted(best)]


def _roots(uids: list[str], edges: list[tuple[str, str]]) -> dict[str, str]:
    """Each uid's component survivor: the smallest uid of its component."""
    return {u: min(c) for c in _components(uids, edges) for u in c}


def union_roots(uids: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Union-find: each uid (and each edge end) mapped to its component's lowest uid."""
    parent = {u: u for u in uids}

    def find(u: str) -> str:
        parent.setdefault(u, u)
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {u: find(u) for u in parent}


def _components(uids: list[str], edges: list[tuple[str, str]]) -> list[set[str]]:
    roots = union_roots(uids, edges)
    comps: dict[str, set[str]] = {}
    for u in uids:
        comps.setdefault(roots[u], set()).add(u)
    return list(comps.values())
