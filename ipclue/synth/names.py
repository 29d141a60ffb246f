"""Names and addresses: people, companies, shops, firms, and the variants documents use."""

from __future__ import annotations

import random

from ipclue.synth import data
from ipclue.synth.data import Region


def person_name(rng: random.Random, common_share: float = 0.08) -> tuple[str, str, str]:
    """(full name, surname, gender); a share are very common names shared by many people."""
    if rng.random() < common_share:
        name, gender = rng.choice(data.common_names())
        return name, name[0], gender
    names, weights = data.surnames()
    surname = rng.choices(names, weights)[0]
    gender = "男" if rng.random() < 0.6 else "女"
    pool = data.given_chars()[0 if gender == "男" else 1]
    given = "".join(rng.choice(pool) for _ in range(1 if rng.random() < 0.35 else 2))
    return surname + given, surname, gender


def anonymised(name: str, surname: str, rng: random.Random) -> str:
    """张某 or 张某某, as courts write withheld names."""
    return surname + ("某某" if len(name) - len(surname) > 1 and rng.random() < 0.5 else "某")


def masked(name: str, surname: str) -> str:
    """邱** as penalty publishers mask names."""
    return surname + "*" * (len(name) - len(surname))


def trade_name(rng: random.Random, size: int = 2) -> str:
    """A 字号 of ``size`` characters."""
    return "".join(rng.sample(data.words()["trade"], size))


def address(rng: random.Random, region: Region) -> str:
    """A full street address in the region."""
    head = region.city if region.municipality else region.province + region.city
    district = "" if region.district == region.city else region.district
    street = rng.choice(data.words()["street"])
    tail = f"{rng.randint(1, 399)}号" + (
        f"{rng.randint(1, 30)}栋{rng.randint(101, 2808)}室" if rng.random() < 0.6 else ""
    )
    return head + district + street + tail


def group_name(rng: random.Random, region: Region, trade: str) -> str:
    """深圳市华美（集团）有限公司 or 华美集团有限公司."""
    return f"{region.city}{trade}（集团）有限公司" if rng.random() < 0.6 else f"{trade}集团有限公司"


def company_name(rng: random.Random, region: Region, trade: str) -> str:
    """深圳市华美科技有限公司 (the city prefix is sometimes left out)."""
    prefix = region.city if rng.random() < 0.85 else ""
    industry = rng.choice(data.words()["industry"])
    suffix = rng.choices(("有限公司", "有限责任公司", "股份有限公司"), (80, 12, 8))[0]
    return f"{prefix}{trade}{industry}{suffix}"


def shop_name(rng: random.Random, region: Region, trade: str) -> str:
    """深圳市宝安区华美商行 / 义乌市华美日用品店."""
    where = region.city + ("" if region.district == region.city else region.district)
    return where + trade + rng.choice(data.words()["shop"])


def firm_name(rng: random.Random, region: Region, trade: str) -> str:
    """广东华美律师事务所 (or 北京市… for municipalities)."""
    province = region.province if region.municipality else region.province.removesuffix("省")
    return f"{province}{trade}律师事务所"


def agency_name(rng: random.Random, region: Region, trade: str) -> str:
    """深圳市华美知识产权代理有限公司."""
    return f"{region.city}{trade}{rng.choice(('知识产权代理', '商标代理', '专利代理事务所'))}有限公司"


def swap_suffix(name: str) -> str:
    """有限公司 ↔ 有限责任公司."""
    if name.endswith("有限责任公司"):
        return name.removesuffix("有限责任公司") + "有限公司"
    if name.endswith("有限公司") and not name.endswith("股份有限公司"):
        return name.removesuffix("有限公司") + "有限责任公司"
    return name


def swap_brackets(name: str) -> str:
    """Full-width brackets ↔ half-width."""
    if "（" in name:
        return name.replace("（", "(").replace("）", ")")
    return name.replace("(", "（").replace(")", "）")


def typo(name: str, trade: str, rng: random.Random) -> str:
    """One look-alike character swapped inside the 字号."""
    at = name.find(trade)
    choices = [i for i, ch in enumerate(trade) if ch in data.typos()]
    if at < 0 or not choices:
        return name
    i = at + rng.choice(choices)
    return name[:i] + data.typos()[name[i]] + name[i + 1 :]


def variant(name: str, trade: str, city: str, rng: random.Random) -> str:
    """One realistic way a document misspells an organisation's name."""
    roll = rng.random()
    if roll < 0.35 and swap_suffix(name) != name:
        return swap_suffix(name)
    if roll < 0.5 and ("（" in name or "(" in name):
        return swap_brackets(name)
    if roll < 0.8 and name.startswith(city) and len(name) > len(city) + 6:
        return name.removeprefix(city)
    return typo(name, trade, rng)
