"""Page weight per page type, as a browser that accepts gzip would transfer it.

    .venv/bin/python bench/page_weight.py

Starts the site under gunicorn (bench/benchlib.py), walks the questionnaire, then for
the start, question, check and result pages fetches the HTML and everything it makes a
browser load: stylesheets, scripts, images and icons named in the HTML, and the fonts
and images the CSS refers to (``url()`` outside ``data:``). Sizes are the body as sent
(gzip where the server compresses), the body uncompressed ("raw") and the bytes of
status line and headers.

First visit: everything, headers included. Repeat visit: a file whose Cache-Control is
``immutable`` with a max-age of a year (hashed names) comes from the browser cache, so
only the HTML and any file without that header is transferred again.

Writes section "weight" of bench/out/results.json.
"""

from __future__ import annotations

import http.client
import re
import sys
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from benchlib import (
    BROWSER_HEADERS,
    HOST,
    decoded,
    header_bytes,
    kb,
    save_results,
    site,
    table,
    walk,
)

KINDS = ("html", "css", "js", "font", "image")
CSS_URL_RE = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []  # (kind, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        rel = set(a.get("rel", "").lower().split())
        if tag == "link" and "stylesheet" in rel and a.get("href"):
            self.found.append(("css", a["href"]))
        elif tag == "link" and rel & {"icon", "apple-touch-icon"} and a.get("href"):
            self.found.append(("image", a["href"]))
        elif tag == "link" and "preload" in rel and a.get("href"):
            self.found.append((_kind_of(a["href"], a.get("as", "")), a["href"]))
        elif tag == "script" and a.get("src"):
            self.found.append(("js", a["src"]))
        elif tag in ("img", "source") and (a.get("src") or a.get("srcset")):
            self.found.append(("image", (a.get("src") or a["srcset"]).split()[0]))


def _kind_of(url: str, hint: str = "") -> str:
    path = urlsplit(url).path.lower()
    if hint == "font" or path.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "font"
    if hint == "style" or path.endswith(".css"):
        return "css"
    if hint == "script" or path.endswith(".js"):
        return "js"
    return "image"


def fetch(port: int, path: str, cookie: str = "") -> dict[str, Any]:
    headers = dict(BROWSER_HEADERS)
    if cookie:
        headers["Cookie"] = cookie
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            raise SystemExit(f"GET {path} -> {resp.status}")
        return {
            "path": path,
            "sent": len(body),
            "raw": len(decoded(resp.msg, body)),
            "headers": header_bytes(resp.status, resp.reason, resp.msg),
            "encoding": resp.msg.get("Content-Encoding", "identity"),
            "cache_control": resp.msg.get("Cache-Control", ""),
            "text": decoded(resp.msg, body),
        }
    finally:
        conn.close()


def year_immutable(cache_control: str) -> bool:
    parts = {p.strip() for p in cache_control.lower().split(",")}
    ages = [int(p.split("=", 1)[1]) for p in parts if p.startswith("max-age=")]
    return "immutable" in parts and bool(ages) and ages[0] >= 31536000


def weigh(port: int, path: str, cookie: str) -> dict[str, Any]:
    page = fetch(port, path, cookie)
    parser = Links()
    parser.feed(page["text"].decode("utf-8"))
    files: list[dict[str, Any]] = [{**page, "kind": "html"}]
    seen = {path}
    queue = [(kind, urljoin(path, url)) for kind, url in parser.found]
    while queue:
        kind, url = queue.pop(0)
        if url.startswith("data:") or url in seen:
            continue
        if urlsplit(url).netloc:
            raise SystemExit(f"{path} loads {url} from another host: no third-party requests")
        seen.add(url)
        item = {**fetch(port, url), "kind": kind}
        files.append(item)
        if kind == "css":
            css = item["text"].decode("utf-8")
            for ref in CSS_URL_RE.findall(css):
                if not ref.startswith("data:"):
                    queue.append((_kind_of(ref), urljoin(url, ref)))
    for f in files:
        f.pop("text")
    by_kind = {k: {"files": 0, "sent": 0, "raw": 0} for k in KINDS}
    for f in files:
        by_kind[f["kind"]]["files"] += 1
        by_kind[f["kind"]]["sent"] += f["sent"]
        by_kind[f["kind"]]["raw"] += f["raw"]
    first = sum(f["sent"] + f["headers"] for f in files)
    repeat = sum(f["sent"] + f["headers"] for f in files
                 if f["kind"] == "html" or not year_immutable(f["cache_control"]))
    return {"path": path, "files": files, "by_kind": by_kind,
            "first_visit": first, "repeat_visit": repeat}


def main() -> int:
    with site() as server:
        flow = walk(server.port, "herlev")
        pages = {
            "start": ("/", ""),
            "question": (flow.question_path, flow.question_cookie),
            "check": (flow.check_path, flow.final_cookie),
            "result": (flow.result_path, flow.final_cookie),
        }
        weights = {name: weigh(server.port, path, cookie)
                   for name, (path, cookie) in pages.items()}

    rows = []
    for name, w in weights.items():
        k = w["by_kind"]
        rows.append([
            name,
            f"{kb(k['html']['sent'])} / {kb(k['html']['raw'])}",
            f"{kb(k['css']['sent'])} / {kb(k['css']['raw'])}",
            f"{kb(k['js']['sent'])} ({k['js']['files']})",
            f"{kb(k['font']['sent'])} ({k['font']['files']})",
            f"{kb(k['image']['sent'])} ({k['image']['files']})",
            kb(w["first_visit"]),
            kb(w["repeat_visit"]),
        ])
    print("Page weight (gzip as sent / uncompressed; files in brackets; visits include headers)")
    print(table(["page", "HTML gz / raw", "CSS gz / raw", "JS", "fonts", "images",
                 "first visit", "repeat visit"], rows))
    save_results("weight", weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
