"""Implementation events as flat rows (one per merged event), and as JSON that pandas reads as it
is (``pandas.read_json(f)``); their CSV is the ``events`` listing of accord.services.exports.

List-valued fields (actors, source URLs, outlets, quotes) are joined with " | " in CSV and
kept as lists in JSON; the event date is ISO text (a day or a month) in both.
"""

from __future__ import annotations

import json

from accord.reasoning.implementation import ImplementationReport

COLUMNS = ["treaty", "provision", "type", "actors", "event_date", "status", "independent_sources", "reports",
           "source_urls", "outlets", "doc_ids", "quotes"]


def event_rows(report: ImplementationReport) -> list[dict]:
    rows = []
    for item in report.provisions:
        for e in item.events:
            rows.append({
                "treaty": report.treaty, "provision": e.provision, "type": e.type, "actors": e.actors,
                "event_date": e.event_date, "status": e.status, "independent_sources": e.independent_sources,
                "reports": len(e.sources), "source_urls": [s.url for s in e.sources if s.url],
                "outlets": list(dict.fromkeys(s.outlet for s in e.sources if s.outlet)),
                "doc_ids": [s.doc_id for s in e.sources], "quotes": [s.quote for s in e.sources],
            })
    return rows


def events_json(report: ImplementationReport) -> str:
    """A JSON array of records (``orient="records"`` for pandas)."""
    return json.dumps(event_rows(report), ensure_ascii=False, indent=1) + "\n"
