"""Precision / recall of organisations named in judgment bodies (the spaCy stage) on a hand-labelled set.

Usage: python bench/text_orgs_quality.py [--show-errors]
Gold: tests/data/text_orgs_devset.json (civil judgment id → organisations named in 查明/认为 that are
not parties). Names are compared after bracket normalisation; micro-averaged over documents.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ipclue.extractors.judgment import extract_judgment
from ipclue.extractors.text import read_document

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO / "tests" / "data" / "text_orgs_devset.json"
CIVIL = REPO.parent / "shared" / "corpus" / "judgments" / "civil"
_BRACKETS = str.maketrans("()", "（）")


def _norm(names: list[str]) -> set[str]:
    """Names with half-width brackets made full-width."""
    return {n.translate(_BRACKETS) for n in names}


def evaluate(show_errors: bool = False) -> tuple[int, int, int, int]:
    """Documents, true positives, false positives, false negatives."""
    gold: dict[str, list[str]] = json.loads(DEVSET.read_text(encoding="utf-8"))["docs"]
    tp = fp = fn = 0
    for fid, names in gold.items():
        judgment = extract_judgment(read_document(CIVIL / f"{fid}.txt"))
        want, got = _norm(names), _norm([m.name for m in judgment.mentioned_orgs])
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        if show_errors and want != got:
            print(f"{fid}: missing {sorted(want - got)} extra {sorted(got - want)}")
    return len(gold), tp, fp, fn


def main() -> None:
    """Print the scores as a Markdown table."""
    if not CIVIL.is_dir():
        sys.exit(f"corpus not found at {CIVIL}")
    docs, tp, fp, fn = evaluate("--show-errors" in sys.argv)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"\nText orgs: {docs} documents ({DEVSET.relative_to(REPO)})\n")
    print("| field | precision | recall | F1 | gold | predicted |\n|---|---|---|---|---|---|")
    print(f"| mentioned_orgs | {p:.3f} | {r:.3f} | {f:.3f} | {tp + fn} | {tp + fp} |")


if __name__ == "__main__":
    main()
