from ipclue.normalize import (
    address_is_specific,
    clean,
    masked_uscc,
    normalize_case_no,
    normalize_patent_no,
    normalize_reg_no,
    uscc_check_char,
    valid_uscc,
)


def test_real_usccs_pass_the_gb32100_checksum() -> None:
    assert valid_uscc("9144030071526726XG")  # 深圳市腾讯计算机系统有限公司
    assert valid_uscc("91110000802100433B")


def test_a_changed_character_fails_the_checksum() -> None:
    assert not valid_uscc("9144030071526726XH")
    assert not valid_uscc("9144030071526727XG")


def test_masked_and_malformed_codes_are_not_keys() -> None:
    assert not valid_uscc("92350427********7A")
    assert masked_uscc("92350427********7A")
    assert not valid_uscc("91440300715267")
    assert not valid_uscc("9144030071526726IG")  # I is not in the alphabet


def test_check_char_of_known_body() -> None:
    assert uscc_check_char("9144030071526726X") == "G"


def test_case_numbers_normalise_brackets_and_spaces() -> None:
    assert normalize_case_no("（2015）长中民五初字第 01129号") == "(2015)长中民五初字第01129号"
    assert normalize_case_no("〔2016〕粤0304民初23278号") == "(2016)粤0304民初23278号"


def test_registration_and_patent_numbers() -> None:
    assert normalize_reg_no("第１２３４５６７号") == "1234567"
    assert normalize_patent_no("ZL 2019 1 0001234.5") == "ZL201910001234.5"
    assert normalize_patent_no("201910001234.5") == "ZL201910001234.5"


def test_clean_unifies_width_and_brackets() -> None:
    assert clean("深圳市某某（集团）有限公司") == clean("深圳市某某(集团)有限公司")


def test_an_address_is_specific_only_below_the_district() -> None:
    for region in (
        "福建省福州市仓山区",
        "江苏省无锡市",
        "上海市",
        "广东省深圳市宝安区福永街道",
        "浙江省玉环县大麦屿经济开发区",
    ):
        assert not address_is_specific(region), region
    for place in (
        "上海市保定路527号",
        "广东省中山市东升镇坦背胜龙村",
        "哈尔滨市道里区井街胡同2号",
        "北京市朝阳区建国路八十八号",
        "湖南省湘潭市高新区迅达大道迅达科技园",
    ):
        assert address_is_specific(place), place
