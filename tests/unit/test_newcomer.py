"""The newcomer path without a database: Maven kept to one progress line, read commands that never start a
server (and say which instances run), a truthful ``neo4j status``, and a demo that never claims a page it
cannot serve."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ipclue.cli import app
from ipclue.dbms.managed import ManagedNeo4j
from ipclue.errors import ServerError
from ipclue.settings import Settings, get_settings

FAKE_MVN = """#!/bin/sh
for i in $(seq 1 290); do echo "Downloaded from central: https://repo/x$i.jar (1 kB at 9 kB/s)"; done
for i in 1 2 3; do echo "[INFO] Copying x$i.jar to /lib/x$i.jar"; done
exit {code}
"""


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in ("NEO4J_URI", "IPCLUE_NEO4J_URI", "IPCLUE_INSTANCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IPCLUE_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    yield tmp_path / "home"
    get_settings.cache_clear()


def _fake_mvn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    mvn = bin_dir / "mvn"
    mvn.write_text(FAKE_MVN.format(code=code), encoding="utf-8")
    mvn.chmod(mvn.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")


def _running(home: Path, name: str, port: int) -> None:
    """A state file whose pid is alive (this test process): the instance counts as running."""
    folder = home / "instances" / name
    folder.mkdir(parents=True)
    state = {"pid": os.getpid(), "port": port, "password": "x" * 24, "version": "5.26.30"}
    (folder / "state.json").write_text(json.dumps(state), encoding="utf-8")


def test_maven_shows_one_progress_line(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake_mvn(tmp_path, monkeypatch, 0)
    ManagedNeo4j(Settings(home=home)).provision()
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Downloaded from" not in captured.err
    assert captured.err.rstrip().endswith("290 files downloaded, 3 jars copied — done")


def test_maven_failure_carries_the_end_of_its_log(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_mvn(tmp_path, monkeypatch, 1)
    with pytest.raises(ServerError, match=r"(?s)exit 1\): \[INFO\] Copying x1\.jar.*Copying x3\.jar"):
        ManagedNeo4j(Settings(home=home)).provision(quiet=True)


def test_a_read_command_never_starts_a_server(home: Path) -> None:
    _running(home, "demo", 41234)
    result = CliRunner().invoke(app, ["flags"])
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "instance 'default' is not running" in text and "ipclue neo4j start --instance default" in text
    assert "instance 'demo' runs at bolt://127.0.0.1:41234: ipclue --instance demo" in text
    assert not (home / "instances" / "default").exists(), "no server was started"


def test_status_names_every_running_instance(home: Path) -> None:
    _running(home, "demo", 41235)
    result = CliRunner().invoke(app, ["neo4j", "status"])
    assert result.exit_code == 1
    assert "instance 'default': not running" in result.output
    assert "instance 'demo': running at bolt://127.0.0.1:41235" in result.output
    ok = CliRunner().invoke(app, ["--instance", "demo", "neo4j", "status"])
    assert ok.exit_code == 0 and "instance 'demo': running" in ok.output


def test_demo_says_how_to_build_a_missing_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import ipclue.api.app
    from ipclue.cli.demo import web_page

    monkeypatch.setattr(ipclue.api.app, "STATIC", tmp_path / "static")
    assert web_page(build=False) is False
    assert "npm ci && npm run build" in " ".join(capsys.readouterr().err.split())
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "index.html").write_text("<html></html>", encoding="utf-8")
    assert web_page(build=False) is True
