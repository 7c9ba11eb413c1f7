"""What a person tells us: the answer keys of ASSESSMENT.md §2.

Every answer is optional; a missing answer means "unknown" and is never treated as "no".
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")  # ASCII digits, no newline after


def written_as_date(value: Any) -> bool:
    """ÅÅÅÅ-MM-DD in ASCII digits with nothing after, whether or not such a day exists."""
    return isinstance(value, str) and _ISO.match(value) is not None


# Dates a person can mean here. The forms ask for years in this range; the API and a
# session cookie are held to it too, so no deadline is ever counted past year 9999.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)


def _iso_date_only(value: Any) -> Any:
    if isinstance(value, date) or written_as_date(value):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


def _within_range(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise PydanticCustomError(
            "date_out_of_range", "the date must lie between {earliest} and {latest}",
            {"earliest": EARLIEST_DATE.year, "latest": LATEST_DATE.year})
    return value


def _once_each(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """A choice given twice counts once (in the order first given)."""
    return tuple(dict.fromkeys(values))


def decision_before_request(request_date: date | None, decision_date: date | None) -> bool:
    """The municipality cannot decide before it was asked."""
    return request_date is not None and decision_date is not None and decision_date < request_date


# The document (OpenAPI) says the same: a date (format) in those years (pattern).
DATE_JSON_SCHEMA = {"type": "string", "format": "date", "pattern": r"^(20[0-9]{2}|2100)-",
                    "description": "a date from 2000-01-01 to 2100-12-31"}
IsoDate = Annotated[date, BeforeValidator(_iso_date_only), AfterValidator(_within_range),
                    WithJsonSchema(DATE_JSON_SCHEMA)]
_STORED_DATE: TypeAdapter[date] = TypeAdapter(IsoDate)


def read_date(value: Any) -> date | None:
    """A stored answer as a date: ``None`` unless it is an ISO date the API and the forms
    accept (a session cookie is the person's own to change, so nothing read back is trusted)."""
    if not isinstance(value, str):
        return None
    try:
        day: date = _STORED_DATE.validate_python(value)
    except ValidationError:
        return None
    return day


def _whole_number(value: Any) -> Any:
    """JSON Schema's "integer" includes 72.0: take it as 72 (72.5, "72" and true stay wrong)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Age = Annotated[int, Field(ge=0, le=120, strict=True), BeforeValidator(_whole_number)]


class HospitalPlan(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class PlanLevel(StrEnum):
    BASAL = "basal"
    ADVANCED = "advanced"
    SPECIALISED = "specialised"
    REHAB_SPECIALISED = "rehab_specialised"
    UNKNOWN = "unknown"


class FunctionLoss(StrEnum):
    SUDDEN = "sudden"
    LASTING = "lasting"
    NONE = "none"


class SelfTraining(StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class CareHome(StrEnum):
    NONE = "none"
    PERMANENT = "permanent"
    TEMPORARY = "temporary"


class Chronic(StrEnum):
    COPD = "copd"
    TYPE2_DIABETES = "type2_diabetes"
    HEART_DISEASE = "heart_disease"
    CANCER = "cancer"
    MENTAL_HEALTH = "mental_health"
    BACK = "back"
    OSTEOPOROSIS = "osteoporosis"
    ARTHRITIS = "arthritis"


class DisabilityCause(StrEnum):
    NEUROLOGICAL = "neurological"
    PROGRESSIVE = "progressive"
    OTHER = "other"


AnswerKey = Literal[
    "age",
    "in_hospital",
    "hospital_plan",
    "plan_level",
    "discharge_date",
    "function_loss",
    "hospital_treated",
    "self_training_enough",
    "motivated",
    "group_ok",
    "same_problem_treated",
    "care_home",
    "pensioner",
    "chronic_conditions",
    "smoker",
    "severe_disability",
    "disability_cause",
    "maintenance_last_year",
    "can_travel",
    "distance_over_50km",
    "request_date",
    "decision_date",
]

DATE_KEYS: tuple[AnswerKey, ...] = ("discharge_date", "request_date", "decision_date")


class Answers(BaseModel):
    """All answers, each optional. ``None`` means the person did not (or could not) say."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    age: Age | None = None
    in_hospital: StrictBool | None = None
    hospital_plan: HospitalPlan | None = None
    plan_level: PlanLevel | None = None
    discharge_date: IsoDate | None = None
    function_loss: FunctionLoss | None = None
    hospital_treated: StrictBool | None = None
    self_training_enough: SelfTraining | None = None
    motivated: StrictBool | None = None
    group_ok: StrictBool | None = None
    same_problem_treated: StrictBool | None = None
    care_home: CareHome | None = None
    pensioner: StrictBool | None = None
    chronic_conditions: Annotated[tuple[Chronic, ...], AfterValidator(_once_each)] | None = None
    smoker: StrictBool | None = None
    severe_disability: StrictBool | None = None
    disability_cause: DisabilityCause | None = None
    maintenance_last_year: StrictBool | None = None
    can_travel: StrictBool | None = None
    distance_over_50km: StrictBool | None = None
    request_date: IsoDate | None = None
    decision_date: IsoDate | None = None

    def known(self, key: str) -> bool:
        value = getattr(self, key)
        if value is None:
            return False
        return not (isinstance(value, StrEnum) and value.value in ("unknown", "unsure"))
