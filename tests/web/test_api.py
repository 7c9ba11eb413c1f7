"""The JSON API: every error of ASSESSMENT.md §6 is a JSON 4xx naming the field."""

import pytest

URL = "/api/v1/assessment"


def post(client, body, **kw):
    return client.post(URL, json=body, **kw)


def error(response, status, code, field=None):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    err = response.get_json()["error"]
    assert err["code"] == code
    assert err["message"]
    if field:
        assert err["field"] == field
    return err


def test_assessment_by_slug_and_code(client):
    body = {"municipality": "fredericia",
            "answers": {"age": 60, "hospital_plan": "yes", "discharge_date": "2026-03-30"},
            "today": "2026-03-30"}
    data = post(client, body).get_json()
    assert data["municipality"]["code"] == "607"
    offers = {o["id"]: o for o in data["offers"]}
    assert set(offers) == {"sul-140", "sel-86-1", "sel-86-2", "sul-119", "sul-140a", "ael-10"}
    free = [d for d in offers["sul-140"]["deadlines"] if d["kind"] == "free_choice"]
    assert free[0]["date"] == "2026-04-06"
    by_code = post(client, {**body, "municipality": "607"}).get_json()
    assert by_code["municipality"]["slug"] == "fredericia"


def test_every_offer_has_reasons_and_facts(client):
    data = post(client, {"municipality": "broenderslev", "answers": {"age": 50},
                         "today": "2026-03-30"}).get_json()
    offer = {o["id"]: o for o in data["offers"]}["sel-86-1"]
    assert offer["reasons"] and offer["complaints"]
    assert offer["contact"]["phones"] == ["99454420"]
    assert offer["obligations"]["cancel_deadline"] == {"day": "day_before", "time": "12:00",
                                                       "or_as_soon_as_possible": False} or \
        offer["obligations"]["cancel_deadline"]["time"] == "12:00"


def test_english_texts_differ(client):
    body = {"municipality": "nyborg", "answers": {"hospital_plan": "no"}, "today": "2026-03-30"}
    da = post(client, body, query_string={"lang": "da"}).get_json()["offers"][0]
    en = post(client, body, query_string={"lang": "en"}).get_json()["offers"][0]
    assert da["title"] != en["title"]
    assert da["reasons"][0]["text"] != en["reasons"][0]["text"]


@pytest.mark.parametrize(("body", "code", "field"), [
    ({"municipality": "atlantis"}, "unknown_municipality", "municipality"),
    ({"municipality": "999"}, "unknown_municipality", "municipality"),
    ({"municipality": 607}, "invalid_municipality", "municipality"),
    ({"municipality": "   "}, "invalid_municipality", "municipality"),  # not "Vi kender ikke kommunen    ."
    ({"municipality": "herlev", "answers": {"shoe_size": 42}}, "unknown_answer", "answers.shoe_size"),
    ({"municipality": "herlev", "answers": {"age": "sixty"}}, "invalid_answer", "answers.age"),
    ({"municipality": "herlev", "answers": {"age": 60.5}}, "invalid_answer", "answers.age"),
    ({"municipality": "herlev", "answers": {"age": 121}}, "invalid_answer", "answers.age"),
    ({"municipality": "herlev", "answers": {"age": -1}}, "invalid_answer", "answers.age"),
    ({"municipality": "herlev", "answers": {"motivated": "yes"}}, "invalid_answer", "answers.motivated"),
    ({"municipality": "herlev", "answers": {"hospital_plan": "maybe"}}, "invalid_answer", "answers.hospital_plan"),
    ({"municipality": "herlev", "answers": {"request_date": "2026-02-30"}}, "invalid_answer", "answers.request_date"),
    ({"municipality": "herlev", "answers": {"request_date": 20260330}}, "invalid_answer", "answers.request_date"),
    ({"municipality": "herlev", "answers": {"request_date": "２０２６-０３-３０"}}, "invalid_answer", "answers.request_date"),
    ({"municipality": "herlev", "answers": {"request_date": "2026-03-30\n"}}, "invalid_answer", "answers.request_date"),
    ({"municipality": "herlev", "answers": {"chronic_conditions": ["flu"]}}, "invalid_answer", "answers.chronic_conditions"),
    ({"municipality": "herlev", "answers": []}, "invalid_answers", "answers"),
    ({"municipality": "herlev", "today": "yesterday"}, "invalid_date", "today"),
    ({"municipality": "herlev", "colour": "blue"}, "unknown_field", "colour"),
])
def test_bad_input_is_a_400_naming_the_field(client, body, code, field):
    error(post(client, body), 400, code, field)


def test_malformed_json(client):
    error(client.post(URL, data="{not json", content_type="application/json"), 400, "malformed_json")
    error(client.post(URL, data="[1, 2]", content_type="application/json"), 400, "invalid_body")


def test_not_json_is_415(client):
    error(client.post(URL, data="municipality=herlev",
                      content_type="application/x-www-form-urlencoded"), 415, "unsupported_media_type")


def test_body_over_16_kib_is_413(client):
    body = '{"municipality": "herlev", "x": "' + "a" * 17000 + '"}'
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.get_json()["error"]["code"]


def test_unknown_api_path_is_json_404(client):
    response = client.get("/api/v1/nothing")
    assert response.status_code == 404 and response.get_json()["error"]


def test_wrong_method_is_json_405(client):
    response = client.get(URL)
    assert response.status_code == 405 and response.get_json()["error"]


def test_municipalities_lists_all_98(client):
    data = client.get("/api/v1/municipalities").get_json()["municipalities"]
    assert len(data) == 98
    loaded = {m["slug"] for m in data if m["standard"]}
    assert loaded == {"broenderslev", "fredensborg", "fredericia", "herlev", "nyborg"}


def test_municipality_without_standard_is_assessed_on_national_rules(client):
    data = post(client, {"municipality": "aarhus", "answers": {"age": 70, "function_loss": "lasting"},
                         "today": "2026-03-30"}).get_json()
    assert data["municipality"]["standard"] is None
    offers = {o["id"]: o for o in data["offers"]}
    assert all(o["source"] == "national" for o in offers.values())
    assert offers["sel-86-2"]["verdict"] == "unlikely"
    assert offers["ael-10"]["verdict"] in ("likely", "possible")


def test_openapi_document(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    assert "/api/v1/assessment" in doc["paths"]
    assert "age" in doc["components"]["schemas"]["Answers"]["properties"]


def test_every_municipality_the_document_lists_is_assessed(client, book):
    """The document lists each municipality by slug, code and name; each is accepted."""
    listed = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"][
        "AssessmentRequest"]["properties"]["municipality"]["enum"]
    assert len(listed) == 3 * len(book.municipalities) == 294
    assert {"herlev", "163", "Herlev Kommune", "koebenhavn", "101"} <= set(listed)
    for value in listed:
        response = post(client, {"municipality": value, "today": "2026-03-30"})
        assert response.status_code == 200, value


def test_api_carries_every_practical_fact_the_page_shows(client):
    """Nyborg's reimbursement minimums (25 / 60 kr. per visit, with the standard's date) and
    Fredericia's SMS reminder reach the API as they reach the result page."""
    nyborg = post(client, {"municipality": "nyborg", "answers": {"age": 70, "hospital_plan": "yes",
                                                                "pensioner": True},
                           "today": "2026-03-30"}).get_json()
    costs = {o["id"]: o for o in nyborg["offers"]}["sul-140"]["costs"]
    assert costs["reimbursement"]["pensioner_min_dkk"] == 25
    assert costs["reimbursement"]["others_min_dkk"] == 60
    assert "25 kr." in costs["reimbursement"]["text"] and "2017" in costs["reimbursement"]["text"]
    assert costs["transport_notes"]
    # Without amounts in the standard, the law's rule is still said, as on the result page
    # (a fact-check: the API gave reimbursement null for Herlev and Fredensborg).
    herlev = post(client, {"municipality": "herlev", "answers": {"age": 50, "hospital_plan": "yes"},
                           "today": "2026-03-30"}).get_json()
    costs = {o["id"]: o for o in herlev["offers"]}["sul-140"]["costs"]
    assert costs["reimbursement"] == {
        "pensioner_min_dkk": None, "others_min_dkk": None, "per": "visit",
        "text": "Godtgørelse gives kun, når dine udgifter til transport er over et mindstebeløb "
                "pr. træningsbesøg. Spørg kommunen om beløbet."}
    assert {o["id"]: o for o in herlev["offers"]}["sel-86-1"]["costs"]["reimbursement"] is None
    fredericia = post(client, {"municipality": "fredericia", "answers": {},
                               "today": "2026-03-30"}).get_json()
    obligations = {o["id"]: o for o in fredericia["offers"]}["sul-140"]["obligations"]
    assert obligations["sms_reminder_hours"] == 24


def test_a_passed_deadline_is_said_to_have_passed(client):
    """Nyborg, discharged 1 September, read on 24 November: the dates are not promises any
    more; the page says what the person can do now."""
    body = {"municipality": "nyborg", "answers": {"hospital_plan": "yes",
                                                  "discharge_date": "2026-09-01"},
            "today": "2026-11-24"}
    offer = {o["id"]: o for o in post(client, body).get_json()["offers"]}["sul-140"]
    free = next(d for d in offer["deadlines"] if d["kind"] == "free_choice")
    assert free["past"] is True
    # The right rests on what the municipality could offer (Fredericia: "hvis den kommunale
    # genoptræning ikke … kan tilbyde opstart"), not on whether the training has started.
    # "Har … ikke tilbudt dig en tid": a thing the person knows (it said "Hvis … ikke kunne
    # tilbyde", and a user test did not know what the municipality could).
    assert free["text"] == ("Har Nyborg Kommune ikke tilbudt dig en tid til at starte senest "
                            "tirsdag den 8. september 2026, må du nu vælge en privat "
                            "leverandør, som kommunerne har en aftale med gennem deres "
                            "forening, KL. Du vælger på mingenoptræning.dk.")
    body["today"] = "2026-09-02"
    offer = {o["id"]: o for o in post(client, body).get_json()["offers"]}["sul-140"]
    free = next(d for d in offer["deadlines"] if d["kind"] == "free_choice")
    assert free["past"] is False and "fra dagen efter" in free["text"]


def test_a_decision_date_gives_no_transport_complaint_date(client):
    """ASSESSMENT §5: the complaint deadline is for a complaint to reach the municipality;
    a decision date does not say a transport decision was made under Sundhedsloven."""
    body = {"municipality": "broenderslev", "answers": {"decision_date": "2026-11-10"},
            "today": "2026-11-24"}
    offers = {o["id"]: o for o in post(client, body).get_json()["offers"]}
    assert [d["date"] for d in offers["sel-86-1"]["deadlines"] if d["kind"] == "complaint"] == [
        "2026-12-08"]
    assert not [d for d in offers["sul-140"]["deadlines"] if d["kind"] == "complaint"]


@pytest.mark.parametrize(("slug", "offer_id", "answers", "verdict", "text"), [
    # Fredericia § 119: "Borgeren kan som udgangspunkt få forebyggelsestilbud fra de er 18
    # år. Særlige tilbud, eksempelvis rygestop, kan tilbydes unge under 18."
    ("fredericia", "sul-119", {"age": 16, "smoker": True, "motivated": True}, "possible",
     "Alder: 16 år. Tilbuddet er som udgangspunkt for personer fra 18 år. Spørg kommunen, "
     "om der er et særligt tilbud til yngre."),
    # Herlev § 86 stk. 1: "Træningen er primært på hold".
    ("herlev", "sel-86-1", {"age": 50, "group_ok": False}, "possible",
     "Kan ikke deltage i træning på hold. Tilbuddet gives som udgangspunkt på hold, så "
     "kommunen vurderer, om det kan gives på en anden måde."),
    # Fredericia § 86 stk. 2 excludes only "et tilsvarende tilbud om vederlagsfri fysioterapi".
    ("fredericia", "sel-86-2", {"age": 60, "same_problem_treated": True}, "possible",
     "Får allerede hjælp til at træne det samme. Kommunen vurderer, om det dækker behovet."),
])
def test_a_rule_the_standard_gives_as_a_rule_is_said_so(client, slug, offer_id, answers,
                                                         verdict, text):
    data = post(client, {"municipality": slug, "answers": answers,
                         "today": "2026-03-30"}).get_json()
    offer = {o["id"]: o for o in data["offers"]}[offer_id]
    assert offer["verdict"] == verdict
    assert text in [r["text"] for r in offer["reasons"]]


def test_the_api_says_what_the_pages_say_of_contacts_and_checks(client):
    """Two things the result page says from the answers or the standard, which the API left
    out (a review): whom the standard names where it names no contact for an offer (Nyborg's
    standard is § 140 only, so helhedspleje), and what the therapist will look at, without
    "basalt eller avanceret niveau" for a plan on rehabilitering på specialiseret niveau."""
    body = {"municipality": "nyborg", "today": "2026-04-02", "answers": {
        "age": 75, "in_hospital": False, "hospital_plan": "yes",
        "plan_level": "rehab_specialised", "discharge_date": "2026-03-30"}}
    offers = {o["id"]: o for o in post(client, body).get_json()["offers"]}
    elsewhere = offers["ael-10"]["contact_elsewhere"]
    assert elsewhere["named_for"] == ["sul-140"]
    assert elsewhere["contact"]["name"] == "Sundhed og Træning"
    assert elsewhere["text"].startswith("Kommunens kvalitetsstandard nævner ingen kontakt for "
                                        "dette tilbud. Ring til Sundhed og Træning")
    assert offers["sul-140"]["contact_elsewhere"] is None  # it has its own contact
    assert offers["sul-140a"]["contact_elsewhere"] is None  # the doctor refers: no call
    checks = offers["sul-140"]["assessed_by_professional"]
    assert "om der er brug for kørsel" in checks
    assert not any("basalt eller avanceret" in c for c in checks)
    body["answers"]["plan_level"] = "basal"
    offers = {o["id"]: o for o in post(client, body).get_json()["offers"]}
    assert any("basalt eller avanceret" in c
               for c in offers["sul-140"]["assessed_by_professional"])


def test_a_day_the_offices_are_closed_is_said(client):
    """Fredericia's § 140: contact "Senest 4 dage efter udskrivelsen" and start counted in
    calendar days can land on a Saturday or on Christmas Day; the date was given with no
    word, while 24 December had one (a fact-check). A working-day count never lands there;
    the law's free choice is a right from the day after, not a day the office acts."""
    def deadlines(discharged):
        data = post(client, {"municipality": "fredericia",
                             "answers": {"age": 60, "hospital_plan": "yes", "plan_level": "basal",
                                         "discharge_date": discharged},
                             "today": discharged}).get_json()
        offer = {o["id"]: o for o in data["offers"]}["sul-140"]
        return {d["kind"]: d for d in offer["deadlines"]}

    saturday = deadlines("2026-11-24")["contact"]
    assert saturday["date"] == "2026-11-28"
    assert saturday["warning"] == "Datoen er en lørdag. Kommunens kontorer holder lukket den dag."
    christmas = deadlines("2026-12-18")
    assert christmas["start"]["date"] == "2026-12-25"
    assert christmas["start"]["warning"] == ("Datoen er en helligdag. Kommunens kontorer holder "
                                             "lukket den dag.")
    assert christmas["free_choice"]["date"] == "2026-12-25"
    assert christmas["free_choice"]["warning"] is None
    weekday = deadlines("2026-11-23")["contact"]
    assert weekday["date"] == "2026-11-27" and weekday["warning"] is None
