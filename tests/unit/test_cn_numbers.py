"""The shared numeral, date and money parsers (``ipclue.extractors.cn_numbers``) on phrasings quoted
from the real corpus (each example names its document; the last test checks that it is quoted there)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from ipclue.extractors.cn_numbers import (
    ARABIC_DATE_RE,
    CN_DATE_RE,
    cn_to_int,
    make_date,
    match_date,
    parse_cn_date,
    parse_money,
    yuan,
)
from ipclue.extractors.criminal_findings import offence_period
from ipclue.extractors.penalty import decided_on

# (document, phrase as written there, amount in yuan)
MONEY = [
    ("civil/lsz-2b5212df7b.txt", "一千一百五十一元", 1151.0),
    ("civil/lsz-cf363b0b37.txt", "人民币一万三千二百零五元", 13205.0),
    ("civil/lsz-738715566d.txt", "人民币三万零八百元", 30800.0),
    ("civil/lsz-738715566d.txt", "壹万陆仟柒佰肆拾元", 16740.0),
    ("civil/lsz-80afc31cda.txt", "伍拾元", 50.0),
    ("civil/lsz-d0391991ff.txt", "壹仟贰佰万元", 12_000_000.0),
    ("civil/lsz-c519214aeb.txt", "1.06亿元", 106_000_000.0),
    ("civil/lsz-d23b140ca5.txt", "９３５万元", 9_350_000.0),
    ("civil/lsz-980cc09c1a.txt", "人民币500，000元", 500_000.0),
    ("civil/lsz-ae79ff24e3.txt", "折合人民币481万余元", 4_810_000.0),
    ("civil/lsz-ae79ff24e3.txt", "折合人民币600余万元", 6_000_000.0),
    ("criminal_facts/cail-test-00175.txt", "非法经营数额共计人民币84990元", 84990.0),
]
# (document, phrase, date): signature dates in Chinese numerals with each kind of zero
DATES = [
    ("civil/lsz-a119737927.txt", "二〇一五年十二月三十日", date(2015, 12, 30)),
    ("civil/lsz-080fa0a824.txt", "二OO八年一月七日", date(2008, 1, 7)),
    ("civil/lsz-56115aeaf6.txt", "二0一四年十一月一日", date(2014, 11, 1)),
    ("civil/lsz-bda62839c2.txt", "二Ο一一 年 四 月 十一 日", date(2011, 4, 11)),  # a Greek capital Ο as zero
    ("civil/lsz-267cd9fa96.txt", "1979年8月15日至1989年9月14日", date(1979, 8, 15)),
]
# (document, phrase, first day, last day): offence periods, the end with or without its year or day
PERIODS = [
    (
        "criminal_facts/cail-test-00181.txt",
        "2014年2月23日至2014年6月10日期间",
        date(2014, 2, 23),
        date(2014, 6, 10),
    ),
    ("criminal_facts/cail-test-00175.txt", "2012年9月至2013年3月间", date(2012, 9, 1), date(2013, 3, 28)),
    ("civil/lsz-ae79ff24e3.txt", "自2011年1月至5月的总收入", date(2011, 1, 1), date(2011, 5, 28)),
    ("civil/lsz-22c4095c04.txt", "2009年9月29日至11月", date(2009, 9, 29), date(2009, 11, 28)),
]


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("一千一百五十一", 1151),
        ("一万三千二百零五", 13205),
        ("三万零八百", 30800),
        ("壹万陆仟柒佰肆拾", 16740),
        ("壹仟贰佰万", 12_000_000),
        ("二OO八", 2008),
        ("二0一四", 2014),
        ("９３５", 935),
        ("十一", 11),
        ("三十", 30),
    ],
)
def test_cn_to_int_reads_positional_and_digit_by_digit_numerals(raw: str, value: int) -> None:
    assert cn_to_int(raw) == value


@pytest.mark.parametrize("raw", ["", "三元", "某"])
def test_cn_to_int_refuses_what_is_not_a_number(raw: str) -> None:
    assert cn_to_int(raw) is None


@pytest.mark.parametrize(("doc", "phrase", "value"), MONEY)
def test_parse_money_on_real_phrasings(doc: str, phrase: str, value: float) -> None:
    assert parse_money(phrase) == value


def test_yuan_drops_thousands_separators_and_applies_the_unit() -> None:
    assert yuan("500，000") == 500_000.0 and yuan("3,352,483.08") == 3_352_483.08
    assert yuan("1.06", "亿") == 106_000_000.0 and yuan("1.5", "万") == 15_000.0
    assert yuan("2", "千", scale=10_000.0) == 20_000_000.0  # 2千万元


@pytest.mark.parametrize(("doc", "phrase", "value"), DATES)
def test_parse_cn_date_on_real_phrasings(doc: str, phrase: str, value: date) -> None:
    assert parse_cn_date(phrase) == value


def test_match_date_reads_either_numerals_and_refuses_impossible_days() -> None:
    cn = CN_DATE_RE.search("二〇一四年元月五日")
    arabic = ARABIC_DATE_RE.search("被告人王某某，1970年1月1日出生")
    assert cn and match_date(cn) == date(2014, 1, 5)
    assert arabic and match_date(arabic) == date(1970, 1, 1)
    impossible = ARABIC_DATE_RE.search("2014年2月30日")
    assert impossible and match_date(impossible) is None
    partial = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})?", "2014年2月")
    assert partial and match_date(partial) is None
    assert make_date(2014, 13, 1) is None and make_date(None, 1, 1) is None


@pytest.mark.parametrize(("doc", "phrase", "first", "last"), PERIODS)
def test_offence_period_on_real_ranges(doc: str, phrase: str, first: date, last: date) -> None:
    start, end, span = offence_period(phrase)
    assert (start, end) == (first, last)
    assert span is not None and phrase[span[0] : span[1]].startswith(str(first.year))


@pytest.mark.parametrize(
    ("closing", "value"),
    [
        ("二〇二二年九月二十六日", date(2022, 9, 26)),
        ("二OO八年一月七日", date(2008, 1, 7)),  # Latin O as zero (as civil/lsz-080fa0a824.txt signs)
        ("二ＯＯ九年三月五日", date(2009, 3, 5)),  # full-width Ｏ as zero
        ("2023年2月27日", date(2023, 2, 27)),
    ],
)
def test_penalty_signing_date_reads_every_zero(closing: str, value: date) -> None:
    assert decided_on(f"醴陵市市场监督管理局\n{closing}\n") == value


def test_the_examples_are_quoted_from_the_corpus(corpus: Path) -> None:
    for doc, phrase, *_ in [*MONEY, *DATES, *PERIODS]:
        assert phrase in (corpus / "judgments" / doc).read_text(encoding="utf-8"), (doc, phrase)
