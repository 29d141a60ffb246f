"""What a report holds, independent of its format: one section per flag, gathered once, rendered twice."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

Kind = Literal["review", "referral"]
TITLES: dict[str, str] = {"review": "线索审查报告", "referral": "线索移送函"}


class PartyLine(BaseModel):
    """A party the flag is about, as the reader may see it."""

    uid: str
    name: str
    kind: str | None = None
    uscc: str | None = None


class EvidenceRow(BaseModel):
    """One evidence item as a labelled row: what it is, its key (names, not uids), and its details."""

    what: str
    key: str
    date: str | None = None
    detail: str = ""


class Quote(BaseModel):
    """A paragraph of a source document, with where it comes from (case number, character offsets)."""

    document: str
    record: str | None = None
    section: str
    start: int
    end: int
    text: str


class Resolution(BaseModel):
    """How a mention was resolved to a party (the entity-resolution decision the flag relies on)."""

    party: str
    mention: str
    role: str | None = None
    rule: str | None = None
    score: float | None = None
    document: str | None = None


class ReviewLine(BaseModel):
    at: str
    by: str
    status: str
    note: str


class FlagSection(BaseModel):
    """Everything the report says about one flag."""

    id: str
    title: str
    detector: str
    version: int
    legal_basis: str
    severity: str
    score: float
    status: str
    reason: str
    parties: list[PartyLine] = Field(default_factory=list)
    evidence: list[EvidenceRow] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    resolutions: list[Resolution] = Field(default_factory=list)
    reviews: list[ReviewLine] = Field(default_factory=list)
    graph: dict[str, Any] = Field(default_factory=dict)


class Report(BaseModel):
    """A 线索审查报告 or 线索移送函 over one or more flags."""

    kind: Kind
    generated_at: datetime
    generated_by: str
    role: str
    masked: bool
    flags: list[FlagSection]

    @property
    def title(self) -> str:
        return TITLES[self.kind]
