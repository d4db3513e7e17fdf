"""How the press names treaties, parties, people, places and parliaments (``data/press_names.yaml``).

Catalog data like the treaties: the claim extractor builds its name patterns from it, so a
treaty, a signatory's new spelling or a parliament is added here, never in code.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from accord.knowledge.catalog import DATA, CatalogError, _read_yaml
from accord.knowledge.model import Confidence, PartyCode

OTHER = "other"  # agreements outside the catalog: mentioned so that claims about them can be dropped


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Names(_Strict):
    spellings: list[str] = Field(default_factory=list)
    case_sensitive: list[str] = Field(default_factory=list)  # acronyms that are words in lower case
    patterns: list[str] = Field(default_factory=list)  # regular expressions, for mentions that are not names

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r}: {exc}") from None
        return value


class Named(Names):
    name: str
    party: PartyCode | None = None


class PressNames(_Strict):
    sources: list[str] = Field(min_length=1)
    confidence: Confidence
    treaties: dict[str, Names]
    parties: dict[PartyCode, Names] = Field(default_factory=dict)
    people: list[Named] = Field(default_factory=list)
    places: list[Named] = Field(default_factory=list)
    bodies: list[Named] = Field(default_factory=list)


def load_press_names(path: Path, treaty_ids: set[str] | None = None) -> PressNames:
    data = _read_yaml(path)
    try:
        names = PressNames.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise CatalogError(f"{path.name}: {where}: {first['msg']}") from None
    if treaty_ids is not None:
        unknown = sorted(set(names.treaties) - treaty_ids - {OTHER})
        if unknown:
            raise CatalogError(f"{path.name}: treaties: '{unknown[0]}' is not a treaty of the catalog")
    return names


@functools.cache
def default_press_names() -> PressNames:
    from accord.knowledge.catalog import default_catalog

    return load_press_names(Path(str(DATA)) / "press_names.yaml", set(default_catalog().treaties))
