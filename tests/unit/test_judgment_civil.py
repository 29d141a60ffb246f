"""Civil judgment facts: absent defendants, mediated outcomes, findings in the 查明 section."""

from __future__ import annotations

import pytest

from ipclue.extractors.judgment import extract_judgment
from ipclue.extractors.judgment_body import absent_defendant
from ipclue.extractors.text import read_bytes_as_document

HEAD = """江苏省南京市中级人民法院
{kind}
（2015）宁知民初字第00012号
原告：甲乙电器股份有限公司，住所地江苏省南京市玄武区中山路1号。
法定代表人：王大明，该公司董事长。
被告南京丙丁贸易有限公司，住所地南京市江宁区。
法定代表人陈五，经理。
原告甲乙电器股份有限公司（以下简称甲乙公司）诉被告南京丙丁贸易有限公司侵害商标权纠纷一案，本院于2015年1月5日受理。
"""
MEDIATION = (
    HEAD.format(kind="民 事 调 解 书")
    + """原告甲乙公司诉称，被告销售侵权商品，请求判令赔偿经济损失5万元。
本案审理过程中，经本院主持调解，双方当事人自愿达成以下协议：
一、被告于2015年3月1日前向原告支付赔偿款20000元；
二、原告放弃其他诉讼请求。
上述协议，不违反法律规定，本院予以确认。
审判长刘一
二〇一五年二月一日
"""
)


@pytest.mark.parametrize(
    "sentence",
    [
        "被告丙丁公司经本院合法传唤，无正当理由拒不到庭参加诉讼。",
        "被告丙丁公司经本院传票传唤无正当理由拒不到庭。",
        "经本院公告送达开庭传票，被告张三未到庭。",
        "原告的委托代理人到庭参加诉讼，被告经本院依法传唤未出庭。",
        "被上诉人惠佰年公司、陈金春均未提供书面答辩意见，亦未到庭应诉答辩。",
        "本院依法缺席审理。",
    ],
)
def test_absent_defendant_phrasings(sentence: str) -> None:
    assert absent_defendant("原告诉称其为商标权人。" + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "原告经本院传票传唤，无正当理由拒不到庭，按撤诉处理。",
        "被告到庭参加了诉讼。",
        "第三人某公司未到庭参加诉讼。",
        "本院传唤了被告，被告到庭应诉。",
    ],
)
def test_present_defendant_or_absent_plaintiff_is_not_absent_defendant(sentence: str) -> None:
    assert not absent_defendant(sentence)


def test_mediation_document_is_mediated_whatever_the_agreement_wording() -> None:
    j = extract_judgment(read_bytes_as_document(MEDIATION.encode("utf-8"), "m.txt"))
    assert j.doc_type == "mediation"
    assert j.outcome == "mediated"


FACTS = (
    HEAD.format(kind="民 事 判 决 书")
    + """原告甲乙公司诉称，被告销售假冒商品，销售金额达100万元，请求判令赔偿经济损失50万元。
经审理查明：原告2014年全国销售额为人民币5亿元。
2014年3月，工商局在被告仓库查获标有“甲乙”商标的电器200台，价值人民币86000元。经比对，被控侵权商品与原告注册商标核定使用的商品属于同一种商品，所使用的标识与原告注册商标相同。
被告2014年销售上述侵权电器的销售金额为62000元，违法所得12000元。
本院认为，被告在同一种商品上使用与原告注册商标相同的商标，构成侵权。判决如下：
一、被告于本判决生效之日起十日内赔偿原告经济损失80000元；
二、驳回原告的其他诉讼请求。
审判长刘一
二〇一五年六月三十日
"""
)


def test_civil_findings_keep_what_the_court_found_with_offsets() -> None:
    j = extract_judgment(read_bytes_as_document(FACTS.encode("utf-8"), "f.txt"))
    amounts = {(f.kind, f.value) for f in j.findings if f.value is not None}
    assert amounts == {("stock_value", 86000.0), ("sales_amount", 62000.0), ("illegal_gain", 12000.0)}
    fake = [f for f in j.findings if f.kind == "counterfeit"]
    assert fake and all(FACTS[f.span[0] : f.span[1]].find(f.quote[:10]) >= 0 for f in j.findings)
    assert (j.amounts.sales_amount, j.amounts.illegal_gain, j.amounts.awarded) == (62000.0, 12000.0, 80000.0)
    assert not any(f.kind == "criminal_case" for f in j.findings)


def test_a_recited_criminal_judgment_is_a_finding_and_negated_identity_is_not_counterfeit() -> None:
    text = (
        FACTS.replace(
            "违法所得12000元。",
            "违法所得12000元。被告的法定代表人已因此被（2014）宁刑初字第5号刑事判决判处有期徒刑。",
        )
        .replace("所使用的标识与原告注册商标相同", "所使用的标识与原告注册商标不相同")
        .replace(
            "本院认为，被告在同一种商品上使用与原告注册商标相同的商标，构成侵权。", "本院认为，被告构成侵权。"
        )
    )
    j = extract_judgment(read_bytes_as_document(text.encode("utf-8"), "g.txt"))
    kinds = {f.kind for f in j.findings}
    assert "criminal_case" in kinds and "counterfeit" not in kinds


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("本院于2015年1月5日受理后，依法组成合议庭。", "2015-01-05"),
        ("本院于2016年3月2日立案后，依法适用普通程序进行了审理。", "2016-03-02"),
        ("原告于2014年4月15日向本院提起诉讼。", "2014-04-15"),
    ],
)
def test_filing_date_from_the_intro(sentence: str, day: str) -> None:
    text = FACTS.replace("本院于2015年1月5日受理。", sentence)
    j = extract_judgment(read_bytes_as_document(text.encode("utf-8"), "h.txt"))
    assert str(j.filed_on) == day
