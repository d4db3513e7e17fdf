"""The counts the reads use (per filter combination, per day, per outlet, rows per table), added up by
the writer for a whole batch of documents and written with one upsert per key.

Triggers on every inserted claim and verdict used to do this, each joining the claim to its document
and judgement again; summing in the writer, which holds every value already, costs a small share of
that.  Deletions and changed verdicts are rarer and stay with the triggers (see ``schema``), which
also keep the error count.  Because every count is a sum, the counts of several stores (shards)
merge by adding them up (:func:`merge_from`)."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter

from accord.press.pipeline import ProcessedDocument
from accord.services.store.schema import KEPT_COUNTS, NO_VALUE

# The publication day a claim is counted under: the SQL rule of ``schema.CLAIM_DAY`` (a date as precise
# as it is written, a month stays a month; '' when there is none), in Python.
_DATED = re.compile(r"[0-9]{4}-[0-9]{2}")


def claim_day(published: str | None) -> str:
    return published[:10] if published and _DATED.match(published) else ""


class Tally:
    """What a batch adds to the kept counts; a document is added only once it is stored whole."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter] = {table: Counter() for table in KEPT_COUNTS}

    def add(self, doc: ProcessedDocument, published: str | None, near_duplicate: bool, events: int) -> None:
        outlet = doc.outlet if doc.outlet is not None else NO_VALUE
        day = claim_day(published)
        rows = self.counts["row_counts"]
        rows["documents",] += 1
        rows["paragraphs",] += len(doc.paragraphs)
        rows["claims",] += len(doc.claims)
        rows["events",] += events
        if near_duplicate:
            rows["near_duplicates",] += 1
        by_outlet = self.counts["outlet_counts"]
        outlet_name = doc.outlet if doc.outlet is not None else "unknown"
        by_outlet[outlet_name, ""] += 1
        for claim in doc.claims:
            key = (claim.verdict, claim.type, claim.lang if claim.lang is not None else NO_VALUE, claim.treaty, outlet)
            self.counts["claim_counts"][key] += 1
            self.counts["claim_days"][(day, *key)] += 1
            self.counts["claim_day_verdicts"][day, claim.verdict] += 1
            by_outlet[outlet_name, claim.verdict] += 1

    def __bool__(self) -> bool:
        return any(self.counts.values())

    def write(self, db: sqlite3.Connection) -> None:
        """Add the tally to the stored counts and move the write version (inside the caller's transaction)."""
        for table, width in KEPT_COUNTS.items():
            rows = [(*key, n) for key, n in self.counts[table].items() if n]
            if rows:
                marks = ",".join("?" * (width + 1))
                db.executemany(f"INSERT INTO {table} VALUES ({marks}) ON CONFLICT DO UPDATE SET n = n + excluded.n", rows)
        if self:
            db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'write_version'")


def merge_from(db: sqlite3.Connection, schema_name: str) -> None:
    """Add the counts of an attached store (``schema_name``) to this one's, as a merge of its rows needs."""
    for table in KEPT_COUNTS:
        db.execute(f'INSERT INTO main.{table} SELECT * FROM "{schema_name}".{table} WHERE true '
                   "ON CONFLICT DO UPDATE SET n = n + excluded.n")
    db.execute("UPDATE main.meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'write_version'")
