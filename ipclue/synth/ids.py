"""Identifiers and formats: USCC, patent numbers, phones, dates, Chinese-numeral dates, money."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ipclue.normalize import uscc_check_char

_ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_CN_DIGITS = "〇一二三四五六七八九"
_PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def org_code(rng: random.Random) -> str:
    """A 9-character 组织机构代码 (GB 11714 check digit; X for 10, re-drawn if 'X' clashes)."""
    body = "".join(rng.choice(_ORG_ALPHABET[:10] if i < 2 else _ORG_ALPHABET) for i in range(8))
    total = sum(_ORG_ALPHABET.index(c) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def uscc(rng: random.Random, admin_code: str, prefix: str = "91") -> str:
    """A valid GB 32100-2015 统一社会信用代码 with the given authority/category prefix."""
    first17 = prefix + admin_code + org_code(rng)
    check = uscc_check_char(first17)
    assert check is not None
    return first17 + check


def masked_uscc(code: str) -> str:
    """How publishers mask a code: 92350427********7A."""
    return code[:8] + "*" * 8 + code[16:]


def patent_number(rng: random.Random, year: int, kind_digit: int) -> str:
    """ZL + 12-digit application number + '.' + check digit (X for 10)."""
    digits = f"{year}{kind_digit}{rng.randrange(0, 10**7):07d}"
    check = sum(int(d) * w for d, w in zip(digits, _PATENT_WEIGHTS, strict=True)) % 11
    return f"ZL{digits}.{'X' if check == 10 else check}"


def phone(rng: random.Random, area: str) -> str:
    """A landline (0755-8xxxxxxx) or a mobile number."""
    if rng.random() < 0.5:
        return f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
    return f"{area}-{rng.randrange(2, 9)}{rng.randrange(10**7):07d}"


def email(rng: random.Random) -> str:
    """A free-mail address."""
    domain = rng.choice(("qq.com", "163.com", "126.com"))
    return f"{rng.choice('abcdefghjkmnpqrstwxyz')}{rng.randrange(10**6)}@{domain}"


def day_between(rng: random.Random, start: date, end: date) -> date:
    """A uniformly random day in [start, end]."""
    span = max(0, (end - start).days)
    return start + timedelta(days=rng.randint(0, span))


def plus_days(day: date, lo: int, hi: int, rng: random.Random) -> date:
    """``day`` plus a random number of days in [lo, hi]."""
    return day + timedelta(days=rng.randint(lo, hi))


def cn_number(n: int) -> str:
    """1..31 as Chinese numerals: 十, 二十, 二十一."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def cn_date(day: date, zero: str = "〇") -> str:
    """二〇一五年三月二十日 (``zero`` may be 'Ｏ' or '零' as in some real documents)."""
    year = "".join(_CN_DIGITS[int(c)] for c in str(day.year)).replace("〇", zero)
    return f"{year}年{cn_number(day.month)}月{cn_number(day.day)}日"


def iso_cn(day: date) -> str:
    """2015年3月20日."""
    return f"{day.year}年{day.month}月{day.day}日"


def money(rng: random.Random, yuan: int) -> str:
    """An amount as courts write it: 50000元, 5万元, 人民币50,000元."""
    roll = rng.random()
    if roll < 0.3 and yuan % 10000 == 0 and yuan >= 10000:
        return f"{yuan // 10000}万元"
    if roll < 0.55:
        return f"人民币{yuan:,}元"
    return f"{yuan}元"


def round_amount(rng: random.Random, lo: int, hi: int, step: int = 1000) -> int:
    """A round-ish amount in [lo, hi]."""
    return max(step, rng.randint(lo // step, hi // step) * step)
