"""Language packs are data: every pack validates and compiles, and a bad pack is a precise error."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from accord.press.claims import SUPPORTED_LANGUAGES, extract_claims
from accord.press.lang import LanguagePack, PackError, PackFile, analysed_languages, pack


def test_every_pack_folder_is_an_analysed_language():
    codes = analysed_languages()
    assert {"en", "ru"} <= set(codes)
    assert SUPPORTED_LANGUAGES == frozenset(codes)
    for code in codes:
        loaded = pack(code)
        assert loaded.code == code and loaded.negation is not None and loaded.patterns()


def _minimal(**extra) -> dict:
    return {"code": "xx", "name": "Test", "script": "latin", "word": "[a-z]", "negation": [r"\bnot\b"], **extra}


def test_macros_expand_to_the_packs_letters_and_numbers():
    lang = LanguagePack(PackFile.model_validate(_minimal(
        numbers={"seven": 7}, duration=[r"\b(?P<n>{NUMBER}) years"], mutual_defense=[r"{B}defen{W}*"])))
    m = lang.duration[0].search("for seven years")
    assert m and lang.number(m.group("n")) == 7
    assert lang.mutual_defense.search("a defence pact") and not lang.mutual_defense.search("adefence")


def test_a_bad_pattern_names_the_pack_and_the_key():
    with pytest.raises(PackError, match=r"'xx': booleans\.military_cooperation"):
        LanguagePack(PackFile.model_validate(_minimal(booleans={"military_cooperation": ["(unclosed"]})))


def test_an_unknown_key_or_a_missing_pack_is_refused():
    with pytest.raises(ValueError, match="mutual_defence"):
        PackFile.model_validate(_minimal(mutual_defence=["x"]))  # misspelt key: refused, not ignored
    with pytest.raises(PackError, match="no language pack 'zz'; packs: .*en"):
        pack("zz")


def test_a_language_without_a_pack_gives_no_claims():
    assert extract_claims("Das ist ein Verteidigungsbündnis.", "he") == []
