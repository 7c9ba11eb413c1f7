"""Focus visible (WCAG 2.4.7) and focus order (2.4.3), walking each page with Tab.

For every element Tab reaches: the focus indicator is drawn (an outline or a box
shadow of some width; for DKFDS's radio buttons and checkboxes it is drawn on the
label's ::before box, the native input being invisible), its colour stands out 3:1
from the background behind it (1.4.11), the element is on screen, and the Tab order
is the order of the page's source, with no focusable element skipped.
"""

from __future__ import annotations

import pytest

from .navigators import HERLEV, KeyboardGuide
from .waits import wait_for_focus_to_settle, wait_for_fonts

pytestmark = pytest.mark.browser

MAX_STOPS = 60

FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const all = [...document.querySelectorAll('*')];
  const label = (el.type === 'radio' || el.type === 'checkbox')
    ? document.querySelector(`label[for="${el.id}"]`) : null;
  const style = label ? getComputedStyle(label, '::before') : getComputedStyle(el);
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null; const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = (c) => { const ch = [c.r, c.g, c.b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]; };
  let bg = {r: 255, g: 255, b: 255, a: 1};
  for (let e = el.parentElement; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c.a >= 1) { bg = c; break; }
  }
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const ring = parse(outline ? style.outlineColor : (shadow ? style.boxShadow : '')) ;
  let contrast = null;
  if (ring) { const [hi, lo] = [lum(ring), lum(bg)].sort((a, b) => b - a);
              contrast = (hi + 0.05) / (lo + 0.05); }
  const rect = (label || el).getBoundingClientRect();
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.name ? `[name=${el.name}]` : '') + ' "' + (el.innerText || el.value || '').trim().slice(0, 30) + '"';
  return {index: all.indexOf(el), name, indicator: outline || shadow,
          outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
          shadow: style.boxShadow, contrast,
          onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0
                    && rect.top < window.innerHeight && rect.right > 0
                    && rect.left < window.innerWidth};
}"""

# Every element that should be a Tab stop, in source order; a radio group is one stop
# (the checked radio, or the first when none is checked).
TABBABLE_JS = """() => {
  const all = [...document.querySelectorAll('*')];
  const seen = new Set();
  return [...document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex="0"]')]
    .filter(e => !e.disabled && e.getClientRects().length > 0
                 && getComputedStyle(e).visibility !== 'hidden')
    .filter(e => {
      if (e.type !== 'radio') return true;
      if (seen.has(e.name)) return false;
      seen.add(e.name); return true;
    })
    .map(e => all.indexOf(e));
}"""


def tab_through(page) -> list[dict]:
    stops: list[dict] = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        # The skip link slides in (a 0.2 s transition of its position and outline):
        # measure the focus style it ends with, not the transition's first frame.
        wait_for_focus_to_settle(page)
        focused = page.evaluate(FOCUS_JS)
        if focused is None or (stops and focused["index"] == stops[0]["index"]):
            return stops
        stops.append(focused)
    raise AssertionError(f"more than {MAX_STOPS} Tab stops on {page.url}")


def check_focus(page) -> None:
    wait_for_fonts(page)  # where each element is on screen depends on the text
    stops = tab_through(page)
    assert len(stops) >= 5, stops
    problems = [f"{s['name']}: no focus indicator ({s['outline']}; {s['shadow']})"
                for s in stops if not s["indicator"]]
    problems += [f"{s['name']}: indicator contrast {s['contrast']:.2f} < 3"
                 for s in stops if s["indicator"] and (s["contrast"] or 0) < 3]
    problems += [f"{s['name']}: focused but not on screen" for s in stops if not s["onScreen"]]
    assert not problems, f"{page.url}\n" + "\n".join(problems)
    order = [s["index"] for s in stops]
    assert order == sorted(order), "Tab order differs from source order: " + \
        " -> ".join(s["name"] for s in stops)
    assert order == page.evaluate(TABBABLE_JS), "some focusable elements were skipped"


def test_focus_on_start_page(new_page):
    page = new_page()
    page.goto("/")
    check_focus(page)


def test_focus_on_question_pages(new_page):
    guide = KeyboardGuide(new_page())
    guide.start(HERLEV.slug, "self", name=HERLEV.name)
    check_focus(guide.page)  # age: a text field and two buttons
    guide.walk_to("function_loss", HERLEV.answers)
    check_focus(guide.page)  # radio buttons
