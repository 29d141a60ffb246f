"""Party search that tolerates how names are written: width, brackets, company-form suffixes, USCC."""

from __future__ import annotations

import re
from typing import Any

from ipclue.api.store import fetch
from ipclue.graph.db import Graph
from ipclue.normalize import clean, valid_uscc

# Company forms that are written interchangeably; the longest first so stripping is greedy.
SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司")
SWAPS = (("有限责任公司", "有限公司"), ("有限公司", "有限责任公司"))
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_USCC_LIKE = re.compile(r"^[0-9A-Z]{18}$")


def name_keys(q: str) -> list[str]:
    """Exact-match keys for ``q``: the cleaned text and its company-form variants."""
    key = clean(q)
    keys = {key}
    for old, new in SWAPS:
        if key.endswith(old):
            keys.add(key[: -len(old)] + new)
    return sorted(keys)


def core_name(q: str) -> str:
    """``q`` cleaned, without its company-form suffix (深圳市星河电子有限责任公司 → 深圳市星河电子)."""
    key = clean(q)
    for suffix in SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return key


def lucene(q: str) -> str:
    """A full-text query: the core as a phrase (boosted on the name), then its terms loosely."""
    core = _LUCENE_SPECIAL.sub(r"\\\1", core_name(q)).lower()
    if not core.strip("\\"):
        return ""
    return f'name:"{core}"^4 OR aliases_text:"{core}"^2 OR ({core})'


def uscc_of(q: str) -> str | None:
    code = clean(q).upper()
    return code if _USCC_LIKE.match(code) and valid_uscc(code) else None


def search_parties(graph: Graph, q: str, limit: int) -> list[dict[str, Any]]:
    return fetch(graph, "party_search", uscc=uscc_of(q), keys=name_keys(q), lucene=lucene(q), limit=limit)
