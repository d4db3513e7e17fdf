"""Streamed exports of what the store holds, as CSV or as a JSON array.

Rows are written a chunk at a time from a cursor, so a store of any size exports in flat memory.
The CSV columns are stable and documented in docs/export-codebook.md; a test holds the two together.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

CLAIM_COLUMNS = ("id", "doc_id", "outlet", "url", "published", "lang", "treaty", "type", "value", "quote",
                 "start", "end", "verdict", "citation", "reason", "sources")
CHUNK_ROWS = 500


def claim_cells(claim: dict) -> list:
    """One claim as its CSV cells: the value always as JSON text (so "true" and true stay apart),
    the sources, without repeats, joined by ' | '."""
    row = {**claim, "value": json.dumps(claim.get("value"), ensure_ascii=False),
           "sources": " | ".join(dict.fromkeys(claim.get("sources") or []))}
    return [row.get(column) for column in CLAIM_COLUMNS]


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


def claims_csv(claims: Iterable[dict]) -> Iterator[str]:
    return csv_chunks(CLAIM_COLUMNS, (claim_cells(c) for c in claims))


def claims_json(claims: Iterable[dict]) -> Iterator[str]:
    return json_array_chunks({column: c.get(column) for column in CLAIM_COLUMNS} for c in claims)
