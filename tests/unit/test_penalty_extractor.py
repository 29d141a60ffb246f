"""行政处罚决定书 → Penalty, on realistic documents written after the published layout."""

from __future__ import annotations

from datetime import date

import pytest

from ipclue.errors import ExtractError
from ipclue.extractors.penalty import extract_penalty, looks_like_penalty
from ipclue.extractors.text import Document, read_bytes_as_document

# A sole trader (经营部) with no credit code shown, 负责人, Arabic dates, fine and gain.
HUAIYUAN = """怀远县市场监督管理局
行政处罚决定书
怀市监处罚〔2023〕302号
当事人：怀远县万福计玉联农资经营部
主体资格证照名称：营业执照
统一社会信用代码（注册号）：\\
住所（住址）：安徽省蚌埠市怀远县万福镇万福街道
法定代表人（负责人、经营者）：计玉联
身份证件号码：\\
案件来源及调查经过：2022年10月12日，本局接江陵县明天种业科技有限公司投诉，反映当事人销售的“满家丰”稻种涉嫌侵犯其注册商标专用权。经立案调查，于2023年2月20日调查终结。
违法事实：经查，当事人于2022年4月从他人处购进标有“满家丰”字样的稻种20袋，进价每袋90元，已全部售出，售价每袋100元，销售金额2000元，违法所得200元。“满家丰”商标注册号为第13217489号，核定使用商品为第31类稻种，注册人为江陵县明天种业科技有限公司。当事人的行为不涉嫌犯罪，不予移送。
证据：1.营业执照复印件；2.现场检查笔录；3.询问笔录；4.投诉人出具的鉴定证明。
依据：当事人销售侵犯注册商标专用权商品的行为，违反了《中华人民共和国商标法》第五十七条第（三）项的规定。依据《中华人民共和国商标法》第六十条第二款的规定。
处罚内容：本局决定对当事人作出如下行政处罚：1.没收违法所得200元；2.罚款2000元。
当事人应当自收到本决定书之日起十五日内缴纳罚款。如不服本处罚决定，可以在收到本决定书之日起六十日内向怀远县人民政府申请行政复议，也可以在六个月内依法向人民法院提起行政诉讼。
怀远县市场监督管理局
2023年2月27日
"""

# A masked publication (邱**, 92350427********7A), patent marking, Chinese-numeral date.
SHAXIAN = """三明市沙县区市场监督管理局行政处罚决定书
沙市监处字〔2021〕105号
当事人：沙县和润万家生鲜超市(邱**)
主体资格证照名称：营业执照
统一社会信用代码：92350427********7A
住所：福建省三明市沙县凤岗街道***
经营者：邱**
一、案件来源及调查经过
2021年6月3日，执法人员在当事人经营场所检查时发现，
当事人销售的“稻花香”大米外包装标注“专利号：ZL 2019 3 0123456.7”，未标明专利类别，
涉嫌销售专利标识标注不符合规定的商品。
二、违法事实
经查，当事人共购进上述大米37袋，货值金额377.4元，尚未售出，无违法所得。
三、证据
上述事实有现场检查笔录、询问笔录、进货单据等证据证明。
四、处罚依据
当事人的行为违反了《专利标识标注办法》第五条、第八条的规定。
五、处罚内容
责令当事人立即改正上述违法行为。
三明市沙县区市场监督管理局
二〇二一年九月十五日
"""

# A company, revenue in 万元, confiscation, transfer to the police, numbered headings.
QINGHE = """清河县市场监督管理局
行政处罚决定书
清市监处罚〔2023〕383号
当事人名称：清河县千聊贸易有限公司
统一社会信用代码：91130534MABWY7MJ6C
住所：河北省邢台市清河县葛仙庄镇东高庄村
法定代表人：冯兰英
案件来源
2023年3月1日，本局根据投诉对当事人进行检查。
经查，当事人自2022年10月起生产标注“鄂尔多斯”商标的羊绒衫，侵犯了内蒙古鄂尔多斯资源股份有限公司第1234567号注册商标专用权，违法经营额为3.574082万元，违法所得14252.82元。本局认为当事人涉嫌犯罪，依法将案件移送清河县公安局。
上述事实主要有以下证据证明：现场检查笔录、询问笔录、商标权利人出具的鉴定意见。
本局认为，当事人的行为违反了《中华人民共和国商标法》第五十七条第（一）项的规定。
根据《中华人民共和国商标法》第六十条第二款的规定，本局决定给予当事人如下行政处罚：
1.没收侵权羊绒衫326件；
2.没收违法所得14252.82元；
3.处以70000元罚款。
清河县市场监督管理局
2023年6月20日
"""

# A natural person, ID masked, authority named only in the 落款.
LILING = """行政处罚决定书
醴市监处罚字〔2022〕264号
当事人姓名：黄启元，性别：男，民族：汉族，居民身份证号码：430281********1234
住址：湖南省醴陵市浦口镇**村
经调查，当事人于2022年4月生产冒用“红日子”注册商标标识的鞭炮50箱，货值金额6000元。
处罚内容：没收冒用注册商标标识的鞭炮50箱；罚款人民币壹万贰仟元整（12000元）。
醴陵市市场监督管理局
二〇二二年九月二十六日
"""


def _doc(text: str, name: str = "p.txt") -> Document:
    return read_bytes_as_document(text.encode("utf-8"), name)


def test_sole_trader_decision_fields() -> None:
    p = extract_penalty(_doc(HUAIYUAN))
    assert p.decision_no == "怀市监处罚(2023)302号"
    assert p.authority == "怀远县市场监督管理局"
    assert p.decided_on == date(2023, 2, 27)
    assert p.party == "怀远县万福计玉联农资经营部"
    assert p.party_kind == "org"
    assert p.uscc is None
    assert p.legal_representative == "计玉联"
    assert p.address == "安徽省蚌埠市怀远县万福镇万福街道"
    assert p.violation == "商标侵权"
    assert p.marks == ["13217489"]
    assert (p.sales_amount, p.illegal_gain, p.fine, p.illegal_revenue) == (2000.0, 200.0, 2000.0, None)
    assert p.confiscated == "没收违法所得200元"
    assert p.transferred_to_police is False


def test_sections_are_ordered_offsets_into_the_text() -> None:
    doc = _doc(HUAIYUAN)
    p = extract_penalty(doc)
    assert list(p.sections) == ["party", "investigation", "facts", "evidence", "basis", "decision"]
    start, end = p.sections["evidence"]
    assert doc.text[start:end].startswith("证据：1.营业执照复印件")
    assert doc.text[p.sections["decision"][0] :].startswith("处罚内容：")


def test_masked_publication_keeps_masks_and_reads_chinese_date() -> None:
    p = extract_penalty(_doc(SHAXIAN))
    assert p.decision_no == "沙市监处字(2021)105号"
    assert p.authority == "三明市沙县区市场监督管理局"
    assert p.decided_on == date(2021, 9, 15)
    assert p.uscc == "92350427********7A"
    assert p.party == "沙县和润万家生鲜超市(邱**)"
    assert p.legal_representative == "邱**"
    assert p.violation == "专利标识不规范"
    assert p.patents == ["ZL201930123456.7"]
    assert p.illegal_revenue == 377.4
    assert p.illegal_gain is None
    assert p.fine is None
    assert set(p.sections) == {"party", "investigation", "facts", "evidence", "basis", "decision"}


def test_company_with_transfer_to_police() -> None:
    p = extract_penalty(_doc(QINGHE))
    assert p.uscc == "91130534MABWY7MJ6C"
    assert p.legal_representative == "冯兰英"
    assert p.illegal_revenue == pytest.approx(35740.82)
    assert p.illegal_gain == 14252.82
    assert p.fine == 70000.0
    assert p.marks == ["1234567"]
    assert p.confiscated == "没收侵权羊绒衫326件；没收违法所得14252.82元"
    assert p.transferred_to_police is True
    assert p.violation == "商标侵权"


def test_natural_person_and_authority_from_closing() -> None:
    p = extract_penalty(_doc(LILING))
    assert p.party == "黄启元"
    assert p.party_kind == "person"
    assert p.uscc is None
    assert p.authority == "醴陵市市场监督管理局"
    assert p.decided_on == date(2022, 9, 26)
    assert p.decision_no == "醴市监处罚字(2022)264号"
    assert p.fine == 12000.0
    assert p.illegal_revenue == 6000.0
    assert p.violation == "商标侵权"


def test_detection_and_missing_number() -> None:
    assert looks_like_penalty(_doc(HUAIYUAN).text)
    assert not looks_like_penalty("北京市高级人民法院\n行政判决书\n原告不服被告作出的行政处罚决定书……")
    with pytest.raises(ExtractError) as err:
        extract_penalty(_doc(HUAIYUAN.replace("怀市监处罚〔2023〕302号", "")))
    assert err.value.reason == "no-decision-no"


def test_marks_written_in_brackets_after_the_mark_are_found() -> None:
    from ipclue.extractors.penalty import _MARK_NO

    text = "现场发现标有“趣明”注册商标（第55429685号）的商品645件，另有“青松”商标(注册号第1234567号)。"
    found = {a or b or c for a, b, c in _MARK_NO.findall(text)}
    assert found == {"55429685", "1234567"}
