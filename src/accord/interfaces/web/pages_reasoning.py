"""The scenario page: an event on a day, and what every treaty in force then makes each party do."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

import datetime as dt

from accord.interfaces import inputs
from accord.interfaces.deps import get_catalog, get_today
from accord.interfaces.inputs import InputError
from accord.interfaces.web.forms import FormError
from accord.interfaces.web.rendering import bad_input, render
from accord.knowledge.catalog import Catalog
from accord.knowledge.model import EventKind, Weapons
from accord.reasoning.scenario import Event, run_scenario

router = APIRouter(include_in_schema=False)

KIND_ORDER = {"breach": 0, "duty": 1, "prohibition": 2, "permission": 3, "conditional": 4, "negative": 5}


def _by_party(answer) -> list[tuple[str, list]]:
    """An answer's findings grouped per party, duties first and the decisive negatives last."""
    groups: dict[str, list] = {}
    for finding in answer.findings:
        groups.setdefault(finding.party, []).append(finding)
    return [(party, sorted(items, key=lambda f: KIND_ORDER.get(f.kind, 9))) for party, items in groups.items()]


@router.get("/scenario")
def scenario_page(request: Request, event: str | None = None, by: str | None = None, against: str | None = None,
                  on: str | None = None, where: str | None = None, weapons: str | None = None,
                  catalog: Catalog = Depends(get_catalog), today: dt.date = Depends(get_today)):
    form = {"event": event or "aggression", "by": by or "", "against": against or "", "on": on or "",
            "where": where or "", "weapons": weapons or ""}
    context = {
        "form": form, "kinds": [k.value for k in EventKind], "weapon_kinds": [w.value for w in Weapons], "error": None, "result": None,
        "parties": sorted(catalog.parties.values(), key=lambda p: p.code), "titles": {},
    }
    if event is None and by is None and against is None and on is None:
        return render(request, "scenario.html", context)  # the empty form
    try:
        kind = inputs.event_kind(form["event"])
        actor = inputs.party(catalog, by, "the acting state")
        target = inputs.party(catalog, against, "the target")
        if actor is None and target is None:
            raise FormError("name the acting state, the target, or both")
        day = inputs.day(on, today)
        place, arms = inputs.place(catalog, where), inputs.weapons(weapons)
    except InputError as exc:
        return bad_input(request, "scenario.html", context, str(exc))
    result = run_scenario([Event(kind, actor, target, day, place, arms)], day, catalog)
    answers = [(answer, _by_party(answer)) for answer in result.treaties]
    titles = {a.treaty: catalog.treaty(a.treaty).short_title or catalog.treaty(a.treaty).title for a in result.treaties}
    return render(request, "scenario.html", {
        **context, "result": result, "answers": answers, "titles": titles,
        "asked": {"kind": kind.value, "by": actor, "against": target, "day": day, "where": place,
                  "weapons": arms.value if arms else None},
    })
