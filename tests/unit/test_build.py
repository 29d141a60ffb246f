"""The pure half of the loader: records → mentions → links → rows."""

from ipclue.graph.build import STEPS, build_rows
from ipclue.graph.mentions import mentions_of
from ipclue.graph.resolve import KeyResolver
from ipclue.sample import sample_records


def _rows() -> dict[str, list[dict[str, object]]]:
    records = sample_records()
    mentions = [m for r in records for m in mentions_of(r)]
    links = KeyResolver().resolve(mentions)
    return dict(build_rows(records, mentions, links).by_step())


def test_every_step_has_a_cypher_file() -> None:
    from ipclue.cypher import query

    for step in STEPS:
        assert "UNWIND $rows AS row" in query(f"load/{step}")


def test_orgs_with_a_valid_uscc_resolve_to_one_party_everywhere() -> None:
    rows = _rows()
    uscc_parties = [p for p in rows["party"] if p["uid"].startswith("org-9144")]
    assert len(uscc_parties) == 2  # 星河 and 银河, each seen in registry, judgment and penalty
    plaintiff = next(r for r in rows["party_to"] if r["role"] == "plaintiff")
    assert plaintiff["uid"] in {p["uid"] for p in uscc_parties}


def test_same_agent_on_both_sides_is_one_party() -> None:
    rows = _rows()
    agents = {r["to"] for r in rows["represented_by"]}
    assert len(agents) == 1


def test_every_row_carries_its_source_for_provenance() -> None:
    for step, rows in _rows().items():
        for row in rows:
            assert row.get("src") or row.get("srcs"), step


def test_a_region_only_address_makes_no_address_node() -> None:
    from ipclue.models import Company, SourceRef

    src = SourceRef(path="companies.jsonl", sha256="a" * 64, kind="company", line=1)
    coarse = Company(name="甲有限公司", address="福建省福州市仓山区", source=src)
    street = Company(
        name="乙有限公司", address="福州市仓山区金山大道618号", source=src.model_copy(update={"line": 2})
    )
    records = [coarse, street]
    mentions = [m for r in records for m in mentions_of(r)]
    rows = dict(build_rows(records, mentions, KeyResolver().resolve(mentions)).by_step())
    assert [r["value"] for r in rows["located_at"]] == ["福州市仓山区金山大道618号"]
