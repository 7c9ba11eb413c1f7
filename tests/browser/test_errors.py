"""The error summary (WCAG 3.3.1, 2.4.3): after a form is sent with a problem, focus is
on the summary, which comes before the form, and its link takes focus to the field.

No JavaScript is involved: the summary has tabindex="-1" and autofocus, and its links
are in-page links to the fields' ids; so the tests run with JavaScript on and off.
"""

from __future__ import annotations

import pytest

from .navigators import HERLEV, Guide, KeyboardGuide

pytestmark = pytest.mark.browser

SUMMARY_JS = """() => {
  const summary = document.querySelector('.error-summary');
  const form = document.querySelector('main form');
  const active = document.activeElement;
  return {
    focused: !!summary && (active === summary || summary.contains(active)),
    active: active.outerHTML.slice(0, 120),
    beforeForm: !!summary && !!(summary.compareDocumentPosition(form)
                               & Node.DOCUMENT_POSITION_FOLLOWING),
    links: [...summary.querySelectorAll('a')].map(a => a.getAttribute('href')),
    text: summary.innerText,
  };
}"""


def follow_first_link(guide: KeyboardGuide) -> str:
    """Tab from the summary to its first link, press Enter; return the focused id."""
    guide.page.keyboard.press("Tab")
    assert guide.page.evaluate(
        "() => document.activeElement.closest('.error-summary') !== null"), \
        "Tab from the summary does not reach its link"
    guide.page.keyboard.press("Enter")
    guide.page.wait_for_function("() => location.hash !== ''")
    return str(guide.page.evaluate("() => document.activeElement.id"))


def summary(guide: Guide) -> dict:
    state: dict = guide.page.evaluate(SUMMARY_JS)
    assert state["focused"], f"focus is on {state['active']}, not the error summary"
    assert state["beforeForm"], "the error summary comes after the form"
    return state


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_empty_radio_question(new_page, javascript):
    guide = KeyboardGuide(new_page(java_script_enabled=javascript))
    Guide.start(guide, HERLEV.slug)
    guide.walk_to("in_hospital", HERLEV.answers)
    guide.submit()  # nothing chosen
    state = summary(guide)
    assert state["links"] == ["#answer-0"]
    assert "Vælg et svar." in state["text"]
    assert guide.page.title().startswith("Fejl: ")
    assert follow_first_link(guide) == "answer-0"
    # The radio buttons carry the error message too.
    described = guide.page.get_attribute("fieldset", "aria-describedby") or ""
    assert "answer-error" in described.split()


def test_impossible_date(new_page, answered):
    guide = KeyboardGuide(new_page(storage_state=answered))
    guide.goto(f"/{HERLEV.slug}/spoergsmaal/request_date")
    for part, text in (("day", "30"), ("month", "2"), ("year", "2026")):
        guide.page.fill(f"#{part}", text)
    guide.submit()
    state = summary(guide)
    assert state["links"] == ["#day"]
    assert "Den dato findes ikke" in state["text"]
    assert follow_first_link(guide) == "day"


def test_empty_start_page(new_page):
    guide = KeyboardGuide(new_page())
    guide.goto("/")
    guide.tab_to("main form button[type=submit]")
    guide.press_and_wait("Enter")
    state = summary(guide)
    assert state["links"] == ["#municipality", "#who-0"]
    assert follow_first_link(guide) == "municipality"
