"""Lawful sentences for generated criminal cases: the term falls in the band of the amounts.

The bands follow 法释〔2004〕19号 第一条 (假冒注册商标: 情节严重 非法经营数额 ≥ 5万 / 违法所得 ≥ 3万,
情节特别严重 25万 / 15万; two or more marks 15万 / 10万) and, for cases decided from 2025-04-26 on,
the higher 法释〔2025〕5号 figures as the issue reports them (50万 / 30万; 30万 / 20万): under 从旧兼从轻
the higher threshold of the act's and the trial's interpretation applies.
"""

from __future__ import annotations

import random
from datetime import date

NEW_INTERPRETATION = date(2025, 4, 26)


def special_band(revenue: int, gain: int, n_marks: int, decided: date) -> bool:
    """Whether the amounts reach 情节特别严重 (three years or more)."""
    late = decided >= NEW_INTERPRETATION
    rev, gn = (
        ((300000, 200000) if late else (150000, 100000))
        if n_marks >= 2
        else ((500000, 300000) if late else (250000, 150000))
    )
    return revenue >= rev or gain >= gn


def lawful_months(rng: random.Random, revenue: int, gain: int, n_marks: int, decided: date) -> int:
    """A prison term inside the band of the amounts (months)."""
    if special_band(revenue, gain, n_marks, decided):
        return rng.choice((36, 42, 48, 54, 60))
    return rng.choice((8, 10, 12, 18, 24, 30))
