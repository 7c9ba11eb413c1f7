"""Friendly error pages in the person's language, JSON for the API; never a stack trace."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, jsonify, render_template, request, url_for
from flask.globals import _cv_request
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from werkzeug.exceptions import HTTPException, InternalServerError

from . import context
from .context import is_api_request, is_file_request
from .domain.rules import Municipality
from .i18n import locale_name
from .speedups import lazy_gettext as _l

MESSAGES = {
    400: (_l("Der gik noget galt med formularen"),
          _l("Siden kunne ikke forstå det, der blev sendt. Gå tilbage og prøv igen.")),
    404: (_l("Siden findes ikke"),
          _l("Tjek adressen, eller start forfra. Måske er linket gammelt.")),
    405: (_l("Siden kan ikke bruges på den måde"), _l("Gå til forsiden og start forfra.")),
    413: (_l("Der blev sendt for meget"), _l("Det, der blev sendt, var for stort.")),
    415: (_l("Forkert format"), _l("Det, der blev sendt, har et format, vi ikke kan læse.")),
    429: (_l("For mange forespørgsler"), _l("Vent et minut, og prøv så igen.")),
    500: (_l("Der er sket en fejl hos os"),
          _l("Det er ikke din skyld. Prøv igen om lidt. Dine svar er ikke gemt hos os.")),
}
# Any other 4xx (416 for a bad Range, 412, 414 …): not about a form, so not 400's words.
OTHER_CLIENT_ERROR = (
    _l("Det kunne ikke lade sig gøre"),
    _l("Siden kunne ikke sende det, der blev bedt om. Gå til forsiden og prøv igen."),
)
# The API's own words where a page's ("go to the front page") would not fit a program.
# A 400 that is not the API's own (a body cut short or in broken chunks, a Host header that
# cannot be read) said "Siden kunne ikke forstå …  Gå tilbage og prøv igen."
API_MESSAGES = {
    400: _l("Det, der blev sendt, har et format, vi ikke kan læse."),
    404: _l("Adressen findes ikke i API'et. Se /api/v1/openapi.json."),
    405: _l("Metoden kan ikke bruges her. Se headeren Allow."),
}
BAD_ADDRESS = (
    _l("Adressen kan ikke bruges"),
    _l("Tjek adressen øverst i browseren, og prøv igen. Eller søg efter Træningsguiden."),
)
CSRF_MESSAGE = (
    _l("Siden er udløbet"),
    _l("Af hensyn til sikkerheden udløber siden efter et stykke tid, eller hvis den er åbnet "
       "i en anden fane. Gå tilbage, opdater siden, og prøv igen."),
)


def _api(status: int, code: str, message: str) -> Any:
    return jsonify(error={"code": code, "field": None, "message": message}), status


def _bare_page(status: int, title: str, body: str) -> Response:
    """The error page without the site's frame (which needs links built for this host)."""
    lang = locale_name()
    html = (f'<!doctype html><html lang="{lang}"><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><h1>{escape(title)}</h1><p>{escape(body)}</p>")
    return Response(html, status=status, mimetype="text/html")


def _meant() -> tuple[Municipality, str] | None:
    """For an address that does not exist: the municipality its first part names in
    another way ("/nyborg-kommune/x") or looks like a misspelling of ("/frederecia"), and
    the address meant – the same page of that municipality where there is one
    ("/frederecia/fagperson" → "/fredericia/fagperson"), else its start – for "Mente du
    …?". Not when it is the slug itself ("/herlev/spoergsmaal/x": the person is there)."""
    _, first, *rest = request.path.split("/", 2)
    book = context.rule_book()
    if first in book.municipalities:
        return None
    found = book.find(first, loose=True) or book.closest(first)
    if found is None:
        return None
    start = url_for("pages.municipality_start", slug=found.slug)
    if not rest or not rest[0]:
        return found, start
    adapter = _cv_request.get().url_adapter
    try:
        endpoint, args = adapter.match(f"/{found.slug}/{rest[0]}",  # type: ignore[union-attr]
                                       method="GET")
    except HTTPException:  # no such page (or a redirect elsewhere): the start
        return found, start
    return found, url_for(endpoint, **args)


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError) -> Any:
        title, body = CSRF_MESSAGE
        return render_template("errors/error.html", title=title, body=body, status=400), 400

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Any:
        status = exc.code or 500
        title, body = MESSAGES.get(status, OTHER_CLIENT_ERROR if status < 500 else MESSAGES[500])
        # Keep what the exception says in headers (Allow on 405, Retry-After on 429).
        headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
        if is_api_request():
            code = (exc.name or "error").lower().replace(" ", "_")
            payload, _status = _api(status, code, str(API_MESSAGES.get(status, body)))
            return payload, status, headers
        if _cv_request.get().url_adapter is None:
            # No links can be made (a Host header werkzeug cannot read, or one not in
            # TG_TRUSTED_HOSTS): the page has none, and says what is wrong.
            title, body = BAD_ADDRESS
            return _bare_page(status, str(title), str(body)), status, headers
        if is_file_request():
            # A file the browser asked for (a style sheet, a font), not a page a person
            # reads: no frame, so no form, no token and no cookie.
            return _bare_page(status, str(title), str(body)), status, headers
        page = render_template("errors/error.html", title=title, body=body, status=status,
                               meant=_meant() if status == 404 else None)
        return page, status, headers

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Any:
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        return http_error(InternalServerError())
