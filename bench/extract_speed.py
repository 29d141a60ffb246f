"""Throughput of the judgment extractor on one core, with and without the text-org stage.

Documents are decoded beforehand; the stage is switched by ``IPCLUE_NLP`` (its pipeline is built
before timing, so the one-off jieba start-up is not counted).

``--generated DIR``: instead, the CPU seconds of extracting a spread sample of a generated corpus's
files in this process as an extraction worker does (``parallel.extract_file_items``: read, hash,
decode, extract), by kind: ``--judgments`` judgments, ``--penalties`` penalties, and the registry
files with ``--registry`` (files read once before timing; jieba loaded before timing). For an A/B of
two source trees run it alternately with each tree as PYTHONPATH.

Usage: python bench/extract_speed.py [--rounds N]
       python bench/extract_speed.py --generated /tmp/ex-scale/bench-p100000-s1 [--judgments 3000]
              [--penalties 1000] [--registry]
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path

from ipclue.errors import ExtractError
from ipclue.extractors.judgment import extract_judgment
from ipclue.extractors.nlp import nlp_available, orgs_in
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


def spread(files: list[Path], n: int) -> list[Path]:
    """``n`` files spread evenly over the sorted ``files``."""
    return sorted(files)[:: max(1, len(files) // n)][:n] if n else []


def generated(root: Path, judgments: int, penalties: int, registry: bool) -> None:
    """Print the CPU seconds of extracting each kind of the sample, as one JSON line."""
    from ipclue.extractors import dispatch
    from ipclue.extractors.parallel import extract_file_items

    dispatch.judgment_extractor()
    if nlp_available():
        orgs_in("从义乌市鑫达日用品有限公司购进")  # loads jieba and its tags
    kinds = {
        "judgments": spread(list((root / "judgments").iterdir()), judgments),
        "penalties": spread(list((root / "penalties").iterdir()), penalties),
        "registry": [*sorted((root / "registry").iterdir()), root / "penalties.jsonl"] if registry else [],
    }
    out: dict[str, float | int] = {}
    for kind, files in kinds.items():
        for path in files:
            path.read_bytes()  # in the page cache
        clock, items = time.process_time(), 0
        for path in files:
            items += len(extract_file_items(str(path)).items)
        out[f"{kind}_cpu_s"] = round(time.process_time() - clock, 3)
        out[f"{kind}_items"] = items
    print(json.dumps(out | {"load": round(os.getloadavg()[0], 2)}))


def _arg(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main() -> None:
    """Print judgments per second without and with the text-org stage."""
    if "--generated" in sys.argv:
        generated(Path(_arg("--generated", "")), int(_arg("--judgments", "3000")),
                  int(_arg("--penalties", "1000")), "--registry" in sys.argv)  # fmt: skip
        return
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
