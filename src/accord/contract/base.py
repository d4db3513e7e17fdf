"""What every answer shares: the base model, pages of rows, and the error body."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Answer(BaseModel):
    """Base of every answer: read from attributes (library dataclasses) or from mappings (store rows)."""

    model_config = ConfigDict(from_attributes=True)


class Page(Answer, Generic[T]):
    """A page of rows from the store; ``next_offset`` is null on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page; null on the last page.")


class FieldProblem(Answer):
    field: str = Field(description="Where: \"query parameter 'on'\", \"body field 'text'\".")
    problem: str


class ErrorBody(Answer):
    """The body of every API error (4xx and 5xx)."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"error": "unknown treaty id 'nato-1994' (did you mean 'nato-1949'?)", "suggestion": "nato-1949"}]})

    error: str = Field(description="What is wrong, in one sentence.")
    suggestion: str | None = Field(None, description="The nearest valid value, when there is one.")
    known: list[str] | None = Field(None, description="The valid values, when they are few.")
    fields: list[FieldProblem] | None = Field(None, description="Each invalid request field and its problem.")
