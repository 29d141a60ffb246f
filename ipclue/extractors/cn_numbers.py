"""Chinese numerals, dates and money amounts as they are written in judgments, penalty decisions and
registers: the one place that turns 二〇一四年元月五日, 伍万叁仟 or 1.5万元 into a date or a number."""

from __future__ import annotations

import re
from datetime import date

from ipclue.normalize import to_halfwidth

_DIGITS = {
    "〇": 0, "○": 0, "Ｏ": 0, "O": 0, "Ο": 0, "О": 0, "0": 0, "０": 0, "零": 0, "洞": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_DIGITS) + "".join(_UNITS) + "".join(_BIG_UNITS) + "元整正"
_FIRST_MONTH = ("元", "正")  # 元月 / 正月: January

YEAR_CHARS = "二〇○ＯOΟО0０零一两三四五六七八九"
"""The characters of a year written in Chinese numerals (二〇一四, 二○一四, 二OO八, 二0一三; the
zero is also typed as a Greek Ο or Cyrillic О, which look the same: 二Ο一一)."""
CN_DATE_RE = re.compile(
    rf"([{YEAR_CHARS}]{{4}})\s*年\s*([一二三四五六七八九十元正]{{1,3}})\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日"
)
ARABIC_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NUM = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
MONEY_RE = re.compile(
    rf"(?:人民币|RMB|￥|¥)?\s*(?:({_NUM})\s*(亿|万|千)?|([{_CN_CHARS}]+?))\s*(?:余)?(元|万元|圆)"
)
MONEY_PATTERN = MONEY_RE.pattern
_SCALE = {"亿": 1e8, "万": 1e4, "千": 1e3}


def cn_to_int(text: str) -> int | None:
    """Chinese numeral (二〇一四, 二十三, 伍万叁仟) or Arabic digits to int; None if not a number."""
    text = to_halfwidth(text).strip()
    if text.isdigit():
        return int(text)
    if text and all(ch in _DIGITS for ch in text):
        return int("".join(str(_DIGITS[ch]) for ch in text))
    return _positional(text)


def _positional(text: str) -> int | None:
    """Positional numerals with units: 二十三, 一万二千, 叁拾伍."""
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        elif ch in _BIG_UNITS:
            total += (section + (digit or 0)) * _BIG_UNITS[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0) if text else None


def make_date(year: int | None, month: int | None, day: int | None) -> date | None:
    """A date from parts, None when any part is missing or out of range."""
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def match_date(m: re.Match[str]) -> date | None:
    """The date of a match whose groups 1–3 are year, month and day, in Arabic (full-width too) or
    Chinese numerals (元月 / 正月 is January); None when a part is missing or out of range."""
    year, month, day = m.group(1, 2, 3)
    return make_date(_part(year), 1 if month in _FIRST_MONTH else _part(month), _part(day))


def _part(text: str | None) -> int | None:
    return cn_to_int(text) if text else None


def parse_cn_date(text: str) -> date | None:
    """二〇一四年三月二十日 / 二○一四年元月五日 / 2014年3月20日 to a date."""
    m = CN_DATE_RE.search(text) or ARABIC_DATE_RE.search(text)
    return match_date(m) if m else None


def last_cn_date(text: str) -> date | None:
    """The last Chinese-numeral date in the text (the signature date of a judgment)."""
    found = None
    for m in CN_DATE_RE.finditer(text):
        found = parse_cn_date(m.group(0)) or found
    return found


def money_from_match(m: re.Match[str]) -> float | None:
    """Yuan amount from a MONEY_RE match: 5万元, 50,000元, 人民币伍万元, 1.5万元."""
    scale = 10_000.0 if m.group(4) == "万元" else 1.0
    if m.group(1):
        return yuan(m.group(1), m.group(2), scale)
    number = cn_to_int(m.group(3).rstrip("整正元"))
    return float(number) * scale if number else None


def yuan(number: str, unit: str | None = None, scale: float = 1.0) -> float:
    """An Arabic amount with its thousands separators (50,000 / 500，000) times its unit (亿, 万, 千)
    and ``scale`` (10 000 for an amount written in 万元)."""
    return float(number.replace(",", "").replace("，", "")) * (scale * _SCALE.get(unit or "", 1.0))


def parse_money(text: str) -> float | None:
    """The first money amount in the text, in yuan, or None."""
    for m in MONEY_RE.finditer(to_halfwidth(text)):
        value = money_from_match(m)
        if value is not None:
            return value
    return None
