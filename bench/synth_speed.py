"""Generation speed of ``ipclue synth``: documents per second and output size at given scales.

Usage: python bench/synth_speed.py [PARTIES ...]   (default: 10000 100000)
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from ipclue.synth import generate


def run(parties: int, seed: int = 7) -> str:
    """Generate one bench-profile corpus into a temporary directory and describe speed and content."""
    with tempfile.TemporaryDirectory(prefix="synth-bench-") as tmp:
        s = generate(Path(tmp), parties, seed, "bench")
        docs = s.documents.get("judgments", 0) + s.documents.get("penalties", 0)
        files = sum(1 for p in Path(tmp).rglob("*") if p.is_file())
        truth = json.loads((Path(tmp) / "truth.json").read_text(encoding="utf-8"))
    speed = (
        f"parties={parties:,} documents={docs:,} files={files:,} registry={sum(s.registry.values()):,} "
        f"entities={s.entities:,} size={s.bytes / 1e6:.1f}MB seconds={s.seconds:.1f} "
        f"docs/s={docs / s.seconds:,.0f} MB/s={s.bytes / 1e6 / s.seconds:.1f}"
    )
    return speed + "\n" + planted(truth, docs)


def planted(truth: dict[str, Any], docs: int) -> str:
    """Per pattern and negative kind: how many, and the share of documents they involve."""
    lines = ["| planted | kind | count | documents | share of documents |", "|---|---|---:|---:|---:|"]
    for group in ("patterns", "negatives"):
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for item in truth[group]:
            by_kind[item["kind"]].append(item)
        for kind, items in sorted(by_kind.items()):
            n_docs = len({d for item in items for d in item.get("documents", [])})
            lines.append(f"| {group} | {kind} | {len(items)} | {n_docs:,} | {n_docs / max(docs, 1):.2%} |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    """Run each requested scale."""
    for parties in [int(a) for a in argv] or [10_000, 100_000]:
        print(run(parties), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
