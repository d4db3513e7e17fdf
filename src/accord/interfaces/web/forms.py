"""Reading what a page's form sent: url-encoded POST bodies.

Values are read by :mod:`accord.interfaces.inputs`, as for the CLI and the API;
every problem there (an :class:`InputError`) or here (a :class:`FormError`) is
shown on the page (status 422), never a stack trace.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import Request

from accord.interfaces.inputs import InputError


class FormError(InputError):
    """Bad input from a form; the message names the field and, where there is one, the nearest valid value."""


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
