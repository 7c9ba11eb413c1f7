"""How old is a municipality's quality standard, and whom to ask when it is old?

A standard is "old" when it was approved more than ``STALE_AFTER_YEARS`` years ago:
its service goals and amounts may have changed since. A standard without a date has an
unknown age (it is not called old: we cannot tell).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .rules import MunicipalRules, OfferId, OfferRules, Unit

STALE_AFTER_YEARS = 3


@dataclass(frozen=True)
class Freshness:
    approved: date | None
    months: int | None  # completed months since approval; None without a date
    stale: bool

    @property
    def years(self) -> int | None:
        """Completed years since approval."""
        return None if self.months is None else self.months // 12


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (4 December to 3 January is 0, to 4 January 1)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return max(months - (end.day < start.day), 0)


def freshness(approved: date | None, today: date) -> Freshness:
    if approved is None:
        return Freshness(None, None, False)
    return Freshness(
        approved,
        months_between(approved, today),
        today > add_years(approved, STALE_AFTER_YEARS),
    )


def standard_contact(standard: MunicipalRules) -> Unit | None:
    """The unit to ask about the standard: the first contact an offer names, else the
    first unit with a phone number or an e-mail address."""
    for offer in standard.offers.values():
        if offer.apply and offer.apply.unit:
            unit = standard.units[offer.apply.unit]
            if unit.phones or unit.email:
                return unit
    return next((u for u in standard.units.values() if u.phones or u.email), None)


def contact_offers(standard: MunicipalRules, unit: Unit) -> list[OfferId]:
    """The offers whose way in names ``unit`` as the place to call or write."""
    return [offer_id for offer_id, offer in standard.offers.items() if _names(standard, offer, unit)]


def contact_scope(standard: MunicipalRules, unit: Unit,
                  offer_ids: list[OfferId]) -> tuple[list[OfferId], list[OfferId]]:
    """Of ``offer_ids``, those the standard names ``unit`` for, and those it names no one
    for. Helhedspleje is in neither when it borrows ``unit`` from § 86 (ASSESSMENT §4.1:
    "with the same contact"; MunicipalRules.aeldrelov_lender): its contact is the law's,
    not the standard's (the handout said no one was named for it while the result page
    gave this contact: a fact-check)."""
    named = set(contact_offers(standard, unit))
    lent = _names(standard, standard.aeldrelov_lender(), unit)
    covered = [o for o in offer_ids if o in named]
    others = [o for o in offer_ids if o not in named and not (lent and o == "ael-10")]
    return covered, others


def _names(standard: MunicipalRules, offer: OfferRules | None, unit: Unit) -> bool:
    return bool(offer and offer.apply and offer.apply.unit
                and standard.units[offer.apply.unit] is unit)


# The ways in where the person (or the municipality) calls the municipality: not a referral
# from the doctor or the hospital, where a unit of the municipality is no one to ask.
_CALLS_THE_MUNICIPALITY = ("contact_unit", "plan_from_hospital")


def contact_elsewhere(standard: MunicipalRules | None, offer_id: OfferId,
                      rules: OfferRules) -> tuple[Unit, list[OfferId]] | None:
    """For an offer its standard names no contact for, whose way in is a call to the
    municipality: the standard's contact (standard_contact) and the offers it names that
    contact for, so a page can say whom the standard does name, and for what, instead of
    only "find the number"."""
    if (standard is None or rules.apply is None or rules.apply.unit
            or rules.apply.route not in _CALLS_THE_MUNICIPALITY):
        return None
    contact = standard_contact(standard)
    if contact is None:
        return None
    return contact, [o for o in contact_offers(standard, contact) if o != offer_id]
