"""Shared helpers for the bench scripts: gunicorn on 127.0.0.1, a cookie-carrying HTTP client
that walks the questionnaire, wrk with generated Lua, /proc memory, and results.json.

Only 127.0.0.1 is ever contacted. Servers run as

    TG_ENV=production TG_SECRET_KEY=<random per run> TG_RATE_LIMIT_PER_MINUTE=<huge>
    gunicorn --workers <cores> --bind 127.0.0.1:<free port> 'webapp:create_app()'

Production mode, because that is what is measured: it sets the ``Secure`` flag on the
session cookie, which only tells a *browser* not to send the cookie over plain http.
The bench clients here read ``Set-Cookie`` themselves and send the cookie as a header
(wrk via Lua, Lighthouse via ``--extra-headers``), so nothing needs to be switched off.
The POST rate limit (per client address, per worker) is raised because every simulated
visitor comes from 127.0.0.1; the limit itself is tested in tests/web/test_hostile.py.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
OUT = BENCH / "out"
RESULTS = OUT / "results.json"
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
COOKIE_NAME = "tg"
BROWSER_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate, br",
    "Accept-Language": "da,en;q=0.5",
}

sys.path.insert(0, str(ROOT))


def workers() -> int:
    return max(2, os.cpu_count() or 2)


# --------------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def url(self, path: str = "/") -> str:
        return f"http://{HOST}:{self.port}{path}"


def gunicorn_command(app_spec: str, port: int, extra: list[str] | None = None) -> list[str]:
    return [
        str(VENV_BIN / "gunicorn"), "--bind", f"{HOST}:{port}", "--workers", str(workers()),
        "--worker-class", "sync", "--log-level", "warning", *(extra or []), app_spec,
    ]


def server_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TG_")}
    env.update(
        TG_ENV="production",
        TG_SECRET_KEY=secrets.token_hex(32),
        TG_RATE_LIMIT_PER_MINUTE=str(10**9),
        TG_PUBLIC_URL=f"http://{HOST}",  # set in production too (README, Deploying)
    )
    return env


@contextlib.contextmanager
def serve(name: str, app_spec: str, extra: list[str] | None = None) -> Iterator[Server]:
    """Start gunicorn on a free 127.0.0.1 port, wait until it answers, stop it afterwards."""
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = OUT / f"gunicorn-{name}.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(gunicorn_command(app_spec, port, extra), cwd=ROOT,
                                   env=server_env(), stdout=log_file, stderr=subprocess.STDOUT)
    server = Server(name, port, process, log)
    try:
        wait_ready(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_ready(server: Server, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"gunicorn ({server.name}) exited:\n{server.log.read_text()[-3000:]}")
        try:
            status, _, _ = request(server.port, "GET", "/")
            if status < 500:
                # Every worker imports the app before it accepts; give the others a moment.
                time.sleep(1.0)
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn ({server.name}) did not answer within {timeout:.0f} s")


def site() -> contextlib.AbstractContextManager[Server]:
    return serve("site", "webapp:create_app()")


def minimal_site() -> contextlib.AbstractContextManager[Server]:
    return serve("minimal", "minimal_app:app", ["--pythonpath", str(BENCH)])


# --------------------------------------------------------------------------- memory


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            out.append(int(entry.name))
    return sorted(out)


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


# --------------------------------------------------------------------------- HTTP


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, http.client.HTTPMessage, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.msg, response.read()
    finally:
        conn.close()


def header_bytes(status: int, reason: str, msg: http.client.HTTPMessage) -> int:
    """Bytes of the status line and headers as sent on the wire (HTTP/1.1)."""
    size = len(f"HTTP/1.1 {status} {reason}\r\n")
    for key, value in msg.items():
        size += len(key) + 2 + len(value) + 2
    return size + 2


def decoded(msg: http.client.HTTPMessage, body: bytes) -> bytes:
    return gzip.decompress(body) if msg.get("Content-Encoding") == "gzip" else body


@dataclass(frozen=True)
class Step:
    """One request of a recorded walk, with the cookie a browser would have sent."""

    method: str
    path: str
    cookie: str
    body: str = ""
    content_type: str = ""
    expect: int = 200

    def headers(self) -> dict[str, str]:
        out = dict(BROWSER_HEADERS)
        if self.cookie:
            out["Cookie"] = self.cookie
        if self.content_type:
            out["Content-Type"] = self.content_type
        return out


@dataclass
class Visitor:
    """A browser-like client: keeps the session cookie itself (Secure or not)."""

    port: int
    cookie: str = ""
    steps: list[Step] = field(default_factory=list)

    def send(self, method: str, path: str, form: dict[str, Any] | None = None,
             ) -> tuple[int, http.client.HTTPMessage, str]:
        body = urlencode(form, doseq=True) if form is not None else ""
        step = Step(method, path, self.cookie, body,
                    "application/x-www-form-urlencoded" if form is not None else "")
        status, msg, raw = request(self.port, method, path, body.encode() or None,
                                   step.headers())
        self.steps.append(Step(step.method, step.path, step.cookie, step.body,
                               step.content_type, status))
        for value in msg.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            if name.strip() == COOKIE_NAME:
                self.cookie = f"{COOKIE_NAME}={rest.split(';', 1)[0]}"
        if status >= 400:
            raise RuntimeError(f"{method} {path} -> {status}: {decoded(msg, raw)[:500]!r}")
        return status, msg, decoded(msg, raw).decode("utf-8")

    def get(self, path: str) -> str:
        status, msg, text = self.send("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} -> {status} {msg.get('Location')}")
        return text

    def post(self, path: str, form: dict[str, Any]) -> str:
        status, msg, _ = self.send("POST", path, form)
        if status != 302:
            raise RuntimeError(f"POST {path} -> {status}, expected a redirect")
        location = msg["Location"]
        return location.split(f":{self.port}", 1)[-1] if "://" in location else location


CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')

# One person per municipality with a standard (and one without), as in tests/web/test_flows.
PERSONAS: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "tests" / "personas.yaml").read_text(encoding="utf-8"))


def form_for(key: str, value: Any) -> dict[str, Any]:
    from webapp.questionnaire.catalogue import QUESTIONS
    from webapp.questionnaire.forms import post_fields

    return post_fields(QUESTIONS[key], value)


@dataclass
class Walk:
    slug: str
    steps: list[Step]
    question_paths: list[str]  # the question pages, in the order asked
    start_cookie: str  # cookie after the start form (who + municipality chosen)
    final_cookie: str  # cookie with every answer: the result page renders with it

    @property
    def question_path(self) -> str:
        """A typical question page: the second (a radio group), or the first if alone."""
        return self.question_paths[1 if len(self.question_paths) > 1 else 0]

    @property
    def question_cookie(self) -> str:
        """The cookie the browser sent when it first fetched that question page."""
        return next(s.cookie for s in self.steps
                    if s.method == "GET" and s.path == self.question_path)

    @property
    def result_path(self) -> str:
        return f"/{self.slug}/resultat"

    @property
    def check_path(self) -> str:
        return f"/{self.slug}/tjek"


def walk(port: int, slug: str = "herlev", who: str = "self") -> Walk:
    """Answer the questionnaire like a person would; raise if anything is off."""
    answers = PERSONAS[slug]
    v = Visitor(port)
    token = _csrf(v.get("/"))
    url = v.post("/", {"csrf_token": token, "municipality": slug, "who": who})
    start_cookie = v.cookie
    status, msg, _ = v.send("GET", url)
    if status != 302:
        raise RuntimeError(f"GET {url} -> {status}, expected a redirect to the first question")
    url = msg["Location"]
    asked = []
    for _ in range(40):
        if "/spoergsmaal/" not in url:
            break
        asked.append(url)
        key = url.rsplit("/", 1)[-1]
        token = _csrf(v.get(url))
        url = v.post(url, {"csrf_token": token, **form_for(key, answers.get(key))})
    else:
        raise RuntimeError("the questionnaire did not end within 40 questions")
    if not url.endswith(f"/{slug}/tjek"):
        raise RuntimeError(f"expected the check page, got {url}")
    v.get(url)
    result = v.get(f"/{slug}/resultat")
    if "Kilde:" not in result:
        raise RuntimeError("the result page does not look like a result")
    return Walk(slug, v.steps, asked, start_cookie, v.cookie)


def _csrf(html: str) -> str:
    match = CSRF_RE.search(html)
    if not match:
        raise RuntimeError("no CSRF token in the form")
    return match.group(1)


def api_body(slug: str = "herlev") -> str:
    return json.dumps({"municipality": slug, "answers": PERSONAS[slug], "today": "2026-03-30"})


# --------------------------------------------------------------------------- wrk


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit("wrk is not installed: run `sudo apt-get install -y wrk` (Debian).")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("installing wrk (apt-get) ...", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("apt-get ran, but wrk is still not on PATH")
    return found


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal here


REPORT_LUA = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
function done(summary, latency, requests)
  local codes = {}
  for _, t in ipairs(threads) do
    local seen = t:get("codes")
    if seen then
      for code, n in string.gmatch(seen, "(%d+)=(%d+)") do
        codes[code] = (codes[code] or 0) + tonumber(n)
      end
    end
  end
  local parts = {}
  for code, n in pairs(codes) do table.insert(parts, string.format('"%s":%d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%.1f,"p90":%.1f,"p99":%.1f,"max":%.1f,"mean":%.1f},' ..
    '"codes":{%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean, table.concat(parts, ",")))
end
"""

COUNT_LUA = r"""
codes_seen = {}
function response(status, headers, body)
  codes_seen[status] = (codes_seen[status] or 0) + 1
  local parts = {}
  for code, n in pairs(codes_seen) do table.insert(parts, code .. "=" .. n) end
  codes = table.concat(parts, ",")
end
"""


def lua_for_steps(steps: list[Step], count_codes: bool) -> str:
    """A wrk script sending the steps round-robin (per thread), each with its headers."""
    lines = ["local reqs = {}"]
    for s in steps:
        lines.append(
            f"table.insert(reqs, wrk.format({lua_string(s.method)}, {lua_string(s.path)}, "
            f"{_lua_table(s.headers())}, {lua_string(s.body) if s.body else 'nil'}))"
        )
    lines += [
        "local i = 0",
        "function request()",
        "  i = i % #reqs + 1",
        "  return reqs[i]",
        "end",
    ]
    return "\n".join(lines) + (COUNT_LUA if count_codes else "") + REPORT_LUA


def _lua_table(headers: dict[str, str]) -> str:
    return "{" + ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items()) + "}"


def run_wrk(port: int, steps: list[Step], connections: int, seconds: int,
            name: str, count_codes: bool = False, timeout_s: int = 10) -> dict[str, Any]:
    OUT.mkdir(parents=True, exist_ok=True)
    script = OUT / f"wrk-{name}.lua"
    script.write_text(lua_for_steps(steps, count_codes), encoding="utf-8")
    threads = 1 if connections == 1 else min(2, connections)
    cmd = [ensure_wrk(), "-t", str(threads), "-c", str(connections), "-d", f"{int(seconds)}s",
           "--timeout", f"{timeout_s}s", "-s", str(script), f"http://{HOST}:{port}/"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60, check=False)
    if res.returncode != 0:
        raise RuntimeError(f"wrk failed ({res.returncode}): {res.stderr or res.stdout}")
    for line in res.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            data: dict[str, Any] = json.loads(line[len("WRK_JSON "):])
            data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
            data["connections"] = connections
            return data
    raise RuntimeError(f"no WRK_JSON line in wrk's output:\n{res.stdout}")


# --------------------------------------------------------------------------- results


def save_results(section: str, data: Any) -> None:
    """Merge one section into bench/out/results.json (each script owns its sections)."""
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    if RESULTS.exists():
        with contextlib.suppress(ValueError):
            results = json.loads(RESULTS.read_text(encoding="utf-8"))
    results[section] = data
    results.setdefault("meta", {})
    results["meta"].update(environment())
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_results() -> dict[str, Any]:
    if not RESULTS.exists():
        return {}
    data: dict[str, Any] = json.loads(RESULTS.read_text(encoding="utf-8"))
    return data


def loadavg() -> float:
    """The 1-minute load average: above the core count, other work competes for the CPU."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return -1.0


def warn_if_busy(label: str) -> float:
    load = loadavg()
    cores = os.cpu_count() or 1
    if load > cores / 2:
        print(f"note ({label}): load average {load:.1f} on {cores} cores: other work is "
              "running, so absolute timings are high and noisy; ratios hold up better",
              flush=True)
    return load


def environment() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "gunicorn_workers": workers(),
            "python": sys.version.split()[0]}


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table (pasteable into the README)."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=False)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"
