"""gzip for pages, JSON and the CSS (webapp/compression.py), only for clients that ask."""

from __future__ import annotations

import gzip
import json

import pytest
from flask import Response

from webapp import compression, create_app

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def vary(response):
    return {v.strip().lower() for v in response.headers.get("Vary", "").split(",") if v.strip()}


def css_url(app):
    return "/static/" + app.extensions["asset_manifest"]["app.css"]


def test_page_is_gzipped_for_a_client_that_asks(client):
    plain = client.get("/")
    packed = client.get("/", headers=GZIP)
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert int(packed.headers["Content-Length"]) == len(packed.data)
    html = gzip.decompress(packed.data).decode("utf-8")
    # Same page (the CSRF token differs per session, so compare around it).
    assert html.split("csrf_token")[0] == plain.get_data(as_text=True).split("csrf_token")[0]
    assert len(packed.data) < len(plain.data) / 3


def test_vary_keeps_the_security_hooks_values(client):
    for headers in ({}, GZIP):
        response = client.get("/", headers=headers)
        assert {"accept-encoding", "cookie", "accept-language"} <= vary(response), response.headers


@pytest.mark.parametrize("accept", ["", "identity", "gzip;q=0", "br", "deflate"])
def test_no_gzip_unless_acceptable(client, accept):
    response = client.get("/", headers={"Accept-Encoding": accept} if accept else {})
    assert "Content-Encoding" not in response.headers
    assert "<html" in response.get_data(as_text=True)
    assert "accept-encoding" in vary(response)


def test_wildcard_accepts_gzip(client):
    assert client.get("/", headers={"Accept-Encoding": "*"}).headers["Content-Encoding"] == "gzip"


def test_json_is_gzipped(client):
    response = client.get("/api/v1/municipalities", headers=GZIP)
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.mimetype == "application/json"
    assert len(json.loads(gzip.decompress(response.data))["municipalities"]) == 98


def test_api_post_answer_is_gzipped(client):
    response = client.post("/api/v1/assessment", json={"municipality": "herlev", "answers": {}},
                           headers=GZIP)
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "offers" in json.loads(gzip.decompress(response.data))


def test_small_bodies_are_not_compressed(client):
    # A short JSON error is under MIN_SIZE bytes: gzip would only add overhead.
    response = client.post("/api/v1/assessment", data="x", content_type="text/plain",
                           headers=GZIP)
    assert response.status_code == 415
    assert len(response.data) < compression.MIN_SIZE
    assert "Content-Encoding" not in response.headers


def test_error_pages_are_gzipped_too(client):
    response = client.get("/findes-ikke-kommune", headers=GZIP)
    assert response.status_code == 404
    assert response.headers["Content-Encoding"] == "gzip"
    assert "<h1" in gzip.decompress(response.data).decode("utf-8")


def test_css_served_from_the_precompressed_file(app, client):
    url = css_url(app)
    plain = client.get(url)
    packed = client.get(url, headers=GZIP)
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data
    assert int(packed.headers["Content-Length"]) == len(packed.data)
    assert packed.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "accept-encoding" in vary(packed) and "accept-encoding" in vary(plain)
    assert "Accept-Ranges" not in packed.headers
    assert len(packed.data) <= 20 * 1024, "CSS budget: 20 KB compressed"
    plain.close()
    packed.close()


def test_gzipped_css_revalidates_with_a_weak_etag(app, client):
    url = css_url(app)
    first = client.get(url, headers=GZIP)
    etag = first.headers["ETag"]
    assert etag.startswith('W/"')
    again = client.get(url, headers={**GZIP, "If-None-Match": etag})
    assert again.status_code == 304
    assert "Content-Encoding" not in again.headers
    assert not again.data
    first.close()
    again.close()


def test_range_requests_get_identity_bytes(app, client):
    url = css_url(app)
    response = client.get(url, headers={**GZIP, "Range": "bytes=0-9"})
    assert response.status_code == 206
    assert "Content-Encoding" not in response.headers
    assert len(response.data) == 10
    response.close()


def test_fonts_are_not_recompressed(app, client):
    url = "/static/" + app.extensions["asset_manifest"]["fonts/ibm-plex-sans-400.woff2"]
    response = client.get(url, headers=GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
    assert response.data[:4] == b"wOF2"
    response.close()


def test_static_file_without_a_gz_is_sent_as_is(tmp_path):
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "plain.css").write_text("body{margin:0}" * 100)
    app = create_app({"TESTING": True})
    app.static_folder = str(tmp_path)
    response = app.test_client().get("/static/dist/plain.css", headers=GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
    assert response.data == b"body{margin:0}" * 100
    response.close()


def test_compress_response_leaves_encoded_and_binary_bodies(app):
    with app.test_request_context("/", headers=GZIP):
        already = Response(b"x" * 2000, mimetype="text/html", headers={"Content-Encoding": "br"})
        assert compression.compress_response(already).data == b"x" * 2000
        binary = Response(b"\0" * 2000, mimetype="image/png")
        out = compression.compress_response(binary)
        assert out.data == b"\0" * 2000 and "Content-Encoding" not in out.headers
        text = Response("a" * 2000, mimetype="text/html")
        out = compression.compress_response(text)
        assert out.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(out.data) == b"a" * 2000


def test_a_gz_file_asked_for_by_name_is_not_found(app, client):
    """The build writes app.<hash>.css.gz to be sent in place of the CSS, to a client that
    accepts gzip. Asked for by name, werkzeug sent it as 'Content-Encoding: gzip' even to a
    client that accepts only identity (fuzzing, round eight)."""
    url = css_url(app) + ".gz"
    response = client.get(url, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 404
    assert "Content-Encoding" not in response.headers
    assert client.get(css_url(app), headers=GZIP).status_code == 200
