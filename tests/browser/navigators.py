"""Page objects for the questionnaire (after securedrop's tests/functional/app_navigators).

Guide walks the site the way most people do (Playwright's clicks and fills).
KeyboardGuide walks it with the keyboard only: Tab, Shift+Tab, Space, Enter, the arrow
keys and typing, never a click. Both read which kind of question a page asks from the
question catalogue, the same source the pages are rendered from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from webapp.questionnaire.catalogue import QUESTIONS, WHO
from webapp.questionnaire.forms import post_fields

UNKNOWN = "unknown"
MAX_QUESTIONS = 30


@dataclass(frozen=True)
class Persona:
    slug: str
    name: str
    answers: dict[str, Any] = field(default_factory=dict)


# A 58-year-old in Herlev who lost strength after an illness at home: Herlev has its own
# standard, and the walk asks radio, number, checkbox and date questions.
HERLEV = Persona("herlev", "Herlev Kommune", {
    "age": 58, "in_hospital": False, "hospital_plan": "no", "function_loss": "sudden",
    "hospital_treated": False, "self_training_enough": "no", "motivated": True,
    "group_ok": True, "same_problem_treated": False, "care_home": "none",
    "chronic_conditions": ["copd"], "request_date": "2026-03-30",
})


# The questionnaire's page types as HERLEV answers them (the `answered` fixture): the start
# page, each kind of question (radio, number, checkbox, date), the check page and the result.
QUESTIONNAIRE_PAGES = [
    "/",
    f"/{HERLEV.slug}/spoergsmaal/age",
    f"/{HERLEV.slug}/spoergsmaal/function_loss",
    f"/{HERLEV.slug}/spoergsmaal/chronic_conditions",
    f"/{HERLEV.slug}/spoergsmaal/request_date",
    f"/{HERLEV.slug}/tjek",
    f"/{HERLEV.slug}/resultat",
]


# The personas of the flow tests (tests/personas.yaml): one per municipality with a
# standard, and Aarhus without one. Questions they do not answer get "Ved ikke" (or
# "Spring over"), as in tests/web/test_flows.py.
PERSONAS = {slug: Persona(slug, "", answers) for slug, answers in yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "personas.yaml").read_text(encoding="utf-8")).items()}
DATE_ANSWERS = ("request_date", "discharge_date")


def today_in_copenhagen() -> date:
    """The live server's today (it runs on the real clock, in Copenhagen)."""
    return datetime.now(ZoneInfo("Europe/Copenhagen")).date()


def dated_today(persona: Persona) -> Persona:
    """The persona asking (or discharged) today: the result then has upcoming dates."""
    today = today_in_copenhagen().isoformat()
    return Persona(persona.slug, persona.name, {
        **persona.answers, **{k: today for k in DATE_ANSWERS if k in persona.answers}})


def form_value(key: str, value: Any) -> Any:
    """The value of the radio button (or list of checkbox values) for an answer."""
    kind = QUESTIONS[key].kind
    if value is None and kind in ("yesno", "choice"):
        return post_fields(QUESTIONS[key], None)["answer"]  # "Ved ikke" or "Usikker"
    if kind == "yesno":
        return {True: "yes", False: "no"}.get(value, UNKNOWN)
    if kind == "multi":
        return list(value or [])
    return UNKNOWN if value is None else str(value)


def radio_values(key: str) -> list[str]:
    """The values of a radio question's options, in page order."""
    q = QUESTIONS[key]
    values = ["yes", "no"] if q.kind == "yesno" else [v for v, _ in q.choices]
    if q.dont_know and UNKNOWN not in values:
        values.append(UNKNOWN)
    return values


class Guide:
    """The questionnaire, walked with Playwright's ordinary actions."""

    def __init__(self, page: Any) -> None:
        self.page = page

    # -- where we are
    def goto(self, path: str) -> Any:
        return self.page.goto(path)

    def path(self) -> str:
        return re.sub(r"^https?://[^/]+", "", self.page.url)

    def current_key(self) -> str | None:
        match = re.search(r"/spoergsmaal/([a-z_0-9]+)", self.page.url)
        return match.group(1) if match else None

    def h1(self) -> str:
        return str(self.page.locator("h1").inner_text()).strip()

    # -- the start page
    def start(self, slug: str, who: str = "self") -> None:
        self.goto("/")
        self.page.select_option("#municipality", slug)
        self.page.locator(f"label[for='{self._who_id(who)}']").click()
        with self.page.expect_navigation():
            self.page.locator("main form button[type=submit]").click()

    def _who_id(self, who: str) -> str:
        return f"who-{WHO.index(who)}"

    # -- questions
    def submit(self, skip: bool = False) -> None:
        selector = "main form button[name=skip]" if skip else \
            "main form button[type=submit]:not([name])"
        with self.page.expect_navigation():
            self.page.locator(selector).click()

    def answer(self, key: str, value: Any) -> None:
        kind = QUESTIONS[key].kind
        if kind in ("number", "date") and value in (None, UNKNOWN):
            self.submit(skip=True)
            return
        if kind in ("yesno", "choice"):
            index = radio_values(key).index(form_value(key, value))
            self.page.locator(f"label[for='answer-{index}']").click()
        elif kind == "multi":
            for choice in form_value(key, value):
                index = [v for v, _ in QUESTIONS[key].choices].index(choice)
                self.page.locator(f"label[for='answer-{index}']").click()
        elif kind == "number":
            self.page.fill("#answer", str(value))
        elif kind == "date":
            day = date.fromisoformat(value)
            self.fill_date(day.day, day.month, day.year)
        self.submit()

    def fill_date(self, day: object, month: object, year: object) -> None:
        """Type into the three date boxes (as given: impossible dates too)."""
        for part, text in (("day", day), ("month", month), ("year", year)):
            self.page.fill(f"#{part}", str(text))

    def answer_all(self, answers: dict[str, Any]) -> list[str]:
        asked: list[str] = []
        while (key := self.current_key()) is not None:
            assert key not in asked, f"{key} asked twice"
            asked.append(key)
            assert len(asked) <= MAX_QUESTIONS
            self.answer(key, answers.get(key))
        return asked

    def walk_to(self, wanted: str, answers: dict[str, Any]) -> None:
        """Answer questions until the page asks `wanted`."""
        for _ in range(MAX_QUESTIONS):
            key = self.current_key()
            assert key is not None, f"never asked {wanted}"
            if key == wanted:
                return
            self.answer(key, answers.get(key))
        raise AssertionError(f"never asked {wanted}")

    # -- the end of the walk
    def assert_on_check_page(self, slug: str) -> None:
        assert self.path() == f"/{slug}/tjek", self.page.url
        assert self.h1() == "Tjek dine svar"

    def see_result(self) -> None:
        with self.page.expect_navigation():
            self.page.get_by_role("link", name="Se resultatet").click()

    def walk_to_result(self, persona: Persona) -> None:
        """From the start page to the persona's result page."""
        self.start(persona.slug, "self")
        self.answer_all(persona.answers)
        assert self.path() == f"/{persona.slug}/tjek", self.page.url
        self.see_result()
        assert self.path() == f"/{persona.slug}/resultat", self.page.url


class KeyboardGuide(Guide):
    """The questionnaire, walked with the keyboard only."""

    MAX_TABS = 80

    def focused(self) -> dict[str, Any]:
        info: dict[str, Any] = self.page.evaluate(
            """() => { const e = document.activeElement;
                 return {tag: e.tagName.toLowerCase(), id: e.id, type: e.type || '',
                         name: e.name || '', value: e.value || '', checked: !!e.checked,
                         text: (e.innerText || '').trim()}; }""")
        return info

    def is_focused(self, selector: str) -> bool:
        return bool(self.page.evaluate("s => document.activeElement.matches(s)", selector))

    def tab_to(self, selector: str, backwards: bool = False) -> None:
        """Press Tab (or Shift+Tab) until the element matching `selector` has focus."""
        key = "Shift+Tab" if backwards else "Tab"
        for _ in range(self.MAX_TABS):
            self.page.keyboard.press(key)
            if self.is_focused(selector):
                return
        raise AssertionError(f"{key} never reached {selector} on {self.page.url}")

    def press_and_wait(self, key: str) -> None:
        with self.page.expect_navigation():
            self.page.keyboard.press(key)

    def start(self, slug: str, who: str = "self", name: str = "") -> None:
        self.goto("/")
        self.tab_to("#municipality")
        # A closed <select> takes type-ahead: typing the name selects it. The browser
        # forgets what was typed after a pause of about a second, so on a machine that
        # stalls between two keys (CI under load) the name is typed again after a pause
        # long enough to start afresh; typing must still be what selects it.
        for _ in range(3):
            self.page.keyboard.type(name or slug.capitalize(), delay=20)
            if self.page.eval_on_selector("#municipality", "e => e.value") == slug:
                break
            self.page.wait_for_timeout(1500)
        assert self.page.eval_on_selector("#municipality", "e => e.value") == slug
        self.tab_to("input[name=who]")
        self._choose_radio("who", list(WHO), who)
        # Back to the <select> with Shift+Tab: the choice is still there.
        self.tab_to("#municipality", backwards=True)
        assert self.page.eval_on_selector("#municipality", "e => e.value") == slug
        self.tab_to("main form button[type=submit]")
        self.press_and_wait("Enter")

    def _choose_radio(self, name: str, values: list[str], wanted: str) -> None:
        """Focus is on a radio of the group: Space checks it, arrows move the choice."""
        current = self.focused()
        assert current["name"] == name and current["type"] == "radio", current
        if not current["checked"]:
            self.page.keyboard.press("Space")
        for _ in range(len(values)):
            now = self.focused()
            if now["value"] == wanted:
                break
            step = values.index(wanted) - values.index(now["value"])
            self.page.keyboard.press("ArrowDown" if step > 0 else "ArrowUp")
        now = self.focused()
        assert now["value"] == wanted and now["checked"], now

    def submit(self, skip: bool = False) -> None:
        self.tab_to("main form button[name=skip]" if skip else
                    "main form button[type=submit]:not([name])")
        self.press_and_wait("Enter")

    def answer(self, key: str, value: Any) -> None:
        kind = QUESTIONS[key].kind
        if kind in ("number", "date") and value in (None, UNKNOWN):
            self.submit(skip=True)
            return
        if kind in ("yesno", "choice"):
            self.tab_to("input[name=answer]")
            self._choose_radio("answer", radio_values(key), form_value(key, value))
        elif kind == "multi":
            values = [v for v, _ in QUESTIONS[key].choices]
            for choice in form_value(key, value):
                self.tab_to(f"#answer-{values.index(choice)}")
                self.page.keyboard.press("Space")
                assert self.focused()["checked"]
        elif kind == "number":
            self.tab_to("#answer")
            self.page.keyboard.type(str(value))
        elif kind == "date":
            day = date.fromisoformat(value)
            for part, text in (("day", day.day), ("month", day.month), ("year", day.year)):
                self.tab_to(f"#{part}")
                self.page.keyboard.type(str(text))
        self.submit()

    def see_result(self) -> None:
        self.tab_to("main a.button")
        assert self.focused()["text"] == "Se resultatet"
        self.press_and_wait("Enter")
