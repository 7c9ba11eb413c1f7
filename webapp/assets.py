"""Content-hashed static assets: ``asset_url('app.css')`` in templates.

tools/build_assets.py (``make assets``) writes static/dist/manifest.json, which maps
logical names ("app.css", "favicon.svg", "fonts/ibm-plex-sans-400.woff2") to hashed
paths relative to static/ ("dist/app.3f2a9c1b.css"). The manifest is read once, at
start-up; the hashed files are served with a one-year immutable cache.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from flask import Flask

from .speedups import url_for

DIST_DIR = Path(__file__).resolve().parents[1] / "static" / "dist"
MANIFEST_PATH = DIST_DIR / "manifest.json"


def load_manifest(path: Path = MANIFEST_PATH) -> dict[str, str]:
    """Read the manifest; a missing or broken one is a developer error, said plainly."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuntimeError(
            f"{path} is missing: the CSS, fonts and favicon have not been built. "
            "Run `make assets` (npm ci, then .venv/bin/python tools/build_assets.py)."
        ) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"{path} is not valid JSON ({exc}). Run `make assets`.") from exc
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise RuntimeError(f"{path} is not a name -> path mapping. Run `make assets`.")
    return dict(data)


def _static_filename(hashed: str) -> str:
    """Manifest values are relative to static/ ("dist/app.….css"); accept bare names too."""
    return hashed if hashed.startswith("dist/") else "dist/" + hashed


def init_app(app: Flask, manifest: Mapping[str, str] | None = None) -> None:
    """Load the manifest once and register the ``asset_url`` Jinja global."""
    entries = dict(manifest) if manifest is not None else load_manifest()
    app.extensions["asset_manifest"] = entries

    def asset_url(logical_name: str) -> str:
        try:
            hashed = entries[logical_name]
        except KeyError:
            raise KeyError(
                f"asset {logical_name!r} is not in {MANIFEST_PATH.name} "
                f"(known: {', '.join(sorted(entries))}). Run `make assets`."
            ) from None
        return url_for("static", filename=_static_filename(hashed))

    app.jinja_env.globals["asset_url"] = asset_url
