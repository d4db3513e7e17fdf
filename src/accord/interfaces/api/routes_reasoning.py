"""Reasoning over the catalog: scenarios (what each party must do when something happens) and
comparisons; the answers of ``accord scenario --json`` and ``accord compare --json``.

The handlers are coroutines: a scenario or a comparison over the in-memory catalog
takes a fraction of a millisecond, less than a hop to the thread pool and back
(measured with bench/load_api.py: 2.2k instead of 1.1k scenarios/s at 50 clients).
A scenario's answer is kept (:mod:`accord.interfaces.answer_cache`): the same question on
the same catalog and day is answered from memory.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from accord.contract import Comparison, ScenarioAnswer
from accord.interfaces import inputs
from accord.interfaces.api.rendered import rendered
from accord.interfaces.api.errors import ERRORS, ApiError, ApiRoute
from accord.interfaces.api.formats import FORMAT, Format, csv_answer, csv_response, wants_csv
from accord.interfaces.api.schemas import ScenarioRequest
from accord.interfaces.answer_cache import AnswerCache
from accord.interfaces.deps import get_answers, get_catalog, get_today
from accord.knowledge.catalog import Catalog
from accord.reasoning.compare import compare as compare_treaties
from accord.reasoning.scenario import Event, run_scenario
from accord.services.exports import LISTINGS, comparison_rows

router = APIRouter(prefix="/api", route_class=ApiRoute, tags=["reasoning"], responses=ERRORS)


def _scenario(request: ScenarioRequest, catalog: Catalog, today: dt.date, answers: AnswerCache) -> ScenarioAnswer:
    key = ("api scenario", *request.model_dump().values(), catalog.version, today)
    return answers.get_or_compute(key, lambda: _run_scenario(request, catalog, today))


def _run_scenario(request: ScenarioRequest, catalog: Catalog, today: dt.date) -> ScenarioAnswer:
    kind = inputs.event_kind(request.event)
    actor = inputs.party(catalog, request.by, "'by'")
    target = inputs.party(catalog, request.against, "'against'")
    if actor is None and target is None:
        raise ApiError(422, "give 'by' and/or 'against': a scenario needs an acting or a targeted party")
    day = inputs.day(request.on, today, "'on'")
    event = Event(kind, actor, target, day, inputs.place(catalog, request.where, "'where'"),
                  inputs.weapons(request.weapons, "'weapons'"))
    return ScenarioAnswer.model_validate(run_scenario([event], day, catalog))


SCENARIO_DOC = ("Per treaty binding the parties involved: in force or not on that day, and each party's duties, "
                "prohibitions, permissions and decisive negatives, each citing its article and sources.")


@router.get("/scenario", summary="What each party must, must not and may do after an event", description=SCENARIO_DOC,
            response_model=ScenarioAnswer)
async def scenario_get(event: str = Query(..., examples=["aggression"], description="Event kind."),
                       by: str | None = Query(None, examples=["ISR"], description="Acting state or group (code or name)."),
                       against: str | None = Query(None, examples=["IRN"], description="Target state (code or name)."),
                       on: str | None = Query(None, examples=["2025-11-01"], description="Date YYYY-MM-DD (default: today)."),
                       where: str | None = Query(None, examples=["MLI"], description="State, territory or sea region where it happens (default: the target's territory)."),
                       weapons: str | None = Query(None, examples=["conventional"], description="nuclear, chemical, biological or conventional."),
                       catalog: Catalog = Depends(get_catalog), today: dt.date = Depends(get_today),
                       answers: AnswerCache = Depends(get_answers)) -> ScenarioAnswer:
    return _scenario(ScenarioRequest(event=event, by=by, against=against, on=on, where=where, weapons=weapons), catalog, today,
                     answers)


@router.post("/scenario", summary="The same scenario, asked with a JSON body", description=SCENARIO_DOC,
             response_model=ScenarioAnswer)
async def scenario_post(request: ScenarioRequest, catalog: Catalog = Depends(get_catalog),
                        today: dt.date = Depends(get_today), answers: AnswerCache = Depends(get_answers)) -> ScenarioAnswer:
    return _scenario(request, catalog, today, answers)


@router.get("/compare", summary="Treaties by obligation type and cooperation domain, each cell cited",
            response_model=Comparison,
            responses=csv_answer("The comparison; as CSV one cell a row (docs/export-codebook.md, Compare)."))
async def compare(request: Request,
                  ids: list[str] | None = Query(None, description="Treaty ids, repeated (`ids=A&ids=B`) or comma-separated "
                                                "(`ids=A,B`); default: the whole catalog.",
                                                examples=[["rus-irn-2025", "rus-irn-2001,rus-prk-2024"]]),
                  format: Format | None = FORMAT, catalog: Catalog = Depends(get_catalog)) -> Any:
    chosen = inputs.treaty_ids(catalog, ids)
    if wants_csv(request, format):
        return csv_response(LISTINGS["compare"], comparison_rows(compare_treaties(chosen, catalog)), "compare")
    return rendered(request, ("compare", tuple(chosen)), Comparison, lambda: compare_treaties(chosen, catalog))
