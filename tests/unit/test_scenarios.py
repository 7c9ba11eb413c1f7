"""Scenario files (tests/scenarios/<slug>.yaml), each citing its standard, run two ways:
through assess() directly and through POST /api/v1/assessment."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from webapp.domain.answers import Answers
from webapp.domain.assess import assess

SCENARIO_DIR = Path(__file__).resolve().parents[1] / "scenarios"
DEFAULT_TODAY = "2026-03-30"


def _load() -> list[Any]:
    cases = []
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, sc in enumerate(data["scenarios"]):
            cases.append(pytest.param(data["municipality"], sc,
                                      id=f"{path.stem}-{i:02d}-{sc['name'][:40]}"))
    return cases


CASES = _load()


def _json_answers(answers: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in answers.items()}


def _path(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
    return obj.value if hasattr(obj, "value") and not isinstance(obj, (int, float, str)) else obj


def test_every_municipality_has_ten_scenarios(book) -> None:
    counts: dict[str, int] = {}
    for p in CASES:
        counts[p.values[0]] = counts.get(p.values[0], 0) + 1
    for slug in book.standards:
        assert counts.get(slug, 0) >= 10, f"{slug} has {counts.get(slug, 0)} scenarios"


@pytest.mark.parametrize(("slug", "scenario"), CASES)
def test_scenario_domain(slug: str, scenario: dict[str, Any], book) -> None:
    assert scenario.get("cites"), "every scenario cites the sentence it checks"
    answers = Answers.model_validate(_json_answers(scenario.get("answers") or {}))
    today = date.fromisoformat(str(scenario.get("today", DEFAULT_TODAY)))
    result = assess(slug, answers, today, book)
    for offer_id, verdict in (scenario.get("verdicts") or {}).items():
        offer = result.offer(offer_id)
        assert offer.verdict == verdict, (offer_id, [r.rule for r in offer.reasons])
        assert offer.reasons, f"{offer_id}: a verdict is never given without reasons"
    for offer_id, keys in (scenario.get("reasons") or {}).items():
        named = {r.answer for r in result.offer(offer_id).reasons}
        assert set(keys) <= named, (offer_id, named)
    for offer_id, kinds in (scenario.get("deadlines") or {}).items():
        offer = result.offer(offer_id)
        for kind, expected in kinds.items():
            d = offer.deadline(kind)
            if expected is None:  # the standard gives no such date
                assert d is None, (offer_id, kind, d)
                continue
            assert d is not None, f"{offer_id}: no {kind} deadline"
            assert d.date == date.fromisoformat(str(expected)), (offer_id, kind, d.date)
    for offer_id, facts in (scenario.get("facts") or {}).items():
        rules = result.offer(offer_id).rules
        for dotted, expected in facts.items():
            assert _path(rules, dotted) == expected, (offer_id, dotted)
    for offer_id, codes in (scenario.get("notes") or {}).items():
        have = {n.code for n in result.offer(offer_id).notes}
        assert set(codes) <= have, (offer_id, have)
    for offer_id, codes in (scenario.get("no_notes") or {}).items():
        have = {n.code for n in result.offer(offer_id).notes}
        assert not set(codes) & have, (offer_id, have)


@pytest.mark.parametrize(("slug", "scenario"), CASES)
def test_scenario_api(slug: str, scenario: dict[str, Any], client) -> None:
    body = {"municipality": slug, "answers": _json_answers(scenario.get("answers") or {}),
            "today": str(scenario.get("today", DEFAULT_TODAY))}
    response = client.post("/api/v1/assessment", json=body)
    assert response.status_code == 200, response.get_json()
    offers = {o["id"]: o for o in response.get_json()["offers"]}
    for offer_id, verdict in (scenario.get("verdicts") or {}).items():
        assert offers[offer_id]["verdict"] == verdict
        assert offers[offer_id]["reasons"]
    for offer_id, kinds in (scenario.get("deadlines") or {}).items():
        got = {d["kind"]: d["date"] for d in offers[offer_id]["deadlines"]}
        for kind, expected in kinds.items():
            assert got.get(kind) == (None if expected is None else str(expected)), (offer_id, kind)
