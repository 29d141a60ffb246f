"""Detector quality on a synthetic corpus: recall on planted patterns, precision, hard negatives.

    python bench/detect_quality.py --parties 2000 [--seed 7] [--keep DIR]

Generates (ipclue.synth), ingests with the production pipeline (extract → resolve → load →
derive) into the configured Neo4j (WIPED first), runs every detector (dry run) and prints a
Markdown table.

Matching (strict): a Party maps to the truth entities one of whose mentions (file, name as
written) it holds. A hit is a true positive iff EVERY Party subject maps to a subject entity of
one planted pattern of the detector's kind and every Case/Penalty subject is one of that
pattern's documents; evidence is not used. A pattern is found iff some hit matches it. A hard
negative is flagged iff one of its subject entities is a Party subject of a hit.
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
from ipclue.graph.db import Graph, open_graph
from ipclue.graph.schema import apply_schema, wipe
from ipclue.normalize import clean
from ipclue.pipeline import ingest
from ipclue.settings import get_settings
from ipclue.synth.generate import generate

DOCUMENT_LABELS = frozenset({"Case", "Penalty"})

KIND_OF = {
    "linked-opponents": "false_litigation_ring",
    "false-litigation-ring": "false_litigation_ring",
    "serial-infringer": "serial_infringer",
    "penalty-not-transferred": "penalty_not_transferred",
    "trademark-squatting": "trademark_squatting",
    "invalidated-right-litigation": "invalidated_right_litigation",
    "bulk-enforcement": "bulk_enforcement",
    "split-suits": "split_suits",
    "civil-to-criminal": "civil_to_criminal",
}
KIND_OF.update(  # criminal judgments (synth/criminal.py)
    {
        "criminal-sentence-review": "criminal_sentence_review",
        "co-offender-not-prosecuted": "co_offender_not_prosecuted",
    }
)


def build(graph: Graph, parties: int, seed: int, out: Path) -> dict[str, Any]:
    """Generate, wipe, then the production ingest (extract → resolve → load → derive)."""
    generate(out, parties, seed)
    wipe(graph)
    apply_schema(graph)
    ingest(graph, [out], quarantine_dir=out / ".quarantine")
    truth: dict[str, Any] = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    return truth


MENTIONS = """
MATCH (p:Party)<-[:REFERS_TO]-(m:Mention) WHERE p.uid IN $uids
MATCH (m)-[:IN_SOURCE]->(s:Source)
RETURN p.uid AS uid, s.path AS path, m.name AS name
"""


def doc_key(path: str, name: str) -> tuple[str, str]:
    """(the file as truth.json names it — last two path parts — and the cleaned name as written)."""
    return "/".join(Path(path).parts[-2:]), clean(name)


def party_entities(graph: Graph, uids: set[str], truth: dict[str, Any]) -> dict[str, set[str]]:
    """Party uid → truth entity ids: an entity is a party's if one of the party's mentions
    (source file, name as written) is one of that entity's mentions in truth.json."""
    index: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in truth["entities"]:
        for m in e["mentions"]:
            index[doc_key(m["file"], m["name_as_written"])].add(e["id"])
    out: dict[str, set[str]] = defaultdict(set)
    for r in graph.read(MENTIONS, uids=sorted(uids)):
        out[r["uid"]] |= index.get(doc_key(r["path"], r["name"] or ""), set())
    return out


class Finding:
    """A planted pattern or hard negative: its subjects' entity ids and its documents."""

    def __init__(self, f: dict[str, Any]) -> None:
        self.kind: str = f["kind"]
        self.entities = {s["entity"] for s in f["subjects"]}
        self.documents = {clean(str(d)) for d in f["documents"]}

    def has_party(self, entities: set[str]) -> bool:
        return bool(entities & self.entities)


def matches(hit: Hit, parties: dict[str, set[str]], f: Finding) -> bool:
    """A hit is a planted pattern's iff EVERY Party subject is one of the pattern's subject
    entities (through its mentions) and every Case/Penalty subject is one of its documents."""
    party_keys = [parties.get(s.key, set()) for s in hit.subjects if s.label == "Party"]
    docs = [clean(s.key) for s in hit.subjects if s.label in DOCUMENT_LABELS]
    return (
        bool(party_keys) and all(f.has_party(k) for k in party_keys) and all(d in f.documents for d in docs)
    )


def touches(hit: Hit, parties: dict[str, set[str]], f: Finding) -> bool:
    """A hard negative is flagged when one of its subjects is a subject of the hit."""
    return any(f.has_party(parties.get(s.key, set())) for s in hit.subjects if s.label == "Party")


def evaluate(graph: Graph, truth: dict[str, Any], hits: dict[str, list[Hit]]) -> list[str]:
    uids = {s.key for hs in hits.values() for h in hs for s in h.subjects if s.label == "Party"}
    parties = party_entities(graph, uids, truth)
    patterns = [Finding(p) for p in truth["patterns"]]
    lines = [
        "| detector | truth kind | flags | true | precision | planted | found | recall |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for det, kind in KIND_OF.items():
        pats = [p for p in patterns if p.kind == kind]
        mine = hits.get(det, [])
        good = sum(1 for h in mine if any(matches(h, parties, p) for p in pats))
        found = sum(1 for p in pats if any(matches(h, parties, p) for h in mine))
        n = len(mine)
        lines.append(
            f"| {det} | {kind} | {n} | {good} | {good / n if n else float('nan'):.2f} "
            f"| {len(pats)} | {found} | {found / len(pats) if pats else float('nan'):.2f} |"
        )
    return lines + negatives_table(truth, hits, parties)


def negatives_table(
    truth: dict[str, Any], hits: dict[str, list[Hit]], parties: dict[str, set[str]]
) -> list[str]:
    lines = ["", "| hard negative | n | flagged by |", "|---|---|---|"]
    by_kind: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for neg in map(Finding, truth["negatives"]):
        counts[neg.kind] += 1
        by_kind[neg.kind] |= {d for d, hs in hits.items() if any(touches(h, parties, neg) for h in hs)}
    return lines + [f"| {k} | {counts[k]} | {', '.join(sorted(by_kind[k])) or '—'} |" for k in sorted(counts)]


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
