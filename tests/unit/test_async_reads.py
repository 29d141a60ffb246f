"""AsyncReads: one retry on a retryable driver error, none on others, values converted or kept raw.

The driver here is a stand-in that fails on cue; the same path runs against the real Neo4j in
tests/integration/test_api*.py (party profile and flags list are served through it).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from types import TracebackType
from typing import Any

import pytest
from neo4j.exceptions import ConfigurationError, SessionExpired
from neo4j.time import Date

from ipclue.api.store import AsyncReads
from ipclue.errors import ConfigError
from ipclue.graph.db import Graph


class _Result:
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self.rows = rows

    def keys(self) -> list[str]:
        return ["n", "on"]

    async def __aiter__(self) -> AsyncIterator[tuple[Any, ...]]:
        for row in self.rows:
            yield row


class _Session:
    def __init__(self, driver: _Driver) -> None:
        self.driver = driver

    async def __aenter__(self) -> _Session:
        return self

    async def __aexit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        return None

    async def run(self, query: Any, params: dict[str, Any]) -> _Result:
        self.driver.calls.append(params)
        if self.driver.failures:
            raise self.driver.failures.pop(0)
        return _Result([(params["n"], Date(2024, 5, 1))])


class _Driver:
    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.calls: list[dict[str, Any]] = []

    def session(self, **_: Any) -> _Session:
        return _Session(self)


def _reads(driver: _Driver) -> AsyncReads:
    return AsyncReads(driver, "neo4j", 1.0)  # type: ignore[arg-type]


def test_a_retryable_failure_is_tried_once_more() -> None:
    driver = _Driver(SessionExpired("stale pooled connection"))
    row = asyncio.run(_reads(driver).one("party_profile", n=7))
    assert row == {"n": 7, "on": "2024-05-01"} and len(driver.calls) == 2


def test_a_second_failure_and_other_errors_are_raised() -> None:
    driver = _Driver(SessionExpired("one"), SessionExpired("two"))
    with pytest.raises(SessionExpired):
        asyncio.run(_reads(driver).one("party_profile", n=1))
    driver = _Driver(ConfigurationError("not retryable"))
    with pytest.raises(ConfigurationError):
        asyncio.run(_reads(driver).one("party_profile", n=1))
    assert len(driver.calls) == 1


def test_raw_keeps_driver_values() -> None:
    row = asyncio.run(_reads(_Driver()).one("party_profile", raw=True, n=3))
    assert row is not None and row["on"] == Date(2024, 5, 1)


def test_opening_needs_the_graphs_target() -> None:
    with pytest.raises(ConfigError, match="target"):
        AsyncReads.open(Graph(None, "neo4j"))  # type: ignore[arg-type]
