"""Service levels side by side: every loaded standard, offer by offer.

For each offer, the municipalities whose standard describes it get a column: the
national baseline with their standard laid over it (``assess.merged_offer``, via
``assess_offer`` so complaint bodies are resolved as on the result page). The rows are
structured facts; the web layer words them. Municipalities whose standard does not
describe the offer are listed apart: for them only the law is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from .answers import Answers
from .assess import Complaint, OfferAssessment, assess_offer
from .freshness import Freshness, freshness
from .loader import RuleBook
from .rules import OFFER_IDS, Municipality, OfferId, ServiceGoal, Source

RowKind = Literal[
    "contact", "start", "frequency", "duration", "transport", "fees", "cancel", "complaint",
    "source",
]
ROWS: tuple[RowKind, ...] = (
    "contact", "start", "frequency", "duration", "transport", "fees", "cancel", "complaint",
    "source",
)


@dataclass(frozen=True)
class Column:
    municipality: Municipality
    standard: Source
    offer: OfferAssessment
    freshness: Freshness


@dataclass(frozen=True)
class Row:
    kind: RowKind
    cells: tuple[Any, ...]  # one per column; None (or empty) when the standard says nothing


@dataclass(frozen=True)
class OfferComparison:
    offer_id: OfferId
    law: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    not_described: tuple[Municipality, ...]


def _goals(offer: OfferAssessment, kinds: tuple[str, ...]) -> tuple[ServiceGoal, ...]:
    return tuple(g for g in offer.rules.service_goals if g.kind in kinds)


def cell(kind: RowKind, column: Column) -> Any:
    """The structured fact for one row of one column."""
    rules = column.offer.rules
    if kind == "contact":
        return _goals(column.offer, ("contact", "decision"))
    if kind == "start":
        return _goals(column.offer, ("start", "free_choice"))
    if kind == "frequency":
        return rules.frequency
    if kind == "duration":
        return rules.duration
    if kind in ("transport", "fees"):
        return rules.costs
    if kind == "cancel":
        return rules.obligations
    if kind == "complaint":
        complaints: tuple[Complaint, ...] = column.offer.complaints
        return complaints
    return column


def compare(book: RuleBook, today: date) -> tuple[OfferComparison, ...]:
    """One comparison per offer that at least one loaded standard describes."""
    out = []
    for offer_id in OFFER_IDS:
        columns = []
        missing = []
        for slug, standard in book.standards.items():
            municipality = book.municipalities[slug]
            if offer_id not in standard.offers:
                missing.append(municipality)
                continue
            offer = assess_offer(book, municipality, offer_id, Answers(), today)
            columns.append(Column(municipality, standard.standard, offer,
                                  freshness(standard.standard.approved, today)))
        if not columns:
            continue
        rows = tuple(Row(kind, tuple(cell(kind, c) for c in columns)) for kind in ROWS)
        out.append(OfferComparison(offer_id, book.national.offers[offer_id].law, tuple(columns),
                                   rows, tuple(missing)))
    return tuple(out)
