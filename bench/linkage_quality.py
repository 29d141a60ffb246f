"""Linkage quality of the GraphResolver on a synthetic corpus with known truth.

    python bench/linkage_quality.py --parties 2000 [--seed 7] [--out /tmp/ipclue-bench] [--instance bench]

Generates a corpus (``ipclue.synth.generate``), extracts it (``extractors.dispatch``), loads it
into Neo4j through ``Loader(resolver=GraphResolver(graph))`` and runs ``derive``; then maps
every Mention to its truth entity by (file, line, name as written: the line tells namesakes in one
registry file apart) and prints pairwise precision and
recall for organisations and persons, cross-record merges of anonymised persons, the worst
false merges, the possible matches (POSSIBLY_SAME: precision against the truth, by rule, and the
person figures if every one were confirmed, and if a reviewer confirmed the true ones and rejected
the others) and the time spent resolving. Uses the managed
instance named ``--instance`` (wiped first) unless NEO4J_URI is set.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linkage_causes import Causes, ceiling, namesake_causes  # bench/ is on sys.path when run as a script

from ipclue.cypher import query
from ipclue.graph.db import Graph, Target, connect, open_graph
from ipclue.graph.load import Loader
from ipclue.graph.mentions import Mention
from ipclue.graph.resolution import GraphResolver, derive
from ipclue.graph.resolution.groups import union_roots
from ipclue.graph.resolve import Link
from ipclue.graph.schema import apply_schema, wipe
from ipclue.models import Record
from ipclue.settings import Settings


class TimedResolver:
    """Wraps a resolver and adds up the seconds spent in ``resolve``."""

    def __init__(self, inner: GraphResolver) -> None:
        self.inner, self.seconds, self.mentions = inner, 0.0, 0

    def resolve(self, mentions: Sequence[Mention]) -> dict[str, Link]:
        start = time.perf_counter()
        out = self.inner.resolve(mentions)
        self.seconds += time.perf_counter() - start
        self.mentions += len(mentions)
        return out


def open_bench_graph(instance: str) -> Graph:
    """NEO4J_URI if configured, else the managed instance ``instance`` (started on demand)."""
    settings = Settings()
    if settings.neo4j_uri:
        return open_graph(settings)
    from ipclue.dbms.managed import ManagedNeo4j

    state = ManagedNeo4j(settings, instance=instance).start()
    return Graph(connect(Target(state.uri, "neo4j", state.password, "neo4j", True)), "neo4j", None)


def corpus(out: Path, parties: int, seed: int, profile: str) -> list[Record]:
    """Generate and extract; returns the records (rejections are counted and dropped)."""
    from ipclue.extractors.dispatch import extract_paths
    from ipclue.synth.generate import generate

    generate(out, parties, seed, profile)
    records: list[Record] = []
    rejected = 0
    for item in extract_paths([out]):
        if isinstance(item, Record) and hasattr(item, "source"):
            records.append(item)
        else:
            rejected += 1
    print(f"extracted {len(records)} records, {rejected} rejections")
    return records


TruthKey = tuple[str, int, str]


def truth_keys(out: Path) -> tuple[dict[TruthKey, set[str]], dict[str, str]]:
    """(file, line — 0 for a file that is one record —, name as written) → entity ids, and entity
    id → kind."""
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    keys: dict[TruthKey, set[str]] = defaultdict(set)
    kinds = {}
    for e in truth["entities"]:
        kinds[e["id"]] = e["kind"]
        for m in e["mentions"]:
            keys[(m["file"], int(m.get("line") or 0), m["name_as_written"])].add(e["id"])
    return keys, kinds


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(items: list[tuple[str, str]]) -> dict[str, float]:
    """Pairwise precision/recall of (predicted uid, true id) items."""
    both = Counter(items)
    pred = Counter(p for p, _ in items)
    true = Counter(t for _, t in items)
    tp = sum(pairs(n) for n in both.values())
    pp, tt = sum(pairs(n) for n in pred.values()), sum(pairs(n) for n in true.values())
    return {
        "precision": tp / pp if pp else 1.0,
        "recall": tp / tt if tt else 1.0,
        "mentions": len(items),
        "true_pairs": tt,
        "predicted_pairs": pp,
    }


def evaluate(graph: Graph, out: Path) -> dict[str, Any]:
    keys, kinds = truth_keys(out)
    rows = graph.read(query("resolve/mention_assignments"))
    items: dict[str, list[tuple[str, str]]] = defaultdict(list)
    unmatched: Counter[str] = Counter()
    anon_sources = defaultdict(set)
    seen: list[Seen] = []
    orgs_seen: list[Seen] = []
    for r in rows:
        rel = _relative(r["path"], out)
        ents = keys.get((rel, int(r["id"].split(":")[1]), r["name"]), set())
        if r["anon"]:
            anon_sources[r["uid"]].add(r["id"].rsplit(":", 1)[0].split(":")[0] + ":" + r["id"].split(":")[1])
        if len(ents) != 1:
            unmatched[f"{'ambiguous' if ents else 'not_in_truth'}:{r['context']}"] += 1
            continue
        ent = next(iter(ents))
        items[kinds[ent]].append((r["uid"], ent))
        one = Seen(ent, r["uid"], r["name"], bool(r["anon"]), rel.split("/")[0], str(r["context"] or ""))
        (seen if kinds[ent] == "person" else orgs_seen).append(one)
    report: dict[str, Any] = {k: pairwise(v) for k, v in items.items()}
    report["keyed_by_file_and_name"] = legacy_figures(rows, out, keys, kinds)
    # the same without anonymised mentions (张某, 李*): never linked across records, by design
    report["person_full_names_only"] = pairwise([(s.uid, s.entity) for s in seen if not s.anon])
    causes = Causes(graph)
    report["person_misses"] = misses(seen, causes)
    report["person_recall_ceiling"] = ceiling(report["person"], report["person_misses"]["by_cause"])
    report["org_misses"] = org_misses(orgs_seen)
    report["namesakes"] = namesake_quality(graph, out, seen, causes)
    report["possible_matches"] = possible_quality(graph, items.get("person", []))
    report["unmatched_mentions"] = dict(unmatched)
    report["anonymised_cross_record_merges"] = sum(1 for s in anon_sources.values() if len(s) > 1)
    report["worst_false_merges"] = _worst(items)
    return report


def legacy_figures(
    rows: list[dict[str, Any]], out: Path, keys: dict[TruthKey, set[str]], kinds: dict[str, str]
) -> dict[str, Any]:
    """The figures as this bench gave them before truth carried lines: mentions keyed by (file,
    name), so a name two entities bear in one registry file is left out (comparable with older runs)."""
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (file, _, name), ents in keys.items():
        by_name[(file, name)] |= ents
    items: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in rows:
        ents = by_name.get((_relative(r["path"], out), r["name"]), set())
        if len(ents) == 1:
            ent = next(iter(ents))
            items[kinds[ent]].append((r["uid"], ent))
    return {k: pairwise(v) for k, v in sorted(items.items())}


@dataclass(frozen=True, slots=True)
class Seen:
    """A person mention as the truth and the graph see it."""

    entity: str
    uid: str
    name: str
    anon: bool
    folder: str  # judgments, registry, penalties …
    context: str


def misses(seen: list[Seen], causes: Causes, examples: int = 6) -> dict[str, Any]:
    """The true person pairs left in different parties, by why they may have been missed: an
    anonymised side (never linked across documents, by design), different names as written, or the
    same name (by the folders the two sides come from), with examples; and by cause (``by_cause``:
    for a same-name pair, what the graph shows between the two parties, see ``linkage_causes``)."""
    tally, by_cause = _Tally(examples), _Tally(examples)
    for ent, parts in _pieces(seen).items():
        groups = sorted(parts.values(), key=lambda g: g[0].uid)
        for i, x in enumerate(groups):
            for y in groups[i + 1 :]:
                kind = _miss_kind(x, y)
                tally.add(kind, ent, x, y)
                by_cause.add(causes(x[0].uid, y[0].uid) if kind.startswith("same_name") else kind, ent, x, y)
    return {
        "pairs": dict(tally.pairs.most_common()),
        "examples": dict(tally.shown),
        "by_cause": dict(by_cause.pairs.most_common()),
        "cause_examples": dict(by_cause.shown),
    }


def _pieces(seen: list[Seen]) -> dict[str, dict[str, list[Seen]]]:
    """Each true entity's mentions, by the party they were resolved to."""
    by_entity: dict[str, dict[str, list[Seen]]] = defaultdict(lambda: defaultdict(list))
    for m in seen:
        by_entity[m.entity][m.uid].append(m)
    return by_entity


@dataclass
class _Tally:
    """Missed pairs by category, with the first ``examples`` of each."""

    examples: int
    pairs: Counter[str] = field(default_factory=Counter)
    shown: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, cat: str, ent: str, x: list[Seen], y: list[Seen]) -> None:
        self.pairs[cat] += len(x) * len(y)
        if len(self.shown[cat]) < self.examples:
            self.shown[cat].append(f"{ent}: {_side(x)} | {_side(y)}")


def _miss_kind(x: list[Seen], y: list[Seen]) -> str:
    if all(m.anon for m in x) or all(m.anon for m in y):
        return "anonymised"
    names_x, names_y = {m.name for m in x if not m.anon}, {m.name for m in y if not m.anon}
    if not names_x & names_y:
        return "name_variant"
    folders = "+".join(sorted({sorted({m.folder for m in x})[0], sorted({m.folder for m in y})[0]}))
    return f"same_name:{folders}"


def org_misses(seen: list[Seen], examples: int = 6) -> dict[str, Any]:
    """The true organisation pairs left in different parties, by how the two parties' names differ
    (same key, variant, pinyin, one other character, other) and whether a law firm is involved."""
    tally = _Tally(examples)
    for ent, parts in _pieces(seen).items():
        groups = sorted(parts.values(), key=lambda g: (-len(g), g[0].uid))
        for y in groups[1:]:  # each smaller piece against the largest one
            tally.add(_org_miss_kind(groups[0], y), ent, groups[0], y)
    return {"pairs_vs_largest_piece": dict(tally.pairs.most_common()), "examples": dict(tally.shown)}


def _org_miss_kind(x: list[Seen], y: list[Seen]) -> str:
    from rapidfuzz.distance import Levenshtein

    from ipclue.graph.resolution.orgs import analyse

    a, b = ({analyse(m.name) for m in g} for g in (x, y))
    if {n.key for n in a} & {n.key for n in b}:
        how = "same_name"
    elif {n.variant for n in a} & {n.variant for n in b}:
        how = "variant"
    elif {n.pinyin for n in a} & {n.pinyin for n in b}:
        how = "homophone"
    elif any(Levenshtein.distance(i.variant, j.variant) == 1 for i in a for j in b):
        how = "one_character"
    else:
        how = "other_name"
    firm = "firm" if any(m.context == "judgment.firm" for m in x + y) else "org"
    return f"{how}:{firm}"


def _side(g: list[Seen]) -> str:
    m = g[0]
    return f"{m.uid} ×{len(g)} {m.name} [{m.folder}] {m.context[:40]}"


def namesake_quality(graph: Graph, out: Path, seen: list[Seen], causes: Causes) -> dict[str, Any]:
    """The planted same-name different people (truth ``namesakes``): how many were merged into one
    party or joined by POSSIBLY_SAME, by how alike they are (same city and trade, same city, any),
    and what the graph shows between them (``causes``: the same tally as for missed pairs)."""
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    uids: dict[str, set[str]] = defaultdict(set)
    for m in seen:
        uids[m.entity].add(m.uid)
    possible = {frozenset((e["a"], e["b"])) for e in graph.read(query("resolve/possible_all"))}
    out_: dict[str, Counter[str]] = defaultdict(Counter)
    for n in truth.get("namesakes", []):
        a, b = uids.get(n["a"], set()), uids.get(n["b"], set())
        if not a or not b:
            verdict = "unseen"
        elif a & b:
            verdict = "merged"
        elif any(frozenset((x, y)) in possible for x in a for y in b):
            verdict = "possible"
        else:
            verdict = "apart"
        out_[n["kind"]][verdict] += 1
    report: dict[str, Any] = {k: dict(v) for k, v in sorted(out_.items())}
    return report | {"by_cause": namesake_causes(causes, uids, truth.get("namesakes", []))}


def possible_quality(graph: Graph, persons: list[tuple[str, str]]) -> dict[str, Any]:
    """POSSIBLY_SAME edges against the truth: how many join one person (precision), by rule, and
    the person precision/recall if a reviewer confirmed every one of them, or only the true ones."""
    edges = graph.read(query("resolve/possible_all"))
    major: dict[str, Counter[str]] = defaultdict(Counter)
    for uid, ent in persons:
        major[uid][ent] += 1
    verdict: dict[str, Counter[str]] = defaultdict(Counter)
    for e in edges:
        known = e["a"] in major and e["b"] in major
        verdict[e["rule"]][str(_same(major, e)) if known else "unknown"] += 1
    judged = [v for c in verdict.values() for k, v in c.items() if k != "unknown"]
    right = sum(c["True"] for c in verdict.values())
    return {
        "edges": len(edges),
        "precision": right / sum(judged) if judged else None,
        "by_rule": {k: dict(v) for k, v in verdict.items()},
        "persons_if_all_confirmed": _confirmed(persons, edges),
        "persons_if_reviewed": _confirmed(persons, [e for e in edges if _same(major, e)]),
    }


def _same(major: dict[str, Counter[str]], edge: dict[str, Any]) -> bool:
    """Whether the truth says the edge's two parties are one person (by their mentions' majority)."""
    a, b = major.get(edge["a"]), major.get(edge["b"])
    return bool(a and b and a.most_common(1)[0][0] == b.most_common(1)[0][0])


def _confirmed(persons: list[tuple[str, str]], edges: list[dict[str, Any]]) -> dict[str, float]:
    """The person figures once ``edges`` are confirmed (merged)."""
    root = _union([(e["a"], e["b"]) for e in edges])
    return pairwise([(root.get(uid, uid), ent) for uid, ent in persons])


def _union(edges: list[tuple[str, str]]) -> dict[str, str]:
    return union_roots((), edges)


def _relative(path: str, out: Path) -> str:
    p = Path(path)
    try:
        return str(p.resolve().relative_to(out.resolve()))
    except ValueError:
        return path


def _worst(items: dict[str, list[tuple[str, str]]], top: int = 8) -> list[str]:
    by_uid: dict[str, Counter[str]] = defaultdict(Counter)
    for kind_items in items.values():
        for uid, ent in kind_items:
            by_uid[uid][ent] += 1
    bad = [
        (sum(c.values()) ** 2 - sum(n * n for n in c.values()), uid, dict(c))
        for uid, c in by_uid.items()
        if len(c) > 1
    ]
    return [f"{uid}: {ents}" for _, uid, ents in sorted(bad, reverse=True)[:top]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--parties", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile", default="demo")
    ap.add_argument("--out", type=Path, default=Path("/tmp/ipclue-bench"))
    ap.add_argument("--instance", default="bench")
    ap.add_argument("--batch", type=int, default=5000)
    args = ap.parse_args()
    t0 = time.perf_counter()
    records = corpus(args.out, args.parties, args.seed, args.profile)
    t1 = time.perf_counter()
    graph = open_bench_graph(args.instance)
    wipe(graph)
    apply_schema(graph)
    resolver = TimedResolver(GraphResolver(graph))
    load = Loader(graph, batch_size=args.batch, resolver=resolver).load(records)
    t2 = time.perf_counter()
    counts = derive(graph)
    t3 = time.perf_counter()
    report = evaluate(graph, args.out)
    report["timing"] = {
        "generate+extract_s": round(t1 - t0, 1),
        "load_s": round(t2 - t1, 1),
        "resolve_s": round(resolver.seconds, 1),
        "mentions": resolver.mentions,
        "derive_s": round(t3 - t2, 1),
        "records": load.records,
        "load_rejections": len(load.rejections),
    }
    report["derive"] = counts
    print(json.dumps(report, ensure_ascii=False, indent=1))
    graph.close()


if __name__ == "__main__":
    main()
