"""Bad input in Arabic script: no crash, no invented claim, spans that fit the stored text."""

from __future__ import annotations

import random

import pytest

from accord.press.pipeline import process
from accord.press.read import RawDocument
from judging_context import CATALOG, TODAY

BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"


def run(text: str, published: str | None = "2025-01-20", lang: str | None = None):
    return process(RawDocument(id="x", text=text, published=published, lang=lang), CATALOG, TODAY)


def found(doc) -> set[tuple[str, str, object]]:
    return {(c.treaty, c.type, c.value) for c in doc.claims}


def assert_spans_fit(doc) -> None:
    for c in doc.claims:
        assert 0 <= c.start < c.end <= len(doc.text)
        assert doc.text[c.start:c.end] == c.quote


PERSIAN = "معاهده مشارکت راهبردی ایران و روسیه روز ۲۸ دی ۱۴۰۳ به امضا رسید و شامل بند دفاع متقابل نیست."


def test_a_persian_text_with_arabic_indic_digits_reads_as_with_persian_digits():
    arabic_digits = PERSIAN.replace("۲۸", "٢٨").replace("۱۴۰۳", "١٤٠٣")
    assert found(run(arabic_digits)) == found(run(PERSIAN))
    assert ("rus-irn-2025", "signed_on", "2025-01-17") in found(run(arabic_digits))


@pytest.mark.parametrize("impossible", ["۳۱ اسفند ۱۴۰۳", "۳۲ دی ۱۴۰۳", "۳۱ مهر ۱۴۰۴", "۱۴۰۳/۱۳/۰۵"])
def test_an_impossible_solar_hijri_date_gives_no_date_and_no_crash(impossible):
    doc = run(PERSIAN.replace("روز ۲۸ دی ۱۴۰۳", f"روز {impossible}"), published=None)
    assert not [c for c in doc.claims if c.type == "signed_on"]
    assert ("rus-irn-2025", "mutual_defense", False) in found(doc)  # the rest of the sentence is still read
    assert_spans_fit(doc)


def test_bidi_controls_inside_words_change_nothing_but_the_offsets():
    noisy = "".join(ch + (BIDI[i % len(BIDI)] if ch == " " or i % 7 == 0 else "") for i, ch in enumerate(PERSIAN))
    clean, dirty = run(PERSIAN), run(noisy)
    assert found(dirty) == found(clean)
    assert_spans_fit(dirty)


def test_presentation_forms_read_as_the_letters_they_show():
    import unicodedata

    # the same Arabic sentence in isolated presentation forms, as copied from an old PDF
    plain = "وقالت الوزارة إن المعاهدة لا تتضمن أي بند للدفاع المشترك وتتكون من 47 مادة."
    forms = {unicodedata.normalize("NFKC", chr(cp)): chr(cp) for cp in range(0xFE80, 0xFEFD)
             if unicodedata.name(chr(cp), "").endswith("ISOLATED FORM")}
    shown = "".join(forms.get(ch, ch) for ch in plain)
    assert shown != plain
    assert found(run(shown, lang="ar")) == found(run(plain, lang="ar")) >= {
        ("rus-irn-2025", "mutual_defense", False), ("rus-irn-2025", "article_count", 47)}
    assert_spans_fit(run(shown, lang="ar"))


@pytest.mark.parametrize(("text", "lang"), [
    # Urdu and Pashto share the script: they are detected and not read with the Persian or Arabic pack
    ("روس اور ایران نے ماسکو میں ایک اسٹریٹجک شراکت داری کے معاہدے پر دستخط کیے ہیں جس میں باہمی دفاع کی شق شامل ہے۔", "ur"),
    ("روسیې او ایران په مسکو کې د ستراتیژیک ملګرتیا تړون لاسلیک کړ، چې په هغه کې د متقابل دفاع ماده شته او ۴۷ مادې لري.", "ps"),
])
def test_urdu_and_pashto_are_detected_and_not_analysed(text, lang):
    doc = run(text)
    assert doc.lang == lang
    assert doc.claims == [] and doc.not_analysed == {lang: 1}


def test_mixed_script_paragraphs_claim_only_what_their_own_language_says():
    mixed = ("Reuters گزارش داد: the Kremlin said «договор не предусматривает военного союза»، "
             "و دبلوماسي عربي قال إن الاتفاق مهم. Spokesman Peskov هیچ جزئیاتی نداد.")
    doc = run(mixed)
    assert_spans_fit(doc)
    assert not [c for c in doc.claims if c.type == "mutual_defense" and c.value is True]
    # words without a claim in any script give nothing
    assert run("سلام! Привет! Hello! مرحبا ۱۲۳ ٤٥٦ 789 \u202eabc\u202c").claims == []


def test_random_arabic_script_noise_never_crashes():
    rng = random.Random(9)
    alphabet = ("ابتثجحخدذرزسشصضطظعغفقكلمنهويپچژگکیةىأإآؤئء" "ًٌٍَُِّْـ" "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹" + BIDI + "\u200c\u200d"
                "ﻻﷲﺑﺰﺷﻜﻴﺎﻥ" " ،؛؟.\n")
    for _ in range(60):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400)))
        doc = run(text, published=rng.choice([None, "2025-01-20"]))
        assert_spans_fit(doc)
