"""Throughput and latency under wrk, for our pages and for a minimal Flask route.

    .venv/bin/python bench/bench_http.py [--seconds 3] [--rounds 3] [--connections 1,10,50]

Starts the site and bench/minimal_app.py under the same gunicorn settings on free
127.0.0.1 ports (see bench/benchlib.py), walks the questionnaire once with a real
client to get a valid session cookie, then runs wrk against each target at each
connection count. The runs are interleaved: per connection count, ``--rounds`` rounds
of (minimal route, then each of our targets), so slow drift of a noisy machine hits
every target alike; figures are medians over the rounds, and the ratio to the minimal
route is taken within each round. Every request says ``Accept-Encoding: gzip`` like a
browser.

Targets: the start page, a question page (session chosen), the result page (session
with every answer), POST /api/v1/assessment (JSON), the CSS (static, pre-gzipped) and
the minimal route. Reports req/s, median and p99 latency, and our throughput as a share
of the minimal route's. Writes section "http" of bench/out/results.json.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from typing import Any

from benchlib import (
    Step,
    api_body,
    ensure_wrk,
    minimal_site,
    request,
    run_wrk,
    save_results,
    site,
    table,
    walk,
    warn_if_busy,
    workers,
)

PAGES = ("start", "question", "result", "api")


def targets(port: int) -> dict[str, Step]:
    flow = walk(port, "herlev")
    manifest_css = _css_path(port)
    return {
        "start": Step("GET", "/", ""),
        "question": Step("GET", flow.question_path, flow.question_cookie),
        "result": Step("GET", flow.result_path, flow.final_cookie),
        "api": Step("POST", "/api/v1/assessment", "", api_body("herlev"), "application/json"),
        "static": Step("GET", manifest_css, ""),
    }


def _css_path(port: int) -> str:
    import re

    _, _, body = request(port, "GET", "/")
    match = re.search(rb'<link rel="stylesheet" href="([^"]+)"', body)
    if not match:
        raise SystemExit("no stylesheet link on the start page")
    return match.group(1).decode()


def check_targets(port: int, steps: dict[str, Step]) -> None:
    """Each target answers 200 with the body it should have, before we time it."""
    for name, step in steps.items():
        status, msg, body = request(port, step.method, step.path, step.body.encode() or None,
                                    step.headers())
        if status != 200:
            raise SystemExit(f"{name}: {step.method} {step.path} -> {status} "
                             f"{msg.get('Location', '')}")
        if msg.get("Content-Encoding") != "gzip":
            raise SystemExit(f"{name}: not gzip-compressed although the client accepts it")


def combine(rs: list[dict[str, Any]], minimal: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over the rounds; the ratio is taken within each round, then the median."""
    def med(get: Any) -> float:
        return float(statistics.median(get(r) for r in rs))

    return {
        "rounds": rs,
        "rps": med(lambda r: r["rps"]),
        "latency_us": {k: med(lambda r, k=k: r["latency_us"][k]) for k in rs[0]["latency_us"]},
        "errors": {k: sum(r["errors"][k] for r in rs) for k in rs[0]["errors"]},
        "ratio_to_minimal": float(statistics.median(
            r["rps"] / m["rps"] for r, m in zip(rs, minimal, strict=True))),
        "connections": rs[0]["connections"],
    }


def fmt_ms(us: float) -> str:
    return f"{us / 1000:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", default="1,10,50")
    args = parser.parse_args()
    levels = [int(c) for c in args.connections.split(",")]
    ensure_wrk()
    load_before = warn_if_busy("before")
    results: dict[str, dict[str, Any]] = {}
    with site() as ours, minimal_site() as minimal:
        steps = targets(ours.port)
        check_targets(ours.port, steps)
        every = [("minimal", minimal.port, Step("GET", "/", ""))] + [
            (name, ours.port, step) for name, step in steps.items()
        ]
        for name, port, step in every:  # warm-up: imports, template cache, page cache
            run_wrk(port, [step], 10, 1, f"warm-{name}")
        runs: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for c in levels:
            for round_no in range(1, args.rounds + 1):
                for name, port, step in every:
                    r = run_wrk(port, [step], c, args.seconds, f"{name}-c{c}")
                    runs.setdefault(name, {}).setdefault(str(c), []).append(r)
                    print(f"  round {round_no} {name:9} c={c:<3} {r['rps']:8.0f} req/s  median "
                          f"{fmt_ms(r['latency_us']['p50'])} ms  "
                          f"p99 {fmt_ms(r['latency_us']['p99'])} ms", flush=True)
        for name, per in runs.items():
            for c, rs in per.items():
                results.setdefault(name, {})[c] = combine(rs, runs["minimal"][c])

    load_after = warn_if_busy("after")
    rows = []
    for name in ["minimal", *steps]:
        for c in levels:
            r = results[name][str(c)]
            rows.append([name, str(c), f"{r['rps']:.0f}", fmt_ms(r["latency_us"]["p50"]),
                         fmt_ms(r["latency_us"]["p99"]), f"{r['ratio_to_minimal']:.0%}",
                         str(sum(r["errors"].values()))])
    print()
    print(f"wrk, {args.rounds} rounds x {args.seconds:g} s per target and connection count "
          f"(medians of the rounds), gunicorn --workers {workers()} (sync), "
          "Accept-Encoding: gzip")
    print(table(["target", "conns", "req/s", "median ms", "p99 ms", "÷ minimal", "errors"], rows))
    summary = {
        "page_median_ms_at_1": {p: results[p]["1"]["latency_us"]["p50"] / 1000
                                for p in PAGES if "1" in results[p]},
        "page_ratio_min": min(results[p][str(c)]["ratio_to_minimal"] for p in PAGES
                              for c in levels),
        "page_ratio_median": statistics.median(results[p][str(c)]["ratio_to_minimal"]
                                               for p in PAGES for c in levels),
        "errors": sum(sum(r["errors"].values()) for t in results.values() for r in t.values()),
    }
    save_results("http", {"seconds": args.seconds, "rounds": args.rounds, "connections": levels,
                          "load_average": {"before": load_before, "after": load_after},
                          "targets": {n: s.path for n, s in steps.items()},
                          "results": results, "summary": summary})
    if summary["errors"]:
        print(f"wrk counted {summary['errors']} errors (non-2xx/3xx or socket errors)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
