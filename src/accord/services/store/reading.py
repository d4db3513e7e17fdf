"""Reading from the store: documents, claims and their filters, summaries, events, search, stats."""

from __future__ import annotations

import json
import sqlite3
import threading

from accord.knowledge.catalog import nearest
from accord.services.event_rows import select_events
from accord.services.search_limits import SEARCH_BUDGET_SECONDS
from accord.services.store import text_search


class Reading:
    db: sqlite3.Connection

    @staticmethod
    def _claim(row: sqlite3.Row) -> dict:
        out = dict(row)
        out["value"] = json.loads(out["value"])
        out["sources"] = json.loads(out["sources"] or "[]")
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
        """How many documents :meth:`documents` lists under the same filter, on all its pages."""
        if outlet:
            return self.db.execute("SELECT COUNT(*) FROM documents WHERE outlet = ?", (outlet,)).fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

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
        """How many claims :meth:`claims` lists under the same filters, on all its pages."""
        if not any(value for name, value in filters.items() if name != "verdict"):
            # the counts kept per outlet and verdict answer without reading a claim
            verdict = filters.get("verdict")
            sql = "SELECT COALESCE(SUM(n), 0) FROM outlet_counts WHERE " + ("verdict = ?" if verdict else "verdict != ''")
            return self.db.execute(sql, (verdict,) if verdict else ()).fetchone()[0]
        where, args = self._claim_filters(**filters)
        sql = ("SELECT COUNT(*) FROM judged_claims c JOIN documents d ON d.id = c.doc_id"
               + (" WHERE " + " AND ".join(where) if where else ""))
        return self.db.execute(sql, args).fetchone()[0]

    def claim(self, claim_id: int) -> dict | None:
        """One stored claim with the day its verdict was made and its document's outlet, address and dates."""
        row = self.db.execute(
            "SELECT c.*, v.as_of AS judged_on, d.outlet, d.url, d.published, d.ingested_at FROM judged_claims c "
            "JOIN verdicts v ON v.claim_id = c.id JOIN documents d ON d.id = c.doc_id WHERE c.id = ?", (claim_id,)).fetchone()
        return self._claim(row) if row is not None else None

    def same_claims(self, claim: dict, limit: int = 20) -> list[dict]:
        """Claims of the same type and value about the same treaty in other documents, as it reads in each."""
        sql = ("SELECT c.*, d.outlet, d.published FROM judged_claims c JOIN documents d ON d.id = c.doc_id "
               "WHERE c.treaty = ? AND c.type = ? AND c.value = ? AND c.doc_id != ? "
               "ORDER BY d.published IS NULL, d.published, c.doc_id, c.start LIMIT ?")
        args = (claim["treaty"], claim["type"], json.dumps(claim["value"], ensure_ascii=False), claim["doc_id"], limit)
        return [self._claim(r) for r in self.db.execute(sql, args)]

    def claims_by_day(self, *, type: str | None = None, lang: str | None = None, treaty: str | None = None,
                      outlet: str | None = None) -> tuple[list[dict], int]:
        """Claim counts per publication day and verdict, and how many matching claims have no
        publication date; a day is as precise as the document's date (``YYYY-MM`` stays a month)."""
        where, args = self._claim_filters(type=type, lang=lang, treaty=treaty, outlet=outlet)
        dated = "d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
        sql = ("SELECT substr(d.published, 1, 10) AS day, c.verdict, COUNT(*) AS n FROM judged_claims c "
               f"JOIN documents d ON d.id = c.doc_id WHERE {' AND '.join([dated, *where])} GROUP BY day, c.verdict ORDER BY day")
        rows = [dict(r) for r in self.db.execute(sql, args)]
        undated_sql = ("SELECT COUNT(*) FROM judged_claims c JOIN documents d ON d.id = c.doc_id "
                       f"WHERE {' AND '.join([f'(d.published IS NULL OR NOT ({dated}))', *where])}")
        return rows, self.db.execute(undated_sql, args).fetchone()[0]

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
               cancel: threading.Event | None = None) -> list[dict]:
        """Matching paragraphs, best first: ``snippet`` is plain text and ``matches`` the [start, end)
        offsets of the matched words in it, so no character of the text is ever taken for a marker.

        Bounded (see :mod:`accord.services.search_limits`): QueryTooLarge past the length or term cap,
        SearchInterrupted past ``budget`` seconds or once ``cancel`` is set."""
        return text_search.search(self.db, query, limit, offset=offset, budget=budget, cancel=cancel)

    def count_search(self, query: str, *, budget: float = SEARCH_BUDGET_SECONDS, cancel: threading.Event | None = None) -> int:
        """How many paragraphs :meth:`search` would find for ``query`` with no limit (bounded alike)."""
        return text_search.count(self.db, query, budget=budget, cancel=cancel)

    def events(self, treaty: str, *, provision: str | None = None) -> list[dict]:
        """Stored implementation events of a treaty, with their documents' outlet, URL and date."""
        return select_events(self.db, treaty, provision=provision)

    def stats(self) -> dict:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731 - tiny local helper
        return {
            "documents": one("SELECT COUNT(*) FROM documents"),
            "near_duplicates": one("SELECT COUNT(*) FROM documents WHERE near_dup_of IS NOT NULL"),
            "paragraphs": one("SELECT COUNT(*) FROM paragraph_spans"),
            "claims": one("SELECT COUNT(*) FROM claims"),
            "events": one("SELECT COUNT(*) FROM events"),
            "errors": one("SELECT COUNT(*) FROM ingest_errors"),
        }
