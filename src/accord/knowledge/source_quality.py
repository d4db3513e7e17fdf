"""Whether a fact's confidence is earned by its sources.

"High" needs an official text or two independent reliable sources (different
hosts, neither an aggregator, blog, forum or wiki); a fact resting only on such
secondary pages is at most "medium".  The kinds of source are data
(``data/source_kinds.yaml``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources
from urllib.parse import urlparse

import yaml
from pydantic import BaseModel

from accord.knowledge.model import Confidence, Sourced, Treaty


@functools.cache
def _kinds() -> dict[str, list[str]]:
    return yaml.safe_load((resources.files("accord.knowledge") / "data" / "source_kinds.yaml").read_text(encoding="utf-8"))


def host(source: str) -> str:
    """The host of a web address (without "www."), or the source text itself for other sources."""
    if "://" in source:
        name = (urlparse(source).hostname or source).lower()
        return name[4:] if name.startswith("www.") else name
    return source


def kind(source: str) -> str:
    """official | aggregator | reliable (anything not listed is taken for an ordinary reliable source)."""
    name = host(source)
    for label in ("official", "aggregator"):
        for entry in _kinds()[label]:
            if name == entry or name.endswith("." + entry) or source.startswith(entry):
                return label
    return "reliable"


def earned(sources: list[str]) -> Confidence:
    """The highest confidence these sources can carry."""
    kinds = [kind(s) for s in sources]
    if "official" in kinds:
        return Confidence.high
    reliable_hosts = {host(s) for s, k in zip(sources, kinds) if k == "reliable"}
    if len(reliable_hosts) >= 2:
        return Confidence.high
    return Confidence.medium


def _facts(node: object, path: str) -> Iterator[tuple[str, Sourced]]:
    if isinstance(node, Sourced):
        yield path, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _facts(getattr(node, name), f"{path}.{name}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _facts(item, f"{path}[{i}]")
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _facts(item, f"{path}.{key}")


def overclaimed(treaty: Treaty) -> list[str]:
    """Every fact of the treaty marked high that its sources do not carry."""
    return [f"{path}: high confidence on {', '.join(host(s) for s in fact.sources)}"
            for path, fact in _facts(treaty, treaty.id)
            if fact.confidence is Confidence.high and earned(fact.sources) is not Confidence.high]
