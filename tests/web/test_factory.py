"""The app factory, its settings, and the list of routes (a removed URL is a decision)."""

import pytest

from webapp import create_app


def test_testing_config():
    app = create_app({"TESTING": True})
    assert app.testing
    assert app.config["MAX_CONTENT_LENGTH"] == 16 * 1024
    assert app.config["SESSION_COOKIE_HTTPONLY"]


def test_production_refuses_to_start_without_a_secret(monkeypatch):
    monkeypatch.delenv("TG_SECRET_KEY", raising=False)
    monkeypatch.setenv("TG_ENV", "production")
    with pytest.raises(RuntimeError, match="TG_SECRET_KEY"):
        create_app()


def test_production_cookie_and_hsts(monkeypatch):
    monkeypatch.setenv("TG_ENV", "production")
    monkeypatch.setenv("TG_SECRET_KEY", "x" * 64)
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"]
    response = app.test_client().get("/privatliv")
    assert "max-age=" in response.headers["Strict-Transport-Security"]


@pytest.mark.parametrize("bad", ["traeningsguiden.dk", "https://traeningsguiden.dk/guide",
                                 "https://traeningsguiden.dk?x=1", "ftp://traeningsguiden.dk"])
def test_public_url_is_a_site_address(monkeypatch, bad):
    """A value without a scheme gave relative links and a QR code that leads nowhere."""
    monkeypatch.setenv("TG_PUBLIC_URL", bad)
    with pytest.raises(RuntimeError, match="TG_PUBLIC_URL"):
        create_app({"TESTING": True})


def test_public_url_and_trusted_hosts_from_the_environment(monkeypatch):
    monkeypatch.setenv("TG_PUBLIC_URL", "https://traeningsguiden.dk/")
    monkeypatch.setenv("TG_TRUSTED_HOSTS", '["traeningsguiden.dk"]')
    app = create_app({"TESTING": True})
    assert app.config["PUBLIC_URL"] == "https://traeningsguiden.dk"
    assert app.config["TRUSTED_HOSTS"] == ["traeningsguiden.dk"]


def test_production_without_a_public_url_warns(monkeypatch):
    monkeypatch.setenv("TG_ENV", "production")
    monkeypatch.setenv("TG_SECRET_KEY", "x" * 64)
    monkeypatch.delenv("TG_PUBLIC_URL", raising=False)
    with pytest.warns(UserWarning, match="TG_PUBLIC_URL"):
        create_app()


def test_missing_catalog_stops_start_up(tmp_path):
    with pytest.raises(RuntimeError, match="make translations"):
        create_app({"TESTING": True, "BABEL_TRANSLATION_DIRECTORIES": str(tmp_path)})


ROUTES = {
    "/", "/<municipality:slug>", "/privatliv", "/om", "/slet", "/sammenlign", "/fagperson",
    "/klage",
    "/<municipality:slug>/fagperson", "/<municipality:slug>/fagperson/udskriv",
    "/<municipality:slug>/kalender.ics", "/<municipality:slug>/kalender/<offer:offer_id>.ics",
    "/<municipality:slug>/klage", "/<municipality:slug>/klage/kalender.ics",
    "/<municipality:slug>/start", "/<municipality:slug>/spoergsmaal/<question:key>",
    "/<municipality:slug>/tjek", "/<municipality:slug>/resultat",
    "/api/v1/assessment", "/api/v1/municipalities", "/api/v1/openapi.json",
    "/static/<path:filename>",
}


def test_routes_snapshot(app):
    """Adding or removing a URL is a decision: update this list with it."""
    assert {rule.rule for rule in app.url_map.iter_rules()} == ROUTES
