"""Geometry for the two server-drawn SVG charts: a treaty's timeline and the per-outlet verdict bars.

The numbers are computed here and drawn by small autoescaped templates
(``_timeline.svg``, ``_outlet_bars.svg``), so no label ever reaches the page
unescaped and no plotting library or script is needed in the browser.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from markupsafe import Markup

from accord.interfaces.web import i18n
from accord.interfaces.web.rendering import render_fragment
from accord.interfaces.web.timeline import LANES, TimelineEvent

WIDTH = 960
LEFT = 104  # room for the lane names
RIGHT = 24
TOP = 34  # room for the "chosen day" label
ROW = 24  # one row of marks inside a lane
LANE_PAD = 10
MIN_STEP = 22  # the smallest distance between two different days, so their labels do not collide
MARK_R = 9
COMPRESSED_GAP_DAYS = 400  # a gap this long is drawn with a break mark: the axis is not to scale there


@dataclass
class Mark:
    event: TimelineEvent
    x: float
    x_end: float | None = None  # periods only
    row: int = 0  # which row of its lane, when marks would overlap
    y: float = 0.0

    @property
    def caption(self) -> str:
        """The period's name, cut to the room its bar leaves after the number."""
        if self.x_end is None:
            return ""
        room = int((self.x_end - self.x - 2 * MARK_R - 8) / 6.4)
        text = self.event.label
        if room < 6:
            return ""
        return text if len(text) <= room else text[: room - 1].rstrip() + "…"


@dataclass
class Lane:
    name: str
    y: float
    height: float
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class TimelineChart:
    width: int
    height: int
    left: int
    lanes: list[Lane]
    ticks: list[Tick]
    breaks: list[float]
    axis_y: float
    chosen_x: float
    chosen_label: str
    title: str
    desc: str
    dom_id: str


def _positions(days: list[dt.date]) -> dict[dt.date, float]:
    """x for each day: each gap between consecutive days gets a width that grows with the log of its
    length, so a 20-year term and a week between two votes both stay readable."""
    ordered = sorted(set(days))
    weights = [math.log1p((b - a).days) for a, b in zip(ordered, ordered[1:])]
    usable = WIDTH - LEFT - RIGHT - MIN_STEP * len(weights)
    total = sum(weights) or 1.0
    x = float(LEFT)
    out = {ordered[0]: x}
    for day, weight in zip(ordered[1:], weights):
        x += MIN_STEP + usable * weight / total
        out[day] = x
    return out


def _rows(marks: list[Mark]) -> int:
    """Put marks that would overlap on separate rows of the lane; returns the rows used."""
    last_x: list[float] = []
    for mark in sorted(marks, key=lambda m: (m.x, m.event.number)):
        right = mark.x_end if mark.x_end is not None else mark.x + MARK_R
        left = mark.x - MARK_R
        for row, edge in enumerate(last_x):
            if left > edge + 2:
                last_x[row] = right
                mark.row = row
                break
        else:
            last_x.append(right)
            mark.row = len(last_x) - 1
    return max(len(last_x), 1)


def timeline_chart(treaty_id: str, events: list[TimelineEvent], day: dt.date, period_end: dt.date,
                   language: str = i18n.SOURCE_LANGUAGE) -> TimelineChart | None:
    """Lay out the dated events; None when no event has a date (the table still lists them)."""
    dated = [e for e in events if e.date is not None]
    if not dated:
        return None
    days = [e.date for e in dated] + [e.end for e in dated if e.end] + [day, period_end]
    xs = _positions(days)
    lanes: list[Lane] = []
    y = float(TOP)
    for name in LANES:
        marks = [Mark(e, xs[e.date], xs[e.end or period_end] if e.is_period else None) for e in dated if e.lane == name]
        if not marks:
            continue
        rows = _rows(marks)
        height = rows * ROW + 2 * LANE_PAD
        for mark in marks:
            mark.y = y + LANE_PAD + ROW / 2 + mark.row * ROW
        lanes.append(Lane(name, y, height, marks))
        y += height
    ordered = sorted(xs)
    breaks = [(xs[a] + xs[b]) / 2 for a, b in zip(ordered, ordered[1:]) if (b - a).days >= COMPRESSED_GAP_DAYS]
    ticks = [Tick(xs[d], d.isoformat()) for d in ordered]
    undated = len(events) - len(dated)
    first, last = min(e.date for e in dated), max(e.end or e.date for e in dated)
    _ = i18n.gettext_for(language)
    desc = _("%(n)s dated events of %(treaty)s from %(first)s to %(last)s, in lanes: %(lanes)s.") % {
        "n": len(dated), "treaty": treaty_id, "first": first.isoformat(), "last": last.isoformat(),
        "lanes": ", ".join(_(lane.name) for lane in lanes)}
    desc += " " + _("Each mark carries the number of its row in the table below. Long gaps are shortened (marked "
                    "with a break on the axis), so distances are not to scale.")
    desc += " " + _("The dashed line is the chosen day, %(day)s.") % {"day": day.isoformat()}
    if undated:
        desc += " " + _("%(n)s events whose day is unknown are listed only in the table.") % {"n": undated}
    return TimelineChart(
        width=WIDTH, height=int(y + 84), left=LEFT, lanes=lanes, ticks=ticks, breaks=breaks, axis_y=y + 6,
        chosen_x=xs[day], chosen_label=_("chosen day %(day)s") % {"day": day.isoformat()},
        title=_("Life-cycle timeline of %(treaty)s") % {"treaty": treaty_id}, desc=desc, dom_id=f"timeline-{treaty_id}",
    )


def timeline_svg(treaty_id: str, events: list[TimelineEvent], day: dt.date, period_end: dt.date,
                 language: str = i18n.SOURCE_LANGUAGE) -> Markup | None:
    chart = timeline_chart(treaty_id, events, day, period_end, language)
    return render_fragment("_timeline.svg", {"chart": chart}, language) if chart else None


# --- verdict bars: supported / contradicted / unverifiable claims per outlet or per period ---

VERDICT_ORDER = ("supported", "contradicted", "unverifiable")
BAR_LABEL_W = 260
BAR_W = 560
BAR_H = 22
BAR_GAP = 12
# The trend chart is drawn narrow (short period labels, a shorter bar) so that at 375 px it is
# scaled down only a little and stays readable without scrolling sideways.
TREND_LABEL_W = 84
TREND_BAR_W = 220


@dataclass
class BarPart:
    verdict: str
    count: int
    x: float
    width: float


@dataclass
class VerdictBar:
    label: str
    y: float
    parts: list[BarPart]
    total: int


def _verdict_bars_svg(rows: list[tuple[str, dict]], *, chart_id: str, title: str, label_w: int, bar_w: int,
                      css_class: str, keep_empty: bool, language: str) -> Markup | None:
    """A stacked horizontal bar per row (label, counts by verdict), the counts written beside it."""
    if not keep_empty:
        rows = [(label, counts) for label, counts in rows if sum(counts[v] for v in VERDICT_ORDER)]
    most = max((sum(counts[v] for v in VERDICT_ORDER) for _, counts in rows), default=0)
    if not most:
        return None
    bars = []
    for i, (label, counts) in enumerate(rows):
        x, parts = float(label_w), []
        for verdict in VERDICT_ORDER:
            width = bar_w * counts[verdict] / most
            parts.append(BarPart(verdict, counts[verdict], x, width))
            x += width
        bars.append(VerdictBar(label, 40 + i * (BAR_H + BAR_GAP), parts, sum(p.count for p in parts)))
    height = int(40 + len(bars) * (BAR_H + BAR_GAP) + 10)
    _ = i18n.gettext_for(language)
    desc = "; ".join(f"{b.label}: " + ", ".join(f"{p.count} {_(p.verdict)}" for p in b.parts) for b in bars)
    width = label_w + bar_w + 90
    # A narrow chart starts its legend at the left edge, so the three names fit without touching.
    legend_x = label_w if label_w >= 150 else 8
    return render_fragment("_verdict_bars.svg", {
        "bars": bars, "width": width, "height": height, "desc": desc, "title": title,
        "chart_id": chart_id, "css_class": css_class, "verdicts": VERDICT_ORDER, "label_w": label_w,
        "legend_x": legend_x, "legend_step": min(150, (width - legend_x) // 3),
    }, language)


def outlet_bars_svg(rows: list[dict], language: str = i18n.SOURCE_LANGUAGE) -> Markup | None:
    """Claims per outlet by verdict; ``rows`` from ``Store.sources_summary``."""
    _ = i18n.gettext_for(language)
    return _verdict_bars_svg([(_("unknown") if r["outlet"] == "unknown" else r["outlet"], r) for r in rows], chart_id="outlet-bars",
                             title=_("Claims per outlet by verdict"), label_w=BAR_LABEL_W, bar_w=BAR_W, css_class="bars",
                             keep_empty=False, language=language)


def trend_bars_svg(rows: list, period: str, language: str = i18n.SOURCE_LANGUAGE) -> Markup | None:
    """Claims per month or week of publication by verdict; empty periods are drawn as empty rows."""
    _ = i18n.gettext_for(language)
    title = _("Claims per week of publication by verdict") if period == "week" else _("Claims per month of publication by verdict")
    return _verdict_bars_svg([(r.period, r.model_dump()) for r in rows], chart_id="trend-bars", title=title,
                             label_w=TREND_LABEL_W, bar_w=TREND_BAR_W, css_class="bars trend", keep_empty=True,
                             language=language)
