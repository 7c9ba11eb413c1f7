"""axe-core finds no WCAG 2.1 A/AA problems on the comparison, the professionals' pages,
the handout and the complaint helper (on a laptop and on a phone)."""

from __future__ import annotations

import pytest

from .axe import problems, run_axe

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def assert_accessible(page) -> None:
    results = run_axe(page)
    assert any(r["id"] == "color-contrast" for r in results["passes"] + results["violations"])
    found = problems(page, results)
    assert not found, f"{page.url}\n" + "\n".join(found)


@pytest.mark.parametrize("path", ["/sammenlign", "/fagperson", "/fredericia/fagperson",
                                  "/aarhus/fagperson", "/nyborg/fagperson/udskriv",
                                  "/broenderslev/klage", "/nyborg/klage?tilbud=sul-140",
                                  "/klage", "/klage?kommune="])
@pytest.mark.parametrize("viewport", [None, PHONE], ids=["laptop", "phone"])
def test_pages(new_page, path, viewport):
    page = new_page(**({"viewport": viewport} if viewport else {}))
    page.goto(path)
    assert_accessible(page)


def test_complaint_letter_and_its_errors(new_page):
    page = new_page()
    page.goto("/broenderslev/klage?tilbud=sel-86-1")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    assert_accessible(page)
    page.fill("#day", "2")
    page.fill("#month", "3")
    page.fill("#year", "2026")
    page.fill("#reason", "Jeg kan ikke gå på trapper.\nJeg har brug for hjælp.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator(".letter").is_visible()
    assert page.locator(".letter p", has_text="Jeg har brug for hjælp.").count() == 1
    assert_accessible(page)
    # "Ret brevet" brings the form back with the words as written, line break included.
    with page.expect_navigation():
        page.get_by_role("button", name="Ret brevet").click()
    assert page.input_value("#reason") == "Jeg kan ikke gå på trapper.\nJeg har brug for hjælp."
    assert page.input_value("#day") == "2"
    assert_accessible(page)
