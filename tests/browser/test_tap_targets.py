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
  exempt. A link that stands on its own must be 44 x 44.
"""

from __future__ import annotations

import pytest

from .navigators import HERLEV

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
MIN = 44
PAGES = [
    "/",
    "/privatliv",
    f"/{HERLEV.slug}/spoergsmaal/age",
    f"/{HERLEV.slug}/spoergsmaal/function_loss",
    f"/{HERLEV.slug}/spoergsmaal/chronic_conditions",
    f"/{HERLEV.slug}/spoergsmaal/request_date",
    f"/{HERLEV.slug}/tjek",
    f"/{HERLEV.slug}/resultat",
]

TARGETS_JS = """() => {
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
    if (!visible(a) || a.classList.contains('button') || inline(a)) continue;
    targets.push({what: describe(a), ...box(a)});
  }
  return targets;
}"""


def test_tap_targets_on_a_phone(new_page, answered):
    page = new_page(storage_state=answered, **PHONE)
    too_small = []
    counted = 0
    for path in PAGES:
        response = page.goto(path)
        assert response.status == 200 and page.url.endswith(path), (path, page.url)
        page.evaluate("() => document.fonts.ready.then(() => true)")  # measure the real text
        targets = page.evaluate(TARGETS_JS)
        assert targets, f"no tap targets found on {path}"
        counted += len(targets)
        too_small += [f"{path}: {t['what']} is {t['width']:.0f} x {t['height']:.0f}"
                      for t in targets if t["width"] < MIN - 0.5 or t["height"] < MIN - 0.5]
    assert counted > 40
    assert not too_small, "\n".join(too_small)
