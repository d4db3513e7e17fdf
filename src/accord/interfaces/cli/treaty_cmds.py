"""`accord treaties`, `accord show`, `accord status`: the catalog and life cycles."""

from __future__ import annotations

from typing import Optional

import typer
from rich.table import Table

from accord.contract import Status, TreatyRow
from accord.interfaces import inputs
from accord.interfaces.cli.common import app, catalog, console, fail, given, parse_day, print_answer
from accord.knowledge.catalog import nearest
from accord.knowledge.model import Treaty
from accord.reasoning.lifecycle import status as treaty_status
from accord.reasoning.listing import treaty_rows

JSON = typer.Option(False, "--json", help="Print JSON (documented in docs/json.md).")


def get_treaty(treaty_id: str) -> Treaty:
    return given(inputs.treaty, catalog(), treaty_id)


TYPE_ORDER = ("defense", "offense", "neutrality", "nonaggression", "consultation")


def _types_badge(types: dict) -> str:
    unknown = [t for t in TYPE_ORDER if types[t] is None]
    known = ", ".join(t for t in TYPE_ORDER if types[t]) or "-"
    return known + (f" (unknown: {', '.join(unknown)})" if unknown else "")


@app.command("treaties")
def treaties(json_out: bool = JSON) -> None:
    """The catalog, one line per treaty."""
    rows = treaty_rows(catalog())
    if json_out:
        print_answer(list[TreatyRow], rows)
        return
    table = Table(title="accord catalog")
    table.add_column("id", no_wrap=True)
    for col in ("title", "parties", "signed", "articles", "obligation types"):
        table.add_column(col)
    for row in rows:
        parties = row["parties"]
        shown = ", ".join(parties[:6]) + (f" +{len(parties) - 6}" if len(parties) > 6 else "")
        table.add_row(row["id"], row["title"], shown, row["signed"] or "unknown", str(row["articles"] or "unknown"), _types_badge(row["types"]))
    console.print(table)


@app.command("show")
def show(
    treaty_id: str = typer.Argument(..., help="Treaty id, e.g. rus-irn-2025."),
    article: Optional[str] = typer.Option(None, "--article", help="Only this article (number or topic key)."),
    json_out: bool = JSON,
) -> None:
    """A treaty's articles and provisions, with their sources."""
    treaty = get_treaty(treaty_id)
    articles = treaty.articles
    if article is not None:
        articles = [a for a in treaty.articles if a.key == article]
        if not articles:
            known = [a.key for a in treaty.articles]
            hint = nearest(article, known)
            extra = f" (did you mean '{hint}'?)" if hint else ""
            if article.isdigit() and treaty.article_count and int(article) <= treaty.article_count:
                fail(f"article {article} of {treaty.id} is not coded: its content was not found in the sources{extra}")
            fail(f"unknown article '{article}' of {treaty.id}{extra}")
    if json_out:
        print_answer(Treaty, treaty if article is None else treaty.model_copy(update={"articles": articles}))
        return
    console.print(f"[bold]{treaty.title}[/] ({treaty.id})")
    if treaty.signature:
        sig = treaty.signature
        console.print(f"Signed {sig.date.isoformat()} at {sig.place or 'unknown place'} by {', '.join(sig.signatories) or 'unknown'}")
    console.print(f"Parties: {', '.join(treaty.all_members())}; articles: {treaty.article_count or 'unknown'}")
    for art in articles:
        label = f"Art. {art.number}" if art.number is not None else "Unnumbered (article number not confirmed)"
        table = Table(title=f"{label} — {art.topic} [{art.confidence.value}]", show_lines=True, title_justify="left")
        for col in ("provision", "modality", "bearer", "action", "trigger", "text", "sources"):
            table.add_column(col, overflow="fold")
        for p in art.provisions:
            trigger = ", ".join(e.value for e in p.trigger.events) + f" → {p.trigger.target.value}" if p.trigger else "-"
            bearer = p.bearer.party or p.bearer.kind.value
            table.add_row(p.citation if p.article else p.id, p.modality.value, bearer, p.action.value, trigger, p.text, "\n".join(p.sources))
        console.print(art.summary)
        console.print(table)
    if article is None and treaty.doubts:
        console.print("[bold]Open doubts[/]")
        for d in treaty.doubts:
            console.print(f" • {d.topic}: {d.text}")


@app.command("status")
def status(
    treaty_id: str = typer.Argument(..., help="Treaty id, e.g. rus-irn-2025."),
    on: Optional[str] = typer.Option(None, "--on", help="Date YYYY-MM-DD (default: today)."),
    json_out: bool = JSON,
) -> None:
    """Is the treaty in force on a date? Term, renewal, notice deadline, steps done and pending."""
    treaty = get_treaty(treaty_id)
    day = parse_day(on)
    result = treaty_status(treaty, day, catalog())
    if json_out:
        print_answer(Status, result)
        return
    colour = {True: "green", False: "red", None: "yellow"}[result.in_force]
    console.print(f"[bold]{treaty.id}[/] on {day.isoformat()}: [{colour}]{result.phase}[/] — {result.note}")
    if result.term_end:
        console.print(f"Current term ends {result.term_end.isoformat()}")
    if result.notice_deadline:
        console.print(f"Last day to give notice: {result.notice_deadline.isoformat()}")
    elif result.in_force and result.notice_note:
        console.print(f"Notice period: unknown — {result.notice_note}")
    if result.contested:
        console.print("[bold yellow]Contested:[/]")
        for pos in result.positions:
            console.print(f" • {', '.join(pos['actors'])}: {pos['holds']} ({'; '.join(pos['sources'][:2])})")
    table = Table(title="Life-cycle steps", title_justify="left")
    for col in ("state", "date", "party", "body", "step", "confidence"):
        table.add_column(col, overflow="fold")
    for s in result.steps:
        when = s.date.isoformat() if s.date else (s.date_text or "unknown")
        table.add_row(s.state, when, s.party or "", s.body or "", s.text, s.confidence)
    console.print(table)
