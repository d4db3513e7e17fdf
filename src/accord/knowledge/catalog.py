"""Load and validate the treaty catalog (one YAML file per treaty) and the party registry.

The catalog is data: code never hard-codes a treaty fact.  Loading validates
every file against :mod:`accord.knowledge.model`; a bad entry raises
:class:`CatalogError` naming the file and the entry.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pycountry
import yaml
from pydantic import ValidationError
from rapidfuzz import process
from rapidfuzz.distance import OSA

from accord.knowledge.model import Party, PartyCode, Treaty

DATA = resources.files("accord.knowledge") / "data"


class CatalogError(ValueError):
    """A catalog file is malformed; the message names the file and the entry."""


class LookupFailed(KeyError):
    """An unknown id or name; ``suggestion`` is the nearest valid one, if any.

    ``known`` lists the valid values of a short closed set (event kinds), named in the
    message when no suggestion is near enough to help.
    """

    def __init__(self, what: str, value: str, suggestion: str | None, known: list[str] | None = None):
        self.what, self.value, self.suggestion, self.known = what, value, suggestion, known
        if suggestion:
            hint = f" (did you mean '{suggestion}'?)"
        else:
            hint = f"; known: {', '.join(known)}" if known else ""
        super().__init__(f"unknown {what} '{value}'{hint}")

    def __str__(self) -> str:  # KeyError quotes its message otherwise
        return self.args[0]


def nearest(value: str, choices: list[str], cutoff: float = 60) -> str | None:
    match = process.extractOne(value, choices, score_cutoff=cutoff)
    return match[0] if match else None


CODE_LIKE = re.compile(r"^[A-Za-z]{2,3}$|^[A-Z]{2,5}$")
# A non-state actor's name: words, spaces and the punctuation names use, nothing that looks like markup.
LABEL = re.compile(r"^\w[\w .,'’()&/-]{1,80}$")


def _typo_distance(label: str) -> int:
    """Edits (a swap of neighbours counts as one) within which a free label is a misspelt known name, not a non-state actor."""
    return 1 if len(label) <= 8 else 2


@functools.cache
def iso_state(value: str) -> Party | None:
    """Any ISO 3166-1 state or territory by alpha-3 or alpha-2 code or English name, or a former state by
    its withdrawn alpha-3 code (pycountry)."""
    try:
        country = pycountry.countries.lookup(value.strip())
    except LookupError:
        # a state that no longer exists (USSR, GDR, Yugoslavia), by its withdrawn ISO 3166-3 code only
        country = pycountry.historic_countries.get(alpha_3=value.strip().upper()) if len(value.strip()) == 3 else None
        if country is None:
            return None
    names = [country.name] + [n for n in (getattr(country, "official_name", None), getattr(country, "common_name", None)) if n]
    return Party(code=country.alpha_3, names={"en": list(dict.fromkeys(names))},
                 sources=["ISO 3166-1 via pycountry"], confidence="high")


def _location(err: dict, data: object) -> str:
    """Describe where in the YAML a pydantic error sits, by article/provision id when possible."""
    parts: list[str] = []
    node = data
    for key in err["loc"]:
        if isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
            ident = node.get("id") or node.get("key") or node.get("number") if isinstance(node, dict) else None
            parts.append(f"[{key}]" + (f" ({ident})" if ident is not None else ""))
        elif isinstance(node, dict) and key in node:
            node = node[key]
            parts.append(f".{key}")
        else:
            parts.append(f".{key}")
    return "".join(parts).lstrip(".") or "<top>"


# libyaml's parser when PyYAML was built with it: the catalog loads in a tenth of the time, which
# is most of what a command like `accord treaties` costs. Same resolver, so the same values.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """YAML without implicit timestamps: dates stay strings and the model parses them,
    so an impossible date ("2025-13-45") is a precise validation error, not a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path.name}: not valid YAML: {exc}") from exc


def load_treaty_file(path: Path) -> Treaty:
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise CatalogError(f"{path.name}: expected a mapping at the top level")
    try:
        treaty = Treaty.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise CatalogError(f"{path.name}: {_location(first, data)}: {first['msg']}{more}") from exc
    if treaty.id != path.stem:
        raise CatalogError(f"{path.name}: id '{treaty.id}' does not match the file name")
    return treaty


def load_parties(path: Path) -> dict[PartyCode, Party]:
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("parties"), list):
        raise CatalogError(f"{path.name}: expected a 'parties' list")
    out: dict[PartyCode, Party] = {}
    for i, row in enumerate(data["parties"]):
        try:
            party = Party.model_validate(row)
        except ValidationError as exc:
            raise CatalogError(f"{path.name}: parties[{i}]: {exc.errors()[0]['msg']}") from exc
        if party.code in out:
            raise CatalogError(f"{path.name}: parties[{i}]: duplicated code '{party.code}'")
        out[party.code] = party
    return out


@dataclass
class Catalog:
    treaties: dict[str, Treaty]
    parties: dict[PartyCode, Party]
    _aliases: dict[str, PartyCode] = field(default_factory=dict, repr=False)
    # imported treaty texts: treaty id -> language -> record (see accord.knowledge.user_catalog)
    texts: dict[str, dict[str, object]] = field(default_factory=dict)
    # user-catalog files that could not be read, with the reason; the rest of the catalog still loads
    problems: list[str] = field(default_factory=list)

    @functools.cached_property
    def version(self) -> str:
        """A content hash of the treaties and parties: a verdict records the version it was made against,
        so stored claims can be judged again when the catalog changes (and only then)."""
        import hashlib
        import json

        content = {"treaties": {tid: t.model_dump(mode="json") for tid, t in sorted(self.treaties.items())},
                   "parties": {code: p.model_dump(mode="json") for code, p in sorted(self.parties.items())}}
        return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]

    def __post_init__(self) -> None:
        for party in self.parties.values():
            self._aliases[party.code.casefold()] = party.code
            for names in party.names.values():
                for name in names:
                    self._aliases.setdefault(name.casefold(), party.code)
        for treaty in self.treaties.values():
            for member in treaty.all_members():
                if member not in self.parties and iso_state(member) is None:
                    raise CatalogError(f"{treaty.id}.yaml: party '{member}' is neither in parties.yaml nor an ISO 3166-1 code")
        for treaty in self.treaties.values():
            for old in treaty.replaces:
                if old not in self.treaties:
                    raise CatalogError(f"{treaty.id}.yaml: replaces unknown treaty '{old}'")

    def treaty(self, treaty_id: str) -> Treaty:
        try:
            return self.treaties[treaty_id]
        except KeyError:
            raise LookupFailed("treaty", treaty_id, nearest(treaty_id, list(self.treaties))) from None

    def party(self, name_or_code: str) -> Party:
        """Resolve a code or any alias in any language ("Iran", "Ирана", "irn"), or any ISO 3166-1 state.

        A valid code is never answered with another state: the nearest name is
        only suggested for a value that names nothing.
        """
        code = self._aliases.get(name_or_code.strip().casefold())
        if code is not None:
            return self.parties[code]
        iso = iso_state(name_or_code)
        if iso is not None:
            return self.parties.get(iso.code, iso)
        names = self._suggestible()
        alias = nearest(name_or_code.strip().casefold(), list(names))
        raise LookupFailed("party", name_or_code, names[alias] if alias else None)

    def _suggestible(self) -> dict[str, PartyCode]:
        """Every name a suggestion may come from: the registry's aliases and the ISO 3166-1 codes and names."""
        if not hasattr(self, "_names"):
            names = {c.alpha_3.casefold(): c.alpha_3 for c in pycountry.countries}
            names.update({c.name.casefold(): c.alpha_3 for c in pycountry.countries})
            names.update(self._aliases)
            self._names = names
        return self._names

    def actor(self, value: str) -> PartyCode:
        """A state or group code, or a non-state actor's label kept as written ("Hamas").

        A code-like value (two or three letters) or a near miss of a known name is
        an error rather than a label, so a typo never becomes a new actor.
        """
        try:
            return self.party(value).code
        except LookupFailed as exc:
            label = value.strip()
            close = process.extractOne(label.casefold(), list(self._suggestible()), scorer=OSA.distance,
                                       score_cutoff=_typo_distance(label))
            if not LABEL.match(label) or CODE_LIKE.match(label) or close:
                raise exc from None
            return label

    def is_state(self, code: PartyCode) -> bool:
        """A state (not a group, not a non-state actor's label)."""
        known = self.parties.get(code)
        if known is not None:
            return not known.is_group and bool(iso_state(code))
        return iso_state(code) is not None

    def is_known(self, code: PartyCode) -> bool:
        return code in self.parties or iso_state(code) is not None

    def expand(self, code: PartyCode, day: dt.date | None = None) -> list[PartyCode]:
        """A group stands for its members on ``day`` (all it ever had without a day); a state or label for itself."""
        party = self.parties.get(code)
        if party is None:
            return [code]
        if party.members_of and party.members_of in self.treaties:
            treaty = self.treaties[party.members_of]
            return treaty.members_on(day) if day else treaty.all_members()
        if party.members:
            return list(dict.fromkeys(m.party for m in party.members if day is None or m.member_on(day)))
        return list(party.group) or [party.code]

    def name(self, code: PartyCode) -> str:
        party = self.parties.get(code) or iso_state(code)
        return party.name() if party else code

    def successors(self, treaty_id: str) -> list[Treaty]:
        return [t for t in self.treaties.values() if treaty_id in t.replaces]


def load_catalog(directory: Path | None = None, user_dir: Path | None = None) -> Catalog:
    """Load every ``treaties/*.yaml`` and ``parties.yaml`` under ``directory`` (default: the built-in catalog),
    then the user catalog in ``user_dir`` (imported treaties and texts), if given."""
    root = Path(str(directory or DATA))
    parties = load_parties(root / "parties.yaml")
    treaties: dict[str, Treaty] = {}
    for path in sorted((root / "treaties").glob("*.yaml")):
        treaty = load_treaty_file(path)
        treaties[treaty.id] = treaty
    if user_dir is None:
        return Catalog(treaties=treaties, parties=parties)
    from accord.knowledge.user_catalog import load_user_catalog

    user_treaties, texts, problems = load_user_catalog(Path(user_dir), set(treaties))
    return Catalog(treaties={**treaties, **user_treaties}, parties=parties, texts=texts, problems=problems)


@functools.cache
def catalog_with_user(user_dir: Path) -> Catalog:
    return load_catalog(user_dir=user_dir)


@functools.cache
def default_catalog() -> Catalog:
    return load_catalog()
