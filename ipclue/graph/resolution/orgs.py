"""Organisation names: normalised keys for blocking and the name-comparison rules.

A name is split into region prefix (深圳市 / 广东省深圳市南山区), core (字号 + 行业) and legal
form (有限公司 / 股份有限公司 / other). 有限公司 and 有限责任公司 are two spellings of one
form under the Company Law, so they share a variant key; 股份有限公司 is a different form and
only ever joins with corroboration. A 分公司 keeps its branch suffix in every key, so it is
always a party of its own (linked to its parent by ``derive``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pypinyin.converter import UltimateConverter
from pypinyin.core import Pinyin
from rapidfuzz.fuzz import ratio

from ipclue.normalize import clean

_PROVINCES = (
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
)
PROVINCES = frozenset(_PROVINCES)
_PROVINCE_SUFFIX = "(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?"
_PROVINCE = "(?:" + "|".join(_PROVINCES) + ")" + _PROVINCE_SUFFIX
_CITY = r"[\u4e00-\u9fff]{2,3}?(?:市(?!场)|自治州|地区)"
_DISTRICT = r"[\u4e00-\u9fff]{1,3}?(?:区|县)(?!域)"
_REGION_RE = re.compile(f"^(?:{_PROVINCE})?(?:{_CITY})?(?:{_DISTRICT})?")
_PROVINCE_RE = re.compile("^(" + "|".join(_PROVINCES) + ")" + _PROVINCE_SUFFIX)
_UNIT_RE = re.compile(r"([\u4e00-\u9fff]+?)(?:市|自治州|地区|区|县)")
_FORM_RE = re.compile(r"(股份有限公司|有限责任公司|有限公司)")
_BRANCH_RE = re.compile(r"(分公司|分店|分厂|分部|办事处|分所|营业部)$")


@dataclass(frozen=True, slots=True)
class OrgName:
    """One organisation name, analysed: exact key, region, form, variant and pinyin keys."""

    key: str
    region: str
    form: str  # 'ltd' | 'joint' | ''
    variant: str  # region and brackets dropped, 有限责任公司 → 有限公司
    pinyin: str  # toneless pinyin of the variant without its legal form: catches homophone typos
    branch: bool

    @property
    def parent_key(self) -> str | None:
        """For a 分公司: the exact key of the parent (the name up to its legal form)."""
        match = _FORM_RE.search(self.key)
        return self.key[: match.end()] if self.branch and match else None


class _WordReadings(UltimateConverter):
    """``pypinyin.lazy_pinyin``'s converter with each word's reading remembered. pypinyin splits a
    name into words (its phrase dictionary's, or single characters) and reads each word alone, so a
    reading depends on the word only; names are made of few words (科技, 有限, 贸易 …), and reading
    them again was most of ``analyse``'s time. The readings are pypinyin's own: the same pinyin."""

    LIMIT = 100_000  # words remembered (runs of non-Chinese text are words too): then forgotten

    def __init__(self) -> None:
        super().__init__()
        self.readings: dict[tuple[Any, ...], list[list[str]]] = {}

    def convert(self, words: str, style: Any, heteronym: bool, errors: Any, strict: bool = True,
                **kwargs: Any) -> list[list[str]]:  # fmt: skip
        key = (words, style, heteronym, errors, strict, *sorted(kwargs.items()))
        found = self.readings.get(key)
        if found is None:
            if len(self.readings) >= self.LIMIT:
                self.readings.clear()
            found = self.readings[key] = super().convert(words, style, heteronym, errors, strict, **kwargs)
        return [list(reading) for reading in found]  # the caller's own lists, as pypinyin's are


_PINYIN = Pinyin(_WordReadings())


def lazy_pinyin(text: str) -> list[str]:
    """``pypinyin.lazy_pinyin(text)`` (toneless, one reading a character), its words' readings cached."""
    return list(_PINYIN.lazy_pinyin(text))


@lru_cache(maxsize=200_000)
def analyse(name: str) -> OrgName:
    """Analyse an organisation name (cached: the same names recur across documents)."""
    key = clean(name)
    bare = key.replace("(", "").replace(")", "")
    region = _region_of(bare)
    core = bare[len(region) :] or bare
    variant = core.replace("有限责任公司", "有限公司")
    stem = _FORM_RE.sub("", variant) if not _BRANCH_RE.search(core) else variant
    pinyin = "".join(lazy_pinyin(stem))
    return OrgName(key, region, _form_of(core), variant, pinyin, bool(_BRANCH_RE.search(core)))


def _region_of(bare: str) -> str:
    """The leading administrative-region prefix, if any (never the whole name)."""
    match = _REGION_RE.match(bare)
    region = match.group(0) if match else ""
    return region if len(region) < len(bare) - 1 else ""


def _form_of(core: str) -> str:
    """The legal form: 'joint' (股份有限公司), 'ltd' (有限公司/有限责任公司) or '' (other)."""
    match = _FORM_RE.search(core)
    if not match:
        return ""
    return "joint" if match.group(1) == "股份有限公司" else "ltd"


def regions_compatible(a: str, b: str) -> bool:
    """Region prefixes agree: equal, one missing, or one a refinement of the other. The province
    is compared without its suffix (浙江省义乌市 = 浙江义乌市) and the places below it as a run
    (深圳市 is within 广东省深圳市 and 深圳市南山区, 南山区 within 深圳市南山区; 深圳市南山区 is not
    广州市南山区); a province alone and a city alone (广东 / 东莞市) do not agree: which province a
    city is in is not known here."""
    if not a or not b:
        return True
    (pa, ua), (pb, ub) = region_parts(a), region_parts(b)
    if pa and pb and pa != pb:
        return False
    if not ua or not ub:
        return pa == pb
    short, long = sorted((ua, ub), key=len)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def region_parts(region: str) -> tuple[str | None, tuple[str, ...]]:
    """A region prefix as its province (suffix dropped, None if absent) and the places below it,
    coarsest first, without their 市/区/县: 广东省深圳市南山区 → (广东, (深圳, 南山))."""
    match = _PROVINCE_RE.match(region)
    rest = region[match.end() :] if match else region
    return (match.group(1) if match else None), tuple(_UNIT_RE.findall(rest))


def name_similarity(a: OrgName, b: OrgName) -> float:
    """Similarity of two names' variant keys in [0, 1] (Levenshtein ratio)."""
    return ratio(a.variant, b.variant) / 100.0


def describe_difference(a: OrgName, b: OrgName) -> str:
    """What differs between two names that share a variant key, in words."""
    parts = []
    if a.region != b.region:
        parts.append(f"region prefix {a.region or '∅'}/{b.region or '∅'}")
    if (
        a.key.replace("有限责任公司", "有限公司") != a.key
        or b.key.replace("有限责任公司", "有限公司") != b.key
    ):
        parts.append("有限公司/有限责任公司")
    if ("(" in a.key) != ("(" in b.key):
        parts.append("brackets")
    return ", ".join(parts) or "spelling"


def block_keys(name: OrgName) -> list[str]:
    """Blocking keys of a name: exact, variant and pinyin (what candidates are looked up by)."""
    return [f"name:{name.key}", f"var:{name.variant}", f"py:{name.pinyin}"]
