"""Beyond the leaflets: calendar files, the complaint helper, the professionals' overview and
handout, and the comparison of municipalities.

Views read the request, call the domain, render. Nothing a person tells these pages is
stored: the calendar file is made from the answers in the session cookie, the complaint
letter from the form just posted.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.blueprints import BlueprintSetupState
from flask_babel import force_locale
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from .. import context, extras_texts
from ..domain.answers import Answers, read_date
from ..domain.assess import Complaint, OfferAssessment, assess, assess_offer
from ..domain.compare import compare
from ..domain.complaint import complaint_guide, complaint_options
from ..domain.freshness import freshness, standard_contact
from ..domain.ics import calendar_file
from ..domain.loader import RuleBook
from ..domain.rules import OFFER_IDS, Municipality, OfferId
from ..i18n import SOURCE_LANGUAGE, TranslatedForm, locale_name
from ..pages import municipality_choices, municipality_field
from ..questionnaire import (
    current_walk,
    municipality_or_404,
    no_answers_here,
    stored_answers,
    who,
)
from ..questionnaire.forms import date_order_problem, validate_date
from ..speedups import gettext as _
from ..speedups import lazy_gettext as _l
from .qr import qr_svg

bp = Blueprint("extras", __name__)


@bp.record_once
def _template_globals(state: BlueprintSetupState) -> None:
    state.app.jinja_env.globals["extras"] = extras_texts
    state.app.jinja_env.globals["standard_info"] = standard_info
    state.app.jinja_env.globals["national_rules"] = lambda: book().national


def book() -> RuleBook:
    return context.rule_book()


def today() -> date:
    return context.today()


def standard_info(slug: str) -> dict[str, Any] | None:
    """For templates: the municipality's standard, its age and whom to ask (None without)."""
    standard = book().standards.get(slug)
    if standard is None:
        return None
    return {"standard": standard, "fresh": freshness(standard.standard.approved, today()),
            "contact": standard_contact(standard)}


# --------------------------------------------------------------------------- comparison


@bp.get("/sammenlign")
def comparison() -> str:
    rules = book()
    return render_template("extras/compare.html", comparisons=compare(rules, today()),
                           standards=[standard_info(slug) for slug in rules.standards])


# --------------------------------------------------------------------------- professionals


@bp.get("/fagperson")
def professionals() -> str:
    rules = book()
    regions: dict[str, list[Municipality]] = {}
    for m in rules.municipalities.values():
        regions.setdefault(m.region or _("Andre"), []).append(m)
    return render_template("extras/professionals.html", regions=sorted(regions.items()),
                           standards=rules.standards)


@bp.get("/<municipality:slug>/fagperson")
def professional(slug: str) -> str:
    municipality = municipality_or_404(slug)
    assessment = assess(municipality, Answers(), today(), book())
    return render_template("extras/professional.html", municipality=municipality,
                           assessment=assessment, info=standard_info(slug),
                           national=book().national)


@bp.get("/<municipality:slug>/fagperson/udskriv")
def handout(slug: str) -> str:
    municipality = municipality_or_404(slug)
    assessment = assess(municipality, Answers(), today(), book())
    link = context.public_link("pages.municipality_start", slug=slug)
    info = standard_info(slug)
    contact = info["contact"] if info else None
    scope = (extras_texts.contact_scope_text(info["standard"], contact,
                                             [o.id for o in assessment.offers])
             if info and contact else None)
    return render_template("extras/handout.html", municipality=municipality,
                           assessment=assessment, info=info, link=link, qr=qr_svg(link),
                           contact=contact, contact_scope=scope)


# --------------------------------------------------------------------------- calendar


@bp.get("/<municipality:slug>/kalender.ics", defaults={"offer_id": None})
@bp.get("/<municipality:slug>/kalender/<offer:offer_id>.ics")
def calendar(slug: str, offer_id: str | None) -> Any:
    municipality = municipality_or_404(slug)
    if "who" not in session:
        return no_answers_here(slug)
    assessment = assess(municipality, current_walk(slug).answers, today(), book())
    offers = [o for o in assessment.offers if offer_id in (None, o.id)]
    events = extras_texts.calendar_events(assessment, offers, slug, context.public_host())
    if not events:
        # The result page offers the file only while a date lies ahead; a page left open
        # past the last one (or answers changed since) was told "the page does not exist".
        return render_template("errors/error.html", title=_("Der er ingen datoer til kalenderen"),
                               body=_("Datoerne er passeret, eller dine svar giver ingen "
                                      "datoer. Se resultatsiden for, hvad du kan gøre nu."),
                               status=404), 404
    body = calendar_file(events, stamp=datetime.now(UTC), language=locale_name(),
                         name=_("Træning i %(name)s", name=municipality.name))
    name = f"traeningsguiden-{slug}{'-' + offer_id if offer_id else ''}.ics"
    return Response(body.encode(), mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


# --------------------------------------------------------------------------- complaint


# Room for half a page or so in the person's own words, and still under the request-size
# limit (settings.max_body_bytes, 16 KiB) when every character is one of three bytes in
# UTF-8, such as a phone's ’ or “ (sent as 9 bytes each): a 413 would lose the text.
REASON_MAX_CHARS = 1500


def _one_newline(text: str | None) -> str | None:
    """A browser counts a line break as one character for maxlength but sends CR LF."""
    return text.replace("\r\n", "\n") if text else text


class ComplaintForm(TranslatedForm):
    about = RadioField(_l("Hvad er du uenig i?"),
                       validators=[InputRequired(_l("Vælg, hvad du er uenig i."))])
    # Whose decision it is: a relative who came straight to the helper got a letter as if
    # the refusal were his own (a user test). Chosen in advance from "who" on the start
    # page; the calendar file, which has no letter, does not send it.
    for_whom = RadioField(_l("Hvem klager du for?"),
                          choices=[("self", _l("Mig selv")),
                                   ("other", _l("En anden, fx min mor eller far"))],
                          validators=[Optional()])
    day = StringField(validators=[Optional()],
                      render_kw={"inputmode": "numeric", "autocomplete": "off"})
    month = StringField(validators=[Optional()],
                        render_kw={"inputmode": "numeric", "autocomplete": "off"})
    year = StringField(validators=[Optional()],
                       render_kw={"inputmode": "numeric", "autocomplete": "off"})
    # The person's own words for the letter; never kept: they go into the page and are gone.
    reason = TextAreaField(filters=[_one_newline], validators=[
        Optional(),
        Length(max=REASON_MAX_CHARS,
               message=_l("Skriv højst %(max)d tegn. Resten kan du skrive i hånden på brevet.")),
    ])


def _decision_date_from_session() -> dict[str, str]:
    d = read_date(stored_answers().get("decision_date"))
    return {"day": str(d.day), "month": str(d.month), "year": str(d.year)} if d else {}


def _complaint_form(
    municipality: Municipality,
) -> tuple[OfferAssessment, ComplaintForm, list[Complaint]]:
    offer_id = request.args.get("tilbud")
    if offer_id not in OFFER_IDS:
        abort(404)
    oid: OfferId = offer_id  # type: ignore[assignment]
    offer = assess_offer(book(), municipality, oid, Answers(), today())
    options = list(complaint_options(offer))
    if not options:
        abort(404)
    # With more than one choice nothing is chosen in advance: a complaint sent to the
    # wrong body is lost time.
    chosen = {"about": options[0].route.about} if len(options) == 1 else {}
    for_whom = "other" if who() == "relative" else "self"
    form = ComplaintForm(formdata=request.form if request.method == "POST" else None,
                         data={**chosen, "for_whom": for_whom, **_decision_date_from_session()})
    form.about.choices = [(c.route.about, extras_texts.COMPLAINT_CHOICES[c.route.about])
                          for c in options]
    return offer, form, options


def _read_decision_date(form: ComplaintForm) -> tuple[date | None, str | None]:
    """(decision date, error) from a validated form."""
    try:
        decided = validate_date(form, empty=_l("Skriv den dag, du fik afgørelsen. Datoen står "
                                               "i brevet fra kommunen."))
    except ValidationError as exc:
        return None, str(exc)
    # the questionnaire's rule for the same date (not from the future)
    problem = (date_order_problem("decision_date", decided.isoformat(), {}, today())
               if decided else None)
    return (None, problem) if problem else (decided, None)


@bp.post("/<municipality:slug>/klage/kalender.ics")
def complaint_calendar(slug: str) -> Any:
    """The complaint's last day as a calendar file, from the form just posted (a POST, so
    the date never appears in an address or a log)."""
    municipality = municipality_or_404(slug)
    offer, form, _options = _complaint_form(municipality)
    if not form.validate():
        abort(400)
    decided, error = _read_decision_date(form)
    if error:
        # The page posts the date it has checked; a date posted by hand that is no date
        # was told only "something went wrong with the form" (a fuzzing session).
        return render_template("errors/error.html", title=_("Datoen kan ikke bruges"),
                               body=error, status=400), 400
    guide = complaint_guide(book(), municipality, offer.id, form.about.data, decided, today())
    if guide is None:
        abort(400)
    if guide.past:
        # The page offers the file only before the last day; a page left open past it (or a
        # date posted by hand) is told so, not "the page does not exist" (it was a 404).
        return render_template("errors/error.html", title=_("Fristen er overskredet"),
                               body=_("Klag alligevel, og skriv, hvorfor klagen kommer for "
                                      "sent. I særlige tilfælde kan der ses bort fra fristen."),
                               status=422), 422
    event = extras_texts.complaint_event(guide, municipality.name, slug,
                                         context.public_host())
    if event is None:
        abort(404)
    body = calendar_file([event], stamp=datetime.now(UTC), language=locale_name(),
                         name=_("Træning i %(name)s", name=municipality.name))
    return Response(body.encode(), mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="traeningsguiden-{slug}-klage.ics"'})


class ComplaintStartForm(TranslatedForm):
    # A GET form (the address only names a municipality): no CSRF token to go stale.
    class Meta:
        csrf = False

    kommune = municipality_field(_l("Hvilken kommune kom afgørelsen fra?"))


@bp.get("/klage")
def complaint_start() -> Any:
    """The complaint helper from the front page: someone with a refusal picks the
    municipality and goes on to its /<slug>/klage, without the questionnaire."""
    form = ComplaintStartForm(request.args if "kommune" in request.args else None)
    form.kommune.choices = municipality_choices(book())
    if "kommune" in request.args:
        if form.validate():
            return redirect(url_for("extras.complaint", slug=form.kommune.data))
        return render_template("extras/complaint_start.html", form=form), 400
    return render_template("extras/complaint_start.html", form=form)


@bp.route("/<municipality:slug>/klage", methods=["GET", "POST"])
def complaint(slug: str) -> Any:
    municipality = municipality_or_404(slug)
    if request.args.get("tilbud") not in OFFER_IDS:
        offers = [assess_offer(book(), municipality, oid, Answers(), today()) for oid in OFFER_IDS]
        return render_template("extras/complaint_choose.html", municipality=municipality,
                               offers=[o for o in offers if complaint_options(o)])
    offer, form, options = _complaint_form(municipality)
    # From an offer on the result page (``?fra=resultat``) the back link goes there, not to
    # the list of offers the person never saw (a user test); the form's post keeps it.
    from_result = {"fra": "resultat"} if request.args.get("fra") == "resultat" else {}
    date_error = None
    # "Ret brevet" on the letter posts its answers back: the form again, filled in.
    editing = request.method == "POST" and "ret" in request.form
    if request.method == "POST" and not editing:
        # Every mistake at once: the date is read even when a choice is missing, so the
        # page does not come back a second time with the next error (a user test).
        valid = form.validate()
        decided, date_error = _read_decision_date(form)
        if valid and date_error is None:
            guide = complaint_guide(book(), municipality, offer.id, form.about.data, decided,
                                    today())
            if guide is None:
                abort(400)
            on_behalf = form.for_whom.data == "other"
            # The letter goes to a Danish authority, so it is always written in Danish;
            # on pages in another language, a translation follows it, to read only.
            with force_locale(SOURCE_LANGUAGE):
                letter = extras_texts.letter_lines(guide, municipality.name, today(),
                                                   on_behalf=on_behalf, reason=form.reason.data)
            translation = None if locale_name() == SOURCE_LANGUAGE else \
                extras_texts.letter_lines(guide, municipality.name, today(), on_behalf=on_behalf,
                                          reason=form.reason.data)
            return render_template("extras/complaint_letter.html", municipality=municipality,
                                   guide=guide, letter=letter, translation=translation,
                                   form=form, on_behalf=on_behalf,
                                   back=url_for("extras.complaint", slug=slug, tilbud=offer.id,
                                                **from_result))
    status = 400 if request.method == "POST" and not editing else 200
    return render_template("extras/complaint.html", municipality=municipality, offer=offer,
                           form=form, date_error=date_error,
                           single=len(options) == 1, options=options,
                           max_reason=REASON_MAX_CHARS, editing=editing,
                           back=url_for("questionnaire.result", slug=slug) if from_result
                           else url_for("extras.complaint", slug=slug)), status
