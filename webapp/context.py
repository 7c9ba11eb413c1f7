"""What every view asks of the running app: the rules it loaded, the time in Copenhagen, and
the site's public address.

Call these through the module (``context.now()``), so tests can pin the clock in one place.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import current_app, request

from .domain.loader import RuleBook
from .speedups import url_for

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def rule_book() -> RuleBook:
    book: RuleBook = current_app.extensions["rules"]
    return book


def now() -> datetime:
    return datetime.now(COPENHAGEN)


def today() -> date:
    return now().date()


def public_base() -> str:
    """Scheme and host of links people take away: ``TG_PUBLIC_URL``, else this request's.

    A Host header werkzeug cannot read (a space, a bad port …) reads as no host: the links
    are then relative ("/herlev"), not "http:/herlev". Production sets ``TG_PUBLIC_URL``."""
    configured: str = current_app.config.get("PUBLIC_URL") or ""
    if configured:
        return configured
    return request.host_url.rstrip("/") if request.host else ""


def public_link(endpoint: str, **values: object) -> str:
    """An absolute link to give away (a GP's example link, the handout's QR code)."""
    return public_base() + url_for(endpoint, **values)


def is_api_request() -> bool:
    """An address under /api/, matched to a route or not (errors there are JSON, and the
    API keeps no state)."""
    return request.path.startswith("/api/")


def is_file_request() -> bool:
    """An address under /static/: a file, found or not (its errors are bare pages, and
    no cookie is set)."""
    return request.path.startswith("/static/")


def keeps_no_state() -> bool:
    """The API and files set no cookie."""
    return is_api_request() or is_file_request()


def public_host() -> str:
    """The host name alone of ``public_base`` (calendar UIDs)."""
    return urlsplit(public_base()).hostname or "traeningsguiden"
