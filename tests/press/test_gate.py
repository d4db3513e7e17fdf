"""The claim patterns' pre-checks rule out only what cannot match, so extraction is unchanged by them."""

from __future__ import annotations

import re
import sys

import pytest

from accord.press.claims import extract as extract_module
from accord.press.claims import extract_document
from accord.press.claims.gate import ALWAYS, GATE_ALPHABET, GateSet, fold, gate
from accord.press.claims.text import sentences
from accord.press.claims.treaty_ref import CUES
from accord.press.claims.values import PEOPLE, PLACES
from accord.press.lang import analysed_languages, pack
from accord.press.clean import clean_text, split_paragraphs
from accord.press.first_chars import with_first_chars
from accord.press.language import paragraph_languages
from shared_data import corpus_records

TRICKY = [
    "THE TREATY WAS SIGNED IN MOSCOW ON JANUARY 17, 2025 AND DOES NOT CREATE A MILITARY ALLIANCE.",
    "The treaty is valid for twenty years; İran and Russia Sİgned it.",  # dotted capital I
    "The ſtate Duma ratified the treaty; the document conſiſts of 47 articles.",  # long s
    "ДОГОВОР ЗАКЛЮЧЁН СРОКОМ НА 20 ЛЕТ И НЕ ПРЕДУСМАТРИВАЕТ ВЗАИМНОЙ ОБОРОНЫ.",
    "Договор подпиᲃан в Москве; ᲂн не направлен против третьих стран.",  # old Cyrillic letter forms
    "Mutual-defence clause? No. Free-trade agreement with the EAEU, Caspian Convention.",
]


def _all_patterns() -> list[re.Pattern]:
    packs = [p for code in analysed_languages() for p in pack(code).patterns()]
    return packs + [rx for _, rx in CUES] + [rx for rx, _ in PEOPLE] + [rx for rx, _ in PLACES]


@pytest.fixture(scope="module")
def corpus_sentences() -> list[str]:
    found = list(TRICKY)
    for name in ("seeds.jsonl", "dev.jsonl", "dev_adversarial.jsonl", "dev_multilingual.jsonl"):
        for record in corpus_records(name):
            text = clean_text(record["text"]).text
            for a, b in sentences(text):
                found.append(text[a:b])
    return found


@pytest.mark.slow
def test_fold_sees_letters_as_case_insensitive_matching_does():
    # Every character the engine matches to a gate character, ignoring case, folds to that character.
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    assert len(fold(everything)) == len(everything)  # one character for one: offsets line up
    for char in sorted(GATE_ALPHABET):
        for match in re.finditer(re.escape(char), everything, re.I):
            assert fold(match.group(0)) == fold(char), (char, match.group(0), hex(ord(match.group(0))))


def test_gates_read_the_literal_words_of_a_pattern():
    assert gate(re.compile(r"\bmilitary (?:alliance|bloc)\b", re.I)).clauses == (("military bloc", "military alliance"),)
    both = gate(re.compile(r"\bterritor(?:y|ies)\b(?:\W+\w+){0,6}?\W+(?:be used|host)\b", re.I)).clauses
    assert ("territory", "territories") in both and len(both) == 2
    assert gate(re.compile(r"\w+\s+\d+")) is ALWAYS  # nothing literal to test
    assert gate(re.compile(r"(?:treaty)?\s*pact|accords?", re.I)).clauses == (("pact", "accord"),)
    assert gate(re.compile(r"a|bcd")) is ALWAYS  # "a" is too short to be worth testing


@pytest.mark.slow
def test_no_gate_rejects_a_sentence_its_pattern_matches(corpus_sentences: list[str]):
    patterns = _all_patterns()
    gates = GateSet(patterns)
    for sentence in corpus_sentences:
        folded = fold(sentence)
        admitted = gates.admitted(folded)
        for pattern in patterns:
            expected = gate(pattern).admits(folded)
            assert (id(pattern) in admitted or id(pattern) not in gates.gated) == expected, (pattern.pattern, sentence)
            if pattern.search(sentence):
                assert expected, (pattern.pattern, sentence)


@pytest.mark.slow
def test_extraction_is_the_same_with_every_gate_open(monkeypatch: pytest.MonkeyPatch):
    documents = []
    for name in ("seeds.jsonl", "dev.jsonl", "dev_adversarial.jsonl"):
        for record in corpus_records(name):
            text = clean_text(record["text"]).text
            spans = split_paragraphs(text)
            languages = paragraph_languages(text, spans)
            documents.append((text, [(a, b, lang) for (a, b), lang in zip(spans, languages)]))
    gated = [extract_document(text, paragraphs, default_year=2025) for text, paragraphs in documents]
    monkeypatch.setattr(extract_module._SentenceScan, "may_match", lambda self, pattern: True)
    monkeypatch.setattr(extract_module, "_quiet", lambda lang, admitted: False)  # every sentence scanned
    monkeypatch.setattr(extract_module._SentenceScan, "_silent", lambda self, starters: False)  # every step run
    opened = [extract_document(text, paragraphs, default_year=2025) for text, paragraphs in documents]
    assert gated == opened
    assert sum(len(claims) for claims, _ in gated) > 300


def test_a_paragraph_scanned_once_admits_for_each_sentence_what_the_sentence_alone_admits(corpus_sentences: list[str]):
    gates = GateSet(_all_patterns())
    for name in ("seeds.jsonl", "dev.jsonl", "dev_adversarial.jsonl", "dev_multilingual.jsonl"):
        for record in corpus_records(name):
            text = clean_text(record["text"]).text
            for start, end in split_paragraphs(text):
                spans = sentences(text, start, end)
                folded = fold(text[start:end])
                by_paragraph = gates.admitted_spans(folded, [(a - start, b - start) for a, b in spans])
                assert by_paragraph == [gates.admitted(fold(text[a:b])) for a, b in spans], text[start:end]


def test_first_characters_go_before_alternations_of_words_only():
    assert with_first_chars(re.compile(r"(?<!\w)(?:Iran|Tehran)\w*", re.I)).pattern.startswith("(?=(?i:[IT]))")
    assert with_first_chars(re.compile(r"(?:\bmutual (?:defen[cs]e|aid))|(?:\ballian\w+)", re.I)).pattern.startswith("(?=(?i:[am]))")
    for unknown in (r"\w+ treaty", r"(?:the )?treaty", r"\d+ articles", r"(?<!\w)|x"):
        assert with_first_chars(re.compile(unknown)).pattern == unknown


@pytest.mark.slow
def test_first_characters_change_no_match(corpus_sentences: list[str]):
    wrapped = [p for p in _all_patterns() if p.pattern.startswith("(?=(?i:[")]
    assert len(wrapped) > 200  # names in every script and most pack cues
    for pattern in wrapped:
        original = re.compile(pattern.pattern[pattern.pattern.index("]))(?:") + 6 : -1], pattern.flags)
        for sentence in corpus_sentences:
            assert [m.span() for m in pattern.finditer(sentence)] == [m.span() for m in original.finditer(sentence)], \
                (original.pattern, sentence)
