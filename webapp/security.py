"""Security and caching headers, from one place, and a small per-client rate limit."""

from __future__ import annotations

import time
from collections import OrderedDict

from flask import Flask, Response, request
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import TooManyRequests

CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)

csrf = CSRFProtect()


class RateLimiter:
    """A fixed-window counter per client address, bounded in memory.

    Guards the endpoints that do work per request (form posts and the API) so a single
    client cannot exhaust a worker. Addresses are kept in memory only, never logged.
    """

    def __init__(self, per_minute: int, max_clients: int = 10_000) -> None:
        self.per_minute = per_minute
        self.max_clients = max_clients
        self.windows: OrderedDict[str, tuple[int, int]] = OrderedDict()

    def allow(self, client: str) -> bool:
        window = int(time.monotonic() // 60)
        start, count = self.windows.pop(client, (window, 0))
        if start != window:
            start, count = window, 0
        count += 1
        self.windows[client] = (start, count)
        while len(self.windows) > self.max_clients:
            self.windows.popitem(last=False)
        return count <= self.per_minute


def init_app(app: Flask) -> None:
    csrf.init_app(app)
    limiter = RateLimiter(int(app.config["RATE_LIMIT_PER_MINUTE"]))

    @app.before_request
    def limit_rate() -> None:
        if request.method == "POST" and not limiter.allow(request.remote_addr or "-"):
            raise TooManyRequests(retry_after=60)

    @app.after_request
    def useful_headers(response: Response) -> Response:
        headers = response.headers
        # One pass over the names: werkzeug answers "missing" with a raised exception, and
        # these lookups were a sixth of a cached page's time (bench/).
        present = {name.lower() for name, _ in headers}
        headers.extend((name, value) for name, value in SECURITY_HEADERS
                       if name.lower() not in present)
        hsts = int(app.config.get("HSTS_SECONDS") or 0)
        if hsts and "strict-transport-security" not in present:
            headers["Strict-Transport-Security"] = f"max-age={hsts}; includeSubDomains"
        if request.path.startswith("/static/dist/"):
            headers["Cache-Control"] = "public, max-age=31536000, immutable"
        elif request.path.startswith("/static/"):
            headers["Cache-Control"] = "public, max-age=3600"
        else:
            headers["Cache-Control"] = "no-store"
            if "vary" not in present:
                headers["Vary"] = "Cookie, Accept-Language"
        return response
