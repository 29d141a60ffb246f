"""The detector catalog: ``cypher/detectors/*.cypher`` (+ ``$IPCLUE_DETECTORS_DIR``), validated.

A file is a YAML header in a leading ``// ---`` … ``// ---`` comment block, then one query.
A file whose header does not parse or validate is refused with its name and the reason; the
others still load. ``validate_catalog`` adds the database checks: the query parses (EXPLAIN)
and returns exactly the columns every detector returns.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from neo4j import READ_ACCESS
from pydantic import ValidationError

from ipclue.detect.models import Catalog, CatalogError, Detector, DetectorHeader
from ipclue.detect.params import explain_params
from ipclue.graph.db import Graph

COLUMNS = ("subjects", "evidence", "score", "reason")
ENV_DIR = "IPCLUE_DETECTORS_DIR"
FENCE = "// ---"


class HeaderError(ValueError):
    """A detector file's header is missing or malformed."""


def builtin_dir() -> Path:
    return Path(str(resources.files("ipclue.cypher").joinpath("detectors")))


def detector_files(extra_dir: Path | None = None) -> list[Path]:
    """Built-in files, then those of ``extra_dir`` (or ``$IPCLUE_DETECTORS_DIR``)."""
    dirs = [builtin_dir()]
    extra = extra_dir or (Path(os.environ[ENV_DIR]) if os.environ.get(ENV_DIR) else None)
    if extra is not None and extra.is_dir():
        dirs.append(extra)
    return [p for d in dirs for p in sorted(d.glob("*.cypher"))]


def split_header(text: str) -> tuple[str, str]:
    """(YAML header text, query text) of a detector file."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != FENCE:
        raise HeaderError("the file does not start with a '// ---' header block")
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == FENCE)
    except StopIteration:
        raise HeaderError("the header block is not closed by '// ---'") from None
    header = [_uncomment(line) for line in lines[1:end]]
    return "\n".join(header), "\n".join(lines[end + 1 :]).strip()


def _uncomment(line: str) -> str:
    if not line.lstrip().startswith("//"):
        raise HeaderError(f"header line is not a // comment: {line!r}")
    body = line.lstrip()[2:]
    return body[1:] if body.startswith(" ") else body


def parse_detector(path: Path) -> Detector:
    """One detector file → a validated Detector (header schema and a non-empty query)."""
    header_text, body = split_header(path.read_text(encoding="utf-8"))
    if not body.rstrip(";").strip():
        raise HeaderError("no query after the header")
    try:
        raw: Any = yaml.safe_load(header_text)
    except yaml.YAMLError as exc:
        raise HeaderError(f"header is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise HeaderError("header is not a YAML mapping")
    header = DetectorHeader.model_validate(raw)
    return Detector(header=header, query=body.rstrip().rstrip(";"), path=str(path))


def load_catalog(extra_dir: Path | None = None) -> Catalog:
    """Every detector file parsed; refused files listed in ``errors`` with the reason."""
    catalog = Catalog()
    seen: dict[str, str] = {}
    for path in detector_files(extra_dir):
        try:
            det = parse_detector(path)
        except (HeaderError, ValidationError, OSError, UnicodeDecodeError) as exc:
            catalog.errors.append(CatalogError(path=str(path), error=_short(exc)))
            continue
        if det.id in seen:
            catalog.errors.append(
                CatalogError(path=str(path), error=f"duplicate id {det.id!r} ({seen[det.id]})")
            )
            continue
        seen[det.id] = str(path)
        catalog.detectors.append(det)
    return catalog


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'header'}: {e['msg']}" for e in exc.errors())
    return str(exc)


def check_query(graph: Graph, det: Detector) -> str | None:
    """None if the query parses (EXPLAIN) and returns the four columns; else the reason."""
    text = "EXPLAIN " + det.query
    try:
        with graph.driver.session(database=graph.database, default_access_mode=READ_ACCESS) as session:
            result = session.run(text, explain_params(det))
            keys = tuple(result.keys())
            result.consume()
    except Exception as exc:  # the database's own message is the most useful reason
        return f"query does not compile: {getattr(exc, 'message', None) or exc}"
    if keys != COLUMNS:
        return f"query returns columns {list(keys)}, expected {list(COLUMNS)}"
    return None


def validate_catalog(graph: Graph, catalog: Catalog) -> Catalog:
    """The catalog minus detectors whose query fails EXPLAIN or returns other columns."""
    good: list[Detector] = []
    errors = list(catalog.errors)
    for det in catalog.detectors:
        problem = check_query(graph, det)
        if problem is None:
            good.append(det)
        else:
            errors.append(CatalogError(path=det.path, error=f"{det.id}: {problem}"))
    return Catalog(detectors=good, errors=errors)
