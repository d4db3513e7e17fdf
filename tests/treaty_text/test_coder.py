"""The provision coder on the forms treaty clauses take, in English and Russian (texts written for the tests)."""

from __future__ import annotations

import pytest

from accord.knowledge.coder import code_closing, code_paragraph, code_treaty
from accord.knowledge.text import parse_treaty_text
from accord.reasoning.text_coding import article_classes, text_types


def _codings(sentence: str, lang: str = "en"):
    parsed = parse_treaty_text(f"Article 1\n\n{sentence}\n" if lang != "ru" else f"Статья 1\n\n{sentence}\n")
    return parsed, code_paragraph(parsed.text, parsed.articles[0].paragraphs[0], lang)


def _one(sentence: str, lang: str = "en"):
    _, codings = _codings(sentence, lang)
    provisions = [c for c in codings if c.kind == "provision"]
    assert len(provisions) == 1, codings
    return provisions[0]


def test_spans_cite_the_words_they_code():
    parsed, codings = _codings("If either Party is the victim of an armed attack, the other Party shall immediately provide it with military assistance by all means at its disposal.")
    c = next(x for x in codings if x.kind == "provision")
    for cue in [c.action, c.trigger, c.bearer, c.modality_cue, *c.conditions]:
        assert parsed.text[cue.span.start:cue.span.end] == cue.span.text
    assert (c.modality, c.action.value, c.trigger.value, c.bearer.value) == ("duty", "provide_military_assistance", "armed_attack", "each_party")
    assert [x.value for x in c.conditions] == ["weapons"]


@pytest.mark.parametrize(
    "sentence, modality, action, trigger",
    [
        ("Should one Party become the object of aggression, the other Party shall not provide any military or other assistance to the aggressor.", "prohibition", "assist_aggressor", "aggression"),
        ("Each Party shall refrain from the threat or use of force against the other.", "prohibition", "use_force_against", None),
        ("The Parties shall hold consultations without delay if a threat of aggression arises against either of them.", "duty", "consult", "threat"),
        ("Neither Party shall allow the use of its territory for hostile acts against the other Party.", "prohibition", "allow_territory_use_against", None),
        ("The Parties may develop military-technical cooperation.", "permission", "military_technical_cooperation", None),
        ("The Parties will seek to expand economic cooperation.", "duty", "economic_cooperation", None),
        ("Neither Party shall join any alliance or bloc directed against the other Party.", "prohibition", "join_hostile_alliance", None),
    ],
)
def test_english_clauses(sentence, modality, action, trigger):
    c = _one(sentence)
    assert (c.modality, c.action.value, c.trigger.value if c.trigger else None) == (modality, action, trigger)


def test_best_efforts_is_told_from_shall():
    assert _one("The Parties will seek to expand economic cooperation.").binding == "best_efforts"
    assert _one("The Parties shall expand economic cooperation.").binding == "shall"


def test_a_right_of_self_defence_is_a_permission_not_a_duty_to_defend():
    c = _one("Nothing in this Treaty shall impair the right of individual or collective self-defence if an armed attack occurs.")
    assert (c.modality, c.action.value) == ("permission", "self_defence")


def test_uncodable_paragraphs_say_so_and_never_guess():
    _, codings = _codings("The boundary of the zones shall follow the river.")
    assert [c.kind for c in codings] == ["uncoded"] and "no action from the vocabulary" in codings[0].reason
    _, codings = _codings("This Treaty does not affect the rights of the Parties under other agreements.")
    assert "saving clause" in codings[0].reason
    _, codings = _codings("The friendship of the peoples is ancient.")
    assert "no duty, prohibition, permission" in codings[0].reason


@pytest.mark.parametrize(
    "sentence, kind, details",
    [
        ("This Treaty is concluded for a period of twenty years.", "term", {"years": 20}),
        ("It shall be automatically extended for successive periods of five years.", "renewal", {"years": 5, "automatic": True}),
        ("Either Party may withdraw from this Treaty by written notice; the withdrawal takes effect six months after the date of receipt of the notice.", "notice", {"months": 6}),
        ("Either Party may withdraw from this Treaty at any time.", "withdrawal", {}),
        ("This Treaty shall enter into force on the thirtieth day after the exchange of instruments of ratification.", "entry_into_force", {"rule": "exchange"}),
        ("This Treaty shall be deposited with the Secretary-General of the United Nations.", "depositary", {"depositary": "the Secretary-General of the United Nations"}),
        ("This Treaty is drawn up in the Russian, Persian and English languages, all texts being equally authentic.", "authentic_languages", {"languages": ["ru", "fa", "en"]}),
        ("In case of divergence of interpretation, the English text shall prevail.", "prevailing_text", {"language": "en"}),
    ],
)
def test_english_life_cycle_clauses(sentence, kind, details):
    _, codings = _codings(sentence)
    found = next(c for c in codings if c.lifecycle == kind)
    assert found.details == details


RUSSIAN = """ДОГОВОР О СОТРУДНИЧЕСТВЕ

Стороны согласились о нижеследующем:

Статья 1

Стороны воздерживаются от угрозы силой или ее применения в отношениях друг с другом.

Статья 2

1. В случае если одна из Сторон подвергнется агрессии, другая Сторона не оказывает агрессору никакой военной или иной помощи.
2. Стороны не допускают использования своей территории для враждебных действий против другой Стороны.

Статья 3

В случае вооруженного нападения на одну из Сторон другая Сторона незамедлительно оказывает ей военную помощь всеми имеющимися в ее распоряжении средствами.

Статья 4

Стороны проводят консультации в случае возникновения угрозы безопасности одной из Сторон.

Статья 5

Стороны развивают военно-техническое сотрудничество.

Статья 6

1. Настоящий Договор подлежит ратификации и вступает в силу с даты получения последнего письменного уведомления.
2. Настоящий Договор заключается сроком на 20 лет и автоматически продлевается на последующие пятилетние периоды, если ни одна из Сторон не уведомит другую не позднее чем за один год до истечения срока.

Совершено в Москве в двух экземплярах, каждый на русском и английском языках, причем все тексты имеют одинаковую силу.
"""


def test_russian_articles_code_like_their_english_counterparts():
    parsed = parse_treaty_text(RUSSIAN)
    coded = code_treaty(parsed, "ru")
    classes = article_classes(coded)
    assert classes[("treaty", 1)] == {"nonaggression"}
    assert classes[("treaty", 2)] == {"neutrality", "non_assistance_to_aggressor", "territory_not_used_against"}
    assert classes[("treaty", 3)] == {"defense"}
    assert classes[("treaty", 4)] == {"consultation"}
    assert classes[("treaty", 5)] == {"military_cooperation"}
    life = {c.lifecycle: c.details for c in coded[5].codings[1] if c.kind == "lifecycle"}
    assert life == {"term": {"years": 20}, "renewal": {"years": 5, "automatic": True}, "notice": {"years": 1}}
    assert next(c for c in coded[5].codings[0] if c.lifecycle == "entry_into_force").details == {"rule": "last_notification"}
    types = text_types("x", coded, "text:x")
    assert (types.defense, types.neutrality, types.nonaggression, types.consultation, types.offense) == (True, True, True, True, False)
    ins = parsed.instruments[0]
    closing = code_closing(parsed.text, ins.closing_start, ins.closing_start + len(ins.closing), "ru")
    assert [(c.lifecycle, c.details) for c in closing] == [("authentic_languages", {"languages": ["ru", "en"]})]


FRENCH = """TRAITÉ D'AMITIÉ

Les Hautes Parties contractantes sont convenues de ce qui suit :

Article premier

Les Parties s'abstiennent de recourir à la menace ou à l'emploi de la force dans leurs relations mutuelles.

Article 2

1. Si l'une des Parties est victime d'une agression, l'autre Partie ne fournit aucune aide ou assistance à l'agresseur.
2. Les Parties se consultent sans délai en cas de menace contre la sécurité de l'une d'elles.

Article 3

Le présent traité est conclu pour une durée de dix ans. Il sera prorogé tacitement pour des périodes successives de cinq ans.

Fait à Paris en deux exemplaires, en langues française et russe, les deux textes faisant également foi.
"""


def test_french_articles_code_like_their_english_counterparts():
    parsed = parse_treaty_text(FRENCH)
    coded = code_treaty(parsed, "fr")
    classes = article_classes(coded)
    assert classes[("treaty", 1)] == {"nonaggression"}
    assert classes[("treaty", 2)] == {"neutrality", "non_assistance_to_aggressor", "consultation"}
    consult = next(c for c in coded[1].codings[1] if c.kind == "provision")
    assert consult.trigger.value == "threat"
    life = {c.lifecycle: c.details for c in coded[2].codings[0] if c.kind == "lifecycle"}
    assert life == {"term": {"years": 10}, "renewal": {"years": 5, "automatic": True}}
    ins = parsed.instruments[0]
    closing = code_closing(parsed.text, ins.closing_start, ins.closing_start + len(ins.closing), "fr")
    assert [(c.lifecycle, c.details) for c in closing] == [("authentic_languages", {"languages": ["fr", "ru"]})]


SPANISH = """TRATADO DE AMISTAD

Las Altas Partes Contratantes han convenido lo siguiente:

Artículo 1°

Las Partes se abstendrán de recurrir a la amenaza o al uso de la fuerza en sus relaciones mutuas.

Artículo 2°

1. En caso de ataque armado contra una de las Partes, la otra Parte le prestará asistencia militar con todos los medios a su alcance.
2. Ninguna de las Partes prestará ayuda al agresor en caso de agresión contra la otra Parte.

Artículo 3°

El presente Tratado tendrá una vigencia de veinte años y se prorrogará automáticamente por períodos sucesivos de cinco años.

Hecho en Madrid en dos ejemplares, en los idiomas español y ruso, siendo ambos textos igualmente auténticos.
"""


def test_spanish_articles_code_like_their_english_counterparts():
    parsed = parse_treaty_text(SPANISH)
    assert [a.number for a in parsed.articles] == [1, 2, 3]
    coded = code_treaty(parsed, "es")
    classes = article_classes(coded)
    assert classes[("treaty", 1)] == {"nonaggression"}
    assert classes[("treaty", 2)] == {"defense", "neutrality", "non_assistance_to_aggressor"}
    life = {c.lifecycle: c.details for c in coded[2].codings[0] if c.kind == "lifecycle"}
    assert life == {"term": {"years": 20}, "renewal": {"years": 5, "automatic": True}}
    ins = parsed.instruments[0]
    closing = code_closing(parsed.text, ins.closing_start, ins.closing_start + len(ins.closing), "es")
    assert [(c.lifecycle, c.details) for c in closing] == [("authentic_languages", {"languages": ["es", "ru"]})]
