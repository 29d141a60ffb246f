"""Flags, detectors and risk: thin adapters over ``ipclue.detect`` plus the evidence subgraph."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from fastapi import Response

from ipclue.api.neighbourhood import SEVERITY, node_out
from ipclue.api.store import AsyncReads, fetch_one
from ipclue.detect.compare import compare_with_stored
from ipclue.detect.params import ParamError
from ipclue.errors import IpclueError, NotFound
from ipclue.graph.db import Graph

MAX_EVIDENCE_NODES = 60
SEVERITY_WEIGHT = {"low": 0.3, "medium": 0.6, "high": 0.9, "critical": 1.0}


class EngineMissing(IpclueError):
    status = 503
    title = "Detection engine unavailable"


def engine() -> ModuleType:
    """``ipclue.detect``, or a 503 problem while it is not installed."""
    try:
        return importlib.import_module("ipclue.detect")
    except ImportError as exc:
        raise EngineMissing(f"the detection engine cannot be imported: {exc}") from exc


async def list_flags(reads: AsyncReads, *, limit: int, cursor: str | None, **filters: Any) -> Response:
    """A page of flags, best score first; ``next_cursor`` resumes after the last one.

    ``ipclue.detect.list_flags``'s query and page, read on the async driver and encoded straight from
    the stored fields (``flag_page_json``: no model per flag, no second pass through FastAPI). The
    query returns its times as strings, so the rows are used as the driver returns them.
    """
    det = engine()
    params = det.list_params(limit=limit, cursor=cursor, **filters)
    page = await reads.one(det.list_query(params), raw=True, **params)
    body = det.flag_page_json(page["flags"] if page else [], limit)
    return Response(body, media_type="application/json")


def flag_detail(graph: Graph, flag_id: str) -> dict[str, Any]:
    det = engine()
    detail: dict[str, Any] = det.get_flag(graph, flag_id).model_dump(mode="json")
    detail["evidence_view"] = det.evidence_display(graph, detail["evidence"], detail["subjects"])
    detail["subgraph"] = evidence_subgraph(graph, detail)
    detail["provenance"] = _provenance(detail.get("evidence") or [])
    return detail


def evidence_subgraph(graph: Graph, detail: dict[str, Any]) -> dict[str, Any]:
    refs = [{"label": s["label"], "key": s["key"]} for s in detail.get("subjects") or []]
    refs += [ref for item in detail.get("evidence") or [] for ref in _refs(item)]
    row = fetch_one(graph, "flag_subgraph", refs=refs, cap=MAX_EVIDENCE_NODES)
    if row is None:
        return {"nodes": [], "edges": []}
    nodes = [node_out(n) for n in row["nodes"]]
    ids = {n["eid"]: out["id"] for n, out in zip(row["nodes"], nodes, strict=True)}
    edges = [
        {
            "id": e["rid"],
            "source": ids[e["start"]],
            "target": ids[e["end"]],
            "type": e["type"],
            "props": {k: v for k, v in e["props"].items() if k != "sources"},
        }
        for e in row["edges"]
    ]
    return {"nodes": nodes, "edges": edges}


def _refs(item: dict[str, Any]) -> list[dict[str, str]]:
    label, key = item.get("label"), item.get("key")
    if not isinstance(label, str) or not isinstance(key, str):
        return []
    if " → " in key:
        return [{"label": "*", "key": part.strip()} for part in key.split(" → ")]
    return [{"label": label, "key": key}]


def _provenance(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in evidence:
        shas = [item["source"]] if isinstance(item.get("source"), str) else list(item.get("sources") or [])
        paths = item.get("path")
        path_list = paths if isinstance(paths, list) else [paths] * len(shas)
        for sha, path in zip(shas, path_list, strict=False):
            out.setdefault(sha, {"sha256": sha, "path": path})
    return list(out.values())


def party_risk(graph: Graph, uid: str, cap: int) -> dict[str, Any]:
    row = fetch_one(graph, "party_flags", uid=uid, cap=cap)
    if row is None:
        raise NotFound(f"no party with uid {uid!r}")
    flags = row["flags"]
    live = [f for f in flags if f.get("status") != "dismissed"]
    by_severity = {s: sum(1 for f in live if f.get("severity") == s) for s in SEVERITY}
    return {"uid": uid, "flags_by_severity": by_severity, "score": risk_score(live), "flags": flags}


def risk_score(flags: list[dict[str, Any]]) -> float:
    """1 − Π(1 − score·weight): independent signals accumulate but never exceed 1."""
    rest = 1.0
    for f in flags:
        rest *= 1.0 - float(f.get("score") or 0.0) * SEVERITY_WEIGHT.get(str(f.get("severity")), 0.5)
    return round(1.0 - rest, 4)


_catalog_cache: list[tuple[tuple[tuple[str, int, int], ...], Any]] = []


def detector_catalog() -> Any:
    """``load_catalog()`` (about 30 ms of YAML and Cypher parsing), parsed again only when the set of
    detector files or one of them changes."""
    det = engine()
    try:
        files = importlib.import_module("ipclue.detect.catalog").detector_files()
        stamp = tuple((str(path), st.st_mtime_ns, st.st_size) for path in files for st in [path.stat()])
    except OSError:  # a file went away while we looked: no caching this time
        return det.load_catalog()
    if _catalog_cache and _catalog_cache[0][0] == stamp:
        return _catalog_cache[0][1]
    cat = det.load_catalog()
    _catalog_cache[:] = [(stamp, cat)]
    return cat


def catalog(graph: Graph) -> dict[str, Any]:
    det = engine()
    cat = detector_catalog()
    precision: dict[str, float | None] = det.detector_precision(graph)
    items = [_detector_out(d, precision.get(d.id)) for d in cat.detectors]
    return {"items": items, "errors": [e.model_dump(mode="json") for e in cat.errors]}


def _detector_out(d: Any, precision: float | None) -> dict[str, Any]:
    h = d.header
    params = {k: v.model_dump(mode="json") for k, v in h.params.items()}
    return {
        "id": h.id,
        "title": h.title,
        "family": h.family,
        "severity": h.severity,
        "version": h.version,
        "legal_basis": h.legal_basis,
        "description": h.description,
        "params": params,
        "precision": precision,
    }


class ParamsRefused(IpclueError):
    """Dry-run parameters that do not fit: the detail names each, ``errors`` gives each one's loc."""

    status = 422
    title = "Invalid input"

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"params.{k}: {why}" for k, why in problems.items()))
        self.extra = {"errors": [{"loc": ["body", "params", k], "msg": why} for k, why in problems.items()]}


class DetectorFailed(IpclueError):
    status = 422
    title = "Detector query failed"


def dry_run(graph: Graph, detector_id: str, params: dict[str, Any]) -> dict[str, Any]:
    """One detector's hits with these parameters, nothing stored, compared with its stored flags.
    Parameters that do not fit are a 422 naming each field; a failing query is a problem, not a 200."""
    det = engine()
    if detector_catalog().get(detector_id) is None:
        raise NotFound(f"no detector {detector_id!r}")
    try:
        report = det.run_detectors(graph, ids=[detector_id], params=params, dry_run=True)
    except ParamError as exc:
        raise ParamsRefused(exc.problems) from exc
    if report.detectors and report.detectors[0].error:
        raise DetectorFailed(report.detectors[0].error)
    hits = [h for d in report.detectors for h in d.results]
    out: dict[str, Any] = report.model_dump(mode="json")
    out["hits"] = [h for d in out["detectors"] for h in d.pop("results", [])]
    out["compared"] = compare_with_stored(graph, detector_id, hits)
    return out
