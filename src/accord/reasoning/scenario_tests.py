"""Declarative scenario tests: YAML files stating what the engine must answer, with article citations.

The format is typed (:mod:`accord.reasoning.scenario_format`, JSON Schema in
``docs/scenario-test.schema.json``): unknown keys, unknown treaty ids, unknown
parties and empty expectations are errors naming the place in the file.  A
file can assert a scenario's findings per treaty and party (citations match
exactly; ``absent`` is checked against every finding kind), a status on a
day, a comparison, and an error a request must get.  A malformed file is
reported and the other files still run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from accord.knowledge.catalog import Catalog, LookupFailed, nearest
from accord.knowledge.model import Action, EventKind
from accord.reasoning.compare import compare
from accord.reasoning.export import atop_rows
from accord.reasoning.lifecycle import status
from accord.reasoning.scenario import Event, ScenarioResult, TreatyAnswer, parse_event_kind, parse_place, parse_weapons, run_scenario
from accord.reasoning.scenario_format import CompareSpec, ErrorSpec, ExportSpec, PartySpec, ScenarioFile, StatusSpec, TreatySpec

KINDS = {"duties": "duty", "prohibitions": "prohibition", "permissions": "permission", "negatives": "negative",
         "conditionals": "conditional", "breaches": "breach"}
POSITIVE = ("duty", "prohibition", "permission", "conditional", "breach")


class ScenarioFileError(ValueError):
    """The file itself is malformed (as opposed to an expectation that fails)."""


@dataclass
class Outcome:
    path: Path
    name: str
    failures: list[str] = field(default_factory=list)
    error: str | None = None  # the file is malformed: nothing in it was checked

    @property
    def passed(self) -> bool:
        return not self.failures and self.error is None


def _where(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "<top>"


def parse_file(path: Path, catalog: Catalog) -> ScenarioFile:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)  # noqa: S506 - SafeLoader
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ScenarioFileError(f"{path.name}: not valid YAML: {exc}") from None
    if isinstance(raw, dict) and True in raw:  # YAML 1.1 reads a bare `on:` key as the boolean True
        raw["on"] = raw.pop(True)
    items = [*(raw.get("events") or []), *(raw.get("status") or [])] if isinstance(raw, dict) else []
    items += [e.get(k) for e in (raw.get("errors") or []) if isinstance(e, dict) for k in ("event", "status")] if isinstance(raw, dict) else []
    for item in items:
        if isinstance(item, dict) and True in item:
            item["on"] = item.pop(True)
    try:
        spec = ScenarioFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        what = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ScenarioFileError(f"{path.name}: {_where(first['loc'])}: {what}{more}") from None
    _validate(spec, path.name, catalog)
    return spec


def _treaty_id(tid: str, where: str, catalog: Catalog) -> None:
    if tid not in catalog.treaties:
        hint = nearest(tid, list(catalog.treaties))
        raise ScenarioFileError(f"{where}: unknown treaty '{tid}'" + (f" (did you mean '{hint}'?)" if hint else ""))


def _actions(catalog: Catalog) -> set[str]:
    steps = {s.id for t in catalog.treaties.values() for p in t.procedures for s in p.steps}
    return {a.value for a in Action} | steps


def _validate(spec: ScenarioFile, name: str, catalog: Catalog) -> None:
    labels: set[str] = set()
    for i, event in enumerate(spec.events):
        where = f"{name}: events.{i}"
        try:
            parse_event_kind(event.kind)
            for who in (event.by, event.against):
                if who:
                    labels.add(catalog.actor(who))
            parse_place(event.where, catalog)
            parse_weapons(event.weapons)
        except LookupFailed as exc:
            raise ScenarioFileError(f"{where}: {exc}") from None
    if not (spec.expect or spec.status or spec.compare or spec.export or spec.errors):
        raise ScenarioFileError(f"{name}: nothing to check: give expect, status, compare, export or errors")
    if spec.expect and not spec.events:
        raise ScenarioFileError(f"{name}: expect needs events")
    actions = _actions(catalog)
    for tid, tspec in spec.expect.items():
        where = f"{name}: expect.{tid}"
        _treaty_id(tid, where, catalog)
        if not tspec.model_fields_set:
            raise ScenarioFileError(f"{where}: empty expectation")
        for party, pspec in tspec.parties.items():
            if not catalog.is_known(party) and party not in labels:
                try:
                    catalog.party(party)
                except LookupFailed as exc:
                    raise ScenarioFileError(f"{where}.parties: {exc}") from None
            if not pspec.model_fields_set or not any(getattr(pspec, k) for k in pspec.model_fields_set):
                raise ScenarioFileError(f"{where}.parties.{party}: empty expectation")
            wanted = [w.action for k in KINDS for w in getattr(pspec, k)]
            wanted += [a if isinstance(a, str) else a.action for a in pspec.absent]
            for action in wanted:
                if action not in actions:
                    hint = nearest(action, sorted(actions))
                    raise ScenarioFileError(f"{where}.parties.{party}: unknown action '{action}'"
                                            + (f" (did you mean '{hint}'?)" if hint else ""))
    for i, st in enumerate(spec.status):
        _treaty_id(st.treaty, f"{name}: status.{i}", catalog)
        if len(st.model_fields_set - {"treaty", "on"}) == 0:
            raise ScenarioFileError(f"{name}: status.{i}: empty expectation")
    for i, cmp in enumerate(spec.compare):
        for tid in cmp.treaties + list(cmp.types) + list(cmp.atop_disagrees):
            _treaty_id(tid, f"{name}: compare.{i}", catalog)
        if not (cmp.types or cmp.atop_disagrees):
            raise ScenarioFileError(f"{name}: compare.{i}: empty expectation")
    for i, err in enumerate(spec.errors):
        if (err.event is None) == (err.status is None):
            raise ScenarioFileError(f"{name}: errors.{i}: give either event or status")


def _events(spec: ScenarioFile, catalog: Catalog) -> list[Event]:
    return [Event(parse_event_kind(e.kind), catalog.actor(e.by) if e.by else None,
                  catalog.actor(e.against) if e.against else None, e.on,
                  parse_place(e.where, catalog), parse_weapons(e.weapons)) for e in spec.events]


def _cited(finding) -> set[str]:
    return {finding.citation, *finding.because, *(c.strip() for c in finding.citation.split(","))}


def _check_party(answer: TreatyAnswer, party: str, spec: PartySpec, tid: str) -> list[str]:
    out: list[str] = []
    mine = [f for f in answer.findings if f.party == party]
    for key, kind in KINDS.items():
        for want in getattr(spec, key):
            hits = [f for f in mine if f.kind == kind and f.action == want.action]
            if not hits:
                out.append(f"{tid}/{party}: expected {kind} '{want.action}', found none")
                continue
            cited = set().union(*(_cited(f) for f in hits))
            missing = [b for b in want.because if b not in cited]
            if missing:
                out.append(f"{tid}/{party}: {kind} '{want.action}' cites {sorted(cited)}, expected {missing}")
            if want.condition and not any(want.condition in (f.condition or "") for f in hits):
                out.append(f"{tid}/{party}: {kind} '{want.action}' lacks the condition '{want.condition}'")
            if want.confidence and not any(f.confidence == want.confidence for f in hits):
                out.append(f"{tid}/{party}: {kind} '{want.action}' has confidence {sorted({f.confidence for f in hits})}, expected {want.confidence}")
            if not all(f.sources for f in hits):
                out.append(f"{tid}/{party}: {kind} '{want.action}' has a finding without sources")
    for item in spec.absent:
        action, kinds = (item, POSITIVE) if isinstance(item, str) else (item.action, (item.kind,) if item.kind else POSITIVE)
        found = sorted({f.kind for f in mine if f.action == action and f.kind in kinds})
        if found:
            out.append(f"{tid}/{party}: '{action}' must be absent, found as {', '.join(found)}")
    return out


def _check_treaty(result: ScenarioResult, tid: str, spec: TreatySpec) -> list[str]:
    answer = result.answer(tid)
    if spec.present is False:
        return [f"{tid}: expected absent from the answer"] if answer is not None else []
    if answer is None:
        return [f"{tid}: not in the answer"]
    failures: list[str] = []
    if "in_force" in spec.model_fields_set and answer.in_force != spec.in_force:
        failures.append(f"{tid}: in_force is {answer.in_force}, expected {spec.in_force}")
    if spec.contested is not None and answer.contested != spec.contested:
        failures.append(f"{tid}: contested is {answer.contested}, expected {spec.contested}")
    failures += [f"{tid}: note lacks '{frag}'" for frag in spec.note_contains if frag not in answer.note]
    procedure = answer.procedure
    available = procedure.available if procedure else None
    if spec.procedure_available is not None and available != spec.procedure_available:
        failures.append(f"{tid}: procedure available is {available}, expected {spec.procedure_available}")
    deadlines = {d.id: d.date.isoformat() for d in (procedure.deadlines if procedure else [])}
    for step, day in spec.procedure.items():
        want = day.isoformat() if day else None
        if deadlines.get(step) != want:
            failures.append(f"{tid}: procedure step '{step}' is {deadlines.get(step)}, expected {want}")
    for party, pspec in spec.parties.items():
        failures.extend(_check_party(answer, party, pspec, tid))
    return failures


def _check_status(spec: StatusSpec, catalog: Catalog) -> list[str]:
    st = status(catalog.treaty(spec.treaty), spec.on, catalog)
    where = f"status {spec.treaty} on {spec.on.isoformat()}"
    failures = []
    for key in ("phase", "in_force", "contested", "inferred", "term_end", "notice_deadline", "replaced_by"):
        if key in spec.model_fields_set and getattr(st, key) != getattr(spec, key):
            failures.append(f"{where}: {key} is {getattr(st, key)}, expected {getattr(spec, key)}")
    failures += [f"{where}: note lacks '{frag}'" for frag in spec.note_contains if frag not in st.note]
    held = {(tuple(p["actors"]), p["status"]) for p in st.positions}
    for pos in spec.positions:
        if (tuple(pos.actors), pos.status) not in held:
            failures.append(f"{where}: no position {pos.status} held by {', '.join(pos.actors)}")
    return failures


def _check_compare(spec: CompareSpec, catalog: Catalog) -> list[str]:
    data = compare(spec.treaties, catalog)
    failures = []
    for tid, types in spec.types.items():
        for name, want in types.items():
            got = data["types"].get(tid, {}).get(name, "missing")
            if got != want:
                failures.append(f"compare {tid}: {name} is {got}, expected {want}")
    for tid, names in spec.atop_disagrees.items():
        got = sorted((data["atop"].get(tid) or {}).get("differences", {}))
        if got != sorted(names):
            failures.append(f"compare {tid}: ATOP disagreements are {got}, expected {sorted(names)}")
    return failures


def _check_export(spec: ExportSpec, rows: list[dict]) -> list[str]:
    split = lambda d: (d.year, d.month, d.day) if d else (0, 0, 0)  # noqa: E731
    mine = [r for r in rows if r["atopid"] == spec.atopid and r["member"] == spec.member
            and (r["yrent"], r["moent"], r["dayent"]) == split(spec.entry)]
    where = f"export {spec.atopid}/{spec.member} from {spec.entry.isoformat()}"
    if not mine:
        return [f"{where}: no such row"]
    row, failures = mine[0], []
    if (row["yrexit"], row["moexit"], row["dayexit"]) != split(spec.exit):
        failures.append(f"{where}: exit is {row['yrexit']}-{row['moexit']}-{row['dayexit']}, expected {spec.exit}")
    for code, want in spec.codes.items():
        got = None if row[code] == "" else row[code]
        if got != want:
            failures.append(f"{where}: {code} is {got}, expected {want}")
    return failures


def _check_error(spec: ErrorSpec, catalog: Catalog) -> list[str]:
    """The request must fail with a one-line error containing ``message`` (the CLI's exit 2)."""
    try:
        if spec.event is not None:
            e = spec.event
            kind = parse_event_kind(e.get("kind", ""))
            actor = catalog.actor(e["by"]) if e.get("by") else None
            target = catalog.actor(e["against"]) if e.get("against") else None
            parse_place(e.get("where"), catalog)
            parse_weapons(e.get("weapons"))
            if actor is None and target is None:
                raise ValueError("give --by and/or --against")
            day = e.get("on", "2025-01-01")
            run_scenario([Event(kind, actor, target, day if isinstance(day, dt.date) else dt.date.fromisoformat(day))], None, catalog)
        else:
            catalog.treaty(str(spec.status.get("treaty", "")))
            day = spec.status.get("on", "")
            if not isinstance(day, dt.date):
                dt.date.fromisoformat(day)
    except (LookupFailed, ValueError) as exc:
        return [] if spec.message in str(exc) else [f"error '{exc}' lacks '{spec.message}'"]
    return [f"expected an error containing '{spec.message}', the request succeeded"]


def check(result: ScenarioResult | None, spec: ScenarioFile, catalog: Catalog) -> list[str]:
    failures: list[str] = []
    for tid, tspec in spec.expect.items():
        failures += _check_treaty(result, tid, tspec)
    for st in spec.status:
        failures += _check_status(st, catalog)
    for cmp in spec.compare:
        failures += _check_compare(cmp, catalog)
    rows = atop_rows(catalog) if spec.export else []
    for exp in spec.export:
        failures += _check_export(exp, rows)
    for err in spec.errors:
        failures += _check_error(err, catalog)
    return failures


def run_file(path: Path, catalog: Catalog) -> Outcome:
    """Run one file; a malformed file gives an Outcome with ``error`` set instead of raising."""
    try:
        spec = parse_file(path, catalog)
    except ScenarioFileError as exc:
        return Outcome(path, path.stem, error=str(exc))
    result = run_scenario(_events(spec, catalog), spec.as_of, catalog) if spec.events else None
    return Outcome(path, spec.name, check(result, spec, catalog))


def scenario_files(directory: Path) -> list[Path]:
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise ScenarioFileError(f"{directory}: no such file or directory")
    return sorted(p for p in directory.rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))


__all__ = ["EventKind", "Outcome", "ScenarioFileError", "check", "parse_file", "run_file", "scenario_files"]
