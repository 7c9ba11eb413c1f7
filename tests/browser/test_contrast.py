"""Secondary text that carries conditions ("Det skal vare mindst 5 år.") is read by
people with poor sight: hints and similar grey text reach 7:1 on white (WCAG 1.4.6,
level AAA), and stay lighter than the body text so they still read as secondary."""

from __future__ import annotations

import pytest

from .navigators import HERLEV

pytestmark = pytest.mark.browser

COLOURS_JS = """(selector) => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  return {body: rgb(getComputedStyle(document.body).color),
          found: [...document.querySelectorAll(selector)].map(
            e => rgb(getComputedStyle(e).color))};
}"""


def luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_white(rgb: list[float]) -> float:
    return 1.05 / (luminance(rgb) + 0.05)


@pytest.mark.parametrize("path", [f"/{HERLEV.slug}/spoergsmaal/age",
                                  f"/{HERLEV.slug}/spoergsmaal/request_date",
                                  f"/{HERLEV.slug}/spoergsmaal/chronic_conditions"])
def test_hints_reach_7_to_1_and_stay_secondary(new_page, answered, path):
    page = new_page(storage_state=answered)
    page.goto(path)
    colours = page.evaluate(COLOURS_JS, ".form-hint, .subheading")
    assert colours["found"], f"no hint on {path}: the test proves nothing"
    for rgb in colours["found"]:
        assert contrast_on_white(rgb) >= 7, (path, rgb, round(contrast_on_white(rgb), 2))
        assert contrast_on_white(rgb) < contrast_on_white(colours["body"]), (path, rgb)
