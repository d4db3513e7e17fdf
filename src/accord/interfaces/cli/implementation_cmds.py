"""`accord implementation` (what the parties did under each provision) and `accord events`
(the stored implementation events, exported as CSV or JSON)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from accord.interfaces.cli.common import app, console, fail, parse_day, print_json
from accord.interfaces.cli.press_cmds import DB, open_store
from accord.interfaces.cli.treaty_cmds import JSON
from accord.knowledge.catalog import nearest
from accord.knowledge.implementation_links import ImplementationLinks, implementation_links, tracked_treaties
from accord.reasoning.implementation import ImplementationReport, latest_events, track
from accord.reasoning.implementation_export import event_rows, events_json
from accord.services.exports import LISTINGS

LEVEL_STYLE = {0: "red", 1: "yellow", 2: "cyan", 3: "bold green", None: "magenta"}


def tracked_links(treaty: str) -> ImplementationLinks:
    links = implementation_links(treaty)
    if links is None:
        known = tracked_treaties()
        best = nearest(treaty, known)
        hint = f"; did you mean '{best}'?" if best else ""
        fail(f"no implementation tracking for treaty '{treaty}'{hint} (tracked: {', '.join(known)})")
    return links


def build_report(treaty: str, provision: Optional[str], since: Optional[str], db: Optional[Path]) -> ImplementationReport:
    links = tracked_links(treaty)
    if provision is not None and links.tracked(provision) is None:
        known = [p.provision for p in links.provisions]
        best = nearest(provision, known)
        hint = f"; did you mean '{best}'?" if best else ""
        fail(f"unknown provision '{provision}' for {treaty}{hint} (one of: {', '.join(known)})")
    day = parse_day(since, "--since") if since is not None else None
    with open_store(db) as store:
        rows = store.events(treaty)
    return track(rows, links, provision=provision, since=day)


@app.command("implementation")
def implementation(
    treaty: str = typer.Argument(..., help="Treaty id, e.g. rus-irn-2025."),
    provision: Optional[str] = typer.Option(None, "--provision", help="One provision: an article ('5', '3(3)') or a topic key."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events on or after this date (YYYY-MM-DD)."),
    events: Optional[int] = typer.Option(None, "--events", help="List at most this many events per provision, the most "
                                         "recent (default: all); levels still rest on every event."),
    sources: Optional[int] = typer.Option(None, "--sources", help="List at most this many reports per event, the most "
                                          "recently published (default: all)."),
    db: Optional[Path] = DB,
    json_out: bool = JSON,
) -> None:
    """Per provision: the events the press reports in date order, independent sources, and a 0–3 level with its rule."""
    if events is not None and events < 0:
        fail(f"--events must be 0 or more, not {events} (e.g. --events 20)")
    if sources is not None and sources < 1:
        fail(f"--sources must be 1 or more, not {sources} (e.g. --sources 10)")
    report = build_report(treaty, provision, since, db)
    if events is not None or sources is not None:
        report = latest_events(report, events, sources)
    if json_out:
        print_json(report.model_dump(mode="json"))
        return
    console.print(f"[bold]{report.treaty}[/]: {report.reports} event reports"
                  + (f" since {report.since}" if report.since else ""), highlight=False)
    for item in report.provisions:
        style = LEVEL_STYLE[item.level]
        head = f"level {item.level} ({item.level_name})" if item.level is not None else item.finding
        console.print(f"\n[bold]{escape(item.label)}[/] — {escape(item.title)}: [{style}]{escape(head)}[/] "
                      f"({item.independent_sources} independent sources)", highlight=False)
        console.print(f"  rule: {escape(item.rule)}", highlight=False)
        for period in item.periods_examined:
            console.print(f"  period examined: {escape(period.label)} {period.start} to {period.end}: {escape(period.finding)}", highlight=False)
        if item.events:
            table = Table(show_header=True, header_style="bold", show_lines=False)
            for col in ("date", "type", "status", "sources", "quote"):
                table.add_column(col, overflow="fold")
            for e in item.events:
                first = e.sources[0]
                table.add_row(e.event_date or "undated", e.type, e.status, f"{e.independent_sources} ({len(e.sources)} reports)",
                              escape(f"“{first.quote[:140]}” — {first.outlet or first.doc_id}"))
            console.print(table)
        if len(item.events) < item.events_total:
            console.print(f"  the {len(item.events)} most recent of {item.events_total} events", highlight=False)
        for conflict in item.conflicts:
            console.print(f"  [bold yellow]conflicting reports[/] {conflict.month}: {escape(conflict.note)}", highlight=False)
            for e in conflict.reports:
                console.print(f"    {e.provision} {e.status}: “{escape(e.sources[0].quote[:120])}”", highlight=False)


@app.command("events")
def events(
    treaty: str = typer.Argument(..., help="Treaty id, e.g. rus-irn-2025."),
    fmt: str = typer.Option("csv", "--format", help="csv or json: one row per event (duplicates across documents merged)."),
    provision: Optional[str] = typer.Option(None, "--provision", help="One provision only."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events on or after this date (YYYY-MM-DD)."),
    db: Optional[Path] = DB,
) -> None:
    """Export the implementation events of a treaty: treaty, provision, type, actors, date, status, sources, quotes."""
    if fmt not in ("csv", "json"):
        best = nearest(fmt, ["csv", "json"])
        fail(f"unknown format '{fmt}' for --format" + (f"; did you mean '{best}'?" if best else "") + " (csv or json)")
    report = build_report(treaty, provision, since, db)
    if fmt == "csv":  # the download's own rendering: the same cells, and RFC 4180's CRLF line ends
        sys.stdout.writelines(LISTINGS["events"].csv(event_rows(report)))
    else:
        sys.stdout.write(events_json(report))
