"""Arabic-script folding: what it folds, and that spans found in the folded text map back exactly."""

import pytest

from accord.press.script import fold, normalise

ZWNJ, RLM, TATWEEL = "\u200c", "\u200f", "\u0640"


@pytest.mark.parametrize(("written", "folded"), [
    ("پزشکیان", "پزشكيان"),  # Persian kaf and yeh
    ("بزشكيان", "بزشكيان"),
    ("ﺑﺰﺷﻜﻴﺎﻥ", "بزشكيان"),  # presentation forms
    ("إيران", "ايران"), ("أبريل", "ابريل"), ("آذار", "اذار"),  # alef forms
    ("المعاهدة", "المعاهده"),  # teh marbuta
    ("وقّعَ", "وقع"),  # shadda and fatha
    (f"مـ{TATWEEL}ـعاهدة", "معاهده"),
    (f"می{ZWNJ}کنند", "ميكنند"),
    (f"{RLM}روسیه", "روسيه"),
    ("۱۴۰۳/۱۰/۲۷", "1403/10/27"), ("٢٠٢٥", "2025"),
    ("ﻻ", "لا"),  # a ligature is two letters
    ("لماذا؟ نعم، لا؛", "لماذا? نعم, لا;"),
])
def test_variants_fold_to_one_spelling(written, folded):
    assert normalise(written).text == folded
    assert fold(written) == folded


def test_plain_text_is_left_alone_with_identity_offsets():
    view = normalise("The treaty was signed in Moscow.")
    assert view.text == view.original and view.identity and view.span(4, 10) == (4, 10)


TEXTS = [
    f"وقّع الرئيس ﺑﺰﺷﻜﻴﺎﻥ المعـــاهدة في ۲۸ دی ۱۴۰۳ {RLM}ﻻ نعم",
    f"{RLM}{ZWNJ}می{ZWNJ}کنند{TATWEEL}",
    "ﷺ نص ﻻﻻ",
    "plain text, no change",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_span_maps_back_to_original_characters_that_fold_to_it(text):
    view = normalise(text)
    # span ends that do not cut a ligature or other expanded character in two
    cuts = {0, len(view.text)} | {i for i in range(len(view.text) + 1) if view.to_original(i) != view.to_original(i - 1) or i == 0}
    for start in sorted(cuts):
        for end in sorted(cuts):
            if end <= start:
                continue
            a, b = view.span(start, end)
            assert fold(text[a:b]) == view.text[start:end], (start, end, text[a:b])


def test_a_word_found_in_the_folded_text_is_underlined_in_the_original():
    text = f"قال إن الرئيس ﺑﺰﺷﻜﻴﺎﻥَ وقّع"
    view = normalise(text)
    start = view.text.index("بزشكيان")
    a, b = view.span(start, start + len("بزشكيان"))
    assert text[a:b] == "ﺑﺰﺷﻜﻴﺎﻥَ"  # the trailing fatha goes with its letter
    assert view.to_normalised(a) == start and view.to_normalised(b) == start + len("بزشكيان")


def test_offsets_round_trip_through_removed_characters():
    text = f"ab{ZWNJ}{RLM}cd"
    view = normalise(text)
    assert view.text == "abcd"
    assert [view.to_original(i) for i in range(5)] == [0, 1, 4, 5, 6]
    assert [view.to_normalised(i) for i in range(7)] == [0, 1, 2, 2, 2, 3, 4]
