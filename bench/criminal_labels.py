"""criminal-sentence-review over the 36 CAIL fact sections, their challenge labels taken as the sentence.

    python bench/criminal_labels.py [--corpus ../shared/corpus]

The CAIL fact sections carry no operative part; index.csv gives each case's labels (accusation,
prison months, fine). Each file is extracted as usual, the labelled defendant gets the label's
prison term and fine (a fine of 0 is read as "no fine") and, where the text's charge is redacted,
the labelled accusation; the records are loaded into the configured Neo4j (WIPED first) and the
detector is run (dry run). Prints one row per flag and a summary. What such labels can and cannot
prove: README, "Criminal judgments".
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from ipclue.detect import Hit, run_detectors
from ipclue.extractors.judgment import extract_judgment
from ipclue.extractors.text import read_document
from ipclue.graph.db import open_graph
from ipclue.graph.load import Loader
from ipclue.graph.schema import apply_schema, wipe
from ipclue.models import Judgment
from ipclue.settings import get_settings

DETECTOR = "criminal-sentence-review"
CHARGES = {
    "假冒注册商标": "假冒注册商标罪",
    "侵犯著作权": "侵犯著作权罪",
    "销售假冒注册商标的商品": "销售假冒注册商标的商品罪",
}


def labelled(corpus: Path) -> list[tuple[dict[str, str], Judgment]]:
    """Every fact section with its label row, the label applied to the labelled defendant(s)."""
    folder = corpus / "judgments" / "criminal_facts"
    with (folder / "index.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [(row, apply_label(_extract(folder / f"{row['id']}.txt"), row)) for row in rows]


def _extract(path: Path) -> Judgment:
    """One fact section as the pipeline reads it."""
    return extract_judgment(read_document(path))


def apply_label(j: Judgment, row: dict[str, str]) -> Judgment:
    """The label's prison months and fine as the sentence of the defendants it names."""
    names = set(row["criminals"].split("|"))
    charge = CHARGES.get(row["accusation"].split("|")[0])
    for d in j.defendants:
        if d.name not in names:
            continue
        months, fine = int(row["imprisonment_months"]), float(row["punish_of_money"])
        d.prison_months = months or None
        d.fine = fine or None
        if charge and (d.charge is None or d.charge_inferred):
            d.charge, d.charge_inferred = charge, False
        d.combined = "|" in row["accusation"]  # several charges: the label's term is the combined one
    return j


def run(corpus: Path) -> tuple[list[tuple[dict[str, str], Judgment]], list[Hit]]:
    """Load the labelled records into a wiped graph and run the detector."""
    graph = open_graph(get_settings())
    wipe(graph)
    apply_schema(graph)
    data = labelled(corpus)
    report = Loader(graph).load([j for _, j in data])
    if report.rejections:
        raise SystemExit(f"rejected: {report.rejections}")
    result = run_detectors(graph, ids=[DETECTOR], dry_run=True).detectors[0]
    if result.error:
        raise SystemExit(result.error)
    return data, result.results


def table(data: list[tuple[dict[str, str], Judgment]], hits: list[Hit]) -> list[str]:
    """One row per flag (file, label, rules, score) and the summary counts."""
    by_case = {s.key: h for h in hits for s in h.subjects if s.label == "Case"}
    lines = ["| file | label months | label fine | rules | score | fingerprint |", "|---" * 6 + "|"]
    for row, j in data:
        hit = by_case.get(j.case_no)
        if hit is not None:
            rules = ", ".join(hit.facts.get("rules", []))
            lines.append(
                f"| {row['id']} | {row['imprisonment_months']} | {row['punish_of_money']} | {rules} "
                f"| {hit.score:.2f} | {hit.fingerprint[:16]} |"
            )
    zero_fine = sum(1 for r, _ in data if r["punish_of_money"] == "0" and r["imprisonment_months"] != "0")
    lines += ["", f"files {len(data)}, flags {len(hits)}, labelled prison term with fine 0: {zero_fine}"]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    default = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
    ap.add_argument("--corpus", type=Path, default=default)
    args = ap.parse_args()
    data, hits = run(args.corpus)
    print("\n".join(table(data, hits)))
    for h in hits:
        print(f"\n{h.fingerprint}\n  {h.reason}")


if __name__ == "__main__":
    main()
