"""The assessment as plain data (JSON API), with every text in the request's language."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from . import context, texts
from .domain.answers import Answers
from .domain.assess import Assessment, OfferAssessment, assess_offer, professional_checks
from .domain.freshness import contact_elsewhere
from .domain.loader import RuleBook
from .domain.rules import Body, MunicipalRules, OfferId, OfferRules, Unit
from .i18n import format_short_date, locale_name


def unit_data(unit: Unit | Body | None) -> dict[str, Any] | None:
    if unit is None:
        return None
    data: dict[str, Any] = {
        "name": unit.name,
        "address": list(unit.address),
        "phones": [p.number for p in unit.phones],
        "url": unit.url,
    }
    if isinstance(unit, Unit):
        data["email"] = unit.email
        data["phone_hours"] = [
            {"days": list(h.days), "spans": [[s.opens, s.closes] for s in h.spans],
             "text": texts.hours_text(h)}
            for h in unit.phone_hours
        ]
    return data


def offer_data(offer: OfferAssessment, slug: str, municipality: str, answers: Answers,
               standard_date: str | None = None) -> dict[str, Any]:
    """One offer of the assessment: what this person's answers decided, then the facts of
    the rules (the same for everybody, see ``_rules_data``)."""
    data: dict[str, Any] = {
        "id": offer.id,
        "law": offer.law,
        "verdict": offer.verdict,
        "verdict_text": str(texts.VERDICT_LABELS[offer.verdict]),
        "source": offer.source,
        "reasons": [
            {"answer": r.answer, "outcome": r.outcome, "text": texts.reason_text(r),
             "source": r.source}
            for r in offer.reasons
        ],
        "deadlines": [
            {"kind": d.kind, "date": d.date.isoformat(),
             "text": texts.deadline_text(d, municipality),
             "warning": texts.deadline_warning(d), "past": d.past,
             "settled": d.settled}
            for d in offer.deadlines
        ],
        "complaints": [
            {"about": c.route.about, "about_text": str(texts.COMPLAINT_ABOUT[c.route.about]),
             "body": c.body.name,
             "deadline": texts.complaint_deadline_text(c),
             "deadline_date": c.deadline_date.isoformat() if c.deadline_date else None,
             "next": texts.complaint_next_text(c),
             "contact": unit_data(c.body)}
            for c in offer.complaints
        ],
        "notes": [{"code": n.code, "text": texts.note_text(n)} for n in offer.notes],
        "transport": texts.transport_texts(offer.transport),
        "sources": [{"title": law.title, "reference": law.reference, "url": law.url}
                    for law in offer.laws],
    }
    book = context.rule_book()
    shared, rules_only = _rules_data(book, slug, offer.id, locale_name(), standard_date)
    if offer.rules is rules_only.rules and offer.unit is rules_only.unit:
        data.update(shared)
    else:  # not the rules everybody gets (never seen; kept correct rather than fast)
        data.update(_rules_facts(offer.id, offer.rules, offer.unit, standard_date,
                                 book.standards.get(slug)))
    # What the answers leave open, as the result page says it (not the rules' whole list).
    data["assessed_by_professional"] = [str(texts.PROFESSIONAL[k])
                                        for k in professional_checks(offer, answers)]
    return data


@lru_cache(maxsize=1024)
def _rules_data(book: RuleBook, slug: str, offer_id: OfferId, locale: str,
                standard_date: str | None) -> tuple[dict[str, Any], OfferAssessment]:
    """The facts of one offer's rules in one language, computed once and shared (read only).
    Like present._facts: the rules are asked with no answers, so nothing personal goes in."""
    rules_only = assess_offer(book, book.municipalities[slug], offer_id, Answers(), date.min)
    return (_rules_facts(offer_id, rules_only.rules, rules_only.unit, standard_date,
                         book.standards.get(slug)), rules_only)


def _rules_facts(offer_id: OfferId, rules: OfferRules, unit: Unit | None,
                 standard_date: str | None, standard: MunicipalRules | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": str(texts.OFFER_TITLES[offer_id]),
        "summary": str(texts.OFFER_SUMMARIES[offer_id]),
        "assessed_by_professional": [str(texts.PROFESSIONAL[k])
                                     for k in rules.assessed_by_professional],
        "service_goals": [
            {"kind": g.kind, "amount": g.amount, "unit": g.unit.value,
             "counted_from": g.counted_from, "text": texts.goal_text(g), "source": g.source}
            for g in rules.service_goals
        ],
        "apply": None,
        "contact": unit_data(unit),
        "contact_elsewhere": None,
    }
    elsewhere = contact_elsewhere(standard, offer_id, rules)
    if elsewhere:  # whom the standard names for other offers (the pages say it too)
        named, offers = elsewhere
        data["contact_elsewhere"] = {"contact": unit_data(named), "named_for": offers,
                                     "text": texts.contact_elsewhere_text(named.name, offers)}
    if rules.apply:
        data["apply"] = {
            "route": rules.apply.route,
            "text": str(texts.ROUTES[rules.apply.route]),
            "who": [str(texts.CONTACTERS[w]) for w in rules.apply.who],
            "start_notices": [str(texts.START_NOTICES[n]) for n in rules.apply.start_notices],
        }
    if rules.frequency:
        data["frequency"] = rules.frequency.model_dump(mode="json")
    if rules.duration:
        data["duration"] = rules.duration.model_dump(mode="json")
    if rules.delivery:
        data["where"] = [texts.place_text(p) for p in rules.delivery.places]
        data["delivery"] = rules.delivery.model_dump(mode="json")
        data["provider"] = texts.provider_lines(rules)
    if rules.content:
        data["included"] = [texts.content_label(c) for c in rules.content.included]
        data["not_included"] = [texts.content_label(c) for c in rules.content.not_included]
    if rules.costs:
        data["costs"] = {
            "training_free": rules.costs.training_free,
            "fees": [texts.fee_text(f) for f in rules.costs.fees],
            "transport": rules.costs.transport,
            "transport_alternatives": [
                {**o.model_dump(mode="json"), "text": texts.transport_options_text([o])}
                for o in rules.costs.transport_alternatives],
            "transport_notes": [str(texts.TRANSPORT_NOTES[n]) for n in rules.costs.transport_notes],
            "reimbursement": None,
        }
        # The amounts where the standard gives them; the law's rule without them otherwise.
        reimbursement = texts.reimbursement_line(rules.costs, standard_date)
        if reimbursement:
            r = rules.costs.reimbursement
            data["costs"]["reimbursement"] = {
                "pensioner_min_dkk": r.pensioner_min_dkk if r else None,
                "others_min_dkk": r.others_min_dkk if r else None,
                "per": r.per if r else "visit",
                "text": reimbursement,
            }
    if rules.obligations:
        ob = rules.obligations
        data["obligations"] = {
            "cancel": texts.cancel_text(ob.cancel, unit) if ob.cancel else None,
            "cancel_deadline": ob.cancel.model_dump(mode="json") if ob.cancel else None,
            "ending": [texts.end_rule_text(r) for r in ob.end_rules],
            "expectations": [str(texts.EXPECTATIONS[e]) for e in ob.expectations],
            "sms_reminder_hours": ob.sms_reminder_hours,
            "tell_when_away": ob.tell_when_away,
            "when_they_change": (str(texts.WHEN_THEY_CHANGE[ob.when_they_change])
                                 if ob.when_they_change else None),
        }
    data["follow_up"] = [str(texts.FOLLOW_UP[f]) for f in rules.follow_up]
    return data


def assessment_data(result: Assessment) -> dict[str, Any]:
    m = result.municipality
    std = result.standard
    return {
        "municipality": {
            "slug": m.slug,
            "code": m.code,
            "name": m.name,
            "standard": None if std is None else {
                "title": std.title,
                "approved": std.approved.isoformat() if std.approved else None,
                "approved_by": std.approved_by,
                "publisher": std.publisher,
            },
        },
        "today": result.today.isoformat(),
        "offers": [offer_data(o, m.slug, m.name, result.answers, format_short_date(std.approved)
                              if std and std.approved else None) for o in result.offers],
    }
