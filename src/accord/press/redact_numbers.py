"""Phone, account and identity numbers in text, validated before they are redacted.

Phone numbers: a digit run (in any digit script: Persian and Arabic-Indic digits are
digits too) is a phone only when libphonenumber (``phonenumbers``) accepts it as a valid
number of one of the coverage's regions *and* it is written the way phone numbers are
written — international (``+`` or ``00``), with a trunk prefix (``0…``, Russian ``8…``)
and at least ten digits, with an area code in brackets, or in three or more short groups.
Validity alone is not enough: German numbers have so many lengths that "87590873" or
"20250117" are valid; the shape alone is not enough either: "87 590 873" is a population.
Dates, thousands groupings and runs of years are never phones.

Account and identity numbers: IBANs and payment cards (Luhn) through ``python-stdnum``,
Russian INN (stdnum), and the two checksums stdnum does not ship: Russian SNILS and the
Iranian national code.  A 10-digit INN or national code has a one-digit checksum (one
random number in ten or eleven passes), so unlabelled it is taken only in the shapes
these numbers are printed in; after a label ("ИНН", "کد ملی", "passport") any valid value goes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import phonenumbers
from stdnum import iban, luhn
from stdnum.ru import inn

from accord.press.first_chars import with_first_chars

# Where the coverage is published and whom it is about: the treaty parties and the outlets' countries.
REGIONS = ("RU", "IR", "US", "GB", "DE", "FR", "ES", "PT", "BR", "BY", "KP", "CN", "SA", "PK", "AE", "TR", "IN",
           "AZ", "AM", "KZ", "IT", "BE", "NL", "CH", "AT", "IL", "QA", "IQ", "SY", "LB", "EG")

SEP = r"[ \t().\-‐‑–]"
PHONE_CANDIDATE = re.compile(rf"(?<![\w+.\-/,])(?:\+|00)?\(?\d{SEP}*\d[\d \t().\-‐‑–]{{4,}}\d(?![\w/]|[.,]\d)")
SEPARATORS = re.compile(rf"{SEP}+")
DATE_SHAPES = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{4}|\d{4}[./-]\d{1,2}"
)
THOUSANDS = re.compile(r"\d{1,3}(?:[ \t]\d{3})+|\d{1,3}(?:\.\d{3})+")
TRAILING_YEAR = re.compile(r"[ \t]*\((?:1[89]|20)\d{2}\)?$")  # "87 590 873 (2023)": a figure and its year

PHONE_LABEL = (r"(?:tel|phone|telephone|mobile|cell|fax|whatsapp|viber|signal|call|telefon|handy|tél|téléphone|"
               r"portable|teléfono|móvil|telemóvel|telefone|celular|тел|телефон|моб|факс|звоните|"
               r"تلفن|تلفن همراه|موبایل|همراه|شماره تماس|نمابر|هاتف|جوال|الجوال|فاكس|رقم الهاتف)")
# (with_first_chars: the labels' first letters before the alternation, which is tried only there)
LABELLED_PHONE = with_first_chars(re.compile(
    rf"(?<!\w)(?P<label>{PHONE_LABEL}\.?[ \t]*[:.]?[ \t]*)(?P<num>\+?\d[\d \t().\-‐‑–]{{4,}}\d)(?![\w/])", re.I))
PHONE_LABEL_GATE = with_first_chars(re.compile(PHONE_LABEL, re.I))

# What every phone pattern needs: a run of six or more digits and separators, from a digit to a digit;
# and what every identity number needs (at least five).  Most texts have neither: the patterns need not run.
PHONE_RUN = re.compile(r"\d[\d \t().\-‐‑–]{4,}\d")
NUMBER_RUN = re.compile(r"\d[\d \t().\-‐‑–]{3,}\d")

IBAN_CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
CARD_CANDIDATE = re.compile(r"(?<![\w.,-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\w]|[.,]\d)")
SNILS = re.compile(r"(?<![\w.-])\d{3}-\d{3}-\d{3}[ -]\d{2}(?![\w]|[.,]\d)")
INN_12 = re.compile(r"(?<![\w.,-])\d{12}(?![\w]|[.,]\d)")
IR_NATIONAL_CODE_SHAPE = re.compile(r"(?<![\w.-])\d{3}-\d{6}-\d(?![\w]|[.,]\d)")
ID_LABEL = (r"(?:ИНН|INN|СНИЛС|SNILS|tax (?:id|number|no\.?)|taxpayer (?:id|number)|паспорт|passport(?: no\.?| number)?|"
            r"passnummer|numéro de passeport|pasaporte|passaporte|کد ملی|کدملی|شماره ملی|national (?:id|code)|"
            r"شماره گذرنامه|گذرنامه|پاسپورت|رقم الجواز|جواز السفر|الرقم الوطني|card (?:no\.?|number)|номер карты|счёт|счет|"
            r"account(?: no\.?| number)?|IBAN|شبا|شماره شبا|شماره کارت)")
LABELLED_ID = with_first_chars(re.compile(rf"(?<!\w)(?P<label>{ID_LABEL}[ \t]*(?:№|no\.?|#)?[ \t]*[:.]?[ \t]*)"
                                          r"(?P<value>[A-Z]{0,3}[ \t]?\d[\d \t-]{4,30}\d|[A-Z]{1,3}\d{5,12})(?![\w])", re.I))


def ascii_digits(text: str) -> str:
    """Any script's decimal digits as ASCII digits, everything else unchanged (same length)."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _digits(text: str) -> str:
    return "".join(ch for ch in ascii_digits(text) if ch.isdigit())


@lru_cache(maxsize=4096)
def _valid_phone(candidate: str) -> bool:
    """Valid as written in one of REGIONS (international numbers carry their own)."""
    for region in REGIONS:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            return False
        if phonenumbers.is_valid_number(number):
            return True
        if candidate.startswith("+"):
            return False  # the region is in the number; trying others changes nothing
    return False


def is_phone_number(candidate: str) -> bool:
    """Whether an unlabelled digit run is a phone number (see the module docstring)."""
    candidate = ascii_digits(candidate.strip())
    digits = _digits(candidate)
    if not 7 <= len(digits) <= 15:
        return False
    international = candidate.startswith(("+", "00"))
    if not international and (DATE_SHAPES.fullmatch(candidate) or THOUSANDS.fullmatch(candidate)):
        return False
    groups = [g for g in SEPARATORS.split(candidate) if g]
    if all(len(g) == 4 and 1800 <= int(g) <= 2100 for g in groups):
        return False  # a run or range of years
    shaped = (international
              or (candidate.lstrip("(")[:1] in "08" and len(digits) >= 10)  # a trunk prefix: 0… (8… in Russia)
              or re.match(r"(?:\d{1,2}[ \t]*)?\(\d{2,5}\)", candidate) is not None  # an area code in brackets
              or (len(groups) >= 3 and len(groups[-1]) >= 2 and max(map(len, groups)) <= 5)
              or re.fullmatch(r"\d{3}[-.]\d{4}", candidate) is not None)
    if not shaped:
        return False
    plain = ("+" + candidate[2:]) if candidate.startswith("00") else candidate
    return _valid_phone(re.sub(r"[^\d+]", "", plain))


def _trim(candidate: str) -> str:
    """Drop what a digit run swallowed from the sentence around it: trailing separators, an unmatched ")"."""
    core = candidate.rstrip(" \t.-‐‑–")
    while core.endswith(")") and core.count(")") > core.count("("):
        core = core[:-1].rstrip(" \t.-‐‑–")
    if core.startswith("(") and core.count("(") > core.count(")"):
        core = core[1:]
    return core


def redact_phones(text: str, counts: Counter[str]) -> str:
    def labelled(match: re.Match[str]) -> str:
        if len(_digits(match.group("num"))) < 6:
            return match.group(0)
        counts["phone"] += 1
        return match.group("label") + "[phone]"

    def unlabelled(match: re.Match[str]) -> str:
        candidate = match.group(0)
        core = TRAILING_YEAR.sub("", _trim(candidate))
        if not is_phone_number(core):
            return candidate
        counts["phone"] += 1
        return candidate.replace(core, "[phone]", 1)

    if not PHONE_RUN.search(text):
        return text
    if PHONE_LABEL_GATE.search(text):
        text = LABELLED_PHONE.sub(labelled, text)
    if not any(ch.isdigit() for ch in text):
        return text
    return PHONE_CANDIDATE.sub(unlabelled, text)


# --- account and identity numbers --------------------------------------------------------------

def snils_is_valid(value: str) -> bool:
    digits = _digits(value)
    if len(digits) != 11:
        return False
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits[:9]))
    check = total if total < 100 else (0 if total in (100, 101) else total % 101 % 100)
    return check == int(digits[9:])


def iran_national_code_is_valid(value: str) -> bool:
    digits = _digits(value)
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    remainder = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9])) % 11
    check = int(digits[9])
    return check == remainder if remainder < 2 else check == 11 - remainder


def _card_is_valid(value: str) -> bool:
    digits = _digits(value)
    return 13 <= len(digits) <= 19 and digits[0] in "2345689" and luhn.is_valid(digits)


def _labelled_id_is_valid(value: str) -> bool:
    digits = _digits(value)
    compact = re.sub(r"[\s-]", "", ascii_digits(value))
    return (iban.is_valid(compact) or inn.is_valid(digits) or snils_is_valid(digits)
            or iran_national_code_is_valid(digits) or _card_is_valid(digits)
            or re.fullmatch(r"[A-Z]{0,3}\d{6,12}", compact, re.I) is not None)  # a passport: letters and digits


def redact_ids(text: str, counts: Counter[str]) -> str:
    def replace(pattern: re.Pattern[str], valid, placeholder: str, value: str) -> str:
        def one(match: re.Match[str]) -> str:
            if not valid(ascii_digits(match.group(0))):
                return match.group(0)
            counts[placeholder.strip("[]")] += 1
            return placeholder

        return pattern.sub(one, value)

    if not any(ch.isdigit() for ch in text):
        return text

    def labelled(match: re.Match[str]) -> str:
        if not _labelled_id_is_valid(match.group("value")):
            return match.group(0)
        counts["id"] += 1
        return match.group("label") + "[id]"

    if NUMBER_RUN.search(text):
        text = LABELLED_ID.sub(labelled, text)
    text = replace(IBAN_CANDIDATE, lambda v: iban.is_valid(v.replace(" ", "")), "[account]", text)
    if not NUMBER_RUN.search(text):
        return text
    text = replace(CARD_CANDIDATE, _card_is_valid, "[card]", text)
    text = replace(SNILS, snils_is_valid, "[id]", text)
    text = replace(INN_12, inn.is_valid, "[id]", text)
    return replace(IR_NATIONAL_CODE_SHAPE, iran_national_code_is_valid, "[id]", text)
