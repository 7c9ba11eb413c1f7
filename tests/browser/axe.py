"""Run axe-core (the pinned npm devDependency in node_modules/axe-core) in a page."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from .waits import wait_for_fonts

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# axe leaves colour contrast "incomplete" when the element has a background image or
# gradient. In our CSS those are DKFDS's 4 px coloured bar on the left of an alert
# (a linear-gradient) and the chevron of a <select>: decoration beside the text, never
# under it. For exactly these two reasons we measure the text against the nearest
# background colour ourselves; any other reason stays a failure.
RESOLVABLE_CONTRAST = {"bgGradient", "bgImage"}

CONTRAST_JS = """
(selector) => {
  const el = document.querySelector(selector);
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, below) => ({
    r: top.r * top.a + below.r * (1 - top.a),
    g: top.g * top.a + below.g * (1 - top.a),
    b: top.b * top.a + below.b * (1 - top.a), a: 1});
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
  }
  let bg = {r: 255, g: 255, b: 255, a: 1};
  for (const layer of layers.reverse()) bg = over(layer, bg);
  const style = getComputedStyle(el);
  const fg = over(parse(style.color), bg);
  const lum = (c) => {
    const ch = [c.r, c.g, c.b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  const size = parseFloat(style.fontSize), weight = parseInt(style.fontWeight, 10);
  const large = size >= 24 || (size >= 18.66 && weight >= 700);
  return {ratio: (hi + 0.05) / (lo + 0.05), needed: large ? 3 : 4.5,
          color: style.color, background: `rgb(${bg.r}, ${bg.g}, ${bg.b})`};
}
"""


@cache
def axe_source() -> str:
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} missing: run `npm ci` (axe-core is a devDependency)")
    return AXE.read_text(encoding="utf-8")


def run_axe(page: Any) -> dict[str, Any]:
    """axe.run over the whole document with the WCAG 2.0/2.1 A and AA rules.

    The script is evaluated through the DevTools protocol, which the page's CSP does not
    govern, so the site keeps the CSP it has in production.
    """
    # axe looks at where things are (which element is on top of which text): run it on
    # the page as laid out in its own fonts, not while they swap in.
    wait_for_fonts(page)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate("() => {" + axe_source() + "\n}")
    results: dict[str, Any] = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                       resultTypes: ['violations', 'incomplete']})""",
        WCAG_TAGS,
    )
    return results


def problems(page: Any, results: dict[str, Any]) -> list[str]:
    """Violations, and "incomplete" results we cannot settle ourselves, as text."""
    found = []
    for v in results["violations"]:
        for node in v["nodes"]:
            found.append(f"{v['id']} ({v['impact']}) {node['target']}: "
                         + node["failureSummary"].replace("\n", " "))
    for v in results["incomplete"]:
        for node in v["nodes"]:
            checks = node["any"] + node["all"] + node["none"]
            keys = {(c.get("data") or {}).get("messageKey") for c in checks
                    if isinstance(c.get("data"), dict)}
            if v["id"] == "color-contrast" and keys and keys <= RESOLVABLE_CONTRAST:
                measured = page.evaluate(CONTRAST_JS, node["target"][0])
                if measured["ratio"] >= measured["needed"]:
                    continue
                found.append(f"color-contrast {node['target']}: {measured}")
                continue
            found.append(f"{v['id']} needs review {node['target']}: "
                         + "; ".join(c["message"] for c in checks))
    return found


def rules_that_ran(results: dict[str, Any]) -> set[str]:
    return {r["id"] for kind in ("passes", "violations", "incomplete") for r in results[kind]}
