"""Catalog, treaty, compare and scenario pages, rendered through the app with the real catalog."""

from __future__ import annotations

import re


def test_catalog_lists_every_treaty_with_phase_and_badges(client):
    page = client.get("/").text
    assert "Treaty catalog" in page
    row = page[page.index('id="treaty-rus-irn-2025"'):page.index('id="treaty-rus-prk-2024"')]
    assert 'href="/treaties/rus-irn-2025"' in row
    assert "2025-01-17" in row
    assert "in force (initial term)" in row  # status today: the initial term runs to 2045
    assert 'badge-neutrality' in row and 'badge-consultation' in row and 'badge-defense' not in row
    nato = page[page.index('id="treaty-nato-1949"'):]
    assert "badge-defense" in nato.split("</tr>")[0]
    assert "no alliance obligation" in page  # JCPOA has none


def test_treaty_page_status_on_a_day_before_entry_into_force(client):
    page = client.get("/treaties/rus-irn-2025?on=2025-06-13").text
    assert "Status on 2025-06-13" in page
    assert "signed, not in force" in page
    assert "entered into force later, on 2025-10-02" in page


def test_treaty_page_status_term_and_unknown_notice(client):
    page = client.get("/treaties/rus-irn-2025?on=2026-11-22").text
    assert "in force (initial term)" in page
    assert "initial term: 2025-10-02 to 2045-10-01" in page
    notice = page[page.index("<dt>Notice deadline</dt>"):]
    assert notice.split("</dd>")[0].count("unknown") >= 1
    assert "Renewal term 1 (automatic)" in page  # the renewal window in the timeline table
    assert "2050-10-01" in page


def test_treaty_page_has_an_accessible_chart_and_a_table_of_the_same_events(client):
    page = client.get("/treaties/rus-irn-2025?on=2026-01-01").text
    svg = page[page.index("<svg class=\"timeline\""):page.index("</svg>")]
    assert "<title id=\"timeline-rus-irn-2025-title\">Life-cycle timeline of rus-irn-2025</title>" in svg
    assert "<desc id=\"timeline-rus-irn-2025-desc\">" in svg and "not to scale" in svg
    table = page[page.index('id="timeline-table"'):]
    table = table[:table.index("</table>")]
    for day in ("2025-01-17", "2025-04-08", "2025-05-21", "2025-10-02"):
        assert day in svg and day in table
    assert re.search(r"day unknown: (<[^>]+>)?early May 2025", table)  # undated steps are kept, as unknown
    numbers_in_chart = set(re.findall(r'class="num"[^>]*>(\d+)<', svg))
    numbers_in_table = set(re.findall(r'<td data-label="#">(\d+)</td>', table))
    assert numbers_in_chart and numbers_in_chart <= numbers_in_table


def test_treaty_page_articles_provisions_sources_and_doubts(client):
    page = client.get("/treaties/rus-irn-2025").text
    assert 'id="art-3"' in page
    art3 = page[page.index('id="art-3"'):]
    art3 = art3[:art3.index("</article>")]
    assert "Art. 3(3)" in art3 and "prohibition" in art3 and "assist aggressor" in art3
    assert "aggression, armed-attack against other party" in art3  # the trigger
    assert 'href="https://tass.com/politics/1940345"' in art3
    assert "Article number unknown" in page and 'id="art-finance-payments"' in page
    assert "unnumbered (pay-infrastructure)" in page  # its provisions say so too, by their id
    assert 'id="art-19"' in page  # the sanctions article, now known by number
    assert "Open doubts" in page and "Majlis vote count" in page


def test_jcpoa_page_shows_contested_positions_and_snapback_milestones(client):
    page = client.get("/treaties/jcpoa-2015?on=2025-10-01").text
    assert "Contested on 2025-10-01" in page
    assert "FRA, DEU, GBR" in page and "IRN, RUS, CHN" in page
    assert "snapback: By this day: Last day for the Council to adopt a resolution continuing sanctions relief" in page
    assert "2025-09-27" in page and "UNSCR 2231 para. 11" in page
    assert "mk-contested" in page and "mk-vote-window-end" in page


def test_unknown_treaty_is_a_404_naming_the_nearest(client):
    r = client.get("/treaties/rus-irn-2024")
    assert r.status_code == 404
    assert "rus-irn-2024" in r.text
    assert re.search(r'The nearest treaty is\s*<a href="/treaties/rus-irn-202[45]">', r.text)


def test_bad_date_on_the_treaty_page_is_a_422_message(client):
    r = client.get("/treaties/rus-irn-2025?on=2025-13-45")
    assert r.status_code == 422
    assert "bad date &#39;2025-13-45&#39;: expected YYYY-MM-DD" in r.text
    assert "Traceback" not in r.text


def test_compare_cells_link_to_the_deciding_article(client):
    page = client.get("/compare?ids=rus-irn-2025&ids=nato-1949&ids=rus-blr-2024").text
    assert 'href="/treaties/nato-1949#art-5">Art. 5<' in page
    assert 'href="/treaties/rus-irn-2025#art-3">Art. 3(3)<' in page
    assert 'href="/treaties/rus-blr-2024#art-security-guarantees">security-guarantees (unnumbered)<' in page
    assert page.count('class="cell-yes"') >= 4
    assert "Cooperation domains" in page and "heat-" in page
    assert 'value="csto-1992" id="pick-csto-1992">' in page  # not picked, still offered


def test_compare_accepts_comma_separated_ids_and_names_the_nearest_unknown_id(client):
    page = client.get("/compare?ids=rus-irn-2025,rus-irn-2001").text
    assert "rus-irn-2001" in page and "nato-1949</a></th>" not in page
    r = client.get("/compare?ids=nato-1948")
    assert r.status_code == 404 and "nato-1949" in r.text


def test_scenario_in_force_with_citations_and_the_decisive_negative(client):
    page = client.get("/scenario?event=aggression&by=ISR&against=IRN&on=2025-11-01").text
    answer = page[page.index('id="answer-rus-irn-2025"'):]
    answer = answer[:answer.index("</article>")]
    assert "in force since 2025-10-02" in answer
    assert 'href="/treaties/rus-irn-2025#art-3">Art. 3(3)<' in answer
    assert "RUS must not: If the other party is subjected to aggression" in answer
    assert "no provision of rus-irn-2025 obliges RUS to give military assistance to IRN" in answer
    assert "finding-negative" in answer


def test_scenario_before_entry_into_force_names_the_treaty_then_in_force(client):
    page = client.get("/scenario?event=aggression&by=ISR&against=IRN&on=2025-06-01").text
    answer = page[page.index('id="answer-rus-irn-2025"'):]
    answer = answer[:answer.index("</article>")]
    assert "not in force on that date" in answer
    assert "in force between the same parties then: rus-irn-2001" in answer
    assert 'id="answer-rus-irn-2001"' in page


def test_scenario_snapback_lists_its_deadlines(client):
    page = client.get("/scenario?event=snapback-notification&by=E3&on=2025-08-28").text
    assert "Procedure deadlines (snapback)" in page
    assert "2025-09-27" in page and "UNSCR 2231 para. 11" in page


def test_scenario_empty_form_is_just_the_form(client):
    page = client.get("/scenario").text
    assert '<label for="event">Event</label>' in page and 'id="answer"' not in page


def test_scenario_bad_input_is_a_422_with_a_clear_message(client):
    cases = {
        "/scenario?event=agression&by=ISR&against=IRN&on=2025-11-01": "unknown event kind &#39;agression&#39; (did you mean &#39;aggression&#39;?)",
        "/scenario?event=aggression&by=Isreal&against=IRN&on=2025-11-01": "unknown party &#39;Isreal&#39; (did you mean &#39;ISR&#39;?) for the acting state",
        "/scenario?event=aggression&by=&against=&on=2025-11-01": "name the acting state, the target, or both",
        "/scenario?event=aggression&by=ISR&against=IRN&on=1-11-2025": "bad date &#39;1-11-2025&#39;",
    }
    for url, message in cases.items():
        r = client.get(url)
        assert r.status_code == 422, url
        assert message in r.text, url
        assert 'role="alert"' in r.text
        assert 'value="ISR"' in r.text or "by=&" in url  # the form keeps what was typed


def test_scenario_page_shows_conditions_breaches_and_contested_status(client):
    page = client.get("/scenario", params={"event": "armed-attack", "by": "RUS", "against": "FRA", "where": "MLI", "on": "2026-01-01"}).text
    assert "condition:" in page and "Art. 6" in page
    breach = client.get("/scenario", params={"event": "armed-attack", "by": "TUR", "against": "GRC", "on": "2026-01-01"}).text
    assert "kind-breach" in breach and "breaches" in breach
    contested = client.get("/scenario", params={"event": "unilateral-sanctions", "by": "USA", "against": "IRN", "on": "2025-11-01"}).text
    answer = contested[contested.index('id="answer-jcpoa-2015"'):]
    assert "contested" in answer.split("</p>")[0]
    bad = client.get("/scenario", params={"event": "aggression", "by": "POL", "against": "BLR", "weapons": "laser"})
    assert bad.status_code == 422 and "unknown weapons" in bad.text


def test_treaty_page_of_a_contested_instrument(client):
    page = client.get("/treaties/jcpoa-2015?on=2025-10-20").text
    status = page[page.index("Status on 2025-10-20"):]
    assert "contested" in status.split("</dl>")[0] and "in force: unknown" not in status.split("</dl>")[0]
