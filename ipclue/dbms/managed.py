"""A managed local Neo4j 5.26 Community: provisioned from Maven Central, run as a plain Java process.

Layout under ``Settings.home``::

    neo4j-<version>/lib/*.jar          jars from Maven Central (shared by instances)
    instances/<name>/conf/neo4j.conf   written on every start
    instances/<name>/{data,logs,run}   the instance's state
    instances/<name>/state.json        pid, port and the generated password (mode 0600)
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from ipclue.errors import ServerError
from ipclue.settings import Settings

# The managed server's garbage collector. Parallel by default: on the 100k-party load bench it took
# 47-50 s of Neo4j CPU against G1's 51-56 s (G1's write barriers and concurrent work cost the loader
# more than its shorter pauses are worth to one workstation's user); ``IPCLUE_GC=g1`` restores G1.
GC_FLAGS = {"parallel": "-XX:+UseParallelGC", "g1": "-XX:+UseG1GC"}

MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
JAVA_OPENS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/sun.net.dns=ALL-UNNAMED",
)
POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>ipclue</groupId><artifactId>neo4j-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId>
      <version>{version}</version></dependency>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId>
      <version>{version}</version></dependency>
  </dependencies>
</project>
"""


@dataclass(frozen=True, slots=True)
class ServerState:
    """What a running managed server needs to be found again."""

    pid: int
    port: int
    password: str
    version: str

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"


def class_sharing(archive: Path) -> tuple[list[str], Path | None]:
    """JVM flags for application class data sharing (AppCDS) through ``archive``, and the file the
    JVM is to write at exit when there is no archive yet (``keep_archive`` moves it into place).

    Loading the server's ~15k classes from their jars is most of a JVM's start: the first run of a
    command writes the classes it loaded to an archive, later runs map it (measured here under load:
    the server's start 23-27 s → 14-17 s, a one-row import 19-21 s → 12-15 s). A stale archive (other
    jars, another JDK) is refused by the JVM with a warning in the log and the run goes on without it."""
    if archive.is_file():
        return [f"-XX:SharedArchiveFile={archive}"], None
    archive.parent.mkdir(parents=True, exist_ok=True)
    pending = archive.with_name(f"{archive.name}.{secrets.token_hex(4)}.part")
    return [f"-XX:ArchiveClassesAtExit={pending}"], pending


def keep_archive(archive: Path, pending: Path | None) -> None:
    """After a clean exit, the archive the JVM wrote becomes ``archive`` (a half-written one never does)."""
    if pending is not None and pending.is_file() and pending.stat().st_size > 0:
        pending.replace(archive)


def java_major() -> int:
    """The major version of ``java`` on PATH; raises ServerError when there is none."""
    java = shutil.which("java")
    if not java:
        raise ServerError("java not found on PATH: install OpenJDK 17 or 21 (Neo4j 5.26 needs it)")
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    token = out.split('"')[1] if '"' in out else "0"
    return int(token.split(".")[0])


class ManagedNeo4j:
    """Provision, start, stop and inspect one named local instance."""

    def __init__(self, settings: Settings, instance: str | None = None) -> None:
        self.settings = settings
        self.version = settings.neo4j_version
        self.home = settings.home
        self.dir = self.home / "instances" / (instance or settings.instance)
        self.lib = self.home / f"neo4j-{self.version}" / "lib"

    @property
    def state_file(self) -> Path:
        return self.dir / "state.json"

    def provisioned(self) -> bool:
        return (self.lib.parent / ".complete").exists()

    def provision(self, *, quiet: bool = False, verbose: bool = False) -> Path:
        """Fetch the server jars with Maven (cached in ~/.m2 and here); idempotent.

        Maven's own output (hundreds of lines) is kept out of sight: ``quiet`` prints nothing, the default
        one progress line on stderr (files fetched and copied so far), ``verbose`` Maven's log as it is.
        On failure the end of Maven's log is in the error.
        """
        if self.provisioned():
            return self.lib
        if not shutil.which("mvn"):
            raise ServerError(
                "mvn not found on PATH: Maven is needed once, to fetch Neo4j from Maven Central"
            )
        work = self.lib.parent
        work.mkdir(parents=True, exist_ok=True)
        (work / "pom.xml").write_text(POM.format(version=self.version), encoding="utf-8")
        cmd = [
            "mvn",
            "-B",
            "-f",
            str(work / "pom.xml"),
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={self.lib}",
        ]
        code, tail = _run_maven(cmd, f"fetching Neo4j {self.version} from Maven Central", quiet, verbose)
        if code != 0:
            raise ServerError(f"Maven could not fetch Neo4j {self.version} (exit {code}): {tail}")
        (work / ".complete").write_text(self.version, encoding="utf-8")
        return self.lib

    def read_state(self) -> ServerState | None:
        try:
            return ServerState(**json.loads(self.state_file.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def _write_state(self, state: ServerState) -> None:
        self.state_file.write_text(json.dumps(asdict(state)), encoding="utf-8")
        self.state_file.chmod(0o600)

    def running(self) -> ServerState | None:
        """The state of a live server of this instance, or None."""
        state = self.read_state()
        if state is None or not _alive(state.pid):
            return None
        return state

    def start(self, *, timeout: float = 120.0, quiet: bool = False) -> ServerState:
        """Start (provisioning first if needed) and wait until Bolt answers; reuse a running one."""
        live = self.running()
        if live is not None:
            return live
        if java_major() < 17:
            raise ServerError("Neo4j 5.26 needs Java 17 or newer")
        self.provision(quiet=quiet)
        previous = self.read_state()
        password = previous.password if previous else secrets.token_urlsafe(24)
        port = _free_port()
        self._write_conf(port)
        proc = self._spawn()
        state = ServerState(pid=proc.pid, port=port, password=password, version=self.version)
        self._write_state(state)
        try:
            self._wait_ready(state, proc, timeout)
        except ServerError:
            self.stop()
            raise
        return state

    def _write_conf(self, port: int) -> None:
        for sub in ("conf", "data", "logs", "run", "plugins", "import"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        s = self.settings
        lines = {
            "server.bolt.listen_address": f"127.0.0.1:{port}",
            "server.bolt.advertised_address": f"127.0.0.1:{port}",
            "server.http.enabled": "false",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": "true",
            "dbms.usage_report.enabled": "false",
            "server.memory.pagecache.size": s.pagecache,
            "server.memory.heap.initial_size": s.heap,
            "server.memory.heap.max_size": s.heap,
            "db.transaction.timeout": "120s",
            # keep ~0.5 GB of transaction logs, not the default two days' worth (18 GB after a day of benches)
            "db.tx_log.rotation.retention_policy": "512M size",
            "server.directories.lib": str(self.lib),
        }
        for sub in ("data", "logs", "run", "plugins", "import"):
            lines[f"server.directories.{sub}"] = str(self.dir / sub)
        text = "".join(f"{k}={v}\n" for k, v in lines.items())
        (self.dir / "conf" / "neo4j.conf").write_text(text, encoding="utf-8")

    @property
    def class_archive(self) -> Path:
        """The server's AppCDS archive (per instance: its class path names the instance's plugins)."""
        return self.dir / "run" / "server.jsa"

    def _spawn(self) -> subprocess.Popen[bytes]:
        s = self.settings
        for stale in self.class_archive.parent.glob(f"{self.class_archive.name}.*.part"):
            stale.unlink(missing_ok=True)  # a run that did not exit cleanly
        sharing, _ = class_sharing(self.class_archive)
        cmd = [
            "java",
            f"-Xms{s.heap}",
            f"-Xmx{s.heap}",
            GC_FLAGS[s.gc],
            *sharing,
            *JAVA_OPENS,
            "-cp",
            f"{self.dir / 'plugins'}/*:{self.lib}/*",
            MAIN_CLASS,
            f"--home-dir={self.dir}",
            f"--config-dir={self.dir / 'conf'}",
        ]
        log = (self.dir / "logs" / "console.log").open("ab")
        return subprocess.Popen(
            cmd,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            cwd=self.dir,
        )

    def _wait_ready(self, state: ServerState, proc: subprocess.Popen[bytes], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise ServerError(f"Neo4j exited with {proc.returncode}; see {self.dir / 'logs'}")
            if _port_open(state.port) and _try_login(state):
                return
            time.sleep(0.5)
        raise ServerError(
            f"Neo4j did not answer on {state.uri} within {timeout:.0f}s; see {self.dir / 'logs'}"
        )

    def stop(self, *, timeout: float = 60.0) -> bool:
        """Stop the instance's Java process (TERM, then KILL); True if one was running."""
        state = self.read_state()
        if state is None or not _alive(state.pid):
            return False
        _signal_group(state.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(state.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _alive(state.pid):
            _signal_group(state.pid, signal.SIGKILL)
            time.sleep(0.5)
        else:  # a clean exit: the class archive it wrote (first run only) is complete
            for pending in self.class_archive.parent.glob(f"{self.class_archive.name}.*.part"):
                keep_archive(self.class_archive, pending)
        return True

    def destroy(self) -> None:
        """Stop and delete this instance's data (jars stay)."""
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def _run_maven(cmd: list[str], what: str, quiet: bool, verbose: bool) -> tuple[int, str]:
    """Run Maven, showing one progress line (or nothing, or everything); (exit code, end of its log)."""
    if verbose:
        done = subprocess.run(cmd, check=False)
        return done.returncode, "see the Maven output above"
    log: list[str] = []
    fetched = copied = 0
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        log.append(line)
        fetched += line.startswith("Downloaded from")
        copied += "Copying " in line
        if not quiet and (line.startswith("Downloaded from") or "Copying " in line):
            sys.stderr.write(f"\r{what}: {fetched} files downloaded, {copied} jars copied")
            sys.stderr.flush()
    code = proc.wait()
    if not quiet:
        outcome = "done" if code == 0 else "failed"
        sys.stderr.write(f"\r{what}: {fetched} files downloaded, {copied} jars copied — {outcome}\n")
    return code, "".join(line for line in log if not line.startswith("Download"))[-2000:]


def running_instances(settings: Settings) -> dict[str, ServerState]:
    """Every managed instance under ``settings.home`` whose server is alive, by name."""
    root = settings.home / "instances"
    names = sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    states = {name: ManagedNeo4j(settings, name).running() for name in names}
    return {name: state for name, state in states.items() if state is not None}


def _try_login(state: ServerState) -> bool:
    """Log in with the instance password; on first start, change the default neo4j/neo4j to it."""
    try:
        with GraphDatabase.driver(state.uri, auth=("neo4j", state.password)) as driver:
            driver.verify_connectivity()
            return True
    except AuthError:
        return _set_initial_password(state)
    except (ServiceUnavailable, OSError):
        return False


def _set_initial_password(state: ServerState) -> bool:
    try:
        with GraphDatabase.driver(state.uri, auth=("neo4j", "neo4j")) as driver:
            driver.execute_query(
                "ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                old="neo4j",
                new=state.password,
                database_="system",
            )
    except (AuthError, ServiceUnavailable, OSError):
        return False
    return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child of ours counts as gone
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return True


def _signal_group(pid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0
