"""gzip for HTML, CSS, JSON and SVG responses, honouring ``Accept-Encoding``.

One ``after_request`` hook:

* Pages and API answers (rendered in memory) of at least ``MIN_SIZE`` bytes are
  compressed on the fly (level 3: ~40 µs for a 15 KB page, half of level 4's time, and
  within 6 % of level 9's size).
* Static files are streamed by ``send_file`` (``direct_passthrough``), so they are never
  read or compressed here; instead tools/build_assets.py writes a ``.gz`` beside every
  compressible hashed file in static/dist (gzip -9, once, at build time) and the hook
  swaps the body for that file. Files without a ``.gz`` go out as they are.
* Every response of a compressible type says ``Vary: Accept-Encoding``, compressed or
  not, so a shared cache never hands gzip to a client that did not ask for it.
* A compressed response's ``ETag`` is made weak (as nginx does): the bytes differ from
  the identity variant, the meaning does not, and ``If-None-Match`` still gets its 304.
* Partial (206), empty (204), not-modified (304) and already-encoded responses are left
  alone.

Register it BEFORE security.init_app: Flask runs after_request hooks in reverse order,
so this one then runs last and adds to the ``Vary`` header the security hook has set.
Brotli would save a further ~15 % on the CSS; gzip (standard library) keeps us inside
every budget without a compiled dependency.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from flask import Flask, Request, Response, abort, current_app, request
from werkzeug.security import safe_join

COMPRESSIBLE = frozenset({
    "text/html", "text/css", "text/plain", "application/json", "image/svg+xml",
    "application/javascript", "text/javascript",
})
MIN_SIZE = 500  # bytes; below this gzip's header and CRC cost more than they save
LEVEL = 3
UNTOUCHED_STATUS = frozenset({204, 206, 304})


def accepts_gzip(req: Request) -> bool:
    return req.accept_encodings["gzip"] > 0


def _precompressed(req: Request, app: Flask) -> Path | None:
    """The ``.gz`` written at build time for the static file this request is serving."""
    if req.endpoint != "static" or not app.static_folder or not req.view_args:
        return None
    filename = req.view_args.get("filename")
    if not isinstance(filename, str):
        return None
    joined = safe_join(app.static_folder, filename + ".gz")
    if joined is None:
        return None
    path = Path(joined)
    return path if path.is_file() else None


def _mark_encoded(response: Response) -> None:
    response.headers["Content-Encoding"] = "gzip"
    if any(name.lower() == "accept-ranges" for name, _ in response.headers):
        del response.headers["Accept-Ranges"]  # ranges would refer to the identity bytes
    etag, weak = response.get_etag()
    if etag and not weak:
        response.set_etag(etag, weak=True)


def compress_response(response: Response) -> Response:
    if response.mimetype not in COMPRESSIBLE:
        return response
    response.vary.add("Accept-Encoding")
    if (
        response.status_code in UNTOUCHED_STATUS
        or response.status_code < 200
        or any(name.lower() == "content-encoding" for name, _ in response.headers)
        or not accepts_gzip(request)
    ):
        return response
    if response.direct_passthrough:
        gz = _precompressed(request, current_app)
        if gz is None:
            return response
        streamed = response.response
        response.direct_passthrough = False
        response.set_data(gz.read_bytes())
        close = getattr(streamed, "close", None)
        if close is not None:
            close()
        _mark_encoded(response)
        return response
    if response.is_streamed:
        return response
    data = response.get_data()
    if len(data) < MIN_SIZE:
        return response
    packed = gzip.compress(data, compresslevel=LEVEL, mtime=0)
    if len(packed) >= len(data):
        return response
    response.set_data(packed)
    _mark_encoded(response)
    return response


def refuse_gz_files() -> None:
    """The build's ``.gz`` files are only ever sent in place of their own file, to a client
    that accepts gzip (above); asked for by name, one would go out as ``Content-Encoding:
    gzip`` to a client that never said it can read that."""
    if request.endpoint == "static" and str((request.view_args or {}).get("filename", "")
                                            ).endswith(".gz"):
        abort(404)


def init_app(app: Flask) -> None:
    app.before_request(refuse_gz_files)
    app.after_request(compress_response)
