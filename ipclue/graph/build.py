"""Records + resolution links → rows for each load statement (``cypher/load/<step>.cypher``).

Every row carries ``src`` (the source sha256) for provenance and ``where`` (path:line) so a
row the database refuses can be reported against its input.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ipclue.graph.mentions import Mention
from ipclue.graph.resolution.orgs import analyse
from ipclue.graph.resolve import Link, org_key
from ipclue.models import (
    Company,
    Copyright,
    Judgment,
    Patent,
    Penalty,
    Record,
    SourceRef,
    TextMention,
    Trademark,
)
from ipclue.normalize import (
    address_is_specific,
    clean,
    normalize_address,
    normalize_copyright_no,
    normalize_email,
    normalize_patent_no,
    normalize_phone,
    normalize_reg_no,
)

Row = dict[str, Any]

# The order in which steps are written: nodes before the relationships that match them.
STEPS: tuple[str, ...] = (
    "source",
    "party",
    "mention",
    "case",
    "trademark",
    "patent",
    "copyright",
    "penalty",
    "address",
    "phone",
    "email",
    "party_to",
    "sentence",
    "represented_by",
    "legal_rep_of",
    "shareholder_of",
    "officer_of",
    "member_of",
    "branch_of",
    "applied_for_trademark",
    "owns_trademark",
    "assigned_trademark",
    "filed_via_trademark",
    "applied_for_patent",
    "inventor_of",
    "filed_via_patent",
    "owns_copyright",
    "penalised_in",
    "mentioned_in",
    "concerns_trademark",
    "concerns_patent",
    "appeal_of",
    "located_at",
    "has_phone",
    "has_email",
)


class RowSet:
    """Rows per step for one batch, with parties aggregated by uid."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = defaultdict(list)
        self._parties: dict[str, Row] = {}
        self._src: SourceRef | None = None
        self._where = ""

    def add(self, step: str, src: SourceRef, **fields: Any) -> None:
        if src is not self._src:  # a record's rows come together: its place is written once
            self._src, self._where = src, f"{src.path}:{src.line}" if src.line else src.path
        self.rows[step].append({"src": src.sha256, "where": self._where, **fields})

    def party(self, m: Mention, link: Link, name_key: str, anonymised: bool) -> None:
        row = self._parties.get(link.party_uid)
        if row is None:
            row = {
                "uid": link.party_uid,
                "kind": m.kind,
                "name": m.name,
                "name_key": name_key,
                "uscc": None,
                "anonymised": anonymised,
                "names": [],
                "srcs": [],
                "where": m.id,
            }
            self._parties[link.party_uid] = row
        if m.name not in row["names"]:
            row["names"].append(m.name)
        if m.source not in row["srcs"]:
            row["srcs"].append(m.source)
        if link.rule == "org:uscc":
            row["uscc"] = link.party_uid.removeprefix("org-")

    def by_step(self) -> list[tuple[str, list[Row]]]:
        self.rows["party"] = list(self._parties.values())
        unique = {r["id"]: r for r in self.rows["mention"]}  # a record given twice
        self.rows["mention"] = list(unique.values())
        return [(step, self.rows[step]) for step in STEPS if self.rows.get(step)]


def _name_key(m: Mention) -> str:
    return org_key(m.name) if m.kind == "org" else clean(m.name)


def build_rows(records: Sequence[Record], mentions: Sequence[Mention], links: dict[str, Link]) -> RowSet:
    """All rows for a batch of records whose mentions were resolved to ``links``."""
    rs = RowSet()
    by_source: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
    mention_rows = rs.rows["mention"]
    for m in mentions:
        link = links[m.id]
        name_key, anonymised = _name_key(m), m.anonymised
        rs.party(m, link, name_key, anonymised)
        mention_rows.append(_mention_row(m, link, name_key, anonymised))
        by_source[(m.source, _line_of(m))][m.slot] = link.party_uid
    seen_sources: set[str] = set()
    for rec in records:
        src: SourceRef = rec.source  # type: ignore[attr-defined]
        if src.sha256 not in seen_sources:
            seen_sources.add(src.sha256)
            rs.add("source", src, sha256=src.sha256, path=src.path, kind=src.kind)
        uids = by_source[(src.sha256, src.line or 0)]
        _BUILDERS[type(rec)](rs, rec, uids)
    return rs


def _line_of(m: Mention) -> int:
    return int(m.id.split(":", 2)[1])


def _mention_row(m: Mention, link: Link, name_key: str, anonymised: bool) -> Row:
    keys = analyse(m.name) if m.kind == "org" else None  # blocking keys, stored with the mention
    return {
        "id": m.id,
        "src": m.source,
        "where": m.id,
        "uid": link.party_uid,
        "rule": link.rule,
        "score": link.score,
        "evidence": link.evidence,
        "props": {
            "name": m.name,
            "name_key": name_key,
            "kind": m.kind,
            "context": m.context,
            "slot": m.slot,
            "role": m.role,
            "uscc": m.uscc,
            "address": m.address,
            "birth_date": m.birth_date,
            "id_fragment": m.id_fragment,
            "organization": m.organization,
            "span_start": m.span[0] if m.span else None,
            "span_end": m.span[1] if m.span else None,
            "anonymised": anonymised,
            "block_variant": keys.variant if keys else None,
            "block_pinyin": keys.pinyin if keys else None,
        },
    }


def _judgment(rs: RowSet, j: Judgment, uids: dict[str, str]) -> None:
    s = j.source
    a = j.amounts
    props = {
        "case_no_raw": j.case_no_raw,
        "court": j.court,
        "division": j.division,
        "doc_type": j.doc_type,
        "instance": j.instance,
        "cause": j.cause,
        "decided_on": j.decided_on,
        "filed_on": j.filed_on,
        "outcome": j.outcome,
        "absent_defendant": j.absent_defendant,
        "claimed": a.claimed,
        "awarded": a.awarded,
        "illegal_revenue": a.illegal_revenue,
        "illegal_gain": a.illegal_gain,
        "sales_amount": a.sales_amount,
        "fine": a.fine,
        "charges": j.charges,
        "sentence": j.sentence,
        "n_parties": len(j.parties),
        **_finding_props(j),
        "sections": json.dumps(j.sections, ensure_ascii=False),
        "short_names": json.dumps(j.short_names, ensure_ascii=False),
        "source": s.sha256,
        "path": s.path,
        "stub": False,
    }
    props.update(_criminal_props(j))
    rs.add("case", s, key=j.case_no, props=props)
    _sentences(rs, j, uids)
    for i, p in enumerate(j.parties):
        uid = uids[f"party:{i}"]
        rs.add("party_to", s, uid=uid, key=j.case_no, role=p.role, role_text=p.role_text)
        if p.legal_representative:
            rs.add("legal_rep_of", s, uid=uids[f"party:{i}:lr"], to=uid, title=p.legal_representative_title)
        if f"party:{i}:trade" in uids:  # a sole trader named by its operator: 经营者 of the 字号
            rs.add("legal_rep_of", s, uid=uid, to=uids[f"party:{i}:trade"], title="经营者")
        if p.address:
            _identifier(rs, s, uid, "Address", normalize_address(p.address))
        for k, _agent in enumerate(p.agents):
            agent_uid = uids[f"party:{i}:agent:{k}"]
            rs.add("represented_by", s, uid=uid, to=agent_uid, case_no=j.case_no)
            if f"party:{i}:agent:{k}:org" in uids:
                rs.add("member_of", s, uid=agent_uid, to=uids[f"party:{i}:agent:{k}:org"])
    for no in j.trademark_numbers:
        rs.add("concerns_trademark", s, label="Case", key=j.case_no, target=normalize_reg_no(no))
    for no in j.patent_numbers:
        rs.add("concerns_patent", s, label="Case", key=j.case_no, target=normalize_patent_no(no))
    for prior in j.prior_case_nos:
        if prior != j.case_no:
            rs.add("appeal_of", s, key=j.case_no, target=prior)
    _mentioned_in(rs, s, "Case", j.case_no, j.mentioned_orgs, uids)


def _finding_props(j: Judgment) -> dict[str, Any]:
    """Civil findings as Case properties: the counterfeiting paragraph, amounts as parallel lists."""
    fake = next((f for f in j.findings if f.kind == "counterfeit"), None)
    amounts = [f for f in j.findings if f.value is not None]
    return {
        "counterfeit_span": list(fake.span) if fake else None,
        "counterfeit_quote": fake.quote if fake else None,
        "criminal_recited": any(f.kind == "criminal_case" for f in j.findings),
        "fact_kinds": [f.kind for f in amounts],
        "fact_values": [f.value for f in amounts],
        "fact_starts": [f.span[0] for f in amounts],
        "fact_ends": [f.span[1] for f in amounts],
        "fact_quotes": [f.quote for f in amounts],
    }


_SERIES_RE = re.compile(r"^\((?:19|20)\d{2}\)(.+?)(?:第)?\d+号$")


def case_series(case_no: str) -> str | None:
    """The case-number series (court code and kind, no year or number): (2016)粤0304刑初12号 → 粤0304刑初."""
    m = _SERIES_RE.match(case_no)
    return m.group(1) if m else None


def _criminal_props(j: Judgment) -> Row:
    """Case properties of a criminal judgment: found amounts (with offsets as JSON), period, co-offenders."""
    if j.division != "criminal":
        return {}
    goods = [a.value for a in j.crime_amounts if a.kind == "goods_value"]
    return {
        "goods_value": max(goods) if goods else None,
        "marks_count": j.marks_count,
        "offence_from": j.offence_from,
        "offence_to": j.offence_to,
        "case_series": case_series(j.case_no),
        "crime_amounts": json.dumps([a.model_dump() for a in j.crime_amounts], ensure_ascii=False),
        "co_names": [c.name for c in j.co_offenders],
        "co_status": [c.status for c in j.co_offenders],
        "co_anonymised": [c.anonymised for c in j.co_offenders],
        "co_spans": [f"{c.span[0]}-{c.span[1]}" for c in j.co_offenders],
    }


def _sentences(rs: RowSet, j: Judgment, uids: dict[str, str]) -> None:
    """Per-defendant findings onto the defendant's PARTY_TO edge (charge, penalty, fine, mitigation)."""
    for d in j.defendants:
        i = next(
            (k for k, p in enumerate(j.parties) if p.name == d.name and p.role.startswith("accused")), None
        )
        if i is None or f"party:{i}" not in uids:
            continue
        props = {
            "charge": d.charge,
            "charge_inferred": d.charge_inferred,
            "prison_months": d.prison_months,
            "detention_months": d.detention_months,
            "probation_months": d.probation_months,
            "fine": d.fine,
            "exempt": d.exempt,
            "combined": d.combined,
            "sentenced": d.sentence_span is not None,
            "sentence_start": d.sentence_span[0] if d.sentence_span else None,
            "sentence_end": d.sentence_span[1] if d.sentence_span else None,
            # none found: no property (an empty list is what neo4j-admin import cannot write)
            "mitigation": [m.kind for m in d.mitigation] or None,
            "mitigation_spans": [f"{m.span[0]}-{m.span[1]}" for m in d.mitigation] or None,
        }
        rs.add(
            "sentence", j.source, uid=uids[f"party:{i}"], key=j.case_no, role=j.parties[i].role, props=props
        )


def _trademark(rs: RowSet, t: Trademark, uids: dict[str, str]) -> None:
    s = t.source
    reg = normalize_reg_no(t.reg_no)
    props = {
        "mark": t.mark,
        "classes": t.classes,
        "goods": t.goods,
        "filed_on": t.filed_on,
        "registered_on": t.registered_on,
        "status": t.status,
        "invalidated_on": t.invalidated_on,
        "applicant_name": t.applicant,
        "n_transfers": len(t.transfers),
        "stub": False,
    }
    rs.add("trademark", s, key=reg, props=props)
    rs.add("applied_for_trademark", s, uid=uids["applicant"], key=reg, on=t.filed_on)
    rs.add("owns_trademark", s, uid=uids.get("owner", uids["applicant"]), key=reg)
    for k, tr in enumerate(t.transfers):
        rs.add("assigned_trademark", s, uid=uids[f"transfer:{k}"], key=reg, on=tr.on)
    if "agency" in uids:
        rs.add("filed_via_trademark", s, uid=uids["agency"], key=reg)
    if t.applicant_address:
        _identifier(rs, s, uids["applicant"], "Address", normalize_address(t.applicant_address))


def _patent(rs: RowSet, p: Patent, uids: dict[str, str]) -> None:
    s = p.source
    number = normalize_patent_no(p.number)
    props = {
        "title": p.title,
        "kind": p.kind,
        "filed_on": p.filed_on,
        "granted_on": p.granted_on,
        "status": p.status,
        "invalidated_on": p.invalidated_on,
        "stub": False,
    }
    rs.add("patent", s, key=number, props=props)
    for k in range(len(p.applicants)):
        rs.add("applied_for_patent", s, uid=uids[f"applicant:{k}"], key=number, on=p.filed_on)
    for k in range(len(p.inventors)):
        rs.add("inventor_of", s, uid=uids[f"inventor:{k}"], key=number)
    if "agency" in uids:
        rs.add("filed_via_patent", s, uid=uids["agency"], key=number)


def _copyright(rs: RowSet, c: Copyright, uids: dict[str, str]) -> None:
    s = c.source
    key = normalize_copyright_no(c.reg_no)
    props = {
        "kind": c.kind,
        "title": c.title,
        "short_name": c.short_name,
        "category": c.category,
        "version": c.version,
        "finished_on": c.finished_on,
        "published_on": c.published_on,
        "registered_on": c.registered_on,
    }
    rs.add("copyright", s, key=key, props=props)
    for k in range(len(c.owners)):
        rs.add("owns_copyright", s, uid=uids[f"owner:{k}"], key=key, on=c.registered_on)


def _penalty(rs: RowSet, p: Penalty, uids: dict[str, str]) -> None:
    s = p.source
    props = {
        "authority": p.authority,
        "decided_on": p.decided_on,
        "violation": p.violation,
        "illegal_revenue": p.illegal_revenue,
        "illegal_gain": p.illegal_gain,
        "sales_amount": p.sales_amount,
        "fine": p.fine,
        "confiscated": p.confiscated,
        "transferred_to_police": p.transferred_to_police,
        "party_name": p.party,
        "uscc": p.uscc,
        "n_marks": len(p.marks),
        "sections": json.dumps(p.sections, ensure_ascii=False),
        "source": s.sha256,
        "path": s.path,
        "stub": False,
    }
    key = clean(p.decision_no)
    rs.add("penalty", s, key=key, props=props)
    rs.add("penalised_in", s, uid=uids["party"], key=key)
    if "party:lr" in uids:
        rs.add("legal_rep_of", s, uid=uids["party:lr"], to=uids["party"], title=None)
    for no in p.marks:
        rs.add("concerns_trademark", s, label="Penalty", key=key, target=normalize_reg_no(no))
    for no in p.patents:
        rs.add("concerns_patent", s, label="Penalty", key=key, target=normalize_patent_no(no))
    if p.address:
        _identifier(rs, s, uids["party"], "Address", normalize_address(p.address))
    _mentioned_in(rs, s, "Penalty", key, p.mentioned_orgs, uids)


def _mentioned_in(rs: RowSet, s: SourceRef, label: str, key: str, orgs: Sequence[TextMention],
                  uids: dict[str, str]) -> None:  # fmt: skip
    """(:Party)-[:MENTIONED_IN {section, span}]->(:Case|:Penalty) for each org named in the body."""
    for k, t in enumerate(orgs):
        uid = uids.get(f"text_org:{k}")
        if uid is not None:
            rs.add("mentioned_in", s, uid=uid, label=label, key=key, section=t.section,
                   span_start=t.span[0], span_end=t.span[1])  # fmt: skip


def _company(rs: RowSet, c: Company, uids: dict[str, str]) -> None:
    s = c.source
    me = uids["self"]
    if "lr" in uids:
        rs.add("legal_rep_of", s, uid=uids["lr"], to=me, title="法定代表人")
    for k, sh in enumerate(c.shareholders):
        rs.add("shareholder_of", s, uid=uids[f"shareholder:{k}"], to=me, pct=sh.pct)
    for k, off in enumerate(c.officers):
        rs.add("officer_of", s, uid=uids[f"officer:{k}"], to=me, title=off.title)
    if "parent" in uids:
        rs.add("branch_of", s, uid=me, to=uids["parent"])
    if c.address:
        _identifier(rs, s, me, "Address", normalize_address(c.address))
    if c.phone:
        _identifier(rs, s, me, "Phone", normalize_phone(c.phone))
    if c.email:
        _identifier(rs, s, me, "Email", normalize_email(c.email))


_IDENT_STEP = {"Address": "located_at", "Phone": "has_phone", "Email": "has_email"}


def _identifier(rs: RowSet, s: SourceRef, uid: str, label: str, value: str) -> None:
    if not value or (label == "Address" and not address_is_specific(value)):
        return  # a region-only address ties unrelated parties together; the mention keeps the text
    rs.add(label.lower(), s, value=value)
    rs.add(_IDENT_STEP[label], s, uid=uid, value=value)


_BUILDERS: dict[type, Any] = {
    Judgment: _judgment,
    Trademark: _trademark,
    Patent: _patent,
    Copyright: _copyright,
    Penalty: _penalty,
    Company: _company,
}
