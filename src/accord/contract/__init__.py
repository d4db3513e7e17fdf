"""The answers accord gives, one pydantic model each.

The CLI's ``--json``, the API's responses (and so its OpenAPI schema) and
``docs/json.md`` all come from these models: a key exists here or nowhere.
Library results are turned into them with ``Model.model_validate(result)``
(attributes are read, so a dataclass or a row dict both work), and printed or
sent with :func:`dump`.

The package sits just above the knowledge layer: it imports the catalog's
model and the claim vocabulary, nothing that computes.  Its modules are loaded
when a name is first asked for, so a command pays only for the answers it gives.
"""

from __future__ import annotations

import importlib
from typing import Any

from accord.contract.base import Answer, ErrorBody, FieldProblem, Page, answer, dump

_MODULE_OF = {
    **dict.fromkeys(("ComparedTypes", "Coverage", "ObligationTypes", "Status", "StatusPosition", "StatusStep",
                     "TreatyRecord", "TreatyRow"), "catalog"),
    **dict.fromkeys(("DocumentClaim", "DocumentRow", "EvalCounts", "EvalReport", "HttpIngestError", "HttpIngestReport",
                     "IngestError", "IngestReport", "IngestSkipped", "IngestedDocument", "JudgedClaim", "OutletScore", "RejudgeReport",
                     "SearchHit", "StoredClaim", "StoredDocument", "StoredParagraph", "VerdictChange"), "press"),
    **dict.fromkeys(("ClaimReview", "ReviewAppearance", "ReviewOrganization", "ReviewRating", "ReviewedClaim"), "claimreview"),
    **dict.fromkeys(("AtopCheck", "AtopDifference", "Comparison", "ConditionCheck", "Finding", "ScenarioAnswer",
                     "ScenarioEvent", "SnapbackDeadline", "SnapbackProcedure", "TreatyScenario"), "reasoning"),
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'accord.contract' has no attribute {name!r}")
    return getattr(importlib.import_module(f"accord.contract.{module}"), name)


def models() -> dict[str, type]:
    """Every answer model by name (the documentation and its test read them all)."""
    return {name: __getattr__(name) for name in sorted(_MODULE_OF)} | {"ErrorBody": ErrorBody}


__all__ = ["Answer", "ErrorBody", "FieldProblem", "Page", "answer", "dump", "models", *sorted(_MODULE_OF)]
