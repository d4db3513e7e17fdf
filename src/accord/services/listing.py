"""What a list page needs besides its rows and totals (``Store.count_*``): the facet counts beside
each filter, and an order chosen from a fixed set of sort keys.

Every query is a plain ``GROUP BY`` or ``ORDER BY`` over the columns the filters already use, so
the store's indexes can serve them; claims are counted in SQL, never read into Python one by one.
``bench/bench_listing.py`` prints what each costs against reading a page.
"""

from __future__ import annotations

from collections.abc import Iterator

from accord.contract.press import FacetCount
from accord.services.store import Store

# Filter name -> its column (claims as ``c``, their documents as ``d``), as Store.claims filters.
CLAIM_COLUMNS = {"verdict": "c.verdict", "type": "c.type", "lang": "c.lang", "treaty": "c.treaty", "outlet": "d.outlet"}
FACETS = tuple(CLAIM_COLUMNS)

# Sort key -> ORDER BY (with {dir}, or an (ascending, descending) pair). A key is one of these, or
# one of them with a leading "-" for the reverse order; the claim id always breaks ties, so a page boundary never moves between two requests.
CLAIM_SORTS = {
    "document": "c.doc_id {dir}, c.start {dir}",
    "published": "d.published IS NULL, d.published {dir}, c.doc_id, c.start",
    "verdict": "c.verdict {dir}, c.doc_id, c.start",
    "type": "c.type {dir}, c.doc_id, c.start",
    "treaty": "c.treaty {dir}, c.doc_id, c.start",
    "outlet": "d.outlet IS NULL, d.outlet {dir}, c.doc_id, c.start",
    "lang": "c.lang {dir}, c.doc_id, c.start",
}
DEFAULT_CLAIM_SORT = "document"

DOCUMENT_SORTS = {
    # NULL sorts lowest, so newest first already puts the undated last, and is then the order of the
    # index (published DESC, id): the first page is read from it instead of sorting every document
    "published": ("d.published IS NULL, d.published ASC, d.id", "d.published DESC"),
    "document": "d.id {dir}",
    "outlet": "d.outlet IS NULL, d.outlet {dir}, d.id",
    "lang": "d.lang IS NULL, d.lang {dir}, d.id",
    "claims": "claims {dir}, d.id",
}
DEFAULT_DOCUMENT_SORT = "-published"


class UnknownSort(ValueError):
    def __init__(self, value: str, valid: list[str]):
        from accord.knowledge.catalog import nearest

        self.value, self.valid, self.suggestion = value, valid, nearest(value, valid)
        super().__init__(f"unknown sort key '{value}' (one of: {', '.join(valid)})")


def sort_keys(sorts: dict[str, str]) -> list[str]:
    """Every accepted key: each column ascending, then descending."""
    return [*sorts, *(f"-{key}" for key in sorts)]


def check_sort(sorts: dict[str, str], key: str) -> None:
    """UnknownSort unless ``key`` is a whitelisted sort key (a column, or '-' and a column)."""
    if key.removeprefix("-") not in sorts:
        raise UnknownSort(key, sort_keys(sorts))


def order_by(sorts: dict[str, str], key: str, tiebreak: str) -> str:
    """The ORDER BY clause of a whitelisted sort key, ending on a unique column; UnknownSort for anything else."""
    check_sort(sorts, key)
    column, descending = (key[1:], True) if key.startswith("-") else (key, False)
    clause = sorts[column]
    if isinstance(clause, tuple):  # (ascending, descending) written apart
        return clause[descending] + f", {tiebreak}"
    return clause.format(dir="DESC" if descending else "ASC") + f", {tiebreak}"


def _where(filters: dict[str, str | None]) -> tuple[str, list[str]]:
    set_ = [(CLAIM_COLUMNS[name], value) for name, value in filters.items() if value]
    if not set_:
        return "", []
    return " WHERE " + " AND ".join(f"{column} = ?" for column, _ in set_), [value for _, value in set_]


_CLAIMS_FROM = " FROM judged_claims c JOIN documents d ON d.id = c.doc_id"
# The same rows with only what the filters and sort keys read (no quote, judgement text or sources).
_SORT_FROM = (" FROM (SELECT cl.id, cl.doc_id, cl.start, cl.type, cl.treaty, cl.lang, j.verdict FROM claims cl "
              "JOIN verdicts v ON v.claim_id = cl.id JOIN judgements j ON j.id = v.judgement) c JOIN documents d ON d.id = c.doc_id")


def claim_facets(store: Store, **filters: str | None) -> dict[str, list[FacetCount]]:
    """Per filter, how many matching claims each of its values has, most first.

    Each facet is counted under the *other* filters only, so the counts beside a filter say what
    choosing another value of it would show, not just the value already chosen. The store keeps the
    claims per combination of the five columns as it writes (a few hundred rows on any size of
    store); every facet is summed from those rows, so no claim is read."""
    combos = store.claim_combinations()
    chosen = {name: value for name, value in filters.items() if value}
    out: dict[str, list[FacetCount]] = {}
    for name in FACETS:
        others = [(other, value) for other, value in chosen.items() if other != name]
        counts: dict[str | None, int] = {}
        for row in combos:
            if all(row[other] == value for other, value in others):
                counts[row[name]] = counts.get(row[name], 0) + row["n"]
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0] is None, item[0] or ""))
        out[name] = [FacetCount(value=value, count=n) for value, n in ordered]
    return out


def sorted_claims(store: Store, sort: str = DEFAULT_CLAIM_SORT, *, limit: int | None = 100, offset: int = 0,
                  **filters: str | None) -> Iterator[dict]:
    """Matching claims in the order of a whitelisted sort key, as Store.claims gives them, read from
    the cursor as they are consumed (``limit=None``: all of them, for a download)."""
    order = order_by(CLAIM_SORTS, sort, "c.id")
    where, args = _where(filters)
    if limit is None:  # a download: every row, read from the cursor in order
        sql = "SELECT c.*, d.outlet, d.url, d.published" + _CLAIMS_FROM + where + f" ORDER BY {order} LIMIT -1 OFFSET ?"
        for row in store.db.execute(sql, (*args, offset)):
            yield Store._claim(row)
        return
    # A page: an order no index serves sorts every matching claim, so the sort carries only the
    # columns it orders by; the page's claims are then read whole (quote, reason, sources), which the
    # sort would otherwise copy for every claim it compares.
    sql = "SELECT c.id" + _SORT_FROM + where + f" ORDER BY {order} LIMIT ? OFFSET ?"
    ids = [row[0] for row in store.db.execute(sql, (*args, limit, offset))]
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    rows = {row["id"]: row for row in store.db.execute(
        f"SELECT c.*, d.outlet, d.url, d.published{_CLAIMS_FROM} WHERE c.id IN ({marks})", ids)}
    for claim_id in ids:
        yield Store._claim(rows[claim_id])


def sorted_documents(store: Store, sort: str = DEFAULT_DOCUMENT_SORT, *, outlet: str | None = None, limit: int = 50,
                     offset: int = 0) -> list[dict]:
    """Stored documents with their claim counts (as Store.documents gives them), in the order of a
    whitelisted sort key."""
    return list(iter_sorted_documents(store, sort, outlet=outlet, limit=limit, offset=offset))


def iter_sorted_documents(store: Store, sort: str = DEFAULT_DOCUMENT_SORT, *, outlet: str | None = None,
                          limit: int | None = None, offset: int = 0) -> Iterator[dict]:
    """:func:`sorted_documents` read from the cursor as they are consumed (``limit=None``: all)."""
    order = order_by(DOCUMENT_SORTS, sort, "d.id")
    where, args = (" WHERE d.outlet = ?", [outlet]) if outlet else ("", [])
    sql = ("SELECT d.id, d.url, d.outlet, d.author, d.published, d.lang, d.near_dup_of, d.ingested_at, "
           f"(SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id) AS claims FROM documents d{where} "
           f"ORDER BY {order} LIMIT ? OFFSET ?")
    for row in store.db.execute(sql, (*args, -1 if limit is None else limit, offset)):
        yield dict(row)

