"""Building cases and penalties from parties: courts, dates, amounts, outcomes, agents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ipclue.synth import cases, ids, population
from ipclue.synth.cases import Case, Litigant, PenaltyCase
from ipclue.synth.context import Ctx
from ipclue.synth.criminal_bands import lawful_months
from ipclue.synth.judgment_criminal import accused
from ipclue.synth.world import Mark, Org, Party, PatentRight, Person

DOC_TYPE = {"withdrawn": "ruling", "mediated": "mediation"}
Agents = list[tuple[Person, Org | None]]


def agents_for(
    ctx: Ctx, party: Party, p_lawyer: float = 0.75, other_side: Sequence[tuple[Person, Org | None]] = ()
) -> Agents:
    """Zero to two agents: lawyers of one firm, or an employee.

    Never the other side's firm (律师法 第三十九条).
    """
    rng = ctx.rng
    if rng.random() < p_lawyer:
        taken = {firm.eid for _, firm in other_side if firm is not None}
        person, firm = population.lawyer(rng, ctx.pools, avoid=taken)
        extra = [(rng.choice(firm.staff), firm)] if rng.random() < 0.3 else []
        return [(person, firm), *[e for e in extra if e[0] is not person]]
    if isinstance(party, Org) and party.kind == "company" and rng.random() < 0.5:
        return [(ctx.world.person(party.region), None)]
    return []


def award(ctx: Ctx, outcome: str, claimed: int) -> int | None:
    """The amount awarded or agreed for an outcome."""
    rng = ctx.rng
    if outcome == "upheld":
        return claimed
    if outcome in ("partly_upheld", "mediated"):
        return ids.round_amount(rng, max(1000, claimed // 10), max(2000, claimed * 6 // 10))
    return None


def court_for(ctx: Ctx, defendant: Party, filed: date, patents: list[PatentRight]) -> cases.Court:
    """Where a first-instance IP suit is heard: base court for marks from 2016, else intermediate."""
    level = "base" if not patents and filed.year >= 2016 and ctx.rng.random() < 0.7 else "mid"
    return cases.court(defendant.region, level)


def civil(
    ctx: Ctx,
    plaintiff: Party,
    defendants: list[Party],
    filed: date,
    outcome: str,
    claimed: int,
    *,
    marks: list[Mark] | None = None,
    patents: list[PatentRight] | None = None,
    absent: float = 0.2,
    quick: bool = False,
    p_agents: Agents | None = None,
    d_agents: Agents | None = None,
) -> Case:
    """A first-instance civil IP case (not yet written)."""
    rng, marks, patents = ctx.rng, marks or [], patents or []
    court = court_for(ctx, defendants[0], filed, patents)
    decided = cases.decided(rng, filed, quick)
    lits = [
        Litigant(plaintiff, "plaintiff", "原告", agents_for(ctx, plaintiff) if p_agents is None else p_agents)
    ]
    for d in defendants:
        gone = rng.random() < absent
        lits.append(
            Litigant(
                d,
                "defendant",
                "被告",
                [] if gone else (agents_for(ctx, d, 0.4, lits[0].agents) if d_agents is None else d_agents),
                gone,
            )
        )
    no = ctx.docket.case_no(court, filed.year, "civil", "first")
    return Case(
        no,
        court,
        "civil",
        DOC_TYPE.get(outcome, "judgment"),
        "first",
        cases.civil_cause(marks, patents),
        filed,
        decided,
        lits,
        marks,
        patents,
        claimed,
        award(ctx, outcome, claimed),
        outcome,
    )


def appeal(ctx: Ctx, first: Case, outcome: str = "dismissed") -> Case:
    """The second-instance judgment on ``first`` (appealed by the losing side)."""
    rng = ctx.rng
    plaintiff, defendant = first.by_role("plaintiff")[0], first.by_role("defendant")[0]
    by_defendant = first.outcome != "dismissed"
    a, b = (defendant, plaintiff) if by_defendant else (plaintiff, defendant)
    lits = [
        Litigant(
            a.party,
            "appellant",
            "上诉人（原审被告）" if by_defendant else "上诉人（原审原告）",
            a.agents or agents_for(ctx, a.party, other_side=b.agents),
        ),
        Litigant(
            b.party, "appellee", "被上诉人（原审原告）" if by_defendant else "被上诉人（原审被告）", b.agents
        ),
    ]
    court = cases.upper(first.court)
    filed = ids.plus_days(first.decided_on, 30, 90, rng)
    no = ctx.docket.case_no(court, filed.year, "civil", "second")
    return Case(
        no,
        court,
        "civil",
        "judgment",
        "second",
        first.cause,
        filed,
        cases.decided(rng, filed),
        lits,
        first.marks,
        first.patents,
        first.claimed,
        first.awarded,
        outcome,
        prior=first,
    )


def penalty(
    ctx: Ctx,
    party: Party,
    marks: list[Mark],
    decided: date,
    revenue: int,
    gain: int,
    *,
    violation: str = "销售侵犯注册商标专用权的商品",
    transferred: bool = False,
) -> PenaltyCase:
    """A 市场监管 penalty decision against ``party``."""
    rng = ctx.rng
    name, abbr = cases.authority(party.region, rng)
    fine = max(
        500,
        min(revenue * rng.choice((1, 2, 3)), 1_500_000)
        if revenue >= 50000
        else revenue * rng.choice((1, 2, 3)),
    )
    owner = marks[0].owner() if marks else None
    complainant = owner if isinstance(owner, Org) and rng.random() < 0.6 else None
    region = party.region
    police = f"{region.city}公安局{'' if region.district == region.city else region.district[:-1]}分局"
    return PenaltyCase(
        ctx.docket.decision_no(abbr, decided.year),
        name,
        decided,
        party,
        marks,
        violation,
        revenue,
        gain,
        fine,
        rng.randint(20, 3000),
        complainant,
        transferred,
        police,
    )


def criminal(ctx: Ctx, parties: list[Party], marks: list[Mark], filed: date, revenue: int, gain: int) -> Case:
    """A 刑事 first-instance judgment for counterfeiting marks."""
    rng = ctx.rng
    court = cases.court(parties[0].region, "base")
    cause = "假冒注册商标罪" if rng.random() < 0.6 else "销售假冒注册商标的商品罪"
    lits = [accused(p, agents_for(ctx, p, 0.7)) for p in parties]
    no = ctx.docket.case_no(court, filed.year, "criminal", "first")
    return Case(
        no,
        court,
        "criminal",
        "judgment",
        "first",
        cause,
        filed,
        cases.decided(rng, filed),
        lits,
        marks,
        outcome="convicted",
        illegal_revenue=revenue,
        illegal_gain=gain,
        fine=max(10000, revenue // 2 // 1000 * 1000),
        prison_months=lawful_months(rng, revenue, gain, len(marks), filed),
    )


def write(ctx: Ctx, case: Case, appeal_share: float = 0.0, appeal_outcome: str = "dismissed") -> list[str]:
    """Write a case (and, sometimes, its appeal); returns the case numbers written."""
    docs = [ctx.out.judgment(case)]
    if case.doc_type == "judgment" and case.division == "civil" and ctx.rng.random() < appeal_share:
        docs.append(ctx.out.judgment(appeal(ctx, case, appeal_outcome)))
    return docs
