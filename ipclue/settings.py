"""Settings from the environment (prefix ``IPCLUE_``; the usual ``NEO4J_*`` names also work)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = frozenset({"", "neo4j", "password", "changeme", "change-me", "secret", "test", "admin"})
NEO4J_VERSION = "5.26.30"


def _env(name: str) -> AliasChoices:
    return AliasChoices(f"IPCLUE_{name}", name)


class Settings(BaseSettings):
    """Everything configurable. An external Neo4j wins over the managed local server."""

    model_config = SettingsConfigDict(env_prefix="IPCLUE_", extra="ignore", populate_by_name=True)

    neo4j_uri: str | None = Field(default=None, validation_alias=_env("NEO4J_URI"))
    neo4j_user: str = Field(default="neo4j", validation_alias=_env("NEO4J_USER"))
    neo4j_password: SecretStr | None = Field(default=None, validation_alias=_env("NEO4J_PASSWORD"))
    neo4j_database: str = Field(default="neo4j", validation_alias=_env("NEO4J_DATABASE"))
    home: Path = Field(default=Path.home() / ".cache" / "ipclue")
    neo4j_version: str = NEO4J_VERSION
    instance: str = "default"
    heap: str = "2g"
    gc: Literal["parallel", "g1"] = "parallel"
    pagecache: str = "512m"
    batch_size: int = Field(default=5000, ge=1, le=100_000)
    query_timeout_s: float = Field(default=20.0, gt=0)
    person_merge_threshold: float = Field(default=0.85, gt=0, le=1)
    person_review_threshold: float = Field(default=0.6, gt=0, le=1)
    gc_freeze: bool = True  # the resolver's session index frozen out of Python's cyclic collector

    @field_validator("neo4j_password")
    @classmethod
    def _no_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value().strip().lower() in PLACEHOLDER_SECRETS:
            raise ValueError("NEO4J_PASSWORD is a placeholder; set the real password")
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
