"""Detector yield on the real corpus: per detector, real flags, reviewed true, precision.

    python bench/real_yield.py [--corpus ../shared/corpus] [--reviews tests/data] [--no-ingest]

WIPES the configured Neo4j, ingests the real corpus (judgments/civil, criminal_facts, misc and
registry) with the production pipeline, runs every detector (dry run) and prints a Markdown
table. Each flag is matched by fingerprint to the hand reviews in ``real_flags_review*.json``
(a list of ``{detector, fingerprint, doc, true_clue, why}``, written by reading the source
documents, not the detector's reason). Precision is reviewed true / reviewed; a flag nobody has
reviewed is counted as such and never as true.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ipclue.detect import Hit, run_detectors
from ipclue.graph.db import Graph, open_graph
from ipclue.graph.schema import apply_schema, wipe
from ipclue.pipeline import ingest
from ipclue.settings import get_settings

REPO = Path(__file__).resolve().parents[1]
INPUTS = ("judgments/civil", "judgments/criminal_facts", "judgments/misc", "registry")


class Review(BaseModel):
    """One hand-reviewed real flag."""

    detector: str
    fingerprint: str
    doc: str
    true_clue: bool
    why: str


def real_inputs(corpus: Path) -> list[Path]:
    """The real-corpus folders every detector runs over."""
    return [corpus / p for p in INPUTS]


def load_reviews(folder: Path) -> dict[str, Review]:
    """Fingerprint → review, from every real_flags_review*.json in the folder."""
    out: dict[str, Review] = {}
    for path in sorted(folder.glob("real_flags_review*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            review = Review.model_validate(item)
            out[review.fingerprint] = review
    return out


def build(graph: Graph, corpus: Path) -> None:
    """Wipe, then the production ingest of the real corpus."""
    wipe(graph)
    apply_schema(graph)
    with tempfile.TemporaryDirectory(prefix="ipclue-real-") as tmp:
        ingest(graph, real_inputs(corpus), quarantine_dir=Path(tmp))


def table(hits: dict[str, list[Hit]], reviews: dict[str, Review]) -> list[str]:
    lines = [
        "| detector | real flags | reviewed | reviewed true | precision | unreviewed |",
        "|---|---|---|---|---|---|",
    ]
    for det in sorted(hits):
        mine = hits[det]
        seen = [reviews[h.fingerprint] for h in mine if h.fingerprint in reviews]
        true = sum(1 for r in seen if r.true_clue)
        precision = f"{true / len(seen):.2f}" if seen else "—"
        lines.append(
            f"| {det} | {len(mine)} | {len(seen)} | {true} | {precision} | {len(mine) - len(seen)} |"
        )
    return lines + _total(hits, reviews)


def _total(hits: dict[str, list[Hit]], reviews: dict[str, Review]) -> list[str]:
    flags = [h for hs in hits.values() for h in hs]
    seen = [reviews[h.fingerprint] for h in flags if h.fingerprint in reviews]
    true = sum(1 for r in seen if r.true_clue)
    precision = f"{true / len(seen):.2f}" if seen else "—"
    return [f"| **all** | {len(flags)} | {len(seen)} | {true} | {precision} | {len(flags) - len(seen)} |"]


def unreviewed(hits: dict[str, list[Hit]], reviews: dict[str, Review]) -> list[dict[str, Any]]:
    """Flags without a review, as stubs to fill in (true_clue and why left for the reviewer)."""
    return [
        {"detector": h.detector, "fingerprint": h.fingerprint, "reason": h.reason}
        for hs in hits.values()
        for h in hs
        if h.fingerprint not in reviews
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--reviews", type=Path, default=REPO / "tests" / "data")
    ap.add_argument("--no-ingest", action="store_true", help="use the graph as it is (already ingested)")
    args = ap.parse_args()
    graph = open_graph(get_settings())
    start = time.perf_counter()
    if not args.no_ingest:
        print(f"ingesting {', '.join(INPUTS)} from {args.corpus} (the graph is wiped first) …", flush=True)
        build(graph, args.corpus)
    built = time.perf_counter() - start
    report = run_detectors(graph, dry_run=True)
    hits = {d.detector: d.results for d in report.detectors}
    reviews = load_reviews(args.reviews)
    print(f"## real-corpus yield (build {built:.0f}s, detect {report.seconds:.1f}s)\n")
    print("\n".join(table(hits, reviews)))
    for d in report.detectors:
        if d.error:
            print(f"\nerror in {d.detector}: {d.error}")
    for stub in unreviewed(hits, reviews):
        print("\nunreviewed:", json.dumps(stub, ensure_ascii=False))


if __name__ == "__main__":
    main()
