"""Tap targets of at least 44 x 44 CSS px on a phone (WCAG 2.5.5; AAA, which we aim
for because many of the people who use the guide have unsteady hands).

Measured on a 360 x 740 viewport:
* every button (<button>, and links styled as buttons) anywhere on the page;
* every radio button and checkbox: the target is the input together with its label,
  because the whole DKFDS label row is clickable;
* every link in the page's content (<main> and the back link above it), except
  inline links. The rule, as WCAG 2.5.5 words its exception: a link is inline when
  the nearest block around it (a paragraph, list item, table cell ...) also holds text
  other than the link's own; such a link sits in a sentence or block of text and is
  exempt. A link that stands on its own must be 44 x 44;
* links we make 44 px tall although they sit in a line of text (ALWAYS): tap-to-call
  phone numbers, "Ændr svaret" after a reason on the result page, the offers to
  choose from in the complaint helper (the page's main choice), the municipalities on
  /fagperson.

Pages beyond the questionnaire: the professionals' pages, the complaint helper, an
error page, and a result page with upcoming dates (its calendar link), walked by a
persona who asked the municipality today (the server runs on the real clock).
"""

from __future__ import annotations

import pytest

from .navigators import HERLEV, PERSONAS, QUESTIONNAIRE_PAGES, Guide, dated_today
from .waits import wait_for_fonts

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
MIN = 44
PAGES = [*QUESTIONNAIRE_PAGES, "/privatliv", f"/slet?fra=/{HERLEV.slug}/resultat"]

# Links measured even when they sit in a line of text.
ALWAYS = [
    "a[href^='tel:']",                    # tap to call
    ".reasons a",                         # "Ændr svaret"
    "a[href*='/klage?tilbud=']",          # complaint helper: which offer
    ".municipality-list a",               # /fagperson
]
# Each of these must be found (and measured) on the pages of the test that names it.
EXPECTED = {
    "test_tap_targets_on_a_phone": ["a[href^='tel:']", ".reasons a"],
    "test_tap_targets_beyond_the_questionnaire": [
        "a[href^='tel:']", "a[href*='/klage?tilbud=']", ".municipality-list a",
        "a[href='/sammenlign']", "main a[href='/']"],
    "test_tap_targets_on_a_result_with_dates": ["a.calendar-link", "a[href^='tel:']"],
}
EXTRA_PAGES = {  # path: status
    "/fagperson": 200,
    f"/{HERLEV.slug}/fagperson": 200,
    "/broenderslev/fagperson": 200,
    f"/{HERLEV.slug}/klage": 200,
    "/klage": 200,
    "/findes-ikke/side": 404,
}

TARGETS_JS = """(always) => {
  const visible = (e) => e.getClientRects().length > 0
                         && getComputedStyle(e).visibility !== 'hidden';
  const box = (...els) => {
    const rs = els.filter(Boolean).map(e => e.getBoundingClientRect());
    const left = Math.min(...rs.map(r => r.left)), right = Math.max(...rs.map(r => r.right));
    const top = Math.min(...rs.map(r => r.top)), bottom = Math.max(...rs.map(r => r.bottom));
    return {width: right - left, height: bottom - top};
  };
  const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + ' "' + (e.innerText || e.value || '').trim().slice(0, 40) + '"';
  const inline = (a) => {
    let block = a.parentElement;
    while (block && ['inline', 'inline-block', 'contents'].includes(
        getComputedStyle(block).display)) block = block.parentElement;
    const own = a.textContent.replace(/\\s+/g, '');
    return block.textContent.replace(/\\s+/g, '').length > own.length;
  };
  const targets = [];
  for (const b of document.querySelectorAll('button, a.button, input[type=submit]'))
    if (visible(b)) targets.push({what: describe(b), ...box(b)});
  for (const i of document.querySelectorAll('input[type=radio], input[type=checkbox]')) {
    const label = document.querySelector(`label[for="${i.id}"]`);
    targets.push({what: describe(i) + ' + label', ...box(i, label)});
  }
  for (const a of document.querySelectorAll('main a[href], a.back-link')) {
    if (!visible(a) || a.classList.contains('button')) continue;
    if (inline(a) && !always.some(s => a.matches(s))) continue;
    targets.push({what: describe(a), ...box(a)});
  }
  return targets;
}"""


class Measured:
    """Tap targets measured page by page: those too small, and which links were seen."""

    def __init__(self) -> None:
        self.too_small: list[str] = []
        self.counted = 0
        self.seen: set[str] = set()

    def measure(self, page, path: str) -> None:
        wait_for_fonts(page)  # measure the real text
        targets = page.evaluate(TARGETS_JS, ALWAYS)
        assert targets, f"no tap targets found on {path}"
        self.counted += len(targets)
        self.too_small += [f"{path}: {t['what']} is {t['width']:.0f} x {t['height']:.0f}"
                           for t in targets if t["width"] < MIN - 0.5 or t["height"] < MIN - 0.5]
        self.seen |= {s for s in {s for ss in EXPECTED.values() for s in ss}
                      if page.locator(s).count()}

    def check(self, test: str, at_least: int) -> None:
        missing = [s for s in EXPECTED[test] if s not in self.seen]
        assert not missing, f"not on the pages, so not measured: {missing}"
        assert self.counted > at_least
        assert not self.too_small, "\n".join(self.too_small)


def test_tap_targets_on_a_phone(new_page, answered):
    page = new_page(storage_state=answered, **PHONE)
    measured = Measured()
    for path in PAGES:
        response = page.goto(path)
        assert response.status == 200 and page.url.endswith(path), (path, page.url)
        measured.measure(page, path)
    measured.check("test_tap_targets_on_a_phone", 40)


def test_tap_targets_beyond_the_questionnaire(new_page):
    page = new_page(**PHONE)
    measured = Measured()
    for path, status in EXTRA_PAGES.items():
        response = page.goto(path)
        assert response.status == status and page.url.endswith(path), (path, page.url)
        measured.measure(page, path)
    measured.check("test_tap_targets_beyond_the_questionnaire", 100)


@pytest.mark.parametrize("slug", ["herlev", "fredericia"])
def test_tap_targets_on_a_result_with_dates(new_page, slug):
    guide = Guide(new_page(**PHONE))
    guide.walk_to_result(dated_today(PERSONAS[slug]))
    measured = Measured()
    measured.measure(guide.page, guide.path())
    measured.check("test_tap_targets_on_a_result_with_dates", 10)
