"""The bearer token that guards writing over HTTP.

No token configured: writing is off for everyone (403).  With a token: no or a
malformed ``Authorization`` header is 401, a wrong token 403.  Tokens are
compared in constant time.
"""

from __future__ import annotations

import hmac

from fastapi import Request

from accord.interfaces.api.errors import ApiError

BEARER = "bearer "


def require_ingest_token(request: Request) -> None:
    expected: str | None = request.app.state.settings.ingest_token
    if not expected:
        raise ApiError(403, "ingest over HTTP is off: start the server with an ingest token "
                            "(accord serve --ingest-token-env VAR, the token in that environment variable)")
    header = request.headers.get("authorization", "")
    if not header[: len(BEARER)].lower() == BEARER or not header[len(BEARER):].strip():
        raise ApiError(401, "ingest needs a token: send 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": 'Bearer realm="accord ingest"'})
    given = header[len(BEARER):].strip()
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(403, "wrong ingest token")
