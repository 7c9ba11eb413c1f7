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

Behaviour is unchanged, which tests/web/test_speedups.py checks: the same namespace on
``g``, ``None`` outside an app context, ``force_locale`` and ``refresh`` still switch
the language mid-request. Should a Flask-Babel upgrade rename the helper, ``install``
changes nothing and returns False (the test then fails, so it is noticed).
"""

from __future__ import annotations

from functools import cached_property
from types import SimpleNamespace
from typing import Any

import flask_babel
from flask.globals import _cv_app
from flask_babel import Babel, Domain


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


def install() -> bool:
    """Swap in the fast lookup; False (and nothing changed) if the helper is gone."""
    if not callable(getattr(flask_babel, "_get_current_context", None)):
        return False
    flask_babel._get_current_context = _current_context
    return True
