"""Mentions: each party as written in one record, with the attributes resolution may use.

A mention id is stable for the same input (source sha256, line, slot), so re-ingesting a
file rewrites the same Mention nodes and the same REFERS_TO choices.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

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

ANONYMISED = re.compile(r"某|×|\*|＊|ｘ|X{2,}|\d$")
MASK_ONLY = re.compile(r"^[某×*＊ｘxX○〇…\s]+$")  # "＊＊": not even a surname is left


@dataclass(slots=True)
class Mention:
    """One name in one record. ``slot`` says where (``party:0``, ``party:0:agent:1`` …)."""

    id: str
    source: str  # sha256 of the source
    slot: str
    name: str
    kind: str  # org | person
    context: str  # judgment.party, judgment.agent, judgment.firm, judgment.text_org, trademark.applicant …
    role: str | None = None
    uscc: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    birth_date: date | None = None
    id_fragment: str | None = None
    organization: str | None = None  # agent's firm, legal rep's / officer's company (as written)
    span: tuple[int, int] | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def anonymised(self) -> bool:
        return self.kind == "person" and anonymised_name(self.name)

    @property
    def masked(self) -> bool:
        """A fully masked name says nothing: two of them are not the same person even in one record."""
        return bool(MASK_ONLY.match(self.name))

    @property
    def firm(self) -> str | None:
        """The law firm or service office of an agent (委托代理人); None for anyone else."""
        return self.organization if self.context.endswith("agent") else None


@lru_cache(maxsize=1 << 18)
def anonymised_name(name: str) -> bool:
    """Whether a person's name is anonymised (张某, 李某某, 王×, 邱**): cached, names recur and
    every stage asks."""
    return bool(ANONYMISED.search(name))


def mention_id(source: SourceRef, slot: str) -> str:
    return f"{source.sha256[:20]}:{source.line or 0}:{slot}"


def _m(src: SourceRef, slot: str, name: str, kind: str, context: str, **kw: object) -> Mention:
    return Mention(
        id=mention_id(src, slot),
        source=src.sha256,
        slot=slot,
        name=name.strip(),
        kind=kind,
        context=context,
        **kw,  # type: ignore[arg-type]
    )


def mentions_of(record: Record) -> list[Mention]:
    """All mentions a record makes, in a stable order."""
    match record:
        case Judgment():
            return list(_judgment(record))
        case Trademark():
            return list(_trademark(record))
        case Patent():
            return list(_patent(record))
        case Copyright():
            return list(_copyright(record))
        case Penalty():
            return list(_penalty(record))
        case Company():
            return list(_company(record))
    return []


def _judgment(j: Judgment) -> Iterator[Mention]:
    s = j.source
    for i, p in enumerate(j.parties):
        business = p.trade_name if p.kind == "person" else None
        yield _m(
            s,
            f"party:{i}",
            p.name,
            p.kind,
            "judgment.party",
            role=p.role,
            uscc=p.uscc,
            address=p.address,
            birth_date=p.birth_date,
            id_fragment=p.id_fragment,
            span=p.span,
            organization=business,
        )
        if business:  # 张三，系某某商行经营者: the 字号 is the business the operator is sued for
            yield _m(s, f"party:{i}:trade", business, "org", "judgment.trade_name")
        if p.legal_representative:
            yield _m(
                s,
                f"party:{i}:lr",
                p.legal_representative,
                "person",
                "judgment.legal_rep",
                organization=p.name if p.kind == "org" else p.trade_name,
            )
        for k, a in enumerate(p.agents):
            yield _m(
                s,
                f"party:{i}:agent:{k}",
                a.name,
                "person",
                "judgment.agent",
                organization=a.organization,
                span=a.span,
            )
            if a.organization:
                yield _m(s, f"party:{i}:agent:{k}:org", a.organization, "org", "judgment.firm")
    yield from _text_orgs(s, j.mentioned_orgs, "judgment.text_org")


def _trademark(t: Trademark) -> Iterator[Mention]:
    s = t.source
    yield _m(
        s,
        "applicant",
        t.applicant,
        _kind_of(t.applicant),
        "trademark.applicant",
        uscc=t.applicant_uscc,
        address=t.applicant_address,
    )
    if t.owner and t.owner != t.applicant:
        yield _m(s, "owner", t.owner, _kind_of(t.owner), "trademark.owner")
    for k, tr in enumerate(t.transfers):
        yield _m(s, f"transfer:{k}", tr.to, _kind_of(tr.to), "trademark.assignee")
    if t.agency:
        yield _m(s, "agency", t.agency, "org", "trademark.agency")


def _patent(p: Patent) -> Iterator[Mention]:
    s = p.source
    for k, name in enumerate(p.applicants):
        yield _m(s, f"applicant:{k}", name, _kind_of(name), "patent.applicant")
    for k, name in enumerate(p.inventors):
        yield _m(s, f"inventor:{k}", name, "person", "patent.inventor")
    if p.agency:
        yield _m(s, "agency", p.agency, "org", "patent.agency")


def _copyright(c: Copyright) -> Iterator[Mention]:
    for k, name in enumerate(c.owners):
        yield _m(c.source, f"owner:{k}", name, _kind_of(name), "copyright.owner")


def _penalty(p: Penalty) -> Iterator[Mention]:
    s = p.source
    yield _m(s, "party", p.party, p.party_kind, "penalty.party", uscc=p.uscc, address=p.address)
    if p.legal_representative:
        yield _m(s, "party:lr", p.legal_representative, "person", "penalty.legal_rep", organization=p.party)
    yield from _text_orgs(s, p.mentioned_orgs, "penalty.text_org")


def _text_orgs(s: SourceRef, orgs: list[TextMention], context: str) -> Iterator[Mention]:
    """Organisations named in the body (not parties): slot ``text_org:k``, span = character offsets."""
    for k, t in enumerate(orgs):
        yield _m(s, f"text_org:{k}", t.name, "org", context, span=t.span, extra={"section": t.section or ""})


def _company(c: Company) -> Iterator[Mention]:
    s = c.source
    yield _m(
        s, "self", c.name, "org", "company.self", uscc=c.uscc, address=c.address, phone=c.phone, email=c.email
    )
    for k, former in enumerate(c.former_names):
        yield _m(s, f"former:{k}", former, "org", "company.former_name", uscc=c.uscc)
    if c.legal_representative:
        yield _m(s, "lr", c.legal_representative, "person", "company.legal_rep", organization=c.name)
    for k, sh in enumerate(c.shareholders):
        yield _m(
            s, f"shareholder:{k}", sh.name, sh.kind, "company.shareholder", uscc=sh.uscc, organization=c.name
        )
    for k, off in enumerate(c.officers):
        yield _m(s, f"officer:{k}", off.name, "person", "company.officer", organization=c.name)
    if c.parent:
        yield _m(s, "parent", c.parent, "org", "company.parent")


_ORG_HINT = re.compile(
    r"公司|集团|厂|店|商行|经营部|中心|事务所|研究院|研究所|协会|大学|学院|银行|合作社|工作室|门市部|超市|商场"
)


def _kind_of(name: str) -> str:
    """Registries do not say whether a holder is a company or a person: guess from the name."""
    return "org" if _ORG_HINT.search(name) or len(name) > 5 else "person"
