"""Claims over time: how many claims of each verdict the press made per month or ISO week of
publication, with empty periods kept so a quiet month reads as quiet, not as missing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from enum import Enum

from pydantic import BaseModel

from accord.services.store import Store

VERDICTS = ("supported", "contradicted", "unverifiable")


class Period(str, Enum):
    month = "month"
    week = "week"


class TrendRow(BaseModel):
    period: str  # "2025-01" for a month, "2025-W03" for an ISO week
    supported: int = 0
    contradicted: int = 0
    unverifiable: int = 0

    @property
    def total(self) -> int:
        return self.supported + self.contradicted + self.unverifiable


class Trend(BaseModel):
    period: Period
    filters: dict[str, str]
    rows: list[TrendRow]
    undated: int  # matching claims whose document has no usable publication date
    imprecise: int  # dated to the month only, so left out of a weekly trend


def _month(day: str) -> str:
    return day[:7]


def _week(day: str) -> str | None:
    try:
        year, week, _ = dt.date.fromisoformat(day).isocalendar()
    except ValueError:
        return None  # only a month is known
    return f"{year}-W{week:02d}"


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (``YYYY-MM``), both included."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _weeks_between(first: str, last: str) -> list[str]:
    monday = dt.date.fromisocalendar(int(first[:4]), int(first[6:]), 1)
    end = dt.date.fromisocalendar(int(last[:4]), int(last[6:]), 1)
    out = []
    while monday <= end:
        year, week, _ = monday.isocalendar()
        out.append(f"{year}-W{week:02d}")
        monday += dt.timedelta(days=7)
    return out


def claim_trend(store: Store, period: Period = Period.month, **filters: str | None) -> Trend:
    """Claims per period and verdict under the filters (type, lang, treaty, outlet)."""
    days, undated = store.claims_by_day(**filters)
    bucket = _month if period is Period.month else _week
    counts: Counter[tuple[str, str]] = Counter()
    imprecise = 0
    for row in days:
        key = bucket(row["day"])
        if key is None:
            imprecise += row["n"]
            continue
        counts[key, row["verdict"]] += row["n"]
    keys = sorted({key for key, _ in counts})
    span = (months_between if period is Period.month else _weeks_between)(keys[0], keys[-1]) if keys else []
    rows = [TrendRow(period=key, **{v: counts[key, v] for v in VERDICTS}) for key in span]
    return Trend(period=period, filters={k: v for k, v in filters.items() if v}, rows=rows,
                 undated=undated, imprecise=imprecise)
