"""The detection API's data shapes (pydantic): catalog, hits, run reports, flags and reviews.

These are what ``ipclue.detect`` returns to the CLI and the API service; they serialise to
JSON as they are (``model_dump(mode="json")``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ipclue.detect.paramcheck import kind_of, problem
from ipclue.detect.render import check_template

Severity = Literal["low", "medium", "high"]
Family = Literal[
    "false_litigation",
    "serial_infringement",
    "penalty_transfer",
    "trademark_squatting",
    "invalidated_right",
    "bulk_enforcement",
    "sentencing_review",  # 刑事裁判量刑审查 (附加刑遗漏, 缓刑, 量刑幅度)
    "case_filing_supervision",  # 立案监督 (另案处理人员未追诉)
    "other",
]
Analytics = Literal["none", "components"]
Prepare = Literal["none", "similar_marks"]
Status = Literal["new", "reviewing", "confirmed", "dismissed", "referred"]
SubjectLabel = Literal["Party", "Case", "Trademark", "Patent", "Penalty"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


ParamType = Literal["number", "int", "bool", "list", "map", "string", "date"]


class ParamSpec(_Strict):
    """One detector parameter. ``law`` + effective dates mark a threshold that comes from law;
    params sharing a ``group`` are alternative dated sets the engine passes as ``$<group>``.
    ``type`` (inferred from the default when absent), ``min`` / ``max`` and ``choices`` (the values
    a scalar, or each item of a list, may take) are what a run checks an override against."""

    default: Any
    doc_zh: str | None = Field(default=None, description="the meaning in Chinese (shown first)")
    doc: str
    type: ParamType | None = None
    min: float | None = None
    max: float | None = None
    choices: list[Any] | None = None
    law: str | None = None
    effective_from: date | None = None
    effective_to: date | None = None
    group: str | None = None
    unverified: bool = False

    @model_validator(mode="after")
    def _typed(self) -> ParamSpec:
        if self.type is None:
            self.type = infer_type(self.default)
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        if why := self.check(self.default):
            raise ValueError(f"the default does not fit the declared parameter: {why}")
        return self

    def check(self, value: Any) -> str | None:
        """Why ``value`` does not fit this parameter (type, bounds, choices); None if it does."""
        return problem(
            self.type or infer_type(self.default),
            value,
            default=self.default,
            low=self.min,
            high=self.max,
            choices=self.choices,
        )


def infer_type(value: Any) -> ParamType:
    """A parameter's type read from its default: number / int / bool / list / map / string."""
    kind = kind_of(value)
    return cast(ParamType, kind if kind in ("number", "int", "bool", "list", "map") else "string")


class DetectorHeader(_Strict):
    """The YAML header of a detector file."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    title: str = Field(pattern=r"^.+ / .+$")
    family: Family
    severity: Severity
    version: int = Field(ge=1)
    legal_basis: str = Field(min_length=4)
    description: str = Field(min_length=4)
    params: dict[str, ParamSpec] = Field(default_factory=dict)
    analytics: Analytics = "none"
    prepare: Prepare = "none"
    reason_zh: str | None = Field(
        default=None, description="Jinja2 template over the row's facts (detect/render.py)"
    )
    reason_en: str | None = None

    @model_validator(mode="after")
    def _templates_compile(self) -> DetectorHeader:
        for lang, text in (("zh", self.reason_zh), ("en", self.reason_en)):
            if text is not None:
                check_template(text, lang)
        if self.reason_en is not None and self.reason_zh is None:
            raise ValueError("reason_en needs reason_zh (the Chinese wording is the reference)")
        return self


class Detector(BaseModel):
    """A validated detector: header, query text and the file it came from."""

    header: DetectorHeader
    query: str
    path: str

    @property
    def id(self) -> str:
        return self.header.id


class CatalogError(BaseModel):
    """A detector file that was refused, and why."""

    path: str
    error: str


class Catalog(BaseModel):
    detectors: list[Detector] = Field(default_factory=list)
    errors: list[CatalogError] = Field(default_factory=list)

    def get(self, detector_id: str) -> Detector | None:
        return next((d for d in self.detectors if d.id == detector_id), None)


class Subject(_Strict):
    """A node a flag is about, by its stable key (Party.uid, Case.case_no, Trademark.reg_no …)."""

    label: SubjectLabel
    key: str


class Hit(BaseModel):
    """One row a detector returned (after analytics), normalised."""

    detector: str
    subjects: list[Subject]
    evidence: list[dict[str, Any]]
    score: float = Field(ge=0.0, le=1.0)
    reason: str
    reason_en: str | None = None
    facts: dict[str, Any] = Field(default_factory=dict, description="what the reason was rendered from")
    fingerprint: str
    flag_id: str


class DetectorRun(BaseModel):
    """What one detector did in a run."""

    detector: str
    version: int
    hits: int = 0
    created: int = 0
    updated: int = 0
    seconds: float = 0.0
    params: dict[str, Any] = Field(default_factory=dict)
    error: str | None = None
    results: list[Hit] = Field(default_factory=list)


class RunReport(BaseModel):
    run_id: str
    dry_run: bool
    started_at: datetime
    seconds: float = 0.0
    detectors: list[DetectorRun] = Field(default_factory=list)
    catalog_errors: list[CatalogError] = Field(default_factory=list)

    @property
    def hits(self) -> int:
        return sum(d.hits for d in self.detectors)


class Review(BaseModel):
    at: datetime
    by: str
    status: Status
    note: str


class FlagSummary(BaseModel):
    id: str
    detector: str
    detector_version: int
    family: str
    severity: Severity
    score: float
    status: Status
    reason: str
    reason_en: str | None = None
    subjects: list[Subject]
    created_at: datetime
    updated_at: datetime
    run_id: str


class FlagPage(BaseModel):
    items: list[FlagSummary]
    next_cursor: str | None = None


class FlagDetail(FlagSummary):
    fingerprint: str
    evidence: list[dict[str, Any]]
    facts: dict[str, Any] = Field(default_factory=dict)
    params: dict[str, Any]
    reviews: list[Review] = Field(default_factory=list)
    stale: bool = Field(default=False, description="a merge or split changed a party it relies on")
    dependency_summary: str = Field(default="", description="线索依赖：weak links and possible matches used")
    dependencies: list[dict[str, Any]] = Field(
        default_factory=list,
        description="resolution decisions it relies on (weakest links, possible matches)",
    )
    title: str | None = None
    legal_basis: str | None = None


# Allowed review transitions (new → reviewing → confirmed | dismissed → referred).
TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"reviewing", "confirmed", "dismissed"}),
    "reviewing": frozenset({"confirmed", "dismissed", "new"}),
    "confirmed": frozenset({"referred", "reviewing", "dismissed"}),
    "dismissed": frozenset({"reviewing", "confirmed"}),
    "referred": frozenset({"reviewing"}),
}
