"""What every answer shares: the base model, pages of rows, and the error body."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

T = TypeVar("T")


class Answer(BaseModel):
    """Base of every answer: read from attributes (library dataclasses) or from mappings (store rows)."""

    model_config = ConfigDict(from_attributes=True)


class Page(Answer, Generic[T]):
    """A page of rows from the store; ``next_offset`` is null on the last page, ``total`` counts every page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page; null on the last page.")
    total: int = Field(description="Rows matching the filters on all pages together.")


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


def answer(model: Any, data: Any) -> Any:
    """``data`` read into ``model`` (a model class or a type such as ``list[JudgedClaim]``)."""
    return TypeAdapter(model).validate_python(data, from_attributes=True)


def dump(model: Any, data: Any) -> Any:
    """``data`` as JSON-ready Python values, through ``model``: the one serialisation of an answer."""
    adapter = TypeAdapter(model)
    is_instance = isinstance(model, type) and issubclass(model, BaseModel) and isinstance(data, model)
    value = data if is_instance else adapter.validate_python(data, from_attributes=True)
    return adapter.dump_python(value, mode="json")
