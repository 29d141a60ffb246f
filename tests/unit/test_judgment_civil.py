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
