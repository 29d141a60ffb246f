"""The real service for browser tests: seed the graph through the real pipeline, serve it with uvicorn.

Used by ``test_browser.py`` and by ``web/dev/serve_real.py`` (local iteration on the web app).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ipclue.graph.db import Graph

CHROMIUM = os.environ.get("IPCLUE_CHROMIUM", "/usr/bin/chromium")

# One key per role (>= 16 chars, as the API requires); the browser flows sign in with these.
KEYS: dict[str, str] = {
    "investigator": "e2e-investigator-key-0001",
    "supervisor": "e2e-supervisor-key-00001",
    "consumer": "e2e-consumer-key-0000001",
    "admin": "e2e-admin-key-000000001",
}


@dataclass
class Seeded:
    """What was loaded: how, and counts the flows can check against."""

    how: str
    detectors_run: list[str] = field(default_factory=list)
    flags: int = 0
    notes: list[str] = field(default_factory=list)


def seed(graph: Graph, work: Path, parties: int = 40, seed_value: int = 7) -> Seeded:
    """Synthetic corpus → ``ipclue.pipeline.ingest`` when available, else the built-in sample via the Loader;
    then every detector (stored flags), so the dashboard and the review flow have data."""
    out = Seeded(how="")
    try:
        from ipclue.pipeline import ingest
        from ipclue.synth.generate import generate

        corpus = work / "corpus"
        generate(corpus, parties, seed_value)
        ingest(graph, [corpus, group_register(work / "group")], quarantine_dir=work / "quarantine")
        out.how = f"synth({parties}, seed={seed_value}) + group register + pipeline.ingest"
    except ImportError as exc:  # an older tree: the tiny sample through the real loader
        out.notes.append(f"synth/pipeline unavailable ({exc}); loading ipclue.sample")
    # The sample's two linked companies are always there too: the flows search for them by name.
    from ipclue.graph.load import Loader
    from ipclue.sample import sample_records

    Loader(graph).load(sample_records())
    out.how = (out.how + " + " if out.how else "") + "sample_records via Loader"
    try:
        from ipclue.detect import run_detectors

        report = run_detectors(graph)
        out.detectors_run = [d.detector for d in report.detectors]
        out.flags = sum(d.hits for d in report.detectors)
        out.notes += [f"{d.detector}: {d.error}" for d in report.detectors if d.error]
    except ImportError as exc:
        out.notes.append(f"detection unavailable ({exc})")
    return out


# Pairs of companies of one 字号 whose legal representatives share a full name: the group pass makes each
# pair of people a possible match (POSSIBLY_SAME), not a merge. The party page's 可能为同一人 flow
# confirms the first (欧阳锋) and rejects the second (令狐冲).
GROUP_COMPANIES: dict[str, list[dict[str, str]]] = {
    "欧阳锋": [
        {"name": "杭州飞鸿科技有限公司", "address": "杭州市西湖区文三路1号"},
        {"name": "杭州飞鸿贸易有限公司", "address": "杭州市滨江区江南大道2号"},
    ],
    "令狐冲": [
        {"name": "西安华岳电子有限公司", "address": "西安市雁塔区科技路5号"},
        {"name": "西安华岳物流有限公司", "address": "西安市未央区凤城八路6号"},
    ],
}


def group_register(folder: Path) -> Path:
    """A company register file (the synth registry's JSONL format) with GROUP_COMPANIES."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        {"type": "company", "legal_representative": person, **c}
        for person, companies in GROUP_COMPANIES.items()
        for c in companies
    ]
    (folder / "companies.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(graph: Graph, home: Path, port: int | None = None) -> Iterator[str]:
    """The real app (``ipclue.api.app.create_app``) on 127.0.0.1 in a background thread; yields its URL."""
    import uvicorn

    from ipclue.api.app import create_app
    from ipclue.api.config import ApiSettings, Principal, key_digest

    keys: dict[str, Any] = {
        key_digest(k): Principal(name=f"e2e-{role}", role=role)  # type: ignore[arg-type]
        for role, k in KEYS.items()
    }
    settings = ApiSettings(home=home, audit_path=home / "audit.jsonl")
    app = create_app(graph=graph, settings=settings, keys=keys)
    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def run_node(script: Path, url: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a browser script against the served page ``url`` (headless Chromium), output captured."""
    full = {**os.environ, "BASE_URL": url, "CHROMIUM": CHROMIUM, **env}
    return subprocess.run(
        ["node", str(script)], env=full, capture_output=True, text=True, timeout=600, check=False
    )
