"""The user catalog: treaties and treaty texts imported by the user, loaded next to the built-in ones.

Layout of the folder::

    treaties/<id>.yaml        a treaty known only from an imported text
    texts/<id>/<lang>.json    an imported text: structure, codings, types and the text

A file that cannot be read is reported in ``Catalog.problems`` and skipped:
one bad file never hides the rest of the catalog.  A user entry never
replaces a built-in treaty.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from accord.knowledge.model import Treaty
from accord.knowledge.text_record import TextRecord


def load_user_catalog(user_dir: Path, builtin: set[str]) -> tuple[dict[str, Treaty], dict[str, dict[str, TextRecord]], list[str]]:
    from accord.knowledge.catalog import CatalogError, load_treaty_file

    treaties: dict[str, Treaty] = {}
    texts: dict[str, dict[str, TextRecord]] = {}
    problems: list[str] = []
    for path in sorted((user_dir / "treaties").glob("*.yaml")):
        try:
            treaty = load_treaty_file(path)
        except CatalogError as exc:
            problems.append(f"user catalog: {exc}")
            continue
        if treaty.id in builtin:
            problems.append(f"user catalog: {path.name}: '{treaty.id}' is a built-in treaty; the built-in entry is kept")
            continue
        treaties[treaty.id] = treaty
    for path in sorted((user_dir / "texts").glob("*/*.json")):
        try:
            record = TextRecord.model_validate_json(path.read_bytes())
        except (ValidationError, ValueError, OSError) as exc:
            problems.append(f"user catalog: texts/{path.parent.name}/{path.name}: unreadable ({str(exc).splitlines()[0]})")
            continue
        if record.treaty != path.parent.name or record.language != path.stem:
            problems.append(f"user catalog: texts/{path.parent.name}/{path.name}: holds '{record.treaty}' ({record.language}); skipped")
            continue
        if record.treaty not in builtin and record.treaty not in treaties:
            problems.append(f"user catalog: texts/{path.parent.name}/{path.name}: no treaty '{record.treaty}' in the catalog; skipped")
            continue
        texts.setdefault(record.treaty, {})[record.language] = record
    return treaties, texts, problems
