"""The loader: canonical records → Neo4j, in ``UNWIND $rows`` batches, idempotently.

Records are taken in chunks; each chunk's mentions are resolved together, turned into rows
per step (``graph.build``) and written one managed transaction per step and sub-batch
(the driver retries transient errors). A sub-batch the database refuses is bisected so the
bad rows are reported by position and reason and the rest still loads.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from neo4j import ManagedTransaction
from neo4j.exceptions import ClientError, CypherTypeError, DatabaseError

from ipclue.cypher import query
from ipclue.graph.build import Row, build_rows
from ipclue.graph.db import Batch, Graph, chunks
from ipclue.graph.mentions import Mention, mentions_of
from ipclue.graph.resolve import KeyResolver, Resolver
from ipclue.models import Record, Rejection

Progress = Callable[[int], None]
Steps = list[tuple[str, list[Row]]]
Prepared = tuple[list[Record], Steps]
RESOLVE_STEP = "(resolve and build rows)"
# Steps with a CREATE variant: their key column and the query telling which keys exist.
_FAST_PATH = {"party": ("uid", "load/existing_parties"), "mention": ("id", "load/existing_mentions")}
# Steps that only write nodes of their own label by a unique key: they take no lock another of them
# wants, so with workers > 1 they run together, each split by key. Steps writing relationships lock
# both end nodes: two writers sharing a node wait on (or deadlock over) each other, so a relationship
# step is split into node-disjoint parts (rows joined by any node they touch stay together), written
# concurrently, one step after the other.
NODE_STEPS = frozenset({"source", "party", "address", "phone", "email"})
# The row columns naming a node a load statement matches or merges (``src`` only where the statement
# matches the Source node; elsewhere it is a property).
_NODE_COLUMNS = ("uid", "to", "key", "target", "value", "id")
# Load statements keep their first plan. Their nodes are found by unique keys, so statistics never
# change the plan; without this, every index-sampling round during a load (the indexes grow fast) threw
# the plans away and Neo4j planned them again: ~30 replans per 100k-party load, ~8 with it.
_KEEP_PLAN = "CYPHER replan=skip\n"
_MIN_SPLIT = 500  # rows below which one writer does the step (splitting costs more than it saves)


@dataclass(slots=True)
class LoadReport:
    """What a load did: records in, rows written per step, rejections, time."""

    records: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    step_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    input_seconds: float = 0.0  # waiting for the record iterator (extraction, when it streams)
    parties: set[str] = field(default_factory=set)  # every party a loaded mention refers to (derive's scope)

    def stage_seconds(self) -> dict[str, float]:
        """Reading input, resolving (and building rows), writing: where the load's time went."""
        resolve = self.step_seconds.get(RESOLVE_STEP, 0.0)
        write = sum(self.step_seconds.values()) - resolve
        return {"input": self.input_seconds, "resolve": resolve, "write": write}

    @property
    def relationships(self) -> int:
        nodes = {"source", "party", "case", "trademark", "patent", "penalty", "address", "phone", "email"}
        return sum(n for step, n in self.rows.items() if step not in nodes)


def graph_lookup(graph: Graph) -> Callable[[list[str]], dict[str, str]]:
    """Org name keys → uids of parties already in the graph (for incremental resolution)."""

    def lookup(keys: list[str]) -> dict[str, str]:
        rows = graph.read(query("resolve/org_by_name_key"), keys=keys)
        return {r["key"]: r["uid"] for r in rows}

    return lookup


class Loader:
    """Writes records to a graph; ``resolver`` defaults to strong keys plus graph lookup.

    ``workers``: concurrent writers per step — node steps split by key, relationship steps into
    node-disjoint parts (on 2 cores: 2 writers for node steps measured 14% faster than 1; splitting the
    relationship steps as well, another ~15% at 30k parties).
    """

    def __init__(
        self, graph: Graph, *, batch_size: int = 5000, resolver: Resolver | None = None, workers: int = 2
    ) -> None:
        self.graph = graph
        self.batch_size = batch_size
        self.resolver = resolver or KeyResolver(graph_lookup(graph))
        self.workers = max(1, workers)
        self._files: dict[str, str] = {}  # sha256[:20] → path: a refused mention row names its file

    def load(self, records: Iterable[Record], progress: Progress | None = None) -> LoadReport:
        """Load every record, chunk by chunk. With a resolver that reads only nodes
        (``reads_only_nodes``), the next chunk is read and resolved while this chunk's relationship
        steps are written; otherwise each chunk waits for the previous one to be written in full."""
        report = LoadReport()
        start = time.perf_counter()
        pending = chunks(records, self.batch_size)
        ahead = bool(getattr(self.resolver, "reads_only_nodes", False))
        with ThreadPoolExecutor(1) as preparer:
            prepared = self._prepare(pending, report)
            while prepared is not None:
                chunk, steps = prepared
                self._write_nodes(steps, report)
                following = preparer.submit(self._prepare, pending, report) if ahead else None
                self._write_relationships(steps, report)
                report.records += len(chunk)
                if progress:
                    progress(len(chunk))
                prepared = following.result() if following else self._prepare(pending, report)
        report.seconds = time.perf_counter() - start
        return report

    def _prepare(self, chunks: Iterator[list[Record]], report: LoadReport) -> Prepared | None:
        """The next chunk and its rows per step, or None at the end of the input."""
        clock = time.perf_counter()
        chunk = next(chunks, None)
        report.input_seconds += time.perf_counter() - clock
        return None if chunk is None else (chunk, self._resolve(chunk, report))

    def _resolve(self, chunk: Sequence[Record], report: LoadReport) -> Steps:
        clock = time.perf_counter()
        for rec in chunk:
            source = getattr(rec, "source", None)
            if source is not None:
                self._files.setdefault(source.sha256[:20], source.path)
        mentions: list[Mention] = [m for rec in chunk for m in mentions_of(rec)]
        links = self.resolver.resolve(mentions)
        report.parties.update(link.party_uid for link in links.values())
        steps = build_rows(chunk, mentions, links).by_step()
        report.step_seconds[RESOLVE_STEP] += time.perf_counter() - clock
        return steps

    def _write_nodes(self, steps: Steps, report: LoadReport) -> None:
        nodes = [(step, rows) for step, rows in steps if step in NODE_STEPS]
        with ThreadPoolExecutor(self.workers) as pool:  # one worker: one step after the other
            list(pool.map(lambda sr: self._step(sr[0], sr[1], report), nodes))

    def _write_relationships(self, steps: Steps, report: LoadReport) -> None:
        for step, rows in steps:
            if step not in NODE_STEPS:
                self._step(step, rows, report)

    def _step(self, step: str, rows: list[Row], report: LoadReport) -> None:
        clock = time.perf_counter()
        for variant, part in self._split_new(step, rows):
            report.rows[step] += self._write_parts(variant, self._parts(variant, part), report.rejections)
        report.step_seconds[step] += time.perf_counter() - clock

    def _parts(self, step: str, rows: list[Row]) -> list[list[Row]]:
        if self.workers == 1 or len(rows) < _MIN_SPLIT:
            return [rows]
        if step in NODE_STEPS:
            return _partition(rows, self.workers)
        columns = _NODE_COLUMNS + (("src",) if "Source {sha256: row.src}" in query(f"load/{step}") else ())
        return node_disjoint(rows, self.workers, columns)

    def _split_new(self, step: str, rows: list[Row]) -> list[tuple[str, list[Row]]]:
        """For parties and mentions, rows of keys not yet in the graph take the CREATE fast path."""
        if step not in _FAST_PATH:
            return [(step, rows)]
        key, existing = _FAST_PATH[step]
        known = {r["key"] for r in self.graph.read(query(existing), keys=[r[key] for r in rows])}
        old = [r for r in rows if r[key] in known]
        new = [r for r in rows if r[key] not in known]
        return [(s, part) for s, part in ((step, old), (f"{step}_new", new)) if part]

    def _write_parts(self, step: str, parts: list[list[Row]], rejections: list[Rejection]) -> int:
        """Each part in its own transactions; parts (disjoint keys) written concurrently.

        Why retries are the design: the parts share no node (``node_disjoint`` over every node
        column, the Source included), so two parts never wait on one node's lock. Neo4j can still
        report ``DeadlockDetected`` between them for locks no row names — the tokens of a
        relationship type or property key created on first use, schema index entries, and the
        relationship-group locks of a dense node the parts reach from different sides. Those are
        short and rare; the managed transaction (``execute_write``) retries them as the transient
        errors they are, and a retried batch is idempotent (``MERGE``), so nothing is lost or doubled.
        """

        def write_part(part: list[Row]) -> int:
            return sum(self._write(step, batch, rejections) for batch in chunks(part, self.batch_size))

        if len(parts) == 1:
            return write_part(parts[0])
        with ThreadPoolExecutor(len(parts)) as pool:
            return sum(pool.map(write_part, parts))

    def _write(self, step: str, rows: list[Row], rejections: list[Rejection]) -> int:
        """Write rows; on a refused batch, bisect to isolate and report the bad rows."""
        try:
            self._run(step, rows)
            return len(rows)
        except (ClientError, CypherTypeError, DatabaseError) as exc:
            if len(rows) == 1:
                rejections.append(_rejection(step, rows[0], exc, self._files))
                return 0
            mid = len(rows) // 2
            return self._write(step, rows[:mid], rejections) + self._write(step, rows[mid:], rejections)

    def _run(self, step: str, rows: list[Row]) -> None:
        cypher = _KEEP_PLAN + query(f"load/{step}")

        def work(tx: ManagedTransaction) -> None:
            tx.run(cypher, rows=Batch(rows)).consume()

        with self.graph.driver.session(database=self.graph.database) as session:
            session.execute_write(work)


def _rejection(step: str, row: Row, exc: Exception, files: dict[str, str]) -> Rejection:
    """The refused row as a rejection naming its file and line (a mention's or party's row carries
    the mention id ``sha256[:20]:line:slot``, resolved to the file here)."""
    path, line, slot = _where(str(row.get("where", "?")), files)
    message = getattr(exc, "message", None) or str(exc)
    return Rejection(
        path=path,
        line=line,
        stage="load",
        reason=f"refused-by-database:{step}",
        detail=(f"{slot}: " if slot else "") + str(message)[:500],
        sha256=row.get("src") if isinstance(row.get("src"), str) and len(row["src"]) == 64 else None,
    )


def _where(where: str, files: dict[str, str]) -> tuple[str, int | None, str]:
    """(path, line, slot) from ``path:line``, ``path`` or a mention id."""
    head, _, rest = where.partition(":")
    if head in files:
        number, _, slot = rest.partition(":")
        return files[head], (int(number) or None) if number.isdigit() else None, slot
    path, _, number = where.rpartition(":")
    if path and number.isdigit():
        return path, int(number), ""
    return where, None, ""


def _partition(rows: list[Row], n: int) -> list[list[Row]]:
    """Split rows so that one party (or key) never sits in two concurrent transactions."""
    parts: list[list[Row]] = [[] for _ in range(n)]
    for row in rows:
        key = row.get("uid") or row.get("key") or row.get("sha256") or row.get("value") or row.get("id")
        parts[zlib.crc32(str(key).encode()) % n].append(row)
    return [p for p in parts if p]


def node_disjoint(rows: list[Row], n: int, columns: Sequence[str]) -> list[list[Row]]:
    """At most ``n`` parts, balanced, such that no node (a value in ``columns``) is in two parts.

    Rows touching a common node form one component (union-find); components are dealt out largest
    first to the lightest part. A component too big to balance just makes its part the larger one.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = x = parent[parent[x]]
        return x

    anchors = []
    for row in rows:
        keys = [f"{c}\x1f{row[c]}" if c == "src" else str(row[c]) for c in columns if row.get(c) is not None]
        root = find(keys[0]) if keys else f"row\x1f{id(row)}"
        for key in keys[1:]:
            other = find(key)
            if other != root:
                parent[other] = root
        anchors.append(root)
    groups: dict[str, list[Row]] = defaultdict(list)
    for row, anchor in zip(rows, anchors, strict=True):
        groups[find(anchor)].append(row)
    parts: list[list[Row]] = [[] for _ in range(n)]
    for group in sorted(groups.values(), key=len, reverse=True):
        min(parts, key=len).extend(group)
    return [p for p in parts if p]
