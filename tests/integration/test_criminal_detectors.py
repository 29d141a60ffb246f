"""criminal-sentence-review and co-offender-not-prosecuted on the real Neo4j: rules fire, negatives do not."""

from __future__ import annotations

from ipclue.detect import Hit, run_detectors
from ipclue.extractors.judgment import extract_judgment
from ipclue.extractors.text import read_bytes_as_document
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.models import Record

REVIEW = "criminal-sentence-review"
CO = "co-offender-not-prosecuted"


def text(case_no: str, name: str, facts: str, sentence: str, signed: str = "二〇一六年六月十日",
         court: str = "浙江省乐清市人民法院") -> str:  # fmt: skip
    """A criminal judgment in the real layout with one accused person."""
    return (
        f"{court}\n刑事判决书\n{case_no}\n公诉机关浙江省乐清市人民检察院。\n"
        f"被告人{name}，男，1970年1月1日出生，汉族，住乐清市柳市镇。\n"
        f"乐清市人民检察院以起诉书指控被告人{name}犯假冒注册商标罪，于2016年3月1日向本院提起公诉。\n"
        f"经审理查明：{facts}\n"
        f"本院认为，被告人{name}未经注册商标所有人许可，在同一种商品上使用与其注册商标相同的商标，其行为已构成假冒注册商标罪。\n"
        f"依照《中华人民共和国刑法》第二百一十三条之规定，判决如下：\n被告人{name}犯假冒注册商标罪，{sentence}。\n"
        f"如不服本判决，可在接到判决书的第二日起十日内提出上诉。\n审判长 张三\n{signed}\n书记员 李四\n"
    )


def facts(revenue: int, gain: int, extra: str = "") -> str:
    return (
        f"2015年3月至10月，被告人在乐清市生产假冒“龙亿”注册商标的接线盒，非法经营数额人民币{revenue}元，"
        f"违法所得人民币{gain}元。{extra}"
    )


def records(*texts: str) -> list[Record]:
    return [
        extract_judgment(read_bytes_as_document(t.encode("utf-8"), f"crim-{i}.txt"))
        for i, t in enumerate(texts)
    ]


def run(graph: Graph, detector: str, recs: list[Record], **params: object) -> list[Hit]:
    report = Loader(graph).load(recs)
    assert not report.rejections, report.rejections
    result = run_detectors(graph, ids=[detector], params=params or None, dry_run=True).detectors[0]
    assert result.error is None, result.error
    return result.results


def by_case(hits: list[Hit]) -> dict[str, Hit]:
    return {s.key: h for h in hits for s in h.subjects if s.label == "Case"}


def test_each_sentence_rule_fires(graph: Graph) -> None:
    recs = records(
        text("（2016）浙0382刑初1号", "甲一", facts(100000, 20000), "判处有期徒刑一年"),  # no fine
        text(
            "（2016）浙0382刑初2号",
            "甲二",
            facts(400000, 90000),
            "判处有期徒刑四年，缓刑五年，并处罚金人民币二十万元",
        ),
        text(
            "（2016）浙0382刑初3号", "甲三", facts(400000, 90000), "判处有期徒刑一年，并处罚金人民币二十万元"
        ),
        text("（2016）浙0382刑初4号", "甲四", facts(100000, 20000), "判处有期徒刑五年，并处罚金人民币六万元"),
        text("（2016）浙0382刑初5号", "甲五", facts(100000, 40000), "判处有期徒刑一年，并处罚金人民币五千元"),
        text(
            "（2016）浙0382刑初6号", "甲六", facts(900000, 90000), "判处有期徒刑八年，并处罚金人民币五十万元"
        ),
    )
    hits = by_case(run(graph, REVIEW, recs))
    rules = {k: set(h.facts["rules"]) for k, h in hits.items()}
    assert rules["(2016)浙0382刑初1号"] == {"fine_missing"}
    assert rules["(2016)浙0382刑初2号"] == {"probation_over_limit"}
    assert rules["(2016)浙0382刑初3号"] == {"below_band"}
    assert rules["(2016)浙0382刑初4号"] == {"above_band"}
    assert rules["(2016)浙0382刑初5号"] == {"fine_ratio"}
    assert rules["(2016)浙0382刑初6号"] == {"above_max"}  # 7 years before 刑法修正案（十一）
    assert "未并处罚金" in hits["(2016)浙0382刑初1号"].reason
    assert "法释〔2004〕19号" in hits["(2016)浙0382刑初3号"].reason


def test_sentence_hard_negatives_are_not_flagged(graph: Graph) -> None:
    recs = records(  # in band with a fine in the ratio; 缓刑 for two years; 特别严重 at three years
        text(
            "（2016）浙0382刑初11号", "乙一", facts(100000, 20000), "判处有期徒刑一年，并处罚金人民币六万元"
        ),
        text(
            "（2016）浙0382刑初12号",
            "乙二",
            facts(100000, 20000),
            "判处有期徒刑二年，缓刑三年，并处罚金人民币六万元",
        ),
        text(
            "（2016）浙0382刑初13号", "乙三", facts(400000, 90000), "判处有期徒刑三年，并处罚金人民币二十万元"
        ),
    )
    assert run(graph, REVIEW, recs) == []


def test_mitigation_lowers_the_score_but_keeps_the_flag(graph: Graph) -> None:
    plain = text(
        "（2016）浙0382刑初21号", "丙一", facts(400000, 90000), "判处有期徒刑一年，并处罚金人民币二十万元"
    )
    mitigated = text(
        "（2016）浙0382刑初22号", "丙二", facts(400000, 90000, "被告人丙二主动到公安机关投案，如实供述。"),
        "判处有期徒刑一年，并处罚金人民币二十万元",
    )  # fmt: skip
    hits = by_case(run(graph, REVIEW, records(plain, mitigated)))
    assert hits["(2016)浙0382刑初22号"].score < hits["(2016)浙0382刑初21号"].score
    assert "自首" in hits["(2016)浙0382刑初22号"].reason


def test_article_text_after_amendment_eleven_and_2025_thresholds(graph: Graph) -> None:
    late = facts(400000, 90000).replace("2015年3月至10月", "2022年3月至10月")
    recs = records(  # 8 years: within 三年以上十年以下 after 2021-03-01
        text(
            "（2023）浙0382刑初1号",
            "丁一",
            late,
            "判处有期徒刑八年，并处罚金人民币三十万元",
            "二〇二三年六月十日",
        ),
        # tried after 2025-04-26: 40万 is below the more lenient 2025 band of 50万, so 1 year is in band
        text(
            "（2025）浙0382刑初2号",
            "丁二",
            late,
            "判处有期徒刑一年，并处罚金人民币三十万元",
            "二〇二五年六月十日",
        ),
        text("（2025）浙0382刑初3号", "丁三", late, "判处有期徒刑一年", "二〇二五年六月十日"),
    )
    hits = by_case(run(graph, REVIEW, recs))
    assert set(hits) == {"(2025)浙0382刑初3号"}
    assert "未经两个独立来源核实" in hits["(2025)浙0382刑初3号"].reason


def co_text(case_no: str, name: str, co: str, signed: str = "二〇一六年六月十日") -> str:
    return text(case_no, name, facts(100000, 20000, f"被告人{name}伙同{co}（另案处理）生产。"),
                "判处有期徒刑一年，并处罚金人民币六万元", signed)  # fmt: skip


def test_co_offender_never_tried_is_flagged_and_a_tried_one_is_not(graph: Graph) -> None:
    recs = records(
        co_text("（2016）浙0382刑初31号", "戊一", "李大明"),
        co_text("（2016）浙0382刑初32号", "戊二", "王小红"),
        text(
            "（2017）浙0382刑初5号", "王小红", facts(60000, 15000), "判处有期徒刑八个月，并处罚金人民币三万元"
        ),
    )
    hits = by_case(run(graph, CO, recs, as_of="2020-01-01"))
    assert set(hits) == {"(2016)浙0382刑初31号"}
    assert (
        hits["(2016)浙0382刑初31号"].facts["names"] == ["李大明"]
        and not hits["(2016)浙0382刑初31号"].facts["unverifiable"]
    )


def test_co_offender_grace_period(graph: Graph) -> None:
    recs = records(co_text("（2016）浙0382刑初41号", "己一", "赵大海"))
    assert run(graph, CO, recs, as_of="2016-12-31") == []


def test_anonymised_co_offender_matches_only_in_the_same_court_and_series(graph: Graph) -> None:
    recs = records(
        co_text("（2016）浙0382刑初51号", "庚一", "张某"),  # tried later in the same court and series
        text(
            "（2017）浙0382刑初9号", "张某", facts(60000, 15000), "判处有期徒刑八个月，并处罚金人民币三万元"
        ),
        co_text("（2016）浙0382刑初52号", "庚二", "陈某"),  # a 陈某 tried elsewhere is not a match
        text(
            "（2017）浙0101刑初9号",
            "陈某",
            facts(60000, 15000),
            "判处有期徒刑八个月，并处罚金人民币三万元",
            court="浙江省杭州市上城区人民法院",
        ),
    )
    hits = by_case(run(graph, CO, recs, as_of="2020-01-01"))
    assert set(hits) == {"(2016)浙0382刑初52号"}
    assert "仅在本院同一案号系列内比对" in hits["(2016)浙0382刑初52号"].reason


def test_anonymised_co_offender_without_court_cannot_be_verified(graph: Graph) -> None:
    cail = (
        "公诉机关指控，2015年1月，被告人马某伙同孟某某（另案处理）灌装假冒龙大商标的花生油，"
        "销售金额人民币95000元。"
    )
    hits = run(graph, CO, [extract_judgment(read_bytes_as_document(cail.encode("utf-8"), "cail-x.txt"))])
    assert len(hits) == 1 and "无法核实" in hits[0].reason and hits[0].score < 0.5


def test_same_name_tried_in_another_court_lowers_the_score_but_is_not_a_match(graph: Graph) -> None:
    recs = records(
        co_text("（2016）浙0382刑初61号", "辛一", "周大伟"),
        co_text("（2016）浙0382刑初62号", "辛二", "郑小军"),
        text(
            "（2017）浙0101刑初19号",
            "周大伟",
            facts(60000, 15000),
            "判处有期徒刑八个月，并处罚金人民币三万元",
            court="浙江省杭州市上城区人民法院",
        ),
    )
    hits = by_case(run(graph, CO, recs, as_of="2020-01-01"))
    assert set(hits) == {"(2016)浙0382刑初61号", "(2016)浙0382刑初62号"}
    assert hits["(2016)浙0382刑初61号"].score < hits["(2016)浙0382刑初62号"].score
    assert "(2017)浙0101刑初19号" in hits["(2016)浙0382刑初61号"].reason


def test_a_combined_sentence_is_not_checked_against_one_charges_band(graph: Graph) -> None:
    combined = text(
        "（2016）浙0382刑初71号",
        "壬一",
        facts(100000, 20000),
        "判处有期徒刑一年，并处罚金人民币六万元；犯贩卖淫秽物品牟利罪，判处有期徒刑五年，"
        "并处罚金人民币一万元，决定执行有期徒刑五年六个月，并处罚金人民币七万元",
    )
    assert run(graph, REVIEW, records(combined)) == []


def test_a_same_name_case_decided_long_before_is_not_the_separate_case(graph: Graph) -> None:
    recs = records(
        co_text("（2019）浙0382刑初81号", "癸一", "张某", "二〇一九年六月十日"),
        text(
            "（2016）浙0382刑初82号", "张某", facts(60000, 15000), "判处有期徒刑八个月，并处罚金人民币三万元"
        ),
    )
    assert set(by_case(run(graph, CO, recs, as_of="2022-01-01"))) == {"(2019)浙0382刑初81号"}
