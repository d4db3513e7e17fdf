"""Implementation reports kept per store write version, for the pages and the API alike.

``track`` reads and merges every implementation event row of a treaty, which grows with the coverage
stored (about 0.65 s at 20,000 documents), while its answer changes only when the store does.  The
report is kept under the store's write version (which every write from any process moves) and the
catalog's version, so a write gives a new key, never a stale report.  Reports are answer models that
nothing mutates (``latest_events`` copies), and only a few are kept: a large store's report holds
thousands of reports per event.
"""

from __future__ import annotations

import datetime as dt

from fastapi import Request

from accord.knowledge.implementation_links import ImplementationLinks
from accord.reasoning.implementation import ImplementationReport, track
from accord.services.store import Store

KEPT_REPORTS = 4


def tracked(request: Request, store: Store, links: ImplementationLinks, *, provision: str | None = None,
            since: dt.date | None = None) -> ImplementationReport:
    """``track`` of the treaty's stored events, computed once per store and catalog version."""
    key = (links.treaty, provision, since, store.write_version(), request.app.state.catalog.version)
    return request.app.state.reports.get_or_compute(
        key, lambda: track(store.events(links.treaty), links, provision=provision, since=since))
