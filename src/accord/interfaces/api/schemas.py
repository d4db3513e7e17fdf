"""Request bodies.  Values that need the catalog (parties, event kinds, dates with the CLI's
message) stay strings here and are checked by :mod:`.inputs`, so that every interface
reports them the same way."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ScenarioRequest(BaseModel):
    event: str = Field(description="Event kind: aggression, armed-attack, threat-of-aggression, unilateral-sanctions, "
                                   "separatist-support, snapback-notification.", examples=["aggression"])
    by: str | None = Field(None, description="Acting state or group (code or name).", examples=["ISR"])
    against: str | None = Field(None, description="Target state (code or name).", examples=["IRN"])
    on: str | None = Field(None, description="Date YYYY-MM-DD (default: today).", examples=["2025-11-01"])
    where: str | None = Field(None, description="Where it happens: a state or territory (code or name) or a sea region "
                                                "(north-atlantic, mediterranean ...); default: the target's own territory.",
                              examples=["MLI"])
    weapons: str | None = Field(None, description="nuclear, chemical, biological or conventional.", examples=["conventional"])


class CheckRequest(BaseModel):
    text: str = Field(description="A sentence or paragraph in English or Russian.",
                      examples=["The treaty between Russia and Iran does not contain a mutual defence clause."])
    lang: str | None = Field(None, description="en or ru (default: detected).")


class DocumentIn(BaseModel):
    """One press document, the shape of a line of the shared corpus (other keys are ignored)."""

    id: str | None = Field(None, min_length=1, max_length=300, description="Default: derived from the text.")
    url: str | None = None
    text: str = Field(min_length=1, description="Plain text or HTML, as published.")
    lang: str | None = Field(None, description="Declared language, used when none can be detected.")
    published: str | None = Field(None, description="Publication date YYYY-MM-DD, if known.")
    outlet: str | None = None
