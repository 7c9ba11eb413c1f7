"""The yardstick: the smallest Flask app, one route, served by the same gunicorn settings.

bench/bench_http.py reports our pages as a ratio of this route's throughput, so the
figures mean the same on a fast or a slow, quiet or noisy machine.
"""

from __future__ import annotations

from flask import Flask

app = Flask(__name__)

PAGE = "<!doctype html><html lang=da><title>Hej</title><h1>Hej</h1><p>Minimal side.</p>"


@app.get("/")
def index() -> str:
    return PAGE
