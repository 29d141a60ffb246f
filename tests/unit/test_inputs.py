"""One bad input never stops the batch: odd names, deep nesting, size, links, loops, hidden names."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from ipclue.extractors import dispatch, inputs
from ipclue.extractors.dispatch import ExtractResult, extract_paths
from ipclue.models import Company

GOOD = '{"type": "company", "name": "好公司有限公司"}\n'


def _extract(*paths: Path) -> ExtractResult:
    return ExtractResult.collect(extract_paths(list(paths)))


def _reasons(result: ExtractResult) -> Counter[str]:
    return Counter(r.reason for r in result.rejections)


def test_a_non_utf8_file_name_is_read_and_shown_as_gb18030(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/" + "公司名单.jsonl".encode("gbk")
    Path(os.fsdecode(raw)).write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-companies.jsonl").write_text('{"type": "company", "name": "另一公司有限公司"}\n', "utf-8")
    (tmp_path / "bad.jsonl").write_text('{"type": "company"}\n', encoding="utf-8")
    bad_name = os.fsencode(tmp_path) + b"/\xff\xfe-bad.jsonl"
    Path(os.fsdecode(bad_name)).write_text("not json\n", encoding="utf-8")
    result = _extract(tmp_path)
    assert sorted(r.name for r in result.records if isinstance(r, Company)) == [
        "另一公司有限公司",
        "好公司有限公司",
    ]
    paths = [r.source.path for r in result.records] + [r.path for r in result.rejections]
    assert any(p.endswith("公司名单.jsonl") for p in paths)
    for p in paths:
        p.encode("utf-8")  # every reported name is valid text
    assert all(r.model_dump_json() for r in result.rejections)


def test_deep_nesting_is_one_rejection_and_the_rest_loads(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 200_000, encoding="utf-8")
    (tmp_path / "deep-lines.jsonl").write_text(
        GOOD + "[" * 200_000 + "\n" + GOOD.replace("好", "次"), "utf-8"
    )
    (tmp_path / "z.jsonl").write_text(GOOD.replace("好", "末"), encoding="utf-8")
    result = _extract(tmp_path)
    assert {r.name for r in result.records if isinstance(r, Company)} == {
        "好公司有限公司",
        "次公司有限公司",
        "末公司有限公司",
    }
    reasons = _reasons(result)
    assert reasons["too-deep"] + reasons["invalid-json"] >= 2 and reasons["too-deep"] >= 1


def test_a_file_over_the_size_bound_is_quarantined_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dispatch, "MAX_FILE_BYTES", 100)
    (tmp_path / "big.jsonl").write_text(GOOD * 10, encoding="utf-8")
    (tmp_path / "small.jsonl").write_text(GOOD.replace("好", "小"), encoding="utf-8")
    result = _extract(tmp_path)
    assert _reasons(result)["too-large"] == 1 and len(result.records) == 1


def test_links_loops_and_hidden_names_are_skipped_and_counted(tmp_path: Path) -> None:
    root, outside = tmp_path / "in", tmp_path / "secret.jsonl"
    (root / "sub").mkdir(parents=True)
    outside.write_text(GOOD.replace("好", "密"), encoding="utf-8")
    (root / "sub" / "ok.jsonl").write_text(GOOD, encoding="utf-8")
    (root / "out.jsonl").symlink_to(outside)
    (root / "etc").symlink_to("/etc")
    (root / "a").symlink_to(root / "b")
    (root / "b").symlink_to(root / "a")
    (root / "self").symlink_to(root)
    (root / "dangling.jsonl").symlink_to(root / "nowhere")
    (root / "..dots.jsonl").write_text(GOOD, encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.jsonl").write_text(GOOD, encoding="utf-8")
    os.mkfifo(root / "pipe.jsonl")
    result = _extract(root)
    assert [r.name for r in result.records if isinstance(r, Company)] == ["好公司有限公司"]
    skips = Counter(r.reason for r in result.rejections if r.stage == "skip")
    assert skips == {
        "symlink-outside-roots": 2,
        "symlink-loop": 2,
        "symlink-dir-not-followed": 1,
        "broken-symlink": 1,
        "hidden": 2,
        "not-a-regular-file": 1,
    }, skips
    assert any("..dots.jsonl" in r.path for r in result.rejections)
    assert len(list(inputs.walk_inputs([root]))) == 10


def test_structured_records_are_walked_before_the_documents_each_part_sorted(tmp_path: Path) -> None:
    for rel in [
        "a/judgment-1.txt",
        "a/judgment-2.HTML",
        "b/c/notes.txt",
        "z/companies.jsonl",
        "m/tm.CSV",
        "x.json",
    ]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    walked = [
        p.relative_to(tmp_path).as_posix() for p in inputs.walk_inputs([tmp_path]) if isinstance(p, Path)
    ]
    assert walked == [
        "m/tm.CSV",
        "x.json",
        "z/companies.jsonl",
        "a/judgment-1.txt",
        "a/judgment-2.HTML",
        "b/c/notes.txt",
    ]
    # the inputs' own order is kept: the rule is per walked directory
    given = [tmp_path / "a", tmp_path / "z"]
    assert [p.name for p in inputs.walk_inputs(given) if isinstance(p, Path)] == [
        "judgment-1.txt",
        "judgment-2.HTML",
        "companies.jsonl",
    ]
