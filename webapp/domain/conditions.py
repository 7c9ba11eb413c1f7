"""The vocabulary of conditions a rules file may use.

Each condition reads one or more answers and says ``True`` (met), ``False`` (failed) or
``None`` (unknown). Its sentences are message ids with named parameters; they are neutral
(no "du"/"din pårørende") so they read right for the person, a relative and a GP, and
they name the answer they came from so a page can link "Ændr svar".

A new municipality reuses these; a rule no standard has used before is one new entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from .answers import (
    AnswerKey,
    Answers,
    CareHome,
    DisabilityCause,
    FunctionLoss,
    HospitalPlan,
    PlanLevel,
    SelfTraining,
)
from .i18n import N_

Outcome = bool | None


@dataclass(frozen=True)
class Rule:
    answer: AnswerKey
    check: Callable[[Answers, Any], Outcome]
    met: str
    failed: str
    unknown: str
    needs_value: bool = False
    also_reads: tuple[AnswerKey, ...] = ()
    # "require": must be known to be met for `likely` (unknown -> `possible`).
    # "exclude": rules a person out when it fails; unknown does not lower the verdict
    # (ASSESSMENT.md §3: likely = every condition met and no exclusion applies).
    kind: Literal["require", "exclude"] = "require"
    # Said instead of `failed` where the failure only makes the verdict open
    # (Condition.if_failed: possible) and `failed` would call it a requirement.
    failed_soft: str | None = None
    # Said instead of `unknown` when the answers show why it stays open: (when, message,
    # the answer to change). "Det er ikke afklaret, om …" read as wrong to a doctor who had
    # just said the patient has Parkinson's.
    open_because: tuple[tuple[Callable[[Answers], bool], str, AnswerKey], ...] = ()

    @property
    def reads(self) -> tuple[AnswerKey, ...]:
        return (self.answer, *self.also_reads)


def _bool(key: str, want: bool) -> Callable[[Answers, Any], Outcome]:
    def check(a: Answers, _v: Any) -> Outcome:
        value = getattr(a, key)
        return None if value is None else value is want

    return check


def _age_at_least(a: Answers, limit: int) -> Outcome:
    return None if a.age is None else a.age >= limit


def _age_below(a: Answers, limit: int) -> Outcome:
    return None if a.age is None else a.age < limit


def _has_plan(a: Answers, _v: Any) -> Outcome:
    if a.hospital_plan in (None, HospitalPlan.UNKNOWN):
        return None
    return a.hospital_plan is HospitalPlan.YES


def _no_plan(a: Answers, v: Any) -> Outcome:
    has = _has_plan(a, v)
    return None if has is None else not has


def _municipal_level(a: Answers, _v: Any) -> Outcome:
    if a.plan_level in (None, PlanLevel.UNKNOWN):
        return None
    return a.plan_level is not PlanLevel.SPECIALISED


def _loss(*wanted: FunctionLoss) -> Callable[[Answers, Any], Outcome]:
    def check(a: Answers, _v: Any) -> Outcome:
        return None if a.function_loss is None else a.function_loss in wanted

    return check


def _needs_help(a: Answers, _v: Any) -> Outcome:
    if a.self_training_enough in (None, SelfTraining.UNSURE):
        return None
    return a.self_training_enough is SelfTraining.NO


def _not_permanent_care_home(a: Answers, _v: Any) -> Outcome:
    return None if a.care_home is None else a.care_home is not CareHome.PERMANENT


def _chronic_or_smoker(a: Answers, covered: list[str]) -> Outcome:
    has_condition = (
        None
        if a.chronic_conditions is None
        else any(c.value in covered for c in a.chronic_conditions)
    )
    if has_condition or a.smoker:
        return True
    if has_condition is False and a.smoker is False:
        return False
    return None


def _chronic(a: Answers, covered: list[str]) -> Outcome:
    if a.chronic_conditions is None:
        return None
    return any(c.value in covered for c in a.chronic_conditions)


def _qualifies_140a(a: Answers, _v: Any) -> Outcome:
    if a.severe_disability or a.disability_cause is DisabilityCause.PROGRESSIVE:
        return True
    # A disease of the brain or nerves may be one that gets worse (sclerosis, Parkinson's:
    # the question's own examples) or not (a stroke): the doctor tells, so it stays open.
    if a.severe_disability is False and a.disability_cause is DisabilityCause.OTHER:
        return False
    return None


def _neurological(a: Answers, _v: Any) -> Outcome:
    return None if a.disability_cause is None else a.disability_cause is DisabilityCause.NEUROLOGICAL


RULES: dict[str, Rule] = {
    "age_at_least": Rule(
        "age",
        _age_at_least,
        N_("Alder: %(age)s år. Tilbuddet er for personer fra %(value)s år."),
        N_("Alder: %(age)s år. Tilbuddet er for personer fra %(value)s år."),
        N_("Alderen er ikke oplyst. Tilbuddet er for personer fra %(value)s år."),
        needs_value=True,
        failed_soft=N_(
            "Alder: %(age)s år. Tilbuddet er som udgangspunkt for personer fra %(value)s år. "
            "Spørg kommunen, om der er et særligt tilbud til yngre."
        ),
    ),
    "age_below": Rule(
        "age",
        _age_below,
        N_("Alder: %(age)s år. Tilbuddet er for personer under %(value)s år."),
        N_("Alder: %(age)s år. Tilbuddet er kun for personer under %(value)s år."),
        N_("Alderen er ikke oplyst. Tilbuddet er for personer under %(value)s år."),
        needs_value=True,
    ),
    "below_pension_age": Rule(
        "age",
        _age_below,
        N_(
            "Alder: %(age)s år, under folkepensionsalderen. Derfor gælder Serviceloven "
            "og ikke Ældreloven."
        ),
        N_(
            "Alder: %(age)s år. Fra 1. juli 2025 får personer på %(value)s år eller mere "
            "træning som en del af helhedspleje efter Ældreloven i stedet for efter "
            "Serviceloven § 86."
        ),
        N_(
            "Alderen er ikke oplyst. Fra %(value)s år gælder Ældreloven i stedet for "
            "Serviceloven § 86."
        ),
        # A requirement, as `pension_age` is for the Ældrelov: with the age unknown, § 86
        # was "likely" and helhedspleje "possible" at once, though one rules out the other
        # (a fact-check).
        needs_value=True,
    ),
    "pension_age": Rule(
        "age",
        _age_at_least,
        N_("Alder: %(age)s år. Ældreloven gælder for personer på %(value)s år eller mere."),
        N_(
            "Alder: %(age)s år. Ældreloven gælder fra folkepensionsalderen (%(value)s år). "
            "Under den alder gælder Serviceloven § 86."
        ),
        N_("Alderen er ikke oplyst. Ældreloven gælder fra %(value)s år."),
        needs_value=True,
    ),
    "not_in_hospital": Rule(
        "in_hospital",
        _bool("in_hospital", False),
        N_("Ikke indlagt på sygehus lige nu."),
        N_(
            "Indlagt på sygehus lige nu. Så længe man er indlagt, står sygehuset for "
            "træningen. Ved udskrivelsen kan sygehuset lave en genoptræningsplan."
        ),
        N_("Det er ikke oplyst, om personen er indlagt lige nu."),
        kind="exclude",
    ),
    "has_hospital_plan": Rule(
        "hospital_plan",
        _has_plan,
        N_("Har fået en genoptræningsplan fra sygehuset."),
        N_(
            "Har ikke fået en genoptræningsplan fra sygehuset. Denne genoptræning kræver "
            "en genoptræningsplan."
        ),
        N_(
            "Det er ikke oplyst, om der er en genoptræningsplan fra sygehuset. Den er et "
            "krav. Spørg sygehuset, eller se efter i e-Boks eller på sundhed.dk."
        ),
    ),
    "municipal_plan_level": Rule(
        "plan_level",
        _municipal_level,
        N_("Genoptræningsplanen er på et niveau, som kommunen står for."),
        N_(
            "Genoptræningsplanen er på specialiseret niveau. Den genoptræning gives af "
            "sygehuset (regionen), ikke af kommunen."
        ),
        N_(
            "Niveauet i genoptræningsplanen er ikke oplyst. Kommunen står for basalt og "
            "avanceret niveau og rehabilitering på specialiseret niveau; specialiseret "
            "genoptræning gives af sygehuset."
        ),
        kind="exclude",
    ),
    "sudden_function_loss": Rule(
        "function_loss",
        _loss(FunctionLoss.SUDDEN),
        N_("Har mistet funktionsevne for nylig efter sygdom, skade eller fald."),
        N_(
            "Har ikke mistet funktionsevne for nylig. Genoptræning er til at genvinde "
            "noget, man har mistet efter sygdom."
        ),
        N_("Det er ikke oplyst, om funktionsevnen er faldet for nylig."),
    ),
    "lasting_function_loss": Rule(
        "function_loss",
        _loss(FunctionLoss.LASTING),
        N_("Har varigt nedsat funktionsevne, som skal holdes ved lige."),
        N_(
            "Har ikke varigt nedsat funktionsevne. Vedligeholdende træning er til at holde "
            "fast i det, man kan, når funktionsevnen er varigt nedsat."
        ),
        N_("Det er ikke oplyst, om funktionsevnen er varigt nedsat."),
    ),
    "function_loss": Rule(
        "function_loss",
        _loss(FunctionLoss.SUDDEN, FunctionLoss.LASTING),
        N_("Har nedsat funktionsevne."),
        N_("Har ikke nedsat funktionsevne. Træningen er til personer, der har mistet funktion."),
        N_("Det er ikke oplyst, om funktionsevnen er nedsat."),
    ),
    "not_hospital_treated": Rule(
        "hospital_treated",
        _bool("hospital_treated", False),
        N_("Sygdommen er ikke behandlet i forbindelse med en indlæggelse."),
        N_(
            "Sygdommen er behandlet i forbindelse med en indlæggelse. Så gives "
            "genoptræning efter Sundhedsloven § 140 med en genoptræningsplan fra sygehuset. "
            "Er der ikke kommet en plan, så spørg sygehuset eller lægen."
        ),
        N_("Det er ikke oplyst, om sygdommen er behandlet under en indlæggelse."),
    ),
    # Brønderslev: "Du kan ikke få bevilget: genoptræning efter sygehuskontakt (bevilges
    # efter Sundhedslovens § 140)". A plan also comes after outpatient treatment, which
    # `not_hospital_treated` (an admission) did not catch (a fact-check).
    "no_hospital_plan": Rule(
        "hospital_plan",
        _no_plan,
        N_("Har ingen genoptræningsplan fra sygehuset."),
        N_(
            "Har en genoptræningsplan fra sygehuset. Så gives genoptræningen efter "
            "Sundhedsloven § 140, ikke efter Serviceloven § 86."
        ),
        N_(
            "Det er ikke oplyst, om der er en genoptræningsplan fra sygehuset. Med en plan "
            "gives genoptræningen efter Sundhedsloven § 140."
        ),
        kind="exclude",
    ),
    "needs_help_to_train": Rule(
        "self_training_enough",
        _needs_help,
        N_(
            "Kan ikke nå målet alene eller med almindelige tilbud som foreninger, "
            "træningscenter eller privat fysioterapeut."
        ),
        N_(
            "Kan træne selv eller bruge almindelige tilbud (forening, træningscenter, "
            "privat fysioterapeut). Så giver kommunen ikke dette tilbud."
        ),
        N_(
            "Det er ikke afklaret, om selvtræning eller almindelige tilbud er nok. "
            "Terapeuten vurderer det."
        ),
        kind="exclude",
    ),
    "motivated": Rule(
        "motivated",
        _bool("motivated", True),
        N_("Er motiveret for at træne aktivt, også med øvelser derhjemme."),
        N_(
            "Er ikke motiveret for at træne aktivt. Det er et krav, at man selv gør en "
            "aktiv indsats."
        ),
        N_("Det er ikke oplyst, om personen er motiveret for at træne aktivt."),
        kind="exclude",
        failed_soft=N_(
            "Har ikke lyst til at træne lige nu. Kommunen forventer, at man selv gør en "
            "aktiv indsats, så tal med kommunen om det."
        ),
    ),
    "can_join_team": Rule(
        "group_ok",
        _bool("group_ok", True),
        N_("Kan deltage i træning på hold."),
        N_("Kan ikke deltage i træning på hold. Tilbuddet gives på hold."),
        N_("Det er ikke oplyst, om personen kan træne på hold. Tilbuddet gives på hold."),
        kind="exclude",
        failed_soft=N_(
            "Kan ikke deltage i træning på hold. Tilbuddet gives som udgangspunkt på hold, "
            "så kommunen vurderer, om det kan gives på en anden måde."
        ),
    ),
    "not_already_treated": Rule(
        "same_problem_treated",
        _bool("same_problem_treated", False),
        N_("Får ikke allerede træning eller vederlagsfri fysioterapi for det samme problem."),
        N_(
            "Får allerede træning eller vederlagsfri fysioterapi for det samme problem. "
            "Kommunen giver ikke to tilbud til det samme."
        ),
        N_("Det er ikke oplyst, om der allerede er træning for det samme problem."),
        kind="exclude",
        failed_soft=N_(
            "Får allerede hjælp til at træne det samme. Kommunen vurderer, om det dækker "
            "behovet."
        ),
    ),
    "lives_at_home": Rule(
        "care_home",
        _not_permanent_care_home,
        # Met by a short stay too ("På et kort ophold, fx aflastning"): "Bor i eget hjem."
        # misstated that answer (a fact-check, Herlev).
        N_("Bor ikke fast på plejecenter."),
        N_("Bor fast på plejecenter. Tilbuddet er for hjemmeboende."),
        N_("Det er ikke oplyst, om personen bor i eget hjem eller på plejecenter."),
        kind="exclude",
    ),
    "pensioner": Rule(
        "pensioner",
        _bool("pensioner", True),
        N_("Får pension. Tilbuddet er især rettet mod pensionister."),
        N_("Får ikke pension. Tilbuddet er først og fremmest rettet mod pensionister."),
        N_("Det er ikke oplyst, om personen får pension."),
    ),
    "chronic_or_smoker": Rule(
        "chronic_conditions",
        _chronic_or_smoker,
        N_("Har en kronisk sygdom, som kommunen har forløb for, eller ryger."),
        N_(
            "Har ingen af de kroniske sygdomme, kommunen har forløb for, og ryger ikke."
        ),
        N_("Det er ikke oplyst, om der er en kronisk sygdom eller rygning."),
        needs_value=True,
        also_reads=("smoker",),
    ),
    "chronic_condition": Rule(
        "chronic_conditions",
        _chronic,
        N_("Har en kronisk sygdom, som kommunen har forløb for."),
        N_("Har ingen af de kroniske sygdomme, kommunen har forløb for."),
        N_("Det er ikke oplyst, om der er en kronisk sygdom."),
        needs_value=True,
    ),
    "qualifies_for_140a": Rule(
        "severe_disability",
        _qualifies_140a,
        N_(
            "Har et svært fysisk handicap eller nedsat funktionsevne på grund af en "
            "sygdom, der bliver værre med tiden."
        ),
        N_(
            "Har hverken et svært fysisk handicap eller en sygdom, der bliver værre med "
            "tiden. Vederlagsfri fysioterapi kræver et af de to."
        ),
        N_(
            "Det er ikke afklaret, om der er et svært fysisk handicap eller en sygdom, der "
            "bliver værre med tiden (fx sklerose eller Parkinsons). Lægen vurderer det."
        ),
        also_reads=("disability_cause",),
        open_because=((
            lambda a: (a.severe_disability is False
                       and a.disability_cause is DisabilityCause.NEUROLOGICAL),
            N_("En sygdom i hjerne eller nerver. Nogle af dem, fx sklerose og Parkinsons, bliver "
               "værre med tiden og kan give ret til vederlagsfri fysioterapi. Andre, fx en "
               "blodprop i hjernen, gør ikke. Lægen vurderer det."),
            "disability_cause",
        ), (
            # "Nej" to the handicap, "Ved ikke" to the illness: the open part is the illness,
            # and "Ændr svaret" led to the handicap question (a user test).
            lambda a: a.severe_disability is False and a.disability_cause is None,
            N_("Har ikke et svært fysisk handicap. Det er ikke afklaret, om der er en sygdom, "
               "der bliver værre med tiden (fx sklerose eller Parkinsons). Lægen vurderer det."),
            "disability_cause",
        )),
    ),
    "severe_disability": Rule(
        "severe_disability",
        _bool("severe_disability", True),
        N_("Har et svært fysisk handicap, som varer mindst 5 år."),
        # Fredericia's own team for vederlagsfri fysioterapi (if_failed: inform): nationally
        # a progressive illness qualifies without a severe handicap.
        N_("Har ikke et svært fysisk handicap. Kommunens eget hold er kun for det."),
        N_("Det er ikke oplyst, om der er et svært fysisk handicap."),
    ),
    "neurological_cause": Rule(
        "disability_cause",
        _neurological,
        N_("Handicappet skyldes en neurologisk sygdom."),
        N_("Handicappet skyldes ikke en neurologisk sygdom. Kommunens eget hold er kun for det."),
        N_("Det er ikke oplyst, om handicappet skyldes en neurologisk sygdom."),
    ),
    "not_maintenance_last_year": Rule(
        "maintenance_last_year",
        _bool("maintenance_last_year", False),
        N_("Har ikke fået vedligeholdende træning af kommunen de sidste 12 måneder."),
        N_(
            "Har fået vedligeholdende træning af kommunen inden for de sidste 12 måneder. "
            "Tilbuddet kan kun gives én gang om året."
        ),
        N_("Det er ikke oplyst, om der har været vedligeholdende træning det sidste år."),
        kind="exclude",
    ),
}


def evaluate(rule: str, answers: Answers, value: Any) -> Outcome:
    return RULES[rule].check(answers, value)

# Herlev § 86 stk. 1: whoever can reach the goal with a self-training programme still gets
# "undersøgelse, instruktion i træningsprogram samt opfølgning ved behov". The same rule as
# needs_help_to_train; only its failed sentence says what is given instead.
RULES["needs_help_or_gets_programme"] = replace(
    RULES["needs_help_to_train"],
    failed=N_(
        "Kan træne selv. Så giver kommunen ikke et træningsforløb, men en undersøgelse, "
        "et program at træne efter og opfølgning, hvis der er brug for det."
    ),
)

# Herlev: § 86 stk. 1 is for "hjemmeboende borgere", but its § 86 stk. 2 standard says
# "Borgere, der bor permanent eller er på midlertidigt ophold på et af kommunens plejecentre,
# kan visiteres til fysisk træning": a resident under 67 was told nothing fits, with no word
# of that (a fact-check). The same rule as lives_at_home; only its failed sentence says it.
RULES["lives_at_home_care_home_trains"] = replace(
    RULES["lives_at_home"],
    failed=N_(
        "Bor fast på plejecenter. Denne genoptræning er for dem, der bor i eget hjem. Men bor "
        "du på et af kommunens plejecentre, kan du få fysisk træning der, hvis kommunen "
        "vurderer, at du har brug for det. Spørg personalet på plejecentret."
    ),
)
