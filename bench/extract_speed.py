"""Throughput of the rules-only judgment extractor on one core (documents decoded beforehand).

Usage: python bench/extract_speed.py [--rounds N]
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

from ipclue.errors import ExtractError
from ipclue.extractors.judgment import extract_judgment
from ipclue.extractors.text import Document, read_document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "judgments"


def load() -> list[Document]:
    """All civil, misc and criminal documents, decoded."""
    paths = sorted(CORPUS.glob("*/*.txt"))
    return [read_document(p) for p in paths]


def run(docs: list[Document], rounds: int) -> tuple[float, int]:
    """Seconds spent and documents processed over the rounds."""
    start = time.perf_counter()
    n = 0
    for _ in range(rounds):
        for doc in docs:
            with contextlib.suppress(ExtractError):
                extract_judgment(doc)
            n += 1
    return time.perf_counter() - start, n


def main() -> None:
    """Print judgments per second for the rules path."""
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}")
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    docs = load()
    run(docs[:20], 1)  # warm the regex caches
    seconds, n = run(docs, rounds)
    chars = sum(len(d.text) for d in docs) * rounds
    print(f"rules path: {n} documents in {seconds:.2f} s = {n / seconds:.0f} judgments/s on one core "
          f"({chars / seconds / 1e6:.2f} M chars/s; mean {chars // n} chars/doc)")  # fmt: skip
    print("spaCy stage: not built (rules meet the dev-set targets; see ipclue/extractors/judgment.py)")


if __name__ == "__main__":
    main()
