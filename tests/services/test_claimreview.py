"""ClaimReview markup for stored claims, checked against the schema.org vocabulary."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.services.claimreview import RATING_SCALE, claim_review
from accord.services.ingest import ingest
from accord.services.store import Store
from schema_org import problems
from judging_context import JUDGING
from shared_data import corpus_file

DAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    """Claims of every verdict, as the press pipeline judged and stored them from the seed documents."""
    store = Store(tmp_path_factory.mktemp("claimreview") / "accord.sqlite")
    report = ingest([corpus_file("seeds.jsonl")], store, JUDGING)
    assert not report.errors, report.errors
    rows = {}
    for verdict in RATING_SCALE:
        found = store.claims(verdict=verdict, limit=1)
        if found:
            rows[verdict] = (found[0], store.document(found[0]["doc_id"]))
    store.close()
    return rows


def review(claim, document):
    return claim_review(claim, document, page_url=f"http://127.0.0.1:8000/claims/{claim['id']}",
                        instance_url="http://127.0.0.1:8000/", reviewed_on=DAY)


def test_the_validator_rejects_what_schema_org_does_not_allow():
    bad = {"@type": "ClaimReview", "claimReviewed": "x", "verdict": "false",
           "reviewRating": {"@type": "Person", "name": "x"}, "datePublished": "30 November",
           "itemReviewed": {"@type": "Claim", "appearance": "not a work"}}
    found = "\n".join(problems(bad))
    assert "verdict: not a schema.org property" in found
    assert "reviewRating: a 'Person'" in found
    assert "datePublished: '30 November'" in found
    assert "appearance: 'not a work'" in found
    assert problems({"@type": "Verdict"}) == ["$: @type 'Verdict' is not a schema.org type"]


def test_every_verdict_gives_valid_claimreview(judged):
    assert set(judged) >= {"supported", "contradicted"}, "the seeds hold supported and contradicted claims"
    for verdict, (claim, document) in judged.items():
        markup = review(claim, document)
        assert problems(markup) == [], verdict
        # what fact-check readers require: the claim, the rating in words, the page, the reviewer
        assert markup["claimReviewed"] == claim["quote"]
        assert markup["reviewRating"]["alternateName"].lower() == verdict
        assert markup["url"].endswith(f"/claims/{claim['id']}")
        assert markup["author"]["name"] == "accord"
        assert markup["datePublished"] == "2026-11-30"
        if claim.get("citation"):
            assert claim["citation"] in markup["reviewRating"]["ratingExplanation"]
        if document.get("url"):
            assert markup["itemReviewed"]["appearance"]["url"] == document["url"]


def test_the_rating_scale_orders_the_verdicts():
    values = {verdict: value for verdict, (value, _) in RATING_SCALE.items()}
    assert values["contradicted"] < values["unverifiable"] < values["supported"]
