"""Start page, the GP's link (/<slug>), privacy and about pages."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from wtforms import RadioField, SelectField
from wtforms.validators import InputRequired

from .. import context, pagecache
from ..domain.loader import RuleBook
from ..domain.rules import Municipality
from ..i18n import TranslatedForm
from ..questionnaire import answered_municipality
from ..questionnaire.catalogue import WHO_LABELS
from ..routing import came_from
from ..speedups import lazy_gettext as _l

bp = Blueprint("pages", __name__)


def book() -> RuleBook:
    return context.rule_book()


def municipality_label(m: Municipality, has_standard: bool) -> str:
    return m.name if has_standard else str(_l("%(name)s (uden egen kvalitetsstandard her)",
                                              name=m.name))


def municipality_choices(rules: RuleBook) -> list[tuple[str, str]]:
    """The 98 options of the start form, translated once per language (not per request:
    98 lazy strings were a third of the start page's time; see bench/)."""
    cache: dict[str, list[tuple[str, str]]] = current_app.extensions.setdefault(
        "municipality_choices", {})
    locale = str(get_locale())
    if locale not in cache:
        cache[locale] = [("", str(_l("Vælg kommune")))] + [
            (m.slug, municipality_label(m, m.slug in rules.standards))
            for m in rules.municipalities.values()
        ]
    return list(cache[locale])


def municipality_field(label: Any) -> SelectField:
    """A choice of municipality (the start form, the complaint helper's /klage); its
    options are set per request from municipality_choices."""
    return SelectField(label, validators=[InputRequired(_l("Vælg en kommune."))])


class StartForm(TranslatedForm):
    municipality = municipality_field(_l("Hvilken kommune bor personen i?"))
    who = RadioField(_l("Hvem udfylder du for?"),
                     choices=list(WHO_LABELS.items()),
                     validators=[InputRequired(_l("Vælg, hvem du udfylder for."))])


def _start(slug: str | None) -> Any:
    rules = book()
    remembered, who = session.get("m"), session.get("who")  # a signed cookie, yet check
    initial = {
        "municipality": slug or (remembered if isinstance(remembered, str)
                                 and remembered in rules.municipalities else ""),
        "who": who if isinstance(who, str) and who in WHO_LABELS else None,
    }
    chosen_m = rules.municipalities.get(slug) if slug else None
    # Answers from before (whose municipality only: never an answer): the page says that
    # Start goes on with them, so a GP's next patient is not given the last one's.
    earlier = answered_municipality()

    def form_for(formdata: Any = None) -> StartForm:
        form = StartForm(formdata, data=initial)
        form.municipality.choices = municipality_choices(rules)
        return form

    def render(form: StartForm) -> str:
        return render_template("pages/start.html", form=form, chosen=chosen_m,
                               has_standard=bool(chosen_m and chosen_m.slug in rules.standards),
                               earlier=earlier)

    if request.method == "POST":
        form = form_for(request.form)
        if form.validate():
            chosen = form.municipality.data
            # Another municipality or another person ("who"): the answers were someone
            # else's, or for other rules.
            if session.get("m") not in (None, chosen) or session.get("who") not in (
                    None, form.who.data):
                session.pop("a", None)
            session["m"] = chosen
            session["who"] = form.who.data
            session.permanent = False
            return redirect(url_for("questionnaire.resume", slug=chosen))
        return render(form), 400
    if not pagecache.cacheable_request():
        return render(form_for())
    # Whose answers the page names is in the key: with only "are there any", one visitor's
    # municipality was shown to the next on another's page (a security review).
    key = ("start", slug, initial["municipality"], initial["who"],
           earlier.slug if earlier else None)
    return pagecache.cached_render(key, lambda: render(form_for()))


@bp.route("/", methods=["GET", "POST"])
def start() -> Any:
    return _start(None)


@bp.route("/<municipality:slug>", methods=["GET", "POST"])
def municipality_start(slug: str) -> Any:
    """The GP's link: the start page with the municipality chosen (``/607`` or
    ``/Fredericia`` is sent on here by routing.canonical_address)."""
    return _start(slug)


@bp.get("/privatliv")
def privacy() -> Any:
    return _shared("privacy", lambda: render_template("pages/privacy.html", back=came_from()))


@bp.get("/om")
def about() -> Any:
    rules = book()
    return _shared("about", lambda: render_template(
        "pages/about.html", standards=list(rules.standards.values()), national=rules.national,
        back=came_from()))


def _shared(name: str, render: Any) -> Any:
    """A page with nothing of the visitor's on it: rendered once per language and day."""
    if not pagecache.cacheable_request():
        return render()
    return pagecache.cached_render((name,), render)
