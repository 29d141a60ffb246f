"""truth.json: planted patterns, hard negatives, entity mentions and the document index, streamed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from ipclue.synth.context import Ctx, Finding
from ipclue.synth.world import Org, Party


def subject(party: Party) -> dict[str, Any]:
    """A pattern subject: entity id, kind, name and (for organisations) USCC."""
    org = isinstance(party, Org)
    return {
        "entity": f"E{party.eid}",
        "kind": "org" if org else "person",
        "name": party.name,
        "uscc": party.uscc if isinstance(party, Org) else None,
    }


def finding(f: Finding) -> dict[str, Any]:
    """One pattern or negative."""
    return {
        "id": f.id,
        "kind": f.kind,
        "subjects": [subject(s) for s in f.subjects],
        "documents": f.documents,
    }


def namesakes(ctx: Ctx) -> list[dict[str, Any]]:
    """Planted same-name different people: the two entity ids, the name, how alike they are."""
    return [
        {"a": f"E{a.eid}", "b": f"E{b.eid}", "name": a.name, "kind": kind}
        for a, b, kind in ctx.world.namesakes
    ]


def _array(f: IO[str], key: str, rows: list[dict[str, Any]]) -> None:
    """Write ``"key": [...]`` with one row a line."""
    f.write(f'"{key}": [\n' + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n],\n")


def _entities(f: IO[str], ctx: Ctx) -> int:
    """Every party with at least one mention, by entity id."""
    mentions, n = ctx.out.mentions, 0
    f.write('"entities": [\n')
    parties: list[Party] = [*ctx.world.persons, *ctx.world.orgs]
    for party in sorted(parties, key=lambda p: p.eid):
        seen = mentions.get(party.eid)
        if not seen:
            continue
        row = {
            "id": f"E{party.eid}",
            "kind": "org" if isinstance(party, Org) else "person",
            "name": party.name,
            "uscc": party.uscc if isinstance(party, Org) else None,
            "mentions": [_mention(rel, w, line) for rel, w, line in seen],
        }
        f.write(("" if n == 0 else ",\n") + json.dumps(row, ensure_ascii=False))
        n += 1
    f.write("\n],\n")
    return n


def _mention(rel: str, written: str, line: int | None) -> dict[str, Any]:
    """One mention: file, name as written and, in files of many records, the 1-based line."""
    row: dict[str, Any] = {"file": rel, "name_as_written": written}
    if line is not None:
        row["line"] = line
    return row


def write(ctx: Ctx, meta: dict[str, Any], index: Path) -> int:
    """Write truth.json; returns the number of entities."""
    with (ctx.out.root / "truth.json").open("w", encoding="utf-8") as f:
        f.write("{\n" + "".join(f'"{k}": {json.dumps(v, ensure_ascii=False)},\n' for k, v in meta.items()))
        _array(f, "patterns", [finding(p) for p in ctx.patterns])
        _array(f, "negatives", [finding(n) for n in ctx.negatives])
        _array(f, "namesakes", namesakes(ctx))
        n = _entities(f, ctx)
        f.write('"documents": [\n')
        with index.open(encoding="utf-8") as lines:
            for i, line in enumerate(lines):
                f.write(("" if i == 0 else ",\n") + line.rstrip("\n"))
        f.write("\n]\n}\n")
    index.unlink()
    return n
