"""Reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS px, nor at 1280 px zoomed to
200 % (emulated as a 640 px wide viewport with two device pixels per CSS pixel)."""

from __future__ import annotations

import pytest

from .navigators import HERLEV, PERSONAS, QUESTIONNAIRE_PAGES, Guide
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
    "/klage": 200,
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


# Text blocks keep a readable width when the page is zoomed: the result page nests boxes
# (result group > offer > "Godt at vide"), and at 180 CSS px (a 360 px phone at 200 %)
# their insets left a note's text 24 px wide, three letters a line.
ZOOMED_PHONE = {**PHONE, "viewport": {"width": 180, "height": 370}, "device_scale_factor": 4}
NARROWEST_TEXT_JS = """() => [...document.querySelectorAll(
    'main p, main li, main dd, main h1, main h2, main h3, main h4')]
  .filter(e => e.offsetParent && e.textContent.trim())
  .map(e => ({width: Math.round(e.getBoundingClientRect().width),
              what: `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} `
                    + e.textContent.trim().slice(0, 30)}))
  .sort((a, b) => a.width - b.width).slice(0, 3)"""


@pytest.mark.parametrize("persona", ["herlev", "fredericia", "nyborg"])
def test_result_text_keeps_its_width_on_a_zoomed_phone(new_page, persona):
    page = new_page(**ZOOMED_PHONE)
    Guide(page).walk_to_result(PERSONAS[persona])
    wait_for_fonts(page)
    narrowest = page.evaluate(NARROWEST_TEXT_JS)
    # 180 px less the page's margins; at least eight letters a line.
    assert narrowest[0]["width"] >= 80, narrowest
    assert page.evaluate(OVERFLOW_JS, 180)["scrollWidth"] <= 180


# "Kort fortalt": how far below the top of its bullet each offer's link text starts.
BULLET_GAP_JS = """() => [...document.querySelectorAll('.summary-offers > li')].map(li => {
  const range = document.createRange();
  range.selectNodeContents(li.querySelector('a').firstChild);
  const bulletTop = li.getBoundingClientRect().top
                    + parseFloat(getComputedStyle(li, '::before').top);
  return Math.round(range.getClientRects()[0].top - bulletTop);
})"""


def test_summary_bullets_stand_beside_their_links(new_page):
    """The link is a tall tap target: its text started 13 px below the bullet, which stood
    on a line of its own above it (a usability test)."""
    page = new_page(**PHONE)
    Guide(page).walk_to_result(PERSONAS["herlev"])
    gaps = page.evaluate(BULLET_GAP_JS)
    assert gaps and all(0 <= gap <= 6 for gap in gaps), gaps
    # Each date (and the phone number) on a line of its own, not one long paragraph.
    lines = page.evaluate("""() => [...document.querySelectorAll('.summary-offers .summary-line')]
        .map(e => getComputedStyle(e).display)""")
    assert lines and set(lines) == {"block"}, lines


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


# --------------------------------------------------------------------------- date boxes
# The three date boxes (Dag / Måned / År) with large text or zoom: each box shows all of
# what was typed ("2026", not "26"), and no label lies on another. Nyborg asks when the
# person came home from hospital (a date question reached after the hospital plan).
DATE_VIEWS = {
    "320px": ({"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1}, None),
    "360px-text-200%": (PHONE, "200%"),
    "360px-text-doubled": (PHONE, "doubled"),
    # 360 px zoomed to 200 %: 180 CSS px wide.
    "360px-zoom-200%": ({**PHONE, "viewport": {"width": 180, "height": 370},
                         "device_scale_factor": 4}, None),
}

DATE_BOXES_JS = """() => {
  const rect = e => e.getBoundingClientRect();
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
                         && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const boxes = ['day', 'month', 'year'].map(id => {
    const input = document.getElementById(id);
    return {id, value: input.value, scrollWidth: input.scrollWidth,
            clientWidth: input.clientWidth,
            input: rect(input).toJSON(),
            label: rect(document.querySelector(`label[for=${id}]`)).toJSON()};
  });
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      for (const [p, q] of [['label', 'label'], ['input', 'input'],
                            ['label', 'input'], ['input', 'label']])
        if (overlap(boxes[i][p], boxes[j][q]))
          overlaps.push(`${boxes[i].id} ${p} / ${boxes[j].id} ${q}`);
  return {boxes, overlaps};
}"""


@pytest.mark.parametrize("view", sorted(DATE_VIEWS))
def test_date_boxes_show_the_whole_date_with_large_text(new_page, view):
    options, how = DATE_VIEWS[view]
    page = new_page(**options)
    guide = Guide(page)
    guide.start("nyborg", "self")
    guide.walk_to("discharge_date", PERSONAS["nyborg"].answers)
    if how:
        enlarge_text(page, how)
    else:
        wait_for_fonts(page)
    guide.fill_date(24, 12, 2026)
    measured = page.evaluate(DATE_BOXES_JS)
    cut = [b for b in measured["boxes"] if b["scrollWidth"] > b["clientWidth"]]
    assert [b["value"] for b in measured["boxes"]] == ["24", "12", "2026"]
    assert not cut, cut
    assert not measured["overlaps"], measured
    width = options["viewport"]["width"]
    assert page.evaluate(OVERFLOW_JS, width)["scrollWidth"] <= width


HYPHENS_JS = """(selector) => {
  const style = getComputedStyle(document.querySelector(selector));
  return {hyphens: style.hyphens,
          minWord: parseInt(style.hyphenateLimitChars.split(' ')[0], 10) || 5};
}"""


@pytest.mark.parametrize("selector, longest", [("h1", 9), ("main p", 12)])
def test_long_words_are_hyphenated_rather_than_cut(new_page, answered, selector, longest):
    """A word wider than the line is hyphenated (where the browser has a Danish or
    English dictionary) before overflow-wrap cuts it anywhere: "udskre-vet?", not
    "udskreve / t?". Debian's Chromium has no dictionaries, so this reads the style:
    hyphenation is on, for words as short as `longest` letters ("udskrevet")."""
    page = new_page(storage_state=answered)
    page.goto(f"/{HERLEV.slug}/spoergsmaal/request_date")
    style = page.evaluate(HYPHENS_JS, selector)
    assert style["hyphens"] == "auto", style
    assert style["minWord"] <= longest, style
