"""ipclue synth: determinism, valid identifiers and records, truth consistent with the files."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from ipclue.cli.synth import register
from ipclue.models import RECORD_TYPES
from ipclue.normalize import valid_uscc
from ipclue.synth import generate

SOURCE = {"path": "x", "sha256": "0" * 63 + "1"}
PATTERNS = {
    "false_litigation_ring",
    "serial_infringer",
    "trademark_squatting",
    "penalty_not_transferred",
    "invalidated_right_litigation",
    "bulk_enforcement",
    "criminal_sentence_review",
    "co_offender_not_prosecuted",
    "split_suits",
    "civil_to_criminal",
}
NEGATIVES = {
    "famous_brand",
    "sister_dispute",
    "big_law_firm",
    "below_threshold",
    "large_filer",
    "damages_no_counterfeit",
}
NEGATIVES |= {"sentence_in_band", "probation_two_years", "co_offender_tried"}
AMOUNTS = re.compile(r"违法经营额为人民币(\d+)元，违法所得为人民币(\d+)元")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo corpus."""
    out = tmp_path_factory.mktemp("synth")
    generate(out, 300, 5, "demo")
    return out


@pytest.fixture(scope="module")
def truth(corpus: Path) -> dict[str, Any]:
    """The corpus's truth.json."""
    return json.loads((corpus / "truth.json").read_text("utf-8"))


def digests(root: Path) -> dict[str, str]:
    """sha256 of every file under root, by relative path."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def lines(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSONL file."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def text_of(corpus: Path, rel: str) -> str:
    """A file's text as a reader sees it (GBK decoded, HTML unescaped)."""
    data = (corpus / rel).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gbk")
    return html.unescape(text)


def test_same_seed_same_bytes_and_other_seed_differs(tmp_path: Path) -> None:
    generate(tmp_path / "a", 120, 11)
    generate(tmp_path / "b", 120, 11)
    generate(tmp_path / "c", 120, 12)
    a, b, c = digests(tmp_path / "a"), digests(tmp_path / "b"), digests(tmp_path / "c")
    assert a == b
    assert len(a) > 100
    assert a != c


def test_rerun_into_same_directory_replaces_output(tmp_path: Path) -> None:
    generate(tmp_path, 300, 2)
    generate(tmp_path, 100, 2)
    again = tmp_path.parent / "fresh"
    generate(again, 100, 2)
    assert digests(tmp_path) == digests(again)


def test_every_uscc_is_valid(corpus: Path, truth: dict[str, Any]) -> None:
    codes = [e["uscc"] for e in truth["entities"] if e["uscc"]]
    for row in lines(corpus / "registry/companies.jsonl"):
        codes += [row["uscc"]] + [s["uscc"] for s in row["shareholders"] if s["uscc"]]
    assert len(codes) > 200
    assert all(valid_uscc(code) for code in codes), [c for c in codes if not valid_uscc(c)][:5]


def test_registry_lines_validate_against_models(corpus: Path) -> None:
    rows = [
        *lines(corpus / "registry/companies.jsonl"),
        *lines(corpus / "registry/trademarks.jsonl"),
        *lines(corpus / "registry/patents.jsonl"),
        *lines(corpus / "penalties.jsonl"),
    ]
    with (corpus / "registry/patents.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows.append(
                {k: (v.split(";") if k in ("applicants", "inventors") else v or None) for k, v in row.items()}
            )
    kinds = {row["type"] for row in rows}
    assert kinds == {"company", "trademark", "patent", "penalty"}
    for row in rows:
        assert "source" not in row
        RECORD_TYPES[row["type"]].model_validate({**row, "source": SOURCE})


def test_qichacha_sample_has_the_api_shape(corpus: Path) -> None:
    rows = json.loads((corpus / "registry/qichacha_trademarks.json").read_text("utf-8"))
    keys = {
        "Id",
        "RegNo",
        "IntCls",
        "Name",
        "AppDate",
        "ApplicantCn",
        "ApplicantEn",
        "Agent",
        "Status",
        "FlowStatus",
        "FlowStatusDesc",
        "HasImage",
        "ImageUrl",
    }
    assert rows and all(set(r) == keys for r in rows)
    assert all(re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2} 0:00:00", r["AppDate"]) for r in rows)


def test_every_pattern_and_negative_kind_is_planted_with_existing_documents(
    corpus: Path, truth: dict[str, Any]
) -> None:
    known = {d["id"] for d in truth["documents"]}
    known |= {r["reg_no"] for r in lines(corpus / "registry/trademarks.jsonl")}
    known |= {r["number"] for r in lines(corpus / "registry/patents.jsonl")}
    with (corpus / "registry/patents.csv").open(encoding="utf-8") as f:
        known |= {r["number"] for r in csv.DictReader(f)}
    assert {p["kind"] for p in truth["patterns"]} == PATTERNS
    assert {n["kind"] for n in truth["negatives"]} == NEGATIVES
    for finding in truth["patterns"] + truth["negatives"]:
        assert finding["subjects"] and finding["documents"], finding["id"]
        assert set(finding["documents"]) <= known, finding["id"]


def test_document_index_files_exist_and_ids_are_unique(corpus: Path, truth: dict[str, Any]) -> None:
    ids = [d["id"] for d in truth["documents"]]
    assert len(ids) == len(set(ids))
    for doc in truth["documents"]:
        assert (corpus / doc["file"]).is_file()
        if doc["file"].startswith("judgments/"):
            assert doc["id"] in text_of(corpus, doc["file"])


def test_entity_mentions_are_in_their_files(corpus: Path, truth: dict[str, Any]) -> None:
    cache: dict[str, str] = {}
    n = 0
    for entity in truth["entities"]:
        assert entity["mentions"]
        for m in entity["mentions"]:
            text = cache.get(m["file"]) or cache.setdefault(m["file"], text_of(corpus, m["file"]))
            assert m["name_as_written"] in text, (entity["id"], m)
            n += 1
    assert n > 1000


def test_some_persons_are_anonymised(tmp_path: Path) -> None:
    generate(tmp_path, 1500, 1)
    truth = json.loads((tmp_path / "truth.json").read_text("utf-8"))
    kinds = {e["id"]: e["kind"] for e in truth["entities"]}
    judgments = [d for d in truth["documents"] if d["kind"] == "judgment"]
    people = [p for d in judgments for p in d["parties"] if kinds[p["entity"]] == "person"]
    share = sum("某" in p["name_as_written"] for p in people) / len(people)
    # ~12% anonymised; with ~90 persons the sample share spreads by about ±3.5 points (one sigma)
    assert len(people) >= 50 and 0.05 < share < 0.25


def test_some_organisation_names_vary(truth: dict[str, Any]) -> None:
    orgs = [
        (e["name"], m["name_as_written"])
        for e in truth["entities"]
        if e["kind"] == "org"
        for m in e["mentions"]
    ]
    assert any(name != written for name, written in orgs)


def test_gbk_and_html_files_are_what_they_claim(corpus: Path, truth: dict[str, Any]) -> None:
    gbk = [d for d in truth["documents"] if d["encoding"] == "gbk"]
    pages = [d for d in truth["documents"] if d["file"].endswith(".html")]
    assert gbk and pages
    for doc in gbk:
        data = (corpus / doc["file"]).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert doc["id"] in data.decode("gbk") and re.search("人民法院|市场监督管理局", data.decode("gbk"))
    assert all("<p>" in (corpus / d["file"]).read_text("utf-8") for d in pages)


def _penalties(corpus: Path, truth: dict[str, Any]) -> dict[str, tuple[float, float, bool, date]]:
    """decision_no → (revenue, gain, transferred, decided_on) from JSONL and text penalties."""
    out = {
        r["decision_no"]: (
            r["illegal_revenue"],
            r["illegal_gain"],
            r["transferred_to_police"],
            date.fromisoformat(r["decided_on"]),
        )
        for r in lines(corpus / "penalties.jsonl")
    }
    for doc in truth["documents"]:
        if doc["kind"] == "penalty" and doc["file"].startswith("penalties/"):
            text = text_of(corpus, doc["file"])
            match = AMOUNTS.search(text)
            assert match
            out[doc["id"]] = (
                float(match[1]),
                float(match[2]),
                "移送" in text,
                date.fromisoformat(doc["decided_on"]),
            )
    return out


def test_penalty_patterns_respect_the_2004_thresholds(corpus: Path, truth: dict[str, Any]) -> None:
    pens = _penalties(corpus, truth)
    above = [
        pens[d] for p in truth["patterns"] if p["kind"] == "penalty_not_transferred" for d in p["documents"]
    ]
    below = [pens[d] for p in truth["negatives"] if p["kind"] == "below_threshold" for d in p["documents"]]
    assert above and below
    for revenue, gain, moved, day in above:
        assert (revenue >= 50000 or gain >= 30000) and not moved and day < date(2025, 4, 26)
    for revenue, gain, moved, _ in below:
        assert revenue < 50000 and gain < 30000 and not moved


def test_every_ring_company_shares_an_identifier_with_the_first(corpus: Path, truth: dict[str, Any]) -> None:
    """A shareholder's name alone ties nothing: each ring company registers the ring's phone or address."""
    companies = {c["uscc"]: c for c in lines(corpus / "registry/companies.jsonl")}
    rings = [p for p in truth["patterns"] if p["kind"] == "false_litigation_ring"]
    assert rings
    for ring in rings:
        first, *others = [companies[s["uscc"]] for s in ring["subjects"] if s["kind"] == "org"]
        assert others and first["phone"]
        for (
            org
        ) in others:  # a registry record (the first's too) may drop its address; the judgments still give it
            assert (
                org["phone"] == first["phone"]
                or None in (org["address"], first["address"])
                or (org["address"] == first["address"])
            )


def test_bulk_enforcement_suits_are_mostly_withdrawn_or_settled(truth: dict[str, Any]) -> None:
    outcome = {d["id"]: d.get("outcome") for d in truth["documents"]}
    plans = [p for p in truth["patterns"] if p["kind"] == "bulk_enforcement"]
    assert plans
    for plan in plans:
        ends = [outcome[d] for d in plan["documents"]]
        assert sum(o in ("withdrawn", "mediated") for o in ends) >= 2 * len(ends) / 3


def test_invalidation_comes_after_the_judgments(corpus: Path, truth: dict[str, Any]) -> None:
    rights = {r["reg_no"]: r for r in lines(corpus / "registry/trademarks.jsonl")}
    rights |= {r["number"]: r for r in lines(corpus / "registry/patents.jsonl")}
    with (corpus / "registry/patents.csv").open(encoding="utf-8") as f:
        rights |= {r["number"]: r for r in csv.DictReader(f)}
    decided = {d["id"]: d["decided_on"] for d in truth["documents"]}
    for p in (p for p in truth["patterns"] if p["kind"] == "invalidated_right_litigation"):
        gone = [rights[d]["invalidated_on"] for d in p["documents"] if d in rights]
        cases = [decided[d] for d in p["documents"] if d in decided]
        assert gone and cases and min(gone) > max(cases)


def test_generic_address_is_shared_by_many_companies(corpus: Path) -> None:
    counts: dict[str, int] = {}
    for row in lines(corpus / "registry/companies.jsonl"):
        if row["address"]:
            counts[row["address"]] = counts.get(row["address"], 0) + 1
    assert max(counts.values()) >= 5


def test_cli_writes_a_corpus(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    result = CliRunner().invoke(app, ["synth", "--out", str(tmp_path), "--parties", "80", "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert "patterns:" in result.output and (tmp_path / "truth.json").is_file()
