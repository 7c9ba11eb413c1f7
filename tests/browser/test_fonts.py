"""The two web fonts arrive with the style sheet (preloaded), each is fetched once and
each is used: on a first visit the text is drawn in its own font, without the jump of a
font swapped in later, and a preload that missed (a renamed file, a wrong `crossorigin`)
would show up here as a font fetched twice or a face left unused."""

from __future__ import annotations

from typing import Any

import pytest

from .waits import wait_for_fonts

FACES_JS = """() => [...document.fonts].map(f => `${f.weight} ${f.status}`).sort()"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/om", "/fagperson"])
def test_fonts_are_preloaded_fetched_once_and_used(new_page: Any, path: str) -> None:
    page = new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if ".woff2" in r.url else None)
    page.goto(path)
    wait_for_fonts(page)
    preloaded = page.eval_on_selector_all(
        'link[rel="preload"][as="font"]',
        "links => links.map(l => [l.href, l.type, l.crossOrigin])")
    assert len(preloaded) == 2
    assert all(kind == "font/woff2" and mode == "anonymous" for _, kind, mode in preloaded)
    assert sorted(fetched) == sorted(href for href, _, _ in preloaded)
    assert page.evaluate(FACES_JS) == ["400 loaded", "600 loaded"]
