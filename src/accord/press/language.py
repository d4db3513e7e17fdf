"""Language of press paragraphs and documents, as ISO 639-1 codes.

Script first, statistics second:

* a script that belongs to one expected language answers alone (Greek ``el``, Han ``zh``,
  kana ``ja``, Hangul ``ko``, Hebrew ``he``);
* Cyrillic and Arabic script are told apart by their tell-tale letters (Ukrainian і ї є ґ
  vs Russian ы э ъ ё; Persian پ چ ژ گ ک ی vs Arabic ة ي ك ى), lingua deciding only when
  the letters are silent or mixed;
* Latin script goes to lingua, built lazily, once, for the expected Latin-script
  languages only, in low-accuracy mode on at most ``SAMPLE`` characters (ample for a
  paragraph; the cost of lingua grows with the length of its input), one paragraph at a
  time.

Very short snippets (fewer than ``SHORT`` letters) never reach lingua: a trigram model
cannot tell "ok" or "Conclusion" apart across languages, and with every language loaded
it happily calls them Yoruba.  They get a heuristic from accented letters, defaulting to
English for bare Latin; :func:`paragraph_languages` then gives any heading-sized
paragraph (fewer than ``HEADING`` letters) the language of the document's longer
paragraphs in the same script, when there are any.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Sequence

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

SHORT = 20  # letters; below this a snippet is judged by heuristic, not by lingua
SENTENCE = 150  # letters; below this a lone text is judged in lingua's high-accuracy mode
HEADING = 40  # letters; below this a paragraph inside a document follows the document's majority
SAMPLE = 200  # characters given to lingua
CANDIDATES = 3  # languages the high-accuracy models choose between for a lone short text
CONFIRM_WORDS, CONFIRM_SHARE, CONFIRM_LEAD = 3, 10, 4  # see _confirmed
WORD = re.compile(r"[^\W\d_]+")
GROUPS: dict[str, tuple[str, ...]] = {
    "latin": ("en", "de", "fr", "es", "pt", "it", "tr", "nl", "pl", "id"),
    "cyrillic": ("ru", "uk", "bg"),
    "arabic": ("ar", "fa", "ur"),
}
SCRIPTS = {
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    # letters only: the Arabic-Indic and Persian digits are not evidence of a language
    "arabic": re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"),
    "greek": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
}
SINGLE_LANGUAGE_SCRIPTS = {"greek": "el", "han": "zh", "kana": "ja", "hangul": "ko", "hebrew": "he"}
UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
RUSSIAN_LETTERS = re.compile(r"[ыэъёЫЭЪЁ]")
PERSIAN_LETTERS = re.compile(r"[پچژگکی۰-۹]")
ARABIC_LETTERS = re.compile(r"[ةيكى٠-٩]")
PRESENTATION_FORMS = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefe]")
URDU_LETTERS = re.compile(r"[ٹڈڑںےھ]")
# Pashto and Kurdish (Sorani) letters: these languages share the script with Persian and Arabic and
# must not be read with their packs.  ڼ ټ ډ ړ ږ ښ ګ ۍ ې are Pashto's own; ڕ ڵ ۆ ێ are Sorani's.
PASHTO_LETTERS = re.compile(r"[ټډړږښګڼۍې]")
KURDISH_LETTERS = re.compile(r"[ڕڵۆێ]")
# Accented letters that point at one Latin-script language in a short snippet.
LATIN_HINTS = (
    (re.compile(r"[ğşıİĞŞ]"), "tr"),
    (re.compile(r"[ßäöüÄÖÜ]"), "de"),
    (re.compile(r"[ñ¿¡Ñ]"), "es"),
    (re.compile(r"[ãõÃÕ]"), "pt"),
    (re.compile(r"[ąęłńśźżĄĘŁŃŚŹŻ]"), "pl"),
    (re.compile(r"[çéèêëàâîïôûùœÇÉÈ]"), "fr"),
)


def _letters_by_script(sample: str) -> Counter[str]:
    if sample.isascii():  # every script but Latin lies outside ASCII: one count instead of eight
        n = len(SCRIPTS["latin"].findall(sample))
        return Counter({"latin": n} if n else {})
    return Counter({script: n for script, pattern in SCRIPTS.items() if (n := len(pattern.findall(sample)))})


def _builder(group: str) -> LanguageDetectorBuilder:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in GROUPS[group]]
    return LanguageDetectorBuilder.from_languages(*languages)


@lru_cache(maxsize=None)
def detector(group: str) -> LanguageDetector:
    """The lingua detector for one script group, built once on first use."""
    return _builder(group).with_low_accuracy_mode().build()


def _iso(language: Language | None) -> str | None:
    return language.iso_code_639_1.name.lower() if language is not None else None


def _decide(text: str) -> tuple[str | None, str | None, int, str]:
    """(language or None, script group to ask lingua if undecided, letter count, dominant script)."""
    sample = text[:SAMPLE]
    if PRESENTATION_FORMS.search(sample):  # ﺑﺰﺷﻜﻴﺎﻥ is بزشكيان: the tell-tale letters hide in these forms
        sample = unicodedata.normalize("NFKC", sample)
    scripts = _letters_by_script(sample)
    if not scripts:
        return None, None, 0, ""
    script, letters = scripts.most_common(1)[0]
    if "kana" in scripts and script == "han":
        script = "kana"  # Japanese mixes kanji with kana; Chinese has no kana
    if script in SINGLE_LANGUAGE_SCRIPTS:
        return SINGLE_LANGUAGE_SCRIPTS[script], None, letters, script
    if letters < 2:
        return None, None, letters, script
    if script == "cyrillic":
        uk, ru = len(UKRAINIAN_LETTERS.findall(sample)), len(RUSSIAN_LETTERS.findall(sample))
        if uk > ru or (ru == 0 and uk == 0 and letters < SHORT):
            return ("uk" if uk > ru else "ru"), None, letters, script
        if ru > 0 and uk == 0:
            return "ru", None, letters, script
    elif script == "arabic":
        fa, ar, ur = (len(p.findall(sample)) for p in (PERSIAN_LETTERS, ARABIC_LETTERS, URDU_LETTERS))
        if ur > 0 and ur >= fa // 2:
            return "ur", None, letters, script
        ps, ku = len(PASHTO_LETTERS.findall(sample)), len(KURDISH_LETTERS.findall(sample))
        if max(ps, ku) >= 2 or (max(ps, ku) == 1 and letters < SHORT):
            return ("ps" if ps >= ku else "ku"), None, letters, script
        if fa != ar and (letters < SHORT or max(fa, ar) >= 3 * min(fa, ar) + 2):
            return ("fa" if fa > ar else "ar"), None, letters, script
        if letters < SHORT:
            return "ar", None, letters, script
    elif script == "latin" and letters < SHORT:
        hint = next((code for pattern, code in LATIN_HINTS if pattern.search(sample)), "en")
        return hint, None, letters, script
    return None, script, letters, script


@lru_cache(maxsize=64)
def precise_detector(languages: tuple[Language, ...]) -> LanguageDetector:
    """High-accuracy mode (1- to 5-grams) for a few candidate languages: slower to build and larger
    than trigrams, but right on the one-sentence texts a user pastes ("Iran must defend itself." is
    Dutch to trigrams). lingua keeps the models it has loaded, so another set of candidates only
    loads the languages not seen yet."""
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _precise(text: str, group: str) -> Language | None:
    """Trigrams shortlist the ``CANDIDATES`` likeliest languages of the group, then the high-accuracy
    models decide among them. Loading those models costs about 0.15 s of CPU per language, so a
    one-sentence `accord check` loads three languages instead of the whole group; on the short
    Latin-script sentences of the shared corpus the shortlist decides as the whole group does."""
    ranked = detector(group).compute_language_confidence_values(text)
    candidates = tuple(sorted((c.language for c in ranked[:CANDIDATES] if c.value > 0), key=lambda lang: lang.name))
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    return precise_detector(candidates).detect_language_of(text)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it has (almost) no letters."""
    language, group, letters, _ = _decide(text)
    if group is None:
        return language
    sample = text[:SAMPLE]
    chosen = _precise(sample, group) if letters < SENTENCE else detector(group).detect_language_of(sample)
    return _iso(chosen) or language


@lru_cache(maxsize=1)
def _function_words() -> dict[str, str]:
    """Function word -> language, from the packs' ``function_words`` (a word two packs list is neither's)."""
    from accord.press.lang import analysed_languages, pack_file  # the packs' data only, loaded once

    owner: dict[str, str | None] = {}
    for code in analysed_languages():
        for word in pack_file(code).function_words:
            word = word.lower()
            owner[word] = code if owner.get(word, code) == code else None
    return {word: code for word, code in owner.items() if code}


def _confirmed(sample: str, found: set[str]) -> str | None:
    """The language of ``sample`` when lingua has already found it in the document and the sample's
    function words leave no doubt: at least ``CONFIRM_WORDS`` of them, one word in
    ``CONFIRM_SHARE`` or more, and ``CONFIRM_LEAD`` times as many as of every other language
    together.  None sends the sample to lingua: a paragraph of another language, a mixed one,
    one of names and figures, or one in a language without a pack."""
    words = WORD.findall(sample.lower())
    table = _function_words()
    counts: Counter[str] = Counter(code for word in words if (code := table.get(word)) is not None)
    if not counts:
        return None
    (best, n), = counts.most_common(1)
    others = sum(counts.values()) - n
    if best in found and n >= CONFIRM_WORDS and n * CONFIRM_SHARE >= len(words) and n >= CONFIRM_LEAD * others:
        return best
    return None


def paragraph_languages(text: str, spans: Sequence[tuple[int, int]]) -> list[str | None]:
    """The language of each paragraph span of ``text``: lingua for the script groups it must tell
    apart, except for paragraphs that plainly continue in a language it has already found in the
    document (:func:`_confirmed`): most paragraphs of an article are in the article's language."""
    decisions = [_decide(text[start:end]) for start, end in spans]
    languages: list[str | None] = [language for language, *_ in decisions]
    pending: dict[str, list[int]] = {}
    for index, (_, group, _, _) in enumerate(decisions):
        if group is not None:
            pending.setdefault(group, []).append(index)
    for group, indices in pending.items():
        # One paragraph at a time: lingua's parallel batch gives the same answers but, for the dozen
        # paragraphs of a document, costs twice the time on thread hand-offs and takes cores that
        # the ingest's other worker processes need.
        detect = detector(group).detect_language_of
        found: set[str] = set()
        for i in indices:
            sample = text[spans[i][0] : spans[i][1]][:SAMPLE]
            language = _confirmed(sample, found) if found else None
            if language is None:
                language = _iso(detect(sample))
                if language is not None:
                    found.add(language)
            languages[i] = language
    # A heading-sized paragraph ("Conclusion", "Статус", "Analysis and Arguments") follows the
    # language of the document's longer paragraphs in the same script: trigram statistics on
    # a few words are unreliable, the document around them is not.
    weights: dict[str, Counter[str]] = {}
    for (start, end), language, (_, _, letters, script) in zip(spans, languages, decisions):
        if language and letters >= HEADING:
            weights.setdefault(script, Counter())[language] += end - start
    majority = {script: counter.most_common(1)[0][0] for script, counter in weights.items()}
    for index, (_, _, letters, script) in enumerate(decisions):
        if letters < HEADING and script in majority and languages[index] is not None:
            languages[index] = majority[script]
    return languages


def document_language(
    text: str, spans: Sequence[tuple[int, int]] | None = None, languages: Sequence[str | None] | None = None
) -> str | None:
    """The language holding most of the document's characters (paragraphs detected if not given)."""
    if spans is None:
        from accord.press.clean import split_paragraphs  # clean imports trafilatura; only needed here

        spans = split_paragraphs(text)
    if languages is None:
        languages = paragraph_languages(text, spans)
    weights: Counter[str] = Counter()
    for (start, end), language in zip(spans, languages):
        if language:
            weights[language] += end - start
    return weights.most_common(1)[0][0] if weights else None
