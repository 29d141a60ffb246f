"""Shared fixtures for the API tests: the app on the real Neo4j with data loaded, one key per role."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ipclue.api import create_app
from ipclue.api.config import ApiSettings, parse_keys
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.models import Company, Judgment, PartyMention, Record, SourceRef
from ipclue.sample import sample_records

KEYS = {
    role: f"test-{role}-key-0123456789abcdef" for role in ("investigator", "supervisor", "consumer", "admin")
}
PERSON_ID = "110101198005061234"
PERSON_BIRTH = "1980-05-06"
PERSON_ADDRESS = "浙江省杭州市西湖区文三路100号"
MOBILE = "13912345678"


def _src(name: str, line: int | None = None) -> SourceRef:
    return SourceRef(path=f"sample/{name}", sha256=hashlib.sha256(name.encode()).hexdigest(), line=line)


def personal_records() -> list[Record]:
    """A criminal case naming a person with an ID number, birth date and address; a company with a mobile."""
    accused = PartyMention(
        name="王建国",
        role="accused",
        role_text="被告人",
        kind="person",
        birth_date=date(1980, 5, 6),
        id_fragment=PERSON_ID,
        address=PERSON_ADDRESS,
        span=(10, 13),
    )
    unit = PartyMention(
        name="深圳市银河贸易有限公司",
        role="accused_unit",
        role_text="被告单位",
        kind="org",
        legal_representative="王建国",
    )
    case = Judgment(
        case_no="(2023)粤0305刑初77号",
        case_no_raw="（2023）粤0305刑初77号",
        court="深圳市南山区人民法院",
        division="criminal",
        cause="假冒注册商标罪",
        decided_on=date(2023, 3, 1),
        outcome="convicted",
        parties=[accused, unit],
        trademark_numbers=["30000001"],
        sections={"facts": (20, 40)},
        source=_src("judgment-77.txt"),
    )
    shop = Company(
        name="杭州星河商行有限公司",
        phone=MOBILE,
        address="杭州市西湖区文三路200号",
        legal_representative="王建国",
        source=_src("companies-2.jsonl", 1),
    )
    return [case, shop]


def load_data(graph: Graph) -> None:
    report = Loader(graph).load([*sample_records(), *personal_records()])
    assert not report.rejections, report.rejections


def make_client(graph: Graph, tmp_path: Path) -> TestClient:
    settings = ApiSettings(home=tmp_path, audit_path=tmp_path / "audit.jsonl", query_timeout_s=10.0)
    raw = ",".join(f"{key}:{role}:{role}-user" for role, key in KEYS.items())
    app = create_app(graph=graph, settings=settings, keys=parse_keys(raw))
    return TestClient(app, raise_server_exceptions=False)


def auth(role: str) -> dict[str, str]:
    return {"X-API-Key": KEYS[role]}


@pytest.fixture()
def client(graph: Graph, tmp_path: Path) -> Iterator[TestClient]:
    load_data(graph)
    with make_client(graph, tmp_path) as c:
        yield c


def uid_of(client: TestClient, name: str) -> str:
    r = client.get("/api/v1/parties", params={"q": name}, headers=auth("investigator"))
    assert r.status_code == 200, r.text
    return str(r.json()["items"][0]["uid"])


def run_detection(graph: Graph) -> int:
    from ipclue.detect import run_detectors

    return run_detectors(graph).hits
