"""Writing documents as they are made (txt, html, GBK), recording mentions and the document index."""

from __future__ import annotations

import html
import json
import random
from pathlib import Path
from typing import IO, Any

from ipclue.synth import judgment_civil, judgment_criminal, penalty_text
from ipclue.synth.cases import Case, PenaltyCase
from ipclue.synth.page import Page
from ipclue.synth.world import Org

GBK_SHARE = 0.05
HTML_SHARE = 0.1
PENALTY_JSONL_SHARE = 0.3


def to_html(title: str, text: str) -> str:
    """A simple page: one <p> per paragraph."""
    body = "".join(f"<p>{html.escape(line, quote=False)}</p>\n" for line in text.splitlines())
    head = f'<html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
    return f"{head}<body>\n{body}</body></html>\n"


class Output:
    """The output directory: documents, mentions per entity, and a streamed document index."""

    def __init__(self, root: Path, rng: random.Random, taken: dict[str, Org]) -> None:
        """Create the layout under ``root``."""
        self.root, self.rng, self.taken = root, rng, taken
        for sub in ("judgments", "penalties", "registry"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        self.mentions: dict[int, list[tuple[str, str, int | None]]] = {}
        self.counts: dict[str, int] = {}
        self.bytes = 0
        self._index: IO[str] = (root / ".documents.tmp").open("w", encoding="utf-8")
        self._penalties: IO[str] = (root / "penalties.jsonl").open("w", encoding="utf-8")
        self._files: dict[str, str] = {}
        self._jsonl_lines = 0
        self.watch: dict[int, list[str]] = {}

    def count(self, key: str, n: int = 1) -> None:
        """Bump a summary counter."""
        self.counts[key] = self.counts.get(key, 0) + n

    def mention(self, eid: int, rel: str, written: str, line: int | None = None) -> None:
        """Record that ``rel`` (at 1-based ``line``, for files of many records) writes entity ``eid``
        as ``written`` (once per file, line and form): the line tells namesakes in one file apart."""
        seen = self.mentions.setdefault(eid, [])
        if not seen or seen[-1] != (rel, written, line):
            seen.append((rel, written, line))

    def _page(self, rel: str, page: Page, doc_id: str) -> None:
        """Record a page's mentions (and the document for watched entities)."""
        done: set[tuple[int, str]] = set()
        for eid, written in page.mentions:
            if eid in self.watch and (not self.watch[eid] or self.watch[eid][-1] != doc_id):
                self.watch[eid].append(doc_id)
            if (eid, written) not in done:
                done.add((eid, written))
                self.mention(eid, rel, written)

    def _write(self, stem: str, title: str, text: str) -> tuple[str, str]:
        """Write one document in a chosen format; returns (relative path, encoding)."""
        roll = self.rng.random()
        if roll < GBK_SHARE:
            try:
                data, rel, enc = text.encode("gbk"), f"{stem}.txt", "gbk"
            except UnicodeEncodeError:
                data, rel, enc = text.encode("utf-8"), f"{stem}.txt", "utf-8"
        elif roll < GBK_SHARE + HTML_SHARE:
            data, rel, enc = to_html(title, text).encode("utf-8"), f"{stem}.html", "utf-8"
        else:
            data, rel, enc = text.encode("utf-8"), f"{stem}.txt", "utf-8"
        (self.root / rel).write_bytes(data)
        self.bytes += len(data)
        self.count(f"format:{rel.rsplit('.', 1)[1]}:{enc}")
        return rel, enc

    def _index_line(self, entry: dict[str, Any]) -> None:
        """One line of the document index."""
        self._index.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._files[entry["id"]] = entry["file"]

    def judgment(self, case: Case) -> str:
        """Render and write one judgment; returns its case number."""
        render = judgment_civil.render if case.division == "civil" else judgment_criminal.render
        page = render(case, self.rng, self.taken)
        n = self.counts.get("judgments", 0) + 1
        self.count("judgments")
        self.count(f"judgment:{case.division}:{case.doc_type}:{case.instance}")
        rel, enc = self._write(f"judgments/j{n:06d}", case.case_no, page.text())
        self._page(rel, page, case.case_no)
        self._index_line(
            {
                "id": case.case_no,
                "kind": "judgment",
                "file": rel,
                "encoding": enc,
                "court": case.court.name,
                "division": case.division,
                "doc_type": case.doc_type,
                "outcome": case.outcome,
                "decided_on": case.decided_on.isoformat(),
                "parties": [{"entity": f"E{e}", "role": r, "name_as_written": w} for e, r, w in page.parties],
            }
        )
        return case.case_no

    def penalty(self, pen: PenaltyCase) -> str:
        """Write one penalty as text or as a canonical JSONL line; returns its decision number."""
        self.count("penalties")
        if self.rng.random() < PENALTY_JSONL_SHARE:
            rel, enc, row = "penalties.jsonl", "utf-8", penalty_text.record(pen)
            self._penalties.write(json.dumps(row, ensure_ascii=False) + "\n")
            self._jsonl_lines += 1
            people = [pen.party] + ([pen.party.rep] if isinstance(pen.party, Org) else [])
            for party in people:
                self.mention(party.eid, rel, party.name, self._jsonl_lines)
            written = pen.party.name
        else:
            page = penalty_text.render(pen, self.rng, self.taken)
            n = self.counts.get("penalty_texts", 0) + 1
            self.count("penalty_texts")
            rel, enc = self._write(f"penalties/p{n:06d}", pen.decision_no, page.text())
            self._page(rel, page, pen.decision_no)
            written = page.parties[0][2]
        self._index_line(
            {
                "id": pen.decision_no,
                "kind": "penalty",
                "file": rel,
                "encoding": enc,
                "authority": pen.authority,
                "decided_on": pen.decided_on.isoformat(),
                "parties": [{"entity": f"E{pen.party.eid}", "role": "party", "name_as_written": written}],
            }
        )
        return pen.decision_no

    def has(self, doc_id: str) -> bool:
        """True once a document with this id has been written."""
        return doc_id in self._files

    def close(self) -> Path:
        """Close the streams; returns the temporary index path."""
        self._index.close()
        self._penalties.close()
        return self.root / ".documents.tmp"
