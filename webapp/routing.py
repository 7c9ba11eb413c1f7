"""How addresses are matched, and what the site says about them without a view of its
own: which methods an address takes (``Allow``, on OPTIONS and on 405), the body of a
redirect, and a static file's failed precondition.

``<municipality:slug>`` matches only a municipality the rules know (by slug, kommunekode or
name, as ``RuleBook.find`` reads them), so ``/om`` or ``/sammenlign`` is never also a
municipality's start page: a POST there is 405, not the start form. The view is given the
municipality's slug whichever way it was written, and ``canonical_address`` sends a GET
for ``/0607/resultat`` or ``/Herlev/fagperson`` on to ``/fredericia/resultat`` and
``/herlev/fagperson`` (301, the query kept), as a GP may type or print it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from urllib.parse import urlencode

from flask import Flask, Response, current_app, request, url_for
from flask.globals import request_ctx
from werkzeug.exceptions import (
    BadRequest,
    HTTPException,
    MethodNotAllowed,
    NotFound,
    PreconditionFailed,
)
from werkzeug.routing import BaseConverter, MapAdapter, ValidationError
from werkzeug.wrappers import Response as BaseResponse


class MunicipalityConverter(BaseConverter):
    """A path segment that names a municipality; anything else is not this route."""

    def to_python(self, value: str) -> str:
        book = current_app.extensions["rules"]
        if value in book.municipalities:
            return value
        found = book.find(value, loose=True)
        if found is None:
            raise ValidationError()
        return str(found.slug)


def one_of(names: Collection[str]) -> type[BaseConverter]:
    """A converter for a path segment that must be one of ``names`` (a question, an offer):
    anything else is not this route, so every method gets 404, OPTIONS included."""
    known = frozenset(names)

    class OneOf(BaseConverter):
        def to_python(self, value: str) -> str:
            if value in known:
                return value
            raise ValidationError()

    return OneOf


def canonical_address() -> BaseResponse | None:
    """A GET for a municipality's page by its code or name goes on to the slug's address.

    Every ``<municipality:slug>`` route starts with the municipality, so the first path
    segment is what was typed; the converter has already made ``slug`` the real one.
    """
    slug = (request.view_args or {}).get("slug")
    if (slug is None or request.method not in ("GET", "HEAD") or request.endpoint is None
            or request.path.split("/", 2)[1] == slug):
        return None
    location = url_for(request.endpoint, **request.view_args)  # type: ignore[arg-type]
    query = urlencode(list(request.args.items(multi=True)))
    return current_app.redirect(f"{location}?{query}" if query else location, 301)


def allowed_methods(adapter: MapAdapter, path: str | None = None) -> list[str]:
    """The methods this address really takes.

    Werkzeug lists every method of every rule whose pattern fits the path, before any
    converter has looked at the segment (so ``/om`` listed the POST of
    ``/<municipality:slug>``). Each candidate is matched for real here, converters included.
    """
    return sorted(method for method in adapter.allowed_methods(path)
                  if _takes(adapter, path, method))


def _takes(adapter: MapAdapter, path: str | None, method: str) -> bool:
    try:
        adapter.match(path, method=method)
    except (MethodNotAllowed, NotFound):
        return False
    except HTTPException:  # a redirect: the address takes the method, elsewhere
        pass
    return True


MAX_HOST = 253 + len(":65535")  # a DNS name has at most 253 characters (RFC 1035)


class Site(Flask):
    """Flask, with the answers it gives by itself made to fit the site."""

    def create_url_adapter(self, request: Any) -> MapAdapter | None:
        """Werkzeug's, refusing a ``Host`` header it accepts but cannot make a link from.

        Without ``TG_PUBLIC_URL`` the links people take away are built from the request's
        host: a label that is not Punycode (``xn--zz``) made werkzeug raise UnicodeError,
        and a name longer than any DNS name made a link too long for the handout's QR code
        (both a 500). Such a host is refused here like any host werkzeug cannot read: 400,
        and the error page says the address cannot be used (errors.py).
        """
        adapter = super().create_url_adapter(request)
        if request is not None:
            host = request.host
            if len(host) > MAX_HOST:
                raise BadRequest()
            if "xn--" in host.lower():
                try:
                    request.host_url  # noqa: B018 - werkzeug decodes the host here
                except UnicodeError:
                    raise BadRequest() from None
        return adapter

    def make_default_options_response(self) -> Response:
        """204 with a true ``Allow`` and no body (Flask's is an empty 200 in text/html).
        No CORS headers: the API is not meant for other sites' pages."""
        adapter = request_ctx.url_adapter
        methods = allowed_methods(adapter) if adapter is not None else []
        response = self.response_class(status=204)
        del response.headers["Content-Type"]
        response.headers["Allow"] = ", ".join(methods)
        return response

    def raise_routing_exception(self, request: Any) -> Any:
        """A 405 names only the methods the address takes; when it takes none (``PUT
        /atlantis`` fits only ``/<municipality:slug>``'s pattern), it is a 404."""
        exc = request.routing_exception
        adapter = request_ctx.url_adapter
        if isinstance(exc, MethodNotAllowed) and adapter is not None:
            methods = allowed_methods(adapter)
            raise MethodNotAllowed(methods) if methods else NotFound()
        return super().raise_routing_exception(request)

    def send_static_file(self, filename: str) -> Response:
        """Werkzeug answers a failed ``If-Match`` with 412 and the whole file as its body;
        here it is an error about a file like 404 and 416 (errors.py: a bare page)."""
        response = super().send_static_file(filename)
        if response.status_code == 412:
            response.close()
            raise PreconditionFailed()
        return response

    def redirect(self, location: str, code: int = 302) -> Any:
        """Werkzeug's redirect without its body, an English "Redirecting..." page that
        Danish visits got too. Browsers follow ``Location`` and never show a body."""
        response = super().redirect(location, code)
        response.set_data(b"")
        del response.headers["Content-Type"]
        return response


MAX_RETURN_PATH = 300


def return_query() -> str:
    """``?fra=`` and this page's path, for a link to a page with a back link (the footer's).
    Added to the link, not given to ``url_for``, which remembers its links and must never
    remember a visitor's path (speedups.url_for). A path too long to go back to gets none."""
    if len(request.path) > MAX_RETURN_PATH:
        return ""
    return "?" + urlencode({"fra": request.path}, safe="/")


def came_from() -> str | None:
    """Where a footer link was followed from (``?fra=``), for the page's back link: the
    result page, say, when its "Ord fra kommunens breve, forklaret" was followed."""
    return return_path(request.args.get("fra"))


def return_path(value: object) -> str | None:
    """The page to go back to from a footer page (``?fra=``), or None.

    Only a path on this site that takes a GET: never another site's address (``//host``
    or ``/\\host`` is one to a browser), so the back link cannot send anyone elsewhere.
    """
    if (not isinstance(value, str) or not value.startswith("/") or len(value) > MAX_RETURN_PATH
            or value.startswith("//") or any(c in value for c in "\\?#") or not value.isprintable()):
        return None
    adapter = current_app.url_map.bind_to_environ(request.environ)
    return value if _takes(adapter, value, "GET") else None
