"""GraphResolver: mentions → parties, incrementally against what Neo4j already holds.

Per batch: (1) mentions already in the graph keep their party (stable uids on re-ingest);
(2) new mentions are grouped (organisations by name key + USCC, people by record + name),
candidates are fetched from Neo4j by blocking keys (name key, variant key, pinyin key, USCC,
person name) and from this session's earlier batches, and the rules of ``org_rules`` /
``persons`` decide; (3) user judgements are replayed last. Every link carries rule, score
and evidence; new uids are derived from the first record's keys, so a fresh load of the same
data in the same order gives the same uids, and a uid that exists already is the same party
(its key was computed from the same record or name).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from ipclue.cypher import query
from ipclue.graph.db import Graph
from ipclue.graph.mentions import Mention
from ipclue.graph.resolution import evidence as ev_
from ipclue.graph.resolution import org_rules, persons
from ipclue.graph.resolution.judgements import load_judgements
from ipclue.graph.resolution.org_rules import Decision
from ipclue.graph.resolution.orgs import analyse, block_keys
from ipclue.graph.resolution.profiles import Profile, ProfileIndex, from_row, member_blocks
from ipclue.graph.resolve import Link
from ipclue.normalize import normalize_address
from ipclue.settings import get_settings


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a chunk resolves, and what survives it (the
    session index: hundreds of thousands of profiles, each with its sets) moved out of the
    collector's generations afterwards (``IPCLUE_GC_FREEZE``, on by default). Resolution allocates
    millions of small objects and creates no reference cycles; with the collector running, every
    full collection walks the whole index again, which measured about half the resolver's time at
    30k parties. Nothing else changes: objects are still freed by reference counting."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
        if get_settings().gc_freeze:
            gc.freeze()


class GraphResolver:
    """Resolves mention batches against the graph; keeps a session index across batches.

    ``empty``: the graph holds no data when the session starts and nothing is written to it until
    the session ends (a bulk load: ``bulk.refuse_non_empty`` checked it, and the rows go to the
    importer's files). Then every read of mentions, parties and addresses would answer nothing, so
    none is sent, and the judgements are read once, not once per batch; the links are the same."""

    def __init__(self, graph: Graph, *, empty: bool = False) -> None:
        self.graph = graph
        self.empty = empty
        self.judgements = load_judgements(graph) if empty else None
        self.index = ProfileIndex()
        # Blocking keys already fetched from the graph in this session: their parties are in the
        # index, and every party this session creates or extends is remembered there too, so a
        # key is read once per ingest, not once per batch (common names recur in every batch).
        self.fetched: dict[str, set[str]] = {"name": set(), "variant": set(), "pinyin": set(), "uscc": set()}
        self.fetched_people: set[str] = set()

    def resolve(self, mentions: Sequence[Mention]) -> dict[str, Link]:
        """A link for every mention: kept, matched by a rule, or a new party; judgements last."""
        with collector_paused():
            return self._resolve(mentions)

    def _resolve(self, mentions: Sequence[Mention]) -> dict[str, Link]:
        judgements = self.judgements if self.judgements is not None else load_judgements(self.graph)
        links = {} if self.empty else self._existing([m.id for m in mentions])
        fresh = [m for m in mentions if m.id not in links]
        generic = self._generic_addresses(fresh)
        orgs = self._orgs([m for m in fresh if m.kind == "org"], fresh, generic)
        links.update(orgs)
        org_uids = ev_.org_uids_by_record([m for m in mentions if m.kind == "org"], links)
        links.update(self._persons([m for m in fresh if m.kind != "org"], org_uids, generic))
        return judgements.apply(links) if judgements.aliases or judgements.pins else links

    def _existing(self, ids: list[str]) -> dict[str, Link]:
        rows = self.graph.read(query("resolve/existing_links"), ids=ids)
        return {r["id"]: Link(r["uid"], r["rule"], float(r["score"]), r["evidence"]) for r in rows}

    def _generic_addresses(self, mentions: list[Mention]) -> set[str]:
        if self.empty:
            return set()
        values = sorted({normalize_address(m.address) for m in mentions if m.address})
        rows = self.graph.read(query("resolve/generic_addresses"), values=values) if values else []
        return {r["value"] for r in rows}

    # organisations ---------------------------------------------------------------------------

    def _orgs(self, orgs: list[Mention], batch: list[Mention], generic: set[str]) -> dict[str, Link]:
        groups = ev_.org_groups(orgs)
        reps = ev_.reps_by_org(batch)
        evidence = {k: ev_.org_evidence(k, ms, reps, generic) for k, ms in groups.items()}
        if not self.empty:
            self._fetch_orgs(list(evidence.values()))
        out: dict[str, Link] = {}
        for key in sorted(groups, key=lambda k: (not evidence[k].usccs, -len(groups[k]), k)):
            link = self._org_link(evidence[key])
            out.update({m.id: link for m in groups[key]})
        return out

    def _org_link(self, ev: Profile) -> Link:
        name = analyse(next(iter(ev.names)))
        cands = self.index.candidates(block_keys(name) + [f"uscc:{c}" for c in ev.usccs] + member_blocks(ev))
        hit = org_rules.decide(ev, name, cands)
        if hit is None:
            code = min(ev.usccs) if ev.usccs else None
            hit = (
                Decision(f"org-{code}", "org:uscc", 1.0, f"统一社会信用代码 {code}")
                if code
                else Decision(ev_.new_org_uid(ev), "org:new", 0.9, f"first party named {name.key}")
            )
        ev.uid = hit.uid
        self._remember(ev)
        return Link(hit.uid, hit.rule, round(hit.score, 3), hit.evidence)

    def _fetch_orgs(self, evs: list[Profile]) -> None:
        names = [analyse(n) for e in evs for n in e.names]
        keys = {
            "name": self._new("name", {n.key for n in names}),
            "variant": self._new("variant", {n.variant for n in names}),
            "pinyin": self._new("pinyin", {n.pinyin for n in names}),
            "uscc": self._new("uscc", {c for e in evs for c in e.usccs}),
        }
        if not any(keys.values()):
            return
        rows = self.graph.read(
            query("resolve/org_candidates"),
            names=keys["name"],
            variants=keys["variant"],
            pinyins=keys["pinyin"],
            usccs=keys["uscc"],
        )
        for row in rows:
            self._remember(from_row(row))

    def _new(self, kind: str, keys: set[str]) -> list[str]:
        """The keys of ``kind`` not fetched yet in this session (now marked fetched)."""
        fresh = sorted(keys - self.fetched[kind])
        self.fetched[kind].update(fresh)
        return fresh

    # people ------------------------------------------------------------------------------------

    def _persons(self, people: list[Mention], org_uids: ev_.RecordOrgs, generic: set[str]) -> dict[str, Link]:
        groups = ev_.person_groups(people)
        evidence = {k: ev_.person_evidence(k, ms, org_uids, generic) for k, ms in groups.items()}
        if not self.empty:
            searched = [e for e in evidence.values() if persons.has_evidence(e) and not e.anonymised]
            self._fetch_persons(searched)
        out: dict[str, Link] = {}
        for key in sorted(groups):
            link = self._person_link(evidence[key], key)
            out.update({m.id: link for m in groups[key]})
        return out

    def _person_link(self, ev: Profile, key: ev_.GroupKey) -> Link:
        hit = persons.decide(ev, self._person_candidates(ev))
        if hit is None:
            rule, why = (
                ("person:anonymised", "anonymised name: never merged across records")
                if ev.anonymised
                else ("person:new", "no corroborated match; same name within this record only")
            )
            hit = Decision(ev_.new_person_uid(ev, key), rule, 1.0, why)
        ev.uid = hit.uid
        if not ev.anonymised:
            self._remember(ev)
        return Link(hit.uid, hit.rule, hit.score, hit.evidence)

    def _person_candidates(self, ev: Profile) -> list[Profile]:
        """The same-name parties that share an ID fragment, birth date, organisation or address with
        ``ev``, in uid order: every person rule needs one of these, so ``persons.decide`` answers on
        them as on every party of the name, without scanning a common name's thousands of parties."""
        if ev.anonymised:
            return []  # never matched across records (persons.decide)
        blocks = self.index.blocks
        hits: set[str] = set()
        for name in ev.names:
            named = blocks.get(f"person:{name}", set())
            for key in _evidence_keys(ev):
                hits |= named & blocks.get(key, set())
        return [self.index.by_uid[u] for u in sorted(hits)]

    def _fetch_persons(self, evs: list[Profile]) -> None:
        names = sorted({n for e in evs for n in e.names} - self.fetched_people)
        self.fetched_people.update(names)
        for row in self.graph.read(query("resolve/person_candidates"), names=names) if names else []:
            self._remember(from_row(row))

    # bookkeeping -------------------------------------------------------------------------------

    def _remember(self, p: Profile) -> None:
        if p.kind == "org":
            keys = [k for n in p.names for k in block_keys(analyse(n))] + [f"uscc:{c}" for c in p.usccs]
            keys += member_blocks(p)
        else:
            keys = [f"person:{n}" for n in p.names] + _evidence_keys(p)
        self.index.add(p, keys)


PERSON_EVIDENCE = (("pid", "ids"), ("pbirth", "births"), ("porg", "orgs"), ("paddr", "addresses"))


def _evidence_keys(p: Profile) -> list[str]:
    """A person's corroborating values as index keys (what ``_person_candidates`` looks up)."""
    return [f"{tag}:{value}" for tag, attr in PERSON_EVIDENCE for value in getattr(p, attr)]
