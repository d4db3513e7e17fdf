"""What the library tests judge against: the built-in catalog and today's date, passed explicitly
as the interfaces pass them."""

from __future__ import annotations

import datetime as dt

from accord.knowledge.catalog import default_catalog
from accord.services.ingest import Judging

CATALOG = default_catalog()
TODAY = dt.date.today()
JUDGING = Judging(CATALOG, TODAY)
