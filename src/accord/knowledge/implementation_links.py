"""Which provision of a treaty an implementation event serves: catalog data, one file per treaty
under ``data/implementation/``, validated here.

An event's type, narrowed by its topics, gives the provision; each provision says whether it
calls for action or only forbids (a prohibition-only provision has no duty to act, only
possible breaches), and for a prohibition the periods in which a breach would show.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from accord.knowledge.catalog import DATA, CatalogError, Catalog


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Period(_Strict):
    label: str
    start: dt.date
    end: dt.date
    sources: list[str] = Field(min_length=1)
    confidence: Literal["high", "medium", "low"]
    # what the press calls the period in its languages ("the 12-day war"): regular expressions,
    # matched case-insensitively, so a report that names it is dated by it
    names: list[str] = Field(default_factory=list)

    @functools.cached_property
    def _names(self) -> re.Pattern | None:
        return re.compile("|".join(f"(?:{n})" for n in self.names), re.I) if self.names else None

    def named_in(self, text: str) -> bool:
        return self._names is not None and self._names.search(text) is not None

    def month_reported(self, until: dt.date | None) -> str:
        """The month (``YYYY-MM``) holding most of the period's days up to ``until`` (a report
        written during the period speaks of the days so far), the later one on a tie."""
        end = min(self.end, until) if until is not None and until >= self.start else self.end
        months = Counter((self.start + dt.timedelta(days=d)).isoformat()[:7] for d in range((end - self.start).days + 1))
        return max(months, key=lambda m: (months[m], m))


class TrackedProvision(_Strict):
    provision: str  # "5", "3(3)" or a topic key
    catalog: str  # the article key, provision id or unnumbered provision key in the treaty file
    title: str
    duty: Literal["act", "refrain"]
    confidence: Literal["high", "medium", "low"]
    periods: list[Period] = Field(default_factory=list)
    doubts: str | None = None
    group: str | None = None  # provisions in one group can carry contradicting reports
    evidence_for: list[str] = Field(default_factory=list)  # catalog actions this provision's reports bear on

    @property
    def label(self) -> str:
        return f"Art. {self.provision}" if self.provision[:1].isdigit() else self.provision.replace("_", " ")


class Link(_Strict):
    type: str
    topics: list[str] = Field(default_factory=list)
    provision: str


class ImplementationLinks(_Strict):
    treaty: str
    sources: list[str] = Field(min_length=1)
    provisions: list[TrackedProvision] = Field(min_length=1)
    links: list[Link] = Field(min_length=1)

    def provision_for(self, event_type: str, topics: set[str] | frozenset[str]) -> str | None:
        """The provision an event of this type about these topics serves (the first rule that fits)."""
        for link in self.links:
            if link.type == event_type and (not link.topics or topics.intersection(link.topics)):
                return link.provision
        return None

    def tracked(self, provision: str) -> TrackedProvision | None:
        return next((p for p in self.provisions if p.provision == provision), None)

    @property
    def event_types(self) -> list[str]:
        return list(dict.fromkeys(link.type for link in self.links))


def load_links(path: Path, catalog: Catalog | None = None) -> ImplementationLinks:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        links = ImplementationLinks.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise CatalogError(f"{path.name}: {exc}") from exc
    known = {p.provision for p in links.provisions}
    for link in links.links:
        if link.provision not in known:
            raise CatalogError(f"{path.name}: link to untracked provision '{link.provision}'")
    if catalog is not None:
        treaty = catalog.treaty(links.treaty)
        keys = {a.key for a in treaty.articles} | {p.id for p in treaty.provisions}
        for p in links.provisions:
            if p.catalog not in keys:
                raise CatalogError(f"{path.name}: provision '{p.provision}' names '{p.catalog}', not in {treaty.id}.yaml")
    return links


@functools.cache
def implementation_links(treaty_id: str) -> ImplementationLinks | None:
    """The built-in links of a treaty, or None when the treaty's implementation is not tracked."""
    path = Path(str(DATA)) / "implementation" / f"{treaty_id}.yaml"
    return load_links(path) if path.is_file() else None


def tracked_treaties() -> list[str]:
    return sorted(p.stem for p in (Path(str(DATA)) / "implementation").glob("*.yaml"))
