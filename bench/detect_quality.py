"""Detector quality on a synthetic corpus: recall on planted patterns, precision, hard negatives.

    python bench/detect_quality.py --parties 2000 [--seed 7] [--keep DIR]

Generates (ipclue.synth), extracts (ipclue.extractors), loads (Loader) into the configured
Neo4j (WIPED first), runs every detector (dry run) and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from ipclue.detect import Hit, run_detectors
from ipclue.extractors.dispatch import extract_paths
from ipclue.graph.db import Graph, open_graph
from ipclue.graph.load import Loader
from ipclue.graph.schema import apply_schema, wipe
from ipclue.models import Rejection
from ipclue.normalize import clean
from ipclue.settings import get_settings
from ipclue.synth.generate import generate

KIND_OF = {
    "linked-opponents": "false_litigation_ring",
    "false-litigation-ring": "false_litigation_ring",
    "serial-infringer": "serial_infringer",
    "penalty-not-transferred": "penalty_not_transferred",
    "trademark-squatting": "trademark_squatting",
    "invalidated-right-litigation": "invalidated_right_litigation",
    "bulk-enforcement": "bulk_enforcement",
}


def build(graph: Graph, parties: int, seed: int, out: Path) -> dict[str, Any]:
    generate(out, parties, seed)
    records = [r for r in extract_paths([out]) if not isinstance(r, Rejection)]
    wipe(graph)
    apply_schema(graph)
    Loader(graph).load(records)
    truth: dict[str, Any] = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    return truth


def party_ids(graph: Graph, uids: set[str]) -> dict[str, set[str]]:
    rows = graph.read(
        "MATCH (p:Party) WHERE p.uid IN $uids RETURN p.uid AS uid, p.name AS name, "
        "p.uscc AS uscc, p.aliases AS aliases",
        uids=sorted(uids),
    )
    return {r["uid"]: {x for x in [r["name"], r["uscc"], *(r["aliases"] or [])] if x} for r in rows}


def hit_keys(hit: Hit, parties: dict[str, set[str]]) -> set[str]:
    keys = {clean(str(e["key"])) for e in hit.evidence if "key" in e}
    for s in hit.subjects:
        keys |= parties.get(s.key, set()) if s.label == "Party" else {clean(s.key)}
    return keys


def finding_keys(f: dict[str, Any]) -> set[str]:
    return {clean(str(d)) for d in f["documents"]} | {
        x for s in f["subjects"] for x in (s["name"], s["uscc"]) if x
    }


def evaluate(graph: Graph, truth: dict[str, Any], hits: dict[str, list[Hit]]) -> list[str]:
    uids = {s.key for hs in hits.values() for h in hs for s in h.subjects if s.label == "Party"}
    parties = party_ids(graph, uids)
    keyed = {d: [hit_keys(h, parties) for h in hs] for d, hs in hits.items()}
    lines = [
        "| detector | truth kind | flags | true | precision | planted | found | recall |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for det, kind in KIND_OF.items():
        pats = [finding_keys(p) for p in truth["patterns"] if p["kind"] == kind]
        good = sum(1 for k in keyed.get(det, []) if any(k & p for p in pats))
        found = sum(1 for p in pats if any(k & p for k in keyed.get(det, [])))
        n = len(keyed.get(det, []))
        lines.append(
            f"| {det} | {kind} | {n} | {good} | {good / n if n else float('nan'):.2f} "
            f"| {len(pats)} | {found} | {found / len(pats) if pats else float('nan'):.2f} |"
        )
    lines += ["", "| hard negative | n | flagged by |", "|---|---|---|"]
    by_kind: dict[str, list[str]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for neg in truth["negatives"]:
        counts[neg["kind"]] += 1
        keys = {clean(str(d)) for d in neg["documents"]}
        by_kind[neg["kind"]] += [d for d, ks in keyed.items() if any(k & keys for k in ks)]
    lines += [
        f"| {k} | {counts[k]} | {', '.join(sorted(set(v))) or '—'} |" for k, v in sorted(by_kind.items())
    ]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parties", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()
    graph = open_graph(get_settings())
    out = args.keep or Path(tempfile.mkdtemp(prefix="ipclue-quality-"))
    start = time.perf_counter()
    truth = build(graph, args.parties, args.seed, out)
    built = time.perf_counter() - start
    report = run_detectors(graph, dry_run=True)
    hits = {d.detector: d.results for d in report.detectors}
    print(
        f"## detect quality — {args.parties} parties, seed {args.seed} "
        f"(build {built:.0f}s, detect {report.seconds:.1f}s)\n"
    )
    print("\n".join(evaluate(graph, truth, hits)))
    for d in report.detectors:
        if d.error:
            print(f"\nerror in {d.detector}: {d.error}")


if __name__ == "__main__":
    main()
