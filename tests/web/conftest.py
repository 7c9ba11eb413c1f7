"""A client that checks every page it fetches (status, title, lang, one h1, unique ids,
security headers), like notifications-admin's client_request."""

from __future__ import annotations

import re
from collections import Counter

import html5lib
import pytest

REQUIRED_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")


def parse(response):
    return html5lib.HTMLParser(namespaceHTMLElements=False).parse(response.get_data(as_text=True))


def check_page(response, lang="da"):
    assert response.mimetype == "text/html"
    for header in REQUIRED_HEADERS:
        assert header in response.headers, header
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    html = response.get_data(as_text=True)
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    doc = parser.parse(html)
    assert doc.get("lang") == lang
    title = doc.find(".//title")
    assert title is not None and title.text and title.text.strip()
    assert len(doc.findall(".//h1")) == 1, "exactly one h1"
    ids = Counter(el.get("id") for el in doc.iter() if el.get("id"))
    dupes = [i for i, n in ids.items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes}"
    assert not re.search(r"\bstyle=", html), "no inline styles (CSP)"
    assert "<script>" not in html
    return doc


class PageClient:
    def __init__(self, client):
        self.client = client

    def get(self, url, status=200, lang="da", **kw):
        response = self.client.get(url, **kw)
        assert response.status_code == status, (url, response.status_code)
        if status < 300 or status >= 400:
            check_page(response, lang)
        return response

    def csrf(self, url):
        html = self.client.get(url).get_data(as_text=True)
        match = re.search(r'name="csrf_token" value="([^"]+)"', html)
        assert match, "form carries a CSRF token"
        return match.group(1)

    def post(self, url, data, status=302, lang="da", **kw):
        data = {"csrf_token": self.csrf(url), **data}
        response = self.client.post(url, data=data, **kw)
        assert response.status_code == status, (url, response.status_code,
                                                response.get_data(as_text=True)[:2000])
        if status != 302:
            check_page(response, lang)
        return response


@pytest.fixture()
def pages(client):
    return PageClient(client)
