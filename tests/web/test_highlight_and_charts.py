"""The pieces behind the pages: claim highlighting by offsets, the timeline events and chart geometry."""

from __future__ import annotations

import datetime as dt

from accord.interfaces.web.charts import outlet_bars_svg, timeline_chart, timeline_svg
from accord.interfaces.web.highlight import highlight
from accord.interfaces.web.timeline import treaty_timeline
from accord.knowledge.catalog import default_catalog

TEXT = "First paragraph says one thing.\n\nSecond says <b>two</b> things."
PARAS = [{"idx": 0, "start": 0, "end": 31, "lang": "en"}, {"idx": 1, "start": 33, "end": len(TEXT), "lang": "en"}]


def _claim(cid, start, end, verdict="supported"):
    return {"id": cid, "start": start, "end": end, "verdict": verdict, "type": "t", "value": True, "citation": f"c{cid}"}


def test_pieces_read_back_as_the_text_and_overlaps_take_the_worst_verdict():
    claims = [_claim(1, 6, 15), _claim(2, 11, 20, "contradicted"), _claim(3, 40, 48)]
    blocks, unplaced = highlight(TEXT, PARAS, claims)
    assert unplaced == []
    assert [b.index for b in blocks] == [0, 1]
    assert "".join(p.text for p in blocks[0].pieces) == TEXT[0:31]
    assert "".join(p.text for p in blocks[1].pieces) == TEXT[33:]
    overlap = next(p for p in blocks[0].pieces if len(p.claims) == 2)
    assert overlap.text == TEXT[11:15] and overlap.verdict == "contradicted"
    assert "c1" in overlap.tooltip and "c2" in overlap.tooltip
    starts = [cid for b in blocks for p in b.pieces for cid in p.first_of]
    assert sorted(starts) == [1, 2, 3]  # each claim gets exactly one anchor


def test_claims_without_usable_offsets_are_listed_not_marked():
    claims = [_claim(1, None, None), _claim(2, 5, 500), _claim(3, 8, 8)]
    blocks, unplaced = highlight(TEXT, PARAS, claims)
    assert [c["id"] for c in unplaced] == [1, 2, 3]
    assert all(not p.claims for b in blocks for p in b.pieces)


def test_text_outside_paragraphs_is_kept():
    blocks, _ = highlight("Head line\n\nBody.", [{"idx": 0, "start": 11, "end": 16}], [])
    assert [(b.index, "".join(p.text for p in b.pieces)) for b in blocks] == [(None, "Head line\n\n"), (0, "Body.")]


def test_timeline_of_the_flagship_walks_terms_and_keeps_undated_steps():
    catalog = default_catalog()
    events = treaty_timeline(catalog.treaty("rus-irn-2025"), dt.date(2026, 1, 1), catalog)
    assert [e.number for e in events] == list(range(1, len(events) + 1))
    terms = [(e.label, e.date, e.end) for e in events if e.lane == "Term"]
    assert terms[0] == ("Initial term", dt.date(2025, 10, 2), dt.date(2045, 10, 1))
    assert terms[1] == ("Renewal term 1 (automatic)", dt.date(2045, 10, 2), dt.date(2050, 10, 1))
    undated = [e for e in events if e.date is None]
    assert undated and all(e.date_text for e in undated)
    entry = next(e for e in events if e.kind == "in_force")
    assert entry.date == dt.date(2025, 10, 2) and entry.state == "done"


def test_timeline_of_the_jcpoa_has_snapback_milestones_and_contested_periods():
    catalog = default_catalog()
    events = treaty_timeline(catalog.treaty("jcpoa-2015"), dt.date(2025, 9, 1), catalog)
    milestones = {e.kind: e for e in events if e.lane == "Procedure"}
    assert milestones["vote-window-end"].date == dt.date(2025, 9, 27)
    assert milestones["vote-window-end"].citation == "UNSCR 2231 para. 11"
    assert milestones["vote-window-end"].state == "pending"
    assert milestones["notification"].state == "done"
    contested = [e for e in events if e.lane == "Contested"]
    # the contest starts with Russia's and China's rejection of the notification, on the day it was made
    assert [e.date for e in contested] == [dt.date(2025, 8, 28), dt.date(2025, 10, 18)]
    assert all(e.open_ended for e in contested)


def test_successor_end_is_drawn_for_a_replaced_treaty():
    catalog = default_catalog()
    events = treaty_timeline(catalog.treaty("rus-irn-2001"), dt.date(2026, 1, 1), catalog)
    replaced = [e for e in events if e.kind == "replaced"]
    assert replaced and replaced[0].date == dt.date(2025, 10, 2) and "rus-irn-2025" in replaced[0].label


def test_chart_geometry_keeps_order_and_distance_between_days():
    catalog = default_catalog()
    day = dt.date(2026, 1, 1)
    events = treaty_timeline(catalog.treaty("rus-irn-2025"), day, catalog)
    chart = timeline_chart("rus-irn-2025", events, day, dt.date(2050, 10, 1))
    xs = [t.x for t in chart.ticks]
    assert xs == sorted(xs) and min(b - a for a, b in zip(xs, xs[1:])) >= 22
    assert chart.breaks  # the 20-year term is drawn shortened, and says so
    assert 0 < chart.chosen_x < chart.width
    svg = timeline_svg("rus-irn-2025", events, day, dt.date(2050, 10, 1))
    assert svg.startswith("<svg") and "<title" in svg and "<desc" in svg


def test_bar_chart_escapes_outlet_names_and_skips_outlets_without_claims():
    rows = [{"outlet": "<i>Daily</i>", "documents": 1, "claims": 3, "supported": 1, "contradicted": 1, "unverifiable": 1},
            {"outlet": "Quiet", "documents": 1, "claims": 0, "supported": 0, "contradicted": 0, "unverifiable": 0}]
    svg = outlet_bars_svg(rows)
    assert "&lt;i&gt;Daily&lt;/i&gt;" in svg and "<i>" not in svg and "Quiet" not in svg
    assert outlet_bars_svg([rows[1]]) is None
