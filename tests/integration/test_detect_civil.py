"""Civil-side detectors against the real Neo4j: civil-to-criminal, split-suits, serial-infringer
episodes, trademark-squatting scoring; each with its hard negatives."""

from __future__ import annotations

from datetime import date

from ipclue.detect import run_detectors
from ipclue.extractors.judgment import extract_judgment
from ipclue.extractors.text import read_bytes_as_document
from ipclue.graph.db import Graph
from ipclue.models import Amounts, Finding, Judgment, Record
from tests.integration.test_detect_records import (
    company,
    conviction,
    flagged_by,
    hits_of,
    judgment,
    mark,
    no_errors,
    party,
    uid,
)

D = date


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
    hits = hits_of(graph, records, "civil-to-criminal")
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
        conviction("(2016)某01刑初5号", "假货商贸有限公司", D(2016, 9, 1)),
    ]
    assert flagged_by(graph, records, "civil-to-criminal") == []


def _series_suit(
    n: int, store: str, *, head: str = "连锁商贸有限公司", court: str = "", outcome: str = "partly_upheld"
) -> Judgment:
    """Two co-plaintiffs sue a head office and one of its stores on the same marks, in court ``court``."""
    j = judgment(
        f"(2015)某{n:02d}民初{n}号",
        "指针会展有限公司",
        store,
        outcome=outcome,
        on=D(2015, 1 + n, 1),
        marks=("7000001", "7000002"),
        claimed=160000.0,
    )
    parties = [j.parties[0], party("中为咨询有限公司", "plaintiff"), party(head, "defendant"), j.parties[1]]
    return j.model_copy(update={"parties": parties, "court": court or f"某{n}市中级人民法院"})


def _series() -> list[Record]:
    """The co-plaintiffs and the head office (the first three records), then four suits against stores."""
    records: list[Record] = [
        company("指针会展有限公司", 90),
        company("中为咨询有限公司", 91),
        company("连锁商贸有限公司", 92),
    ]
    return records + [_series_suit(i, f"连锁商贸有限公司{c}店") for i, c in enumerate("东西南北", start=1)]


def test_split_suits_one_flag_for_a_series_against_a_head_office_and_its_stores(graph: Graph) -> None:
    hits = hits_of(graph, _series(), "split-suits")
    assert len(hits) == 1
    assert {e["key"] for e in hits[0].evidence} == {f"(2015)某{i:02d}民初{i}号" for i in range(1, 5)}
    assert {uid(90), uid(91), uid(92)} <= {s.key for s in hits[0].subjects}
    assert "4案" in hits[0].reason and "判赔0元" in hits[0].reason  # claims far above awards raise it


def test_split_suits_ignores_a_brand_owner_suing_unrelated_infringers_one_suit_each(graph: Graph) -> None:
    records: list[Record] = [company("名牌股份有限公司", 93)]
    records += [
        judgment(
            f"(2015)某{i:02d}民初{i}号",
            "名牌股份有限公司",
            f"{c}贸易有限公司",
            outcome="upheld",
            on=D(2015, i, 1),
            marks=("7000003",),
        ).model_copy(update={"court": f"某{i}市中级人民法院"})
        for i, c in enumerate("甲乙丙丁戊己", start=1)
    ]
    assert flagged_by(graph, records, "split-suits") == []


def test_split_suits_needs_several_courts(graph: Graph) -> None:
    records = _series()[:3] + [
        _series_suit(i, f"连锁商贸有限公司{c}店", court="某市中级人民法院")
        for i, c in enumerate("东西南北", start=1)
    ]
    assert flagged_by(graph, records, "split-suits") == []


def test_bulk_enforcement_does_not_repeat_a_split_series_against_one_chain(graph: Graph) -> None:
    """Ten withdrawn suits against ten stores of one chain: one defendant group, split-suits' hit only."""
    records = _series()[:3] + [
        _series_suit(i, f"连锁商贸有限公司第{i}店", outcome="withdrawn") for i in range(1, 11)
    ]
    assert flagged_by(graph, records, "bulk-enforcement") == []
    split = no_errors(run_detectors(graph, ids=["split-suits"])).detectors[0].results
    assert len(split) == 1


def _poster_suits(filed: list[date], decided: list[date]) -> list[Record]:
    """One plaintiff sues one department store over one right in several courts."""
    records: list[Record] = [company("海报权利人有限公司", 94), company("某某百货有限公司", 95)]
    for i, (f, d) in enumerate(zip(filed, decided, strict=True), start=1):
        j = judgment(
            f"(2020)某{i:02d}民初{i}号",
            "海报权利人有限公司",
            "某某百货有限公司",
            outcome="partly_upheld",
            on=d,
            marks=("7100001",),
        )
        records.append(j.model_copy(update={"filed_on": f, "court": f"某{i}市人民法院"}))
    return records


def test_serial_infringer_suits_filed_before_any_decision_are_one_episode(graph: Graph) -> None:
    """Used to be flagged (v2): eight suits over one poster, all filed before the first was decided."""
    filed = [D(2020, 1, 1 + i) for i in range(8)]
    decided = [D(2020, 6 + i, 1) for i in range(6)] + [D(2021, 2, 1), D(2021, 3, 1)]
    assert flagged_by(graph, _poster_suits(filed, decided), "serial-infringer") == []


def test_serial_infringer_infringing_again_after_a_judgment(graph: Graph) -> None:
    records = _poster_suits([D(2020, 1, 1), D(2020, 9, 1)], [D(2020, 5, 1), D(2021, 1, 1)])
    (hit,) = hits_of(graph, records, "serial-infringer")
    roles = {e["key"]: e["role"] for e in hit.evidence}
    assert roles == {"(2020)某01民初1号": "earlier_sanction", "(2020)某02民初2号": "later_conduct"}
    assert "2020-05-01因判决 (2020)某01民初1号 被认定侵权" in hit.reason
    assert "(2020)某02民初2号（2020-09-01起诉" in hit.reason


def test_trademark_squatting_in_few_classes_copying_transferring_and_suing(graph: Graph) -> None:
    """Used to be missed (v3 gated on >= 5 classes): a filer copying a dozen brands in three classes,
    scattering transfers, and losing a squat-then-sue case."""
    brands = ["星河", "华为", "海尔", "格力", "美的", "长虹", "康佳", "创维", "联想", "方正", "同仁", "全聚"]
    records: list[Record] = [company("抢注商贸有限公司", 20)]
    records += [company(f"{b}实业有限公司", 40 + i) for i, b in enumerate(brands)]
    records += [mark(f"1000{i:04d}", b, f"{b}实业有限公司", D(2010, 1, 1 + i)) for i, b in enumerate(brands)]
    records += [
        mark(
            f"2000{i:04d}",
            b,
            "抢注商贸有限公司",
            D(2020, 1, 1 + i),
            classes=(25 + i % 3,),
            transfers=(f"受让{i}有限公司",) if i < 4 else (),
        )
        for i, b in enumerate(brands * 2)
    ]
    records.append(
        judgment(
            "(2021)某01民初88号",
            "抢注商贸有限公司",
            "星河实业有限公司",
            outcome="dismissed",
            on=D(2021, 5, 1),
            marks=("20000000",),
        )
    )
    hits = hits_of(graph, records, "trademark-squatting")
    assert [{s.key for s in h.subjects} for h in hits] == [{uid(20)}]
    assert "3 个类别" in hits[0].reason and "败诉或撤诉" in hits[0].reason
    assert hits[0].score >= 0.9


ABSENT = """上海市某区人民法院
民 事 判 决 书
（2019）沪0101民初100号
原告：甲方科技有限公司，住所地上海市黄浦区某路1号。
法定代表人：王一，董事长。
被告：乙方科技有限公司，住所地上海市黄浦区某路1号。
法定代表人：李二，经理。
原告甲方科技有限公司与被告乙方科技有限公司侵害商标权纠纷一案，本院于2019年3月1日立案后，依法适用普通程序，公开开庭进行了审理。原告的委托代理人到庭参加诉讼，被告乙方科技有限公司经本院合法传唤，无正当理由拒不到庭参加诉讼，本院依法审理。
原告甲方科技有限公司诉称，被告销售侵权商品，请求判令被告赔偿经济损失50万元。
经审理查明：原告系第7200001号注册商标的权利人。
本院认为，被告销售侵权商品，应承担赔偿责任。判决如下：
一、被告乙方科技有限公司于本判决生效之日起十日内赔偿原告经济损失300000元；
二、驳回原告的其他诉讼请求。
审判长刘一
二〇一九年六月三十日
"""


def test_linked_opponents_sees_an_absence_written_without_summons_ticket(graph: Graph) -> None:
    """Used to be missed: 经本院合法传唤，无正当理由拒不到庭 (no 传票) left absent_defendant false, and a
    contested-looking case between companies sharing an address and a shareholder was not flagged."""
    j = extract_judgment(read_bytes_as_document(ABSENT.encode("utf-8"), "absent.txt"))
    assert j.absent_defendant and j.outcome == "partly_upheld"
    records: list[Record] = [
        company("共同控股有限公司", 96),
        company("甲方科技有限公司", 97, address="上海市黄浦区某路1号", owner=("共同控股有限公司", 96)),
        company("乙方科技有限公司", 98, address="上海市黄浦区某路1号", owner=("共同控股有限公司", 96)),
        j,
    ]
    assert flagged_by(graph, records, "linked-opponents") == [{uid(97), uid(98)}]
