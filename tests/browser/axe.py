"""Run axe-core (npm devDependency, node_modules/axe-core) in a page."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def axe_source() -> str:
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} missing: run `npm ci` (axe-core is a devDependency)")
    return AXE.read_text(encoding="utf-8")


def run_axe(page: Any) -> dict[str, Any]:
    """axe.run over the whole document with the WCAG 2.1 A and AA rules.

    The script is evaluated through the DevTools protocol, which the page's CSP does not
    govern, so the site's CSP stays as strict as in production.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate("() => {" + axe_source() + "\n}")
    results: dict[str, Any] = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                       resultTypes: ['violations']})""",
        WCAG_TAGS,
    )
    return results


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)
