import pytest
from pydantic import ValidationError

from ipclue.settings import Settings


@pytest.mark.parametrize("placeholder", ["neo4j", "password", "changeme", ""])
def test_placeholder_passwords_are_refused(monkeypatch: pytest.MonkeyPatch, placeholder: str) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", placeholder)
    with pytest.raises(ValidationError, match="placeholder"):
        Settings()


def test_plain_neo4j_names_and_prefixed_names_both_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    monkeypatch.setenv("IPCLUE_NEO4J_PASSWORD", "a-real-secret-42")
    s = Settings()
    assert s.neo4j_uri == "bolt://db.example:7687"
    assert s.neo4j_password is not None and s.neo4j_password.get_secret_value() == "a-real-secret-42"


def test_the_managed_server_gc_is_parallel_or_g1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPCLUE_GC", "g1")
    assert Settings().gc == "g1"
    monkeypatch.setenv("IPCLUE_GC", "zgc")
    with pytest.raises(ValidationError):
        Settings()
