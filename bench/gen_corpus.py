"""Generate a large synthetic corpus of treaty coverage for the press-pipeline benchmarks.

    .venv/bin/python bench/gen_corpus.py OUT.jsonl [--docs 100000] [--words 1000] [--seed 1]
        [--ru-share 0.35] [--dup-share 0.05] [--files-dir DIR --txt-files 50 --html-files 50]

Writes one JSON object per line, ``{"id", "url", "text", "published", "outlet", "lang"}``,
the shape ``accord ingest`` and ``read_paths`` read.  The prose is written here, from
templates with randomised wording, figures, dates, names and outlets; no press text is
copied.  Each document mixes

* sentences that the claim extractor should act on: signing date, place and signatories,
  the 20-year term and its renewal, the 47 articles, mutual defence denied or (by a
  commentator) asserted, ratification steps, entry into force, the 2001 treaty replaced,
  cooperation domains, non-assistance to an aggressor, sanctions and payment systems —
  mostly right, sometimes wrong (a 25-year term, 45 articles, signed in Tehran), so all
  verdicts occur;
* filler from a small grammar — sources, quotes, shipments, prices, facilities — with coined
  company, village and ferry names, so that unrelated documents share few word triples
  (mean 3-shingle Jaccard about 0.14; unrelated real articles share a few hundredths,
  fixed sentences would share a quarter and make every document a near-duplicate
  candidate of every other);
* page furniture the cleaner should drop ("Subscribe to our newsletter", share bars,
  "Read more" lists, cookie notices) and an editor's e-mail and phone to redact.

About ``--dup-share`` of the documents are near duplicates of an earlier one (a
re-published wire story: new headline, outlet and id, a paragraph dropped or reworded).

Generation is deterministic and streaming: document ``i`` depends only on the seed and
``i`` (a near duplicate re-creates its original from the original's index), so nothing
is kept in memory and any slice of the corpus can be re-created on its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import sys
from pathlib import Path
from typing import Iterator

# --- vocabulary -------------------------------------------------------------------------------

OUTLETS = {  # fictional outlets on the reserved .example top-level domain
    "en": [("The Meridian Ledger", "meridian-ledger.example"), ("Caspian Observer", "caspian-observer.example"),
           ("Northgate Herald", "northgate-herald.example"), ("Eurasia Wire", "eurasia-wire.example"),
           ("The Daily Compass", "daily-compass.example"), ("Harbour & Steppe", "harbour-steppe.example")],
    "ru": [("Вестник Прикаспия", "vestnik-prikaspiya.example"), ("Северный курьер", "severny-kurier.example"),
           ("Деловая панорама", "delovaya-panorama.example"), ("Восточный обозреватель", "vostochny-obozrevatel.example")],
}
FIRST_NAMES_EN = ["Anna", "Daniel", "Farid", "Grace", "Hamid", "Irina", "James", "Leila", "Marco", "Nadia", "Oliver",
                  "Parisa", "Ruth", "Samir", "Tomas", "Vera", "Yusuf", "Zara", "Elena", "Karim", "Sofia", "Arash"]
LAST_NAMES_EN = ["Alder", "Brannock", "Castellan", "Dorsey", "Everly", "Farrow", "Galloway", "Hartwell", "Ingram",
                 "Jessup", "Kowal", "Lindqvist", "Marlowe", "Norcross", "Okafor", "Pemberton", "Quayle", "Rasmussen",
                 "Sterling", "Thorne", "Varga", "Whitlock", "Yardley", "Zeller"]
ROLES_EN = ["a senior fellow", "a research director", "an associate professor", "a former diplomat", "an energy analyst",
            "a regional economist", "a security researcher", "a trade consultant"]
INSTITUTES_EN = ["Institute for Regional Studies", "Centre for Eurasian Policy", "Caspian Research Forum",
                 "School of International Affairs", "Council on Transit Economies", "Bureau of Strategic Analysis"]
ROLES_RU = ["ведущий научный сотрудник", "руководитель отдела", "доцент кафедры международных отношений",
            "бывший дипломат", "аналитик энергетического рынка", "эксперт по региональной экономике"]
INSTITUTES_RU = ["Института региональных исследований", "Центра евразийской политики", "Прикаспийского аналитического форума",
                 "Школы международных отношений", "Совета по транзитной экономике"]

EN_TOPICS = ["the North–South transport corridor", "grain and sunflower oil shipments", "a gas swap arrangement via third countries",
             "the Rasht–Astara railway section", "tourist flows across the Caspian", "settlement of contracts in roubles and rials",
             "pharmaceutical supply chains", "the upgrade of the port of Astrakhan", "car assembly plants near Tehran",
             "insurance for tankers", "a joint wheat exchange", "flights between Kazan and Mashhad", "steel and copper exports"]
EN_FACTORS = ["freight tariffs on the western route", "the pace of customs digitisation", "currency volatility",
              "the availability of rolling stock", "investor appetite in the Gulf", "seasonal demand for grain",
              "the cost of marine insurance", "how quickly the border crossings are modernised", "banking compliance costs"]
EN_VERBS = ["would depend on", "was still constrained by", "could be reshaped by", "remained sensitive to", "hinged largely on"]
EN_OPENERS = ["Meanwhile,", "In the markets,", "On the ground,", "Away from the ceremony,", "For business,", "Behind the headlines,",
              "Beyond diplomacy,", "In practical terms,"]
EN_SCENES = ["Officials walked reporters through a long list of road, rail and port projects",
             "Delegations spent the afternoon in closed-door meetings with regional governors",
             "Exporters in the Volga region said orders had picked up over the summer",
             "Freight forwarders complained about queues of trucks at the border crossings",
             "Several banks said they were still testing the new settlement channels",
             "Shipping agents in the Caspian ports reported a busy quarter",
             "Chambers of commerce on both sides organised a joint business forum",
             "Customs officers described a pilot project for electronic declarations"]
EN_CLOSERS = ["Few expect quick results.", "The figures are still modest by regional standards.",
              "Observers cautioned that announcements often run ahead of delivery.", "Much will depend on financing.",
              "Details of the projects have not been published.", "Both sides called the talks constructive."]
RU_TOPICS = ["международный транспортный коридор «Север — Юг»", "поставки зерна и подсолнечного масла", "своп-поставки газа через третьи страны",
             "участок железной дороги Решт — Астара", "турпоток через Каспий", "расчёты в рублях и риалах",
             "цепочки поставок лекарств", "модернизация порта Астрахани", "сборка автомобилей под Тегераном",
             "страхование танкеров", "совместная зерновая биржа", "авиасообщение между Казанью и Мешхедом"]
RU_FACTORS = ["тарифов на западном маршруте", "темпов цифровизации таможни", "колебаний курсов", "наличия подвижного состава",
              "сезонного спроса на зерно", "стоимости морского страхования", "скорости модернизации пограничных переходов"]
RU_OPENERS = ["Между тем", "На практике", "В деловых кругах", "Вдали от церемонии", "За кулисами переговоров", "На рынках"]
RU_SCENES = ["чиновники подробно рассказали журналистам о дорожных, железнодорожных и портовых проектах",
             "делегации провели несколько закрытых встреч с губернаторами регионов",
             "экспортёры Поволжья отметили рост заказов за лето",
             "экспедиторы жаловались на очереди грузовиков на пограничных переходах",
             "банки продолжают тестировать новые каналы расчётов",
             "судоходные агенты в каспийских портах отчитались о загруженном квартале"]
RU_CLOSERS = ["Быстрых результатов мало кто ждёт.", "По региональным меркам цифры пока скромные.",
              "Наблюдатели предупреждают, что заявления нередко опережают реальные дела.", "Многое будет зависеть от финансирования.",
              "Подробности проектов не раскрываются.", "Обе стороны назвали переговоры конструктивными."]

DOMAINS_EN = ["energy", "transport", "finance", "culture", "science", "education", "health", "tourism", "agriculture",
              "industry", "information security", "counter-terrorism", "environment", "the Caspian Sea", "media", "sport"]
DOMAINS_RU = ["энергетики", "транспорта", "финансов", "культуры", "науки", "образования", "здравоохранения", "туризма",
              "сельского хозяйства", "промышленности", "информационной безопасности", "борьбы с терроризмом", "экологии", "спорта"]
COMPARATORS_EN = ["North Korea", "Belarus", "NATO", "the CSTO"]
COMPARATORS_RU = ["КНДР", "Белоруссией", "НАТО", "ОДКБ"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MONTHS_RU_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
FIRST_PUBLISHED = dt.date(2025, 1, 18)
LAST_PUBLISHED = dt.date(2025, 12, 31)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _date_en(day: dt.date, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.5:
        return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
    if style < 0.85:
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{MONTHS_EN[day.month - 1]} {day.day}"


def _date_ru(day: dt.date, rng: random.Random) -> str:
    return f"{day.day} {MONTHS_RU_GENITIVE[day.month - 1]}" + (f" {day.year} года" if rng.random() < 0.8 else "")


class _Facts:
    """What one document asserts about the treaty: mostly the catalog's facts, sometimes a plausible error."""

    def __init__(self, rng: random.Random):
        wrong = lambda: rng.random() < 0.12  # noqa: E731 - reads as prose below
        self.signed = dt.date(2025, 1, 16) if wrong() else dt.date(2025, 1, 17)
        self.place_en, self.place_ru = ("Tehran", "в Тегеране") if wrong() else rng.choice(
            [("Moscow", "в Москве"), ("the Kremlin", "в Кремле")])
        self.term = rng.choice([25, 10]) if wrong() else 20
        self.articles = rng.choice([45, 40, 50]) if wrong() else 47
        self.duma = dt.date(2025, 4, rng.choice([8, 9])) if wrong() else dt.date(2025, 4, 8)
        self.majlis = dt.date(2025, 5, 21)
        self.in_force = dt.date(2025, 10, 2)
        self.comparator = rng.randrange(len(COMPARATORS_EN))
        self.domains = rng.sample(range(len(DOMAINS_RU)), 5)


# --- English -----------------------------------------------------------------------------------

def _person_en(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES_EN)} {rng.choice(LAST_NAMES_EN)}"


def _claims_en(rng: random.Random, f: _Facts) -> list[str]:
    """Sentences that carry treaty facts, in random order and wording."""
    domains = [DOMAINS_EN[i] for i in f.domains]
    person = _person_en(rng)
    sentences = [
        rng.choice([
            f"Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed the Treaty on Comprehensive "
            f"Strategic Partnership in {f.place_en} on {_date_en(f.signed, rng)}.",
            f"The treaty was signed in {f.place_en} on {_date_en(f.signed, rng)} by Vladimir Putin and Masoud Pezeshkian.",
            f"Putin and Pezeshkian inked the comprehensive strategic partnership treaty on {_date_en(f.signed, rng)} during a visit to {f.place_en}.",
        ]),
        rng.choice([
            f"The agreement is concluded for {f.term} years and will be automatically extended for five-year periods unless either side objects.",
            f"The treaty, valid for {f.term} years, can be extended by mutual consent.",
            f"Iran and Russia agreed on a {f.term}-year partnership that renews automatically.",
        ]),
        rng.choice([
            f"The document consists of {f.articles} articles covering {', '.join(domains[:-1])} and {domains[-1]}.",
            f"Its {f.articles} articles set out cooperation in fields such as {', '.join(domains[:3])}.",
        ]),
        rng.choice([
            f"Unlike the treaty with {COMPARATORS_EN[f.comparator]}, the new agreement does not contain a mutual defence clause, officials stressed.",
            f"Foreign Ministry spokesman {person} said the treaty does not create a military alliance and is not directed against third countries.",
            "The Iranian side insisted that the pact is not a mutual defence pact but a framework for wide cooperation.",
        ]),
        rng.choice([
            f"The parties undertake not to provide any military or other assistance to an aggressor that attacks either of them.",
            f"Each side commits not to allow its territory to be used for aggression against the other, {person} noted.",
        ]),
        rng.choice([
            f"The State Duma ratified the treaty on {_date_en(f.duma, rng)}, and the Federation Council approved it a week later.",
            f"Iran's parliament approved the treaty on {_date_en(f.majlis, rng)} after a closed session.",
            f"The Majlis ratified the agreement in May, according to {person}.",
        ]),
        rng.choice([
            f"The treaty entered into force on {_date_en(f.in_force, rng)}, thirty days after the last notification.",
            "It comes into force 30 days after the last written notification that both sides have completed domestic procedures.",
            "The agreement is subject to ratification by both parliaments.",
        ]),
        rng.choice([
            "The new agreement replaces the 2001 Treaty on the Foundations of Relations between the two countries.",
            "Both countries committed to oppose unilateral sanctions and to link their national payment systems.",
            "The sides will expand intelligence sharing and military-technical cooperation, including joint exercises.",
        ]),
    ]
    if rng.random() < 0.3:  # a commentator's overstatement, the classic contradicted claim
        sentences.append(f"{_person_en(rng)}, a commentator on regional television, called the agreement a de facto military alliance.")
    rng.shuffle(sentences)
    return sentences


def _filler_paragraph_en(rng: random.Random) -> str:
    return " ".join(_filler_sentence_en(rng) for _ in range(rng.randint(3, 6)))


def _furniture_en(rng: random.Random) -> list[str]:
    pieces = []
    if rng.random() < 0.5:
        pieces.append("Subscribe to our newsletter")
    if rng.random() < 0.4:
        pieces.append("Share this article: Facebook | Twitter | Telegram | WhatsApp")
    if rng.random() < 0.2:
        pieces += ["Read more:", f"{_sentence_case(rng.choice(EN_TOPICS))} faces delays", f"Markets react to the {rng.choice(EN_FACTORS)}"]
    if rng.random() < 0.15:
        pieces.append("We use cookies to improve your experience. By continuing browsing you accept our cookie policy.")
    return pieces


def _contact_en(rng: random.Random, domain: str) -> str:
    first, last = rng.choice(FIRST_NAMES_EN), rng.choice(LAST_NAMES_EN)
    return (f"Questions about this story can be sent to {first.lower()}.{last.lower()}@{domain} "
            f"or by phone to +44 20 7946 0{rng.randint(100, 999)}.")


# --- Russian -----------------------------------------------------------------------------------

def _claims_ru(rng: random.Random, f: _Facts) -> list[str]:
    domains = [DOMAINS_RU[i] for i in f.domains]
    person = _person_ru(rng)
    term_words = {20: "20", 25: "25", 10: "10"}[f.term]
    sentences = [
        rng.choice([
            f"Президенты России и Ирана Владимир Путин и Масуд Пезешкиан подписали Договор о всеобъемлющем стратегическом "
            f"партнёрстве {f.place_ru} {_date_ru(f.signed, rng)}.",
            f"Договор был подписан {_date_ru(f.signed, rng)} {f.place_ru}.",
        ]),
        rng.choice([
            f"Договор заключён сроком на {term_words} лет с автоматическим продлением на последующие пятилетние периоды.",
            f"Документ будет действовать {term_words} лет.",
        ]),
        rng.choice([
            f"Документ состоит из {f.articles} статей и предусматривает сотрудничество в сферах {', '.join(domains[:-1])} и {domains[-1]}.",
            f"В {f.articles} статьях договора закреплено взаимодействие в области {domains[0]} и {domains[1]}.",
        ]),
        rng.choice([
            f"В отличие от договора с {COMPARATORS_RU[f.comparator]}, новое соглашение не предусматривает взаимной обороны.",
            f"Как подчеркнул {person}, договор не создаёт военного союза и не направлен против третьих стран.",
        ]),
        rng.choice([
            "Стороны обязуются не оказывать агрессору никакой военной или иной помощи.",
            "Каждая из сторон обязуется не допускать использования своей территории для агрессии против другой стороны.",
        ]),
        rng.choice([
            f"Госдума ратифицировала договор {_date_ru(f.duma, rng)}, а Совет Федерации одобрил его через неделю.",
            f"Меджлис Ирана одобрил договор {_date_ru(f.majlis, rng)}.",
        ]),
        rng.choice([
            f"Договор вступил в силу {_date_ru(f.in_force, rng)}.",
            "Договор вступает в силу через 30 дней после получения последнего письменного уведомления.",
        ]),
        rng.choice([
            "Новый договор заменит договор 2001 года об основах взаимоотношений.",
            "Стороны намерены противодействовать односторонним санкциям и связать национальные платёжные системы.",
        ]),
    ]
    if rng.random() < 0.3:
        sentences.append(f"{_person_ru(rng)}, комментатор регионального телеканала, назвал соглашение фактически военным союзом.")
    rng.shuffle(sentences)
    return sentences


def _filler_paragraph_ru(rng: random.Random) -> str:
    return " ".join(_filler_sentence_ru(rng) for _ in range(rng.randint(3, 6)))


def _furniture_ru(rng: random.Random) -> list[str]:
    pieces = []
    if rng.random() < 0.5:
        pieces.append("Подпишитесь на нашу рассылку")
    if rng.random() < 0.4:
        pieces.append("Поделиться: ВКонтакте | Telegram | Одноклассники")
    if rng.random() < 0.2:
        pieces += ["Читайте также:", f"{_sentence_case(rng.choice(RU_TOPICS))}: сроки сдвигаются", "Рынки ждут новых решений"]
    return pieces


def _contact_ru(rng: random.Random, domain: str) -> str:
    return (f"Вопросы по материалу можно направить по адресу redakciya{rng.randint(1, 99)}@{domain} "
            f"или по телефону +7 (495) 555-{rng.randint(10, 99)}-{rng.randint(10, 99)}.")


# --- filler: a small grammar with coined names, so that unrelated documents share few word triples
# (a corpus of fixed sentences would make every document a near-duplicate candidate of every other) ---

SYLLABLES = ["ka", "lo", "ver", "mi", "dan", "sor", "te", "ril", "ba", "zan", "or", "vel", "ta", "nik", "os", "ra", "mer",
             "lin", "gor", "sa", "ven", "tu", "ar", "el", "bru", "kes", "dor", "fa", "lum", "pra"]
TRANSLIT = {"a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "i": "и", "k": "к", "l": "л", "m": "м", "n": "н",
            "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "z": "з"}


def _coined(rng: random.Random, russian: bool = False) -> str:
    """A made-up proper name ("Velordan", «Велордан»): companies, villages and ships nobody has heard of."""
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    if russian:
        word = "".join(TRANSLIT[ch] for ch in word)
    return word.capitalize()


CITIES_EN = ["Kazan", "Isfahan", "Astrakhan", "Tabriz", "Makhachkala", "Rasht", "Bandar Anzali", "Volgograd", "Saratov",
             "Orenburg", "Derbent", "Bandar Abbas", "Samara", "Ulyanovsk", "Penza", "Elista", "Mashhad", "Qazvin", "Shiraz",
             "Yazd", "Nizhny Novgorod", "Ufa", "Perm", "Gorgan", "Sari"]
COMMODITIES_EN = ["wheat", "barley", "sunflower oil", "urea", "cement", "steel pipes", "timber", "paper", "fertiliser",
                  "spare parts", "tyres", "citrus fruit", "pistachios", "dried apricots", "polymers", "copper cathodes",
                  "methanol", "saffron", "black tea", "rice", "lentils", "cotton", "glassware", "ceramic tiles", "medicines"]
UNITS_EN = ["tonnes", "containers", "wagons", "truckloads", "pallets", "barrels"]
TRENDS_EN = ["rose", "fell", "slipped", "jumped", "stalled", "doubled", "recovered", "edged up", "plunged", "held steady"]
PERIODS_EN = ["in the first quarter", "over the summer", "year on year", "in the past six weeks", "compared with last spring",
              "since the harvest", "in the autumn", "over the winter months", "in the second half of the year", "last month"]
FACILITIES_EN = ["warehouse", "grain terminal", "cold-storage depot", "assembly line", "rail siding", "bonded zone",
                 "container yard", "fuel depot", "packing plant", "repair shop"]
ACTIONS_EN = ["open", "expand", "modernise", "relocate", "double the capacity of", "lease", "sell a stake in", "rebuild"]
SPEECH_EN = ["said", "noted", "argued", "warned", "estimated", "reported", "told a local newspaper", "wrote in a research note",
             "predicted", "suggested", "conceded", "insisted", "told listeners of a regional radio station"]
SERVICES_EN = ["insuring a tanker", "renting a wagon", "hiring a truck", "storing grain", "clearing customs",
               "chartering a vessel", "warehousing cotton", "shipping a refrigerated container"]
EVENTS_EN = ["the harvest", "the new tariff schedule", "the rouble's slide", "a cold snap", "the holiday season",
             "a change in customs rules", "the spring floods", "a strike at the ferry terminal", "the fuel price cap"]
COMPANY_KINDS_EN = ["Logistics", "Trading", "Holding", "Shipping", "Agro", "Energy", "Rail", "Steel", "Pharma", "Capital"]
QUOTES_EN = ["We are not in a hurry", "The paperwork is the hardest part", "Demand is there, financing is not",
             "Our clients want predictability", "Nobody wants to be first", "Every week the rules change a little",
             "The trains are full, the ships are not", "We hired six drivers and lost four", "Prices will settle by spring",
             "It is a good year for pistachios and a bad one for cement"]


def _company_en(rng: random.Random) -> str:
    return f"{_coined(rng)} {rng.choice(COMPANY_KINDS_EN)}"


def _source_en(rng: random.Random) -> str:
    return rng.choice([
        lambda: f"{_person_en(rng)}, {rng.choice(ROLES_EN)} at the {rng.choice(INSTITUTES_EN)},",
        lambda: f"officials in {rng.choice(CITIES_EN)}",
        lambda: f"traders at the {rng.choice(CITIES_EN)} exchange",
        lambda: f"a spokeswoman for {_company_en(rng)}",
        lambda: f"{_person_en(rng)}, who runs a {rng.choice(FACILITIES_EN)} near {rng.choice(CITIES_EN)},",
        lambda: f"port authorities in {rng.choice(CITIES_EN)}",
        lambda: f"freight forwarders in {rng.choice(CITIES_EN)}",
    ])()


def _clause_en(rng: random.Random) -> str:
    return rng.choice([
        lambda: (f"{rng.choice(COMMODITIES_EN)} shipments through {rng.choice(CITIES_EN)} {rng.choice(TRENDS_EN)} "
                 f"{rng.choice(PERIODS_EN)}"),
        lambda: f"the {rng.choice(FACILITIES_EN)} in {rng.choice(CITIES_EN)} would {rng.choice(ACTIONS_EN)} its operations by {rng.choice(MONTHS_EN)}",
        lambda: f"{_company_en(rng)} planned to {rng.choice(ACTIONS_EN)} a {rng.choice(FACILITIES_EN)} near {rng.choice(CITIES_EN)}",
        lambda: f"the cost of {rng.choice(SERVICES_EN)} had {rng.choice(TRENDS_EN)} by {rng.randint(2, 45)} percent {rng.choice(PERIODS_EN)}",
        lambda: f"{rng.randint(12, 900)} {rng.choice(UNITS_EN)} of {rng.choice(COMMODITIES_EN)} were still waiting at {rng.choice(CITIES_EN)}",
        lambda: f"demand for {rng.choice(COMMODITIES_EN)} {rng.choice(TRENDS_EN)} after {rng.choice(EVENTS_EN)}",
        lambda: f"the village of {_coined(rng)} had asked for a new road to the {rng.choice(FACILITIES_EN)}",
    ])()


def _filler_sentence_en(rng: random.Random) -> str:
    return rng.choice([
        lambda: f"{_sentence_case(_source_en(rng))} {rng.choice(SPEECH_EN)} that {_clause_en(rng)}.",
        lambda: f"{_sentence_case(_clause_en(rng))}, {_source_en(rng).rstrip(',')} {rng.choice(SPEECH_EN)}.",
        lambda: f"According to {_source_en(rng).rstrip(',')}, {_clause_en(rng)}.",
        lambda: (f"{_sentence_case(rng.choice(COMMODITIES_EN))} exports from {rng.choice(CITIES_EN)} {rng.choice(TRENDS_EN)} "
                 f"to {rng.randint(3, 950)},{rng.randint(100, 999)} {rng.choice(UNITS_EN)} {rng.choice(PERIODS_EN)}."),
        lambda: (f"\"{rng.choice(QUOTES_EN)},\" said {_person_en(rng)} of {_company_en(rng)}, "
                 f"whose {rng.choice(FACILITIES_EN)} in {rng.choice(CITIES_EN)} employs {rng.randint(8, 400)} people."),
        lambda: (f"{rng.choice(EN_OPENERS)} {_lower_first(rng.choice(EN_SCENES))}, and the {_coined(rng)} ferry "
                 f"left {rng.choice(CITIES_EN)} {rng.randint(2, 9)} hours late."),
        lambda: (f"Bilateral trade {rng.choice(TRENDS_EN)} to ${rng.randint(2, 9)}.{rng.randint(0, 9)} billion in "
                 f"{rng.choice([2023, 2024])}, with {rng.choice(EN_TOPICS)} accounting for about {rng.randint(5, 35)} percent."),
        lambda: rng.choice(EN_CLOSERS),
    ])()


CITIES_RU = [("Казани", "Казани"), ("Астрахани", "Астрахани"), ("Махачкалы", "Махачкале"), ("Волгограда", "Волгограде"),
             ("Саратова", "Саратове"), ("Оренбурга", "Оренбурге"), ("Дербента", "Дербенте"), ("Решта", "Реште"),
             ("Тебриза", "Тебризе"), ("Самары", "Самаре"), ("Ульяновска", "Ульяновске"), ("Пензы", "Пензе"),
             ("Элисты", "Элисте"), ("Мешхеда", "Мешхеде"), ("Казвина", "Казвине"), ("Уфы", "Уфе"), ("Перми", "Перми"),
             ("Нижнего Новгорода", "Нижнем Новгороде"), ("Горгана", "Горгане"), ("Бендер-Аббаса", "Бендер-Аббасе")]
COMMODITIES_RU = ["пшеницы", "ячменя", "подсолнечного масла", "карбамида", "цемента", "стальных труб", "древесины", "бумаги",
                  "удобрений", "запчастей", "шин", "цитрусовых", "фисташек", "кураги", "полимеров", "медного катода",
                  "метанола", "шафрана", "чёрного чая", "риса", "чечевицы", "хлопка", "стекла", "керамической плитки", "лекарств"]
TRENDS_RU_MASCULINE = ["вырос", "снизился", "не изменился", "удвоился", "сократился", "восстановился", "резко упал", "немного подрос"]
TRENDS_RU_FEMININE = ["выросла", "снизилась", "не изменилась", "удвоилась", "сократилась", "восстановилась", "резко упала", "немного подросла"]
PERIODS_RU = ["за первый квартал", "за лето", "с начала года", "за последние шесть недель", "по сравнению с прошлой весной",
              "после уборочной", "осенью", "за зимние месяцы", "во втором полугодии", "в прошлом месяце"]
FACILITIES_RU = ["склад", "зерновой терминал", "холодильный комплекс", "сборочный цех", "подъездной путь", "контейнерный терминал",
                 "нефтебазу", "упаковочный цех", "ремонтную базу", "таможенный склад"]
ACTIONS_RU = ["открыть", "расширить", "модернизировать", "перенести", "удвоить мощность, чтобы загрузить", "арендовать", "продать долю в",
              "перестроить"]
SPEECH_RU = ["отмечает", "считает", "полагает", "уточняет", "предупреждает", "указывает", "признаёт", "настаивает"]
SERVICES_RU = ["страхования танкера", "аренды вагона", "найма грузовика", "хранения зерна", "таможенного оформления", "фрахта судна",
               "хранения хлопка", "перевозки рефрижераторного контейнера"]
MALE_FIRST_RU = ["Дмитрий", "Павел", "Марат", "Артём", "Сергей", "Кирилл", "Тимур", "Игорь", "Олег", "Руслан"]
FEMALE_FIRST_RU = ["Анна", "Ирина", "Ольга", "Елена", "Наталья", "Алина", "Мария", "Дарья", "Светлана", "Камила"]
SURNAMES_RU = ["Соколов", "Ветров", "Лавров", "Корнеев", "Исаев", "Миронов", "Белов", "Орлов", "Грачёв", "Рябов", "Зимин",
               "Тарасов", "Ковалёв", "Абрамов", "Назаров"]
COMPANY_KINDS_RU = ["компания", "холдинг", "логистическая группа", "торговый дом", "агрохолдинг"]
QUOTES_RU = ["Мы никуда не торопимся", "Самое сложное — документы", "Спрос есть, финансирования нет", "Клиентам нужна предсказуемость",
             "Никто не хочет быть первым", "Правила меняются каждую неделю", "Поезда полные, суда пустые",
             "Наняли шестерых водителей, четверо ушли", "К весне цены успокоятся", "Для фисташек год хороший, для цемента плохой"]


def _person_ru(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES_RU)
    return f"{rng.choice(MALE_FIRST_RU)} {surname}" if rng.random() < 0.5 else f"{rng.choice(FEMALE_FIRST_RU)} {surname}а"


def _company_ru(rng: random.Random) -> str:
    return f"{rng.choice(COMPANY_KINDS_RU)} «{_coined(rng, russian=True)}»"


def _clause_ru(rng: random.Random) -> str:
    city_genitive, city_prepositional = rng.choice(CITIES_RU)
    return rng.choice([
        lambda: (f"объём перевозок {rng.choice(COMMODITIES_RU)} через порт {city_genitive} {rng.choice(TRENDS_RU_MASCULINE)} "
                 f"{rng.choice(PERIODS_RU)}"),
        lambda: f"{_company_ru(rng)} собирается {rng.choice(ACTIONS_RU)} {rng.choice(FACILITIES_RU)} в районе {city_genitive}",
        lambda: f"стоимость {rng.choice(SERVICES_RU)} {rng.choice(TRENDS_RU_FEMININE)} на {rng.randint(2, 45)}% {rng.choice(PERIODS_RU)}",
        lambda: f"около {rng.randint(12, 900)} партий {rng.choice(COMMODITIES_RU)} всё ещё ждут отправки в {city_prepositional}",
        lambda: f"жители посёлка {_coined(rng, russian=True)} просят построить дорогу к терминалу в {city_prepositional}",
    ])()


def _filler_sentence_ru(rng: random.Random) -> str:
    city_genitive, city_prepositional = rng.choice(CITIES_RU)
    return rng.choice([
        lambda: f"{_person_ru(rng)}, {rng.choice(ROLES_RU)} {rng.choice(INSTITUTES_RU)}, {rng.choice(SPEECH_RU)}, что {_clause_ru(rng)}.",
        lambda: f"По данным {rng.choice(['компании', 'холдинга', 'торгового дома'])} «{_coined(rng, russian=True)}», {_clause_ru(rng)}.",
        lambda: f"Как сообщили портовые власти {city_genitive}, {_clause_ru(rng)}.",
        lambda: (f"Объём перевозок {rng.choice(COMMODITIES_RU)} через порт {city_genitive} {rng.choice(TRENDS_RU_MASCULINE)} "
                 f"на {rng.randint(2, 60)}% {rng.choice(PERIODS_RU)}."),
        lambda: (f"«{rng.choice(QUOTES_RU)}», — говорит {_person_ru(rng)}, чья компания «{_coined(rng, russian=True)}» держит "
                 f"{rng.choice(FACILITIES_RU)} в {city_prepositional}."),
        lambda: (f"{rng.choice(RU_OPENERS)} {rng.choice(RU_SCENES)}, а паром «{_coined(rng, russian=True)}» вышел из "
                 f"{city_genitive} с опозданием на {rng.randint(2, 9)} ч."),
        lambda: (f"Товарооборот по итогам {rng.choice([2023, 2024])} года {rng.choice(TRENDS_RU_MASCULINE)} и составил "
                 f"{rng.randint(2, 9)},{rng.randint(0, 9)} млрд долларов."),
        lambda: rng.choice(RU_CLOSERS),
    ])()


# --- documents ---------------------------------------------------------------------------------

def _word_count(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _body(rng: random.Random, lang: str, words: int, domain: str) -> tuple[str, list[str]]:
    """Headline and body paragraphs of about ``words`` words: facts spread among filler, furniture at the edges."""
    f = _Facts(rng)
    if lang == "ru":
        headline = rng.choice(["Россия и Иран закрепили стратегическое партнёрство", "Что меняет новый договор Москвы и Тегерана",
                               "Договор о партнёрстве: экономика важнее обороны", "Каспийская повестка после подписания договора"])
        claims, filler, furniture, contact = _claims_ru(rng, f), _filler_paragraph_ru, _furniture_ru, _contact_ru
    else:
        headline = rng.choice(["Russia and Iran seal a strategic partnership", "What the Moscow–Tehran treaty changes",
                               "A partnership treaty that stops short of an alliance", "Trade first: the Caspian after the treaty"])
        claims, filler, furniture, contact = _claims_en(rng, f), _filler_paragraph_en, _furniture_en, _contact_en
    paragraphs: list[str] = []
    pending = list(claims)
    while _word_count(paragraphs) < words:
        if pending and rng.random() < 0.55:
            take = rng.randint(1, 3)
            paragraphs.append(" ".join(pending[:take]))
            del pending[:take]
        else:
            paragraphs.append(filler(rng))
    if pending:
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), " ".join(pending))
    furniture_lines = furniture(rng)
    if furniture_lines:
        cut = rng.randrange(1, len(paragraphs) + 1)
        paragraphs[cut:cut] = furniture_lines
    if rng.random() < 0.3:
        paragraphs.append(contact(rng, domain))
    return headline, paragraphs


def _is_near_duplicate(seed: int, index: int, share: float) -> bool:
    return index > 0 and random.Random(f"{seed}:dup:{index}").random() < share


def _original_of(seed: int, index: int, share: float) -> int:
    """The earlier, original document a near duplicate copies (never itself a copy)."""
    rng = random.Random(f"{seed}:source:{index}")
    for _ in range(100):
        candidate = rng.randrange(max(0, index - 5000), index)
        if not _is_near_duplicate(seed, candidate, share):
            return candidate
    return 0


def _perturb(rng: random.Random, paragraphs: list[str], lang: str) -> list[str]:
    """A re-published copy: one paragraph dropped, one reworded, an agency credit added."""
    copy = list(paragraphs)
    if len(copy) > 4:
        del copy[rng.randrange(len(copy))]
    i = rng.randrange(len(copy))
    copy[i] = _filler_paragraph_ru(rng) if lang == "ru" else _filler_paragraph_en(rng)
    copy.append("По материалам информагентств." if lang == "ru" else "With reporting from wire services.")
    return copy


def _published(rng: random.Random) -> dt.date:
    return FIRST_PUBLISHED + dt.timedelta(days=rng.randrange((LAST_PUBLISHED - FIRST_PUBLISHED).days + 1))


def document(index: int, *, seed: int = 1, words: int = 1000, ru_share: float = 0.35, dup_share: float = 0.05) -> dict:
    """Document ``index`` of the corpus as a JSON-ready dict (a pure function of its arguments)."""
    rng = random.Random(f"{seed}:doc:{index}")
    source = _original_of(seed, index, dup_share) if _is_near_duplicate(seed, index, dup_share) else index
    base = random.Random(f"{seed}:doc:{source}")
    lang = "ru" if base.random() < ru_share else "en"
    base_outlet, base_domain = base.choice(OUTLETS[lang])
    headline, paragraphs = _body(base, lang, words, base_domain)
    outlet, domain = rng.choice(OUTLETS[lang]) if source != index else (base_outlet, base_domain)
    if source != index:
        paragraphs = _perturb(rng, paragraphs, lang)
        headline = headline + (" — подробности" if lang == "ru" else ": the details")
    published = _published(rng)
    if lang == "ru":
        byline = f"Автор: {_person_ru(rng)}"
        dateline = f"{published.day} {MONTHS_RU_GENITIVE[published.month - 1]} {published.year}"
    else:
        byline = f"By {_person_en(rng)}"
        dateline = f"{MONTHS_EN[published.month - 1]} {published.day}, {published.year}"
    text = "\n\n".join([headline, byline, dateline, *paragraphs])
    slug = "treaty-coverage" if lang == "en" else "dogovor"
    return {
        "id": f"syn-{index:07d}",
        "url": f"https://{domain}/{published:%Y/%m/%d}/{slug}-{index}",
        "text": text,
        "published": published.isoformat() if rng.random() < 0.8 else None,  # the rest: metadata reads the dateline
        "outlet": outlet,
        "lang": lang if rng.random() < 0.9 else None,
    }


def documents(count: int, *, start: int = 0, **options) -> Iterator[dict]:
    for index in range(start, start + count):
        yield document(index, **options)


def html_page(doc: dict) -> str:
    """The document as a news page: navigation, header, article, share bar and footer around the text."""
    paragraphs = doc["text"].split("\n\n")
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(paragraphs[0])} | {html.escape(doc['outlet'])}</title>"
        f"<meta property=\"og:site_name\" content=\"{html.escape(doc['outlet'])}\">"
        + (f"<meta property=\"article:published_time\" content=\"{doc['published']}\">" if doc["published"] else "")
        + "</head><body>"
        "<nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a> | <a href=\"/business\">Business</a> | <a href=\"/opinion\">Opinion</a></nav>"
        f"<header><h1>{html.escape(paragraphs[0])}</h1></header>"
        f"<article>{body}</article>"
        "<aside><h3>Most read</h3><ul><li><a href=\"/a\">Markets close higher</a></li><li><a href=\"/b\">Weather warning for the coast</a></li></ul></aside>"
        f"<footer>© {html.escape(doc['outlet'])}. All rights reserved. <a href=\"/privacy\">Privacy policy</a></footer>"
        "</body></html>\n"
    )


def write_corpus(out: Path, count: int, **options) -> int:
    """Stream ``count`` documents to ``out`` as JSON Lines; returns the bytes written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for doc in documents(count, **options):
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return out.stat().st_size


def write_files(folder: Path, txt: int, html_pages: int, *, start: int, **options) -> None:
    """Loose ``.txt`` and ``.html`` files (documents after the JSONL ones), for the directory readers."""
    folder.mkdir(parents=True, exist_ok=True)
    for offset, doc in enumerate(documents(txt + html_pages, start=start, **options)):
        if offset < txt:
            (folder / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
        else:
            (folder / f"{doc['id']}.html").write_text(html_page(doc), encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the JSON Lines file to write")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=1000, help="approximate words per document")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ru-share", type=float, default=0.35, help="share of Russian documents")
    parser.add_argument("--dup-share", type=float, default=0.05, help="share of near duplicates of an earlier document")
    parser.add_argument("--files-dir", type=Path, help="also write loose .txt/.html documents here")
    parser.add_argument("--txt-files", type=int, default=0)
    parser.add_argument("--html-files", type=int, default=0)
    args = parser.parse_args(argv)
    options = dict(seed=args.seed, words=args.words, ru_share=args.ru_share, dup_share=args.dup_share)
    size = write_corpus(args.out, args.docs, **options)
    print(f"{args.out}: {args.docs} documents, {size / 2**20:.1f} MiB")
    if args.files_dir and (args.txt_files or args.html_files):
        write_files(args.files_dir, args.txt_files, args.html_files, start=args.docs, **options)
        print(f"{args.files_dir}: {args.txt_files} .txt and {args.html_files} .html files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
