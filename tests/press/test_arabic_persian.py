"""Arabic and Persian claims: read through the folded script, spans in the original text."""

import pytest

from accord.press.claims import extract_claims
from accord.press.script import fold


def claims(text: str, lang: str) -> set[tuple[str, str, object]]:
    return {(c.claim.treaty, c.claim.type.value, c.claim.value) for c in extract_claims(text, lang, default_year=2025)}


def values(text: str, lang: str, type_: str) -> list:
    return [value for _, t, value in claims(text, lang) if t == type_]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("لا تتضمن المعاهدة أي بند للدفاع المشترك.", "ar", [False]),
    ("المعاهدة ليست تحالفا عسكريا موجها ضد أحد.", "ar", [False]),
    ("يرى بعض المحللين أن المعاهدة تحالف عسكري بين البلدين.", "ar", [True]),
    # Persian negates the verb at the end of the clause
    ("این توافقنامه شامل بند دفاع متقابل نخواهد بود.", "fa", [False]),
    ("در صورت حمله نظامی به یکی از دو کشور، طرف مقابل ملزم به کمک نظامی نیست.", "fa", [False]),
    ("به نوشته این روزنامه، این پیمان یک اتحاد نظامی میان دو کشور است.", "fa", [True]),
])
def test_mutual_defence_and_its_negation(text, lang, expected):
    assert values(text, lang, "mutual_defense") == expected


def test_a_question_about_military_help_is_no_claim():
    text = "او در پاسخ به سوال خبرنگاران در خصوص کمک نظامی روسیه به ایران در صورت حمله آمریکا سخن گفت."
    assert values(text, "fa", "mutual_defense") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("تتألف الاتفاقية من سبعة وأربعين مادة.", "ar"),
    ("وتتكون الاتفاقية من 47 مادة.", "ar"),
    ("وتتكون الاتفاقية من ٤٧ مادة.", "ar"),
    ("این سند یک مقدمه و ۴۷ ماده دارد.", "fa"),
    ("این سند یک مقدمه و ٤٧ ماده دارد.", "fa"),  # Arabic-Indic digits in Persian text
    ("این سند یک مقدمه و چهل و هفت ماده دارد.", "fa"),
])
def test_article_count_in_digits_of_every_script_and_in_words(text, lang):
    assert values(text, lang, "article_count") == [47]


def test_term_and_renewal():
    assert claims("تم إبرام الاتفاقية لمدة 20 عاما مع تمديد تلقائي لفترات مدتها 5 سنوات.", "ar") >= {
        ("rus-irn-2025", "duration_years", 20), ("rus-irn-2025", "renewal", "auto-5y")}
    assert values("این معاهده به مدت ۲۰ سال اعتبار دارد.", "fa", "duration_years") == [20]
    assert values("در ۲۰ سال گذشته روابط دو کشور گسترش یافته است.", "fa", "duration_years") == []


@pytest.mark.parametrize("text", [
    "معاهده روز ۲۸ دی ۱۴۰۳ به امضا رسید و از ۱۰ مهر ۱۴۰۴ رسماً لازم‌الاجرا شد.",
    # the verb comes last: each date belongs to the verb after it, not to the nearest one
    "معاهده که در ۲۸ دی ۱۴۰۳ در مسکو امضا شد، از ۱۰ مهر ۱۴۰۴ رسماً لازم‌الاجرا شده است.",
])
def test_dates_of_the_solar_hijri_calendar_date_the_events(text):
    found = claims(text, "fa")
    assert [v for _, t, v in found if t == "signed_on"] == ["2025-01-17"]
    assert [v for _, t, v in found if t == "in_force"] == ["2025-10-02"]


def test_spans_point_into_the_original_text_through_every_variant_spelling():
    # presentation forms, shadda, tatweel, a right-to-left mark and Persian kaf/yeh in an Arabic sentence
    text = "وقال المسؤول:\u200f إن المعاهدة ﻻ تتضمّن أيّ بند للدفـــاع المشترك مع روسیا."
    found = extract_claims(text, "ar")
    defence = [c for c in found if c.claim.type.value == "mutual_defense"]
    assert [c.claim.value for c in defence] == [False]
    for c in found:
        assert text[c.start:c.end] == c.quote
    assert "للدفـــاع المشترك" in defence[0].quote or fold(defence[0].quote).endswith("دفاع المشترك")
    # the same sentence in plain spelling finds the same claims
    plain = "وقال المسؤول: إن المعاهدة لا تتضمن أي بند للدفاع المشترك مع روسيا."
    assert claims(text, "ar") == claims(plain, "ar")


def test_domains_need_a_scope_and_a_whole_word():
    assert set(values("تشمل المعاهدة التعاون في مجالات الطاقة والثقافة والسياحة.", "ar", "covers_domain")) == {
        "energy", "culture", "tourism"}
    # پزشکیان (the president's name) is not پزشکی (medicine)
    assert values("همکاری دو کشور در حوزه‌های مختلف به گفته پزشکیان گسترش می‌یابد.", "fa", "covers_domain") == []


def test_a_preposition_written_on_a_place_names_the_place_of_signing():
    found = extract_claims("ووقع الرئيسان المعاهدة بموسكو في 17 يناير 2025.", "ar")
    places = [(c.claim.value, c.quote) for c in found if c.claim.type.value == "signed_at"]
    assert places == [("Moscow", "موسكو")]  # the span is the name; the preposition بـ stays outside
    assert values("ولروسيا وإيران مصالح مشتركة في المنطقة.", "ar", "signed_at") == []
