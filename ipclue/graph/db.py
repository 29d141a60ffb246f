"""Which Neo4j to talk to: NEO4J_URI if set, else the managed local server (started on demand)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, LiteralString, TypeVar

from neo4j import (
    AsyncDriver,
    AsyncGraphDatabase,
    Driver,
    GraphDatabase,
    NotificationMinimumSeverity,
    Query,
    RoutingControl,
)

from ipclue.dbms.managed import ManagedNeo4j
from ipclue.errors import ConfigError
from ipclue.settings import Settings

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Target:
    """A Neo4j endpoint with credentials; ``managed`` tells whether ipclue runs it."""

    uri: str
    user: str
    password: str
    database: str
    managed: bool


def resolve_target(settings: Settings, *, start: bool = True) -> Target:
    """The configured server, or the managed instance (provisioned and started if ``start``)."""
    if settings.neo4j_uri:
        if settings.neo4j_password is None:
            raise ConfigError("NEO4J_URI is set but NEO4J_PASSWORD is not")
        pw = settings.neo4j_password.get_secret_value()
        return Target(settings.neo4j_uri, settings.neo4j_user, pw, settings.neo4j_database, False)
    server = ManagedNeo4j(settings)
    state = server.start() if start else server.running()
    if state is None:
        raise ConfigError("the managed Neo4j is not running: run `ipclue neo4j start`")
    return Target(state.uri, "neo4j", state.password, "neo4j", True)


def _driver_options(target: Target) -> dict[str, Any]:
    """What every driver to ``target`` is opened with, sync or async."""
    return {
        "auth": (target.user, target.password),
        "max_connection_pool_size": 50,
        "notifications_min_severity": NotificationMinimumSeverity.OFF,
    }


def connect(target: Target) -> Driver:
    driver = GraphDatabase.driver(target.uri, **_driver_options(target))
    driver.verify_connectivity()
    return driver


def connect_async(target: Target) -> AsyncDriver:
    """An asyncio driver for the same server (connections open on first use, in the running loop)."""
    return AsyncGraphDatabase.driver(target.uri, **_driver_options(target))


class Batch(list[Any]):
    """A list sent as one query parameter, whose repr is its length.

    The driver (neo4j 6.4, ``Bolt5x5.run``) builds ``repr()`` of every RUN's parameters for a debug
    log line even when debug logging is off. For a 5,000-row load batch that was about 15% of the
    loader's Python CPU. The packed bytes are those of the plain list.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of at most ``size`` (one statement's parameter page, or one batch)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def bolt_params(params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with every list value wrapped in :class:`Batch`."""
    return {k: Batch(v) if type(v) is list else v for k, v in params.items()}


class Graph:
    """A driver bound to one database, with the two calls most code needs. ``target`` (where the driver
    connects) lets a caller open a second, async driver to the same server (the API does)."""

    def __init__(
        self,
        driver: Driver,
        database: str = "neo4j",
        timeout: float | None = None,
        target: Target | None = None,
    ) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.target = target

    def read(self, cypher: LiteralString, **params: Any) -> list[dict[str, Any]]:
        """Rows of a query that writes nothing, in READ mode (a cluster may serve it from a secondary)."""
        records, _, _ = self.driver.execute_query(
            Query(cypher, timeout=self.timeout),
            bolt_params(params),
            database_=self.database,
            routing_=RoutingControl.READ,
        )
        return [r.data() for r in records]

    def write(self, cypher: LiteralString, **params: Any) -> list[dict[str, Any]]:
        """Rows of a query that writes, in WRITE mode (a cluster sends it to the leader)."""
        records, _, _ = self.driver.execute_query(
            Query(cypher, timeout=self.timeout),
            bolt_params(params),
            database_=self.database,
            routing_=RoutingControl.WRITE,
        )
        return [r.data() for r in records]

    def close(self) -> None:
        self.driver.close()


def open_graph(settings: Settings, *, start: bool = True) -> Graph:
    target = resolve_target(settings, start=start)
    return Graph(connect(target), target.database, settings.query_timeout_s, target)
