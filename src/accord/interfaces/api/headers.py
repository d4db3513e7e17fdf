"""Security headers on every response, as a pure ASGI middleware (so errors, 404s, static files,
413s from the body limit and 429s from the rate limit get them too).

The pages use no script and nothing from elsewhere, so their policy allows only this origin's
style sheets and images; the API documentation (Swagger UI, ReDoc) runs an inline start-up
script and ReDoc a worker, so /docs and /redoc get a policy that allows exactly that.
No page may be framed (``frame-ancestors 'none'``, and ``X-Frame-Options`` for old browsers).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGES_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; "
                "base-uri 'none'; frame-ancestors 'none'")
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")
COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def policy_for(path: str) -> str:
    return DOCS_POLICY if path in DOCS_PATHS or path.startswith("/docs/") else PAGES_POLICY


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = [*COMMON, (b"content-security-policy", policy_for(scope["path"]).encode())]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in added if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)
