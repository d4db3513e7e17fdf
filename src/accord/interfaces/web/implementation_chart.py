"""Geometry of the implementation chart: a treaty's tracked provisions (rows) against months
(columns), one cell per provision and month with events, drawn by ``_implementation_grid.svg``.

A cell's class says what was reported that month (done, only announced or planned, or only
reported not done); its shape differs as well as its colour, and its text gives the count, so
colour is never the only sign.  Every cell links to the provision's evidence for that month.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from accord.interfaces.web import i18n
from accord.interfaces.web.rendering import render_fragment
from accord.reasoning.implementation import ImplementationReport
from accord.services.trends import months_between

LEFT = 190  # room for the provision labels
TOP = 46  # room for the month labels
CELL = 30
ROW = 30


@dataclass
class Cell:
    x: float
    y: float
    month: str
    count: int
    kind: str  # done | to-come | not-done
    href: str
    title: str


def N_(message: str) -> str:  # marks a msgid for the extractor
    return message


KIND_WORDS = {"done": N_("done"), "to-come": N_("announced or planned"), "not-done": N_("reported not done")}


@dataclass
class Row:
    y: float
    label: str
    level: int | None  # None: a provision with no duty to act
    href: str


def _kind(statuses: list[str]) -> str:
    if "done" in statuses:
        return "done"
    if any(s in ("announced", "planned") for s in statuses):
        return "to-come"
    return "not-done"


def implementation_svg(report: ImplementationReport, base: str, language: str = i18n.SOURCE_LANGUAGE) -> Markup | None:
    dated = [e.event_date[:7] for p in report.provisions for e in p.events if e.event_date]
    if not dated:
        return None
    _ = i18n.gettext_for(language)
    months = months_between(min(dated), max(dated))
    rows, cells = [], []
    for index, item in enumerate(report.provisions):
        y = TOP + index * ROW
        href = f"{base}/{item.provision}"
        rows.append(Row(y=y, label=item.label, level=item.level, href=href))
        by_month: dict[str, list[str]] = {}
        for e in item.events:
            if e.event_date:
                by_month.setdefault(e.event_date[:7], []).append(e.status)
        for month, statuses in by_month.items():
            kind = _kind(statuses)
            word = _(KIND_WORDS[kind])
            cells.append(Cell(x=LEFT + months.index(month) * CELL, y=y, month=month, count=len(statuses), kind=kind,
                              href=f"{href}#m-{month}", title=_("%(provision)s, %(month)s: %(n)s event(s), %(what)s") % {
                                  "provision": item.label, "month": month, "n": len(statuses), "what": word}))
    width = LEFT + len(months) * CELL + 10
    height = TOP + len(rows) * ROW + 10
    labels = [(LEFT + i * CELL + CELL / 2, m) for i, m in enumerate(months)]
    desc = _("%(n)s provision-months with events between %(first)s and %(last)s; filled squares: done, outlined: "
             "announced or planned, crossed: reported not done.") % {"n": len(cells), "first": months[0], "last": months[-1]}
    return render_fragment("_implementation_grid.svg", {
        "width": width, "height": height, "rows": rows, "cells": cells, "labels": labels, "left": LEFT,
        "top": TOP, "cell": CELL, "row": ROW, "desc": desc, "treaty": report.treaty,
    }, language)
