"""The complaint helper: for a refusal the person disagrees with, where the complaint goes,
by which date, and what happens next (ASSESSMENT.md §4.3).

Built on the assessment itself (``assess_offer`` with the decision date), so the
addressee, the deadline and the onward route are the ones the result page shows. Where the
route's deadline counts from when one knew (Styrelsen for Patientklager: 2 years), the day
the decision was received is that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import calendar
from .answers import Answers
from .assess import Complaint, OfferAssessment, assess_offer, route_deadline
from .freshness import add_years
from .loader import RuleBook
from .rules import Municipality, OfferId, Unit

# What a refusal can be complained about, in the order the helper offers them.
COMPLAINABLE: tuple[str, ...] = ("decision", "treatment", "transport")


@dataclass(frozen=True)
class ComplaintGuide:
    offer: OfferAssessment
    complaint: Complaint
    decision_date: date | None
    deadline: date | None
    warning: str | None  # calendar.complaint_warning_for the deadline
    past: bool  # the deadline has passed

    @property
    def about(self) -> str:
        return self.complaint.route.about

    @property
    def to_municipality(self) -> bool:
        """The complaint goes to the municipality first (it reconsiders the decision)."""
        route = self.complaint.route
        return isinstance(self.complaint.body, Unit) or route.body == "municipality"

    @property
    def unit_named_for_complaints(self) -> bool:
        """The standard names one of its units to complain to (Fredensborg's Pleje- og
        Rehabiliteringscenter), not only "the municipality" (whose contact then receives
        the letter): the page names that unit, as the result page does."""
        return self.complaint.route.body.startswith("unit:")

    @property
    def addressee_unit(self) -> Unit | None:
        return self.complaint.body if isinstance(self.complaint.body, Unit) else None


def complaint_options(offer: OfferAssessment) -> tuple[Complaint, ...]:
    """The offer's routes for complaining about a refusal, decision first.

    Styrelsen for Patientklager's route ("treatment") is one for a refusal only under the
    Sundhedsloven, where it covers the patient's rights. Under the Serviceloven a refusal
    goes to the municipality (and on to Ankestyrelsen); the same route there covers the
    health-professional work alone (Fredericia), not a refusal, so the helper leaves it
    out: a § 86 refusal sent there, by its 2 years, would miss the 4 weeks (a fact-check).
    """
    under_health_act = any(law.id == "sundhedsloven" for law in offer.laws)
    return tuple(
        sorted((c for c in offer.complaints if c.route.about in COMPLAINABLE
                and (c.route.about != "treatment" or under_health_act)),
               key=lambda c: COMPLAINABLE.index(c.route.about))
    )


def complaint_guide(
    book: RuleBook,
    municipality: Municipality,
    offer_id: OfferId,
    about: str,
    decision_date: date | None,
    today: date,
) -> ComplaintGuide | None:
    """None when the offer has no such complaint route."""
    offer = assess_offer(book, municipality, offer_id, Answers(decision_date=decision_date),
                         today)
    complaint = next((c for c in complaint_options(offer) if c.route.about == about), None)
    if complaint is None:
        return None
    route = complaint.route
    # The date asked here is this complaint's own decision (about transport too).
    deadline = complaint.deadline_date or route_deadline(route, decision_date)
    if (deadline is None and decision_date is not None and route.deadline_unit == "years"
            and route.deadline_amount):
        deadline = add_years(decision_date, route.deadline_amount)
    return ComplaintGuide(
        offer=offer,
        complaint=complaint,
        decision_date=decision_date,
        deadline=deadline,
        warning=calendar.complaint_warning_for(deadline) if deadline else None,
        past=deadline is not None and deadline < today,
    )
