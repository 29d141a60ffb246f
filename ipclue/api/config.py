"""API settings (prefix ``IPCLUE_``) and the API-key table they describe."""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from ipclue.errors import ConfigError
from ipclue.settings import PLACEHOLDER_SECRETS, get_settings

Role = Literal["investigator", "supervisor", "consumer", "admin"]
ROLES: tuple[Role, ...] = ("investigator", "supervisor", "consumer", "admin")
MIN_KEY_LENGTH = 16


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: a name for the audit log and a role for the checks."""

    name: str
    role: Role


class ApiSettings(BaseSettings):
    """Limits and keys of the HTTP service. ``api_keys``: JSON or ``key:role:name,…``."""

    model_config = SettingsConfigDict(env_prefix="IPCLUE_", extra="ignore")

    api_keys: SecretStr | None = None
    query_timeout_s: float = Field(default=5.0, gt=0, le=60)
    max_page: int = Field(default=200, ge=1, le=1000)
    max_graph_nodes: int = Field(default=300, ge=10, le=2000)
    dense_cap: int = Field(default=25, ge=1, le=500)
    max_upload_bytes: int = Field(default=50_000_000, ge=1)
    max_request_target: int = Field(default=8192, ge=256, description="request line path + query, bytes")
    max_header_bytes: int = Field(default=8192, ge=256, description="one header (name + value), bytes")
    max_headers_bytes: int = Field(default=32768, ge=1024, description="all headers together, bytes")
    job_retention_days: float = Field(default=7.0, gt=0, description="job folders older than this are pruned")
    audit_path: Path | None = None
    home: Path = Field(default_factory=lambda: get_settings().home)

    def audit_file(self) -> Path:
        return self.audit_path or self.home / "audit" / "api-audit.jsonl"


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def parse_keys(raw: str) -> dict[str, Principal]:
    """``key:role:name,…`` or JSON (``[{key, role, name}]`` or ``{key: {role, name}}``) → digest table."""
    text = raw.strip()
    entries = _json_entries(text) if text[:1] in "[{" else _colon_entries(text)
    table: dict[str, Principal] = {}
    for key, role, name in entries:
        _check_key(key, role)
        table[key_digest(key)] = Principal(name=name or role, role=role)  # type: ignore[arg-type]
    if not table:
        raise ConfigError("IPCLUE_API_KEYS is set but lists no key")
    return table


def _json_entries(text: str) -> list[tuple[str, str, str]]:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"IPCLUE_API_KEYS is not valid JSON: {exc.msg}") from exc
    if isinstance(data, dict):
        data = [{"key": k, **(v if isinstance(v, dict) else {"role": v})} for k, v in data.items()]
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise ConfigError("IPCLUE_API_KEYS JSON must be a list of {key, role, name} or a mapping")
    return [(str(e.get("key", "")), str(e.get("role", "")), str(e.get("name", ""))) for e in data]


def _colon_entries(text: str) -> list[tuple[str, str, str]]:
    out = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        key, _, rest = item.partition(":")
        role, _, name = rest.partition(":")
        out.append((key.strip(), role.strip(), name.strip()))
    return out


def _check_key(key: str, role: str) -> None:
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r} in IPCLUE_API_KEYS (roles: {', '.join(ROLES)})")
    if key.strip().lower() in PLACEHOLDER_SECRETS or len(key) < MIN_KEY_LENGTH:
        raise ConfigError(f"an API key for role {role!r} is a placeholder or shorter than {MIN_KEY_LENGTH}")


def generate_keys() -> dict[Role, str]:
    """One random key per role, for a service started with none configured."""
    return {role: secrets.token_urlsafe(24) for role in ROLES}


def keys_from(generated: dict[Role, str]) -> dict[str, Principal]:
    return {key_digest(k): Principal(name=f"generated-{role}", role=role) for role, k in generated.items()}


def configured_keys(settings: ApiSettings) -> dict[str, Principal] | None:
    raw = settings.api_keys.get_secret_value() if settings.api_keys else ""
    return parse_keys(raw) if raw.strip() else None


@lru_cache(maxsize=1)
def get_api_settings() -> ApiSettings:
    return ApiSettings()
