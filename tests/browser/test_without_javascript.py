"""The site works without JavaScript: the whole walk, the result, and "Slet mine svar"."""

from __future__ import annotations

import pytest

from .navigators import HERLEV, Guide

pytestmark = pytest.mark.browser


def test_whole_flow_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    guide = Guide(page)
    guide.start(HERLEV.slug, "relative")
    assert guide.h1() == "Hvor gammel er din pårørende?"
    asked = guide.answer_all(HERLEV.answers)
    assert asked[0] == "age" and len(asked) >= 10
    guide.assert_on_check_page(HERLEV.slug)
    assert page.locator(".summary-list-row").count() == len(asked)
    guide.see_result()
    assert guide.h1() == f"Træning i {HERLEV.name}"
    assert page.locator("section.offer").count() >= 1

    with page.expect_navigation():
        page.get_by_role("link", name="Slet mine svar").click()
    assert guide.path() == f"/slet?fra=/{HERLEV.slug}/resultat", "it asks first"
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, slet mine svar").click()
    assert guide.path() == "/"
    assert page.get_by_text("Dine svar er slettet.").is_visible()
    page.goto(f"/{HERLEV.slug}/resultat")
    assert guide.path() == f"/{HERLEV.slug}", "the answers are gone: back to the start"
