"""The bulk load's group pass, planned from the folded tables while the importer runs, is the plan
the server-side group pass makes on the imported graph after derive's earlier steps (generic
identifiers, derived branches): the same merges, the same POSSIBLY_SAME pairs with score, rule and
evidence, the same place names."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ipclue.dbms.managed import ManagedNeo4j
from ipclue.graph.bulk import create_schema, fold_records, run_import, set_empty_lists
from ipclue.graph.bulk_csv import kept_relationships, write_csvs
from ipclue.graph.bulk_fold import Tables
from ipclue.graph.bulk_groups import holds, people_of, plan_from_tables
from ipclue.graph.resolution import GraphResolver
from ipclue.graph.resolution.corroborate import read_org_links, read_people
from ipclue.graph.resolution.derive import branches, mention_keys, party_uscc
from ipclue.graph.resolution.generic import mark_agents, mark_identifiers
from ipclue.graph.resolution.group_scope import known_places
from ipclue.graph.resolution.groups import Thresholds, plan
from ipclue.models import Record, Rejection
from ipclue.settings import Settings
from ipclue.spark.parquet import items_of
from ipclue.synth import generate
from tests.integration.test_bulk import _open, bulk_instance  # noqa: F401  (the fixture)

CHUNK = 200


def _imported(settings: Settings, server: ManagedNeo4j, records: list[Record], tmp: Path) -> Tables:
    """Fold as the bulk load does (resolving against the empty server), import, schema."""
    graph = _open(server)
    try:
        resolver = GraphResolver(graph)
        tables = fold_records(Tables(datetime.now(UTC)), records, CHUNK, lambda _m: None, resolver)
    finally:
        graph.close()
    files = write_csvs(tables, tmp)
    server.stop()
    run_import(server, settings, files, tmp)
    graph = _open(server)
    try:
        create_schema(graph)
        set_empty_lists(graph, files)
    finally:
        graph.close()
    return tables


def test_the_plan_from_the_tables_is_the_servers_plan(
    bulk_instance: tuple[Settings, ManagedNeo4j],  # noqa: F811  (the imported fixture)
    tmp_path: Path,
) -> None:
    settings, managed = bulk_instance
    managed.destroy()  # empty (another module's tests may have loaded into it)
    generate(tmp_path / "corpus", 600, 7, "bench")  # plants same-name people across group companies
    records = [r for r in items_of([tmp_path / "corpus"], workers=1) if not isinstance(r, Rejection)]
    tables = _imported(settings, managed, records, tmp_path / "csv")
    th = Thresholds()
    planned = plan_from_tables(tables, th, kept=kept_relationships(tables))
    graph = _open(managed)
    try:  # derive's steps before the group pass, then the group pass's own reads and plan
        mention_keys(graph), party_uscc(graph), mark_identifiers(graph), mark_agents(graph), branches(graph)
        names = read_people(graph)
        orgs = sorted({r.org for ps, _ in names.values() for p in ps for r in p.roles})
        links = read_org_links(graph, orgs)
        places, _ = known_places(graph, None)
        expected = plan(names, links, th, (), places)
        assert holds(graph, planned)
    finally:
        graph.close()
    assert len(expected.merges) > 3 and len(expected.possible) > 3  # the corpus exercises both outcomes
    suits = {p.uid: p.suits for ps, _ in names.values() for p in ps}
    assert any(suits.values())  # and litigants' cases, which both readers must read alike
    assert {
        p.uid: p.suits for ps, _ in people_of(tables, kept_relationships(tables)).values() for p in ps
    } == suits
    assert planned.branches  # and derived branches, which the tables must predict
    assert planned.plan.merges == expected.merges
    assert planned.plan.possible == expected.possible
    assert planned.places == places
    assert planned.people == sum(len(ps) for ps, _ in names.values())
