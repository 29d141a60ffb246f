"""Drive one endpoint with wrk (a native load generator) so the client does not share the service's CPU.

Used by ``bench/api.py --driver wrk``. wrk keeps ``clients`` connections busy for ``seconds``, cycling
through the given URLs; a Lua ``done`` hook prints the p50/p95/p99 latencies and the error counts.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

LUA = """
local urls = {}
for line in io.lines(%(urls)s) do urls[#urls + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", urls[(i %% #urls) + 1], {["X-API-Key"] = %(key)s})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %%d, "seconds": %%f, "errors": %%d, "p50": %%f, "p95": %%f, "p99": %%f}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3))
end
"""


def available() -> bool:
    return shutil.which("wrk") is not None


def run(base: str, key: str, urls: list[str], clients: int, seconds: float) -> dict[str, float]:
    """One wrk run: requests, seconds, errors (non-2xx/3xx and socket errors), p50/p95/p99 in ms."""
    with tempfile.TemporaryDirectory() as tmp:
        url_file, script = Path(tmp) / "urls.txt", Path(tmp) / "bench.lua"
        url_file.write_text("".join(quote(u, safe="/?=&:%") + "\n" for u in urls), encoding="utf-8")
        script.write_text(LUA % {"urls": json.dumps(str(url_file)), "key": json.dumps(key)}, encoding="utf-8")
        cmd = ["wrk", "-t2", f"-c{clients}", f"-d{max(1, int(seconds))}s", "-s", str(script), base]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("{")), None)
    if done.returncode or line is None:
        raise SystemExit(f"wrk failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-500:]}")
    result: dict[str, float] = json.loads(line)
    return result
