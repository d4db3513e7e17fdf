"""Reading what a page's form sent: dates, parties, and url-encoded POST bodies.

Every problem becomes a :class:`FormError` whose message is shown on the page
(status 422), never a stack trace.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

from fastapi import Request

from accord.knowledge.catalog import Catalog, LookupFailed


class FormError(ValueError):
    """Bad input from a form; the message names the field and, where there is one, the nearest valid value."""


def parse_day(value: str | None, field: str = "date") -> dt.date:
    """An ISO day; empty means today."""
    if value is None or not value.strip():
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise FormError(f"bad {field} '{value}': expected YYYY-MM-DD") from None


def parse_party(value: str | None, field: str, catalog: Catalog) -> str | None:
    """A party code from a code or any alias ("Iran", "irn", "Ирана"); empty means none."""
    if value is None or not value.strip():
        return None
    try:
        return catalog.actor(value)
    except LookupFailed as exc:
        hint = f" (did you mean '{exc.suggestion}'?)" if exc.suggestion else ""
        raise FormError(f"unknown party '{value.strip()}' for {field}{hint}") from None


async def read_urlencoded(request: Request) -> dict[str, str]:
    """The fields of an ``application/x-www-form-urlencoded`` body (the only kind the pages send).

    Parsed here rather than with a multipart library the pages would not otherwise need. The
    body's size is already capped by the app's body-limit middleware (413), which sees every request.
    """
    body = await request.body()
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        raise FormError("the form was not sent as UTF-8 text") from None
    return {key: values[-1] for key, values in parse_qs(decoded, keep_blank_values=True).items()}
