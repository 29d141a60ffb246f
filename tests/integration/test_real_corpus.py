"""The real corpus through ingest and detect: the 指南针/中唯 series is one split-suits flag listing
every case, and every hand-reviewed true clue is raised again. Counts are not asserted (that would
freeze false positives)."""

from __future__ import annotations

import json
from pathlib import Path

from ipclue.detect import run_detectors
from ipclue.graph.db import Graph
from ipclue.pipeline import ingest

INPUTS = ("judgments/civil", "judgments/criminal_facts", "judgments/misc", "registry")
REVIEWS = Path(__file__).resolve().parents[1] / "data"
SERIES = {"(2014)佛城法知民初字第78号", "(2015)京知民终字第2119号", "(2014)沪一中民五(知)初字第125号"}


def test_real_corpus_series_flag_and_reviewed_true_clues(graph: Graph, corpus: Path, tmp_path: Path) -> None:
    ingest(graph, [corpus / p for p in INPUTS], quarantine_dir=tmp_path)
    report = run_detectors(graph, dry_run=True)
    assert all(d.error is None for d in report.detectors), [(d.detector, d.error) for d in report.detectors]
    hits = {h.fingerprint: h for d in report.detectors for h in d.results}
    series = [
        h for h in hits.values() if h.detector == "split-suits" and {e["key"] for e in h.evidence} >= SERIES
    ]
    assert len(series) == 1, [h.reason for h in hits.values() if h.detector == "split-suits"]
    assert "指南针" in series[0].reason and "优衣库" in series[0].reason
    # real_flags_review.json: flags of this plain run (the criminal file holds the CAIL label runs')
    reviews = json.loads((REVIEWS / "real_flags_review.json").read_text("utf-8"))
    true = {r["fingerprint"]: r["detector"] for r in reviews if r["true_clue"]}
    assert true, "the review file lists no true clue"
    missing = {fp: det for fp, det in true.items() if fp not in hits}
    assert not missing, missing
