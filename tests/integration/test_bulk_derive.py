"""A bulk first load that writes derive's first steps (mention keys, party USCCs, generic identifiers
and agents, derived branches) into the import files leaves the graph the server-side derive leaves:
every node and relationship with its properties (so the generic flags and degrees, the USCCs, the
derived BRANCH_OF, and downstream the group pass's merges and POSSIBLY_SAME pairs and the LINKED
edges), and the same derived counts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ipclue.dbms.managed import ManagedNeo4j
from ipclue.graph.bulk import BulkReport, bulk_load_records
from ipclue.models import Company, Judgment, Record, Rejection, Trademark
from ipclue.settings import Settings
from ipclue.spark.parquet import items_of
from ipclue.synth import generate
from tests.integration.test_bulk import Snapshot, _open, bulk_instance, snapshot  # noqa: F401  (the fixture)

CHUNK = 300
SHARED = 30  # companies registered at one virtual office (above the generic cut-off)


def _planted(records: list[Record]) -> list[Record]:
    """The records with ``SHARED`` companies at one address, phone and email (generic identifiers)
    and every trademark filed via one agency (a generic agent)."""
    out, shared = [], 0
    for r in records:
        if isinstance(r, Trademark):
            r = r.model_copy(update={"agency": "中华商标代理总公司"})
        if isinstance(r, Company) and shared < SHARED:
            shared += 1
            r = r.model_copy(update={"address": "北京市朝阳区建国路88号SOHO现代城1号楼101室",
                                     "phone": "010-65991234", "email": "office@vo-example.cn"})  # fmt: skip
        out.append(r)
    assert shared == SHARED
    return out


def _loaded(
    settings: Settings, server: ManagedNeo4j, records: list[Record], csv: Path, precomputed: bool
) -> tuple[BulkReport, Snapshot]:
    server.destroy()  # empty
    report = bulk_load_records(settings, records, csv_dir=csv, batch_size=CHUNK, server=server,
                               precomputed=precomputed)  # fmt: skip
    graph = _open(server)
    try:
        return report, snapshot(graph)
    finally:
        graph.close()


def _count(snap: Snapshot, rtype: str, prop: str | None = None) -> int:
    return sum(
        n for (t, _s, _e, props), n in snap[1].items() if t == rtype and (prop is None or prop in props)
    )


def test_derive_steps_written_by_the_bulk_load_equal_the_servers(
    bulk_instance: tuple[Settings, ManagedNeo4j],  # noqa: F811  (the imported fixture)
    tmp_path: Path,
) -> None:
    settings, server = bulk_instance
    generate(tmp_path / "corpus", 1000, 11, "bench")
    # the documents before the registers (as `ipclue ingest judgments/ registry/` reads them): the
    # organisations named in judgments get name uids first, and derive's party_uscc step has work
    walked = [r for r in items_of([tmp_path / "corpus"], workers=1) if not isinstance(r, Rejection)]
    records = _planted(sorted(walked, key=lambda r: not isinstance(r, Judgment)))
    ahead, got = _loaded(settings, server, records, tmp_path / "csv1", precomputed=True)
    server_side, expected = _loaded(settings, server, records, tmp_path / "csv2", precomputed=False)
    # the derive steps ran on the server in one load only
    steps = {"mention_keys", "party_uscc", "generic", "branch_of"}
    assert steps <= set(server_side.derive_seconds) and not steps & set(ahead.derive_seconds)
    assert ahead.derived == server_side.derived
    derived = ahead.derived
    assert derived["party_uscc"] > 0 and derived["branch_of"] > 0 and derived["group_merged"] > 0
    assert derived["generic_address"] == derived["generic_phone"] == derived["generic_email"] == 1
    assert derived["generic_agent"] > 0
    nodes = {label: Counter() for label in ("Party", "Address", "Phone", "Email")}
    for (labels, _key), props in got[0].items():
        for prop in ("generic", "degree", "generic_agent", "client_degree", "uscc"):
            if labels[0] in nodes and prop in props:
                nodes[labels[0]][prop] += 1
    assert nodes["Address"]["degree"] == sum(1 for k in got[0] if k[0] == ("Address",))  # every one
    assert nodes["Party"]["generic_agent"] > 0 and nodes["Party"]["uscc"] > derived["party_uscc"]
    assert _count(got, "BRANCH_OF", "derived") == _count(expected, "BRANCH_OF", "derived") > 0
    assert _count(got, "LINKED") == _count(expected, "LINKED") > 0
    assert _count(got, "POSSIBLY_SAME") == _count(expected, "POSSIBLY_SAME")
    assert got[0] == expected[0]  # every node's properties
    assert got[1] == expected[1]  # every relationship, its end points and properties
