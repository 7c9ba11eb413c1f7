"""Beyond the leaflets, through the pages: calendar files, "is the phone open", the complaint
helper, the professionals' overview and handout with its QR code, the comparison, every
municipality, and a new rules file picked up with no code change."""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime
from pathlib import Path

import html5lib
import icalendar
import pytest
import segno

from tests.web.conftest import parse
from tests.web.test_flows import PERSONAS, offer_card, plain_text, run_flow
from webapp import create_app
from webapp.domain.phone import COPENHAGEN

FIVE = {"broenderslev": "Brønderslev Kommune", "fredensborg": "Fredensborg Kommune",
        "fredericia": "Fredericia Kommune", "herlev": "Herlev Kommune",
        "nyborg": "Nyborg Kommune"}


def gp_terms(pages, slug, offer_id):
    """The GP page's terms and descriptions for one offer, in order."""
    doc = parse(pages.get(f"/{slug}/fagperson"))
    section = next(s for s in doc.iter("section")
                   if any(h.get("id") == f"pro-{offer_id}" for h in s.iter("h2")))
    return [text_of(e) for e in section.iter() if e.tag in ("dt", "dd")]


@pytest.fixture()
def now(monkeypatch):
    """Set the clock of the extras pages and of the result page to a moment in Copenhagen."""

    def set_now(*args):
        moment = datetime(*args, tzinfo=COPENHAGEN)
        monkeypatch.setattr("webapp.context.now", lambda: moment)
        return moment

    return set_now


def text_of(element):
    return " ".join("".join(element.itertext()).split())


def card_text(pages, path, offer_id):
    """One offer's card on the result page at ``path``, as text."""
    return plain_text(offer_card(pages.get(path).get_data(as_text=True), offer_id))


def main_text(response):
    return text_of(parse(response).find(".//main"))


def fredericia_140a_text(pages, answers=None, until=None):
    """Fredericia's result page as text from the vederlagsfri fysioterapi card on (up to
    ``until``), for a 60-year-old with a severe handicap and ``answers`` besides."""
    run_flow(pages, "fredericia", "self", {
        "age": 60, "in_hospital": False, "hospital_plan": "no", "function_loss": "lasting",
        "severe_disability": "yes", **(answers or {})})
    page = main_text(pages.get("/fredericia/resultat"))
    part = page[page.index("Vederlagsfri fysioterapi (Sundhedsloven § 140 a)"):]
    return part[:part.index(until)] if until else part


# --------------------------------------------------------------------------- comparison


def comparison_tables(pages):
    doc = parse(pages.get("/sammenlign"))
    tables = {}
    for section in doc.iter("section"):
        offer = section.get("aria-labelledby", "").removeprefix("tilbud-")
        table = section.find(".//table")
        if table is None:
            continue
        columns = [text_of(th) for th in table.find("thead").iter("th")][1:]
        rows = {}
        for tr in table.find("tbody").iter("tr"):
            label = text_of(tr.find("th"))
            cells = tr.findall("td")
            assert [td.get("data-label") for td in cells] == columns  # stacked-card labels
            rows[label] = dict(zip(columns, (text_of(td) for td in cells), strict=True))
        tables[offer] = rows
    return tables


def test_comparison_has_all_five_municipalities_side_by_side(pages):
    tables = comparison_tables(pages)
    named = {m for rows in tables.values() for cells in rows.values() for m in cells}
    assert named == set(FIVE.values())
    assert set(tables) == {"sul-140", "sel-86-1", "sel-86-2", "sul-119", "sul-140a"}
    assert list(tables["sel-86-1"]["Start"]) == [FIVE[s] for s in
                                                ("broenderslev", "fredensborg", "fredericia",
                                                 "herlev")]
    assert list(tables["sul-140"]["Start"]) == [FIVE["fredericia"], FIVE["nyborg"]]
    for rows in tables.values():
        assert list(rows) == ["Kontakt og afgørelse", "Start", "Hvor tit", "Hvor længe",
                              "Kørsel", "Egenbetaling", "Afbud og udeblivelse", "Klage",
                              "Standardens dato"]


def test_comparison_cells_say_what_each_standard_says(pages):
    t = comparison_tables(pages)
    sel = t["sel-86-1"]
    # Brønderslev
    assert "senest dagen før kl. 12.00" in sel["Afbud og udeblivelse"][FIVE["broenderslev"]]
    assert "Aflyser du 2 gange, slutter forløbet" in sel["Afbud og udeblivelse"][FIVE["broenderslev"]]
    assert "senest 5 hverdage efter din henvendelse" in sel["Kontakt og afgørelse"][FIVE["broenderslev"]]
    assert "NT Flextur" in sel["Kørsel"][FIVE["broenderslev"]]
    assert "Visitationen" in sel["Klage"][FIVE["broenderslev"]]
    assert "godkendt 4. december 2023" in sel["Standardens dato"][FIVE["broenderslev"]]
    # Fredensborg
    assert "senest samme dag kl. 9.00" in sel["Afbud og udeblivelse"][FIVE["fredensborg"]]
    # "Som udgangspunkt visiteres der til et forløb på max 3 måneder. Opnås målet inden,
    #  eller udebliver effekten, kan træningsforløbet afsluttes tidligere"
    assert ("Som udgangspunkt højst 3 måneder. Forløbet kan slutte før, hvis målet er nået, "
            "eller hvis træningen ikke hjælper.") in sel["Hvor længe"][FIVE["fredensborg"]]
    assert "1-3 gange om ugen" in sel["Hvor tit"][FIVE["fredensborg"]]
    # "Hvis der visiteres til transport, er der brugerbetaling på denne indsats."
    assert "betale et beløb for den (brugerbetaling)" in sel["Kørsel"][FIVE["fredensborg"]]
    assert "22. december 2025" in sel["Standardens dato"][FIVE["fredensborg"]]
    # Fredericia
    assert "senest 14 hverdage efter din henvendelse" in sel["Kontakt og afgørelse"][FIVE["fredericia"]]
    assert "senest 4 uger efter din henvendelse" in sel["Start"][FIVE["fredericia"]]
    assert "ingen dato" in sel["Standardens dato"][FIVE["fredericia"]]
    # Herlev
    assert "Højst 10 uger" in sel["Hvor længe"][FIVE["herlev"]]
    assert "10 hverdage" in sel["Kontakt og afgørelse"][FIVE["herlev"]]
    assert "Står ikke i standarden" in sel["Afbud og udeblivelse"][FIVE["herlev"]]
    assert "25 kr." in t["sel-86-2"]["Egenbetaling"][FIVE["herlev"]]
    # Nyborg (§ 140): amounts dated with the standard, the age warned about
    s140 = t["sul-140"]
    assert "2 gange om ugen" in s140["Hvor tit"][FIVE["nyborg"]]
    assert "25 kr." in s140["Kørsel"][FIVE["nyborg"]]
    assert "3. maj 2017" in s140["Kørsel"][FIVE["nyborg"]]
    assert "Mere end tre år gammel" in s140["Standardens dato"][FIVE["nyborg"]]
    assert "Styrelsen for Patientklager" in s140["Klage"][FIVE["nyborg"]]
    assert "vælge en privat leverandør" in s140["Start"][FIVE["nyborg"]]


def test_comparison_says_deadlines_in_plain_danish(pages):
    """Fredericia's contact after discharge reads "senest 4 dage efter udskrivelsen" (its
    own Kvalitetsmål's words), not "senest på 4.-dagen"."""
    page = main_text(pages.get("/sammenlign"))
    assert ".-dagen" not in page
    assert "Kommunen kontakter dig med en tid senest 4 dage efter udskrivelsen." in page


def test_comparison_lists_whom_an_offer_is_not_described_for(pages):
    page = main_text(pages.get("/sammenlign"))
    assert ("Står ikke i standarden fra: Brønderslev Kommune, Fredensborg Kommune, "
            "Herlev Kommune.") in page


# --------------------------------------------------------------------------- professionals


@pytest.mark.parametrize("slug", [*sorted(FIVE), "aarhus", "bornholm"])
def test_professional_page_for_every_kind_of_municipality(pages, slug):
    response = pages.get(f"/{slug}/fagperson")
    page = main_text(response)
    for title in ("Genoptræning efter sygehus", "Genoptræning efter sygdom uden indlæggelse",
                  "Vedligeholdende træning", "Forløb for kronisk sygdom og rygestop",
                  "Vederlagsfri fysioterapi", "helhedspleje"):
        assert title in page
    assert "Henvisning" in page and "Målgruppe" in page
    assert f'href="/{slug}/fagperson/udskriv"' in response.get_data(as_text=True)
    # a list of the offers leads to each (a user test: a GP scrolled for § 119)
    doc = parse(response)
    nav = doc.find(".//nav[@aria-labelledby='pro-contents']")
    targets = [a.get("href") for a in nav.iter("a")]
    assert len(targets) == 6 and "#pro-sul-119" in targets
    ids = {e.get("id") for e in doc.iter() if e.get("id")}
    assert all(t.removeprefix("#") in ids for t in targets)
    if slug in FIVE:
        assert "egen kvalitetsstandard endnu" not in page
    else:
        assert "egen kvalitetsstandard endnu" in page
        assert "Det giver loven alle" in page


def test_every_condition_has_a_label_for_professionals(pages):
    """Herlev's § 86 stk. 1 showed its rule's code ("needs_help_or_gets_programme") as a
    target-group condition: every rule now has a label, and the page names the exclusion
    ("Hvem kan ikke modtage indsatsen? Borgere som med selvtræning kan indfri eget
    træningspotentiale.")."""
    from webapp.domain.conditions import RULES
    from webapp.extras_texts import PRO_CONDITIONS
    assert set(RULES) == set(PRO_CONDITIONS)
    herlev = main_text(pages.get("/herlev/fagperson"))
    assert "_" not in herlev.replace("__", "")
    assert ("kan nå målet med selvtræning (får så en undersøgelse, et program og opfølgning)"
            in herlev)


def test_professional_page_details(pages):
    fredericia = main_text(pages.get("/fredericia/fagperson"))
    assert "72 10 60 50" in fredericia
    assert "Telefontid: Mandag til fredag kl. 7.30-9.30 og 12.30-13.30" in fredericia
    assert "Henvisning fra egen læge. Henvisningen gælder et år" in fredericia
    assert "fra 18 år" in fredericia
    # § 119 "Målgruppe": "Let- til moderat depression" (it said "psykisk sygdom").
    assert "let til moderat depression eller angst" in fredericia
    assert "psykisk sygdom" not in fredericia
    broenderslev = main_text(pages.get("/broenderslev/fagperson"))
    assert "kan træne på hold" in broenderslev
    assert "får allerede træning eller vederlagsfri fysioterapi for samme problem" in broenderslev
    nyborg = main_text(pages.get("/nyborg/fagperson"))
    assert "Kommunens kvalitetsstandard er ikke ny" in nyborg
    # An offer the standard names no contact for (Nyborg's standard is § 140 only): the
    # doctor is told whom the standard does name, and for what, as the result page says.
    assert ("Kontakt Kommunens kvalitetsstandard nævner ingen kontakt for dette tilbud. Ring "
            "til Sundhed og Træning, som tager sig af genoptræning efter sygehus, og spørg "
            "dem, hvem der tager sig af dette tilbud. Sundhed og Træning Ring: 63 33 78 72"
            ) in nyborg
    # Only where the way in is a call to the municipality: a GP's referral (§ 140 a, § 119)
    # is no reason to call Visitationen (a review found it on Brønderslev's page).
    html = pages.get("/broenderslev/fagperson").get_data(as_text=True)
    sections = {o: html[html.index(f'aria-labelledby="pro-{o}"'):] for o in
                ("sul-140", "sul-140a", "sul-119")}
    sections = {o: plain_text(part[:part.index("</section>")]) for o, part in sections.items()}
    assert "Ring til Visitationen, som tager sig af" in sections["sul-140"]
    assert "som tager sig af" not in sections["sul-140a"] + sections["sul-119"]
    # Herlev's standard names no unit at all: where the number is, not just "Ring til …".
    herlev = main_text(pages.get("/herlev/fagperson"))
    assert ("Standarden nævner ingen kontakt for dette tilbud. Ring til Herlev Kommune, og "
            "spørg efter træning. Nummeret står på kommunens hjemmeside og på borger.dk."
            in herlev)


def test_professional_page_says_what_each_offer_costs_and_what_transport_there_is(pages):
    """The GP can tell the patient what it costs, from the standard's own words: Herlev
    "Genoptræning og behovsbestemt kørsel er gratis", Fredericia § 86 stk. 2 "egenbetaling for
    kørsel", Fredensborg's transport the patient pays for, and § 140's national rule."""
    def costs(slug: str, offer: str) -> str:
        terms = gp_terms(pages, slug, offer)
        return terms[terms.index("Pris og kørsel") + 1]

    assert costs("herlev", "sel-86-1") == (
        "Træningen er gratis. Gratis kørsel, hvis patienten ikke selv kan komme frem. "
        "Terapeuten vurderer behovet. Under et midlertidigt ophold betaler patienten selv for "
        "maden. Prisen fastsættes af Herlev Kommunes kommunalbestyrelse.")
    assert costs("fredericia", "sel-86-2") == (
        "Træningen er gratis. Ingen kørsel. Patienten betaler selv for at komme frem og tilbage.")
    assert costs("fredensborg", "sel-86-1") == (
        "Træningen er gratis. Terapeuten vurderer behovet for kørsel. Får patienten kørsel, "
        "betaler patienten et beløb for den (brugerbetaling). Spørg kommunen om prisen på "
        "kørslen.")  # "Hvis der visiteres til transport": only then (a fact-check)
    assert "Patienten har ret til kørsel eller godtgørelse" in costs("aarhus", "sul-140")
    # Neither a standard nor the law says anything of transport: the doctor is told to ask.
    assert costs("aarhus", "ael-10") == (
        "Træningen er gratis. Spørg kommunen, om patienten kan få kørsel.")


def test_every_kind_of_transport_is_said_about_the_patient():
    from typing import get_args

    from webapp import texts
    from webapp.domain.rules import TransportRule
    kinds = set(get_args(TransportRule))
    assert kinds and kinds == set(texts.TRANSPORT_ABOUT_PATIENT) == set(texts.TRANSPORT)


def test_professionals_index_lists_all_98(pages):
    doc = parse(pages.get("/fagperson"))
    links = [a.get("href") for a in doc.find(".//main").iter("a")
             if (a.get("href") or "").endswith("/fagperson")]
    assert len(links) == 98
    assert "/aarhus/fagperson" in links


# --------------------------------------------------------------------------- handout + QR


def qr_modules(svg_path: str) -> set[tuple[int, int]]:
    """The dark modules drawn by segno's path (M/m moves, h runs of one module high)."""
    dark = set()
    x = y = 0.0
    for cmd, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", svg_path):
        if cmd == "M":
            x, y = float(a), float(b)
        elif cmd == "m":
            x, y = x + float(a), y + float(b)
        else:
            for i in range(int(float(a))):
                dark.add((int(x) + i, int(y)))
            x += float(a)
    return dark


def expected_modules(url: str) -> set[tuple[int, int]]:
    qr = segno.make(url, error="m", micro=False)
    return {(x, y) for y, line in enumerate(qr.matrix_iter(border=4))
            for x, bit in enumerate(line) if bit}


@pytest.mark.parametrize("slug", ["fredericia", "aarhus"])
def test_handout_has_a_qr_code_for_the_municipality_page(pages, slug):
    response = pages.get(f"/{slug}/fagperson/udskriv")
    html = response.get_data(as_text=True)
    url = f"http://localhost/{slug}"
    svg = re.search(r"<svg [^>]*>.*?</svg>", html, re.S).group(0)
    assert 'class="qr-code"' in svg and 'aria-hidden="true"' in svg
    assert "style" not in svg
    path = re.search(r' d="([^"]+)"', svg).group(1)
    drawn = qr_modules(path)
    assert drawn == expected_modules(url)
    assert drawn != expected_modules(url + "x")  # the check can tell URLs apart
    assert url in main_text(response)
    page = main_text(response)
    # for a hospital's physiotherapist too, and with the day it was printed (a user test)
    assert "Bemærkninger fra læge eller terapeut:" in page and "Lægens bemærkninger" not in page
    assert re.search(r"Printet fra Træningsguiden \w+dag den \d+\. \w+ 20\d\d\.", page)
    assert page.count("Ring") >= 1


def test_handout_names_the_contact(pages):
    page = main_text(pages.get("/broenderslev/fagperson/udskriv"))
    assert "Visitationen" in page and "99 45 44 20" in page
    assert ("Telefontid: Mandag til torsdag kl. 8.00-9.00 og 10.00-14.00. Fredag kl. 8.00-9.00 "
            "og 10.00-13.30") in page


@pytest.mark.parametrize(("slug", "scope"), [
    # Nyborg's standard is § 140's alone; the handout lists all six offers.
    # Said to the patient in plain words (a user test: "dem", "det andet", "kvalitetsstandard").
    ("nyborg", "Kommunens regler for træning nævner kun Sundhed og Træning ved genoptræning "
               "efter sygehus. Ring også til dem om de andre tilbud. Så kan de sige, hvem du "
               "skal kontakte."),
    ("broenderslev", "Kommunens regler for træning nævner kun Visitationen ved genoptræning "
                     "efter sygdom uden indlæggelse."),
])
def test_handout_says_which_offers_its_one_contact_is_named_for(pages, slug, scope):
    page = main_text(pages.get(f"/{slug}/fagperson/udskriv"))
    assert scope in page


def test_handout_gives_helhedspleje_the_contact_the_law_lends_it(pages):
    """Fredericia names Træning & Forebyggelse for its five offers, and helhedspleje has
    the same contact by law (ASSESSMENT §4.1), as the result page says. The handout said the
    standard named no one for it: "Spørg Træning & Forebyggelse, hvem du skal kontakte om
    det" (a fact-check). The other standards' sentence does not list it either."""
    page = main_text(pages.get("/fredericia/fagperson/udskriv"))
    assert "Træning & Forebyggelse" in page and "72 10 60 50" in page
    assert "Kommunens regler for træning nævner" not in page
    assert "helhedspleje. Om det andet" not in main_text(
        pages.get("/broenderslev/fagperson/udskriv"))


def test_handout_gives_the_laws_free_choice_and_says_an_old_standard_may_be_out_of_date(pages):
    """Nyborg's slip said only "Kvalitetsstandarden er godkendt 3.5.2017, for over 9 år
    siden": not that the law's free choice after 7 days overrides it, nor to ask whether
    it still holds (a fact-check)."""
    page = main_text(pages.get("/nyborg/fagperson/udskriv"))
    assert ("Tilbyder kommunen ikke start inden for 7 dage efter udskrivelsen, må du vælge "
            "privat (mingenoptræning.dk).") in page
    assert "Standarden er mere end tre år gammel" in page
    assert "Standarden er mere end tre år gammel" not in main_text(
        pages.get("/fredensborg/fagperson/udskriv"))  # approved December 2025


def test_handout_without_a_standard_promises_only_what_the_law_gives(pages):
    """Aarhus (no standard here): the handout promised "hvem du skal ringe til", which the
    guide cannot tell, and did not say that the municipality's own rules may differ."""
    page = main_text(pages.get("/aarhus/fagperson/udskriv"))
    assert "hvem du skal ringe til" not in page
    assert "Så ser du, hvad der kan passe til dig, og hvad loven giver dig." in page
    assert ("Vi har ikke kommunens egen kvalitetsstandard. Kommunens egne frister og regler kan "
            "være anderledes end lovens.") in page
    # Only where the standard gives a contact (Fredericia; Herlev's gives none).
    assert "hvem du skal ringe til" in main_text(pages.get("/fredericia/fagperson/udskriv"))
    assert "hvem du skal ringe til" not in main_text(pages.get("/herlev/fagperson/udskriv"))


def test_handout_contact_named_for_no_offer_says_so(app):
    from webapp import extras_texts
    from webapp.domain.loader import load_rules

    standard = load_rules().standards["fredensborg"]
    unit = standard.units["traening_rehabilitering"]
    offers = {k: o.model_copy(update={"apply": o.apply.model_copy(update={"unit": None})})
              for k, o in standard.offers.items()}
    bare = standard.model_copy(update={"offers": offers})
    with app.test_request_context("/fredensborg/fagperson/udskriv"):
        assert extras_texts.contact_scope_text(standard, unit, ["sel-86-1"]) is None
        assert extras_texts.contact_scope_text(bare, unit, ["sel-86-1", "sel-86-2"]) == (
            "Kommunens regler for træning nævner ikke Træning & Rehabilitering ved et "
            "bestemt tilbud. Spørg dem, hvem du skal kontakte.")


# --------------------------------------------------------------------------- complaint


def test_complaint_helper_from_the_front_page(pages):
    """Someone with a refusal looked for the complaint helper on the front page, and it was
    only on a municipality's own start page (a user test). /klage asks for the
    municipality with a plain GET form (no JavaScript, no token to go stale)."""
    front = pages.get("/").get_data(as_text=True)
    assert '<a class="tap-target" href="/klage">Få hjælp til at klage over en afgørelse fra ' \
           'kommunen</a>' in front
    start = main_text(pages.get("/klage"))
    assert "Hvilken kommune kom afgørelsen fra?" in start
    assert "Du skal ikke svare på spørgsmålene om dit helbred først." in start
    response = pages.client.get("/klage?kommune=herlev")
    assert (response.status_code, response.headers["Location"]) == (302, "/herlev/klage")
    assert "Vælg en kommune." in main_text(pages.get("/klage?kommune=", status=400))
    assert "Der er et problem" in main_text(pages.get("/klage?kommune=nowhere", status=400))
    assert pages.client.post("/klage").status_code == 405
    # a municipality's own start page keeps its direct link
    assert 'href="/herlev/klage"' in pages.get("/herlev").get_data(as_text=True)


def post_complaint(pages, path, decided, about="decision", status=200, lang="da", **fields):
    """The complaint helper's form posted: what it is about, the decision's date
    ("30.3.2026") and any other field (the person's own words); the page that answers."""
    day, month, year = decided.split(".")
    return pages.post(path, {"about": about, "day": day, "month": month, "year": year,
                             **fields}, status=status, lang=lang)


def test_complaint_helper_for_a_refusal_in_broenderslev(pages, now):
    now(2026, 4, 2, 10, 0)
    choose = main_text(pages.get("/broenderslev/klage"))
    assert "Genoptræning efter sygdom uden indlæggelse" in choose
    # how to choose comes before the choices (a user test)
    assert choose.index("Står der en paragraf") < choose.index("Genoptræning efter sygdom")
    form = pages.get("/broenderslev/klage?tilbud=sel-86-1").get_data(as_text=True)
    assert 'name="csrf_token"' in form
    response = post_complaint(pages, "/broenderslev/klage?tilbud=sel-86-1", "30.3.2026")
    page = main_text(response)
    # to whom
    assert ("Brønderslev Kommune, Visitationen, Ældre og Hjælpemidler, Rådhusgade 5, "
            "9330 Dronninglund") in page
    assert "99 45 44 20" in page
    # by when, and what happens next
    assert "Din klage skal være modtaget af Brønderslev Kommune senest mandag den 27. april 2026" in page
    assert "Ankestyrelsen" in page and "4 uger til at vurdere afgørelsen igen" in page
    assert "Fristen er overskredet" not in page
    # the letter: addressee, date, the decision's date, blanks for their own words
    doc = parse(response)
    letter = next(d for d in doc.iter("div") if d.get("class") == "letter")
    text = " ".join(" ".join(letter.itertext()).split())  # a <br> is a line break
    assert "Til: Brønderslev Kommune Visitationen, Ældre og Hjælpemidler Rådhusgade 5 9330 Dronninglund" in text
    assert "Dato: 2. april 2026" in text
    assert "Jeg fik jeres afgørelse den 30. marts 2026" in text
    assert "[Skriv med dine egne ord" in text and "[Dit navn]" in text
    assert "sende klagen videre til Ankestyrelsen" in text
    assert text.startswith("[Dit navn] [Din adresse]")
    copy = doc.find(".//textarea").text
    assert copy.startswith("[Dit navn]\n") and "Rådhusgade 5\n9330 Dronninglund" in copy


def test_complaint_letter_carries_the_persons_own_words(pages, now):
    """The form's "Hvorfor er du uenig?" goes into the letter, one paragraph per line
    written and escaped as text, instead of the space to write in by hand. "Ret brevet"
    brings the form back filled in, without JavaScript; nothing of it is kept."""
    now(2026, 4, 2, 10, 0)
    own = "Jeg kan ikke gå på trapper længere.\r\n\r\n  Min datter <b>hjælper</b> mig.  "
    response = post_complaint(pages, "/broenderslev/klage?tilbud=sel-86-1", "30.3.2026",
                              reason=own)
    doc = parse(response)
    letter = next(d for d in doc.iter("div") if d.get("class") == "letter")
    paragraphs = ["".join(p.itertext()) for p in letter.iter("p")]
    at = paragraphs.index("Jeg er uenig, fordi:")
    assert paragraphs[at + 1:at + 3] == ["Jeg kan ikke gå på trapper længere.",
                                         "Min datter <b>hjælper</b> mig."]
    assert not any(p.get("class") == "letter-blank" for p in letter.iter("p"))
    assert "[Skriv med dine egne ord" not in response.get_data(as_text=True)
    copy = doc.find(".//textarea").text
    assert ("Jeg er uenig, fordi:\n\nJeg kan ikke gå på trapper længere.\n\nMin datter "
            "<b>hjælper</b> mig.\n\nJeg beder jer") in copy
    assert "<b>" not in response.get_data(as_text=True)  # escaped, never markup
    with pages.client.session_transaction() as stored:
        assert stored and "trapper" not in repr(dict(stored))
    # "Ret brevet": the same answers posted back with "ret" give the form, filled in.
    back = next(f for f in doc.iter("form") if f.find(".//input[@name='ret']") is not None)
    fields = {i.get("name"): i.get("value") for i in back.iter("input")}
    assert fields["reason"].startswith("Jeg kan ikke gå") and fields["day"] == "30"
    fields.pop("csrf_token")
    again = pages.post("/broenderslev/klage?tilbud=sel-86-1", fields, status=200)
    form = parse(again)
    assert "".join(form.find(".//textarea").itertext()).startswith("Jeg kan ikke gå på trapper")
    assert form.find(".//input[@id='day']").get("value") == "30"
    assert "Der er et problem" not in main_text(again) and 'class="letter"' not in \
        again.get_data(as_text=True)
    assert "Ret det, du vil ændre, og tryk på knappen igen." in main_text(again)


def test_complaint_about_86_says_what_the_aeldrelov_means_from_67(pages):
    """ASSESSMENT §4.1: from folkepensionsalder training is helhedspleje under the
    Ældrelov, not Serviceloven § 86. A 70-year-old with a § 86 refusal was never told that
    (a user test); the helper says it for § 86 offers, not for the others."""
    said = ("Er du 67 år eller mere? Så giver kommunen træningen som en del af helhedspleje "
            "efter Ældreloven, ikke efter Serviceloven § 86.")
    assert said in main_text(pages.get("/broenderslev/klage?tilbud=sel-86-1"))
    assert said in main_text(pages.get("/herlev/klage?tilbud=sel-86-2"))
    assert said not in main_text(pages.get("/herlev/klage?tilbud=ael-10"))


def test_complaint_to_a_municipality_without_an_address_says_where_it_is(pages, now):
    """Herlev's standard gives no address: the box "Hvem skal have klagen?" showed the
    letter's blank, "Herlev Kommune, [Adressen står i afgørelsen]", as if it were the
    answer (a user test). The box says where the address is; the letter keeps its blank."""
    now(2026, 11, 24, 10, 0)
    response = post_complaint(pages, "/herlev/klage?tilbud=sel-86-2", "3.11.2026")
    page = main_text(response)
    assert ("Hvem skal have klagen? Herlev Kommune Vi har ikke adressen her. Den står i "
            "brevet med afgørelsen.") in page
    letter = next(d for d in parse(response).iter("div") if d.get("class") == "letter")
    assert "[Adressen står i afgørelsen]" in " ".join(letter.itertext())


def test_complaint_letter_own_words_have_a_limit(pages, now):
    """Past 1,500 characters the form says so (the browser stops there too: maxlength)
    and keeps what was written; a tampered "Ret brevet" post is still only the form.
    A line break counts as one character, as the browser counts it (it sends CR LF), and
    1,500 characters of three bytes each (a phone's ’) stay under the request-size limit."""
    now(2026, 4, 2, 10, 0)
    form = pages.get("/broenderslev/klage?tilbud=sel-86-1").get_data(as_text=True)
    assert 'maxlength="1500"' in form and "Hvorfor er du uenig? (frivilligt)" in form
    long = main_text(post_complaint(pages, "/broenderslev/klage?tilbud=sel-86-1", "30.3.2026",
                                    status=400, reason="ord " * 376))
    assert "Skriv højst 1500 tegn. Resten kan du skrive i hånden på brevet." in long
    for full in ("a" * 1480 + "\r\n" * 20, "’" * 1500):
        post_complaint(pages, "/broenderslev/klage?tilbud=sel-86-1", "30.3.2026", reason=full)
    tampered = pages.post("/broenderslev/klage?tilbud=sel-86-1",
                          {"ret": "1", "about": "nope", "day": "99", "reason": "x" * 3000},
                          status=200)
    assert 'class="letter"' not in tampered.get_data(as_text=True)


def test_complaint_letter_is_danish_on_english_pages(pages, now):
    """The letter goes to a Danish authority: on English pages it is still written in
    Danish (marked lang="da"), and an English translation follows it, to read only."""
    now(2026, 4, 2, 10, 0)
    pages.get("/broenderslev/klage?tilbud=sel-86-1&lang=en", lang="en")
    response = post_complaint(pages, "/broenderslev/klage?tilbud=sel-86-1", "30.3.2026",
                              lang="en")
    doc = parse(response)
    letter = next(d for d in doc.iter("div") if d.get("class") == "letter")
    assert letter.get("lang") == "da"
    text = " ".join(" ".join(letter.itertext()).split())
    assert text.startswith("[Dit navn] [Din adresse]")
    assert "Til: Brønderslev Kommune" in text and "Dato: 2. april 2026" in text
    assert "Jeg fik jeres afgørelse den 30. marts 2026" in text
    copy = doc.find(".//textarea")
    assert copy.get("lang") == "da" and copy.text.startswith("[Dit navn]\n")
    assert "Jeg fik jeres afgørelse den 30. marts 2026" in copy.text
    translated = next(d for d in doc.iter("div") if d.get("class") == "letter translated")
    assert translated.get("lang") is None
    english = " ".join(" ".join(translated.itertext()).split())
    assert "30 March 2026" in english and "Dit navn" not in english
    page = main_text(response)
    assert "Deadline" in page or "deadline" in page  # the rest of the page stays English


def test_complaint_after_the_deadline_and_for_a_relative(pages, now):
    now(2026, 6, 1, 10, 0)
    pages.post("/", {"municipality": "broenderslev", "who": "relative"})
    response = post_complaint(pages, "/broenderslev/klage?tilbud=sel-86-1", "2.3.2026")
    page = main_text(response)
    assert "Fristen er overskredet" in page
    assert "på vegne af" in page


def test_complaint_form_errors(pages, now):
    now(2026, 4, 2, 10, 0)
    missing = main_text(pages.post("/broenderslev/klage?tilbud=sel-86-1",
                                   {"about": "decision"}, status=400))
    assert "Der er et problem" in missing
    future = main_text(pages.post("/broenderslev/klage?tilbud=sel-86-1",
                                  {"about": "decision", "day": "1", "month": "5",
                                   "year": "2026"}, status=400))
    assert "Datoen ligger i fremtiden" in future
    pages.get("/broenderslev/klage?tilbud=nope", status=200)  # back to choosing the offer
    pages.get("/ingen-kommune/klage", status=404)
    # no date at all: the form says what to write (it has no "Spring over" button)
    empty = main_text(pages.post("/broenderslev/klage?tilbud=sel-86-1", {"about": "decision"},
                                 status=400))
    assert "Skriv den dag, du fik afgørelsen" in empty and "Spring over" not in empty


def test_complaint_form_chooses_nothing_in_advance(pages, now):
    """Nyborg's § 140 has two complaint routes (treatment and transport): the person picks."""
    now(2026, 4, 2, 10, 0)
    form = pages.get("/nyborg/klage?tilbud=sul-140").get_data(as_text=True)
    radios = re.findall(r'<input[^>]*name="about"[^>]*>', form)
    assert len(radios) >= 2 and not any("checked" in r for r in radios)
    missing = main_text(pages.post("/nyborg/klage?tilbud=sul-140",
                                   {"day": "30", "month": "3", "year": "2026"}, status=400))
    assert "Vælg, hvad du er uenig i." in missing


def test_complaint_form_says_every_mistake_at_once(pages, now):
    """A user test: no choice and no date came back as two pages, one error each. The
    summary names both, in the page's order (choice, date, the person's own words)."""
    now(2026, 4, 2, 10, 0)
    response = pages.post("/nyborg/klage?tilbud=sul-140",
                          {"day": "31", "month": "2", "year": "2026", "reason": "x" * 1501},
                          status=400)
    doc = parse(response)
    summary = doc.find(".//div[@class='alert alert-error error-summary']")
    links = list(summary.iter("a"))
    assert [text_of(a) for a in links] == [
        "Vælg, hvad du er uenig i.",
        "Den dato findes ikke. Tjek dag og måned.",
        "Skriv højst 1500 tegn. Resten kan du skrive i hånden på brevet.",
    ]
    ids = {e.get("id") for e in doc.iter() if e.get("id")}
    assert all(a.get("href").removeprefix("#") in ids for a in links)


def test_the_complaint_helper_leads_back_to_the_result(pages, now):
    """A user test: the back link from an offer's complaint helper went to a list of offers
    the person had never seen. From the result it goes back there, through an error and
    the letter too; opened on its own, it goes to the list."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "broenderslev", "self", PERSONAS["broenderslev"])
    result = parse(pages.get("/broenderslev/resultat"))
    (link,) = [a.get("href") for a in result.iter("a") if a.get("href", "").startswith(
        "/broenderslev/klage?tilbud=sel-86-1")]

    def back(response):
        (a,) = [a for a in parse(response).iter("a") if a.get("class") == "back-link"]
        return a.get("href")

    assert back(pages.get(link)) == "/broenderslev/resultat"
    assert back(pages.post(link, {"about": "decision"}, status=400)) == "/broenderslev/resultat"
    letter_page = post_complaint(pages, link, "2.11.2026")
    assert back(letter_page) == link
    (edit,) = [f for f in parse(letter_page).iter("form") if f.get("action") == link]
    assert back(pages.get("/broenderslev/klage?tilbud=sel-86-1")) == "/broenderslev/klage"


def test_the_last_day_to_complain_is_at_the_top(pages, now):
    """Karim came for his father's last day to complain and found it six screens down, on
    one offer's card (a user test): with a decision date, "Kort fortalt" starts with it."""
    now(2026, 11, 24, 10, 0)
    # without a decision there is no refusal to speak of
    run_flow(pages, "broenderslev", "self", {**PERSONAS["broenderslev"], "age": 74})
    assert "Står der § 86 i afgørelsen" not in main_text(pages.get("/broenderslev/resultat"))
    run_flow(pages, "broenderslev", "relative", {**PERSONAS["broenderslev"], "age": 74,
                                                 "decision_date": "2026-11-11"})
    doc = parse(pages.get("/broenderslev/resultat"))
    summary = text_of(next(s for s in doc.iter("section")
                           if s.get("class") == "result-summary"))
    assert ("Er du uenig i afgørelsen: Din klage skal være modtaget af Brønderslev Kommune "
            "senest onsdag den 9. december 2026.") in summary
    assert "Få hjælp til at skrive klagen" in summary
    # the summary comes before the standard's age and the links
    body = text_of(doc.find(".//main"))
    assert body.index("Kort fortalt") < body.index("Se eller ændr dine svar")
    # a § 86 refusal of a 74-year-old may rest on the wrong law: the card says so, as the
    # complaint helper does (a user test)
    card = card_text(pages, "/broenderslev/resultat", "sel-86-1")
    assert ("Er du 67 år eller mere? Så giver kommunen træningen som en del af helhedspleje "
            "efter Ældreloven, ikke efter Serviceloven § 86. Står der § 86 i afgørelsen, kan "
            "du skrive det i klagen eller spørge kommunen.") in card
    # past it: what to do now
    now(2027, 1, 4, 10, 0)
    late = text_of(next(s for s in parse(pages.get("/broenderslev/resultat")).iter("section")
                        if s.get("class") == "result-summary"))
    assert "Fristen for at klage var onsdag den 9. december 2026." in late


def test_a_relative_straight_to_the_complaint_helper_complains_for_another(pages, now):
    """Karim came from the front page's "Har du fået afslag?" for his father: the letter
    read as if the refusal were his own, in two voices, and never said that a power of
    attorney goes with it (a user test). The form asks whom the complaint is for."""
    now(2026, 11, 24, 10, 0)
    path = "/broenderslev/klage?tilbud=sel-86-1"
    form = parse(pages.get(path))
    radios = {i.get("value"): i for i in form.iter("input") if i.get("name") == "for_whom"}
    assert set(radios) == {"self", "other"} and radios["self"].get("checked") is not None
    response = post_complaint(pages, path, "11.11.2026", for_whom="other",
                              reason="Min far er blevet meget svagere.")
    page = main_text(response)
    assert "Jeg skriver på vegne af [navn og cpr-nummer], som har givet mig fuldmagt" in page
    assert "Vi er uenige, fordi:" in page and "Jeg er uenig, fordi:" not in page
    assert ("Klager du for en anden, så send en fuldmagt med, som den anden har skrevet under. "
            "Eller lad den anden skrive under på klagen sammen med dig.") in page
    edit = next(f for f in parse(response).iter("form") if f.get("action") == path)
    kept = {i.get("name"): i.get("value") for i in edit.iter("input")}
    assert kept["for_whom"] == "other"
    # Brønderslev's standard gives no e-mail address: none is suggested
    assert "Send klagen med Digital Post eller brev, eller aflever den." in page
    assert "e-mail" not in page.lower()
    own = main_text(post_complaint(pages, path, "11.11.2026", for_whom="self"))
    assert "på vegne af" not in own and "fuldmagt" not in own and "Jeg er uenig, fordi:" in own
    # a relative who answered the questions has it chosen already
    pages.post("/", {"municipality": "broenderslev", "who": "relative"})
    form = parse(pages.get(path))
    chosen = [i.get("value") for i in form.iter("input")
              if i.get("name") == "for_whom" and i.get("checked") is not None]
    assert chosen == ["other"]


def letter(pages, path, about, decided):
    """The complaint helper's page after the form, as text."""
    return main_text(post_complaint(pages, path, decided, about))


def test_complaint_to_styrelsen_for_patientklager_from_nyborg(pages, now):
    now(2026, 4, 2, 10, 0)
    page = letter(pages, "/nyborg/klage?tilbud=sul-140", "transport", "30.3.2026")
    assert "Styrelsen for Patientklager, Olof Palmes Allé 18 H, 8200 Aarhus N" in page
    assert "senest mandag den 27. april 2026" in page
    assert "Patientombuddet" in page  # the standard's old name, explained
    # The body takes complaints through its form on borger.dk, a letter only from someone
    # who cannot use it (stpk.dk): the letter is a draft, or for those who may send one.
    assert ("Du klager digitalt på borger.dk. Du logger ind med MitID. Brevet her kan du "
            "bruge som udkast.") in page
    assert ("fx på grund af alder eller sygdom? Eller er du fritaget for Digital Post? Så må "
            "du sende et brev. Skriv i brevet, hvorfor du ikke klager digitalt.") in page
    assert "Du kan også klage med formularen" not in page


def test_complaint_deadline_on_a_saturday_says_to_send_before(pages, now):
    now(2026, 11, 24, 10, 0)
    page = letter(pages, "/broenderslev/klage?tilbud=sel-86-1", "decision", "31.10.2026")
    assert "senest lørdag den 28. november 2026" in page
    assert "Datoen er en lørdag. Sender du klagen med posten, så send den før." in page


def test_broenderslev_partly_upheld_complaint_has_its_own_4_weeks(pages, now):
    """"Får du delvist medhold sender vi en ny afgørelse med klagevejledning, hvorefter har
    du 4 uger til at meddele om klagen fastholdes. Fastholder du din klage, sendes den,
    sammen med genvurdering, til Ankestyrelsen indenfor 14 dage." – on the result page and
    on the complaint page, the person's own step; not on the Ældrelov's card."""
    said = ("Får du delvist medhold, får du en ny afgørelse. Så har du 4 uger til at sige til "
            "kommunen, om du holder fast i klagen. Gør du det, sender kommunen den til "
            "Ankestyrelsen inden for 14 dage.")
    now(2026, 11, 24, 10, 0)
    assert said in letter(pages, "/broenderslev/klage?tilbud=sel-86-1", "decision", "2.11.2026")
    assert "delvist medhold" not in letter(pages, "/broenderslev/klage?tilbud=ael-10",
                                           "decision", "2.11.2026")
    run_flow(pages, "broenderslev", "relative", PERSONAS["broenderslev"])
    assert said in main_text(pages.get("/broenderslev/resultat"))


def test_complaint_to_the_municipality_is_a_letter(pages, now):
    now(2026, 4, 2, 10, 0)
    page = letter(pages, "/broenderslev/klage?tilbud=sel-86-1", "decision", "30.3.2026")
    assert "Brønderslev Kommune" in page
    assert "klagen digitalt" not in page and "MitID" not in page


def test_undated_standard_is_not_called_older_than_the_aeldrelov(pages):
    """Herlev's standard has no date: the top of the page says so, and the § 86 note said
    it was "fra før Ældreloven". What is true of all four standards it is shown for: none
    names the Ældrelov. Said to a person of pension age (or of an age not given), not to a
    44-year-old, who wondered whether "fra 67 år" was about him (a user test)."""
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    assert "Ældreloven går forud" not in main_text(pages.get("/herlev/resultat"))
    pages.post("/slet", {})
    run_flow(pages, "herlev", "self", {**PERSONAS["herlev"], "age": 70})
    page = main_text(pages.get("/herlev/resultat"))
    assert "Kommunens kvalitetsstandard har ingen dato" in page
    assert ("Kommunens kvalitetsstandard nævner ikke Ældreloven, som trådte i kraft 1. juli "
            "2025. Loven går forud: fra 67 år") in page
    assert "fra før Ældreloven" not in page
    assert "Information: Ældreloven går forud Kommunens kvalitetsstandard nævner ikke" in page


def test_a_last_day_to_complain_prints_even_where_the_offer_does_not_fit(pages, now):
    """On paper an offer that does not fit leaves out how to complain (_print.scss hides
    .offer-complaints-general), unless this person has a decision and a last day."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "herlev", "self", {**PERSONAS["herlev"], "request_date": "2026-10-20",
                                       "decision_date": "2026-10-31"})
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    for offer_id, general in (("sel-86-2", False), ("sul-140", True)):
        card = html[html.index(f'id="offer-{offer_id}"'):]
        card = card[:card.index("</section>")]
        assert ("offer-complaints-general" in card) is general, offer_id
        assert ("Sidste dag for at klage er" in card) is not general, offer_id


def folded_card(html, offer_id):
    """(the text folded into an offer card's <details>, or None; the card's text outside it)."""
    card = offer_card(html, offer_id)
    details = re.search(r'<details class="details offer-more">(.*?)</details>', card, re.S)
    if details is None:
        return None, plain_text(card)
    return plain_text(details.group(1)), plain_text(card.replace(details.group(0), ""))


def test_an_offer_that_does_not_fit_folds_away_its_notes_and_general_complaints(pages, now):
    """The result page was long at 200 % text (a user test): an offer that does not fit
    keeps its reasons, the complaint helper and any last day to complain in view, and folds
    its notes and how to complain in general into a <details> (closed)."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "broenderslev", "self", {
        "age": 55, "in_hospital": False, "hospital_plan": "no", "function_loss": "sudden",
        "hospital_treated": False, "self_training_enough": "no", "motivated": True,
        "group_ok": True, "request_date": "2026-11-02", "decision_date": "2026-11-20"})
    html = pages.get("/broenderslev/resultat").get_data(as_text=True)
    assert "offer-more" in html and "offer-more\" open" not in html
    for offer_id in ("sul-140", "sel-86-2"):
        assert f'class="offer offer-unlikely" aria-labelledby="offer-{offer_id}"' in html
    # No decision on § 140 here: how to complain about it is folded away, with the note.
    folded, outside = folded_card(html, "sul-140")
    assert folded.startswith("Mere om tilbuddet og om at klage : Genoptræning efter sygehus")
    assert "Her gælder loven Kommunens egne regler for træning" in folded
    assert "Klag til Styrelsen for Patientklager" in folded
    assert "Derfor passer det nok ikke: Har ikke fået en genoptræningsplan" in outside
    assert "Få hjælp til at skrive en klage" in outside
    assert "Sådan klager du" not in outside and "Information" not in outside
    # A last day to complain stays in view with its route; only the note is folded.
    folded, outside = folded_card(html, "sel-86-2")
    assert folded.startswith("Mere om tilbuddet : Vedligeholdende træning")
    assert "Her gælder loven Kommunens egne regler for træning" in folded and "Sådan klager du" not in folded
    assert "Sådan klager du Er du uenig i afgørelsen: Klag til Brønderslev Kommune" in outside
    assert "Sidste dag for at klage er fredag den 18. december 2026" in outside
    # An offer that fits folds nothing away, not even its note.
    folded, outside = folded_card(html, "sul-119")
    assert folded is None and "Information: Her gælder loven" in outside
    folded, outside = folded_card(html, "sel-86-1")
    assert folded is None and "Sådan klager du" in outside


def test_result_page_complaint_day_on_a_saturday(pages, now):
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "herlev", "self", {**PERSONAS["herlev"], "request_date": "2026-10-20",
                                       "decision_date": "2026-10-31"})
    page = main_text(pages.get("/herlev/resultat"))
    assert ("Sidste dag for at klage er lørdag den 28. november 2026. Datoen er en lørdag. "
            "Sender du klagen med posten, så send den før.") in page


def test_nyborg_own_start_date_and_the_laws_free_choice_read_apart(pages, now):
    """Nyborg's standard: start within 14 hverdage; the law: a private provider may be
    chosen when the start is not offered within 7 days. Both dates are shown, each said as
    whose it is (a usability test read 9 December as the right)."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "nyborg", "self", {**PERSONAS["nyborg"], "discharge_date": "2026-11-19"})
    page = main_text(pages.get("/nyborg/resultat"))
    assert "Kommunens egen frist: Træningen skal starte senest onsdag den 9. december 2026." in page
    # Nyborg counts "efter henvisningen er modtaget"; the dates are counted from discharge,
    # and the page says so (once, after the last of them).
    assert ("senest onsdag den 9. december 2026. Fristerne tæller fra den dag, kommunen får "
            "genoptræningsplanen. Her er regnet fra den dato, du skrev.") in page
    assert ("Har Nyborg Kommune ikke tilbudt dig en tid til at starte senest torsdag den 26. "
            "november 2026, har du ret til at vælge en privat leverandør fra dagen efter. Det "
            "siger loven.") in page


def test_result_page_starts_with_a_short_summary(pages, now):
    """19 phone screens for Inger: the page first says, in a line per offer, what fits, the
    next date and whom to call, each linked to its part further down."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "fredericia", "self", {**PERSONAS["fredericia"],
                                           "discharge_date": "2026-11-23"})
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    summary = html[html.index('<section class="result-summary"'):]
    summary = summary[:summary.index("</section>")]
    links = re.findall(r'<a class="tap-target" href="#(offer-[a-z0-9-]+)">', summary)
    assert len(links) == 6 and all(f'id="{target}"' in html for target in links)
    assert links[0] == "offer-sul-140"  # what fits comes first
    text = text_of(html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(summary))
    assert ("Genoptræning efter sygehus Det ser ud til at passe. Fredericia Kommune skal "
            "kontakte dig senest") in text
    assert "Telefon: 72 10 60 50 (Træning & Forebyggelse)." in text
    # each offer that does not fit says so, or (the Ældrelov alone) where it went instead
    assert text.count("Passer nok ikke.") + text.count("gives træningen i stedet") == sum(
        1 for _ in re.finditer("offer-unlikely", html))


def summary_text(pages, slug):
    html = pages.get(f"/{slug}/resultat").get_data(as_text=True)
    summary = html[html.index('<section class="result-summary"'):]
    summary = summary[:summary.index("</section>")]
    return text_of(html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(summary))


def test_someone_still_waiting_is_led_to_the_complaint_helper(pages, now):
    """A son, his mother home 10 days with a plan and no word from the municipality, passed
    "Har du fået afslag? …": he had no refusal. Behind it stood what he needed: "Venter du
    stadig på kommunen?" and to whom a complaint about waiting goes (a user test)."""
    now(2026, 11, 25, 10, 0)
    run_flow(pages, "fredensborg", "relative", {"age": 63, "in_hospital": False,
                                                "hospital_plan": "yes", "plan_level": "basal",
                                                "discharge_date": "2026-11-15"})
    card = card_text(pages, "/fredensborg/resultat", "sul-140")
    assert "Har du fået afslag, eller venter du stadig? Få hjælp til at klage" in card
    helper = main_text(pages.get("/fredensborg/klage?tilbud=sul-140&fra=resultat"))
    assert "Venter du stadig på kommunen?" in helper
    assert "Vil du klage over ventetiden, så skriv til Fredensborg Kommune." in helper
    # An offer with no complaint about waiting, or one that does not fit, keeps "afslag".
    html = pages.get("/fredensborg/resultat").get_data(as_text=True)
    for offer_id in ("sel-86-2", "sel-86-1"):
        assert "Har du fået afslag? Få hjælp til at skrive en klage" in plain_text(
            offer_card(html, offer_id)), offer_id


def test_summary_says_whom_to_ring_where_no_number_is_known(pages):
    """A 76-year-old in Herlev, whose standard names no contact: "Kort fortalt" said only
    "Det ser ud til at passe.", and the card's "Sådan søger du" was 12 screens down at 200 %
    text (a user test). It now says whom to ring, as the card does."""
    run_flow(pages, "herlev", "self", {"age": 76, "in_hospital": False, "hospital_plan": "no",
                                       "function_loss": "lasting", "pensioner": True,
                                       "care_home": "none", "motivated": True})
    summary = summary_text(pages, "herlev")
    ask = ("Ring til Herlev Kommune, og spørg efter træning. Nummeret står på kommunens "
           "hjemmeside og på borger.dk.")
    assert f"Træning som en del af helhedspleje Det ser ud til at passe. {ask}" in summary
    assert summary.count(ask) == 1  # not for § 119, which the doctor refers to
    # With a number, the number (Fredensborg's Træning & Rehabilitering), not this line.
    run_flow(pages, "fredensborg", "self", PERSONAS["fredensborg"])
    summary = summary_text(pages, "fredensborg")
    assert "Telefon:" in summary and "og spørg efter træning" not in summary


def test_summary_says_what_to_do_when_a_date_has_gone_by(pages, now):
    """Home five weeks: every date of Fredericia's § 140 has gone by. The summary said only
    "Det ser ud til at passe" and a phone number; the latest date, and what to do if it was
    not kept, was far down the page."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "fredericia", "self", {**PERSONAS["fredericia"],
                                           "discharge_date": "2026-10-20"})
    text = summary_text(pages, "fredericia")
    # On the same day the law's free choice has come too: a private provider, now.
    assert ("Genoptræning efter sygehus Det ser ud til at passe. Træningen skulle være startet "
            "senest tirsdag den 27. oktober 2026. Er den ikke det, så kontakt Fredericia "
            "Kommune. Har Fredericia Kommune ikke tilbudt dig en tid til at starte senest "
            "tirsdag den 27. oktober 2026, må du nu vælge en privat leverandør") in text


def test_nyborgs_contact_date_is_a_goal_not_a_promise(pages, now):
    """Nyborg's "er kontaktet indenfor 5 hverdage efter henvisningen er modtaget" stands
    under Kvalitetsmål, beside "Er tilfreds med dit træningstilbud": a goal. The start,
    "Din genoptræning starter senest 14 hverdage", is the standard's promise (a
    fact-check: the contact was said as "skal kontakte dig")."""
    now(2026, 11, 20, 10, 0)
    run_flow(pages, "nyborg", "self", {**PERSONAS["nyborg"], "discharge_date": "2026-11-20"})
    text = summary_text(pages, "nyborg")
    assert ("Nyborg Kommune vil gerne kontakte dig senest fredag den 27. november 2026. Det er "
            "et mål, ikke et løfte.") in text
    assert "Nyborg Kommune skal kontakte dig" not in main_text(pages.get("/nyborg/resultat"))


def test_summary_gives_the_date_gone_by_and_the_next_with_one_note(pages, now):
    """Nyborg counts both dates "efter henvisningen er modtaget" and we count from discharge:
    the contact date has gone by, the start is still to come; the note they rest on is said
    once, after both."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "nyborg", "self", {**PERSONAS["nyborg"], "discharge_date": "2026-11-12"})
    text = summary_text(pages, "nyborg")
    assert ("Nyborg Kommune ville gerne have kontaktet dig senest torsdag den 19. november "
            "2026. Er det ikke sket, så ring til dem. Har Nyborg Kommune ikke tilbudt dig en tid til "
            "at starte senest torsdag den 19. november 2026, må du nu vælge en privat "
            "leverandør")\
        in text
    assert ("Kommunens egen frist: Træningen skal starte senest onsdag den 2. december 2026. "
            "Fristerne tæller fra den dag, kommunen får genoptræningsplanen.") in text
    assert "Fristen tæller" not in text


def test_a_decision_ends_the_dates_before_it(pages, now):
    """Asked 20 October, decision 31 October: "Herlev Kommune skulle have kontaktet dig
    senest 3. november … Er det ikke sket, så ring til dem" was wrong – the decision came."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "herlev", "self", {**PERSONAS["herlev"], "request_date": "2026-10-20",
                                       "decision_date": "2026-10-31"})
    page = main_text(pages.get("/herlev/resultat"))
    assert "skulle have kontaktet dig" not in page and "ring til dem" not in page
    assert ("Herlev Kommune skulle kontakte dig senest tirsdag den 3. november 2026. Du har "
            "fået en afgørelse, så det er sket.") in page
    assert "Sidste dag for at klage er lørdag den 28. november 2026." in page
    assert "skulle kontakte dig" not in summary_text(pages, "herlev")


def test_a_decision_settles_a_contact_date_still_to_come(pages, client, now):
    """Asked 2 March, decision 4 March, today 5 March: the contact date (20 March) is still
    ahead, but the decision has come; no "skal kontakte dig senest" and no calendar event."""
    now(2026, 3, 5, 10, 0)
    run_flow(pages, "fredericia", "self", {
        "age": 60, "in_hospital": False, "hospital_plan": "no", "function_loss": "sudden",
        "hospital_treated": False, "self_training_enough": "no", "motivated": True,
        "group_ok": True, "same_problem_treated": False, "request_date": "2026-03-02",
        "decision_date": "2026-03-04"})
    page = main_text(pages.get("/fredericia/resultat"))
    assert "Fredericia Kommune skal kontakte dig senest" not in page
    assert "Du har fået en afgørelse, så det er sket." in page
    cal = icalendar.Calendar.from_ical(client.get("/fredericia/kalender.ics").data)
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert summaries and not [s for s in summaries if "kontakte dig" in s], summaries


def test_a_calendar_link_without_answers_says_why(client):
    response = client.get("/herlev/kalender.ics")
    assert response.status_code == 302
    assert "Der er ingen svar i denne browser." in client.get("/herlev").get_data(as_text=True)


def test_summary_date_carries_its_warning(pages, now):
    now(2026, 12, 1, 10, 0)
    run_flow(pages, "broenderslev", "relative", PERSONAS["broenderslev"])  # asked 17 Dec
    html = pages.get("/broenderslev/resultat").get_data(as_text=True)
    summary = html[html.index('class="result-summary"'):]
    summary = summary[:summary.index("</section>")]
    assert "torsdag den 24. december 2026" in summary
    assert "Datoen er juleaftensdag. Mange kontorer holder lukket." in summary


def sul_140_card(pages, slug):
    run_flow(pages, slug, "relative", {
        "age": 60, "in_hospital": False, "hospital_plan": "yes", "plan_level": "basal",
        "discharge_date": "2026-03-30"})
    html = pages.get(f"/{slug}/resultat").get_data(as_text=True)
    part = html[html.index('id="offer-sul-140"'):]
    return text_of(html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(
        part[:part.index("</section>")]))


def test_hospital_plan_says_whom_to_call_where_the_standard_names_nobody(pages):
    """Brønderslev's standard covers § 86 only: the § 140 part still says whom to call if
    the municipality does not get in touch (a usability test found no number at all), and
    then whom the standard does name, and for what, with the number (a later user test
    was sent to "the website" with the number two cards further down). Herlev's standard
    names no unit at all: there the page says where the number is."""
    assert ("Sådan kommer du i gang Hører du ikke fra Brønderslev Kommune, så ring, og spørg "
            "efter genoptræning. Kommunens kvalitetsstandard nævner ingen kontakt for dette "
            "tilbud. Ring til Visitationen, som tager sig af genoptræning efter sygdom uden "
            "indlæggelse, og spørg dem, hvem der tager sig af dette tilbud. Visitationen, "
            "Ældre og Hjælpemidler Ring: 99 45 44 20") in sul_140_card(pages, "broenderslev")
    assert ("Sådan kommer du i gang Hører du ikke fra Herlev Kommune, så ring til dem, og "
            "spørg efter genoptræning. Nummeret står på kommunens hjemmeside og på borger.dk."
            ) in sul_140_card(pages, "herlev")


def test_a_plan_from_the_hospital_gives_the_unit_to_call_with_questions(pages):
    """Nyborg's § 140: the hospital sends the plan, so the number under it is for
    questions; it said "Hvem kan kontakte kommunen? Sygehuset." just above the number."""
    card = sul_140_card(pages, "nyborg")
    assert ("Sådan kommer du i gang Har du spørgsmål, eller hører du ikke fra kommunen, så "
            "kontakt: Sundhed og Træning Ring: 63 33 78 72") in card
    assert "Hvem kan kontakte kommunen?" not in card


def test_helhedspleje_in_nyborg_names_the_training_unit_of_its_standard(pages, now):
    """Nyborg's standard is § 140 only: helhedspleje named no contact and said to find the
    number, though the standard's training unit was on the same page."""
    now(2026, 4, 2, 10, 0)
    run_flow(pages, "nyborg", "self", {"age": 75, "in_hospital": False, "hospital_plan": "no",
                                       "function_loss": "sudden", "hospital_treated": False})
    html = pages.get("/nyborg/resultat").get_data(as_text=True)
    card = plain_text(offer_card(html, "ael-10"))
    assert ("Kommunens kvalitetsstandard nævner ingen kontakt for dette tilbud. Ring til "
            "Sundhed og Træning, som tager sig af genoptræning efter sygehus, og spørg dem, "
            "hvem der tager sig af dette tilbud. Sundhed og Træning Ring: 63 33 78 72") in card
    assert "Nummeret står på kommunens hjemmeside" not in card


def test_result_page_says_how_to_complain_to_styrelsen_for_patientklager(pages):
    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    page = main_text(pages.get("/nyborg/resultat"))
    assert ("Klag til Styrelsen for Patientklager. Senest 2 år efter" in page)
    assert ("Du klager digitalt på borger.dk. Du logger ind med MitID. Kan du ikke bruge en "
            "computer, fx på grund af alder eller sygdom? Eller er du fritaget for Digital "
            "Post? Så må du sende et brev. Adresse: Olof Palmes Allé 18 H, 8200 Aarhus N.") in page


def test_a_complaint_body_named_twice_in_an_offer_is_explained_once(pages):
    """Fredericia's § 140: complaints about treatment and about transport both go to
    Styrelsen for Patientklager. How to complain (borger.dk, letter, address, phone) is said
    once; the second route points up to it instead of repeating five lines. It says how
    to send the complaint is above, not that the process is the same (review: Brønderslev's
    Visitationen takes a decision complaint and one about the training's content)."""
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    part = html[html.index('id="offer-sul-140"'):]
    part = text_of(html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(
        part[:part.index("</section>")]))
    assert part.count("Klag til Styrelsen for Patientklager.") == 2
    assert part.count("Olof Palmes Allé 18 H") == 1
    assert ("Klage over en afgørelse om kørsel eller godtgørelse: Klag til Styrelsen for "
            "Patientklager. Senest 4 uger efter, at du har fået afgørelsen. Se ovenfor, "
            "hvordan du sender klagen.") in part


# --------------------------------------------------------------------------- result page


def test_result_page_offers_calendar_phone_status_and_complaint(pages, now):
    now(2026, 4, 17, 13, 0)  # a Friday: Brønderslev's phone is open until 13.30
    answers = {**PERSONAS["broenderslev"], "request_date": "2026-04-16"}
    run_flow(pages, "broenderslev", "self", answers)
    response = pages.get("/broenderslev/resultat")
    html = response.get_data(as_text=True)
    page = main_text(response)
    assert 'href="/broenderslev/kalender/sel-86-1.ics"' in html
    assert "Tilføj datoerne til din kalender (.ics)" in page
    assert "Telefonen er åben nu – til kl. 13.30." in page
    assert 'href="/broenderslev/klage?tilbud=sel-86-1&amp;fra=resultat"' in html
    assert "Kvalitetsstandarden er godkendt 4. december 2023, for over 2 år siden." in page


def test_calendar_file_from_the_session_answers(pages, client, now):
    now(2026, 12, 17, 9, 0)
    run_flow(pages, "broenderslev", "self", PERSONAS["broenderslev"])  # asked 17 December
    response = client.get("/broenderslev/kalender/sel-86-1.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    cal = icalendar.Calendar.from_ical(response.data)
    events = cal.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    # 5 hverdage after Thursday 17 December: 18, 21, 22, 23, 24 December
    assert event.decoded("DTSTART").isoformat() == "2026-12-24"
    assert "afgørelse" in str(event["SUMMARY"])
    description = str(event["DESCRIPTION"])
    assert "juleaftensdag" in description  # the spec's warning for 24 December
    assert "99 45 44 20" in description
    assert len(event.walk("VALARM")) == 1  # a week's warning is for complaints only


def test_calendar_file_for_every_offer(pages, client, now):
    now(2026, 3, 30, 9, 0)
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])  # discharged 30 March
    cal = icalendar.Calendar.from_ical(client.get("/fredericia/kalender.ics").data)
    days = sorted((e.decoded("DTSTART").isoformat(), str(e["SUMMARY"]))
                  for e in cal.walk("VEVENT"))
    assert [d for d, _ in days] == ["2026-04-03", "2026-04-06", "2026-04-07"]
    assert "kontakte dig" in days[0][1]            # "på 4.-dagen" (day 0 = discharge)
    assert "starte" in days[1][1]                  # start within 7 days
    assert "privat leverandør" in days[2][1]       # free choice from the day after


def test_an_offer_that_does_not_fit_puts_only_its_complaint_day_in_the_calendar(
        pages, client, now):
    """A plan on specialiseret niveau: Herlev's § 140 does not fit (the hospital gives the
    training, ASSESSMENT §4.2), yet the calendar had "you may now choose a private
    provider" for it. Of an offer that does not fit, only a refusal's last day to complain
    goes in the calendar."""
    now(2026, 3, 30, 9, 0)
    run_flow(pages, "herlev", "self", {
        "age": 55, "in_hospital": False, "hospital_plan": "yes", "plan_level": "specialised",
        "discharge_date": "2026-03-30", "function_loss": "sudden"})
    html = pages.get("/herlev/resultat").get_data(as_text=True)
    assert 'href="/herlev/kalender/sul-140.ics"' not in html
    assert client.get("/herlev/kalender/sul-140.ics").status_code == 404
    # A refusal of § 86 stk. 1 with a decision date (the scenario "Afslag modtaget 1.
    # april"; the questionnaire asks no dates of an offer that does not fit, the API
    # does take them): of its dates, only the complaint's stays, in the assessment itself
    # (so in the API too) and in the calendar.
    from webapp.domain.answers import Answers
    from webapp.domain.assess import assess
    from webapp.extras_texts import upcoming
    answers = Answers.model_validate({
        "age": 48, "function_loss": "sudden", "hospital_treated": False, "motivated": False,
        "request_date": "2026-03-30", "decision_date": "2026-04-01"})
    offer = next(o for o in assess("fredensborg", answers, date(2026, 3, 31)).offers
                 if o.id == "sel-86-1")
    assert offer.verdict == "unlikely" and [d.kind for d in offer.deadlines] == ["complaint"]
    assert [d.kind for d in upcoming(offer, date(2026, 3, 31))] == ["complaint"]


def test_calendar_reminders_read_right_the_day_before(pages, client, now):
    """The reminder goes off the day before: "I morgen må du vælge en privat
    leverandør", never "I morgen: Fra i dag må du …"."""
    now(2026, 3, 30, 9, 0)
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])  # discharged 30 March
    cal = icalendar.Calendar.from_ical(client.get("/fredericia/kalender.ics").data)
    reminders = {str(e["SUMMARY"]): str(e.walk("VALARM")[0]["DESCRIPTION"])
                 for e in cal.walk("VEVENT")}
    free_choice = [r for s, r in reminders.items() if "privat leverandør" in s]
    assert free_choice, reminders
    for reminder in reminders.values():
        assert "Fra i dag" not in reminder, reminder
        assert reminder.startswith("I morgen"), reminder
    assert free_choice[0].startswith("I morgen må du vælge en privat leverandør, hvis kommunen "
                                     "ikke har tilbudt dig start ("), free_choice


def test_a_deadline_to_plan_or_start_is_called_so_in_the_calendar(pages, client, now):
    """Fredensborg: "Senest 10 hverdage efter modtagelse af henvendelsen … skal
    genoptræningen være planlagt og/eller iværksat." Its event said "Kommunens frist for at
    starte din træning" (review)."""
    now(2026, 3, 30, 9, 0)
    run_flow(pages, "fredensborg", "self", PERSONAS["fredensborg"])
    cal = icalendar.Calendar.from_ical(client.get("/fredensborg/kalender.ics").data)
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert ("Kommunens frist for at planlægge eller starte din træning (Genoptræning efter "
            "sygdom uden indlæggelse)") in summaries, summaries
    assert not [s for s in summaries if s.startswith("Kommunens frist for at starte")]


def test_calendar_needs_a_visit_and_deadlines(client, pages, now):
    now(2026, 3, 30, 9, 0)
    assert client.get("/herlev/kalender.ics").status_code == 302  # no answers: start page
    run_flow(pages, "aarhus", "self", PERSONAS["aarhus"])
    assert client.get("/aarhus/kalender.ics").status_code == 404  # no dates given
    assert client.get("/aarhus/kalender/nope.ics").status_code == 404


# --------------------------------------------------------------------------- every municipality


def test_a_municipality_without_a_standard_is_assessed_on_national_rules(pages, client):
    start = main_text(pages.get("/aarhus"))
    assert "Vi har ikke Aarhus Kommunes egen kvalitetsstandard endnu" in start
    run_flow(pages, "aarhus", "self", PERSONAS["aarhus"])
    result = main_text(pages.get("/aarhus/resultat"))
    assert "Vi har ikke Aarhus Kommunes egen kvalitetsstandard endnu" in result
    assert "Det giver loven alle" in result
    assert "inden for 7 dage efter udskrivelsen" in result
    assert "Ellers må du vælge en privat leverandør" in result
    api = client.post("/api/v1/assessment", json={"municipality": "751", "answers": {}})
    assert {o["source"] for o in api.get_json()["offers"]} == {"national"}


def test_start_page_lists_all_98_and_labels_those_without_a_standard(pages):
    doc = parse(pages.get("/"))
    options = [o for o in doc.iter("option") if o.get("value")]
    assert len(options) == 98
    labelled = {o.get("value") for o in options if "uden egen kvalitetsstandard" in text_of(o)}
    assert len(labelled) == 93 and not labelled & set(FIVE)


def test_old_standard_warns_with_the_contact(pages):
    nyborg = main_text(pages.get("/nyborg"))
    assert "Kommunens kvalitetsstandard er ikke ny" in nyborg
    # After the Start button: above it, the warning put the button three phone screens down.
    html = pages.get("/nyborg").get_data(as_text=True)
    assert html.index('type="submit"') < html.index("Kommunens kvalitetsstandard er ikke ny")
    assert re.search(r"for (over |næsten )?(8|9|10) år siden", nyborg)
    assert "63 33 78 72" in nyborg and "traeningsafdeling@nyborg.dk" in nyborg
    fredensborg = main_text(pages.get("/fredensborg"))
    assert "ikke ny" not in fredensborg
    assert re.search(r"for (under et|(over |næsten )?[12]) år siden", fredensborg)


@pytest.mark.parametrize(("today", "lang", "said"), [
    # Brønderslev's standard, approved 4 December 2023 (the usability test's day: almost 3)
    ("2026-11-24", "da", "godkendt 4. december 2023, for næsten 3 år siden."),
    ("2026-09-04", "da", "godkendt 4. december 2023, for næsten 3 år siden."),  # 2 y 9 m
    ("2026-09-03", "da", "godkendt 4. december 2023, for over 2 år siden."),
    ("2026-04-17", "da", "godkendt 4. december 2023, for over 2 år siden."),
    ("2025-12-04", "da", "godkendt 4. december 2023, for 2 år siden."),
    ("2025-01-10", "da", "godkendt 4. december 2023, for over 1 år siden."),
    ("2024-09-04", "da", "godkendt 4. december 2023, for næsten 1 år siden."),
    ("2024-06-01", "da", "godkendt 4. december 2023, for under et år siden."),
    ("2026-11-24", "en", "approved on 4 December 2023, almost 3 years ago."),
    ("2026-04-17", "en", "approved on 4 December 2023, over 2 years ago."),
])
def test_the_standards_age_is_rounded_honestly(app, today, lang, said):
    from datetime import date

    from webapp.domain.freshness import freshness
    from webapp.extras_texts import freshness_text

    approved, day = date(2023, 12, 4), date.fromisoformat(today)
    with app.test_request_context(f"/?lang={lang}"):
        assert freshness_text(freshness(approved, day)).endswith(said)


def test_a_new_rules_file_is_picked_up_with_no_code_change(tmp_path):
    rules = Path(__file__).resolve().parents[2] / "rules"
    copy = tmp_path / "rules"
    shutil.copytree(rules, copy)
    text = (rules / "municipalities" / "fredensborg.yaml").read_text(encoding="utf-8")
    text = (text.replace("slug: fredensborg", "slug: hilleroed")
                .replace('code: "210"', 'code: "219"')
                .replace("name: Fredensborg Kommune", "name: Hillerød Kommune"))
    (copy / "municipalities" / "hilleroed.yaml").write_text(text, encoding="utf-8")

    app = create_app({"TESTING": True, "RULES_DIR": str(copy)})
    client = app.test_client()
    listed = {m["slug"]: m for m in client.get("/api/v1/municipalities").get_json()["municipalities"]}
    assert len(listed) == 98
    assert listed["hilleroed"] == {"slug": "hilleroed", "code": "219", "name": "Hillerød Kommune",
                                   "region": "Region Hovedstaden", "standard": True}
    assessed = client.post("/api/v1/assessment", json={"municipality": "219", "answers": {}})
    assert next(o for o in assessed.get_json()["offers"] if o["id"] == "sel-86-1")["source"] == \
        "municipal"
    assert "Hillerød Kommune" in client.get("/sammenlign").get_data(as_text=True)
    professional = client.get("/hilleroed/fagperson").get_data(as_text=True)
    assert "egen kvalitetsstandard endnu" not in professional
    assert "41 95 45 10" in professional
    # the repository's own rules are untouched
    assert not (rules / "municipalities" / "hilleroed.yaml").exists()


def test_complaint_deadline_as_a_calendar_file(pages, client, now):
    now(2026, 4, 2, 10, 0)
    letter = post_complaint(pages, "/broenderslev/klage?tilbud=sel-86-1",
                            "30.3.2026").get_data(as_text=True)
    assert 'action="/broenderslev/klage/kalender.ics?tilbud=sel-86-1"' in letter
    token = re.search(r'name="csrf_token" value="([^"]+)"', letter).group(1)
    response = client.post("/broenderslev/klage/kalender.ics?tilbud=sel-86-1", data={
        "csrf_token": token, "about": "decision", "day": "30", "month": "3", "year": "2026"})
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    (event,) = icalendar.Calendar.from_ical(response.data).walk("VEVENT")
    assert event.decoded("DTSTART").isoformat() == "2026-04-27"
    assert "Rådhusgade 5" in str(event["DESCRIPTION"])
    # The complaint must reach the municipality by that day: reminded the day before and,
    # in time for a letter, a week before (09:00 on 20 April).
    alarms = {str(a["TRIGGER"].to_ical(), "ascii"): str(a["DESCRIPTION"])
              for a in event.walk("VALARM")}
    assert alarms["-PT15H"].startswith("I morgen: Sidste dag for din klage")
    assert alarms["-P6DT15H"] == ("Om en uge: Sidste dag for din klage (Genoptræning efter "
                                  "sygdom uden indlæggelse). Send klagen i god tid.")
    # Less than a week left: no alarm that is already past (it would go off on import), but
    # with 3 days or more, one 3 days before, in time to post a letter (a user test found
    # the evening before too late).
    now(2026, 4, 22, 10, 0)
    late = client.post("/broenderslev/klage/kalender.ics?tilbud=sel-86-1", data={
        "csrf_token": token, "about": "decision", "day": "30", "month": "3", "year": "2026"})
    (event,) = icalendar.Calendar.from_ical(late.data).walk("VEVENT")
    alarms = {str(a["TRIGGER"].to_ical(), "ascii"): str(a["DESCRIPTION"])
              for a in event.walk("VALARM")}
    assert set(alarms) == {"-PT15H", "-P2DT15H"}  # 09:00 on 24 April, 3 days before
    assert alarms["-P2DT15H"].startswith("Om 3 dage: Sidste dag for din klage")
    now(2026, 4, 25, 10, 0)
    later = client.post("/broenderslev/klage/kalender.ics?tilbud=sel-86-1", data={
        "csrf_token": token, "about": "decision", "day": "30", "month": "3", "year": "2026"})
    (event,) = icalendar.Calendar.from_ical(later.data).walk("VEVENT")
    assert len(event.walk("VALARM")) == 1
    # without a valid date there is nothing to put in a calendar
    bad = client.post("/broenderslev/klage/kalender.ics?tilbud=sel-86-1", data={
        "csrf_token": token, "about": "decision"})
    assert bad.status_code == 400
    assert "Skriv den dag, du fik afgørelsen." in bad.get_data(as_text=True)
    # a date that is no date says so, as the letter's form does (a fuzzing session got
    # "Der gik noget galt med formularen")
    bad = client.post("/broenderslev/klage/kalender.ics?tilbud=sel-86-1", data={
        "csrf_token": token, "about": "decision", "day": "30", "month": "2", "year": "2025"})
    page = bad.get_data(as_text=True)
    assert bad.status_code == 400 and "<h1>Datoen kan ikke bruges</h1>" in page
    assert "Der gik noget galt med formularen" not in page


def test_possessive_is_the_danish_genitive(app):
    from webapp.extras_texts import possessive

    with app.test_request_context("/?lang=da"):
        assert possessive("Aarhus Kommune") == "Aarhus Kommunes"
        assert possessive("Bornholms Regionskommune") == "Bornholms Regionskommunes"
        assert possessive("Lars") == "Lars'"
    with app.test_request_context("/?lang=en"):
        assert possessive("Aarhus Kommune") == "Aarhus Kommune"  # the catalog adds "'s"


@pytest.mark.parametrize("slug", ["nyborg", "herlev", "fredericia", "fredensborg",
                                  "broenderslev", "aarhus"])
def test_the_gp_page_speaks_of_the_patient(pages, slug):
    """On /<slug>/fagperson "du" is the doctor: what the municipality does for the patient
    says "patienten" (it said "Kommunen kontakter dig" and "hvad du har brug for")."""
    text = main_text(pages.get(f"/{slug}/fagperson"))
    for sentence in re.split(r"(?<=[.;:?!])\s+", text):
        if re.search(r"\b(dig|din|dit|dine)\b", sentence) or re.search(
                r"\b(må du|du har brug|du kan få det bedre|du kan være med)\b", sentence):
            raise AssertionError(f"{slug}: {sentence}")
    assert "patienten" in text


def test_a_start_goal_is_said_as_the_standard_gives_it(pages, now):
    """Fredensborg: "Senest 10 hverdage … skal genoptræningen være planlagt og/eller
    iværksat" was shown as "Træningen skal starte senest"; Fredericia: "Det tilstræbes at du
    starter … senest 4 uger efter at henvendelsen er modtaget" was shown as a deadline."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "fredensborg", "self", {**PERSONAS["fredensborg"],
                                            "request_date": "2026-12-17"})
    page = main_text(pages.get("/fredensborg/resultat"))
    assert ("Kommunens egen frist: Træningen skal være planlagt eller startet senest mandag "
            "den 4. januar 2027.") in page
    assert "Træningen skal starte senest" not in page
    # "Borgeren bliver senest 5 hverdage efter henvendelsen kontaktet med forslag til en tid
    # til vurdering": "Kommunen kontakter dig med en tid" read as a time to train (a
    # fact-check)
    assert ("Fredensborg Kommune skal kontakte dig senest torsdag den 24. december 2026 med "
            "forslag til en tid, hvor en terapeut vurderer, hvad du har brug for.") in page
    assert "kontakter dig med en tid" not in page
    comparison = main_text(pages.get("/sammenlign?tilbud=sel-86-1"))
    assert ("Kommunen kontakter dig senest 5 hverdage efter din henvendelse med forslag til en "
            "tid, hvor en terapeut vurderer, hvad du har brug for.") in comparison
    gp = main_text(pages.get("/fredensborg/fagperson"))
    assert ("Kommunen kontakter patienten senest 5 hverdage efter henvendelsen med forslag til "
            "en tid, hvor en terapeut vurderer, hvad patienten har brug for.") in gp
    run_flow(pages, "fredericia", "self", {"age": 60, "in_hospital": False,
                                           "hospital_plan": "no", "function_loss": "sudden",
                                           "hospital_treated": False, "motivated": True,
                                           "request_date": "2026-11-24"})
    page = main_text(pages.get("/fredericia/resultat"))
    assert ("Kommunen vil gerne have, at din træning starter senest tirsdag den 22. december "
            "2026. Det er et mål, ikke et løfte.") in page
    assert "Træningen skal starte senest" not in page
    gp = main_text(pages.get("/fredericia/fagperson"))
    assert ("Kommunens mål (ikke et løfte): Træningen starter senest 4 uger efter "
            "henvendelsen.") in gp


def test_two_addresses_for_one_body_say_whom_to_ring(pages):
    """Brønderslev gives Visitationen in Dronninglund (Rådhusgade 5) for decisions and in
    Brønderslev (Ny Rådhusplads 1) for the content of the training, with one phone number.
    A user test saw both on one card and could not tell where the letter should go."""
    run_flow(pages, "broenderslev", "self", PERSONAS["broenderslev"])
    card = card_text(pages, "/broenderslev/resultat", "sel-86-1")
    assert "Rådhusgade 5, 9330 Dronninglund" in card and "Ny Rådhusplads 1, 9700 Brønderslev" in card
    assert ("Kommunens kvalitetsstandard giver to adresser for Visitationen. Er du i tvivl om, "
            "hvor klagen skal hen, så ring på 99 45 44 20.") in card
    # one address each, or bodies of different names: nothing to say
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])
    assert "giver to adresser" not in main_text(pages.get("/fredericia/resultat"))


def test_herlevs_kvalitetsmaal_are_said_as_goals(pages, now):
    """Herlev gives its 10 hverdage and 14 dage only in the list "Hvad er Herlev Kommunes
    kvalitetsmål?", beside "At borgerne i Herlev Kommune kender tilbuddet om genoptræning":
    goals, as Nyborg's Kvalitetsmål, not promises (a fact-check: they were said as "skal")."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "herlev", "self", {**PERSONAS["herlev"], "request_date": "2026-11-23"})
    page = main_text(pages.get("/herlev/resultat"))
    assert ("Herlev Kommune vil gerne kontakte dig senest mandag den 7. december 2026 for at "
            "aftale et visitationsbesøg. Det er et mål, ikke et løfte.") in page
    assert "Kommunens mål (ikke et løfte): Træningen starter senest 14 dage efter " \
           "visitationsbesøget." in page
    assert "Herlev Kommune skal kontakte" not in page
    ics = pages.client.get("/herlev/kalender/sel-86-1.ics").get_data(as_text=True)
    assert "BEGIN:VEVENT" in ics
    assert "Sidste dag for kommunen" not in ics
    comparison = main_text(pages.get("/sammenlign?tilbud=sel-86-1"))
    assert ("Kommunens mål (ikke et løfte): Kommunen kontakter dig senest 10 hverdage efter din "
            "henvendelse for at aftale et visitationsbesøg.") in comparison
    # and the page no longer calls every figure a promise (a user test)
    assert "selv har lovet" not in comparison
    assert "Nogle er løfter, andre er mål. Se også, hvilken dag en frist tæller fra" in comparison


def test_what_the_standards_say_of_visits_choice_and_absence_is_shown(pages, now):
    """In the rules but on no page (a review found): Brønderslev "Efter den første
    kontakt/henvendelse vil en visitator aflægge dig et besøg", "Du kan ikke frit vælge
    leverandør", "Du skal melde afbud til leverandøren, hvis du fx er på ferie eller er væk
    fra hjemmet i længere tid"; Nyborg "frit valg hos andre kommuners institutioner, i det
    omfang den valgte kommune har kapacitet til det"."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "broenderslev", "self", PERSONAS["broenderslev"])
    page = main_text(pages.get("/broenderslev/resultat"))
    assert ("Før kommunen afgør det, mødes en visitator med dig for at se, hvad du har brug "
            "for. Det kan være hjemme hos dig.") in page
    assert "Du kan ikke selv vælge, hvem der træner dig." in page
    assert ("Skal du på ferie eller være væk hjemmefra i længere tid, så meld afbud til dem, "
            "der træner dig.") in page
    # Herlev names no unit for § 86 stk. 1 ("Ring til Herlev Kommune …"), but its visit is
    # still said: "At der foretages visitation i hjemmet eller på træningscentret". And the
    # phone's "lukket nu" stays next to the phone number, before what follows.
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    page = main_text(pages.get("/herlev/resultat"))
    assert ("Ring til Herlev Kommune, og spørg efter træning. Nummeret står på kommunens "
            "hjemmeside og på borger.dk. Før kommunen afgør det, mødes en visitator med dig") in page
    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])
    page = main_text(pages.get("/fredericia/resultat"))
    assert page.index("Telefonen er lukket nu.") < page.index("Siger du nej tak til den tid")
    run_flow(pages, "nyborg", "self", {**PERSONAS["nyborg"], "discharge_date": "2026-11-19"})
    page = main_text(pages.get("/nyborg/resultat"))
    assert ("Du må også vælge at træne i en anden kommune, hvis den har plads, og hvis "
            "træningen er den samme, som du har fået.") in page


def test_how_the_start_time_comes_is_said(pages, now):
    """Nyborg: "Du vil få tilsendt tidspunktet for opstart af genoptræningen til din
    digitale postkasse. Hvis du er fritaget for digital postkasse, vil Sundhed og Træning
    kontakte dig pr. brev" and "Hvis ikke genoptræningen kan startes inden for tidsfristen,
    modtager du et brev"; Fredericia: "Vælger du at sige nej tak til den tilbudte tid, kan
    vi ikke garantere en ny tid inden for de 7 dage"."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "nyborg", "self", {**PERSONAS["nyborg"], "discharge_date": "2026-11-19"})
    page = main_text(pages.get("/nyborg/resultat"))
    assert ("Du får tiden for den første træning i din digitale postkasse (e-Boks eller "
            "mit.dk). Er du fritaget for Digital Post, får du et brev.") in page
    assert "Kan træningen ikke starte til tiden, får du et brev om, hvor længe" in page
    run_flow(pages, "fredericia", "self", {**PERSONAS["fredericia"],
                                           "discharge_date": "2026-11-23"})
    page = main_text(pages.get("/fredericia/resultat"))
    assert ("Siger du nej tak til den tid, du får tilbudt, kan kommunen ikke love dig en ny "
            "tid inden for 7 dage efter, at du kom hjem. Du får den næste ledige tid.") in page
    assert "e-Boks" not in page


def test_what_happens_at_the_start_is_not_said_to_happen_at_the_end(pages, now):
    """Nyborg: "Du og terapeuten vil ved det første møde sammen afklare dine mål …" was
    listed under "Når træningen slutter"; it is under "Undervejs" now."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "nyborg", "self", {**PERSONAS["nyborg"], "discharge_date": "2026-11-19"})
    page = main_text(pages.get("/nyborg/resultat"))
    assert "Undervejs Terapeuten laver en plan med dig: hvor, hvordan og hvor tit." in page
    assert "Når træningen slutter Terapeuten laver en plan" not in page


def test_the_own_teams_conditions_are_not_reasons_it_fits(pages, now):
    """Fredericia: "Du kan vælge at få din vederlagsfri fysioterapi hos en
    privatpraktiserende fysioterapeut med ydernummer eller … hos Træning & Forebyggelse …,
    hvis du har et svært fysisk handicap på baggrund af en neurologisk lidelse." Failing the
    own team's conditions was listed under "Derfor ser det ud til at passe"."""
    now(2026, 11, 24, 10, 0)
    part = fredericia_140a_text(pages, {"group_ok": False, "disability_cause": "progressive"})
    fits, but = part.split("Men kommunens eget hold passer nok ikke:", 1)
    assert "Derfor ser det ud til at passe:" in fits
    assert "Kommunens eget hold er kun for det." not in fits
    assert "Kommunens eget hold er kun for det." in but
    assert "Kan ikke deltage i træning på hold." in but
    assert "Du kan stadig få tilbuddet et andet sted, fx hos en privat fysioterapeut." in but
    # Not answered: the own team's conditions are not what the offer "depends on" (review).
    part = fredericia_140a_text(pages, until="Sådan foregår det")
    assert "om handicappet skyldes en neurologisk sygdom" not in part
    assert "om personen kan træne på hold" not in part
    # The GP reads them as the own team's, not as the offer's target group.
    terms = gp_terms(pages, "fredericia", "sul-140a")
    assert "neurologisk" not in terms[terms.index("Målgruppe") + 1]
    assert terms[terms.index("Kommunens eget hold") + 1].startswith(
        "fra 18 år; svært fysisk handicap (varer mindst 5 år); neurologisk")
    assert terms[terms.index("Kommunens eget hold") + 1].endswith(
        "Andre kan gå til en privat fysioterapeut med ydernummer.")


def test_the_own_teams_frequency_and_rules_are_said_to_be_the_own_teams(pages):
    """Fredericia § 140 a: 'Du kan vælge at få din vederlagsfri fysioterapi hos en
    privatpraktiserende fysioterapeut med ydernummer eller du kan få den hos Træning &
    Forebyggelse …' and, of the municipality's team only, 'Træning på hold 1 x ugentligt á 1
    times varighed'. Someone going to a private physiotherapist must not read the team's
    form, hours and rules as theirs; the year the referral lasts holds for both."""
    part = fredericia_140a_text(pages, until="Sådan klager du")
    page = main_text(pages.get("/fredericia/resultat"))
    note = ("Det, der står om hold, hvor tit, træningstider, afbud og indhold, gælder kun "
            "kommunens eget hold. Går du til en privat fysioterapeut, aftaler du det med "
            "fysioterapeuten.")
    assert part.index("Sted: hos en privat fysioterapeut") < part.index(note) \
        < part.index("Form: på hold.")
    assert note not in page.replace(part, "")  # only where a private provider is the other way
    terms = gp_terms(pages, "fredericia", "sul-140a")
    assert terms[terms.index("Omfang") + 1] == (
        "Lægens henvisning gælder i 12 måneder. Så skal den fornyes hos egen læge. "
        "På kommunens eget hold: 1 gang om ugen, 60 minutter hver gang.")
    # § 86 stk. 1: "tidsmæssigt begrænset til den periode, hvor funktionsniveauet fortsat
    # kan forbedres gennem yderligere træning"
    terms = gp_terms(pages, "fredericia", "sel-86-1")
    assert terms[terms.index("Omfang") + 1].startswith(
        "Så længe mere træning kan gøre funktionsevnen bedre.")
    comparison = main_text(pages.get("/sammenlign"))
    assert "På kommunens eget hold: 1 gang om ugen, 60 minutter hver gang." in comparison
    assert "På kommunens eget hold: Meld afbud senest dagen før." in comparison
    terms = gp_terms(pages, "herlev", "sel-86-1")
    assert terms[terms.index("Omfang") + 1] == "1-3 gange om ugen (som regel). Højst 10 uger."


def test_the_minimum_own_expense_is_said_without_a_figure_from_the_standard(pages, now):
    """ASSESSMENT.md §4.4: "Reimbursement only above a minimum own expense per visit". Only
    Nyborg's standard gives the amounts; elsewhere the rule was left out."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "fredericia", "self", {**PERSONAS["fredericia"],
                                           "discharge_date": "2026-11-23"})
    page = main_text(pages.get("/fredericia/resultat"))
    assert ("Godtgørelse gives kun, når dine udgifter til transport er over et mindstebeløb pr. "
            "træningsbesøg. Spørg kommunen om beløbet.") in page
    run_flow(pages, "nyborg", "self", {**PERSONAS["nyborg"], "discharge_date": "2026-11-19"})
    page = main_text(pages.get("/nyborg/resultat"))
    # Nyborg: "hvis din udgift overstiger 25 kr. pr. træningsbesøg" ("turen … pr. gang" read
    # as one way; a fact-check)
    assert "mindstebeløb" not in page
    assert "er over 25 kr. pr. træningsbesøg for pensionister" in page
    # The comparison's transport row says it from the same place (texts.reimbursement_line).
    comparison = main_text(pages.get("/sammenlign?tilbud=sul-140"))
    assert comparison.count("over et mindstebeløb pr. træningsbesøg. Spørg kommunen om "
                            "beløbet.") == 1  # Fredericia; Nyborg gives the amounts
    assert comparison.count("er over 25 kr. pr. træningsbesøg for pensionister") == 1


def test_the_comparison_says_the_86_figures_apply_under_67(pages):
    """ASSESSMENT.md §4.1: from 67, training is given under the Ældrelov, not § 86. The
    comparison's § 86 tables (standards older than the law) said nothing of it."""
    page = main_text(pages.get("/sammenlign"))
    limit = ("Gælder kun for personer under 67 år. Fra 67 år gives træningen efter Ældreloven, som en del "
             "af helhedspleje.")
    assert page.count(limit) == 2  # § 86 stk. 1 and stk. 2
    section_140 = page[page.index("Genoptræning efter sygehus (Sundhedsloven § 140)"):]
    assert limit not in section_140.split("Serviceloven § 86")[0]


def test_the_handout_says_which_age_each_offer_is_for(pages):
    """A 75-year-old could not tell § 86 from the Ældrelov's training on the GP's handout:
    the law splits them at 67 (ASSESSMENT.md §4.1)."""
    page = main_text(pages.get("/herlev/fagperson/udskriv"))
    assert "Genoptræning efter sygdom uden indlæggelse (under 67 år)." in page
    assert "Vedligeholdende træning (under 67 år)." in page
    assert "Træning som en del af helhedspleje (fra 67 år)." in page
    assert "Genoptræning efter sygehus." in page


def test_one_decision_gives_one_complaint_event(pages, now):
    """Brønderslev, a decision on § 86 stk. 1 received 23 November: the calendar file had
    three "Sidste dag for din klage" on the same day (§ 86 stk. 1, stk. 2 and the
    Ældrelov's training, which share the municipality's 4 weeks). One, and it names no
    offer: the date is the decision's, whichever offer it was about."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "broenderslev", "self", {**PERSONAS["broenderslev"], "age": 58,
                                             "request_date": "2026-11-20",
                                             "decision_date": "2026-11-23"})
    ics = pages.client.get("/broenderslev/kalender.ics").get_data(as_text=True).replace(
        "\r\n ", "")
    summaries = [line for line in ics.splitlines() if line.startswith("SUMMARY")]
    complaints = [s for s in summaries if "klage" in s]
    assert complaints == ["SUMMARY;LANGUAGE=da:Sidste dag for at klage over kommunens afgørelse"]
    assert "DTSTART;VALUE=DATE:20261221" in ics


def test_disability_transport_is_said_to_need_a_grant(pages):
    """Brønderslev: 'Hvis du har behov for kørsel, kan du benytte NT Flextur eller NT
    Handicapkørsel (hvis du er bevilget handicapkørsel).' The condition is kept, on the
    result page and in the comparison."""
    said = "NT Flextur eller NT Handicapkørsel (kun hvis du har fået den bevilget)."
    run_flow(pages, "broenderslev", "relative", PERSONAS["broenderslev"])
    assert "Du kan bruge: " + said in main_text(pages.get("/broenderslev/resultat"))
    assert "Du kan bruge: " + said in main_text(pages.get("/sammenlign"))
    answer = pages.client.post("/api/v1/assessment", json={
        "municipality": "broenderslev", "answers": {}}).get_json()
    costs = {o["id"]: o for o in answer["offers"]}["sel-86-1"]["costs"]
    assert costs["transport_alternatives"] == [
        {"name": "NT Flextur", "if_granted": False, "text": "NT Flextur"},
        {"name": "NT Handicapkørsel", "if_granted": True,
         "text": "NT Handicapkørsel (kun hvis du har fået den bevilget)"}]


def test_a_goal_whose_first_day_the_standard_does_not_name_says_so_to_the_gp(pages):
    """Brønderslev: 'Sagsbehandlingstid: Op til 5 hverdage.' — from when, it does not say.
    The citizen's dated text says so; the GP's page and the comparison, which give the goal
    without a date, said 'efter henvendelsen' as if the standard did."""
    caveat = "Kommunen skriver ikke, fra hvilken dag fristen tæller. Dagen er vores bud."
    gp = main_text(pages.get("/broenderslev/fagperson"))
    assert ("Patienten får en skriftlig afgørelse senest 5 hverdage efter henvendelsen. "
            + caveat) in gp
    assert ("Du får en skriftlig afgørelse senest 5 hverdage efter din henvendelse. " + caveat) \
        in main_text(pages.get("/sammenlign"))
    assert caveat not in main_text(pages.get("/fredensborg/fagperson"))


def test_hannerup_start_is_said_for_hannerup_only(pages):
    """Fredericia § 140: "Borgere i midlertidigt ophold på Hannerup Pleje og
    Rehabiliteringscenter starter genoptræningen 1. hverdag efter ankomsten" - not any
    temporary stay."""
    page = main_text(pages.get("/fredericia/fagperson"))
    assert ("Ved et midlertidigt ophold på Hannerup Pleje og Rehabiliteringscenter: Træningen "
            "starter senest 1 hverdag efter ankomsten.") in page
    assert "Ved et midlertidigt ophold: " not in page


def test_gp_page_says_the_doctor_judges_vederlagsfri_fysioterapi(pages):
    """Fredericia: "Henvisning til vederlagsfri fysioterapi skal fornyes årligt hos egen
    læge" - the way in is the doctor's referral, so the doctor judges the diagnosis (the
    result page says "Din læge vurderer" too)."""
    terms = gp_terms(pages, "fredericia", "sul-140a")
    assert "Lægen vurderer" in terms and "Kommunen vurderer" not in terms
    assert "Kommunen vurderer" in gp_terms(pages, "fredericia", "sel-86-1")


def test_no_free_choice_beside_a_private_physiotherapist(app):
    """Herlev's vedligeholdende træning: "Ydelsen udføres af sundhedsfagligt personale ansat
    i Herlev Kommune", yet it "kan dog for visse sygdomsgrupper efter lægeordination udføres
    som vederlagsfri fysioterapi af privat praktiserende fysioterapeuter". A bare "Du kan
    ikke selv vælge" contradicted the private physiotherapist listed above it."""
    from webapp import context, texts
    from webapp.domain.assess import merged_offer

    with app.test_request_context("/"):
        herlev = texts.provider_lines(merged_offer(context.rule_book(), "herlev", "sel-86-2"))
        genoptraening = texts.provider_lines(
            merged_offer(context.rule_book(), "herlev", "sel-86-1"))
    assert ("Kommunens eget personale træner dig. Du kan ikke vælge en anden. Får du "
            "vederlagsfri fysioterapi, vælger du selv fysioterapeuten.") in herlev
    assert "Du kan ikke selv vælge, hvem der træner dig." in genoptraening


def test_the_complaint_helper_names_the_unit_the_standard_names(pages, now):
    """Fredensborg: "Klagen skal være sendt til Fredensborg Kommunes Pleje- og
    Rehabiliteringscenter indenfor 4 uger". The result page named the centre, the complaint
    helper "Fredensborg Kommune" (a fact-check)."""
    now(2026, 11, 25, 10, 0)
    page = main_text(post_complaint(pages, "/fredensborg/klage?tilbud=sel-86-1", "20.11.2026"))
    assert ("Din klage skal være modtaget af Fredensborg Kommunes Pleje- og "
            "Rehabiliteringscenter senest fredag den 18. december 2026.") in page


def test_the_complaint_helper_says_what_to_do_while_waiting(pages, now):
    """A daughter whose mother came home with a plan, and no call came, picked "uenig i et
    afslag" and got a letter to Styrelsen for Patientklager about "the decision" (a user
    test). Waiting is no decision: the page says so, and what to do instead."""
    now(2026, 11, 25, 10, 0)
    page = main_text(pages.get("/fredensborg/klage?tilbud=sul-140"))
    assert ("Venter du stadig på kommunen? Har kommunen ikke kontaktet dig, eller venter du "
            "på at starte? Det er ikke en afgørelse, så brevet her passer ikke.") in page
    assert ("Har kommunen ikke tilbudt dig en tid til at starte senest 7 dage efter "
            "udskrivelsen, må du vælge en privat leverandør. Du vælger på mingenoptræning.dk."
            ) in page
    assert ("Vil du klage over ventetiden, så skriv til Fredensborg Kommune. Der er ingen "
            "frist.") in page
    # § 86: no free choice, no service-level route in the rules; the unit's number is there
    broenderslev = main_text(pages.get("/broenderslev/klage?tilbud=sel-86-1"))
    assert "brevet her passer ikke" in broenderslev and "mingenoptræning.dk" not in broenderslev
    assert "Ring til Visitationen: 99 45 44 20" in broenderslev


def test_fact_checked_obligations_in_the_standards_own_words(pages, now):
    """Nyborg: "Melder afbud senest dagen før eller hurtigst muligt" with the one number the
    standard gives (Sundhed og Træning trains); "fysisk aktiv i hverdagen" and "Rådgivning
    og vejledning i ergonomi", not "træner derhjemme" or "på arbejdet". Fredericia: "Derfor
    kan det f.eks. være nødvendigt at flytte rundt på møbler, fjerne løse gulvtæpper"."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "nyborg", "self", {**PERSONAS["nyborg"], "discharge_date": "2026-11-19"})
    card = card_text(pages, "/nyborg/resultat", "sul-140")
    assert ("Meld afbud senest dagen før. Meld altid afbud så hurtigt som muligt. Ring til "
            "Sundhed og Træning på 63 33 78 72.") in card
    assert "Du er aktiv i hverdagen. Sammen med terapeuten aftaler du" in card
    assert "Du træner også derhjemme." not in card
    # Herlev: "bidrager med en passende indsats i dagligdagen" – Nyborg's agreement with the
    # therapist is not in it (a fact-check)
    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    herlev = card_text(pages, "/herlev/resultat", "sel-86-1")
    assert "Du gør selv en passende indsats i hverdagen, så du kan klare mere." in herlev
    assert "Sammen med terapeuten aftaler du" not in herlev
    # Fredensborg: "Terapeuten instruerer pårørende, aktivitetsmedarbejdere og plejepersonale"
    run_flow(pages, "fredensborg", "self", PERSONAS["fredensborg"])
    fredensborg = card_text(pages, "/fredensborg/resultat", "sel-86-1")
    assert "vejledning af dine pårørende og af personalet, så de kan støtte træningen" in fredensborg
    # and § 86 stk. 2 on a care home: "bor permanent eller er på midlertidigt ophold"
    pages.post("/slet", {})
    run_flow(pages, "herlev", "self", {"age": 60, "in_hospital": False, "hospital_plan": "no",
                                       "function_loss": "lasting", "pensioner": True,
                                       "care_home": "temporary", "motivated": True})
    herlev = card_text(pages, "/herlev/resultat", "sel-86-2")
    assert "på plejecentret, hvis du bor der eller er på et midlertidigt ophold" in herlev
    assert "råd og vejledning om ergonomi" in card and "på arbejdet" not in card
    run_flow(pages, "fredericia", "self", {**PERSONAS["fredericia"],
                                           "discharge_date": "2026-11-23"})
    card = card_text(pages, "/fredericia/resultat", "sul-140")
    assert ("Træner du hjemme, er dit hjem personalets arbejdsplads. Derfor kan det være "
            "nødvendigt at flytte møbler eller fjerne løse tæpper.") in card
    # the short version to print keeps how to cancel, and only that, of what is expected
    short = card_text(pages, "/fredericia/resultat?kort=1", "sul-140")
    assert ("Afbud: Meld afbud senest dagen før. Meld altid afbud så hurtigt som muligt. Ring "
            "til Træning & Forebyggelse på 72 10 60 50.") in short
    assert "flytte møbler" not in short
    # where and how often too are left to the full page (a user test: 8 A4 pages to a GP)
    assert "Hvor, hvor tit og hvor længe" in card and "Hvor, hvor tit og hvor længe" not in short


def test_the_short_version_says_whom_to_complain_to_by_the_last_day(pages, now):
    """With a decision date the short printout said only "Sidste dag for at klage er …",
    with no word of whom to send it to (a fact-check, Brønderslev)."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "broenderslev", "self", {**PERSONAS["broenderslev"],
                                             "request_date": "2026-11-16",
                                             "decision_date": "2026-11-23"})
    short = card_text(pages, "/broenderslev/resultat?kort=1", "sel-86-1")
    assert ("Er du uenig i afgørelsen: Klag til Visitationen. Sidste dag for at klage er "
            "mandag den 21. december 2026.") in short


def test_dates_from_a_request_not_made_yet_say_so(pages, now):
    """The question says "Er kommunen ikke kontaktet endnu, så skriv dagen, det skal ske":
    a GP gave today's date for a patient still to call, and the printout said "Fredericia
    Kommune skal kontakte dig senest …" as if promised (a user test)."""
    now(2026, 11, 24, 10, 0)
    said = "Datoerne gælder, hvis kommunen får henvendelsen tirsdag den 24. november 2026."
    run_flow(pages, "fredericia", "gp", {**PERSONAS["fredericia"], "age": 58,
                                         "hospital_plan": "no", "function_loss": "sudden",
                                         "hospital_treated": False,
                                         "request_date": "2026-11-24"})
    html = pages.get("/fredericia/resultat").get_data(as_text=True)
    assert said in summary_text(pages, "fredericia")
    assert said in plain_text(offer_card(html, "sel-86-1"))
    # a request already made: the dates are the standard's own
    run_flow(pages, "fredensborg", "self", {**PERSONAS["fredensborg"],
                                            "request_date": "2026-11-20"})
    page = main_text(pages.get("/fredensborg/resultat"))
    assert "Fredensborg Kommune skal kontakte dig senest" in page
    assert "Datoerne gælder, hvis" not in page


def test_fredericias_coordinator_helps_with_the_free_choice(pages, now):
    """Fredericia § 140: "Hvis dette bliver aktuelt vil du blive vejledt af koordinator i
    Træning & Forebyggelse" (a fact-check: the page said only where to choose)."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "fredericia", "self", {**PERSONAS["fredericia"],
                                           "discharge_date": "2026-11-23"})
    card = card_text(pages, "/fredericia/resultat", "sul-140")
    assert ("Bliver det aktuelt at vælge en privat leverandør, hjælper en koordinator hos "
            "kommunen dig med det.") in card
    run_flow(pages, "nyborg", "self", {**PERSONAS["nyborg"], "discharge_date": "2026-11-19"})
    assert "koordinator" not in main_text(pages.get("/nyborg/resultat"))


def test_broenderslevs_promises_on_a_refusal_and_an_upheld_complaint(pages, now):
    """Brønderslev: "Hvis du får et afslag, sender vi altid en begrundelse og en
    klagevejledning." and "Får du medhold i din klage sendes en ny afgørelse indenfor 4
    uger." (a fact-check: neither was on the page)."""
    now(2026, 11, 24, 10, 0)
    run_flow(pages, "broenderslev", "self", PERSONAS["broenderslev"])
    card = card_text(pages, "/broenderslev/resultat", "sel-86-1")
    assert "Får du afslag, får du altid at vide hvorfor, og hvordan du klager." in card
    assert ("Kommunen har 4 uger til at vurdere afgørelsen igen. Får du medhold, får du en ny "
            "afgørelse inden for 4 uger. Får du delvist medhold") in card
