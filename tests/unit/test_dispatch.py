"""The dispatcher: kinds by extension and content, dedup within a run, every rejection visible."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import typer
from typer.testing import CliRunner

from ipclue.cli import extract as extract_cli
from ipclue.extractors.dispatch import (
    ExtractResult,
    extract_file,
    extract_paths,
    iter_inputs,
    judgment_extractor,
)
from ipclue.extractors.quarantine import Quarantine
from ipclue.models import Company, Judgment, Penalty, Rejection, Trademark
from tests.corpus import CORPUS, need
from tests.unit.test_penalty_extractor import HUAIYUAN, SHAXIAN


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def _reasons(result: ExtractResult) -> Counter[str]:
    return Counter(r.reason for r in result.rejections)


def test_walk_skips_hidden_and_quarantine(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "x")
    _write(tmp_path / "a" / "c.csv", "x")
    _write(tmp_path / ".git" / "d.txt", "x")
    _write(tmp_path / ".e.txt", "x")
    _write(tmp_path / "quarantine" / "rejections.jsonl", "{}")
    _write(tmp_path / "out" / "rejections.jsonl", "{}")
    assert list(iter_inputs([tmp_path])) == [tmp_path / "a" / "c.csv", tmp_path / "b.txt"]


def test_penalties_dedup_and_file_level_rejections(tmp_path: Path) -> None:
    _write(tmp_path / "1.txt", HUAIYUAN)
    _write(tmp_path / "2.txt", HUAIYUAN)  # same bytes
    _write(tmp_path / "3.txt", HUAIYUAN.replace("怀市监处罚〔2023〕302号", "怀市监处罚 [2023] 302号"))
    _write(tmp_path / "4.html", f"<html><body><p>{SHAXIAN.replace(chr(10), '</p><p>')}</p></body></html>")
    _write(tmp_path / "5.txt", "  \n")
    _write(tmp_path / "6.txt", b"\xff\xfe\x81 bad")
    _write(tmp_path / "7.txt", "今天天气很好，我们去公园散步。")
    _write(tmp_path / "8.md", "# notes")
    _write(tmp_path / "index.csv", "id,chars\n1,20\n")
    calls: list[int] = []
    result = ExtractResult.collect(extract_paths([tmp_path], progress=calls.append))
    assert [type(r).__name__ for r in result.records] == ["Penalty", "Penalty"]
    assert isinstance(result.records[1], Penalty) and result.records[1].uscc == "92350427********7A"
    assert _reasons(result) == Counter(
        {"duplicate-content": 1, "duplicate-decision-no": 1, "empty": 1, "undecodable": 1,
         "unrecognised-document": 1, "unsupported-file-type": 1, "not-a-record-file": 1}
    )  # fmt: skip
    dup = next(r for r in result.rejections if r.reason == "duplicate-decision-no")
    assert dup.path.endswith("3.txt") and "1.txt" in (dup.detail or "")
    assert all(r.stage in ("decode", "extract", "validate") for r in result.rejections)
    assert calls == list(range(1, 10))


def test_jsonl_bad_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    lines = [
        {"type": "trademark", "reg_no": "1", "mark": "A", "applicant": "甲公司"},
        {"type": "trademark", "reg_no": "2", "mark": "B"},
        {"type": "penalty", "decision_no": "X(2023)1号", "authority": "局", "party": "乙"},
        {"type": "penalty", "decision_no": "X〔2023〕1号", "authority": "局", "party": "丙"},
    ]
    path = _write(tmp_path / "mixed.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    items = list(extract_file(path))
    assert isinstance(items[0], Trademark) and isinstance(items[2], Penalty)
    assert (
        isinstance(items[1], Rejection)
        and items[1].line == 2
        and "applicant: Field required" in items[1].detail
    )
    assert (
        isinstance(items[3], Rejection) and items[3].reason == "duplicate-decision-no" and items[3].line == 4
    )


def test_json_kinds(tmp_path: Path) -> None:
    qcc = [{"RegNo": "123456", "IntCls": 9, "Name": "甲", "ApplicantCn": "甲公司"}]
    _write(tmp_path / "a.json", json.dumps(qcc, ensure_ascii=False))
    _write(tmp_path / "b.json", json.dumps({"type": "company", "name": "乙公司"}, ensure_ascii=False))
    _write(tmp_path / "c.json", '{"type": "company", "name": "丙"}\n{"type": "company", "name": "丁"}\n')
    _write(tmp_path / "d.json", json.dumps({"hello": "world"}))
    _write(tmp_path / "e.json", '{"broken": ')
    result = ExtractResult.collect(extract_paths([tmp_path]))
    assert [getattr(r, "name", None) or getattr(r, "mark", None) for r in result.records] == [
        "甲",
        "乙公司",
        "丙",
        "丁",
    ]
    assert isinstance(result.records[1], Company)
    assert _reasons(result) == Counter({"not-a-record-file": 1, "invalid-json": 1})


def test_corpus_registry_counts() -> None:
    registry = need(CORPUS / "registry")
    result = ExtractResult.collect(extract_paths([registry]))
    assert Counter(r.type for r in result.records) == Counter(
        {"company": 33, "copyright": 20, "patent": 3, "trademark": 3}
    )
    assert _reasons(result) == Counter({"unsupported-record": 32, "not-a-record-file": 1})


def test_judgments_dedup_by_case_number(tmp_path: Path) -> None:
    assert judgment_extractor() is not None  # an import error is a failure, never a skip
    source = need(CORPUS / "judgments" / "misc" / "hbgy-2015-eminsanzhong00603-sectioned.txt")
    text = source.read_text(encoding="utf-8")
    _write(tmp_path / "a.txt", text)
    _write(tmp_path / "b.txt", text + "\n（重复发布）")
    result = ExtractResult.collect(extract_paths([tmp_path]))
    assert len(result.records) == 1 and isinstance(result.records[0], Judgment)
    assert "00603" in result.records[0].case_no
    assert _reasons(result) == Counter({"duplicate-case-no": 1})


def test_quarantine_appends_and_counts(tmp_path: Path) -> None:
    q = Quarantine(tmp_path / "q")
    q.extend(
        [
            Rejection(path="a", stage="decode", reason="empty"),
            Rejection(path="b", stage="decode", reason="empty"),
        ]
    )
    q.add(Rejection(path="c", line=3, stage="validate", reason="invalid-record", detail="x: y"))
    assert q.summary() == {"empty": 2, "invalid-record": 1}
    again = Quarantine(tmp_path / "q")
    again.add(Rejection(path="d", stage="extract", reason="not-a-judgment"))
    assert [r.path for r in again.read()] == ["a", "b", "c", "d"] and again.read()[2].line == 3


def extract_app() -> typer.Typer:
    """A Typer app holding only ``ipclue extract`` (for the CLI tests of extraction)."""
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test root, so ``extract`` stays a subcommand."""

    extract_cli.register(app)
    return app


def test_cli_jsonl_stderr_quarantine_and_exit_codes(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "p.txt", HUAIYUAN)
    _write(tmp_path / "in" / "x.md", "notes")
    runner = CliRunner()
    args = ["extract", "--jsonl", "--quarantine", str(tmp_path / "q"), str(tmp_path / "in")]
    result = runner.invoke(extract_app(), args)
    assert result.exit_code == 0
    record = json.loads(result.stdout.strip())
    assert record["type"] == "penalty" and record["decided_on"] == "2023-02-27"
    assert "x.md: unsupported-file-type: .md is not read" in result.stderr
    assert Quarantine(tmp_path / "q").read()[0].reason == "unsupported-file-type"
    table = runner.invoke(extract_app(), ["extract", str(tmp_path / "in")])
    assert table.exit_code == 0 and "penalty" in table.stdout
    assert runner.invoke(extract_app(), ["extract", str(tmp_path / "missing")]).exit_code == 2
