"""The whole questionnaire with the keyboard only (WCAG 2.1.1 Keyboard)."""

from __future__ import annotations

import pytest

from .navigators import HERLEV, KeyboardGuide

pytestmark = pytest.mark.browser


def test_keyboard_only_from_start_page_to_result(new_page):
    guide = KeyboardGuide(new_page())
    guide.start(HERLEV.slug, "self", name=HERLEV.name)
    assert guide.current_key() == "age"
    assert guide.h1() == "Hvor gammel er du?"
    asked = guide.answer_all(HERLEV.answers)
    assert {"age", "in_hospital", "chronic_conditions", "request_date"} <= set(asked)
    guide.assert_on_check_page(HERLEV.slug)
    guide.see_result()
    assert guide.path() == f"/{HERLEV.slug}/resultat"
    assert guide.h1() == f"Træning i {HERLEV.name}"
    assert guide.page.locator("section.offer").count() >= 1
