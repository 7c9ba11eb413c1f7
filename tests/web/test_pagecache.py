"""The shared-page cache (webapp/pagecache.py): fast, and it never mixes up visitors."""

from __future__ import annotations

import re

import pytest
from flask import render_template_string
from flask_wtf.csrf import generate_csrf

from tests.web.test_flows import PERSONAS, form_data, run_flow
from webapp import create_app, pagecache

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture()
def fresh_app():
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": True,
                       "RATE_LIMIT_PER_MINUTE": 10**9})


def cached(app):
    return app.extensions["page_cache"]


def tokens(html):
    found = set(TOKEN.findall(html))
    assert found, "the page has a form with a CSRF token"
    assert pagecache.TOKEN_PLACEHOLDER not in html
    return found


def test_two_visitors_share_the_page_but_not_the_token(fresh_app):
    anna, bo = fresh_app.test_client(), fresh_app.test_client()
    (anna_token,) = tokens(anna.get("/").get_data(as_text=True))
    (bo_token,) = tokens(bo.get("/").get_data(as_text=True))
    assert len(cached(fresh_app)) == 1, "one page, rendered once, served to both"
    assert anna_token != bo_token
    # Each token works for its own visitor only.
    form = {"municipality": "herlev", "who": "self"}
    assert bo.post("/", data={**form, "csrf_token": anna_token}).status_code == 400
    assert anna.post("/", data={**form, "csrf_token": anna_token}).status_code == 302
    assert bo.post("/", data={**form, "csrf_token": bo_token}).status_code == 302


def test_every_form_on_a_shared_page_gets_the_visitors_token(fresh_app):
    client = fresh_app.test_client()
    (token,) = tokens(client.get("/").get_data(as_text=True))
    started = client.post("/", data={"csrf_token": token, "municipality": "fredericia",
                                     "who": "relative"})
    first = client.get(started.headers["Location"]).headers["Location"]
    html = client.get(first).get_data(as_text=True)
    assert len(TOKEN.findall(html)) == 1, "the answer form ('Slet mine svar' asks first)"
    (page_token,) = tokens(html)
    key = first.rsplit("/", 1)[-1]
    answered = client.post(first, data={"csrf_token": page_token,
                                        **form_data(key, PERSONAS["fredericia"].get(key))})
    assert answered.status_code == 302


def test_a_page_that_shows_an_answer_is_never_kept(fresh_app):
    client = fresh_app.test_client()
    run_flow(client_pages(client), "herlev", "self", {**PERSONAS["herlev"], "age": 83})
    before = dict(cached(fresh_app))
    html = client.get("/herlev/spoergsmaal/age").get_data(as_text=True)
    assert 'value="83"' in html
    assert dict(cached(fresh_app)) == before, "the answered question was rendered, not kept"
    client.get("/herlev/tjek")
    client.get("/herlev/resultat")
    assert dict(cached(fresh_app)) == before
    for key, page in cached(fresh_app).items():
        assert all(isinstance(part, str | int | type(None)) or hasattr(part, "isoformat")
                   for part in key), key
        assert 'value="83"' not in page


def test_a_flashed_message_is_shown_once_and_not_kept(fresh_app):
    client = fresh_app.test_client()
    (token,) = tokens(client.get("/").get_data(as_text=True))
    client.post("/slet", data={"csrf_token": token})
    assert "Dine svar er slettet." in client.get("/").get_data(as_text=True)
    assert "Dine svar er slettet." not in client.get("/").get_data(as_text=True)
    assert all("Dine svar er slettet." not in page for page in cached(fresh_app).values())


def test_languages_and_municipalities_are_kept_apart(fresh_app):
    english = fresh_app.test_client().get("/?lang=en").get_data(as_text=True)
    danish = fresh_app.test_client().get("/").get_data(as_text=True)
    assert '<html lang="en">' in english and '<html lang="da">' in danish
    herlev = fresh_app.test_client().get("/herlev").get_data(as_text=True)
    assert 'value="herlev" selected' in herlev.replace("selected=\"selected\"", "selected")
    assert len(cached(fresh_app)) == 3


def test_other_queries_are_rendered_not_kept(fresh_app):
    client = fresh_app.test_client()
    for n in range(5):
        assert client.get(f"/?x={n}").status_code == 200
    assert not cached(fresh_app)


def test_the_cache_is_bounded(fresh_app, monkeypatch):
    monkeypatch.setattr(pagecache, "MAX_PAGES", 3)
    client = fresh_app.test_client()
    for slug in ("herlev", "nyborg", "aarhus", "odense", "fredericia"):
        client.get(f"/{slug}")
    assert len(cached(fresh_app)) == 3
    assert [key[5] for key in cached(fresh_app)] == ["aarhus", "odense", "fredericia"]


def test_a_page_with_a_real_token_in_it_is_not_kept(fresh_app):
    with fresh_app.test_request_context("/"):
        page = pagecache.cached_render(("odd",), lambda: render_template_string(
            "<p>{{ token }}</p>", token=generate_csrf()))
        assert generate_csrf() in page
    assert not cached(fresh_app)


def client_pages(client):
    from tests.web.conftest import PageClient

    return PageClient(client)


@pytest.mark.parametrize("path", ["/", "/?lang=en", "/herlev", "/aarhus"])
def test_a_forged_host_header_cannot_poison_a_shared_page(fresh_app, path):
    """The start page shows an absolute example link; asked for with ``Host: evil.example``
    it was cached and given to every later visitor (found by a fuzzing session)."""
    fresh_app.test_client().get(path, headers={"Host": "evil.example"})
    page = fresh_app.test_client().get(path).get_data(as_text=True)
    # The example is the chosen municipality's own link (a user test: a GP on Nyborg's
    # page was shown Fredericia's).
    example = {"/herlev": "herlev", "/aarhus": "aarhus"}.get(path, "fredericia")
    assert "evil.example" not in page and f"http://localhost/{example}" in page


@pytest.mark.parametrize("root", ["/x", "//evil.example"])
def test_a_forged_script_root_cannot_poison_a_shared_page(fresh_app, root):
    """gunicorn took SCRIPT_NAME from a request header sent from 127.0.0.1, and the page
    cached for it had every link start with it ("//evil.example/static/…"): later visitors
    got those links (a fuzzing session). gunicorn.conf.py stops the header; the cache keys on
    the root besides (tests/browser/test_server.py asks gunicorn itself)."""
    forged = fresh_app.test_client().get("/vallensbaek?lang=en",
                                         environ_overrides={"SCRIPT_NAME": root})
    assert forged.status_code == 200 and f'href="{root}/static/' in forged.get_data(as_text=True)
    page = fresh_app.test_client().get("/vallensbaek?lang=en").get_data(as_text=True)
    assert root + "/" not in page and 'href="/static/' in page


@pytest.mark.parametrize("host", ["exa mple.dk", "example.dk:99999", "[::1"])
def test_a_host_werkzeug_reads_as_none_gives_relative_links(fresh_app, host):
    """Without TG_PUBLIC_URL the example link took the Host header; one werkzeug reads as
    no host at all made it "http:/fredericia". It is now the relative "/fredericia"."""
    page = fresh_app.test_client().get("/", headers={"Host": host}).get_data(as_text=True)
    assert "http:/fredericia" not in page and "fx /fredericia." in page
    handout = fresh_app.test_client().get("/herlev/fagperson/udskriv",
                                          headers={"Host": host}).get_data(as_text=True)
    assert "http:/" not in handout.replace("<wbr>", "")


def test_the_public_address_when_configured():
    app = create_app({"TESTING": True, "PUBLIC_URL": "https://traeningsguiden.dk",
                      "TRUSTED_HOSTS": ["traeningsguiden.dk", "localhost"]})
    client = app.test_client()
    page = client.get("/", headers={"Host": "localhost"}).get_data(as_text=True)
    assert "https://traeningsguiden.dk/fredericia" in page
    handout = client.get("/herlev/fagperson/udskriv").get_data(as_text=True).replace("<wbr>", "")
    assert "https://traeningsguiden.dk/herlev" in handout and "localhost" not in handout
    refused = client.get("/", headers={"Host": "evil.example"})
    assert refused.status_code == 400 and "evil.example" not in refused.get_data(as_text=True)


def test_whose_earlier_answers_a_page_names_is_never_shared(fresh_app):
    """The start page names the municipality of the answers in this browser. The cache key
    held only whether there were any, so the first visitor's municipality ("Der er svar i
    denne browser for Nyborg Kommune") was shown to the next on the same page (a security
    review)."""
    anna, bo = fresh_app.test_client(), fresh_app.test_client()
    run_flow(client_pages(anna), "nyborg", "gp", {"age": 70})
    run_flow(client_pages(bo), "fredericia", "gp", {"age": 70})
    for _ in range(2):
        assert "svar i denne browser for Nyborg Kommune" in anna.get("/odense").get_data(
            as_text=True)
        page = bo.get("/odense").get_data(as_text=True)
        assert "svar i denne browser for Fredericia Kommune" in page
        assert "for Nyborg Kommune" not in page
