"""The trends page: claims per period of publication, stacked by verdict, filtered like the claims list."""

from __future__ import annotations

import lxml.html

from accord.services.trends import claim_trend


def table_counts(html: str) -> dict[str, list[int]]:
    tree = lxml.html.fromstring(html)
    return {row.xpath("string(th)"): [int(td.text_content()) for td in row.xpath("td")]
            for row in tree.xpath('//table[contains(@class, "trend-table")]/tbody/tr')}


def test_trends_page_draws_and_tabulates_the_counts(client, stored):
    page = client.get("/trends")
    assert page.status_code == 200
    assert 'aria-labelledby="trend-bars-title trend-bars-desc"' in page.text
    expected = {r.period: [r.supported, r.contradicted, r.unverifiable, r.total] for r in claim_trend(stored).rows}
    assert expected and table_counts(page.text) == expected


def test_filters_and_period_reach_the_counts(client, stored):
    page = client.get("/trends?period=week&lang=en")
    expected = {r.period: [r.supported, r.contradicted, r.unverifiable, r.total]
                for r in claim_trend(stored, period="week", lang="en").rows}
    assert table_counts(page.text) == expected
    assert all("-W" in period for period in expected)


def test_unknown_filter_values_get_the_form_back_with_422(client):
    for query in ("type=nonsense", "lang=xx", "treaty=nato-1994", "outlet=Nobody", "period=year"):
        page = client.get(f"/trends?{query}")
        assert page.status_code == 422, query
        assert 'class="error"' in page.text and "<form" in page.text

