"""Evaluate implementation-event extraction against gold annotations (``implementation/dev.jsonl``).

Each document goes through the same pipeline as an ingest.  A predicted event matches a gold
event when it is in the same document, has the same provision and type, and its span
overlaps the gold quote; each gold and each predicted event is matched at most once.
Precision, recall and F1 are counted overall, by type, by provision and by language.
On matched events, the date is right when it agrees on the month (``YYYY-MM`` against
``YYYY-MM``; no date against no date) and the status when it is the same.  Provision
accuracy is measured on the events found in the right place with the right type: the
share of them given the gold provision.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel, Field

from accord.knowledge.catalog import Catalog
from accord.press.evaluate import gold_rows
from accord.press.events.extract import ExtractedEvent
from accord.press.pipeline import process
from accord.press.read import RawDocument


class EventEvalInputError(ValueError):
    """The file is missing or not an implementation-events JSON Lines file."""


class EventCounts(BaseModel):
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


class OverallCounts(EventCounts):
    provision_accuracy: float = Field(description="On events found at the gold quote with the gold type: share with the gold provision.")
    date_accuracy: float = Field(description="On matched events: share whose date agrees with the gold date on year and month.")
    status_accuracy: float = Field(description="On matched events: share with the gold status.")


class EventMiss(BaseModel):
    doc: str
    lang: str
    provision: str
    type: str
    event_date: str | None
    status: str
    quote: str


class EventEvalReport(BaseModel):
    documents: int
    events: OverallCounts
    by_type: dict[str, EventCounts]
    by_provision: dict[str, EventCounts]
    by_lang: dict[str, EventCounts]
    misses: list[EventMiss]
    false_alarms: list[EventMiss]


class _Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def counts(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def is_implementation_file(path: Path) -> bool:
    """Does the first record of this JSON Lines file carry gold ``events`` (not ``claims``)?"""
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    return isinstance(row, dict) and "events" in row and "claims" not in row
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return False


def read_rows(path: Path) -> Iterable[dict]:
    return gold_rows(path, "events", EventEvalInputError, required=True)


def _locate(text: str, quote: str) -> tuple[int, int] | None:
    """The gold quote's span in the cleaned text (cleaning may have changed spaces or cut a piece)."""
    if not quote:
        return None
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    for size in (60, 30):
        head, tail = quote[:size], quote[-size:]
        at = text.find(head)
        if at >= 0:
            return at, at + len(quote)
        at = text.find(tail)
        if at >= 0:
            return max(0, at + len(tail) - len(quote)), at + len(tail)
    return None


def _overlaps(span: tuple[int, int] | None, event: ExtractedEvent) -> bool:
    return span is not None and event.start < span[1] and span[0] < event.end


def _same_month(gold: str | None, predicted: str | None) -> bool:
    return (gold or "")[:7] == (predicted or "")[:7]


def _miss(doc: str, lang: str, e: dict) -> EventMiss:
    return EventMiss(doc=doc, lang=lang, provision=e["provision"], type=e["type"], event_date=e.get("event_date"),
                     status=e["status"], quote=e["quote"])


def evaluate_events(path: Path | str, catalog: Catalog, today: dt.date, *, only: set[str] | None = None) -> EventEvalReport:
    """Event precision, recall and F1 of the pipeline on an implementation file (``only``: these document ids);
    ``today`` is the day an undated document speaks from, as in an ingest."""
    path = Path(path)
    overall, by_type, by_provision, by_lang = _Tally(), defaultdict(_Tally), defaultdict(_Tally), defaultdict(_Tally)
    located = provision_ok = date_ok = status_ok = documents = 0
    misses: list[EventMiss] = []
    false_alarms: list[EventMiss] = []
    for row in read_rows(path):
        doc_id = str(row.get("id"))
        if only is not None and doc_id not in only:
            continue
        documents += 1
        raw = RawDocument(id=doc_id, text=row["text"], url=row.get("url"), lang=row.get("lang"),
                          published=row.get("published"), outlet=row.get("outlet"), origin=path.name)
        doc = process(raw, catalog, today)
        lang = row.get("lang") or doc.lang or "unknown"
        predicted = list(doc.events)
        gold = [(g, _locate(doc.text, g.get("quote") or "")) for g in row["events"]]
        for g, span in gold:  # provision accuracy: right place and type, whatever the provision
            if any(_overlaps(span, p) and p.type == g["type"] for p in predicted):
                located += 1
                provision_ok += any(_overlaps(span, p) and p.type == g["type"] and p.provision == g["provision"] for p in predicted)
        unmatched = list(predicted)
        for g, span in gold:
            hit = next((p for p in unmatched if p.type == g["type"] and p.provision == g["provision"] and _overlaps(span, p)), None)
            buckets = (overall, by_type[g["type"]], by_provision[g["provision"]], by_lang[lang])
            if hit is None:
                for b in buckets:
                    b.fn += 1
                misses.append(_miss(doc_id, lang, g))
                continue
            unmatched.remove(hit)
            for b in buckets:
                b.tp += 1
            date_ok += _same_month(g.get("event_date"), hit.date)
            status_ok += hit.status == g["status"]
        for p in unmatched:
            for b in (overall, by_type[p.type], by_provision[p.provision], by_lang[lang]):
                b.fp += 1
            false_alarms.append(EventMiss(doc=doc_id, lang=lang, provision=p.provision, type=p.type, event_date=p.date,
                                          status=p.status, quote=p.quote))
    tp = overall.tp
    return EventEvalReport(
        documents=documents,
        events=OverallCounts(**overall.counts(),
                             provision_accuracy=round(provision_ok / located, 4) if located else 0.0,
                             date_accuracy=round(date_ok / tp, 4) if tp else 0.0,
                             status_accuracy=round(status_ok / tp, 4) if tp else 0.0),
        by_type={k: EventCounts(**v.counts()) for k, v in sorted(by_type.items())},
        by_provision={k: EventCounts(**v.counts()) for k, v in sorted(by_provision.items())},
        by_lang={k: EventCounts(**v.counts()) for k, v in sorted(by_lang.items())},
        misses=misses,
        false_alarms=false_alarms,
    )
