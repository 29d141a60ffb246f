"""Quoted source paragraphs: the sections of each evidence document, with case number and offsets.

Offsets are character offsets into the document's text as the extractor read it (decoded, HTML flattened,
tidied: ``ipclue.extractors.text``), the same text the extracted sections point into. A document whose
bytes no longer match the stored sha256 is not quoted (its offsets would point at other text).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ipclue.errors import ExtractError
from ipclue.extractors.text import read_bytes_as_document
from ipclue.graph.db import Graph
from ipclue.reports import words
from ipclue.reports.model import Quote

MAX_CHARS = 360
PER_DOCUMENT = 2
MAX_QUOTES = 10
MAX_BYTES = 5_000_000


def quotes_for(graph: Graph, evidence: list[dict[str, Any]]) -> list[Quote]:
    """Up to ``PER_DOCUMENT`` sections of each evidence document (facts first), ``MAX_QUOTES`` in all."""
    del graph  # the evidence carries the source, path and section offsets it was found with
    out: list[Quote] = []
    for item in evidence:
        out += _item_quotes(item)
    return out[:MAX_QUOTES]


def _item_quotes(item: dict[str, Any]) -> list[Quote]:
    sha, path, sections = item.get("source"), item.get("path"), _sections(item.get("sections"))
    if not isinstance(sha, str) or not isinstance(path, str) or not sections:
        return []
    text = document_text(path, sha)
    if text is None:
        return []
    record = str(item["key"]) if item.get("label") in ("Case", "Penalty") else None
    chosen = [s for s in words.QUOTED_SECTIONS if s in sections][:PER_DOCUMENT]
    return [_quote(text, path, record, name, *sections[name]) for name in chosen]


def _sections(raw: Any) -> dict[str, tuple[int, int]]:
    try:
        data = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(k): (int(v[0]), int(v[1]))
        for k, v in data.items()
        if isinstance(v, list) and len(v) == 2 and 0 <= int(v[0]) < int(v[1])
    }


def _quote(text: str, path: str, record: str | None, name: str, start: int, end: int) -> Quote:
    body = text[start:end].strip()
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    start += lead
    if len(body) > MAX_CHARS:
        body = body[:MAX_CHARS]
    return Quote(
        document=Path(path).name,
        record=record,
        section=words.SECTIONS.get(name, name),
        start=start,
        end=start + len(body),
        text=body,
    )


@lru_cache(maxsize=64)
def document_text(path: str, sha256: str) -> str | None:
    """The document's extracted text, or None when it is gone, too large or its bytes changed."""
    file = Path(path)
    try:
        if not file.is_file() or file.stat().st_size > MAX_BYTES:
            return None
        data = file.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != sha256:
        return None
    try:
        return read_bytes_as_document(data, path).text
    except ExtractError:
        return None
