"""`accord claims`, `docs`, `sources`, `search`: the store's lists, as a table, CSV, JSON or (claims)
ClaimReview JSON Lines.

Each list takes ``--limit`` and ``--offset`` and says how many rows match in all: below the table,
or on stderr when stdout carries CSV or JSON, so a pipe gets the data only. The CSV columns are
those of the pages' downloads (docs/export-codebook.md); the JSON is the answer model's
(docs/json.md); ClaimReview objects are those of the claim pages (docs/claimreview.md).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from accord.contract import DocumentRow, OutletScore, SearchHit, StoredClaim
from accord.interfaces.cli.common import app, catalog, console, err_console, fail, print_answer
from accord.interfaces.cli.press_cmds import DB, VERDICT_STYLE, open_store
from accord.interfaces.cli.treaty_cmds import JSON

MAX_ROWS = 100_000  # rows one command prints
MAX_OFFSET = 1_000_000_000  # SQLite counts rows in 64 bits; no store comes near this
DEFAULT_INSTANCE = "http://127.0.0.1:8000/"  # where `accord serve` / `make run` answer by default

CSV = typer.Option(False, "--csv", help="Print CSV (columns in docs/export-codebook.md); the total goes to stderr.")
LIMIT_HELP = f"Rows to print (1 to {MAX_ROWS:,})."
OFFSET = typer.Option(0, "--offset", help="Rows to skip first (0 = from the first).")


def _output(csv_out: bool, json_out: bool, fmt: Optional[str], allowed: tuple[str, ...]) -> str:
    """The one output format asked for: table (the default), csv, json, or another of ``allowed``."""
    if fmt is not None and fmt not in allowed:
        from accord.knowledge.catalog import nearest

        best = nearest(fmt, list(allowed))
        hint = f"; did you mean '{best}'?" if best else ""
        fail(f"unknown value '{fmt}' for --format{hint} (one of: {', '.join(allowed)})")
    asked = [name for name, on in (("csv", csv_out), ("json", json_out), (fmt, fmt is not None)) if on]
    if len(set(asked)) > 1:
        fail(f"choose one output format: {' and '.join('--' + a if a in ('csv', 'json') else '--format ' + a for a in asked)} were given")
    return asked[0] if asked else "table"


def _window(limit: int, offset: int) -> tuple[int, int]:
    """--limit and --offset checked: one line naming the bad value and the nearest valid one."""
    if not 1 <= limit <= MAX_ROWS:
        fail(f"--limit {limit} is out of range: use 1 to {MAX_ROWS} (nearest: {min(max(limit, 1), MAX_ROWS)})")
    if not 0 <= offset <= MAX_OFFSET:
        fail(f"--offset {offset} is out of range: use 0 to {MAX_OFFSET} (nearest: {min(max(offset, 0), MAX_OFFSET)})")
    return limit, offset


def _span(what: str, shown: int, offset: int, total: int) -> str:
    if shown == 0:
        return f"no {what} shown of {total} (offset {offset})" if total else f"no {what}"
    return f"{what} {offset + 1}–{offset + shown} of {total}"


def _write(chunks: Iterable[str]) -> None:
    for chunk in chunks:
        sys.stdout.write(chunk)
    sys.stdout.flush()


def _total_to_stderr(what: str, shown: int, offset: int, total: int) -> None:
    err_console.print(Text(_span(what, shown, offset, total) + "."), highlight=False)


class _Counted:
    """Rows passed through while counting them, so a streamed list can report how many it printed."""

    def __init__(self, rows: Iterable[dict]):
        self.rows, self.n = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.n += 1
            yield row


def _print_machine(output: str, rows: Iterable[dict], *, what: str, offset: int, total: int, listing: str,
                   model: type) -> list[dict] | None:
    """CSV (streamed, the columns of ``services.exports.<listing>``) or JSON (``list[model]``) to stdout
    with the span on stderr, returning None; for a table, the rows as a list for the caller to draw."""
    if output == "csv":
        from accord.services import exports

        counted = _Counted(rows)
        _write(getattr(exports, listing).csv(counted))
        _total_to_stderr(what, counted.n, offset, total)
        return None
    rows = list(rows)
    if output == "json":
        print_answer(list[model], rows)
        _total_to_stderr(what, len(rows), offset, total)
        return None
    return rows


@app.command("claims")
def claims(
    verdict: Optional[str] = typer.Option(None, "--verdict", help="supported, contradicted or unverifiable."),
    claim_type: Optional[str] = typer.Option(None, "--type", help="A claim type, e.g. mutual_defense."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the claim's sentence (en, ru, …)."),
    treaty: Optional[str] = typer.Option(None, "--treaty", help="Treaty id the claim is about."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet, as listed by `accord sources`."),
    limit: int = typer.Option(100, "--limit", help=LIMIT_HELP),
    offset: int = OFFSET,
    fmt: Optional[str] = typer.Option(None, "--format", help="table, csv, json, or claimreview (schema.org ClaimReview, "
                                                              "one JSON object a line)."),
    base_url: str = typer.Option(DEFAULT_INSTANCE, "--base-url", help="With --format claimreview: the accord instance "
                                                                       "whose claim pages the reviews point to."),
    db: Optional[Path] = DB,
    csv_out: bool = CSV,
    json_out: bool = JSON,
) -> None:
    """Stored claims with their verdicts, filtered; rows --offset+1 to --offset+--limit, and the total."""
    from accord.interfaces import listings
    from accord.interfaces.inputs import InputError

    output = _output(csv_out, json_out, fmt, ("table", "csv", "json", "claimreview"))
    limit, offset = _window(limit, offset)
    names = {"verdict": "--verdict", "type": "--type", "lang": "--lang", "treaty": "--treaty", "outlet": "--outlet"}
    try:
        filters = listings.claim_filters(catalog(), {"verdict": verdict, "type": claim_type, "lang": lang, "treaty": treaty,
                                                     "outlet": outlet}, field=names.__getitem__)
    except InputError as exc:
        fail(exc.message)
    store = open_store(db)
    total = store.count_claims(**filters)
    rows = listings.claim_rows(store, filters, limit=limit, offset=offset)
    if output == "claimreview":
        from accord.services.claimreview import stored_claim_reviews
        from accord.services.exports import json_lines

        counted = _Counted(rows)
        _write(json_lines(stored_claim_reviews(counted, base_url)))
        _total_to_stderr("claims", counted.n, offset, total)
        return
    rows = _print_machine(output, rows, what="claims", offset=offset, total=total, listing="CLAIMS", model=StoredClaim)
    if rows is None:
        return
    if not rows:
        console.print(f"No stored claim matches{' at this offset' if total else ''} ({total} in all).", highlight=False)
        return
    table = Table(title=f"Claims: {_span('rows', len(rows), offset, total)}", show_lines=True)
    for col in ("document", "claim", "value", "treaty", "verdict", "decided by", "quote"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(escape(r["doc_id"]), r["type"], escape(str(r["value"])), r["treaty"],
                      f"[{VERDICT_STYLE[r['verdict']]}]{r['verdict']}[/]", escape(r["citation"] or ""), escape((r["quote"] or "")[:160]))
    console.print(table)


@app.command("docs")
def docs(
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only this outlet, as listed by `accord sources`."),
    limit: int = typer.Option(100, "--limit", help=LIMIT_HELP),
    offset: int = OFFSET,
    db: Optional[Path] = DB,
    csv_out: bool = CSV,
    json_out: bool = JSON,
) -> None:
    """Stored documents, newest first: outlet, date, language, claims; rows --offset+1 to --offset+--limit, and the total."""
    from accord.interfaces import listings

    output = _output(csv_out, json_out, None, ())
    limit, offset = _window(limit, offset)
    store = open_store(db)
    total = store.count_documents(outlet=outlet or None)
    rows = listings.document_rows(store, outlet, limit=limit, offset=offset)
    rows = _print_machine(output, rows, what="documents", offset=offset, total=total, listing="DOCUMENTS",
                          model=DocumentRow)
    if rows is None:
        return
    if not rows:
        console.print(f"No stored document{' at this offset' if total else ''} ({total} in all).", highlight=False)
        return
    table = Table(title=f"Documents: {_span('rows', len(rows), offset, total)}")
    for col in ("document", "outlet", "published", "lang", "claims", "near-duplicate of"):
        table.add_column(col, overflow="fold", justify="right" if col == "claims" else "left")
    for r in rows:
        table.add_row(escape(r["id"]), escape(r["outlet"] or ""), r["published"] or "", r["lang"] or "", str(r["claims"]),
                      escape(r["near_dup_of"] or ""))
    console.print(table)


@app.command("sources")
def sources(db: Optional[Path] = DB, csv_out: bool = CSV, json_out: bool = JSON) -> None:
    """Per outlet: documents, claims, and how many are supported, contradicted or unverifiable."""
    output = _output(csv_out, json_out, None, ())
    rows = open_store(db).sources_summary()
    if output == "csv":
        from accord.services.exports import SOURCES

        _write(SOURCES.csv(rows))
        _total_to_stderr("outlets", len(rows), 0, len(rows))
        return
    if output == "json":
        print_answer(list[OutletScore], rows)
        return
    if not rows:
        console.print("Nothing ingested yet: run `accord ingest PATH`.")
        return
    table = Table(title=f"Outlets ({len(rows)})")
    for col in ("outlet", "documents", "claims", "supported", "contradicted", "unverifiable"):
        table.add_column(col, justify="left" if col == "outlet" else "right")
    for r in rows:
        table.add_row(escape(r["outlet"]), *(str(r[k]) for k in ("documents", "claims", "supported", "contradicted", "unverifiable")))
    console.print(table)


@app.command("search")
def search(query: str = typer.Argument(..., help="Words to find in the stored texts (any analysed language)."),
           limit: int = typer.Option(20, "--limit", help=LIMIT_HELP), offset: int = OFFSET, db: Optional[Path] = DB,
           csv_out: bool = CSV, json_out: bool = JSON) -> None:
    """Full-text search over the cleaned texts, best first (Russian words match in any inflected form)."""
    from accord.services.search_limits import QueryTooLarge, SearchInterrupted

    output = _output(csv_out, json_out, None, ())
    limit, offset = _window(limit, offset)
    if not query.strip():
        fail("nothing to search for: the query is empty")
    store = open_store(db)
    try:
        hits = store.search(query, limit=limit, offset=offset)
        total = store.count_search(query)
    except QueryTooLarge as exc:
        fail(f"query too large: {exc}")
    except SearchInterrupted as exc:
        fail(str(exc))
    if output == "csv":
        from accord.services.exports import SEARCH_HITS, ranked

        _write(SEARCH_HITS.csv(ranked(hits, offset)))
        _total_to_stderr("hits", len(hits), offset, total)
        return
    if output == "json":
        print_answer(list[SearchHit], hits)
        _total_to_stderr("hits", len(hits), offset, total)
        return
    if not hits:
        console.print(f"No match{' at this offset' if total else ''} ({total} in all).", highlight=False)
        return
    for h in hits:
        line = Text.assemble((h["doc_id"], "bold"), f" ¶{h['idx']}: ")
        snippet = Text(h["snippet"])
        for start, end in h["matches"]:
            snippet.stylize("bold reverse", start, end)
        console.print(line + snippet, highlight=False)
    console.print(Text(_span("hits", len(hits), offset, total) + "."), highlight=False)

