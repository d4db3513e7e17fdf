"""Redact personal data from press text: e-mails, phone numbers, street addresses, social handles and profile URLs.

Each hit is replaced by a placeholder (``[email]``, ``[phone]``, ``[address]``,
``[handle]``, ``[profile]``) and counted.  The passes run in an order that keeps them
from stepping on each other: profile URLs first (a TikTok URL holds an ``@``), then
e-mails (an e-mail holds an ``@``), handles, values of labelled fields ("Phone: …",
"Адрес: …"), phone numbers and addresses.

Phone numbers are the delicate part: news text is full of digit groups that are not
phones (dates, years and year ranges, vote counts "192-5-2", article and law numbers,
thousands written "1 000 000").  A digit run is taken for a phone only when it has a
phone's shape — an international prefix, an area code in brackets, or three or more
separated groups holding 7 to 15 digits that are not a date, a run of years or a
thousands grouping — or when a label such as "Tel." stands right before it.
"""

from __future__ import annotations

import re
from collections import Counter

PLACEHOLDERS = ("[email]", "[phone]", "[address]", "[handle]", "[profile]")

SOCIAL_HOSTS = (
    r"twitter\.com|x\.com|facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|t\.me|telegram\.me|telegram\.dog"
    r"|vk\.com|vkontakte\.ru|ok\.ru|linkedin\.com|tiktok\.com|threads\.net|pinterest\.com|reddit\.com|github\.com"
    r"|youtube\.com|youtu\.be|medium\.com|snapchat\.com|mastodon\.social|bsky\.app|tumblr\.com|dzen\.ru|rutube\.ru"
)
PROFILE_URL = re.compile(
    rf"(?<![\w.-])(?:https?://)?(?:(?:www|m|mobile|[a-z]{{2}})\.)?(?:{SOCIAL_HOSTS})/[^\s<>\"'()\[\]{{}}]*[^\s<>\"'()\[\]{{}}.,;:!?…]",
    re.I,
)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")
OBFUSCATED_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+\s*[\[(]\s*(?:at|собака)\s*[\])]\s*[\w-]+(?:\s*[\[(]\s*(?:dot|точка)\s*[\])]\s*[\w-]+)+", re.I)
HANDLE = re.compile(r"(?<![\w@./:+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")

# "• Phone : +1 …", "Адрес: …" — the value of a labelled personal field goes whole.
FIELD_KINDS = {
    "phone": "[phone]", "tel": "[phone]", "telephone": "[phone]", "mobile": "[phone]", "cell": "[phone]",
    "fax": "[phone]", "whatsapp": "[phone]", "viber": "[phone]", "телефон": "[phone]", "тел": "[phone]",
    "моб": "[phone]", "мобильный": "[phone]", "факс": "[phone]",
    "address": "[address]", "street": "[address]", "home address": "[address]", "mailing address": "[address]",
    "адрес": "[address]", "почтовый адрес": "[address]", "домашний адрес": "[address]",
    "email": "[email]", "e-mail": "[email]", "mail": "[email]", "почта": "[email]", "эл. почта": "[email]",
    "электронная почта": "[email]",
    "username": "[handle]", "user name": "[handle]", "login": "[handle]", "nickname": "[handle]", "handle": "[handle]",
    "логин": "[handle]", "ник": "[handle]", "никнейм": "[handle]", "имя пользователя": "[handle]",
    "telegram": "[handle]", "instagram": "[handle]", "twitter": "[handle]", "tiktok": "[handle]", "skype": "[handle]",
}
LABELLED_FIELD = re.compile(
    r"^(?P<lead>[ \t]*(?:[•*·▪‣◦-][ \t]*)?)(?P<key>" + "|".join(sorted(map(re.escape, FIELD_KINDS), key=len, reverse=True))
    + r")\.?[ \t]*:[ \t]*(?P<value>\S[^\n]*?)[ \t]*$",
    re.I | re.M,
)

PHONE_LABEL = r"(?:tel|phone|telephone|mobile|cell|fax|whatsapp|viber|call|тел|телефон|моб|факс|звоните)\.?[ \t]*[:.]?[ \t]*"
LABELLED_PHONE = re.compile(rf"(?<!\w)(?P<label>{PHONE_LABEL})(?P<num>\+?\d[\d \t().\-‐‑–]{{4,}}\d)(?![\w/])", re.I)
PHONE_CANDIDATE = re.compile(r"(?<![\w+.\-/,])(?:\+|00)?\(?\d[\d \t().\-‐‑–]{5,}\d(?![\w/]|[.,]\d)")
# The digit run inside every candidate: found by jumping from digit to digit, where the candidate
# pattern, which opens with a look-behind, is tried at every position.
PHONE_RUN = re.compile(r"\d[\d \t().\-‐‑–]{5,}\d")
SEPARATORS = re.compile(r"[ \t().\-‐‑–]+")
DATE_SHAPES = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{4}|\d{4}[./-]\d{1,2}"
)
THOUSANDS = re.compile(r"\d{1,3}(?:[ \t]\d{3})+|\d{1,3}(?:\.\d{3})+")

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
DE_ADDRESS = re.compile(
    r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|damm)[ \t]+\d+[a-z]?(?:,[ \t]*\d{5}[ \t]+[A-ZÄÖÜ][\wäöüß-]+)?"
)
# Cheap substring gates: a pattern runs only on text that holds one of its literal markers
# (the regexes are tried at every position; the gates make clean text cost almost nothing).
# A gate that starts with a word boundary is itself tried at every position, so it comes
# after a quick gate without the boundary — a looser test the engine runs by jumping between
# possible first characters — and only runs where that one matched.
SOCIAL_MARKERS = tuple(host.replace("\\.", ".") for host in SOCIAL_HOSTS.split("|"))
ADDRESS_PATTERNS = (
    (EN_STREET, (re.compile(rf"(?:{STREET_TYPES})\b"), re.compile(rf"\b(?:{STREET_TYPES})\b"))),
    (EN_CITY_STATE_ZIP, (re.compile(r"[A-Z]{2}[ \t]+\d{5}\b"), re.compile(r"\b[A-Z]{2}[ \t]+\d{5}\b"))),
    (UK_POSTCODE, (re.compile(r"\d[A-Z]{2}\b"), re.compile(r"\b\d[A-Z]{2}\b"))),
    (RU_ADDRESS, (re.compile(RU_STREET_TYPE),)),
    (DE_ADDRESS, (re.compile(r"(?:straße|strasse|str\.|weg|platz|allee|gasse|damm)[ \t]+\d"),)),
)
OBFUSCATION_GATE = re.compile(r"[\[(]\s*(?:at|собака)\s*[\])]", re.I)
PHONE_LABEL_GATE = re.compile(r"(?:tel|phone|mobile|cell|fax|whatsapp|viber|call|тел|моб|факс|звоните)", re.I)


def redact(text: str) -> tuple[str, dict[str, int]]:
    """Return the text with personal data replaced by placeholders, and a count per kind."""
    counts: Counter[str] = Counter()

    def sub(pattern: re.Pattern[str], placeholder: str, value: str) -> str:
        value, n = pattern.subn(placeholder, value)
        counts[placeholder.strip("[]")] += n
        return value

    lowered = text.lower()
    if any(marker in lowered for marker in SOCIAL_MARKERS):
        text = sub(PROFILE_URL, "[profile]", text)
    if "@" in text:
        text = sub(EMAIL, "[email]", text)
    if OBFUSCATION_GATE.search(text):
        text = sub(OBFUSCATED_EMAIL, "[email]", text)
    if "@" in text:
        text = sub(HANDLE, "[handle]", text)
    if ":" in text:
        text = _redact_labelled_fields(text, counts)
    text = _redact_phones(text, counts)
    for pattern, gates in ADDRESS_PATTERNS:
        if all(gate.search(text) for gate in gates):
            text = sub(pattern, "[address]", text)
    return text, {kind: n for kind, n in sorted(counts.items()) if n}


def _redact_labelled_fields(text: str, counts: Counter[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        value = match.group("value")
        placeholder = FIELD_KINDS[match.group("key").lower()]
        if not _plausible_field_value(placeholder, value):
            return match.group(0)
        counts[placeholder.strip("[]")] += 1
        whole, start = match.group(0), match.start("value") - match.start()
        return whole[:start] + placeholder + whole[start + len(value) :]

    return LABELLED_FIELD.sub(replace, text)


def _plausible_field_value(placeholder: str, value: str) -> bool:
    """A labelled value is redacted whole only when it looks like that kind of value, not like a sentence."""
    if value in PLACEHOLDERS or len(value) > 120:
        return False
    if placeholder == "[phone]":
        return sum(ch.isdigit() for ch in value) >= 6 and re.fullmatch(r"[\d +().\-‐‑–/extEXT]+", value) is not None
    if placeholder == "[handle]":
        return " " not in value and len(value) <= 40
    if placeholder == "[email]":
        return "@" in value or re.search(r"[\[(]\s*(?:at|собака)\s*[\])]", value, re.I) is not None
    return any(ch.isdigit() for ch in value)  # an address has a house number or a postal code


def is_phone_number(candidate: str) -> bool:
    """Whether an unlabelled digit run has the shape of a phone number (see the module docstring)."""
    candidate = candidate.strip()
    digits = sum(ch.isdigit() for ch in candidate)
    if not 7 <= digits <= 15:
        return False
    if candidate.startswith(("+", "00")):
        return digits >= 8
    if DATE_SHAPES.fullmatch(candidate) or THOUSANDS.fullmatch(candidate):
        return False
    if re.search(r"\(\d{2,5}\)", candidate):
        return True
    groups = [g for g in SEPARATORS.split(candidate) if g]
    if all(len(g) == 4 and 1800 <= int(g) <= 2100 for g in groups):
        return False  # a run or range of years
    if len(groups) >= 3:
        return len(groups[-1]) >= 2 and max(map(len, groups)) <= 5
    return len(groups) == 2 and re.fullmatch(r"\d{3}[-.]\d{4}", candidate) is not None


def _trim(candidate: str) -> str:
    """Drop what a digit run swallowed from the sentence around it: trailing separators, an unmatched ")"."""
    core = candidate.rstrip(" \t.-‐‑–")
    while core.endswith(")") and core.count(")") > core.count("("):
        core = core[:-1].rstrip(" \t.-‐‑–")
    if core.startswith("(") and core.count("(") > core.count(")"):
        core = core[1:]
    return core


def _redact_phones(text: str, counts: Counter[str]) -> str:
    def labelled(match: re.Match[str]) -> str:
        if sum(ch.isdigit() for ch in match.group("num")) < 6:
            return match.group(0)
        counts["phone"] += 1
        return match.group("label") + "[phone]"

    def unlabelled(match: re.Match[str]) -> str:
        candidate = match.group(0)
        core = _trim(candidate)
        if not is_phone_number(core):
            return candidate
        counts["phone"] += 1
        return candidate.replace(core, "[phone]", 1)

    if PHONE_LABEL_GATE.search(text):
        text = LABELLED_PHONE.sub(labelled, text)
    if PHONE_RUN.search(text) is None:
        return text
    return PHONE_CANDIDATE.sub(unlabelled, text)
