"""Organisation names' pinyin: the cached reading of each word gives pypinyin's own result."""

from __future__ import annotations

import pytest
from pypinyin import lazy_pinyin as pypinyin_lazy

from ipclue.graph.resolution import orgs

NAMES = [
    "重庆银行股份有限公司",
    "银行行长",
    "长沙市长安区长城行",
    "深圳市乐乐音乐文化传播有限公司",
    "朝阳朝气商行",
    "ABC科技有限公司",
    "深圳市（A）123贸易部",
    "單位重要",
    "3M中国有限公司",
    "",
    "   ",
    "×××",
    "张某某",
]


def test_the_same_pinyin_as_pypinyin_twice_over() -> None:
    for _ in range(2):  # the second round is read from the cache
        assert [orgs.lazy_pinyin(n) for n in NAMES] == [pypinyin_lazy(n) for n in NAMES]


def test_the_same_pinyin_when_the_cache_overflows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(orgs._WordReadings, "LIMIT", 3)
    assert [orgs.lazy_pinyin(n) for n in NAMES * 2] == [pypinyin_lazy(n) for n in NAMES * 2]


def test_callers_cannot_change_the_cache() -> None:
    first = orgs.lazy_pinyin("银行")
    first.append("x")
    first[0] = "y"
    assert orgs.lazy_pinyin("银行") == pypinyin_lazy("银行")


def test_analyse_keys_by_that_pinyin() -> None:
    orgs.analyse.cache_clear()
    name = orgs.analyse("重庆市银行行长科技有限公司")
    assert name.pinyin == "".join(pypinyin_lazy("银行行长科技"))
