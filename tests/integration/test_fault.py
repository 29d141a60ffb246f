"""A bounded fault test: kill the managed Neo4j during an ``ipclue ingest``, restart it, re-run the
ingest, and compare the graph's counts with those of a clean run. On its own instance (the killed
server comes back on another port, which the shared test server must not do)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ipclue.dbms.managed import ManagedNeo4j, ServerState
from ipclue.graph.db import Graph, Target, connect
from ipclue.graph.schema import counts, wipe
from ipclue.settings import Settings

REPO = Path(__file__).resolve().parents[2]
STEP = 240  # seconds: the bound of each step (a start, an ingest); the test never hangs


def _graph(state: ServerState) -> Graph:
    target = Target(state.uri, "neo4j", state.password, "neo4j", True)
    return Graph(connect(target), "neo4j", timeout=60.0, target=target)


def _ingest(env: dict[str, str], corpus: Path, q: Path) -> subprocess.Popen[str]:
    cmd = [
        sys.executable,
        "-c",
        "from ipclue.cli import main; main()",
        "ingest",
        str(corpus),
        "--quarantine",
        str(q),
    ]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill(state: ServerState) -> None:
    os.killpg(state.pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.waitpid(state.pid, os.WNOHANG)
            os.kill(state.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            return
        time.sleep(0.1)


def _nodes(graph: Graph) -> int:
    try:
        return int(graph.read("MATCH (n) RETURN count(n) AS n")[0]["n"])
    except Exception:
        return 0


def test_killing_neo4j_mid_ingest_then_rerunning_matches_a_clean_run(tmp_path: Path) -> None:
    from ipclue.synth.generate import generate

    corpus = tmp_path / "corpus"
    generate(corpus, parties=300, seed=7)
    instance = (os.environ.get("IPCLUE_TEST_INSTANCE") or f"pytest-{os.getpid()}") + "-fault"
    server = ManagedNeo4j(Settings(), instance=instance)
    env = {**os.environ, "IPCLUE_INSTANCE": instance, "IPCLUE_BATCH_SIZE": "50", "PYTHONPATH": str(REPO)}
    env.pop("NEO4J_URI", None)
    try:
        state = server.start(timeout=STEP, quiet=True)
        clean = _ingest(env, corpus, tmp_path / "q1")
        assert clean.wait(timeout=STEP) == 0, clean.stderr.read() if clean.stderr else ""
        graph = _graph(state)
        expected = counts(graph)
        wipe(graph)
        faulty = _ingest(env, corpus, tmp_path / "q2")
        deadline = time.monotonic() + STEP
        while _nodes(graph) < 200 and faulty.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        graph.close()
        assert faulty.poll() is None, "the ingest finished before the server could be killed"
        _kill(state)
        _, err = faulty.communicate(timeout=STEP)
        assert faulty.returncode == 3, err
        assert "Traceback" not in err and "ipclue ingest" in err and "ipclue neo4j start" in err, err
        assert len([line for line in err.splitlines() if line.startswith("error:")]) == 1, err
        state = server.start(timeout=STEP, quiet=True)
        again = _ingest(env, corpus, tmp_path / "q3")
        assert again.wait(timeout=STEP) == 0
        graph = _graph(state)
        assert counts(graph) == expected
        graph.close()
    finally:
        server.destroy()
