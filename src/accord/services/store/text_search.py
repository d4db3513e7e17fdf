"""Full-text search over stored paragraphs: lemmas for Russian, the FTS5 query, and match offsets.

FTS5 has no Russian stemmer, so Russian paragraphs are also indexed by their pymorphy3 normal
forms, and a query matches either the (Porter-stemmed) text or the lemmas.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from functools import lru_cache

from accord.services.search_limits import SEARCH_BUDGET_SECONDS, query_terms, time_budget

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


def _fts_query(words: list[str]) -> str:
    """The user's words, lemmatised, as an FTS5 query matching either column."""
    if not words:
        return ""
    text_part = " ".join(f'"{w}"' for w in words)
    lemma_part = " ".join(f'"{_lemma(w)}"' for w in words)
    return f"(text: ({text_part})) OR (lemmas: ({lemma_part}))"


def _unmark(marked: str, lemmas: set[str]) -> dict:
    """Split an FTS5 snippet into plain text and match offsets. Russian words are also matched by
    lemma, since FTS5 marks only the text column and they were found through the lemma column."""
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
           cancel: threading.Event | None = None) -> list[dict]:
    """See :meth:`accord.services.store.Store.search`."""
    words = query_terms(query)
    fts = _fts_query(words)
    if not fts:
        return []
    sql = (f"SELECT f.doc_id, f.idx, d.outlet, snippet(paragraph_fts, 0, '{MARK_START}', '{MARK_END}', '…', 12) AS snippet, "
           "bm25(paragraph_fts) AS score FROM paragraph_fts f JOIN documents d ON d.id = f.doc_id "
           "WHERE paragraph_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?")
    lemmas = {_lemma(w) for w in words}
    with time_budget(db, budget, cancel):
        rows = db.execute(sql, (fts, limit, offset)).fetchall()
    return [{**dict(r), **_unmark(r["snippet"], lemmas)} for r in rows]


def count(db: sqlite3.Connection, query: str, *, budget: float = SEARCH_BUDGET_SECONDS,
          cancel: threading.Event | None = None) -> int:
    """See :meth:`accord.services.store.Store.count_search`."""
    fts = _fts_query(query_terms(query))
    if not fts:
        return 0
    with time_budget(db, budget, cancel):
        return db.execute("SELECT COUNT(*) FROM paragraph_fts WHERE paragraph_fts MATCH ?", (fts,)).fetchone()[0]
