"""English and Russian error classes read in general: future-tense signings, the Kremlin as the
place, partial dates, negated obligations worded without "mutual defence", comparisons that
carry a claim about the other treaty, and entry into force in other words.  The sentences are
written for these tests, several wordings per class."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.press.claims import extract_claims

FLAG, PRK = "rus-irn-2025", "rus-prk-2024"
FRIDAY_WEEK = dt.date(2025, 1, 15)  # a Wednesday: "on Friday" is 17 January


def _claims(text: str, lang: str) -> set[tuple]:
    return {(c.claim.treaty, c.claim.type.value, c.claim.value) for c in extract_claims(text, lang, published=FRIDAY_WEEK)}


@pytest.mark.parametrize("lang, text", [
    ("en", "Pezeshkian is set to put his name to the accord in Moscow on Friday."),
    ("en", "Putin and Pezeshkian will sign the treaty in Moscow on Friday."),
    ("en", "Putin and Pezeshkian are due to ink the pact in Moscow on Friday."),
    ("ru", "Путин и Пезешкиан подпишут соглашение в Москве в пятницу."),
])
def test_a_signing_announced_in_the_future_names_date_place_and_signatory(lang, text):
    claims = _claims(text, lang)
    assert {(FLAG, "signed_on", "2025-01-17"), (FLAG, "signed_at", "Moscow"), (FLAG, "signatory", "Masoud Pezeshkian")} <= claims


@pytest.mark.parametrize("lang, text", [
    ("en", "The leaders signed the treaty at a ceremony in the Kremlin."),
    ("en", "The accord was inked at the Kremlin."),
    ("ru", "Документ подписали в Кремле."),
])
def test_the_kremlin_is_moscow(lang, text):
    assert (FLAG, "signed_at", "Moscow") in _claims(text, lang)


@pytest.mark.parametrize("lang, text, value", [
    ("en", "The treaty was inked on Friday.", "2025-01-17"),
    ("en", "The pact was signed in January.", "2025-01"),
    ("ru", "Договор был подписан в январе.", "2025-01"),
])
def test_a_weekday_or_a_month_alone_dates_a_signing(lang, text, value):
    assert (FLAG, "signed_on", value) in _claims(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The pact stops short of committing Moscow to come to Iran's aid if it is attacked."),
    ("en", "Nothing in the text requires either side to fight for the other."),
    ("en", "The agreement contains no clause on military help."),
    ("en", "The deal has no provision for mutual military assistance."),
    ("ru", "Договор не предусматривает военной помощи в случае нападения."),
    ("ru", "Документ не обязывает стороны защищать друг друга."),
])
def test_a_negated_obligation_is_no_mutual_defence(lang, text):
    claims = _claims(text, lang)
    assert (FLAG, "mutual_defense", False) in claims and (FLAG, "mutual_defense", True) not in claims


@pytest.mark.parametrize("lang, text", [
    ("en", "Unlike the treaty with North Korea, which obliges Moscow to defend Pyongyang, the new pact has no such clause."),
    ("en", "Unlike Russia's pact with North Korea, the agreement with Iran is not a military alliance."),
    ("ru", "В отличие от договора с КНДР, новый документ не предусматривает взаимной обороны."),
])
def test_a_comparison_carries_a_claim_about_the_other_treaty(lang, text):
    claims = _claims(text, lang)
    assert (PRK, "mutual_defense", True) in claims and (FLAG, "mutual_defense", True) not in claims


@pytest.mark.parametrize("lang, text, value", [
    ("en", "The treaty took effect on 2 October 2025.", "2025-10-02"),
    ("en", "The agreement became effective on 2 October 2025.", "2025-10-02"),
    ("en", "The pact came into effect on October 2, 2025.", "2025-10-02"),
    ("ru", "Договор начал действовать 2 октября 2025 года.", "2025-10-02"),
    ("ru", "Соглашение вступило в действие 2 октября 2025 года.", "2025-10-02"),
])
def test_entry_into_force_in_other_words(lang, text, value):
    assert (FLAG, "in_force", value) in _claims(text, lang)
