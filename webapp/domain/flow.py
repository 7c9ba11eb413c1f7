"""What to ask next: only questions that can still change a verdict, derived from the rules.

A question is worth asking when an offer that is not already ruled out has a condition
that is still unknown and reads that answer. Dates are asked where they turn into
deadlines, and transport questions where the national § 140 transport rule applies. No
municipality has a hand-written path: a new rules file changes the questions by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from .answers import DATE_KEYS, AnswerKey, Answers, HospitalPlan
from .assess import merged_offer, open_reads
from .loader import RuleBook
from .rules import OFFER_IDS

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
_FROM = {"request": "request_date", "discharge": "discharge_date",
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


def relevant(book: RuleBook, slug: str, answers: Answers, answered: set[str]) -> list[AnswerKey]:
    keys: set[str] = set()
    for offer_id in OFFER_IDS:
        rules = merged_offer(book, slug, offer_id)
        reads = open_reads(rules.conditions, answers)
        if reads is None:
            continue
        keys |= reads
        for goal in rules.service_goals:
            if goal.counted_from in _FROM:
                keys.add(_FROM[goal.counted_from])
        if (rules.costs and rules.costs.transport == "national_140"
                and answers.pensioner is not True and answers.distance_over_50km is not True):
            keys.update(TRANSPORT_KEYS)
    if answers.hospital_plan is not HospitalPlan.YES:
        keys.discard("plan_level")
        keys.discard("discharge_date")
    if answers.request_date is None:
        keys.discard("decision_date")
    else:
        keys.add("decision_date")
    return [k for k in ORDER if k in keys and k not in answered]


@dataclass(frozen=True)
class Walk:
    path: tuple[AnswerKey, ...]  # the questions asked, in order
    next: AnswerKey | None  # the next question, or None when done
    answers: Answers  # only the answers on the path
    remaining: int  # questions still relevant now (an estimate: it can only shrink or grow by answers)


def walk(book: RuleBook, slug: str, stored: dict[str, Any]) -> Walk:
    """Replay the stored answers in question order, keeping only those still relevant."""
    # Answers are checked one by one (no rule reads two), so checking all of them once and
    # taking each step's from that is the same as checking each step's anew, at a third
    # of the cost.
    checked = to_answers(stored)
    taken: dict[str, Any] = {}
    path: list[AnswerKey] = []
    while True:
        answers = Answers.model_validate({k: v for k, v in taken.items() if v is not None})
        todo = relevant(book, slug, answers, set(taken))
        if not todo:
            return Walk(tuple(path), None, answers, 0)
        key = todo[0]
        if key not in stored:
            return Walk(tuple(path), key, answers, len(todo))
        taken[key] = getattr(checked, key)
        path.append(key)


def is_date_key(key: str) -> bool:
    return key in DATE_KEYS
