"""WTForms for one question at a time, built from the catalogue."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from wtforms import IntegerField, RadioField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from .. import context
from ..domain.answers import EARLIEST_DATE, LATEST_DATE, decision_before_request, read_date
from ..domain.flow import UNKNOWN
from ..i18n import TranslatedForm, format_long_date
from ..speedups import lazy_gettext as _l
from .catalogue import DONT_KNOW, NO, YES, Question

MIN_YEAR, MAX_YEAR = EARLIEST_DATE.year, LATEST_DATE.year


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form: Any) -> None:
        allowed = {value for value, _label in self.choices or []}
        if any(value not in allowed for value in self.data or []):
            raise ValidationError(str(_l("Vælg kun blandt svarene på listen.")))


class SafeNumberRange(NumberRange):
    """NumberRange that says no, instead of crashing, to an integer too large for a float
    (WTForms compares with math.isnan, which overflows on e.g. 400 nines)."""

    def __call__(self, form: Any, field: Any) -> None:
        if isinstance(field.data, int) and abs(field.data) > 10**9:
            raise ValidationError(str(self.message))
        super().__call__(form, field)


AGE_MIN, AGE_MAX = 0, 120
AGE_RANGE = _l("Alderen skal være et tal fra 0 til 120.")
BIRTH_YEAR = _l("Skriv alderen, ikke fødselsåret. Fx 78.")
FIRST_BIRTH_YEAR = 1900


class AgeField(IntegerField):
    """A whole number of years; "78 år", "78 år." and "78 years" are read as 78 too (people
    write what they would say). Anything else but digits is refused, saying what is wrong:
    a year from 1900 to this year is taken for a birth year, and a negative or a longer
    number is outside the ages we take."""

    NOT_AN_INTEGER = "Not a valid integer value."  # WTForms' own words (i18n.WTFORMS_MESSAGES)
    _YEARS = r"\s*(?:år|aar|years?)?\.?\s*$"  # "78", "78 år", "78 år.", "78 years"
    UNIT = re.compile(r"^\s*0*(\d{1,3})" + _YEARS, re.IGNORECASE)  # 0078 is 78
    OUT_OF_RANGE = re.compile(r"^\s*(-\d+|\d{4,})" + _YEARS, re.IGNORECASE)

    def process_formdata(self, valuelist: list[Any]) -> None:
        if valuelist and isinstance(valuelist[0], str) and valuelist[0].strip():
            # Runs of spaces made one: the patterns' two \s* around "år" backtrack over a
            # long run ("7", 16,000 spaces, "x" held a worker for most of a second).
            typed = " ".join(unicodedata.normalize("NFC", valuelist[0]).split())
            found = self.UNIT.match(typed)
            if not found:  # int() would take "1_0" as 10 and "+72" as 72: digits only
                self.data = None
                raise ValueError(self._what_is_wrong(typed))
            valuelist = [found.group(1), *valuelist[1:]]
        super().process_formdata(valuelist)

    def _what_is_wrong(self, typed: str) -> str:
        number = self.OUT_OF_RANGE.match(typed)
        if not number:
            return str(self.gettext(self.NOT_AN_INTEGER))
        digits = number.group(1)
        if len(digits) == 4 and FIRST_BIRTH_YEAR <= int(digits) <= context.today().year:
            return str(BIRTH_YEAR)
        return str(AGE_RANGE)


class ChoiceField(RadioField):
    """A radio group whose 'not one of the choices' message is ours (and translated)."""

    def pre_validate(self, form: Any) -> None:
        if self.data not in {value for value, _label in self.choices or []}:
            raise ValidationError(str(_l("Vælg et af svarene.")))


class QuestionForm(TranslatedForm):
    """Base; ``build_form`` adds the field ``answer`` (or day/month/year for dates)."""

    skip = SubmitField(_l("Spring over"))

    def stored_value(self) -> Any:  # pragma: no cover - replaced per kind
        raise NotImplementedError


def _choices(q: Question) -> list[tuple[str, Any]]:
    if q.kind == "yesno":
        choices: list[tuple[str, Any]] = [("yes", YES), ("no", NO)]
    else:
        choices = list(q.choices)
    if q.dont_know and all(v != UNKNOWN for v, _ in choices):
        choices.append((UNKNOWN, DONT_KNOW))
    return choices


def build_form(q: Question, stored: Any, formdata: Any = None) -> QuestionForm:
    required = _l("Vælg et svar.")
    attrs: dict[str, Any] = {}
    if q.kind in ("yesno", "choice"):
        attrs["answer"] = ChoiceField(choices=_choices(q), validators=[InputRequired(required)])
    elif q.kind == "number":
        attrs["answer"] = AgeField(
            validators=[InputRequired(_l("Skriv alderen som et tal, fx 72.")),
                        SafeNumberRange(AGE_MIN, AGE_MAX, AGE_RANGE)],
            render_kw={"inputmode": "numeric", "autocomplete": "off"},
        )
    elif q.kind == "multi":
        # No Optional(): it ends validation when the first value sent is blank, and clears
        # the errors found before it, so ["", "plague"] was stored. None checked is [].
        attrs["answer"] = MultiCheckboxField(choices=list(q.choices))
    elif q.kind == "date":
        for part in ("day", "month", "year"):
            attrs[part] = StringField(validators=[Optional()],
                                      render_kw={"inputmode": "numeric", "autocomplete": "off"})
    form_class = type(f"Form_{q.key}", (QuestionForm,), attrs)
    form: QuestionForm = form_class(formdata=formdata, data=_initial(q, stored))
    if q.kind == "date":
        form.validate_date = validate_date  # type: ignore[attr-defined]
    return form


def _initial(q: Question, stored: Any) -> dict[str, Any]:
    """The form's fields filled in from the stored answer. The session cookie is the
    person's own, so a value of the wrong shape is shown as not answered."""
    if stored is None:
        return {}
    if q.kind == "yesno":
        return {"answer": "yes" if stored is True else "no" if stored is False else UNKNOWN}
    if q.kind == "date":
        d = read_date(stored)
        return {"day": str(d.day), "month": str(d.month), "year": str(d.year)} if d else {}
    if q.kind == "number":
        return {"answer": stored} if type(stored) is int else {}
    if q.kind == "multi":
        fits = isinstance(stored, list) and all(isinstance(v, str) for v in stored)
        return {"answer": stored} if fits else {}
    return {"answer": stored} if isinstance(stored, str) else {}


def validate_date(form: Any, empty: Any = None) -> date | None:
    """The date in the day/month/year boxes. ``empty``: what to say when all three are
    blank (the question pages offer "Spring over"; other forms say their own)."""
    raw = [(form[p].data or "").strip() for p in ("day", "month", "year")]
    if not any(raw):
        raise ValidationError(str(empty or _l("Skriv en dato, eller vælg 'Spring over'.")))
    if not all(raw):
        raise ValidationError(str(_l("Skriv både dag, måned og år.")))
    # isdecimal, not isdigit: "²" is a digit to Python, but not a number int() can read.
    if not all(r.isdecimal() for r in raw) or len(raw[0]) > 2 or len(raw[1]) > 2:
        raise ValidationError(str(_l("Skriv datoen med tal, fx 3 4 2026.")))
    four_digits = ValidationError(str(_l("Skriv året med fire cifre, fx 2026.")))
    # The year's length before int(): Python will not read more than 4,300 digits, and
    # raised a ValueError – a 500 (a security review).
    if len(raw[2]) not in (2, 4):
        raise four_digits
    day, month, year = (int(r) for r in raw)
    if len(raw[2]) == 2:  # "26" is 2026; "99" is not 2099 but a year to write in full
        year += 2000
        if year > context.today().year + 1:
            raise four_digits
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(str(_l("Skriv et år fra %(first)s til %(last)s.",
                                     first=MIN_YEAR, last=MAX_YEAR)))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(str(_l("Den dato findes ikke. Tjek dag og måned."))) from None


FAR_AHEAD_DAYS = 62  # about 2 months: a planned discharge or a planned call


def date_order_problem(key: str, value: Any, answers: dict[str, Any], today: date) -> str | None:
    """A decision cannot come from the future, nor before the request; checked whichever
    of the two dates is given (or changed) last. A day home from hospital or of contact
    more than ``FAR_AHEAD_DAYS`` ahead is a slip of the year (22/11/2027 for 2026), which
    would give dates a year late."""
    if key in ("discharge_date", "request_date"):
        day = read_date(value)
        if day is not None and (day - today).days > FAR_AHEAD_DAYS:
            return str(_l("Datoen ligger mere end 2 måneder ude i fremtiden. Tjek året."))
    if key == "decision_date":
        decided, asked = read_date(value), read_date(answers.get("request_date"))
        if decided is not None and decided > today:
            return str(_l("Datoen ligger i fremtiden. Skriv den dag, du fik afgørelsen."))
        if decision_before_request(asked, decided):
            return str(_l("Afgørelsen kan ikke komme før den dag, kommunen blev kontaktet. "
                          "Tjek datoen."))
    if key == "request_date":
        asked, decided = read_date(value), read_date(answers.get("decision_date"))
        if decided is not None and decision_before_request(asked, decided):
            return str(_l("Du fik afgørelsen %(date)s. Kommunen kan ikke være kontaktet senere "
                          "end det. Tjek datoen.", date=format_long_date(decided)))
    return None


def post_fields(q: Question, value: Any) -> dict[str, Any]:
    """The form fields a person posts to give ``value`` (None: "Ved ikke" or "Spring over").

    The inverse of ``read_answer``; tests and benchmarks walk the questionnaire with it.
    """
    if value is None or value == UNKNOWN:
        if q.kind in ("date", "number"):
            return {"skip": "1"}
        if q.kind == "multi":
            return {}
        dont_know = next((v for v, _ in _choices(q) if v in (UNKNOWN, "unsure")), UNKNOWN)
        return {"answer": dont_know}
    if q.kind == "yesno":
        return {"answer": "yes" if value else "no"}
    if q.kind == "date":
        d = date.fromisoformat(value)
        return {"day": str(d.day), "month": str(d.month), "year": str(d.year)}
    if q.kind == "multi":
        return {"answer": list(value)}
    return {"answer": str(value)}


def read_answer(q: Question, form: QuestionForm) -> tuple[bool, Any, str | None]:
    """(ok, value to store, error) for a submitted form."""
    if q.kind == "date":
        if form.skip.data:
            return True, UNKNOWN, None
        if not form.validate():
            return False, None, None
        try:
            value = form.validate_date(form)  # type: ignore[attr-defined]
        except ValidationError as exc:
            return False, None, str(exc)
        return True, value.isoformat() if value else UNKNOWN, None
    if q.kind == "number" and form.skip.data:
        return True, UNKNOWN, None
    if not form.validate():
        return False, None, None
    data = form.answer.data  # type: ignore[attr-defined]
    if q.kind == "yesno":
        return True, {"yes": True, "no": False}.get(data, UNKNOWN), None
    if q.kind == "multi":
        return True, list(dict.fromkeys(data or [])), None  # a choice sent twice counts once
    return True, data, None
