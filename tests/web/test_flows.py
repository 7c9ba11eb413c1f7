"""Whole flows through the questionnaire for every municipality and each kind of person."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.web.conftest import parse
from webapp.questionnaire.catalogue import QUESTIONS
from webapp.questionnaire.forms import post_fields

PERSONAS = yaml.safe_load((Path(__file__).resolve().parents[1] / "personas.yaml").read_text(
    encoding="utf-8"))

WORDING = {"self": "du", "relative": "din pårørende", "gp": "patienten"}


def form_data(key, value):
    return post_fields(QUESTIONS[key], value)


def run_flow(pages, slug, who, answers):
    pages.get("/")
    response = pages.post("/", {"municipality": slug, "who": who})
    url = pages.client.get(response.headers["Location"]).headers["Location"]
    asked = []
    while "/spoergsmaal/" in url:
        key = url.rsplit("/", 1)[-1]
        page = pages.get(url).get_data(as_text=True)
        asked.append((key, page))
        response = pages.post(url, form_data(key, answers.get(key)))
        url = response.headers["Location"]
        assert len(asked) < 30
    assert url.endswith(f"/{slug}/tjek")
    return asked


def offer_card(html, offer_id):
    """The result page's section for one offer."""
    card = html[html.index(f'id="offer-{offer_id}"'):]
    return card[:card.index("</section>")]


def plain_text(html_text):
    """An HTML fragment's text, tags out and white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_text)).split())


@pytest.mark.parametrize("slug", sorted(PERSONAS))
@pytest.mark.parametrize("who", ["self", "relative", "gp"])
def test_flow(pages, slug, who):
    asked = run_flow(pages, slug, who, PERSONAS[slug])
    keys = [k for k, _ in asked]
    assert keys[0] == "age"
    assert len(keys) == len(set(keys)), "no question is asked twice"
    age_page = asked[0][1]
    assert WORDING[who] in age_page.lower()
    check = pages.get(f"/{slug}/tjek").get_data(as_text=True)
    assert check.count("Ændr") >= len(keys)
    result = pages.get(f"/{slug}/resultat").get_data(as_text=True)
    assert "Det ser ud til at passe" in result or "Måske" in result
    assert "Kilde:" in result


def test_only_questions_that_matter_are_asked(pages):
    asked = [k for k, _ in run_flow(pages, "herlev", "self", {"age": 70, "in_hospital": True})]
    # In hospital at 70: § 140 needs discharge first, § 86 is out (Ældreloven and in hospital).
    assert "hospital_plan" not in asked
    assert "motivated" not in asked
    assert "group_ok" not in asked


def test_no_handicap_and_no_such_illness_has_an_answer(pages):
    """Inger (78, home after a hip operation) has no handicap and no illness that makes
    moving hard: she can say so, and vederlagsfri fysioterapi then does not fit, for that
    reason (not "it is not stated")."""
    asked = dict(run_flow(pages, "fredericia", "self", {
        **PERSONAS["fredericia"], "age": 78, "chronic_conditions": [], "smoker": False,
        "severe_disability": False, "disability_cause": "other"}))
    assert "Nej, eller en anden sygdom" in asked["disability_cause"]
    result = pages.get("/fredericia/resultat").get_data(as_text=True)
    unlikely = result[result.index('id="group-unlikely"'):]
    assert "Vederlagsfri fysioterapi" in unlikely
    assert ("Har hverken et svært fysisk handicap eller en sygdom, der bliver værre med "
            "tiden.") in unlikely
    assert "Det er ikke afklaret, om der er et svært fysisk handicap" not in result


def test_the_illnesses_are_named_as_widely_as_the_standard_names_them(pages):
    """Fredericia's § 119: "kræft, type 2-diabetes, lungelidelser, hjerte-kar-sygdom,
    kroniske rygproblemer". A lung or vascular disease that is not KOL or a heart disease
    had no box to tick, and the result said "Passer nok ikke" (a fact-check)."""
    asked = dict(run_flow(pages, "fredericia", "self", {
        **PERSONAS["fredericia"], "age": 60, "chronic_conditions": ["copd"], "smoker": False}))
    assert "Lungesygdom, fx KOL" in asked["chronic_conditions"]
    assert "Sygdom i hjertet eller blodkarrene" in asked["chronic_conditions"]
    assert ">KOL (lungesygdom)<" not in asked["chronic_conditions"]
    result = pages.get("/fredericia/resultat").get_data(as_text=True)
    likely = result[result.index('id="group-likely"'):result.index('id="group-possible"')]
    assert 'id="offer-sul-119"' in likely


def test_the_emergency_room_is_not_offered_as_the_typical_case_for_86(pages):
    """Brønderslev: "Du kan ikke få bevilget: genoptræning efter sygehuskontakt (bevilges
    efter Sundhedslovens § 140)"; Fredericia: "sygdom, som ikke er behandlet i sygehusregi".
    A visit to the emergency room is that: without a plan it is § 86, but the hospital may
    owe a plan, so the pages say whom to ask (two fact-checks)."""
    asked = dict(run_flow(pages, "broenderslev", "self", PERSONAS["broenderslev"]))
    assert ("Har sygehuset eller skadestuen sagt, at der skal trænes, så spørg dem om en "
            "genoptræningsplan.") in asked["hospital_treated"]
    card = plain_text(offer_card(pages.get("/broenderslev/resultat").get_data(as_text=True),
                                 "sel-86-1"))
    assert "fx efter et besøg hos lægen. Målet er" in card
    assert ("Med en genoptræningsplan fra sygehuset eller skadestuen gives træningen i stedet "
            "efter sundhedsloven.") in card


def test_a_disease_of_the_nerves_leaves_vederlagsfri_fysioterapi_open(pages):
    """Sclerosis and Parkinson's (the answer's own examples) get worse with time, which the
    law covers without a severe handicap (ASSESSMENT.md: "reduced function from a progressive
    disease"); a stroke does not. The answer cannot tell them apart, so the doctor does."""
    run_flow(pages, "fredericia", "self", {
        **PERSONAS["fredericia"], "age": 45, "chronic_conditions": [], "smoker": False,
        "severe_disability": False, "disability_cause": "neurological"})
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    possible = html[html.index('id="group-possible"'):html.index('id="group-unlikely"')]
    assert 'id="offer-sul-140a"' in possible
    card = offer_card(html, "sul-140a")
    # Not "Det er ikke afklaret, om der er … en sygdom, der bliver værre med tiden (fx
    # sklerose eller Parkinsons)": a doctor who had just said Parkinson's read it as wrong.
    assert ("En sygdom i hjerne eller nerver. Nogle af dem, fx sklerose og Parkinsons, bliver "
            "værre med tiden og kan give ret til vederlagsfri fysioterapi. Andre, fx en "
            "blodprop i hjernen, gør ikke. Lægen vurderer det.") in plain_text(card)
    assert "Det er ikke afklaret" not in card and "Har hverken" not in card
    # "Ændr svaret" goes to the answer it rests on: what the illness is.
    assert "/fredericia/spoergsmaal/disability_cause?fra=resultat" in card
    # A severe handicap not known: a stroke may still give the right, so the general
    # reason stays (a reviewer).
    pages.post("/slet", {})
    run_flow(pages, "fredericia", "self", {
        **PERSONAS["fredericia"], "age": 45, "chronic_conditions": [], "smoker": False,
        "severe_disability": None, "disability_cause": "neurological"})
    card = offer_card(pages.get("/fredericia/resultat").get_data(as_text=True), "sul-140a")
    assert "Det er ikke afklaret, om der er et svært fysisk handicap" in card
    assert "fx en blodprop i hjernen, gør ikke" not in card
    # "Nej" to the handicap, "Ved ikke" to the illness: the open part is the illness, and
    # "Ændr svaret" led to the handicap question (a user test).
    pages.post("/slet", {})
    run_flow(pages, "herlev", "self", {
        "age": 76, "in_hospital": False, "hospital_plan": "no", "function_loss": "lasting",
        "severe_disability": False, "disability_cause": None})
    card = offer_card(pages.get("/herlev/resultat").get_data(as_text=True), "sul-140a")
    assert ("Det afhænger af: Har ikke et svært fysisk handicap. Det er ikke afklaret, om der er "
            "en sygdom, der bliver værre med tiden (fx sklerose eller Parkinsons). Lægen "
            "vurderer det.") in plain_text(card)
    assert "/herlev/spoergsmaal/disability_cause?fra=resultat" in card
    assert "/herlev/spoergsmaal/severe_disability?fra=resultat" not in card


def test_fredericia_plan_result_has_dates_and_phone(pages):
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    assert "tel:+4572106050" in html
    assert "mandag den 6. april 2026" in html  # free choice from day 7 (day 0 = 30 March)
    assert "Styrelsen for Patientklager" in html


def test_fredericia_smoking_rule_is_about_training_at_home_and_the_hour_before(pages):
    """Fredericia: 'Genoptræning i hjemmet – Dit hjem er en arbejdsplads … Medarbejderne må
    ikke ryge i dit hjem. Fredericia Kommune opfordrer til, at du heller ikke ryger, imens
    medarbejderne er i dit hjem eller en time før samt lufter godt ud inden medarbejderen
    kommer.'"""
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    assert ("Træner du hjemme, må personalet ikke ryge hos dig. Ryg helst heller ikke, mens de "
            "er der, eller en time før. Luft godt ud, før de kommer.") in html


def test_where_nothing_is_said_of_transport_the_person_is_told_to_ask(pages):
    """What it costs includes transport. Nyborg's standard is § 140 only, and the law gives no
    transport rule for helhedspleje: the card says to ask, rather than nothing."""
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    html = pages.get("/nyborg/resultat").get_data(as_text=True)
    card = offer_card(html, "ael-10")
    assert "<li>Træningen er gratis.</li><li>Spørg kommunen, om du kan få kørsel.</li>" in card
    card = offer_card(html, "sul-140")
    assert "Spørg kommunen, om du kan få kørsel." not in card


def test_broenderslev_deadline_on_christmas_eve_is_flagged(pages):
    run_flow(pages, "broenderslev", "relative", PERSONAS["broenderslev"])
    html = pages.get("/broenderslev/resultat").get_data(as_text=True)
    assert "juleaftensdag" in html
    assert "12.00" in html  # cancel by 12:00 the day before


def test_a_period_whose_first_day_the_standard_does_not_name_says_so(pages):
    """Brønderslev: "Sagsbehandlingstid: Op til 5 hverdage." — from when, it does not say.
    The date is counted from the request, and the page says it is our reading. Fredensborg
    says "senest 5 hverdage efter henvendelse", so its date carries no such note."""
    note = "Kommunen skriver ikke, fra hvilken dag fristen tæller."
    run_flow(pages, "broenderslev", "relative", PERSONAS["broenderslev"])
    html = pages.get("/broenderslev/resultat").get_data(as_text=True)
    assert ("Du skal have en skriftlig afgørelse senest torsdag den 24. december 2026. " + note
            + " Her er regnet fra den dag, du kontaktede kommunen.") in html
    run_flow(pages, "fredensborg", "self", PERSONAS["fredensborg"])
    html = pages.get("/fredensborg/resultat").get_data(as_text=True)
    assert "senest" in html and note not in html


def test_fredericia_says_other_adults_get_86_1_only_to_a_limited_extent(pages):
    """Fredericia's § 86 stk. 1: "Ud over målgruppen vil også andre voksne i begrænset
    omfang kunne omfattes". Its target group is "ældre borgere"; since the Ældrelov a
    45-year-old who meets every condition is one of the "andre voksne", so the card says
    so, and what can still be done. The API says it too."""
    answers = {"age": 45, "in_hospital": False, "hospital_plan": "no", "function_loss": "sudden",
               "hospital_treated": False, "self_training_enough": "no", "motivated": True}
    run_flow(pages, "fredericia", "self", answers)
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    card = offer_card(html, "sel-86-1")
    assert ("Kommunens kvalitetsstandard skriver, at træningen især er for ældre, og at yngre "
            "voksne kun kan få den i begrænset omfang.") in card
    assert "Du kan altid bede kommunen vurdere dit behov. Får du afslag, kan du klage." in card
    assert '<span class="sr-only">Information: </span>Især for ældre</h4>' in card
    # At 72 the offer does not fit (the Ældrelov): the note would only contradict that.
    pages.post("/fredericia/spoergsmaal/age", {"answer": "72"})
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    assert "Alder: 72 år" in html and "begrænset omfang" not in html
    run_flow(pages, "herlev", "self", {**answers})
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    assert "begrænset omfang" not in html


def test_every_note_has_a_text():
    from typing import get_args

    from webapp import texts
    from webapp.domain.rules import OfferRules
    codes = get_args(get_args(OfferRules.model_fields["target_group_notes"].annotation)[0])
    assert codes and set(codes) <= set(texts.NOTES)
    # Each note has a heading of its own (not nine times "Godt at vide" on one page).
    assert set(texts.NOTE_HEADINGS) == set(texts.NOTES)
    assert len({str(h) for h in texts.NOTE_HEADINGS.values()}) == len(texts.NOTES)


def test_every_first_day_can_be_named():
    from typing import get_args

    from webapp import texts
    from webapp.domain.rules import GoalFrom
    assert set(texts.FROM_DAY) == set(get_args(GoalFrom))


def test_unknown_answers_are_possible_and_link_back(pages):
    run_flow(pages, "herlev", "self", {})
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    assert "Måske" in html
    assert "/herlev/spoergsmaal/" in html


def test_gp_link_preselects_municipality(pages):
    html = pages.get("/fredericia").get_data(as_text=True)
    assert 'value="fredericia" selected' in html
    assert pages.client.get("/607").status_code == 301


def test_unknown_municipality_is_404(pages):
    pages.get("/atlantis", status=404)
    pages.get("/atlantis/spoergsmaal/age", status=404)
    pages.get("/herlev/spoergsmaal/shoe_size", status=404)


def test_clear_answers(pages):
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    response = pages.post("/", {"municipality": "herlev", "who": "self"})
    token = pages.csrf("/")
    response = pages.client.post("/slet", data={"csrf_token": token})
    assert response.status_code == 302
    # the page after says so in its title, which a screen reader reads on arrival
    start = pages.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<title>Dine svar er slettet. Hvilken træning" in start
    assert pages.client.get("/herlev/resultat").status_code == 302  # back to the start


def test_the_clear_address_has_the_button(pages):
    """GET /slet (typed or bookmarked) was "Siden findes ikke"."""
    pages.post("/", {"municipality": "herlev", "who": "self"})
    page = pages.get("/slet").get_data(as_text=True)
    assert '<form method="post" action="/slet">' in page and "<h1>Slet mine svar</h1>" in page


def test_the_footer_asks_before_it_deletes(pages):
    """One tap on the footer's "Slet mine svar", with an unsteady hand, took every answer
    (a user test): it is a link to a page that says whose answers are here and asks."""
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    result = parse(pages.get("/herlev/resultat"))
    footer = result.find(".//footer")
    assert footer.find(".//form") is None and footer.find(".//button") is None
    (link,) = [a for a in footer.iter("a") if a.text == "Slet mine svar"]
    assert link.get("href") == "/slet?fra=/herlev/resultat"
    page = pages.get(link.get("href")).get_data(as_text=True)
    assert "Der er svar om træning i Herlev Kommune i denne browser." in page
    assert ">Ja, slet mine svar</button>" in page
    assert '<a href="/herlev/resultat" class="back-link">Tilbage</a>' in page
    assert '<a class="tap-target" href="/herlev/resultat">Nej, gå tilbage</a>' in page
    assert pages.get("/herlev/resultat").status_code == 200  # asking deleted nothing


def test_the_clear_page_with_nothing_to_delete(pages):
    page = pages.get("/slet").get_data(as_text=True)
    assert "Der er ingen svar i denne browser." in page and "<form" not in page
    assert '<a class="tap-target" href="/">Gå til forsiden</a>' in page


@pytest.mark.parametrize("fra", [
    "//evil.example/", "/\\evil.example", "https://evil.example/", "/findes-ikke",
    "/herlev?x=1", "/herlev#top", "evil", "/" + "a" * 400, "/herlev\x00"])
def test_back_links_go_only_to_pages_of_the_site(pages, fra):
    """?fra= makes the back link of /om, /privatliv and /slet: never another site's
    address, a page that does not exist, or anything but a path."""
    for path in ("/om", "/privatliv", "/slet"):
        page = pages.get(path, query_string={"fra": fra}).get_data(as_text=True)
        assert 'class="back-link"' not in page, (path, fra)


def test_a_path_too_long_to_go_back_to_is_not_repeated_in_the_footer(pages):
    page = pages.get("/" + "x" * 400, status=404).get_data(as_text=True)
    assert 'href="/om"' in page and 'href="/slet"' in page and "fra=" not in page


def test_footer_pages_lead_back_to_where_they_were_opened(pages):
    for path in ("/om", "/privatliv"):
        page = parse(pages.get(path, query_string={"fra": "/herlev"}))
        (back,) = [a for a in page.iter("a") if a.get("class") == "back-link"]
        assert back.get("href") == "/herlev"
        assert not [a for a in parse(pages.get(path)).iter("a")
                    if a.get("class") == "back-link"]


def test_hints_speak_to_the_reader_not_of_one(app):
    """Hints are shared by the person, a relative and a GP: "du" is always the reader, and
    the person who trains is never a "man" (a usability test read the mix as muddled)."""
    with app.test_request_context("/"):
        hints = {key: str(q.hint) for key, q in QUESTIONS.items() if q.hint}
    assert hints
    assert [key for key, hint in hints.items() if re.search(r"\bman\b", hint)] == []


def test_nyborg_transport_note_says_it_is_about_the_pick_up(pages):
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    html = pages.get("/nyborg/resultat").get_data(as_text=True)
    # "Efter aftale med dig bestiller Sundhed og Træning transport. … Du skal være klar én
    # time før din træningstid."
    assert ("Får du kørsel, bestiller kommunen den efter aftale med dig. Vær klar én time før "
            "din træningstid.") in html


def test_nyborg_phone_is_the_first_meeting_in_two_cases_not_a_place(pages):
    """"Står der angivet i din genoptræningsplan, at du skal starte senere end 14 hverdage,
    vil det første møde foregå telefonisk. Dette gælder også hvis du har gennemgået en
    planlagt operation" – the page listed "over telefonen, undtagelsesvist" as a place."""
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    card = offer_card(pages.get("/nyborg/resultat").get_data(as_text=True), "sul-140")
    assert ("Står der i din genoptræningsplan, at du skal starte senere end 14 hverdage, er det "
            "første møde en telefonsamtale. Det gælder også, hvis du har haft en planlagt "
            "operation, fx i ryggen.") in card
    assert "over telefonen" not in card and "undtagelsesvist" not in card
    api = pages.client.post("/api/v1/assessment", json={
        "municipality": "nyborg", "answers": PERSONAS["nyborg"]}).get_json()
    offer = next(o for o in api["offers"] if o["id"] == "sul-140")
    assert any(n.startswith("Står der i din genoptræningsplan") for n in
               offer["apply"]["start_notices"]), offer["apply"]


@pytest.mark.parametrize(("slug", "offer_id", "said"), [
    # "Genoptræning kan som hovedregel ikke aflyses." / "Borgeren skal have besked hurtigst
    # muligt, såfremt en genoptræning aflyses eller ændres, hvorefter der findes et alternativ."
    ("fredensborg", "sel-86-1", "Kommunen aflyser som hovedregel ikke en træning. Bliver en "
     "træning alligevel aflyst eller ændret, får du besked hurtigst muligt, og kommunen finder "
     "en anden løsning."),
    # "Hvis Sundhed og Træning er forhindret i at overholde den aftalte tid, bliver du kontaktet
    # og der aftales en ny tid."
    ("nyborg", "sul-140", "Kan kommunen ikke holde den aftalte tid, kontakter kommunen dig, og "
     "I aftaler en ny tid."),
    # "Leverandøren kan ikke aflyse en planlagt genoptræningsaftale, men genoptræningen kan
    # flyttes til et andet tidspunkt efter forudgående aftale med dig."
    ("broenderslev", "sel-86-1", "Den, der træner dig, må ikke aflyse en aftalt træning. "
     "Træningen kan kun flyttes til en anden tid, hvis du har sagt ja til det på forhånd."),
    # "Hvis det undtagelsesvist er nødvendigt at ændre tidspunktet for en planlagt aftale, får
    # du telefonisk eller skriftlig besked fra Træning & Forebyggelse."
    ("fredericia", "sul-140", "Skal kommunen undtagelsesvis flytte en aftalt tid, får du "
     "besked på telefon eller skriftligt."),
])
def test_what_the_municipality_promises_when_it_cancels_or_moves_a_session(pages, slug,
                                                                          offer_id, said):
    run_flow(pages, slug, "self", PERSONAS[slug])
    card = offer_card(pages.get(f"/{slug}/resultat").get_data(as_text=True), offer_id)
    # Its own heading: the municipality's promise, not what is expected of the person.
    assert f"<h4>Hvis en tid bliver aflyst eller flyttet</h4>\n    <p>{said}</p>" in card
    api = pages.client.post("/api/v1/assessment", json={
        "municipality": slug, "answers": PERSONAS[slug]}).get_json()
    offer = next(o for o in api["offers"] if o["id"] == offer_id)
    assert offer["obligations"]["when_they_change"] == said


def test_herlev_promises_nothing_when_it_cancels(pages):
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    assert "Hvis en tid bliver aflyst" not in pages.get("/herlev/resultat").get_data(as_text=True)


def test_fredensborg_aims_for_the_same_therapist(pages):
    """The standard: "Det tilstræbes, at borgeren trænes af den samme terapeut i
    genoptræningsforløbet"."""
    run_flow(pages, "fredensborg", "self", PERSONAS["fredensborg"])
    card = offer_card(pages.get("/fredensborg/resultat").get_data(as_text=True), "sel-86-1")
    assert ("Kommunen prøver at sørge for, at det er den samme terapeut, der træner dig hele "
            "vejen.") in card


def test_nyborg_other_municipality_gives_up_the_laws_free_choice(pages):
    """Nyborg: "frit valg hos andre kommuners institutioner"; ASSESSMENT §4.2: the law's choice
    of a private provider "does not apply if the person chose another municipality's offer"."""
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    card = offer_card(pages.get("/nyborg/resultat").get_data(as_text=True), "sul-140")
    assert ("Du må også vælge at træne i en anden kommune, hvis den har plads, og hvis træningen "
            "er den samme, som du har fået. Vælger du en anden kommune, mister du retten til at "
            "vælge en privat leverandør, hvis træningen ikke kan starte til tiden.") in card
    # The API says what the page says (texts.provider_lines serves both).
    api = pages.client.post("/api/v1/assessment", json={
        "municipality": "nyborg", "answers": PERSONAS["nyborg"]}).get_json()
    offer = next(o for o in api["offers"] if o["id"] == "sul-140")
    assert [line for line in offer["provider"] if "mister du retten" in line]


def test_fredericia_complaint_to_the_leader_is_about_the_training_one_gets(pages):
    """"Hvis du er utilfreds med den tildelte ydelse, kan du kontakte Lederen af Træning &
    Forebyggelse. … Skønnes klagen berettiget, er Træning & Forebyggelse forpligtet til
    umiddelbart at bringe de påklagede forhold i orden." It was labelled as the law's
    complaint about "ventetid og hvordan træningen er organiseret" (still there for § 140,
    to Træning & Forebyggelse)."""
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])
    card = plain_text(offer_card(pages.get("/fredericia/resultat").get_data(as_text=True),
                                 "sul-140"))
    assert ("Klage over den træning, du får: Klag til Lederen af Træning & Forebyggelse. Har du "
            "ret i din klage, skal kommunen straks rette op på det, du klager over.") in card
    assert "organiseret: Klag til Lederen" not in card


def test_privacy_does_not_promise_the_answers_go_when_the_browser_closes(pages):
    """A phone's browser is seldom closed, and it may reopen with the session: the pages
    said the answers "forsvinder, når du lukker browseren"."""
    start = plain_text(pages.get("/").get_data(as_text=True))
    assert "Vi gemmer ikke dine svar. De ligger kun i din browser og gælder højst et døgn." in start
    privacy = plain_text(pages.get("/privatliv").get_data(as_text=True))
    assert ("Cookien bliver normalt slettet, når du lukker browseren. Men mange browsere kan "
            "åbne igen med dine svar, især på en mobil eller tablet.") in privacy
    assert "forsvinder, når du lukker browseren" not in start + privacy


def test_a_renamed_body_is_named_in_good_danish(pages):
    """"Patientombuddet. Den hedder i dag …": et ombud is "det"; the sentence no longer
    needs the pronoun."""
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    page = plain_text(pages.get("/nyborg/resultat").get_data(as_text=True))
    assert "Kommunens standard nævner Patientombuddet, som i dag hedder Styrelsen for " \
           "Patientklager" in page
    assert "Den hedder i dag" not in page


def test_a_result_link_without_the_answers_says_why_it_starts_over(client):
    """Inger sends Peter the address of her result; his browser has no answers, and the
    start page used to come up as if nothing had happened."""
    response = client.get("/nyborg/resultat")
    assert response.status_code == 302 and response.headers["Location"] == "/nyborg"
    page = client.get("/nyborg").get_data(as_text=True)
    said = ("Der er ingen svar i denne browser. Svarene bliver kun i den browser, de blev "
            "givet i, og højst et døgn. Start forfra her.")
    assert f'<div class="alert alert-info" role="status"><div class="alert-body"><p ' \
           f'class="alert-text">{said}</p>' in page
    assert said in page[page.index("<title>"):page.index("</title>")]
    assert said not in client.get("/nyborg").get_data(as_text=True)  # said once
    # however often it is asked before the start page is seen (a fuzzing session: a client
    # that did not follow the redirect got one copy per request)
    for _ in range(5):
        assert client.get("/nyborg/tjek").status_code == 302
    assert client.get("/nyborg").get_data(as_text=True).count(said) == 2  # page and title


def test_the_complaint_helper_is_one_tap_from_the_municipalitys_start(client):
    """Someone with a refusal and two weeks left had to answer every question to find it."""
    page = client.get("/broenderslev").get_data(as_text=True)
    assert "<h2>Har du fået afslag?</h2>" in page
    assert ('<p><a class="tap-target" href="/broenderslev/klage">Få hjælp til at klage over en '
            'afgørelse fra Brønderslev Kommune</a></p>') in page
    assert client.get("/broenderslev/klage").status_code == 200
    # The front page, with no municipality chosen, leads to /klage, which asks for one.
    assert 'href="/klage"' in client.get("/").get_data(as_text=True)


def test_who_may_contact_the_municipality_is_said_as_a_sentence(pages):
    """"Kontakten kan komme fra: sygehuset." read as a fragment beside "kommunen kontakter
    dig" (a usability test). Where the hospital sends the plan, the sentence over the number
    says what the number is for (a later test read "Sygehuset." as "you may not call")."""
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    card = plain_text(offer_card(pages.get("/nyborg/resultat").get_data(as_text=True),
                                 "sul-140"))
    assert "Har du spørgsmål, eller hører du ikke fra kommunen, så kontakt:" in card
    assert "Kontakten kan komme fra" not in card and "Hvem kan kontakte" not in card
    # Brønderslev: the person, a relative or the doctor; never "af: du selv" (a reviewer).
    run_flow(pages, "broenderslev", "self", PERSONAS["broenderslev"])
    card = plain_text(offer_card(pages.get("/broenderslev/resultat").get_data(as_text=True),
                                 "sel-86-1"))
    assert "Hvem kan kontakte kommunen? Du selv, en pårørende, din læge." in card


@pytest.mark.parametrize(("who", "title"), [
    ("self", "Dit resultat"), ("relative", "Resultat for din pårørende"),
    ("gp", "Resultat for patienten")])
def test_result_title_names_whose_result_it_is(pages, who, title):
    """A GP's browser tab said "Dit resultat" (a usability test)."""
    run_flow(pages, "herlev", who, PERSONAS["herlev"])
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    assert f"<title>{title} – Herlev Kommune" in html


def test_questions_validate_input(pages):
    pages.get("/")
    pages.post("/", {"municipality": "herlev", "who": "self"})
    page = pages.post("/herlev/spoergsmaal/age", {"answer": "abc"}, status=400)
    assert b"error-summary" in page.data
    pages.post("/herlev/spoergsmaal/age", {"answer": "200"}, status=400)
    pages.post("/herlev/spoergsmaal/age", {"answer": "70"})
    pages.post("/herlev/spoergsmaal/request_date", {"day": "30", "month": "2", "year": "2026"},
               status=400)
    pages.post("/herlev/spoergsmaal/in_hospital", {"answer": "perhaps"}, status=400)


def test_changing_an_answer_from_the_result_goes_back_to_the_result(pages):
    """"Ændr svaret" beside a reason led to the check page after the change, one page
    further from the result the person was reading."""
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    link = "/herlev/spoergsmaal/group_ok?fra=resultat"
    assert f'href="{link}"' in html
    page = pages.get(link).get_data(as_text=True)
    assert 'href="/herlev/resultat" class="back-link"' in page
    response = pages.post(link, {"answer": "no"})
    assert response.headers["Location"] == "/herlev/resultat"
    # From the check page, the way back is the check page, as before.
    assert pages.post("/herlev/spoergsmaal/group_ok?fra=tjek",
                      {"answer": "yes"}).headers["Location"] == "/herlev/tjek"


def test_a_change_from_the_result_that_opens_a_question_keeps_the_way_back(pages):
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    # A genoptræningsplan after all: its level is asked next, and then the result.
    response = pages.post("/herlev/spoergsmaal/hospital_plan?fra=resultat", {"answer": "yes"})
    assert response.headers["Location"] == "/herlev/spoergsmaal/plan_level?fra=resultat"
    url = response.headers["Location"]
    for _ in range(5):
        key = url.split("?")[0].rsplit("/", 1)[-1]
        url = pages.post(url, form_data(key, None)).headers["Location"]
        if "/spoergsmaal/" not in url:
            break
        assert url.endswith("?fra=resultat"), url
    assert url == "/herlev/resultat"


def test_missing_csrf_is_friendly_400(pages):
    pages.get("/")
    response = pages.client.post("/", data={"municipality": "herlev", "who": "self"})
    assert response.status_code == 400
    assert "Siden er udløbet" in response.get_data(as_text=True)


def test_pages_are_not_cached(pages):
    response = pages.get("/")
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", ["/privatliv", "/om"])
def test_static_pages(pages, url):
    pages.get(url)


def test_cached_offer_facts_hold_nothing_personal(app):
    """The rules-only parts of an offer are rendered once and cached; what depends on the
    person (transport verdict, complaint dates) must still differ from person to person."""
    from tests.web.conftest import PageClient

    base = dict(PERSONAS["nyborg"])
    first = PageClient(app.test_client())
    run_flow(first, "nyborg", "self", {**base, "pensioner": True})
    second = PageClient(app.test_client())
    run_flow(second, "nyborg", "self", {**base, "pensioner": False, "can_travel": True,
                                        "distance_over_50km": False})
    html_1 = first.get("/nyborg/resultat").get_data(as_text=True)
    html_2 = second.get("/nyborg/resultat").get_data(as_text=True)
    assert "ser du ud til at have ret til kørsel" in html_1
    assert "ser du ikke ud til at have ret til kørsel" in html_2
    # The shared, cached part is the same for both: Nyborg's reimbursement minimums.
    assert "25 kr." in html_1 and "25 kr." in html_2


@pytest.mark.parametrize("slug, key", [("nyborg", "discharge_date"),
                                       ("herlev", "request_date")])
def test_a_date_a_year_ahead_is_taken_for_a_slip(pages, monkeypatch, slug, key):
    """22/11/2027 typed for 22/11/2026 would put every date a year late; a planned
    discharge or call two months ahead is still taken."""
    monkeypatch.setattr("webapp.context.today", lambda: date(2026, 11, 24))
    pages.get("/")
    pages.post("/", {"municipality": slug, "who": "self"})
    slip = pages.post(f"/{slug}/spoergsmaal/{key}",
                      {"day": "22", "month": "11", "year": "2027"}, status=400)
    assert "mere end 2 måneder ude i fremtiden. Tjek året." in slip.get_data(as_text=True)
    pages.post(f"/{slug}/spoergsmaal/{key}", {"day": "20", "month": "1", "year": "2027"})


def test_impossible_decision_dates_are_refused(pages, monkeypatch):
    monkeypatch.setattr("webapp.context.today", lambda: date(2026, 11, 24))
    pages.get("/")
    pages.post("/", {"municipality": "herlev", "who": "self"})
    pages.post("/herlev/spoergsmaal/request_date", {"day": "2", "month": "11", "year": "2026"})
    future = pages.post("/herlev/spoergsmaal/decision_date",
                        {"day": "10", "month": "1", "year": "2027"}, status=400)
    assert "fremtiden" in future.get_data(as_text=True)
    early = pages.post("/herlev/spoergsmaal/decision_date",
                       {"day": "1", "month": "11", "year": "2026"}, status=400)
    assert "før den dag" in early.get_data(as_text=True)
    pages.post("/herlev/spoergsmaal/decision_date", {"day": "10", "month": "11", "year": "2026"})
    # and the other way round: the request date changed to after the decision
    late = pages.post("/herlev/spoergsmaal/request_date",
                      {"day": "20", "month": "11", "year": "2026"}, status=400)
    assert "Du fik afgørelsen tirsdag den 10. november 2026" in late.get_data(as_text=True)
    pages.post("/herlev/spoergsmaal/request_date", {"day": "9", "month": "11", "year": "2026"})


def test_without_a_standard_the_page_says_so_once(pages):
    run_flow(pages, "aarhus", "self", PERSONAS["aarhus"])
    html = pages.get("/aarhus/resultat").get_data(as_text=True)
    assert "Vi har ikke Aarhus Kommunes egen kvalitetsstandard endnu" in html
    assert html.count("nævner ikke dette tilbud") == 0


@pytest.mark.parametrize(("typed", "status"), [
    ("78", 302), ("78 år", 302), (" 78år. ", 302), ("78 ÅR", 302), ("78 years", 302), ("0078", 302),
    ("78 a\u030ar", 302),  # "år" with "å" as "a" and a combining ring (NFD)
    ("78 år og 3 måneder", 400), ("år 78", 400), ("7 8", 400), ("1000 år", 400),
])
def test_age_may_be_written_with_its_unit(pages, typed, status):
    """People write "78 år" as they would say it; that is read as 78."""
    pages.get("/")
    pages.post("/", {"municipality": "herlev", "who": "self"})
    pages.post("/herlev/spoergsmaal/age", {"answer": typed}, status=status)
    if status == 302:
        page = pages.get("/herlev/spoergsmaal/age").get_data(as_text=True)
        assert 'value="78"' in page


def test_changing_an_answer_from_the_check_page_leads_back_to_it(pages):
    """"Ændr" on the check page opens the question; its "Tilbage" returns to the check page
    (not to the question before it). Answering it again leads there too, as it does
    whenever no question is left."""
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    check = pages.get("/herlev/tjek").get_data(as_text=True)
    change = re.search(r'<a href="([^"]*/spoergsmaal/motivated[^"]*)"', check).group(1).replace(
        "&amp;", "&")
    question = pages.get(change).get_data(as_text=True)
    back = re.search(r'<a[^>]*class="[^"]*back-link[^"]*"[^>]*href="([^"]+)"|'
                     r'<a[^>]*href="([^"]+)"[^>]*class="[^"]*back-link', question)
    assert back and "/herlev/tjek" in (back.group(1) or back.group(2))
    again = pages.post(change, form_data("motivated", True))
    assert again.headers["Location"].endswith("/herlev/tjek")


def test_printed_result_lists_the_answers_it_is_based_on(pages):
    """The printout says it "bygger på svarene ovenfor": so the answers are printed above it,
    with the day it was printed (a GP hands it on; the patient reads it later)."""
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    printed = html[html.index('aria-labelledby="printed-answers"'):]
    assert "Svarene, vejledningen bygger på" in printed
    assert "Hvor gammel er du?" in printed and ">58<" in printed
    # "Printet", not "Udskrevet": on a result about training after hospital,
    # "udskrevet" reads as discharged.
    assert re.search(r"Printet fra Træningsguiden \w+dag den \d+\. \w+ \d{4}\. Vejledningen "
                     r"bygger på svarene ovenfor", printed)
    assert "Udskrevet fra" not in html
    check = pages.get("/herlev/tjek").get_data(as_text=True)
    assert "<title>Tjek dine svar – Herlev Kommune" in check


@pytest.mark.parametrize("slug", ["fredericia", "herlev"])
def test_status_to_the_gp_is_said_once_per_offer(pages, slug):
    """"Når træningen slutter, får din læge en skriftlig status …" belongs to the facts
    under "Når træningen slutter", not to "Sådan foregår det" as well."""
    run_flow(pages, slug, "self", PERSONAS[slug])
    html = pages.get(f"/{slug}/resultat").get_data(as_text=True)
    sentence = "Når træningen slutter, får din læge en skriftlig status, hvis du siger ja."
    offers = html.split('<section class="offer ')[1:]
    said = [offer.count(sentence) for offer in offers]
    assert any(said), f"no offer on {slug}'s result says it: the test proves nothing"
    assert all(n <= 1 for n in said), said
    for offer in offers:
        if sentence in offer:
            assert offer.index("<h4>Når træningen slutter</h4>") < offer.index(sentence)


@pytest.mark.parametrize("slug", ["nyborg", "fredericia"])
def test_no_heading_about_applying_where_nobody_applies(pages, slug):
    """After a hospital plan (§ 140) "Du skal ikke selv søge": the heading over the
    unit to call must not then say "Sådan søger du"."""
    run_flow(pages, slug, "self", PERSONAS[slug])
    html = pages.get(f"/{slug}/resultat").get_data(as_text=True)
    offer = offer_card(html, "sul-140")
    assert "Du skal ikke selv søge." in offer
    assert "Sådan søger du" not in offer
    assert "<h4>Sådan kommer du i gang</h4>" in offer


@pytest.mark.parametrize("who", ["self", "relative", "gp"])
def test_result_page_says_how_to_print_it(pages, who):
    """No JavaScript, so no print button: the page says how, to every visitor, and the
    line itself is not printed. A GP is told the result can be printed and handed on."""
    run_flow(pages, "herlev", who, PERSONAS["herlev"])
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    line = re.search(r'<p class="no-print" id="how-to-print">([^<]+)</p>', html)
    assert line, "no line on how to print"
    assert line.group(1) == ("Vil du have siden på papir? Print den med browserens "
                             "udskriftsfunktion (Ctrl+P, eller Del og Udskriv på mobilen).")
    # and how to send it on: a link opens the start for anyone else (a user test)
    assert ('Vælg "Gem som PDF", når du printer, og send filen. Et link til siden virker ikke '
            'for andre' in html.replace("&#34;", '"'))
    english = pages.get("/herlev/resultat?lang=en", lang="en").get_data(as_text=True)
    assert re.search(r'id="how-to-print">[^<]*Ctrl\+P', english)


@pytest.mark.parametrize(("typed", "slug"), [
    ("/Herlev", "herlev"), ("/163", "herlev"), ("/0101", "koebenhavn"),
    ("/k%C3%B8benhavn", "koebenhavn"), ("/Br%C3%B8nderslev", "broenderslev"),
    ("/H%C3%B8je%20Taastrup", "hoeje-taastrup"), ("/%C3%86r%C3%B8", "aeroe"),
    ("/A%CC%8Arhus", "aarhus"),  # "Århus" with "Å" as "A" and a combining ring (NFD)
    ("/Nordfyn", "nordfyns"), ("/Herlev%20Kommune.", "herlev"),
])
def test_a_municipality_link_as_a_gp_would_type_it(client, typed, slug):
    response = client.get(typed)
    assert response.status_code == 301 and response.headers["Location"].endswith(f"/{slug}")


@pytest.mark.parametrize(("typed", "canonical"), [
    ("/0607/start", "/fredericia/start"),
    ("/Herlev/resultat?lang=en", "/herlev/resultat?lang=en"),
    ("/607/fagperson/udskriv", "/fredericia/fagperson/udskriv"),
    ("/Br%C3%B8nderslev/klage?tilbud=sel-86-1", "/broenderslev/klage?tilbud=sel-86-1"),
    ("/0450/kalender/sul-140.ics", "/nyborg/kalender/sul-140.ics"),
    ("/Herlev%20Kommune/spoergsmaal/age?fra=tjek&x=%C3%B8", "/herlev/spoergsmaal/age?fra=tjek&x=%C3%B8"),
])
def test_every_municipality_page_takes_a_code_or_a_name(client, typed, canonical):
    """A GP who prints /0607/fagperson/udskriv or types /Herlev/resultat gets the page,
    not only on the start page: each is sent on to the slug's address, query kept."""
    for method in ("GET", "HEAD"):
        response = client.open(typed, method=method)
        assert response.status_code == 301, (method, typed)
        assert response.headers["Location"] == canonical


def test_a_form_posted_to_a_code_address_counts_for_the_municipality(pages):
    """A POST is not redirected (the form would be lost): it is read for the municipality
    the code names."""
    token = pages.csrf("/fredericia")
    response = pages.client.post("/607", data={"csrf_token": token,
                                               "municipality": "fredericia", "who": "self"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/fredericia/start"


@pytest.mark.parametrize("name", ["København", "Københavns Kommune", "0101", "101"])
def test_api_finds_a_municipality_by_name_or_code(client, name):
    response = client.post("/api/v1/assessment", json={"municipality": name})
    assert response.status_code == 200 and response.get_json()["municipality"]["slug"] == "koebenhavn"


@pytest.mark.parametrize(("day", "month", "year", "message"), [
    ("1", "11", "26", None), ("1", "11", "2026", None), ("01", "01", "2026", None),
    ("1", "1", "0", "fire cifre"), ("1", "1", "000", "fire cifre"), ("1", "1", "99", "fire cifre"),
    ("1", "1", "02026", "fire cifre"), ("1", "1", "1890", "Skriv et år fra 2000 til 2100"),
    ("001", "1", "2026", "med tal"), ("1", "1_0", "2026", "med tal"),
])
def test_years_are_read_as_people_mean_them(pages, monkeypatch, day, month, year, message):
    """"26" is 2026, but "99" is not 2099 and "0" not 2000: those are asked for in full."""
    monkeypatch.setattr("webapp.context.today", lambda: date(2026, 11, 24))
    pages.get("/")
    pages.post("/", {"municipality": "herlev", "who": "self"})
    response = pages.post("/herlev/spoergsmaal/request_date",
                          {"day": day, "month": month, "year": year},
                          status=302 if message is None else 400)
    if message:
        assert message in response.get_data(as_text=True)


@pytest.mark.parametrize("typed", ["1_0", "+72", "72.0", "0x48", "7 2"])
def test_age_is_digits_only(pages, typed):
    pages.get("/")
    pages.post("/", {"municipality": "herlev", "who": "self"})
    pages.post("/herlev/spoergsmaal/age", {"answer": typed}, status=400)


def test_no_brackets_in_brackets_after_an_offer_title(pages):
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    assert "(Ældreloven, helhedspleje)" in html and "(Ældreloven (helhedspleje))" not in html


def test_words_from_letters_are_explained_on_the_about_page(pages):
    """The terms people meet on the result and GP pages (and in letters) are in the glossary."""
    about = pages.get("/om").get_data(as_text=True).lower()
    glossary = set(re.findall(r"<dt><strong>([^<]+)</strong></dt>", about))
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    seen = (pages.get("/herlev/resultat").get_data(as_text=True)
            + pages.get("/nyborg/fagperson").get_data(as_text=True)).lower()
    words = {"genoptræningsplan": "genoptræningsplan", "visitationsbesøg": "visitationsbesøg",
             "funktionsevne": "funktionsevne", "helhedspleje": "helhedspleje",
             "fremadskridende": "fremadskridende sygdom", "ydernummer": "ydernummer",
             "afgørelse": "afgørelse", ".ics": "kalenderfil (.ics)", "flextrafik": "flextrafik",
             "godtgørelse": "godtgørelse", "henvis": "henvisning"}
    used = {term for word, term in words.items() if word in seen}
    assert len(used) >= 8 and used <= glossary, used - glossary


def test_the_result_page_links_to_the_words_explained(pages):
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    assert 'href="/om?fra=/herlev/resultat#ord">Ord fra kommunens breve, forklaret</a>' in html
    words = pages.get("/om?fra=/herlev/resultat").get_data(as_text=True)
    assert '<a href="/herlev/resultat" class="back-link">Tilbage</a>' in words
    assert '<h2 id="ord">' in pages.get("/om").get_data(as_text=True)


@pytest.mark.parametrize(("who", "typed", "message"), [
    ("self", "1948", "Skriv alderen, ikke fødselsåret. Fx 78."),
    ("relative", "1978", "Skriv alderen, ikke fødselsåret. Fx 78."),
    ("gp", "1900", "Skriv alderen, ikke fødselsåret. Fx 78."),
    ("self", "2026", "Skriv alderen, ikke fødselsåret. Fx 78."),
    ("self", "2027", "Alderen skal være et tal fra 0 til 120."),  # not born yet
    ("self", "1899", "Alderen skal være et tal fra 0 til 120."),
    ("self", "-5", "Alderen skal være et tal fra 0 til 120."),
    ("self", "12345", "Alderen skal være et tal fra 0 til 120."),
    ("self", "121", "Alderen skal være et tal fra 0 til 120."),
    ("self", "syv", "Skriv et helt tal, fx 72."),
])
def test_age_error_says_what_is_wrong(pages, monkeypatch, who, typed, message):
    """A birth year ("1978") or a number outside 0-120 ("-5") is not "not a whole
    number": the message says what to write instead."""
    monkeypatch.setattr("webapp.context.today", lambda: date(2026, 11, 24))
    pages.get("/")
    pages.post("/", {"municipality": "herlev", "who": who})
    html = pages.post("/herlev/spoergsmaal/age", {"answer": typed}, status=400).get_data(
        as_text=True)
    assert message in html
    wrong = {"Skriv et helt tal, fx 72.", "Skriv alderen, ikke fødselsåret. Fx 78.",
             "Alderen skal være et tal fra 0 til 120."} - {message}
    assert not [m for m in wrong if m in html], html


def test_age_error_in_english(pages):
    pages.get("/?lang=en", lang="en")
    pages.post("/", {"municipality": "herlev", "who": "self"})
    html = pages.post("/herlev/spoergsmaal/age", {"answer": "1978"}, status=400,
                      lang="en").get_data(as_text=True)
    assert "not the year of birth" in html


def test_start_page_promises_what_the_longest_walk_takes(pages):
    """The start page must not promise "nogle få spørgsmål … cirka 3 minutter" when a
    hospital patient answers a dozen questions or more. Most pages are one tap; at about
    15 seconds a page (read, tap, next) the minutes promised cover the longest walk."""
    start = pages.get("/").get_data(as_text=True)
    handout = pages.get("/herlev/fagperson/udskriv").get_data(as_text=True)
    assert "få spørgsmål" not in start and "få spørgsmål" not in handout
    minutes = int(re.search(r"Det tager cirka (\d+) minutter\.", start).group(1))
    longest = max(len(run_flow(pages, slug, "self", answers))
                  for slug, answers in PERSONAS.items())
    assert longest >= 12, "the walks are short: the test proves little"
    assert minutes * 60 >= longest * 15, (minutes, longest)


def test_places_of_one_kind_are_named_together(pages):
    """Herlev: 'Træningen kan også foregå under et midlertidigt ophold på Lærkegaard Center
    eller Lille Birkholm center.' The page says it once, with both names, as the standard
    does, and not 'under et midlertidigt ophold … ; under et midlertidigt ophold …'. The
    standard puts no condition on it."""
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    card = offer_card(html, "sel-86-1")
    assert ("<li>Sted: i kommunens træningscenter; i dit eget hjem; i dit nærmiljø; under et "
            "midlertidigt ophold (Lærkegaard Center eller Lille Birkholm Center).</li>") in card
    english = pages.get("/herlev/resultat?lang=en", lang="en").get_data(as_text=True)
    assert "during a temporary stay (Lærkegaard Center or Lille Birkholm Center)." in english


def test_places_with_one_condition_share_it(pages):
    """Fredericia § 140: 'Forløbene foregår som udgangspunkt i Fredericia Sundhedshus, men
    kan også foregå udendørs eller hvis det vurderes nødvendigt i dit eget hjem eller på et
    plejecenter.' / 'Anvender velfærdsteknologi som fx træning over video'. At home and at
    the care home only when needed, said once for both; outdoors and video without a
    condition, as the standard has them."""
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    card = offer_card(html, "sul-140")
    # "som udgangspunkt i Fredericia Sundhedshus" (one house, not "et af kommunens
    # sundhedscentre"); "Borgere i midlertidigt ophold på Hannerup" (a stay, not a home)
    assert ("<li>Sted: i Fredericia Sundhedshus, som udgangspunkt; udendørs; under et "
            "midlertidigt ophold (Hannerup Pleje og Rehabiliteringscenter); over video; i dit "
            "eget hjem eller på plejecentret, hvis det er nødvendigt.</li>") in card


def test_a_note_two_dates_rest_on_is_said_once(pages):
    """Nyborg counts both its contact and its start 'efter henvisningen er modtaget', which
    nobody can answer; both dates are counted from discharge, and the page says so once,
    after the second date, not after each."""
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    html = pages.get("/nyborg/resultat").get_data(as_text=True)
    card = offer_card(html, "sul-140")
    assert "Fristen tæller fra den dag" not in card
    assert card.count("Fristerne tæller fra den dag, kommunen får genoptræningsplanen. Her er "
                      "regnet fra den dato, du skrev. Kommer planen senere, bliver fristerne "
                      "senere.") == 1
    assert card.index("senest fredag den 24. april 2026") < card.index("Fristerne tæller")
    assert card.index("senest mandag den 13. april 2026") < card.index("senest fredag den 24.")


def test_a_passed_date_for_a_talk_says_talk_not_training(pages):
    """Fredericia § 119: 'Vi tilbyder dig en afklarende samtale hurtigst muligt og senest 4
    uger efter, at vi har modtaget henvendelsen.' The standard promises a talk, not a start:
    once the day has passed, the page must not say the training should have started."""
    run_flow(pages, "fredericia", "self", {"age": 30, "smoker": True, "motivated": True,
                                           "request_date": "2026-09-01"})
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    card = offer_card(html, "sul-119")
    assert ("Du skulle have haft en afklarende samtale senest tirsdag den 29. september 2026. "
            "Har du ikke haft den, så kontakt Fredericia Kommune.") in card
    assert "Træningen skulle være startet" not in card


def test_each_complaint_body_says_where_to_send_the_complaint(pages):
    """Brønderslev: 'Klager over indholdet i genoptræningstilbuddet … skal du kontakte:
    Visitationen, Ældre og Hjælpemidler, Ny Rådhusplads 1, 9700 Brønderslev'. Visitationen
    for decisions sits in Dronninglund: two bodies of one name, each with its address (the
    second was hidden behind 'Se ovenfor'). A third route to the first body points to it by
    name, since another body came between."""
    run_flow(pages, "broenderslev", "relative", PERSONAS["broenderslev"])
    html = pages.get("/broenderslev/resultat").get_data(as_text=True)
    card = offer_card(html, "sel-86-1")
    card = re.sub(r"<[^>]+>", "", card)
    card = re.sub(r"\s+", " ", card)
    # "skal vi have modtaget din klage indenfor 4 uger" (a fact-check: "Senest 4 uger efter")
    assert ("Er du uenig i afgørelsen: Klag til Visitationen. Klagen skal være modtaget senest "
            "4 uger efter") in card
    assert "Adresse: Rådhusgade 5, 9330 Dronninglund. Telefon: 99 45 44 20." in card
    assert ("Klage over indholdet i træningen: Klag til Visitationen. Adresse: Ny Rådhusplads "
            "1, 9700 Brønderslev. Telefon: 99 45 44 20.") in card
    assert ("Klage over den, der træner dig: Klag til Visitationen. Se under „Er du uenig i "
            "afgørelsen“, hvordan du sender klagen.") in card


def test_how_often_is_said_as_the_standard_gives_it(pages):
    """Nyborg: 'Det kan også ske som enten hold- eller individuel træning f.eks. 2 x
    ugentligt i 3 måneder' is an example, not what usually happens. Fredensborg: 'I særlige
    tilfælde kan træningen intensiveres i kortere perioder.' — what a standard adds to how
    often is said too."""
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    html = pages.get("/nyborg/resultat").get_data(as_text=True)
    card = offer_card(html, "sul-140")
    card = re.sub(r">\s+<", "><", card)
    assert "<li>Fx 2 gange om ugen.</li><li>Fx i 3 måneder.</li>" in card
    assert "som regel" not in card and "Typisk" not in card
    run_flow(pages, "fredensborg", "self", PERSONAS["fredensborg"])
    html = re.sub(r">\s+<", "><", pages.get("/fredensborg/resultat").get_data(as_text=True))
    assert ("<li>1-3 gange om ugen (som regel).</li><li>I særlige tilfælde kan du træne oftere "
            "i en kort periode.</li>") in html


def test_transport_is_offered_on_the_standards_own_condition(pages):
    """Herlev: 'Der kan bevilges kørsel til og fra træning, hvis borgeren ikke kan
    transportere sig selv.' Fredericia: '… hvis du af helbredsmæssige årsager ikke selv kan
    komme til Træning & Forebyggelse'. Herlev's page said Fredericia's health reason."""
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    card = offer_card(html, "sel-86-1")
    assert ("Kan du ikke selv komme til træningen, kan du få kørsel. Den er gratis. Terapeuten "
            "vurderer behovet.") in card
    assert "helbredsmæssige" not in card
    run_flow(pages, "fredericia", "self", {"age": 45, "in_hospital": False,
                                           "function_loss": "sudden", "hospital_treated": False,
                                           "self_training_enough": "no", "motivated": True})
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    card = offer_card(html, "sel-86-1")
    assert ("Kan du ikke selv komme til træningen af helbredsmæssige grunde, kan du få kørsel."
            in card)


def test_when_training_happens_is_said_as_the_standard_says_it(pages):
    """Fredensborg: 'Genoptræning ydes på alle hverdage. Som hovedregel i tidsrummet mellem
    kl. 8.00 og 15.30.' Nyborg: 'Genoptræningen foregår i dagtimerne på hverdage'. The
    hours were shown without 'som hovedregel', and a standard giving no hours said nothing."""
    run_flow(pages, "fredensborg", "self", PERSONAS["fredensborg"])
    html = pages.get("/fredensborg/resultat").get_data(as_text=True)
    assert "<li>Træningstider: Mandag til fredag kl. 8.00-15.30 (som regel)</li>" in html
    assert "dagtimerne" not in html  # the hours say it
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    html = pages.get("/nyborg/resultat").get_data(as_text=True)
    card = offer_card(html, "sul-140")
    assert "<li>Træningen foregår i dagtimerne på hverdage.</li>" in card


def test_a_private_physiotherapist_is_named_on_the_standards_condition(pages):
    """Herlev, vedligeholdende træning: 'Vedligeholdende træning kan dog for visse
    sygdomsgrupper efter lægeordination udføres som vederlagsfri fysioterapi af privat
    praktiserende fysioterapeuter.' Not 'undtagelsesvist': the standard names who."""
    run_flow(pages, "herlev", "self", {
        "age": 60, "in_hospital": False, "function_loss": "lasting", "pensioner": True,
        "care_home": "permanent", "self_training_enough": "no", "motivated": True,
        "group_ok": True, "same_problem_treated": False, "maintenance_last_year": False})
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    card = offer_card(html, "sel-86-2")
    assert ("hos en privat fysioterapeut, der har aftale med regionen (ydernummer), ved visse "
            "sygdomme, hvis din læge henviser dig.</li>") in card
    assert "undtagelsesvist" not in card


def test_the_complaint_about_the_level_is_said_where_the_standard_says_it(pages):
    """Nyborg: 'Du kan klage over den sundhedsfaglige behandling … herunder kommunens
    vurdering af om du skal have genoptræning på basalt eller avanceret niveau.'"""
    said = ("Det gælder også kommunens vurdering af, om du skal have genoptræning på basalt "
            "eller avanceret niveau.")
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    html = pages.get("/nyborg/resultat").get_data(as_text=True)
    card = offer_card(html, "sul-140")
    complaint = card[card.index("Klage over behandlingen eller dine rettigheder som patient"):]
    assert said in complaint[:complaint.index("</li>")]
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])
    assert said not in pages.get("/fredericia/resultat").get_data(as_text=True)


def test_a_private_provider_must_start_as_soon_as_the_municipality_offered(pages):
    """Fredericia § 140, frit valg: 'Den private leverandør skal kunne tilbyde opstart af
    genoptræning senest samtidig med kommunens tilbud'."""
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    card = offer_card(html, "sul-140")
    assert ("Vælger du en privat leverandør, skal den kunne starte din træning senest den dag, "
            "kommunen har tilbudt dig at starte.") in card


def test_a_soft_failure_is_not_called_a_requirement(pages):
    """Fredericia § 140 with 'does not want to train': the verdict is open (a patient with a
    plan keeps the law's offer), and so is § 119 ("motiveret for at træne eller ændre
    adfærd": a smoker may want to stop smoking), so neither reason says 'Det er et krav';
    § 86 stk. 1, where it is the standard's hard rule, still says it."""
    run_flow(pages, "fredericia", "self", {
        "age": 60, "in_hospital": False, "hospital_plan": "yes", "plan_level": "basal",
        "discharge_date": "2026-03-30", "motivated": False, "smoker": True})
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    for offer_id in ("sul-140", "sul-119"):
        card = offer_card(html, offer_id)
        assert ("Har ikke lyst til at træne lige nu. Kommunen forventer, at man selv gør en "
                "aktiv indsats, så tal med kommunen om det.") in card
        assert "Det er et krav" not in card
    run_flow(pages, "fredericia", "self", {
        "age": 45, "in_hospital": False, "function_loss": "sudden", "hospital_treated": False,
        "self_training_enough": "no", "motivated": False})
    card = offer_card(pages.get("/fredericia/resultat").get_data(as_text=True), "sel-86-1")
    assert "Det er et krav, at man selv gør en aktiv indsats." in card


def test_the_motivation_question_asks_about_wanting_not_strength(pages):
    """Lost strength is what the training is for: the question asks whether the person
    wants to train, and says that the will to do one's part counts, not the strength (the
    standards ask "motiveret for og indstillet på en aktiv medvirken")."""
    asked = dict(run_flow(pages, "fredericia", "self", PERSONAS["fredericia"]))
    assert "Vil du gerne træne og selv gøre en indsats, også med øvelser hjemme?" in asked[
        "motivated"]
    assert "kræfter til" not in asked["motivated"]
    assert ("Det er viljen til at gøre en indsats, der tæller, ikke kræfterne."
            in asked["motivated"])


def test_herlev_says_what_someone_who_can_train_alone_gets(pages):
    """Herlev § 86 stk. 1: "Vurderes det at borgeren med egen indsats og et struktureret
    selvtræningsprogram kan indfri træningspotentialet vil ydelsen indbefatte
    undersøgelse, instruktion i træningsprogram samt opfølgning ved behov." """
    run_flow(pages, "herlev", "self", {
        "age": 50, "in_hospital": False, "function_loss": "sudden", "hospital_treated": False,
        "care_home": "none", "self_training_enough": "yes", "motivated": True,
        "group_ok": True, "same_problem_treated": False})
    card = offer_card(pages.get("/herlev/resultat").get_data(as_text=True), "sel-86-1")
    assert ("Kan træne selv. Så giver kommunen ikke et træningsforløb, men en undersøgelse, "
            "et program at træne efter og opfølgning, hvis der er brug for det.") in card


def test_fredensborg_says_the_decision_comes_before_the_start(pages):
    """Fredensborg: 'Efter en vurdering af fysio- eller ergoterapeut modtager borgeren en
    skriftlig afgørelse om hvilket forløb, der evt. igangsættes indenfor 14 dage.'"""
    run_flow(pages, "fredensborg", "self", PERSONAS["fredensborg"])
    assert ("Efter terapeutens vurdering får du en skriftlig afgørelse. Skal du have træning, "
            "starter den senest 14 dage efter vurderingen.") in pages.get(
                "/fredensborg/resultat").get_data(as_text=True)


def test_starting_again_says_there_are_answers_and_another_person_starts_fresh(pages):
    """A GP's next patient, or a son who filled in for his mother and now picks "Mig selv":
    the start page says there are answers from before, and another person gets none of
    them."""
    run_flow(pages, "fredericia", "gp", PERSONAS["fredericia"])
    page = pages.get("/").get_data(as_text=True)
    assert "Du har svar fra før" in page and "Fredericia Kommune" in page
    assert "Slet svarene og start forfra" in page
    # the same municipality and person: go on with the answers (the check page)
    response = pages.post("/", {"municipality": "fredericia", "who": "gp"})
    assert pages.client.get(response.headers["Location"]).headers["Location"].endswith(
        "/fredericia/tjek")
    # another person: the first question, no answers kept
    response = pages.post("/", {"municipality": "fredericia", "who": "self"})
    assert "/spoergsmaal/age" in pages.client.get(response.headers["Location"]).headers[
        "Location"]
    assert "Du har svar fra før" not in pages.get("/").get_data(as_text=True)


def test_the_contact_date_counts_a_referral_too(pages):
    """Fredericia § 119 counts "senest 14 hverdage efter modtagelse af henvendelsen", and
    the henvendelse is the doctor's or the hospital's ("kan henvise dig … ved at kontakte
    Træning & Forebyggelse"): the question says to write the day the municipality got it
    (Fredensborg: "efter modtagelse af henvendelsen"), not the day it was sent."""
    # Said so that it reads right to the person, a relative and a GP alike (a usability
    # test: a GP was told "Har din læge … henvist dig").
    for who in ("self", "relative", "gp"):
        pages.get("/")
        pages.post("/", {"municipality": "fredericia", "who": who})
        page = pages.get("/fredericia/spoergsmaal/request_date").get_data(as_text=True)
        assert ("Skriv den dag, kommunen fik henvendelsen, fx et opkald eller en henvisning fra "
                "en læge eller et sygehus. Er kommunen ikke kontaktet endnu, så skriv dagen, det "
                "skal ske.") in page
        assert "henvist dig" not in page


def test_helhedspleje_beside_a_hospital_plan_says_which_is_which(pages):
    """An 81-year-old home after a hip operation with a plan: "Genoptræning efter sygehus"
    and helhedspleje both fit, with no word on which is which (a user test: "she can't
    tell which applies to her father"). The plan's training is § 140's; helhedspleje is
    the help and training needed besides. Without a plan nothing is said."""
    answers = {"age": 81, "in_hospital": False, "hospital_plan": "yes", "plan_level": "basal",
               "discharge_date": "2026-03-30", "function_loss": "sudden"}
    run_flow(pages, "fredensborg", "relative", answers)
    card = plain_text(offer_card(pages.get("/fredensborg/resultat").get_data(as_text=True),
                                 "ael-10"))
    assert ("Information: Træningen i genoptræningsplanen Træningen i genoptræningsplanen fra "
            "sygehuset får du efter Sundhedsloven § 140 (genoptræning efter sygehus). Har du "
            "også brug for hjælp og træning i hverdagen, kan kommunen give det som "
            "helhedspleje.") in card
    pages.post("/fredensborg/spoergsmaal/hospital_plan", form_data("hospital_plan", "no"))
    card = plain_text(offer_card(pages.get("/fredensborg/resultat").get_data(as_text=True),
                                 "ael-10"))
    assert "Ældreloven" in card and "Træningen i genoptræningsplanen" not in card


@pytest.mark.parametrize(("level", "said"), [("basal", True), ("unknown", True),
                                             ("rehab_specialised", False)])
def test_basal_or_advanced_is_looked_at_only_where_the_plan_leaves_it_open(pages, level, said):
    """Nyborg: "Den ansvarlige terapeut i Sundhed og Træning angiver ... om genoptræningen
    skal være på basalt eller avanceret niveau" (almen genoptræning). A plan for
    rehabilitering på specialiseret niveau has its level; the page said the therapist would
    look at basal or advanced all the same (a user test)."""
    run_flow(pages, "nyborg", "relative", {
        "age": 70, "in_hospital": False, "hospital_plan": "yes", "plan_level": level,
        "discharge_date": "2026-03-30"})
    card = plain_text(offer_card(pages.get("/nyborg/resultat").get_data(as_text=True),
                                 "sul-140"))
    assert ("ser også på: om genoptræningen skal være på basalt eller avanceret niveau"
            in card) is said
    assert "om der er brug for kørsel" in card  # the rest of the list stays


def test_the_step_count_is_an_upper_bound_that_never_grows(pages):
    """"Trin 1 af cirka 18", then "Trin 2 af cirka 13" (a user test): the count is an upper
    bound that shrinks as answers rule questions out, so the page says "højst"."""
    asked = run_flow(pages, "fredensborg", "relative", {
        "age": 81, "in_hospital": False, "hospital_plan": "yes", "plan_level": "basal",
        "discharge_date": "2026-11-14"})
    counts = [re.search(r"Trin (\d+) af højst (\d+)", page) for _key, page in asked]
    assert all(counts) and "cirka" not in asked[0][1]
    steps = [(int(m.group(1)), int(m.group(2))) for m in counts if m]
    assert [s for s, _total in steps] == list(range(1, len(steps) + 1))
    totals = [total for _step, total in steps]
    assert totals == sorted(totals, reverse=True) and totals[-1] == len(steps)
    # The start page's "cirka 5 minutter" says so too, beside a first "af højst 18".
    start = plain_text(pages.get("/").get_data(as_text=True))
    assert ("Det tager cirka 5 minutter. Du får ét spørgsmål ad gangen, og kun dem, der betyder "
            "noget for dig.") in start


def test_a_short_stay_is_not_called_living_at_home(pages):
    """Herlev's § 86 stk. 1 is for "hjemmeboende borgere", and a short stay does not rule
    it out ("Træningen kan også foregå under et midlertidigt ophold"): someone who answered
    "På et kort ophold, fx aflastning" was told "Bor i eget hjem."."""
    run_flow(pages, "herlev", "self", {**PERSONAS["herlev"], "care_home": "temporary"})
    card = plain_text(offer_card(pages.get("/herlev/resultat").get_data(as_text=True),
                                 "sel-86-1"))
    assert "Bor ikke fast på plejecenter." in card and "Bor i eget hjem" not in card


def test_a_care_home_resident_is_told_of_the_training_there(pages):
    """Herlev's § 86 stk. 1 is for "hjemmeboende borgere"; its § 86 stk. 2 standard adds
    "Borgere, der bor permanent ... på et af kommunens plejecentre, kan visiteres til fysisk
    træning". A 60-year-old resident with a sudden loss was told nothing fits, and no more
    (a fact-check)."""
    run_flow(pages, "herlev", "self", {**PERSONAS["herlev"], "age": 60, "care_home": "permanent"})
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    assert 'class="offer offer-unlikely" aria-labelledby="offer-sel-86-1"' in html
    assert ("Derfor passer det nok ikke: Bor fast på plejecenter. Denne genoptræning er for "
            "dem, der bor i eget hjem. Men bor du på et af kommunens plejecentre, kan du få "
            "fysisk træning der, hvis kommunen vurderer, at du har brug for det. Spørg "
            "personalet på plejecentret.") in plain_text(offer_card(html, "sel-86-1"))


@pytest.mark.parametrize(("slug", "offer", "said"), [
    # What a refusal brings. Herlev: "At borgeren ved afslag på ansøgning om genoptræning får
    # oplysning om og forslag til alternativ problemløsning samt vejledning om
    # klagemuligheder."
    ("herlev", "sel-86-1", "Får du afslag, får du også forslag til, hvad du ellers kan gøre, "
                           "og at vide, hvordan du klager."),
    # Fredensborg: "Er borgeren fejlhenvist modtager borgeren en skriftlig afgørelse på
    # henvisningen."
    ("fredensborg", "sel-86-1", "Passer du ikke til tilbuddet, får du en skriftlig afgørelse. "
                                "Den kan du klage over."),
    # Whom to tell when cancelling. Brønderslev: "Hvis du selv ønsker at aflyse/flytte
    # træningen, skal du give leverandøren besked senest kl. 12:00 dagen før." (a
    # fact-check: whom, and moving, were left out)
    ("broenderslev", "sel-86-1", "Meld afbud senest dagen før kl. 12.00. Det samme gælder, "
                                 "hvis du vil flytte en træning. Giv den, der træner dig, "
                                 "besked."),
    # Fredericia: "melde afbud senest dagen før eller hurtigst muligt … (Se
    # kontaktoplysninger på næste side)" (a user test: "what if I am ill on the day?")
    ("fredericia", "sul-140", "Meld afbud senest dagen før. Meld altid afbud så hurtigt som "
                              "muligt. Ring til Træning & Forebyggelse på 72 10 60 50."),
])
def test_the_card_says_it_where_the_standard_says_it(pages, slug, offer, said):
    run_flow(pages, slug, "self", PERSONAS[slug])
    html = pages.get(f"/{slug}/resultat").get_data(as_text=True)
    assert said in plain_text(offer_card(html, offer))
    assert said not in plain_text(offer_card(html, "ael-10"))  # the Ældrelov borrows no promise


def test_the_short_version_keeps_what_may_fit(pages):
    """?kort=1: the offers that may fit, each with why, what happens, whom to call and what
    it costs; not the offers that do not fit, nor where and how often (the full page links
    to it, and it back). Any other value is the full page."""
    run_flow(pages, "fredensborg", "relative", {
        "age": 81, "in_hospital": False, "hospital_plan": "yes", "plan_level": "basal",
        "discharge_date": "2026-11-14", "function_loss": "sudden"})
    full = pages.get("/fredensborg/resultat").get_data(as_text=True)
    assert 'href="/fredensborg/resultat?kort=1"' in full and "offer-unlikely" in full
    short = pages.get("/fredensborg/resultat?kort=1").get_data(as_text=True)
    assert "offer-unlikely" not in short and 'href="/fredensborg/resultat"' in short
    assert "Det her er den korte udgave til print." in short
    card = plain_text(offer_card(short, "sul-140"))
    assert "Derfor ser det ud til at passe:" in card and "Sådan kommer du i gang" in card
    assert "Ring: 41 95 45 10" in card and "Hvad koster det?" in card
    assert "Sådan klager du" not in card and "Sådan klager du" in plain_text(
        offer_card(full, "sul-140"))
    # where and how often, and all that is expected but how to cancel, are left to the full
    # page (test_fact_checked_obligations_in_the_standards_own_words, Fredericia)
    # whom to complain to, and by when, in a line each (there was no word on complaints
    # without a decision date: two fact-checks and a user test)
    assert ("Klage over behandlingen eller dine rettigheder som patient: Klag til Styrelsen "
            "for Patientklager. Senest 2 år efter, at du blev klar over det") in card
    assert ("Klage over ventetid og hvordan træningen er organiseret: Klag til Fredensborg "
            "Kommune.") in card
    assert "Adresse:" not in card
    assert "Passer nok ikke" in plain_text(short)  # the summary still names them
    maybe = plain_text(offer_card(short, "sul-119"))  # "Måske": what it depends on, how
    assert "Det afhænger af:" in maybe and "Hvad koster det?" not in maybe
    assert "Hvad koster det?" in plain_text(offer_card(full, "sul-119"))
    assert "offer-unlikely" in pages.get("/fredensborg/resultat?kort=ja").get_data(as_text=True)


def test_the_printed_answers_speak_to_the_person_who_trains(pages):
    """A relative prints the result for her mother: the page speaks to the mother ("du"),
    so the answers it rests on do too ("Hvor gammel er du?", not "… din pårørende?"), and
    the screen's "Når der står du, er det din pårørende" is not printed (a user test)."""
    run_flow(pages, "herlev", "relative", PERSONAS["herlev"])
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    printed = html[html.index('class="print-only"'):]
    assert "Hvor gammel er du?" in printed and "din pårørende" not in printed
    assert ('<p class="font-lead no-print">Resultatet er skrevet til den, der skal træne.'
            in html)


def test_the_summary_gives_a_number_where_the_card_names_one(pages):
    """Fredensborg's standard names no contact for § 140, and the card names the training
    unit it names for § 86 stk. 1: "Kort fortalt" gives that number too, with whose it is
    (a user test found no number at the top for the offer that fitted)."""
    run_flow(pages, "fredensborg", "relative", {
        "age": 81, "in_hospital": False, "hospital_plan": "yes", "plan_level": "basal",
        "discharge_date": "2026-11-14", "function_loss": "sudden"})
    html = pages.get("/fredensborg/resultat").get_data(as_text=True)
    summary = html[html.index('class="result-summary"'):]
    summary = plain_text(summary[:summary.index("</section>")])
    part = summary[summary.index("Genoptræning efter sygehus"):summary.index("Træning som en del")]
    assert "Telefon: 41 95 45 10 (Træning & Rehabilitering)." in part
    # helhedspleje has the contact as its own (borrowed from § 86): named too, as every
    # number is (Brønderslev: beside the trainer's contact date, a bare number read as the
    # trainers'; a fact-check)
    assert "Telefon: 41 95 45 10 (Træning & Rehabilitering)." in summary[
        summary.index("Træning som en del"):]


def summary_text(pages, slug):
    html = pages.get(f"/{slug}/resultat").get_data(as_text=True)
    summary = html[html.index('class="result-summary"'):]
    return plain_text(summary[:summary.index("</section>")])


def test_the_summary_says_where_86_went_from_pension_age(pages):
    """A relative of an 81-year-old after a fall at home read "Genoptræning efter sygdom
    uden indlæggelse – Passer nok ikke" as "no help after the fall" (a user test): when the
    Ældrelov is the one reason, the summary says so. Not where § 86 fails on its own terms
    as well (stk. 2 is for a lasting loss, this is a sudden one)."""
    run_flow(pages, "broenderslev", "relative", {
        "age": 81, "in_hospital": False, "hospital_plan": "no", "function_loss": "sudden",
        "hospital_treated": False})
    summary = summary_text(pages, "broenderslev")
    # not "Passer nok ikke" first, which a 69-year-old still read as "not any more" (a
    # second user test)
    assert ("Genoptræning efter sygdom uden indlæggelse Fra 67 år gives træningen i stedet "
            "som en del af helhedspleje.") in summary
    assert "Vedligeholdende træning Passer nok ikke." in summary
    assert summary.count("Fra 67 år") == 1
    # Brønderslev's number is Visitationen's, whatever line it follows.
    assert "Telefon: 99 45 44 20 (Visitationen)." in summary


def test_the_summary_names_no_age_below_it(pages):
    run_flow(pages, "broenderslev", "self", {
        "age": 50, "in_hospital": False, "hospital_plan": "no", "function_loss": "sudden",
        "hospital_treated": True})
    assert "Fra 67 år" not in summary_text(pages, "broenderslev")


def test_a_municipalitys_own_start_page_names_it(pages):
    """The handout's QR code opens /fredericia: its heading was the general "Hvilken træning
    kan kommunen give?" over a list of 98 (a user test)."""
    doc = parse(pages.get("/fredericia"))
    assert doc.find(".//h1").text == "Hvilken træning kan Fredericia Kommune give?"
    assert doc.find(".//title").text.startswith("Hvilken træning kan Fredericia Kommune give?")
    assert parse(pages.get("/")).find(".//h1").text == "Hvilken træning kan kommunen give?"
