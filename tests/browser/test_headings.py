"""No empty sections on the result pages (WCAG 1.3.1, 2.4.6): a heading is always followed
by some content before the next heading of the same or a higher level. A screen-reader
user who jumps to "Sådan søger du" must find something under it.

Walked in the browser for the persona of each municipality with a standard
(tests/personas.yaml), as they answered, and as if they asked today (which adds the
upcoming dates and the calendar link).
"""

from __future__ import annotations

import pytest

from .navigators import PERSONAS, Guide, dated_today

pytestmark = pytest.mark.browser

MUNICIPALITIES = ["broenderslev", "fredensborg", "fredericia", "herlev", "nyborg"]

# For each h2-h4 on the page: the next heading in document order, and whether any
# rendered text (or an image, a form control) comes between the two.
EMPTY_SECTIONS_JS = """() => {
  const isHeading = (e) => /^H[1-6]$/.test(e.tagName);
  const rendered = (e) => e.getClientRects().length > 0
                          && getComputedStyle(e).visibility !== 'hidden';
  const empty = [];
  for (const h of document.querySelectorAll('h2, h3, h4')) {
    if (!rendered(h)) continue;
    const level = Number(h.tagName[1]);
    const walker = document.createTreeWalker(document.body,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    walker.currentNode = h;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (h.contains(node)) continue;
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.data.trim() && rendered(node.parentElement)) break;
      } else if (isHeading(node) && rendered(node)) {
        if (Number(node.tagName[1]) <= level)
          empty.push(`<${h.tagName.toLowerCase()}>${h.innerText.trim()}</${h.tagName.toLowerCase()}>`
                     + ` then <${node.tagName.toLowerCase()}>${node.innerText.trim()}`);
        break;
      } else if (node.matches('img, svg, input, select, textarea, button') && rendered(node)) {
        break;
      }
    }
  }
  return empty;
}"""


@pytest.mark.parametrize("when", ["as-answered", "today"])
@pytest.mark.parametrize("slug", MUNICIPALITIES)
def test_no_heading_without_content_on_the_result_page(new_page, slug, when):
    persona = PERSONAS[slug] if when == "as-answered" else dated_today(PERSONAS[slug])
    guide = Guide(new_page())
    guide.walk_to_result(persona)
    assert guide.page.locator("main h3").count() >= 2  # the offers
    empty = guide.page.evaluate(EMPTY_SECTIONS_JS)
    assert not empty, f"{guide.page.url}: headings without content:\n" + "\n".join(empty)


def test_the_check_finds_an_empty_section(new_page):
    """The JavaScript above does find a heading followed by another one."""
    page = new_page()
    page.goto("/privatliv")
    page.evaluate("""() => { const h = document.querySelector('main h2');
        h.insertAdjacentHTML('afterend', '<h3>Tom</h3><h3>Næste</h3><p>Tekst</p>'); }""")
    assert page.evaluate(EMPTY_SECTIONS_JS) == ["<h3>Tom</h3> then <h3>Næste"]
