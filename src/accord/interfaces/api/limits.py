"""A request-body size limit as a pure ASGI middleware.

The limit is ``app.state.settings.max_body_bytes``, read per request.  It is enforced
twice: on the declared ``Content-Length`` (rejected before a byte is read) and on
the bytes actually received, because a chunked upload declares no length and a
client may declare less than it sends.  Once the limit is passed the application's
own answer (usually "cannot parse the body") is dropped and a 413 is sent instead.

A pure ASGI middleware rather than ``BaseHTTPMiddleware``: the latter runs the
application in a separate task and buffers, and it cannot cut off a streamed body.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.interfaces.api.errors import error_body


class BodyTooLarge(Exception):
    """Raised from ``receive`` once more bytes arrived than allowed."""


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps(error_body(message), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def _too_large(size: str, limit: int) -> str:
    return f"request body too large: {size}, the limit is {limit} bytes"


class BodySizeLimit:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit: int = scope["app"].state.settings.max_body_bytes
        declared = next((value for name, value in scope["headers"] if name == b"content-length"), None)
        if declared is not None:
            if not declared.isdigit():
                await _send_error(send, 400, f"bad Content-Length header '{declared.decode('latin-1')}'")
                return
            if int(declared) > limit:
                await _send_error(send, 413, _too_large(f"{int(declared)} bytes declared", limit))
                return

        received = 0
        exceeded = False
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal response_started
            if exceeded and not response_started:
                return  # the application's answer to a cut-off body; the 413 below replaces it
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not exceeded or response_started:
                raise
        if exceeded and not response_started:
            await _send_error(send, 413, _too_large(f"more than {limit} bytes sent", limit))
