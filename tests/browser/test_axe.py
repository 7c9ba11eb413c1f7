"""axe-core finds no WCAG 2.1 A/AA problems on any kind of page.

Colour contrast (1.4.3) is axe's color-contrast rule; every test asserts that the rule
ran and found text to check, so a page cannot pass because nothing was looked at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.support import Translations

from .axe import problems, run_axe
from .navigators import HERLEV, Guide

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
START_HEADING = "Hvilken træning kan kommunen give?"


def assert_accessible(page) -> dict:
    results = run_axe(page)
    contrast = [r for r in results["passes"] + results["violations"]
                if r["id"] == "color-contrast"]
    assert contrast, f"axe's color-contrast rule did not run on {page.url}"
    assert "wcag21aa" in results["toolOptions"]["runOnly"]["values"]
    found = problems(page, results)
    assert not found, f"{page.url}\n" + "\n".join(found)
    return results


def test_start_page(new_page):
    page = new_page()
    page.goto("/")
    assert_accessible(page)


def test_start_page_in_english(new_page):
    page = new_page()
    page.goto("/?lang=en")
    assert page.get_attribute("html", "lang") == "en"
    # The heading comes from the English catalog (whatever it holds today).
    english = Translations.load(str(ROOT / "translations"), ["en"])
    assert page.locator("h1").inner_text() == english.gettext(START_HEADING)
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/privatliv", "/om", "/om?fra=/herlev", "/slet"])
def test_privacy_and_about_pages(new_page, path):
    page = new_page()
    page.goto(path)
    assert_accessible(page)


@pytest.mark.parametrize(("path", "status"), [("/ukendt-kommune", 404), ("/herlev/spoergsmaal/x", 404)])
def test_error_pages(new_page, path, status):
    page = new_page()
    response = page.goto(path)
    assert response.status == status
    assert_accessible(page)


def test_radio_question_and_its_error_summary(new_page):
    guide = Guide(new_page())
    guide.start(HERLEV.slug)
    guide.walk_to("in_hospital", HERLEV.answers)
    assert guide.page.locator("input[type=radio]").count() >= 2
    assert_accessible(guide.page)
    guide.submit()  # nothing chosen
    assert guide.page.locator(".error-summary").count() == 1
    assert_accessible(guide.page)


def test_date_question(new_page, answered):
    guide = Guide(new_page(storage_state=answered))
    guide.goto(f"/{HERLEV.slug}/spoergsmaal/request_date")
    assert guide.page.locator("#day").count() == 1
    assert_accessible(guide.page)


def test_check_and_result_pages(new_page, answered):
    guide = Guide(new_page(storage_state=answered))
    guide.goto(f"/{HERLEV.slug}/tjek")
    guide.assert_on_check_page(HERLEV.slug)
    assert_accessible(guide.page)
    guide.see_result()
    assert guide.page.locator("section.offer").count() >= 1
    assert_accessible(guide.page)
    guide.goto(f"/{HERLEV.slug}/resultat?kort=1")  # the short version to print
    assert guide.page.locator("section.offer").count() >= 1
    assert_accessible(guide.page)
    with guide.page.expect_navigation():  # it asks first
        guide.page.get_by_role("link", name="Slet mine svar").click()
    assert guide.page.get_by_role("button", name="Ja, slet mine svar").is_visible()
    assert_accessible(guide.page)


def test_the_checker_finds_problems(new_page):
    """The harness is not vacuous: planted problems are reported."""
    page = new_page()
    page.goto("/privatliv")
    page.evaluate("""() => {
      const p = document.createElement('p');
      p.textContent = 'Lys grå tekst'; p.style.color = '#ddd';
      const input = document.createElement('input');
      document.querySelector('main').append(p, input);
    }""")
    found = "\n".join(problems(page, run_axe(page)))
    assert "color-contrast" in found
    assert "label" in found
