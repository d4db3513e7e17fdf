"""`accord languages`: the languages the press pipeline reads, and those it only detects."""

from __future__ import annotations

from rich.table import Table

from accord.interfaces.cli.common import app, console, print_json
from accord.interfaces.cli.treaty_cmds import JSON


@app.command("languages")
def languages_cmd(json_out: bool = JSON) -> None:
    """Every language known: analysed (claims are read), or detected but not analysed, and why."""
    from accord.press.languages import languages

    answer = languages()
    if json_out:
        print_json(answer.model_dump(mode="json"))
        return
    table = Table(title="Languages")
    for col in ("code", "language", "script", "claims", "dates", "why not"):
        table.add_column(col, overflow="fold")
    for lang in answer.languages:
        analysed = lang.status == "analysed"
        table.add_row(lang.code, lang.name, lang.script, "[green]analysed[/]" if analysed else "[yellow]not analysed[/]",
                      "yes" if lang.dates else "no", lang.reason or "")
    console.print(table)
    console.print("Paragraphs in a language that is not analysed are counted per document, never read for claims.")
