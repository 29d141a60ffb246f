"""The flag list and the flag export take the same filters, each its own query parameter in the OpenAPI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ipclue.api import create_app
from ipclue.api.config import ApiSettings, parse_keys
from ipclue.api.roles import PREFIX

FILTERS = ["detector", "family", "severity", "status", "party", "since", "until"]


def _parameters(tmp_path: Path, path: str) -> list[dict[str, Any]]:
    app = create_app(settings=ApiSettings(home=tmp_path), keys=parse_keys("unit-key-0123456789:admin:u"))
    params: list[dict[str, Any]] = app.openapi()["paths"][f"{PREFIX}{path}"]["get"]["parameters"]
    return params


def test_list_and_export_document_the_same_filters_in_order(tmp_path: Path) -> None:
    listed, exported = _parameters(tmp_path, "/flags"), _parameters(tmp_path, "/exports/flags")
    assert [p["name"] for p in listed] == [*FILTERS, "cursor", "limit"]
    assert [p["name"] for p in exported] == ["format", *FILTERS]
    assert listed[: len(FILTERS)] == exported[1:]
    assert all(p["in"] == "query" and p["required"] is False for p in exported)


def test_filter_parameters_keep_their_types_patterns_and_descriptions(tmp_path: Path) -> None:
    by_name = {p["name"]: p for p in _parameters(tmp_path, "/exports/flags")}
    assert by_name["detector"]["schema"]["anyOf"][0] == {"type": "string", "pattern": "^[a-z0-9_-]{1,63}$"}
    assert by_name["severity"]["schema"]["anyOf"][0]["enum"] == ["low", "medium", "high"]
    assert by_name["status"]["schema"]["anyOf"][0]["enum"][-1] == "referred"
    assert by_name["party"]["schema"]["anyOf"][0]["pattern"].startswith("^[A-Za-z0-9]")
    since = by_name["since"]
    assert since["schema"]["anyOf"][0] == {"type": "string", "format": "date-time"}
    assert since["description"] == "an ISO date-time (UTC when no offset is given)"
    assert all("default" not in p["schema"] for p in by_name.values() if p["name"] != "format")
