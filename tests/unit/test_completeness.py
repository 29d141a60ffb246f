"""The signing-date line of a judgment's ending, on the ways real courts write it.

Each example is quoted from the real corpus (the last test checks that it is there): spaced-out
characters, the zero as 〇, ○, O, Ｏ, 0 or a Greek Ο, Arabic digits. Truncation needs all three
parts of the ending missing, so the date alone never quarantines a document; what it changes is
the ``missing_ending`` diagnosis.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ipclue.extractors.completeness import missing_ending

SIGNED = "判决如下：\n驳回原告的诉讼请求。\n\n审  判  长   陈  伟\n"
DATE_LINES = [
    ("civil/lsz-080fa0a824.txt", "二OO八年一月七日"),
    ("civil/lsz-0d7ff453cb.txt", "二Ｏ一Ｏ年十二月八日"),
    ("civil/lsz-2481746282.txt", "二 ○ 一 五 年 二 月 二 十 六 日"),
    ("civil/lsz-66b6014ef3.txt", "二 ○ 一 ○ 年 六 月 二 十 四  日"),
    ("civil/lsz-bda62839c2.txt", "二Ο一一 年 四 月 十一 日"),
    ("civil/lsz-6771a68eda.txt", "二ＯＯ八年七月二十五日"),
]


@pytest.mark.parametrize(("doc", "line"), DATE_LINES)
def test_a_real_signing_date_line_is_found(doc: str, line: str) -> None:
    text = SIGNED + "        " + line + "\n书  记  员   张  莹\n"
    assert missing_ending(text) == []


@pytest.mark.parametrize(
    "line",
    ["二O一一年八月十七日", "2013年4月10日", "二〇一四年元月五日"],
)
def test_zeros_and_digits_in_the_year(line: str) -> None:
    assert missing_ending(SIGNED + line + "\n") == []


def test_a_crlf_ending_is_read_as_lines() -> None:
    text = (SIGNED + "二〇一四年七月四日\n书记员 张莹\n").replace("\n", "\r\n")
    assert missing_ending(text) == []


@pytest.mark.parametrize(
    "text",
    [
        SIGNED + "经审理查明，被告于二〇一四年七月四日起销售。\n",  # a date in the facts
        SIGNED + "二〇一四年\n七月四日\n",  # not one line
        SIGNED + "二〇一六年一月××日\n",  # a masked day is not a date
    ],
)
def test_what_is_not_a_signing_date_line(text: str) -> None:
    assert missing_ending(text) == ["signing date"]


def test_the_examples_are_quoted_from_the_corpus(corpus: Path) -> None:
    for doc, line in DATE_LINES:
        text = (corpus / "judgments" / doc).read_text(encoding="utf-8")
        assert line in text, (doc, line)
