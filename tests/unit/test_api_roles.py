"""A route that is missing from the role matrix is refused to everyone (and the denial audited)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi import APIRouter
from fastapi.testclient import TestClient

from ipclue.api import create_app
from ipclue.api.config import ApiSettings, parse_keys
from ipclue.api.roles import MATRIX, PREFIX
from ipclue.api.routing import ApiRoute

KEY = "unit-admin-key-0123456789"


def test_a_route_without_a_matrix_line_is_refused_even_to_admins(tmp_path: Path) -> None:
    app = create_app(settings=ApiSettings(home=tmp_path), keys=parse_keys(f"{KEY}:admin:root"))
    router = APIRouter(route_class=ApiRoute)
    router.add_api_route("/forgotten", lambda: {"secret": 1}, methods=["GET"])
    app.include_router(router, prefix=PREFIX)
    app.router.routes.insert(0, app.router.routes.pop())  # ahead of the static mount
    r = TestClient(app).get(f"{PREFIX}/forgotten", headers={"X-API-Key": KEY})
    assert r.status_code == 403 and "role matrix" in r.json()["detail"]
    lines = (tmp_path / "audit" / "api-audit.jsonl").read_text(encoding="utf-8").splitlines()
    denial = json.loads(lines[-1])
    assert denial["action"] == "denied" and denial["status"] == 403 and denial["actor"] == "root"


def test_readme_lists_the_matrix() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for line, roles in MATRIX.items():
        first = roles[0] if roles else "public"  # the lowest role admitted
        assert re.search(rf"\| `{re.escape(line)}` \| {first}", readme), line
