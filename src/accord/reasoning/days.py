"""The days the reasoning answers for.

Terms, renewals and notice periods are counted forward from the day asked about (and
from the treaty's own dates), so a day too near the end of the calendar would make those
counts run past year 9999, which no date can hold.  A century of margin covers every
term and renewal the catalog knows; the earliest day is the calendar's first.
"""

from __future__ import annotations

import datetime as dt

EARLIEST_DAY = dt.date.min
LATEST_DAY = dt.date(9899, 12, 31)


class DayOutOfRange(ValueError):
    """A valid date the reasoning cannot answer for; the message names the latest day it can."""


def supported_day(day: dt.date) -> dt.date:
    if day > LATEST_DAY:
        raise DayOutOfRange(f"the latest day answered is {LATEST_DAY.isoformat()}")
    return day
