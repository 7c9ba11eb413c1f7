"""The comparison on a phone: each row of the table becomes a card, nothing scrolls sideways."""

from __future__ import annotations

import pytest

from .waits import wait_for_fonts

pytestmark = pytest.mark.browser


def test_comparison_stacks_into_cards_on_a_phone(new_page):
    page = new_page(viewport={"width": 360, "height": 740})
    page.goto("/sammenlign")
    wait_for_fonts(page)  # the width measured below is that of the real text
    table = page.locator("section[aria-labelledby='tilbud-sel-86-1'] table")
    assert table.evaluate("t => getComputedStyle(t).display") == "block"
    assert table.evaluate("t => getComputedStyle(t.querySelector('tr')).display") == "block"
    # the municipality's name labels each cell in card form
    label = table.locator("tbody td").first.evaluate(
        "td => getComputedStyle(td, '::before').content")
    assert "Brønderslev Kommune" in label
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_comparison_is_a_table_on_a_wide_screen(new_page):
    page = new_page()
    page.goto("/sammenlign")
    table = page.locator("section[aria-labelledby='tilbud-sel-86-1'] table")
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    headers = table.locator("thead th").all_inner_texts()
    assert headers[1:] == ["Brønderslev Kommune", "Fredensborg Kommune", "Fredericia Kommune",
                           "Herlev Kommune"]
