"""Cheap, exact pre-checks for the claim patterns: skip a regular expression on text where it cannot match.

Most press sentences carry no claim, yet every sentence used to go through every pattern
of its language (about a hundred).  A pattern can only match where its literal words
are: ``\\bmilitary (?:alliance|bloc|pact)\\b`` needs "military " and one of "alliance",
"bloc", "pact".  :func:`gate` reads those literal requirements out of the compiled
pattern's syntax tree, as clauses — every clause must have one of its strings in the
text — and :meth:`Gate.admits` tests them with plain substring search on the text
folded by :func:`fold`, which is a fraction of the cost of running the pattern.

The gate is a necessary condition, never a sufficient one: when it admits a text, the
pattern runs as before and decides; when it rejects, the pattern could not have matched,
so results are exactly those of running every pattern.  Two rules keep that true:

* requirements are only taken from what a match consumes — literal characters, classes
  of a few literal characters, alternations and fixed repeats of those; anything else
  (``\\w``, ranges, lookarounds, back-references) only ends a literal run;
* folding maps every character to the one the regular-expression engine's
  case-insensitive matching treats it as: the lower case, plus the few letters with a
  second lower-case form (dotless ı, long ſ, the old Cyrillic letter variants ᲀ–ᲈ…) and
  the Turkish dotted İ, whose ``str.lower`` is two characters long.  Gate strings use
  only characters whose whole case-insensitive class the tests check against ``fold``.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Iterable

try:  # the syntax tree of a compiled pattern: private, but stable since Python 3.11
    from re import _constants as sre_constants
    from re import _parser as sre_parser
except ImportError:  # pragma: no cover - a future Python without it: no gates, same results, slower
    sre_parser = sre_constants = None

MAX_ALTERNATIVES = 64  # strings kept for one alternation before giving up on it
MIN_LENGTH = 3  # shorter strings occur in almost every sentence: a clause of them is not worth testing
MAX_CLAUSES = 3

# Letters with a second lower-case form under case-insensitive matching (re._casefix), each
# mapped to one member of its class; "İ" is handled before lower-casing.
_SECOND_FORMS = {"ı": "i", "ſ": "s", "ᲀ": "в", "ᲁ": "д", "ᲂ": "о", "ᲃ": "с", "ᲄ": "т", "ᲅ": "т", "ᲆ": "ъ", "ᲇ": "ѣ",
                 "ᲈ": "ꙋ", "ẛ": "ṡ", "ﬅ": "ﬆ", "µ": "μ", "ς": "σ", "ϐ": "β", "ϵ": "ε", "ϑ": "θ", "ϰ": "κ", "ϖ": "π",
                 "ϱ": "ρ", "ϕ": "φ", "ͅ": "ι", "ι": "ι", "ΐ": "ΐ", "ΰ": "ΰ"}
_SECOND_FORM_MAP = str.maketrans(_SECOND_FORMS)
_SECOND_FORM = re.compile("[" + "".join(_SECOND_FORMS) + "]")
# Characters a gate string may contain: ASCII, Russian, the accented Latin letters of the western
# European packs and the Arabic and Persian letters (which have no case), digits and a little punctuation.
GATE_ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -'.,абвгдежзийклмнопрстуфхцчшщъыьэюяё"
                          "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœß"
                          + "".join(chr(code) for code in range(0x0621, 0x064B)) + "پچژگکیۀ")


def fold(text: str) -> str:
    """``text`` lower-cased the way case-insensitive matching sees it, one character for one."""
    if "İ" in text:
        text = text.replace("İ", "i")
    folded = text.lower()
    if _SECOND_FORM.search(folded) is not None:
        folded = folded.translate(_SECOND_FORM_MAP)
    return folded


class Gate:
    """Clauses of strings: a text the pattern can match contains one string of every clause."""

    __slots__ = ("clauses",)

    def __init__(self, clauses: tuple[tuple[str, ...], ...]):
        self.clauses = clauses

    def admits(self, folded: str) -> bool:
        for clause in self.clauses:
            for needle in clause:
                if needle in folded:
                    break
            else:
                return False
        return True

    def __repr__(self) -> str:
        return f"Gate({self.clauses!r})"


ALWAYS = Gate(())
# Keyed by id: hashing a compiled pattern hashes its whole program, every time.  The entry
# holds the pattern, so the id cannot be reused while the entry lives.
_gates: dict[int, tuple[re.Pattern, Gate]] = {}


def gate(pattern: re.Pattern) -> Gate:
    """The gate of a compiled pattern (computed once per pattern)."""
    entry = _gates.get(id(pattern))
    if entry is None:
        entry = _gates[id(pattern)] = (pattern, _derive(pattern))
    return entry[1]


def admits(pattern: re.Pattern, folded: str) -> bool:
    return gate(pattern).admits(folded)


class GateSet:
    """The gates of many patterns, tested together: one scan of the folded text finds every gate
    string it contains, and only the patterns using those strings have their clauses checked.

    The scan is one regular expression, a trie of all the strings inside a lookahead, so it is
    tried at every position; at each it reports the longest string starting there, and the
    strings that are prefixes of that one start there too.
    """

    def __init__(self, patterns: Iterable[re.Pattern]):
        self._patterns = {id(p): p for p in patterns}  # held: ids stay valid
        gates = {pid: gate(p) for pid, p in self._patterns.items()}
        self.gated = frozenset(pid for pid, g in gates.items() if g.clauses)
        self._clauses = {pid: gates[pid].clauses for pid in self.gated}
        self._users: dict[str, set[int]] = {}
        for pid in self.gated:
            for clause in self._clauses[pid]:
                for needle in clause:
                    self._users.setdefault(needle, set()).add(pid)
        needles = sorted(self._users)
        self._prefixes = {n: tuple(p for p in needles if n.startswith(p)) for n in needles}
        self._scan = re.compile(f"(?=({_trie(needles)}))") if needles else None

    def admitted(self, folded: str) -> frozenset[int]:
        """Ids of the gated patterns whose gates admit ``folded`` (ungated ones always may match)."""
        if self._scan is None:
            return frozenset()
        present: set[str] = set()
        for m in self._scan.finditer(folded):
            present.update(self._prefixes[m.group(1)])
        return self._admitted_by(present)

    def admitted_spans(self, folded: str, spans: list[tuple[int, int]]) -> list[frozenset[int]]:
        """``admitted(folded[a:b])`` for each of the ordered, non-overlapping ``spans`` (the sentences of
        a paragraph), from one scan of ``folded``: the strings starting at a position are the prefixes
        of the longest one found there, and a span holds those that end inside it."""
        if self._scan is None:
            return [frozenset() for _ in spans]
        found = [(m.start(), m.group(1)) for m in self._scan.finditer(folded)]
        out, i = [], 0
        for a, b in spans:
            while i < len(found) and found[i][0] < a:
                i += 1
            present: set[str] = set()
            j = i
            while j < len(found) and found[j][0] < b:
                position, longest = found[j]
                if position + len(longest) <= b:
                    present.update(self._prefixes[longest])
                else:
                    present.update(p for p in self._prefixes[longest] if position + len(p) <= b)
                j += 1
            out.append(self._admitted_by(present))
        return out

    def _admitted_by(self, present: set[str]) -> frozenset[int]:
        candidates: set[int] = set()
        for needle in present:
            candidates |= self._users[needle]
        return frozenset(pid for pid in candidates
                         if all(not present.isdisjoint(clause) for clause in self._clauses[pid]))


def _trie(strings: list[str]) -> str:
    """A regular expression matching any of ``strings``, longest first, factored by common prefixes."""
    root: dict = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


# --- reading the requirements out of the syntax tree -----------------------------------------

class _Info:
    """What a piece of a pattern is known to consume: the exact strings (if few), and clauses."""

    __slots__ = ("exact", "clauses")

    def __init__(self, exact: frozenset[str] | None, clauses: list[frozenset[str]]):
        self.exact, self.clauses = exact, clauses


def _derive(pattern: re.Pattern) -> Gate:
    if sre_parser is None or not isinstance(pattern.pattern, str):
        return ALWAYS
    try:
        info = _sequence(sre_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - an unexpected tree shape: no gate is always correct
        return ALWAYS
    clauses = list(info.clauses)
    if info.exact is not None:
        clauses.append(info.exact)
    usable = {frozenset(_minimal(clause)) for clause in clauses if _usable(clause)}
    # A clause is redundant when another one implies it: every string of the other contains one of its strings.
    kept = [c for c in usable if not any(o != c and all(any(t in s for t in c) for s in o) for o in usable)]
    best = sorted(kept, key=_score, reverse=True)[:MAX_CLAUSES]
    return Gate(tuple(tuple(sorted(clause, key=lambda s: (len(s), s))) for clause in best)) if best else ALWAYS


def _usable(clause: frozenset[str]) -> bool:
    return bool(clause) and all(len(s) >= MIN_LENGTH and set(s) <= GATE_ALPHABET for s in clause)


def _score(clause: frozenset[str]) -> tuple[int, int]:
    return min(map(len, clause)), -len(clause)


def _minimal(clause: frozenset[str]) -> set[str]:
    """Drop strings that contain another string of the clause: finding the shorter one is enough."""
    return {s for s in clause if not any(t != s and t in s for t in clause)}


def _literal(code: int) -> frozenset[str]:
    return frozenset({fold(chr(code))})


def _concat(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > MAX_ALTERNATIVES:
        return None
    return frozenset(a + b for a, b in product(left, right))


def _sequence(items) -> _Info:
    """A sequence: runs of exactly-known pieces become strings; every run and inner clause is a clause."""
    c = sre_constants
    clauses: list[frozenset[str]] = []
    run: frozenset[str] | None = frozenset({""})
    whole: frozenset[str] | None = frozenset({""})
    for op, av in items:
        info = _node(op, av, c)
        clauses.extend(info.clauses)
        # A piece with a character no gate string may hold ("[–-]" in "Rasht[–-]Astara") ends the run
        # as an unknown piece does, so that the literal words on either side still make clauses.
        if info.exact is None or not all(set(s) <= GATE_ALPHABET for s in info.exact):
            if run is not None and run != frozenset({""}):
                clauses.append(run)
            run, whole = frozenset({""}), None
            continue
        joined = _concat(run, info.exact)
        if joined is None:  # too many combinations: close the run, start again from this piece
            clauses.append(run)
            joined = info.exact
        run = joined
        whole = _concat(whole, info.exact) if whole is not None else None
    if run is not None and run != frozenset({""}):
        clauses.append(run)
    return _Info(whole, clauses)


def _node(op, av, c) -> _Info:
    if op is c.LITERAL:
        return _Info(_literal(av), [])
    if op is c.IN:
        if all(kind is c.LITERAL for kind, _ in av) and len(av) <= MAX_ALTERNATIVES:
            return _Info(frozenset(fold(chr(code)) for _, code in av), [])
        return _Info(None, [])
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _Info(frozenset({""}), [])  # zero-width: consumes nothing
    if op is c.SUBPATTERN:
        return _sequence(av[-1].data)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _sequence(av.data)
    if op is c.BRANCH:
        return _branch(av[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
        low, high, item = av
        inner = _sequence(item.data)
        if low == 0:
            optional = inner.exact | {""} if inner.exact is not None and high == 1 else None
            return _Info(frozenset(optional) if optional is not None else None, [])
        exact = inner.exact if low == high == 1 else None
        clauses = list(inner.clauses) + ([inner.exact] if inner.exact is not None else [])
        return _Info(exact, clauses)
    return _Info(None, [])  # any character, categories, back-references: nothing known


def _branch(alternatives) -> _Info:
    infos = [_sequence(alternative.data) for alternative in alternatives]
    exact: frozenset[str] | None = frozenset()
    for info in infos:
        if info.exact is None or len(exact) + len(info.exact) > MAX_ALTERNATIVES:
            exact = None
            break
        exact = exact | info.exact
    # One clause for the whole alternation: each alternative's best requirement, pooled.
    pooled: set[str] = set()
    for info in infos:
        options = list(info.clauses) + ([info.exact] if info.exact is not None else [])
        options = [o for o in options if o and all(s for s in o)]
        if not options:
            return _Info(exact, [])
        pooled |= max(options, key=lambda o: (_usable(o), _score(o)))
    return _Info(exact, [frozenset(pooled)])
