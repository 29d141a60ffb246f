"""法定代表人 / 股东 / 高管 of a party and its ownership trees (股权穿透), from registry records."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.models import Company, Officer, Shareholder, SourceRef
from tests.integration.test_api_support import auth, make_client, uid_of

H = auth("investigator")


def _src(name: str) -> SourceRef:
    return SourceRef(path=f"reg/{name}", sha256=hashlib.sha256(name.encode()).hexdigest(), line=1)


@pytest.fixture()
def registry(graph: Graph, tmp_path: Path) -> Iterator[TestClient]:
    holding = Company(
        name="浙江远航控股有限公司",
        uscc="91330100MA2AAAAA01",
        legal_representative="林志远",
        shareholders=[Shareholder(name="林志远", kind="person", pct=80.0)],
        source=_src("a.jsonl"),
    )
    trading = Company(
        name="杭州远航贸易有限公司",
        uscc="91330100MA2BBBBB02",
        legal_representative="林志远",
        shareholders=[Shareholder(name="浙江远航控股有限公司", pct=60.0, uscc="91330100MA2AAAAA01")],
        officers=[Officer(name="陈晓", title="监事")],
        source=_src("b.jsonl"),
    )
    shop = Company(
        name="杭州远航商行有限公司",
        uscc="91330100MA2CCCCC03",
        shareholders=[Shareholder(name="杭州远航贸易有限公司", pct=50.0, uscc="91330100MA2BBBBB02")],
        source=_src("c.jsonl"),
    )
    report = Loader(graph).load([holding, trading, shop])
    assert not report.rejections, report.rejections
    with make_client(graph, tmp_path) as client:
        yield client


def test_control_lists_both_ways(registry: TestClient) -> None:
    uid = uid_of(registry, "杭州远航贸易有限公司")
    body = registry.get(f"/api/v1/parties/{uid}/control", headers=H).json()
    assert [x["name"] for x in body["legal_reps"]] == ["林志远"]
    assert [(x["name"], x["pct"]) for x in body["shareholders"]] == [("浙江远航控股有限公司", 60.0)]
    assert [(x["name"], x["title"]) for x in body["officers"]] == [("陈晓", "监事")]
    assert [(x["name"], x["pct"]) for x in body["holdings"]] == [("杭州远航商行有限公司", 50.0)]
    person = registry.get(f"/api/v1/parties/{body['legal_reps'][0]['uid']}/control", headers=H).json()
    # a person named in two registrations stays two people unless something else ties them (no merge by name)
    assert "杭州远航贸易有限公司" in {x["name"] for x in person["represents"]}
    assert registry.get("/api/v1/parties/org-none/control", headers=H).status_code == 404


def test_ownership_trees_chain_the_shares(registry: TestClient) -> None:
    shop = uid_of(registry, "杭州远航商行有限公司")
    up = registry.get(f"/api/v1/parties/{shop}/control", headers=H).json()["ownership"]["up"]
    assert [(n["name"], n["pct"], n["through"]) for n in up] == [("杭州远航贸易有限公司", 50.0, 50.0)]
    second = up[0]["children"]
    assert [(n["name"], n["through"]) for n in second] == [("浙江远航控股有限公司", 30.0)]
    assert [(n["name"], n["through"]) for n in second[0]["children"]] == [("林志远", 24.0)]
    holding = uid_of(registry, "浙江远航控股有限公司")
    down = registry.get(f"/api/v1/parties/{holding}/control", headers=H).json()["ownership"]["down"]
    assert [(n["name"], n["through"]) for n in down] == [("杭州远航贸易有限公司", 60.0)]
    assert [(n["name"], n["through"]) for n in down[0]["children"]] == [("杭州远航商行有限公司", 30.0)]
