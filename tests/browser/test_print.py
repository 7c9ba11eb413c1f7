"""The printed result (people take it to their GP or the municipality): no navigation,
no buttons, no "Slet mine svar"; the offers are all there; Chromium makes an A4 PDF."""

from __future__ import annotations

import pytest

from .navigators import HERLEV

pytestmark = pytest.mark.browser

HIDDEN_JS = """(selector) => [...document.querySelectorAll(selector)].map(e => {
  let hiddenBy = null;
  for (let a = e; a; a = a.parentElement)
    if (getComputedStyle(a).display === 'none') { hiddenBy = a.tagName; break; }
  return {what: e.outerHTML.slice(0, 80), hidden: hiddenBy !== null,
          boxes: e.getClientRects().length};
})"""

MUST_NOT_PRINT = [
    ".skipnav",                      # skip link
    "header a.header-language",      # header navigation: language switch
    ".back-link",                    # "Tilbage"
    ".button",                       # links styled as buttons, "Slet mine svar" among them
    ".footer-clear",                 # "Slet mine svar"
    ".footer-links",
    ".no-print",                     # "Se eller ændr dine svar" …
    "footer",                        # the whole site footer …
    ".footer-note",                  # … whose note used to print alone on the last page
]


def show_letter(page, path, about=None):
    """The complaint helper at ``path``, a decision of 3 November 2026 posted: the letter."""
    page.goto(path)
    if about:
        page.locator(f"input[name=about][value={about}]").check()
    for part, value in (("#day", "3"), ("#month", "11"), ("#year", "2026")):
        page.fill(part, value)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def test_print_layout_and_pdf(new_page, answered, tmp_path):
    page = new_page(storage_state=answered)
    page.goto(f"/{HERLEV.slug}/resultat")
    offers_on_screen = page.locator("section.offer").count()
    assert offers_on_screen >= 1
    assert page.get_by_role("link", name="Slet mine svar").is_visible()
    page.emulate_media(media="print")
    printed = []
    for selector in MUST_NOT_PRINT:
        found = page.evaluate(HIDDEN_JS, selector)
        assert found, f"nothing matches {selector}: the test would prove nothing"
        printed += [f"{selector}: {f['what']}" for f in found
                    if not f["hidden"] or f["boxes"]]
    assert not printed, "printed although it should not be:\n" + "\n".join(printed)
    offers = page.evaluate(HIDDEN_JS, "section.offer")
    assert len(offers) == offers_on_screen
    assert all(not o["hidden"] and o["boxes"] for o in offers), offers
    assert page.locator("h1").is_visible()
    assert page.locator(".print-only").first.is_visible()

    pdf = tmp_path / "resultat.pdf"
    data = page.pdf(path=str(pdf), format="A4", print_background=False)
    assert data.startswith(b"%PDF-")
    assert pdf.read_bytes() == data
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    assert pages >= 1


@pytest.mark.parametrize("path", ["/", "/fagperson", f"/{HERLEV.slug}/fagperson",
                                  f"/{HERLEV.slug}/fagperson/udskriv", "/privatliv"])
def test_no_site_chrome_on_paper(new_page, path):
    """Every page prints without the header's links and the site footer; the service
    name stays, as a plain line."""
    page = new_page()
    page.goto(path)
    assert page.locator(".footer-note").is_visible()
    page.emulate_media(media="print")
    printed = []
    for selector in ("header a.header-language", "footer", ".footer-note", ".footer-links",
                     ".footer-clear"):
        found = page.evaluate(HIDDEN_JS, selector)
        assert found, f"nothing matches {selector}"
        printed += [f"{selector}: {f['what']}" for f in found if not f["hidden"] or f["boxes"]]
    assert not printed, "printed although it should not be:\n" + "\n".join(printed)
    assert page.locator(".solution-heading").is_visible()


def test_phone_open_now_is_not_printed(new_page):
    """"Telefonen er lukket nu" is true when printed and wrong when the patient reads it
    days later; the opening hours print instead."""
    page = new_page()
    page.goto("/fredericia/fagperson")
    assert page.locator(".phone-status").first.is_visible()
    page.emulate_media(media="print")
    found = page.evaluate(HIDDEN_JS, ".phone-status")
    assert found and all(f["hidden"] for f in found), found
    assert page.get_by_text("Telefontid").first.is_visible()


def test_offers_that_do_not_fit_print_short(new_page, answered):
    """A printed result was 11–16 A4 pages. An offer that does not fit prints its title,
    why and its source; what it folds away on the screen (its notes, how to complain in
    general) stays off paper, though the print style opens other <details> – a last day to
    complain is not folded and prints (tests/web: the class is left off then)."""
    page = new_page(storage_state=answered)
    page.goto(f"/{HERLEV.slug}/resultat")
    page.emulate_media(media="print")
    for selector in (".offer-unlikely .offer-more", ".offer-unlikely .alert",
                     ".offer-unlikely .offer-complaints-general"):
        found = page.evaluate(HIDDEN_JS, selector)
        assert found, f"nothing matches {selector}: the test would prove nothing"
        assert all(f["hidden"] for f in found), found
    for selector in (".offer-unlikely .reasons", ".offer-unlikely .source",
                     ".offer-likely .offer-complaints", ".offer-possible .alert"):
        found = page.evaluate(HIDDEN_JS, selector)
        assert found and not any(f["hidden"] for f in found), (selector, found)


def test_a_link_that_shows_its_address_prints_it_once(new_page):
    """"https://stpk.dk (https://stpk.dk)" on paper (a user test): a link whose text is its
    address gets no address after it; other web links still do."""
    page = new_page()
    show_letter(page, "/nyborg/klage?tilbud=sul-140", about="treatment")
    page.emulate_media(media="print")
    after = """(e) => getComputedStyle(e, '::after').content"""
    shown = page.locator("main a.url-shown").first
    assert shown.inner_text().startswith("https://")
    assert shown.evaluate(after) in ("none", "normal")
    # a web link with other words (none on this page today: one is put in to ask the CSS)
    other = page.evaluate("""() => { const a = document.createElement('a');
        a.href = 'https://example.org/x'; a.textContent = 'kommunens side';
        document.querySelector('main').append(a);
        return getComputedStyle(a, '::after').content; }""")
    assert other == '" (https://example.org/x)"', other


def test_the_complaint_letter_prints_on_a_page_of_its_own(new_page, tmp_path):
    """The complaint page printed as four A4 pages: the heading "Udkast til brev" and a
    note were left alone on page 2, and the letter came on page 3. Now the guide is page 1
    and the letter page 2, to sign and send, with room to write the reason by hand."""
    page = new_page()
    show_letter(page, "/herlev/klage?tilbud=sel-86-2")
    page.emulate_media(media="print")
    found = page.evaluate(HIDDEN_JS, "main h2")
    assert [f["hidden"] for f in found][-1], found  # "Udkast til brev"
    blank = page.locator(".letter-blank").bounding_box()
    assert blank and blank["height"] >= 150, blank
    data = page.pdf(format="A4")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2


def test_the_short_version_prints_what_may_fit_on_fewer_pages(new_page, answered):
    """A full printout ran to 9–16 A4 pages (a user test: an 81-year-old's relative got 7).
    "Vis en kort udgave til print" leaves out the offers that do not fit and how to
    complain in general; an offer that may fit ("Måske") gives what it depends on, what
    happens and how to ask, not the cost (by hand: 6–9 pages instead of 9–16 for five
    persons)."""
    page = new_page(storage_state=answered)
    page.goto(f"/{HERLEV.slug}/resultat")
    page.emulate_media(media="print")
    full = page.pdf(format="A4")
    page.emulate_media(media="screen")
    with page.expect_navigation():
        page.get_by_role("link", name="Vis en kort udgave til print").click()
    assert page.url.endswith("/resultat?kort=1")
    assert page.locator("section.offer-unlikely").count() == 0
    fits = page.locator("section.offer-likely").count()
    assert fits >= 1
    assert page.locator("section.offer-likely h4", has_text="Hvad koster det?").count() == fits
    assert page.locator("section.offer-possible h4", has_text="Hvad koster det?").count() == 0
    page.emulate_media(media="print")
    short = page.pdf(format="A4")
    pages = [data.count(b"/Type /Page") - data.count(b"/Type /Pages") for data in (full, short)]
    assert pages[1] < pages[0], pages
    page.emulate_media(media="screen")
    with page.expect_navigation():
        page.get_by_role("link", name="Vis hele resultatet").click()
    assert page.locator("section.offer-unlikely").count() >= 1


def test_the_translation_of_the_letter_prints_after_it(new_page):
    """On English pages the letter is Danish; its translation was folded away and never
    printed (a user test). It now follows the letter, on a page of its own."""
    page = new_page()
    show_letter(page, "/herlev/klage?tilbud=sel-86-2&lang=en")
    page.emulate_media(media="print")
    assert page.locator(".letter.translated").is_visible()
    assert page.locator(".letter[lang=da]").is_visible()
    data = page.pdf(format="A4")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 3
