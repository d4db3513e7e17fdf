"""Every list page links CSV and JSON downloads of what it shows, under its filters; the downloads
hold exactly those rows, with the columns of the codebook."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from accord.services.exports import LISTINGS, csv_cell

CODEBOOK = Path(__file__).resolve().parents[2] / "docs" / "export-codebook.md"


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def links(page: str) -> set[str]:
    return {href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+\.(?:csv|json)[^"]*)"', page)}


@pytest.mark.parametrize("page, expected", [
    ("/", {"/treaties.csv", "/treaties.json"}),
    ("/coverage", {"/sources.csv", "/sources.json", "/documents.csv", "/documents.json"}),
    ("/compare?ids=rus-irn-2025&ids=nato-1949", {"/compare.csv?ids=rus-irn-2025,nato-1949"}),
    ("/search?q=treaty", {"/search.csv?q=treaty", "/search.json?q=treaty"}),
    ("/trends?lang=en", {"/trends.csv?period=month&lang=en"}),
    ("/treaties/rus-irn-2025/implementation", {"/treaties/rus-irn-2025/implementation.csv",
                                               "/treaties/rus-irn-2025/events.csv"}),
    ("/claims?verdict=supported", {"/claims.csv?verdict=supported"}),
])
def test_every_list_page_links_its_downloads(client, page, expected):
    response = client.get(page)
    assert response.status_code == 200
    assert expected <= links(response.text), sorted(links(response.text))


def test_each_linked_download_answers_with_its_listing_columns(client):
    pages = ["/", "/coverage", "/compare", "/search?q=treaty", "/trends", "/treaties/rus-irn-2025/implementation", "/claims"]
    seen = set()
    for page in pages:
        for href in links(client.get(page).text):
            response = client.get(href)
            assert response.status_code == 200, href
            assert "attachment" in response.headers["content-disposition"]
            path = href.split("?")[0]
            stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            name = {"treaties": "catalog"}.get(stem, stem)
            columns = LISTINGS[name].columns
            if path.endswith(".csv"):
                assert next(csv.reader(io.StringIO(response.text))) == list(columns), href
            else:
                items = response.json()
                assert all(list(item) == list(columns) for item in items), href
            seen.add(name)
    assert seen == set(LISTINGS)


def test_documents_download_holds_every_document_in_page_order(client, stored):
    rows = csv_rows(client.get("/documents.csv").text)
    assert [r["id"] for r in rows] == [d["id"] for d in stored.documents(limit=100_000)]
    outlet = next(d["outlet"] for d in stored.documents() if d["outlet"])
    only = client.get("/documents.json", params={"outlet": outlet}).json()
    assert only and {d["outlet"] for d in only} == {outlet}
    assert len(only) == stored.count_documents(outlet=outlet) < len(rows)


def test_sources_download_is_the_scorecard(client, stored):
    rows = csv_rows(client.get("/sources.csv").text)
    summary = stored.sources_summary()
    assert [(r["outlet"], int(r["claims"]), int(r["contradicted"])) for r in rows] == \
        [(s["outlet"], s["claims"], s["contradicted"]) for s in summary]
    for row, s in zip(rows, summary):
        if s["claims"]:
            assert float(row["share_supported"]) == pytest.approx(s["supported"] / s["claims"], abs=1e-4)


def test_search_download_ranks_the_hits_the_page_shows(client, stored):
    hits = stored.search("treaty", limit=50)
    rows = csv_rows(client.get("/search.csv", params={"q": "treaty"}).text)
    assert [(r["doc_id"], int(r["idx"])) for r in rows] == [(h["doc_id"], h["idx"]) for h in hits]
    assert [int(r["rank"]) for r in rows] == list(range(1, len(hits) + 1))
    more = client.get("/search.json", params={"q": "treaty", "limit": "3"}).json()
    assert [(h["doc_id"], h["idx"]) for h in more] == [(h["doc_id"], h["idx"]) for h in hits[:3]]


def test_search_download_without_words_is_refused(client):
    response = client.get("/search.csv", params={"q": "  "})
    assert response.status_code == 422 and "empty" in response.text


def test_catalog_download_has_every_treaty_with_its_phase(client):
    rows = csv_rows(client.get("/treaties.csv").text)
    page = client.get("/").text
    assert [r["id"] for r in rows] == re.findall(r'<tr id="treaty-([^"]+)"', page)
    flagship = next(r for r in rows if r["id"] == "rus-irn-2025")
    assert flagship["signed"] == "2025-01-17" and flagship["defense"] == "false"
    assert flagship["parties"] == "RUS | IRN" and flagship["phase"]


def test_compare_download_cells_follow_the_chosen_treaties(client):
    rows = csv_rows(client.get("/compare.csv?ids=rus-irn-2025&ids=nato-1949").text)
    assert {r["treaty"] for r in rows} == {"rus-irn-2025", "nato-1949"}
    nato_defense = next(r for r in rows if r["treaty"] == "nato-1949" and r["name"] == "defense")
    assert nato_defense["value"] == "true" and "Art. 5" in nato_defense["cited"]
    assert any(r["aspect"] == "domain" for r in rows)
    assert client.get("/compare.csv?ids=nato-1994").status_code == 422


def test_trends_download_has_the_tables_numbers(client, stored):
    rows = csv_rows(client.get("/trends.csv?period=month").text)
    total = sum(int(r["total"]) for r in rows)
    days, undated = stored.claims_by_day()
    assert total == sum(d["n"] for d in days)
    assert all(int(r["total"]) == int(r["supported"]) + int(r["contradicted"]) + int(r["unverifiable"]) for r in rows)
    assert client.get("/trends.csv?period=year").status_code == 422


def test_implementation_downloads_name_an_unknown_treaty(client):
    assert client.get("/treaties/rus-irn-2052/implementation.csv").status_code == 404
    assert client.get("/treaties/rus-irn-2052/events.json").status_code == 404


def test_claims_download_refuses_a_mistyped_filter(client):
    response = client.get("/claims.csv?verdict=contradictd")
    assert response.status_code == 422 and "contradicted" in response.text


def test_csv_cells_are_plain_or_json():
    assert csv_cell(None) == "" and csv_cell(True) == "true" and csv_cell(["RUS", "IRN"]) == "RUS | IRN"
    assert csv_cell({"a": 1}) == '{"a": 1}' and csv_cell([[1, 2]]) == "[[1, 2]]"


def test_codebook_has_a_section_per_list_with_its_columns_in_order():
    text = CODEBOOK.read_text(encoding="utf-8")
    for listing in LISTINGS.values():
        match = re.search(rf"^## .*\(`{listing.name}`\)$(.*?)(?=^## |\Z)", text, re.M | re.S)
        assert match, f"no section for {listing.name}"
        documented = [name for cell in re.findall(r"^\| ([^|]+) \|", match.group(1), re.M)
                      for name in re.findall(r"`(\w+)`", cell)]
        assert documented == list(listing.columns), listing.name


@pytest.mark.browser
def test_downloads_from_coverage_and_search_match_their_tables(filled_db, stored):
    from accord.interfaces.app import create_app
    from browser_support import chromium  # skips the test where Chromium is absent
    from live_server import serving

    with serving(create_app(db_path=filled_db), start_timeout=90) as (base, _), chromium() as browser:
        page = browser.new_context(accept_downloads=True).new_page()
        page.goto(f"{base}/coverage")
        shown = page.eval_on_selector_all("table.documents tbody th a:first-child", "els => els.map(e => e.textContent)")
        with page.expect_download() as download:
            page.locator("a[href='/documents.csv']").click()
        rows = csv_rows(Path(download.value.path()).read_text(encoding="utf-8"))
        assert shown and [r["id"] for r in rows[:len(shown)]] == shown
        outlets = page.eval_on_selector_all("table.scorecards tbody tr > :first-child", "els => els.map(e => e.textContent.trim())")
        with page.expect_download() as download:
            page.locator("a[href='/sources.csv']").click()
        assert [r["outlet"] for r in csv_rows(Path(download.value.path()).read_text(encoding="utf-8"))] == outlets

        page.goto(f"{base}/search")
        page.fill("#q", "treaty")
        page.get_by_role("button", name="Search").click()
        page.wait_for_url("**q=treaty**")
        hits = page.eval_on_selector_all("ol.hits > li > a", "els => els.map(e => e.textContent)")
        with page.expect_download() as download:
            page.get_by_role("link", name="CSV").click()
        rows = csv_rows(Path(download.value.path()).read_text(encoding="utf-8"))
        assert hits and [r["doc_id"] for r in rows] == hits


def test_events_download_is_what_the_provision_page_and_accord_events_list(client, filled_db):
    from typer.testing import CliRunner

    from accord.interfaces.cli import app

    download = client.get("/treaties/rus-irn-2025/events.csv").content
    whole = csv_rows(download.decode("utf-8"))
    cli = CliRunner().invoke(app, ["events", "rus-irn-2025", "--format", "json", "--db", str(filled_db)])
    cli_csv = CliRunner().invoke(app, ["events", "rus-irn-2025", "--db", str(filled_db)]).stdout_bytes
    assert cli_csv == download and b"\r\n" in download  # one rendering: the same cells and CRLF line ends
    assert [(r["provision"], r["type"], r["event_date"] or None) for r in whole] == \
        [(e["provision"], e["type"], e["event_date"]) for e in json.loads(cli.stdout)]
    assert whole, "the seed documents report implementation events"
    provision = whole[0]["provision"]
    one = client.get("/treaties/rus-irn-2025/events.json", params={"provision": provision}).json()
    assert one and {e["provision"] for e in one} == {provision}
    page = client.get(f"/treaties/rus-irn-2025/implementation/{provision}").text
    assert page.count('<section class="event"') == len(one)
    assert client.get("/treaties/rus-irn-2025/events.csv", params={"provision": "99(9)"}).status_code == 422


def test_a_whole_list_download_over_http_is_the_same_file_computed_kept_gzip_coded_or_inflated(filled_db):
    import gzip
    import urllib.request

    from fastapi.testclient import TestClient

    from accord.interfaces.app import create_app
    from live_server import serving

    with TestClient(create_app(db_path=filled_db, response_cache_bytes=0)) as uncached:
        expected = uncached.get("/claims.csv", headers={"Accept-Encoding": "identity"}).content
    assert expected.count(b"\n") > 20

    def fetch(base: str, coding: str) -> tuple[dict, bytes]:
        request = urllib.request.Request(f"{base}/claims.csv", headers={"Accept-Encoding": coding})
        with urllib.request.urlopen(request, timeout=30) as answer:  # urllib leaves the coding as it came
            return {k.lower(): v for k, v in answer.headers.items()}, answer.read()

    # a quarter of the cache is half the file: it streams out as it is made, and is kept compressed
    app = create_app(db_path=filled_db, response_cache_bytes=2 * len(expected))
    with serving(app) as (base, _):
        made, body = fetch(base, "identity")
        assert body == expected and "content-encoding" not in made and made.get("transfer-encoding") == "chunked"
        assert len(app.state.responses) == 1
        coded, body = fetch(base, "gzip")
        assert coded["content-encoding"] == "gzip" and int(coded["content-length"]) == len(body) < len(expected)
        assert gzip.decompress(body) == expected
        inflated, body = fetch(base, "identity")
        assert body == expected and inflated["content-length"] == str(len(expected))
        assert app.state.responses.hits == 2


def test_a_kept_download_serves_byte_ranges_to_resume_it(filled_db):
    import urllib.error
    import urllib.request

    from accord.interfaces.app import create_app
    from live_server import serving

    def fetch(base: str, **headers: str) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(f"{base}/claims.csv", headers={"Accept-Encoding": "identity", **headers})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
        except urllib.error.HTTPError as exc:
            return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()

    app = create_app(db_path=filled_db)
    with serving(app) as (base, _):
        fetch(base)  # made and kept (as it is: under a mebibyte; the next test keeps one compressed)
        status, whole, plain = fetch(base)
        assert status == 200 and whole["accept-ranges"] == "bytes" and len(plain) > 1000
        status, _, coded = fetch(base, **{"Accept-Encoding": "gzip"})
        etag = whole["etag"]
        cases = [({"Range": "bytes=100-199"}, plain[100:200], "bytes 100-199"),
                 ({"Range": "bytes=-50"}, plain[-50:], f"bytes {len(plain) - 50}-{len(plain) - 1}"),
                 ({"Range": f"bytes=100-{10 * len(plain)}", "If-Range": etag}, plain[100:], f"bytes 100-{len(plain) - 1}")]
        for headers, body, content_range in cases:
            status, answer, part = fetch(base, **headers)
            assert (status, part, answer["content-range"]) == (206, body, f"{content_range}/{len(plain)}")
        for headers in ({"Range": "bytes=0-1,5-6"}, {"Range": "bytes=9-3"}, {"Range": "lines=1-2"},
                        {"Range": "bytes=100-", "If-Range": '"an older copy"'}):
            assert fetch(base, **headers)[::2] == (200, plain)  # the whole answer
        status, answer, _ = fetch(base, Range=f"bytes={len(plain)}-")
        assert (status, answer["content-range"]) == (416, f"bytes */{len(plain)}")
        assert coded == plain  # kept as it is (small), it goes as it is to a client that takes gzip too


def test_a_large_kept_download_resumes_from_its_inflated_or_its_compressed_bytes(filled_db):
    import gzip

    from fastapi.testclient import TestClient

    from accord.interfaces.app import create_app

    with TestClient(create_app(db_path=filled_db, response_cache_bytes=0)) as uncached:
        plain = uncached.get("/claims.csv", headers={"Accept-Encoding": "identity"}).content
    app = create_app(db_path=filled_db, response_cache_bytes=2 * len(plain))  # kept compressed, as a large export is
    with TestClient(app) as client:
        client.get("/claims.csv", headers={"Accept-Encoding": "identity"})
        with client.stream("GET", "/claims.csv", headers={"Accept-Encoding": "gzip"}) as whole:
            coded = b"".join(whole.iter_raw())
        assert gzip.decompress(coded) == plain and len(app.state.responses) == 1
        middle = client.get("/claims.csv", headers={"Accept-Encoding": "identity", "Range": "bytes=1000-"})
        assert (middle.status_code, middle.content) == (206, plain[1000:])
        assert middle.headers["content-range"] == f"bytes 1000-{len(plain) - 1}/{len(plain)}"
        with client.stream("GET", "/claims.csv", headers={"Accept-Encoding": "gzip", "Range": "bytes=10-"}) as rest:
            assert rest.status_code == 206 and b"".join(rest.iter_raw()) == coded[10:]
