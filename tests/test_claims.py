"""Claim extraction and verdicts: the issue's examples, negation, reported speech, comparators, offsets."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.knowledge.catalog import default_catalog
from accord.press.claims import extract_claims
from accord.press.verify import UnsupportedLanguage, check_text
from judging_context import CATALOG, TODAY


def _claims(text: str, lang: str):
    return {(c.claim.treaty, c.claim.type.value, c.claim.value) for c in extract_claims(text, lang, default_year=2025)}


def _checked(text: str, lang: str | None = None):
    return {(r.extracted.claim.treaty, r.extracted.claim.type.value, r.extracted.claim.value): r.judgement for r in check_text(text, lang, catalog=CATALOG, today=TODAY)[1]}


def test_obliged_to_defend_is_contradicted_by_article_3():
    got = _checked("Russia is now obliged to defend Iran militarily.")
    j = got[("rus-irn-2025", "mutual_defense", True)]
    assert j.verdict.value == "contradicted" and "Art. 3" in j.citation and j.sources


def test_russian_term_and_renewal_are_supported():
    got = _checked("Договор заключен сроком на 20 лет с автоматическим продлением")
    assert got[("rus-irn-2025", "duration_years", 20)].verdict.value == "supported"
    renewal = [j for (t, k, v), j in got.items() if k == "renewal"]
    assert renewal and renewal[0].verdict.value == "supported"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("It does not constitute a mutual defense pact but rather a flexible framework.", "en"),
        ("Rudenko said the treaty contains no military commitments from either side.", "en"),
        ("The agreement stops short of a mutual defence clause.", "en"),
        ("Critics dismissed it as an agreement devoid of any mutual defence relationship.", "en"),
        ("Договор не предусматривает создание военного альянса.", "ru"),
        ("Руденко заявил, что документ не является военным союзом.", "ru"),
    ],
)
def test_negated_and_reported_defence_claims_are_false_and_supported(text, lang):
    got = _checked(text, lang)
    assert ("rus-irn-2025", "mutual_defense", False) in got
    assert got[("rus-irn-2025", "mutual_defense", False)].verdict.value == "supported"
    assert ("rus-irn-2025", "mutual_defense", True) not in got


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Moscow and Tehran have signed a defence pact.", "en"),
        ("The treaty obliges Russia to send troops if Iran is invaded.", "en"),
        ("Договор обязывает Россию защищать Иран в случае агрессии.", "ru"),
    ],
)
def test_positive_defence_claims_about_the_flagship_are_contradicted(text, lang):
    got = _checked(text, lang)
    assert got[("rus-irn-2025", "mutual_defense", True)].verdict.value == "contradicted"


def test_comparator_named_in_the_sentence_gets_the_claim():
    got = _checked("Under Article 4 of the North Korea treaty Russia must help Pyongyang if attacked.")
    j = got[("rus-prk-2024", "mutual_defense", True)]
    assert j.verdict.value == "supported" and "Art. 4" in j.citation
    contrast = _claims("Unlike the pact with North Korea, the new treaty does not include a mutual defense clause.", "en")
    assert ("rus-irn-2025", "mutual_defense", False) in contrast and ("rus-prk-2024", "mutual_defense", True) in contrast


def test_life_cycle_claims():
    got = _checked("The treaty, signed in Moscow on January 17, 2025 by Vladimir Putin and Masoud Pezeshkian, entered into force on October 2, 2025.")
    assert got[("rus-irn-2025", "signed_on", "2025-01-17")].verdict.value == "supported"
    assert got[("rus-irn-2025", "signed_at", "Moscow")].verdict.value == "supported"
    assert got[("rus-irn-2025", "in_force", "2025-10-02")].verdict.value == "supported"
    wrong = _checked("The treaty was signed in St Petersburg on 18 January 2025 and has 50 articles.")
    assert wrong[("rus-irn-2025", "signed_at", "Saint Petersburg")].verdict.value == "contradicted"
    assert wrong[("rus-irn-2025", "signed_on", "2025-01-18")].verdict.value == "contradicted"
    assert wrong[("rus-irn-2025", "article_count", 50)].verdict.value == "contradicted"


def test_unknown_fact_is_unverifiable_not_supported():
    got = _checked("The parties also agreed to cooperate in outer space exploration.")
    assert got[("rus-irn-2025", "covers_domain", "space")].verdict.value == "unverifiable"


def test_offsets_point_into_the_text():
    text = "Analysts note that, while not an explicit mutual defense pact, the treaty bars help to the aggressor."
    for c in extract_claims(text, "en"):
        assert text[c.start:c.end] == c.quote and c.quote


def test_languages_without_a_pack_are_not_guessed():
    italian = "Il trattato ha 47 articoli e vale vent'anni, ha detto il ministero degli Esteri a Roma."
    assert extract_claims(italian, "it") == []
    with pytest.raises(UnsupportedLanguage):
        check_text(italian, catalog=CATALOG)


def test_check_cli_json_and_errors():
    runner = CliRunner()
    out = runner.invoke(app, ["check", "The treaty consists of 47 articles.", "--json"])
    assert out.exit_code == 0
    rows = json.loads(out.stdout)
    assert rows[0]["type"] == "article_count" and rows[0]["verdict"] == "supported"
    assert set(rows[0]) >= {"treaty", "type", "value", "quote", "start", "end", "verdict", "citation", "reason", "sources"}
    assert runner.invoke(app, ["check", "   "]).exit_code == 2


@pytest.mark.parametrize("sentence, value, verdict", [
    ("Under the treaty, Moscow is bound to come to Tehran's defence.", True, "contradicted"),
    ("The treaty requires Moscow to help Tehran militarily.", True, "contradicted"),
    ("Russia would have to defend Iran militarily under the new treaty.", True, "contradicted"),
    ("The treaty does not require Moscow to help Tehran militarily.", False, "supported"),
])
def test_obligation_wordings_of_mutual_defence_are_judged_against_article_3(sentence, value, verdict):
    lang, results = check_text(sentence, catalog=CATALOG, today=TODAY)
    assert lang == "en"
    found = [r for r in results if r.extracted.claim.type.value == "mutual_defense"]
    assert [(r.extracted.claim.value, r.judgement.verdict.value) for r in found] == [(value, verdict)]
    assert "Art. 3" in found[0].judgement.citation
    assert len(found[0].judgement.sources) == len(set(found[0].judgement.sources))


@pytest.mark.parametrize("sentence", ["Iran must defend itself.", "Russia has helped Iran militarily for years."])
def test_short_english_sentences_are_read_as_english_and_make_no_defence_claim(sentence):
    lang, results = check_text(sentence, catalog=CATALOG, today=TODAY)
    assert lang == "en"
    assert not [r for r in results if r.extracted.claim.type.value == "mutual_defense"]


@pytest.mark.parametrize("sentence", [
    "A French news website mocked the treaty and even called for a defence pact between the two nations.",
    "Hardliners in Tehran want a military alliance with Moscow.",
    "Эксперты призвали заключить военный союз между Россией и Ираном.",
])
def test_a_wish_or_proposal_of_a_defence_pact_is_not_a_claim_about_the_treaty(sentence):
    _, results = check_text(sentence, catalog=CATALOG, today=TODAY)
    assert not [r for r in results if r.extracted.claim.type.value == "mutual_defense"]


@pytest.mark.parametrize("sentence", ["The treaty is a defence pact.", "Договор обязывает Россию защищать Иран."])
def test_a_plain_assertion_of_a_defence_pact_is_still_contradicted(sentence):
    _, results = check_text(sentence, catalog=CATALOG, today=TODAY)
    found = [r for r in results if r.extracted.claim.type.value == "mutual_defense"]
    assert [(r.extracted.claim.value, r.judgement.verdict.value) for r in found] == [(True, "contradicted")]


@pytest.mark.parametrize("sentence, value, verdict", [
    ("The treaty was signed in Moscow on January 17.", "--01-17", "supported"),
    ("The treaty was signed on January 20.", "--01-20", "contradicted"),
    ("Договор был подписан 17 января в Москве.", "--01-17", "supported"),
])
def test_a_date_without_a_year_is_judged_on_month_and_day_not_given_this_year(sentence, value, verdict):
    _, results = check_text(sentence, catalog=CATALOG, today=TODAY)
    found = [(r.extracted.claim.value, r.judgement.verdict.value) for r in results if r.extracted.claim.type.value == "signed_on"]
    assert found == [(value, verdict)]


def test_a_signing_date_is_not_given_to_a_later_ratification():
    _, results = check_text("The treaty was initially signed in Moscow on January 17 and ratified later.", catalog=CATALOG, today=TODAY)
    ratified = [r.extracted.claim.value for r in results if r.extracted.claim.type.value == "ratified_by"]
    assert ratified and all("01-17" not in str(v) for v in ratified)


def test_a_quotation_introduced_in_the_previous_paragraph_belongs_to_the_treaty_it_names():
    from accord.press.claims import extract_document

    intro = "Article 4 of the treaty between Russia and the DPRK states:"
    quote = "If one of the Parties is subjected to an armed attack, the other Party will immediately provide military and other assistance."
    for separator, expected in ((":", "rus-prk-2024"), (".", "rus-irn-2025")):
        text = intro[:-1] + separator + "\n\n" + quote
        spans = [(0, len(intro), "en"), (len(intro) + 2, len(text), "en")]
        claims, _ = extract_document(text, spans, default_year=2025)
        defence = [c.claim.treaty for c in claims if c.claim.type.value == "mutual_defense"]
        assert defence == [expected], separator


def test_a_place_in_the_possessive_is_not_where_the_treaty_was_signed():
    sentence = "The deal was signed by Presidents Vladimir Putin and Masoud Pezeshkian, with votes in Moscow’s parliament still needed."
    _, results = check_text(sentence, catalog=CATALOG, today=TODAY)
    assert "signed_at" not in {r.extracted.claim.type.value for r in results}
    _, results = check_text("The deal was signed by the two presidents in Moscow.", catalog=CATALOG, today=TODAY)
    assert [r.extracted.claim.value for r in results if r.extracted.claim.type.value == "signed_at"] == ["Moscow"]


def test_items_of_a_list_introduced_as_fields_of_cooperation_are_domains_and_the_list_ends_with_it():
    text = ("The agreement details cooperation in these sectors:\n- Banking\n- Transport\n"
            "- Combating international terrorism\nTransport strikes hit Moscow on Monday.")
    claims = extract_claims(text, "en", default_year=2025)
    domains = [(c.claim.value, c.quote) for c in claims if c.claim.type.value == "covers_domain"]
    assert [d for d, _ in domains] == ["finance", "transport", "counter-terrorism"]
    assert all(text.index(q) < text.index("Transport strikes") for _, q in domains)
    plain = extract_claims("- Banking\n- Transport", "en", default_year=2025)
    assert not [c for c in plain if c.claim.type.value == "covers_domain"], "a list nobody introduced says nothing"


@pytest.mark.parametrize("text, lang", [
    ("Дата подписания | 17 января 2025 года |\nПодписали |\nВладимир Путин Масуд Пезешкиан |\nСтороны |", "ru"),
    ("Signed by:\nVladimir Putin, Masoud Pezeshkian", "en"),
])
def test_the_names_under_an_infobox_label_signed_by_are_signatories(text, lang):
    names = {c.claim.value for c in extract_claims(text, lang, default_year=2025) if c.claim.type.value == "signatory"}
    assert names == {"Vladimir Putin", "Masoud Pezeshkian"}


def test_a_short_sentence_about_signing_is_not_a_label_for_the_next_one():
    claims = extract_claims("The treaty was signed.\nPutin called it a breakthrough.", "en", default_year=2025)
    assert not [c for c in claims if c.claim.type.value == "signatory"]


def test_a_year_used_as_a_name_does_not_date_the_document():
    import datetime as dt

    from accord.press.dates import document_years

    background = "It builds on the 1921 Iran-Soviet Treaty, the 2001 Treaty and a 2020 joint declaration."
    assert document_years(background, "en", today=dt.date(2026, 1, 1)) == ()
    assert document_years(background + " It entered into force in October 2025.", "en", today=dt.date(2026, 1, 1)) == (("gregorian", 2025),)
    claims = extract_claims(background + " The treaty was signed on January 17.", "en")
    assert [c.claim.value for c in claims if c.claim.type.value == "signed_on"] == ["--01-17"]


def test_a_weekday_or_a_month_alone_dates_a_signing_against_the_publication_date():
    import datetime as dt

    def signed_on(text: str, lang: str, published: dt.date) -> list:
        return [c.claim.value for c in extract_claims(text, lang, published=published) if c.claim.type.value == "signed_on"]

    thursday = dt.date(2025, 1, 16)
    assert signed_on("Pezeshkian and Putin will sign the pact in Moscow on Friday.", "en", thursday) == ["2025-01-17"]
    assert signed_on("Путин и Пезешкиан подписали документ в Кремле в пятницу.", "ru", dt.date(2025, 1, 18)) == ["2025-01-17"]
    assert signed_on("The treaty was signed last January.", "en", dt.date(2025, 10, 2)) == ["2025-01"]
    # the day a statement was made is not the signing's
    assert signed_on("The pact they are set to sign has no defence clause, the envoy was quoted as saying on Thursday.", "en", thursday) == []
