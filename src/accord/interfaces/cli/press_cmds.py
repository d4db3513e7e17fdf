"""`accord ingest`, `doc`, `rejudge`: the press store from the command line (its lists: list_cmds)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.markup import escape
from rich.text import Text

from accord.contract import IngestReport, StoredDocument
from accord.interfaces import inputs
from accord.interfaces.cli.common import app, catalog, console, db_path, err_console, fail, given, print_answer, settings, today
from accord.interfaces.cli.treaty_cmds import JSON
from accord.press.pipeline import OVER_LIMIT
from accord.press.read import SUPPORTED, is_stdin
from accord.services.batch import EngineUnavailable, ingest_on_dask
from accord.services.ingest import Judging, count_documents
from accord.services.ingest import ingest as run_ingest
from accord.services.store import Store, StoreError

DB = typer.Option(None, "--db", help="SQLite store to use (default: $ACCORD_DB or a file in the user's data folder).")
VERDICT_STYLE = {"supported": "green", "contradicted": "bold red", "unverifiable": "yellow"}
EXIT_PARTIAL = 1  # some files could not be read; everything else was stored


def open_store(db: Optional[Path]) -> Store:
    try:
        return Store(db_path(db))
    except StoreError as exc:
        fail(str(exc))


def _choice(value: Optional[str], valid: list[str], option: str) -> Optional[str]:
    """Accept a filter value only if it is one of ``valid``; otherwise name the nearest one."""
    return given(inputs.choice, value, valid, option)


@app.command("ingest")
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files (.txt, .html, .jsonl) or folders to read recursively; - reads JSON Lines from standard input."),
    db: Optional[Path] = DB,
    workers: int = typer.Option(max(1, min(4, os.cpu_count() or 1)), "--workers", "-w", min=1, help="Processes for the pipeline."),
    engine: str = typer.Option("local", "--engine", help="local (a process pool) or dask (a Dask cluster; needs accord[scale])."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster of --workers processes."),
    json_out: bool = JSON,
) -> None:
    """Read coverage, clean and redact it, extract and judge its claims, and store the results."""
    engine = _choice(engine, ["local", "dask"], "--engine")
    if scheduler and engine != "dask":
        fail("--scheduler needs --engine dask")
    if sum(map(is_stdin, paths)) > 1:
        fail("- (standard input) can be given once only")
    missing = [str(p) for p in paths if not is_stdin(p) and not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}")
    store = open_store(db)
    judging = Judging(catalog(), today())  # a broken catalog is reported once here, not once per document
    quiet = json_out or not err_console.is_terminal
    with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TaskProgressColumn(), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err_console,
                  transient=True, disable=quiet) as progress:
        # Counting first costs one cheap pass (files listed, JSONL newlines counted) and buys a
        # real total, so the bar can show how far along it is and when it will be done.
        total = None if quiet or any(map(is_stdin, paths)) else count_documents(paths)  # a stream has no end to count to
        task = progress.add_task("ingesting", total=total, rate="")

        def advance(origin: str, done: int) -> None:
            speed = progress.tasks[task].speed
            progress.update(task, completed=done, description=f"ingesting {origin[-40:]}",
                            total=max(total, done) if total is not None else None,
                            rate=f"{speed:.1f} docs/s" if speed else "")

        if engine == "dask":
            try:
                report = ingest_on_dask(paths, store, judging, scheduler=scheduler, workers=workers, progress=advance)
            except EngineUnavailable as exc:
                fail(str(exc))
        else:
            report = run_ingest(paths, store, judging, workers=workers, progress=advance)
    if json_out:
        print_answer(IngestReport, report.answer(str(store.path)))
    else:
        verdicts = ", ".join(f"{v} {n}" for v, n in sorted(report.verdicts.items())) or "no claims"
        # file names and messages are the user's text: Text() keeps them from being read as markup
        console.print(Text(f"{report.new} new, {report.unchanged} unchanged, {report.near_duplicates} near-duplicates; "
                           f"{report.error_count} errors, {report.skipped_count} skipped; claims: {verdicts}. "
                           f"Store: {store.path}"), highlight=False)
        not_read = {lang: n for lang, n in report.not_analysed.items() if lang != OVER_LIMIT}
        if not_read:
            langs = ", ".join(f"{lang} {n}" for lang, n in sorted(not_read.items()))
            console.print(Text(f"Paragraphs not analysed (language without claim extraction): {langs}"), highlight=False)
        for title, rows, count, column in (("Stored, with a warning", report.warnings, report.warning_count, "warning"),
                                           ("Not stored", report.errors, report.error_count, "problem")):
            if rows:
                table = Table(title=title + _first_of(rows, count), title_justify="left")
                table.add_column("file", overflow="fold")
                table.add_column(column, overflow="fold")
                for row in rows:
                    table.add_row(Text(row["origin"]), Text(row["message"]))
                err_console.print(table)
        if report.skipped:
            console.print(Text(f"Skipped {report.skipped_count} files of other types (read are: {SUPPORTED})"
                               f"{_first_of(report.skipped, report.skipped_count)}:"), highlight=False)
            for item in report.skipped:
                console.print(Text(f"  {item['origin']}"), highlight=False, soft_wrap=True)
    if report.errors:
        raise typer.Exit(EXIT_PARTIAL)


def _first_of(listed: list, count: int) -> str:
    """What a report's list leaves out, when it names only the first of many."""
    return f" (the first {len(listed)} of {count:,})" if count > len(listed) else ""


def highlighted(text: str, claims: list[dict]) -> Text:
    """The cleaned text with each claim's span styled by its verdict (overlaps: first claim wins)."""
    out = Text(text)
    taken = 0
    for c in sorted((c for c in claims if c["start"] is not None), key=lambda c: c["start"]):
        start, end = max(c["start"], taken), c["end"]
        if end > start:
            out.stylize(f"underline {VERDICT_STYLE[c['verdict']]}", start, end)
            taken = end
    return out


@app.command("doc")
def doc(doc_id: str = typer.Argument(..., help="Document id, as listed by `accord claims` or `accord search`."),
        db: Optional[Path] = DB, json_out: bool = JSON) -> None:
    """One stored document: its cleaned text with its claims and verdicts."""
    store = open_store(db)
    record = store.document(doc_id)
    if record is None:
        best = store.nearest_id(doc_id)
        hint = f"; did you mean '{best}'?" if best else ""
        fail(f"no stored document '{doc_id}'{hint}")
    if json_out:
        print_answer(StoredDocument, record)
        return
    meta = ", ".join(f"{k}: {record[k]}" for k in ("outlet", "published", "author", "lang", "url") if record.get(k))
    console.print(f"[bold]{escape(record['id'])}[/] — {escape(meta)}", highlight=False)
    if record["near_dup_of"]:
        console.print(f"near-duplicate of {record['near_dup_of']}")
    if record["not_analysed"]:
        console.print(f"paragraphs not analysed: {record['not_analysed']}", highlight=False)
    console.print(highlighted(record["text"], record["claims"]))
    if record["claims"]:
        table = Table(title="Claims", show_lines=True)
        for col in ("at", "claim", "value", "treaty", "verdict", "decided by"):
            table.add_column(col, overflow="fold")
        for c in record["claims"]:
            table.add_row(f"{c['start']}–{c['end']}", c["type"], escape(str(c["value"])), c["treaty"],
                          f"[{VERDICT_STYLE[c['verdict']]}]{c['verdict']}[/]", escape(c["citation"] or ""))
        console.print(table)


@app.command("rejudge")
def rejudge_cmd(
    db: Optional[Path] = DB,
    catalog_dir: Optional[Path] = typer.Option(None, "--catalog", help="A catalog folder (treaties/*.yaml, parties.yaml) "
                                                                         "to judge against instead of the built-in one."),
    json_out: bool = JSON,
) -> None:
    """Judge the stored claims again against the current catalog; lists the verdicts that changed."""
    from accord.contract import RejudgeReport
    from accord.knowledge.catalog import CatalogError, load_catalog
    from accord.services.rejudge import rejudge

    if catalog_dir is not None and not (catalog_dir / "treaties").is_dir():
        fail(f"--catalog {catalog_dir}: no treaties/ folder in it")
    try:
        judging_catalog = load_catalog(catalog_dir, settings().user_catalog_dir) if catalog_dir else catalog()
    except CatalogError as exc:
        fail(f"the catalog is invalid: {exc}")
    store = open_store(db)
    report = rejudge(store, judging_catalog, today())
    if json_out:
        print_answer(RejudgeReport, report)
        return
    console.print(f"{report.rejudged} of {report.claims} stored claims judged again against catalog {report.catalog_version}; "
                  f"{len(report.changed)} verdicts changed.", highlight=False)
    if report.changed:
        table = Table(title="Changed verdicts", show_lines=True)
        for col in ("document", "claim", "value", "before", "after", "decided by"):
            table.add_column(col, overflow="fold")
        for c in report.changed:
            table.add_row(escape(c.doc_id), c.type.value, escape(str(c.value)), c.before.value if c.before else "-",
                          f"[{VERDICT_STYLE[c.after.value]}]{c.after.value}[/]", escape(c.citation_after or ""))
        console.print(table)
