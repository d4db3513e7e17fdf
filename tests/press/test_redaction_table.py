"""Redaction both ways, from the regression table in tests/data/redaction_table.yaml: every
personal datum becomes its placeholder, and every treaty fact stays exactly as written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from accord.press.redact import redact, redact_field, redact_url

TABLE = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "redaction_table.yaml").read_text(encoding="utf-8"))
CONTEXTS = ("{}", "Contact: {}.", "Пишите: {}", "برای تماس {} را ببینید", "Reach the editor at {} or by post.")


@pytest.mark.parametrize("case", TABLE["keep"], ids=[c["text"][:40] for c in TABLE["keep"]])
def test_a_treaty_fact_is_never_redacted(case):
    text, counts = redact(case["text"])
    assert text == case["text"], counts
    assert counts == {}


@pytest.mark.parametrize("case", TABLE["redact"], ids=[c["text"] for c in TABLE["redact"]])
@pytest.mark.parametrize("context", CONTEXTS)
def test_personal_data_is_redacted_in_any_sentence(case, context):
    secret = case.get("secret", case["text"])
    text, counts = redact(context.format(case["text"]))
    assert secret not in text
    assert f"[{case['kind']}]" in text and counts.get(case["kind"], 0) >= 1, text


def test_facts_and_personal_data_side_by_side():
    facts = " ".join(c["text"] for c in TABLE["keep"])
    personal = "; ".join(c["text"] for c in TABLE["redact"])
    text, _ = redact(f"{facts}\n\nContact: {personal}.")
    assert text.startswith(facts)
    assert not any(c.get("secret", c["text"]) in text for c in TABLE["redact"])


@pytest.mark.parametrize("url, expected", [
    ("https://news.example/2025/01/treaty?utm_source=x&email=ivan.petrov%40example.ru",
     "https://news.example/2025/01/treaty?utm_source=x&email=[email]"),
    ("https://news.example/contact/+79161234567/page", "https://news.example/contact/[phone]/page"),
    ("https://mastodon.social/@reporter/113456", "https://mastodon.social/[profile]"),
    ("https://bsky.app/profile/alice.bsky.social", "https://bsky.app/[profile]"),
    ("https://user:secret@news.example/a", "https://news.example/a"),
    ("https://news.example/2025/01/17/article-2231", "https://news.example/2025/01/17/article-2231"),
])
def test_urls_lose_personal_data_in_path_query_and_profile(url, expected):
    assert redact_url(url) == expected


@pytest.mark.parametrize("value, expected", [
    ("@reporter@mastodon.social", "[handle]"), ("Tehran Times", "Tehran Times"),
    ("desk: ivan.petrov@example.ru", "desk: [email]"), ("doc-2025-01-17", "doc-2025-01-17"),
])
def test_short_fields_are_redacted_like_text(value, expected):
    assert redact_field(value) == expected
