"""`accord scenario`, `accord compare`, `accord export`, `accord test`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from accord.contract import Comparison, ScenarioAnswer
from accord.interfaces import inputs
from accord.interfaces.cli.common import app, catalog, console, fail, given, parse_day, print_answer, today
from accord.interfaces.cli.treaty_cmds import JSON
from accord.reasoning.compare import compare as compare_treaties
from accord.reasoning.export import export_atop_csv, export_json
from accord.reasoning.scenario import Event, run_scenario
from accord.reasoning.scenario_tests import ScenarioFileError, run_file, scenario_files

KIND_STYLE = {"duty": "bold green", "prohibition": "bold red", "permission": "cyan", "negative": "bold yellow",
              "conditional": "magenta", "breach": "bold red reverse"}


@app.command("scenario")
def scenario(
    event: str = typer.Option(..., "--event", help="aggression, armed-attack, threat-of-aggression, unilateral-sanctions, separatist-support, snapback-notification"),
    by: Optional[str] = typer.Option(None, "--by", help="Acting state or group (code or name)."),
    against: Optional[str] = typer.Option(None, "--against", help="Target state (code or name)."),
    on: Optional[str] = typer.Option(None, "--on", help="Date YYYY-MM-DD (default: today)."),
    where: Optional[str] = typer.Option(None, "--where", help="Where it happens: a state or territory (code or name), or a sea region (north-atlantic, mediterranean ...). Default: the target's own territory."),
    weapons: Optional[str] = typer.Option(None, "--weapons", help="nuclear, chemical, biological or conventional."),
    evidence: bool = typer.Option(False, "--evidence", help="Next to each finding, what the press reports the party did around the date."),
    window: int = typer.Option(30, "--window", min=0, max=366, help="Days either side of the date searched with --evidence."),
    db: Optional[Path] = typer.Option(None, "--db", help="Store searched with --evidence (default: $ACCORD_DB or the user's store)."),
    json_out: bool = JSON,
) -> None:
    """What each party must, must not and may do under every treaty binding the parties involved."""
    kind = given(inputs.event_kind, event)
    actor, target = given(inputs.party, catalog(), by, "--by"), given(inputs.party, catalog(), against, "--against")
    if actor is None and target is None:
        fail("give --by and/or --against")
    day = parse_day(on)
    place = given(inputs.place, catalog(), where, "--where (a state or territory code, or a sea region such as north-atlantic)")
    event_ = Event(kind, actor, target, day, place, given(inputs.weapons, weapons, "--weapons"))
    result = run_scenario([event_], day, catalog())
    found = _evidence(result, day, window, db) if evidence else None
    if json_out:
        print_answer(ScenarioAnswer, ScenarioAnswer.model_validate(result).model_copy(update={"evidence": found}))
        return
    console.print(f"[bold]{kind.value}[/] by {actor or '-'} against {target or '-'} on {day.isoformat()}")
    if not result.treaties:
        console.print("No treaty in the catalog binds the parties involved.")
    for answer in result.treaties:
        colour = "green" if answer.in_force else ("yellow" if answer.contested else "red")
        state = ("contested" if answer.contested and answer.in_force is None else
                 "in force" if answer.in_force else ("not in force" if answer.in_force_known else "in force: unknown"))
        console.print(f"\n[bold]{answer.treaty}[/] — [{colour}]{state}[/]: {answer.note}")
        if not answer.findings:
            continue
        table = Table(show_header=True, header_style="bold")
        for col in ("party", "kind", "action", "toward", "cites", "what"):
            table.add_column(col, overflow="fold")
        for f in answer.findings:
            table.add_row(f.party, f"[{KIND_STYLE[f.kind]}]{f.kind}[/]", f.action, f.counterparty or "", f.citation, f.text)
        console.print(table)
        if found is not None:
            _print_evidence(found, answer.treaty)


@app.command("compare")
def compare(
    treaty_ids: list[str] = typer.Argument(..., help="Treaty ids to compare."),
    json_out: bool = JSON,
) -> None:
    """Treaties x alliance-obligation types and cooperation domains, each cell citing its article."""
    data = compare_treaties(given(inputs.treaty_ids, catalog(), treaty_ids), catalog())
    if json_out:
        print_answer(Comparison, data)
        return
    table = Table(title="Alliance-obligation types (derived from provisions; ATOP definitions)")
    table.add_column("type")
    for tid in data["treaties"]:
        table.add_column(tid, overflow="fold")
    for name in [*data["type_names"], "cow_type"]:
        row = []
        for tid in data["treaties"]:
            cell = data["types"][tid]
            if name == "cow_type":
                row.append(cell["cow_type"] or "-")
            elif cell[name]:
                row.append(f"[green]yes[/] ({', '.join(cell['cited'][name])})")
            elif cell[name] is None:
                row.append("[yellow]unknown[/] (not covered by the coding" + ("" if cell["text_public"] else "; text not public") + ")")
            else:
                row.append(f"[dim]no[/] ({cell['basis'][name]})")
        table.add_row(name, *row)
    console.print(table)
    domains = sorted({d for tid in data["treaties"] for d in data["domains"][tid]})
    dtable = Table(title="Cooperation domains")
    dtable.add_column("domain")
    for tid in data["treaties"]:
        dtable.add_column(tid, overflow="fold")
    for d in domains:
        dtable.add_row(d, *[", ".join(data["domains"][tid].get(d, [])) or "" for tid in data["treaties"]])
    console.print(dtable)
    for tid, check in data["atop"].items():
        if check["agrees"]:
            console.print(f"ATOP {check['atopid']} ({tid}): agrees")
            continue
        console.print(f"ATOP {check['atopid']} ({tid}): [bold yellow]disagrees[/]" + (f" — {check['explanation']}" if check["explanation"] else ""))
        for name, diff in check["differences"].items():
            mine = "unknown" if diff["derived"] is None else ("yes" if diff["derived"] else "no")
            console.print(f"  {name}: accord {mine}, ATOP {int(diff['atop'])} ({diff['why']})", highlight=False)


@app.command("export")
def export(
    treaty_id: Optional[str] = typer.Argument(None, help="For --format akn: the treaty whose imported text to export."),
    fmt: str = typer.Option("json", "--format", help="json, atop-csv, or akn (Akoma Ntoso 3.0 XML of one treaty's imported text)"),
    lang: Optional[str] = typer.Option(None, "--lang", help="For --format akn: which imported text, when there are several."),
) -> None:
    """Export the catalog (JSON), ATOP-style member rows with the derived codes (CSV), or one treaty as Akoma Ntoso."""
    writers = {"json": export_json, "atop-csv": export_atop_csv, "akn": None}
    given(inputs.choice, fmt, list(writers), "--format")
    if fmt == "akn":
        from accord.interfaces.cli.text_cmds import export_akn

        sys.stdout.write(export_akn(treaty_id, lang))
        return
    if treaty_id is not None:
        fail(f"--format {fmt} exports the whole catalog and takes no treaty id (use --format akn for one treaty)")
    sys.stdout.write(writers[fmt](catalog()))
    if fmt == "json":
        sys.stdout.write("\n")


@app.command("test")
def test(directory: Path = typer.Argument(..., help="A scenario YAML file or a directory of them.")) -> None:
    """Run declarative scenario tests and claim examples (files with ``kind: claims``); prints 'N passed, N failed'."""
    try:
        files = scenario_files(directory)
    except ScenarioFileError as exc:
        fail(str(exc))
    outcomes = []
    for path in files:
        from accord.press import claim_examples  # light: the extractor loads only for a file of claim examples

        if claim_examples.is_claim_example_file(path):
            outcomes.append(claim_examples.run_file(path, catalog(), today()))
        else:
            outcomes.append(run_file(path, catalog()))
    if not files:
        fail(f"no scenario files (*.yaml) in {directory}")
    table = Table(title=f"Scenario tests in {directory}")
    for col in ("result", "scenario", "file", "failures"):
        table.add_column(col, overflow="fold")
    for o in outcomes:
        result = "[green]pass[/]" if o.passed else ("[red]ERROR[/]" if o.error else "[red]FAIL[/]")
        table.add_row(result, o.name, o.path.name, o.error or "\n".join(o.failures))
    console.print(table)
    for o in outcomes:
        if o.error:  # the file's problem in full, one line each, so it can be found and fixed
            console.print(f"malformed: {o.error}", highlight=False, soft_wrap=True)
    passed = sum(o.passed for o in outcomes)
    errors = sum(o.error is not None for o in outcomes)
    failed = len(outcomes) - passed - errors
    console.print(f"{passed} passed, {failed} failed" + (f", {errors} malformed" if errors else ""), highlight=False)
    if failed or errors:
        raise typer.Exit(1)


def _evidence(result, day, window: int, db: Optional[Path]):
    """What the stored press reports about each finding's party around the day (``--evidence``)."""
    from accord.interfaces.cli.press_cmds import open_store
    from accord.knowledge.implementation_links import implementation_links, tracked_treaties
    from accord.reasoning.implementation import scenario_evidence

    links_of = {t: implementation_links(t) for t in tracked_treaties()}
    with open_store(db) as store:
        rows = [row for t in links_of for row in store.events(t)]
    findings = [(a.treaty, f) for a in result.treaties for f in a.findings if f.kind in ("duty", "prohibition", "negative")]
    return scenario_evidence(findings, rows, links_of, day=day, days=window)


def _print_evidence(found, treaty: str) -> None:
    from rich.markup import escape

    for item in found.findings:
        if item.treaty != treaty:
            continue
        console.print(f"  [bold]evidence[/] {item.party} {item.kind} {item.action} ({escape(item.citation)}), "
                      f"{found.start} to {found.end}: {escape(item.reading)}", highlight=False)
        for e in item.reports:
            s = e.sources[0]
            console.print(f"    {e.event_date or 'undated'} {e.provision} {e.status}: “{escape(s.quote[:140])}” — "
                          f"{escape(s.outlet or s.doc_id)}" + (f" (+{len(e.sources) - 1} more)" if len(e.sources) > 1 else ""),
                          highlight=False)
