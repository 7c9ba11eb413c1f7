"""The questionnaire: one question per page, the check page, the result, and "Slet mine svar".

Answers live only in the signed session cookie. Views read the form, ask the domain what
comes next, and render.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    session,
)
from werkzeug.wrappers import Response

from .. import context, pagecache
from ..domain.assess import assess
from ..domain.flow import Walk, walk
from ..domain.loader import RuleBook
from ..domain.rules import Municipality
from ..routing import came_from
from ..speedups import gettext as _
from ..speedups import url_for  # the slug and key are checked before any link is built
from .catalogue import QUESTIONS, WHO
from .forms import build_form, date_order_problem, read_answer
from .present import answer_text, result_view

bp = Blueprint("questionnaire", __name__)


def book() -> RuleBook:
    return context.rule_book()


def municipality_or_404(slug: str) -> Municipality:
    found = book().municipalities.get(slug)
    if found is None:
        abort(404)
    return found


def stored_answers() -> dict[str, Any]:
    answers = session.get("a")
    return dict(answers) if isinstance(answers, dict) else {}


def answered_municipality() -> Municipality | None:
    """The municipality the answers in this browser are for; None without answers. Never
    an answer itself: the start page and "Slet mine svar" name whose answers are here."""
    remembered = session.get("m")
    if not stored_answers() or not isinstance(remembered, str):
        return None
    return book().municipalities.get(remembered)


def who() -> str:
    value = session.get("who")
    return value if value in WHO else "self"


def current_walk(slug: str) -> Walk:
    return walk(book(), slug, stored_answers())


def no_answers_here(slug: str) -> Response:
    """A page of the questionnaire with no visit in this browser (a link sent on, a
    bookmark, a day later): to the start, saying why, instead of a start page that seems
    to have forgotten everything without a word."""
    # Said once however often it is asked before the start page is seen: a client that
    # does not follow the redirect piled up one copy per request (a fuzzing session).
    if request.method == "GET" and "_flashes" not in session:
        flash(_("Der er ingen svar i denne browser. Svarene bliver kun i den browser, de blev "
                "givet i, og højst et døgn. Start forfra her."), "info")
    return redirect(url_for("pages.municipality_start", slug=slug))


def step_url(slug: str, state: Walk, came_from: str | None = None) -> str:
    """The next unanswered question, else the check page; when an answer was changed from
    the result page (``came_from == "resultat"``), back to the result once all is answered,
    and the questions a change opens keep that way back."""
    from_result = came_from == "resultat"
    if state.next is None:
        return url_for("questionnaire.result" if from_result else "questionnaire.check",
                       slug=slug)
    return url_for("questionnaire.question", slug=slug, key=state.next,
                   **({"fra": came_from} if from_result else {}))


@bp.get("/<municipality:slug>/start")
def resume(slug: str) -> Response:
    """First unanswered question (or the check page when everything is answered)."""
    municipality_or_404(slug)
    if "who" not in session:
        return no_answers_here(slug)
    return redirect(step_url(slug, current_walk(slug)))


@bp.route("/<municipality:slug>/spoergsmaal/<question:key>", methods=["GET", "POST"])
def question(slug: str, key: str) -> Any:
    municipality = municipality_or_404(slug)
    q = QUESTIONS[key]
    if "who" not in session:
        return no_answers_here(slug)
    answers = stored_answers()
    form = None
    error = None
    if request.method == "POST":
        form = build_form(q, answers.get(key), request.form)
        ok, value, error = read_answer(q, form)
        if ok and (problem := date_order_problem(key, value, answers, context.today())):
            ok, error = False, problem
        if ok:
            answers[key] = value
            session["a"] = answers
            session["m"] = slug
            return redirect(step_url(slug, current_walk(slug), request.args.get("fra")))
    state = current_walk(slug)
    path = list(state.path)
    position = path.index(key) + 1 if key in path else len(path) + 1
    total = max(position, len(path) + state.remaining)
    earlier = path[: position - 1]
    came_from = request.args.get("fra")
    back = (url_for("questionnaire.check", slug=slug) if came_from == "tjek"
            else url_for("questionnaire.result", slug=slug) if came_from == "resultat"
            else url_for("questionnaire.question", slug=slug, key=earlier[-1]) if earlier
            else url_for("pages.municipality_start", slug=slug))

    def render(form: Any) -> str:
        return render_template(
            "questionnaire/question.html", municipality=municipality, q=q, form=form,
            heading=q.heading(who()), who=who(), step=position, total=total, back=back,
            date_error=error,
        )

    if form is not None:
        return render(form), 400
    if key in answers or not pagecache.cacheable_request():  # shows an answer: never kept
        return render(build_form(q, answers.get(key), None))
    page_key = ("question", slug, key, who(), position, total, back)
    return pagecache.cached_render(page_key, lambda: render(build_form(q, None, None)))


def finished_walk(slug: str) -> Walk | Response:
    """The walk over every question asked, or where to go first: the start page (nobody
    has started) or the next unanswered question."""
    if "who" not in session:
        return no_answers_here(slug)
    state = current_walk(slug)
    if state.next is not None:
        return redirect(step_url(slug, state))
    return state


def answer_rows(slug: str, state: Walk, links: bool = True,
                person: str | None = None) -> list[dict[str, Any]]:
    """Each question asked, with the answer as the person gave it (check and result pages);
    ``links``: with the address to change it (the check page); ``person``: whom the
    questions speak to, if not the one filling in (the printed result speaks to the person
    who trains: "Hvor gammel er du?", not "… din pårørende?", a user test)."""
    stored, person = stored_answers(), person or who()
    rows = []
    for key in state.path:
        q = QUESTIONS[key]
        question = q.heading(person)
        rows.append({"key": key, "label": q.short or question, "question": question,
                     "value": answer_text(q, stored.get(key)),
                     "change": url_for("questionnaire.question", slug=slug, key=key,
                                       fra="tjek") if links else None})
    return rows


@bp.get("/<municipality:slug>/tjek")
def check(slug: str) -> Any:
    municipality = municipality_or_404(slug)
    state = finished_walk(slug)
    if not isinstance(state, Walk):
        return state
    rows = answer_rows(slug, state)
    back = (url_for("questionnaire.question", slug=slug, key=state.path[-1]) if state.path
            else url_for("pages.municipality_start", slug=slug))
    return render_template("questionnaire/check.html", municipality=municipality, rows=rows,
                           back=back, who=who())


@bp.get("/<municipality:slug>/resultat")
def result(slug: str) -> Any:
    municipality = municipality_or_404(slug)
    state = finished_walk(slug)
    if not isinstance(state, Walk):
        return state
    assessment = assess(municipality, state.answers, context.today(), book())
    view = result_view(assessment, slug)
    # ?kort=1: the short version to print (a full printout ran to 7-16 A4 pages): the
    # offers that may fit, with how to get them, and no more.
    return render_template("questionnaire/result.html", municipality=municipality, view=view,
                           who=who(), standard=book().standards.get(slug),
                           answers=answer_rows(slug, state, links=False, person="self"),
                           printed=context.today(), short=request.args.get("kort") == "1",
                           back=url_for("questionnaire.check", slug=slug))


@bp.get("/slet")
def clear_page() -> str:
    """The footer's "Slet mine svar" asks first: one tap at the bottom of a page, with an
    unsteady hand, took every answer (a user test). Says whose answers are here."""
    anything = any(name in session for name in ("a", "m", "who"))
    return render_template("questionnaire/clear.html", municipality=answered_municipality(),
                           anything=anything, back=came_from())


@bp.post("/slet")
def clear() -> Response:
    lang = session.get("lang")
    message = _("Dine svar er slettet.")  # before clearing: in the language of the visit
    session.clear()
    flash(message, "success")
    return redirect(url_for("pages.start", lang=lang) if lang else url_for("pages.start"))
