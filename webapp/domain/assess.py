"""``assess(municipality, answers, today)``: the one function every face of the product calls.

Pure and deterministic: the same rules, answers and day give the same result. It returns
every offer of ASSESSMENT.md §1 with its verdict, the reasons for it, concrete deadlines,
complaint routes and the merged practical facts (national baseline + the municipality's
standard), plus notes where national law overrides an older standard.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from . import calendar
from .answers import AnswerKey, Answers
from .conditions import RULES, evaluate
from .loader import RuleBook, load_rules
from .rules import (
    OFFER_IDS,
    Apply,
    Body,
    ComplaintRoute,
    Condition,
    DayUnit,
    Law,
    Municipality,
    MunicipalRules,
    OfferId,
    OfferRules,
    ServiceGoal,
    Source,
    Unit,
)

Verdict = Literal["likely", "possible", "unlikely"]
OutcomeName = Literal["met", "failed", "unknown"]
VERDICT_ORDER: dict[Verdict, int] = {"likely": 0, "possible": 1, "unlikely": 2}


@dataclass(frozen=True)
class Reason:
    rule: str
    answer: str
    outcome: OutcomeName
    message: str  # message id, translated by the caller
    params: dict[str, Any]
    source: str
    law: str | None = None
    soft: bool = False
    inform: bool = False  # a failed condition that is said but never lowers the verdict


@dataclass(frozen=True)
class Deadline:
    kind: str
    date: dt.date
    goal: ServiceGoal
    counted_from_date: dt.date
    # dec24 / dec31 / constitution_day; a contact, decision or start day also closed_saturday,
    # closed_sunday, closed_holiday (calendar.office_warning_for)
    warning: str | None = None
    past: bool = False
    about: str | None = None  # for complaint deadlines: decision / transport
    body: str | None = None  # for complaint deadlines: where the complaint goes
    settled: bool = False  # a contact or decision date before the decision the person has


@dataclass(frozen=True)
class Complaint:
    route: ComplaintRoute
    body: Body | Unit
    deadline_date: date | None = None
    deadline_warning: str | None = None  # calendar.complaint_warning_for the deadline
    renamed_from: str | None = None
    forward_to: Body | None = None


@dataclass(frozen=True)
class Note:
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Transport:
    rule: str
    status: Verdict | None  # for the national § 140 rule: does the person qualify?
    reasons: tuple[str, ...] = ()  # answer keys that qualify (pensioner, distance, health)


@dataclass(frozen=True)
class OfferAssessment:
    id: OfferId
    law: str
    verdict: Verdict
    source: Literal["municipal", "national"]
    reasons: tuple[Reason, ...]
    rules: OfferRules
    unit: Unit | None
    deadlines: tuple[Deadline, ...]
    complaints: tuple[Complaint, ...]
    notes: tuple[Note, ...]
    transport: Transport | None
    laws: tuple[Law, ...]

    def deadline(self, kind: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.kind == kind), None)


@dataclass(frozen=True)
class Assessment:
    municipality: Municipality
    standard: Source | None
    offers: tuple[OfferAssessment, ...]
    today: date
    answers: Answers

    def offer(self, offer_id: str) -> OfferAssessment:
        return next(o for o in self.offers if o.id == offer_id)


# --------------------------------------------------------------------------- merging


def _merge_conditions(national: list[Condition], local: list[Condition]) -> list[Condition]:
    local_rules = {c.rule for c in local}
    return [c for c in national if c.rule not in local_rules] + list(local)


def _merge_complaints(
    national: list[ComplaintRoute], local: list[ComplaintRoute]
) -> list[ComplaintRoute]:
    merged: list[ComplaintRoute] = []
    local_by_about = {c.about: c for c in local}
    for route in national:
        mine = local_by_about.pop(route.about, None)
        if mine is None:
            merged.append(route)
            continue
        # The municipality may name its own unit and add facts; the law's deadline and
        # onward route stay.
        update = {k: v for k, v in mine.model_dump(exclude_unset=True).items() if v is not None}
        if route.body != "municipality" and not mine.body.startswith("unit:"):
            update["body"] = route.body
        merged.append(route.model_copy(update=update))
    merged += [c for c in local if c.about in local_by_about]
    return merged


def merge_offer(national: OfferRules, local: OfferRules | None) -> OfferRules:
    if local is None:
        return national
    kinds = {g.kind for g in local.service_goals}
    update: dict[str, Any] = {
        name: getattr(local, name)
        for name in ("section", "apply", "frequency", "duration", "delivery", "content",
                     "costs", "obligations")
        if getattr(local, name) is not None
    }
    update["conditions"] = _merge_conditions(national.conditions, local.conditions)
    update["complaints"] = _merge_complaints(national.complaints, local.complaints)
    update["service_goals"] = list(local.service_goals) + [
        g for g in national.service_goals if g.kind not in kinds or g.kind == "free_choice"
    ]
    update["assessed_by_professional"] = list(
        dict.fromkeys(national.assessed_by_professional + local.assessed_by_professional)
    )
    update["follow_up"] = list(dict.fromkeys(national.follow_up + local.follow_up))
    update["target_group_notes"] = list(
        dict.fromkeys(national.target_group_notes + local.target_group_notes))
    return national.model_copy(update=update)


def _inherited(standard: MunicipalRules, offer_id: OfferId) -> OfferRules | None:
    """The Ældrelov keeps the § 86 contact (ASSESSMENT §4.1): ael-10 borrows whom to ask
    and whom to complain to – only those, named field by field, never what the standard
    promises for § 86 itself (Brønderslev's visitator's visit, its 4 weeks to reconsider a
    decision or to answer a partly upheld one); the law gives the rest."""
    local = standard.aeldrelov_lender() if offer_id == "ael-10" else None
    if local is None or local.apply is None:
        return None
    a = local.apply
    return OfferRules(
        apply=Apply(unit=a.unit, who=a.who, route=a.route, source=a.source),
        complaints=[ComplaintRoute(about=c.about, body=c.body, source=c.source,
                                   named_in_standard=c.named_in_standard)
                    for c in local.complaints if c.about == "decision"],
    )


@lru_cache(maxsize=1024)
def merged_offer(book: RuleBook, slug: str, offer_id: OfferId) -> OfferRules:
    """The national baseline with the municipality's standard laid over it (cached)."""
    standard = book.standards.get(slug)
    local = None
    if standard is not None:
        local = standard.offers.get(offer_id) or _inherited(standard, offer_id)
    return merge_offer(book.national.offers[offer_id], local)


# --------------------------------------------------------------------------- pieces


def open_reads(conditions: list[Condition], answers: Answers) -> set[AnswerKey] | None:
    """The answers that unknown conditions read, or ``None`` when a hard condition has
    failed (the verdict is ``unlikely`` whatever else is answered). The questionnaire asks
    this at every step, so it builds no reasons and looks at each condition once."""
    reads: set[AnswerKey] = set()
    for cond in conditions:
        outcome = evaluate(cond.rule, answers, cond.value)
        if outcome is None:
            reads.update(RULES[cond.rule].reads)
        elif outcome is False and cond.if_failed == "unlikely":
            return None
    return reads


def ruled_out(conditions: list[Condition], answers: Answers) -> bool:
    """True when a hard condition has failed: the verdict is ``unlikely``."""
    return open_reads(conditions, answers) is None


def _judge(conditions: list[Condition], answers: Answers) -> tuple[Verdict, tuple[Reason, ...]]:
    met: list[Reason] = []
    failed_hard: list[Reason] = []
    failed_soft: list[Reason] = []
    unknown: list[Reason] = []
    unknown_exclusions: list[Reason] = []  # listed when the verdict is open anyway
    informed: list[Reason] = []  # failed `inform` conditions: said, never lowering
    for cond in conditions:
        rule = RULES[cond.rule]
        outcome = evaluate(cond.rule, answers, cond.value)
        params: dict[str, Any] = {"value": cond.value if not isinstance(cond.value, list) else ""}
        if answers.age is not None:
            params["age"] = answers.age
        soft = cond.if_failed == "possible"
        if outcome is True:
            met.append(Reason(cond.rule, rule.answer, "met", rule.met, params, cond.source, cond.law))
        elif outcome is False:
            reason = Reason(cond.rule, rule.answer, "failed",
                            rule.failed_soft if soft and rule.failed_soft else rule.failed,
                            params, cond.source,
                            cond.law, soft, inform=cond.if_failed == "inform")
            if reason.inform:
                informed.append(reason)
            else:
                (failed_soft if soft else failed_hard).append(reason)
        elif cond.if_failed == "inform":
            continue  # only a known failure of the own team's condition is worth a word
        else:
            message, answer = rule.unknown, rule.answer
            for when, because, key in rule.open_because:
                if when(answers):
                    message, answer = because, key
                    break
            reason = Reason(cond.rule, answer, "unknown", message, params,
                            cond.source, cond.law, soft)
            if (cond.kind or rule.kind) == "require":
                unknown.append(reason)
            else:
                unknown_exclusions.append(reason)
    if failed_hard:
        return "unlikely", tuple(failed_hard + failed_soft)
    if failed_soft or unknown or not met:
        return "possible", tuple(failed_soft + unknown + unknown_exclusions + informed)
    return "likely", tuple(met + informed)


_BASE = {"request": "request_date", "discharge": "discharge_date",
         "plan_received": "discharge_date", "decision": "decision_date"}


def _deadlines(rules: OfferRules, answers: Answers, today: date,
               complaints: list[Complaint], verdict: Verdict) -> tuple[Deadline, ...]:
    out: list[Deadline] = []
    decision = answers.decision_date
    # An offer that does not fit has no contact, start or free choice to wait for: "Nyborg
    # Kommune skal kontakte dig senest …" and "ret til at vælge en privat leverandør" were
    # given for a plan on specialiseret niveau, which the hospital trains (a fact-check).
    # Only its last day to complain stays, for a refusal. The page, the calendar file and
    # the API all take their dates from here.
    goals = rules.service_goals if verdict != "unlikely" else []
    for goal in goals:
        key = _BASE.get(goal.counted_from)
        base = getattr(answers, key) if key else None
        if base is None:
            continue
        when = calendar.add(base, goal.amount, goal.unit)
        # The decision has come: the contact and the decision promised before it are over
        # ("skulle have kontaktet dig … ring til dem" was said to someone with a decision).
        settled = (decision is not None and goal.counted_from == "request"
                   and goal.kind in ("contact", "decision"))
        # The law's free choice is a right from the day after, not a day the office acts.
        warning = (calendar.warning_for(when) if goal.kind == "free_choice"
                   else calendar.office_warning_for(when))
        out.append(Deadline(goal.kind, when, goal, base, warning, when < today,
                            settled=settled))
    # ASSESSMENT.md §5: the last day for a complaint to reach the municipality, i.e. a
    # complaint about the municipality's decision (Serviceloven, Ældreloven): the only
    # complaint _complaints dates from the decision date.
    dated = [c for c in complaints if c.deadline_date is not None]
    if dated and decision is not None:
        complaint = dated[0]
        goal = ServiceGoal(kind="complaint", amount=complaint.route.deadline_amount or 0,
                           unit=DayUnit.WEEKS, counted_from="decision", what="decision",
                           source=complaint.route.source)
        when = complaint.deadline_date or decision
        out.append(Deadline("complaint", when, goal, decision, complaint.deadline_warning,
                            when < today, complaint.route.about, complaint.body.name))
    order = {"contact": 0, "decision": 1, "start": 2, "free_choice": 3, "complaint": 4}
    return tuple(sorted(out, key=lambda d: (order.get(d.kind, 9), d.date)))


def route_deadline(route: ComplaintRoute, decision_date: date | None) -> date | None:
    """The last day of a complaint counted from the day its decision was received."""
    if (route.counted_from == "decision_received" and decision_date is not None
            and route.deadline_amount is not None and route.deadline_unit in (
                DayUnit.WEEKS, DayUnit.CALENDAR_DAYS, DayUnit.WORKING_DAYS)):
        return calendar.add(decision_date, route.deadline_amount, DayUnit(route.deadline_unit))
    return None


def _complaints(rules: OfferRules, book: RuleBook, standard: MunicipalRules | None,
                unit: Unit | None, answers: Answers, municipality: str) -> list[Complaint]:
    out = []
    bodies = book.national.bodies
    for route in rules.complaints:
        body: Body | Unit
        if route.body.startswith("unit:") and standard is not None:
            body = standard.units[route.body[5:]]
        elif route.body == "municipality" and unit is not None:
            body = unit
        elif route.body == "municipality":
            # no contact unit known: the municipality by its name (a proper name, shown
            # as it is in every language), not the word "Kommunen"
            body = bodies["municipality"].model_copy(update={"name": municipality})
        else:
            body = bodies.get(route.body, bodies["municipality"])
        # ``decision_date`` is the day the municipality's decision on the training came
        # (ASSESSMENT.md §2): it dates a complaint about that decision only. A decision on
        # transport is another letter, so its 4 weeks are given as a rule, not a date (the
        # complaint helper asks for that letter's day: complaint.complaint_guide).
        deadline = route_deadline(route, answers.decision_date) if route.about == "decision" \
            else None
        renamed = None
        if (route.named_in_standard and isinstance(body, Body)
                and route.named_in_standard in body.former_names):
            renamed = route.named_in_standard
        forward = bodies.get(route.forward_to) if route.forward_to else None
        warning = calendar.complaint_warning_for(deadline) if deadline else None
        out.append(Complaint(route, body, deadline, warning, renamed, forward))
    return out


def _transport(rules: OfferRules, answers: Answers) -> Transport | None:
    if rules.costs is None or rules.costs.transport is None:
        return None
    rule = rules.costs.transport
    if rule != "national_140":
        return Transport(rule, None)
    facts = {
        "pensioner": answers.pensioner,
        "distance_over_50km": answers.distance_over_50km,
        "can_travel": None if answers.can_travel is None else not answers.can_travel,
    }
    qualifying = tuple(k for k, v in facts.items() if v is True)
    if qualifying:
        return Transport(rule, "likely", qualifying)
    if all(v is False for v in facts.values()):
        return Transport(rule, "unlikely")
    return Transport(rule, "possible")


def _unit(book: RuleBook, standard: MunicipalRules | None, rules: OfferRules,
          offer_id: OfferId) -> Unit | None:
    if standard is None:
        return None
    if rules.apply and rules.apply.unit:
        return standard.units[rules.apply.unit]
    return None


def _notes(offer_id: OfferId, book: RuleBook, standard: MunicipalRules | None,
           rules: OfferRules, complaints: list[Complaint], verdict: Verdict,
           answers: Answers, slug: str) -> tuple[Note, ...]:
    notes: list[Note] = []
    described = standard is not None and offer_id in standard.offers
    if not described:
        notes.append(Note("national_only"))
    if verdict != "unlikely":  # said to those who meet the conditions (67+: the Ældrelov)
        notes += [Note(code) for code in rules.target_group_notes]
    law = book.national.laws.get("aeldreloven")
    # Said where it can matter: not to a person the offer's own age condition finds under
    # pension age (the age not given, as on a GP's overview, leaves it said). A 44-year-old
    # wondered whether "fra 67 år" was about him (a user test).
    below = any(c.rule == "below_pension_age" and evaluate(c.rule, answers, c.value) is True
                for c in rules.conditions)
    if (described and offer_id in ("sel-86-1", "sel-86-2") and law and law.in_force
            and standard is not None and not below
            and (standard.standard.approved is None or standard.standard.approved < law.in_force)):
        notes.append(Note("aeldrelov_override", {"in_force": law.in_force,
                                                 "pension_age": book.national.pension_age}))
    if (offer_id == "ael-10" and verdict != "unlikely" and answers.hospital_plan == "yes"
            and _judge(merged_offer(book, slug, "sul-140").conditions, answers)[0]
            != "unlikely"):
        # Both fit after a hospital stay with a plan: the plan's training is § 140's
        # (ASSESSMENT §1), helhedspleje is the help and training needed besides. Not with a
        # plan § 140 does not take (specialiseret niveau: the hospital trains).
        notes.append(Note("plan_first"))
    if offer_id == "sul-140" and described and verdict != "unlikely":
        days = book.national.free_choice_days
        for goal in rules.service_goals:
            if goal.kind == "start" and goal.counted_from in ("discharge", "plan_received") and not (
                goal.unit is DayUnit.CALENDAR_DAYS and goal.amount <= days
            ):
                notes.append(Note("free_choice_override", {"days": days}))
                break
    for c in complaints:
        note = Note("body_renamed", {"old": c.renamed_from, "new": c.body.name})
        if c.renamed_from and note not in notes:  # one note, however many routes name it
            notes.append(note)
    return tuple(notes)


# --------------------------------------------------------------------------- assess


@lru_cache(maxsize=1)
def default_book() -> RuleBook:
    return load_rules()



def assess_offer(book: RuleBook, municipality: Municipality, offer_id: OfferId,
                 answers: Answers, today: date) -> OfferAssessment:
    standard = book.standards.get(municipality.slug)
    rules = merged_offer(book, municipality.slug, offer_id)
    verdict, reasons = _judge(rules.conditions, answers)
    unit = _unit(book, standard, rules, offer_id)
    complaints = _complaints(rules, book, standard, unit, answers, municipality.name)
    national = book.national.offers[offer_id]
    return OfferAssessment(
        id=offer_id,
        law=national.law,
        verdict=verdict,
        source="municipal" if standard is not None and offer_id in standard.offers else "national",
        reasons=reasons,
        rules=rules,
        unit=unit,
        deadlines=_deadlines(rules, answers, today, complaints, verdict),
        complaints=tuple(complaints),
        notes=_notes(offer_id, book, standard, rules, complaints, verdict, answers,
                     municipality.slug),
        transport=_transport(rules, answers),
        laws=tuple(book.national.laws[k] for k in national.laws),
    )


def professional_checks(offer: OfferAssessment, answers: Answers) -> list[str]:
    """What the therapist or visitator will look at, of what the answers leave open: a plan
    for rehabilitering på specialiseret niveau has its level already, so "basal or
    advanced" is not looked at (Nyborg: "om genoptræningen skal være på basalt eller
    avanceret niveau" is for almen genoptræning)."""
    checks = offer.rules.assessed_by_professional
    if answers.plan_level == "rehab_specialised":
        return [k for k in checks if k != "basal_or_advanced"]
    return list(checks)


def assess(municipality: Municipality | str, answers: Answers, today: date,
           book: RuleBook | None = None) -> Assessment:
    """Assess every offer for ``municipality`` (a Municipality, slug or kommunekode).

    ``book`` defaults to the rules in the repository's ``rules/`` folder, loaded once.
    """
    book = book or default_book()
    if isinstance(municipality, str):
        found = book.find(municipality)
        if found is None:
            raise KeyError(municipality)
        municipality = found
    standard = book.standards.get(municipality.slug)
    offers = tuple(assess_offer(book, municipality, oid, answers, today) for oid in OFFER_IDS)
    return Assessment(municipality, standard.standard if standard else None, offers, today,
                      answers)
