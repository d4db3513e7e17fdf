"""Every API error is JSON, an :class:`~accord.contract.ErrorBody`:
``{"error": "<what is wrong>", "suggestion"?: ..., "known"?: [...], "fields"?: [...]}``.

Handlers raise :class:`ApiError`; a value the shared input parsing rejects
(:class:`~accord.interfaces.inputs.InputError`) becomes a 422 here.  ``ERRORS``
declares the body of each status for the OpenAPI document, so what it documents
is what is sent.  The API's
routes use :class:`ApiRoute`, which turns FastAPI's own validation errors into
ApiError inside the route, so the JSON shape does not depend on which exception
handlers other parts of the application (the HTML pages) install later.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Coroutine

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import PlainTextResponse, Response

from accord.contract import ErrorBody
from accord.interfaces.inputs import InputError
from accord.services.store import StoreError

API_PREFIX = "/api"
log = logging.getLogger("accord.api")

# FastAPI's location words, as a client reads them
_WHERE = {"query": "query parameter", "path": "path parameter", "body": "body field", "header": "header"}


class ApiError(Exception):
    def __init__(self, status: int, message: str, *, suggestion: str | None = None, known: list[str] | None = None,
                 headers: dict[str, str] | None = None, fields: list[dict] | None = None):
        super().__init__(message)
        self.status, self.message = status, message
        self.suggestion, self.known, self.headers, self.fields = suggestion, known, headers, fields

    def body(self) -> dict[str, Any]:
        return error_body(self.message, suggestion=self.suggestion or None, known=self.known or None,
                          fields=self.fields or None)


def error_body(message: str, **extra: Any) -> dict[str, Any]:
    """The JSON of an error: absent keys are left out rather than sent as null."""
    return ErrorBody(error=message, **extra).model_dump(mode="json", exclude_none=True)


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(message), status_code=status, headers=headers)


def _declared(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


# The error responses each kind of route declares (FastAPI adds them to /openapi.json).
ERRORS: dict[int | str, dict[str, Any]] = {
    422: _declared("A value the API cannot use: the error names it and, where there is one, the nearest valid value."),
    500: _declared("An internal error; the server log has the details."),
}
NOT_FOUND = {404: _declared("The id in the path names nothing; `suggestion` is the nearest id.")}
STORE = {503: _declared("The document store file cannot be used.")}
BODY = {413: _declared("The request body is over the server's limit.")}
WRITE = {401: _declared("No ingest token sent."), 403: _declared("Wrong ingest token, or ingest over HTTP is off.")}


def _field_name(loc: tuple) -> str:
    where = _WHERE.get(str(loc[0]), str(loc[0])) if loc else "request"
    path = ".".join(str(part) for part in loc[1:])
    return f"{where} '{path}'" if path else where


def validation_error(exc: RequestValidationError) -> ApiError:
    """One readable sentence for the client, plus every field's problem in ``fields``."""
    fields = []
    for err in exc.errors():
        loc = tuple(err.get("loc") or ())
        if err.get("type") == "json_invalid":
            detail = (err.get("ctx") or {}).get("error", "")
            message = f"the request body is not valid JSON ({detail} at character {loc[-1] if loc else '?'})"
            return ApiError(422, message)
        problem = err.get("msg", "invalid")
        given = err.get("input")
        if isinstance(given, (str, int, float)) and not isinstance(given, bool) and len(str(given)) <= 80:
            problem += f", got {given!r}"  # name the value the client sent, not only what was expected
        fields.append({"field": _field_name(loc), "problem": problem})
    summary = "; ".join(f"{f['field']}: {f['problem']}" for f in fields[:3])
    more = f" (+{len(fields) - 3} more)" if len(fields) > 3 else ""
    return ApiError(422, f"invalid request: {summary}{more}", fields=fields)


class ApiRoute(APIRoute):
    """A route whose request-validation failures become :class:`ApiError` (see the module docstring)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def validated_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                raise validation_error(exc) from None

        return validated_handler


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    """404 (no such route) and 405 under /api as API errors; other paths keep FastAPI's handling."""
    assert isinstance(exc, StarletteHTTPException)
    if not _is_api(request):
        return await http_exception_handler(request, exc)
    if exc.status_code == 404:
        message = f"no such endpoint: {request.method} {request.url.path} (the endpoints are listed at /docs)"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    else:
        message = str(exc.detail)
    return error_response(exc.status_code, message, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if not _is_api(request):
        return await request_validation_exception_handler(request, exc)
    return await _api_error(request, validation_error(exc))


async def _input_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InputError)
    return JSONResponse(error_body(exc.message, suggestion=exc.suggestion, known=exc.known), status_code=422)


async def _store_error(request: Request, exc: Exception) -> Response:
    log.error("store unavailable: %s", exc)
    return error_response(503, f"the document store is unavailable: {exc}")


async def _unexpected(request: Request, exc: Exception) -> Response:
    # Runs in Starlette's outermost middleware, which logs the traceback and re-raises after sending.
    if not _is_api(request):
        return PlainTextResponse("Internal Server Error", status_code=500)
    return error_response(500, f"internal error ({type(exc).__name__}); the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(Exception, _unexpected)
