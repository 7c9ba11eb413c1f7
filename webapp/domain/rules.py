"""The rules data model: national law and each municipality's quality standard, as data.

Rules files (``rules/national.yaml`` and ``rules/municipalities/<slug>.yaml``) are read into
these models. Every model forbids unknown keys, so a typo in a rules file stops start-up
with the file, the field path and what was expected (see ``loader.py``).

Keys are English; values are structured (numbers, units, dates, enumerations). Free text
is kept to proper names (units, places, addresses), which stay as they are in every
language. Each fact carries ``source``: the heading of the standard (or the law) it came from.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

OfferId = Literal["sul-140", "sel-86-1", "sel-86-2", "sul-119", "sul-140a", "ael-10"]
OFFER_IDS: tuple[OfferId, ...] = ("sul-140", "sel-86-1", "sel-86-2", "sul-119", "sul-140a", "ael-10")

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_time(value: str) -> str:
    if not _TIME.match(value):
        raise ValueError("expected a time as HH:MM, e.g. 09:30")
    return value


Time = Annotated[str, Field(description="HH:MM, 24-hour clock")]


# --------------------------------------------------------------------------- sources


class Source(Model):
    """Where a municipality's facts come from."""

    title: str
    publisher: str
    approved: date | None = None
    approved_by: str | None = None
    url: str | None = None


class Law(Model):
    """A national legal source (for national.yaml)."""

    id: str
    title: str
    reference: str
    in_force: date | None = None
    url: str | None = None


# --------------------------------------------------------------------------- contact


class TimeSpan(Model):
    opens: Time
    closes: Time

    _v_opens = field_validator("opens", "closes")(_check_time)

    @model_validator(mode="after")
    def _ordered(self) -> TimeSpan:
        if self.opens >= self.closes:
            raise ValueError("opens must be before closes")
        return self


class OpeningHours(Model):
    days: list[Weekday] = Field(min_length=1)
    spans: list[TimeSpan] = Field(min_length=1)


class Phone(Model):
    number: str = Field(pattern=r"^\d{8}$", description="8 digits, no spaces")


Contacter = Literal["person", "relative", "gp", "hospital", "others_with_consent"]


class Unit(Model):
    """A place a person can call, write to or visit: a training unit, a visitation."""

    name: str
    municipality_part: str | None = Field(default=None, description="e.g. 'Ældre og Hjælpemidler'")
    address: list[str] = Field(default_factory=list)
    phones: list[Phone] = Field(default_factory=list)
    phone_hours: list[OpeningHours] = Field(default_factory=list)
    email: str | None = None
    secure_mail: bool = False
    url: str | None = None
    source: str


# --------------------------------------------------------------------------- conditions


class Condition(Model):
    """One requirement of an offer, by name from the vocabulary in ``conditions.py``.

    ``value`` parametrises it (an age limit, a list of diagnoses). ``if_failed`` says what a
    failed condition does to the verdict: ``unlikely`` for a hard rule, ``possible`` for a
    rule the standard gives "as a rule" / "primarily".
    """

    rule: str
    value: int | list[str] | None = None
    kind: Literal["require", "exclude"] | None = Field(
        default=None,
        description="require: must be met (unknown -> possible); exclude: rules out when it "
        "fails (unknown does not lower the verdict). Default: the rule's own kind.",
    )
    if_failed: Literal["unlikely", "possible", "inform"] = Field(
        default="unlikely",
        description="what a failed condition does: unlikely (a hard rule), possible (a rule "
        "the standard gives 'as a rule'), inform (shown as a reason, never lowers the verdict: "
        "e.g. the conditions for a municipality's own team when a private provider remains)",
    )
    law: str | None = Field(default=None, description="id of a national law that imposes it")
    source: str


# --------------------------------------------------------------------------- service goals


class DayUnit(StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WEEKS = "weeks"


GoalKind = Literal["contact", "decision", "start", "free_choice", "complaint"]
GoalFrom = Literal[
    "request",  # the person (or someone for them) contacts the municipality
    "discharge",  # discharge day (day 0) or the later start date in the plan
    "plan_received",  # the municipality receives the genoptræningsplan (≈ discharge)
    "decision",  # the written decision (afgørelse) is received / sent
    "assessment_visit",  # the visitation visit or first assessment
    "arrival",  # arrival for a temporary stay
]


class ServiceGoal(Model):
    kind: GoalKind
    amount: int = Field(ge=0, le=365)
    unit: DayUnit
    counted_from: GoalFrom
    what: Literal[
        "contact",
        "contact_with_time",
        "assessment_time_offered",  # Fredensborg: "med forslag til en tid til vurdering"
        "assessment_visit_booked",
        "decision",
        "start",
        "planned_or_started",
        "clarifying_talk",
        "provider_contact",
        "first_day",
        "start_after_decision",  # a written decision after the assessment, then the start
    ]
    ordinal_day: bool = Field(
        default=False, description="'senest på 4.-dagen' style: day N counted with day 0"
    )
    aim: bool = Field(
        default=False,
        description="'Det tilstræbes …': the standard aims for it and does not promise it",
    )
    counted_from_assumed: bool = Field(
        default=False,
        description="the standard gives the period but not the day it counts from "
        "(Brønderslev: 'Sagsbehandlingstid: Op til 5 hverdage'); counted_from is our "
        "reading, and the dated text says so",
    )
    place: str | None = Field(
        default=None,
        description="the one place the goal is promised for (Fredericia: a temporary stay "
        "at 'Hannerup Pleje og Rehabiliteringscenter', not any temporary stay)",
    )
    source: str


# --------------------------------------------------------------------------- the offer


class Range(Model):
    min: int = Field(ge=0)
    max: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise ValueError("min must not exceed max")
        return self


class Frequency(Model):
    per_week: Range | None = None
    session_minutes: int | None = None
    as_a_rule: bool = True
    example: bool = Field(
        default=False,
        description="the standard gives it as an example (Nyborg: 'f.eks. 2 x ugentligt i 3 "
        "måneder'), not as what usually happens",
    )
    notes: list[Literal["intensified_short_periods", "frequent_during_stay", "pause_possible"]] = (
        Field(default_factory=list)
    )
    source: str

    @model_validator(mode="after")
    def _example_is_no_rule(self) -> Frequency:
        if self.example and self.as_a_rule:
            raise ValueError("an example is not 'as a rule': set as_a_rule: false")
        return self


class Duration(Model):
    max_amount: int | None = None
    unit: Literal["weeks", "months"] | None = None
    # max_as_a_rule: "Som udgangspunkt … max 3 måneder … kan afsluttes tidligere";
    # referral: the doctor's referral runs for the period and is renewed (§ 140 a)
    kind: Literal["max", "max_as_a_rule", "typical", "example", "period", "referral",
                  "until_goal", "individual"] = "max"
    times_per_year: int | None = None
    source: str


PlaceKind = Literal[
    "training_centre",
    "health_centre",
    "home",
    "local_area",
    "outdoors",
    "care_home",
    "friplejehjem",
    "temporary_stay",
    "activity_centre",
    "video",
    "phone",
    "private_physio",
]


class Place(Model):
    kind: PlaceKind
    name: str | None = None
    when: Literal["default", "if_needed", "if_resident", "if_resident_or_staying",
                  "as_a_rule", "exception", "some_illnesses_gp"] = "default"


class Hours(Model):
    days: list[Weekday]
    opens: Time
    closes: Time
    as_a_rule: bool = False

    _v = field_validator("opens", "closes")(_check_time)


class Delivery(Model):
    places: list[Place] = Field(default_factory=list)
    forms: list[Literal["individual", "team", "self_training", "guidance", "virtual"]] = Field(
        default_factory=list
    )
    hours: list[Hours] = Field(default_factory=list)
    daytime_weekdays: bool = False
    provider: str | None = None
    free_choice_of_provider: Literal["yes", "no", "other_municipality"] | None = None
    free_choice_coordinator: bool = Field(
        default=False,
        description="a coordinator of the offer's contact unit guides the person when the "
        "free choice comes into play (Fredericia § 140: 'vejledt af koordinator i Træning & "
        "Forebyggelse')",
    )
    same_therapist_aimed: bool = False
    own_team_facts: bool = Field(
        default=False,
        description="form, frequency, hours, obligations and content describe the "
        "municipality's own team; a private physiotherapist the person may choose instead "
        "(places) agrees them with the person (Fredericia § 140 a)",
    )
    source: str


class Content(Model):
    included: list[str] = Field(default_factory=list)
    not_included: list[str] = Field(default_factory=list)
    source: str


TransportRule = Literal[
    "free_if_needed",  # granted and free when the person cannot get there, assessed by staff
    "free_if_health_needs",  # the same, where the standard names health as the reason
    "assessed_with_payment",  # assessed; if granted, the person pays a fee
    "own_payment",  # no transport granted, the person pays
    "not_granted",  # not granted; use Flextur/handicapkørsel
    "national_140",  # Sundhedsloven §§ 171-172: pensioner / > 50 km / health
]


class Fee(Model):
    what: Literal[
        "activity_attendance",
        "materials",
        "special_events",
        "food_temporary_stay",
        "transport",
    ]
    amount_dkk: float | None = None
    per: Literal["attendance", "visit", "stay", "year"] | None = None
    includes: list[Literal["coffee"]] = Field(default_factory=list)
    set_by: str | None = None
    payment: Literal["giro"] | None = None


class Reimbursement(Model):
    """Minimum own expense before transport is reimbursed (as the standard states it)."""

    pensioner_min_dkk: float
    others_min_dkk: float
    per: Literal["visit"] = "visit"


class TransportOption(Model):
    """A ride the person may use where the municipality grants none (Flextur …)."""

    name: str
    if_granted: bool = Field(
        default=False,
        description="only for people granted it (Brønderslev: 'NT Handicapkørsel (hvis du er "
        "bevilget handicapkørsel)')",
    )


class Costs(Model):
    training_free: bool
    transport: TransportRule | None = None
    transport_alternatives: list[TransportOption] = Field(default_factory=list)
    transport_notes: list[Literal["wait_and_shared_rides", "ready_one_hour_before",
                                  "cheapest_safe_means", "free_choice_reimbursement_only"]] = (
        Field(default_factory=list)
    )
    reimbursement: Reimbursement | None = None
    fees: list[Fee] = Field(default_factory=list)
    source: str


class CancelDeadline(Model):
    day: Literal["same_day", "day_before"]
    time: Time | None = None
    or_as_soon_as_possible: bool = True
    to: Literal["provider", "contact"] | None = Field(
        default=None,
        description="whom to tell: the one who trains (Brønderslev: 'give leverandøren "
                    "besked') or the offer's contact (Fredericia: 'Se kontaktoplysninger')")
    moving_too: bool = Field(default=False,
                             description="the same deadline to move a session ('aflyse/flytte')")

    _v = field_validator("time")(lambda v: v if v is None else _check_time(v))


class EndRule(Model):
    kind: Literal[
        "no_shows_without_notice",  # more than `count` no-shows without notice
        "no_shows",  # `count` no-shows
        "repeated_no_shows",
        "cancellations",  # cancelled `count` times
        "many_cancellations",
        "interrupted",  # interrupted for more than `weeks`
        "no_show_without_valid_reason",  # within a period of `weeks`
    ]
    count: int | None = None
    weeks: int | None = None
    may: bool = Field(default=True, description="'kan afsluttes' (True) or 'afsluttes' (False)")
    in_writing: bool = False


class Obligations(Model):
    cancel: CancelDeadline | None = None
    tell_when_away: bool = False
    end_rules: list[EndRule] = Field(default_factory=list)
    expectations: list[
        Literal[
            "motivated",
            "active_at_home",
            "home_exercises_as_instructed",
            "take_responsibility",
            "regular_attendance",
            "on_time",
            "no_alcohol_or_drugs",
            "home_and_free_when_training_at_home",
            "start_and_evaluation_talks",
            "work_together",
            "team_ready",
            "no_smoking_in_home",
            "home_is_a_workplace",
            "home_workplace_furniture",
            "active_in_daily_life",
            "daily_effort",
        ]
    ] = Field(default_factory=list)
    sms_reminder_hours: int | None = None
    when_they_change: Literal[
        "rarely_and_told_with_alternative",  # Fredensborg
        "contacted_for_new_time",  # Nyborg
        "moved_only_by_agreement",  # Brønderslev
        "told_by_phone_or_in_writing",  # Fredericia
    ] | None = Field(default=None, description="what the municipality or provider promises "
                     "when it must cancel or move a session")
    source: str


class ComplaintRoute(Model):
    about: Literal["decision", "treatment", "transport", "service_level", "provider", "content",
                   "received_service"]
    body: str = Field(description="key of a national body, or 'unit:<key>' for a municipal unit")
    deadline_amount: int | None = None
    deadline_unit: DayUnit | Literal["years"] | None = None
    counted_from: Literal["decision_received", "knew", "event", "notice"] | None = None
    latest_years_after_event: int | None = None
    reconsider_weeks: int | None = None
    forward_to: str | None = None
    put_right_at_once: bool = Field(
        default=False, description="a complaint found justified is put right at once "
        "(Fredericia: 'forpligtet til umiddelbart at bringe de påklagede forhold i orden')")
    upheld_new_decision_weeks: int | None = Field(
        default=None, description="upheld: a new decision comes within this many weeks "
        "(Brønderslev)")
    partly_upheld_reply_weeks: int | None = Field(
        default=None, description="partly upheld: the new decision comes with its own "
        "guidance, and the person has this long to say they keep the complaint (Brønderslev)")
    forward_within_days: int | None = Field(
        default=None, description="partly upheld and kept: forwarded to `forward_to` within "
        "this many days (Brønderslev)")
    named_in_standard: str | None = Field(
        default=None, description="the body's name as the standard gives it, if older"
    )
    includes_plan_level: bool = Field(
        default=False,
        description="the standard says the route also takes the municipality's choice of "
        "basal or advanced level (Nyborg)",
    )
    source: str


class Apply(Model):
    """How to ask for the offer."""

    unit: str | None = Field(default=None, description="key in the file's `units`")
    who: list[Contacter] = Field(default_factory=list)
    route: Literal["contact_unit", "plan_from_hospital", "gp_referral", "gp_or_hospital_referral"]
    consent_to_gp: bool = False
    written_decision: bool = True
    home_visit: bool = False
    start_notices: list[
        Literal[
            "start_time_in_digital_post",  # the time comes to the digital mailbox (or a letter)
            "waiting_time_letter",  # a start later than the goal: a letter with the wait
            "declined_time_not_guaranteed",  # saying no to the time offered loses the goal
            "private_start_no_later",  # a private provider must start no later than the offer
            # the first meeting is a phone call when the plan says start later than 14
            # hverdage, or after a planned operation (Nyborg)
            "first_meeting_by_phone",
            # a refusal comes with other ways to solve the problem and how to complain (Herlev)
            "refusal_with_alternatives",
            # a refusal always comes with its reasons and how to complain (Brønderslev)
            "refusal_with_reasons",
            # a referral to the wrong place gets a written decision, which can be appealed
            # (Fredensborg)
            "wrong_referral_decision",
        ]
    ] = Field(default_factory=list, description="what the person is told about the way in "
              "and the start")
    source: str


class OfferRules(Model):
    """One offer as a standard (or national law) describes it."""

    section: str | None = Field(default=None, description="heading of the section in the source")
    conditions: list[Condition] = Field(default_factory=list)
    assessed_by_professional: list[
        Literal[
            "training_potential",
            "need_for_therapist",
            "diagnosis_on_list",
            "basal_or_advanced",
            "transport_need",
            "coordination_need",
            "can_cooperate",
            "individual_need",
            "manages_with_some_help",
        ]
    ] = Field(default_factory=list)
    target_group_notes: list[
        Literal[
            "others_limited",  # "andre voksne i begrænset omfang" beside the target group
            "elderly_named",  # the target group is "ældre borgere", and nobody else is named
        ]
    ] = Field(default_factory=list, description="what the standard says of people outside "
              "its target group who still meet the conditions (said when the offer may fit)")
    apply: Apply | None = None
    service_goals: list[ServiceGoal] = Field(default_factory=list)
    frequency: Frequency | None = None
    duration: Duration | None = None
    delivery: Delivery | None = None
    content: Content | None = None
    costs: Costs | None = None
    obligations: Obligations | None = None
    complaints: list[ComplaintRoute] = Field(default_factory=list)
    follow_up: list[
        Literal["end_status_to_gp", "end_status_to_person", "end_talk", "action_plan",
                "tests_start_end", "midway_evaluation", "half_yearly_evaluation",
                "referral_status_to_gp", "help_finding_further_training"]
    ] = Field(default_factory=list)

    @property
    def own_team_facts(self) -> bool:
        """Its form, frequency, hours and rules are the municipality's own team's
        (Delivery.own_team_facts)."""
        return self.delivery is not None and self.delivery.own_team_facts

    @property
    def other_municipality_ends_free_choice(self) -> bool:
        """Choosing another municipality's training gives up the law's private provider
        when the start is late (ASSESSMENT §4.2): said where both are offered (Nyborg)."""
        return (self.delivery is not None
                and self.delivery.free_choice_of_provider == "other_municipality"
                and any(g.kind == "free_choice" for g in self.service_goals))

    @property
    def assessed_by_gp(self) -> bool:
        """The way in is the person's own doctor's referral (§ 140 a), so it is the doctor,
        not the municipality, who judges ``assessed_by_professional``."""
        return self.apply is not None and self.apply.route == "gp_referral"


# --------------------------------------------------------------------------- files


class Municipality(Model):
    slug: str = Field(pattern=r"^[a-z0-9-]+$")
    code: str = Field(pattern=r"^\d{3}$")
    name: str
    region: str | None = None


class MunicipalRules(Model):
    municipality: Municipality
    standard: Source
    units: dict[str, Unit]
    offers: dict[OfferId, OfferRules]

    @model_validator(mode="after")
    def _units_exist(self) -> MunicipalRules:
        for offer_id, offer in self.offers.items():
            refs: list[str] = []
            if offer.apply and offer.apply.unit:
                refs.append(offer.apply.unit)
            refs += [c.body[5:] for c in offer.complaints if c.body.startswith("unit:")]
            for ref in refs:
                if ref not in self.units:
                    raise ValueError(f"offers.{offer_id}: unknown unit {ref!r}")
        return self

    def aeldrelov_lender(self) -> OfferRules | None:
        """The § 86 offer whose contact helhedspleje (ael-10) borrows when the standard does
        not describe it (ASSESSMENT §4.1: "with the same contact"): stk. 1, else stk. 2."""
        if "ael-10" in self.offers:
            return None
        for other in ("sel-86-1", "sel-86-2"):
            local = self.offers.get(other)
            if local is not None and local.apply is not None:
                return local
        return None


class DigitalForm(Model):
    """A body that takes complaints through its digital form, and a letter only from
    someone who cannot use it (old age or illness, exempt from Digital Post …)."""

    where: str = Field(description="where the form is, e.g. 'borger.dk'")
    login: str | None = Field(default=None, description="e.g. 'MitID'")
    source: str


class Body(Model):
    """A national complaint body."""

    name: str
    former_names: list[str] = Field(default_factory=list)
    address: list[str] = Field(default_factory=list)
    phones: list[Phone] = Field(default_factory=list)
    email: str | None = None
    url: str | None = None
    digital_form: DigitalForm | None = None


class NationalOffer(OfferRules):
    law: str
    laws: list[str] = Field(default_factory=list, description="ids in `laws`")


class NationalRules(Model):
    laws: dict[str, Law]
    bodies: dict[str, Body]
    offers: dict[OfferId, NationalOffer]
    free_choice_days: int = Field(description="§ 140 stk. 4: calendar days after discharge")
    pension_age: int
    warn_days: list[Literal["dec24", "dec31", "constitution_day"]]

    @model_validator(mode="after")
    def _complete(self) -> NationalRules:
        missing = [o for o in OFFER_IDS if o not in self.offers]
        if missing:
            raise ValueError(f"offers missing: {', '.join(missing)}")
        return self


class Municipalities(Model):
    """The list of all Danish municipalities (rules/municipalities.yaml)."""

    municipalities: list[Municipality]
