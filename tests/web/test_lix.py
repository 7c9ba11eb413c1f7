"""Plain Danish, measured: every page type meets its LIX target (the `make lix` table)."""

from __future__ import annotations

from tools import lix


def test_every_danish_page_meets_its_lix_target():
    over = []
    measured = 0
    for page in lix.pages("da"):
        score = lix.measure(page.html)
        target = lix.QUESTION_TARGET if page.kind == "question" else lix.PAGE_TARGET
        measured += 1
        if score.lix >= target:
            worst = max(score.blocks, key=lix.block_lix)
            over.append(f"{page.name} ({page.url}): LIX {score.lix:.1f} >= {target:.0f}; "
                        f"hardest: {worst[:100]!r}")
    assert measured > 80
    assert not over, "\n".join(over)
