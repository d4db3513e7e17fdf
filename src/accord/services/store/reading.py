"""Reading from the store: documents, claims and their filters, summaries, events, search, stats."""

from __future__ import annotations

import json
import sqlite3
import threading
from functools import lru_cache

from accord.knowledge.catalog import nearest
from accord.services.event_rows import select_events
from accord.services.search_limits import RANK_WINDOW, SEARCH_BUDGET_SECONDS
from accord.services.store import text_search
from accord.services.store.schema import NO_VALUE


# The columns claims are filtered by (claim_counts has one of each).
CLAIM_FILTERS = frozenset({"verdict", "type", "lang", "treaty", "outlet"})


@lru_cache(maxsize=4096)
def _sources(text: str | None) -> tuple:
    """A judgement's sources, parsed once: judgements are shared, so a long read meets the same few texts."""
    return tuple(json.loads(text or "[]"))


class Reading:
    db: sqlite3.Connection

    @staticmethod
    def _claim(row: sqlite3.Row) -> dict:
        out = dict(row)
        out["value"] = json.loads(out["value"])
        out["sources"] = list(_sources(out["sources"]))
        return out

    def stale_verdicts(self, catalog_version: str) -> list[dict]:
        """Judged claims whose verdict was made against another catalog version (or an unknown one)."""
        sql = ("SELECT c.*, j.catalog_version, v.as_of FROM judged_claims c JOIN verdicts v ON v.claim_id = c.id "
               "JOIN judgements j ON j.id = v.judgement WHERE j.catalog_version IS NOT ? ORDER BY c.id")
        return [self._claim(r) for r in self.db.execute(sql, (catalog_version,))]

    def documents(self, *, outlet: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        return list(self.iter_documents(outlet=outlet, limit=limit, offset=offset))

    def iter_documents(self, *, outlet: str | None = None, limit: int | None = None, offset: int = 0):
        """Document rows (no text), newest first, read from the cursor as they are consumed."""
        sql = ("SELECT d.id, d.url, d.outlet, d.author, d.published, d.lang, d.near_dup_of, d.ingested_at, "
               "(SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id) AS claims FROM documents d")
        args: list = []
        if outlet:
            sql += " WHERE d.outlet = ?"
            args.append(outlet)
        # NULL sorts lowest, so undated documents come last, as the index (published DESC, id) is read
        sql += " ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?"
        for row in self.db.execute(sql, (*args, -1 if limit is None else limit, offset)):
            yield dict(row)

    def count_documents(self, *, outlet: str | None = None) -> int:
        """How many documents :meth:`documents` lists under the same filter, on all its pages, from
        the counts the store keeps as it writes (an outlet named 'unknown' is counted from its rows:
        the kept counts file documents without an outlet under that name too)."""
        if outlet == "unknown":
            return self.db.execute("SELECT COUNT(*) FROM documents WHERE outlet = ?", (outlet,)).fetchone()[0]
        if outlet:
            row = self.db.execute("SELECT n FROM outlet_counts WHERE outlet = ? AND verdict = ''", (outlet,)).fetchone()
            return row[0] if row else 0
        return self._row_count("documents")

    def _row_count(self, name: str) -> int:
        row = self.db.execute("SELECT n FROM row_counts WHERE name = ?", (name,)).fetchone()
        return row[0] if row else 0

    def document(self, doc_id: str) -> dict | None:
        row = self.db.execute("SELECT id, origin, url, outlet, author, published, lang, lower(hex(content_hash)) AS content_hash, "
                              "near_dup_of, document_text(text) AS text, "
                              "removed_blocks, redactions, not_analysed, ingested_at FROM documents WHERE id = ?",
                              (doc_id,)).fetchone()
        if row is None:
            return None
        doc = dict(row)
        doc["redactions"] = json.loads(doc["redactions"] or "{}")
        doc["not_analysed"] = json.loads(doc["not_analysed"] or "{}")
        doc["paragraphs"] = [dict(r) for r in self.db.execute('SELECT idx, start, "end", lang, analysed FROM paragraphs WHERE doc_id = ? ORDER BY idx', (doc_id,))]
        doc["claims"] = [self._claim(r) for r in self.db.execute('SELECT * FROM judged_claims WHERE doc_id = ? ORDER BY start', (doc_id,))]
        return doc

    def nearest_id(self, doc_id: str) -> str | None:
        """The stored document id closest in spelling to ``doc_id``, for "did you mean" hints."""
        ids = [row[0] for row in self.db.execute("SELECT id FROM documents")]
        return nearest(doc_id, ids) if ids else None

    @staticmethod
    def _claim_filters(**filters: str | None) -> tuple[list[str], list[str]]:
        """SQL conditions (claims as ``c``, documents as ``d``) for the filters that are set."""
        columns = {"verdict": "c.verdict", "type": "c.type", "lang": "c.lang", "treaty": "c.treaty", "outlet": "d.outlet"}
        set_ = [(columns[name], value) for name, value in filters.items() if value]
        return [f"{column} = ?" for column, _ in set_], [value for _, value in set_]

    def claims(self, *, verdict: str | None = None, type: str | None = None, lang: str | None = None,
               treaty: str | None = None, outlet: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        return list(self.iter_claims(verdict=verdict, type=type, lang=lang, treaty=treaty, outlet=outlet,
                                     limit=limit, offset=offset))

    def iter_claims(self, *, limit: int | None = None, offset: int = 0, **filters: str | None):
        """Claims one at a time, in the order of :meth:`claims`, read from the cursor as they are
        consumed: an export of the whole store never holds it in memory."""
        where, args = self._claim_filters(**filters)
        sql = ("SELECT c.*, d.outlet, d.url, d.published, d.ingested_at, v.as_of AS judged_on FROM judged_claims c "
               "JOIN documents d ON d.id = c.doc_id JOIN verdicts v ON v.claim_id = c.id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY c.doc_id, c.start LIMIT ? OFFSET ?")
        for row in self.db.execute(sql, (*args, -1 if limit is None else limit, offset)):
            yield self._claim(row)

    def count_claims(self, **filters: str | None) -> int:
        """How many claims :meth:`claims` lists under the same filters, on all its pages: a sum over
        the counts the store keeps per combination of the filters, never a count of the claims."""
        set_ = {name: value for name, value in filters.items() if value}
        unknown = set(set_) - CLAIM_FILTERS
        if unknown:
            raise TypeError(f"no claim filter {sorted(unknown)[0]!r}")
        where = " AND ".join(f"{name} = ?" for name in set_)
        sql = "SELECT COALESCE(SUM(n), 0) FROM claim_counts" + (f" WHERE {where}" if where else "")
        return self.db.execute(sql, list(set_.values())).fetchone()[0]

    def claim_combinations(self) -> list[dict]:
        """The judged claims per combination of verdict, type, lang, treaty and outlet (None where the
        claim has no language or its document no outlet), from the counts the store keeps."""
        rows = self.db.execute("SELECT verdict, type, lang, treaty, outlet, n FROM claim_counts WHERE n > 0").fetchall()
        return [{key: (None if value == NO_VALUE else value) for key, value in zip(row.keys(), row)} for row in rows]

    def claim(self, claim_id: int) -> dict | None:
        """One stored claim with the day its verdict was made and its document's outlet, address and dates."""
        row = self.db.execute(
            "SELECT c.*, v.as_of AS judged_on, d.outlet, d.url, d.published, d.ingested_at FROM judged_claims c "
            "JOIN verdicts v ON v.claim_id = c.id JOIN documents d ON d.id = c.doc_id WHERE c.id = ?", (claim_id,)).fetchone()
        return self._claim(row) if row is not None else None

    def same_claims(self, claim: dict, limit: int = 20) -> list[dict]:
        """Claims of the same type and value about the same treaty in other documents, as it reads in
        each, the most recently published first (undated last)."""
        key = (claim["treaty"], claim["type"], json.dumps(claim["value"], ensure_ascii=False))
        # Two plans, whichever reads fewer rows: a value few documents state is found by its index
        # (``claims_same``) and its matches sorted; a value most documents state (the date of
        # signature) is found by walking the documents newest first and stopping at ``limit``, about
        # limit * documents / matches of them, where a sort would order every match.
        matches = self.db.execute("SELECT COUNT(*) FROM claims WHERE treaty = ? AND type = ? AND value = ?", key).fetchone()[0]
        order = "ORDER BY d.published DESC, d.id, c.start LIMIT ?"
        if matches * matches > limit * self._row_count("documents"):
            sql = ("SELECT c.id FROM documents d CROSS JOIN claims c ON c.doc_id = d.id "
                   f"WHERE +c.treaty = ? AND +c.type = ? AND +c.value = ? AND d.id != ? {order}")
        else:
            sql = ("SELECT c.id FROM claims c INDEXED BY claims_same JOIN documents d ON d.id = c.doc_id "
                   f"WHERE c.treaty = ? AND c.type = ? AND c.value = ? AND c.doc_id != ? {order}")
        # only the claims shown are read whole (quote, reason, sources)
        ids = [row[0] for row in self.db.execute(sql, (*key, claim["doc_id"], limit))]
        marks = ",".join("?" * len(ids))
        rows = {row["id"]: row for row in self.db.execute(
            f"SELECT c.*, d.outlet, d.published FROM judged_claims c JOIN documents d ON d.id = c.doc_id WHERE c.id IN ({marks})", ids)}
        return [self._claim(rows[claim_id]) for claim_id in ids]

    def claims_by_day(self, *, type: str | None = None, lang: str | None = None, treaty: str | None = None,
                      outlet: str | None = None) -> tuple[list[dict], int]:
        """Claim counts per publication day and verdict, and how many matching claims have no
        publication date; a day is as precise as the document's date (``YYYY-MM`` stays a month).
        Summed from the counts the store keeps per day as it writes (``claim_days``; unfiltered, the
        same summed over the filters, ``claim_day_verdicts``: a row per day and verdict)."""
        set_ = {name: value for name, value in {"type": type, "lang": lang, "treaty": treaty, "outlet": outlet}.items() if value}
        where = "".join(f" AND {name} = ?" for name in set_)
        args = list(set_.values())
        table = "claim_days" if set_ else "claim_day_verdicts"
        sql = (f"SELECT day, verdict, SUM(n) AS n FROM {table} WHERE day != ''{where} GROUP BY day, verdict "
               "HAVING SUM(n) > 0 ORDER BY day, verdict")
        rows = [dict(r) for r in self.db.execute(sql, args)]
        undated = self.db.execute(f"SELECT COALESCE(SUM(n), 0) FROM {table} WHERE day = ''{where}", args).fetchone()[0]
        return rows, undated

    def sources_summary(self) -> list[dict]:
        """Documents and claims by verdict per outlet, from the counts the store keeps as it writes
        (``outlet_counts``), so the answer costs the same on any size of store."""
        summary: dict[str, dict] = {}
        for outlet, verdict, n in self.db.execute("SELECT outlet, verdict, n FROM outlet_counts WHERE n > 0"):
            row = summary.setdefault(outlet, {"outlet": outlet, "documents": 0, "claims": 0, "supported": 0,
                                              "contradicted": 0, "unverifiable": 0})
            if verdict == "":
                row["documents"] = n
            else:
                row["claims"] += n
                if verdict in row:
                    row[verdict] = n
        return sorted(summary.values(), key=lambda r: (-r["documents"], r["outlet"]))

    def search(self, query: str, limit: int = 20, *, offset: int = 0, budget: float = SEARCH_BUDGET_SECONDS,
               cancel: threading.Event | None = None, rank_window: int = RANK_WINDOW) -> list[dict]:
        """Matching paragraphs, best first: ``snippet`` is plain text and ``matches`` the [start, end)
        offsets of the matched words in it, so no character of the text is ever taken for a marker.
        The best of the ``rank_window`` most recently stored matches (or of all, when fewer match).

        Bounded (see :mod:`accord.services.search_limits`): QueryTooLarge past the length or term cap,
        SearchInterrupted past ``budget`` seconds or once ``cancel`` is set."""
        return text_search.search(self.db, query, limit, offset=offset, budget=budget, cancel=cancel,
                                  rank_window=rank_window)

    def count_search(self, query: str, *, budget: float = SEARCH_BUDGET_SECONDS, cancel: threading.Event | None = None) -> int:
        """How many paragraphs :meth:`search` would find for ``query`` with no limit (bounded alike)."""
        return text_search.count(self.db, query, budget=budget, cancel=cancel)

    def events(self, treaty: str, *, provision: str | None = None) -> list[dict]:
        """Stored implementation events of a treaty, with their documents' outlet, URL and date."""
        return select_events(self.db, treaty, provision=provision)

    def stats(self) -> dict:
        """Rows per table, from the counts the store keeps as it writes."""
        kept = dict(self.db.execute("SELECT name, n FROM row_counts").fetchall())
        return {name: kept.get(name, 0) for name in ("documents", "near_duplicates", "paragraphs", "claims", "events", "errors")}

    def write_version(self) -> int:
        """A number that goes up with every change a reader could see (documents, verdicts, errors)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'write_version'").fetchone()
        return int(row[0]) if row else 0
