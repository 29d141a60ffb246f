"""The criminal detectors on the real CAIL fact sections: every flag hand-reviewed as a true clue is raised.

Counts are not asserted (they would freeze false positives). The reviews, read from the sources:
tests/data/real_flags_review.json (flags of a plain real-corpus run) and real_flags_review_criminal.json
(flags of the CAIL fact sections with their labels standing in for the sentence, bench/criminal_labels.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ipclue.detect import run_detectors
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.pipeline import ingest

REVIEWS = Path(__file__).resolve().parents[1] / "data"


def reviewed_true(detector: str) -> set[str]:
    entries = [
        e for p in sorted(REVIEWS.glob("real_flags_review*.json")) for e in json.loads(p.read_text("utf-8"))
    ]
    return {e["fingerprint"] for e in entries if e["detector"] == detector and e["true_clue"]}


def fingerprints(graph: Graph, detector: str) -> set[str]:
    run = run_detectors(graph, ids=[detector], dry_run=True).detectors[0]
    assert run.error is None, run.error
    return {h.fingerprint for h in run.results}


def test_co_offender_true_clues_on_the_cail_fact_sections(graph: Graph, corpus: Path, tmp_path: Path) -> None:
    ingest(graph, [corpus / "judgments" / "criminal_facts"], quarantine_dir=tmp_path)
    want = reviewed_true("co-offender-not-prosecuted")
    assert want and want <= fingerprints(graph, "co-offender-not-prosecuted")


def test_sentence_review_true_clues_with_the_cail_labels(graph: Graph, corpus: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from bench.criminal_labels import labelled

    report = Loader(graph).load([j for _, j in labelled(corpus)])
    assert not report.rejections
    want = reviewed_true("criminal-sentence-review")
    assert want and want <= fingerprints(graph, "criminal-sentence-review")
