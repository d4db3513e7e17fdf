"""The treaty-text parser against whole treaty texts (shared gold) and the forms treaty texts take."""

from __future__ import annotations

import pytest

from accord.knowledge.text import MixedLanguageError, TextError, parse_treaty_text, roman_to_int
from tests.treaty_text.conftest import gold_index, treaty_text

GOLD = gold_index()


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["id"])
def test_segmentation_matches_gold(gold):
    parsed = parse_treaty_text(treaty_text(gold["id"]))
    main = parsed.main_articles()
    assert [a.number for a in main] == [g["number"] for g in gold["articles"]]
    assert len(main) == gold["article_count"]
    assert all(a.paragraphs for a in parsed.articles)
    assert not parsed.warnings
    assert bool(parsed.preamble) == bool(gold.get("structure", {}).get("preamble"))
    if gold.get("structure", {}).get("closing_formula"):
        assert parsed.instruments[0].closing
    if "protocol_article_count" in gold:
        assert [i.kind for i in parsed.instruments] == ["treaty", "protocol"]
        protocol = parsed.instruments[1]
        assert [a.number for a in protocol.articles] == [g["number"] for g in gold["protocol_articles"]]
    else:
        assert len(parsed.instruments) == 1


def test_spans_point_into_the_text():
    parsed = parse_treaty_text(treaty_text("nato-1949"))
    for art in parsed.articles:
        for p in art.paragraphs:
            assert parsed.text[p.start:p.end] == p.text
            for item in p.items:
                assert p.start <= item.start < item.end <= p.end


def test_nato_article_5_text_inline_references_and_closing():
    parsed = parse_treaty_text(treaty_text("nato-1949"))
    assert parsed.title == "NORTH ATLANTIC TREATY"
    art5 = parsed.article(5)
    assert "armed attack" in art5.text and "Article 51" in art5.text
    # the closing formula is cut off the last article even without a space after the full stop
    assert "Done at Washington" in parsed.closing and "Done at" not in parsed.article(14).text
    assert parsed.article(14).text.endswith("other signatories.")
    # Art. 6 is one paragraph with two sub-items (i) and (ii)
    art6 = parsed.article(6)
    assert len(art6.paragraphs) == 1 and [i.label for i in art6.paragraphs[0].items] == ["i", "ii"]


def test_un_charter_paragraphs_and_chapter_heading_are_not_article_text():
    parsed = parse_treaty_text(treaty_text("un-charter-51-54"))
    assert [len(a.paragraphs) for a in parsed.articles] == [1, 4, 2, 1]
    assert [p.number for p in parsed.article(52).paragraphs] == ["1", "2", "3", "4"]
    assert "Regional arrangements" not in parsed.article(51).text
    assert parsed.divisions == ["CHAPTER VIII — Regional arrangements"]


def test_mrp_protocol_is_a_separate_instrument_and_editorial_note_dropped():
    parsed = parse_treaty_text(treaty_text("mrp-1939"))
    protocol = parsed.instruments[1]
    assert protocol.kind == "protocol" and protocol.title == "Secret Additional Protocol"
    assert "[The section" not in parsed.article(7).text
    assert protocol.closing.startswith("Moscow, August 23, 1939.")
    assert parsed.article(4, part=protocol.title).text.endswith("strictly secret.")


@pytest.mark.parametrize(
    "heading, number",
    [
        ("Article 5", 5), ("Art. V", 5), ("ARTICLE FIVE", 5), ("Article V.", 5), ("Статья 5", 5), ("СТАТЬЯ 5", 5),
        ("Artículo 5°", 5), ("Artigo 5.º", 5), ("ماده ۵", 5), ("المادة 5", 5), ("المادة الخامسة", 5),
        ("Článok 5", 5), ("Członek 5", 5), ("Член 5", 5), ("Artikel 5", 5), ("Article premier", 1),
        ("Article 1er", 1), ("Article 5 - Collective defence", 5), ("Article 5. Collective defence", 5),
    ],
)
def test_heading_forms(heading, number):
    text = f"Preamble of the parties.\n\n{heading}\n\nFirst provision text here.\n\n{heading.replace(str(number), str(number + 1)) if str(number) in heading else 'Article 99'}\n\nSecond."
    parsed = parse_treaty_text(text)
    assert parsed.articles[0].number == number
    assert parsed.articles[0].paragraphs[0].text == "First provision text here."


def test_a_cross_reference_starting_a_line_is_not_a_heading():
    text = (
        "Article 1\n\nThe Parties cooperate.\n\nArticle 2\n\nEach Party consults the other.\n\n"
        "Article 1 of this Treaty shall apply to the forces of the Parties.\n\n"
        "Статья 1 настоящего Договора применяется также к вооруженным силам.\n\n"
        "المادة 1 من هذه المعاهدة تطبق على القوات.\n\nArticle 3\n\nFinal."
    )
    parsed = parse_treaty_text(text)
    assert [a.number for a in parsed.articles] == [1, 2, 3]
    assert len(parsed.article(2).paragraphs) == 4
    assert not parsed.warnings


def test_title_on_the_line_after_the_heading_and_inline_first_paragraph():
    text = "Article 1\nPurpose\nThe Parties cooperate in good faith.\n\nArticle 2. The Parties consult each other on all matters of common interest.\n"
    parsed = parse_treaty_text(text)
    assert parsed.article(1).title == "Purpose"
    assert parsed.article(1).paragraphs[0].text == "The Parties cooperate in good faith."
    assert parsed.article(2).paragraphs[0].text.startswith("The Parties consult")


def test_numbered_paragraphs_on_consecutive_lines_and_sub_items():
    text = "Article 52\n\n1. First paragraph:\n(a) one;\n(b) two.\n2. Second paragraph.\n3. Third.\n\nArticle 53\n\nOnly one."
    parsed = parse_treaty_text(text)
    assert [len(a.paragraphs) for a in parsed.articles] == [3, 1]
    assert [i.label for i in parsed.article(52).paragraphs[0].items] == ["a", "b"]


def test_russian_headings_annex_restart_and_closing():
    text = (
        "Преамбула договора.\n\nСтатья 1\n\nСтороны сотрудничают.\n\nСтатья 2\n\nСогласно статье 1 выше.\n\n"
        "Протокол\n\nСтатья 1\n\nДополнение.\n\nСовершено в Москве 17 января 2025 года."
    )
    parsed = parse_treaty_text(text)
    assert [(a.number, bool(a.part)) for a in parsed.articles] == [(1, False), (2, False), (1, True)]
    assert parsed.closing.startswith("Совершено")
    assert roman_to_int("XIV") == 14 and roman_to_int("IV") == 4


def test_annex_without_a_preceding_article_is_part_of_the_title():
    parsed = parse_treaty_text("Protocol on Friendship\n\nThe Parties agree:\n\nArticle 1\n\nFriendship.")
    assert len(parsed.instruments) == 1 and parsed.title == "Protocol on Friendship"


def test_duplicate_skipped_and_out_of_order_numbers_are_named():
    parsed = parse_treaty_text("Article 1\n\nA.\n\nArticle 3\n\nB.\n\nArticle 3\n\nC.\n\nArticle 2\n\nD.")
    joined = " | ".join(parsed.warnings)
    assert "2 missing between 1 and 3" in joined
    assert "number 3 appears 2 times" in joined
    assert "2 comes after 3 (out of order)" in joined
    parsed = parse_treaty_text("Article 1\n\n1. A.\n\n3. B.")
    assert parsed.warnings == ["Art. 1, paragraphs: 2 missing between 1 and 3"]


def test_no_numbering_and_mixed_languages_are_errors():
    with pytest.raises(TextError, match="no article headings"):
        parse_treaty_text("Just a paragraph that mentions Article 5 of something.\n\nAnother one.")
    bilingual = "Article 1\n\nThe Parties.\n\nСтатья 1\n\nСтороны.\n\nArticle 2\n\nMore.\n\nСтатья 2\n\nЕщё."
    with pytest.raises(MixedLanguageError, match="Статья ×2"):
        parse_treaty_text(bilingual)


def test_a_sentence_that_starts_with_annex_or_protocol_is_not_a_new_instrument():
    text = (
        "Article 1\n\nThe Parties cooperate.\n\nArticle 2\n\nThe lists are annexed.\n\n"
        "Annex I to this Treaty lists the goods concerned by Article 1.\n\n"
        "Protocol on privileges shall form an integral part of this Treaty.\n\nArticle 3\n\nFinal.\n\n"
        "ANNEX I\n\nArticle 1\n\nGoods.\n"
    )
    parsed = parse_treaty_text(text)
    assert [a.number for a in parsed.main_articles()] == [1, 2, 3]
    assert [(i.kind, i.title) for i in parsed.instruments[1:]] == [("annex", "ANNEX I")]
    assert len(parsed.article(2).paragraphs) == 3


def test_hard_wrapped_copy_a_reference_wrapped_to_the_start_of_a_line_is_not_a_heading():
    text = (
        "Article 1\n\nThe Parties shall settle their disputes by peaceful means and in accordance with\n"
        "Article 5. They shall refrain from force.\n\nArticle 2\n\nThe Parties consult each other on all\n"
        "matters of common interest.\n\nArticle 3\n\nFinal.\n"
    )
    parsed = parse_treaty_text(text)
    assert [a.number for a in parsed.articles] == [1, 2, 3] and not parsed.warnings
    assert "Article 5. They shall refrain" in parsed.article(1).text
