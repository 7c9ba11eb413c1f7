"""Codes that rules files use for what an offer includes and excludes, with their labels.

Labels are message ids (translated by the web layer). The loader rejects a code that is
not listed here, so a typo in a rules file cannot reach a citizen.
"""

from __future__ import annotations

from .i18n import N_

CONTENT: dict[str, str] = {
    # physical
    "strength": N_("styrketræning"),
    "endurance": N_("udholdenhedstræning"),
    "cardio": N_("konditions- og kredsløbstræning"),
    "mobility": N_("bevægelighedstræning"),
    "stability": N_("stabilitetstræning"),
    "balance": N_("balancetræning"),
    "coordination": N_("koordinationstræning"),
    "gait": N_("gangtræning"),
    "transfers": N_("træning i at flytte sig, fx fra seng til stol"),
    "aids_use": N_("træning i at bruge hjælpemidler"),
    "activity": N_("aktivitetstræning"),
    "function": N_("funktionstræning"),
    "outdoor_walking": N_("at færdes udendørs i nærmiljøet"),
    "getting_around": N_("at komme omkring"),
    # mental
    "communication": N_("kommunikation"),
    "memory": N_("hukommelsestræning"),
    "concentration": N_("træning af koncentration og opmærksomhed"),
    "problem_solving": N_("træning i problemløsning og struktur"),
    "energy_management": N_("træning i at bruge sine kræfter klogt"),
    "cognitive": N_("kognitiv og mental træning"),
    # everyday life
    "daily_activities": N_("træning i hverdagens gøremål"),
    "meals": N_("måltider"),
    "personal_hygiene": N_("personlig hygiejne"),
    "housekeeping": N_("at klare hjemmet"),
    "planning_the_day": N_("at planlægge og strukturere hverdagen"),
    # Nyborg: "Rådgivning og vejledning i ergonomi" (it excludes "korrektion af
    # arbejdsstillinger"); Fredericia: "… ergonomi i hjemmet og evt. på arbejdspladsen".
    "ergonomics": N_("råd og vejledning om ergonomi"),
    "ergonomics_home_and_work": N_("råd om ergonomi, hjemme og måske på arbejdet"),
    "public_transport": N_("at bruge bus og tog"),
    "shopping": N_("indkøb"),
    "hobbies": N_("at dyrke interesser"),
    "social_relations": N_("at være sammen med andre"),
    "social_skills": N_("træning af sociale færdigheder"),
    "network": N_("hjælp til at finde netværk og fritidsinteresser"),
    "return_to_work": N_("at vende tilbage til arbejde, træning og motion"),
    "lifestyle_advice": N_("råd om sygdom, livsstil og vaner"),
    "welfare_technology": N_("velfærdsteknologi, fx træning over video eller apps"),
    "self_training_programme": N_("et program til selvtræning og opfølgning"),
    "guidance_local_offers": N_("hjælp til at finde træning i nærmiljøet, fx i en forening"),
    "instruction_of_carers": N_("vejledning af plejepersonale, så de kan støtte træningen"),
    # Fredensborg: "Terapeuten instruerer pårørende, aktivitetsmedarbejdere og plejepersonale"
    # (a fact-check: the relatives were left out)
    "instruction_of_relatives_and_staff": N_("vejledning af dine pårørende og af personalet, "
                                             "så de kan støtte træningen"),
    "aids_assessment": N_("vurdering af behov for hjælpemidler"),
    "training_aids_provided": N_("hjælpemidler til brug i genoptræningen stilles til rådighed"),
    "activity_and_company": N_("aktivitets- og samværstilbud"),
    "assessment_and_testing": N_("undersøgelse og test af funktionsevnen"),
    # prevention
    "health_talk": N_("en afklarende sundhedssamtale"),
    "smoking_cessation": N_("rygestop og hjælp mod nikotinafhængighed"),
    "disease_management": N_("at leve med sin sygdom"),
    "physical_training": N_("fysisk træning"),
    "nutrition": N_("kost og ernæring"),
    "mental_health": N_("mental sundhed"),
    "alcohol": N_("hjælp til at drikke mindre alkohol"),
    # not included
    "massage": N_("massage"),
    "ultrasound": N_("ultralyd"),
    "laser": N_("laserbehandling"),
    "passive_exercises": N_("passive øvelser"),
    "passive_treatment": N_("passiv behandling"),
    "passive_stretching": N_("passiv udstrækning"),
    "joint_mobilisation": N_("ledmobilisering"),
    "electrotherapy": N_("el-terapi"),
    "heat_packs": N_("varmepakninger"),
    "local_tissue_treatment": N_("anden lokal behandling, fx af nerver"),
    "work_testing": N_("arbejdsprøvning og korrektion af arbejdsstillinger"),
    "manual_treatment": N_("manuel behandling"),
    "continuous_individual_training": N_("vedvarende individuel træning"),
    "isolated_physiotherapy": N_("fysioterapi alene som behandling"),
    "duplicate_offer": N_("træning for et problem, man allerede får træning for, fx vederlagsfri fysioterapi"),
    "needs_met_elsewhere": N_("træning, når behovet allerede dækkes af andre tilbud, også tilbud, man kan gå til uden at søge"),
    "hospital_rehabilitation": N_("genoptræning med en genoptræningsplan fra sygehuset (den gives efter Sundhedsloven § 140)"),
}
