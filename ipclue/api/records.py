"""Record pages (case, trademark, patent, copyright, penalty) and source documents with their spans."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ipclue.api.store import fetch_one
from ipclue.errors import NotFound
from ipclue.graph.db import Graph
from ipclue.normalize import (
    clean,
    normalize_case_no,
    normalize_copyright_no,
    normalize_patent_no,
    normalize_reg_no,
)

MAX_SOURCE_BYTES = 5_000_000
KINDS: dict[str, tuple[str, Callable[[str], str]]] = {
    "case": ("Case", normalize_case_no),
    "trademark": ("Trademark", normalize_reg_no),
    "patent": ("Patent", normalize_patent_no),
    "copyright": ("Copyright", normalize_copyright_no),
    "penalty": ("Penalty", clean),
}


def record(graph: Graph, kind: str, raw_key: str, cap: int) -> dict[str, Any]:
    label, normalise = KINDS[kind]
    row = fetch_one(graph, kind, key=normalise(raw_key), cap=cap)
    if row is None:
        raise NotFound(f"no {label} {raw_key!r}")
    out = {k: v for k, v in row.items() if k != "record"}
    out["record"] = _decode_json(row["record"])
    return out


def _decode_json(props: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in props.items() if v is not None}
    for key in ("sections", "short_names"):
        if isinstance(out.get(key), str):
            out[key] = _loads(out[key])
    return out


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def source_text(graph: Graph, sha256: str, cap: int) -> dict[str, Any]:
    row = fetch_one(graph, "source", sha=sha256, cap=cap)
    if row is None:
        raise NotFound(f"no source with sha256 {sha256}")
    src = row["source"]
    text, status = read_verified(src.get("path"), sha256)
    spans = [*row["spans"], *_section_spans(row["sections"])]
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return {
        "sha256": sha256,
        "path": src.get("path"),
        "kind": src.get("kind"),
        "text": text,
        "text_status": status,
        "spans": spans,
    }


def read_verified(path: str | None, sha256: str) -> tuple[str | None, str]:
    """The stored file's text, only if its bytes still hash to ``sha256`` (so no other file is served)."""
    if not path:
        return None, "missing"
    file = Path(path)
    if not file.is_file():
        return None, "missing"
    if file.stat().st_size > MAX_SOURCE_BYTES:
        return None, "too-large"
    data = file.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        return None, "changed"
    return _decode(data), "ok"


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _section_spans(sections: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for text in sections:
        data = _loads(text)
        if isinstance(data, dict):
            out += [
                {"start": int(v[0]), "end": int(v[1]), "label": f"section:{k}"}
                for k, v in data.items()
                if isinstance(v, list) and len(v) == 2
            ]
    return out
