"""Shaping an assessment for the result page: groups, timelines, links back to questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask import url_for
from flask_babel import gettext as _

from .. import texts
from ..domain.assess import Assessment, OfferAssessment
from ..domain.flow import UNKNOWN
from ..i18n import format_long_date
from .catalogue import DONT_KNOW, NO, QUESTIONS, YES, Question


def answer_text(q: Question, value: Any) -> str:
    if value is None or value == UNKNOWN:
        return _("Ved ikke") if q.kind != "date" else _("Sprunget over")
    if q.kind == "yesno":
        return str(YES if value is True else NO if value is False else DONT_KNOW)
    if q.kind == "date":
        return format_long_date(date.fromisoformat(value))
    if q.kind == "multi":
        labels = dict(q.choices)
        return ", ".join(str(labels[v]) for v in value if v in labels) or _("Ingen af dem")
    if q.kind == "choice":
        return str(dict(q.choices).get(value, DONT_KNOW))
    return str(value)


@dataclass
class OfferView:
    offer: OfferAssessment
    title: str
    summary: str
    reasons: list[dict[str, Any]]
    timeline: list[dict[str, Any]] = field(default_factory=list)


def _timeline(offer: OfferAssessment, municipality: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    rules = offer.rules
    if rules.apply:
        steps.append({"title": str(texts.ROUTES[rules.apply.route]), "date_text": None})
    dated = {d.kind: d for d in offer.deadlines}
    for goal in rules.service_goals:
        if goal.kind in ("free_choice", "complaint"):
            continue
        d = dated.get(goal.kind) if dated.get(goal.kind) and dated[goal.kind].goal == goal else None
        steps.append({
            "title": texts.deadline_text(d, municipality) if d else texts.goal_text(goal),
            "date_text": None,
            "body": texts.deadline_warning(d) if d else None,
        })
    if rules.duration or rules.frequency:
        steps.append({"title": _("Du træner i en periode. Terapeuten følger op undervejs."),
                      "date_text": None})
    if "end_status_to_gp" in rules.follow_up:
        steps.append({"title": str(texts.FOLLOW_UP["end_status_to_gp"]), "date_text": None})
    return steps


def result_view(assessment: Assessment, slug: str) -> dict[str, Any]:
    groups: dict[str, list[OfferView]] = {"likely": [], "possible": [], "unlikely": []}
    name = assessment.municipality.name
    for offer in assessment.offers:
        reasons = []
        for r in offer.reasons:
            link = (url_for("questionnaire.question", slug=slug, key=r.answer)
                    if r.answer in QUESTIONS else None)
            reasons.append({"text": texts.reason_text(r), "outcome": r.outcome, "link": link,
                            "question": QUESTIONS[r.answer].short if r.answer in QUESTIONS
                            else None})
        view = OfferView(offer, texts.offer_title(offer), str(texts.OFFER_SUMMARIES[offer.id]),
                         reasons)
        if offer.verdict != "unlikely":
            view.timeline = _timeline(offer, name)
        groups[offer.verdict].append(view)
    return {"groups": groups, "assessment": assessment, "municipality": name}
