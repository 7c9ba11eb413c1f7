"""Reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS px, nor at 1280 px zoomed to
200 % (emulated as a 640 px wide viewport with two device pixels per CSS pixel)."""

from __future__ import annotations

import pytest

from .navigators import HERLEV

pytestmark = pytest.mark.browser

VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    "1280px-at-200%": {"viewport": {"width": 640, "height": 800}, "device_scale_factor": 2},
}
PAGES = [
    "/",
    f"/{HERLEV.slug}/spoergsmaal/age",
    f"/{HERLEV.slug}/spoergsmaal/function_loss",
    f"/{HERLEV.slug}/spoergsmaal/chronic_conditions",
    f"/{HERLEV.slug}/spoergsmaal/request_date",
    f"/{HERLEV.slug}/tjek",
    f"/{HERLEV.slug}/resultat",
]

OVERFLOW_JS = """() => {
  const width = window.innerWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`
              + ` right=${Math.round(e.getBoundingClientRect().right)}`);
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width,
          wide: wide.slice(0, 8)};
}"""


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_no_horizontal_scrolling(new_page, answered, viewport):
    page = new_page(storage_state=answered, **VIEWPORTS[viewport])
    failures = []
    for path in PAGES:
        response = page.goto(path)
        assert response.status == 200 and page.url.endswith(path), (path, page.url)
        measured = page.evaluate(OVERFLOW_JS)
        if measured["scrollWidth"] > measured["innerWidth"]:
            failures.append(f"{path}: {measured}")
    assert not failures, "\n".join(failures)
