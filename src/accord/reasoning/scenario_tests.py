"""Declarative scenario tests: YAML files stating what the engine must answer, with article citations.

A file::

    name: Russia–DPRK Art. 4 — armed attack on the DPRK
    as_of: 2025-03-01
    events:
      - {kind: armed-attack, by: KOR, against: PRK, on: 2025-03-01}
    expect:
      rus-prk-2024:
        in_force: true
        note_contains: [...]            # optional
        procedure: {vote-window-end: 2025-09-27}   # optional: deadline id -> date
        parties:
          RUS:
            duties: [{action: provide_military_assistance, because: ["Art. 4"]}]
            prohibitions: [...]
            permissions: [...]
            negatives: [{action: provide_military_assistance, because: ["Art. 3(3)"]}]
            absent: [provide_military_assistance]   # actions that must not be a duty
      rus-irn-2025: {present: false}    # the treaty must not be in the answer
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from accord.knowledge.catalog import Catalog, LookupFailed
from accord.knowledge.model import EventKind
from accord.reasoning.scenario import Event, ScenarioResult, TreatyAnswer, run_scenario

KINDS = {"duties": "duty", "prohibitions": "prohibition", "permissions": "permission", "negatives": "negative"}


class ScenarioFileError(ValueError):
    """The file itself is malformed (as opposed to an expectation that fails)."""


@dataclass
class Outcome:
    path: Path
    name: str
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def _day(value, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ScenarioFileError(f"{where}: bad date '{value}'") from None


def load_events(data: dict, path: Path, catalog: Catalog) -> list[Event]:
    events = []
    for i, raw in enumerate(data.get("events") or []):
        where = f"{path.name}: events[{i}]"
        try:
            kind = EventKind(raw["kind"])
        except (KeyError, ValueError):
            raise ScenarioFileError(f"{where}: unknown event kind '{raw.get('kind')}'") from None
        try:
            actor = catalog.party(raw["by"]).code if raw.get("by") else None
            target = catalog.party(raw["against"]).code if raw.get("against") else None
        except LookupFailed as exc:
            raise ScenarioFileError(f"{where}: {exc}") from None
        # YAML 1.1 reads a bare `on:` key as the boolean True
        day = raw.get("on", raw.get(True))
        events.append(Event(kind, actor, target, _day(day, where)))
    if not events:
        raise ScenarioFileError(f"{path.name}: no events")
    return events


def _check_party(answer: TreatyAnswer, party: str, spec: dict, tid: str) -> list[str]:
    out: list[str] = []
    mine = [f for f in answer.findings if f.party == party]
    for key, kind in KINDS.items():
        for want in spec.get(key) or []:
            action, because = want["action"], want.get("because") or []
            hits = [f for f in mine if f.kind == kind and f.action == action]
            if not hits:
                out.append(f"{tid}/{party}: expected {kind} '{action}', found none")
                continue
            cited = {c for f in hits for c in [f.citation, *f.because]}
            missing = [b for b in because if not any(b in c for c in cited)]
            if missing:
                out.append(f"{tid}/{party}: {kind} '{action}' cites {sorted(cited)}, expected {missing}")
    for action in spec.get("absent") or []:
        if any(f.action == action and f.kind in ("duty", "permission") for f in mine):
            out.append(f"{tid}/{party}: '{action}' must not be a duty or permission")
    return out


def check(result: ScenarioResult, expect: dict) -> list[str]:
    failures: list[str] = []
    for tid, spec in (expect or {}).items():
        answer = result.answer(tid)
        if spec.get("present") is False:
            if answer is not None:
                failures.append(f"{tid}: expected absent from the answer")
            continue
        if answer is None:
            failures.append(f"{tid}: not in the answer")
            continue
        if "in_force" in spec and answer.in_force != spec["in_force"]:
            failures.append(f"{tid}: in_force is {answer.in_force}, expected {spec['in_force']}")
        for fragment in spec.get("note_contains") or []:
            if fragment not in answer.note:
                failures.append(f"{tid}: note lacks '{fragment}'")
        for step, day in (spec.get("procedure") or {}).items():
            deadlines = {d.id: d.date.isoformat() for d in (answer.procedure.deadlines if answer.procedure else [])}
            if deadlines.get(step) != str(day):
                failures.append(f"{tid}: procedure step '{step}' is {deadlines.get(step)}, expected {day}")
        for party, pspec in (spec.get("parties") or {}).items():
            failures.extend(_check_party(answer, party, pspec or {}, tid))
    return failures


def run_file(path: Path, catalog: Catalog) -> Outcome:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ScenarioFileError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or "expect" not in data:
        raise ScenarioFileError(f"{path.name}: expected a mapping with 'events' and 'expect'")
    events = load_events(data, path, catalog)
    as_of = _day(data["as_of"], path.name) if data.get("as_of") else None
    try:
        result = run_scenario(events, as_of, catalog)
    except LookupFailed as exc:
        raise ScenarioFileError(f"{path.name}: {exc}") from None
    return Outcome(path, data.get("name", path.stem), check(result, data["expect"]))


def scenario_files(directory: Path) -> list[Path]:
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise ScenarioFileError(f"{directory}: no such file or directory")
    return sorted(p for p in directory.rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))
