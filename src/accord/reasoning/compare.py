"""Compare treaties by derived obligation type and by cooperation domain, each cell cited."""

from __future__ import annotations

from accord.knowledge.catalog import Catalog
from accord.reasoning.alliance import TYPES, derive_types

ATOP_NAMES = {"defense": "defense", "offense": "offense", "neutrality": "neutral", "nonaggression": "nonagg", "consultation": "consul"}


def _domains(treaty) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for art in treaty.articles:
        cite = f"Art. {art.number}" if art.number is not None else f"unnumbered provision ({art.key})"
        for domain in art.domains:
            out.setdefault(domain, [])
            if cite not in out[domain]:
                out[domain].append(cite)
    return dict(sorted(out.items()))


def _atop_check(treaty, derived) -> dict | None:
    if treaty.atop is None:
        return None
    diffs = {
        ours: {"derived": getattr(derived, ours), "atop": bool(treaty.atop.codes.get(theirs, 0))}
        for ours, theirs in ATOP_NAMES.items()
        if getattr(derived, ours) != bool(treaty.atop.codes.get(theirs, 0))
    }
    return {"atopid": treaty.atop.atopid, "agrees": not diffs, "differences": diffs, "explanation": treaty.atop.differences}


def compare(treaty_ids: list[str], catalog: Catalog) -> dict:
    """``{"treaties", "types": {id: {type: bool, "cow_type", "cited"}}, "domains": {id: {domain: [cites]}}, "atop"}``."""
    treaties = [catalog.treaty(t) for t in treaty_ids]  # raises LookupFailed on an unknown id
    types, domains, atop = {}, {}, {}
    for treaty in treaties:
        derived = derive_types(treaty)
        types[treaty.id] = derived.as_dict()
        types[treaty.id]["text_public"] = treaty.text_public
        domains[treaty.id] = _domains(treaty)
        check = _atop_check(treaty, derived)
        if check:
            atop[treaty.id] = check
    return {"treaties": [t.id for t in treaties], "types": types, "domains": domains, "atop": atop, "type_names": list(TYPES)}
