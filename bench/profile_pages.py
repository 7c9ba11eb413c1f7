"""Where a page's time goes, in-process (no server, no network): the figures behind
"Why the API and the result page stay under 40 %" in the README.

    .venv/bin/python bench/profile_pages.py [--requests 400]

Builds the app as in production, walks the Herlev persona's questionnaire through the
test client, then times the minimal route of bench_http.py, the start page, the first
question (not answered yet), the result page and the API
(median of N requests, each a full WSGI call with gzip asked for), profiles the result page
with cProfile to share its time out (walk over the answers, assess(), templates, gzip),
and times gzip levels on the result page's HTML. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

os.environ.update(TG_ENV="production", TG_SECRET_KEY="b" * 64, TG_PUBLIC_URL="http://127.0.0.1",
                  TG_RATE_LIMIT_PER_MINUTE=str(10**9))

import benchlib  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402

from webapp import create_app  # noqa: E402

HEADERS = {"Accept-Encoding": "gzip", "Accept-Language": "da", "Accept": "text/html"}
BASE = "https://localhost"  # the session cookie is Secure in production
SHARES = {  # what a share of the result page's time is made of (cProfile, cumulative)
    "walk over the answers": "flow.py:.*\\(walk\\)",
    "assess()": "assess.py:.*\\(assess\\)",
    "templates (render_template)": "templating.py:.*\\(render_template\\)",
    "gzip": "compression.py:.*\\(compress_response\\)",
}


def session_after_walk(app: Any, slug: str) -> tuple[str, str, str]:
    """(first question's path, the session cookie before any answer (as bench_http's
    question page: one nobody has answered yet) and after every answer)."""
    client = app.test_client()
    token = benchlib.CSRF_RE.search(client.get("/", base_url=BASE).get_data(as_text=True))
    response = client.post("/", base_url=BASE, data={
        "csrf_token": token.group(1) if token else "", "municipality": slug, "who": "self"})
    url = client.get(response.headers["Location"], base_url=BASE).headers["Location"]
    first = url
    started = client.get_cookie("tg")
    for _ in range(40):
        if "/spoergsmaal/" not in url:
            break
        key = url.rsplit("/", 1)[-1]
        page = client.get(url, base_url=BASE).get_data(as_text=True)
        token = benchlib.CSRF_RE.search(page)
        response = client.post(url, base_url=BASE, data={
            "csrf_token": token.group(1) if token else "",
            **benchlib.form_for(key, benchlib.PERSONAS[slug].get(key))})
        url = response.headers["Location"]
    cookie = client.get_cookie("tg")
    if started is None or cookie is None or not url.endswith("/tjek"):
        raise SystemExit(f"the walk did not reach the check page (ended at {url})")
    return first, started.value, cookie.value


def environ(method: str, path: str, cookie: str | None, body: str | None) -> dict[str, Any]:
    headers = dict(HEADERS, **({"Cookie": f"tg={cookie}"} if cookie else {}))
    kwargs: dict[str, Any] = {"method": method, "path": path, "base_url": BASE,
                              "headers": headers}
    if body is not None:
        kwargs.update(data=body, content_type="application/json")
    return EnvironBuilder(**kwargs).get_environ()


def call(app: Any, env: dict[str, Any]) -> tuple[str, bytes]:
    status: list[str] = []
    body = b"".join(app(env, lambda s, h, e=None: status.append(s)))
    return status[0], body


def median_ms(app: Any, target: tuple[str, str, str | None, str | None], n: int) -> float:
    status, _ = call(app, environ(*target))
    if not status.startswith("200"):
        raise SystemExit(f"{target[1]} answered {status}")
    envs = [environ(*target) for _ in range(n)]
    times = []
    for env in envs:
        start = time.perf_counter()
        call(app, env)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def shares(app: Any, target: tuple[str, str, str | None, str | None], n: int) -> dict[str, float]:
    envs = [environ(*target) for _ in range(n)]
    profile = cProfile.Profile()
    profile.enable()
    for env in envs:
        call(app, env)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = max(ct for (_f, _l, name), (_cc, _nc, _tt, ct, _c) in stats.items()
                if name == "wsgi_app")
    found = {}
    for label, pattern in SHARES.items():
        regex = re.compile(pattern)
        cumulative = [ct for (f, line, name), (_cc, _nc, _tt, ct, _c) in stats.items()
                      if regex.search(f"{Path(f).name}:{line}({name})")]
        found[label] = 100 * max(cumulative, default=0.0) / total
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400)
    n = max(parser.parse_args().requests, 50)
    app = create_app()
    first_question, started, cookie = session_after_walk(app, "herlev")
    targets = {
        "start": ("GET", "/", None, None),
        "question": ("GET", first_question, started, None),
        "result": ("GET", "/herlev/resultat", cookie, None),
        "api": ("POST", "/api/v1/assessment", None, benchlib.api_body("herlev")),
    }
    benchlib.warn_if_busy("profile_pages")
    print(f"in-process, median of {n} requests (gzip asked for), herlev persona")
    from minimal_app import app as minimal  # the yardstick of bench_http.py, in-process too

    rows = [["minimal route", f"{median_ms(minimal, ('GET', '/', None, None), n):.2f}"]]
    rows += [[name, f"{median_ms(app, t, n):.2f}"] for name, t in targets.items()]
    print(benchlib.table(["target", "median ms"], rows))
    print(f"\nresult page, share of its time (cProfile over {n} requests; the profiler slows "
          "small calls most, so shares are approximate)")
    print(benchlib.table(["part", "share"], [[label, f"{share:.0f} %"] for label, share in
                                            shares(app, targets["result"], n).items()]))
    _, page = call(app, environ("GET", "/herlev/resultat", cookie, None))
    html = gzip.decompress(page)
    rows = []
    for level in (1, 3, 4, 6, 9):
        start = time.perf_counter()
        for _ in range(200):
            packed = gzip.compress(html, compresslevel=level, mtime=0)
        rows.append([str(level), f"{(time.perf_counter() - start) / 200 * 1e6:.0f} µs",
                     f"{len(packed) / 1024:.1f} KB"])
    print(f"\ngzip of the result page's HTML ({len(html) / 1024:.1f} KB raw)")
    print(benchlib.table(["level", "time", "size"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
