"""Same-name litigants: people who recur across cases with no organisation to link them.

Real judgments often write a natural person with little more than a name (被告：王国平,男,汉族;
原告：郭东林，男，汉族，其他信息略): no birth date, no ID fragment, no organisation, so no rule of
``persons`` or of the organisation links can join the two cases. What ties them together is the
litigation itself. Two parties bearing one full name on the same side of two cases (as the party,
or as 法定代表人 of the party) are compared by what the cases share:

- ``same_opponent`` 0.78 — one court, the same party on the other side (one plaintiff sued both);
- ``same_counsel`` 0.75 — both the party themselves (not 法定代表人 of one), each represented by
  agents of the same firm (firms, not agents: an agent's uid may change in this very pass, a firm's
  does not). A firm acting for two companies says nothing of their legal representatives: on the
  generator's truth at 100k parties 73 of 81 such pairs were different people;
- ``opposing_counsel`` 0.72 — one court, the other side represented by the same firm;
- ``case_batch`` 0.72 — one court and one docket series (year, court code, type), serial numbers at
  most ``BATCH_WINDOW`` apart: filed together.

The three kinds that one plaintiff's campaign gives at once (its court and party, its firm, its
filing batch) count as one: a further 0.05 only comes with ``same_counsel`` (at most ``CAP``),
weighted by the name's rarity over every
distinguishable bearer (a court, a plaintiff or a firm is shared by many people by coincidence).
Only ever a possible match (``REVIEW_ONLY``): a reviewer confirms it. Criminal roles are left out:
a criminal judgment gives the accused's birth date, and a procuratorate is everyone's opponent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

STRENGTH = {"same_opponent": 0.78, "same_counsel": 0.75, "opposing_counsel": 0.72, "case_batch": 0.72}
RULES = frozenset(f"person:suit-{k.replace('_', '-')}" for k in STRENGTH)
CAP = 0.84  # below the default merge threshold; the rules are review-only whatever the threshold
BATCH_WINDOW = 10  # serial numbers of one docket series at most this far apart count as one filing
BLOCK_CAP = 50  # a court side or firm shared by more same-name people says nothing
SIDES = {
    "plaintiff": "claim",
    "appellant": "claim",
    "retrial_applicant": "claim",
    "defendant": "respond",
    "appellee": "respond",
    "retrial_respondent": "respond",
}
ROLE_WORDS = {
    "plaintiff": "原告",
    "appellant": "上诉人",
    "retrial_applicant": "再审申请人",
    "defendant": "被告",
    "appellee": "被上诉人",
    "retrial_respondent": "被申请人",
}
_DOCKET_RE = re.compile(r"^(.*?)(\d+)号$")
Named = tuple[str, str]  # (uid, name)


@dataclass(frozen=True, slots=True)
class Suit:
    """A person's place in one case: as the party (``via`` '') or as 法定代表人 of the party ``via``."""

    case: str
    court: str
    role: str
    via: str
    opponents: frozenset[Named]
    counsel: frozenset[Named]  # the firms of the party's agents in the case
    opposing: frozenset[Named]  # the firms of the other side's agents

    @property
    def side(self) -> str:
        return SIDES[self.role]


def suit_of(row: Mapping[str, Any]) -> Suit | None:
    """A suit from a row {case_no, court, role, via, counsel: [[uid, name]], others: [{uid, name, role,
    firms}]} (``resolve/group_suits``, or the bulk load's tables); None for a role with no side."""
    side = SIDES.get(row["role"])
    if side is None:
        return None
    against = [o for o in row["others"] if SIDES.get(o["role"], side) != side]
    return Suit(
        case=row["case_no"],
        court=row["court"] or "",
        role=row["role"],
        via=row["via"] or "",
        opponents=frozenset((o["uid"], o["name"] or "") for o in against),
        counsel=frozenset((u, n or "") for u, n in row["counsel"]),
        opposing=frozenset((u, n or "") for o in against for u, n in o["firms"]),
    )


def suits_by_uid(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[Suit]]:
    """Each person's suits (rows carry the person's ``uid``), in case order."""
    out: dict[str, list[Suit]] = defaultdict(list)
    for row in rows:
        if (suit := suit_of(row)) is not None:
            out[row["uid"]].append(suit)
    return {uid: sorted(set(s), key=_order) for uid, s in out.items()}


def _order(s: Suit) -> tuple[str, str, str, list[Named], list[Named], list[Named]]:
    return s.case, s.role, s.via, sorted(s.opponents), sorted(s.counsel), sorted(s.opposing)


@lru_cache(maxsize=1 << 16)
def docket(case: str) -> tuple[str, int] | None:
    """A case number's series and serial: (2014)雁民初字第05032号 → ((2014)雁民初字第, 5032)."""
    m = _DOCKET_RE.match(case)
    return (m.group(1), int(m.group(2))) if m else None


def shared(s: Suit, t: Suit) -> list[tuple[str, str]]:
    """What two suits of one side in different cases share: (kind, words)."""
    out = []
    court = s.court and s.court == t.court
    if court and (common := sorted(s.opponents & t.opponents)):
        out.append(("same_opponent", f"同一法院「{s.court}」同一对方当事人「{common[0][1]}」"))
    if not (s.via or t.via) and (common := sorted(s.counsel & t.counsel)):
        out.append(("same_counsel", f"同一代理律所「{common[0][1]}」"))
    if court and (common := sorted(s.opposing & t.opposing)):
        out.append(("opposing_counsel", f"同一法院「{s.court}」对方同一代理律所「{common[0][1]}」"))
    a, b = docket(s.case), docket(t.case)
    if court and a and b and a[0] == b[0] and abs(a[1] - b[1]) <= BATCH_WINDOW:
        out.append(("case_batch", f"同一法院「{s.court}」同批立案"))
    return out


def suit_link(p: list[Suit], q: list[Suit]) -> tuple[float, str, str] | None:
    """The strongest litigation link between two people's suits (+0.05 when both the other side's
    campaign and their own counsel tie them), else None."""
    best: dict[str, tuple[str, Suit, Suit]] = {}
    for s in p:
        for t in q:
            if s.case != t.case and s.side == t.side:
                for kind, words in shared(s, t):
                    best.setdefault(kind, (words, s, t))
    if not best:
        return None
    kind = max(best, key=lambda k: (STRENGTH[k], k))
    words, s, t = best[kind]
    origins = {"own" if k == "same_counsel" else "campaign" for k in best}
    total = min(CAP, STRENGTH[kind] + 0.05 * (len(origins) - 1))
    return total, f"person:suit-{kind.replace('_', '-')}", f"同名且{words}：{position(s)} / {position(t)}"


def position(s: Suit) -> str:
    """How the person stands in the suit: 被告（案号）, or 被告「某公司」法定代表人（案号）."""
    role = ROLE_WORDS[s.role]
    return f"{role}「{s.via}」法定代表人（{s.case}）" if s.via else f"{role}（{s.case}）"


def candidate_pairs(suits: list[list[Suit]]) -> set[tuple[int, int]]:
    """Pairs (by index) worth comparing: one court and side, or one firm on one side."""
    blocks: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for i, mine in enumerate(suits):
        for s in mine:
            blocks[("court", s.court, s.side)].add(i)
            for uid, _ in s.counsel:
                blocks[("counsel", uid, s.side)].add(i)
    return {(i, j) for b in blocks.values() if len(b) <= BLOCK_CAP for i in b for j in b if i < j}
