"""Civil-side detectors against the real Neo4j: civil-to-criminal, split-suits, serial-infringer
episodes, trademark-squatting scoring; each with its hard negatives."""

from __future__ import annotations

from datetime import date

from ipclue.graph.db import Graph
from ipclue.models import Amounts, Finding, Judgment, Record
from tests.integration.test_detect_records import company, flagged, judgment, load_and_run, no_errors, uscc

D = date


def uid(n: int) -> str:
    return f"org-{uscc(n)}"


def _civil_fact_case(
    no: str, defendant: str, *, fake: bool, amounts: dict[str, float], **kw: object
) -> Judgment:
    """A civil judgment whose 查明 section found counterfeiting (or not) and these amounts."""
    j = judgment(no, "品牌股份有限公司", defendant, outcome="partly_upheld", on=D(2016, 5, 1), **kw)  # type: ignore[arg-type]
    findings = (
        [Finding(kind="counterfeit", span=(100, 180), quote="被告在同一种商品上使用与原告注册商标相同的商标")]
        if fake
        else []
    )
    findings += [
        Finding(kind=k, value=v, span=(200 + i, 260 + i), quote=f"{k} {v}")  # type: ignore[arg-type]
        for i, (k, v) in enumerate(amounts.items())
    ]
    return j.model_copy(update={"findings": findings, "amounts": Amounts(awarded=200000.0)})


def test_civil_to_criminal_counterfeit_with_amount_over_threshold(graph: Graph) -> None:
    records: list[Record] = [
        company("品牌股份有限公司", 80),
        company("假货商贸有限公司", 81),
        company("赔偿商贸有限公司", 82),
        company("少量商贸有限公司", 83),
        _civil_fact_case(
            "(2016)某01民初1号", "假货商贸有限公司", fake=True, amounts={"sales_amount": 62000.0}
        ),
        # hard negatives: damages over the threshold but no counterfeiting finding; counterfeiting below it
        _civil_fact_case(
            "(2016)某01民初2号", "赔偿商贸有限公司", fake=False, amounts={"sales_amount": 90000.0}
        ),
        _civil_fact_case(
            "(2016)某01民初3号", "少量商贸有限公司", fake=True, amounts={"illegal_gain": 12000.0}
        ),
    ]
    hits = no_errors(load_and_run(graph, records, "civil-to-criminal")).detectors[0].results
    assert [{s.key for s in h.subjects} for h in hits] == [{"(2016)某01民初1号", uid(81)}]
    spans = [e["span"] for e in hits[0].evidence]
    assert [100, 180] in spans and [200, 260] in spans
    assert "销售金额6.2万元" in hits[0].reason and "法释〔2004〕19号" in hits[0].reason


def test_civil_to_criminal_skips_a_party_already_prosecuted(graph: Graph) -> None:
    records: list[Record] = [
        company("品牌股份有限公司", 80),
        company("假货商贸有限公司", 81),
        _civil_fact_case(
            "(2016)某01民初1号", "假货商贸有限公司", fake=True, amounts={"stock_value": 150000.0}
        ),
        judgment(
            "(2016)某01刑初5号",
            "",
            "假货商贸有限公司",
            outcome="convicted",
            on=D(2016, 9, 1),
            division="criminal",
            d_role="accused_unit",
        ),
    ]
    assert flagged(no_errors(load_and_run(graph, records, "civil-to-criminal"))) == []
