"""The catalog as listing rows and as full treaty records, shared by every interface.

The rows are what ``accord treaties --json`` prints and ``GET /api/treaties``
returns; the record is the coded treaty with its derived obligation types.
"""

from __future__ import annotations

from accord.knowledge.catalog import Catalog
from accord.knowledge.model import Treaty
from accord.reasoning.alliance import derive_types


def treaty_row(treaty: Treaty) -> dict:
    """One line of the catalog: id, title, parties, signature day, article count, derived types."""
    return {
        "id": treaty.id,
        "title": treaty.short_title or treaty.title,
        "parties": treaty.all_members(),
        "signed": treaty.signature.date.isoformat() if treaty.signature else None,
        "articles": treaty.article_count,
        "types": derive_types(treaty).as_dict(),
    }


def treaty_rows(catalog: Catalog) -> list[dict]:
    return [treaty_row(t) for t in catalog.treaties.values()]


def treaty_record(treaty: Treaty) -> dict:
    """The whole coded treaty (articles, provisions, life cycle, sources) plus its derived ``types``."""
    record = treaty.model_dump(mode="json")
    record["types"] = derive_types(treaty).as_dict()
    return record
