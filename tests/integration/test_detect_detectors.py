"""Each built-in detector against the real Neo4j: a planted positive and a hard negative."""

from __future__ import annotations

from datetime import date

from ipclue.detect import run_detectors
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import derive
from ipclue.models import Agent, Record
from ipclue.sample import sample_records
from tests.integration.test_detect_records import (
    company,
    conviction,
    flagged,
    flagged_by,
    hits_of,
    judgment,
    load_and_run,
    mark,
    no_errors,
    penalty,
    uid,
)

D = date


def test_linked_opponents_flags_linked_pair_with_same_agent(graph: Graph) -> None:
    report = no_errors(load_and_run(graph, sample_records(), "linked-opponents"))
    hits = report.detectors[0].results
    assert len(hits) == 1 and hits[0].score >= 0.9
    assert any(e.get("path") == "sample/judgment-1001.txt" for e in hits[0].evidence)
    assert "同一代理人" in hits[0].reason
    assert "经共同地址「深圳市南山区科技园一路1号」相关联" in hits[0].reason  # names the link in words


def test_linked_opponents_reason_names_the_common_shareholder(graph: Graph) -> None:
    """Two hops around one node read as that node: 同一股东「…」, not two relationship names."""
    records: list[Record] = [
        company("母集团有限公司", 70),
        company("子一科技有限公司", 71, owner=("母集团有限公司", 70)),
        company("子二科技有限公司", 72, owner=("母集团有限公司", 70)),
        judgment(
            "(2022)某01民初70号", "子一科技有限公司", "子二科技有限公司", outcome="mediated", on=D(2022, 3, 1)
        ),
    ]
    (hit,) = hits_of(graph, records, "linked-opponents")
    assert "却经同一股东「母集团有限公司」相关联" in hit.reason, hit.reason


def test_linked_opponents_ignores_contested_sister_dispute_and_generic_address(graph: Graph) -> None:
    hub = "某市某区创业大厦1号"  # a registered-office address shared by many firms
    records: list[Record] = [
        company("甲科技有限公司", 1, address="某市甲路1号"),
        company("乙科技有限公司", 2, address="某市甲路1号"),
    ]
    records += [company(f"注册{i}有限公司", 100 + i, address=hub) for i in range(30)]
    records += [
        judgment(
            "(2021)某01民初1号",
            "甲科技有限公司",
            "乙科技有限公司",
            outcome="partly_upheld",
            on=D(2021, 5, 1),
            p_agent=Agent(name="赵律", organization="一律师事务所"),
            d_agent=Agent(name="钱律", organization="二律师事务所"),
        ),
        judgment("(2021)某01民初2号", "注册1有限公司", "注册2有限公司", outcome="mediated", on=D(2021, 6, 1)),
    ]
    assert flagged_by(graph, records, "linked-opponents") == []


def _shared_lawyer_suits() -> list[Record]:
    """One plaintiff, three unrelated defendants, one lawyer written on both sides, settled."""
    lawyer = Agent(name="周律", organization="四律师事务所")
    records: list[Record] = [company("维权商贸有限公司", 60)]
    records += [company(f"{c}百货有限公司", 61 + i) for i, c in enumerate("子丑寅")]
    records += [
        judgment(
            f"(2022)某01民初6{i}号",
            "维权商贸有限公司",
            f"{c}百货有限公司",
            outcome="mediated",
            on=D(2022, 1 + i, 1),
            p_agent=lawyer,
            d_agent=lawyer,
        )
        for i, c in enumerate("子丑寅")
    ]
    return records


def test_linked_opponents_ignores_shared_lawyer_without_party_link(graph: Graph) -> None:
    """Used to be flagged (v1): the derived LINKED {via: same_agent} counted as a tie between the parties."""
    Loader(graph).load(_shared_lawyer_suits())
    derive(graph)
    for det in ("linked-opponents", "false-litigation-ring"):
        assert flagged(no_errors(run_detectors(graph, ids=[det]))) == []


def _ring() -> list[Record]:
    records: list[Record] = [company("控股集团有限公司", 9)]
    records += [
        company(f"{c}贸易有限公司", i, owner=("控股集团有限公司", 9)) for i, c in enumerate("甲乙丙", 1)
    ]
    lawyer = Agent(name="孙律", organization="三律师事务所")
    records += [
        judgment(
            "(2022)某01民初1号",
            "甲贸易有限公司",
            "乙贸易有限公司",
            outcome="mediated",
            on=D(2022, 3, 1),
            claimed=2_000_000,
            p_agent=lawyer,
            d_agent=lawyer,
        ),
        judgment(
            "(2022)某01民初2号", "乙贸易有限公司", "丙贸易有限公司", outcome="withdrawn", on=D(2022, 4, 1)
        ),
        judgment(
            "(2022)某01民初3号",
            "丙贸易有限公司",
            "甲贸易有限公司",
            outcome="upheld",
            on=D(2022, 5, 1),
            absent=True,
        ),
    ]
    return records


def test_false_litigation_ring_groups_linked_parties(graph: Graph) -> None:
    hits = hits_of(graph, _ring(), "false-litigation-ring")
    assert [{s.key for s in h.subjects} for h in hits] == [{uid(1), uid(2), uid(3)}]
    assert len([e for e in hits[0].evidence if e["label"] == "Case"]) == 3


def _pair_suits(addresses: str) -> list[Record]:
    """甲 v 乙 and 丙 v 丁 (no litigant in common), settled; company i at addresses[i]."""
    records: list[Record] = [
        company(f"{c}电子有限公司", 70 + i, address=f"某市某区{a}路1号")
        for i, (c, a) in enumerate(zip("甲乙丙丁", addresses, strict=True))
    ]
    records += [
        judgment(
            f"(2022)某01民初7{i}号",
            f"{p}电子有限公司",
            f"{d}电子有限公司",
            outcome=outcome,
            on=D(2022, 3 + i, 1),
            claimed=2_000_000,
        )
        for i, (p, d, outcome) in enumerate((("甲", "乙", "mediated"), ("丙", "丁", "withdrawn")))
    ]
    return records


def test_false_litigation_ring_joins_disjoint_suits_among_companies_at_one_address(graph: Graph) -> None:
    """Used to be missed (v2): the two suits shared no litigant, so each was a ring of one case."""
    hits = hits_of(graph, _pair_suits("东东东东"), "false-litigation-ring")
    assert [{s.key for s in h.subjects} for h in hits] == [{uid(70), uid(71), uid(72), uid(73)}]


def test_false_litigation_ring_keeps_unrelated_linked_pairs_apart(graph: Graph) -> None:
    assert flagged_by(graph, _pair_suits("东东西西"), "false-litigation-ring") == []


def test_false_litigation_ring_ignores_unrelated_clients_of_one_big_firm(graph: Graph) -> None:
    records: list[Record] = [company(f"{c}实业有限公司", i) for i, c in enumerate("甲乙丙", 1)]
    records += [
        judgment(
            f"(2022)某01民初{i}号",
            p,
            d,
            outcome="mediated",
            on=D(2022, i, 1),
            p_agent=Agent(name=f"律师{i}", organization="大成律师事务所"),
            d_agent=Agent(name=f"律师{i + 10}", organization="大成律师事务所"),
        )
        for i, (p, d) in enumerate(
            [("甲实业有限公司", "乙实业有限公司"), ("乙实业有限公司", "丙实业有限公司")], 1
        )
    ]
    assert flagged_by(graph, records, "false-litigation-ring") == []


def test_serial_infringer_after_prior_penalty(graph: Graph) -> None:
    records: list[Record] = [
        company("丁商贸有限公司", 4),
        company("权利人有限公司", 3),
        mark("30000001", "权利标", "权利人有限公司", D(2015, 1, 1)),
        penalty("某市监罚〔2020〕1号", "丁商贸有限公司", 4, D(2020, 3, 1), revenue=1000.0),
        judgment(
            "(2021)某01民初9号",
            "权利人有限公司",
            "丁商贸有限公司",
            outcome="partly_upheld",
            on=D(2021, 2, 1),
            marks=("30000002",),
        ),
    ]
    assert flagged_by(graph, records, "serial-infringer") == [{uid(4)}]


def test_serial_infringer_counts_a_sole_trader_sued_under_its_operators_name(graph: Graph) -> None:
    """Used to be missed: 被告丁某，系某区丁丁商行经营者 — the suit reached the operator, an
    anonymised person of that record only, and never the 字号 penalised before."""
    suit = judgment(
        "(2021)某01民初19号",
        "权利人有限公司",
        "丁某",
        outcome="partly_upheld",
        on=D(2021, 2, 1),
        marks=("30000001",),
        d_kind="person",
    )
    operator = suit.parties[1].model_copy(update={"sole_trader": True, "trade_name": "某区丁丁商行"})
    records: list[Record] = [
        company("某区丁丁商行", 7),
        company("权利人有限公司", 3),
        mark("30000001", "权利标", "权利人有限公司", D(2015, 1, 1)),
        penalty("某市监罚〔2020〕1号", "某区丁丁商行", 7, D(2020, 3, 1), revenue=1000.0),
        suit.model_copy(update={"parties": [suit.parties[0], operator]}),
    ]
    hits = hits_of(graph, records, "serial-infringer")
    assert len(hits) == 1 and uid(7) in {s.key for s in hits[0].subjects}
    assert len(hits[0].evidence) == 2


def test_serial_infringer_ignores_unrelated_penalties_and_suit(graph: Graph) -> None:
    """Used to be flagged (v1): a penalty, then a suit and a penalty on other holders' marks."""
    records: list[Record] = [
        company("丁商贸有限公司", 4),
        company("甲权利人有限公司", 1),
        company("乙权利人有限公司", 2),
        mark("30000001", "甲标", "甲权利人有限公司", D(2015, 1, 1)),
        mark("30000003", "丙标", "丙权利人有限公司", D(2015, 1, 1)),
        penalty("某市监罚〔2020〕1号", "丁商贸有限公司", 4, D(2020, 3, 1), revenue=1000.0),
        judgment(
            "(2020)某01民初9号",
            "乙权利人有限公司",
            "丁商贸有限公司",
            outcome="partly_upheld",
            on=D(2020, 9, 1),
        ),
        penalty(
            "某市监罚〔2021〕2号", "丁商贸有限公司", 4, D(2021, 2, 1), revenue=1000.0, marks=("30000003",)
        ),
    ]
    assert flagged_by(graph, records, "serial-infringer") == []


def test_serial_infringer_ignores_famous_brand_plaintiff_and_distant_events(graph: Graph) -> None:
    records: list[Record] = [company("名牌股份有限公司", 5), company("戊商贸有限公司", 6)]
    records += [
        judgment(
            f"(2022)某01民初{i}号", "名牌股份有限公司", f"小店{i}商行", outcome="upheld", on=D(2022, i, 1)
        )
        for i in range(1, 6)
    ]
    records += [
        judgment(
            f"(20{y})某01民初99号",
            "名牌股份有限公司",
            "戊商贸有限公司",
            outcome="upheld",
            on=D(2000 + y, 1, 1),
        )
        for y in (15, 20)
    ]
    assert flagged_by(graph, records, "serial-infringer") == []


def test_penalty_not_transferred_by_decision_date_thresholds(graph: Graph) -> None:
    records: list[Record] = [
        penalty("罚〔2022〕1号", "己贸易有限公司", 7, D(2022, 5, 9), revenue=82000.0),
        penalty("罚〔2025〕2号", "庚贸易有限公司", 8, D(2025, 6, 1), gain=35000.0),
    ]
    report = no_errors(load_and_run(graph, records, "penalty-not-transferred"))
    sets = {h.subjects[1].key: h.evidence[0]["threshold_set"] for h in report.detectors[0].results}
    assert sets == {"罚(2022)1号": "thresholds_2004", "罚(2025)2号": "thresholds_2025"}
    assert any("未核实" in h.reason for h in report.detectors[0].results)


def test_penalty_not_transferred_ignores_below_threshold_transferred_and_prosecuted(graph: Graph) -> None:
    records: list[Record] = [
        penalty("罚〔2022〕3号", "辛贸易有限公司", 10, D(2022, 5, 9), revenue=40000.0, gain=10000.0),
        penalty("罚〔2022〕4号", "壬贸易有限公司", 11, D(2022, 5, 9), revenue=90000.0, transferred=True),
        penalty("罚〔2022〕5号", "癸贸易有限公司", 12, D(2022, 5, 9), revenue=90000.0, marks=("30000009",)),
        conviction("(2023)某01刑初1号", "癸贸易有限公司", D(2023, 1, 1)),
    ]
    assert flagged_by(graph, records, "penalty-not-transferred") == []


def test_penalty_not_transferred_ignores_repeated_penalties_below_threshold(graph: Graph) -> None:
    """Used to be flagged (v1): a prior penalty alone is no 追诉标准."""
    records: list[Record] = [
        penalty("罚〔2021〕6号", "子贸易有限公司", 13, D(2021, 5, 9), revenue=20000.0, gain=5000.0),
        penalty("罚〔2022〕7号", "子贸易有限公司", 13, D(2022, 5, 9), revenue=30000.0, gain=8000.0),
    ]
    assert flagged_by(graph, records, "penalty-not-transferred") == []


def test_penalty_not_transferred_despite_others_criminal_case_on_the_mark(graph: Graph) -> None:
    """Used to be missed (v1): another defendant's criminal case on the same copied mark hid it."""
    records: list[Record] = [
        penalty("罚〔2022〕8号", "丑贸易有限公司", 14, D(2022, 5, 9), revenue=90000.0, marks=("30000009",)),
        conviction("(2022)某01刑初8号", "寅贸易有限公司", D(2022, 7, 1), marks=("30000009",)),
    ]
    report = no_errors(load_and_run(graph, records, "penalty-not-transferred"))
    assert flagged(report) == [{uid(14), "罚(2022)8号"}]


def test_trademark_squatting_ignores_a_few_lookalike_marks(graph: Graph) -> None:
    """Used to be flagged (v1): two look-alike marks (trade names repeat) and one suit."""
    records: list[Record] = [company("晟银餐饮有限公司", 23), company("晟银集团有限公司", 24)]
    records += [
        mark("10000011", "晟银", "晟银集团有限公司", D(2012, 1, 1)),
        mark("10000012", "晟银坊", "晟银集团有限公司", D(2013, 1, 1)),
        mark("20000011", "晟银", "晟银餐饮有限公司", D(2016, 1, 1), classes=(43,)),
        mark("20000012", "晟银坊", "晟银餐饮有限公司", D(2018, 1, 1), classes=(43,)),
        judgment(
            "(2019)某01民初23号",
            "晟银餐饮有限公司",
            "某某餐馆",
            outcome="mediated",
            on=D(2019, 1, 1),
            marks=("20000011",),
        ),
    ]
    assert flagged_by(graph, records, "trademark-squatting") == []


def test_trademark_squatting_copies_and_scattered_transfers(graph: Graph) -> None:
    records: list[Record] = [
        company("抢注商贸有限公司", 20),
        company("星河电子有限公司", 21),
        company("华为技术有限公司", 22),
    ]
    records += [
        mark("10000001", "星河", "星河电子有限公司", D(2015, 1, 1)),
        mark("10000002", "华为", "华为技术有限公司", D(2012, 1, 1)),
    ]
    own = [f"奇{c}" for c in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未"]
    records += [
        mark(
            f"2000{i:04d}",
            t,
            "抢注商贸有限公司",
            D(2020, 1, 1 + i),
            classes=(1 + i % 9,),
            transfers=(f"受让{i}有限公司",) if i < 4 else (),
        )
        for i, t in enumerate(own)
    ]
    records += [
        mark("20009998", "星河", "抢注商贸有限公司", D(2020, 3, 1), classes=(25,)),
        mark("20009999", "花为", "抢注商贸有限公司", D(2020, 3, 2), classes=(35,)),
    ]
    hits = hits_of(graph, records, "trademark-squatting")
    assert [{s.key for s in h.subjects} for h in hits] == [{uid(20)}]
    assert sum(1 for e in hits[0].evidence if e.get("similar_to")) == 2


def test_trademark_squatting_ignores_a_large_legitimate_filer(graph: Graph) -> None:
    records: list[Record] = [company("大型集团股份有限公司", 30)]
    records += [
        mark(f"3000{i:04d}", f"乐享{c}", "大型集团股份有限公司", D(2020, 1, 1 + i), classes=(1 + i % 12,))
        for i, c in enumerate("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥")
    ]
    assert flagged_by(graph, records, "trademark-squatting") == []


def test_trademark_squatting_ignores_a_large_filer_of_its_own_trade_name(graph: Graph) -> None:
    """Used to be flagged (v2): a company filing its own 字号 in many classes, which another
    company's earlier marks happen to contain (联贝天 ⊃ 贝天, 贝天优品 ⊃ 天优)."""
    records: list[Record] = [company("上海市贝天食品有限公司", 31), company("联贝智能科技有限公司", 32)]
    records += [
        mark("31000001", "联贝天", "联贝智能科技有限公司", D(2010, 1, 1)),
        mark("31000002", "天优", "联贝智能科技有限公司", D(2011, 1, 1)),
    ]
    records += [
        mark(
            f"3100{i + 10:04d}",
            "贝天" if i % 3 else "贝天优品",
            "上海市贝天食品有限公司",
            D(2020, 1, 1 + i),
            classes=(1 + i % 12,),
        )
        for i in range(20)
    ]
    assert flagged_by(graph, records, "trademark-squatting") == []


def test_invalidated_right_litigation(graph: Graph) -> None:
    records: list[Record] = [
        company("原告有限公司", 40),
        mark("40000001", "无效标", "原告有限公司", D(2018, 1, 1), invalidated=D(2022, 1, 1)),
        mark("40000002", "有效标", "原告有限公司", D(2018, 1, 1)),
        judgment(
            "(2021)某01民初40号",
            "原告有限公司",
            "被告一有限公司",
            outcome="upheld",
            on=D(2021, 6, 1),
            marks=("40000001",),
        ),
        judgment(
            "(2021)某01民初41号",
            "原告有限公司",
            "被告二有限公司",
            outcome="dismissed",
            on=D(2021, 6, 1),
            marks=("40000001",),
        ),
        judgment(
            "(2021)某01民初42号",
            "原告有限公司",
            "被告三有限公司",
            outcome="upheld",
            on=D(2021, 6, 1),
            marks=("40000002",),
        ),
    ]
    hits = hits_of(graph, records, "invalidated-right-litigation")
    assert [{s.key for s in h.subjects} for h in hits] == [{uid(40), "(2021)某01民初40号", "40000001"}]
    assert hits[0].reason == (
        "原告有限公司 在 (2021)某01民初40号 中依据商标 40000001 获判决支持，该权利已于 2022-01-01 被宣告无效"
        "（判决后），视为自始不存在"
    )
    assert hits[0].facts["outcome"] == "upheld" and hits[0].reason_en and "upheld" not in hits[0].reason


def _suits(plaintiff: str, outcomes: list[str], base: int) -> list[Record]:
    return [
        judgment(
            f"(2022)某01民初{base + i}号",
            plaintiff,
            f"某某{i}便利店",
            outcome=o,
            on=D(2022, 1 + i % 12, 1),
            marks=(f"{base}",),
        )
        for i, o in enumerate(outcomes)
    ]


def test_bulk_enforcement_many_small_defendants_mostly_withdrawn(graph: Graph) -> None:
    records: list[Record] = [
        company("维权有限公司", 50),
        mark("500", "维权标", "维权有限公司", D(2019, 1, 1)),
    ]
    records += _suits("维权有限公司", ["withdrawn"] * 8 + ["upheld"] * 2, 500)
    hits = hits_of(graph, records, "bulk-enforcement")
    assert [{s.key for s in h.subjects} for h in hits] == [{uid(50), "500"}]
    assert hits[0].evidence and "供审查" in hits[0].reason


def test_bulk_enforcement_ignores_famous_brand_winning_judgments(graph: Graph) -> None:
    records: list[Record] = [
        company("名牌股份有限公司", 51),
        mark("510", "名牌", "名牌股份有限公司", D(2010, 1, 1)),
    ]
    records += _suits("名牌股份有限公司", ["upheld"] * 9 + ["withdrawn"], 510)
    assert flagged_by(graph, records, "bulk-enforcement") == []


ENGLISH_ENUMS = ("mediated", "withdrawn", "upheld", "dismissed", "thresholds_", "/ ", "shared_", "_OF")


def _chinese_only(text: str) -> None:
    assert not any(word in text for word in ENGLISH_ENUMS), text


def test_false_litigation_ring_reason_reads_outcomes_in_chinese(graph: Graph) -> None:
    """Used to read "mediated结案" / "withdrawn结案": the enum value pasted into the Cypher sentence."""
    (hit,) = hits_of(graph, _ring(), "false-litigation-ring")
    head = "3 个关联主体之间共 3 起可疑诉讼：(2022)某01民初1号：甲贸易有限公司 诉 乙贸易有限公司"
    assert hit.reason.startswith(head), hit.reason
    assert "，调解结案" in hit.reason and "，撤诉结案" in hit.reason and "，被告缺席" in hit.reason
    assert "诉请 200万元" in hit.reason and "同一代理人" in hit.reason
    _chinese_only(hit.reason)
    assert hit.reason_en and "mediated" in hit.reason_en
    assert [c["case_no"] for c in hit.facts["cases"]] == [f"(2022)某01民初{i}号" for i in (1, 2, 3)]


def test_linked_opponents_reason_names_cases_with_outcome_and_the_agent(graph: Graph) -> None:
    (hit,) = hits_of(graph, sample_records(), "linked-opponents")
    _chinese_only(hit.reason)
    assert "（调解）" in hit.reason or "（撤诉）" in hit.reason, hit.reason
    assert hit.facts["hops"] and hit.reason_en and "linked by" in hit.reason_en


def test_penalty_not_transferred_reason_names_the_law_and_amounts_in_yuan(graph: Graph) -> None:
    """Used to read "标准：thresholds_2004" and "82000.0 元 ≥ 50000"."""
    records: list[Record] = [penalty("罚〔2022〕1号", "己贸易有限公司", 7, D(2022, 5, 9), revenue=82000.0)]
    (hit,) = hits_of(graph, records, "penalty-not-transferred")
    assert "非法经营数额 8.2万元 ≥ 5万元" in hit.reason, hit.reason
    assert "标准：最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件" in hit.reason
    _chinese_only(hit.reason)
