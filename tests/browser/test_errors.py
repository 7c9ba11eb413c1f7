"""The error summary (WCAG 3.3.1, 2.4.3): after a form is sent with a problem, focus is
on the summary, which comes before the form, and its link takes focus to the field.

No JavaScript is involved: the summary has tabindex="-1" and autofocus, and its links
are in-page links to the fields' ids; so the tests run with JavaScript on and off.
"""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

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


FOCUS_ON_TARGET_JS = """() => location.hash !== ''
  && document.activeElement === document.getElementById(location.hash.slice(1))"""


def follow_first_link(guide: KeyboardGuide) -> str:
    """Tab from the summary to its first link, press Enter; return the focused id."""
    guide.page.keyboard.press("Tab")
    assert guide.page.evaluate(
        "() => document.activeElement.closest('.error-summary') !== null"), \
        "Tab from the summary does not reach its link"
    guide.page.keyboard.press("Enter")
    # Wait for what is checked, focus on the target, not only for the new hash: the
    # browser may move focus at a later rendering step (it does while rendering is
    # blocked). Then say where focus is.
    with contextlib.suppress(PlaywrightTimeout):  # the caller checks the focused id
        guide.page.wait_for_function(FOCUS_ON_TARGET_JS, timeout=5000)
    return str(guide.page.evaluate("() => document.activeElement.id"))


FOCUS_ON_SUMMARY_JS = """() => {
  const summary = document.querySelector('.error-summary');
  return !!summary && summary.contains(document.activeElement);
}"""


def summary(guide: Guide) -> dict:
    # The browser runs `autofocus` at its next rendering step, which may come after
    # the load event a navigation waits for: wait for it (5 s), then read the page.
    with contextlib.suppress(PlaywrightTimeout):  # the assertion below says where focus is
        guide.page.wait_for_function(FOCUS_ON_SUMMARY_JS, timeout=5000)
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
    guide.fill_date("30", "2", "2026")
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


# --------------------------------------------------------------------------- per field
# The error message is on the fieldset, and also on each box and option in it: a
# screen reader says it when focus lands in the box (many do not read a fieldset's
# description when focus moves into it from the error summary's link).

def accessible_description(page, selector: str) -> str:
    """The description Chromium's accessibility tree gives the element (what screen
    readers get), read through the DevTools protocol."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"{selector} not found"
        tree = cdp.send("Accessibility.getPartialAXTree",
                        {"nodeId": node, "fetchRelatives": False})["nodes"]
        description = tree[0].get("description", {}).get("value", "")
        return " ".join(str(description).split())
    finally:
        cdp.detach()


def error_text(page, field_id: str) -> str:
    text = page.locator(f"#{field_id}-error").inner_text()
    return " ".join(text.replace("Fejl:", "").split())


def test_each_date_box_carries_the_error_message(new_page, answered):
    guide = Guide(new_page(storage_state=answered))
    guide.goto(f"/{HERLEV.slug}/spoergsmaal/request_date")
    guide.fill_date("40", "1", "2026")
    guide.submit()
    error = error_text(guide.page, "day")
    assert error, "no error message shown"
    hint = guide.page.locator("#day-hint")
    for part in ("day", "month", "year"):
        described = accessible_description(guide.page, f"#{part}")
        assert error in described, (part, described)
        if hint.count():  # the hint stays part of the description
            assert " ".join(hint.inner_text().split()) in described, (part, described)


def test_each_date_box_in_the_complaint_helper_carries_the_error_message(new_page):
    page = new_page()
    page.goto("/broenderslev/klage?tilbud=sel-86-1")
    if page.locator("label[for='about-0']").count():  # more than one thing to disagree with
        page.locator("label[for='about-0']").click()
    Guide(page).fill_date("40", "1", "2026")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    error = error_text(page, "day")
    hint = " ".join(page.locator("#day-hint").inner_text().split())
    for part in ("day", "month", "year"):
        described = accessible_description(page, f"#{part}")
        assert error in described and hint in described, (part, described)


def test_each_radio_button_carries_the_error_message(new_page):
    guide = Guide(new_page())
    guide.start(HERLEV.slug)
    guide.walk_to("in_hospital", HERLEV.answers)
    guide.submit()  # nothing chosen
    error = error_text(guide.page, "answer")
    assert "Vælg et svar." in error
    radios = guide.page.locator("input[name=answer]")
    assert radios.count() >= 2
    for i in range(radios.count()):
        assert error in accessible_description(guide.page, f"#answer-{i}"), i
