"""Unit tests of the judgment extractor on small hand-written texts (no corpus needed)."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from ipclue.errors import ExtractError
from ipclue.extractors.cn_numbers import cn_to_int, parse_cn_date, parse_money
from ipclue.extractors.judgment import extract_criminal_facts, extract_judgment, looks_like_judgment
from ipclue.extractors.judgment_body import patent_numbers, trademark_numbers
from ipclue.extractors.text import Document, read_bytes_as_document

CIVIL = """某某与某某侵害商标权纠纷一审民事判决书
江苏省南京市中级人民法院
民 事 判 决 书
（2015）宁知民初字第00012号
原告：甲乙电器股份有限公司，住所地江苏省南京市玄武区中山路1号。
法定代表人：王大明，该公司董事长。
委托代理人：李小红，江苏天衡律师事务所律师。
委托代理人：赵四，该公司员工。
被告：张三，男，汉族，1970年1月2日出生，住南京市鼓楼区，系南京市鼓楼区兴旺电器商行经营者。
被告南京丙丁贸易有限公司（以下简称丙丁公司），住所地南京市江宁区。
法定代表人陈五，经理。
两被告共同委托代理人钱六、孙七，江苏法德永衡律师事务所律师。
原告甲乙电器股份有限公司（以下简称甲乙公司）诉被告张三、丙丁公司侵害商标权纠纷一案，本院于2015年1月5日受理。
原告甲乙公司诉称，原告是第1234567号“甲乙”注册商标的权利人，另有注册号为7654321的商标。请求判令两被告赔偿经济损失共计人民币5万元。
被告张三辩称，其商品有合法来源。被告丙丁公司经本院传票传唤，无正当理由拒不到庭。
经审理查明：（2014）宁证经字第5678号公证书载明购买过程。
本院认为，被告销售侵权商品，应承担赔偿责任。依照《中华人民共和国商标法》之规定，判决如下：
一、被告张三、南京丙丁贸易有限公司于本判决生效之日起十日内赔偿原告经济损失20000元；
二、驳回原告甲乙电器股份有限公司的其他诉讼请求。
案件受理费1050元，由被告负担。
审判长刘一
二〇一五年六月三十日
书记员周二
"""


def _doc(text: str, path: str = "mem.txt") -> Document:
    """A Document over an in-memory text."""
    return read_bytes_as_document(text.encode("utf-8"), path)


@pytest.fixture(scope="module")
def civil() -> object:
    """The civil sample, extracted once."""
    return extract_judgment(_doc(CIVIL))


def test_header_fields(civil: object) -> None:
    j = civil
    assert j.case_no == "(2015)宁知民初字第00012号"  # type: ignore[attr-defined]
    assert j.case_no_raw == "（2015）宁知民初字第00012号"  # type: ignore[attr-defined]
    assert j.court == "江苏省南京市中级人民法院"  # type: ignore[attr-defined]
    assert (j.doc_type, j.division, j.instance) == ("judgment", "civil", "first")  # type: ignore[attr-defined]
    assert j.cause == "侵害商标权纠纷"  # type: ignore[attr-defined]
    assert j.decided_on == date(2015, 6, 30)  # type: ignore[attr-defined]


def test_parties_roles_kinds_and_reps(civil: object) -> None:
    parties = civil.parties  # type: ignore[attr-defined]
    assert [(p.name, p.role, p.kind) for p in parties] == [
        ("甲乙电器股份有限公司", "plaintiff", "org"),
        ("张三", "defendant", "person"),
        ("南京丙丁贸易有限公司", "defendant", "org"),
    ]
    assert (parties[0].legal_representative, parties[0].legal_representative_title) == ("王大明", "董事长")
    assert parties[0].address == "江苏省南京市玄武区中山路1号"
    zhang = parties[1]
    assert (zhang.gender, zhang.ethnicity, zhang.birth_date) == ("男", "汉族", date(1970, 1, 2))
    assert zhang.sole_trader and zhang.trade_name == "南京市鼓楼区兴旺电器商行"


def test_agents_and_common_agents(civil: object) -> None:
    plaintiff, zhang, bingding = civil.parties  # type: ignore[attr-defined]
    assert [(a.name, a.organization) for a in plaintiff.agents] == [
        ("李小红", "江苏天衡律师事务所"),
        ("赵四", "甲乙电器股份有限公司"),
    ]
    common = [("钱六", "江苏法德永衡律师事务所"), ("孙七", "江苏法德永衡律师事务所")]
    assert [(a.name, a.organization) for a in zhang.agents] == common
    assert [(a.name, a.organization) for a in bingding.agents] == common


def test_body_facts(civil: object) -> None:
    j = civil
    assert j.trademark_numbers == ["1234567", "7654321"]  # type: ignore[attr-defined]
    assert j.short_names == {"丙丁公司": "南京丙丁贸易有限公司", "甲乙公司": "甲乙电器股份有限公司"}  # type: ignore[attr-defined]
    assert j.amounts.claimed == 50000.0 and j.amounts.awarded == 20000.0  # type: ignore[attr-defined]
    assert j.outcome == "partly_upheld" and j.absent_defendant  # type: ignore[attr-defined]
    text = CIVIL.replace("\n\n", "\n")
    start, end = j.sections["认为"]  # type: ignore[attr-defined]
    assert text[start:end].startswith("本院认为")
    assert set(j.sections) >= {"当事人", "诉称", "辩称", "查明", "认为", "判决"}  # type: ignore[attr-defined]


def test_source_ref_is_the_document_hash(civil: object) -> None:
    assert civil.source.sha256 == hashlib.sha256(CIVIL.encode("utf-8")).hexdigest()  # type: ignore[attr-defined]


APPEAL = """北京知识产权法院
民事判决书
（2016）京73民终100号
上诉人（原审被告）：李四，女，1980年3月4日出生。
委托诉讼代理人：周某，北京市某某律师事务所律师。
被上诉人（原审原告）：某某（中国）有限公司（Some Brand Co., Ltd.），住所地北京市。
法定代表人：Tom Smith，董事长。
原审被告：北京市朝阳区好运来服装店（个体工商户），住所地北京市朝阳区。
经营者：王五。
上诉人李四因与被上诉人某某（中国）有限公司侵害商标权纠纷一案，不服北京市朝阳区人民法院（2015）朝民（知）初字第1234号民事判决，向本院提起上诉。
本院认为，上诉理由不能成立。判决如下：
驳回上诉，维持原判。
二○一六年三月一日
"""


def test_appeal_roles_prior_case_and_outcome() -> None:
    j = extract_judgment(_doc(APPEAL))
    assert j.instance == "second" and j.outcome == "dismissed"
    assert [(p.role, p.role_text) for p in j.parties] == [
        ("appellant", "上诉人（原审被告）"),
        ("appellee", "被上诉人（原审原告）"),
        ("original_party", "原审被告"),
    ]
    assert j.parties[1].name == "某某（中国）有限公司"
    assert (j.parties[2].kind, j.parties[2].legal_representative) == ("org", "王五")
    assert j.prior_case_nos == ["(2015)朝民(知)初字第1234号"]
    assert j.decided_on == date(2016, 3, 1)


def test_flattened_one_line_document_is_split() -> None:
    flat = CIVIL.replace("\n", "") * 1
    j = extract_judgment(_doc(flat))
    assert j.case_no == "(2015)宁知民初字第00012号"
    assert [p.name for p in j.parties] == ["甲乙电器股份有限公司", "张三", "南京丙丁贸易有限公司"]


def test_rejections_have_reasons() -> None:
    with pytest.raises(ExtractError) as err:
        extract_judgment(_doc("这是一份会议纪要，没有当事人。" * 20))
    assert err.value.reason == "not_a_judgment"
    one_party = CIVIL.split("被告：张三")[0] + "原告甲乙公司诉称，请求赔偿。\n"
    with pytest.raises(ExtractError) as err2:
        extract_judgment(_doc(one_party))
    assert err2.value.reason == "too_few_parties"


CRIMINAL = (
    "某市某区人民检察院指控：2015年3月至5月，被告人陈某某伙同王某（另案处理）生产假冒“某牌”白酒，"
    "销售金额人民币12万元，违法所得3.5万元。被告单位某市某某酒业有限公司明知上述情况仍提供场地。"
    "公诉机关认为，被告人陈某某的行为已构成假冒注册商标罪。"
)


def test_criminal_facts() -> None:
    j = extract_criminal_facts(_doc(CRIMINAL, "/x/cail-test-00999.txt"))
    assert j.case_no == "CAIL:cail-test-00999" and j.court == "" and j.division == "criminal"
    assert [(p.name, p.role) for p in j.parties] == [
        ("某市某区人民检察院", "prosecutor"),
        ("某市某某酒业有限公司", "accused_unit"),
        ("陈某某", "accused"),
    ]
    assert (j.amounts.sales_amount, j.amounts.illegal_gain) == (120000.0, 35000.0)
    assert j.charges == ["假冒注册商标罪"]
    assert extract_judgment(_doc(CRIMINAL, "/x/c.txt")).division == "criminal"


def test_looks_like_judgment() -> None:
    assert looks_like_judgment(CIVIL)
    assert looks_like_judgment(CRIMINAL)
    assert not looks_like_judgment("商标注册证 第1234567号 核定使用商品第9类")


@pytest.mark.parametrize(
    ("raw", "value"),
    [("二〇一四", 2014), ("二十三", 23), ("伍万叁仟", 53000), ("十", 10), ("1999", 1999)],
)
def test_cn_to_int(raw: str, value: int) -> None:
    assert cn_to_int(raw) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("二〇一四年三月二十日", date(2014, 3, 20)),
        ("二○一四年元月五日", date(2014, 1, 5)),
        ("二Ｏ一三年十二月十六日", date(2013, 12, 16)),
        ("二0一三年十二月十六日", date(2013, 12, 16)),
    ],
)
def test_parse_cn_date(raw: str, value: date) -> None:
    assert parse_cn_date(raw) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("赔偿5万元", 50000.0),
        ("50,000元", 50000.0),
        ("人民币伍万元", 50000.0),
        ("1.5万元", 15000.0),
        ("30000元", 30000.0),
    ],
)
def test_parse_money(raw: str, value: float) -> None:
    assert parse_money(raw) == value


def test_trademark_numbers_avoid_case_and_document_numbers() -> None:
    text = (
        "（2012）绵众信证字第4580号公证书证明其商标权；商评字[2019]第22893号裁定涉及第20680746号“星”商标；"
        "商标注册号分别为第176985、1050402、G930219号等；电话13912345678；身份证号码×××1038。"
    )
    assert trademark_numbers(text) == ["20680746", "176985", "1050402"]


def test_patent_numbers_full_and_half_width() -> None:
    text = "专利号为ZL200930123456.7，另有ＺＬ２０１９１０００１２３４．５号发明专利。"
    assert patent_numbers(text) == ["ZL200930123456.7", "ZL201910001234.5"]


# ---- general patterns found by the held-out set (tests/data/judgment_holdout) --------------

HEADER_VARIANTS = """上海知识产权法院
民事判决书
（2015）沪知民终字第6号
上诉人（原审被告）鲁某，女，1980年1月1日生。
委托代理人：王甲（特别授权代理）、李乙（实习），上海某某律师事务所律师。代理权限为：代为承认、放弃诉讼请求；代理人可以以自己的名义代为申请强制执行、代为签收法律文书。
被上诉人（原审原告）某某有限公司。授权代表人约翰·史密斯（JohnSmith），该公司董事。
委托代理人：赵丙，男，1966年4月8日生，哈尔滨市南岗区某某家政服务部副经理。
委托代理人：钱丁，某市某某超市员工。
上诉人鲁某因侵害商标权纠纷一案，不服一审判决，向本院提起上诉。
本院认为，上诉理由不能成立。判决如下：
驳回上诉，维持原判。
"""


def test_authorised_representative_keeps_the_whole_name() -> None:
    j = extract_judgment(_doc(HEADER_VARIANTS))
    assert j.parties[1].legal_representative == "约翰·史密斯"  # 授权代表人, not 人约翰·史密斯


def test_agent_mandate_asides_and_mandate_sentences_are_not_names() -> None:
    j = extract_judgment(_doc(HEADER_VARIANTS))
    assert [(a.name, a.organization) for a in j.parties[0].agents] == [
        ("王甲", "上海某某律师事务所"),
        ("李乙", "上海某某律师事务所"),
    ]


def test_agent_employers_ending_in_shop_suffixes() -> None:
    j = extract_judgment(_doc(HEADER_VARIANTS))
    assert [(a.name, a.organization) for a in j.parties[1].agents] == [
        ("赵丙", "哈尔滨市南岗区某某家政服务部"),
        ("钱丁", "某市某某超市"),
    ]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # 注册证号分别为：第…、…号 (the 为 and the colon together)
        ("商标21个，注册证号分别为：第1248538、1250197、1287342号，核准使用商品类别为第1类。",
         ["1248538", "1250197", "1287342"]),
        # a long list of 第N号 items before the word 商标
        ("原告拥有第289949号、第316873号、第318341号、第348829号、第348830号、第349400号、第520346号、"
         "第738399号“大宝牌”文字加图形注册商标专用权。",
         ["289949", "316873", "318341", "348829", "348830", "349400", "520346", "738399"]),
        # logos rendered as quotes broken over lines between the items
        ("原告依法享有第933429号“\n　　＋?\n　　＋?\n　　”、第1465385号“\n　　+?\n　　”、第706061号“\n　　”"
         "等注册商标专用权。", ["933429", "1465385", "706061"]),
        # a registration number without 第 after a registering verb
        ("某服装行于1999年注册登记1293407号“以纯”商标；1988年注册取得316873号“大宝牌”文字加图形商标。",
         ["1293407", "316873"]),
    ],
    ids=["registration-numbers-are", "long-list", "logo-quotes-between-items", "after-registering-verb"],
)  # fmt: skip
def test_trademark_number_lists_and_bare_numbers(text: str, numbers: list[str]) -> None:
    assert trademark_numbers(text) == numbers


def test_bare_numbers_need_a_registering_verb_and_a_mark() -> None:
    text = "注册资本5000万元；以及5669058号文件；注册登记1234号公证书；（2013）粤佛顺德第17475号《公证书》。"
    assert trademark_numbers(text) == []


def test_an_empty_address_label_gives_no_address() -> None:
    # "住所地。" with the address redacted must not yield the address "地"
    text = CIVIL.replace("住所地江苏省南京市玄武区中山路1号。", "住所地。")
    plaintiff = extract_judgment(_doc(text)).parties[0]
    assert plaintiff.name == "甲乙电器股份有限公司"
    assert plaintiff.address is None
    assert extract_judgment(_doc(CIVIL)).parties[0].address == "江苏省南京市玄武区中山路1号"


def test_a_number_list_with_only_the_last_number_marked() -> None:
    text = "原告拥有第3244766、3244771、8753306号等注册商标，被告使用第3、4项证据。"
    assert trademark_numbers(text) == ["3244766", "3244771", "8753306"]


def test_a_bare_number_before_a_quoted_mark() -> None:
    text = "其中第70855号“长城”商标以及5669058号“中粮”商标分别注册，另有G611405号“LERITZ”商标，案号1号“甲”。"
    assert trademark_numbers(text) == ["70855", "5669058"]
