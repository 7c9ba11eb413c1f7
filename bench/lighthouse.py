"""Lighthouse (mobile profile) for the start, question and result pages.

    .venv/bin/python bench/lighthouse.py          # the three pages the budget names
    .venv/bin/python bench/lighthouse.py --all    # and every other kind of page

``--all`` adds the check page, the complaint helper, the GP pages (list, municipality,
print), the comparison, the about and privacy pages, and the start page in English;
``make bench`` runs the three.

Uses the npm devDependency ``lighthouse`` (node_modules/.bin/lighthouse, installed by
``npm ci``; it downloads no browser) with Debian's Chromium (``CHROME_PATH``, default
/usr/bin/chromium; CI installs it in .ci/run). Lighthouse's default mobile profile:
a Moto G-class phone, 4x CPU slowdown, slow 4G (simulated). The session cookie for
the question and result pages is passed with ``--extra-headers``.

When Lighthouse or Chromium is missing it prints "lighthouse: not available (reason)"
and exits 0. Writes section "lighthouse" of bench/out/results.json; the full reports
are in bench/out/lighthouse-<page>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchlib import OUT, ROOT, request, save_results, site, table, walk

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
ATTEMPTS = 3
CATEGORIES = ("performance", "accessibility", "best-practices")
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100}


def chrome_path() -> str | None:
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).exists() else None


def unavailable() -> str | None:
    if not LIGHTHOUSE.exists():
        return f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `npm ci`"
    if shutil.which("node") is None:
        return "node is not installed"
    if chrome_path() is None:
        return "Chromium not found: `apt-get install chromium` or set CHROME_PATH"
    return None


def run(url: str, name: str, cookie: str) -> dict[str, Any]:
    report = OUT / f"lighthouse-{name}.json"
    chrome = chrome_path()
    assert chrome is not None
    flags = "--headless=new --no-first-run --disable-gpu"
    if os.geteuid() == 0:
        flags += " --no-sandbox"  # Chromium refuses to run as root with its sandbox
    cmd = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
        f"--chrome-flags={flags}", "--max-wait-for-load=30000",
    ]
    # A Danish phone asks for Danish (Chromium would otherwise send en-US and get English).
    headers = {"Accept-Language": "da"}
    if cookie:
        headers["Cookie"] = cookie
    cmd.append(f"--extra-headers={json.dumps(headers)}")
    env = {**os.environ, "CHROME_PATH": chrome}
    res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                         check=False)
    if res.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed on {url}: {res.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {data['runtimeError']}")
    scores = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    failing = []
    for audit_id, audit in data["audits"].items():
        mode = audit.get("scoreDisplayMode")
        if audit.get("score") is not None and audit["score"] < 1 and mode in ("binary", "numeric",
                                                                             "metricSavings"):
            failing.append({"id": audit_id, "title": audit.get("title", ""),
                            "score": audit["score"], "value": audit.get("displayValue", "")})
    metrics = {k: data["audits"][k].get("displayValue", "") for k in (
        "first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
        "cumulative-layout-shift", "speed-index") if k in data["audits"]}
    return {"url": url, "scores": scores, "metrics": metrics, "not_perfect": failing,
            "lighthouse_version": data.get("lighthouseVersion")}


def stylesheet_reachable(port: int) -> None:
    """The manifest is read at start-up: rebuilding the assets mid-run breaks the CSS link."""
    _, _, body = request(port, "GET", "/")
    match = re.search(rb'<link rel="stylesheet" href="([^"]+)"', body)
    status = request(port, "GET", match.group(1).decode())[0] if match else 0
    if status != 200:
        raise SystemExit("the stylesheet the pages link to is not served (were the assets "
                         "rebuilt while the bench ran?): run `make bench` again")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", dest="every_page",
                        help="every kind of page, not only the start, question and result pages")
    every_page = parser.parse_args().every_page
    reason = unavailable()
    if reason:
        print(f"lighthouse: not available ({reason})")
        save_results("lighthouse", {"available": False, "reason": reason})
        return 0
    results: dict[str, Any] = {}
    with site() as server:
        flow = walk(server.port, "herlev")
        pages = {"start": ("/", ""), "question": (flow.question_path, flow.question_cookie),
                 "result": (flow.result_path, flow.final_cookie)}
        if every_page:
            pages.update({
                "check": (flow.check_path, flow.final_cookie),
                "complaint": (f"/{flow.slug}/klage", flow.final_cookie),
                "gp-list": ("/fagperson", ""),
                "gp": (f"/{flow.slug}/fagperson", ""),
                "gp-print": (f"/{flow.slug}/fagperson/udskriv", ""),
                "compare": ("/sammenlign", ""),
                "about": ("/om", ""),
                "privacy": ("/privatliv", ""),
                "start-en": ("/?lang=en", ""),
            })
        for name, (path, cookie) in pages.items():
            stylesheet_reachable(server.port)
            # Lighthouse with headless Chromium now and then fails to record its trace
            # (NO_NAVSTART, "Please run Lighthouse again"): a page gets three tries.
            for attempt in range(1, ATTEMPTS + 1):
                try:
                    results[name] = run(server.url(path), name, cookie)
                    break
                except (RuntimeError, subprocess.TimeoutExpired) as exc:
                    if attempt < ATTEMPTS:
                        print(f"  {name}: try {attempt} of {ATTEMPTS} failed "
                              f"({str(exc).strip().splitlines()[-1][:160]}); trying again",
                              flush=True)
                        continue
                    print(f"lighthouse: {name}: not available ({exc})")
                    save_results("lighthouse", {"available": False, "reason": str(exc)[:500]})
                    return 0
            s = results[name]["scores"]
            print(f"  {name:9} " + "  ".join(f"{c} {s[c]}" for c in CATEGORIES), flush=True)
    rows = [[name, *(str(r["scores"][c]) for c in CATEGORIES),
             r["metrics"].get("first-contentful-paint", ""),
             r["metrics"].get("largest-contentful-paint", ""),
             r["metrics"].get("total-blocking-time", ""),
             r["metrics"].get("cumulative-layout-shift", "")]
            for name, r in results.items()]
    version = next(iter(results.values()))["lighthouse_version"]
    print(f"Lighthouse {version}, mobile profile (simulated slow 4G, 4x CPU slowdown)")
    print(table(["page", *CATEGORIES, "FCP", "LCP", "TBT", "CLS"], rows))
    for name, r in results.items():
        for audit in r["not_perfect"]:
            print(f"  {name}: {audit['id']} ({audit['score']}) {audit['title']} {audit['value']}")
    save_results("lighthouse", {"available": True, "version": version, "pages": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
