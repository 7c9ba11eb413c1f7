"""Rendered pages that are the same for everybody, kept per worker and reused.

The start page and a question page nobody has answered yet look the same for every
visitor who comes with the same language, municipality and route through the questions;
only the CSRF token in their forms differs (and the language and the day, which are
part of every key). ``cached_render`` renders such a page once
with a placeholder where the token goes and, on later requests, puts this visitor's own
token in its place: ~10 times cheaper than running the templates (see bench/).

What a key may hold (the caller's duty, and why it is safe): the language, the
municipality, who is filling in, the question, its place in the route, the day, the
site's public address (``context.public_base``: a forged Host header gets its own page,
never one other visitors are given) and the root its links start with (SCRIPT_NAME). Never
an answer: a page that shows an answer (a question answered before, the check page, the
result) is rendered for that request only and kept nowhere. Flashed messages, query
strings other than ``lang`` and error pages are never cached either, and the cache holds
at most ``MAX_PAGES`` pages (least recently used go first), so no client can fill memory.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import suppress

from flask import Flask, current_app, g, request, session
from flask_wtf.csrf import generate_csrf

from . import context
from .i18n import locale_name

MAX_PAGES = 2048
TOKEN_PLACEHOLDER = "tg-csrf-placeholder-7c1e0b"
_EXTENSION = "page_cache"


def csrf_token() -> str:
    """The ``csrf_token()`` of every template: the placeholder while a shared page is
    being rendered, the visitor's own token otherwise."""
    if g.get("tg_rendering_shared"):
        return TOKEN_PLACEHOLDER
    return str(generate_csrf())


def cacheable_request() -> bool:
    """A plain GET: no query but ``lang``, no flashed message waiting in the session."""
    return (
        request.method == "GET"
        and all(name == "lang" for name in request.args)
        and "_flashes" not in session
    )


def cached_render(key: tuple[Hashable, ...], render: Callable[[], str]) -> str:
    """``render()``'s page for ``key`` (in this language, today), from the cache when it is
    there. ``key`` names the page and everything else its templates are given."""
    pages: OrderedDict[tuple[Hashable, ...], str] = current_app.extensions[_EXTENSION]
    # The host too, unless the site's address is configured: the start page shows an
    # absolute link, and a page asked for with a forged Host header must not be shared.
    # And the root every link on the page starts with (SCRIPT_NAME): a server that took it
    # from a request header gave later visitors links to another site (a fuzzing session;
    # gunicorn.conf.py no longer takes it from a header).
    key = (locale_name(), context.today(), context.public_base(), request.script_root, *key)
    page = pages.get(key)
    if page is None:
        g.tg_rendering_shared = True
        try:
            page = render()
        finally:
            g.tg_rendering_shared = False
        token = g.get("csrf_token")
        if token and token in page:  # a real token slipped in: this page is not shareable
            return page
        pages[key] = page
        while len(pages) > MAX_PAGES:
            pages.popitem(last=False)
    else:
        with suppress(KeyError):  # dropped meanwhile by another thread (threaded workers)
            pages.move_to_end(key)
    if TOKEN_PLACEHOLDER in page:
        page = page.replace(TOKEN_PLACEHOLDER, generate_csrf())
    return page


def init_app(app: Flask) -> None:
    app.extensions[_EXTENSION] = OrderedDict()
    # Flask-WTF offers csrf_token() both ways (a global for imported templates, a context
    # processor for the page itself); ours replaces both.
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.context_processor(lambda: {"csrf_token": csrf_token})
