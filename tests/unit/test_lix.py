"""The LIX measure behind `make lix` (tools/lix.py)."""

from __future__ import annotations

import pytest

from tools import lix


def test_formula():
    # 10 words, 2 sentences, 3 words over six letters: 10/2 + 100*3/10 = 35
    text = "Jeg kan lide at træne. Genoptræning hjælper mange ældre borgere."
    assert lix.lix_of_text(text) == pytest.approx(35.0)


def test_abbreviations_and_numbers_do_not_end_sentences_or_count_as_words():
    score = lix.Score()
    score.add("Ring kl. 9.30 den 3. april efter Serviceloven § 86 stk. 1.")
    assert score.sentences == 1
    assert score.words == 7  # Ring kl den april efter Serviceloven stk
    assert score.long_words == 1


def test_blocks_end_sentences():
    html = ("<html><body><header>Træningsguiden kommunerne</header><main><h1>Spørgsmål</h1>"
            "<ul><li>Ja</li><li>Nej</li></ul><span class='sr-only'>Skærmlæsertekst</span>"
            "<p>Kilde: <cite>Kvalitetsstandard for genoptræningstilbud</cite>.</p>"
            "<p translate='no'>Fredericia Sundhedshus</p></main></body></html>")
    assert lix.main_blocks(html) == ["Spørgsmål", "Ja", "Nej", "Kilde: ."]
    score = lix.measure(html)
    assert (score.words, score.sentences, score.long_words) == (4, 4, 1)
    everything = lix.main_blocks(html, cites=True)
    assert "Kilde: Kvalitetsstandard for genoptræningstilbud." in everything
    assert "Fredericia Sundhedshus" in everything


def test_a_hard_text_scores_higher_than_a_plain_one():
    hard = ("Kommunens kvalitetsstandard beskriver serviceniveauet for vedligeholdende "
            "træning efter Serviceloven, herunder visitationskriterier og leverandørforhold.")
    plain = "Kommunen skriver, hvad du kan få. Du kan få hjælp til at træne. Spørg dem."
    assert lix.lix_of_text(hard) > 60 > 40 > lix.lix_of_text(plain)
