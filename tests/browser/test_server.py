"""What gunicorn itself does with a request before the app sees it (gunicorn.conf.py),
asked of the browser tests' server: gunicorn as it runs the site."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser  # it needs the browser tests' gunicorn (live_server)


def raw_get(live_server: str, path: str, headers: dict[str, str]) -> tuple[int, str]:
    address = urlsplit(live_server)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_a_script_name_header_is_not_taken_from_a_client(live_server):
    """gunicorn took SCRIPT_NAME from a request header sent from 127.0.0.1: "SCRIPT_NAME: /x"
    gave a 500 on every address, and "//evil.example" links to another site in pages shared
    with later visitors (a fuzzing session)."""
    for root in ("/x", "//evil.example"):
        status, page = raw_get(live_server, "/albertslund?lang=en", {"SCRIPT_NAME": root})
        assert status == 200, (root, status, page[:300])
        assert root + "/" not in page and 'href="/static/' in page
        status, page = raw_get(live_server, "/albertslund?lang=en", {})
        assert status == 200 and root + "/" not in page
