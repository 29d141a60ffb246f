"""The neighbourhood's assembly from ``graph_expand``'s positional rows (no server needed)."""

from __future__ import annotations

from typing import Any

from ipclue.api.neighbourhood import Expansion, list_node_out


def node(label: str, key: str, *, generic: bool = False, risk: list[str] | None = None) -> list[Any]:
    return [label, key, f"name of {key}", None, generic, risk or [], False]


def hit(rid: str, eid: str, projection: list[Any], *, outgoing: bool = True) -> list[Any]:
    return [rid, "PARTY_TO", outgoing, {"role": "plaintiff", "on": None}, 2, eid, projection]


def test_identifiers_get_an_opaque_id_and_parties_their_key() -> None:
    phone = list_node_out(["Phone", "13800000000", "13800000000", None, True, [], False])
    assert phone["id"].startswith("Phone:") and "13800000000" not in phone["id"]
    party = list_node_out(node("Party", "P1", risk=["low", "high", "medium"]))
    assert party["id"] == "Party:P1" and party["risk"] == "high" and party["generic"] is False


def test_nodes_are_added_once_and_generic_ones_are_not_expanded() -> None:
    found = Expansion(max_nodes=10)
    assert found.add_node("e0", node("Party", "P0"))
    assert not found.add_node("e0", node("Party", "P0"))
    assert not found.add_node("e1", node("Address", "somewhere", generic=True))
    assert [n["key"] for n in found.nodes] == ["P0", "somewhere"]


def test_edges_point_their_way_drop_empty_props_and_count_sources() -> None:
    found = Expansion(max_nodes=10)
    found.add_node("e0", node("Party", "P0"))
    found.add_node("e1", node("Case", "C1"))
    found.add_edge("e0", hit("r1", "e1", node("Case", "C1"), outgoing=False))
    found.add_edge("e1", hit("r1", "e0", node("Party", "P0")))
    [edge] = found.result()["edges"]
    assert (edge["source"], edge["target"]) == ("Case:C1", "Party:P0")
    assert edge["props"] == {"role": "plaintiff", "n_sources": 2}


def test_the_node_cap_truncates_and_drops_edges_to_nodes_left_out() -> None:
    found = Expansion(max_nodes=2)
    found.add_node("e0", node("Party", "P0"))
    found.add_node("e1", node("Party", "P1"))
    assert not found.add_node("e2", node("Party", "P2"))
    found.add_edge("e0", hit("r2", "e2", node("Party", "P2")))
    result = found.result()
    assert result["truncated"] and not result["edges"] and len(result["nodes"]) == 2
