"""Dates in every language with calendar words: calendars, partial dates, weekdays, bad dates."""

import datetime as dt

import pytest

from accord.press.dates import DateContext, available_languages, calendar_words, document_years, reader

THURSDAY = DateContext(published=dt.date(2025, 1, 16))
NO_CONTEXT = DateContext()


def dates(lang: str, text: str, context: DateContext = NO_CONTEXT) -> list[tuple[str, str | None]]:
    return [(text[d.start:d.end], d.value) for d in reader(lang).find(text, context)]


@pytest.mark.parametrize(("text", "value"), [
    ("امضا در ۲۸ دی ۱۴۰۳ انجام شد", "2025-01-17"),
    ("در روز ۳۱ اردیبهشت ۱۴۰۴ تصویب شد", "2025-05-21"),
    ("از ۱۰ مهر ۱۴۰۴ اجرایی شد", "2025-10-02"),
    ("28 دی\u200cماه 1403 در کرملین", "2025-01-17"),  # month word and Western digits
    ("۲۸ دي ۱۴۰۳", "2025-01-17"),  # Arabic yeh in a Persian month name
    ("۲۸ جدی ۱۴۰۳", "2025-01-17"),  # the Afghan name of Dey
    ("پنجشنبه ۱۴۰۳/۱۰/۲۷", "2025-01-16"),  # year-first numeric Solar Hijri
    ("هفدهم ژانویه ۲۰۲۵", "2025-01-17"),  # an ordinal day and a Gregorian month
])
def test_persian_dates_in_the_solar_hijri_and_gregorian_calendars(text, value):
    assert [v for _, v in dates("fa", text) if v and len(v) == 10] == [value]


@pytest.mark.parametrize("text", ["۳۱ مهر ۱۴۰۴", "۳۲ دی ۱۴۰۳", "۳۰ اسفند ۱۴۰۴", "1403/13/01", "۰ دی ۱۴۰۳"])
def test_an_impossible_solar_hijri_date_gives_no_date(text):
    assert [v for _, v in dates("fa", text) if v] == []


def test_the_last_day_of_esfand_exists_in_a_leap_year_only():
    assert dates("fa", "۳۰ اسفند ۱۴۰۳") == [("۳۰ اسفند ۱۴۰۳", "2025-03-20")]
    assert dates("fa", "۳۰ اسفند ۱۴۰۲") == [("۳۰ اسفند ۱۴۰۲", None)]


@pytest.mark.parametrize(("text", "value"), [
    ("وقعا المعاهدة في 17 يناير 2025", "2025-01-17"),  # Egyptian / Gulf names
    ("وقعا المعاهدة في 17 كانون الثاني 2025", "2025-01-17"),  # Levantine names
    ("في 21 أبريل/ نيسان 2025", "2025-04-21"),  # both, as the press writes them
    ("صادق عليها في 16 ابريل 2025", "2025-04-16"),
    ("الخميس ٠٢ أكتوبر ٢٠٢٥", "2025-10-02"),  # Arabic-Indic digits
    ("الجمعة 17 رجب 1446 هـ", "2025-01-17"),  # Hijri (Umm al-Qura)
    ("في 8 جوان 2025", "2025-06-08"),  # Maghrebi names
])
def test_arabic_month_names_of_every_set(text, value):
    assert [v for _, v in dates("ar", text)] == [value]


def test_a_month_alone_gives_year_and_month():
    april = DateContext(published=dt.date(2025, 4, 21))
    assert dates("ar", "في منتصف يناير/كانون الثاني الماضي", april) == [("منتصف يناير/كانون الثاني الماضي", "2025-01")]
    assert dates("en", "The treaty was signed last January.", april) == [("last January", "2025-01")]
    assert dates("ru", "Договор подписан в январе.", april) == [("в январе", "2025-01")]
    assert dates("fa", "مهرماه 1404 لازم\u200cالاجرا شد") == [("مهرماه 1404", "2025-10")]
    # a month said in November is this year's, not next year's, unless it is about to begin
    november = DateContext(published=dt.date(2025, 11, 21))
    assert dates("ru", "В январе текущего года", november) == [("В январе текущего года", "2025-01")]
    assert dates("en", "in January", november) == [("in January", "2025-01")]
    assert dates("en", "in December", november) == [("in December", "2025-12")]
    # a month name alone, without a cue, is a word: May, مهر (kindness), دی
    assert dates("en", "Iran may sign it.", november) == []
    assert dates("fa", "با مهر و محبت", november) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Putin is expected to put his name to the pact in Moscow on Friday."),
    ("fr", "Les deux présidents signeront le traité vendredi au Kremlin."),
    ("ru", "Путин и Пезешкиан подпишут документ в Кремле в пятницу."),
    ("fa", "انتظار می\u200cرود روز جمعه پوتین و پزشکیان در مسکو امضا کنند."),
    ("ar", "ووقع الرئيسان الجمعة على المعاهدة."),
    ("de", "Putin und Peseschkian unterzeichnen am Freitag den Vertrag."),
    ("es", "Putin y Pezeshkian firmarán el viernes el tratado."),
    ("pt", "Putin e Pezeshkian assinam na sexta-feira o tratado."),
])
def test_a_weekday_alone_is_resolved_against_the_publication_date(lang, text):
    assert [v for _, v in dates(lang, text, THURSDAY)] == ["2025-01-17"]
    assert [v for _, v in dates(lang, text, NO_CONTEXT)] == [None]  # no publication date: no guess


def test_a_weekday_is_the_nearest_one_unless_last_or_next_says_otherwise():
    saturday = DateContext(published=dt.date(2025, 1, 18))
    assert dates("en", "signed on Friday", saturday) == [("on Friday", "2025-01-17")]
    assert dates("en", "signed on Friday", DateContext(published=dt.date(2025, 1, 17))) == [("on Friday", "2025-01-17")]
    assert dates("en", "will sign next Friday", DateContext(published=dt.date(2025, 1, 17))) == [("next Friday", "2025-01-24")]
    assert dates("en", "signed last Monday", saturday) == [("last Monday", "2025-01-13")]
    assert dates("en", "Friday prayers", saturday) == []  # English needs a cue before a bare weekday


def test_a_day_without_a_year_takes_it_from_the_context():
    assert dates("en", "signed on January 17", NO_CONTEXT) == [("January 17", "--01-17")]
    assert dates("en", "signed on January 17", DateContext(published=dt.date(2025, 10, 2))) == [("January 17", "2025-01-17")]
    assert dates("en", "signed on December 28", THURSDAY) == [("December 28", "2024-12-28")]
    # "Wednesday 31 Ordibehesht": the year in which that day is a Wednesday (1404, not 1403)
    mentioned = DateContext(years=(("solar_hijri", 1403),))
    assert dates("fa", "روز چهارشنبه 31 اردیبهشت در مجلس", mentioned) == [("چهارشنبه 31 اردیبهشت", "2025-05-21")]
    assert dates("fa", "31 اردیبهشت در مجلس", mentioned) == [("31 اردیبهشت", "2024-05-20")]
    assert dates("fa", "31 اردیبهشت در مجلس", NO_CONTEXT) == [("31 اردیبهشت", None)]


def test_a_year_alone_after_a_cue():
    assert dates("fa", "پیشتر در سال ۲۰۰۱ به امضا رسیده بود") == [("سال ۲۰۰۱", "2001")]
    assert dates("ar", "المعاهدة الموقعة عام 2001") == [("عام 2001", "2001")]
    assert dates("ru", "договор, подписанный в 2001 году") == [("в 2001 году", "2001")]


def test_document_years_per_calendar():
    text = "توافقنامه روز ۲۸ دی ۱۴۰۳ به امضا رسید و جایگزین پیمان سال ۲۰۰۱ و سند ۲۰۲۰ شد"
    assert document_years(text, "fa", today=dt.date(2026, 1, 1)) == (("gregorian", 2020), ("solar_hijri", 1403))


def test_every_pack_with_calendar_words_loads_and_reads_an_iso_date():
    assert {"en", "ru", "de", "fr", "es", "pt", "ar", "fa"} <= set(available_languages())
    for lang in available_languages():
        words = calendar_words(lang)
        assert len({number for _, number in words.months.values()}) == 12, lang
        assert [v for _, v in dates(lang, "2025-01-17")] == ["2025-01-17"], lang


def test_a_bare_yaml_boolean_in_calendar_words_is_named(tmp_path, monkeypatch):
    from accord.press import dates as module

    with pytest.raises(ValueError, match="put it in quotes"):
        module._fold("pt", False)
