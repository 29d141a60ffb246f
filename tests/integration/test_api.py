# ruff: noqa: F811  (pytest fixtures imported from test_api_support are redefined as parameters)
"""Every read endpoint against the real Neo4j with the sample loaded through the Loader."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from tests.integration.test_api_support import auth, client, uid_of  # noqa: F401

H = auth("investigator")
STAR, GALAXY = "深圳市星河电子有限公司", "深圳市银河贸易有限公司"


def test_health_needs_no_key_and_reports_neo4j(client: TestClient) -> None:
    r = client.get("/api/v1/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["neo4j_version"].startswith("5.")
    assert r.headers["x-request-id"]


def test_me(client: TestClient) -> None:
    assert client.get("/api/v1/me", headers=H).json() == {"name": "investigator-user", "role": "investigator"}


def test_search_tolerates_variants_and_ranks(client: TestClient) -> None:
    for q in (STAR, "深圳市星河电子有限责任公司", "深圳市星河电子", "星河电子"):
        items = client.get("/api/v1/parties", params={"q": q}, headers=H).json()["items"]
        assert items and items[0]["name"] == STAR, (q, items)
    exact = client.get("/api/v1/parties", params={"q": STAR}, headers=H).json()["items"][0]
    assert exact["score"] >= 50 and exact["uscc"]


def test_search_by_uscc_full_width(client: TestClient) -> None:
    uscc = client.get("/api/v1/parties", params={"q": STAR}, headers=H).json()["items"][0]["uscc"]
    wide = "".join(chr(ord(c) + 0xFEE0) for c in uscc)
    items = client.get("/api/v1/parties", params={"q": wide}, headers=H).json()["items"]
    assert items[0]["uscc"] == uscc and items[0]["score"] == 100


def test_search_validates_and_escapes(client: TestClient) -> None:
    assert client.get("/api/v1/parties", params={"q": ""}, headers=H).status_code == 422
    assert client.get("/api/v1/parties", params={"q": "x", "limit": 999}, headers=H).status_code == 422
    r = client.get("/api/v1/parties", params={"q": 'a"(b)*:[c]/\\ AND OR'}, headers=H)
    assert r.status_code == 200


def test_profile(client: TestClient) -> None:
    uid = uid_of(client, STAR)
    p = client.get(f"/api/v1/parties/{uid}", headers=H).json()
    assert p["uid"] == uid and p["kind"] == "org"
    assert p["identifiers"]["phones"] == ["075588880001"]
    assert p["cases"][0]["case_no"] == "(2021)粤0305民初1001号" and p["cases"][0]["role"] == "plaintiff"
    assert p["trademarks"][0]["reg_no"] == "30000001"
    m = p["mentions"][0]
    assert m["source"]["sha256"] and m["rule"] and m["evidence"]


def test_profile_unknown_is_problem(client: TestClient) -> None:
    r = client.get("/api/v1/parties/org-nope", headers=H)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["status"] == 404 and r.json()["request_id"]


def test_neighbourhood_depth_and_types(client: TestClient) -> None:
    uid = uid_of(client, STAR)
    g1 = client.get(f"/api/v1/parties/{uid}/graph", params={"depth": 1}, headers=H).json()
    labels = {n["label"] for n in g1["nodes"]}
    assert {"Party", "Case", "Trademark", "Address", "Phone"} <= labels
    ids = {n["id"] for n in g1["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in g1["edges"])
    assert all("sources" not in e["props"] for e in g1["edges"])
    assert any(e["props"]["n_sources"] >= 1 for e in g1["edges"])
    g2 = client.get(f"/api/v1/parties/{uid}/graph", params={"depth": 2}, headers=H).json()
    assert len(g2["nodes"]) > len(g1["nodes"])
    assert len({n["id"] for n in g2["nodes"]}) == len(g2["nodes"]) and all(n["label"] for n in g2["nodes"])
    assert {n["id"]: n for n in g1["nodes"]}.items() <= {n["id"]: n for n in g2["nodes"]}.items()
    only = client.get(f"/api/v1/parties/{uid}/graph", params={"depth": 2, "types": "LEGAL_REP_OF"}, headers=H)
    assert {e["type"] for e in only.json()["edges"]} == {"LEGAL_REP_OF"}
    assert client.get(f"/api/v1/parties/{uid}/graph", params={"depth": 4}, headers=H).status_code == 422
    bad = client.get(f"/api/v1/parties/{uid}/graph", params={"types": "NOPE"}, headers=H)
    assert bad.status_code == 422


def test_neighbourhood_caps_dense_nodes(graph, tmp_path, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    from tests.integration.test_api_support import make_client

    uid = uid_of(client, STAR)
    app_client = make_client(graph, tmp_path)
    app_client.app.state.settings.dense_cap = 2  # type: ignore[attr-defined]
    with app_client as c:
        g = c.get(f"/api/v1/parties/{uid}/graph", params={"depth": 1}, headers=H).json()
    assert g["collapsed"] and g["collapsed"][0]["omitted"] > 0
    assert len(g["nodes"]) == 3


def test_neighbourhood_date_window(client: TestClient) -> None:
    uid = uid_of(client, STAR)
    g = client.get(f"/api/v1/parties/{uid}/graph", params={"until": "2020-01-01"}, headers=H).json()
    assert "Case" not in {n["label"] for n in g["nodes"]}


def test_paths_with_evidence(client: TestClient) -> None:
    a, b = uid_of(client, STAR), uid_of(client, GALAXY)
    r = client.get("/api/v1/paths", params={"a": a, "b": b, "max_hops": 2}, headers=H).json()
    assert r["paths"]
    for path in r["paths"]:
        assert path["nodes"][0]["key"] == a and path["nodes"][-1]["key"] == b
        assert len(path["hops"]) <= 2
        assert all(h["evidence"]["source"]["sha256"] for h in path["hops"])
    assert client.get("/api/v1/paths", params={"a": a, "b": a}, headers=H).status_code == 422
    assert client.get("/api/v1/paths", params={"a": a, "b": b, "max_hops": 5}, headers=H).status_code == 422
    assert client.get("/api/v1/paths", params={"a": a, "b": "org-none"}, headers=H).status_code == 404
    missing_a = client.get("/api/v1/paths", params={"a": "org-none", "b": b}, headers=H)
    assert missing_a.status_code == 404 and "org-none" in missing_a.json()["detail"]


def test_paths_skip_generic_identifiers(graph, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    graph.write("MATCH (n:Address) SET n.generic = true")
    graph.write("MATCH (n:Case) SET n.generic = true")
    a, b = uid_of(client, STAR), uid_of(client, GALAXY)
    r = client.get("/api/v1/paths", params={"a": a, "b": b, "max_hops": 2}, headers=H).json()
    for path in r["paths"]:
        assert not any(n["label"] in {"Address", "Case"} for n in path["nodes"])


def test_records(client: TestClient) -> None:
    case = client.get("/api/v1/cases/" + quote("（2021）粤0305民初1001号", safe=""), headers=H)
    assert case.status_code == 200, case.text
    body = case.json()
    assert body["record"]["court"] == "深圳市南山区人民法院"
    assert {p["role"] for p in body["parties"]} == {"plaintiff", "defendant"}
    assert body["sources"][0]["sha256"]
    tm = client.get("/api/v1/trademarks/30000001", headers=H).json()
    assert tm["record"]["mark"] == "星河" and {p["relation"] for p in tm["parties"]} >= {"APPLIED_FOR"}
    pen = client.get("/api/v1/penalties/" + quote("深市监罚〔2022〕88号", safe=""), headers=H).json()
    assert pen["record"]["fine"] == 160000.0 and pen["parties"][0]["name"] == GALAXY
    assert client.get("/api/v1/patents/ZL2019", headers=H).status_code == 404


def test_copyright_on_profile_record_page_and_graph(graph, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from ipclue.graph.load import Loader
    from ipclue.models import Copyright, SourceRef

    work = Copyright(
        reg_no="国作登字-2020-F-00000001", kind="work", title="星河图形", category="美术", owners=[STAR],
        registered_on=date(2020, 6, 1), source=SourceRef(path="sample/works.json", sha256="d" * 64, line=1),
    )  # fmt: skip
    assert not Loader(graph).load([work]).rejections
    star = uid_of(client, STAR)
    profile = client.get(f"/api/v1/parties/{star}", headers=H).json()
    assert [c["reg_no"] for c in profile["copyrights"]] == ["国作登字-2020-F-00000001"]
    assert profile["trademarks"]  # the same party as before: the owner resolved to the trademark applicant
    page = client.get("/api/v1/copyrights/" + quote("国作登字-2020-F-00000001", safe=""), headers=H).json()
    assert page["record"]["title"] == "星河图形" and page["parties"][0]["uid"] == star
    nodes = client.get(f"/api/v1/parties/{star}/graph?depth=1", headers=H).json()["nodes"]
    assert any(n["label"] == "Copyright" and n["name"] == "星河图形" for n in nodes)
    assert client.get("/api/v1/stats", headers=auth("supervisor")).json()["totals"]["copyrights"] == 1


def test_source_text_is_verified_against_its_hash(graph, client: TestClient, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    text = "判决书：被告人王建国……"
    f = tmp_path / "doc.txt"
    f.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(f.read_bytes()).hexdigest()
    graph.write("CREATE (:Source {sha256: $sha, path: $path})", sha=sha, path=str(f))
    r = client.get(f"/api/v1/sources/{sha}", headers=H).json()
    assert r["text"] == text and r["text_status"] == "ok"
    f.write_text("changed", encoding="utf-8")
    assert client.get(f"/api/v1/sources/{sha}", headers=H).json()["text_status"] == "changed"


def test_source_spans(client: TestClient) -> None:
    sha = hashlib_of("judgment-77.txt")
    r = client.get(f"/api/v1/sources/{sha}", headers=H)
    assert r.status_code == 200
    labels = {s["label"] for s in r.json()["spans"]}
    assert "accused" in labels and "section:facts" in labels
    assert r.json()["text_status"] == "missing"


def hashlib_of(name: str) -> str:
    import hashlib

    return hashlib.sha256(name.encode()).hexdigest()


def test_stats(client: TestClient) -> None:
    s = client.get("/api/v1/stats", headers=H).json()
    assert s["totals"]["parties"] > 3 and s["totals"]["cases"] == 2
    assert set(s) >= {"flags_by_detector", "flags_by_status", "flags_by_month", "flags_by_region"}
