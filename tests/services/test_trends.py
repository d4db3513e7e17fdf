"""Claims over time: counts per month or ISO week of publication, stacked by verdict."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from accord.services.ingest import ingest
from accord.services.store import Store
from accord.services.trends import Period, claim_trend
from judging_context import JUDGING

# Each document words its claim differently, so none is stored as a copy of another.
SIGNED = ["Russia and Iran signed the treaty in Moscow on 17 January 2025.",
          "The partnership treaty was signed in the Kremlin on 17 January 2025 by Putin and Pezeshkian.",
          "Moscow and Tehran put their names to the strategic partnership on 17 January 2025, officials said."]
DEFENCE = ["Russia is now obliged to defend Iran militarily.",
           "Under the new pact Moscow must come to Tehran's defence if Iran is attacked.",
           "Officials say Russia is now bound to come to Iran's defence."]  # no date in the text either


@pytest.fixture()
def store(tmp_path):
    docs = [
        {"id": "a", "published": "2025-01-18", "outlet": "One", "text": SIGNED[0]},
        {"id": "b", "published": "2025-01-20", "outlet": "Two", "text": DEFENCE[0]},
        {"id": "c", "published": "2025-04-02", "outlet": "One", "text": DEFENCE[1]},
        {"id": "d", "published": "2025-05", "outlet": "One", "text": SIGNED[1]},  # known to the month only
        {"id": "e", "outlet": "Two", "text": DEFENCE[2]},  # no date at all
    ]
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    store = Store(tmp_path / "accord.sqlite")
    assert not ingest([source], store, JUDGING).errors
    assert {d["id"] for d in store.documents()} == {"a", "b", "c", "d", "e"}
    yield store
    store.close()


def counts(trend):
    return {r.period: (r.supported, r.contradicted, r.unverifiable) for r in trend.rows}


def expected(store, bucket, **filters):
    """The same counts worked out independently: every stored claim, its document's date, bucketed."""
    out, undated = {}, 0
    for claim in store.claims(limit=1000, **filters):
        published = store.document(claim["doc_id"])["published"]
        key = bucket(published) if published else None
        if key is None:
            undated += 1
            continue
        row = out.setdefault(key, [0, 0, 0])
        row[("supported", "contradicted", "unverifiable").index(claim["verdict"])] += 1
    return {k: tuple(v) for k, v in out.items()}, undated


def by_month(published):
    return published[:7]


def by_week(published):
    if len(published) < 10:
        return None
    year, week, _ = dt.date.fromisoformat(published[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def test_months_are_counted_by_verdict_and_quiet_months_kept(store):
    trend = claim_trend(store)
    want, undated = expected(store, by_month)
    got = counts(trend)
    assert {k: v for k, v in got.items() if any(v)} == want
    assert want["2025-01"][1] == 1                      # the defence claim, contradicted
    assert list(got) == sorted(got) and len(got) == 1 + max(int(k[5:]) for k in want) - 1  # every month from Jan on
    assert all(v == (0, 0, 0) for k, v in got.items() if k not in want)
    assert trend.undated == undated >= 1


def test_weeks_follow_the_iso_calendar(store):
    trend = claim_trend(store, Period.week)
    want, _ = expected(store, by_week)
    got = counts(trend)
    assert {k: v for k, v in got.items() if any(v)} == want
    assert next(iter(got)) == "2025-W03"                # Saturday 18 January 2025
    weeks = list(got)
    assert all(dt.date.fromisocalendar(int(b[:4]), int(b[6:]), 1) - dt.date.fromisocalendar(int(a[:4]), int(a[6:]), 1)
               == dt.timedelta(days=7) for a, b in zip(weeks, weeks[1:]))  # no week missing


def test_a_month_only_date_counts_by_month_and_is_set_aside_by_week():
    from accord.services import trends

    assert trends._month("2025-05") == "2025-05"
    assert trends._week("2025-05") is None
    assert trends._week("2025-01-18") == "2025-W03"


def test_filters_narrow_the_counts(store):
    for filters in ({"outlet": "Two"}, {"outlet": "One"}, {"type": "signed_on"}, {"lang": "ru"}):
        want, undated = expected(store, by_month, **filters)
        trend = claim_trend(store, **filters)
        assert {k: v for k, v in counts(trend).items() if any(v)} == want, filters
        assert trend.undated == undated, filters
    assert claim_trend(store, lang="ru").rows == []
