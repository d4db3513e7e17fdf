"""Compare treaties by derived obligation type and by cooperation domain, each cell cited."""

from __future__ import annotations

from accord.knowledge.catalog import Catalog
from accord.reasoning.alliance import ATOP_NAMES, TYPES, derive_types


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
    # A type the coding does not cover disagrees with ATOP when ATOP finds it (1); ATOP's 0 is
    # then already the basis of our "false", so only a coded provision can contradict a 0.
    diffs = {}
    for ours, theirs in ATOP_NAMES.items():
        mine, atop = getattr(derived, ours), bool(treaty.atop.codes.get(theirs, 0))
        if mine is None and atop:
            diffs[ours] = {"derived": None, "atop": atop, "why": "ATOP codes it; the coded provisions do not cover it"}
        elif mine is not None and mine != atop:
            diffs[ours] = {"derived": mine, "atop": atop, "why": f"derived from {derived.basis.get(ours)}"}
    return {"atopid": treaty.atop.atopid, "agrees": not diffs, "differences": diffs, "explanation": treaty.atop.differences}


def compare(treaty_ids: list[str], catalog: Catalog) -> dict:
    """``{"treaties", "types": {id: {type: true/false/null, "cow_type", "cited", "basis", "confidence", "coverage"}}, "domains": {id: {domain: [cites]}}, "atop"}``."""
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
