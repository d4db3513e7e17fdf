"""Synthetic coverage in several languages for the multilingual benchmark (bench_pipeline.py multilingual).

One grammar per language, registered in ``GRAMMARS``: adding a language to the benchmark is
adding its grammar (a ``Grammar`` of sentence templates and slot words), nothing else.  English
and Russian reuse ``gen_corpus`` (its documents with the share of Russian set to 0 or 1); the
others are written here, in our own words: a few sentences the claim extractor acts on
(signing, term, articles, mutual defence denied, domains, ratification) spread among filler
from a small grammar with coined company and place names, so that documents overlap little.
Generation is deterministic: document ``i`` of a language depends only on the seed and ``i``.

    .venv/bin/python bench/gen_multilingual.py --lang de --docs 2 --words 300   # print samples
    .venv/bin/python bench/gen_multilingual.py --mixed /tmp/mixed.jsonl --docs 100000   # a mixed-language stream for
        bench_pipeline.py ingest --corpus (languages in turn, 1,000 words each)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_corpus  # noqa: E402


@dataclass(frozen=True)
class Grammar:
    """Templates (``{slot}`` placeholders) and the words that fill them, for one language."""

    claims: list[str]
    filler: list[str]
    slots: dict[str, list[str]] = field(default_factory=dict)
    headline: list[str] = field(default_factory=list)

    def fill(self, template: str, rng: random.Random) -> str:
        values = {name: rng.choice(words) for name, words in self.slots.items()}
        values["coined"] = gen_corpus._coined(rng).capitalize()
        values["n"] = str(rng.randint(3, 900))
        return template.format(**values)


GRAMMARS: dict[str, Grammar] = {
    "de": Grammar(
        headline=["Russland und Iran besiegeln ihre Partnerschaft", "Was der Vertrag zwischen Moskau und Teheran ändert"],
        claims=["Putin und Peseschkian unterzeichneten den Vertrag am 17. Januar 2025 in Moskau.",
                "Das Abkommen gilt für die nächsten 20 Jahre und umfasst 47 Artikel.",
                "Ein Militärbündnis sieht der Vertrag nicht vor.",
                "Die Zusammenarbeit erstreckt sich auf Bereiche wie {domain} und {domain2}.",
                "Die Staatsduma hat den Vertrag im April ratifiziert.",
                "Beide Seiten wollen ihre Zahlungssysteme miteinander verbinden."],
        filler=["{source} zufolge sind die Preise für {commodity} in {city} um {n} Prozent gestiegen.",
                "Die Firma {coined} will in {city} ein neues Lager eröffnen, sagte {source}.",
                "Auf der Fähre {coined} warteten am Dienstag {n} Lastwagen auf die Abfertigung.",
                "Händler in {city} klagen über lange Wartezeiten an der Grenze.",
                "Nach Angaben von {source} wurden im Sommer {n} Waggons mit {commodity} verladen."],
        slots={"domain": ["Energie", "Verkehr", "Kultur", "Wissenschaft"], "domain2": ["Bildung", "Landwirtschaft", "Gesundheit"],
               "commodity": ["Weizen", "Zement", "Stahlrohre", "Dünger", "Holz"],
               "city": ["Kasan", "Astrachan", "Täbris", "Rascht", "Wolgograd"],
               "source": ["einem Händler", "der Hafenverwaltung", "einem Analysten", "örtlichen Medien"]},
    ),
    "fr": Grammar(
        headline=["La Russie et l'Iran scellent leur partenariat", "Ce que change le traité entre Moscou et Téhéran"],
        claims=["Vladimir Poutine et Massoud Pezeshkian ont signé le traité le 17 janvier 2025 à Moscou.",
                "L'accord est conclu pour 20 ans et compte 47 articles.",
                "Le texte ne constitue pas une alliance militaire.",
                "La coopération couvre des domaines comme {domain} et {domain2}.",
                "La Douma a ratifié le traité en avril.",
                "Les deux pays veulent relier leurs systèmes de paiement."],
        filler=["Selon {source}, le prix {commodity} a augmenté de {n} % à {city}.",
                "La société {coined} compte ouvrir un entrepôt à {city}, a indiqué {source}.",
                "Mardi, {n} camions attendaient le ferry {coined} au port.",
                "Les commerçants de {city} se plaignent des files d'attente à la frontière.",
                "D'après {source}, {n} wagons de marchandises ont été chargés cet été."],
        slots={"domain": ["l'énergie", "les transports", "la culture", "la science"], "domain2": ["l'éducation", "l'agriculture", "la santé"],
               "commodity": ["du blé", "du ciment", "de l'acier", "des engrais"],
               "city": ["Kazan", "Astrakhan", "Tabriz", "Racht", "Volgograd"],
               "source": ["un négociant", "l'autorité portuaire", "un analyste", "la presse locale"]},
    ),
    "es": Grammar(
        headline=["Rusia e Irán sellan su asociación", "Qué cambia el tratado entre Moscú y Teherán"],
        claims=["Putin y Pezeshkian firmaron el tratado el 17 de enero de 2025 en Moscú.",
                "El acuerdo tiene una duración de 20 años y consta de 47 artículos.",
                "El texto no contempla una alianza militar.",
                "La cooperación abarca ámbitos como {domain} y {domain2}.",
                "La Duma ratificó el tratado en abril."],
        filler=["Según {source}, el precio {commodity} subió un {n} % en {city}.",
                "La empresa {coined} abrirá un almacén en {city}, dijo {source}.",
                "El martes, {n} camiones esperaban el transbordador {coined} en el puerto.",
                "Los comerciantes de {city} se quejan de las colas en la frontera."],
        slots={"domain": ["la energía", "el transporte", "la cultura"], "domain2": ["la educación", "la agricultura", "la salud"],
               "commodity": ["del trigo", "del cemento", "del acero"], "city": ["Kazán", "Astracán", "Tabriz", "Rasht"],
               "source": ["un comerciante", "la autoridad portuaria", "un analista"]},
    ),
    "pt": Grammar(
        headline=["Rússia e Irã selam parceria", "O que muda o tratado entre Moscou e Teerã"],
        claims=["Putin e Pezeshkian assinaram o tratado em 17 de janeiro de 2025 em Moscou.",
                "O acordo vale por 20 anos e é composto por 47 artigos.",
                "O texto não prevê uma aliança militar.",
                "A cooperação abrange áreas como {domain} e {domain2}.",
                "A Duma ratificou o tratado em abril."],
        filler=["Segundo {source}, o preço {commodity} subiu {n} % em {city}.",
                "A empresa {coined} vai abrir um armazém em {city}, disse {source}.",
                "Na terça-feira, {n} caminhões esperavam a balsa {coined} no porto.",
                "Comerciantes de {city} reclamam das filas na fronteira."],
        slots={"domain": ["energia", "transporte", "cultura"], "domain2": ["educação", "agricultura", "saúde"],
               "commodity": ["do trigo", "do cimento", "do aço"], "city": ["Kazan", "Astracã", "Tabriz", "Rasht"],
               "source": ["um comerciante", "a autoridade portuária", "um analista"]},
    ),
    "ar": Grammar(
        headline=["روسيا وإيران توقعان معاهدة شراكة", "ماذا تغير المعاهدة بين موسكو وطهران"],
        # both sets of month names, Arabic-Indic or Western digits, vowel marks on some verbs, clitics
        claims=["{sign_verb} الرئيس الروسي فلاديمير بوتين ونظيره الإيراني مسعود بزشكيان المعاهدة {place} {sign_date}.",
                "تمتد المعاهدة لمدة {term} وتتضمن {articles} مادة.",
                "{md_denied}",
                "يشمل التعاون مجالات مثل {domain} و{domain2}.",
                "صادق {body} على المعاهدة في {month}.",
                "ولا تنص المعاهدة على تقديم أي مساعدة للمعتدي في حال تعرض أحد الطرفين لهجوم."],
        filler=["قال {source} إن أسعار {commodity} ارتفعت بنسبة {n} في المئة في {city}.",
                "تعتزم شركة {coined} افتتاح مستودع جديد في {city}.",
                "انتظرت {n} شاحنة العبارة {coined} في الميناء يوم الثلاثاء.",
                "يشكو التجار في {city} من طول الانتظار على الحدود."],
        slots={"domain": ["الطاقة", "النقل", "الثقافة", "السياحة"], "domain2": ["التعليم", "الزراعة", "الصحة", "العلوم"],
               "commodity": ["القمح", "الإسمنت", "الصلب"], "city": ["قازان", "أستراخان", "تبريز", "رشت"],
               "source": ["تاجر", "مسؤول في الميناء", "محلل اقتصادي"],
               "sign_verb": ["وقع", "وقّع", "ووقّع"], "place": ["في موسكو", "في العاصمة موسكو", "بموسكو"],
               "sign_date": ["يوم 17 يناير 2025", "في ١٧ كانون الثاني ٢٠٢٥", "في 17 يناير/كانون الثاني 2025"],
               "term": ["20 عاما", "عشرين عاماً"], "articles": ["47", "٤٧"],
               "md_denied": ["لا تنص المعاهدة على تحالف عسكري بين البلدين.", "ولا تتضمّن الاتفاقية أي بند للدفاع المشترك.",
                             "وأكد المسؤولون أن المعاهدة ليست تحالفاً عسكرياً."],
               "body": ["مجلس الدوما الروسي", "مجلس الاتحاد الروسي", "مجلس الشورى الإيراني"],
               "month": ["أبريل", "نيسان", "مايو"]},
    ),
    "fa": Grammar(
        headline=["ایران و روسیه پیمان مشارکت امضا کردند", "معاهده تهران و مسکو چه چیزی را تغییر می‌دهد"],
        # Solar Hijri and Gregorian dates, Persian or Arabic-Indic digits, with and without the
        # zero-width non-joiner, the negation at the end of the clause
        claims=["ولادیمیر پوتین و مسعود پزشکیان این معاهده را {sign_date} در مسکو {sign_verb}.",
                "این معاهده برای مدت {term} منعقد شده و {articles} ماده دارد.",
                "{md_denied}",
                "همکاری‌ها حوزه‌هایی مانند {domain} و {domain2} را در بر می‌گیرد.",
                "مجلس شورای اسلامی این معاهده را {ratify_date} تصویب کرد.",
                "این معاهده از {force_date} رسماً {in_force}."],
        filler=["به گفته {source} قیمت {commodity} در {city} {n} درصد افزایش یافت.",
                "شرکت {coined} قصد دارد انبار تازه‌ای در {city} باز کند.",
                "روز سه‌شنبه {n} کامیون در بندر منتظر کشتی {coined} بودند.",
                "بازرگانان {city} از صف‌های طولانی در مرز گلایه دارند."],
        slots={"domain": ["انرژی", "حمل و نقل", "فرهنگ", "گردشگری"], "domain2": ["آموزش", "کشاورزی", "بهداشت", "فناوری"],
               "commodity": ["گندم", "سیمان", "فولاد"], "city": ["کازان", "آستراخان", "تبریز", "رشت"],
               "source": ["یک بازرگان", "مسئول بندر", "یک تحلیلگر"],
               "sign_date": ["در ۲۸ دی ۱۴۰۳", "در 28 دی‌ماه 1403", "در ٢٨ دی ١٤٠٣", "در ۱۷ ژانویه ۲۰۲۵"],
               "sign_verb": ["امضا کردند", "به امضا رساندند", "امضا كردند"],
               "term": ["۲۰ سال", "بیست سال"], "articles": ["۴۷", "47", "چهل و هفت"],
               "md_denied": ["این معاهده اتحاد نظامی نیست.", "این توافق‌نامه شامل بند دفاع متقابل نمی‌شود.",
                             "طرفین در صورت حمله به یکی از دو کشور ملزم به کمک نظامی نیستند."],
               "ratify_date": ["روز چهارشنبه ۳۱ اردیبهشت", "در اردیبهشت‌ماه ۱۴۰۴", ""],
               "force_date": ["۱۰ مهر ۱۴۰۴", "دهم مهرماه ۱۴۰۴"], "in_force": ["لازم‌الاجرا شد", "وارد فاز اجرایی شد"]},
    ),
}


def _from_grammar(lang: str, index: int, *, seed: int, words: int) -> dict:
    grammar = GRAMMARS[lang]
    rng = random.Random(f"{seed}:{lang}:{index}")
    pending = [grammar.fill(t, rng) for t in rng.sample(grammar.claims, k=max(2, len(grammar.claims) - 1))]
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < words:
        if pending and rng.random() < 0.4:
            paragraphs.append(pending.pop())
        else:
            paragraphs.append(" ".join(grammar.fill(rng.choice(grammar.filler), rng) for _ in range(rng.randint(3, 6))))
    paragraphs += pending
    text = "\n\n".join([rng.choice(grammar.headline), *paragraphs])
    return {"id": f"syn-{lang}-{index:06d}", "url": f"https://example.org/{lang}/{index}", "text": text,
            "published": "2025-01-20", "outlet": "Synthetic", "lang": lang}


def _from_gen_corpus(lang: str) -> Callable[..., dict]:
    def make(index: int, *, seed: int, words: int) -> dict:
        record = gen_corpus.document(index, seed=seed, words=words, ru_share=1.0 if lang == "ru" else 0.0, dup_share=0.0)
        return {**record, "id": f"syn-{lang}-{index:06d}"}
    return make


GENERATORS: dict[str, Callable[..., dict]] = {
    "en": _from_gen_corpus("en"), "ru": _from_gen_corpus("ru"),
    **{lang: (lambda index, *, seed, words, lang=lang: _from_grammar(lang, index, seed=seed, words=words)) for lang in GRAMMARS},
}


def documents(lang: str, count: int, *, seed: int = 1, words: int = 1000) -> list[dict]:
    return [GENERATORS[lang](i, seed=seed, words=words) for i in range(count)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=sorted(GENERATORS))
    parser.add_argument("--mixed", type=Path, help="write a JSON Lines stream of every language in turn")
    parser.add_argument("--docs", type=int, default=1)
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args(argv)
    if args.mixed:
        langs = sorted(GENERATORS)
        with args.mixed.open("w", encoding="utf-8") as out:
            for i in range(args.docs):  # streamed: nothing is kept in memory
                record = GENERATORS[langs[i % len(langs)]](i // len(langs), seed=1, words=args.words)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    if not args.lang:
        parser.error("--lang or --mixed is required")
    for doc in documents(args.lang, args.docs, words=args.words):
        print(doc["text"], end="\n\n----\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
