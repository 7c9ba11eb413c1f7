"""flow.relevant decides "ruled out" without _judge (a speed-up, see bench/); it must ask
exactly what the earlier implementation, which asked _judge, asked."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.test_properties import BOOK, SLUGS, answers
from webapp.domain.answers import HospitalPlan
from webapp.domain.assess import _judge, merged_offer
from webapp.domain.conditions import RULES, evaluate
from webapp.domain.flow import _FROM, ORDER, TRANSPORT_KEYS, relevant
from webapp.domain.rules import OFFER_IDS


def relevant_via_judge(book, slug, answers, answered):
    """The earlier implementation, verbatim, as the reference."""
    keys = set()
    for offer_id in OFFER_IDS:
        rules = merged_offer(book, slug, offer_id)
        verdict, _ = _judge(rules.conditions, answers)
        if verdict == "unlikely":
            continue
        for cond in rules.conditions:
            if evaluate(cond.rule, answers, cond.value) is None:
                keys.update(RULES[cond.rule].reads)
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


@settings(max_examples=200, deadline=None)
@given(slug=st.sampled_from(SLUGS), a=answers, answered=st.sets(st.sampled_from(ORDER)))
def test_same_questions_as_with_judge(slug, a, answered):
    assert relevant(BOOK, slug, a, answered) == relevant_via_judge(BOOK, slug, a, answered)
