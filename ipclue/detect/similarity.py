"""Detector preparation: trademark similarity computed at detect time (rapidfuzz + pypinyin).

Over a bounded set of marks (``similarity_max_marks``, newest first), candidate pairs are
blocked by exact text, full pinyin and pinyin bigrams (blocks larger than ``max_block``
are skipped as uninformative), scored, and pairs of different applicants scoring at least
``similarity_threshold`` are stored as ``(later)-[:SIMILAR_TO {score, method}]->(earlier)``.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import Any

from pypinyin import lazy_pinyin
from rapidfuzz import fuzz

from ipclue.cypher import query
from ipclue.graph.db import Graph

MAX_BLOCK = 200


@dataclass(frozen=True, slots=True)
class Mark:
    reg_no: str
    text: str
    pinyin: tuple[str, ...]
    filed_on: date | None
    applicants: frozenset[str]


def norm(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if not ch.isspace())


@lru_cache(maxsize=200_000)
def pinyin_of(text: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(text))


def blocking_keys(m: Mark) -> set[str]:
    keys = {f"t:{m.text}", f"p:{''.join(m.pinyin)}"}
    keys.update(f"b:{a}{b}" for a, b in zip(m.pinyin, m.pinyin[1:], strict=False))
    return keys


def similarity(a: Mark, b: Mark) -> tuple[float, str]:
    """(score in 0..1, method) of two marks: identical, homophone, containment or characters."""
    if a.text == b.text:
        return 1.0, "identical"
    if a.pinyin == b.pinyin:
        return 0.95, "pinyin"
    short, long_ = sorted((a.text, b.text), key=len)
    if len(short) >= 2 and short in long_:
        return 0.85, "contains"
    chars = fuzz.ratio(a.text, b.text) / 100
    sound = 0.95 * fuzz.ratio(" ".join(a.pinyin), " ".join(b.pinyin)) / 100
    return (round(chars, 3), "chars") if chars >= sound else (round(sound, 3), "pinyin-fuzzy")


def candidate_pairs(marks: list[Mark], max_block: int) -> Iterator[tuple[Mark, Mark]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(marks):
        for key in blocking_keys(m):
            blocks[key].append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 2 <= len(members) <= max_block:
            for i, j in combinations(members, 2):
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield marks[i], marks[j]


def similar_rows(marks: list[Mark], threshold: float, max_block: int = MAX_BLOCK) -> list[dict[str, Any]]:
    """Rows for ``flags/similar_to_write``: later mark → earlier mark of another applicant."""
    rows = []
    for a, b in candidate_pairs(marks, max_block):
        if (
            a.applicants & b.applicants
            or a.filed_on is None
            or b.filed_on is None
            or a.filed_on == b.filed_on
        ):
            continue
        score, method = similarity(a, b)
        if score >= threshold:
            later, earlier = (a, b) if a.filed_on > b.filed_on else (b, a)
            rows.append({"later": later.reg_no, "earlier": earlier.reg_no, "score": score, "method": method})
    return rows


def load_marks(graph: Graph, max_marks: int) -> list[Mark]:
    out = []
    for r in graph.read(query("flags/marks_for_similarity"), min_len=2, max_marks=max_marks):
        text = norm(str(r["mark"]))
        filed = r["filed_on"].to_native() if hasattr(r["filed_on"], "to_native") else r["filed_on"]
        out.append(Mark(r["reg_no"], text, pinyin_of(text), filed, frozenset(r["applicants"])))
    return out


def prepare_similar_marks(graph: Graph, values: dict[str, Any]) -> None:
    marks = load_marks(graph, int(values.get("similarity_max_marks", 50_000)))
    rows = similar_rows(marks, float(values.get("similarity_threshold", 0.85)))
    for start in range(0, len(rows), 5000):
        graph.write(query("flags/similar_to_write"), rows=rows[start : start + 5000])


def _nothing(graph: Graph, values: dict[str, Any]) -> None:
    return None


PREPARE: dict[str, Callable[[Graph, dict[str, Any]], None]] = {
    "none": _nothing,
    "similar_marks": prepare_similar_marks,
}
