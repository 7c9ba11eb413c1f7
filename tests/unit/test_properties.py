"""Property-based tests over random answers."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from webapp.domain.answers import Answers, Chronic
from webapp.domain.assess import assess
from webapp.domain.flow import ORDER, walk
from webapp.domain.loader import load_rules
from webapp.domain.rules import OFFER_IDS

BOOK = load_rules()
SLUGS = sorted(BOOK.standards) + ["aarhus"]

maybe_bool = st.none() | st.booleans()
dates = st.none() | st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))
answers = st.builds(
    Answers,
    age=st.none() | st.integers(0, 120),
    in_hospital=maybe_bool,
    hospital_plan=st.none() | st.sampled_from(["yes", "no", "unknown"]),
    plan_level=st.none() | st.sampled_from(
        ["basal", "advanced", "specialised", "rehab_specialised", "unknown"]),
    discharge_date=dates,
    function_loss=st.none() | st.sampled_from(["sudden", "lasting", "none"]),
    hospital_treated=maybe_bool,
    self_training_enough=st.none() | st.sampled_from(["yes", "no", "unsure"]),
    motivated=maybe_bool,
    group_ok=maybe_bool,
    same_problem_treated=maybe_bool,
    care_home=st.none() | st.sampled_from(["none", "permanent", "temporary"]),
    pensioner=maybe_bool,
    chronic_conditions=st.none() | st.lists(st.sampled_from(list(Chronic)), unique=True).map(tuple),
    smoker=maybe_bool,
    severe_disability=maybe_bool,
    disability_cause=st.none() | st.sampled_from(["neurological", "progressive", "other"]),
    maintenance_last_year=maybe_bool,
    can_travel=maybe_bool,
    distance_over_50km=maybe_bool,
    request_date=dates,
    decision_date=dates,
)


@settings(max_examples=300, deadline=None)
@given(slug=st.sampled_from(SLUGS), a=answers)
def test_assess_never_raises_and_always_explains(slug, a):
    result = assess(slug, a, date(2026, 3, 30), BOOK)
    assert [o.id for o in result.offers] == list(OFFER_IDS)
    for offer in result.offers:
        assert offer.reasons, "a verdict is never given without reasons"
        if offer.verdict == "unlikely":
            assert any(r.outcome == "failed" for r in offer.reasons)
        if offer.verdict == "possible":
            assert all(r.outcome != "met" for r in offer.reasons)


@settings(max_examples=200, deadline=None)
@given(slug=st.sampled_from(SLUGS), a=answers)
def test_hospital_rules_hold(slug, a):
    result = assess(slug, a, date(2026, 3, 30), BOOK)
    if a.hospital_plan is not None and a.hospital_plan.value == "no":
        assert result.offer("sul-140").verdict == "unlikely"
    if a.in_hospital:
        assert result.offer("sul-140").verdict == "unlikely"
        assert result.offer("sel-86-1").verdict == "unlikely"
    if a.plan_level is not None and a.plan_level.value == "specialised":
        assert result.offer("sul-140").verdict == "unlikely"
    if a.age is not None and a.age >= 67:
        assert result.offer("sel-86-1").verdict == "unlikely"
        assert result.offer("sel-86-2").verdict == "unlikely"
    if a.age is not None and a.age < 67:
        assert result.offer("ael-10").verdict == "unlikely"


@settings(max_examples=200, deadline=None)
@given(slug=st.sampled_from(SLUGS), a=answers)
def test_a_missing_answer_is_never_a_no(slug, a):
    """Forgetting one answer can only move a verdict towards 'possible', never past it."""
    full = assess(slug, a, date(2026, 3, 30), BOOK)
    for key in ORDER:
        if getattr(a, key) is None:
            continue
        partial = assess(slug, a.model_copy(update={key: None}), date(2026, 3, 30), BOOK)
        for before, after in zip(full.offers, partial.offers, strict=True):
            if before.verdict == "likely":
                assert after.verdict in ("likely", "possible")


@settings(max_examples=100, deadline=None)
@given(slug=st.sampled_from(SLUGS), stored=st.dictionaries(st.sampled_from(ORDER),
                                                           st.none() | st.booleans() | st.text(max_size=5) | st.integers()))
def test_flow_survives_tampered_sessions(slug, stored):
    state = walk(BOOK, slug, stored)
    assert state.next is None or state.next in ORDER


def _walk_checking_each_step(slug, stored):
    """The walk as first written: every step's answers checked anew (the reference)."""
    from webapp.domain.flow import relevant, to_answers

    taken, path = {}, []
    while True:
        answers = to_answers(taken)
        todo = relevant(BOOK, slug, answers, set(taken))
        if not todo or todo[0] not in stored:
            may_come = relevant(BOOK, slug, answers, set(taken), may_follow=True) if todo else []
            return tuple(path), (todo[0] if todo else None), answers, len(may_come)
        taken[todo[0]] = stored[todo[0]]
        path.append(todo[0])


stored_values = (st.none() | st.booleans() | st.integers(-5, 130) | st.sampled_from(
    ["unknown", "", "yes", "no", "basal", "advanced", "sudden", "none", "unsure", "permanent",
     "2026-03-30", "2026-02-30", "neurological", "x"]) | st.lists(st.sampled_from(
        [c.value for c in Chronic] + ["x"]), max_size=3))


@settings(max_examples=300, deadline=None)
@given(slug=st.sampled_from(SLUGS),
       stored=st.dictionaries(st.sampled_from(ORDER + ("junk",)), stored_values))
def test_walk_equals_checking_each_step(slug, stored):
    state = walk(BOOK, slug, stored)
    assert (state.path, state.next, state.answers, state.remaining) == \
        _walk_checking_each_step(slug, stored)


def test_the_documented_date_pattern_is_the_accepted_range():
    """DATE_JSON_SCHEMA's pattern (for the OpenAPI document) and EARLIEST/LATEST_DATE (what
    is accepted) say the same, at both ends."""
    import re
    from datetime import timedelta

    from webapp.domain.answers import DATE_JSON_SCHEMA, EARLIEST_DATE, LATEST_DATE, read_date

    pattern = re.compile(DATE_JSON_SCHEMA["pattern"])
    for day, inside in ((EARLIEST_DATE, True), (LATEST_DATE, True),
                        (EARLIEST_DATE - timedelta(days=1), False),
                        (LATEST_DATE + timedelta(days=1), False)):
        assert bool(pattern.match(day.isoformat())) is inside
        assert (read_date(day.isoformat()) == day) is inside


@settings(max_examples=300, deadline=None)
@given(slug=st.sampled_from(SLUGS),
       stored=st.dictionaries(st.sampled_from(ORDER), st.sampled_from(
           [True, False, "yes", "no", "unknown", 45, 72, "basal", "sudden", "2026-03-30"])))
def test_the_count_of_questions_to_come_never_grows(slug, stored):
    """"Trin 15 af cirka 15" was followed by "Trin 16 af cirka 16" (the day of the decision
    follows the day of asking). Questions that follow an answer are counted before it, so
    along any walk the total can only shrink."""
    taken: dict[str, object] = {}
    before = None
    for _ in range(len(ORDER) + 1):
        state = walk(BOOK, slug, taken)
        total = len(state.path) + state.remaining
        assert before is None or total <= before, (state.path, total, before)
        if state.next is None:
            break
        before = total
        taken[state.next] = stored.get(state.next, "unknown")
