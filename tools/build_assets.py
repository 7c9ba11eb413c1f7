#!/usr/bin/env python3
"""Build the front-end assets into static/dist/ (Python 3.11, standard library only).

    npm ci                              # once: installs dkfds + sass into node_modules/
    .venv/bin/python tools/build_assets.py

What it does:

1. Compiles assets/scss/app.scss with node_modules/.bin/sass (compressed, no source
   map, ``--load-path node_modules``). DKFDS is compiled selectively: app.scss loads
   only the partials we use.
2. Copies the two font files (IBM Plex Sans 400 and 600, Latin-1 subsets, from the
   dkfds package) and the favicon (assets/favicon.svg).
3. Names every output by a hash of its content (``app.3f2a9c1b.css``,
   ``fonts/ibm-plex-sans-400.ab12cd34.woff2``, ``favicon.0c1d2e3f.svg``) and rewrites
   the font URLs inside the CSS to the hashed names (relative URLs).
4. Inlines the few DKFDS icons the CSS refers to (``../img/svg-icons/*.svg``) as
   ``data:`` URIs, so the CSS references no other file. Any other ``url()`` fails the
   build: nothing may be loaded from anywhere we did not decide on.
5. Writes static/dist/manifest.json, mapping logical names ("app.css",
   "fonts/ibm-plex-sans-400.woff2", "favicon.svg") to the hashed paths relative to
   static/ ("dist/app.3f2a9c1b.css"). webapp/assets.py reads it.
6. Writes a gzip -9 copy (``app.3f2a9c1b.css.gz``) beside every compressible output
   of at least 500 bytes; webapp/compression.py serves it to clients that accept gzip.
7. Removes stale hashed files left by earlier builds, and prints raw and gzip sizes.
   Fails if the CSS is over its budget (20 KB gzip-compressed).

Idempotent: a second run with the same inputs changes no file's content and removes
nothing (it only refreshes manifest.json's mtime, so `make` sees the target as new).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
SASS = NODE_MODULES / ".bin" / ("sass.cmd" if os.name == "nt" else "sass")
DKFDS = NODE_MODULES / "dkfds"
ENTRY = ROOT / "assets" / "scss" / "app.scss"
FAVICON = ROOT / "assets" / "favicon.svg"
OUT = ROOT / "static" / "dist"
MANIFEST = OUT / "manifest.json"

# Logical name -> source file. The logical font names are what _fonts.scss refers to.
_PLEX = DKFDS / "dist" / "fonts" / "IBMPlexSans" / "split" / "woff2"
FONTS: dict[str, Path] = {
    "fonts/ibm-plex-sans-400.woff2": _PLEX / "IBMPlexSans-Regular-Latin1.woff2",
    "fonts/ibm-plex-sans-600.woff2": _PLEX / "IBMPlexSans-SemiBold-Latin1.woff2",
}
ICON_PREFIX = "../img/svg-icons/"  # DKFDS's default $icons-folder-path
ICON_DIR = DKFDS / "dist" / "img" / "svg-icons"

HASH_LENGTH = 8
CSS_BUDGET_GZIP = 20 * 1024
# Outputs that get a pre-compressed .gz sibling (fonts are woff2: compressed already).
PRECOMPRESS_SUFFIXES = (".css", ".svg", ".js", ".json")
PRECOMPRESS_MIN_BYTES = 500
MAX_INLINE_ICON_BYTES = 2048

URL_RE = re.compile(r"""url\(\s*(?P<q>["']?)(?P<url>[^"')]*)(?P=q)\s*\)""")
HASHED_NAME_RE = re.compile(rf"^.+\.[0-9a-f]{{{HASH_LENGTH}}}\.[A-Za-z0-9]+(\.gz)?$")


class BuildError(Exception):
    """A problem the developer has to fix; printed without a traceback."""


@dataclass(frozen=True)
class Output:
    logical: str  # "app.css", "fonts/ibm-plex-sans-400.woff2", "favicon.svg"
    path: str  # hashed path relative to static/dist: "app.3f2a9c1b.css"
    data: bytes


# --------------------------------------------------------------------------- helpers


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def hashed_name(logical: str, data: bytes) -> str:
    """'fonts/x.woff2' + data -> 'fonts/x.<hash>.woff2'."""
    stem, dot, ext = logical.rpartition(".")
    if not dot:
        raise BuildError(f"logical asset name without an extension: {logical!r}")
    return f"{stem}.{content_hash(data)}.{ext}"


def gzip_bytes(data: bytes) -> bytes:
    """Deterministic gzip -9 (no timestamp), so rebuilding writes nothing new."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def gzip_size(data: bytes) -> int:
    return len(gzip_bytes(data))


def precompressed(outputs: list[Output]) -> list[tuple[str, bytes]]:
    """(path relative to static/dist, gzip bytes) for the outputs worth compressing."""
    return [
        (o.path + ".gz", gzip_bytes(o.data))
        for o in outputs
        if o.path.endswith(PRECOMPRESS_SUFFIXES) and len(o.data) >= PRECOMPRESS_MIN_BYTES
    ]


def human(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} B"


def svg_data_uri(svg: str) -> str:
    """A compact, CSP-friendly data: URI for an SVG (to be used inside url("…"))."""
    svg = " ".join(svg.split()).replace('"', "'")
    out = []
    for ch in svg:
        if ch in '%#<>"{}|\\^`' or ord(ch) < 0x20 or ord(ch) > 0x7E:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
        else:
            out.append(ch)
    return "data:image/svg+xml," + "".join(out)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically; leave the file (and its mtime) alone when unchanged."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


# --------------------------------------------------------------------------- steps


def check_prerequisites() -> None:
    if not NODE_MODULES.is_dir() or not SASS.exists() or not DKFDS.is_dir():
        raise BuildError(
            f"{NODE_MODULES} is missing or incomplete (need node_modules/.bin/sass and "
            "node_modules/dkfds).\nRun `npm ci` in the repository root first "
            "(it installs the exact versions pinned in package-lock.json), then run "
            "`make assets` again."
        )
    for path in [ENTRY, FAVICON, *FONTS.values()]:
        if not path.is_file():
            raise BuildError(f"missing build input: {path}")


def compile_scss() -> str:
    cmd = [
        str(SASS),
        "--style=compressed",
        "--no-source-map",
        "--quiet-deps",  # DKFDS's own Sass deprecation warnings are not ours to fix
        f"--load-path={NODE_MODULES}",
        str(ENTRY),
    ]
    try:
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
    except OSError as exc:
        raise BuildError(f"could not run {SASS}: {exc}") from exc
    stderr = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode != 0:
        raise BuildError(f"sass failed (exit {result.returncode}):\n{stderr}")
    if stderr:
        print(stderr, file=sys.stderr)
    # In compressed mode sass marks non-ASCII output (DKFDS's "•" bullets) with a BOM;
    # we say it with @charset instead, which survives concatenation and editors.
    css = result.stdout.decode("utf-8").lstrip("\ufeff")
    if not css.isascii():
        css = '@charset "UTF-8";' + css
    return css


def rewrite_urls(css: str, font_paths: dict[str, str]) -> str:
    """Point font URLs at hashed files, inline DKFDS icons, reject anything else."""
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        url = match.group("url").strip()
        if url.startswith("data:"):
            return match.group(0)
        if url in font_paths:
            return f'url("{font_paths[url]}")'
        if url.startswith(ICON_PREFIX):
            name = url[len(ICON_PREFIX) :]
            icon = ICON_DIR / name
            if "/" in name or not name.endswith(".svg") or not icon.is_file():
                unknown.append(url)
                return match.group(0)
            svg = icon.read_text(encoding="utf-8")
            if len(svg.encode("utf-8")) > MAX_INLINE_ICON_BYTES:
                raise BuildError(f"icon {icon} is too large to inline ({len(svg)} bytes)")
            return f'url("{svg_data_uri(svg)}")'
        unknown.append(url)
        return match.group(0)

    css = URL_RE.sub(replace, css)
    if unknown:
        listed = "\n  ".join(sorted(set(unknown)))
        raise BuildError(
            "the compiled CSS refers to files this build does not ship:\n  "
            f"{listed}\nInline or copy them in tools/build_assets.py, or stop using "
            "the DKFDS partial that needs them."
        )
    return css


def build_outputs() -> list[Output]:
    outputs: list[Output] = []
    font_paths: dict[str, str] = {}
    for logical, source in FONTS.items():
        data = source.read_bytes()
        hashed = hashed_name(logical, data)
        font_paths[logical] = hashed  # relative to the CSS, which sits in dist/ too
        outputs.append(Output(logical, hashed, data))

    css = rewrite_urls(compile_scss(), font_paths)
    if not css.endswith("\n"):
        css += "\n"
    css_bytes = css.encode("utf-8")
    outputs.insert(0, Output("app.css", hashed_name("app.css", css_bytes), css_bytes))

    favicon = FAVICON.read_bytes()
    outputs.append(Output("favicon.svg", hashed_name("favicon.svg", favicon), favicon))
    return outputs


def write_outputs(outputs: list[Output]) -> tuple[list[str], list[str]]:
    written = [o.path for o in outputs if write_if_changed(OUT / o.path, o.data)]
    gzipped = precompressed(outputs)
    written += [path for path, data in gzipped if write_if_changed(OUT / path, data)]
    manifest = {o.logical: f"dist/{o.path}" for o in sorted(outputs, key=lambda o: o.logical)}
    manifest_bytes = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")
    if write_if_changed(MANIFEST, manifest_bytes):
        written.append(MANIFEST.name)
    else:
        os.utime(MANIFEST)  # content unchanged; a fresh mtime tells make it is up to date

    # Remove hashed files from earlier builds (and temp files from aborted ones).
    keep = {OUT / o.path for o in outputs} | {OUT / path for path, _ in gzipped}
    removed = []
    for path in sorted(OUT.rglob("*")):
        if not path.is_file() or path in keep:
            continue
        if HASHED_NAME_RE.match(path.name) or path.name.startswith(".tmp-"):
            path.unlink()
            removed.append(str(path.relative_to(OUT)))
    for directory in sorted((p for p in OUT.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
    return written, removed


def report(outputs: list[Output], written: list[str], removed: list[str]) -> None:
    width = max(len(f"static/dist/{o.path}") for o in outputs)
    print(f"{'output':<{width}}  {'raw':>9}  {'gzip':>9}")
    for o in outputs:
        print(
            f"{'static/dist/' + o.path:<{width}}  {human(len(o.data)):>9}  {human(gzip_size(o.data)):>9}"
        )
    manifest = len(MANIFEST.read_bytes())
    print(f"{'static/dist/manifest.json':<{width}}  {human(manifest):>9}")
    if written:
        print(f"written: {', '.join(written)}")
    else:
        print("up to date: nothing written")
    if removed:
        print(f"removed stale: {', '.join(removed)}")


def check_budgets(outputs: list[Output]) -> str:
    css = next(o for o in outputs if o.logical == "app.css")
    size = gzip_size(css.data)
    if size > CSS_BUDGET_GZIP:
        raise BuildError(
            f"CSS budget exceeded: app.css is {human(size)} gzip-compressed, the budget is "
            f"{human(CSS_BUDGET_GZIP)}. Load fewer DKFDS partials in assets/scss/app.scss."
        )
    fonts = [o for o in outputs if o.logical.startswith("fonts/")]
    if len(fonts) > 2:
        raise BuildError(f"font budget exceeded: {len(fonts)} font files, at most 2")
    return f"budgets OK: CSS {human(size)} gzip (budget {human(CSS_BUDGET_GZIP)}), {len(fonts)} font files (budget 2)"


def main() -> int:
    try:
        check_prerequisites()
        outputs = build_outputs()
        budgets = check_budgets(outputs)
        written, removed = write_outputs(outputs)
    except BuildError as exc:
        print(f"build_assets: error: {exc}", file=sys.stderr)
        return 1
    report(outputs, written, removed)
    print(budgets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
