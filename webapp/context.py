"""What every view asks of the running app: the rules it loaded, and the time in Copenhagen.

Call these through the module (``context.now()``), so tests can pin the clock in one place.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app

from .domain.loader import RuleBook

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def rule_book() -> RuleBook:
    book: RuleBook = current_app.extensions["rules"]
    return book


def now() -> datetime:
    return datetime.now(COPENHAGEN)


def today() -> date:
    return now().date()
