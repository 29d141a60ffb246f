"""Run detectors: parameters → query → optional analytics → hits → flags (unless dry-run)."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from neo4j import Query, RoutingControl
from neo4j.exceptions import Neo4jError

from ipclue.cypher import query
from ipclue.detect.analytics import POSTPROCESS
from ipclue.detect.catalog import load_catalog, validate_catalog
from ipclue.detect.hits import RowError, dedupe, to_hit
from ipclue.detect.models import Catalog, Detector, DetectorRun, Hit, RunReport
from ipclue.detect.params import check_overrides, query_params, resolve_params, unknown_overrides
from ipclue.detect.similarity import PREPARE
from ipclue.detect.store import store_hits
from ipclue.errors import InvalidInput, NotFound
from ipclue.graph.db import Graph

DEFAULT_TIMEOUT_S = 300.0


def new_run_id() -> str:
    return f"run-{datetime.now(UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"


def select(catalog: Catalog, ids: Iterable[str] | None) -> list[Detector]:
    if ids is None:
        return list(catalog.detectors)
    chosen = []
    for det_id in ids:
        det = catalog.get(det_id)
        if det is None:
            refused = [e.error for e in catalog.errors if det_id in e.error or det_id in e.path]
            raise NotFound(f"no usable detector {det_id!r}" + (f": {refused[0]}" if refused else ""))
        chosen.append(det)
    return chosen


def run_detectors(
    graph: Graph,
    ids: Iterable[str] | None = None,
    params: Mapping[str, Any] | None = None,
    dry_run: bool = False,
    *,
    catalog: Catalog | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> RunReport:
    """Validate the catalog, run the chosen detectors (all by default), store their flags."""
    checked = validate_catalog(graph, catalog or load_catalog())
    chosen = select(checked, ids)
    overrides = dict(params or {})
    if bad := unknown_overrides(chosen, overrides):
        raise InvalidInput(f"no selected detector has the parameter(s) {', '.join(bad)}")
    check_overrides(chosen, overrides)
    report = RunReport(
        run_id=new_run_id(), dry_run=dry_run, started_at=datetime.now(UTC), catalog_errors=checked.errors
    )
    start = time.perf_counter()
    for det in chosen:
        report.detectors.append(
            run_one(graph, det, overrides, report.run_id, dry_run=dry_run, timeout=timeout)
        )
    report.seconds = round(time.perf_counter() - start, 3)
    return report


def run_one(
    graph: Graph,
    det: Detector,
    overrides: Mapping[str, Any],
    run_id: str,
    *,
    dry_run: bool,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> DetectorRun:
    """One detector; an error is reported on its DetectorRun rather than raised."""
    values = resolve_params(det, overrides)
    run = DetectorRun(detector=det.id, version=det.header.version, params=values)
    start = time.perf_counter()
    try:
        hits = detect(graph, det, values, timeout)
        run.hits, run.results = len(hits), hits
        if not dry_run:
            run.created, run.updated = store_hits(graph, det, hits, values, run_id)
    except (Neo4jError, RowError, KeyError, TypeError, ValueError) as exc:
        run.error = f"{det.path}: {type(exc).__name__}: {getattr(exc, 'message', None) or exc}"
    run.seconds = round(time.perf_counter() - start, 3)
    return run


def detect(graph: Graph, det: Detector, values: dict[str, Any], timeout: float) -> list[Hit]:
    """The hits of one detector (nothing stored)."""
    PREPARE[det.header.prepare](graph, values)
    rows = execute(graph, det, query_params(det, values), timeout)
    if det.header.analytics != "none":
        rows = POSTPROCESS[det.header.analytics](rows, values)
    floor = float(values.get("min_score", 0.0))
    hits = merge_same([to_hit(det.header, r) for r in rows if float(r.get("score") or 0.0) >= floor])
    add_source_paths(graph, hits)
    return sorted(hits, key=lambda h: (-h.score, h.flag_id))


def execute(graph: Graph, det: Detector, params: dict[str, Any], timeout: float) -> list[dict[str, Any]]:
    records, _, _ = graph.driver.execute_query(
        Query(det.query, timeout=timeout),
        params,
        database_=graph.database,
        routing_=RoutingControl.READ,
    )
    return [r.data() for r in records]


def merge_same(hits: list[Hit]) -> list[Hit]:
    """Rows with the same subjects become one hit: evidence joined, best score kept."""
    by_fp: dict[str, Hit] = {}
    for hit in hits:
        seen = by_fp.get(hit.fingerprint)
        if seen is None:
            by_fp[hit.fingerprint] = hit
        else:
            best = hit if hit.score > seen.score else seen
            by_fp[hit.fingerprint] = best.model_copy(
                update={"evidence": dedupe([*seen.evidence, *hit.evidence])}
            )
    return list(by_fp.values())


def add_source_paths(graph: Graph, hits: list[Hit]) -> None:
    """Give each evidence item that names source sha256(s) the source path(s) too."""
    shas = {s for h in hits for e in h.evidence for s in _shas(e)}
    if not shas:
        return
    paths = {r["sha256"]: r["path"] for r in graph.read(query("flags/source_paths"), shas=sorted(shas))}
    for hit in hits:
        for item in hit.evidence:
            found = [paths[s] for s in _shas(item) if s in paths]
            if found and "path" not in item:
                item["path"] = found[0] if len(found) == 1 else found


def _shas(item: dict[str, Any]) -> list[str]:
    one, many = item.get("source"), item.get("sources")
    return [
        x
        for x in ([one] if isinstance(one, str) else []) + (many if isinstance(many, list) else [])
        if isinstance(x, str)
    ]
