"""A dry run compared with the flags already stored for its detector: new, gone, unchanged."""

from __future__ import annotations

from typing import Any

from ipclue.cypher import query
from ipclue.detect.models import Hit
from ipclue.graph.db import Graph


def compare_with_stored(graph: Graph, detector: str, hits: list[Hit]) -> dict[str, Any]:
    """Which hits would be new flags, which stored flags the run no longer raises (gone, with their
    status and reason), and which it raises again (unchanged; ``rescored`` when the score moved)."""
    stored = {str(r["id"]): r for r in graph.read(query("flags/by_detector"), detector=detector)}
    ids = {h.flag_id for h in hits}
    unchanged = [h for h in hits if h.flag_id in stored]
    return {
        "new": sorted(ids - stored.keys()),
        "unchanged": sorted(h.flag_id for h in unchanged),
        "rescored": sorted(h.flag_id for h in unchanged if float(stored[h.flag_id]["score"]) != h.score),
        "gone": [dict(r) for fid, r in stored.items() if fid not in ids],
    }
