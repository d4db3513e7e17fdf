"""Which languages the press pipeline knows, and what it does with each: claims are read from a
language that has a pack; a language the detector recognises without a pack is counted as not
analysed (its paragraphs are never guessed at)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from accord.press.dates import available_languages
from accord.press.lang import analysed_languages, pack
from accord.press.language import GROUPS, SINGLE_LANGUAGE_SCRIPTS

NOT_ANALYSED = "detected, not analysed"


class LanguageStatus(BaseModel):
    code: str = Field(description="ISO 639-1 code")
    name: str = Field(description="English name")
    status: Literal["analysed", "detected, not analysed"]
    script: str = Field(description="Writing system the detector assigns the language to")
    dates: bool = Field(description="Dates (and datelines) are read in this language")
    reason: str | None = Field(None, description="Why its paragraphs are not analysed")


class LanguagesAnswer(BaseModel):
    """Every language the pipeline knows: analysed first, then detected but not analysed."""

    languages: list[LanguageStatus]


def _name(code: str) -> str:
    from lingua import IsoCode639_1, Language

    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).name.title()
    except AttributeError:  # pragma: no cover - a code lingua does not know
        return code


def languages() -> LanguagesAnswer:
    packs = set(analysed_languages())
    scripts = {code: group for group, codes in GROUPS.items() for code in codes}
    scripts.update({code: script for script, code in SINGLE_LANGUAGE_SCRIPTS.items()})
    calendars = set(available_languages())
    out = []
    for code in sorted(packs | set(scripts), key=lambda c: (c not in packs, c)):
        if code in packs:
            out.append(LanguageStatus(code=code, name=pack(code).name, status="analysed",
                                      script=pack(code).script, dates=code in calendars))
        else:
            out.append(LanguageStatus(
                code=code, name=_name(code), status=NOT_ANALYSED, script=scripts[code], dates=code in calendars,
                reason="no language pack"))
    return LanguagesAnswer(languages=out)
