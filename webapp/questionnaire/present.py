"""Shaping an assessment for the result page: groups, timelines, links back to questions."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from flask import current_app, render_template, request
from markupsafe import Markup

from .. import extras_texts, texts
from ..domain.answers import Answers, read_date
from ..domain.assess import (
    Assessment,
    Deadline,
    OfferAssessment,
    assess_offer,
    professional_checks,
)
from ..domain.complaint import complaint_options
from ..domain.flow import UNKNOWN
from ..domain.freshness import contact_elsewhere
from ..domain.loader import RuleBook
from ..domain.rules import MunicipalRules, OfferId
from ..i18n import format_long_date, locale_name
from ..speedups import gettext as _
from ..speedups import url_for
from .catalogue import DONT_KNOW, NO, QUESTIONS, YES, Question


def answer_text(q: Question, value: Any) -> str:
    if value is None or value == UNKNOWN:
        return _("Ved ikke") if q.kind != "date" else _("Sprunget over")
    if q.kind == "yesno":
        return str(YES if value is True else NO if value is False else DONT_KNOW)
    if q.kind == "date":
        day = read_date(value)
        return format_long_date(day) if day else _("Sprunget over")
    if q.kind == "multi":
        labels = dict(q.choices)
        if not isinstance(value, list):  # the cookie is the person's: read back with care
            return str(DONT_KNOW)
        return ", ".join(str(labels[v]) for v in value if isinstance(v, str) and v in labels) \
            or _("Ingen af dem")
    if q.kind == "choice":
        return str(dict(q.choices).get(value, DONT_KNOW) if isinstance(value, str) else DONT_KNOW)
    # A number (the age), read back with the same care: a signed cookie from an old
    # version or a leaked key showed "{'k': 1}", and a lone surrogate was a 500 (a review).
    return str(value) if type(value) is int else str(DONT_KNOW)


@dataclass
class OfferView:
    offer: OfferAssessment
    title: str
    summary: str
    reasons: list[dict[str, Any]]
    timeline: list[dict[str, Any]] = field(default_factory=list)
    # For the summary at the top: the latest date gone by (with what to do now) and the
    # first still to come.
    dates: list[str] = field(default_factory=list)
    professional: list[str] = field(default_factory=list)  # assess.professional_checks
    # For the summary: (phone number, the unit's name when it is not the offer's own
    # contact but the one its standard names for other offers: freshness.contact_elsewhere)
    phone: tuple[str, str | None] | None = None
    # For the summary, where no number is known and the person asks the municipality: whom
    # to ring. "Kort fortalt" said only "Det ser ud til at passe." to a 76-year-old in Herlev,
    # whose standard names no contact, and its card was 12 screens down at 200 % (a user test).
    ask: str | None = None
    # For the summary, of § 86 ruled out by the Ældrelov alone: the age it is helhedspleje
    # from. "Genoptræning efter sygdom uden indlæggelse – Passer nok ikke" was read by a
    # relative of an 81-year-old as "no help after the fall" (a user test).
    aeldrelov_from: int | None = None
    # The dates rest on a request not made yet (the question says "Er kommunen ikke kontaktet
    # endnu, så skriv dagen, det skal ske"): said, so a printout does not read as promised
    # dates (a user test: a GP gave today's date for a patient still to call).
    planned_request: str | None = None
    # Of a § 86 card the Ældrelov alone rules out (aeldrelov_from), with a decision date:
    # the refusal may rest on the wrong law (a user test: a son read "Passer nok ikke" as
    # "the refusal was right"; the complaint helper said it, the result did not).
    refused_by_wrong_law: str | None = None
    # The complaint helper's link, where the helper has a route for this offer. Waiting is no
    # refusal: a son still waiting after his mother's discharge passed a link that spoke only
    # of "afslag", though the helper says what to do while waiting (a user test).
    complaint_link: str | None = None


def _complaint_link(offer: OfferAssessment) -> str | None:
    if not complaint_options(offer):
        return None
    if offer.verdict != "unlikely" and any(c.route.about == "service_level"
                                           for c in offer.complaints):
        return _("Har du fået afslag, eller venter du stadig? Få hjælp til at klage")
    return _("Har du fået afslag? Få hjælp til at skrive en klage")


def _planned_request(offer: OfferAssessment, today: date) -> str | None:
    base = next((d.counted_from_date for d in offer.deadlines
                 if d.goal.counted_from == "request" and not d.settled), None)
    if base is None or base < today:
        return None
    return _("Datoerne gælder, hvis kommunen får henvendelsen %(date)s.",
             date=format_long_date(base))


def _dated_texts(deadlines: list[Deadline | None], municipality: str) -> list[str | None]:
    """Each deadline's sentence (None for None); a note several of them rest on (Nyborg:
    counted from discharge, not from the plan's arrival) is said once, after the last."""
    notes = [texts.deadline_note(d) if d else None for d in deadlines]
    last = {note: i for i, note in enumerate(notes) if note}
    out: list[str | None] = []
    for i, d in enumerate(deadlines):
        if d is None:
            out.append(None)
            continue
        several = notes[i] is not None and notes.count(notes[i]) > 1
        text = texts.deadline_text(d, municipality, with_note=not several)
        if several and last[notes[i]] == i:
            text += " " + (texts.deadline_note(d, several=True) or "")
        out.append(text)
    return out


def _timeline(offer: OfferAssessment, municipality: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    rules = offer.rules
    if rules.apply:
        steps.append({"title": str(texts.ROUTES[rules.apply.route]), "date_text": None})
    dated = {d.kind: d for d in offer.deadlines}
    shown = [(goal, dated[goal.kind] if goal.kind in dated and dated[goal.kind].goal == goal
              else None)
             for goal in rules.service_goals if goal.kind not in ("free_choice", "complaint")]
    titles = _dated_texts([d for _goal, d in shown], municipality)
    for (goal, d), title in zip(shown, titles, strict=True):
        if d is None or title is None:
            steps.append({"title": texts.goal_text(goal), "date_text": None, "body": None})
            continue
        steps.append({"title": title, "date_text": None, "body": texts.deadline_warning(d)})
    if rules.duration or rules.frequency:
        steps.append({"title": _("Du træner i en periode. Terapeuten følger op undervejs."),
                      "date_text": None})
    # What happens when the training ends (a status to the doctor …) is said once, in
    # the facts under "Når træningen slutter".
    return steps


def _summary_dates(offer: OfferAssessment, municipality: str) -> list[str]:
    """The latest dates gone by, which say what to do now ("Er den ikke startet, så kontakt
    …"; on one day, the municipality's own date and then the law's free choice: a private
    provider may be chosen now), and the first date still to come with its warning; a note
    several of them rest on is said once, after the last."""
    dated = [d for d in offer.deadlines if d.kind != "complaint" and not d.settled]
    passed = [d for d in dated if d.past]
    upcoming = [d for d in dated if not d.past]
    latest = max((d.date for d in passed), default=None)
    shown = ([d for d in passed if d.date == latest and d.kind != "free_choice"]
             + [d for d in passed if d.date == latest and d.kind == "free_choice"]
             + ([min(upcoming, key=lambda d: d.date)] if upcoming else []))
    return [_with_warning(d, str(text))
            for d, text in zip(shown, _dated_texts(list(shown), municipality), strict=True)]


def _with_warning(deadline: Deadline, text: str) -> str:
    """A date's sentence and, while it is still to come, its warning (offices closed)."""
    warning = None if deadline.past else texts.deadline_warning(deadline)
    return f"{text} {warning}" if warning else text


def _summary_phone(offer: OfferAssessment,
                   standard: MunicipalRules | None) -> tuple[str, str | None] | None:
    """The number "Kort fortalt" gives for an offer: its own contact's, else (with the
    unit's name) the one its standard names for other offers, as its card does (a user test
    found the top of the page without a number for the offer that fitted)."""
    if offer.unit is not None:
        # Named too: beside "Den, der skal træne dig, skal kontakte dig senest …" a bare
        # number read as the trainers' (Brønderslev: it is Visitationen's; a fact-check).
        return (offer.unit.phones[0].number, offer.unit.name) if offer.unit.phones else None
    elsewhere = contact_elsewhere(standard, offer.id, offer.rules)
    if elsewhere is None or not elsewhere[0].phones:
        return None
    return elsewhere[0].phones[0].number, elsewhere[0].name


def _summary_ask(offer: OfferAssessment, phone: tuple[str, str | None] | None,
                 municipality: str) -> str | None:
    """"Ring til … og spørg efter træning", as the card's "Sådan søger du" says it, for an
    offer the person applies for with no number to give (_offer_facts.html, part 'apply')."""
    if phone is not None or offer.unit is not None:
        return None
    if offer.rules.apply is None or offer.rules.apply.route != "contact_unit":
        return None
    return _("Ring til %(name)s, og spørg efter træning. Nummeret står på kommunens "
             "hjemmeside og på borger.dk.", name=municipality)


def _aeldrelov_from(offer: OfferAssessment) -> int | None:
    """The folkepensionsalder, when the Ældrelov is the one reason ``offer`` does not fit."""
    hard = [r for r in offer.reasons if r.outcome == "failed" and not (r.soft or r.inform)]
    if len(hard) == 1 and hard[0].rule == "below_pension_age":
        value = hard[0].params.get("value")
        return value if isinstance(value, int) else None
    return None


def _complaint_summary(assessment: Assessment) -> str | None:
    """With the date of a decision: the last day to complain about it, once, for the top
    of the page. A relative came for that date alone and found it six screens down, on
    one offer's card (a user test). Said only where every decision route agrees on the day
    (the law's 4 weeks); otherwise each card says its own."""
    dated = [d for o in assessment.offers for d in o.deadlines
             if d.kind == "complaint" and d.about == "decision"]
    if not dated or len({d.date for d in dated}) != 1:
        return None
    name = assessment.municipality.name
    # Where the offers name different bodies (a unit for one, the municipality for
    # another), the municipality receives them all.
    deadline = dated[0] if len({d.body for d in dated}) == 1 else replace(dated[0], body=name)
    return _with_warning(deadline, texts.deadline_text(deadline, name))


def result_view(assessment: Assessment, slug: str) -> dict[str, Any]:
    groups: dict[str, list[OfferView]] = {"likely": [], "possible": [], "unlikely": []}
    name = assessment.municipality.name
    standard = current_app.extensions["rules"].standards.get(slug)
    for offer in assessment.offers:
        reasons = []
        for r in offer.reasons:
            link = None
            if r.answer in QUESTIONS:
                link = url_for("questionnaire.question", slug=slug, key=r.answer, fra="resultat")
            reasons.append({"text": texts.reason_text(r), "outcome": r.outcome, "link": link,
                            "question": QUESTIONS[r.answer].short if r.answer in QUESTIONS
                            else None, "inform": r.inform})
        view = OfferView(offer, texts.offer_title(offer), str(texts.OFFER_SUMMARIES[offer.id]),
                         reasons, professional=professional_checks(offer, assessment.answers))
        if offer.verdict != "unlikely":
            view.timeline = _timeline(offer, name)
            view.dates = _summary_dates(offer, name)
            view.phone = _summary_phone(offer, standard)
            view.ask = _summary_ask(offer, view.phone, name)
            view.planned_request = _planned_request(offer, assessment.today)
        else:
            view.aeldrelov_from = _aeldrelov_from(offer)
            if view.aeldrelov_from and any(c.deadline_date for c in offer.complaints):
                view.refused_by_wrong_law = extras_texts.complaint_pension_age_text(offer.id)
        view.complaint_link = _complaint_link(offer)
        groups[offer.verdict].append(view)
    return {"groups": groups, "assessment": assessment, "municipality": name,
            "complaint": _complaint_summary(assessment)}


@lru_cache(maxsize=4096)
def _facts(book: RuleBook, slug: str, offer_id: OfferId, locale: str, part: str) -> Markup:
    standard = book.standards.get(slug)
    # The same pieces assess() uses, asked with no answers: nothing personal goes in here.
    rules_only = assess_offer(book, book.municipalities[slug], offer_id, Answers(), date.min)
    html = render_template(
        "questionnaire/_offer_facts.html",
        part=part,
        r=rules_only.rules,
        source=rules_only.source,
        laws=rules_only.laws,
        standard=standard,
        unit=rules_only.unit,
        elsewhere=contact_elsewhere(standard, offer_id, rules_only.rules),
        complaints=rules_only.complaints,
        municipality=book.municipalities[slug].name,
    )
    return Markup(html)


def offer_facts(offer: OfferAssessment, part: str) -> Markup:
    """The rules-only part of an offer, rendered once per municipality, offer and language.

    It holds nothing a person answered and nothing that depends on the date, so it is the
    same for everyone who reads that offer in that language (see _offer_facts.html).
    """
    book: RuleBook = current_app.extensions["rules"]
    assert part in ("apply", "apply_after", "where", "costs", "obligations", "cancel",
                    "complaints", "source")
    return _facts(book, current_slug(), offer.id, locale_name(), part)


def current_slug() -> str:
    slug = (request.view_args or {}).get("slug")
    if not isinstance(slug, str):
        raise RuntimeError("offer_facts is only for pages under /<slug>/")
    return slug
