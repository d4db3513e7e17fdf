"""Event-date accuracy on the two halves of the implementation gold file, and on the whole.

The date rules were written against one half of the documents and checked on the other, so
that a rule fitted to one sentence shows up as a gap between the halves.  A document's half is
fixed by a hash of its id (``written`` when the SHA-1 of the id is even, ``held aside`` when odd),
so the split holds as documents are added.  Prints, per part, the matched events, the date
accuracy and the event F1.

    .venv/bin/python bench/event_dates_split.py [../shared/implementation/dev.jsonl]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

from accord.knowledge.catalog import default_catalog
from accord.press.events.evaluate import evaluate_events

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "implementation" / "dev.jsonl"


def part(doc_id: str) -> str:
    return "written" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "held aside"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    ids = [str(json.loads(line)["id"]) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    catalog, today = default_catalog(), dt.date.today()  # an undated document speaks from today, as in an ingest
    for name, only in (("written", {i for i in ids if part(i) == "written"}),
                       ("held aside", {i for i in ids if part(i) == "held aside"}), ("whole", None)):
        events = evaluate_events(path, catalog, today, only=only).events
        print(f"{name:>10}: documents={len(only) if only is not None else len(ids)} matched={events.tp} "
              f"date_accuracy={events.date_accuracy:.3f} ({round(events.date_accuracy * events.tp)}/{events.tp}) "
              f"F1={events.f1:.3f} status={events.status_accuracy:.3f} provision={events.provision_accuracy:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
