"""webapp/speedups.py: the fast Flask-Babel context lookup behaves like the original."""

from __future__ import annotations

import flask_babel
from flask import g
from flask_babel import force_locale, get_locale, gettext, refresh

from webapp import speedups


def test_installed_by_create_app(app):
    assert flask_babel._get_current_context is speedups._current_context
    assert speedups.install() is True


def test_none_outside_an_app_context():
    assert speedups._current_context() is None


def test_same_namespace_on_g(app):
    with app.test_request_context("/"):
        ctx = speedups._current_context()
        assert ctx is g._flask_babel
        assert speedups._current_context() is ctx
        ctx.babel_locale = "marker"
        assert g._flask_babel.babel_locale == "marker"


def test_language_switches_still_work(app):
    with app.test_request_context("/?lang=en"):
        assert str(get_locale()) == "en"
        english = gettext("Ja")
        with force_locale("da"):
            assert str(get_locale()) == "da"
            assert gettext("Ja") == "Ja"
        assert gettext("Ja") == english == "Yes"
        g._flask_babel.babel_locale = None
        refresh()
        assert str(get_locale()) == "en"


def test_pages_in_both_languages(client):
    da = client.get("/").get_data(as_text=True)
    en = client.get("/?lang=en").get_data(as_text=True)
    assert '<html lang="da">' in da and '<html lang="en">' in en
    assert "Hvilken kommune" in da and "Hvilken kommune" not in en


def test_translations_cached_per_request_and_locale(app):
    domain = flask_babel.get_domain
    with app.test_request_context("/?lang=en"):
        first = flask_babel.get_translations()
        assert flask_babel.get_translations() is first
        assert isinstance(domain(), speedups.RequestCachedDomain)
        with force_locale("da"):
            assert flask_babel.get_translations() is not first
            assert gettext("Ja") == "Ja"
        assert flask_babel.get_translations() is first
        assert gettext("Ja") == "Yes"
