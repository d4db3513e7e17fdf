"""Run a store search off the event loop, and stop it inside SQLite when the client goes away.

The search runs on a thread-pool thread (the store's calls resolve to that thread's own
connection); meanwhile the request watches for the client's disconnect and, if it comes,
sets the event the search's progress handler polls, so an abandoned query frees its
thread at once instead of running to the end of its budget.
"""

from __future__ import annotations

import asyncio
import threading

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from accord.services.store import Store

POLL_SECONDS = 0.05


async def searched(request: Request, store: Store, query: str, limit: int, offset: int = 0) -> list[dict]:
    cancel = threading.Event()
    search = asyncio.ensure_future(run_in_threadpool(lambda: store.search(query, limit=limit, offset=offset, cancel=cancel)))
    watch = asyncio.ensure_future(_until_disconnected(request))
    try:
        await asyncio.wait({search, watch}, return_when=asyncio.FIRST_COMPLETED)
        if watch.done() and not search.done():
            cancel.set()
        return await search
    finally:
        watch.cancel()


async def _until_disconnected(request: Request) -> None:
    while not await request.is_disconnected():
        await asyncio.sleep(POLL_SECONDS)
