"""The answers accord gives, one pydantic model each.

The CLI's ``--json``, the API's responses (and so its OpenAPI schema) and
``docs/json.md`` all come from these models: a key exists here or nowhere.
Library results are turned into them with ``Model.model_validate(result)``
(attributes are read, so a dataclass or a row dict both work), and printed or
sent with :func:`dump`.

The package sits just above the knowledge layer: it imports the catalog's
model and the claim vocabulary, nothing that computes.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter

from accord.contract.base import Answer, ErrorBody, FieldProblem, Page
from accord.contract.catalog import ObligationTypes, Status, StatusPosition, StatusStep, TreatyRecord, TreatyRow
from accord.contract.press import (
    DocumentClaim, DocumentRow, EvalCounts, EvalReport, HttpIngestReport, IngestedDocument, IngestError, IngestReport, JudgedClaim,
    OutletScore, RejudgeReport, SearchHit, StoredClaim, StoredDocument, StoredParagraph, VerdictChange,
)
from accord.contract.reasoning import (
    AtopCheck, Comparison, Finding, ScenarioAnswer, ScenarioEvent, SnapbackDeadline, SnapbackProcedure, TreatyScenario,
)


def answer(model: Any, data: Any) -> Any:
    """``data`` read into ``model`` (a model class or a type such as ``list[JudgedClaim]``)."""
    return TypeAdapter(model).validate_python(data, from_attributes=True)


def dump(model: Any, data: Any) -> Any:
    """``data`` as JSON-ready Python values, through ``model``: the one serialisation of an answer."""
    adapter = TypeAdapter(model)
    value = data if _is_instance(model, data) else adapter.validate_python(data, from_attributes=True)
    return adapter.dump_python(value, mode="json")


def _is_instance(model: Any, data: Any) -> bool:
    return isinstance(model, type) and issubclass(model, BaseModel) and isinstance(data, model)


__all__ = [
    "Answer", "AtopCheck", "Comparison", "DocumentClaim", "DocumentRow", "ErrorBody", "EvalCounts", "EvalReport", "FieldProblem", "Finding",
    "HttpIngestReport", "IngestError", "IngestReport", "IngestedDocument", "JudgedClaim", "ObligationTypes", "OutletScore",
    "Page", "StatusPosition", "RejudgeReport", "ScenarioAnswer", "ScenarioEvent", "SearchHit", "SnapbackDeadline",
    "SnapbackProcedure", "Status", "StatusStep", "StoredClaim", "StoredDocument", "StoredParagraph", "TreatyRecord",
    "TreatyRow", "TreatyScenario", "VerdictChange", "answer", "dump",
]
