"""truth.json names the line of every mention in a file of many records, so namesakes in one registry
file are told apart (keyed by file and name alone, two people 王芳 of companies.jsonl were one key)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ipclue.extractors.dispatch import extract_paths
from ipclue.graph.mentions import mentions_of
from ipclue.models import Rejection
from ipclue.synth import generate


def test_registry_mentions_carry_the_line_extractors_give(tmp_path: Path) -> None:
    generate(tmp_path, 400, 3, "demo")
    truth = json.loads((tmp_path / "truth.json").read_text("utf-8"))
    written: dict[tuple[str, int], set[str]] = defaultdict(set)
    for rec in extract_paths([tmp_path]):
        if not isinstance(rec, Rejection) and rec.source.line:
            rel = str(Path(rec.source.path).resolve().relative_to(tmp_path.resolve()))
            written[(rel, rec.source.line)].update(m.name for m in mentions_of(rec))
    lined = [(e["id"], m) for e in truth["entities"] for m in e["mentions"] if "line" in m]
    assert len(lined) > 500
    for ent, m in lined:
        assert m["name_as_written"] in written[(m["file"], m["line"])], (ent, m)
    assert all(
        "line" not in m
        for e in truth["entities"]
        for m in e["mentions"]
        if m["file"].startswith("judgments/")
    )
    # the same name borne by two entities in one file is told apart by the line
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_line: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for ent, m in lined:
        by_name[(m["file"], m["name_as_written"])].add(ent)
        by_line[(m["file"], m["line"], m["name_as_written"])].add(ent)
    assert any(len(v) > 1 for v in by_name.values())
    assert sum(len(v) > 1 for v in by_line.values()) < sum(len(v) > 1 for v in by_name.values()) / 10
