"""The treaty-text parser against whole treaty texts and their gold structure (shared/treaties)."""

from __future__ import annotations

import pytest
import yaml

from accord.knowledge.text import parse_treaty_text, roman_to_int

from shared_data import TREATIES, shared_path


def _gold() -> list[dict]:
    index = TREATIES / "index.yaml"
    if not index.is_file():
        return []
    return yaml.safe_load(index.read_text())["treaties"]


# Without the index there is no gold to parametrize with: one case remains, and it fails in CI.
@pytest.mark.parametrize("gold", _gold() or [None], ids=lambda g: g["id"] if g else "index-missing")
def test_parser_finds_every_gold_article(gold):
    if gold is None:
        shared_path("treaties/index.yaml")
    parsed = parse_treaty_text(shared_path(f"treaties/{gold['file']}").read_text(encoding="utf-8"))
    main = parsed.main_articles()
    assert len(main) == gold["article_count"]
    assert [a.number for a in main] == [g["number"] for g in gold["articles"]]
    assert all(a.text for a in parsed.articles)
    assert not parsed.warnings
    if gold.get("structure", {}).get("preamble"):
        assert parsed.preamble
    if gold.get("structure", {}).get("closing_formula"):
        assert parsed.closing
    if "protocol_article_count" in gold:
        annexed = [a for a in parsed.articles if a.part]
        assert len(annexed) == gold["protocol_article_count"]


def test_nato_article_5_text_and_inline_references_are_not_headings():
    path = shared_path("treaties/nato-1949.txt")
    parsed = parse_treaty_text(path.read_text(encoding="utf-8"))
    art5 = parsed.article(5)
    assert "armed attack" in art5.text and "Article 51" in art5.text
    # the closing formula is split off the last article even without a space after the full stop
    assert "Done at Washington" in parsed.closing and "Done at" not in parsed.article(14).text


def test_numbered_paragraphs_on_consecutive_lines():
    text = "Article 52\n\n1. First paragraph.\n2. Second paragraph.\n3. Third.\n\nArticle 53\n\nOnly one."
    parsed = parse_treaty_text(text)
    assert [len(a.paragraphs) for a in parsed.articles] == [3, 1]


def test_russian_headings_roman_numbers_and_annex_restart():
    text = (
        "Преамбула договора.\n\nСтатья 1\n\nСтороны сотрудничают.\n\nСтатья 2\n\nСогласно статье 1 выше.\n\n"
        "Протокол\n\nСтатья 1\n\nДополнение.\n\nСовершено в Москве 17 января 2025 года."
    )
    parsed = parse_treaty_text(text)
    assert [(a.number, bool(a.part)) for a in parsed.articles] == [(1, False), (2, False), (1, True)]
    assert parsed.closing.startswith("Совершено")
    assert roman_to_int("XIV") == 14 and roman_to_int("IV") == 4


def test_gaps_in_numbering_are_reported_and_no_headings_is_an_error():
    parsed = parse_treaty_text("Article 1\n\nA.\n\nArticle 3\n\nB.")
    assert parsed.warnings and "not consecutive" in parsed.warnings[0]
    with pytest.raises(ValueError, match="no article headings"):
        parse_treaty_text("Just a paragraph that mentions Article 5 of something.")
