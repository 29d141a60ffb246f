"""Byte-identical extraction: the records of two source trees (e.g. main and a branch) compared.

Each tree dumps, in a process of its own (``PYTHONPATH`` = the tree), every item of the chosen files
as one JSON line (``model_dump_json`` with the item's type), file by file through
``parallel.extract_file_items`` (the worker's path, so without the run-wide rules, which do not
depend on the extractor). The files: every ``--every``-th generated judgment (up to ``--judgments``),
every generated penalty, the registry and the other top-level files of the generated corpus, and
every file of the real corpus (``/work/shared/corpus``). The dumps are then compared line by line.

Usage: python bench/extract_identity.py --ref /path/to/main --new . [--judgments 5000] [--jobs 2]
       python bench/extract_identity.py --dump OUT FILE_LIST   (what each tree runs)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

GENERATED = Path("/tmp/ex-scale/bench-p100000-s1")
REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def files(judgments: int, generated: Path, real: Path) -> list[Path]:
    """The files compared: a spread of generated judgments, all the rest of the generated corpus
    (penalties, registry, top-level files) and the whole real corpus."""
    out: list[Path] = []
    if generated.is_dir():
        js = sorted((generated / "judgments").iterdir())
        step = max(1, len(js) // judgments) if judgments else len(js) + 1
        out += js[::step][:judgments]
        out += sorted((generated / "penalties").iterdir())
        rest = (p for p in generated.rglob("*") if p.parent.name not in {"judgments", "penalties"})
        out += sorted(p for p in rest if p.is_file())
    if real.is_dir():
        out += sorted(p for p in real.rglob("*") if p.is_file())
    return out


def _dump_part(paths: list[str]) -> list[str]:
    from ipclue.extractors.parallel import extract_file_items

    lines: list[str] = []
    for path in paths:
        got = extract_file_items(path)
        lines.append(f"# {got.name} {got.digest} {got.empty} {len(got.items)}")
        lines += [f"{type(item).__name__} {item.model_dump_json()}" for item in got.items]
    return lines


def dump(out: Path, listing: Path, jobs: int) -> None:
    """Every item of the listed files, one JSON line each, in listing order."""
    import ipclue

    print(f"extracting with {Path(ipclue.__file__).parent}", file=sys.stderr)
    paths = listing.read_text(encoding="utf-8").splitlines()
    parts = [paths[i : i + 64] for i in range(0, len(paths), 64)]
    with out.open("w", encoding="utf-8") as fh, ProcessPoolExecutor(jobs) as pool:
        for lines in pool.map(_dump_part, parts):
            fh.writelines(line + "\n" for line in lines)


def compare(ref: Path, new: Path) -> int:
    """The number of differing lines (the first few printed)."""
    a = ref.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    diffs = [(i, x, y) for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    if len(a) != len(b):
        print(f"line counts differ: {len(a)} vs {len(b)}")
    for i, x, y in diffs[:5]:
        at = next((k for k, (c, d) in enumerate(zip(x, y, strict=False)) if c != d), min(len(x), len(y)))
        print(f"line {i} ({x[:80]}…), from character {at}:")
        print(f"  ref …{x[at - 80 : at + 200]}\n  new …{y[at - 80 : at + 200]}")
    return len(diffs) + abs(len(a) - len(b))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--ref", type=Path, help="the reference source tree (holding ipclue/)")
    ap.add_argument("--new", type=Path, default=Path(__file__).resolve().parents[1])
    ap.add_argument("--judgments", type=int, default=5000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--generated", type=Path, default=GENERATED)
    ap.add_argument("--real", type=Path, default=REAL)
    ap.add_argument("--dump", nargs=2, type=Path, metavar=("OUT", "LIST"))
    args = ap.parse_args()
    if args.dump:
        dump(args.dump[0], args.dump[1], args.jobs)
        return
    if args.ref is None:
        sys.exit("--ref is required")
    chosen = files(args.judgments, args.generated, args.real)
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(map(str, chosen)), encoding="utf-8")
        outs: list[Path] = []
        for tree in (args.ref, args.new):
            out = Path(tmp) / f"{len(outs)}.jsonl"
            cmd = [sys.executable, __file__, "--jobs", str(args.jobs), "--dump", str(out), str(listing)]
            subprocess.run(cmd, check=True, env={**os.environ, "PYTHONPATH": str(tree.resolve())})
            outs.append(out)
        n = compare(*outs)
        lines = sum(1 for _ in outs[0].open(encoding="utf-8"))
    print(f"{len(chosen)} files, {lines} lines: {n} differences")
    sys.exit(1 if n else 0)


if __name__ == "__main__":
    main()
