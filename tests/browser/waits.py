"""Waits for what the browser finishes after the load event a navigation waits for.

* Web fonts: a font is fetched only when text first needs it, and with
  font-display: swap the page is laid out in the fallback font until it arrives,
  which can be after the load event. Anything that measures text (widths, line
  breaks, heights, pages of a PDF) waits for the fonts first.
* CSS transitions: a computed style read just after a state change (focus, say) is
  the transition's first frame, not the style the page ends up with.

Every wait has Playwright's timeout, so a font that never loads or an animation that
never ends fails the test instead of hanging it.
"""

from __future__ import annotations

from typing import Any

# Lay the page out first: that starts the fetch of each web font the text needs
# (document.fonts.status is "loaded" while no fetch has started).
FONTS_LOADED_JS = """() => {
  document.body.getBoundingClientRect();
  return document.fonts.status === 'loaded';
}"""

# No finite animation or transition runs on the focused element (nor on its pseudo
# elements and children), nor on the label that draws a radio button's or checkbox's
# focus ring.
FOCUS_SETTLED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return true;
  const label = (el.type === 'radio' || el.type === 'checkbox')
    ? document.querySelector(`label[for="${el.id}"]`) : null;
  return [el, label].filter(Boolean).every(e => e.getAnimations({subtree: true}).every(
    a => a.playState !== 'running' || a.effect.getComputedTiming().endTime === Infinity));
}"""


def wait_for_fonts(page: Any) -> None:
    """Until the web fonts the page's text uses have loaded (or failed to)."""
    page.wait_for_function(FONTS_LOADED_JS)


def wait_for_focus_to_settle(page: Any) -> None:
    """Until the focused element's transitions (DKFDS's skip link slides in) have ended."""
    page.wait_for_function(FOCUS_SETTLED_JS)
