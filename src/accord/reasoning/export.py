"""Export the catalog: as JSON, or as ATOP-style member rows with the derived obligation codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from accord.knowledge.catalog import Catalog
from accord.knowledge.model import LifecycleKind
from accord.reasoning.alliance import derive_types

ATOP_COLUMNS = ["treaty", "member", "DEFENSE", "OFFENSE", "NEUTRAL", "NONAGG", "CONSUL", "start_date", "end_date", "articles"]


def export_json(catalog: Catalog) -> str:
    data = {tid: t.model_dump(mode="json") for tid, t in catalog.treaties.items()}
    return json.dumps(data, ensure_ascii=False, indent=2)


def export_atop_csv(catalog: Catalog) -> str:
    """One row per treaty and membership spell (original members and accessions, with exits).

    start_date is the member's entry: the treaty's entry into force for original
    members (empty when unknown), the accession day otherwise.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(ATOP_COLUMNS)
    for treaty in catalog.treaties.values():
        types = derive_types(treaty)
        entry = next((e.date for e in treaty.events_of(LifecycleKind.in_force) if e.date), None)
        articles = "; ".join(f"{k}: {', '.join(v)}" for k, v in types.cited.items())
        for m in treaty.parties:
            start: dt.date | None = m.joined or entry
            writer.writerow([
                treaty.id, m.party,
                int(types.defense), int(types.offense), int(types.neutrality), int(types.nonaggression), int(types.consultation),
                start.isoformat() if start else "", m.left.isoformat() if m.left else "", articles,
            ])
    return buf.getvalue()
