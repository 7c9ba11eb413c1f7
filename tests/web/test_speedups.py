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


# ----------------------------------------------------------------- the fast messages

def _catalog_msgids(app):
    from babel.messages.mofile import read_mo

    with open(f"{app.config['BABEL_TRANSLATION_DIRECTORIES']}/en/LC_MESSAGES/messages.mo", "rb") as f:
        return [m.id for m in read_mo(f) if m.id]


def test_fast_messages_equal_flask_babels(app):
    msgids = _catalog_msgids(app)
    assert len(msgids) > 500
    for lang in ("da", "en"):
        with app.test_request_context(f"/?lang={lang}"):
            for msgid in msgids:
                if isinstance(msgid, (tuple, list)):
                    if "%(" in msgid[0].replace("%(num)s", ""):
                        continue  # needs variables of its own
                    for n in (1, 2, 7):
                        assert speedups.ngettext(*msgid, n) == flask_babel.ngettext(*msgid, n)
                elif "%(" not in msgid:
                    assert speedups.gettext(msgid) == gettext(msgid)
                    assert str(speedups.lazy_gettext(msgid)) == gettext(msgid)
            assert speedups.gettext("Klag til %(body)s.", body="Ankestyrelsen") == gettext(
                "Klag til %(body)s.", body="Ankestyrelsen")


def test_fast_messages_follow_force_locale(app):
    with app.test_request_context("/?lang=en"):
        assert speedups.gettext("Ja") == "Yes"
        with force_locale("da"):
            assert speedups.gettext("Ja") == "Ja"
        assert speedups.gettext("Ja") == "Yes"
    assert speedups.gettext("Ja") == "Ja"  # outside a request: the msgid


def test_template_messages_are_markup_with_escaped_variables(app):
    with app.test_request_context("/?lang=en"):
        template = app.jinja_env.from_string(
            "{{ _('Ja') }}|{{ _('Klag til %(body)s.', body='<b>A&B</b>') }}|"
            "{{ ngettext('%(num)s uge', '%(num)s uger', 3) }}|{{ gettext('Nej') }}")
        assert template.render() == "Yes|Complain to &lt;b&gt;A&amp;B&lt;/b&gt;.|3 weeks|No"


def test_every_template_is_autoescaped(app):
    # The template messages are markup: right only where autoescaping is on.
    names = app.jinja_env.list_templates()
    assert names and all(app.select_jinja_autoescape(name) for name in names)


# ----------------------------------------------------------------- remembered links

def test_remembered_links_equal_flasks(app):
    from flask import url_for

    cases = [("pages.start", {}), ("questionnaire.question", {"slug": "herlev", "key": "age"}),
             ("extras.complaint", {"slug": "nyborg", "tilbud": "sul-140"}),
             ("static", {"filename": "dist/manifest.json"}), ("pages.start", {"lang": "en"})]
    for root in ("", "/guide"):
        with app.test_request_context("/", environ_overrides={"SCRIPT_NAME": root}):
            for endpoint, values in cases:
                for _ in range(2):  # built, then remembered
                    assert speedups.url_for(endpoint, **values) == url_for(endpoint, **values)
            assert speedups.url_for("pages.start").startswith(root + "/")


def test_external_and_unhashable_links_go_to_flask(app):
    with app.test_request_context("/", base_url="https://a.example"):
        assert speedups.url_for("pages.start", _external=True) == "https://a.example/"
    with app.test_request_context("/", base_url="https://b.example"):
        assert speedups.url_for("pages.start", _external=True) == "https://b.example/"
        assert speedups.url_for("pages.start", lang=["en"]) == "/?lang=en"


def test_nothing_a_visitor_sends_is_remembered(app, client):
    urls = app.extensions.setdefault(speedups.URLS, {})
    before = set(urls)
    client.get("/ukendt-kommune-xyz/start")
    client.get("/herlev/spoergsmaal/ukendt-xyz")
    added = set(urls) - before
    assert not any("xyz" in str(key) or "xyz" in urls[key] for key in added)


def test_remembered_links_start_again_when_full(monkeypatch):
    from webapp import create_app

    app = create_app({"TESTING": True})
    monkeypatch.setattr(speedups, "MAX_URLS", 3)
    with app.test_request_context("/"):
        for key in ("age", "in_hospital", "hospital_plan", "plan_level"):
            speedups.url_for("questionnaire.question", slug="herlev", key=key)
        assert len(app.extensions[speedups.URLS]) <= 3
        assert speedups.url_for("questionnaire.question", slug="herlev", key="age") == \
            "/herlev/spoergsmaal/age"
