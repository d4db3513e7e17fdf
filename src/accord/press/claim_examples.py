"""Claim and verdict examples as data: YAML files of texts and the claims and verdicts each must give.

A file is marked ``kind: claims``; ``accord test`` runs it beside the scenario files::

    kind: claims
    name: the flagship is no mutual-defence pact
    as_of: 2025-11-01            # optional: the day the texts speak from
    examples:
      - text: "Russia is now obliged to defend Iran militarily."
        lang: en                 # optional: detected otherwise
        claims:                  # each must be among the claims found, with every field given
          - {type: mutual_defense, treaty: rus-irn-2025, value: true, verdict: contradicted,
             citation: "rus-irn-2025 Art. 3(3)"}
      - text: "Tehran called for a mutual defence pact with Moscow."
        claims: []               # no claim at all
        absent: [{type: mutual_defense}]   # or: none of these may be found

A malformed file (unknown key, claim type, verdict, treaty or language; no expectation) is reported
as malformed with the reason, and the other files still run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from accord.knowledge.catalog import Catalog
from accord.reasoning.claims import ClaimType, Verdict
from accord.reasoning.scenario_tests import Outcome, ScenarioFileError

KIND = "claims"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExpectedClaim(_Strict):
    type: ClaimType
    treaty: str | None = None
    value: Any = None
    verdict: Verdict | None = None
    citation: str | None = None


class AbsentClaim(_Strict):
    type: ClaimType
    verdict: Verdict | None = None


class Example(_Strict):
    text: str = Field(min_length=1)
    lang: str | None = None
    claims: list[ExpectedClaim] | None = None
    absent: list[AbsentClaim] = Field(default_factory=list)

    @model_validator(mode="after")
    def _expects_something(self) -> "Example":
        if self.claims is None and not self.absent:
            raise ValueError("an example needs 'claims' (a list, possibly empty) or 'absent'")
        return self


class ClaimExampleFile(_Strict):
    kind: str
    name: str
    as_of: dt.date | None = None
    examples: list[Example] = Field(min_length=1)


def is_claim_example_file(path: Path) -> bool:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False  # the scenario runner reports what is wrong with it
    return isinstance(data, dict) and data.get("kind") == KIND


def parse_file(path: Path, catalog: Catalog) -> ClaimExampleFile:
    # The extractor loads here, not on import: `accord test` peeks at every file's kind first.
    from accord.press.claims.extract import SUPPORTED_LANGUAGES

    try:
        spec = ClaimExampleFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ScenarioFileError(f"{path.name}: {where}: {first['msg']}") from None
    for i, example in enumerate(spec.examples):
        if example.lang is not None and example.lang not in SUPPORTED_LANGUAGES:
            raise ScenarioFileError(f"{path.name}: examples.{i}.lang: '{example.lang}' has no language pack "
                                    f"(known: {', '.join(sorted(SUPPORTED_LANGUAGES))})")
        for j, claim in enumerate(example.claims or []):
            if claim.treaty is not None and claim.treaty not in catalog.treaties:
                raise ScenarioFileError(f"{path.name}: examples.{i}.claims.{j}.treaty: unknown treaty '{claim.treaty}'")
    return spec


def _fields(expected: BaseModel) -> dict[str, Any]:
    return {k: (v.value if hasattr(v, "value") else v) for k, v in expected.model_dump(exclude_unset=True).items()}


def _found(checked) -> list[dict[str, Any]]:
    keys = ("type", "treaty", "value", "verdict", "citation")
    return [{k: v for k, v in c.answer().model_dump(mode="json").items() if k in keys} for c in checked]


def _matches(found: dict[str, Any], wanted: dict[str, Any]) -> bool:
    return all(found.get(key) == value for key, value in wanted.items())


def check_example(example: Example, *, catalog: Catalog, today: dt.date, as_of: dt.date | None) -> list[str]:
    from accord.press.verify import UnsupportedLanguage, check_text

    label = example.text if len(example.text) <= 60 else example.text[:57] + "…"
    try:
        _, checked = check_text(example.text, example.lang, catalog=catalog, today=today, as_of=as_of)
    except UnsupportedLanguage as exc:
        return [f"{label!r}: {exc}"]
    found = _found(checked)
    failures = []
    if example.claims is not None and not example.claims and found:
        failures.append(f"{label!r}: expected no claim, found {found}")
    for expected in example.claims or []:
        wanted = _fields(expected)
        if not any(_matches(f, wanted) for f in found):
            failures.append(f"{label!r}: expected {wanted}, found {found}")
    for absent in example.absent:
        unwanted = _fields(absent)
        hits = [f for f in found if _matches(f, unwanted)]
        if hits:
            failures.append(f"{label!r}: expected no {unwanted}, found {hits}")
    return failures


def run_file(path: Path, catalog: Catalog, today: dt.date) -> Outcome:
    """Run one claim-example file; a malformed file gives an Outcome with ``error`` set."""
    try:
        spec = parse_file(path, catalog)
    except ScenarioFileError as exc:
        return Outcome(path, path.stem, error=str(exc))
    failures = [f for example in spec.examples
                for f in check_example(example, catalog=catalog, today=today, as_of=spec.as_of)]
    return Outcome(path, spec.name, failures)
