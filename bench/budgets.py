"""Compare the latest bench/out/results.json with the budgets (issue #5); print a table.

    .venv/bin/python bench/budgets.py

Run after bench_http.py, page_weight.py and lighthouse.py (``make bench`` does). Exits 1
when a measured budget is missed; a budget whose measurement is absent (e.g. Lighthouse
not available) is reported as "not measured" and does not fail the run.
"""

from __future__ import annotations

import sys
from typing import Any

from benchlib import load_results, save_results, table

KB = 1024


def check(results: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    rows: list[tuple[str, str, str, bool | None]] = []
    weight = results.get("weight")
    if weight:
        html = max(w["by_kind"]["html"]["sent"] for w in weight.values())
        css = max(w["by_kind"]["css"]["sent"] for w in weight.values())
        js = max(w["by_kind"]["js"]["sent"] for w in weight.values())
        js_files = max(w["by_kind"]["js"]["files"] for w in weight.values())
        fonts = max(w["by_kind"]["font"]["files"] for w in weight.values())
        first = max(w["first_visit"] for w in weight.values())
        repeat = max(w["repeat_visit"] for w in weight.values())
        rows += [
            ("HTML, compressed (largest page)", "≤ 15 KB", f"{html / KB:.1f} KB", html <= 15 * KB),
            ("CSS, compressed", "≤ 20 KB", f"{css / KB:.1f} KB", css <= 20 * KB),
            ("JavaScript", "none needed; ≤ 10 KB", f"{js_files} files, {js / KB:.1f} KB",
             js <= 10 * KB),
            ("font files", "≤ 2", str(fonts), fonts <= 2),
            ("first visit, transferred", "≤ 120 KB", f"{first / KB:.1f} KB", first <= 120 * KB),
            ("repeat visit, transferred", "≤ 20 KB", f"{repeat / KB:.1f} KB",
             repeat <= 20 * KB),
        ]
    else:
        rows.append(("page weight", "", "not measured", None))
    http = results.get("http")
    if http:
        medians = http["summary"]["page_median_ms_at_1"]
        worst = max(medians, key=medians.get)
        rows.append(("server median per page, 1 connection", "< 5 ms",
                     f"{medians[worst]:.2f} ms ({worst})", medians[worst] < 5))
        ratios = {(name, c): r["ratio_to_minimal"]
                  for name, per in http["results"].items() if name in medians
                  for c, r in per.items()}
        (name, c), low = min(ratios.items(), key=lambda item: item[1])
        rows.append(("our pages ÷ minimal route, req/s", "≥ 40 %",
                     f"lowest {low:.0%} ({name}, {c} conn.)", low >= 0.40))
        rows.append(("load errors (wrk, all runs)", "0", str(http["summary"]["errors"]),
                     http["summary"]["errors"] == 0))
    else:
        rows.append(("server timings", "", "not measured", None))
    lh = results.get("lighthouse")
    if lh and lh.get("available"):
        for category, budget in (("performance", 95), ("accessibility", 100),
                                 ("best-practices", 100)):
            scores = {p: r["scores"][category] for p, r in lh["pages"].items()}
            low_page = min(scores, key=scores.get)
            rows.append((f"Lighthouse {category} (mobile)", f"≥ {budget}",
                         f"lowest {scores[low_page]} ({low_page})", scores[low_page] >= budget))
    else:
        reason = (lh or {}).get("reason", "not run")
        rows.append(("Lighthouse (mobile)", "", f"not available ({reason})", None))
    return rows


def main() -> int:
    results = load_results()
    rows = check(results)
    status = {True: "met", False: "MISSED", None: "not measured"}
    print("Budgets")
    print(table(["budget", "limit", "measured", "status"],
                [[a, b, c, status[d]] for a, b, c, d in rows]))
    save_results("budgets", [{"budget": a, "limit": b, "measured": c, "met": d}
                             for a, b, c, d in rows])
    load = (results.get("http") or {}).get("load_average")
    if load:
        cores = (results.get("meta") or {}).get("cpus")
        print(f"server timings taken at load average {load['before']:.1f} -> "
              f"{load['after']:.1f} on {cores} cores")
    missed = [a for a, _, _, d in rows if d is False]
    if missed:
        print(f"missed: {', '.join(missed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
