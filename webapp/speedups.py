"""A fast path for the hottest library call on a page render (found with bench/ + cProfile).

Flask-Babel finds its per-request state through ``flask.g``, a werkzeug LocalProxy,
with three proxy round trips per lookup, and it looks that state up two or three times
for every ``_()`` in a template, every lazy string and every date or amount filter:
some 600 lookups and about a fifth of the CPU time of the result page. ``install``
replaces that one private helper with an equivalent that reads the app context from
Flask's context variable directly.

``CachingBabel`` (used by webapp/i18n.py) then keeps the request's translations object
on that state, per locale: Flask-Babel otherwise rebuilds the locale's name and its
cache key on every call.

``gettext``, ``ngettext`` and ``lazy_gettext`` below are Flask-Babel's, one call deep
instead of five: every message in texts.py and every ``_()`` in a template goes through
them (80 on a result page, 50 in an API answer). ``install_jinja`` makes them the
templates' ``_``, ``gettext`` and ``ngettext``, with the i18n extension's "newstyle"
behaviour (the message is markup, its variables are escaped) but without its three
nested ``Context.call``s per message.

``url_for`` below is Flask's, remembered per site root: a result page asks for some 30
links (each change-your-answer link, each offer's calendar and complaint link), and
werkzeug builds every one from its rule, a tenth of the page's time. Only our own
links are remembered, never an external one or one made from what a visitor typed:
templates build theirs from the municipality, the offer and the question.

Behaviour is unchanged, which tests/web/test_speedups.py checks: the same namespace on
``g``, ``None`` outside an app context, ``force_locale`` and ``refresh`` still switch
the language mid-request, and the fast messages equal Flask-Babel's in both languages.
Should a Flask-Babel upgrade rename the helper, ``install`` changes nothing and returns
False (the test then fails, so it is noticed).
"""

from __future__ import annotations

from functools import cached_property
from types import SimpleNamespace
from typing import Any

import flask_babel
from flask import url_for as flask_url_for
from flask.globals import _cv_app, _cv_request
from flask_babel import Babel, Domain
from flask_babel.speaklater import LazyString
from jinja2 import Environment
from markupsafe import Markup


def _current_context() -> SimpleNamespace | None:
    """flask_babel._get_current_context without the LocalProxy round trips."""
    app_ctx = _cv_app.get(None)
    if app_ctx is None:
        return None
    g = app_ctx.g
    try:
        ctx: SimpleNamespace = g._flask_babel
    except AttributeError:
        ctx = g._flask_babel = SimpleNamespace()
    return ctx


class RequestCachedDomain(Domain):  # type: ignore[misc]
    """Flask-Babel's Domain; the translations are looked up once per request and locale."""

    def get_translations(self) -> Any:
        ctx = flask_babel._get_current_context()
        if ctx is None:
            return super().get_translations()
        locale = getattr(ctx, "babel_locale", None)
        cached = getattr(ctx, "tg_translations", None)
        if locale is not None and cached is not None and cached[0] is locale:
            return cached[1]
        translations = super().get_translations()  # sets ctx.babel_locale if unset
        ctx.tg_translations = (getattr(ctx, "babel_locale", None), translations)
        return translations


class CachingBabel(Babel):  # type: ignore[misc]
    """Flask-Babel's Babel with a RequestCachedDomain as the default domain."""

    @cached_property
    def domain_instance(self) -> Domain:
        return RequestCachedDomain(domain=self.domain)


def translations() -> Any:
    """The request's translations object: what ``flask_babel.get_translations`` returns."""
    ctx = _current_context()
    if ctx is not None:
        cached = getattr(ctx, "tg_translations", None)
        if cached is not None and cached[0] is getattr(ctx, "babel_locale", None):
            return cached[1]
    return flask_babel.get_domain().get_translations()


def gettext(string: str, **variables: Any) -> str:
    """``flask_babel.gettext``."""
    text: str = translations().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str:
    """``flask_babel.ngettext`` (``num`` is available to the message as ``%(num)s``)."""
    variables.setdefault("num", num)
    text: str = translations().ungettext(singular, plural, num)
    return text % variables


def lazy_gettext(string: str, **variables: Any) -> LazyString:
    """``flask_babel.lazy_gettext``: translated when used, in the language of that request."""
    return LazyString(gettext, string, **variables)


def _template_gettext(string: str, **variables: Any) -> Markup:
    text = Markup(translations().ugettext(string))
    return text % variables if variables or "%" in text else text


def _template_ngettext(singular: str, plural: str, num: int, **variables: Any) -> Markup:
    variables.setdefault("num", num)
    return Markup(translations().ungettext(singular, plural, num)) % variables


def install_jinja(env: Environment) -> None:
    """Templates' ``_``/``gettext``/``ngettext`` (the i18n extension's newstyle behaviour;
    autoescaping is on for every template we have, so the message is always markup) and
    ``url_for``."""
    env.globals.update(_=_template_gettext, gettext=_template_gettext,
                       ngettext=_template_ngettext, url_for=url_for)


URLS = "tg_urls"  # app.extensions key: the remembered links of that app
# 22 questions × 98 municipalities × 2 (asked from the check page or not) = 4,312 question
# links, plus a handful per municipality and offer: well under this. Should it ever fill,
# it starts again rather than grow.
MAX_URLS = 20_000


def url_for(endpoint: str, **values: Any) -> str:
    """``flask.url_for`` for a relative URL, built once per app, site root and arguments.

    For templates and our own views, whose arguments come from the rules (municipality,
    offer, question), never from what a visitor sent. Anything else (a blueprint-relative
    endpoint, ``_external``, ``_anchor`` and friends) goes straight to Flask.
    """
    request_ctx = _cv_request.get(None)
    if request_ctx is None or endpoint[0] == "." or any(name[0] == "_" for name in values):
        return flask_url_for(endpoint, **values)
    urls: dict[tuple[Any, ...], str] | None = request_ctx.app.extensions.get(URLS)
    if urls is None:
        urls = request_ctx.app.extensions[URLS] = {}
    try:
        key = (request_ctx.request.root_path, endpoint, *sorted(values.items()))
        return urls[key]
    except KeyError:
        url = flask_url_for(endpoint, **values)
        if len(urls) >= MAX_URLS:
            urls.clear()
        urls[key] = url
        return url
    except TypeError:  # an unhashable argument
        return flask_url_for(endpoint, **values)


def install() -> bool:
    """Swap in the fast lookup; False (and nothing changed) if the helper is gone."""
    if not callable(getattr(flask_babel, "_get_current_context", None)):
        return False
    flask_babel._get_current_context = _current_context
    return True
