"""Extraction in worker processes gives the serial run's items, in its order, with its rejections."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ipclue.extractors import parallel
from ipclue.extractors.dispatch import extract_paths
from ipclue.models import Rejection
from ipclue.synth import generate
from tests.unit.test_dispatch import extract_app


def _dump(root: Path, workers: int) -> list[str]:
    return [
        json.dumps(i.model_dump(mode="json"), ensure_ascii=False)
        for i in extract_paths([root], workers=workers)
    ]


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus with every run-wide rule to apply: a copy (same bytes), a judgment that
    differs by one byte (same case number), an empty file and a hidden one."""
    root = tmp_path_factory.mktemp("parallel") / "corpus"
    generate(root, 60, 5, "demo")
    first = sorted((root / "judgments").rglob("*.txt"))[0]
    shutil.copy(first, root / "judgments" / "zz-copy.txt")
    (root / "judgments" / "zz-one-byte-more.txt").write_bytes(first.read_bytes() + b"\n")
    (root / "judgments" / "zz-empty.txt").write_bytes(b"")
    (root / "judgments" / ".hidden.txt").write_bytes(first.read_bytes())
    companies = root / "registry" / "companies.jsonl"
    lines = companies.read_text(encoding="utf-8").splitlines()
    lines[6:9] = ["{not json", "", "[1, 2]"]  # bad lines in a large file the main process reads
    (root / "registry" / "zz-mended.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "registry" / "zz-mended.json").write_text("[" + ",".join(lines[:3]) + "]", encoding="utf-8")
    return root


def test_workers_give_the_serial_items_in_the_serial_order(
    planted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "FILES_PER_TASK", 7)  # many tasks,
    monkeypatch.setattr(parallel, "FILES_AHEAD", 21)  # several ahead
    monkeypatch.setattr(parallel, "WORKER_MAX_BYTES", 50_000)  # the larger JSON Lines files: main process
    serial = _dump(planted, 1)
    assert _dump(planted, 2) == serial
    reasons = Counter(json.loads(line).get("reason") for line in serial)
    rules = ("duplicate-content", "duplicate-case-no", "empty", "hidden", "invalid-json", "not-an-object")
    for rule in rules:
        assert reasons[rule] >= 1, rule
    assert len(serial) > 300


def test_a_json_file_of_any_size_goes_to_a_worker_a_large_json_lines_file_does_not(
    planted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "WORKER_MAX_BYTES", 1_000)
    registry = planted / "registry"
    assert parallel._in_worker(registry / "zz-mended.json")
    assert not parallel._in_worker(registry / "zz-mended.jsonl")
    assert parallel._in_worker(registry / "missing.jsonl")  # the worker reports it as not found


def test_a_worker_file_that_cannot_be_read_is_its_rejection(tmp_path: Path) -> None:
    got = parallel.extract_file_items(str(tmp_path / "gone.txt"))
    assert got.digest is None and [r.reason for r in got.items if isinstance(r, Rejection)] == ["not-found"]


def test_default_workers_are_the_cores_for_a_large_input_only() -> None:
    assert parallel.default_workers(parallel.MIN_FILES_FOR_WORKERS - 1) == 1
    assert parallel.default_workers(parallel.MIN_FILES_FOR_WORKERS) >= 1


def test_extract_jsonl_of_the_real_corpus_is_byte_identical_with_workers(corpus: Path) -> None:
    runner = CliRunner()
    runs = [
        runner.invoke(extract_app(), ["extract", "--jsonl", "--workers", n, str(corpus)]) for n in ("1", "2")
    ]
    assert all(r.exit_code == 0 for r in runs)
    assert runs[0].stdout.count("\n") > 100
    assert runs[1].stdout == runs[0].stdout
    assert runs[1].stderr == runs[0].stderr  # the same rejections, in the same order


def test_a_script_without_a_main_guard_gets_a_clear_error(planted: Path, tmp_path: Path) -> None:
    script = tmp_path / "unguarded.py"
    script.write_text(
        "from pathlib import Path\nfrom ipclue.extractors.dispatch import extract_paths\n"
        f"print(sum(1 for _ in extract_paths([Path({str(planted)!r})], workers=2)))\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode != 0
    assert "ConfigError: an extraction worker process died" in done.stderr
    assert 'if __name__ == "__main__":' in done.stderr
