"""Criminal extraction per defendant: the 36 real CAIL fact sections and full judgments (real, synth)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipclue.extractors.judgment import extract_judgment
from ipclue.extractors.text import read_bytes_as_document, read_document
from ipclue.models import Judgment
from ipclue.synth.generate import generate

CAIL = "judgments/criminal_facts"

# Amounts as the text states them, by my reading of each fact section (kind → value, yuan).
AMOUNTS: dict[str, dict[str, float]] = {
    "cail-test-00001": {"goods_value": 77500},
    "cail-test-00031": {"goods_value": 165000},
    "cail-test-00058": {"sales_amount": 95000, "illegal_gain": 4760},
    "cail-test-00076": {"goods_value": 587925},
    "cail-test-00151": {"sales_amount": 179393},
    "cail-test-00163": {"illegal_revenue": 270000, "illegal_gain": 22000},
    "cail-test-00175": {"illegal_revenue": 84990},
    "cail-test-00181": {"illegal_revenue": 330000},
    "cail-test-00203": {"illegal_revenue": 66204, "sales_amount": 52984},
    "cail-test-00209": {"goods_value": 131032},
    "cail-test-00247": {"goods_value": 1851120},
    "cail-test-00250": {"sales_amount": 76393.01},
    "cail-test-00281": {"illegal_revenue": 140000},
    "cail-test-00297": {"goods_value": 524200},
    "cail-test-00327": {"sales_amount": 670000, "goods_value": 630000},
    "cail-test-00348": {"illegal_revenue": 78760},
    "cail-test-01384": {"sales_amount": 869200},
}
# Mitigating findings the facts state, per file (single defendant unless named).
MITIGATION: dict[str, set[str]] = {
    "cail-test-00001": set(),
    "cail-test-00058": {"自首", "退赃"},
    "cail-test-00109": {"自首"},
    "cail-test-00163": {"自首"},
    "cail-test-00249": {"自首"},
    "cail-test-00271": {"坦白"},
    "cail-test-00297": {"自首"},
    "cail-test-00175": set(),
}


@pytest.fixture(scope="module")
def cail(corpus: Path) -> dict[str, tuple[Judgment, str]]:
    out = {}
    for path in sorted((corpus / CAIL).glob("*.txt")):
        doc = read_document(path)
        out[path.stem] = (extract_judgment(doc), doc.text)
    return out


def test_every_fact_section_yields_its_defendants_without_a_sentence(
    cail: dict[str, tuple[Judgment, str]],
) -> None:
    assert len(cail) == 36
    for stem, (j, _) in cail.items():
        assert j.defendants, stem
        assert all(
            d.prison_months is None and d.fine is None and d.sentence_span is None for d in j.defendants
        )


@pytest.mark.parametrize("stem", sorted(AMOUNTS))
def test_amounts_as_the_facts_state_them(cail: dict[str, tuple[Judgment, str]], stem: str) -> None:
    j, text = cail[stem]
    found = {(a.kind, a.value) for a in j.crime_amounts}
    for kind, value in AMOUNTS[stem].items():
        assert (kind, pytest.approx(value)) in [(k, v) for k, v in found], (stem, kind, found)
    for a in j.crime_amounts:  # offsets point at the key and the figure
        assert text[a.span[0] : a.span[1]].endswith(("元", "圆")), (stem, a)


@pytest.mark.parametrize("stem", sorted(MITIGATION))
def test_mitigation_as_the_facts_state_it(cail: dict[str, tuple[Judgment, str]], stem: str) -> None:
    j, text = cail[stem]
    assert {m.kind for m in j.defendants[0].mitigation} == MITIGATION[stem]
    for m in j.defendants[0].mitigation:
        assert text[m.span[0] : m.span[1]]


def test_mitigation_goes_to_the_defendant_the_sentence_names(cail: dict[str, tuple[Judgment, str]]) -> None:
    j, _ = cail["cail-test-00448"]  # 被告人陈某甲有立功情节 (not 李某)
    by_name = {d.name: {m.kind for m in d.mitigation} for d in j.defendants}
    assert by_name == {"李某": set(), "陈某甲": {"立功"}}


def test_co_offenders_with_status_and_span(cail: dict[str, tuple[Judgment, str]]) -> None:
    def cos(stem: str) -> dict[str, str]:
        j, text = cail[stem]
        for c in j.co_offenders:
            assert c.name in text[c.span[0] : c.span[1]]
        return {c.name: c.status for c in j.co_offenders}

    assert cos("cail-test-00220") == {"罗×2": "另案处理", "岳×1": "另案处理"}
    assert cos("cail-test-00058") == {"孟某某": "另案处理", "时某某": "另案处理"}
    assert cos("cail-test-00247") == {"杨某": "已判刑", "王某": "另处理", "袁某某": "另处理"}
    assert cos("cail-test-00289") == {
        "高某某": "已判决",
        "潘某": "已判决",
        "高某": "已判决",
        "周某某": "已起诉",
    }
    assert cos("cail-test-00001") == {}


def test_charge_inferred_from_statutory_wording(cail: dict[str, tuple[Judgment, str]]) -> None:
    j, _ = cail["cail-test-00245"]  # 在同一种商品上使用与其注册商标相同的商标 (罪名 redacted ××)
    assert (j.defendants[0].charge, j.defendants[0].charge_inferred) == ("假冒注册商标罪", True)
    j, _ = cail["cail-test-01263"]
    assert j.defendants[0].charge == "侵犯著作权罪"


def test_offence_period(cail: dict[str, tuple[Judgment, str]]) -> None:
    j, _ = cail["cail-test-00181"]
    assert (str(j.offence_from), str(j.offence_to)) == ("2014-02-23", "2014-06-10")
    j, _ = cail["cail-test-00058"]  # 2015年1月底至2月初
    assert (j.offence_from and j.offence_from.month, j.offence_to and j.offence_to.month) == (1, 2)


REAL_LAYOUT = """浙江省乐清市人民法院
刑事判决书
（2014）温乐刑初字第1234号
公诉机关浙江省乐清市人民检察院。
被告单位乐清市中矿防爆科技有限公司，住所地乐清市柳市镇。
诉讼代表人郑某乙，该公司副总经理。
被告人郑某甲，男，1970年1月1日出生，汉族，住乐清市柳市镇。因涉嫌犯假冒注册商标罪于2013年5月1日被刑事拘留。
被告人王五，男，1980年2月1日出生，汉族，住乐清市。
乐清市人民检察院以乐检公诉刑诉（2014）100号起诉书指控被告单位乐清市中矿防爆科技有限公司、被告人郑某甲、王五犯假冒注册商标罪，于2014年3月1日向本院提起公诉。
公诉机关指控，2013年3月份起，被告单位乐清市中矿防爆科技有限公司在郑某甲授意下，伙同陈某某（另案处理）生产假冒“龙亿”商标的电路接线盒（价值共计587925元）。
经审理查明：2013年3月至4月，被告单位乐清市中矿防爆科技有限公司在郑某甲授意下生产假冒“龙亿”注册商标的电路接线盒，非法经营数额人民币５８７，９２５元。被告人郑某甲到案后如实供述自己的罪行。
本院认为，被告单位及被告人郑某甲、王五在同一种商品上使用与其注册商标相同的商标，情节特别严重，其行为均已构成假冒注册商标罪。被告人王五系从犯。被告人郑某甲自愿认罪认罚。
依照《中华人民共和国刑法》第二百一十三条、第二百二十条之规定，判决如下：
一、被告单位乐清市中矿防爆科技有限公司犯假冒注册商标罪，判处罚金人民币三十万元。
二、被告人郑某甲犯假冒注册商标罪，判处有期徒刑三年，缓刑四年，并处罚金人民币５０，０００元。
三、被告人王五犯假冒注册商标罪，判处拘役五个月。
（缓刑考验期限，从判决确定之日起计算。）
如不服本判决，可在接到判决书的第二日起十日内提出上诉。
审判长 张三
二〇一四年六月十日
书记员 李四
"""


def test_full_judgment_in_the_real_layout_per_defendant() -> None:
    j = extract_judgment(read_bytes_as_document(REAL_LAYOUT.encode("utf-8"), "real.txt"))
    got = {
        d.name: (d.kind, d.charge, d.prison_months, d.detention_months, d.probation_months, d.fine)
        for d in j.defendants
    }
    assert got == {
        "乐清市中矿防爆科技有限公司": ("org", "假冒注册商标罪", None, None, None, 300000.0),
        "郑某甲": ("person", "假冒注册商标罪", 36, None, 48, 50000.0),
        "王五": ("person", "假冒注册商标罪", None, 5, None, None),
    }
    mit = {d.name: {m.kind for m in d.mitigation} for d in j.defendants}
    assert mit["郑某甲"] == {"坦白", "认罪认罚"} and mit["王五"] == {"从犯"}
    assert [(c.name, c.status) for c in j.co_offenders] == [("陈某某", "另案处理")]
    court = [a for a in j.crime_amounts if a.found_by == "court"]
    assert [(a.kind, a.value) for a in court] == [("illegal_revenue", 587925.0)]
    assert str(j.offence_from) == "2013-03-01" and j.amounts.illegal_revenue == 587925.0
    for d in j.defendants:
        assert d.sentence_span and REAL_LAYOUT[d.sentence_span[0] :].startswith("被告")


def test_combined_sentence_and_exemption() -> None:
    text = REAL_LAYOUT.replace(
        "判处拘役五个月。",
        "判处有期徒刑一年，并处罚金人民币一万元；犯销售假冒注册商标的商品罪，判处有期徒刑一年，"
        "并处罚金人民币一万元，决定执行有期徒刑一年十个月，并处罚金人民币二万元。",
    ).replace("判处罚金人民币三十万元", "免予刑事处罚")
    j = extract_judgment(read_bytes_as_document(text.encode("utf-8"), "combined.txt"))
    by_name = {d.name: d for d in j.defendants}
    assert (by_name["王五"].prison_months, by_name["王五"].fine) == (22, 20000.0)
    assert by_name["乐清市中矿防爆科技有限公司"].exempt


def test_generated_criminal_judgments_read_back(tmp_path: Path) -> None:
    generate(tmp_path, 600, 5)
    truth = json.loads((tmp_path / "truth.json").read_text("utf-8"))
    docs = [d for d in truth["documents"] if d.get("division") == "criminal"]
    assert len(docs) >= 10
    for d in docs:
        j = extract_judgment(read_document(tmp_path / d["file"]))
        assert j.defendants and all(x.sentence_span for x in j.defendants), d["file"]
        for x in j.defendants:
            assert x.charge in ("假冒注册商标罪", "销售假冒注册商标的商品罪")
            assert (x.prison_months or 0) > 0 if x.kind == "person" else x.fine
        assert any(a.found_by == "court" and a.kind == "illegal_revenue" for a in j.crime_amounts)


def test_graph_rows_carry_each_defendants_sentence_and_the_co_offenders() -> None:
    from ipclue.graph.build import build_rows, case_series
    from ipclue.graph.mentions import mentions_of
    from ipclue.graph.resolve import KeyResolver

    j = extract_judgment(read_bytes_as_document(REAL_LAYOUT.encode("utf-8"), "real.txt"))
    mentions = mentions_of(j)
    rows = dict(build_rows([j], mentions, KeyResolver().resolve(mentions)).by_step())
    sentences = {r["props"]["prison_months"]: r for r in rows["sentence"]}
    assert set(sentences) == {None, 36} and len(rows["sentence"]) == 3
    assert sentences[36]["props"]["probation_months"] == 48 and sentences[36]["role"] == "accused"
    case = rows["case"][0]["props"]
    assert (
        case["co_names"] == ["陈某某"]
        and case["co_status"] == ["另案处理"]
        and case["case_series"] == "温乐刑初字"
    )
    assert case_series("(2016)粤0304刑初23278号") == "粤0304刑初" and case_series("CAIL:x") is None
