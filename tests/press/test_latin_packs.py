"""German, French, Spanish and Portuguese claims, from sentences written for these tests (not corpus text)."""

from __future__ import annotations

import pytest

from accord.press.claims import extract_claims


def _claims(text: str, lang: str) -> set[tuple]:
    return {(c.claim.treaty, c.claim.type.value, c.claim.value) for c in extract_claims(text, lang, default_year=2025)}


FLAG = "rus-irn-2025"


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Das Abkommen sieht kein Militärbündnis vor.", (FLAG, "mutual_defense", False)),
    ("de", "Die Staatsduma hat den Vertrag mit Iran am Mittwoch ratifiziert.", (FLAG, "ratified_by", "RUS (State Duma)")),
    ("de", "Putin und Peseschkian unterzeichneten den Vertrag am 17. Januar 2025 im Kreml.", (FLAG, "signed_on", "2025-01-17")),
    ("de", "Putin und Peseschkian unterzeichneten den Vertrag am 17. Januar 2025 im Kreml.", (FLAG, "signed_at", "Moscow")),
    ("de", "Der Vertrag umfasst 47 Artikel und gilt zwanzig Jahre lang.", (FLAG, "duration_years", 20)),
    ("fr", "Le texte ne constitue pas une alliance militaire.", (FLAG, "mutual_defense", False)),
    ("fr", "Le traité a été signé à Moscou le 17 janvier 2025.", (FLAG, "signed_on", "2025-01-17")),
    ("fr", "Aucune des parties n'apportera d'aide à l'agresseur.", (FLAG, "non_assistance_to_aggressor", True)),
    ("fr", "L'accord est renouvelable tacitement par périodes de cinq ans.", (FLAG, "renewal", "auto-5y")),
    ("es", "El acuerdo no contempla una alianza militar entre Moscú y Teherán.", (FLAG, "mutual_defense", False)),
    ("es", "El tratado entró en vigor el 2 de octubre de 2025.", (FLAG, "in_force", "2025-10-02")),
    ("es", "El documento consta de 47 artículos y prevé cooperación en energía y transporte.", (FLAG, "article_count", 47)),
    ("pt", "O tratado não prevê uma aliança militar, ao contrário do pacto com a Coreia do Norte.", ("rus-prk-2024", "mutual_defense", True)),
    ("pt", "O tratado não prevê uma aliança militar, ao contrário do pacto com a Coreia do Norte.", (FLAG, "mutual_defense", False)),
    ("pt", "O acordo foi assinado no Kremlin, em Moscou, por Putin e Pezeshkian.", (FLAG, "signatory", "Masoud Pezeshkian")),
    ("pt", "O acordo foi assinado no Kremlin, em Moscou, por Putin e Pezeshkian.", (FLAG, "signed_at", "Moscow")),
])
def test_a_claim_in_each_language(lang, text, expected):
    assert expected in _claims(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("de", "Kritiker fordern ein Verteidigungsbündnis zwischen Russland und Iran."),
    ("fr", "Certains députés réclament une alliance militaire avec la Russie."),
    ("es", "Algunos analistas piden un pacto de defensa mutua con Rusia."),
    ("pt", "Alguns deputados pedem uma aliança militar com a Rússia."),
])
def test_a_wish_for_a_defence_pact_is_not_a_claim(lang, text):
    assert not any(t == "mutual_defense" for _, t, _ in _claims(text, lang))


def test_an_ordinal_date_does_not_end_the_sentence():
    claims = _claims("Der Vertrag wurde am 17. Januar von Putin und Peseschkian unterzeichnet.", "de")
    assert (FLAG, "signed_on", "2025-01-17") in claims and (FLAG, "signatory", "Vladimir Putin") in claims
