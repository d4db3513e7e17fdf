"""Judge stored claims again after the catalog changed.

Each stored verdict records the catalog version (a content hash) it was made
against and the day its text speaks from.  Re-judging looks only at verdicts
made against another version, judges their claims against the catalog given,
on the same day as before, and stores the new verdicts with the current
version; a second run finds nothing to do.  The report lists the claims whose
verdict, citation or reason changed.
"""

from __future__ import annotations

import datetime as dt

from accord.contract import RejudgeReport, VerdictChange
from accord.knowledge.catalog import Catalog, LookupFailed
from accord.reasoning.check import judge
from accord.reasoning.claims import Claim, Judgement, Verdict
from accord.services.store import Store


def _judgement(row: dict, catalog: Catalog, today: dt.date) -> Judgement:
    as_of = dt.date.fromisoformat(row["as_of"]) if row["as_of"] else today
    try:
        return judge(Claim(treaty=row["treaty"], type=row["type"], value=row["value"]), catalog, as_of=as_of)
    except LookupFailed:  # the treaty left the catalog: nothing decides the claim any more
        return Judgement(verdict=Verdict.unverifiable, citation=row["treaty"], reason=f"the catalog has no treaty '{row['treaty']}'")


def rejudge(store: Store, catalog: Catalog, today: dt.date) -> RejudgeReport:
    """``today`` stands in for the day of a verdict stored without one."""
    version = catalog.version
    stale = store.stale_verdicts(version)
    changed: list[VerdictChange] = []
    updates = []
    for row in stale:
        j = _judgement(row, catalog, today)
        updates.append((row["id"], j))
        if (j.verdict.value, j.citation, j.reason) != (row["verdict"], row["citation"], row["reason"]):
            changed.append(VerdictChange(claim_id=row["id"], doc_id=row["doc_id"], treaty=row["treaty"], type=row["type"],
                                         value=row["value"], before=row["verdict"], after=j.verdict,
                                         citation_before=row["citation"], citation_after=j.citation))
    store.set_verdicts(updates, version)
    return RejudgeReport(catalog_version=version, claims=store.stats()["claims"], rejudged=len(stale), changed=changed)
