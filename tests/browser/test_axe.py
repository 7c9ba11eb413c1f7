"""axe-core finds no WCAG 2.1 A/AA violations on any page type."""

from __future__ import annotations

import pytest

from .axe import describe, run_axe
from .navigators import HERLEV, Guide

pytestmark = pytest.mark.browser


def check(page):
    results = run_axe(page)
    ran = {r["id"] for r in results["passes"]} | {r["id"] for r in results["violations"]}
    assert "color-contrast" in ran, "axe's colour-contrast rule did not run"
    assert not results["violations"], f"{page.url}\n{describe(results['violations'])}"
    return results


def test_start_page(new_page):
    page = new_page()
    page.goto("/")
    check(page)


def test_start_page_in_english(new_page):
    page = new_page()
    page.goto("/?lang=en")
    assert page.get_attribute("html", "lang") == "en"
    check(page)


def test_privacy_page(new_page):
    page = new_page()
    page.goto("/privatliv")
    check(page)


def test_question_pages(new_page):
    guide = Guide(new_page())
    guide.start(HERLEV.slug)
    guide.walk_to("in_hospital", HERLEV.answers)
    check(guide.page)
    guide.submit()  # nothing chosen: the error summary
    assert guide.page.locator(".error-summary").count() == 1
    check(guide.page)
    guide.walk_to("request_date", HERLEV.answers)
    check(guide.page)


def test_check_and_result_pages(new_page, answered):
    guide = Guide(new_page(storage_state=answered))
    guide.goto(f"/{HERLEV.slug}/tjek")
    guide.assert_on_check_page(HERLEV.slug)
    check(guide.page)
    guide.see_result()
    check(guide.page)
