"""Sentences for people, made from the domain's structured results.

One place serves the result page, the printout and the JSON API, so they always say the
same thing. Everything goes through gettext; parameters are named so translators can
reorder them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel.lists import format_list
from flask import g, has_request_context

from .domain.assess import Complaint, Deadline, Note, OfferAssessment, Reason, Transport
from .domain.rules import (
    Body,
    CancelDeadline,
    Costs,
    DayUnit,
    Duration,
    EndRule,
    Fee,
    Frequency,
    Hours,
    OfferId,
    OfferRules,
    OpeningHours,
    Place,
    ServiceGoal,
    TimeSpan,
    TransportOption,
    Unit,
)
from .domain.vocabulary import CONTENT
from .i18n import (
    format_amount,
    format_clock,
    format_long_date,
    format_phone,
    format_short_date,
    format_time,
    locale_name,
)
from .speedups import gettext as _
from .speedups import lazy_gettext as _l
from .speedups import ngettext

OFFER_TITLES = {
    "sul-140": _l("Genoptræning efter sygehus"),
    "sel-86-1": _l("Genoptræning efter sygdom uden indlæggelse"),
    "sel-86-2": _l("Vedligeholdende træning"),
    "sul-119": _l("Forløb for kronisk sygdom og rygestop"),
    "sul-140a": _l("Vederlagsfri fysioterapi"),
    "ael-10": _l("Træning som en del af helhedspleje"),
}

OFFER_SUMMARIES = {
    "sul-140": _l(
        "Træning efter en indlæggelse eller behandling på sygehuset. Sygehuset skriver en "
        "genoptræningsplan. Det er et papir om, hvad man skal træne. Sygehuset sender den "
        "til kommunen."
    ),
    "sel-86-1": _l(
        "Træning, når man har mistet kræfter efter sygdom, skade eller fald uden at blive "
        "indlagt, fx efter et besøg hos lægen. Målet er at komme tilbage til det, man kunne "
        "før. Med en genoptræningsplan fra sygehuset eller skadestuen gives træningen i "
        "stedet efter sundhedsloven."
    ),
    "sel-86-2": _l(
        "Træning, når funktionsevnen er varigt nedsat. Målet er at holde fast i det, man kan."
    ),
    "sul-119": _l(
        "Forløb med træning, undervisning og råd for personer med en kronisk sygdom, "
        "og hjælp til at stoppe med at ryge."
    ),
    "sul-140a": _l(
        "Gratis fysioterapi hos en fysioterapeut, når egen læge henviser. For personer "
        "med et svært fysisk handicap eller en fremadskridende sygdom."
    ),
    "ael-10": _l(
        "Fra 1. juli 2025 gælder Ældreloven for personer over folkepensionsalderen. Her er "
        "træning en del af helhedspleje: Kommunen ser på pleje, praktisk hjælp og træning "
        "samlet."
    ),
}

VERDICT_LABELS = {
    "likely": _l("Ser ud til at passe"),
    "possible": _l("Måske"),
    "unlikely": _l("Passer nok ikke"),
}

PROFESSIONAL = {
    "training_potential": _l("om du kan få det bedre af at træne"),
    "need_for_therapist": _l("om der er brug for en terapeut"),
    "diagnosis_on_list": _l("om din sygdom giver ret til tilbuddet"),
    "basal_or_advanced": _l("om genoptræningen skal være på basalt eller avanceret niveau"),
    "transport_need": _l("om der er brug for kørsel"),
    "coordination_need": _l("om flere slags hjælp skal passe sammen"),
    "can_cooperate": _l("om du kan være med til at træne"),
    "individual_need": _l("hvad du har brug for, alt i alt"),
    "manages_with_some_help": _l("om du med støtte og moderat hjælp kan klare at gå på toilettet, "
                                 "og om du har kræfter nok til at være med"),
}

# The same, said about the patient (the GP's page, where "du" is the doctor).
PROFESSIONAL_ABOUT_PATIENT = {
    **PROFESSIONAL,
    "training_potential": _l("om patienten kan få det bedre af at træne"),
    "diagnosis_on_list": _l("om patientens sygdom giver ret til tilbuddet"),
    "can_cooperate": _l("om patienten kan være med til at træne"),
    "individual_need": _l("hvad patienten har brug for, alt i alt"),
    "manages_with_some_help": _l("om patienten med støtte og moderat hjælp kan klare "
                                 "toiletbesøg og har kræfter nok til at være med"),
}

CONTACTERS = {
    "person": _l("du selv"),
    "relative": _l("en pårørende"),
    "gp": _l("din læge"),
    "hospital": _l("sygehuset"),
    "others_with_consent": _l("andre med dit samtykke"),
}

ROUTES = {
    "contact_unit": _l("Ring eller skriv til kommunen. Du kan selv gøre det."),
    "plan_from_hospital": _l(
        "Du skal ikke selv søge. Sygehuset sender genoptræningsplanen til kommunen, og "
        "kommunen kontakter dig."
    ),
    "gp_referral": _l("Bed din egen læge om en henvisning. Den skal fornyes hvert år."),
    "gp_or_hospital_referral": _l(
        "Din læge eller sygehuset henviser dig med dit samtykke. Spørg din læge."
    ),
}

DAYS = {
    "mon": _l("mandag"),
    "tue": _l("tirsdag"),
    "wed": _l("onsdag"),
    "thu": _l("torsdag"),
    "fri": _l("fredag"),
    "sat": _l("lørdag"),
    "sun": _l("søndag"),
}

PLACES = {
    "training_centre": _l("i kommunens træningscenter"),
    "health_centre": _l("i et af kommunens sundhedscentre"),
    "home": _l("i dit eget hjem"),
    "local_area": _l("i dit nærmiljø"),
    "outdoors": _l("udendørs"),
    "care_home": _l("på plejecentret"),
    "friplejehjem": _l("på et godkendt friplejehjem"),
    "temporary_stay": _l("under et midlertidigt ophold"),
    "activity_centre": _l("i Aktivitetscentret"),
    "video": _l("over video"),
    "phone": _l("over telefonen"),
    "private_physio": _l("hos en privat fysioterapeut, der har aftale med regionen (ydernummer)"),
}

PLACE_WHEN = {
    "default": "",
    "if_needed": _l("hvis det er nødvendigt"),
    "if_resident": _l("hvis du bor der"),
    # Herlev: "Borgere, der bor permanent eller er på midlertidigt ophold på et af kommunens
    # plejecentre" (a fact-check: "hvis du bor der" left out the short stay)
    "if_resident_or_staying": _l("hvis du bor der eller er på et midlertidigt ophold"),
    "as_a_rule": _l("som udgangspunkt"),
    "exception": _l("undtagelsesvist"),
    # Herlev: "for visse sygdomsgrupper efter lægeordination"
    "some_illnesses_gp": _l("ved visse sygdomme, hvis din læge henviser dig"),
}

FORMS = {
    "individual": _l("alene med en terapeut"),
    "team": _l("på hold"),
    "self_training": _l("selvtræning"),
    "guidance": _l("vejledning"),
    "virtual": _l("over video eller apps"),
}

EXPECTATIONS = {
    "motivated": _l("Du er motiveret og deltager aktivt."),
    "active_at_home": _l("Du træner også derhjemme."),
    # Nyborg: "det er vigtigt, ar du er fysisk aktiv i hverdagen. Du aftaler sammen med
    # terapeuten, hvordan din træning i hverdagen med fordel kan se ud." (a fact-check: not
    # "træner derhjemme").
    "active_in_daily_life": _l("Du er aktiv i hverdagen. Sammen med terapeuten aftaler du, "
                               "hvad du gør mellem træningerne."),
    # Herlev: "bidrager med en passende indsats i dagligdagen, der kan føre til et bedre
    # funktionsniveau" – no agreement with the therapist, which was Nyborg's (a fact-check).
    "daily_effort": _l("Du gør selv en passende indsats i hverdagen, så du kan klare mere."),
    "home_exercises_as_instructed": _l("Du laver hjemmeøvelserne, som terapeuten viser dig."),
    "take_responsibility": _l("Du tager ansvar for din træning og holder dig i gang."),
    "regular_attendance": _l("Du kommer hver gang."),
    "on_time": _l("Du kommer til tiden og er klar til at træne."),
    "no_alcohol_or_drugs": _l("Du har ikke drukket alkohol eller taget stoffer før træningen."),
    "home_and_free_when_training_at_home": _l(
        "Er træningen hjemme hos dig, er du hjemme og ikke optaget af gæster."
    ),
    "start_and_evaluation_talks": _l("Du deltager i en startsamtale og i evalueringen."),
    "work_together": _l("Du samarbejder om målet med træningen."),
    "team_ready": _l("Du kan være med i en gruppe."),
    # Fredericia, "Genoptræning i hjemmet – Dit hjem er en arbejdsplads": "Medarbejderne må
    # ikke ryge i dit hjem. Fredericia Kommune opfordrer til, at du heller ikke ryger, imens
    # medarbejderne er i dit hjem eller en time før samt lufter godt ud …"
    # Nyborg, "Hjemmet som arbejdsplads": "dit hjem som arbejdsplads bliver gennemgået,
    # således at arbejdet kan udføres sikkerheds- og sundhedsmæssigt forsvarligt."
    "home_is_a_workplace": _l(
        "Træner du hjemme, er dit hjem personalets arbejdsplads. Derfor ser de dit hjem "
        "igennem, så de kan arbejde sikkert."
    ),
    # Fredericia: "Derfor kan det f.eks. være nødvendigt at flytte rundt på møbler, fjerne
    # løse gulvtæpper eller lignende." (a fact-check: only the smoking part was shown)
    "home_workplace_furniture": _l(
        "Træner du hjemme, er dit hjem personalets arbejdsplads. Derfor kan det være "
        "nødvendigt at flytte møbler eller fjerne løse tæpper."
    ),
    "no_smoking_in_home": _l(
        "Træner du hjemme, må personalet ikke ryge hos dig. Ryg helst heller ikke, mens de er "
        "der, eller en time før. Luft godt ud, før de kommer."
    ),
}

FOLLOW_UP = {
    "end_status_to_gp": _l("Når træningen slutter, får din læge en skriftlig status, hvis du siger ja."),
    "end_status_to_person": _l("Når træningen slutter, kan du få en skriftlig status."),
    "end_talk": _l("Træningen slutter med en samtale om, hvordan det er gået."),
    "action_plan": _l("Terapeuten laver en plan med dig: hvor, hvordan og hvor tit."),
    "tests_start_end": _l("Du bliver testet, når træningen starter og slutter."),
    "midway_evaluation": _l("Træningen bliver evalueret undervejs."),
    "half_yearly_evaluation": _l("Tilbuddet bliver evalueret mindst hvert halve år."),
    "referral_status_to_gp": _l("Skal henvisningen fornyes, sender terapeuten en status til din læge."),
    "help_finding_further_training": _l("Du får hjælp til at finde et sted at træne videre."),
}

# What happens while the person trains (the rest happens when the training ends).
FOLLOW_UP_DURING = frozenset({"action_plan", "tests_start_end", "midway_evaluation",
                              "half_yearly_evaluation"})

NOTES = {
    # "Kommunen beskriver ikke tilbuddet" on the offer that fitted best read as "the
    # municipality does not give it" (a user test).
    "national_only": _l(
        "Kommunens egne regler for træning (kvalitetsstandarden) nævner ikke dette tilbud. "
        "Det, der står her, bygger på loven, som gælder i alle kommuner. Spørg kommunen, hvad "
        "den selv tilbyder."
    ),
    "aeldrelov_override": _l(
        "Kommunens kvalitetsstandard nævner ikke Ældreloven, som trådte i kraft %(date)s. "
        "Loven går forud: fra %(age)s år gives træningen som en del af helhedspleje efter "
        "Ældreloven, ikke efter Serviceloven § 86."
    ),
    "others_limited": _l(
        "Kommunens kvalitetsstandard skriver, at træningen især er for ældre, og at yngre "
        "voksne kun kan få den i begrænset omfang. Du kan altid bede kommunen vurdere dit "
        "behov. Får du afslag, kan du klage."
    ),
    "elderly_named": _l(
        "Kommunens kvalitetsstandard nævner kun ældre. Men loven (Serviceloven § 86 stk. 2) "
        "gælder også voksne under 67 år, der har brug for træningen på grund af nedsat "
        "funktionsevne. Du kan altid bede kommunen vurdere dit behov. Får du afslag, kan du "
        "klage."
    ),
    "free_choice_override": _l(
        "Efter loven (Sundhedsloven § 140) må du vælge en privat leverandør, hvis kommunen "
        "ikke kan tilbyde start inden for %(days)s dage efter udskrivelsen. Det gælder, "
        "selv om kommunens standard nævner en længere frist."
    ),
    "body_renamed": _l(
        "Kommunens standard nævner %(old)s, som i dag hedder %(new)s. Det er dem, du skal "
        "klage til."
    ),
    "plan_first": _l(
        "Træningen i genoptræningsplanen fra sygehuset får du efter Sundhedsloven § 140 "
        "(genoptræning efter sygehus). Har du også brug for hjælp og træning i hverdagen, kan "
        "kommunen give det som helhedspleje."
    ),
}

# The heading of each note on the result page: what it is about, so that a person who
# moves from heading to heading (a screen reader) hears more than "Godt at vide".
NOTE_HEADINGS = {
    "national_only": _l("Her gælder loven"),
    "aeldrelov_override": _l("Ældreloven går forud"),
    "others_limited": _l("Især for ældre"),
    "elderly_named": _l("Også for yngre voksne"),
    "free_choice_override": _l("Loven om frit valg går forud"),
    "body_renamed": _l("Nyt navn på stedet, du klager til"),
    "plan_first": _l("Træningen i genoptræningsplanen"),
}

WARNINGS = {
    "dec24": _l("Datoen er juleaftensdag. Mange kontorer holder lukket."),
    "dec31": _l("Datoen er nytårsaftensdag. Mange kontorer holder lukket."),
    "constitution_day": _l("Datoen er grundlovsdag. Mange kontorer holder lukket om eftermiddagen."),
    # A day to contact, decide or start counted in calendar days (calendar.office_warning_for):
    # 25 December or a Saturday was given with no word (a fact-check).
    "closed_saturday": _l("Datoen er en lørdag. Kommunens kontorer holder lukket den dag."),
    "closed_sunday": _l("Datoen er en søndag. Kommunens kontorer holder lukket den dag."),
    "closed_holiday": _l("Datoen er en helligdag. Kommunens kontorer holder lukket den dag."),
    # Only for the last day of a complaint (calendar.complaint_warning_for): a digital
    # complaint arrives any day, a letter does not.
    "saturday": _l("Datoen er en lørdag. Sender du klagen med posten, så send den før."),
    "sunday": _l("Datoen er en søndag. Sender du klagen med posten, så send den før."),
    "holiday": _l("Datoen er en helligdag. Sender du klagen med posten, så send den før."),
}


# Names that stay Danish in every language. Each is its own msgid: Danish shows the name as
# it is; the English catalog adds a short explanation in brackets, e.g. "Ankestyrelsen (the
# National Social Appeals Board)". The explanation is shown the first time the name
# appears on a page (see name_text); after that the bare name.
NAMES = {
    "Ankestyrelsen": _l("Ankestyrelsen"),
    "Styrelsen for Patientklager": _l("Styrelsen for Patientklager"),
    "Patientombuddet": _l("Patientombuddet"),
    "NT Flextur": _l("NT Flextur"),
    "NT Handicapkørsel": _l("NT Handicapkørsel"),
    # The municipal units complaints go to (rules/municipalities/*.yaml, units.*.name):
    # English pages say what they are, and what "Lederen af" means (the head of).
    "Lederen af Træning & Forebyggelse": _l("Lederen af Træning & Forebyggelse"),
    "Træning & Forebyggelse": _l("Træning & Forebyggelse"),
    "Visitationen": _l("Visitationen"),
    "Sundhed og Træning": _l("Sundhed og Træning"),
    "Træning & Rehabilitering": _l("Træning & Rehabilitering"),
}


def name_text(name: str) -> str:
    """A Danish proper name, explained in brackets the first time on a page (English)."""
    explained = str(NAMES[name]) if name in NAMES else name
    if explained == name or not has_request_context():
        return explained
    seen: set[str] = g.setdefault("explained_names", set())
    if name in seen:
        return name
    seen.add(name)
    return explained


def reason_text(reason: Reason) -> str:
    return _(reason.message, **reason.params)


def unit_amount(amount: int, unit: DayUnit | str) -> str:
    unit = DayUnit(unit) if not isinstance(unit, DayUnit) else unit
    if unit is DayUnit.WORKING_DAYS:
        return ngettext("%(num)s hverdag", "%(num)s hverdage", amount)
    if unit is DayUnit.WEEKS:
        return ngettext("%(num)s uge", "%(num)s uger", amount)
    return ngettext("%(num)s dag", "%(num)s dage", amount)


AFTER = {
    "request": _l("efter din henvendelse"),
    "discharge": _l("efter udskrivelsen"),
    "plan_received": _l("efter at kommunen har fået genoptræningsplanen"),
    "decision": _l("efter afgørelsen"),
    "assessment_visit": _l("efter visitationsbesøget"),
    "arrival": _l("efter ankomsten"),
}


GOALS = {
    "contact": _l("Kommunen kontakter dig %(period)s %(after)s."),
    "contact_with_time": _l("Kommunen kontakter dig med en tid %(period)s %(after)s."),
    # Fredensborg: "kontaktet med forslag til en tid til vurdering" read as a training time
    # when it said "med en tid" (a fact-check).
    "assessment_time_offered": _l(
        "Kommunen kontakter dig %(period)s %(after)s med forslag til en tid, hvor en terapeut "
        "vurderer, hvad du har brug for."
    ),
    "assessment_visit_booked": _l(
        "Kommunen kontakter dig %(period)s %(after)s for at aftale et visitationsbesøg."
    ),
    "decision": _l("Du får en skriftlig afgørelse %(period)s %(after)s."),
    "start": _l("Træningen starter %(period)s %(after)s."),
    "planned_or_started": _l("Træningen er planlagt eller startet %(period)s %(after)s."),
    "clarifying_talk": _l("Du får en afklarende samtale %(period)s %(after)s."),
    "provider_contact": _l(
        "Den, der skal træne dig, kontakter dig %(period)s %(after)s for at aftale start."
    ),
    "first_day": _l("Træningen starter %(period)s %(after)s."),
    # Fredensborg: "Efter en vurdering af fysio- eller ergoterapeut modtager borgeren en
    # skriftlig afgørelse om hvilket forløb, der evt. igangsættes indenfor 14 dage."
    "start_after_decision": _l("Efter terapeutens vurdering får du en skriftlig afgørelse. "
                               "Skal du have træning, starter den %(period)s efter "
                               "vurderingen."),
    "free_choice": _l("Kan kommunen ikke tilbyde start inden for %(span)s %(after)s, må du "
                      "vælge en privat leverandør, som kommunerne (KL) har aftale med."),
}
# The same, said about the patient (the GP's page, where "du" is the doctor).
GOALS_ABOUT_PATIENT = {
    **GOALS,
    "contact": _l("Kommunen kontakter patienten %(period)s %(after)s."),
    "contact_with_time": _l("Kommunen kontakter patienten med en tid %(period)s %(after)s."),
    "assessment_time_offered": _l(
        "Kommunen kontakter patienten %(period)s %(after)s med forslag til en tid, hvor en "
        "terapeut vurderer, hvad patienten har brug for."
    ),
    "assessment_visit_booked": _l(
        "Kommunen kontakter patienten %(period)s %(after)s for at aftale et visitationsbesøg."
    ),
    "decision": _l("Patienten får en skriftlig afgørelse %(period)s %(after)s."),
    "clarifying_talk": _l("Patienten får en afklarende samtale %(period)s %(after)s."),
    "start_after_decision": _l("Efter terapeutens vurdering får patienten en skriftlig "
                               "afgørelse. Skal patienten have træning, starter den "
                               "%(period)s efter vurderingen."),
    "provider_contact": _l(
        "Den, der skal træne patienten, kontakter patienten %(period)s %(after)s for at "
        "aftale start."
    ),
    "free_choice": _l("Kan kommunen ikke tilbyde start inden for %(span)s %(after)s, må "
                      "patienten vælge en privat leverandør, som kommunerne (KL) har aftale med."),
}


def goal_text(goal: ServiceGoal, about_patient: bool = False) -> str:
    """The service goal as the standard gives it, without a date; ``about_patient`` says
    it about the patient (the GP's page) instead of to "du"."""
    if goal.ordinal_day:
        period = _("senest på %(num)s.-dagen", num=goal.amount)
    else:
        period = _("senest %(span)s", span=unit_amount(goal.amount, goal.unit))
    after = (_("efter henvendelsen") if about_patient and goal.counted_from == "request"
             else AFTER[goal.counted_from])
    messages = GOALS_ABOUT_PATIENT if about_patient else GOALS
    if goal.kind == "free_choice":
        return str(messages["free_choice"]) % {"span": unit_amount(goal.amount, goal.unit),
                                               "after": after}
    if goal.aim:  # "Det tilstræbes …": said as the aim it is
        text = _("Kommunens mål (ikke et løfte): %(text)s",
                 text=str(messages[goal.what]) % {"period": period, "after": after})
    else:
        text = str(messages[goal.what]) % {"period": period, "after": after}
    if goal.counted_from_assumed:  # Brønderslev: "Sagsbehandlingstid: Op til 5 hverdage."
        text += " " + _("Kommunen skriver ikke, fra hvilken dag fristen tæller. Dagen er vores "
                        "bud.")
    if goal.counted_from == "arrival":
        if goal.place:
            return _("Ved et midlertidigt ophold på %(place)s: %(text)s", place=goal.place,
                     text=text)
        return _("Ved et midlertidigt ophold: %(text)s", text=text)
    return text


def provider_lines(rules: OfferRules) -> list[str]:
    """Who trains the person: the same therapist aimed for, and whom they may choose."""
    delivery = rules.delivery
    if delivery is None:
        return []
    lines = []
    if delivery.same_therapist_aimed:
        lines.append(_("Kommunen prøver at sørge for, at det er den samme terapeut, der træner "
                       "dig hele vejen."))
    if delivery.free_choice_of_provider == "no":
        if any(place.kind == "private_physio" for place in delivery.places):
            # Herlev: "udføres af sundhedsfagligt personale ansat i Herlev Kommune", yet "kan
            # dog for visse sygdomsgrupper efter lægeordination udføres som vederlagsfri
            # fysioterapi": "no choice" alone contradicted the place above it (a fact-check).
            lines.append(_("Kommunens eget personale træner dig. Du kan ikke vælge en anden. "
                           "Får du vederlagsfri fysioterapi, vælger du selv fysioterapeuten."))
        else:
            lines.append(_("Du kan ikke selv vælge, hvem der træner dig."))
    elif delivery.free_choice_of_provider == "yes" and delivery.free_choice_coordinator:
        lines.append(_("Bliver det aktuelt at vælge en privat leverandør, hjælper en koordinator "
                       "hos kommunen dig med det."))
    elif delivery.free_choice_of_provider == "other_municipality":
        line = _("Du må også vælge at træne i en anden kommune, hvis den har plads, og hvis "
                 "træningen er den samme, som du har fået.")
        if rules.other_municipality_ends_free_choice:
            line += " " + _("Vælger du en anden kommune, mister du retten til at vælge en "
                            "privat leverandør, hvis træningen ikke kan starte til tiden.")
        lines.append(line)
    return lines


# What the municipality (or its provider) promises when it must cancel or move a session.
WHEN_THEY_CHANGE = {
    # Fredensborg: "Genoptræning kan som hovedregel ikke aflyses." / "Borgeren skal have
    # besked hurtigst muligt, såfremt en genoptræning aflyses eller ændres, hvorefter der
    # findes et alternativ."
    "rarely_and_told_with_alternative": _l(
        "Kommunen aflyser som hovedregel ikke en træning. Bliver en træning alligevel aflyst "
        "eller ændret, får du besked hurtigst muligt, og kommunen finder en anden løsning."),
    # Nyborg: "Hvis Sundhed og Træning er forhindret i at overholde den aftalte tid, bliver
    # du kontaktet og der aftales en ny tid."
    "contacted_for_new_time": _l("Kan kommunen ikke holde den aftalte tid, kontakter kommunen "
                                 "dig, og I aftaler en ny tid."),
    # Brønderslev: "Leverandøren kan ikke aflyse en planlagt genoptræningsaftale, men
    # genoptræningen kan flyttes til et andet tidspunkt efter forudgående aftale med dig."
    "moved_only_by_agreement": _l("Den, der træner dig, må ikke aflyse en aftalt træning. "
                                  "Træningen kan kun flyttes til en anden tid, hvis du har "
                                  "sagt ja til det på forhånd."),
    # Fredericia: "Hvis det undtagelsesvist er nødvendigt at ændre tidspunktet for en planlagt
    # aftale, får du telefonisk eller skriftlig besked fra Træning & Forebyggelse."
    "told_by_phone_or_in_writing": _l("Skal kommunen undtagelsesvis flytte en aftalt tid, får "
                                      "du besked på telefon eller skriftligt."),
}

START_NOTICES = {
    "start_time_in_digital_post": _l("Du får tiden for den første træning i din digitale "
                                     "postkasse (e-Boks eller mit.dk). Er du fritaget for "
                                     "Digital Post, får du et brev."),
    "waiting_time_letter": _l("Kan træningen ikke starte til tiden, får du et brev om, hvor "
                              "længe du skal vente."),
    "declined_time_not_guaranteed": _l("Siger du nej tak til den tid, du får tilbudt, kan "
                                       "kommunen ikke love dig en ny tid inden for 7 dage efter, at "
                                       "du kom hjem. "
                                       "Du får den næste ledige tid."),
    # Fredericia: "Den private leverandør skal kunne tilbyde opstart af genoptræning senest
    # samtidig med kommunens tilbud"
    "private_start_no_later": _l("Vælger du en privat leverandør, skal den kunne starte din "
                                 "træning senest den dag, kommunen har tilbudt dig at starte."),
    # Nyborg: "Står der angivet i din genoptræningsplan, at du skal starte senere end 14
    # hverdage, vil det første møde foregå telefonisk. Dette gælder også hvis du har
    # gennemgået en planlagt operation (f.eks. rygoperation)."
    "first_meeting_by_phone": _l("Står der i din genoptræningsplan, at du skal starte senere "
                                 "end 14 hverdage, er det første møde en telefonsamtale. Det "
                                 "gælder også, hvis du har haft en planlagt operation, fx i "
                                 "ryggen."),
    # Herlev: "At borgeren ved afslag på ansøgning om genoptræning får oplysning om og forslag
    # til alternativ problemløsning samt vejledning om klagemuligheder."
    "refusal_with_alternatives": _l("Får du afslag, får du også forslag til, hvad du ellers "
                                    "kan gøre, og at vide, hvordan du klager."),
    # Brønderslev: "Hvis du får et afslag, sender vi altid en begrundelse og en
    # klagevejledning."
    "refusal_with_reasons": _l("Får du afslag, får du altid at vide hvorfor, og hvordan du "
                               "klager."),
    # Fredensborg: "Er borgeren fejlhenvist modtager borgeren en skriftlig afgørelse på
    # henvisningen."
    "wrong_referral_decision": _l("Passer du ikke til tilbuddet, får du en skriftlig "
                                  "afgørelse. Den kan du klage over."),
}

# Said after a date counted from discharge where the standard counts from the plan's arrival,
# which nobody can answer (Nyborg: "efter henvisningen er modtaget"); the second text when
# several dates in a row share it, said once after the last of them.
# "Den dato, du skrev": the discharge question asks for the plan's later start date where
# there is one, so "den dag, du kom hjem" was not always the day counted from (user test).
PLAN_RECEIVED_NOTE = {
    False: _l("Fristen tæller fra den dag, kommunen får genoptræningsplanen. Her er regnet fra "
              "den dato, du skrev. Kommer planen senere, bliver fristen senere."),
    True: _l("Fristerne tæller fra den dag, kommunen får genoptræningsplanen. Her er regnet fra "
             "den dato, du skrev. Kommer planen senere, bliver fristerne senere."),
}
ASSUMED_FROM_NOTE = {
    False: _l("Kommunen skriver ikke, fra hvilken dag fristen tæller. Her er regnet fra "
              "%(day)s."),
    True: _l("Kommunen skriver ikke, fra hvilken dag fristerne tæller. Her er regnet fra "
             "%(day)s."),
}


# The day a period is counted from, where the standard does not name it and we chose it
# (ServiceGoal.counted_from_assumed).
FROM_DAY = {
    "request": _l("den dag, du kontaktede kommunen"),
    "discharge": _l("den dag, du kom hjem fra sygehuset"),
    "plan_received": _l("den dag, kommunen fik genoptræningsplanen"),
    "decision": _l("den dag, du fik afgørelsen"),
    "assessment_visit": _l("den dag, kommunen var på besøg hos dig"),
    "arrival": _l("den dag, du flyttede ind på det midlertidige ophold"),
}


def deadline_text(deadline: Deadline, municipality: str, with_note: bool = True) -> str:
    note = deadline_note(deadline) if with_note else None
    text = _deadline_text(deadline, municipality)
    return f"{text} {note}" if note else text


def deadline_note(deadline: Deadline, several: bool = False) -> str | None:
    """What a date rests on where the standard does not say it plainly: the plan's arrival
    (counted from discharge instead), or a starting day the standard does not name
    (ServiceGoal.counted_from_assumed). ``several``: said once for several dates."""
    goal = deadline.goal
    if goal.counted_from == "plan_received":
        return str(PLAN_RECEIVED_NOTE[several])
    if goal.counted_from_assumed:
        return str(ASSUMED_FROM_NOTE[several]) % {"day": FROM_DAY[goal.counted_from]}
    return None


def _deadline_text(deadline: Deadline, municipality: str) -> str:
    if deadline.settled:
        # The decision has come, so this date was kept or is over: no "ring til dem".
        when = format_long_date(deadline.date)
        if deadline.kind == "decision":
            return _("Du skulle have en skriftlig afgørelse senest %(date)s. Den har du fået.",
                     date=when)
        return _("%(municipality)s skulle kontakte dig senest %(date)s. Du har fået en "
                 "afgørelse, så det er sket.", municipality=municipality, date=when)
    if deadline.past:
        return passed_deadline_text(deadline, municipality)
    when = format_long_date(deadline.date)
    what = deadline.goal.what
    if deadline.kind == "free_choice":
        # The law's right, next to the standard's own (later) start: said as the law's. The
        # choice is made on mingenoptræning.dk (FritValgService, KL's service, says so;
        # fritvalgservice.dk is about the scheme, not where a person chooses).
        return _(
            "Har %(municipality)s ikke tilbudt dig en tid til at starte senest %(date)s, har "
            "du ret til at vælge en privat leverandør fra dagen efter. Det siger loven. "
            "Leverandøren skal have en aftale med kommunerne gennem deres forening, KL. Du "
            "vælger på mingenoptræning.dk.",
            municipality=municipality,
            date=when,
        )
    if deadline.kind == "complaint":
        if deadline.about == "transport":
            return _("En klage over afgørelsen om kørsel skal være sendt til %(body)s senest "
                     "%(date)s.", body=name_text(deadline.body or ""), date=when)
        return _("Din klage skal være modtaget af %(body)s senest %(date)s.",
                 body=name_text(deadline.body or ""), date=when)
    if deadline.kind == "decision":
        return _("Du skal have en skriftlig afgørelse senest %(date)s.", date=when)
    if deadline.kind == "contact":
        if deadline.goal.aim and what == "assessment_visit_booked":  # Herlev's kvalitetsmål
            return _("%(municipality)s vil gerne kontakte dig senest %(date)s for at aftale et "
                     "visitationsbesøg. Det er et mål, ikke et løfte.",
                     municipality=municipality, date=when)
        if deadline.goal.aim:  # Nyborg's Kvalitetsmål
            return _("%(municipality)s vil gerne kontakte dig senest %(date)s. Det er et mål, "
                     "ikke et løfte.", municipality=municipality, date=when)
        if what == "provider_contact":
            return _(
                "Den, der skal træne dig, skal kontakte dig senest %(date)s for at aftale start.",
                date=when,
            )
        if what == "assessment_time_offered":
            return _(
                "%(municipality)s skal kontakte dig senest %(date)s med forslag til en tid, "
                "hvor en terapeut vurderer, hvad du har brug for.",
                municipality=municipality,
                date=when,
            )
        if what == "assessment_visit_booked":
            return _(
                "%(municipality)s skal kontakte dig senest %(date)s for at aftale et "
                "visitationsbesøg.",
                municipality=municipality,
                date=when,
            )
        return _("%(municipality)s skal kontakte dig senest %(date)s.",
                 municipality=municipality, date=when)
    if what == "clarifying_talk":
        return _("Du skal have en afklarende samtale senest %(date)s.", date=when)
    # Every start goal is a municipality's own (its quality standard), never the law's.
    if deadline.goal.aim:
        return _("Kommunen vil gerne have, at din træning starter senest %(date)s. Det er et "
                 "mål, ikke et løfte.", date=when)
    if what == "planned_or_started":
        return _("Kommunens egen frist: Træningen skal være planlagt eller startet senest "
                 "%(date)s.", date=when)
    return _("Kommunens egen frist: Træningen skal starte senest %(date)s.", date=when)


def passed_deadline_text(deadline: Deadline, municipality: str) -> str:
    """A deadline that has passed: say so, and what the person can do now."""
    when = format_long_date(deadline.date)
    what = deadline.goal.what
    if deadline.kind == "free_choice":
        # The right rests on what the municipality offered, not on whether the training
        # has started: a person who said no to an offered time does not get it. "Hvis … ikke
        # kunne tilbyde" asked the person what the municipality could do (a user test).
        return _(
            "Har %(municipality)s ikke tilbudt dig en tid til at starte senest %(date)s, må du "
            "nu vælge en privat leverandør, som kommunerne har en aftale med gennem deres "
            "forening, KL. Du vælger på mingenoptræning.dk.",
            municipality=municipality,
            date=when,
        )
    if deadline.kind == "complaint":
        return _(
            "Fristen for at klage var %(date)s. Kontakt %(body)s, og spørg, om klagen kan "
            "behandles alligevel.",
            body=name_text(deadline.body or ""),
            date=when,
        )
    if deadline.kind == "decision":
        return _("Du skulle have haft en skriftlig afgørelse senest %(date)s. Har du ikke fået "
                 "den, så kontakt %(municipality)s.", municipality=municipality, date=when)
    if deadline.kind == "contact":
        if deadline.goal.aim:
            return _("%(municipality)s ville gerne have kontaktet dig senest %(date)s. Er det "
                     "ikke sket, så ring til dem.", municipality=municipality, date=when)
        if what == "provider_contact":
            return _("Den, der skal træne dig, skulle have kontaktet dig senest %(date)s. Er det "
                     "ikke sket, så kontakt %(municipality)s.", municipality=municipality,
                     date=when)
        return _("%(municipality)s skulle have kontaktet dig senest %(date)s. Er det ikke "
                 "sket, så ring til dem.", municipality=municipality, date=when)
    if what == "clarifying_talk":
        return _("Du skulle have haft en afklarende samtale senest %(date)s. Har du ikke haft "
                 "den, så kontakt %(municipality)s.", municipality=municipality, date=when)
    if deadline.goal.aim:
        return _("Kommunen ville gerne have startet træningen senest %(date)s. Er den ikke "
                 "startet, så kontakt %(municipality)s.", municipality=municipality, date=when)
    if what == "planned_or_started":
        return _("Træningen skulle være planlagt eller startet senest %(date)s. Er den ikke "
                 "det, så kontakt %(municipality)s.", municipality=municipality, date=when)
    return _("Træningen skulle være startet senest %(date)s. Er den ikke det, så kontakt "
             "%(municipality)s.", municipality=municipality, date=when)


def deadline_warning(deadline: Deadline) -> str | None:
    return str(WARNINGS[deadline.warning]) if deadline.warning else None


def note_text(note: Note) -> str:
    params: dict[str, Any] = dict(note.params)
    if "in_force" in params:
        params = {"date": format_short_date(params["in_force"]), "age": params["pension_age"]}
    if note.code == "body_renamed":
        params = {"old": name_text(params["old"]), "new": name_text(params["new"])}
    return str(NOTES[note.code]) % params if params else str(NOTES[note.code])


def hours_text(hours: OpeningHours) -> str:
    days = list(hours.days)
    if len(days) > 2 and _consecutive(days):
        day_text = _("%(first)s til %(last)s", first=DAYS[days[0]], last=DAYS[days[-1]])
    else:
        names = [str(DAYS[d]) for d in days]
        day_text = ", ".join(names[:-1]) + _(" og ") + names[-1] if len(names) > 1 else names[0]
    spans = _(" og ").join(
        _("%(opens)s-%(closes)s", opens=format_clock(s.opens), closes=format_clock(s.closes))
        for s in hours.spans
    )
    text = _("%(days)s kl. %(spans)s", days=day_text, spans=spans)
    return text[:1].upper() + text[1:]


def _consecutive(days: list[str]) -> bool:
    order = list(DAYS)
    idx = [order.index(d) for d in days]
    return idx == list(range(idx[0], idx[0] + len(idx)))


def cancel_text(cancel: CancelDeadline, unit: Unit | None = None) -> str:
    if cancel.day == "same_day" and cancel.time:
        text = _("Meld afbud senest samme dag %(time)s.", time=format_time(cancel.time))
    elif cancel.day == "day_before" and cancel.time:
        text = _("Meld afbud senest dagen før %(time)s.", time=format_time(cancel.time))
    elif cancel.day == "day_before":
        text = _("Meld afbud senest dagen før.")
    else:
        text = _("Meld afbud samme dag.")
    if cancel.or_as_soon_as_possible:
        text += " " + _("Meld altid afbud så hurtigt som muligt.")
    # Whom to tell, and that moving a session has the same deadline: "Meld afbud senest
    # dagen før" left both open (a fact-check, Brønderslev; a user test: "syg samme dag?").
    if cancel.moving_too:
        text += " " + _("Det samme gælder, hvis du vil flytte en træning.")
    if cancel.to == "provider":
        text += " " + _("Giv den, der træner dig, besked.")
    elif cancel.to == "contact" and unit is not None and unit.phones:
        text += " " + _("Ring til %(name)s på %(phone)s.", name=name_text(unit.name),
                        phone=format_phone(unit.phones[0].number))
    return text


def end_rule_text(rule: EndRule) -> str:
    verb = _("kan forløbet slutte") if rule.may else _("slutter forløbet")
    count = rule.count or 0
    weeks = rule.weeks or 0
    texts = {
        "no_shows_without_notice": ngettext(
            "Udebliver du mere end %(num)s gang uden afbud, %(verb)s.",
            "Udebliver du mere end %(num)s gange uden afbud, %(verb)s.",
            count,
            verb=verb,
        ),
        "no_shows": ngettext(
            "Udebliver du %(num)s gang, %(verb)s.",
            "Udebliver du %(num)s gange, %(verb)s.",
            count,
            verb=verb,
        ),
        "repeated_no_shows": _("Udebliver du flere gange uden afbud, %(verb)s.", verb=verb),
        "cancellations": ngettext(
            "Aflyser du %(num)s gang, %(verb)s.",
            "Aflyser du %(num)s gange, %(verb)s.",
            count,
            verb=verb,
        ),
        "many_cancellations": _("Aflyser du mange gange, %(verb)s.", verb=verb),
        "interrupted": ngettext(
            "Holder du pause i mere end %(num)s uge, %(verb)s.",
            "Holder du pause i mere end %(num)s uger, %(verb)s.",
            weeks,
            verb=verb,
        ),
        "no_show_without_valid_reason": ngettext(
            "Udebliver du uden god grund inden for %(num)s uge, %(verb)s.",
            "Udebliver du uden god grund inden for %(num)s uger, %(verb)s.",
            weeks,
            verb=verb,
        ),
    }
    text = texts[rule.kind]
    if rule.in_writing:
        text += " " + _("Du får besked skriftligt.")
    return text[0].upper() + text[1:]


TRANSPORT = {
    # Herlev: "hvis borgeren ikke kan transportere sig selv"
    "free_if_needed": _l(
        "Kan du ikke selv komme til træningen, kan du få kørsel. Den er gratis. Terapeuten "
        "vurderer behovet."
    ),
    # Fredericia: "hvis du af helbredsmæssige årsager ikke selv kan komme til Træning &
    # Forebyggelse"
    "free_if_health_needs": _l(
        "Kan du ikke selv komme til træningen af helbredsmæssige grunde, kan du få kørsel. "
        "Den er gratis. Terapeuten vurderer behovet."
    ),
    # Fredensborg: "Hvis der visiteres til transport, er der brugerbetaling på denne
    # indsats." A charge, not necessarily the whole price; no amount given.
    "assessed_with_payment": _l(
        "Terapeuten vurderer, om du har brug for kørsel. Får du kørsel, skal du betale et "
        "beløb for den (brugerbetaling)."
    ),
    "own_payment": _l("Du kan ikke få kørsel. Du betaler selv for at komme frem og tilbage."),
    "not_granted": _l("Du kan ikke få kørsel til denne træning."),
    "national_140": _l(
        "Du har ret til kørsel eller godtgørelse (penge for turen), hvis du er pensionist, "
        "har mere end 50 km hver vej, eller ikke kan tage offentlig transport (også "
        "Flextrafik) på grund af dit helbred."
    ),
}

# The same, said about the patient (the GP's page).
TRANSPORT_ABOUT_PATIENT = {
    "free_if_needed": _l("Gratis kørsel, hvis patienten ikke selv kan komme frem. Terapeuten "
                         "vurderer behovet."),
    "free_if_health_needs": _l("Gratis kørsel, hvis patienten af helbredsmæssige grunde ikke "
                               "selv kan komme frem. Terapeuten vurderer behovet."),
    # "Hvis der visiteres til transport, er der brugerbetaling": only if it is granted.
    "assessed_with_payment": _l("Terapeuten vurderer behovet for kørsel. Får patienten kørsel, "
                                "betaler patienten et beløb for den (brugerbetaling)."),
    "own_payment": _l("Ingen kørsel. Patienten betaler selv for at komme frem og tilbage."),
    "not_granted": _l("Ingen kørsel til denne træning."),
    "national_140": _l("Patienten har ret til kørsel eller godtgørelse, hvis patienten er "
                       "pensionist, har mere end 50 km hver vej, eller ikke kan tage offentlig "
                       "transport (også Flextrafik) på grund af sit helbred."),
}

TRANSPORT_STATUS = {
    "likely": _l("Ud fra dine svar ser du ud til at have ret til kørsel eller godtgørelse."),
    "possible": _l("Ud fra dine svar kan vi ikke sige, om du har ret til kørsel."),
    "unlikely": _l("Ud fra dine svar ser du ikke ud til at have ret til kørsel."),
}

TRANSPORT_NOTES = {
    "wait_and_shared_rides": _l("Der kan være ventetid, og du kan komme til at køre med andre."),
    # Nyborg: "Efter aftale med dig bestiller Sundhed og Træning transport. … Du skal være
    # klar én time før din træningstid." Who books the ride, and the pick-up.
    "ready_one_hour_before": _l("Får du kørsel, bestiller kommunen den efter aftale med dig. "
                                "Vær klar én time før din træningstid."),
    "cheapest_safe_means": _l(
        "Godtgørelsen svarer til det billigste forsvarlige transportmiddel og aldrig mere end "
        "det, du faktisk har betalt."
    ),
    "free_choice_reimbursement_only": _l(
        "Vælger du træning i en anden kommune, får du kun godtgørelse svarende til turen til "
        "kommunens eget træningssted."
    ),
}


def transport_texts(transport: Transport | None) -> list[str]:
    if transport is None:
        return []
    out = [str(TRANSPORT[transport.rule])]
    if transport.status:
        out.append(str(TRANSPORT_STATUS[transport.status]))
    return out


FEES = {
    "activity_attendance": _l("Aktivitets- og samværstilbud: %(amount)s pr. gang."),
    "materials": _l("Materialer, fx madvarer til køkkentræning: du betaler selv."),
    "special_events": _l("Særlige arrangementer kan koste lidt."),
    "food_temporary_stay": _l("Under et midlertidigt ophold betaler du selv for maden."),
    "transport": _l("Kørsel: %(amount)s."),
}


# A fee the standard names without an amount.
FEES_UNPRICED = {
    "activity_attendance": _l("Aktivitets- og samværstilbud: du betaler pr. gang."),
    "transport": _l("Kørsel: får du kørsel, betaler du et beløb (brugerbetaling). Spørg "
                    "kommunen hvor meget."),
}
# The same, said about the patient (the GP's page).
FEES_ABOUT_PATIENT = {
    **FEES,
    "materials": _l("Materialer, fx madvarer til køkkentræning: patienten betaler selv."),
    "food_temporary_stay": _l("Under et midlertidigt ophold betaler patienten selv for maden."),
}
FEES_UNPRICED_ABOUT_PATIENT = {
    "activity_attendance": _l("Aktivitets- og samværstilbud: patienten betaler pr. gang."),
    "transport": _l("Kørsel: får patienten kørsel, betaler patienten et beløb "
                    "(brugerbetaling). Spørg kommunen hvor meget."),
}


def fee_text(fee: Fee, about_patient: bool = False) -> str:
    unpriced = FEES_UNPRICED_ABOUT_PATIENT if about_patient else FEES_UNPRICED
    if fee.amount_dkk is None and fee.what in unpriced:
        text = str(unpriced[fee.what])
    else:
        message = str((FEES_ABOUT_PATIENT if about_patient else FEES)[fee.what])
        amount = format_amount(fee.amount_dkk) if fee.amount_dkk is not None else ""
        text = message % {"amount": amount} if "%(amount)s" in message else message
    if "coffee" in fee.includes:
        text += " " + _("Kaffe er med i prisen.")
    if fee.set_by:
        text += " " + _("Prisen fastsættes af %(who)s.", who=fee.set_by)
    return text


# ASSESSMENT.md §4.4: reimbursement only above a minimum own expense per visit. Without a
# figure from the standard, the rule is said without one.
REIMBURSEMENT_WITHOUT_AMOUNT = _l("Godtgørelse gives kun, når dine udgifter til transport er "
                                  "over et mindstebeløb pr. træningsbesøg. Spørg kommunen om "
                                  "beløbet.")


def reimbursement_text(pensioner_min: float, others_min: float, approved: str | None) -> str:
    if approved:
        return _(
            "Godtgørelse gives kun, når dine udgifter til transport er over %(pensioner)s pr. "
            "træningsbesøg for pensionister og %(others)s for andre (beløb fra standarden af "
            "%(date)s; beløbet reguleres, så spørg kommunen om det aktuelle).",
            pensioner=format_amount(pensioner_min),
            others=format_amount(others_min),
            date=approved,
        )
    return _(
        "Godtgørelse gives kun, når dine udgifter til transport er over %(pensioner)s pr. "
        "træningsbesøg for pensionister og %(others)s for andre (beløb fra standarden; beløbet "
        "reguleres, så spørg kommunen om det aktuelle).",
        pensioner=format_amount(pensioner_min),
        others=format_amount(others_min),
    )


def training_free(costs: Costs | None) -> bool:
    """Training is free unless the rules say otherwise (a standard or the law that names no
    fee for the training itself)."""
    return costs is None or costs.training_free


def reimbursement_line(costs: Costs | None, approved: str | None) -> str | None:
    """When transport is reimbursed only above a minimum own expense: with the standard's
    amounts, or for the law's § 140 transport without them (ASSESSMENT.md §4.4). The result
    page, the comparison and the API all say it from here."""
    if costs is None:
        return None
    if costs.reimbursement:
        return reimbursement_text(costs.reimbursement.pensioner_min_dkk,
                                  costs.reimbursement.others_min_dkk, approved)
    if costs.transport == "national_140":
        return str(REIMBURSEMENT_WITHOUT_AMOUNT)
    return None


def cost_lines(costs: Costs | None, approved: str | None = None,
               about_patient: bool = False) -> list[str]:
    """'Hvad koster det?' on the result page, said to "du"; with ``about_patient``, the GP
    page's 'Pris og kørsel', said about the patient and without the practical details
    below the fees (other ways to travel, reimbursement, notes), which speak to "du".
    ``approved``: the standard's date, formatted, for the reimbursement amounts it gives.
    Where neither the standard nor the law says anything of transport, the reader is told
    to ask."""
    lines = [_("Træningen er gratis.")] if training_free(costs) else []
    transport = costs.transport if costs else None
    if transport is None:
        lines.append(str(ASK_ABOUT_TRANSPORT[about_patient]))
    else:
        lines.append(str((TRANSPORT_ABOUT_PATIENT if about_patient else TRANSPORT)[transport]))
    for fee in costs.fees if costs else []:
        if fee.what == "transport" and fee.amount_dkk is None and transport in PAYS_FOR_RIDE:
            lines.append(_("Spørg kommunen om prisen på kørslen."))  # who pays is said above
        else:
            lines.append(fee_text(fee, about_patient))
    if costs is None or transport is None or about_patient:
        return lines
    if costs.transport_alternatives:
        lines.append(_("Du kan bruge: %(options)s.",
                       options=transport_options_text(costs.transport_alternatives)))
    reimbursement = reimbursement_line(costs, approved)
    if reimbursement:
        lines.append(reimbursement)
    lines += [str(TRANSPORT_NOTES[n]) for n in costs.transport_notes]
    return lines


def transport_options_text(options: list[TransportOption]) -> str:
    """'NT Flextur eller NT Handicapkørsel (kun hvis du har fået den bevilget)' (the result
    page, the comparison and the API)."""
    return _or_list([
        _("%(name)s (kun hvis du har fået den bevilget)", name=name_text(o.name)) if o.if_granted
        else name_text(o.name) for o in options])


# Transport rules that already say the person pays for the ride.
PAYS_FOR_RIDE = frozenset({"assessed_with_payment"})
ASK_ABOUT_TRANSPORT = {False: _l("Spørg kommunen, om du kan få kørsel."),
                       True: _l("Spørg kommunen, om patienten kan få kørsel.")}


def place_text(place: Place) -> str:
    return _with_when(_place_name(place.kind, [place.name] if place.name else []), place.when)


def place_texts(places: list[Place]) -> list[str]:
    """The places as said on a page, so a reader does not meet the same words twice: named
    places of one kind are named together ("under et midlertidigt ophold (Lærkegaard Center
    eller Lille Birkholm Center)"), and places with the same condition share it ("udendørs,
    i dit eget hjem eller over video, hvis det er nødvendigt")."""
    names: dict[tuple[str, str, bool], list[str]] = {}
    for place in places:
        names.setdefault((place.kind, place.when, bool(place.name)), []).append(place.name or "")
    by_when: dict[str, list[str]] = {}
    for (kind, when, _named), group in names.items():
        by_when.setdefault(when, []).append(_place_name(kind, [n for n in group if n]))
    lines: list[str] = []
    for when, texts in by_when.items():
        if when == "default":
            lines += texts
        else:
            lines.append(_with_when(_or_list(texts), when))
    return lines


# A place the standard names replaces the kind's words ("i Fredericia Sundhedshus", not
# "i et af kommunens sundhedscentre (Fredericia Sundhedshus)").
PLACES_NAMED = {
    "health_centre": _l("i %(name)s"),
}


def _place_name(kind: str, names: list[str]) -> str:
    if names and kind in PLACES_NAMED:
        return str(PLACES_NAMED[kind]) % {"name": _or_list(names)}
    text = str(PLACES[kind])
    return _("%(place)s (%(name)s)", place=text, name=_or_list(names)) if names else text


def _with_when(text: str, when: str) -> str:
    if when == "default":
        return text
    return _("%(place)s, %(when)s", place=text, when=PLACE_WHEN[when])


def _or_list(items: list[str]) -> str:
    """'a, b eller c' ('a, b or c') in the page's language."""
    return format_list(items, style="or", locale=locale_name())


def who_can_contact(who: list[str], labels: Mapping[str, Any]) -> str:
    """"Hvem kan kontakte kommunen? Du selv, en pårørende, din læge." – with the result
    page's labels or the GP page's, as an answer (nominative, not after "af")."""
    people = ", ".join(str(labels[w]) for w in who) + "."
    return _("Hvem kan kontakte kommunen?") + " " + people[:1].upper() + people[1:]


def and_list(items: list[str]) -> str:
    """'a, b og c' ('a, b and c') in the page's language."""
    return format_list(items, locale=locale_name())


def content_label(code: str) -> str:
    return _(CONTENT[code])


COMPLAINT_ABOUT = {
    "decision": _l("Er du uenig i afgørelsen"),
    "treatment": _l("Klage over behandlingen eller dine rettigheder som patient"),
    "transport": _l("Klage over en afgørelse om kørsel eller godtgørelse"),
    "service_level": _l("Klage over ventetid og hvordan træningen er organiseret"),
    "provider": _l("Klage over den, der træner dig"),
    "content": _l("Klage over indholdet i træningen"),
    "received_service": _l("Klage over den træning, du får"),
}


def complaint_pointers(complaints: tuple[Complaint, ...] | list[Complaint]) -> list[str | None]:
    """For each complaint, None where its body's how-to (address, phone …) is to be said,
    or words pointing to where it was: a body named twice (Styrelsen for Patientklager:
    treatment, and transport) gets its how-to once. The pointer names the place when
    another body came between (Brønderslev: Visitationen in Dronninglund for decisions and
    the provider, Visitationen in Brønderslev for the content: two bodies of one name)."""
    first_about: list[tuple[Body | Unit, str]] = []
    pointers: list[str | None] = []
    previous: Body | Unit | None = None
    for complaint in complaints:
        body = complaint.body
        said = next((about for told, about in first_about if told == body), None)
        if said is None:
            first_about.append((body, complaint.route.about))
            pointers.append(None)
        elif body == previous:
            pointers.append(_("Se ovenfor, hvordan du sender klagen."))
        else:
            pointers.append(_("Se under „%(about)s“, hvordan du sender klagen.",
                              about=COMPLAINT_ABOUT[said]))
        previous = body
    return pointers


def two_addresses_text(complaints: tuple[Complaint, ...] | list[Complaint]) -> str | None:
    """Where one body's name comes with two addresses and one phone number (Brønderslev:
    Visitationen in Dronninglund for decisions, in Brønderslev for the content of the
    training): say so, and whom to ring when in doubt. A user test saw both addresses on
    one card and could not tell where the letter should go."""
    bodies = list({id(c.body): c.body for c in complaints}.values())
    for i, body in enumerate(bodies):
        for other in bodies[i + 1:]:
            shared = [p for p in body.phones if p in other.phones]
            if (body.name == other.name and body.address and other.address
                    and body.address != other.address and shared):
                return _("Kommunens kvalitetsstandard giver to adresser for %(name)s. Er du i "
                         "tvivl om, hvor klagen skal hen, så ring på %(phone)s.",
                         name=name_text(body.name), phone=format_phone(shared[0].number))
    return None


def complaint_deadline_text(complaint: Complaint) -> str | None:
    route = complaint.route
    if route.deadline_amount is None or route.deadline_unit is None:
        return None
    if route.deadline_unit == "years":
        text = ngettext(
            "Senest %(num)s år efter, at du blev klar over det, du vil klage over.",
            "Senest %(num)s år efter, at du blev klar over det, du vil klage over.",
            route.deadline_amount,
        )
        if route.latest_years_after_event:
            text += " " + _(
                "Og senest %(years)s år efter, at det skete.",
                years=route.latest_years_after_event,
            )
        return text
    if route.about == "decision":
        # The municipality must have it by then (Brønderslev: "skal vi have modtaget din
        # klage indenfor 4 uger"; Retssikkerhedsloven § 67), as the dated text says; "Senest
        # 4 uger efter" read as a day to post it by (a fact-check).
        return _("Klagen skal være modtaget senest %(span)s efter, at du har fået afgørelsen.",
                 span=unit_amount(route.deadline_amount, route.deadline_unit))
    return _(
        "Senest %(span)s efter, at du har fået afgørelsen.",
        span=unit_amount(route.deadline_amount, route.deadline_unit),
    )


def digital_form_lines(body: Body | Unit) -> tuple[str, str] | None:
    """For a body that takes complaints through its digital form (rules/national.yaml,
    ``digital_form``): how to use it, and who may send a letter instead. The result page
    and the complaint helper both say it this way."""
    form = body.digital_form if isinstance(body, Body) else None
    if form is None:
        return None
    how = _("Du klager digitalt på %(where)s.", where=form.where)
    if form.login:
        how += " " + _("Du logger ind med %(login)s.", login=form.login)
    return how, _("Kan du ikke bruge en computer, fx på grund af alder eller sygdom? Eller er "
                  "du fritaget for Digital Post? Så må du sende et brev.")


def complaint_next_text(complaint: Complaint) -> str | None:
    route = complaint.route
    said = ([_("Har du ret i din klage, skal kommunen straks rette op på det, du klager over.")]
            if route.put_right_at_once else [])
    if complaint.forward_to is None:
        return " ".join(said) or None
    text = " ".join(said + [_(
        "Kommunen ser på afgørelsen igen. Holder kommunen fast i den, sender den din klage "
        "videre til %(body)s. Det er et kontor i staten, der ser på klager. Du kan ikke "
        "klage direkte til %(name)s.",
        body=name_text(complaint.forward_to.name),
        name=complaint.forward_to.name,
    )])
    if route.reconsider_weeks:
        text += " " + _(
            "Kommunen har %(span)s til at vurdere afgørelsen igen.",
            span=unit_amount(route.reconsider_weeks, DayUnit.WEEKS),
        )
    if route.upheld_new_decision_weeks:
        text += " " + _(
            "Får du medhold, får du en ny afgørelse inden for %(span)s.",
            span=unit_amount(route.upheld_new_decision_weeks, DayUnit.WEEKS),
        )
    if route.partly_upheld_reply_weeks:
        text += " " + _(
            "Får du delvist medhold, får du en ny afgørelse. Så har du %(span)s til at sige til "
            "kommunen, om du holder fast i klagen.",
            span=unit_amount(route.partly_upheld_reply_weeks, DayUnit.WEEKS),
        )
        if route.forward_within_days:
            text += " " + _(
                "Gør du det, sender kommunen den til %(body)s inden for %(span)s.",
                body=complaint.forward_to.name,
                span=unit_amount(route.forward_within_days, DayUnit.CALENDAR_DAYS),
            )
    return text


def offer_title(offer: OfferAssessment) -> str:
    return str(OFFER_TITLES[offer.id])


def offer_title_inline(offer_id: OfferId) -> str:
    """An offer's title inside a sentence, its first letter in lower case ("klager over
    genoptræning efter sygehus")."""
    title = str(OFFER_TITLES[offer_id])
    return title[:1].lower() + title[1:]


def frequency_text(frequency: Frequency) -> str | None:
    """How often, as the standard gives it: "1-3 gange om ugen (som regel).", "Fx 2 gange om
    ugen." (the result page, the GP's page and the comparison)."""
    if frequency.per_week is None:
        return None
    low, high = frequency.per_week.min, frequency.per_week.max
    if low == high:
        text = ngettext("%(num)s gang om ugen", "%(num)s gange om ugen", low)
    else:
        text = _("%(min)s-%(max)s gange om ugen", min=low, max=high)
    if frequency.session_minutes:
        text += ", " + _("%(minutes)s minutter hver gang", minutes=frequency.session_minutes)
    if frequency.example:
        text = _("Fx %(frequency)s", frequency=text)
    elif frequency.as_a_rule:
        text = _("%(frequency)s (som regel)", frequency=text)
    return text + "."


FREQUENCY_NOTES = {
    # Fredensborg: "I særlige tilfælde kan træningen intensiveres i kortere perioder."
    "intensified_short_periods": _l("I særlige tilfælde kan du træne oftere i en kort periode."),
    # Herlev: "Ved midlertidigt ophold tilstræbes hyppig og regelmæssig træning, når
    # helbredstilstand og potentiale er til stede."
    "frequent_during_stay": _l("Under et midlertidigt ophold er målet at træne ofte og "
                               "regelmæssigt, hvis dit helbred kan klare det."),
    # Fredericia: "Det kan aftales at holde pause med træningen i perioder."
    "pause_possible": _l("Du kan aftale at holde pause med træningen i perioder."),
}


def frequency_lines(frequency: Frequency) -> list[str]:
    """How often, and what the standard adds to it (the result page)."""
    text = frequency_text(frequency)
    return ([text] if text else []) + [str(FREQUENCY_NOTES[n]) for n in frequency.notes]


def duration_text(duration: Duration) -> str:
    amount = duration.max_amount or 0
    span = (ngettext("%(num)s måned", "%(num)s måneder", amount) if duration.unit == "months"
            else ngettext("%(num)s uge", "%(num)s uger", amount))
    texts = {
        "max": _("Højst %(span)s.", span=span),
        "typical": _("Typisk %(span)s.", span=span),
        "example": _("Fx i %(span)s.", span=span),
        "max_as_a_rule": _("Som udgangspunkt højst %(span)s. Forløbet kan slutte før, hvis "
                           "målet er nået, eller hvis træningen ikke hjælper.", span=span),
        "period": _("I perioder på %(span)s.", span=span),
        "referral": _("Lægens henvisning gælder i %(span)s. Så skal den fornyes hos egen "
                      "læge.", span=span),
        # Fredericia § 86 stk. 1: "den periode, hvor funktionsniveauet fortsat kan forbedres
        # gennem yderligere træning"
        "until_goal": _("Så længe mere træning kan gøre funktionsevnen bedre."),
        "individual": _("Terapeuten vurderer, hvor længe."),
    }
    text = texts[duration.kind]
    if duration.times_per_year:
        text += " " + ngettext("Kan gives %(num)s gang om året.", "Kan gives %(num)s gange om året.",
                               duration.times_per_year)
    return text


def span_text(hours: Hours) -> str:
    return hours_text(OpeningHours(days=hours.days, spans=[TimeSpan(opens=hours.opens,
                                                                    closes=hours.closes)]))


def law_label(law: str) -> str:
    """A law as shown in brackets after an offer's title: "Ældreloven (helhedspleje)"
    becomes "Ældreloven, helhedspleje", so the page never shows brackets in brackets."""
    name, bracket, rest = law.partition(" (")
    return f"{name}, {rest.removesuffix(')')}" if bracket else law


def contact_elsewhere_text(unit_name: str, offer_ids: list[OfferId]) -> str:
    """Where the standard names no contact for an offer but names one for others."""
    if offer_ids:
        call = _("Ring til %(unit)s, som tager sig af %(offers)s, og spørg dem, hvem der tager "
                 "sig af dette tilbud.", unit=name_text(unit_name),
                 offers=and_list([offer_title_inline(o) for o in offer_ids]))
    else:
        call = _("Ring til %(unit)s, og spørg dem, hvem der tager sig af dette tilbud.",
                 unit=name_text(unit_name))
    return " ".join([_("Kommunens kvalitetsstandard nævner ingen kontakt for dette tilbud."),
                     call])
