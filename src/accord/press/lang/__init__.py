"""Language packs: what the claim extractor knows about one language, as data.

One folder per language (``<code>/pack.yaml``, format in ``README.md`` here).  A pack holds
regular-expression cues per claim type, negation, obligation/modality, future, wish and
scope cues, month and weekday names, date forms and number words.  :func:`pack` loads and
validates one pack and compiles its cues once; :func:`analysed_languages` lists the packs
present.  Adding a language is adding a folder: the engine in ``accord.press.claims`` reads
every pack the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from accord.press.first_chars import with_first_chars
from accord.press.script import fold as fold_script

# libyaml when PyYAML has it: the same values as safe_load in a tenth of the time, which counts
# in the start-up of a one-sentence `accord check`.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ROOT = resources.files("accord.press.lang")
MACRO = re.compile(r"\{(W|B|NUMBER)\}")
# Keys whose patterns are compiled one by one: they name the same group (?P<n>…) in every alternative.
SEPARATE = ("article_count", "duration", "entry_rule")


class PackError(ValueError):
    """A language pack is missing or malformed; the message names the pack and the entry."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PackFile(_Strict):
    """The YAML of one pack, validated before anything is compiled."""

    code: str = Field(pattern=r"^[a-z]{2,3}$")
    name: str
    script: str
    word: str  # one letter of the language, as a character class: {W} in patterns
    # words only this language writes so, frequent in any of its texts (language detection)
    function_words: list[str] = []
    # sentences and clauses
    abbreviations: list[str] = []  # words after which a full stop does not end a sentence
    clause_breaks: list[str] = []  # a clause ends here: negation and wishes do not reach across
    negation: list[str]
    # negation cues that follow what they negate in the same clause: the verb-final negation of
    # Persian ("… شامل بند دفاع متقابل نخواهد بود", "… ملزم به کمک نظامی نیست")
    negation_after: list[str] = []
    desire: list[str] = []  # wishes and proposals: "called for a defence pact" asserts nothing
    # numbers (calendar words are in the pack's calendar.yaml, read by accord.press.dates)
    numbers: dict[str, int] = {}  # number words (a word may be a stem: "двадцатилетн")
    # claim cues
    mutual_defense: list[str] = []
    booleans: dict[str, list[str]] = {}
    not_negatable: list[str] = []
    third_countries: list[str] = []
    article_count: list[str] = []
    duration: list[str] = []
    duration_exclude: list[str] = []
    renewal: list[str] = []
    five_years: list[str] = []
    automatic: list[str] = []
    entry_rule: list[str] = []
    entry_rule_events: dict[str, str] = {}  # word stem after "N days after" -> event name
    in_force_true: list[str] = []
    in_force_future: list[str] = []
    in_force_false: list[str] = []
    not_a_signing_date: list[str] = []  # words just before a date that make it another event's date
    anaphora: list[str] = []  # a paragraph opening that refers back to the previous one's treaty ("This treaty")
    sign_cue: list[str] = []
    ratify: list[str] = []
    ratify_explicit: list[str] = []  # verb stems that name a ratification on their own
    law: list[str] = []  # "signed the law": a step of ratification, not the treaty's signature
    ratify_future: list[str] = []
    ratify_agent: list[str] = []  # what introduces the ratifying parties after the verb ("by …")
    verb_final: bool = False  # verbs come last (SOV): the ratifying party is the one the clause names first, a year may precede its verb
    needs_ratification: list[str] = []
    replaces: list[str] = []
    place_before: list[str] = []  # what introduces the place where something happens ("in", "в", "في", "در")
    scope_cue: list[str] = []
    domains: dict[str, list[str]] = {}
    no_scope_needed: list[str] = []


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


class LanguagePack:
    """A validated pack with its cues compiled (case-insensitive).  Every cue key is a
    compiled pattern (or ``None`` when the pack has no cue of that kind); the keys in
    ``SEPARATE`` are tuples of patterns; ``booleans`` and ``domains`` are dicts of patterns."""

    def __init__(self, data: PackFile):
        self.data = data
        self.code, self.name, self.script = data.code, data.name, data.script
        # Arabic-script packs are written in ordinary spelling and matched against text folded by
        # accord.press.script (one yeh, one kaf, no vowel marks or joiners): their cues are folded too.
        self.folds_script = data.script == "arabic"
        self.numbers = {self._fold(k.lower()): v for k, v in data.numbers.items()}
        number_words = sorted(self.numbers, key=len, reverse=True)
        self._macros = {
            "W": data.word,
            "B": f"(?<!{data.word})",
            "NUMBER": _alternation([r"\d{1,3}", *map(re.escape, number_words)]),
        }
        for key, value in data.model_dump().items():
            if key in ("code", "name", "script", "word", "numbers", "abbreviations", "function_words", "verb_final",
                       "not_negatable", "no_scope_needed", "entry_rule_events", "ratify_explicit", "law"):
                continue
            if key in SEPARATE:
                setattr(self, key, tuple(self._compile([p], key) for p in value))
            elif isinstance(value, dict):
                setattr(self, key, {name: self._compile(p, f"{key}.{name}") for name, p in value.items()})
            else:
                setattr(self, key, self._compile(value, key))
        self.not_negatable = frozenset(data.not_negatable)
        self.no_scope_needed = frozenset(data.no_scope_needed)
        self.entry_rule_events = tuple((self._fold(k), v) for k, v in data.entry_rule_events.items())
        self.ratify_explicit = tuple(self._fold(s.lower()) for s in data.ratify_explicit)
        self.law = tuple(self._fold(s.lower()) for s in data.law)
        self.verb_final = data.verb_final
        self.abbreviations = tuple(data.abbreviations)

    def _fold(self, text: str) -> str:
        return fold_script(text) if self.folds_script else text

    def expand(self, pattern: str) -> str:
        return MACRO.sub(lambda m: self._macros[m.group(1)], self._fold(pattern))

    def _compile(self, patterns: list[str], key: str) -> re.Pattern | None:
        if not patterns:
            return None
        source = _alternation([self.expand(p) for p in patterns])
        try:
            return with_first_chars(re.compile(source, re.I))
        except re.error as exc:
            raise PackError(f"language pack '{self.code}': {key}: {exc}") from None

    def number(self, token: str) -> int | None:
        token = token.strip().lower()
        if token.isdigit():
            return int(token)
        for word in sorted(self.numbers, key=len, reverse=True):
            if token.startswith(word):
                return self.numbers[word]
        return None

    def patterns(self) -> list[re.Pattern]:
        """Every compiled pattern of the pack (for the gate set)."""
        out: list[re.Pattern] = []
        for value in vars(self).values():
            items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else [value]
            out.extend(p for p in items if isinstance(p, re.Pattern))
        return out


def analysed_languages() -> tuple[str, ...]:
    """Codes of the languages that have a pack, sorted."""
    return tuple(sorted(entry.name for entry in ROOT.iterdir()
                        if entry.is_dir() and (entry / "pack.yaml").is_file()))


@lru_cache(maxsize=None)
def pack(code: str) -> LanguagePack:
    """The compiled pack of one language (loaded once)."""
    return LanguagePack(pack_file(code))


@lru_cache(maxsize=None)
def pack_file(code: str) -> PackFile:
    """The validated data of one language's pack, not compiled: enough for what every pack
    contributes to the analysis of any text (abbreviations), without compiling every language's cues."""
    source = ROOT / code / "pack.yaml"
    if not source.is_file():
        raise PackError(f"no language pack '{code}'; packs: {', '.join(analysed_languages())}")
    try:
        raw = yaml.load(source.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise PackError(f"language pack '{code}': not YAML ({exc})") from None
    try:
        data = PackFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PackError(f"language pack '{code}': {where}: {first['msg']}") from None
    if data.code != code:
        raise PackError(f"language pack '{code}': its code says '{data.code}'")
    return data
