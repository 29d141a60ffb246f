"""Planted criminal-judgment patterns and their hard negatives.

- ``criminal_sentence_review``: a 假冒注册商标 judgment whose sentence breaks a rule — no fine, 缓刑 for a
  term over three years, or a term below the 情节特别严重 band of the amounts found;
- ``co_offender_not_prosecuted``: a judgment naming a co-offender 另案处理 who is never tried.
Negatives: a sentence inside its band with a fine (``sentence_in_band``), 缓刑 for a two-year term
(``probation_two_years``), and a co-offender 另案处理 who was later tried (``co_offender_tried``).
"""

from __future__ import annotations

from datetime import date, timedelta

from ipclue.synth import ids, names, suits
from ipclue.synth.cases import Case
from ipclue.synth.context import Ctx
from ipclue.synth.page import ANON_SHARE
from ipclue.synth.patterns import _victim_marks
from ipclue.synth.world import Party, Person

LAST_FILED = date(2022, 6, 30)  # decided well before the co-offender grace period ends


def _case(ctx: Ctx, revenue: int, since: date = date(2014, 1, 1)) -> tuple[Case, list[Party]]:
    """An ordinary 假冒注册商标 case against one person (or a company and its representative)."""
    rng = ctx.rng
    marks = [rng.choice(_victim_marks(ctx))]
    shop = ctx.take(ctx.pools.shops if rng.random() < 0.6 else ctx.pools.companies)
    parties: list[Party] = [shop.rep] if rng.random() < 0.7 else [shop, shop.rep]
    filed = ids.day_between(rng, since, LAST_FILED)
    case = suits.criminal(ctx, parties, marks, filed, revenue, revenue // rng.randint(3, 6))
    case.cause = "假冒注册商标罪"
    return case, parties


def sentence_error(ctx: Ctx) -> None:
    """A sentence breaking one rule: no fine, 缓刑 over three years, or a term below the band."""
    rng = ctx.rng
    found = ctx.pattern("criminal_sentence_review")
    kind = rng.choice(("no_fine", "probation", "below_band"))
    revenue = (
        ids.round_amount(rng, 300000, 900000, 100)
        if kind != "no_fine"
        else ids.round_amount(rng, 60000, 200000, 100)
    )
    case, parties = _case(ctx, revenue)
    if kind == "no_fine":
        case.no_fine = True
    elif kind == "probation":
        case.prison_months, case.probation_months = rng.choice((42, 48, 54)), 60
    else:
        case.prison_months = rng.choice((12, 18, 24))
    found.documents.append(ctx.out.judgment(case))
    found.subjects = parties


def sentence_in_band(ctx: Ctx) -> None:
    """Hard negative: a term inside the band of the amounts, with a fine in the ratio."""
    found = ctx.negative("sentence_in_band")
    case, parties = _case(ctx, ids.round_amount(ctx.rng, 60000, 900000, 100))
    found.documents.append(ctx.out.judgment(case))
    found.subjects = parties


def probation_two_years(ctx: Ctx) -> None:
    """Hard negative: two years' imprisonment suspended (缓刑三年), amounts in the 情节严重 band."""
    found = ctx.negative("probation_two_years")
    case, parties = _case(ctx, ids.round_amount(ctx.rng, 60000, 140000, 100))
    case.prison_months, case.probation_months = 24, 36
    found.documents.append(ctx.out.judgment(case))
    found.subjects = parties


def _with_co_offender(ctx: Ctx) -> tuple[Case, list[Party], Person]:
    """A lawful case (new-style case number) naming a co-offender 另案处理, written as 张某 sometimes."""
    rng = ctx.rng
    case, parties = _case(ctx, ids.round_amount(rng, 60000, 200000, 100), since=date(2016, 1, 1))
    co = ctx.world.person(parties[-1].region)
    case.co_offenders = [co]
    case.written[co.eid] = (
        names.anonymised(co.name, co.surname, rng) if rng.random() < ANON_SHARE else co.name
    )
    return case, parties, co


def co_offender(ctx: Ctx) -> None:
    """A co-offender named 另案处理 who is never tried."""
    found = ctx.pattern("co_offender_not_prosecuted")
    case, parties, _ = _with_co_offender(ctx)
    found.documents.append(ctx.out.judgment(case))
    found.subjects = parties


def co_offender_tried(ctx: Ctx) -> None:
    """Hard negative: the co-offender 另案处理 is tried in a later case of the same court."""
    rng = ctx.rng
    found = ctx.negative("co_offender_tried")
    case, parties, co = _with_co_offender(ctx)
    found.documents.append(ctx.out.judgment(case))
    later = suits.criminal(
        ctx, [co], case.marks, case.decided_on + timedelta(days=rng.randint(30, 300)), 60000, 15000
    )
    later.court, later.written = case.court, dict(case.written)
    later.case_no = ctx.docket.case_no(case.court, later.filed_on.year, "criminal", "first")
    found.documents.append(ctx.out.judgment(later))
    found.subjects = parties
