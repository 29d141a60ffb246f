"""Detection: detectors as ``.cypher`` files → hits → stored, reviewable ``(:Flag)`` nodes.

The public API (used by the CLI and the API service)::

    load_catalog(extra_dir=None) -> Catalog
    run_detectors(graph, ids=None, params=None, dry_run=False) -> RunReport
    list_flags(graph, *, detector=None, family=None, severity=None, status=None, party=None,
               since=None, until=None, limit=50, cursor=None) -> FlagPage
    get_flag(graph, flag_id) -> FlagDetail
    review_flag(graph, flag_id, status, note, by) -> FlagDetail
    detector_precision(graph) -> dict[str, float | None]
    evidence_display(graph, evidence, subjects) -> list[dict]   # labelled rows with names
"""

from __future__ import annotations

from ipclue.detect.catalog import load_catalog, validate_catalog
from ipclue.detect.evidence import evidence_display
from ipclue.detect.models import (
    Catalog,
    CatalogError,
    Detector,
    DetectorHeader,
    DetectorRun,
    FlagDetail,
    FlagPage,
    FlagSummary,
    Hit,
    ParamSpec,
    Review,
    RunReport,
    Status,
    Subject,
)
from ipclue.detect.runner import run_detectors
from ipclue.detect.store import (
    detector_precision,
    flag_page,
    flag_page_json,
    get_flag,
    list_flags,
    list_params,
    list_query,
    review_flag,
)

__all__ = [
    "Catalog",
    "CatalogError",
    "Detector",
    "DetectorHeader",
    "DetectorRun",
    "FlagDetail",
    "FlagPage",
    "FlagSummary",
    "Hit",
    "ParamSpec",
    "Review",
    "RunReport",
    "Status",
    "Subject",
    "detector_precision",
    "evidence_display",
    "flag_page",
    "flag_page_json",
    "get_flag",
    "list_flags",
    "list_params",
    "list_query",
    "load_catalog",
    "review_flag",
    "run_detectors",
    "validate_catalog",
]
