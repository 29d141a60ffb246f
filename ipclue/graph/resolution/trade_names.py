"""Organisation names as the group pass reads them: city, place names, 字号 (trade name).

``city_of`` places an organisation in the 市 of its name's region prefix or of its address;
``trade_name`` is the 字号 two names share once region, leading place names and legal form are
stripped (``stem``), or the whole stem of two names that sound the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ipclue.graph.resolution.orgs import analyse

GENERIC_TRADE = frozenset(
    {
        "中国",
        "中华",
        "国际",
        "华夏",
        "东方",
        "全国",
        "国家",
        "亚洲",
        "世界",
        "环球",
        "中外",
        "中央",
        "新华",
        "国营",
    }
)
_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司")

_PLACE_RE = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:省|市|区|县)")
MUNICIPALITIES = frozenset({"北京", "上海", "天津", "重庆"})
_CITY_RE = re.compile(r"((?:(?![省市区县])[\u4e00-\u9fff]){2,4}?)市(?!场)")


def city_of(name: str, addresses: Iterable[str] = ()) -> str:
    """An organisation's registered city: the 市 (or municipality) of its name's region prefix,
    else the first 市 of its addresses in order (广东省深圳市南山区… → 深圳), else '' (a place word
    inside a 字号, 深圳北岸…, is not taken for one)."""
    region = analyse(name).region
    if found := _CITY_RE.search(region):
        return found.group(1)
    if region.removesuffix("市") in MUNICIPALITIES:
        return region.removesuffix("市")
    return next((m.group(1) for text in sorted(addresses) if (m := _CITY_RE.search(text))), "")


def places_in(texts: Iterable[str]) -> frozenset[str]:
    """Place names (without 省/市/区/县) written in names and addresses: 浙江省杭州市 → 浙江, 杭州."""
    return frozenset(m.group(1) for t in texts for m in _PLACE_RE.finditer(t))


@lru_cache(maxsize=200_000)
def stem(name: str, places: frozenset[str] = frozenset()) -> str:
    """An organisation name without region prefix, leading place names, brackets and legal form."""
    core = analyse(name).variant
    for form in _FORMS:
        core = core.replace(form, "")
    while head := _leading_place(core, places):
        core = core[len(head) :]
    return core


def _leading_place(core: str, places: frozenset[str]) -> str | None:
    """The longest place name ``core`` starts with that leaves at least two characters (looked up
    by the core's prefixes of each length a place name has, not by scanning every place name)."""
    for size in _lengths(places):
        if len(core) > size + 1 and core[:size] in places:
            return core[:size]
    return None


@lru_cache(maxsize=64)
def _lengths(places: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(p) for p in places}, reverse=True))


@lru_cache(maxsize=500_000)
def trade_name(a: str, b: str, places: frozenset[str] = frozenset()) -> str | None:
    """The 字号 two organisation names share: their stems' common start (≥ 2 Han characters),
    or the whole stem when the two sound the same (a homophone typo)."""
    sa, sb = stem(a, places), stem(b, places)
    n = 0
    while n < min(len(sa), len(sb)) and sa[n] == sb[n] and "\u4e00" <= sa[n] <= "\u9fff":
        n += 1
    common = sa[:n]
    if n < 2 and len(sa) >= 2 and sa != sb and analyse(a).pinyin == analyse(b).pinyin:
        return f"{sa}/{sb}"
    return common if n >= 2 and common not in GENERIC_TRADE else None


def trade_strength(a: str, b: str, common: str) -> float:
    """0.72, +0.03 per character beyond 2 (up to +0.06), +0.03 in the same named region;
    0.72 for a homophone."""
    if "/" in common:
        return 0.72
    ra, rb = analyse(a).region, analyse(b).region
    return 0.72 + 0.03 * min(len(common) - 2, 2) + (0.03 if ra and ra == rb else 0.0)
