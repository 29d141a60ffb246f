"""Dashboard figures: flags by detector, status, month and region, and node totals."""

from __future__ import annotations

import re
from typing import Any

from ipclue.api.store import Row, fetch, fetch_one
from ipclue.graph.db import Graph

# GB/T 2260 province codes (USCC characters 3–4) and the one-character abbreviations in case numbers.
PROVINCES = {
    "11": ("北京", "京"),
    "12": ("天津", "津"),
    "13": ("河北", "冀"),
    "14": ("山西", "晋"),
    "15": ("内蒙古", "内"),
    "21": ("辽宁", "辽"),
    "22": ("吉林", "吉"),
    "23": ("黑龙江", "黑"),
    "31": ("上海", "沪"),
    "32": ("江苏", "苏"),
    "33": ("浙江", "浙"),
    "34": ("安徽", "皖"),
    "35": ("福建", "闽"),
    "36": ("江西", "赣"),
    "37": ("山东", "鲁"),
    "41": ("河南", "豫"),
    "42": ("湖北", "鄂"),
    "43": ("湖南", "湘"),
    "44": ("广东", "粤"),
    "45": ("广西", "桂"),
    "46": ("海南", "琼"),
    "50": ("重庆", "渝"),
    "51": ("四川", "川"),
    "52": ("贵州", "黔"),
    "53": ("云南", "云"),
    "54": ("西藏", "藏"),
    "61": ("陕西", "陕"),
    "62": ("甘肃", "甘"),
    "63": ("青海", "青"),
    "64": ("宁夏", "宁"),
    "65": ("新疆", "新"),
}
BY_ABBREVIATION = {abbr: name for name, abbr in PROVINCES.values()}
CASE_PROVINCE = re.compile(r"^\(\d{4}\)(.)")


def region_of(hint: str) -> str:
    """``uscc:44`` → 广东; ``case:(2021)粤0305民初1号`` → 广东; anything else → unknown."""
    kind, _, value = hint.partition(":")
    if kind == "uscc" and value in PROVINCES:
        return PROVINCES[value][0]
    match = CASE_PROVINCE.match(value) if kind == "case" else None
    return BY_ABBREVIATION.get(match.group(1), "unknown") if match else "unknown"


def tally(rows: list[Row], key: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        name = str(row[key] or "unknown")
        out[name] = out.get(name, 0) + int(row["n"])
    return dict(sorted(out.items()))


def stats(graph: Graph) -> dict[str, Any]:
    flags = fetch(graph, "stats_flags")
    regions = [{"region": region_of(r["hint"]), "n": r["n"]} for r in fetch(graph, "stats_regions")]
    totals = fetch_one(graph, "stats_totals") or {}
    return {
        "flags_by_detector": tally(flags, "detector"),
        "flags_by_status": tally(flags, "status"),
        "flags_by_month": tally(flags, "month"),
        "flags_by_region": tally(regions, "region"),
        "totals": {k: int(v) for k, v in totals.items()},
    }
