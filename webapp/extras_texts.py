"""Sentences for the pages beyond the result: phone status, calendar events, the complaint
letter, the professionals' overview, the comparison and the age of a standard.

Like ``texts.py``: everything through gettext with Danish message ids and named
parameters; the domain gives structured facts, this module words them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from . import context, texts
from .domain.assess import Assessment, Complaint, Deadline, Note, OfferAssessment
from .domain.calendar import warning_for
from .domain.complaint import ComplaintGuide
from .domain.freshness import Freshness, contact_elsewhere, contact_scope
from .domain.ics import CalendarEvent, event_uid
from .domain.phone import PhoneStatus, phone_status
from .domain.rules import (
    WEEKDAYS,
    Body,
    Condition,
    Costs,
    Duration,
    MunicipalRules,
    NationalRules,
    Obligations,
    OfferId,
    OfferRules,
    ServiceGoal,
    Unit,
)
from .i18n import format_long_date, format_phone, format_short_date, format_time, locale_name
from .speedups import gettext as _
from .speedups import lazy_gettext as _l
from .speedups import ngettext

# --------------------------------------------------------------------------- names


def possessive(name: str) -> str:
    """The Danish genitive of a name for a Danish message: 'Aarhus Kommune' -> 'Aarhus
    Kommunes' ('Vi har ikke %(name)s egen kvalitetsstandard'). Other languages' catalogs
    write their own possessive ('%(name)s's own standard'), so they get the name as it is."""
    if locale_name() != "da":
        return name
    return name + ("'" if name[-1:].lower() in ("s", "x", "z") else "s")


# --------------------------------------------------------------------------- phone


def copenhagen_now() -> datetime:
    """The time now in Copenhagen (tests pin webapp.context.now)."""
    return context.now()


PHONE_WARNINGS = {
    "dec24": _l("Det er juleaftensdag. Mange kontorer holder lukket, selv om telefontiden siger andet."),
    "dec31": _l("Det er nytårsaftensdag. Mange kontorer holder lukket, selv om telefontiden siger andet."),
    "constitution_day": _l("Det er grundlovsdag. Mange kontorer holder lukket om eftermiddagen."),
}


def phone_text(status: PhoneStatus) -> str:
    """'Telefonen er åben nu – til kl. 9.30.' / 'Telefonen er lukket nu. Den åbner igen …'"""
    if status.is_open and status.until is not None:
        text = _("Telefonen er åben nu – til %(time)s.", time=format_time(f"{status.until:%H:%M}"))
    elif status.opens is None:
        text = _("Telefonen er lukket nu.")
    else:
        when = format_time(f"{status.opens:%H:%M}")
        ahead = status.days_ahead or 0
        weekday = str(texts.DAYS[WEEKDAYS[status.opens.weekday()]])
        if ahead == 0:
            text = _("Telefonen er lukket nu. Den åbner igen i dag %(time)s.", time=when)
        elif ahead == 1:
            text = _("Telefonen er lukket nu. Den åbner igen i morgen, %(weekday)s, %(time)s.",
                     weekday=weekday, time=when)
        elif ahead < 7:
            text = _("Telefonen er lukket nu. Den åbner igen %(weekday)s %(time)s.",
                     weekday=weekday, time=when)
        else:
            text = _("Telefonen er lukket nu. Den åbner igen %(date)s %(time)s.",
                     date=format_long_date(status.opens.date()), time=when)
    if status.warning:
        text += " " + str(PHONE_WARNINGS[status.warning])
    return text


def phone_status_text(unit: Unit | Body | None) -> str | None:
    """The phone line for a contact with phone hours; None when the standard gives none."""
    if not isinstance(unit, Unit) or not unit.phones:
        return None
    status = phone_status(unit.phone_hours, copenhagen_now())
    return phone_text(status) if status else None


# --------------------------------------------------------------------------- freshness


def freshness_text(fresh: Freshness) -> str:
    """How old the standard is, honestly rounded: 2 years and 11 months is "næsten 3 år",
    2 years and 4 months "over 2 år", never "2 år" for either."""
    if fresh.approved is None or fresh.months is None:
        return _("Kommunens kvalitetsstandard har ingen dato, så vi ved ikke, hvor gammel den "
                 "er. Spørg kommunen, om den stadig gælder.")
    when = format_short_date(fresh.approved)
    years, months = divmod(fresh.months, 12)
    if months >= 9:
        return ngettext("Kvalitetsstandarden er godkendt %(date)s, for næsten %(num)s år siden.",
                        "Kvalitetsstandarden er godkendt %(date)s, for næsten %(num)s år siden.",
                        years + 1, date=when)
    if not years:
        return _("Kvalitetsstandarden er godkendt %(date)s, for under et år siden.", date=when)
    if months:
        return ngettext("Kvalitetsstandarden er godkendt %(date)s, for over %(num)s år siden.",
                        "Kvalitetsstandarden er godkendt %(date)s, for over %(num)s år siden.",
                        years, date=when)
    return ngettext("Kvalitetsstandarden er godkendt %(date)s, for %(num)s år siden.",
                    "Kvalitetsstandarden er godkendt %(date)s, for %(num)s år siden.",
                    years, date=when)


def stale_text(name: str) -> str:
    return _("Standarden er mere end tre år gammel, så noget kan have ændret sig siden: frister, "
             "priser eller hvem du skal kontakte. Spørg %(name)s, hvis du er i tvivl.",
             name=name)


# --------------------------------------------------------------------------- national law


def national_guarantees(national: NationalRules, about_patient: bool = False) -> list[str]:
    """What the law gives everyone, whatever the municipality's own standard says; said to
    "du", or about the patient on the GP's page."""
    if about_patient:
        return [
            _("Har patienten en genoptræningsplan fra sygehuset, skal kommunen kunne starte "
              "træningen inden for %(days)s dage efter udskrivelsen. Ellers må patienten vælge "
              "en privat leverandør, som kommunerne (KL) har aftale med (Sundhedsloven § 140).",
              days=national.free_choice_days),
            str(texts.TRANSPORT_ABOUT_PATIENT["national_140"]),
            _("Har patienten et svært fysisk handicap eller en sygdom, der bliver værre, kan "
              "lægen henvise til gratis fysioterapi (Sundhedsloven § 140 a)."),
            _("Fra %(age)s år gives træning efter sygdom som en del af helhedspleje efter "
              "Ældreloven.", age=national.pension_age),
            _("Patienten får kommunens afgørelse skriftligt og kan klage over en afgørelse efter "
              "Serviceloven inden for 4 uger. Kommunen vurderer den igen, før klagen går videre "
              "til Ankestyrelsen."),
        ]
    return [
        _("Har du en genoptræningsplan fra sygehuset, skal kommunen kunne starte din træning "
          "inden for %(days)s dage efter udskrivelsen. Ellers må du vælge en privat leverandør, "
          "som kommunerne (KL) har aftale med (Sundhedsloven § 140).", days=national.free_choice_days),
        str(texts.TRANSPORT["national_140"]),
        _("Har du et svært fysisk handicap eller en sygdom, der bliver værre, kan din læge "
          "henvise dig til gratis fysioterapi (Sundhedsloven § 140 a)."),
        _("Fra %(age)s år gives træning efter sygdom som en del af helhedspleje efter "
          "Ældreloven.", age=national.pension_age),
        _("Du får kommunens afgørelse skriftligt. Du kan klage over en afgørelse efter "
          "Serviceloven inden for 4 uger. Kommunen vurderer den igen, før klagen går videre til "
          "Ankestyrelsen."),
    ]


def _pension_age(offer_id: str) -> tuple[str, int] | None:
    """("below" | "from", age) for an offer the law splits at folkepensionsalder (§ 86 below
    it, the Ældrelov from it), read from the national rule (rules/national.yaml)."""
    national = context.rule_book().national.offers[offer_id]  # type: ignore[index]  # a str id
    for c in national.conditions:
        if c.rule in ("below_pension_age", "pension_age") and isinstance(c.value, int):
            return ("below" if c.rule == "below_pension_age" else "from", c.value)
    return None


def complaint_pension_age_text(offer_id: str) -> str | None:
    """On the complaint helper for an offer the Ældrelov closes from folkepensionsalder
    (§ 86): a refusal under § 86 of someone that old may rest on the wrong law (ASSESSMENT
    §4.1; a user test's 70-year-old was never told)."""
    split = _pension_age(offer_id)
    if split is None or split[0] != "below":
        return None
    return _("Er du %(age)s år eller mere? Så giver kommunen træningen som en del af "
             "helhedspleje efter Ældreloven, ikke efter Serviceloven § 86. Står der § 86 i "
             "afgørelsen, kan du skrive det i klagen eller spørge kommunen.", age=split[1])


def waiting_lines(offer: OfferAssessment) -> list[str]:
    """On the complaint helper: what to do when the municipality has not called or the
    training has not started. That is no decision, so the letter does not fit; a user test's
    daughter, still waiting for the call after her mother's discharge, got a letter to
    Styrelsen for Patientklager "about the decision". Whom to call is the page's own."""
    lines = [_("Har kommunen ikke kontaktet dig, eller venter du på at starte? Det er ikke en "
               "afgørelse, så brevet her passer ikke. Ring til kommunen, og spørg, hvornår der "
               "sker noget.")]
    free = free_choice_line(offer)
    if free is not None:
        lines.append(free)
    waiting = next((c for c in offer.complaints if c.route.about == "service_level"), None)
    if waiting is not None:
        lines.append(_("Vil du klage over ventetiden, så skriv til %(body)s. Der er ingen frist.",
                       body=texts.name_text(waiting.body.name)))
    return lines


def free_choice_line(offer: OfferAssessment, brief: bool = False) -> str | None:
    """The offer's own right to choose a private provider (the law's, § 140 stk. 4, in the
    rules data), without a date: for the complaint helper, and ``brief`` for the GP's
    one-page handout."""
    free = next((g for g in offer.rules.service_goals if g.kind == "free_choice"), None)
    if free is None:
        return None
    if brief:
        # "Uden tilbud om start … må du vælge privat" read stiffly (a user test).
        return _("Tilbyder kommunen ikke start inden for %(days)s dage efter udskrivelsen, må "
                 "du vælge privat (mingenoptræning.dk).", days=free.amount)
    return _("Har kommunen ikke tilbudt dig en tid til at starte senest %(days)s dage efter "
             "udskrivelsen, må du vælge en privat leverandør. Du vælger på mingenoptræning.dk.",
             days=free.amount)


def pension_age_limit(offer_id: str) -> str | None:
    """Above the comparison of an offer closed from folkepensionsalder: the standards'
    figures apply below that age only."""
    split = _pension_age(offer_id)
    if split is None or split[0] != "below":
        return None
    return _("Gælder kun for personer under %(age)s år. Fra %(age)s år gives træningen efter "
             "Ældreloven, som en del af helhedspleje.", age=split[1])


def pension_age_span(offer_id: str) -> str | None:
    """"under 67 år" / "fra 67 år" beside an offer's name (the GP's handout)."""
    split = _pension_age(offer_id)
    if split is None:
        return None
    return (_("under %(age)s år", age=split[1]) if split[0] == "below"
            else _("fra %(age)s år", age=split[1]))


# --------------------------------------------------------------------------- calendar

EVENT_SUMMARIES = {
    "contact": _l("Sidste dag for kommunen til at kontakte dig"),
    "contact_aim": _l("Kommunens mål for, hvornår den kontakter dig"),
    "provider_contact": _l("Sidste dag for den, der skal træne dig, til at kontakte dig"),
    "decision": _l("Sidste dag for en skriftlig afgørelse"),
    # The municipality's deadline, not the person's ("Sidste dag for at starte træningen"
    # read as a duty to start by then).
    "start": _l("Kommunens frist for at starte din træning"),
    "start_aim": _l("Kommunens mål for, hvornår din træning starter"),
    "planned_or_started": _l("Kommunens frist for at planlægge eller starte din træning"),
    "clarifying_talk": _l("Sidste dag for en afklarende samtale"),
    "free_choice": _l("Fra i dag må du vælge en privat leverandør"),
    "complaint": _l("Sidste dag for din klage"),
    "complaint_shared": _l("Sidste dag for at klage over kommunens afgørelse"),
}


# The reminder goes off the day before the event. Most read right after "I morgen:"
# ("I morgen: Sidste dag for …"); an event that says "from today" needs its own words.
REMINDERS = {
    "free_choice": _l("I morgen må du vælge en privat leverandør, hvis kommunen ikke har "
                      "tilbudt dig start"),
}


def event_day(deadline: Deadline) -> date:
    """The day the event is on: the day after for free choice ('from the day after')."""
    return deadline.date + timedelta(days=1) if deadline.kind == "free_choice" else deadline.date


def upcoming(offer: OfferAssessment, today: date) -> list[Deadline]:
    """Dates still to come, less those a decision has settled (Deadline.settled). An offer
    that does not fit has only its last day to complain (assess._deadlines)."""
    return [d for d in offer.deadlines if event_day(d) >= today and not d.settled]


def _summary(deadline: Deadline, offer: OfferAssessment) -> str:
    key = deadline.goal.what if deadline.goal.what in ("provider_contact", "clarifying_talk",
                                                       "planned_or_started") \
        else f"{deadline.kind}_aim" if deadline.kind in ("contact", "start") and deadline.goal.aim \
        else deadline.kind
    return _("%(what)s (%(offer)s)", what=EVENT_SUMMARIES.get(key, EVENT_SUMMARIES["start"]),
             offer=texts.offer_title(offer))


def _reminder(deadline: Deadline, offer: OfferAssessment, summary: str) -> str:
    if deadline.kind in REMINDERS:
        return _("%(what)s (%(offer)s)", what=REMINDERS[deadline.kind],
                 offer=texts.offer_title(offer))
    return _("I morgen: %(what)s", what=summary)


def _early(summary: str, day: date, today: date) -> dict[str, Any]:
    """A complaint must reach its body by its last day: a letter sent the day before the
    reminder is too late, so a complaint's day is also reminded a week before, or 3 days
    before when less than a week is left (a user test: the evening before is too late to
    post a letter) – when that is still to come (an alarm already past goes off at once
    on import, wrongly worded). CalendarEvent's early and early_days."""
    left = (day - today).days
    if left >= 7:
        return {"early": _("Om en uge: %(what)s. Send klagen i god tid.", what=summary),
                "early_days": 7}
    if left >= 3:
        return {"early": _("Om 3 dage: %(what)s. Skal klagen sendes med posten, så send den "
                           "i dag.", what=summary), "early_days": 3}
    return {}


def _contact_line(unit: Unit | Body | None) -> str | None:
    if unit is None or not unit.phones:
        return None
    return _("Telefon: %(phone)s (%(name)s)", phone=format_phone(unit.phones[0].number),
             name=unit.name)


def calendar_events(assessment: Assessment, offers: list[OfferAssessment], slug: str,
                    domain: str) -> list[CalendarEvent]:
    """One event per upcoming deadline of ``offers``."""
    name = assessment.municipality.name
    # One decision, one last day to complain: the offers that share a complaint deadline
    # (only a complaint about the decision the answers date has one: assess._complaints)
    # get one event, under the offer most likely to be the decision's (Brønderslev's
    # calendar had three "Sidste dag for din klage" on the same day).
    rank = {"likely": 0, "possible": 1, "unlikely": 2}
    complaint_owner: dict[date, str] = {}
    sharing: dict[date, int] = {}  # how many offers a complaint date stands for
    for offer in sorted(offers, key=lambda o: rank[o.verdict]):
        for d in offer.deadlines:
            if d.kind == "complaint":
                complaint_owner.setdefault(d.date, offer.id)
                sharing[d.date] = sharing.get(d.date, 0) + 1
    events = []
    for offer in offers:
        for d in upcoming(offer, assessment.today):
            if d.kind == "complaint" and complaint_owner.get(d.date) != offer.id:
                continue
            day = event_day(d)
            lines = [texts.deadline_text(d, name)]
            # the deadline's own warning, unless the event is on another day (free choice)
            warning = d.warning if day == d.date else warning_for(day)
            if warning:
                lines.append(str(texts.WARNINGS[warning]))
            contact = _contact_line(offer.unit) if d.kind != "complaint" else None
            if d.kind == "complaint":
                complaint = next((c for c in offer.complaints if c.deadline_date == d.date), None)
                contact = _contact_line(complaint.body) if complaint else None
            if contact:
                lines.append(contact)
            lines.append(_("Fra Træningsguiden. Det er en vejledning, ikke en afgørelse."))
            # Shared by several offers, the date is the decision's, whichever offer it was
            # about: the event does not name one (review).
            summary = (str(EVENT_SUMMARIES["complaint_shared"])
                       if d.kind == "complaint" and sharing[d.date] > 1 else _summary(d, offer))
            events.append(CalendarEvent(
                uid=event_uid(slug, offer.id, d.kind, d.goal.what, d.date.isoformat(),
                              domain=domain),
                day=day,
                summary=summary,
                description="\n\n".join(lines),
                reminder=_reminder(d, offer, summary),
                **(_early(summary, day, assessment.today) if d.kind == "complaint" else {}),
            ))
    return sorted(events, key=lambda e: (e.day, e.summary))


def complaint_event(guide: ComplaintGuide, municipality: str, slug: str,
                    domain: str) -> CalendarEvent | None:
    """The complaint's last day as a calendar event (None without a date to put there)."""
    if guide.deadline is None or guide.past:
        return None
    summary = _("%(what)s (%(offer)s)", what=EVENT_SUMMARIES["complaint"],
                offer=texts.offer_title(guide.offer))
    lines = [guide_deadline_text(guide, municipality) or ""]
    if guide.warning:
        lines.append(str(texts.WARNINGS[guide.warning]))
    lines.append(_("Send klagen til: %(to)s", to=", ".join(addressee_lines(guide, municipality))))
    lines.append(_("Fra Træningsguiden. Det er en vejledning, ikke en afgørelse."))
    return CalendarEvent(
        uid=event_uid(slug, guide.offer.id, "complaint", guide.about, guide.deadline.isoformat(),
                      domain=domain),
        day=guide.deadline,
        summary=summary,
        description="\n\n".join(lines),
        reminder=_("I morgen: %(what)s", what=summary),
        **_early(summary, guide.deadline, context.today()),
    )


# --------------------------------------------------------------------------- complaint

COMPLAINT_CHOICES = {
    "decision": _l("Jeg er uenig i kommunens afgørelse, fx et afslag"),
    "treatment": _l("Jeg er uenig i et afslag eller i behandlingen efter sundhedsloven"),
    "transport": _l("Jeg er uenig i en afgørelse om kørsel eller godtgørelse"),
}

LETTER_SUBJECTS = {
    "decision": _l("Klage over afgørelse om %(offer)s – %(law)s"),
    "treatment": _l("Klage over %(municipality)s afgørelse om %(offer)s – %(law)s"),
    "transport": _l("Klage over %(municipality)s afgørelse om kørsel til %(offer)s – %(law)s"),
}

BLANK_NAME = _l("[Dit navn]")
BLANK_ADDRESS = _l("[Din adresse]")
BLANK_ID = _l("[Dit cpr-nummer eller sagsnummeret fra afgørelsen]")
BLANK_DATE = _l("[dato]")
BLANK_ADDRESSEE = _l("[Adressen står i afgørelsen]")
BLANK_REASON = _l("[Skriv med dine egne ord, hvorfor du er uenig. Fx hvad du ikke kan længere, "
                  "og hvad du har brug for hjælp til.]")
BLANK_SIGNATURE = _l("[Din underskrift]")
BLANK_BEHALF = _l("[navn og cpr-nummer]")


def addressee_lines(guide: ComplaintGuide, municipality: str) -> list[str]:
    """Whom the letter is to: the municipality's unit with its address, or the national body."""
    body = guide.complaint.body
    if isinstance(body, Unit):
        lines = [] if municipality.split(" ")[0] in body.name else [municipality]
        lines.append(body.name + (f", {body.municipality_part}" if body.municipality_part else ""))
        lines += list(body.address) or [body.email or str(BLANK_ADDRESSEE)]
        return lines
    if guide.to_municipality:
        return [municipality, str(BLANK_ADDRESSEE)]
    return [body.name, *body.address]


def addressee_card_lines(guide: ComplaintGuide, municipality: str) -> tuple[list[str], bool]:
    """The addressee as the page shows it above the letter: without the letter's "[write
    here]" space, which read as the answer (a user test: "Herlev Kommune, [Adressen står i
    afgørelsen]"), and whether the page must say where the address is."""
    lines = addressee_lines(guide, municipality)
    blank = str(BLANK_ADDRESSEE)
    return [line for line in lines if line != blank], blank in lines


def reason_paragraphs(reason: str | None) -> list[str]:
    """A person's own words as the letter's paragraphs: one per line written, empty lines
    and spaces at the ends left out."""
    return [line.strip() for line in (reason or "").splitlines() if line.strip()]


def letter_lines(guide: ComplaintGuide, municipality: str, today: date,
                 on_behalf: bool = False, reason: str | None = None) -> dict[str, Any]:
    """The letter, as parts the template lays out and the plain text for copying.
    ``reason``: the person's own words for "Jeg er uenig, fordi:"; without them the letter
    has a space to write in (on paper) or to replace (the copied text)."""
    offer = guide.offer
    about = guide.about
    received = (format_short_date(guide.decision_date) if guide.decision_date
                else str(BLANK_DATE))
    subject = str(LETTER_SUBJECTS[about]) % {
        "offer": texts.offer_title_inline(offer.id),
        "law": offer.law,
        "municipality": possessive(municipality),
    }
    sender = [str(BLANK_NAME), str(BLANK_ADDRESS), str(BLANK_ID)]
    body: list[str] = []
    if on_behalf:
        body.append(_("Jeg skriver på vegne af %(person)s, som har givet mig fuldmagt til at "
                      "klage.", person=BLANK_BEHALF))
        body.append(_("Afgørelsen blev modtaget den %(date)s. Vi er uenige i afgørelsen og klager "
                      "over den.", date=received))
    elif guide.to_municipality:
        body.append(_("Jeg fik jeres afgørelse den %(date)s. Jeg er uenig i afgørelsen og klager "
                      "over den.", date=received))
    else:
        body.append(_("Jeg fik %(municipality)s afgørelse den %(date)s. Jeg er uenig i afgørelsen "
                      "og klager over den.", municipality=possessive(municipality),
                      date=received))
    # One voice: "Vi er uenige i afgørelsen" is followed by "Vi er uenige, fordi:" (a user
    # test read "Jeg er uenig, fordi" after it as a slip).
    body.append(_("Vi er uenige, fordi:") if on_behalf else _("Jeg er uenig, fordi:"))
    own_words = reason_paragraphs(reason)
    reasons = own_words or [str(BLANK_REASON)]
    closing: list[str] = []
    if guide.to_municipality:
        forward = guide.complaint.forward_to
        if forward is not None:
            closing.append(_("Jeg beder jer vurdere afgørelsen igen. Holder I fast i "
                             "afgørelsen, beder jeg jer sende klagen videre til %(body)s.",
                             body=forward.name))
        else:
            closing.append(_("Jeg beder jer vurdere afgørelsen igen."))
    else:
        closing.append(_("Jeg beder jer behandle min klage."))
    closing.append(_("Venlig hilsen"))
    signature = str(BLANK_SIGNATURE)
    to = addressee_lines(guide, municipality)
    to_label = _("Til:")
    dated = _("Dato: %(date)s", date=format_short_date(today))
    parts = [
        "\n".join(sender),
        "\n".join([to_label, *to]),
        dated,
        subject,
        *body,
        *reasons,
        *closing,
        signature,
    ]
    return {"sender": sender, "to_label": to_label, "to": to, "date": dated, "subject": subject,
            "body": body, "reasons": reasons, "own_words": bool(own_words), "closing": closing, "signature": signature,
            "text": "\n\n".join(parts)}


def guide_deadline_text(guide: ComplaintGuide, municipality: str) -> str | None:
    if guide.deadline is None:
        return texts.complaint_deadline_text(guide.complaint)
    when = format_long_date(guide.deadline)
    body = guide.complaint.body
    name = (body.name if guide.unit_named_for_complaints or not guide.to_municipality
            else municipality)
    if guide.complaint.route.deadline_unit == "years":
        return _("Klag senest %(date)s: %(rule)s", date=when,
                 rule=texts.complaint_deadline_text(guide.complaint))
    return _("Din klage skal være modtaget af %(body)s senest %(date)s.",
             body=texts.name_text(name), date=when)


def renamed_text(complaint: Complaint) -> str | None:
    """'The standard names Patientombuddet; today it is called …' (Nyborg 2017)."""
    if not complaint.renamed_from:
        return None
    return texts.note_text(Note("body_renamed", {"old": complaint.renamed_from,
                                                 "new": complaint.body.name}))


def guide_next_text(guide: ComplaintGuide) -> list[str]:
    out = []
    nxt = texts.complaint_next_text(guide.complaint)
    if nxt:
        out.append(nxt)
    elif guide.to_municipality:
        out.append(_("Kommunen vurderer afgørelsen igen og giver dig besked."))
    else:
        out.append(_("%(body)s behandler klagen og giver dig besked. Har du spørgsmål, så ring "
                     "til dem.", body=texts.name_text(guide.complaint.body.name)))
    body = guide.complaint.body
    if guide.to_municipality:
        return out
    digital = texts.digital_form_lines(body)
    if digital:
        # The body takes a letter only from someone who cannot use its form.
        how, letter = digital
        out.append(how + " " + _("Brevet her kan du bruge som udkast."))
        out.append(letter + " " + _("Skriv i brevet, hvorfor du ikke klager digitalt."))
    elif body.url:
        out.append(_("Du kan også klage med formularen på %(url)s. Så kan du bruge brevet her "
                     "som udkast.", url=body.url))
    return out


# --------------------------------------------------------------------------- professionals

PRO_ROUTES = {
    "contact_unit": _l("Henvendelse direkte til kommunen. Der er ikke krav om henvisning."),
    "plan_from_hospital": _l("Sygehuset sender en genoptræningsplan til kommunen. Borgeren skal "
                             "ikke selv søge."),
    "gp_referral": _l("Henvisning fra egen læge. Henvisningen gælder et år og skal fornyes."),
    "gp_or_hospital_referral": _l("Henvisning fra egen læge eller sygehuset, med borgerens "
                                  "samtykke."),
}

PRO_CONTACTERS = {
    "person": _l("borgeren selv"),
    "relative": _l("pårørende"),
    "gp": _l("egen læge"),
    "hospital": _l("sygehuset"),
    "others_with_consent": _l("andre med borgerens samtykke"),
}

# (kind, label): kind 'target' describes who the offer is for, 'exclusion' who it is not for.
PRO_CONDITIONS: dict[str, tuple[str, Any]] = {
    "age_at_least": ("target", _l("fra %(value)s år")),
    "age_below": ("target", _l("under %(value)s år")),
    "below_pension_age": ("target", _l("under folkepensionsalderen (%(value)s år, derefter "
                                       "Ældreloven)")),
    "pension_age": ("target", _l("fra folkepensionsalderen (%(value)s år)")),
    "has_hospital_plan": ("target", _l("genoptræningsplan fra sygehuset")),
    "municipal_plan_level": ("target", _l("plan på basalt eller avanceret niveau eller "
                                          "rehabilitering på specialiseret niveau")),
    "sudden_function_loss": ("target", _l("funktionstab for nylig efter sygdom, skade eller "
                                          "fald")),
    "lasting_function_loss": ("target", _l("varigt nedsat funktionsevne")),
    "function_loss": ("target", _l("aldersbetinget nedsat funktionsevne")),
    "motivated": ("target", _l("motiveret for en aktiv indsats")),
    "can_join_team": ("target", _l("kan træne på hold")),
    "lives_at_home": ("target", _l("hjemmeboende")),
    "lives_at_home_care_home_trains": ("target", _l("hjemmeboende")),
    "pensioner": ("target", _l("modtager pension")),
    # The answer it reads, mental_health: "Depression eller angst, som ikke er svær" (the
    # national rule's list; Fredericia's standard names only "Let- til moderat depression").
    "chronic_or_smoker": ("target", _l("kronisk sygdom (lungesygdom, type 2-diabetes, "
                                       "hjerte-kar-sygdom, kræft, let til moderat depression "
                                       "eller angst, ryg, knogleskørhed, gigt) eller rygning")),
    "chronic_condition": ("target", _l("kronisk sygdom, som kommunen har forløb for")),
    "qualifies_for_140a": ("target", _l("svært fysisk handicap eller funktionsnedsættelse ved "
                                        "fremadskridende sygdom")),
    "severe_disability": ("target", _l("svært fysisk handicap (varer mindst 5 år)")),
    "neurological_cause": ("target", _l("neurologisk årsag")),
    "not_in_hospital": ("exclusion", _l("indlagt på sygehus (så står sygehuset for "
                                        "træningen)")),
    "not_hospital_treated": ("exclusion", _l("sygdom behandlet under indlæggelse (så "
                                             "Sundhedsloven § 140)")),
    "no_hospital_plan": ("exclusion", _l("genoptræningsplan fra sygehuset (så Sundhedsloven "
                                         "§ 140)")),
    "needs_help_to_train": ("exclusion", _l("kan klare sig med selvtræning eller almindelige "
                                            "tilbud")),
    "needs_help_or_gets_programme": ("exclusion", _l("kan nå målet med selvtræning (får så "
                                                     "en undersøgelse, et program og "
                                                     "opfølgning)")),
    "not_already_treated": ("exclusion", _l("får allerede træning eller vederlagsfri "
                                            "fysioterapi for samme problem")),
    "not_maintenance_last_year": ("exclusion", _l("har fået vedligeholdende træning inden for "
                                                  "12 måneder")),
}


def condition_label(condition: Condition) -> str:
    _kind, label = PRO_CONDITIONS[condition.rule]  # every rule has one (a test holds it)
    value = condition.value if isinstance(condition.value, int) else ""
    text = str(label) % {"value": value} if "%(value)s" in str(label) else str(label)
    if condition.if_failed == "possible":
        text = _("%(condition)s (som hovedregel)", condition=text)
    return text


def conditions_by_kind(conditions: list[Condition], kind: str) -> list[str]:
    """The offer's target group ('target') or who it is not for ('exclusion'); kind 'own_team'
    gives the conditions of the municipality's own team only (if_failed: inform: Fredericia's
    vederlagsfri fysioterapi), which a GP must not read as conditions of the offer."""
    if kind == "own_team":
        return [condition_label(c) for c in conditions if c.if_failed == "inform"]
    return [condition_label(c) for c in conditions if c.if_failed != "inform"
            and PRO_CONDITIONS[c.rule][0] == kind]


# --------------------------------------------------------------------------- comparison

ROW_LABELS = {
    "contact": _l("Kontakt og afgørelse"),
    "start": _l("Start"),
    "frequency": _l("Hvor tit"),
    "duration": _l("Hvor længe"),
    "transport": _l("Kørsel"),
    "fees": _l("Egenbetaling"),
    "cancel": _l("Afbud og udeblivelse"),
    "complaint": _l("Klage"),
    "source": _l("Standardens dato"),
}

NOT_STATED = _l("Står ikke i standarden.")


def scope_text(rules: OfferRules) -> str | None:
    """How often and how long, for the GP's page. Where the frequency is the municipality's
    own team's (Delivery.own_team_facts), it says so, after the period that holds for all."""
    often = texts.frequency_text(rules.frequency) if rules.frequency else None
    long = duration_cell(rules.duration) if rules.duration else None
    if often and rules.own_team_facts:
        return " ".join(filter(None, [long, own_team_text(often)]))
    return " ".join(filter(None, [often, long])) or None


def own_team_text(text: str) -> str:
    return _("På kommunens eget hold: %(text)s", text=text)


def duration_cell(duration: Duration) -> str:
    if duration.kind in ("max", "typical", "example", "period") and not duration.max_amount:
        return str(NOT_STATED)
    return texts.duration_text(duration)


def transport_cell(costs: Costs | None, approved: date | None) -> list[str]:
    if costs is None or costs.transport is None:
        return [str(NOT_STATED)]
    out = [str(texts.TRANSPORT[costs.transport])]
    if costs.transport_alternatives:
        out.append(_("Du kan bruge: %(options)s.",
                     options=texts.transport_options_text(costs.transport_alternatives)))
    reimbursement = texts.reimbursement_line(
        costs, format_short_date(approved) if approved else None)
    if reimbursement:
        out.append(reimbursement)
    return out


def fees_cell(costs: Costs | None) -> list[str]:
    if costs is None:
        return [str(NOT_STATED)]
    out = [_("Træningen er gratis.")] if costs.training_free else []
    out += [texts.fee_text(f) for f in costs.fees]
    return out or [str(NOT_STATED)]


def cancel_cell(obligations: Obligations | None) -> list[str]:
    if obligations is None or (obligations.cancel is None and not obligations.end_rules):
        return [str(NOT_STATED)]
    out = [texts.cancel_text(obligations.cancel)] if obligations.cancel else []
    out += [texts.end_rule_text(r) for r in obligations.end_rules]
    return out


def complaint_cell(complaints: tuple[Complaint, ...]) -> list[str]:
    out = []
    for c in complaints:
        line = _("%(about)s: %(body)s.", about=texts.COMPLAINT_ABOUT[c.route.about],
                 body=texts.name_text(c.body.name))
        deadline = texts.complaint_deadline_text(c)
        if deadline:
            line += " " + deadline
        if c.forward_to is not None:
            line += " " + _("Derefter %(body)s.", body=c.forward_to.name)
        out.append(line)
    return out or [str(NOT_STATED)]


def goals_cell(goals: tuple[ServiceGoal, ...]) -> list[str]:
    return [texts.goal_text(g) for g in goals] or [str(NOT_STATED)]


# Rows that describe only the municipality's own team where its rules say so
# (Delivery.own_team_facts: Fredericia's § 140 a team).
OWN_TEAM_ROWS = frozenset({"frequency", "cancel"})


def comparison_cell(kind: str, value: Any, approved: date | None = None,
                    own_team: bool = False) -> list[str]:
    """Sentences for one cell of the comparison (see ``domain.compare.cell``); ``approved``
    dates amounts that come from the standard; ``own_team``: the offer's facts are its own
    team's, and the rows in OWN_TEAM_ROWS say so."""
    lines = _comparison_lines(kind, value, approved)
    if own_team and kind in OWN_TEAM_ROWS and lines[0] != str(NOT_STATED):
        lines[0] = own_team_text(lines[0])
    return lines


def _comparison_lines(kind: str, value: Any, approved: date | None) -> list[str]:
    if kind in ("contact", "start"):
        return goals_cell(value)
    if kind == "frequency":
        text = texts.frequency_text(value) if value is not None else None
        return [text or str(NOT_STATED)]
    if kind == "duration":
        return [duration_cell(value) if value is not None else str(NOT_STATED)]
    if kind == "transport":
        return transport_cell(value, approved)
    if kind == "fees":
        return fees_cell(value)
    if kind == "cancel":
        return cancel_cell(value)
    if kind == "complaint":
        return complaint_cell(value)
    return [freshness_text(value.freshness)]


# --------------------------------------------------------------------------- handout


def contact_scope_text(standard: MunicipalRules, contact: Unit,
                       offer_ids: list[OfferId]) -> str | None:
    """On the handout, when the one contact it gives is not the standard's contact for every
    offer on it: for which offers the standard names it, or for which it names no one
    (whichever list is shorter). None when it is the contact for all of them."""
    covered, others = contact_scope(standard, contact, offer_ids)
    if not others:
        return None
    # Said to the patient, who met "dem" and "det andet" with no idea what they stood for,
    # nor what a kvalitetsstandard is (a user test).
    if not covered:
        return _("Kommunens regler for træning nævner ikke %(name)s ved et bestemt tilbud. "
                 "Spørg dem, hvem du skal kontakte.", name=contact.name)
    if len(covered) <= len(others):
        return _("Kommunens regler for træning nævner kun %(name)s ved %(offers)s. Ring også "
                 "til dem om de andre tilbud. Så kan de sige, hvem du skal kontakte.",
                 offers=_offer_list(covered), name=contact.name)
    return _("Kommunens regler for træning nævner ingen kontakt ved %(offers)s. Spørg "
             "%(name)s, hvem du skal kontakte om det.", offers=_offer_list(others),
             name=contact.name)


def professional_contact_elsewhere(info: dict[str, Any] | None,
                                   offer: OfferAssessment) -> tuple[Unit, list[OfferId]] | None:
    """On the professionals' page, for an offer without a contact of its own: whom its
    standard names, and for what (the result page says the same: present._facts)."""
    return contact_elsewhere(info["standard"], offer.id, offer.rules) if info else None


def _offer_list(offer_ids: list[OfferId]) -> str:
    return texts.and_list([texts.offer_title_inline(o) for o in offer_ids])
