"""Redact personal data from press text and from every field stored with it: e-mails, phone numbers,
account and identity numbers, street addresses, social and fediverse handles and profile links.

Each hit is replaced by a placeholder (``[email]``, ``[phone]``, ``[account]``, ``[card]``,
``[id]``, ``[address]``, ``[handle]``, ``[profile]``) and counted.  The passes run in an
order that keeps them from stepping on each other: profile links first (a TikTok or
Mastodon link holds an ``@``), fediverse handles (``@name@host`` holds an e-mail), e-mails
(plain and obfuscated: "name(at)host.com", "name at host dot ir"), handles, values of
labelled fields ("Phone: …", "Адрес: …"), account and identity numbers (before phones: a
card number is a long digit run), phone numbers and addresses.  Numbers are validated
before they are redacted (see :mod:`accord.press.redact_numbers`), so dates, vote counts,
resolution numbers, sums and population figures stay.

:func:`redact_url` and :func:`redact_field` apply the same to a document's url (path,
query and fragment; a profile link goes whole), outlet, id and other short fields.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from accord.press.redact_addresses import redact_addresses
from accord.press.redact_numbers import is_phone_number, redact_ids, redact_phones  # noqa: F401 - is_phone_number re-exported

PLACEHOLDERS = ("[email]", "[phone]", "[address]", "[handle]", "[profile]", "[account]", "[card]", "[id]")

SOCIAL_HOSTS = (
    r"twitter\.com|x\.com|facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|t\.me|telegram\.me|telegram\.dog"
    r"|vk\.com|vkontakte\.ru|ok\.ru|linkedin\.com|tiktok\.com|threads\.net|pinterest\.com|reddit\.com|github\.com"
    r"|youtube\.com|youtu\.be|medium\.com|snapchat\.com|mastodon\.social|mastodon\.online|mstdn\.social|bsky\.app"
    r"|tumblr\.com|dzen\.ru|rutube\.ru|aparat\.com|eitaa\.com|rubika\.ir|bale\.ai|virasty\.com"
)
URL_TAIL = r"[^\s<>\"'()\[\]{}]*[^\s<>\"'()\[\]{}.,;:!?…]"
PROFILE_URL = re.compile(
    rf"(?<![\w.-])(?:https?://)?(?:(?:www|m|mobile|[a-z]{{2}})\.)?(?:{SOCIAL_HOSTS})/{URL_TAIL}"
    # any fediverse server: a profile path is "/@name" (Mastodon, Misskey, Pixelfed ...)
    rf"|(?<![\w.-])(?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/@[\w.-]+(?:/{URL_TAIL})?",
    re.I,
)
FEDIVERSE_HANDLE = re.compile(r"(?<![\w@./:+-])@[A-Za-z0-9_.-]*[A-Za-z0-9_]@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
BLUESKY_HANDLE = re.compile(r"(?<![\w@./:+-])@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.bsky\.social\b", re.I)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")
AT = r"(?:[\[({<]\s*(?:at|собака|ات)\s*[\])}>]|\s+(?:at|собака)\s+)"
DOT = r"(?:\s*[\[({<]\s*(?:dot|точка|نقطه)\s*[\])}>]\s*|\s+(?:dot|точка)\s+)"
OBFUSCATED_EMAIL = re.compile(
    # "name(at)host(dot)com", "name [at] host.com", "name at host dot ir": the "at" must be marked (brackets)
    # or the domain spelled out with "dot", so that "meet at Moscow" is no e-mail
    rf"(?<![\w.+-])[\w.+-]+\s*[\[({{<]\s*(?:at|собака|ات)\s*[\])}}>]\s*[\w-]+(?:(?:{DOT}|\.)[\w-]+)+"
    rf"|(?<![\w.+-])[\w.+-]+\s+(?:at|собака)\s+[\w-]+(?:{DOT}[\w-]+)+",
    re.I,
)
HANDLE = re.compile(r"(?<![\w@./:+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")

# "• Phone : +1 …", "Адрес: …" — the value of a labelled personal field goes whole.
FIELD_KINDS = {
    "phone": "[phone]", "tel": "[phone]", "telephone": "[phone]", "mobile": "[phone]", "cell": "[phone]",
    "fax": "[phone]", "whatsapp": "[phone]", "viber": "[phone]", "телефон": "[phone]", "тел": "[phone]",
    "моб": "[phone]", "мобильный": "[phone]", "факс": "[phone]", "telefon": "[phone]", "téléphone": "[phone]",
    "teléfono": "[phone]", "telefone": "[phone]", "تلفن": "[phone]", "موبایل": "[phone]", "هاتف": "[phone]",
    "address": "[address]", "street": "[address]", "home address": "[address]", "mailing address": "[address]",
    "адрес": "[address]", "почтовый адрес": "[address]", "домашний адрес": "[address]", "adresse": "[address]",
    "anschrift": "[address]", "dirección": "[address]", "endereço": "[address]", "نشانی": "[address]",
    "آدرس": "[address]", "العنوان": "[address]",
    "email": "[email]", "e-mail": "[email]", "mail": "[email]", "почта": "[email]", "эл. почта": "[email]",
    "электронная почта": "[email]", "ایمیل": "[email]", "پست الکترونیک": "[email]", "البريد الإلكتروني": "[email]",
    "username": "[handle]", "user name": "[handle]", "login": "[handle]", "nickname": "[handle]", "handle": "[handle]",
    "логин": "[handle]", "ник": "[handle]", "никнейм": "[handle]", "имя пользователя": "[handle]",
    "telegram": "[handle]", "instagram": "[handle]", "twitter": "[handle]", "tiktok": "[handle]", "skype": "[handle]",
    "mastodon": "[handle]", "bluesky": "[handle]",
}
LABELLED_FIELD = re.compile(
    r"^(?P<lead>[ \t]*(?:[•*·▪‣◦-][ \t]*)?)(?P<key>" + "|".join(sorted(map(re.escape, FIELD_KINDS), key=len, reverse=True))
    + r")\.?[ \t]*[:：][ \t]*(?P<value>\S[^\n]*?)[ \t]*$",
    re.I | re.M,
)
SOCIAL_MARKERS = tuple(host.replace("\\.", ".") for host in SOCIAL_HOSTS.split("|"))
# Every marker ends in one of these domains: one search for them spares the markers' searches in most texts.
SOCIAL_DOMAIN_GATE = re.compile(r"\.(?:" + "|".join(sorted({re.escape(m.rsplit(".", 1)[1]) for m in SOCIAL_MARKERS})) + ")")
OBFUSCATION_GATE = re.compile(rf"{AT}", re.I)
# An obfuscated address has its "at" in brackets, or else its "dot" spelled out: English has " at " in every text.
OBFUSCATED_EMAIL_GATE = re.compile(r"[\[({<]\s*(?:at|собака|ات)\s*[\])}>]|dot|точка|نقطه", re.I)


def redact(text: str) -> tuple[str, dict[str, int]]:
    """Return the text with personal data replaced by placeholders, and a count per kind."""
    counts: Counter[str] = Counter()

    def sub(pattern: re.Pattern[str], placeholder: str, value: str) -> str:
        value, n = pattern.subn(placeholder, value)
        counts[placeholder.strip("[]")] += n
        return value

    lowered = text.lower()
    if (SOCIAL_DOMAIN_GATE.search(lowered) and any(marker in lowered for marker in SOCIAL_MARKERS)) or "/@" in text:
        text = sub(PROFILE_URL, "[profile]", text)
    if "@" in text:
        text = sub(FEDIVERSE_HANDLE, "[handle]", text)
        text = sub(BLUESKY_HANDLE, "[handle]", text)
        text = sub(EMAIL, "[email]", text)
    if OBFUSCATION_GATE.search(text) and OBFUSCATED_EMAIL_GATE.search(text):
        text = sub(OBFUSCATED_EMAIL, "[email]", text)
    if "@" in text:
        text = sub(HANDLE, "[handle]", text)
    if ":" in text or "：" in text:
        text = _redact_labelled_fields(text, counts)
    text = redact_ids(text, counts)
    text = redact_phones(text, counts)
    text = redact_addresses(text, counts)
    return text, {kind: n for kind, n in sorted(counts.items()) if n}


def redact_field(value: str | None) -> str | None:
    """A short stored field (outlet, id, author, origin) with its personal data replaced."""
    return redact(value)[0] if value else value


def redact_url(url: str | None) -> str | None:
    """A URL with personal data out of its path, query and fragment; a profile link keeps only its host."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = parts.netloc.rsplit("@", 1)[-1]  # user:password@ never stored
    if PROFILE_URL.fullmatch(url) or PROFILE_URL.fullmatch(f"{host}{parts.path}"):
        return urlunsplit((parts.scheme, host, "/[profile]", "", ""))
    path = "/".join(_redact_url_part(segment, "[]@:+,;=!$&'()*~-._") for segment in parts.path.split("/"))
    query = "&".join(_redact_query_pair(pair) for pair in parts.query.split("&")) if parts.query else ""
    fragment = _redact_url_part(parts.fragment, "[]@:/,=&-._~")
    return urlunsplit((parts.scheme, host, path, query, fragment))


def _redact_url_part(part: str, safe: str) -> str:
    """A piece of a URL, redacted as text; left exactly as written (encoding included) when nothing is redacted."""
    if not part:
        return part
    clean = redact(unquote(part))[0]
    return part if clean == unquote(part) else quote(clean, safe=safe)


def _redact_query_pair(pair: str) -> str:
    # "+" is read as itself, not as a space: in a query it is as often the prefix of a phone number
    key, sep, value = pair.partition("=")
    return key + sep + _redact_url_part(value, "[]@:/,+")


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
        return "@" in value or OBFUSCATION_GATE.search(value) is not None
    return any(ch.isdigit() for ch in value)  # an address has a house number or a postal code
