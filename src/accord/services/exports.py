"""Streamed exports of the lists accord shows, as CSV or as a JSON array.

Each list (claims, documents, sources, search hits, the catalog, a comparison, implementation
events, claims over time) is a :class:`Listing`: its stable columns and how one row of the list
becomes them. Rows are written a chunk at a time from whatever iterable the caller gives (a store
cursor for the big lists), so a store of any size exports in flat memory. The columns are
documented in docs/export-codebook.md, one section per list; a test holds the two together.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from accord.reasoning.implementation_export import COLUMNS as EVENT_COLUMNS

CHUNK_ROWS = 500
_PLAIN = frozenset({str, int, float})
LIST_SEPARATOR = " | "


def _unique(values: Iterable[Any] | None) -> list:
    return list(dict.fromkeys(values or []))


@dataclass(frozen=True)
class Listing:
    """One exportable list: its name (the codebook section and the file name), its columns in
    order, the columns whose CSV cell is always JSON text (so "true" and true stay apart), and a
    function giving a row's values for columns that are not plain keys of the row."""

    name: str
    columns: tuple[str, ...]
    json_columns: frozenset[str] = frozenset()
    derive: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None

    def record(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """The row as the export's object: exactly the columns, in order, with JSON values."""
        extra = self.derive(row) if self.derive else {}
        return {column: extra[column] if column in extra else row.get(column) for column in self.columns}

    def cells(self, row: Mapping[str, Any]) -> list[Any]:
        record = self.record(row)
        return [json.dumps(record[c], ensure_ascii=False) if c in self.json_columns else csv_cell(record[c])
                for c in self.columns]

    def csv(self, rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
        return csv_chunks(self.columns, (self.cells(r) for r in rows))

    def json(self, rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
        return json_array_chunks(self.record(r) for r in rows)

    def render(self, fmt: str, rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
        return self.csv(rows) if fmt == "csv" else self.json(rows)


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: empty for none, true/false for booleans, a list of plain values
    joined by ' | ', anything else nested as JSON text."""
    if type(value) in _PLAIN:  # most cells: checked first, as a whole export calls this for every cell
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
            return LIST_SEPARATOR.join(str(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_chunks(header: Iterable[str], rows: Iterable[list]) -> Iterator[str]:
    """CSV text (RFC 4180, CRLF line ends) in chunks of :data:`CHUNK_ROWS` rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for i, row in enumerate(rows, 1):
        writer.writerow(row)
        if i % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_array_chunks(items: Iterable[dict]) -> Iterator[str]:
    """A JSON array written item by item."""
    yield "["
    for i, item in enumerate(items):
        yield ("," if i else "") + json.dumps(item, ensure_ascii=False)
    yield "]\n"


def json_lines(items: Iterable[dict]) -> Iterator[str]:
    """JSON Lines: one object a line, UTF-8 as written."""
    for item in items:
        yield json.dumps(item, ensure_ascii=False) + "\n"


# --- the lists -------------------------------------------------------------------------------

CLAIMS = Listing(
    "claims",
    ("id", "doc_id", "outlet", "url", "published", "lang", "treaty", "type", "value", "quote",
     "start", "end", "verdict", "citation", "reason", "sources"),
    json_columns=frozenset({"value"}),
    derive=lambda c: {"sources": _unique(c.get("sources"))},
)
CLAIM_COLUMNS = CLAIMS.columns

DOCUMENTS = Listing(
    "documents",
    ("id", "url", "outlet", "author", "published", "lang", "near_dup_of", "ingested_at", "claims"),
)

SOURCES = Listing(
    "sources",
    ("outlet", "documents", "claims", "supported", "contradicted", "unverifiable", "share_supported"),
    derive=lambda r: {"share_supported": round(r["supported"] / r["claims"], 4) if r.get("claims") else None},
)

SEARCH_HITS = Listing(
    "search",
    ("rank", "doc_id", "idx", "outlet", "snippet", "matches", "score"),
    json_columns=frozenset({"matches"}),
)

OBLIGATION_TYPES = ("defense", "offense", "neutrality", "nonaggression", "consultation")

TREATIES = Listing(
    "catalog",
    ("id", "title", "parties", "signed", "articles", "as_of", "phase", "in_force", *OBLIGATION_TYPES, "cow_type"),
    derive=lambda r: {**{name: r["types"].get(name) for name in OBLIGATION_TYPES}, "cow_type": r["types"].get("cow_type")},
)

COMPARISON = Listing(
    "compare",
    ("treaty", "aspect", "name", "value", "cited", "basis", "confidence"),
)

# The tracker's merged events, one a row, with the columns of `accord events` (reasoning.implementation_export).
EVENTS = Listing("events", tuple(EVENT_COLUMNS))

IMPLEMENTATION = Listing(
    "implementation",
    ("provision", "label", "title", "duty", "level", "level_name", "finding", "events", "independent_sources", "rule",
     "confidence"),
    derive=lambda r: {"events": len(r.get("events") or [])},
)

TRENDS = Listing(
    "trends",
    ("period", "supported", "contradicted", "unverifiable", "total"),
    derive=lambda r: {"total": sum(r.get(v) or 0 for v in ("supported", "contradicted", "unverifiable"))},
)

LISTINGS: dict[str, Listing] = {listing.name: listing for listing in
                                (CLAIMS, DOCUMENTS, SOURCES, SEARCH_HITS, TREATIES, COMPARISON, IMPLEMENTATION, EVENTS,
                                 TRENDS)}


def comparison_rows(data: Mapping[str, Any]) -> Iterator[dict]:
    """The comparison matrix (``reasoning.compare.compare``) one cell a row: first each treaty's
    obligation types (true / false / null, the articles that make one true, the basis and its
    confidence), then its cooperation domains with the articles that cover each."""
    for tid in data["treaties"]:
        types = data["types"][tid]
        for name in data["type_names"]:
            yield {"treaty": tid, "aspect": "obligation", "name": name, "value": types.get(name),
                   "cited": types["cited"].get(name, []), "basis": types["basis"].get(name),
                   "confidence": types["confidence"].get(name)}
        for domain, cites in data["domains"][tid].items():
            yield {"treaty": tid, "aspect": "domain", "name": domain, "value": True, "cited": cites,
                   "basis": "provision", "confidence": None}


def ranked(hits: Iterable[Mapping[str, Any]], offset: int = 0) -> Iterator[dict]:
    """Search hits with their rank (1 = best) in the whole answer."""
    for rank, hit in enumerate(hits, offset + 1):
        yield {**hit, "rank": rank}


# The claims list's own helpers, kept for the callers that predate the listings.
def claim_cells(claim: dict) -> list:
    return CLAIMS.cells(claim)


def claims_csv(claims: Iterable[dict]) -> Iterator[str]:
    return CLAIMS.csv(claims)


def claims_json(claims: Iterable[dict]) -> Iterator[str]:
    return CLAIMS.json(claims)
