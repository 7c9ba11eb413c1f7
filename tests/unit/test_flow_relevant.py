"""The questionnaire asks only what can still change a verdict (webapp/domain/flow.py)."""

from datetime import date
from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.test_properties import BOOK, SLUGS, answers
from webapp.domain.answers import AnswerKey
from webapp.domain.assess import assess, merged_offer, ruled_out
from webapp.domain.conditions import RULES, evaluate
from webapp.domain.flow import ORDER, relevant
from webapp.domain.rules import OFFER_IDS


def test_every_answer_key_has_its_place_in_the_question_order():
    assert sorted(ORDER) == sorted(get_args(AnswerKey))
    assert len(ORDER) == len(set(ORDER))


@settings(max_examples=300, deadline=None)
@given(slug=st.sampled_from(SLUGS), a=answers)
def test_ruled_out_is_exactly_an_unlikely_verdict(slug, a):
    result = assess(slug, a, date(2026, 3, 30), BOOK)
    for offer_id in OFFER_IDS:
        rules = merged_offer(BOOK, slug, offer_id)
        assert ruled_out(rules.conditions, a) == (result.offer(offer_id).verdict == "unlikely")


@settings(max_examples=200, deadline=None)
@given(slug=st.sampled_from(SLUGS), a=answers, answered=st.sets(st.sampled_from(ORDER)))
def test_a_condition_question_is_asked_only_for_offers_still_open(slug, a, answered):
    """An answer read only by conditions of ruled-out offers is never asked."""
    open_reads: set[str] = set()
    for offer_id in OFFER_IDS:
        rules = merged_offer(BOOK, slug, offer_id)
        if ruled_out(rules.conditions, a):
            continue
        for cond in rules.conditions:
            if evaluate(cond.rule, a, cond.value) is None:
                open_reads.update(RULES[cond.rule].reads)
    condition_keys = {k for rule in RULES.values() for k in rule.reads}
    dates_and_transport = {"discharge_date", "request_date", "decision_date", "pensioner",
                           "can_travel", "distance_over_50km"}
    for key in relevant(BOOK, slug, a, answered):
        assert key not in answered
        if key in condition_keys and key not in dates_and_transport:
            assert key in open_reads, key


CONDITIONS = sorted({(cond.rule, repr(cond.value)): cond
                     for slug in SLUGS for offer_id in OFFER_IDS
                     for cond in merged_offer(BOOK, slug, offer_id).conditions}.items())


@settings(max_examples=300, deadline=None)
@given(a=answers, b=answers)
def test_a_condition_looks_only_at_the_answers_it_says_it_reads(a, b):
    """The walk looks at an offer again only after an answer its conditions read
    (flow.walk), so a rule's outcome must not change with any other answer."""
    for _, cond in CONDITIONS:
        reads = RULES[cond.rule].reads
        mixed = b.model_copy(update={key: getattr(a, key) for key in reads})
        assert evaluate(cond.rule, mixed, cond.value) == evaluate(cond.rule, a, cond.value), \
            cond.rule


def test_the_decision_is_asked_for_where_no_offer_counts_from_the_day_of_asking():
    """Herlev's vedligeholdende træning and helhedspleje count nothing from the day the
    person asked, so the day of asking was never asked, nor then the day of the decision:
    those paths had no last day to complain (fact-checks of Herlev and Fredensborg)."""
    from webapp.domain.flow import walk

    given = {"age": 70, "in_hospital": False, "hospital_plan": "no",
             "function_loss": "lasting", "decision_date": "2026-11-20"}
    stored: dict[str, object] = {}
    while (step := walk(BOOK, "herlev", stored)).next is not None:
        stored[step.next] = given.get(step.next, "unknown")
    assert "decision_date" in step.path and "request_date" not in step.path
    result = assess("herlev", step.answers, date(2026, 11, 25), BOOK)
    (complaint,) = result.offer("ael-10").deadlines
    assert complaint.kind == "complaint" and complaint.date == date(2026, 12, 18)
