"""Export the catalog: as JSON, or as rows that can be appended to the ATOP v4 member-level file.

ATOP conventions followed (see docs/atop-export-codebook.md):

- ATOP's own column names and order (lower case), one row per member and spell;
- ``atopid`` where ATOP has the alliance, else the treaty's ``export_id``
  (90001–99999, a range ATOP does not use);
- ``member`` is the COW country code on the day, so a state whose code changed
  (the Federal Republic 260, Germany 255 from 3 October 1990) gets one spell per code;
- a spell starts at the signature of the treaty (original members) or of the
  accession protocol (later members; the accession day where the protocol's
  signature is not recorded), split into year, month and day; ``0`` in the exit
  columns means still a member;
- the five obligation codes are the derived types (blank where unknown), and the
  condition variables come from the conditions on the provisions that create them;
- instruments that create no alliance obligation (no type derived true) get no rows.

ATOP's phases (a new row set when the alliance is amended) are not reproduced:
each spell runs from entry to exit.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from dataclasses import dataclass
from importlib import resources

import yaml

from accord.knowledge.catalog import Catalog
from accord.knowledge.model import ConditionKind, Treaty
from accord.reasoning.alliance import ATOP_NAMES, TESTS, TYPES, derive_types
from accord.reasoning.lifecycle import ended_on

DATA = resources.files("accord.knowledge") / "data"
# ATOP's prefix for the condition variables of each type
PREFIX = {"defense": "def", "offense": "off", "neutrality": "neu", "consultation": "con"}
ATOP_CONDITION = {ConditionKind.place: "loc"}  # conditions ATOP has a variable for
# Conditions that make an obligation conditional in ATOP's sense: where it applies, and a weapon
# or threshold it needs.  An attack "by a state" and "as it deems necessary" are not: ATOP codes
# NATO Art. 5 conditional on location only.
CONDITIONAL = (ConditionKind.place, ConditionKind.weapons)


class ExportError(ValueError):
    """The catalog lacks something the export needs (a COW code, an alliance id)."""


@functools.cache
def atop_columns() -> list[str]:
    return yaml.safe_load((DATA / "atop_layout.yaml").read_text(encoding="utf-8"))["columns"]


@dataclass(frozen=True)
class CowCode:
    iso: str
    cow: int
    start: dt.date | None
    end: dt.date | None  # first day the code no longer applies


@functools.cache
def cow_codes() -> dict[str, list[CowCode]]:
    raw = yaml.safe_load((DATA / "cow_codes.yaml").read_text(encoding="utf-8"))
    out: dict[str, list[CowCode]] = {}
    for row in raw["codes"]:
        out.setdefault(row["iso"], []).append(CowCode(row["iso"], row["cow"], row.get("from"), row.get("until")))
    return out


def cow_spells(iso: str, start: dt.date, end: dt.date | None) -> list[tuple[int, dt.date, dt.date | None]]:
    """Split a membership spell at the days a state's COW code changes."""
    codes = cow_codes().get(iso)
    if not codes:
        raise ExportError(f"no COW country code for '{iso}' in cow_codes.yaml")
    spells = []
    for code in codes:
        lo = max(start, code.start) if code.start else start
        hi = min(d for d in (end, code.end) if d) if (end or code.end) else None
        if hi is None or lo < hi:
            spells.append((code.cow, lo, hi))
    return spells


def _alliance_id(treaty: Treaty) -> int:
    if treaty.atop is not None:
        return treaty.atop.atopid
    if treaty.export_id is not None:
        return treaty.export_id
    raise ExportError(f"{treaty.id} creates an alliance obligation but has neither an ATOP id nor an export_id")


def _condition_codes(treaty: Treaty, types) -> dict[str, int]:
    out: dict[str, int] = {}
    for name, prefix in PREFIX.items():
        if not getattr(types, name):
            continue
        hits = [p for p in treaty.provisions if TESTS[name](p)]
        gating = [c for p in hits for c in p.conditions if c.kind in CONDITIONAL]
        out[f"{prefix}con"] = int(bool(gating))
        for kind, suffix in ATOP_CONDITION.items():
            out[f"{prefix}co{suffix}"] = int(any(c.kind is kind for c in gating))
    out["conditio"] = int(any(out.get(f"{p}con") for p in PREFIX.values()))
    return out


def _split(day: dt.date | None) -> tuple[int, int, int]:
    return (day.year, day.month, day.day) if day else (0, 0, 0)


def atop_rows(catalog: Catalog) -> list[dict]:
    """One dict per member spell, keyed by ATOP column names, for every instrument with an alliance obligation."""
    rows: list[dict] = []
    for treaty in catalog.treaties.values():
        types = derive_types(treaty)
        if not types.any_obligation or treaty.signature is None:
            continue
        atopid = _alliance_id(treaty)
        end = ended_on(treaty, catalog)
        conditions = _condition_codes(treaty, types)
        bilateral = int(len(treaty.all_members()) == 2)
        for m in treaty.parties:
            start = (m.signed or m.joined) if m.joined else treaty.signature.date
            exit_ = min(d for d in (m.left, end) if d) if (m.left or end) else None
            for cow, lo, hi in cow_spells(m.party, start, exit_):
                row = dict.fromkeys(atop_columns(), "")
                row.update(atopid=atopid, member=cow, bilat=bilateral, version="accord")
                row.update(zip(("yrent", "moent", "dayent"), _split(lo)))
                row.update(zip(("yrexit", "moexit", "dayexit"), _split(hi)))
                for ours, theirs in ATOP_NAMES.items():
                    value = getattr(types, ours)
                    row[theirs] = "" if value is None else int(value)
                row.update(conditions)
                rows.append(row)
    return rows


def export_atop_csv(catalog: Catalog) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=atop_columns(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(atop_rows(catalog))
    return buf.getvalue()


def export_json(catalog: Catalog) -> str:
    data = {tid: t.model_dump(mode="json") for tid, t in catalog.treaties.items()}
    return json.dumps(data, ensure_ascii=False, indent=2)


__all__ = ["TYPES", "ExportError", "atop_columns", "atop_rows", "cow_spells", "export_atop_csv", "export_json"]
