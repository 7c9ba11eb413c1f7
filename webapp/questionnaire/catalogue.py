"""The questions, in plain Danish, worded for the person, a relative or a GP.

Which question is asked when is decided by ``webapp.domain.flow`` from the rules; this
module only says how each question reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from flask_babel.speaklater import LazyString

from ..speedups import lazy_gettext as _l

Who = Literal["self", "relative", "gp"]
WHO: tuple[Who, ...] = ("self", "relative", "gp")
Kind = Literal["yesno", "choice", "number", "date", "multi"]

WHO_LABELS = {
    "self": _l("Mig selv"),
    "relative": _l("En pårørende, fx min mor eller far"),
    "gp": _l("En patient (jeg er læge eller sundhedsperson)"),
}


@dataclass(frozen=True)
class Question:
    key: str
    kind: Kind
    text: dict[str, LazyString]  # by who
    hint: LazyString | None = None
    choices: tuple[tuple[str, LazyString], ...] = ()
    dont_know: bool = True
    short: LazyString | None = None  # label on the check page

    def heading(self, who: str) -> str:
        return str(self.text.get(who, self.text["self"]))


YES = _l("Ja")
NO = _l("Nej")
DONT_KNOW = _l("Ved ikke")


def _q(key: str, kind: Kind, self_: LazyString, relative: LazyString, gp: LazyString,
       short: LazyString, **kw: object) -> Question:
    return Question(key, kind, {"self": self_, "relative": relative, "gp": gp},
                    short=short, **kw)  # type: ignore[arg-type]


QUESTIONS: dict[str, Question] = {q.key: q for q in (
    _q("age", "number",
       _l("Hvor gammel er du?"), _l("Hvor gammel er din pårørende?"),
       _l("Hvor gammel er patienten?"), _l("Alder"),
       hint=_l("Skriv alderen i hele år, fx 72. Ved du det ikke, så vælg 'Spring over'."),
       dont_know=False),
    _q("in_hospital", "yesno",
       _l("Er du indlagt på sygehuset lige nu?"),
       _l("Er din pårørende indlagt lige nu?"),
       _l("Er patienten indlagt lige nu?"), _l("Indlagt nu"),
       hint=_l("Svar nej, hvis indlæggelsen er slut.")),
    _q("hospital_plan", "choice",
       _l("Har du fået en genoptræningsplan fra sygehuset?"),
       _l("Har din pårørende fået en genoptræningsplan fra sygehuset?"),
       _l("Har patienten fået en genoptræningsplan fra sygehuset?"),
       _l("Genoptræningsplan"),
       hint=_l("En genoptræningsplan er et papir fra sygehuset. Der står, hvad der skal "
               "trænes efter behandlingen på sygehuset. Sygehuset sender den også til "
               "kommunen. Den, der var på sygehuset, kan se den i e-Boks og på sundhed.dk."),
       choices=(("yes", YES), ("no", NO), ("unknown", DONT_KNOW)), dont_know=False),
    _q("plan_level", "choice",
       _l("Hvilket niveau står der i planen?"),
       _l("Hvilket niveau står der i din pårørendes plan?"),
       _l("Hvilket niveau står der i patientens plan?"),
       _l("Niveau i planen"),
       hint=_l("Du finder niveauet i planen. Kan du ikke finde det, så vælg 'Ved ikke'."),
       choices=(("basal", _l("Basalt niveau")), ("advanced", _l("Avanceret niveau")),
                ("rehab_specialised", _l("Rehabilitering på specialiseret niveau")),
                ("specialised", _l("Genoptræning på specialiseret niveau")),
                ("unknown", DONT_KNOW)), dont_know=False),
    _q("discharge_date", "date",
       _l("Hvornår blev du udskrevet?"), _l("Hvornår blev din pårørende udskrevet?"),
       _l("Hvornår blev patienten udskrevet?"), _l("Udskrevet"),
       hint=_l("Skriv den sidste dag på sygehuset, også efter en ambulant behandling. Står "
               "der en senere startdato i planen, så skriv den. Du kan springe spørgsmålet "
               "over. Så kan vi ikke regne datoerne ud for dig.")),
    _q("function_loss", "choice",
       _l("Hvad passer bedst på dig?"), _l("Hvad passer bedst på din pårørende?"),
       _l("Hvad passer bedst på patienten?"), _l("Funktionsevne"),
       choices=(("sudden", _l("Har mistet kræfter eller færdigheder for nylig, fx efter "
                              "sygdom, et fald eller influenza")),
                ("lasting", _l("Har i lang tid haft svært ved at klare ting, og det bliver "
                               "ikke bedre af sig selv")),
                ("none", _l("Ingen af delene"))), dont_know=True),
    _q("hospital_treated", "yesno",
       _l("Blev du indlagt på grund af det, du vil træne efter?"),
       _l("Blev din pårørende indlagt på grund af det, der skal trænes efter?"),
       _l("Blev patienten indlagt på grund af det, der skal trænes efter?"),
       _l("Behandlet under indlæggelse"),
       # A visit to the emergency room is "sygehuskontakt" to Brønderslev and "sygehusregi"
       # to Fredericia: without a plan it is § 86, but the hospital may owe one (two
       # fact-checks), so the hint says whom to ask.
       hint=_l("Svar ja, hvis sygdommen eller faldet blev behandlet under en indlæggelse. "
               "Svar nej efter et besøg på skadestuen eller en undersøgelse uden "
               "indlæggelse. Har sygehuset eller skadestuen sagt, at der skal trænes, så "
               "spørg dem om en genoptræningsplan.")),
    _q("self_training_enough", "choice",
       # "eller holde dig i gang": asked for vedligeholdende træning too, where "træne dig
       # tilbage" got a "no" from a person who could keep going in a club (a fact-check).
       _l("Kan du selv træne eller holde dig i gang, fx hjemme, i en forening eller hos en "
          "privat fysioterapeut?"),
       _l("Kan din pårørende selv træne eller holde sig i gang, fx hjemme, i en forening "
          "eller hos en privat fysioterapeut?"),
       _l("Kan patienten selv træne eller holde sig i gang, fx hjemme, i en forening eller "
          "hos en privat fysioterapeut?"),
       _l("Kan træne selv"),
       choices=(("yes", YES), ("no", _l("Nej, der er brug for hjælp fra en terapeut")),
                ("unsure", _l("Ved ikke"))), dont_know=False),
    # Wanting to, not having the strength: lost strength is what the training is for.
    _q("motivated", "yesno",
       _l("Vil du gerne træne og selv gøre en indsats, også med øvelser hjemme?"),
       _l("Vil din pårørende gerne træne og selv gøre en indsats, også med øvelser hjemme?"),
       _l("Vil patienten gerne træne og selv gøre en indsats, også med øvelser hjemme?"),
       _l("Motiveret"),
       # "motiveret for og indstillet på en aktiv medvirken" (Fredensborg): "Det er nok at
       # ville prøve" promised less than the standards ask (a fact-check).
       hint=_l("Det er viljen til at gøre en indsats, der tæller, ikke kræfterne. Mangler "
               "kræfterne, er det netop dem, træningen skal hjælpe med.")),
    _q("group_ok", "yesno",
       _l("Kan du træne sammen med andre på et hold?"),
       _l("Kan din pårørende træne sammen med andre på et hold?"),
       _l("Kan patienten træne sammen med andre på et hold?"), _l("Kan træne på hold")),
    _q("same_problem_treated", "yesno",
       _l("Får du allerede hjælp til at træne det samme?"),
       _l("Får din pårørende allerede hjælp til at træne det samme?"),
       _l("Får patienten allerede hjælp til at træne det samme?"),
       _l("Får allerede træning"),
       hint=_l("Det kan også være gratis fysioterapi. Den hedder vederlagsfri fysioterapi.")),
    _q("care_home", "choice",
       _l("Hvor bor du?"), _l("Hvor bor din pårørende?"), _l("Hvor bor patienten?"),
       _l("Bolig"),
       choices=(("none", _l("I eget hjem")),
                ("permanent", _l("Fast på et plejecenter eller friplejehjem")),
                ("temporary", _l("På et kort ophold, fx aflastning"))),
       dont_know=True),
    _q("maintenance_last_year", "yesno",
       _l("Har du fået vedligeholdende træning af kommunen det sidste år?"),
       _l("Har din pårørende fået vedligeholdende træning af kommunen det sidste år?"),
       _l("Har patienten fået vedligeholdende træning af kommunen det sidste år?"),
       _l("Vedligeholdende træning sidste år"),
       hint=_l("Det er træning for at kunne klare det samme som i dag, også fremover.")),
    _q("chronic_conditions", "multi",
       _l("Har du en af disse sygdomme?"), _l("Har din pårørende en af disse sygdomme?"),
       _l("Har patienten en af disse sygdomme?"), _l("Kroniske sygdomme"),
       hint=_l("Vælg alle, der passer. Vælg ingen, hvis ingen passer."),
       # Fredericia's standard: "kræft, type 2-diabetes, lungelidelser, hjerte-kar-sygdom,
       # kroniske rygproblemer. Let- til moderat depression, osteoporose samt gigt": a lung
       # or vascular disease other than KOL and heart disease is in (a fact-check).
       choices=(("copd", _l("Lungesygdom, fx KOL")),
                ("type2_diabetes", _l("Type 2-diabetes")),
                ("heart_disease", _l("Sygdom i hjertet eller blodkarrene")),
                ("cancer", _l("Kræft")),
                ("mental_health", _l("Depression eller angst, som ikke er svær")),
                ("back", _l("Ondt i ryggen i lang tid")),
                ("osteoporosis", _l("Knogleskørhed")),
                # "gigt" covers slidgigt too, which a GP's patient with knee arthrosis
                # could not tell (a user test)
                ("arthritis", _l("Gigt, fx slidgigt eller leddegigt"))), dont_know=False),
    _q("smoker", "yesno",
       _l("Ryger du, eller bruger du nikotin?"),
       _l("Ryger din pårørende? Eller bruger han eller hun nikotin?"),
       _l("Ryger patienten? Eller bruger han eller hun nikotin?"), _l("Ryger")),
    _q("severe_disability", "yesno",
       _l("Har du et svært fysisk handicap, så du ikke kan klare dig hjemme hele døgnet "
          "uden hjælp eller hjælpemidler?"),
       _l("Har din pårørende et svært fysisk handicap, så han eller hun ikke kan klare sig "
          "hjemme hele døgnet uden hjælp eller hjælpemidler?"),
       _l("Har patienten et svært fysisk handicap (kan ikke klare sig indendørs døgnet "
          "rundt uden hjælp eller hjælpemidler)?"),
       _l("Svært fysisk handicap"),
       # "Det skal vare mindst 5 år." was read as "has lasted" by a relative whose father
       # needed a walker after a recent fall (a user test): varig = expected to last 5 years.
       hint=_l("Det skal være varigt, dvs. ventes at vare mindst 5 år. Svar nej, hvis det kan "
               "blive bedre igen, fx efter et fald.")),
    _q("disability_cause", "choice",
       _l("Har du en sygdom, der gør det svært at bevæge dig? Hvilken slags?"),
       _l("Har din pårørende en sygdom, der gør det svært at bevæge sig? Hvilken slags?"),
       _l("Har patienten en sygdom, der gør det svært at bevæge sig? Hvilken slags?"),
       _l("Årsag"),
       # "fx leddegigt", not "fx gigt": slidgigt is what most people mean by gigt, and it
       # is no progressive illness on Sundhedsstyrelsen's list (a user test). A stroke is a
       # clot or a bleeding.
       choices=(("neurological", _l("En sygdom i hjerne eller nerver, fx sklerose, "
                                    "Parkinsons eller en blodprop eller blødning i hjernen")),
                ("progressive", _l("En sygdom, der bliver værre med tiden, fx leddegigt")),
                # "other" is "neither of the two" (ASSESSMENT.md §2): no such illness too
                ("other", _l("Nej, eller en anden sygdom"))), dont_know=True),
    _q("pensioner", "yesno",
       _l("Får du folkepension eller førtidspension?"),
       _l("Får din pårørende folkepension eller førtidspension?"),
       _l("Får patienten folkepension eller førtidspension?"), _l("Pension"),
       hint=_l("Det er nok at få en af dem.")),
    _q("can_travel", "yesno",
       _l("Kan du selv komme frem til træningen, også med bus eller tog?"),
       _l("Kan din pårørende selv komme frem til træningen, også med bus eller tog?"),
       _l("Kan patienten selv komme frem til træningen, også med bus eller tog?"),
       _l("Kan selv komme frem"),
       # The right to transport is about health, not a missing bus (Sundhedsloven § 172:
       # "helbredstilstand ... offentlige transportmidler, herunder Flextrafik"; a fact-check).
       hint=_l("Svar nej, hvis helbredet gør det umuligt at tage bus, tog eller Flextrafik "
               "(kørsel, der bestilles på forhånd).")),
    _q("distance_over_50km", "yesno",
       _l("Er der mere end 50 km hver vej til træningsstedet?"),
       _l("Er der mere end 50 km hver vej fra din pårørendes hjem til træningsstedet?"),
       _l("Er der mere end 50 km hver vej til træningsstedet?"), _l("Over 50 km")),
    _q("request_date", "date",
       _l("Hvornår kontaktede du kommunen?"),
       _l("Hvornår kontaktede I kommunen?"),
       _l("Hvornår blev kommunen kontaktet?"), _l("Kontaktede kommunen"),
       # The standards count from when the municipality has the request ("modtagelse af
       # henvendelsen"), not from when a GP sent it (a Fredensborg fact-check).
       hint=_l("Skriv den dag, kommunen fik henvendelsen, fx et opkald eller en henvisning fra "
               "en læge eller et sygehus. Er kommunen ikke kontaktet endnu, så skriv dagen, "
               "det skal ske. Så regner vi fristerne ud. Har kun sygehuset sendt en "
               "genoptræningsplan, så spring over.")),
    _q("decision_date", "date",
       _l("Hvornår fik du kommunens afgørelse?"),
       _l("Hvornår fik din pårørende kommunens afgørelse?"),
       _l("Hvornår fik patienten kommunens afgørelse?"), _l("Fik afgørelse"),
       hint=_l("En afgørelse er et brev fra kommunen. Det siger ja eller nej til træning. "
               "Spring over, hvis der ikke er kommet sådan et brev.")),
)}
