"""Field-level quality of the judgment extractor against the hand-labelled dev / held-out sets.

Usage: python bench/extract_quality.py [--set devset|holdout|all] [--show-errors]

``devset`` (the default) is the set the extractor was tuned on, so its scores are in-sample;
``holdout`` (tests/data/judgment_holdout, see its README) was labelled without tuning the
extractor to it and is the honest estimate for unseen judgments; ``all`` pools both.
Prints a Markdown table: exact-match rates for case_no / court / doc_type, micro precision /
recall / F1 for party names, legal representatives, agents (name + organization) and trademark
numbers, and accuracy of role and kind over the parties whose name was found.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ipclue.errors import ExtractError
from ipclue.extractors.judgment import extract_judgment
from ipclue.extractors.text import read_document
from ipclue.models import Judgment

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO / "tests" / "data" / "judgment_devset"
HOLDOUT = REPO / "tests" / "data" / "judgment_holdout"
SETS: dict[str, tuple[Path, ...]] = {"devset": (DEVSET,), "holdout": (HOLDOUT,), "all": (DEVSET, HOLDOUT)}
CORPUS = REPO.parent / "shared" / "corpus"


@dataclass
class SetScore:
    """Micro-averaged counts for a set-valued field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], pred: set[Any]) -> None:
        """Count one document's sets."""
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall, F1 (1.0 when there is nothing to find and nothing found)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    """All scores plus the list of mismatches for --show-errors."""

    docs: int = 0
    exact: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0] for k in ("case_no", "court", "doc_type")}
    )
    sets: dict[str, SetScore] = field(default_factory=dict)
    attrs: dict[str, list[int]] = field(default_factory=lambda: {"role": [0, 0], "kind": [0, 0]})
    errors: list[str] = field(default_factory=list)

    def score(self, name: str) -> SetScore:
        """The set score for a field, created on first use."""
        return self.sets.setdefault(name, SetScore())


def _names(parties: list[dict[str, Any]]) -> set[str]:
    """Party names of a label or prediction."""
    return {p["name"] for p in parties}


def _pairs(parties: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """(party, legal representative) pairs."""
    return {(p["name"], p["legal_representative"]) for p in parties if p.get("legal_representative")}


def _agents(parties: list[dict[str, Any]]) -> set[tuple[str, str, str | None]]:
    """(party, agent name, organization) triples."""
    return {(p["name"], a["name"], a.get("organization")) for p in parties for a in p.get("agents", [])}


def _predict(gold: dict[str, Any]) -> Judgment | str:
    """Run the extractor on the labelled document, or return the error reason."""
    try:
        return extract_judgment(read_document(CORPUS / gold["path"]))
    except ExtractError as exc:
        return f"ExtractError {exc.reason}: {exc.reason_detail}"


def _score_doc(report: Report, gold: dict[str, Any], pred: Judgment | str) -> None:
    """Add one document's comparison to the report."""
    report.docs += 1
    pj: dict[str, Any] = pred.model_dump() if isinstance(pred, Judgment) else {"parties": []}
    if isinstance(pred, str):
        report.errors.append(f"{gold['id']}: {pred}")
    for key, counts in report.exact.items():
        counts[1] += 1
        ok = pj.get(key) == gold[key]
        counts[0] += ok
        if not ok and isinstance(pred, Judgment):
            report.errors.append(f"{gold['id']} {key}: want {gold[key]!r} got {pj.get(key)!r}")
    _score_sets(report, gold, pj)
    _score_attrs(report, gold, pj)


def _score_sets(report: Report, gold: dict[str, Any], pj: dict[str, Any]) -> None:
    """Set-valued fields: party names, legal representatives, agents, trademark numbers."""
    checks: dict[str, tuple[set[Any], set[Any]]] = {
        "party names": (_names(gold["parties"]), _names(pj["parties"])),
        "legal representatives": (_pairs(gold["parties"]), _pairs(pj["parties"])),
        "agents (name+organization)": (_agents(gold["parties"]), _agents(pj["parties"])),
        "trademark numbers": (set(gold["trademark_numbers"]), set(pj.get("trademark_numbers", []))),
    }
    for name, (g, p) in checks.items():
        report.score(name).add(g, p)
        if g != p:
            report.errors.append(
                f"{gold['id']} {name}: missing {sorted(g - p, key=str)} extra {sorted(p - g, key=str)}"
            )


def _score_attrs(report: Report, gold: dict[str, Any], pj: dict[str, Any]) -> None:
    """Role and kind accuracy over parties found by name."""
    predicted = {p["name"]: p for p in pj["parties"]}
    for gp in gold["parties"]:
        found = predicted.get(gp["name"])
        if found is None:
            continue
        for key in ("role", "kind"):
            report.attrs[key][1] += 1
            report.attrs[key][0] += found[key] == gp[key]
            if found[key] != gp[key]:
                report.errors.append(f"{gold['id']} {gp['name']} {key}: want {gp[key]} got {found[key]}")


def evaluate(*dirs: Path) -> Report:
    """Score every labelled document in the given directories (default: the dev set)."""
    report = Report()
    for directory in dirs or (DEVSET,):
        for path in sorted(directory.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            _score_doc(report, gold, _predict(gold))
    return report


def markdown(report: Report) -> str:
    """The report as a Markdown table."""
    rows = ["| field | precision | recall | F1 / accuracy | n |", "|---|---|---|---|---|"]
    for key, (ok, n) in report.exact.items():
        rows.append(f"| {key} (exact) | | | {ok / n:.3f} | {n} |")
    for key, s in report.sets.items():
        p, r, f = s.prf()
        rows.append(f"| {key} | {p:.3f} | {r:.3f} | {f:.3f} | {s.tp + s.fn} |")
    for key, (ok, n) in report.attrs.items():
        rows.append(f"| {key} (of found parties) | | | {ok / n:.3f} | {n} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Print the table (and the mismatches with --show-errors)."""
    parser = argparse.ArgumentParser(description="Judgment extractor quality against labelled sets.")
    parser.add_argument(
        "--set", dest="which", choices=sorted(SETS), default="devset", help="labelled set to score"
    )
    parser.add_argument("--show-errors", action="store_true", help="list every mismatch after the table")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}")
    dirs = SETS[args.which]
    report = evaluate(*dirs)
    where = ", ".join(str(d.relative_to(REPO)) for d in dirs)
    print(f"{args.which}: {report.docs} documents ({where})\n")
    print(markdown(report))
    if args.show_errors:
        print("\n" + "\n".join(report.errors))


if __name__ == "__main__":
    main()
