"""`accord serve`: the REST API (and the pages) on uvicorn."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from accord.interfaces.cli.common import app, catalog, console, db_path, fail, settings
from accord.interfaces.settings import (DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_THREADS, DEFAULT_RESPONSE_CACHE_BYTES,
                                        DEFAULT_SEARCH_RATE, DEFAULT_TOKEN_ENV)

DEFAULT_HEADER_TIMEOUT = 10.0  # the server's (accord.interfaces.api.server), not imported: serve --help stays fast


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    db: Optional[Path] = typer.Option(None, "--db", help="SQLite store (default: $ACCORD_DB or the user data directory)."),
    ingest_token_env: str = typer.Option(
        DEFAULT_TOKEN_ENV, "--ingest-token-env",
        help="Name of the environment variable holding the ingest token; POST /api/documents is off without one.",
    ),
    max_body_bytes: int = typer.Option(DEFAULT_MAX_BODY_BYTES, "--max-body-bytes", min=1, help="Largest request body accepted."),
    search_rate: str = typer.Option(DEFAULT_SEARCH_RATE, "--search-rate",
                                    help="Searches allowed per client, e.g. '20/second;300/minute'; 'off' for no limit."),
    header_timeout: float = typer.Option(DEFAULT_HEADER_TIMEOUT, "--header-timeout", min=0.1,
                                         help="Seconds a client has to send its request headers."),
    threads: int = typer.Option(DEFAULT_REQUEST_THREADS, "--threads", min=1, max=256,
                                help="Threads for the blocking handlers (store reads, pages), per worker."),
    response_cache_mb: float = typer.Option(DEFAULT_RESPONSE_CACHE_BYTES / 2**20, "--response-cache-mb", min=0,
                                            envvar="ACCORD_RESPONSE_CACHE_MB",
                                            help="Megabytes of whole GET answers kept per worker until the store, the "
                                                 "catalog or the day changes; 0 turns the cache off."),
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="Server processes sharing the port (e.g. one per core); each keeps its own "
                                     "search rate-limit counts."),
) -> None:
    """Serve the JSON API under /api, its documentation at /docs, and the pages."""
    from limits import parse_many

    from accord.interfaces.api.server import run, server_config
    from accord.interfaces.app import create_app

    # The token comes from the environment, never from an argument: arguments are visible to
    # every user of the machine in the process list and end up in shell histories.
    token = os.environ.get(ingest_token_env) or None
    store_path = db_path(db)
    if store_path.is_dir():
        fail(f"--db {store_path} is a directory; give the path of the SQLite file")
    if store_path.parent.exists() and not store_path.parent.is_dir():
        fail(f"--db {store_path}: {store_path.parent} is not a folder")
    rate = None if search_rate.strip().lower() == "off" else search_rate
    if rate is not None:
        try:
            parse_many(rate)
        except ValueError:
            fail(f"bad --search-rate '{search_rate}': expected e.g. '20/second;300/minute' or 'off'")
    chosen = settings().model_copy(update={"db_path": store_path, "ingest_token": token, "max_body_bytes": max_body_bytes,
                                           "search_rate": rate, "request_threads": threads,
                                           "response_cache_bytes": int(response_cache_mb * 2**20)})
    application = create_app(chosen, catalog=catalog())  # the built-in catalog with the user's imported treaties and texts
    shown_host = f"[{host}]" if ":" in host else host
    console.print(f"accord on http://{shown_host}:{port}/ — API under /api, documentation at /docs", highlight=False, soft_wrap=True)
    console.print(f"store: {store_path}; ingest over HTTP: "
                  + (f"on (token from ${ingest_token_env})" if token else f"off (set ${ingest_token_env} to turn it on)"),
                  highlight=False, soft_wrap=True)
    run(server_config(application, host=host, port=port, header_timeout=header_timeout, log_level="info"), workers)
