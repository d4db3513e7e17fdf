"""`accord check` (judge a sentence) and `accord eval` (quality against gold annotations)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from accord.contract import EvalReport, JudgedClaim
from accord.interfaces import inputs
from accord.interfaces.cli.common import app, catalog, console, fail, given, print_answer, today
from accord.interfaces.cli.treaty_cmds import JSON
from accord.press.verify import UnsupportedLanguage, check_text

VERDICT_STYLE = {"supported": "green", "contradicted": "bold red", "unverifiable": "yellow"}


@app.command("check")
def check(
    text: str = typer.Argument(..., help="A sentence or paragraph in English or Russian."),
    lang: Optional[str] = typer.Option(None, "--lang", help="en or ru (default: detected)."),
    json_out: bool = JSON,
) -> None:
    """Extract the claims a text makes about a treaty and judge each against the catalog."""
    given(inputs.text, text)
    try:
        detected, results = check_text(text, lang, catalog=catalog(), today=today())
    except UnsupportedLanguage as exc:
        fail(str(exc))
    if json_out:
        print_answer(list[JudgedClaim], [r.answer() for r in results])
        return
    if not results:
        console.print(f"No claim about a treaty found in this {detected} text.")
        return
    table = Table(title=f"Claims ({detected})", show_lines=True)
    for col in ("claim", "value", "treaty", "verdict", "decided by", "why"):
        table.add_column(col, overflow="fold")
    for r in results:
        j = r.judgement
        style = VERDICT_STYLE[j.verdict.value]
        table.add_row(r.extracted.claim.type.value, str(r.extracted.claim.value), r.extracted.claim.treaty,
                      f"[{style}]{j.verdict.value}[/]", j.citation, j.reason)
    console.print(table)


@app.command("eval")
def eval_cmd(
    path: Path = typer.Argument(..., help="Corpus JSON Lines with gold claims, or an implementation file with gold events."),
    json_out: bool = JSON,
    show: int = typer.Option(15, "--show", help="How many misses and false alarms to list."),
) -> None:
    """Precision, recall and F1 of claim extraction per type and language, and verdict accuracy;
    for a file of gold implementation events, event precision, recall and F1."""
    from accord.press.events.evaluate import is_implementation_file

    if is_implementation_file(path):
        _eval_events(path, json_out, show)
        return
    from accord.press.evaluate import EvalInputError, evaluate  # the whole pipeline: not needed by `check`

    try:
        report = evaluate(path, catalog(), today())
    except EvalInputError as exc:
        fail(str(exc))
    answer = report.answer()
    if json_out:
        print_answer(EvalReport, answer)
        return
    data = answer.model_dump(mode="json")
    o = data["overall"]
    console.print(f"{data['documents']} documents — F1 {o['f1']:.3f} (P {o['precision']:.3f}, R {o['recall']:.3f}), "
                  f"verdict accuracy {o['verdict_accuracy']:.3f}; flagship mutual-defence claims judged supported: "
                  f"{data['supported_flagship_mutual_defense']}")
    for title, rows in (("By language", data["by_lang"]), ("By claim type", data["by_type"])):
        table = Table(title=title)
        for col in ("", "P", "R", "F1", "verdict acc.", "tp", "fp", "fn"):
            table.add_column(col)
        for key, c in rows.items():
            table.add_row(key, f"{c['precision']:.2f}", f"{c['recall']:.2f}", f"{c['f1']:.2f}", f"{c['verdict_accuracy']:.2f}", str(c["tp"]), str(c["fp"]), str(c["fn"]))
        console.print(table)
    for title, rows in (("Misses", data["misses"]), ("False alarms", data["false_alarms"])):
        if rows:
            console.print(f"[bold]{title}[/] (first {min(show, len(rows))} of {len(rows)})")
            for r in rows[:show]:
                console.print(f"  {r['doc']} [{r['lang']}] {r['treaty']} {r['type']}={r['value']!r}: “{(r.get('quote') or '')[:90]}”", highlight=False)


def _eval_events(path: Path, json_out: bool, show: int) -> None:
    from accord.press.events.evaluate import EventEvalInputError, evaluate_events

    try:
        report = evaluate_events(path, catalog(), today())
    except EventEvalInputError as exc:
        fail(str(exc))
    if json_out:
        print_answer(type(report), report)
        return
    e = report.events
    console.print(f"{report.documents} documents — event F1 {e.f1:.3f} (P {e.precision:.3f}, R {e.recall:.3f}; "
                  f"tp {e.tp}, fp {e.fp}, fn {e.fn}); provision accuracy {e.provision_accuracy:.3f}, "
                  f"date accuracy {e.date_accuracy:.3f}, status accuracy {e.status_accuracy:.3f}")
    for title, rows in (("By language", report.by_lang), ("By type", report.by_type), ("By provision", report.by_provision)):
        table = Table(title=title)
        for col in ("", "P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(col)
        for key, c in rows.items():
            table.add_row(key, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.tp), str(c.fp), str(c.fn))
        console.print(table)
    for title, items in (("Misses", report.misses), ("False alarms", report.false_alarms)):
        if items:
            console.print(f"[bold]{title}[/] (first {min(show, len(items))} of {len(items)})")
            for m in items[:show]:
                console.print(f"  {m.doc} [{m.lang}] {m.provision} {m.type} {m.status} {m.event_date or 'undated'}: "
                              f"“{m.quote[:90]}”", highlight=False)
