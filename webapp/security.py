"""Security and caching headers, from one place, and a small per-client rate limit."""

from __future__ import annotations

import io
import time
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from flask import Flask, Request, Response, request, session
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect
from itsdangerous import BadData, URLSafeTimedSerializer
from werkzeug.exceptions import (
    BadRequest,
    RequestEntityTooLarge,
    TooManyRequests,
    UnsupportedMediaType,
)

from .context import is_api_request

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
CACHED = frozenset((200, 206, 304))  # the statuses a static file's caching headers go on


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


BODY_PROBLEM = "tg.body_problem"  # set by ChunkedBodyGuard, raised by the app


class ChunkedBodyGuard:
    """WSGI middleware for request bodies sent in chunks (no Content-Length).

    Werkzeug stops reading such a body at the size limit and hands on what it has, so an
    oversized body was cut short instead of refused, and a chunk the server cannot parse
    surfaced as an OSError (a 500). Here the body is read whole, up to one byte over the
    limit, before the app sees it: over the limit it is refused with 413, unreadable with
    400 (the app raises either in its first hook, so the person gets the usual page or
    JSON), and otherwise the app gets it with its length. Bodies are small (16 KiB).
    """

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        if (not environ.get("CONTENT_LENGTH")
                and "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()):
            body, problem = self._read(environ["wsgi.input"])
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            # Now an ordinary body of known length (werkzeug ignores a length beside
            # "chunked", and would read nothing).
            environ.pop("HTTP_TRANSFER_ENCODING")
            environ.pop("wsgi.input_terminated", None)
            if problem:
                environ[BODY_PROBLEM] = problem
        return self.app(environ, start_response)  # type: ignore[no-any-return]

    def _read(self, stream: Any) -> tuple[bytes, int | None]:
        parts: list[bytes] = []
        size = 0
        try:
            while size <= self.limit:
                chunk = stream.read(self.limit + 1 - size)
                if not chunk:
                    return b"".join(parts), None
                parts.append(chunk)
                size += len(chunk)
        except Exception:  # noqa: BLE001 - any failure to read what the client sent is
            # its bad request: gunicorn raises its own ParseException subclasses
            # (InvalidChunkSize, ChunkMissingTerminator), and OSError when the client goes.
            return b"", 400
        return b"", 413


def refuse_bad_body() -> None:
    problem = request.environ.get(BODY_PROBLEM)
    if problem == 413:
        raise RequestEntityTooLarge()
    if problem:
        raise BadRequest()


FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
FORM_TYPES = frozenset((FORM, MULTIPART))


def readable_form() -> None:
    """A post to a page that is not a form it can read gets 415 (another content type) or
    400 (bytes that are not UTF-8, which werkzeug drops without a word), not the CSRF
    check's "the page has expired" for a token it could not find. A post with no content
    type is an empty form. The API reads JSON itself; an address with no page is left to
    routing (404, 405).

    A multipart part with no name (RFC 7578 requires one) is 400 too: werkzeug files it
    under the name None, and Flask-WTF, looking for the token among the names, failed on
    it (a 500 for every form without a token in it). So is a multipart body that parses to
    nothing."""
    if request.method != "POST" or is_api_request() or request.url_rule is None:
        return
    if request.mimetype and request.mimetype not in FORM_TYPES:
        raise UnsupportedMediaType()
    if request.mimetype == FORM:
        try:
            request.get_data().decode()  # kept: the form is parsed from the same bytes
        except UnicodeDecodeError:
            raise BadRequest() from None
    elif request.mimetype == MULTIPART and (
            None in request.form or None in request.files
            # A body werkzeug could not read as parts (no or a wrong boundary, the last one
            # cut off) comes out as an empty form: "the page has expired" said for a token
            # that was there (a security review).
            or (request.content_length and not request.form and not request.files)):
        raise BadRequest()


def _is_flash_list(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, list | tuple) and len(item) == 2
        and all(isinstance(part, str) for part in item) for item in value)


def sane_session() -> None:
    """Drop session entries of the wrong shape that Flask-WTF and Flask read unguarded.

    The cookie is signed, so only someone with the secret (or an older version of the
    site) could write them; still, a CSRF token that is not an ASCII string made every
    form post a 500 (hmac.compare_digest raises TypeError), and flashed messages that are
    not (category, message) pairs broke the start page. A dropped token reads as an expired
    page; dropped messages are not shown.
    """
    if "csrf_token" in session:
        token = session["csrf_token"]
        if not (isinstance(token, str) and token and token.isascii()):
            session.pop("csrf_token")
    if "_flashes" in session and not _is_flash_list(session["_flashes"]):
        session.pop("_flashes")


class ReadableSession(SecureCookieSessionInterface):
    """Flask's signed session cookie, where a cookie that holds no session is no session.

    Flask starts afresh when the signature is wrong, but a cookie signed with our key whose
    content is not a session (not JSON, a list or a number, a tagged value of the wrong
    shape, a nesting too deep) raised before any page could be made: a bare 500 in English
    on every address. Only the key signs one; the visit then starts afresh, as with a
    cookie signed with another key.
    """

    _made: tuple[tuple[Any, ...], URLSafeTimedSerializer | None] | None = None

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """Flask's serializer, made once per key: Flask makes a new one at every call (three
        a request), and itsdangerous tries out each new one with a JSON dump."""
        keys = (app.secret_key, *(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if self._made is None or self._made[0] != keys:
            self._made = (keys, super().get_signing_serializer(app))
        return self._made[1]

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        serializer = self.get_signing_serializer(app)
        value = request.cookies.get(self.get_cookie_name(app))
        if serializer is None or not value:
            return super().open_session(app, request)
        max_age = int(app.permanent_session_lifetime.total_seconds())
        try:
            data = serializer.loads(value, max_age=max_age)
        except BadData:  # a wrong signature, or a payload that cannot be read
            data = None
        return self.session_class(data if isinstance(data, dict) else {})


def init_app(app: Flask) -> None:
    app.session_interface = ReadableSession()
    app.wsgi_app = ChunkedBodyGuard(app.wsgi_app, int(app.config["MAX_CONTENT_LENGTH"]))  # type: ignore[method-assign]
    limiter = RateLimiter(int(app.config["RATE_LIMIT_PER_MINUTE"]))

    def limit_rate() -> None:
        if request.method == "POST" and not limiter.allow(request.remote_addr or "-"):
            raise TooManyRequests(retry_after=60)

    # Before CSRF (Flask-WTF's hook, added by csrf.init_app): a bad body is refused, and a
    # client over the limit gets 429, whatever its token; a body that is no form is named
    # as such; the session's own entries are made safe before Flask-WTF and the flashed
    # messages read them.
    app.before_request_funcs.setdefault(None, [])[:0] = [refuse_bad_body, limit_rate,
                                                         readable_form, sane_session]
    csrf.init_app(app)

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
        # A file is cached; an error about a file (404 in a deploy, 405, 416) is not.
        sent_file = response.status_code in CACHED and request.path.startswith("/static/")
        if sent_file and request.path.startswith("/static/dist/"):
            headers["Cache-Control"] = "public, max-age=31536000, immutable"
        elif sent_file:
            headers["Cache-Control"] = "public, max-age=3600"
        else:
            headers["Cache-Control"] = "no-store"
            if "vary" not in present:
                headers["Vary"] = "Cookie, Accept-Language"
        return response
