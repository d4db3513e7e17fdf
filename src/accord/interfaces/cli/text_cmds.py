"""`accord import` and `accord diff-coding`: treaty texts into the user catalog, and their coding."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from accord.interfaces.cli.common import app, catalog, console, err_console, fail, print_json, settings
from accord.interfaces.cli.treaty_cmds import JSON, get_treaty


@app.command("import")
def import_text(
    file: Path = typer.Argument(..., help="A treaty text: plain text (.txt), HTML, or Akoma Ntoso 3.0 XML."),
    treaty_id: str = typer.Option(..., "--id", help="Treaty id: a catalogued one (the text is attached) or a new one."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the text (en, ru, fr, es …); default: detected."),
    party: Optional[list[str]] = typer.Option(None, "--party", help="A party (code or name) of a new treaty, when its text does not name them."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Parse and code without storing."),
    replace: bool = typer.Option(False, "--replace", help="Overwrite an earlier import of the same treaty and language."),
    json_out: bool = JSON,
) -> None:
    """Read a treaty text, find its structure, code every paragraph, and store it in the user catalog."""
    from accord.knowledge.text import TextError
    from accord.knowledge.text_formats import TextFormatError
    from accord.services.treaty_import import ImportError_, import_file, public_answer, store_record

    cat = catalog()
    parties = None
    if party:
        try:
            parties = [cat.party(p).code for p in party]
        except KeyError as exc:
            fail(f"{exc} for --party")
    try:
        record = import_file(file, treaty_id, cat, language=lang)
        written = [] if dry_run else store_record(record, settings().user_catalog_dir, cat, replace=replace, parties=parties)
    except (TextFormatError, TextError, ImportError_) as exc:
        fail(f"{file.name}: {exc}" if not str(exc).startswith(file.name) else str(exc))
    if written:
        from accord.knowledge.catalog import catalog_with_user

        catalog_with_user.cache_clear()  # the next command in this process sees the new entry
    answer = public_answer(record).model_copy(update={"stored": bool(written), "attached": record.treaty in cat.treaties})
    if json_out:
        print_json(answer.model_dump(mode="json"))
    else:
        where = "attached to the catalogued treaty" if answer.attached else "a new treaty in the user catalog"
        console.print(f"[bold]{answer.treaty}[/] ({answer.language}): {len(answer.articles)} articles"
                      + "".join(f", {i.kind} '{i.title}' ({len(i.articles)} articles)" for i in answer.instruments)
                      + (f" — {where}" if written else " — dry run, nothing stored"))
        table = Table(title="Articles and their coding", title_justify="left")
        for col in ("art.", "paragraphs", "obligations", "coding"):
            table.add_column(col, overflow="fold")
        for a in answer.articles:
            lines = sorted({(c.lifecycle or (c.action.value if c.action else c.kind)) for p in a.paragraphs for c in p.coding})
            table.add_row(str(a.number), str(len(a.paragraphs)), ", ".join(a.obligations), ", ".join(lines))
        console.print(table)
        types = [t for t in ("defense", "offense", "neutrality", "nonaggression", "consultation") if getattr(answer.types, t)]
        console.print(f"Obligation types derived from the text: {', '.join(types) or 'none'}")
    for w in answer.warnings:
        err_console.print(f"[yellow]warning:[/] {w}", highlight=False, soft_wrap=True)


@app.command("diff-coding")
def diff_coding_cmd(
    treaty_id: str = typer.Argument(..., help="Treaty id with an imported text, e.g. nato-1949."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Which imported text, when there are several."),
    json_out: bool = JSON,
) -> None:
    """The hand coding against the coding derived from the treaty's imported text: what each side lacks."""
    from accord.reasoning.diff_coding import diff_coding

    treaty, record = imported_text(treaty_id, lang)
    result = diff_coding(treaty, record)
    if json_out:
        print_json(result.model_dump(mode="json"))
        return
    lacking = ", ".join(map(str, result.lacking_in_hand)) or "nothing"
    console.print(f"[bold]{treaty.id}[/]: hand coding against the {result.language} text ({result.source}); the hand coding lacks Arts. {lacking}")
    table = Table(title="Articles", title_justify="left", show_lines=True)
    for col in ("art.", "status", "hand coding", "text coding"):
        table.add_column(col, overflow="fold")
    style = {"only_in_text": "yellow", "only_in_hand": "cyan", "differ": "red", "agree": "green"}
    for a in result.articles:
        table.add_row(str(a.article), f"[{style[a.status]}]{a.status.replace('_', ' ')}[/]", "\n".join(a.hand) or "-", "\n".join(a.text) or "-")
    console.print(table)
    for f in result.facts:
        console.print(f"{f.fact}: hand {f.hand or 'unknown'}, text {f.text or 'not found'} ({f.status.replace('_', ' ')})")


def imported_text(treaty_id: str, lang: str | None):
    treaty = get_treaty(treaty_id)
    texts = catalog().texts.get(treaty.id, {})
    if not texts:
        fail(f"no imported text of '{treaty.id}': run `accord import FILE --id {treaty.id}` first")
    if lang is None:
        lang = treaty.languages[0] if treaty.languages and treaty.languages[0] in texts else sorted(texts)[0]
    if lang not in texts:
        fail(f"no imported {lang} text of '{treaty.id}' (imported: {', '.join(sorted(texts))})")
    return treaty, texts[lang]


def export_akn(treaty_id: str | None, lang: str | None) -> str:
    from accord.reasoning.akn import AknError, to_akn

    if treaty_id is None:
        fail("--format akn exports one treaty: give its id, e.g. `accord export nato-1949 --format akn`")
    treaty, record = imported_text(treaty_id, lang)
    try:
        return to_akn(treaty, record, catalog())
    except AknError as exc:
        fail(str(exc))


__all__ = ["import_text", "diff_coding_cmd", "export_akn"]
