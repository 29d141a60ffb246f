"""The bulk load's group-pass reads made from the folded tables (pure): generic identifiers link
nobody, a hub organisation with more chain links than the fan-out joins no two-hop chain."""

from __future__ import annotations

from datetime import UTC, datetime

from ipclue.graph.bulk_csv import kept_relationships
from ipclue.graph.bulk_derive import generic_identifiers
from ipclue.graph.bulk_fold import Tables
from ipclue.graph.bulk_groups import org_links
from ipclue.graph.resolution.generic import DEFAULT_RULE
from ipclue.graph.resolution.groups import OrgLink


def _org(t: Tables, uid: str) -> str:
    t.nodes["Party"][uid] = {"uid": uid, "kind": "org", "name": f"{uid}有限公司"}
    return uid


def _at(t: Tables, uid: str, address: str) -> None:
    t.nodes["Address"].setdefault(address, {"value": address})
    t.rels[("LOCATED_AT", "Party", "Address")][(uid, address, None)] = {"sources": ["s"]}


def test_an_address_shared_beyond_the_cut_off_is_generic_and_links_nobody() -> None:
    t = Tables(datetime.now(UTC))
    orgs = [_org(t, f"org-{i}") for i in range(6)]
    for uid in orgs:  # six parties at one address: above the floor of 5
        _at(t, uid, "某市某路1号")
    for uid in orgs[:2]:
        _at(t, uid, "某市某路2号")
    kept = kept_relationships(t)
    generic = generic_identifiers(t, kept, DEFAULT_RULE)
    assert generic == {("Address", "某市某路1号")}
    links = org_links(t.nodes["Party"], kept, set(), generic, orgs)
    assert dict(links) == {frozenset(orgs[:2]): [OrgLink("shared_address", "某市某路2号")]}


def test_a_hub_above_the_fan_out_joins_no_two_hop_chain() -> None:
    for spokes, linked in ((50, True), (51, False)):
        t = Tables(datetime.now(UTC))
        hub = _org(t, "hub")
        for i in range(spokes):
            t.rels[("BRANCH_OF", "Party", "Party")][(_org(t, f"b-{i:02}"), hub, None)] = {"sources": ["s"]}
        links = org_links(t.nodes["Party"], kept_relationships(t), set(), set(), ["b-00", "b-01"])
        assert (frozenset(("b-00", "b-01")) in links) is linked
