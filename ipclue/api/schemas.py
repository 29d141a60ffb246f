"""Response models of the API (snake_case JSON; the web app codes against these)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Out(BaseModel):
    model_config = ConfigDict(extra="allow")


class Health(Out):
    status: str
    neo4j_version: str | None = None


class Me(Out):
    name: str
    role: str


class PartyHit(Out):
    uid: str
    name: str | None = None
    kind: str | None = None
    uscc: str | None = None
    aliases: list[str] = []
    score: float
    flags: int = 0


class PartyHits(Out):
    items: list[PartyHit]


class SourceRefOut(Out):
    sha256: str | None = None
    path: str | None = None


class MentionOut(Out):
    id: str
    name: str | None = None
    kind: str | None = None
    context: str | None = None
    role: str | None = None
    source: SourceRefOut
    span: list[int] | None = None
    rule: str | None = None
    score: float | None = None
    evidence: str | None = None
    birth_date: str | None = None
    id_fragment: str | None = None
    address: str | None = None


class Identifiers(Out):
    addresses: list[str] = []
    phones: list[str] = []
    emails: list[str] = []


class FlagBrief(Out):
    id: str
    detector: str | None = None
    family: str | None = None
    severity: str | None = None
    score: float | None = None
    status: str | None = None
    reason: str | None = None


class Profile(Out):
    uid: str
    name: str | None = None
    kind: str | None = None
    uscc: str | None = None
    anonymised: bool | None = None
    aliases: list[str] = []
    identifiers: Identifiers
    mentions: list[MentionOut] = []
    cases: list[dict[str, Any]] = []
    trademarks: list[dict[str, Any]] = []
    patents: list[dict[str, Any]] = []
    copyrights: list[dict[str, Any]] = []
    penalties: list[dict[str, Any]] = []
    flags: list[FlagBrief] = []


class PossibleMatch(Out):
    uid: str
    name: str | None = None
    score: float
    rule: str
    evidence: str


class PossibleMatches(Out):
    uid: str
    items: list[PossibleMatch]


class QueuedMatch(Out):
    """One possible match in the review queue: both parties, score, rule, evidence."""

    a: str
    a_name: str | None = None
    b: str
    b_name: str | None = None
    score: float
    rule: str
    evidence: str


class PossibleQueue(Out):
    items: list[QueuedMatch]
    total: int = Field(description="possible matches matching the filter, in all pages")
    next_cursor: str | None = Field(None, description="pass as cursor for the next page; null on the last")


class Risk(Out):
    uid: str
    flags_by_severity: dict[str, int]
    score: float
    flags: list[FlagBrief] = []


class GraphNode(Out):
    id: str
    label: str
    key: str | None = None
    name: str | None = None
    kind: str | None = None
    risk: str | None = None
    generic: bool = False
    personal: bool = False


class GraphEdge(Out):
    id: str
    source: str
    target: str
    type: str
    props: dict[str, Any] = {}


class Collapsed(Out):
    node: str
    omitted: int


class Neighbourhood(Out):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    collapsed: list[Collapsed] = []
    truncated: bool = False


class Hop(Out):
    type: str
    from_: str = Field(alias="from")
    to: str
    props: dict[str, Any] = {}
    evidence: dict[str, Any] = {}

    model_config = ConfigDict(extra="allow", populate_by_name=True, serialize_by_alias=True)


class PathOut(Out):
    nodes: list[GraphNode]
    hops: list[Hop]


class Paths(Out):
    paths: list[PathOut]


class RecordOut(Out):
    """A case, trademark, patent or penalty with its related parties and sources."""

    record: dict[str, Any]
    parties: list[dict[str, Any]] = []
    sources: list[SourceRefOut] = []


class Span(Out):
    start: int
    end: int
    label: str
    mention_id: str | None = None


class SourceText(Out):
    sha256: str
    path: str | None = None
    text: str | None = None
    text_status: str
    spans: list[Span] = []


class FlagPage(Out):
    items: list[dict[str, Any]]
    next_cursor: str | None = None


class JudgementNote(BaseModel):
    """Why a reviewer confirms or rejects a possible match (stored with the judgement)."""

    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=4000)


class Review(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: str = Field(pattern=r"^(new|reviewing|confirmed|dismissed|referred)$")
    note: str = Field(default="", max_length=4000)


class DryRun(BaseModel):
    model_config = ConfigDict(extra="forbid")

    params: dict[str, Any] = Field(default_factory=dict, max_length=50)


class GoneFlag(Out):
    id: str
    status: str | None = None
    score: float | None = None
    reason: str | None = None
    reason_en: str | None = None


class Compared(Out):
    """A dry run against the flags stored for its detector (by flag id)."""

    new: list[str]
    unchanged: list[str]
    rescored: list[str] = []
    gone: list[GoneFlag]


class DryRunOut(Out):
    run_id: str
    dry_run: bool
    detectors: list[dict[str, Any]]
    hits: list[dict[str, Any]]
    compared: Compared


class Stats(Out):
    flags_by_detector: dict[str, int]
    flags_by_status: dict[str, int]
    flags_by_month: dict[str, int]
    flags_by_region: dict[str, int]
    totals: dict[str, int]


class JobCreated(Out):
    id: str


class JobOut(Out):
    id: str
    status: str
    progress: dict[str, Any] = {}
    report: dict[str, Any] | None = None
    error: str | None = None


class AuditPage(Out):
    items: list[dict[str, Any]]
