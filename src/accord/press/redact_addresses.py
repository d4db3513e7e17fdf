"""Street addresses in the coverage's languages: English (US, UK), Russian, German, French,
Spanish, Portuguese, Persian and Arabic, and Iranian addresses written in Latin letters.

An address is personal when it leads to a door: a street *and* a house number (or a postal
code).  A street named on its own ("protesters gathered on Enghelab Street") is news, not
an address, and is kept; so every pattern needs a number next to its street word.
"""

from __future__ import annotations

import re
from collections import Counter

from accord.press.first_chars import with_first_chars

US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK"
    "|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
STREET_TYPES = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Highway|Hwy|Parkway|Pkwy"
    r"|Square|Sq|Way|Circle|Cir|Crescent|Close|Trail|Plaza|Alley|Islands?|Ridge|Villages?|Heights|Gardens|Mews|Row"
    r"|Port|Mission|Harbor|Harbour|Springs?|Park|Hills?|Estates?|Crossing|Junction|Loop|Pike|Walk|Views?"
)
CITY_STATE_ZIP = rf"[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){{0,3}},?[ \t]+(?:{US_STATES})[ \t]+\d{{5}}(?:-\d{{4}})?\b"
EN_STREET = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?(?:[ \t]+[A-Z][\w'.-]*){{1,4}}[ \t]+(?:{STREET_TYPES})\b\.?"
    rf"(?:,?[ \t]*(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl)\.?[ \t]*#?\w+)?"
    rf"(?:,?[ \t]*{CITY_STATE_ZIP})?"
)
EN_CITY_STATE_ZIP = re.compile(rf"(?:\b\d{{1,6}}[ \t]+(?:[A-Z][\w'.-]*[ \t]+){{1,6}})?{CITY_STATE_ZIP}")
UK_POSTCODE = re.compile(r"(?<=, )[A-Z][\w-]*(?: [A-Z][\w-]*)? [A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")
RU_STREET_TYPE = (
    r"ул\.|улица|пр-т|проспект|пер\.|переулок|б-р|бульвар|ш\.|шоссе|наб\.|набережная|пл\.|площадь|проезд|тупик|мкр\.?|микрорайон"
)
RU_HOUSE = r",?[ \t]*(?:д\.|дом)?[ \t]*\d+[а-яА-Я]?(?:[ \t]*(?:[/,][ \t]*)?(?:\d+|(?:корп(?:ус)?|к|стр(?:оение)?|кв(?:артира)?|оф(?:ис)?)\.?[ \t]*\d+))*"
RU_ADDRESS = re.compile(
    r"(?:\b\d{6},[ \t]*)?(?:(?:г\.|город)[ \t]*[А-ЯЁ][\w-]+,[ \t]*)?"
    rf"(?:(?:{RU_STREET_TYPE})[ \t]*[А-ЯЁ0-9][\w.-]*(?:[ \t]+[А-ЯЁа-яё][\w-]*){{0,2}}"
    rf"|[А-ЯЁ][\w-]+[ \t]+(?:{RU_STREET_TYPE}))"
    rf"{RU_HOUSE}"
)
DE_STREET_WORD = r"(?:straße|strasse|str\.|weg|platz|allee|gasse|damm|ring|ufer|chaussee)"
DE_ADDRESS = re.compile(
    rf"\b[A-ZÄÖÜ][\wäöüß-]*{DE_STREET_WORD}[ \t]+\d+[a-z]?(?:,[ \t]*\d{{5}}[ \t]+[A-ZÄÖÜ][\wäöüß-]+)?"
    # a street named with a preposition, before a house number and a postcode: "Unter den Linden 77, 10117 Berlin"
    r"|\b(?:Am|An|Auf|Im|In|Unter|Zum|Zur|Hinter|Vor|Alt|Alte|Neue|Neuer|Hohe|Große|Kleine)(?:[ \t]+[\wäöüß.-]+){1,3}"
    r"[ \t]+\d{1,4}[a-z]?,[ \t]*\d{5}[ \t]+[A-ZÄÖÜ][\wäöüß-]+"
)
FR_ADDRESS = re.compile(
    r"\b\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|avenue|av\.|boulevard|bd|allée|impasse|chemin|quai|cours"
    r"|place[ \t]+(?:de|du|des|d'))[ \t]+[^\n,;]{2,40}?(?:,[ \t]*\d{5}[ \t]+[A-Z][\w'-]+|(?=[,;.\n]))",
    re.I,
)
ES_PT_ADDRESS = re.compile(
    r"\b(?:Calle|C/|Avda\.|Avenida|Paseo|Plaza|Camino|Carrer|Rua|Av\.|Travessa|Praça|Largo|Estrada|Alameda)"
    r"[ \t]+[^\n,;]{2,40}?,?[ \t]*(?:n[º°o]\.?[ \t]*)?\d{1,5}[A-Za-z]?"
    r"(?:,[ \t]*(?:\d{5}|\d{4}-\d{3}|\d{5}-\d{3})[ \t]+[A-Z][\w'-]+)?(?![\w])"
)
DIGIT = r"[0-9۰-۹٠-٩]"
FA_AR_ADDRESS = re.compile(
    # Persian: street / boulevard / square ... up to the plate number (پلاک); Arabic: street ... building number
    rf"(?:خیابان|بلوار|میدان|بزرگراه|کوچه|شارع|طريق|حي)[ \t]+[^\n.]{{1,80}}?[،,]?[ \t]*(?:پلاک|پ\.|رقم|مبنى|عمارة)[ \t]*{DIGIT}+"
    rf"(?:[ \t]*[،,][ \t]*(?:طبقه|واحد|الطابق|شقة)[ \t]*{DIGIT}+)*"
)
IR_LATIN_ADDRESS = re.compile(
    # "No. 12, Golestan Alley, Valiasr St., Tehran" and "Valiasr St., Golestan Alley, No. 12"
    r"\b(?:No\.|Plaque|Pelak)[ \t]*\d{1,5}(?:,[ \t]*[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3}[ \t]+"
    r"(?:Alley|Kuche|Kucheh|St\.?|Street|Ave\.?|Avenue|Blvd\.?|Boulevard|Sq\.?|Square|Highway)){1,4}"
    r"|\b[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3}[ \t]+(?:Alley|Kuche|Kucheh|St\.|Street|Ave\.|Avenue|Blvd\.|Boulevard)"
    r"(?:,[ \t]*[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3}[ \t]+(?:Alley|Kuche|Kucheh|St\.|Street|Ave\.|Avenue|Blvd\.|Boulevard|Sq\.|Square))*"
    r",[ \t]*(?:No\.|Plaque|Pelak)[ \t]*\d{1,5}"
)
POSTAL_LABEL = with_first_chars(re.compile(rf"(?:(?:کد پستی|کدپستی|الرمز البريدي|postal code|почтовый индекс|индекс|PLZ)"
                                           rf"[ \t]*[:.]?[ \t]*)({DIGIT}{{4,5}}[ \t-]?{DIGIT}{{0,6}})", re.I))

# Each pattern runs only on text that holds its cheap marker (the regexes are tried at every position).
ADDRESS_PATTERNS = (
    (IR_LATIN_ADDRESS, (re.compile(r"No\.|Plaque|Pelak"),)),
    (EN_STREET, (re.compile(rf"(?:{STREET_TYPES})\b"), re.compile(rf"\b(?:{STREET_TYPES})\b"))),
    (EN_CITY_STATE_ZIP, (re.compile(r"[A-Z]{2}[ \t]+\d{5}\b"), re.compile(r"\b[A-Z]{2}[ \t]+\d{5}\b"))),
    (UK_POSTCODE, (re.compile(r"\d[A-Z]{2}\b"), re.compile(r"\b\d[A-Z]{2}\b"))),
    (RU_ADDRESS, (re.compile(RU_STREET_TYPE),)),
    (DE_ADDRESS, (re.compile(r"\d{5}[ \t]+[A-ZÄÖÜ]|" + DE_STREET_WORD + r"[ \t]+\d"),)),
    # the house number with its street word: the words alone ("cours", "place") are in most French texts
    (FR_ADDRESS, (re.compile(r"\d(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|avenue|av\.|boulevard|bd|allée|impasse|chemin|quai"
                             r"|cours|place)", re.I),)),
    (ES_PT_ADDRESS, (re.compile(r"Calle|C/|Avda|Avenida|Paseo|Plaza|Camino|Carrer|Rua|Av\.|Travessa|Praça|Largo|Estrada|Alameda"),)),
    (FA_AR_ADDRESS, (re.compile(r"پلاک|پ\.|رقم|مبنى|عمارة"),)),
)


def redact_addresses(text: str, counts: Counter[str]) -> str:
    if not any(ch.isdigit() for ch in text):
        return text  # every address here has a number
    for pattern, gates in ADDRESS_PATTERNS:
        if all(gate.search(text) for gate in gates):
            text, n = pattern.subn("[address]", text)
            counts["address"] += n
    if POSTAL_LABEL.search(text):
        text, n = POSTAL_LABEL.subn(lambda m: m.group(0)[: m.start(1) - m.start()] + "[address]", text)
        counts["address"] += n
    return text
