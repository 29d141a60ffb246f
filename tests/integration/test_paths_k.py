"""Several shortest paths between two parties, every intermediate node drawn, each hop with a sentence."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.integration.test_api import GALAXY, STAR
from tests.integration.test_api_support import auth, client, uid_of  # noqa: F401

H = auth("investigator")


def test_k_paths_show_the_linking_records(client: TestClient) -> None:  # noqa: F811
    a, b = uid_of(client, STAR), uid_of(client, GALAXY)
    r = client.get("/api/v1/paths", params={"a": a, "b": b, "max_hops": 4, "k": 5}, headers=H)
    assert r.status_code == 200, r.text
    paths = r.json()["paths"]
    assert 2 <= len(paths) <= 5
    chains = [tuple(n["id"] for n in p["nodes"]) for p in paths]
    assert len(set(chains)) == len(chains), "each path is a distinct chain of nodes"
    assert [len(p["hops"]) for p in paths] == sorted(len(p["hops"]) for p in paths), "shortest first"
    middle = {n["label"] for p in paths for n in p["nodes"][1:-1]}
    assert middle & {"Case", "Phone", "Address"}, f"the linking records are drawn: {middle}"
    for p in paths:
        names = {n["id"]: n["name"] for n in p["nodes"]}
        for hop in p["hops"]:
            assert hop["type"] != "LINKED" and "LINKED" not in hop["types"]
            assert names[hop["from"]] in hop["sentence"] and names[hop["to"]] in hop["sentence"]
            assert hop["evidence"]["source"]["sha256"]
    one = client.get("/api/v1/paths", params={"a": a, "b": b, "max_hops": 4, "k": 1}, headers=H).json()
    assert one["paths"] == paths[:1]
    assert client.get("/api/v1/paths", params={"a": a, "b": b, "k": 6}, headers=H).status_code == 422
