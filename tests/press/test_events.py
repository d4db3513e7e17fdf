"""Implementation events from press text: types, provisions, status, dates, and bad input."""

from __future__ import annotations

import datetime as dt

from accord.knowledge.catalog import default_catalog
from accord.knowledge.implementation_links import implementation_links
from accord.press.events import event_languages, event_pack, extract_events
from accord.press.events.dates import EventDates
from accord.press.clean import split_paragraphs
from accord.press.events.packs import LANG_ROOT, load_pack_file

PUBLISHED = dt.date(2025, 7, 21)  # a Monday
CATALOG = default_catalog()


def events(text: str, lang: str = "en", published: dt.date | None = PUBLISHED):
    return extract_events(text, [(a, b, lang) for a, b in split_paragraphs(text)], published, catalog=CATALOG)


def test_every_pack_compiles_and_every_type_reaches_a_provision():
    links = implementation_links("rus-irn-2025")
    assert {"en", "ru", "fa", "ar"} <= set(event_languages())
    for lang in event_languages():
        pack = load_pack_file(LANG_ROOT / lang / "events.yaml")
        for event_type, _ in pack.types:
            assert links.provision_for(event_type, frozenset()) is not None, (lang, event_type)


def test_an_exercise_on_a_weekday_is_dated_from_the_publication_date():
    text = "Iran and Russia conducted a joint naval exercise on Saturday in the Caspian Sea."
    [event] = events(text)
    assert (event.type, event.provision, event.status) == ("exercise", "joint_exercises", "done")
    assert event.date == "2025-07-19"  # the Saturday before a Monday paper
    assert event.quote == text[event.start:event.end]


def test_a_drill_announced_for_tomorrow_is_announced_and_dated_the_next_day():
    [event] = events("Иран и Россия завтра начнут совместные военно-морские учения на Каспии.", "ru")
    assert (event.type, event.status, event.date) == ("exercise", "announced", "2025-07-22")


def test_persian_and_arabic_reports_are_read_in_their_own_words():
    [fa] = events("فردا چهارشنبه ۱۷ دسامبر در مسکو، سرگئی لاوروف وزیر امور خارجه روسیه با عباس عراقچی همتای ایرانی خود دیدار و گفتگو خواهد کرد.",
                  "fa", dt.date(2025, 12, 16))
    assert (fa.type, fa.provision, fa.status, fa.date) == ("consultation", "1", "announced", "2025-12-17")
    [ar] = events("أعلنت إيران وروسيا، اليوم الجمعة، أنهما وقعتا اتفاقا لبناء أربع محطات نووية في جنوب إيران.", "ar", dt.date(2025, 9, 26))
    assert (ar.type, ar.provision, ar.status, ar.date) == ("nuclear_deal", "nuclear_energy", "done", "2025-09-26")


def test_a_report_of_no_help_in_the_war_is_non_assistance_not_done():
    [event] = events("During the war with Israel, Russia offered no military help to Tehran.", published=dt.date(2025, 7, 3))
    assert (event.provision, event.type, event.status) == ("3(3)", "non_assistance_in_conflict", "not_done")
    assert event.date == "2025-06"  # the last war examined under Art. 3(3) that had begun by publication


def test_events_before_the_signature_and_the_signature_itself_are_background():
    text = ("Russia and Iran signed an agreement on the Rasht–Astara railway in May 2023. "
            "Putin and Pezeshkian signed the Comprehensive Strategic Partnership Treaty on January 17, 2025.")
    assert events(text) == []


def test_what_the_treaty_provides_is_a_claim_not_an_event():
    assert events("The agreement with Iran does not provide for military assistance to Tehran if Russia is attacked.") == []


def test_a_text_that_does_not_name_both_parties_yields_nothing():
    assert events("China and Pakistan held a joint naval exercise on Monday.") == []


def test_an_impossible_date_gives_no_date_and_says_why():
    [event] = events("Russia and Iran held a joint naval exercise on 31 February in the Caspian Sea.")
    assert event.date is None and "impossible date" in event.date_note


def test_a_relative_date_without_a_publication_date_is_not_guessed():
    [event] = events("Russia and Iran held a joint naval exercise on Monday in the Caspian Sea.", published=None)
    assert event.date is None
    assert "no publication date" in event.date_note


def test_an_undated_report_of_something_done_takes_the_month_of_publication_only_when_there_is_one():
    text = "Russian contractors have acquired land in Iran for the Rasht–Astara railway."
    [dated] = events(text)
    assert (dated.type, dated.date, dated.date_how) == ("corridor_work", "2025-07", "publication")
    [undated] = events(text, published=None)
    assert undated.date is None


def test_repeated_mentions_in_one_text_are_one_event_quoted_in_the_body():
    text = ("Iran, Russia hold joint naval drill\n"
            "Iran and Russia began a joint naval exercise in the Caspian Sea on Monday. "
            "The joint naval exercise will last three days.")
    found = events(text)
    assert len(found) == 1
    assert found[0].start > text.index("\n") and found[0].date == "2025-07-21"


def test_planned_and_done_reports_stay_apart():
    text = ("Russian contractors have acquired land in Iran for the Rasht–Astara railway. "
            "Construction of the Rasht–Astara railway is expected to start in early 2026.")
    found = events(text)
    assert [(e.type, e.status, e.date) for e in found] == [("corridor_work", "done", "2025-07"), ("corridor_work", "planned", None)]


def test_event_dates_pick_the_date_nearest_the_cue_and_skip_recalled_history():
    dates = EventDates("en", {})
    sentence = "Under the treaty signed on January 17, 2025, the two navies held drills on 19 February 2026."
    signed = dt.date(2025, 1, 17)
    assert dates.read(sentence, sentence.index("drills"), None, ahead=False, background=signed).value == "2026-02-19"
    assert dates.read("The deal was signed in December.", 0, dt.date(2026, 2, 22), ahead=False).value == "2025-12"
    assert dates.read("on February 30, 2026", 0, None, ahead=False).value is None


def test_a_language_without_calendar_words_reads_its_own_month_forms():
    dates = EventDates("ja", {"patterns": [r"(?:(?P<year>20\d\d)年)?(?P<mon>\d{1,2})月(?P<day>\d{1,2})日"]})
    assert dates.read("2月14日から寄港", 0, dt.date(2026, 2, 18), ahead=False).value == "2026-02-14"
    assert dates.read("2月31日", 0, dt.date(2026, 2, 18), ahead=False).value is None


def test_an_unknown_language_has_no_pack():
    assert event_pack("xx") is None and event_pack("../en") is None


def test_japanese_sentences_end_at_their_full_stop_without_a_space():
    from accord.press.claims.text import sentences

    text = "ロシアとイランは協議した。ロシア海軍はイラン海軍とともにオマーン湾で演習を実施した。"
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == ["ロシアとイランは協議した。", "ロシア海軍はイラン海軍とともにオマーン湾で演習を実施した。"]
    found = events(text, "ja", dt.date(2026, 2, 18))
    assert [e.quote for e in found if e.type == "exercise"] == [text[spans[1][0]:spans[1][1]]]


def test_the_signature_that_makes_an_action_background_is_the_given_catalogs():
    import dataclasses

    text = "Iran and Russia held a joint naval exercise in the Caspian Sea on 21 July 2025."
    assert [e.date for e in events(text)] == ["2025-07-21"]
    treaty = CATALOG.treaty("rus-irn-2025")
    later = treaty.model_copy(update={"signature": treaty.signature.model_copy(update={"date": dt.date(2025, 8, 1)})})
    catalog = dataclasses.replace(CATALOG, treaties={**CATALOG.treaties, "rus-irn-2025": later})
    found = extract_events(text, [(a, b, "en") for a, b in split_paragraphs(text)], PUBLISHED, catalog=catalog)
    assert found == []  # before that catalog's signature: background


def test_a_year_alone_or_this_year_gives_no_date_since_the_month_is_not_known():
    [planned] = events("Russia proposed holding a joint naval exercise with Iran in the Caspian Sea in 2026.")
    assert (planned.status, planned.date, planned.date_how) == ("planned", None, "vague")
    [ongoing] = events("Rosatom said construction of the nuclear power plant units in Iran, begun in 2019, is continuing.")
    assert (ongoing.provision, ongoing.date, ongoing.date_how) == ("nuclear_energy", None, "vague")
    [ru] = events("Россия и Иран в этом году провели совместные военно-морские учения на Каспии.", "ru")
    assert ru.date is None and ru.date_how == "vague"


def test_last_week_is_the_month_of_the_week_before_publication():
    [event] = events("Iran and Russia held a joint naval exercise in the Caspian Sea last week.", published=dt.date(2026, 3, 2))
    assert (event.date, event.date_how) == ("2026-02", "period")
    [fa] = events("هفته گذشته ایران و روسیه رزمایش دریایی مشترک در دریای خزر برگزار کردند.", "fa", dt.date(2026, 3, 20))
    assert fa.date == "2026-03"


def test_a_plan_with_no_time_of_its_own_is_dated_when_it_was_stated():
    [event] = events("Russia and Iran plan to hold a joint naval exercise in the Caspian Sea.", published=dt.date(2025, 10, 8))
    assert (event.status, event.date, event.date_how) == ("planned", "2025-10", "publication")
    [undated] = events("Russia and Iran plan to hold a joint naval exercise in the Caspian Sea.", published=None)
    assert undated.date is None


def test_no_help_reported_during_a_war_is_dated_by_the_days_of_it_so_far():
    text = "Russia has given Iran no military help."
    assert [e.date for e in events(text, published=dt.date(2026, 3, 8))] == ["2026-03"]  # war since 28 February
    assert [e.date for e in events(text, published=dt.date(2026, 2, 28))] == ["2026-02"]
    assert [e.date for e in events(text, published=dt.date(2026, 5, 1))] == ["2026-03"]  # after it: its month
    assert [e.date for e in events(text, published=dt.date(2025, 5, 1))] == ["2025-05"]  # no war yet: the report's month


def test_a_war_named_in_the_report_dates_the_non_assistance_with_or_without_a_publication_date():
    cases = [("During Iran's 12-day war with Israel, neither Russia nor China offered tangible support to Tehran.", "en"),
             ("Во время двенадцатидневной войны Россия не оказала Ирану военной помощи.", "ru"),
             ("روسیه در جنگ ۱۲ روزه به ایران کمک نظامی نکرد.", "fa")]
    for text, lang in cases:
        for published in (None, dt.date(2026, 3, 8)):  # named: not the war going on when the report was written
            found = [e for e in events(text, lang, published) if e.type == "non_assistance_in_conflict"]
            assert [e.date for e in found] == ["2025-06"], (text, published)


def test_an_impossible_date_is_not_replaced_by_a_war_or_the_publication_month():
    [event] = events("On 31 February Russia offered no military help to Iran.", published=dt.date(2026, 3, 8))
    assert event.type == "non_assistance_in_conflict" and event.date is None and "impossible date" in event.date_note


def test_a_mention_that_says_when_dates_an_earlier_one_that_only_says_this_week_but_a_year_alone_stays():
    text = ("Iran and Russia held a joint naval exercise in the Caspian Sea this week. "
            "The joint naval exercise began on 21 July 2025 near Rasht.")
    [event] = events(text, published=dt.date(2025, 7, 23))
    assert (event.date, event.date_how, event.start) == ("2025-07-21", "explicit", 0)
    text = ("Russia proposed holding a joint naval exercise with Iran in the Caspian Sea in 2026. "
            "Russia proposed the joint naval exercise to Iran at a meeting today.")
    [planned] = events(text, published=dt.date(2025, 10, 8))
    assert (planned.status, planned.date, planned.date_how) == ("planned", None, "vague")
