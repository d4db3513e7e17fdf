"""Full-text search over stored paragraphs: the FTS5 query (Russian words in all their forms), the
bounded top-k, and match offsets."""

from __future__ import annotations

import re
import sqlite3
import threading
from functools import lru_cache

from accord.services.search_limits import RANK_WINDOW, SEARCH_BUDGET_SECONDS, query_terms, time_budget

WORD = re.compile(r"\w+", re.U)
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Snippet match markers: control characters that cleaned text never contains.
MARK_START, MARK_END = "\x02", "\x03"


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # loaded only when Russian text is indexed or searched

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    return _morph().parse(word)[0].normal_form if CYRILLIC.search(word) else word


def lemmatise(text: str) -> str:
    return " ".join(_lemma(w.lower()) for w in WORD.findall(text))


@lru_cache(maxsize=20_000)
def word_forms(word: str) -> tuple[str, ...]:
    """A Russian word's forms: every inflection of its most likely reading (its lexeme), the word
    itself first; any other word is its only form."""
    if not CYRILLIC.search(word):
        return (word,)
    forms = dict.fromkeys([word, *(form.word for form in _morph().parse(word)[0].lexeme)])
    return tuple(forms)


def _fts_query(words: list[str]) -> str:
    """The user's words as an FTS5 query: every word, in any of its forms.

    FTS5 has no Russian stemmer, so the index keeps Russian words as written and the query asks for
    every inflection of each (pymorphy3's lexeme): the store needs no lemma column, and a match is
    marked in the snippet as written.  Other languages go through the Porter stemmer."""
    parts = []
    for word in words:
        forms = word_forms(word)
        parts.append(f'"{word}"' if len(forms) == 1 else "(" + " OR ".join(f'"{f}"' for f in forms) + ")")
    return " AND ".join(parts)


def _unmark(marked: str, lemmas: set[str]) -> dict:
    """Split an FTS5 snippet into plain text and match offsets; Russian words with a query word's
    lemma are marked too, whatever FTS5 marked."""
    text, matches, pos = [], [], 0
    for piece in re.split(f"({MARK_START}|{MARK_END})", marked):
        if piece == MARK_START:
            start = pos
        elif piece == MARK_END:
            matches.append([start, pos])
        else:
            text.append(piece)
            pos += len(piece)
    plain = "".join(text)
    for word in WORD.finditer(plain):
        if CYRILLIC.search(word.group()) and _lemma(word.group().lower()) in lemmas:
            matches.append([word.start(), word.end()])
    return {"snippet": plain, "matches": [list(m) for m in sorted({tuple(m) for m in matches})]}


def search(db: sqlite3.Connection, query: str, limit: int = 20, *, offset: int = 0, budget: float = SEARCH_BUDGET_SECONDS,
           cancel: threading.Event | None = None, rank_window: int = RANK_WINDOW) -> list[dict]:
    """See :meth:`accord.services.store.Store.search`."""
    words = query_terms(query)
    fts = _fts_query(words)
    if not fts:
        return []
    # The best paragraphs first, from the index alone, among the ``window`` most recently stored
    # matches: FTS5 walks its matches newest first and stops there, only those are scored (bm25) and
    # sorted (in SQLite, ties as FTS5 orders them), so a word found in every document costs what a
    # rarer one does.  A query with fewer matches is ranked over all of them.  Only the paragraphs
    # shown are then read back for their snippet and outlet.
    window = max(rank_window, offset + limit)
    best = ("SELECT rowid, score FROM (SELECT rowid, bm25(paragraph_fts) AS score FROM paragraph_fts "
            "WHERE paragraph_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score, rowid LIMIT ? OFFSET ?")
    shown = (f"SELECT f.doc_id, f.idx, d.outlet, snippet(paragraph_fts, 0, '{MARK_START}', '{MARK_END}', '…', 12) AS snippet "
             "FROM paragraph_fts f JOIN documents d ON d.id = f.doc_id WHERE paragraph_fts MATCH ? AND f.rowid = ?")
    lemmas = {_lemma(w) for w in words}
    out = []
    with time_budget(db, budget, cancel):
        for rowid, score in db.execute(best, (fts, window, limit, offset)).fetchall():
            row = db.execute(shown, (fts, rowid)).fetchone()
            if row is not None:
                out.append({**dict(row), "score": score, **_unmark(row["snippet"], lemmas)})
    return out


def count(db: sqlite3.Connection, query: str, *, budget: float = SEARCH_BUDGET_SECONDS,
          cancel: threading.Event | None = None) -> int:
    """See :meth:`accord.services.store.Store.count_search`."""
    fts = _fts_query(query_terms(query))
    if not fts:
        return 0
    with time_budget(db, budget, cancel):
        return db.execute("SELECT COUNT(*) FROM paragraph_fts WHERE paragraph_fts MATCH ?", (fts,)).fetchone()[0]
