"""OpenAPI 3.1 description of the API. The answers schema is derived from the domain model."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..domain.answers import DATE_JSON_SCHEMA, Answers
from ..domain.loader import RuleBook, danish_sort_key
from ..domain.rules import OFFER_IDS


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def municipality_schema(book: RuleBook) -> dict[str, Any]:
    """Every municipality by slug, kommunekode and name. The API also finds other spellings
    ("Herlev", "0163", "HERLEV"), but these are the ones it documents: with "any string",
    a schema-valid request could name no municipality and get 400 (schemathesis, run
    against the served document by a fuzzing session)."""
    values = sorted({value for m in book.municipalities.values()
                     for value in (m.slug, m.code, m.name)}, key=danish_sort_key)
    return {"type": "string", "enum": values,
            "description": "slug (e.g. fredericia), kommunekode (607) or name (Fredericia "
                           "Kommune); other spellings of a name are also found"}


@lru_cache(maxsize=1)
def openapi_document(book: RuleBook) -> dict[str, Any]:
    answers = Answers.model_json_schema(ref_template="#/components/schemas/{model}")
    defs = answers.pop("$defs", {})
    lang = {"name": "lang", "in": "query", "required": False,
            "schema": {"type": "string", "examples": ["da", "en"]},
            "description": ("Language of every text: da or en. Any other value is ignored, "
                            "as on the pages: then Accept-Language decides, else Danish.")}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Træningsguiden API",
            "version": "1.0.0",
            "description": (
                "Which municipal training may fit a person, from the municipality's quality "
                "standard and national law. Nothing sent is stored or logged."
            ),
        },
        "paths": {
            "/api/v1/assessment": {
                "post": {
                    "operationId": "assess",
                    "summary": "Assess every offer for a municipality and a set of answers",
                    "parameters": [lang],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {
                            "$ref": "#/components/schemas/AssessmentRequest"}}},
                    },
                    "responses": {
                        "200": {"description": "Every offer with verdict, reasons and facts",
                                "content": {"application/json": {"schema": {
                                    "$ref": "#/components/schemas/Assessment"}}}},
                        "400": _error("Unknown municipality, unknown answer, wrong type, "
                                      "out-of-range value, a date that is not a date, a "
                                      "field given twice, or malformed JSON"),
                        "413": _error("Body over 16 KiB"),
                        "415": _error("Not JSON"),
                        "429": _error("Too many requests from one client"),
                    },
                }
            },
            "/api/v1/municipalities": {
                "get": {
                    "operationId": "municipalities",
                    "summary": "All municipalities, and whether their standard is loaded",
                    "responses": {"200": {"description": "The list", "content": {
                        "application/json": {"schema": {
                            "$ref": "#/components/schemas/MunicipalityList"}}}}},
                }
            },
            "/api/v1/openapi.json": {
                "get": {"operationId": "openapi", "summary": "This document",
                        "responses": {"200": {"description": "OpenAPI 3.1",
                                              "content": {"application/json": {}}}}}
            },
        },
        "components": {
            "schemas": {
                **defs,
                "Answers": answers,
                "AssessmentRequest": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["municipality"],
                    "properties": {
                        "municipality": municipality_schema(book),
                        "answers": {"$ref": "#/components/schemas/Answers"},
                        "today": DATE_JSON_SCHEMA,
                    },
                },
                "Assessment": {
                    "type": "object",
                    "required": ["municipality", "offers"],
                    "properties": {
                        "municipality": {"type": "object"},
                        "today": {"type": "string", "format": "date"},
                        "offers": {"type": "array", "items": {
                            "$ref": "#/components/schemas/Offer"}},
                    },
                },
                "Offer": {
                    "type": "object",
                    "required": ["id", "law", "title", "verdict", "source", "reasons",
                                 "deadlines", "complaints"],
                    "properties": {
                        "id": {"type": "string", "enum": list(OFFER_IDS)},
                        "law": {"type": "string"},
                        "title": {"type": "string"},
                        "verdict": {"type": "string", "enum": ["likely", "possible", "unlikely"]},
                        "source": {"type": "string", "enum": ["municipal", "national"]},
                        "reasons": {"type": "array", "items": {"type": "object", "properties": {
                            "answer": {"type": "string"}, "text": {"type": "string"}}}},
                        "deadlines": {"type": "array", "items": {"type": "object", "properties": {
                            "kind": {"type": "string", "enum": [
                                "contact", "decision", "start", "free_choice", "complaint"]},
                            "date": {"type": "string", "format": "date"},
                            "text": {"type": "string"}}}},
                        "complaints": {"type": "array", "items": {"type": "object"}},
                    },
                },
                "MunicipalityList": {"type": "object", "properties": {"municipalities": {
                    "type": "array", "items": {"type": "object", "properties": {
                        "slug": {"type": "string"}, "code": {"type": "string"},
                        "name": {"type": "string"}, "standard": {"type": "boolean"}}}}}},
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "object", "required": ["code", "message"],
                                             "properties": {
                                                 "code": {"type": "string"},
                                                 "field": {"type": ["string", "null"]},
                                                 "message": {"type": "string"}}}},
                },
            }
        },
    }
