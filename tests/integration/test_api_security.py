# ruff: noqa: F811  (pytest fixtures imported from test_api_support are redefined as parameters)
"""Keys, roles on every route, masking for consumers, the audit log, problem+json and request ids."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tests.integration.test_api_support import (  # noqa: F401
    MOBILE,
    PERSON_ADDRESS,
    PERSON_BIRTH,
    PERSON_ID,
    auth,
    client,
    uid_of,
)

SECRETS = (PERSON_ID, PERSON_BIRTH, MOBILE, PERSON_ADDRESS, "075588880001", "0755-88880001")


def _person(client: TestClient) -> str:
    return uid_of(client, "王建国")


def _reads(client: TestClient) -> list[str]:
    person, shop = _person(client), uid_of(client, "杭州星河商行有限公司")
    return [
        f"/api/v1/parties/{person}",
        f"/api/v1/parties/{shop}",
        f"/api/v1/parties/{person}/graph?depth=2",
        f"/api/v1/parties/{shop}/graph?depth=2",
        "/api/v1/parties?q=王建国",
        "/api/v1/cases/" + quote("(2023)粤0305刑初77号", safe=""),
        f"/api/v1/paths?a={person}&b={shop}",
        f"/api/v1/parties/{uid_of(client, '深圳市星河电子有限公司')}",
    ]


def test_investigator_sees_what_the_source_shows(client: TestClient) -> None:
    person = client.get(f"/api/v1/parties/{_person(client)}", headers=auth("investigator")).json()
    text = json.dumps(person, ensure_ascii=False)
    assert PERSON_ID in text and PERSON_BIRTH in text and PERSON_ADDRESS in text


def test_consumer_never_receives_personal_data(client: TestClient) -> None:
    for url in _reads(client):
        r = client.get(url, headers=auth("consumer"))
        assert r.status_code == 200, (url, r.text)
        text = r.text
        for secret in SECRETS:
            assert secret not in text, (url, secret)
    company = client.get(_reads(client)[-1], headers=auth("consumer")).json()
    assert company["identifiers"]["addresses"] == ["深圳市南山区科技园一路1号"]  # an org's address is public
    assert company["uscc"]


def test_missing_and_unknown_keys_are_401(client: TestClient) -> None:
    r = client.get("/api/v1/me")
    assert r.status_code == 401 and r.headers["content-type"].startswith("application/problem+json")
    assert client.get("/api/v1/me", headers={"X-API-Key": "nope-nope-nope-nope"}).status_code == 401
    bearer = {"Authorization": "Bearer " + auth("consumer")["X-API-Key"]}
    assert client.get("/api/v1/me", headers=bearer).json()["role"] == "consumer"


@pytest.mark.parametrize(
    ("role", "status"), [("consumer", 403), ("investigator", 403), ("supervisor", 200), ("admin", 200)]
)
def test_audit_needs_supervisor(client: TestClient, role: str, status: int) -> None:
    assert client.get("/api/v1/audit", headers=auth(role)).status_code == status


def test_sources_are_for_investigators(client: TestClient) -> None:
    url = "/api/v1/sources/" + "0" * 64
    assert client.get(url, headers=auth("consumer")).status_code == 403
    assert client.get(url, headers=auth("investigator")).status_code == 404


def test_consumer_cannot_write(client: TestClient) -> None:
    r = client.post("/api/v1/flags/flg-x/review", json={"status": "reviewing"}, headers=auth("consumer"))
    assert r.status_code == 403
    r = client.post("/api/v1/jobs", files={"files": ("a.jsonl", b"{}")}, headers=auth("consumer"))
    assert r.status_code == 403


def test_every_route_checks_a_role(client: TestClient) -> None:
    open_routes = {"/api/v1/health", "/api/v1/openapi.json", "/api/v1/docs", "/api/v1/docs/oauth2-redirect"}
    for route in client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, APIRoute) and route.path not in open_routes:
            names = {d.call.__name__ for d in route.dependant.dependencies if d.call}
            assert "check" in names, route.path


def test_audit_records_reads_of_persons_with_request_id(client: TestClient) -> None:
    person = _person(client)
    r = client.get(f"/api/v1/parties/{person}", headers={**auth("consumer"), "X-Request-ID": "req-42"})
    assert r.headers["x-request-id"] == "req-42"
    items = client.get("/api/v1/audit", params={"actor": "consumer-user"}, headers=auth("supervisor")).json()[
        "items"
    ]
    entry = next(e for e in items if e["subject"] == person)
    assert entry["action"] == "read-party" and entry["detail"]["kind"] == "person"
    assert entry["request_id"] == "req-42" and entry["role"] == "consumer" and entry["at"]
    assert (
        client.get("/api/v1/audit", params={"since": "2999-01-01T00:00:00"}, headers=auth("admin")).json()[
            "items"
        ]
        == []
    )


def test_bad_request_id_is_replaced(client: TestClient) -> None:
    r = client.get("/api/v1/health", headers={"X-Request-ID": "bad id\twith spaces"})
    assert r.headers["x-request-id"] != "bad id\twith spaces" and len(r.headers["x-request-id"]) == 32


def test_validation_errors_are_problems(client: TestClient) -> None:
    r = client.get("/api/v1/parties/bad uid!", headers=auth("investigator"))
    assert r.status_code == 422
    body = r.json()
    assert body["title"] == "Invalid input" and body["errors"] and body["instance"]
    assert client.get("/api/v1/nowhere", headers=auth("admin")).status_code == 404


def test_query_timeout_is_a_problem(client: TestClient) -> None:
    from ipclue.graph.db import Graph

    g = client.app.state.graph  # type: ignore[attr-defined]
    client.app.state.graph = Graph(g.driver, g.database, timeout=0.001)  # type: ignore[attr-defined]
    try:
        r = client.get("/api/v1/stats", headers=auth("investigator"))
    finally:
        client.app.state.graph = g  # type: ignore[attr-defined]
    assert r.status_code in (200, 504), r.text  # 200 when the tiny query beat the limit
    assert r.headers["content-type"].startswith("application/problem+json") or r.status_code == 200
