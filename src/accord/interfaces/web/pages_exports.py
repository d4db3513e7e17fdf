"""Downloads of what the list pages show, under the same filters: CSV and JSON, streamed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from accord.interfaces.deps import get_store
from accord.interfaces.web.rendering import not_found
from accord.services.exports import claims_csv, claims_json
from accord.services.store import Store

router = APIRouter(include_in_schema=False)

FORMATS: dict[str, tuple[str, Callable[[Iterable[dict]], Iterator[str]]]] = {
    "csv": ("text/csv; charset=utf-8", claims_csv),
    "json": ("application/json", claims_json),
}


def _streamed(path, filters: dict, render: Callable[[Iterable[dict]], Iterator[str]]) -> Iterator[str]:
    # A connection of its own for the whole stream: the per-thread connections of the pages may be
    # used by other requests while a long export is still being read.
    store = Store(path)
    try:
        yield from render(store.iter_claims(**filters))
    finally:
        store.close()


@router.get("/claims.{fmt}")
def claims_download(request: Request, fmt: str, type: str | None = None, verdict: str | None = None,
                    lang: str | None = None, treaty: str | None = None, outlet: str | None = None,
                    store: Store = Depends(get_store)):
    if fmt not in FORMATS:
        return not_found(request, "export format", fmt, "csv")
    media_type, render = FORMATS[fmt]
    filters = {"type": type, "verdict": verdict, "lang": lang, "treaty": treaty, "outlet": outlet}
    name = "-".join(["claims", *(v for v in filters.values() if v)])
    return StreamingResponse(_streamed(store.path, {k: v or None for k, v in filters.items()}, render), media_type=media_type,
                             headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
