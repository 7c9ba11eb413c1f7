"""Reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS px, nor at 1280 px zoomed to
200 % (emulated as a 640 px wide viewport with two device pixels per CSS pixel)."""

from __future__ import annotations

import pytest

from .navigators import HERLEV, QUESTIONNAIRE_PAGES
from .waits import wait_for_fonts

pytestmark = pytest.mark.browser

VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    "1280px-at-200%": {"viewport": {"width": 640, "height": 800}, "device_scale_factor": 2},
}
PAGES = QUESTIONNAIRE_PAGES

OVERFLOW_JS = """(viewport = null) => {
  // On a mobile viewport Chromium widens the layout viewport to fit content that is
  // too wide, so innerWidth grows with it: compare with the viewport we asked for.
  const width = viewport || window.innerWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`
              + ` right=${Math.round(e.getBoundingClientRect().right)}`);
  return {scrollWidth: Math.max(document.documentElement.scrollWidth, window.innerWidth),
          innerWidth: width,
          wide: wide.slice(0, 8)};
}"""


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_no_horizontal_scrolling(new_page, answered, viewport):
    page = new_page(storage_state=answered, **VIEWPORTS[viewport])
    failures = []
    for path in PAGES:
        response = page.goto(path)
        assert response.status == 200 and page.url.endswith(path), (path, page.url)
        wait_for_fonts(page)  # measure the real text, not the fallback font's
        measured = page.evaluate(OVERFLOW_JS)
        if measured["scrollWidth"] > measured["innerWidth"]:
            failures.append(f"{path}: {measured}")
    assert not failures, "\n".join(failures)


# --------------------------------------------------------------------------- large text
# Android's "large font" (and the browser's own text-size setting) enlarges the root
# font size; everything in rem grows with it while the viewport stays 360 px wide.
# "doubled": the root font size twice the site's own (62.5 % -> 125 %, text 32 px);
# "200%": the root font set to 200 % outright (text about 51 px), as a tester did.
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
ROOT_FONT_JS = {
    "doubled": """() => { const root = document.documentElement;
        root.style.fontSize = 2 * parseFloat(getComputedStyle(root).fontSize) + 'px'; }""",
    "200%": "() => { document.documentElement.style.fontSize = '200%'; }",
}
LARGE_TEXT_PAGES = {  # path: status
    "/": 200,
    f"/{HERLEV.slug}/spoergsmaal/age": 200,
    f"/{HERLEV.slug}/spoergsmaal/function_loss": 200,
    f"/{HERLEV.slug}/spoergsmaal/request_date": 200,
    f"/{HERLEV.slug}/tjek": 200,
    f"/{HERLEV.slug}/resultat": 200,
    "/fagperson": 200,
    f"/{HERLEV.slug}/fagperson": 200,
    f"/{HERLEV.slug}/fagperson/udskriv": 200,
    f"/{HERLEV.slug}/klage": 200,
    f"/{HERLEV.slug}/klage?tilbud=sel-86-1": 200,
    "/privatliv": 200,
    "/findes-ikke/side": 404,
}


def enlarge_text(page, how: str) -> None:
    wait_for_fonts(page)
    page.evaluate(ROOT_FONT_JS[how])
    wait_for_fonts(page)


@pytest.mark.parametrize("how", sorted(ROOT_FONT_JS))
def test_no_horizontal_scrolling_with_large_text_on_a_phone(new_page, answered, how):
    page = new_page(storage_state=answered, **PHONE)
    failures = []
    for path, status in LARGE_TEXT_PAGES.items():
        response = page.goto(path)
        assert response.status == status and page.url.endswith(path), (path, page.url)
        enlarge_text(page, how)
        assert page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)") > 30
        measured = page.evaluate(OVERFLOW_JS, PHONE["viewport"]["width"])
        if measured["scrollWidth"] > measured["innerWidth"]:
            failures.append(f"{path}: {measured}")
    assert not failures, "\n".join(failures)


# Where the lines of an element's text break: the text of each line.
LINES_JS = """(selector) => {
  const el = document.querySelector(selector);
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const lines = [];
  let top = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect || rect.width === 0) continue;
      if (top === null || rect.top > top + 1) { lines.push(''); top = rect.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
}"""


@pytest.mark.parametrize("how", [None, "doubled"], ids=["normal-320px", "doubled-360px"])
def test_handout_address_breaks_only_after_a_slash(new_page, live_server, how):
    """Someone types the printed address by hand: a line may end only after a "/"."""
    width = 320 if how is None else 360
    page = new_page(**{**PHONE, "viewport": {"width": width, "height": 740}})
    page.goto(f"/{HERLEV.slug}/fagperson/udskriv")
    wait_for_fonts(page)  # the lines break where the real font's text is wide
    if how:
        enlarge_text(page, how)
    lines = page.evaluate(LINES_JS, ".handout-url")
    assert "".join(lines) == f"{live_server}/{HERLEV.slug}"
    if how:
        assert len(lines) > 1, "the address fits on one line: the test proves nothing"
    assert all(line.endswith("/") for line in lines[:-1]), lines
    assert page.evaluate(OVERFLOW_JS, width)["scrollWidth"] <= width
