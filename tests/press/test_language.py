"""Language per paragraph and per document on real coverage in several languages."""

from __future__ import annotations

import pytest

from accord.press.clean import clean_text, split_paragraphs
from accord.press.language import GROUPS, SINGLE_LANGUAGE_SCRIPTS, detect_language, detector, document_language, paragraph_languages


def test_seed_000_russian_biography_is_russian_and_the_interview_english(seeds):
    text = clean_text(seeds["seed-000"]["text"]).text
    spans = split_paragraphs(text)
    languages = paragraph_languages(text, spans)
    bio_start = text.index("ОБ АВТОРЕ")
    for (start, end), language in zip(spans, languages):
        paragraph = text[start:end]
        if start >= bio_start:
            assert language == "ru", paragraph
        elif sum(ch.isalpha() for ch in paragraph) > 3:
            assert language == "en", paragraph
    assert document_language(text, spans, languages) == "en"


def test_every_dev_document_gets_its_labelled_language(dev):
    wrong = {}
    for record in dev.values():
        text = clean_text(record["text"]).text
        language = document_language(text)
        if language != record["lang"]:
            wrong[record["id"]] = language
    assert wrong == {}


def test_most_dev_paragraphs_get_the_document_language(dev):
    total = agree = 0
    for record in dev.values():
        text = clean_text(record["text"]).text
        spans = split_paragraphs(text)
        languages = paragraph_languages(text, spans)
        total += len(spans)
        agree += sum(language == record["lang"] for language in languages)
    assert agree / total >= 0.97


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ok", "en"),
        ("OK", "en"),
        ("Conclusion", "en"),
        ("Статус", "ru"),
        ("Договір", "uk"),
        ("Ці сторони підписали договір про партнерство у Москві.", "uk"),
        ("Эти стороны подписали договор о партнёрстве в Москве.", "ru"),
        ("پارلمان ایران معاهده استراتژیک با روسیه را تصویب کرد", "fa"),
        ("صدق الرئيس الروسي على معاهدة الشراكة الاستراتيجية", "ar"),
        ("Ο Ρώσος πρόεδρος υπέγραψε", "el"),
        ("俄罗斯和伊朗签署了条约", "zh"),
        ("Rusya ve İran stratejik ortaklık anlaşması imzaladı", "tr"),
        ("Russland und Iran schließen einen Vertrag über strategische Partnerschaft", "de"),
        ("La Russie et l'Iran ont signé un accord de partenariat stratégique global", "fr"),
        ("Rusia e Irán firmaron un tratado de asociación estratégica integral", "es"),
        ("A Rússia e o Irã assinaram um novo tratado estratégico nesta sexta-feira", "pt"),
        ("La Russia e l'Iran hanno firmato un trattato di partenariato strategico", "it"),
        ("", None),
        ("12345 — 2025", None),
        ("١١/٠٤/٢٠٢٥", None),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_short_snippets_never_leave_the_expected_languages():
    expected = {code for codes in GROUPS.values() for code in codes} | set(SINGLE_LANGUAGE_SCRIPTS.values())
    for snippet in ["ok", "yes", "Ibadan", "oba", "Ndewo", "so", "Tak", "ja", "au", "Photo", "AP", "x"]:
        assert detect_language(snippet) in expected | {None}, snippet


def test_detectors_are_built_once_per_script_group():
    assert detector("latin") is detector("latin")
    assert detector("cyrillic") is not detector("latin")


# Written for these tests, in our own words.
ENGLISH = ("The agreement was signed in Moscow and it covers trade, energy and transport. Officials said that "
           "the two governments would meet again before the end of the year.")
GERMAN = ("Der Vertrag wurde in Moskau unterzeichnet und er regelt auch den Handel mit Energie. Nach Angaben "
          "der Regierung sind weitere Gespräche für den Herbst geplant.")
FRENCH = ("Le texte a été signé à Moscou et il porte sur le commerce, l'énergie et les transports. Selon les "
          "diplomates, les deux pays se retrouveront avant la fin de l'année.")
ITALIAN = ("Il trattato è stato firmato a Mosca e riguarda il commercio, l'energia e i trasporti. Secondo i "
           "diplomatici, i due paesi si incontreranno di nuovo prima della fine dell'anno.")


def test_paragraphs_in_another_language_keep_their_language_among_confirmed_ones():
    paragraphs = [ENGLISH, GERMAN, ENGLISH.replace("Moscow", "Tehran"), FRENCH, ITALIAN, ENGLISH.replace("trade", "arms")]
    text = "\n\n".join(paragraphs)
    assert paragraph_languages(text, split_paragraphs(text)) == ["en", "de", "en", "fr", "it", "en"]


def test_a_paragraph_plainly_in_the_documents_language_does_not_go_to_lingua_again(monkeypatch):
    from accord.press import language

    asked: list[str] = []
    real = language.detector

    class Counting:
        def __init__(self, group):
            self.inner = real(group)

        def detect_language_of(self, text):
            asked.append(text)
            return self.inner.detect_language_of(text)

    monkeypatch.setattr(language, "detector", Counting)
    text = "\n\n".join([ENGLISH, ENGLISH.replace("Moscow", "Tehran"), ENGLISH.replace("trade", "arms"), GERMAN])
    assert paragraph_languages(text, split_paragraphs(text)) == ["en", "en", "en", "de"]
    assert len(asked) == 2  # the first paragraph, and the German one: the others are confirmed by their words


def test_function_words_confirm_only_a_language_already_found_and_only_without_doubt():
    from accord.press.language import _confirmed

    assert _confirmed(ENGLISH, {"en"}) == "en"
    assert _confirmed(ENGLISH, {"de"}) is None  # English was not found in the document: lingua decides
    assert _confirmed(ITALIAN, {"en", "fr", "es", "pt", "de"}) is None  # no pack's words dominate
    assert _confirmed(ENGLISH + " " + GERMAN, {"en", "de"}) is None  # mixed: neither language leads enough
    assert _confirmed("Putin 2025 Moscow Tehran", {"en"}) is None  # names and figures say nothing


def test_no_function_word_is_listed_by_two_packs():
    from accord.press.lang import analysed_languages, pack_file

    owners: dict[str, str] = {}
    for code in analysed_languages():
        for word in pack_file(code).function_words:
            assert owners.setdefault(word.lower(), code) == code, f"{word!r} listed by {owners[word.lower()]} and {code}"
