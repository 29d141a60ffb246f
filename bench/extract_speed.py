"""Throughput of the judgment extractor on one core, with and without the text-org stage.

Documents are decoded beforehand; the stage is switched by ``IPCLUE_NLP`` (its pipeline is built
before timing, so the one-off jieba start-up is not counted).

Usage: python bench/extract_speed.py [--rounds N]
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from ipclue.errors import ExtractError
from ipclue.extractors.judgment import extract_judgment
from ipclue.extractors.nlp import nlp_available
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
    """Print judgments per second without and with the text-org stage."""
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}")
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    docs = load()
    for label, flag in (("rules only (IPCLUE_NLP=0)", "0"), ("rules + text orgs", "1")):
        os.environ["IPCLUE_NLP"] = flag
        if flag == "1" and not nlp_available():
            print(f"{label}: jieba not installed")
            continue
        run(docs[:20], 1)  # warm the regex caches (and build the pipeline)
        seconds, n = run(docs, rounds)
        chars = sum(len(d.text) for d in docs) * rounds
        print(f"{label}: {n} documents in {seconds:.2f} s = {n / seconds:.0f} judgments/s on one core "
              f"({chars / seconds / 1e6:.2f} M chars/s; mean {chars // n} chars/doc)")  # fmt: skip


if __name__ == "__main__":
    main()
