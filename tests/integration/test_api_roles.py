# ruff: noqa: F811  (pytest fixtures imported from test_api_support are redefined as parameters)
"""The role matrix over every route × role: the matrix admits exactly its roles, every route has a line."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute

from ipclue.api.roles import MATRIX, PREFIX, PUBLIC, entry
from ipclue.api.routing import ApiRoute
from tests.integration.test_api_support import auth, client  # noqa: F401

ROLES = ("consumer", "investigator", "supervisor", "admin")
SAMPLE = {
    "uid": "per-x0",
    "flag_id": "flg-x",
    "detector_id": "linked-opponents",
    "job_id": "job-0000000000000000",
    "sha256": "0" * 64,
}


def _api_routes(client: TestClient) -> list[tuple[BaseRoute, str, set[str]]]:
    """(route, full path, methods) of every route under the API prefix, included routers walked."""
    contexts = iter_route_contexts(client.app.routes)  # type: ignore[attr-defined]
    out = [(c.original_route, c.path or "", c.methods or set()) for c in contexts]
    found = [r for r in out if r[1].startswith(PREFIX) and isinstance(r[0], APIRoute)]
    assert len(found) >= 20, "the route walk found too few routes"
    return found


def _url(path: str) -> str:
    return re.sub(r"\{(\w+)(?::path)?\}", lambda m: SAMPLE.get(m.group(1), "x"), path)


def test_every_route_has_a_line_and_every_line_a_route(client: TestClient) -> None:
    routes = _api_routes(client)
    lines = {entry(m, path, PREFIX) for _, path, methods in routes for m in methods}
    missing = sorted(lines - set(MATRIX))
    assert not missing, f"routes missing from ipclue/api/roles.py MATRIX: {missing}"
    assert not sorted(set(MATRIX) - lines), "matrix lines without a route"
    assert all(isinstance(r, ApiRoute) for r, _, _ in routes), "every API route must use ApiRoute"


def test_every_route_times_every_role(client: TestClient) -> None:
    for _, path, methods in _api_routes(client):
        for method in methods:
            allowed = MATRIX[entry(method, path, PREFIX)]
            url = _url(path)
            anonymous = client.request(method, url).status_code
            assert (anonymous not in (401, 403)) if allowed == PUBLIC else anonymous == 401, (method, url)
            for role in ROLES:
                status = client.request(method, url, headers=auth(role)).status_code
                admitted = allowed == PUBLIC or role in allowed
                assert (status not in (401, 403)) if admitted else status == 403, (method, url, role, status)


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("consumer", "/api/v1/parties?q=王建国"),
        ("consumer", "/api/v1/stats"),
        ("consumer", "/api/v1/parties/per-x0/risk"),
        ("investigator", "/api/v1/audit"),
        ("supervisor", "/api/v1/keys"),
    ],
)
def test_probes_of_the_review_are_refused(client: TestClient, role: str, url: str) -> None:
    assert client.get(url, headers=auth(role)).status_code == 403


def test_investigators_cannot_upload_review_or_dry_run(client: TestClient) -> None:
    who = auth("investigator")
    assert client.post("/api/v1/jobs", files={"files": ("a.jsonl", b"{}")}, headers=who).status_code == 403
    assert client.post("/api/v1/flags/flg-x/review", json={"status": "new"}, headers=who).status_code == 403
    assert client.post("/api/v1/detectors/linked-opponents/dry-run", json={}, headers=who).status_code == 403
