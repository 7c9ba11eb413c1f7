"""Danish and English everywhere: every page type in both languages, the language link,
WTForms' own messages, and the API's texts.

The "test catalog check": the Danish msgids of the POT (the literal text between
placeholders, 25 characters or more) must not appear on any English page. A string that
was never marked for translation, or a catalog entry that is missing, shows up as Danish
on the English page and fails here. Proper names kept in the English text (e.g.
"Styrelsen for Patientklager (the Danish Patient Complaints Board)") are left out: a msgid
whose English translation contains it is not a leak.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import html5lib
import pytest
from babel.messages.pofile import read_po
from flask_wtf import FlaskForm

from tools import lix
from webapp.i18n import TranslatedForm

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")
MIN_LENGTH = 25


def danish_fragments() -> set[str]:
    with (ROOT / "translations" / "messages.pot").open("rb") as fh:
        pot = read_po(fh)
    with (ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        english = {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read_po(fh)}
    fragments = set()
    for message in pot:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        translated = english.get(ids[0])
        translated_text = " ".join(translated) if isinstance(translated, (list, tuple)) \
            else str(translated or "")
        for msgid in ids:
            for part in PLACEHOLDER.split(msgid):
                part = " ".join(part.split()).strip(" .,:;()")
                if len(part) >= MIN_LENGTH and part not in translated_text:
                    fragments.add(part)
    return fragments


FRAGMENTS = danish_fragments()


def page_text(html: str) -> str:
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    return " ".join(" ".join(doc.itertext()).split())


def text_outside_danish(html: str) -> str:
    """The page's text, leaving out what is marked lang="da" inside it (names, titles of
    Danish documents, the complaint letter): Danish there is meant, and said so."""
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    for parent in list(doc.iter()):
        for index, child in enumerate(list(parent)):
            if child.get("lang") == "da":  # keep the text that follows it, in its place
                stand_in = ElementTree.Element("span")
                stand_in.tail = child.tail
                parent.remove(child)
                parent.insert(index, stand_in)
    return " ".join(" ".join(doc.itertext()).split())


def html_lang(html: str) -> str | None:
    return html5lib.parse(html, namespaceHTMLElements=False).get("lang")


@pytest.fixture(scope="module")
def english_pages():
    return list(lix.pages("en"))


@pytest.fixture(scope="module")
def danish_pages():
    return list(lix.pages("da"))


def test_the_catalog_check_has_something_to_check():
    assert len(FRAGMENTS) > 300
    assert "Vi gemmer ikke dine svar. Ingen andre kan se dem" in FRAGMENTS


def test_every_page_type_is_covered(english_pages):
    names = {p.name for p in english_pages}
    for expected in ("Forside", "Forside med fejl", "Tjek dine svar (fredericia)",
                     "Resultat (aarhus)", "Privatliv", "Om Træningsguiden", "Fejlside (404)",
                     "Spørgsmål discharge_date (gp)", "Spørgsmål age med fejl (ikke et tal)"):
        assert expected in names
    assert sum(p.kind == "question" for p in english_pages) >= 60


def test_english_pages_show_no_danish_msgid(english_pages):
    leaks = []
    for page in english_pages:
        text = text_outside_danish(page.html)
        leaks += [f"{page.name} ({page.url}): {f!r}" for f in FRAGMENTS if f in text]
    assert not leaks, "untranslated text on English pages:\n" + "\n".join(sorted(leaks)[:40])


def test_english_pages_say_lang_en(english_pages):
    wrong = [p.name for p in english_pages if html_lang(p.html) != "en"]
    assert not wrong


def test_danish_pages_say_lang_da(danish_pages):
    wrong = [p.name for p in danish_pages if html_lang(p.html) != "da"]
    assert not wrong


def test_the_catalog_check_catches_a_leak(english_pages):
    """The check above can fail: a Danish sentence on an 'English' page is found."""
    page = next(p for p in english_pages if p.name == "Privatliv")
    leaked = page.html.replace("We do not store your answers. Nobody else can see them.",
                               "Vi gemmer ikke dine svar. Ingen andre kan se dem.")
    assert any(f in text_outside_danish(leaked) for f in FRAGMENTS)
    assert not any(f in text_outside_danish(page.html) for f in FRAGMENTS)
    # Marked as Danish, the same sentence is meant, and passes.
    marked = page.html.replace("We do not store your answers. Nobody else can see them.",
                               '<span lang="da">Vi gemmer ikke dine svar.</span> Nobody else '
                               "can see them.")
    assert not any(f in text_outside_danish(marked) for f in FRAGMENTS)
    assert "Nobody else can see them" in text_outside_danish(marked)


def test_pages_read_differently_in_the_two_languages(english_pages, danish_pages):
    danish = {p.name: page_text(p.html) for p in danish_pages}
    same = [p.name for p in english_pages if page_text(p.html) == danish[p.name]]
    assert not same


# --------------------------------------------------------------------------- language link


def language_link(html: str) -> str:
    match = re.search(r'<a class="header-language" href="([^"]+)"', html)
    assert match, "every page has a language link"
    return match.group(1).replace("&amp;", "&")


def test_language_link_keeps_the_question_and_the_answers(pages):
    pages.get("/")
    response = pages.post("/", {"municipality": "fredericia", "who": "self"})
    url = pages.client.get(response.headers["Location"]).headers["Location"]
    assert url.endswith("/fredericia/spoergsmaal/age")
    url = pages.post(url, {"answer": "72"}).headers["Location"]
    url = pages.post(url, {"answer": "no"}).headers["Location"]
    assert url.endswith("/hospital_plan")
    pages.post(url, {"answer": "yes"})

    # back on an answered question, in Danish
    danish = pages.get("/fredericia/spoergsmaal/age").get_data(as_text=True)
    assert "Hvor gammel er du?" in danish and 'value="72"' in danish
    link = language_link(danish)
    parts = urlsplit(link)
    assert parts.path == "/fredericia/spoergsmaal/age"
    assert parse_qs(parts.query) == {"lang": ["en"]}

    english = pages.get(link, lang="en").get_data(as_text=True)
    assert "How old are you?" in english
    assert 'value="72"' in english, "the stored answer is still filled in"

    # the choice is remembered for the visit: the next page is English without ?lang=
    radio = pages.get("/fredericia/spoergsmaal/hospital_plan", lang="en").get_data(as_text=True)
    assert "Have you received a rehabilitation plan" in radio
    assert re.search(r'<input[^>]*value="yes"[^>]*checked', radio)
    check = pages.client.get("/fredericia/tjek")  # redirects to the next question
    assert check.status_code == 302

    # and back to Danish, answers still there
    back = language_link(radio)
    assert urlsplit(back).path == "/fredericia/spoergsmaal/hospital_plan"
    danish_again = pages.get(back, lang="da").get_data(as_text=True)
    assert "Har du fået en genoptræningsplan fra sygehuset?" in danish_again
    assert re.search(r'<input[^>]*value="yes"[^>]*checked', danish_again)


def test_language_link_keeps_the_query(pages):
    pages.get("/")
    pages.post("/", {"municipality": "herlev", "who": "relative"})
    html = pages.get("/herlev/spoergsmaal/age?tilbage=tjek").get_data(as_text=True)
    query = parse_qs(urlsplit(language_link(html)).query)
    assert query == {"tilbage": ["tjek"], "lang": ["en"]}


def test_language_link_on_the_result_page(pages):
    from tests.web.test_flows import PERSONAS, run_flow

    run_flow(pages, "nyborg", "self", PERSONAS["nyborg"])
    danish = pages.get("/nyborg/resultat").get_data(as_text=True)
    link = language_link(danish)
    assert urlsplit(link).path == "/nyborg/resultat"
    english = pages.get(link, lang="en").get_data(as_text=True)
    assert "Rehabilitation after a hospital stay" in english
    assert "Genoptræning efter sygehus" not in english


def test_locale_order_query_then_session_then_accept_language(client):
    assert html_lang(client.get("/om", headers={"Accept-Language": "en"}).get_data(as_text=True)) == "en"
    assert html_lang(client.get("/om", headers={"Accept-Language": "de, da;q=0.5"}).get_data(as_text=True)) == "da"
    # ?lang= wins over Accept-Language and is remembered for the visit
    assert html_lang(client.get("/om?lang=da", headers={"Accept-Language": "en"}).get_data(as_text=True)) == "da"
    assert html_lang(client.get("/om", headers={"Accept-Language": "en"}).get_data(as_text=True)) == "da"
    # an unknown language is ignored
    assert html_lang(client.get("/om?lang=xx").get_data(as_text=True)) == "da"
    assert html_lang(client.get("/om?lang=en").get_data(as_text=True)) == "en"
    assert html_lang(client.get("/privatliv").get_data(as_text=True)) == "en"


# --------------------------------------------------------------------------- WTForms


@pytest.mark.parametrize(("lang", "message"), [
    ("da", "Skriv et helt tal, fx 72."),
    ("en", "Write a whole number, e.g. 72."),
])
def test_wtforms_own_number_message_is_translated(pages, lang, message):
    pages.get(f"/?lang={lang}", lang=lang)
    pages.post("/", {"municipality": "fredericia", "who": "self"})
    html = pages.post("/fredericia/spoergsmaal/age", {"answer": "abc"}, status=400,
                      lang=lang).get_data(as_text=True)
    assert message in html
    assert "Not a valid integer value" not in html


@pytest.mark.parametrize(("lang", "message"), [
    ("da", "Vælg et af svarene."),
    ("en", "Choose one of the answers."),
])
def test_wtforms_own_choice_message_is_translated(pages, lang, message):
    pages.get(f"/?lang={lang}", lang=lang)
    html = pages.post("/", {"municipality": "atlantis", "who": "cat"}, status=400,
                      lang=lang).get_data(as_text=True)
    assert html.count(message) >= 2, "both fields say it, in the summary and at the field"
    assert "Not a valid choice" not in html


def test_every_form_uses_the_translated_wtforms_messages(app):
    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [c for c in subclasses(FlaskForm) if c.__module__.startswith("webapp")]
    assert len(ours) >= 3
    assert [c.__name__ for c in ours if not issubclass(c, TranslatedForm)] == []


def test_unknown_wtforms_message_falls_back_to_ours(app):
    from webapp.i18n import WTFORMS_TRANSLATIONS

    with app.test_request_context("/?lang=da"):
        assert WTFORMS_TRANSLATIONS.gettext("Invalid email address.") == "Tjek svaret, og prøv igen."
    with app.test_request_context("/?lang=en"):
        assert WTFORMS_TRANSLATIONS.gettext("Not a valid choice.") == "Choose one of the answers."


# --------------------------------------------------------------------------- errors, API


@pytest.mark.parametrize(("lang", "title"), [("da", "Siden findes ikke"), ("en", "Page not found")])
def test_error_page_in_both_languages(pages, lang, title):
    html = pages.get(f"/findes/ikke?lang={lang}", status=404, lang=lang).get_data(as_text=True)
    assert f"<title>{title}" in html and f"<h1>{title}</h1>" in html


@pytest.mark.parametrize(("lang", "message"), [
    ("da", "Ugyldigt svar i age: Skriv et helt tal."),
    ("en", "Invalid answer in age: Write a whole number."),
])
def test_api_error_messages_in_both_languages(client, lang, message):
    response = client.post(f"/api/v1/assessment?lang={lang}",
                           json={"municipality": "herlev", "answers": {"age": "sixty"}})
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == message


def test_api_texts_follow_accept_language(client):
    body = {"municipality": "fredericia", "answers": {"hospital_plan": "yes"},
            "today": "2026-03-30"}
    en = client.post("/api/v1/assessment", json=body, headers={"Accept-Language": "en"})
    da = client.post("/api/v1/assessment", json=body)
    offer_en, offer_da = en.get_json()["offers"][0], da.get_json()["offers"][0]
    assert offer_en["title"] == "Rehabilitation after a hospital stay"
    assert offer_da["title"] == "Genoptræning efter sygehus"
    text = " ".join(str(v) for v in offer_en.values())
    assert not [f for f in FRAGMENTS if f in text]


@pytest.mark.parametrize(("lang", "title"), [("da", "Siden er udløbet"),
                                             ("en", "The page has expired")])
def test_expired_form_page_in_both_languages(pages, lang, title):
    pages.get(f"/?lang={lang}", lang=lang)
    response = pages.client.post("/", data={"municipality": "herlev", "who": "self"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert html_lang(html) == lang and f"<h1>{title}</h1>" in html


@pytest.mark.parametrize(("lang", "message"), [("da", "Dine svar er slettet."),
                                               ("en", "Your answers have been deleted.")])
def test_delete_message_in_the_chosen_language(pages, lang, message):
    pages.get(f"/privatliv?lang={lang}", lang=lang)
    pages.post("/", {"municipality": "herlev", "who": "self"})
    response = pages.post("/slet", {}, status=302)
    html = pages.get(response.headers["Location"], lang=lang).get_data(as_text=True)
    assert message in html


def test_danish_names_on_english_pages_are_marked_danish(pages):
    """WCAG 3.1.2: a screen reader reads "Kvalitetsstandard for genoptræning" and "Herlev
    Kommune, Genoptræningen" with Danish sounds on an English page."""
    from tests.web.test_flows import PERSONAS, run_flow

    run_flow(pages, "herlev", "self", PERSONAS["herlev"])
    english = pages.get("/herlev/resultat?lang=en", lang="en").get_data(as_text=True)
    cites = re.findall(r"<cite[^>]*>", english)
    assert cites and all('lang="da"' in c for c in cites)
    assert all('lang="da"' in tag for tag in re.findall(r'<[^>]*translate="no"[^>]*>', english))


def test_municipal_units_are_explained_once_on_english_pages(pages):
    """"Complain to Lederen af Træning & Forebyggelse." left "Lederen af" (the head of)
    untranslated, and no unit's name said what the unit is."""
    from tests.web.test_flows import PERSONAS, run_flow

    run_flow(pages, "fredericia", "self", PERSONAS["fredericia"])
    text = page_text(pages.get("/fredericia/resultat?lang=en", lang="en").get_data(as_text=True))
    explained = ("Lederen af Træning & Forebyggelse (the head of Træning & Forebyggelse, the "
                 "municipality's training and prevention unit)")
    assert text.count(explained) == 1
    danish = page_text(pages.get("/fredericia/resultat?lang=da").get_data(as_text=True))
    assert "the head of" not in danish and "Klag til Lederen af Træning & Forebyggelse." in danish
