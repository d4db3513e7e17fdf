"""The implementation tracker: merging reports across documents, levels, prohibitions, conflicts."""

from __future__ import annotations

import datetime as dt

from accord.knowledge.implementation_links import implementation_links
from accord.reasoning.implementation import latest_events, level, merge_reports, track

LINKS = implementation_links("rus-irn-2025")


def row(doc, provision, type_, date, status="done", outlet=None, quote="q", start=0, near_dup_of=None):
    return {"doc_id": doc, "treaty": "rus-irn-2025", "provision": provision, "type": type_, "event_date": date,
            "status": status, "actors": ["RUS", "IRN"], "quote": quote, "start": start, "end": start + len(quote),
            "lang": "en", "url": f"https://example.org/{doc}", "outlet": outlet or doc, "published": None,
            "near_dup_of": near_dup_of, "date_note": None}


def test_reports_of_one_event_in_several_documents_merge_and_keep_their_own_quotes():
    texts = {"a": "Drills began on Monday in the Caspian.", "b": "Le esercitazioni navali sono iniziate."}
    rows = [row("a", "joint_exercises", "exercise", "2025-07-21", quote=texts["a"], outlet="AzerNews"),
            row("b", "joint_exercises", "exercise", "2025-07", quote=texts["b"], outlet="Il Fatto")]
    [event] = merge_reports(rows)
    assert event.event_date == "2025-07-21" and event.independent_sources == 2
    for source in event.sources:  # a quote never spans two documents
        assert texts[source.doc_id][source.start:source.end] == source.quote


def test_different_days_planned_and_done_and_undated_reports_stay_apart():
    rows = [row("a", "nuclear_energy", "nuclear_deal", "2025-09-24"), row("b", "nuclear_energy", "nuclear_deal", "2025-09-26"),
            row("c", "nuclear_energy", "nuclear_deal", "2025-09-26", status="planned"),
            row("d", "nuclear_energy", "nuclear_deal", None), row("e", "nuclear_energy", "nuclear_deal", None)]
    assert len(merge_reports(rows)) == 5


def test_a_near_duplicate_or_the_same_outlet_is_not_an_independent_source():
    rows = [row("a", "payments", "payment_link", "2025-05-13", outlet="IRNA"),
            row("b", "payments", "payment_link", "2025-05-13", outlet="IRNA"),
            row("c", "payments", "payment_link", "2025-05-13", outlet=None, near_dup_of="a")]
    rows[2]["outlet"] = None
    [event] = merge_reports(rows)
    assert event.independent_sources == 2  # IRNA, and the copy counted under the document it copies


def test_levels_follow_their_rules():
    none = merge_reports([row("a", "energy", "energy_deal", "2025-04", status="planned")])
    assert level(none, set())[0] == 0
    one = merge_reports([row("a", "energy", "energy_deal", "2025-04")])
    assert level(one, {"a"})[0] == 1
    two = merge_reports([row("a", "energy", "energy_deal", "2025-04"), row("b", "energy", "energy_deal", "2025-06")])
    assert level(two, {"a", "b"})[0] == 2
    three = merge_reports([row(d, "energy", "energy_deal", m) for d, m in (("a", "2025-04"), ("b", "2025-06"), ("c", "2025-09"))])
    value, rule = level(three, {"a", "b", "c"})
    assert value == 3 and "3 months" in rule
    late = three + merge_reports([row("d", "energy", "energy_deal", "2025-12", status="not_done")])
    assert level(late, {"a", "b", "c"})[0] == 2


def test_a_prohibition_has_no_duty_to_act_and_silence_is_no_evidence_of_breach():
    report = track([row("a", "3(3)", "non_assistance_in_conflict", "2025-06", status="not_done")], LINKS, provision="3(3)")
    [item] = report.provisions
    assert item.level is None and item.finding == "no duty to act; no evidence of breach"
    assert "complied" not in item.rule and "not a finding of compliance" in item.rule
    assert [p.label for p in item.periods_examined] == ["Israel–Iran war and US strikes", "US–Israeli war on Iran"]
    assert len(item.periods_examined[0].reports) == 1 and item.periods_examined[1].reports == []


def test_a_report_of_the_prohibited_conduct_is_put_up_for_examination():
    report = track([row("a", "3(3)", "non_assistance_in_conflict", "2026-03-02", status="done")], LINKS, provision="3(3)")
    assert report.provisions[0].finding.endswith("reports of possible breach to examine")


def test_opposite_reports_in_one_month_stand_side_by_side():
    rows = [row("a", "3(3)", "non_assistance_in_conflict", "2026-03", status="not_done", quote="no request for help"),
            row("b", "5", "statement_of_implementation", "2026-03", quote="military cooperation is no secret")]
    report = track(rows, LINKS)
    by = {p.provision: p for p in report.provisions}
    [conflict] = by["5"].conflicts
    assert conflict.month == "2026-03" and [r.status for r in conflict.reports] == ["not_done", "done"]
    assert by["3(3)"].conflicts == by["5"].conflicts


def test_since_keeps_only_dated_events_from_that_day():
    rows = [row("a", "payments", "payment_link", "2025-05-13"), row("b", "payments", "payment_link", "2025-10"),
            row("c", "payments", "payment_link", None)]
    report = track(rows, LINKS, provision="payments", since=dt.date(2025, 10, 1))
    assert [e.event_date for e in report.provisions[0].events] == ["2025-10"]


def test_a_cut_list_keeps_the_most_recent_events_and_the_level_of_all():
    # five dated events of one provision, on different days and from different outlets, and an undated one
    days = ["2025-03-02", "2025-05-20", "2025-07", "2025-09-11", "2025-12-01"]
    rows = [row(f"d{i}", "energy", "energy_deal", day) for i, day in enumerate(days)] + [row("u", "energy", "energy_deal", None)]
    whole = track(rows, LINKS, provision="energy")
    cut = latest_events(whole, 2)
    [item], [full] = cut.provisions, whole.provisions
    assert full.events_total == len(full.events) == 6
    assert [e.event_date for e in item.events] == ["2025-09-11", "2025-12-01"] and item.events_total == 6
    assert (item.level, item.rule, item.independent_sources) == (full.level, full.rule, full.independent_sources) == (3, full.rule, 6)
    assert [e.event_date for e in latest_events(whole, 6).provisions[0].events] == [e.event_date for e in full.events]
    assert latest_events(whole, 0).provisions[0].events == [] and len(whole.provisions[0].events) == 6  # the report is not changed


def test_a_cut_list_of_reports_keeps_the_most_recently_published_and_counts_every_one():
    rows = []
    for i, published in enumerate(["2025-04-02", "2025-04-09", None, "2025-04-05"]):
        rows.append(row(f"d{i}", "joint_exercises", "joint_exercise", "2025-04", outlet=f"o{i}") | {"published": published})
    whole = track(rows, LINKS, provision="joint_exercises")
    [event] = whole.provisions[0].events
    assert event.sources_total == len(event.sources) == 4 and event.independent_sources == 4
    [short] = latest_events(whole, None, 2).provisions[0].events
    assert [s.published for s in short.sources] == ["2025-04-09", "2025-04-05"]  # in the order listed
    assert (short.sources_total, short.independent_sources) == (4, 4)
    assert latest_events(whole, None, None) == whole
