"""Soak: the whole flow (start -> questions -> check -> result) under load, memory watched.

    .venv/bin/python bench/soak.py [--seconds 60] [--connections 50]

Starts the site under gunicorn on 127.0.0.1 (bench/benchlib.py), walks the questionnaire
once per persona (six municipalities, each kind of person) with a real client and
records every request with the cookie a browser would have sent at that step. wrk then
replays those flows round-robin over ``--connections`` connections for ``--seconds``:
GET /, POST / (the start form, CSRF token included), the redirects, every question page
and every answer POST, the check page and the result page. The site keeps all state in
the signed cookie, so a replayed step makes the server do exactly the work of a real one.

Memory: the RSS of the gunicorn master and workers is read from /proc every 2 s.
"Flat" means the workers' total RSS at the end is within 10 % (and at most 8 MiB) of
what it was after the first 10 s of load (imports, template and catalog caches are warm
by then).

Passes (exit 0) with zero socket errors, zero responses >= 400 (so zero 5xx) and flat
memory. Bounded: one wrk run of --seconds (at most 600), 127.0.0.1 only. Writes section
"soak" of bench/out/results.json.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from typing import Any

from benchlib import children as child_pids
from benchlib import (
    ensure_wrk,
    loadavg,
    rss_kib,
    run_wrk,
    save_results,
    site,
    table,
    walk,
    warn_if_busy,
    workers,
)

WARM_SECONDS = 10
SAMPLE_EVERY = 2.0
FLAT_FRACTION = 0.10
FLAT_MAX_KIB = 8 * 1024
WHO = ("self", "relative", "gp")


class MemorySampler(threading.Thread):
    def __init__(self, master: int) -> None:
        super().__init__(daemon=True)
        self.master = master
        self.samples: list[dict[str, Any]] = []
        self.stop = threading.Event()
        self.started = time.monotonic()

    def sample(self) -> None:
        pids = child_pids(self.master)
        worker_rss = {pid: rss_kib(pid) or 0 for pid in pids}
        self.samples.append({
            "t": round(time.monotonic() - self.started, 1),
            "master_kib": rss_kib(self.master) or 0,
            "workers_kib": worker_rss,
            "workers_total_kib": sum(worker_rss.values()),
        })

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(SAMPLE_EVERY)


def mb(kib: float) -> str:
    return f"{kib / 1024:.1f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    seconds = min(max(args.seconds, 15), 600)
    ensure_wrk()
    load_before = warn_if_busy("before")
    with site() as server:
        steps = []
        personas = ["herlev", "fredensborg", "fredericia", "broenderslev", "nyborg", "aarhus"]
        for i, slug in enumerate(personas):
            steps += walk(server.port, slug, WHO[i % len(WHO)]).steps
        before = {"master_kib": rss_kib(server.pid) or 0,
                  "workers_kib": {p: rss_kib(p) or 0 for p in child_pids(server.pid)}}
        print(f"soak: {len(steps)} recorded requests from {len(personas)} flows, "
              f"{args.connections} connections, {seconds} s, gunicorn --workers {workers()}",
              flush=True)
        sampler = MemorySampler(server.pid)
        sampler.start()
        result = run_wrk(server.port, steps, args.connections, seconds, "soak",
                         count_codes=True, timeout_s=10)
        sampler.stop.set()
        sampler.join()
        sampler.sample()
        alive = server.process.poll() is None
        log_tail = server.log.read_text(errors="replace")[-2000:]

    samples = sampler.samples
    warm = next((s for s in samples if s["t"] >= WARM_SECONDS), samples[0])
    end = samples[-1]
    peak = max(s["workers_total_kib"] for s in samples)
    growth = end["workers_total_kib"] - warm["workers_total_kib"]
    allowed = min(FLAT_MAX_KIB, warm["workers_total_kib"] * FLAT_FRACTION)
    flat = growth <= allowed
    codes = {int(k): v for k, v in result["codes"].items()}
    bad = sum(v for k, v in codes.items() if k >= 400)
    five = sum(v for k, v in codes.items() if k >= 500)
    socket_errors = sum(v for k, v in result["errors"].items() if k != "status")
    expected_mix = {
        200: sum(1 for s in steps if s.expect == 200) / len(steps),
        302: sum(1 for s in steps if s.expect == 302) / len(steps),
    }

    rows = [[
        f"{result['requests']}", f"{result['rps']:.0f}",
        f"{result['latency_us']['p50'] / 1000:.1f}", f"{result['latency_us']['p99'] / 1000:.1f}",
        ", ".join(f"{k}: {v}" for k, v in sorted(codes.items())), str(socket_errors), str(five),
    ]]
    print(table(["requests", "req/s", "median ms", "p99 ms", "status codes", "socket errors",
                 "5xx"], rows))
    mem_rows = [
        ["before load", mb(sum(before["workers_kib"].values())),
         mb(before["master_kib"])],
        [f"after {warm['t']:.0f} s", mb(warm["workers_total_kib"]),
         mb(warm["master_kib"])],
        [f"end ({end['t']:.0f} s)", mb(end["workers_total_kib"]),
         mb(end["master_kib"])],
        ["max", mb(peak), mb(max(s["master_kib"] for s in samples))],
    ]
    print(f"memory (RSS, {len(samples)} samples every {SAMPLE_EVERY:g} s; "
          f"{workers()} workers summed)")
    print(table(["when", "workers", "master"], mem_rows))
    print(f"memory growth after warm-up: {growth / 1024:+.1f} MB "
          f"(allowed {allowed / 1024:.1f} MB): {'flat' if flat else 'GROWING'}")
    for code, share in expected_mix.items():
        seen = codes.get(code, 0) / max(result["requests"], 1)
        print(f"share of {code}: {seen:.1%} (recorded flows: {share:.1%})")

    ok = alive and flat and bad == 0 and socket_errors == 0 and result["requests"] > 0
    save_results("soak", {
        "seconds": seconds, "connections": args.connections, "flows": len(personas),
        "recorded_requests": len(steps), "wrk": result, "status_codes": codes,
        "responses_4xx_5xx": bad, "responses_5xx": five, "socket_errors": socket_errors,
        "memory": {"before": before, "after_warmup": warm, "end": end, "max_workers_kib": peak,
                   "growth_kib": growth, "allowed_kib": allowed, "flat": flat,
                   "samples": samples},
        "load_average": {"before": load_before, "after": loadavg()},
        "passed": ok,
    })
    if not alive:
        print(f"gunicorn died during the soak:\n{log_tail}")
    print("soak: PASSED" if ok else "soak: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
