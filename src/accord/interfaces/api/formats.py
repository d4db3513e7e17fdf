"""The answer's format on the list endpoints: JSON (the default) or CSV.

A client asks for CSV with ``?format=csv`` or with ``Accept: text/csv`` (the query wins when both
are given). The CSV has the columns of the list's export (:mod:`accord.services.exports`,
docs/export-codebook.md) and holds the same rows as the JSON answer would; a paged list sends its
total in ``X-Total-Count``. ``CSV_ANSWER`` documents the second content type in OpenAPI.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from fastapi import Query, Request
from fastapi.responses import StreamingResponse

from accord.services.exports import Listing

Format = Literal["json", "csv"]
FORMAT = Query(None, description="`csv` for a CSV answer (the same as sending `Accept: text/csv`); JSON by default.")
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"


def csv_answer(description: str) -> dict[int | str, dict[str, Any]]:
    """The 200 answer's CSV content for OpenAPI, beside the JSON one the response model gives."""
    return {200: {"description": description, "content": {"text/csv": {"schema": {"type": "string"}}}}}


def wants_csv(request: Request, format: Format | None) -> bool:
    if format is not None:
        return format == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and not _prefers_json(accept)


def _prefers_json(accept: str) -> bool:
    """True when the Accept header ranks JSON above CSV (q values; ties go to the first named)."""
    ranked: dict[str, tuple[float, int]] = {}
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranked.setdefault(media.lower(), (q, -position))
    csv, json = ranked.get("text/csv", (0.0, 0)), ranked.get("application/json", (0.0, 0))
    return json > csv


def csv_response(listing: Listing, rows: Iterable[dict], name: str, total: int | None = None) -> StreamingResponse:
    headers = {"Content-Disposition": f'attachment; filename="{name}.csv"'}
    if total is not None:
        headers["X-Total-Count"] = str(total)
    return StreamingResponse(listing.csv(rows), media_type=CSV_MEDIA_TYPE, headers=headers)
