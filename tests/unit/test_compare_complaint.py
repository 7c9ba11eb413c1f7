"""The comparison rows, the complaint route and the age of a standard (pure domain)."""

from __future__ import annotations

from datetime import date

from webapp.domain.compare import ROWS, compare
from webapp.domain.complaint import complaint_guide, complaint_options
from webapp.domain.freshness import add_years, freshness, standard_contact
from webapp.domain.loader import load_rules
from webapp.domain.rules import Unit

BOOK = load_rules()
TODAY = date(2026, 3, 30)


def by_offer():
    return {c.offer_id: c for c in compare(BOOK, TODAY)}


def column(comparison, slug):
    return next(c for c in comparison.columns if c.municipality.slug == slug)


def row(comparison, kind, slug):
    r = next(r for r in comparison.rows if r.kind == kind)
    return r.cells[[c.municipality.slug for c in comparison.columns].index(slug)]


def test_every_loaded_standard_is_compared_where_it_describes_the_offer():
    comparisons = by_offer()
    seen = {c.municipality.slug for comp in comparisons.values() for c in comp.columns}
    assert seen == set(BOOK.standards) == {"broenderslev", "fredensborg", "fredericia",
                                           "herlev", "nyborg"}
    assert [c.municipality.slug for c in comparisons["sel-86-1"].columns] == [
        "broenderslev", "fredensborg", "fredericia", "herlev"]
    assert [m.slug for m in comparisons["sel-86-1"].not_described] == ["nyborg"]
    assert [c.municipality.slug for c in comparisons["sul-140"].columns] == [
        "fredericia", "nyborg"]
    assert "ael-10" not in comparisons  # no standard describes it
    for comp in comparisons.values():
        assert [r.kind for r in comp.rows] == list(ROWS)
        assert all(len(r.cells) == len(comp.columns) for r in comp.rows)


def test_cells_carry_the_standards_facts():
    c = by_offer()
    sel = c["sel-86-1"]
    assert row(sel, "cancel", "broenderslev").cancel.time == "12:00"
    assert row(sel, "cancel", "fredensborg").cancel.day == "same_day"
    assert row(sel, "duration", "herlev").max_amount == 10
    assert row(sel, "duration", "fredensborg").max_amount == 3
    assert row(sel, "transport", "broenderslev").transport == "not_granted"
    assert [(g.kind, g.amount, g.unit.value) for g in row(sel, "contact", "herlev")] == [
        ("contact", 10, "working_days")]
    assert [(g.kind, g.amount) for g in row(sel, "contact", "broenderslev")] == [
        ("decision", 5), ("contact", 5)]
    # Brønderslev's decision complaint goes to Visitationen and on to Ankestyrelsen.
    complaint = next(x for x in row(sel, "complaint", "broenderslev")
                     if x.route.about == "decision")
    assert complaint.body.name == "Visitationen" and complaint.forward_to.name == "Ankestyrelsen"
    s140 = c["sul-140"]
    assert row(s140, "frequency", "nyborg").per_week.min == 2
    assert row(s140, "transport", "nyborg").reimbursement.pensioner_min_dkk == 25
    # the national free choice after 7 days is in every § 140 column
    assert any(g.kind == "free_choice" for g in row(s140, "start", "nyborg"))
    assert column(s140, "nyborg").freshness.stale
    assert not column(sel, "fredensborg").freshness.stale


def test_freshness():
    assert freshness(date(2017, 5, 3), TODAY).years == 8
    assert freshness(date(2023, 12, 4), TODAY).years == 2
    assert freshness(date(2024, 2, 29), date(2025, 2, 28)).years == 0  # a leap day's birthday
    assert freshness(date(2023, 12, 4), date(2026, 11, 24)).months == 35
    assert freshness(date(2017, 5, 3), TODAY).stale
    assert not freshness(date(2023, 12, 4), TODAY).stale
    # "older than three years": not on the third anniversary, from the day after
    assert not freshness(date(2023, 12, 4), date(2026, 12, 4)).stale
    assert freshness(date(2023, 12, 4), date(2026, 12, 5)).stale
    unknown = freshness(None, TODAY)
    assert unknown.years is None and not unknown.stale
    assert add_years(date(2024, 2, 29), 2) == date(2026, 2, 28)


def test_standard_contact_is_the_offer_contact():
    assert standard_contact(BOOK.standards["nyborg"]).phones[0].number == "63337872"
    assert standard_contact(BOOK.standards["broenderslev"]).address == [
        "Rådhusgade 5", "9330 Dronninglund"]
    assert standard_contact(BOOK.standards["herlev"]) is None  # the standard names none


def test_complaint_to_broenderslev_about_a_refusal():
    broenderslev = BOOK.municipalities["broenderslev"]
    guide = complaint_guide(BOOK, broenderslev, "sel-86-1", "decision", date(2026, 3, 30),
                            TODAY)
    assert guide is not None
    assert guide.to_municipality
    assert isinstance(guide.complaint.body, Unit)
    assert guide.complaint.body.address == ["Rådhusgade 5", "9330 Dronninglund"]
    assert guide.deadline == date(2026, 4, 27)  # 4 weeks after the decision was received
    assert guide.complaint.forward_to.name == "Ankestyrelsen"
    assert guide.complaint.route.reconsider_weeks == 4
    assert not guide.past
    late = complaint_guide(BOOK, broenderslev, "sel-86-1", "decision", date(2026, 1, 5), TODAY)
    assert late is not None and late.past


def test_complaint_deadline_on_christmas_eve_is_warned():
    guide = complaint_guide(BOOK, BOOK.municipalities["herlev"], "sel-86-2", "decision",
                            date(2026, 11, 26), date(2026, 11, 26))
    assert guide is not None and guide.deadline == date(2026, 12, 24)
    assert guide.warning == "dec24"


def test_health_complaints_go_to_styrelsen_for_patientklager():
    nyborg = BOOK.municipalities["nyborg"]
    options = [c.route.about for c in complaint_options(
        complaint_guide(BOOK, nyborg, "sul-140", "treatment", None, TODAY).offer)]
    assert options == ["treatment", "transport"]
    treatment = complaint_guide(BOOK, nyborg, "sul-140", "treatment", date(2026, 3, 2), TODAY)
    assert treatment is not None and not treatment.to_municipality
    assert treatment.complaint.body.name == "Styrelsen for Patientklager"
    assert treatment.complaint.renamed_from == "Patientombuddet"
    assert treatment.deadline == date(2028, 3, 2)  # 2 years from when one knew
    transport = complaint_guide(BOOK, nyborg, "sul-140", "transport", date(2026, 3, 2), TODAY)
    assert transport is not None and transport.deadline == date(2026, 3, 30)


def test_a_refusal_under_the_serviceloven_is_not_sent_to_styrelsen_for_patientklager():
    """Fredericia: "Hvis klagen vedrører den sundhedsfaglige indsats eller tilsidesættelse af
    patientrettigheder, er der formel klageadgang til Styrelsen for Patientklager" - for
    § 86 too, but that is the therapists' work, not a refusal. A § 86 refusal goes to the
    municipality within 4 weeks (a fact-check: the helper offered Styrelsen's 2 years)."""
    fredericia = BOOK.municipalities["fredericia"]
    for offer_id in ("sel-86-1", "sel-86-2"):
        guide = complaint_guide(BOOK, fredericia, offer_id, "decision", date(2026, 3, 2), TODAY)
        assert guide is not None and guide.to_municipality
        assert guide.deadline == date(2026, 3, 30)
        assert [c.route.about for c in complaint_options(guide.offer)] == ["decision"]
        # the route is still the offer's, and the result page shows it
        assert "treatment" in [c.route.about for c in guide.offer.complaints]
        assert complaint_guide(BOOK, fredericia, offer_id, "treatment", None, TODAY) is None
    # under the Sundhedsloven, Styrelsen is the route for a refusal too
    assert "treatment" in [c.route.about for c in complaint_options(
        complaint_guide(BOOK, fredericia, "sul-140", "treatment", None, TODAY).offer)]


def test_municipality_without_a_standard_uses_the_national_route():
    aarhus = BOOK.municipalities["aarhus"]
    guide = complaint_guide(BOOK, aarhus, "sel-86-1", "decision", date(2026, 3, 2), TODAY)
    assert guide is not None and guide.to_municipality
    assert guide.complaint.body.name == "Aarhus Kommune"
    assert guide.deadline == date(2026, 3, 30)
    assert complaint_guide(BOOK, aarhus, "sel-86-1", "transport", None, TODAY) is None


def test_the_decision_date_dates_only_a_complaint_about_that_decision():
    """The questionnaire's decision_date is the day the decision on the training came. The
    result page also dated § 140's "Klage over en afgørelse om kørsel" from it, though a
    transport decision is another letter. Only the complaint helper, which asks for that
    letter's own day, dates a transport complaint."""
    from webapp.domain.answers import Answers
    from webapp.domain.assess import assess

    nyborg = BOOK.municipalities["nyborg"]
    result = assess(nyborg, Answers(age=58, decision_date=date(2026, 3, 30)), TODAY, BOOK)
    complaints = {(o.id, c.route.about): c for o in result.offers for c in o.complaints}
    assert complaints["sul-140", "transport"].deadline_date is None
    assert complaints["sel-86-1", "decision"].deadline_date == date(2026, 4, 27)
    guide = complaint_guide(BOOK, nyborg, "sul-140", "transport", date(2026, 3, 30), TODAY)
    assert guide is not None and guide.deadline == date(2026, 4, 27)
