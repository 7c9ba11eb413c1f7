"""What to ask next: only questions that can still change a verdict, derived from the rules.

A question is worth asking when an offer that is not already ruled out has a condition
that is still unknown and reads that answer. Dates are asked where they turn into
deadlines, and transport questions where the national § 140 transport rule applies. No
municipality has a hand-written path: a new rules file changes the questions by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from .answers import DATE_KEYS, AnswerKey, Answers, HospitalPlan
from .assess import merged_offer, open_reads
from .conditions import RULES
from .loader import RuleBook
from .rules import OFFER_IDS, OfferId, OfferRules

ORDER: tuple[AnswerKey, ...] = (
    "age",
    "in_hospital",
    "hospital_plan",
    "plan_level",
    "discharge_date",
    "function_loss",
    "hospital_treated",
    "self_training_enough",
    "motivated",
    "group_ok",
    "same_problem_treated",
    "care_home",
    "maintenance_last_year",
    "chronic_conditions",
    "smoker",
    "severe_disability",
    "disability_cause",
    "pensioner",
    "can_travel",
    "distance_over_50km",
    "request_date",
    "decision_date",
)

UNKNOWN = "unknown"  # stored for "Ved ikke" on yes/no questions and skipped dates
TRANSPORT_KEYS: tuple[AnswerKey, ...] = ("pensioner", "can_travel", "distance_over_50km")
# The § 140 transport questions are asked until one of these is yes.
TRANSPORT_READS: tuple[AnswerKey, ...] = ("pensioner", "distance_over_50km")
_FROM: dict[str, AnswerKey] = {"request": "request_date", "discharge": "discharge_date",
         "plan_received": "discharge_date"}


def to_answers(stored: dict[str, Any]) -> Answers:
    """Answers from what the session holds; 'unknown' and blanks become None."""
    clean: dict[str, Any] = {}
    for key, value in stored.items():
        if key not in Answers.model_fields or value in (None, "", UNKNOWN):
            if key in ("hospital_plan", "plan_level") and value == UNKNOWN:
                clean[key] = value
            continue
        clean[key] = value
    try:
        return Answers.model_validate(clean)
    except ValidationError:
        # A tampered or stale session: keep what is valid, drop the rest.
        good = {}
        for key, value in clean.items():
            try:
                Answers.model_validate({key: value})
            except ValidationError:
                continue
            good[key] = value
        return Answers.model_validate(good)


def relevant(book: RuleBook, slug: str, answers: Answers, answered: set[str],
             *, may_follow: bool = False) -> list[AnswerKey]:
    """The questions still worth asking, in question order (``may_follow``: see _in_order)."""
    return _in_order([_wanted(merged_offer(book, slug, offer_id), answers)
                      for offer_id in OFFER_IDS], answers, answered, may_follow=may_follow)


def _wanted(rules: OfferRules, answers: Answers) -> set[AnswerKey] | None:
    """What one offer still wants asked, or ``None`` when it is ruled out."""
    keys = open_reads(rules.conditions, answers)
    if keys is None:
        return None
    for goal in rules.service_goals:
        if goal.counted_from in _FROM:
            keys.add(_FROM[goal.counted_from])
    if (rules.costs and rules.costs.transport == "national_140"
            and not any(getattr(answers, k) is True for k in TRANSPORT_READS)):
        keys.update(TRANSPORT_KEYS)
    return keys


@lru_cache(maxsize=1024)
def _wanted_reads(book: RuleBook, slug: str, offer_id: OfferId) -> frozenset[AnswerKey]:
    """Every answer ``_wanted`` looks at for that offer: another answer cannot change it."""
    rules = merged_offer(book, slug, offer_id)
    reads = {key for cond in rules.conditions for key in RULES[cond.rule].reads}
    if rules.costs and rules.costs.transport == "national_140":
        reads.update(TRANSPORT_READS)
    return frozenset(reads)


def _in_order(wanted: list[set[AnswerKey] | None], answers: Answers,
              answered: set[str], *, may_follow: bool = False) -> list[AnswerKey]:
    """The questions to ask, in order. Some follow from an answer: the plan's level and the
    day of discharge from "yes, I have a plan", the day of the decision from the day of
    asking (or by itself, where no open offer counts from that day). With ``may_follow``
    they are counted while that answer is still to come, so the "Trin 4 af højst 16" count
    does not grow when they appear (it read "15 af 15", then "16 af 16")."""
    keys: set[AnswerKey] = set().union(*(w for w in wanted if w is not None))
    plan_to_come = may_follow and "hospital_plan" in keys and "hospital_plan" not in answered
    if answers.hospital_plan is not HospitalPlan.YES and not plan_to_come:
        keys.discard("plan_level")
        keys.discard("discharge_date")
    if "request_date" in keys or "request_date" in answered:
        request_to_come = may_follow and "request_date" not in answered
        if answers.request_date is None and not request_to_come:
            keys.discard("decision_date")  # not asked the municipality: no decision
        else:
            keys.add("decision_date")
    elif any(w is not None for w in wanted):
        # No open offer counts from the day of asking (Herlev's vedligeholdende træning,
        # helhedspleje): the decision is asked for by itself, or those paths never had a
        # last day to complain (two fact-checks).
        keys.add("decision_date")
    return [k for k in ORDER if k in keys and k not in answered]


@dataclass(frozen=True)
class Walk:
    path: tuple[AnswerKey, ...]  # the questions asked, in order
    next: AnswerKey | None  # the next question, or None when done
    answers: Answers  # only the answers on the path
    remaining: int  # questions that may still come (an estimate, counting those that follow)


def walk(book: RuleBook, slug: str, stored: dict[str, Any]) -> Walk:
    """Replay the stored answers in question order, keeping only those still relevant.

    The same as asking ``relevant`` at every step, but cheaper: answers are checked one by
    one (no rule reads two), so checking all of them once and taking each step's from that
    is the same as checking each step's anew; and after an answer, only the offers that
    look at it are looked at again.
    """
    checked = to_answers(stored)
    offers = [(merged_offer(book, slug, o), _wanted_reads(book, slug, o)) for o in OFFER_IDS]
    taken: dict[str, Any] = {}
    path: list[AnswerKey] = []
    answers = Answers()
    wanted = [_wanted(rules, answers) for rules, _ in offers]
    while True:
        todo = _in_order(wanted, answers, set(taken))
        if not todo:
            return Walk(tuple(path), None, answers, 0)
        key = todo[0]
        if key not in stored:
            may_come = _in_order(wanted, answers, set(taken), may_follow=True)
            return Walk(tuple(path), key, answers, len(may_come))
        taken[key] = value = getattr(checked, key)
        path.append(key)
        if value is not None:  # "Ved ikke" changes no answer
            answers = Answers.model_validate({k: v for k, v in taken.items() if v is not None})
            wanted = [_wanted(rules, answers) if key in reads else keys
                      for (rules, reads), keys in zip(offers, wanted, strict=True)]


def is_date_key(key: str) -> bool:
    return key in DATE_KEYS
