"""LIX readability of every page type, in Danish.

Renders the pages with the Flask test client (no server, no network) and measures the
visible text of ``<main>``: the start pages, every question as the person, a relative and
a GP would see it, questions with an error, the check page, a result page for a persona
in each municipality with a standard (and one without), privacy, about, an error page,
and any other page the app serves (found in its URL map, so new pages are measured too).

LIX = words / sentences + 100 * long words / words, where a long word has more than six
letters. A sentence ends at ``.``, ``!``, ``?`` or ``:`` followed by a capital letter, and
at the end of every block (paragraph, list item, heading, label, button ...): on a web page
a heading or a list item is read as one unit. Abbreviations ("kl. 9.30", "3. april",
"§ 86 stk. 1") are not sentence ends. Only words with letters count (not "2026" or phone
numbers). Text that is not on the screen (``sr-only``, ``print-only``) and the 98
municipality names in the drop-down are left out. Names and titles are not our wording and
cannot be made plainer: titles of laws and standards (``<cite>``), postal addresses
(``<address>``) and other names marked ``translate="no"`` (units, law references, lists of
municipalities). The target applies to the text without them; the column "alt" shows the
LIX of everything.

Targets: question pages under 30, every other page under 40. ``make lix`` prints the table
and exits 1 when a page misses its target.

    python tools/lix.py            # the table
    python tools/lix.py --worst 5  # also the five hardest blocks of text on each failing page
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import html5lib
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

QUESTION_TARGET = 30.0
PAGE_TARGET = 40.0

BLOCKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "label", "legend", "button",
    "summary", "td", "th", "caption", "figcaption", "div", "section", "ul", "ol", "dl",
    "form", "fieldset", "details", "table", "tr", "blockquote", "address", "br", "select",
    "nav", "article", "aside", "header", "footer",
}
SKIP_TAGS = {"script", "style", "template", "option", "noscript"}
HIDDEN_CLASSES = {"sr-only", "print-only"}

WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
LETTER = re.compile(r"[^\W\d_]")
SENTENCE_END = re.compile(r"[.!?:](?=\s+[\"„»(]?[A-ZÆØÅÉ])")


@dataclass
class Score:
    words: int = 0
    sentences: int = 0
    long_words: int = 0
    blocks: list[str] = field(default_factory=list)

    @property
    def lix(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    def add(self, text: str) -> None:
        words = [w for w in WORD.findall(text) if LETTER.search(w)]
        if not words:
            return
        self.blocks.append(text)
        self.words += len(words)
        self.long_words += sum(1 for w in words if len(LETTER.findall(w)) > 6)
        self.sentences += 1 + len(SENTENCE_END.findall(text.rstrip()))


def block_lix(text: str) -> float:
    score = Score()
    score.add(text)
    return score.lix


def lix_of_text(text: str) -> float:
    """LIX of plain text; blank lines separate blocks."""
    score = Score()
    for block in re.split(r"\n\s*\n", text):
        score.add(" ".join(block.split()))
    return score.lix


def _hidden(el: Any, cites: bool) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if not cites and (tag in ("cite", "address") or el.get("translate") == "no"):
        return True
    if tag in SKIP_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    return bool(HIDDEN_CLASSES & set((el.get("class") or "").split()))


def main_blocks(html: str, cites: bool = False) -> list[str]:
    """The visible text of <main>, one string per block (names and titles only if asked)."""
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    main = doc.find(".//main")
    if main is None:
        raise ValueError("page has no <main>")
    blocks: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        if text:
            blocks.append(text)
        buffer.clear()

    def walk(el: Any) -> None:
        if _hidden(el, cites):
            if el.tail:
                buffer.append(el.tail)
            return
        block = el.tag in BLOCKS
        if block:
            flush()
        if el.text:
            buffer.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buffer.append(el.tail)

    walk(main)
    flush()
    return blocks


def measure(html: str, cites: bool = False) -> Score:
    score = Score()
    for block in main_blocks(html, cites):
        score.add(block)
    return score


# --------------------------------------------------------------------------- the pages

_SHARED = yaml.safe_load((Path(__file__).resolve().parents[1] / "tests" / "personas.yaml")
                        .read_text(encoding="utf-8"))
# The shared personas, with a decision date (so the complaint parts are measured too) and a
# fuller answer set for the municipality without a standard.
PERSONAS: dict[str, dict[str, Any]] = {
    **_SHARED,
    "broenderslev": {**_SHARED["broenderslev"], "decision_date": "2026-12-22"},
    "aarhus": {"age": 78, "in_hospital": False, "hospital_plan": "no", "function_loss": "lasting",
               "self_training_enough": "no", "motivated": True, "care_home": "none",
               "chronic_conditions": ["copd"], "smoker": False, "pensioner": True},
}
WHO = ("self", "relative", "gp")
COVERED = {"pages.start", "pages.municipality_start", "pages.privacy", "pages.about",
           "questionnaire.resume", "questionnaire.question", "questionnaire.check",
           "questionnaire.result", "static"}


@dataclass
class Page:
    name: str
    kind: str  # "question" (target 30) or "page" (target 40)
    url: str
    html: str


def _app() -> Any:
    from webapp import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False,
                           "RATE_LIMIT_PER_MINUTE": 10**9})


def _get(client: Any, url: str, method: str = "GET", lang: str = "da", **kw: Any) -> str:
    response = client.open(url, method=method, headers={"Accept-Language": lang}, **kw)
    if response.mimetype != "text/html":
        raise RuntimeError(f"{url}: not an HTML page ({response.status_code})")
    return str(response.get_data(as_text=True))


def _session(client: Any, slug: str, who: str, answers: dict[str, Any], lang: str = "da") -> None:
    with client.session_transaction() as s:
        s.clear()
        s["who"], s["m"], s["a"], s["lang"] = who, slug, dict(answers), lang


def _complete(app: Any, client: Any, slug: str, who: str, persona: dict[str, Any],
              lang: str = "da") -> None:
    """Store the persona's answers, and 'unknown' for anything else the flow asks."""
    from webapp.domain.flow import UNKNOWN, walk
    from webapp.questionnaire.catalogue import QUESTIONS

    answers = dict(persona)
    for _ in range(40):
        state = walk(app.extensions["rules"], slug, answers)
        if state.next is None:
            break
        answers[state.next] = [] if QUESTIONS[state.next].kind == "multi" else UNKNOWN
    _session(client, slug, who, answers, lang)


def pages(lang: str = "da", app: Any = None) -> Iterator[Page]:
    """Every page type, rendered in ``lang`` (tests/web/test_i18n.py walks them in English)."""
    from webapp.questionnaire.catalogue import QUESTIONS

    app = app or _app()
    client = app.test_client()

    def get(url: str, method: str = "GET", **kw: Any) -> str:
        return _get(client, url, method, lang, **kw)

    yield Page("Forside", "page", "/", get("/"))
    yield Page("Forside med fejl", "page", "/", get("/", "POST", data={}))
    yield Page("Kommunens link (Fredericia)", "page", "/fredericia", get("/fredericia"))
    yield Page("Kommune uden standard (Aarhus)", "page", "/aarhus", get("/aarhus"))
    for who in WHO:
        _session(client, "fredericia", who, {}, lang)
        for key in QUESTIONS:
            url = f"/fredericia/spoergsmaal/{key}"
            yield Page(f"Spørgsmål {key} ({who})", "question", url, get(url))
    _session(client, "fredericia", "self", {}, lang)
    for key, data, label in (("hospital_plan", {}, "intet svar"),
                             ("age", {"answer": "abc"}, "ikke et tal"),
                             ("discharge_date", {"day": "31", "month": "2", "year": "2026"},
                              "dato findes ikke")):
        url = f"/fredericia/spoergsmaal/{key}"
        yield Page(f"Spørgsmål {key} med fejl ({label})", "question", url,
                   get(url, "POST", data=data))
    for slug, persona in PERSONAS.items():
        for who in WHO if slug == "fredericia" else ("self",):
            _complete(app, client, slug, who, persona, lang)
            if who == "self":
                yield Page(f"Tjek dine svar ({slug})", "page", f"/{slug}/tjek",
                           get(f"/{slug}/tjek"))
            suffix = "" if who == "self" else f", {who}"
            yield Page(f"Resultat ({slug}{suffix})", "page", f"/{slug}/resultat",
                       get(f"/{slug}/resultat"))
    yield Page("Privatliv", "page", "/privatliv", get("/privatliv"))
    yield Page("Om Træningsguiden", "page", "/om", get("/om"))
    yield Page("Fejlside (404)", "page", "/findes-ikke/x", get("/findes-ikke/x"))
    yield from _extra_pages(app, client, lang)
    if "extras.complaint" in app.view_functions:
        _complete(app, client, "fredericia", "relative", PERSONAS["fredericia"], lang)
        url = "/fredericia/klage?tilbud=sel-86-1"
        yield Page("Klage: formular (Fredericia)", "page", url, get(url))
        decided = date.today() - timedelta(days=3)
        yield Page("Klage: brev (Fredericia)", "page", url, get(url, "POST", data={
            "about": "decision", "day": str(decided.day), "month": str(decided.month),
            "year": str(decided.year)}))


def _extra_pages(app: Any, client: Any, lang: str = "da") -> Iterator[Page]:
    """Any other GET page the app serves (e.g. /sammenlign, /<slug>/fagperson)."""
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if (rule.endpoint in COVERED or rule.endpoint.startswith("api.")
                or "GET" not in (rule.methods or ()) or rule.rule.startswith("/api/")):
            continue
        args = set(rule.arguments)
        if not args <= {"slug"}:
            continue
        url = rule.rule.replace("<slug>", "fredericia")
        _complete(app, client, "fredericia", "self", PERSONAS["fredericia"], lang)
        response = client.get(url, headers={"Accept-Language": lang})
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        yield Page(f"Side {rule.rule}", "page", url, response.get_data(as_text=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worst", type=int, default=0,
                        help="show the N hardest blocks of each page over its target")
    args = parser.parse_args(argv)
    rows = []
    for page in pages():
        score = measure(page.html)
        target = QUESTION_TARGET if page.kind == "question" else PAGE_TARGET
        rows.append((page, score, target, measure(page.html, cites=True).lix))
    width = max(len(p.name) for p, *_ in rows)
    print(f"{'Side':{width}}  {'ord':>5} {'sætn.':>5} {'lange':>5}  {'LIX':>5}  "
          f"{'mål':6} {'':8}    alt")
    failed = 0
    for page, score, target, with_cites in rows:
        ok = score.lix < target
        failed += not ok
        mark = "ok" if ok else "FOR SVÆR"
        print(f"{page.name:{width}}  {score.words:5} {score.sentences:5} "
              f"{score.long_words:5}  {score.lix:5.1f}  < {target:<4.0f} {mark:8}  {with_cites:5.1f}")
        if not ok and args.worst:
            for block in sorted(score.blocks, key=block_lix, reverse=True)[: args.worst]:
                print(f"    {block_lix(block):5.1f}  {block[:150]}")
    questions = [s.lix for p, s, *_ in rows if p.kind == "question"]
    others = [s.lix for p, s, *_ in rows if p.kind != "question"]
    print(f"\n{len(rows)} sider. Spørgsmål: højst {max(questions):.1f} (mål < {QUESTION_TARGET:.0f}). "
          f"Andre sider: højst {max(others):.1f} (mål < {PAGE_TARGET:.0f}).")
    if failed:
        print(f"{failed} side(r) over målet.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
