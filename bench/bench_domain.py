"""Rules load + validation time at start-up, assess() per call over every scenario, and the
questionnaire's walk over the answers of a finished questionnaire per persona.

    .venv/bin/python bench/bench_domain.py

Start-up is measured in fresh interpreters (nothing cached), assess() in one warm process.
Prints figures; asserts nothing (tests check behaviour, not timings).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from webapp.domain.answers import Answers  # noqa: E402
from webapp.domain.assess import assess  # noqa: E402
from webapp.domain.flow import UNKNOWN, walk  # noqa: E402
from webapp.domain.loader import RuleBook, load_rules  # noqa: E402

STARTUP = """
import time; t = time.perf_counter()
from webapp.domain.loader import load_rules
load_rules()
print(time.perf_counter() - t)
"""


def startup(runs: int = 7) -> list[float]:
    out = []
    for _ in range(runs):
        res = subprocess.run([sys.executable, "-c", STARTUP], cwd=ROOT, capture_output=True,
                             text=True, check=True)
        out.append(float(res.stdout.strip()) * 1000)
    return out


def scenarios() -> list[tuple[str, Answers, date]]:
    cases = []
    for path in sorted((ROOT / "tests" / "scenarios").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for sc in data["scenarios"]:
            raw = {k: (v.isoformat() if isinstance(v, date) else v)
                   for k, v in (sc.get("answers") or {}).items()}
            today = date.fromisoformat(str(sc.get("today", "2026-03-30")))
            cases.append((data["municipality"], Answers.model_validate(raw), today))
    return cases


def main() -> None:
    loads = startup()
    print(f"rules load + validation (fresh process, import included), {len(loads)} runs: "
          f"median {statistics.median(loads):.1f} ms, max {max(loads):.1f} ms")
    t = time.perf_counter()
    book = load_rules()
    print(f"rules load + validation (warm imports): {(time.perf_counter() - t) * 1000:.1f} ms")
    cases = scenarios()
    for slug, answers, today in cases:  # warm caches (merged offers, holidays)
        assess(slug, answers, today, book)
    report("assess()", [partial(assess, slug, answers, today, book)
                        for slug, answers, today in cases])
    # The walk replays the answers as a session holds them, as every question, check and
    # result page does before it shows anything: here a finished questionnaire per persona.
    sessions = finished_sessions(book)
    report("walk() over a finished questionnaire",
           [partial(walk, book, slug, stored) for slug, stored in sessions],
        rounds=400, what=f"{len(sessions)} personas ({', '.join(s for s, _ in sessions)})")


def finished_sessions(book: RuleBook) -> list[tuple[str, dict[str, Any]]]:
    """The session of each persona (tests/personas.yaml) that has answered every question
    the walk asks: its own answer, or "Ved ikke" where the persona has none."""
    personas = yaml.safe_load((ROOT / "tests" / "personas.yaml").read_text(encoding="utf-8"))
    sessions = []
    for slug, answers in personas.items():
        stored: dict[str, Any] = {}
        while (key := walk(book, slug, stored).next) is not None:
            stored[key] = answers.get(key, UNKNOWN)
        sessions.append((slug, stored))
    return sessions


def report(name: str, calls: list[Callable[[], object]], rounds: int = 20,
           what: str = "") -> None:
    timings = []
    for _ in range(rounds):
        for call in calls:
            t = time.perf_counter_ns()
            call()
            timings.append((time.perf_counter_ns() - t) / 1e6)
    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"{name}: {what or f'{len(calls)} scenarios'} x {rounds} = {len(timings)} calls: "
          f"median {statistics.median(timings):.3f} ms, p99 {p99:.3f} ms, max {timings[-1]:.3f} ms")


if __name__ == "__main__":
    main()
