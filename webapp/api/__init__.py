"""The JSON API (ASSESSMENT.md §6): the same assessment the pages show."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from flask import Blueprint, jsonify, request
from pydantic import TypeAdapter, ValidationError

from .. import context
from ..domain.answers import Answers, IsoDate, written_as_date
from ..domain.assess import assess
from ..domain.loader import RuleBook
from ..security import csrf
from ..serialize import assessment_data
from ..speedups import gettext as _
from .openapi import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)

TOP_LEVEL = {"municipality", "answers", "today"}
DAY = TypeAdapter(IsoDate)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


@bp.errorhandler(ApiError)
def api_error(exc: ApiError) -> Any:
    return jsonify(error={"code": exc.code, "field": exc.field, "message": exc.message}), exc.status


def rule_book() -> RuleBook:
    return context.rule_book()


def _json_int(text: str) -> int | float:
    """A JSON integer; a very long one (Python's int() refuses 4,300 digits) is still a
    number, just too big for any answer, so it is read as a float and refused as such."""
    return int(text) if len(text) < 100 else float(text)


class _Object(dict[str, Any]):
    """A JSON object, remembering the first name it was given twice (JSON allows it; which
    value counts is up to the reader, so a request naming two municipalities, or two ages,
    was assessed for the last one without a word)."""

    twice: str | None = None


def _json_object(pairs: list[tuple[str, Any]]) -> _Object:
    found = _Object(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                found.twice = key
                break
            seen.add(key)
    return found


def given_twice(found: Any, where: str = "") -> None:
    if isinstance(found, _Object) and found.twice is not None:
        field = where + shown(found.twice)
        raise ApiError(400, "duplicate_field",
                       _("Feltet %(field)s står mere end én gang.", field=field), field)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """What the client sent, fit to be named in an error: at most 60 characters, a lone
    surrogate (valid in a JSON escape, not in Unicode text) as its escape, ``\\ud800``, so
    the answer is valid UTF-8 for any reader, and a control character as its escape,
    ``\\x00``, so a message shown as it is shows no NUL or line break (a fuzzing session)."""
    text = text[:60].encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def unknown_answer(key: str) -> ApiError:
    return ApiError(400, "unknown_answer", _("Ukendt svar: %(field)s.", field=shown(key)),
                    f"answers.{shown(key)}")


def parse_request() -> tuple[str, Answers, date]:
    if request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", _("Send JSON med Content-Type: application/json."))
    if request.content_encoding not in (None, "", "identity"):
        raise ApiError(415, "unsupported_media_type",
                       _("Send JSON uden Content-Encoding (ikke pakket med fx gzip)."))
    try:
        body = json.loads(request.get_data(cache=False) or b"", parse_int=_json_int,
                          object_pairs_hook=_json_object)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: [[[[…]]]]
        raise ApiError(400, "malformed_json", _("Indholdet er ikke gyldig JSON.")) from None
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_body", _("Indholdet skal være et JSON-objekt."))
    given_twice(body)
    given_twice(body.get("answers"), "answers.")
    for key in body:
        if key not in TOP_LEVEL:
            raise ApiError(400, "unknown_field", _("Ukendt felt: %(field)s.", field=shown(key)),
                           shown(key))
    slug = body.get("municipality")
    if not isinstance(slug, str) or not slug.strip():
        raise ApiError(400, "invalid_municipality",
                       _("Angiv kommunen som navn (slug) eller kommunekode."), "municipality")
    municipality = rule_book().find(slug)
    if municipality is None:
        raise ApiError(400, "unknown_municipality",
                       _("Vi kender ikke kommunen %(name)s.", name=shown(slug)), "municipality")
    raw_answers = body.get("answers", {})
    if not isinstance(raw_answers, dict):
        raise ApiError(400, "invalid_answers", _("Svarene skal være et JSON-objekt."), "answers")
    try:
        answers = Answers.model_validate(raw_answers)
    except ValidationError as exc:
        err = exc.errors()[0]
        if not err["loc"]:
            # Pydantic cannot read a key that is not Unicode text (a lone surrogate) and
            # gives no place; no answer has such a name.
            raise unknown_answer(next((k for k in raw_answers if shown(k) != k[:60]), "")) from None
        key = str(err["loc"][0])
        if err["type"] == "extra_forbidden":
            raise unknown_answer(key) from None
        raise ApiError(400, "invalid_answer",
                       _("Ugyldigt svar i %(field)s: %(problem)s", field=key,
                         problem=problem_text(err)),
                       f"answers.{key}") from None
    # Dates are taken as given, in any order: the document (JSON Schema) cannot say "the
    # decision after the request", and a schema-valid request is never refused. The pages,
    # which talk to a person, check the order (forms.date_order_problem).
    today = context.today()
    if "today" in body:
        try:
            today = DAY.validate_python(body["today"])
        except ValidationError as exc:
            # Written as ÅÅÅÅ-MM-DD but no such day (2026-02-29, 0000-01-01), or outside the
            # years: the answers' words, which say so; anything else is not written as a
            # date. Told by what was written: pydantic calls year 0 a format error.
            written = body["today"]
            message = (problem_text(exc.errors()[0])
                       if written_as_date(written)
                       else _("Datoen skal skrives som ÅÅÅÅ-MM-DD."))
            raise ApiError(400, "invalid_date", message, "today") from None
    return municipality.slug, answers, today


def problem_text(err: Any) -> str:
    """Pydantic's reason for a rejected answer, in the request's language."""
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind.startswith("int_"):
        return _("Skriv et helt tal.")
    if kind == "less_than_equal":
        return _("Tallet må højst være %(max)s.", max=ctx["le"])
    if kind == "greater_than_equal":
        return _("Tallet skal mindst være %(min)s.", min=ctx["ge"])
    if kind.startswith("bool_"):
        return _("Skriv true eller false.")
    if kind in ("enum", "literal_error"):
        values = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return _("Brug en af disse værdier: %(values)s.", values=values)
    if kind == "date_out_of_range":
        return _("Skriv en dato fra år %(first)s til %(last)s.", first=ctx["earliest"],
                 last=ctx["latest"])
    if kind.startswith("date") or kind == "value_error":
        return _("Skriv en dato, der findes, som ÅÅÅÅ-MM-DD.")
    if kind in ("list_type", "tuple_type", "set_type"):
        return _("Skriv en liste.")
    return _("Værdien kan ikke bruges.")


@bp.post("/assessment")
def assessment() -> Any:
    slug, answers, today = parse_request()
    result = assess(slug, answers, today, rule_book())
    return jsonify(assessment_data(result))


@bp.get("/municipalities")
def municipalities() -> Any:
    book = rule_book()
    return jsonify(municipalities=[
        {"slug": m.slug, "code": m.code, "name": m.name, "region": m.region,
         "standard": m.slug in book.standards}
        for m in book.municipalities.values()
    ])


@bp.get("/openapi.json")
def openapi() -> Any:
    return jsonify(openapi_document(rule_book()))
