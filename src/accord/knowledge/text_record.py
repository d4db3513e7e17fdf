"""The typed answer of `accord import` and the record of an imported treaty text.

One model serves the CLI's JSON (``docs/json.md``), the stored record in the
user catalog, and the article pages.  A record keeps the normalised text its
spans point into, so a coding can always be shown against its words.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from accord.knowledge.coder import Coding

TEXT_RECORD_VERSION = 1


class ItemOut(BaseModel):
    label: str
    start: int
    end: int


class ParagraphOut(BaseModel):
    number: str
    numbered: bool  # False when the article does not number its paragraphs (the number is the position)
    text: str
    start: int
    end: int
    items: list[ItemOut] = Field(default_factory=list)
    coding: list[Coding] = Field(default_factory=list)

    @property
    def eid(self) -> str:
        return f"para_{self.number}"


class ArticleOut(BaseModel):
    number: int
    heading: str
    title: str | None = None
    start: int
    end: int
    paragraphs: list[ParagraphOut]
    obligations: list[str]  # obligation classes the article creates ("defense", …, or "none")

    @property
    def eid(self) -> str:
        return f"art_{self.number}"


class InstrumentOut(BaseModel):
    kind: Literal["protocol", "annex"]
    title: str
    articles: list[ArticleOut]
    closing: str | None = None
    closing_coding: list[Coding] = Field(default_factory=list)


class TypesOut(BaseModel):
    defense: bool
    offense: bool
    neutrality: bool
    nonaggression: bool
    consultation: bool
    cited: dict[str, list[str]] = Field(default_factory=dict)


class SourceOut(BaseModel):
    name: str  # the file name the text came from (no folder)
    format: Literal["text", "html", "akn"]
    sha256: str
    chars: int


class TextImport(BaseModel):
    """What `accord import --json` prints, and what the user catalog keeps (with ``text``)."""

    treaty: str
    language: str
    title: str | None = None
    preamble: str = ""
    articles: list[ArticleOut]
    instruments: list[InstrumentOut] = Field(default_factory=list)
    closing: str | None = None
    closing_coding: list[Coding] = Field(default_factory=list)
    final_clauses: list[int] = Field(default_factory=list)  # articles that hold only life-cycle clauses
    types: TypesOut
    warnings: list[str] = Field(default_factory=list)
    source: SourceOut
    attached: bool = False  # True when the treaty is in the catalog and the text is attached to it
    stored: bool = False  # False for --dry-run


class TextRecord(TextImport):
    """A stored import: the answer plus the normalised text every span points into."""

    version: int = TEXT_RECORD_VERSION
    text: str

    def article(self, number: int, instrument: str | None = None) -> ArticleOut | None:
        pool = self.articles if instrument is None else next((i.articles for i in self.instruments if i.title == instrument), [])
        return next((a for a in pool if a.number == number), None)
