"""Implementation-event cue packs: one ``events.yaml`` per language under ``press/lang/<xx>/``.

A pack is data (see ``lang/en/events.yaml`` for the format): event types with their cue
patterns, topics, status cues, actor names and date words.  This module compiles a pack
once and says which languages have one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

import yaml

from accord.press.claims.gate import GateSet, admits, fold
from accord.press.events.dates import EventDates
from accord.press.first_chars import with_first_chars

LANG_ROOT = Path(str(resources.files("accord.press") / "lang"))
STATUSES = ("done", "announced", "planned", "not_done")


class PackError(ValueError):
    """An event pack that cannot be read or compiled."""


@dataclass(frozen=True)
class EventPack:
    lang: str
    types: tuple[tuple[str, tuple[re.Pattern, ...]], ...]  # most specific type first
    topics: tuple[tuple[str, re.Pattern], ...]
    not_done: tuple[re.Pattern, ...]
    not_done_exceptions: tuple[re.Pattern, ...]
    announced: tuple[re.Pattern, ...]
    planned: tuple[re.Pattern, ...]
    actors: tuple[tuple[str, re.Pattern], ...]
    dates: EventDates
    treaty_itself: re.Pattern | None = None  # words naming the tracked treaty itself
    treaty_content: re.Pattern | None = None  # "the treaty provides/obliges …": a claim, not an event

    def cues_admitted(self, text: str, among: tuple | None = None) -> tuple[tuple[str, tuple[re.Pattern, ...]], ...]:
        """The types and cues that can match somewhere in ``text`` (see ``claims.gate``: an exact
        pre-check on the literal words a pattern needs, far cheaper than running it); ``among``:
        only of these (those admitted in a text that contains this one)."""
        gates, ungated = self._cue_gates
        admitted = gates.admitted(fold(text))  # one scan for every cue's literal words
        if not admitted and not ungated:
            return ()
        live = []
        for event_type, cues in (self.types if among is None else among):
            cues = tuple(rx for rx in cues if id(rx) in admitted or id(rx) in ungated)
            if cues:
                live.append((event_type, cues))
        return tuple(live)

    @cached_property
    def _cue_gates(self) -> tuple[GateSet, frozenset[int]]:
        """The gates of every cue, and the ids of the cues without one (they may match anywhere)."""
        gates = GateSet(rx for _, cues in self.types for rx in cues)
        return gates, frozenset(id(rx) for _, cues in self.types for rx in cues) - gates.gated

    def status(self, sentence: str) -> str:
        """How the sentence frames what it reports: not done, announced, planned, else done."""
        folded = fold(sentence)

        def found(patterns: tuple[re.Pattern, ...], text: str = sentence) -> bool:
            return any(admits(rx, folded) and rx.search(text) for rx in patterns)

        if found(self.not_done):
            cleared = sentence
            for rx in self.not_done_exceptions:
                cleared = rx.sub(" ", cleared)
            if any(rx.search(cleared) for rx in self.not_done):
                return "not_done"
        if found(self.announced):
            return "announced"
        if found(self.planned):
            return "planned"
        return "done"

    def topics_of(self, text: str) -> frozenset[str]:
        return frozenset(name for name, rx in self.topics if rx.search(text))

    def actors_in(self, text: str) -> list[str]:
        return [code for code, rx in self.actors if rx.search(text)]


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return with_first_chars(re.compile(pattern, re.I))
    except re.error as exc:
        raise PackError(f"{where}: bad pattern {pattern!r}: {exc}") from exc


def _patterns(value, where: str) -> tuple[re.Pattern, ...]:
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else list(value)
    return tuple(_compile(p, where) for p in values)


def load_pack_file(path: Path) -> EventPack:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: not readable YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise PackError(f"{path}: expected a mapping with 'types'")
    lang = data.get("lang") or path.parent.name
    status = data.get("status") or {}
    try:
        dates = EventDates(lang, data.get("dates") or {})
    except (re.error, IndexError, KeyError, ValueError) as exc:
        raise PackError(f"{path}: dates: {exc}") from exc
    return EventPack(
        lang=lang,
        types=tuple((name, _patterns(cues, f"{lang}.types.{name}")) for name, cues in data["types"].items()),
        topics=tuple((name, _compile(rx, f"{lang}.topics.{name}")) for name, rx in (data.get("topics") or {}).items()),
        not_done=_patterns(status.get("not_done"), f"{lang}.status.not_done"),
        not_done_exceptions=_patterns(status.get("not_done_exceptions"), f"{lang}.status"),
        announced=_patterns(status.get("announced"), f"{lang}.status.announced"),
        planned=_patterns(status.get("planned"), f"{lang}.status.planned"),
        actors=tuple((code, _compile(rx, f"{lang}.actors.{code}")) for code, rx in (data.get("actors") or {}).items()),
        dates=dates,
        treaty_itself=_compile(data["treaty_itself"], f"{lang}.treaty_itself") if data.get("treaty_itself") else None,
        treaty_content=_compile(data["treaty_content"], f"{lang}.treaty_content") if data.get("treaty_content") else None,
    )


def event_languages() -> list[str]:
    """Languages with an event pack."""
    return sorted(p.parent.name for p in LANG_ROOT.glob("*/events.yaml"))


@functools.cache
def event_pack(lang: str | None) -> EventPack | None:
    if not lang or not re.fullmatch(r"[a-z]{2,3}", lang):
        return None
    path = LANG_ROOT / lang / "events.yaml"
    return load_pack_file(path) if path.is_file() else None
