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
