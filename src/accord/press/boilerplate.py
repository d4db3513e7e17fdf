"""Recognise page furniture in extracted press text, by shape, in English and Russian.

The kinds: navigation and menu lines, social-sharing widgets, newsletter and
subscription forms, cookie notices, "related articles / read more" lists, and generated
author profiles (a run of "Name : … / Email : … / Phone : …" fields with per-network
"instagram: / url : / followers : …" blocks).  Rules look at short paragraphs only —
furniture is short, and a longer paragraph needs two signals (a form says "subscribe"
and "privacy policy") — so an article sentence that mentions a newsletter or a cookie
is not taken for a form.

Beyond single paragraphs: a related-links heading takes the list of headline-like
lines after it; a short paragraph sandwiched between two parts of one subscription form or
cookie notice goes with them (the unlabelled middle lines of a form); an exact repeat of the paragraph just
before it goes too (captions and headlines scraped twice).

A real author biography in prose (seed-000's Russian "ОБ АВТОРЕ" block) is kept: it is
text, not furniture; only its personal data is redacted downstream.
"""

from __future__ import annotations

import re

NAV_PHRASES = (
    r"skip to (?:main )?content|skip navigation|jump to (?:navigation|search|content)|main menu|menu|search|toggle navigation"
    r"|log ?in|sign ?in|sign ?up|register|home|homepage|back to top|to top|top|print|print this (?:page|article)"
    r"|font size|text size|listen(?: to this article)?|advertisement|advertising|sponsored(?: content)?|close|next|previous"
    r"|download (?:on|from) the app store|get it on google play|download our app|e-paper|epaper|you are here:?"
    r"|перейти к навигации|перейти к поиску|перейти к содержанию|главная|главное меню|меню|поиск|войти|вход|регистрация"
    r"|table of contents|contents|содержание|оглавление|наверх|вверх|версия для печати|печать|реклама|размер шрифта|слушать|закрыть|далее|назад|вы здесь:?"
)
NAV_LINE = re.compile(rf"^(?:(?:{NAV_PHRASES})\s*[|·•/»›>:]?\s*)+$", re.I)
LANGUAGE_SWITCHER = re.compile(r"^(?:[A-Z]{2,3}|[А-Я]{2,3})(?:\s*[|/·•]\s*(?:[A-Z]{2,3}|[А-Я]{2,3}))+$")
MENU_SEPARATORS = re.compile(r"\s*(?:\||·|•|»|›|>|/|\u2022)\s*")
READING_CHROME = re.compile(
    r"^(?:\d+\s*(?:views?|comments?|shares?|просмотр\w*|комментари\w*)|(?:read(?:ing)? time|время чтения)\s*:?\s*\d+\s*\w*"
    r"|\d+\s*min(?:ute)?s? read|\d+\s*мин\.? чтения|font size\s*\d*|размер шрифта\s*\d*|\d{1,3})$",
    re.I,
)
WIKI_CHROME = re.compile(r"^(?:материал из [\w\s—-]{2,60}|from wikipedia, the free encyclopedia|(?:файл|file|image):[^\n]{1,120}\.(?:jpe?g|png|gif|svg|webp)|!\[[^\]]*\]\([^)]*\)[\s|]*)$", re.I)

SOCIAL_NETWORKS = (
    r"facebook|twitter|x|linkedin|whatsapp|telegram|viber|vk|vkontakte|вконтакте|ok|одноклассники|reddit|pinterest"
    r"|instagram|youtube|tiktok|threads|bluesky|mastodon|flipboard|email|e-mail|print|copy link|дзен|rutube|max"
)
# A count is a whole digit run ("\d+(?!\d)"): with "\d+" alone, the repeated group below could split a run of
# n digits in 2**(n-1) ways before failing, and a short line of digits held the cleaner for minutes.
SOCIAL_WORDS = rf"share|shares|tweet|pin|{SOCIAL_NETWORKS}|поделиться|отправить|скопировать ссылку|копировать ссылку|\d+(?!\d)"
SOCIAL_ONLY = re.compile(rf"^(?=.*[^\W\d_])(?:(?:{SOCIAL_WORDS})(?:\s+(?:on|via|в|через))?\s*[|·•,:/]?\s*)+$", re.I)
SOCIAL_CALL = re.compile(
    rf"^(?:share(?: this(?: article| story| page)?)?(?: on| via)?|follow us(?: on)?|join us(?: on)?|find us on|like us on"
    rf"|subscribe to our (?:{SOCIAL_NETWORKS})(?: channel)?|поделиться(?: в)?|подписывайтесь на нас(?: в)?|следите за нами(?: в)?"
    rf"|подписывайтесь на наш\w*[\w -]{{0,30}}?канал\w*(?: в)?|читайте нас(?: в)?|мы в)\b[^.!?]{{0,80}}$",
    re.I,
)

SUBSCRIPTION = re.compile(
    r"subscribe (?:to|now|for)|sign up (?:for|to|now)|newsletter|unsubscribe|mailing list|enter your (?:e-?mail|email address)"
    r"|indicates required|required fields?|privacy (?:policy|practices|notice)|marketing platform|by clicking (?:below|subscribe|submit)"
    r"|in your inbox|daily briefing|подпишитесь|подписаться|подписка на|рассылк|отписаться|введите (?:ваш )?(?:e-?mail|адрес)"
    r"|политик\w+ конфиденциальности|обязательн\w+ пол\w+|ваш e-?mail",
    re.I,
)
SUBSCRIPTION_MARKERS = (
    "subscri", "sign up", "newsletter", "mailing", "enter your", "required", "privacy", "marketing", "by clicking", "inbox",
    "briefing", "подпис", "рассылк", "отпис", "введите", "конфиденциальн", "обязательн", "mail",
)
COOKIE = re.compile(r"\bcookies?\b|\bкуки\b|файл\w* cookie", re.I)
COOKIE_CONTEXT = re.compile(r"\b(?:use|uses|using|accept|consent|settings|policy|continu|browsing|experience)|использ|соглас|приня|продолжа|настро", re.I)

RELATED_HEADING = re.compile(
    r"^(?:related(?: articles| stories| news| posts| content| coverage| topics)?|read (?:more|also|next)|see also|also read"
    r"|more on this(?: topic| story)?|more from [\w .-]{1,40}|more stories|more news|you (?:may|might) (?:also )?(?:like|be interested in)"
    r"|recommended(?: for you| articles| stories)?|latest news|most read|most popular|trending(?: now)?|in other news|top stories"
    r"|читайте также|смотрите также|см\. также|по теме|ещё по теме|еще по теме|похожие (?:статьи|новости|материалы|публикации)"
    r"|другие (?:новости|материалы|статьи)|рекомендуем(?: прочитать)?|популярное|самое читаемое|новости по теме|материалы по теме"
    r"|лента новостей|последние новости|главное за день)\s*[:.»>…]*$",
    re.I,
)
RELATED_INLINE = re.compile(r"^(?:read (?:more|also)|also read|see also|related|читайте также|смотрите также|по теме)\s*[:»>–—-]\s*\S.{0,200}$", re.I)

PROFILE_KEYS = (
    r"name|full name|username|user name|email|e-mail|birthdate|birthday|date of birth|dob|address|phone|mobile|company"
    r"|job|job title|occupation|bio|url|website|followers|following|posts|likes|location|gender|age"
    r"|имя|фамилия|логин|почта|e-mail|дата рождения|адрес|телефон|компания|должность|профессия|био|биография"
    r"|подписчики|подписки|сайт"
)
PROFILE_FIELD = re.compile(rf"^[•*·▪‣◦-]?\s*(?:{PROFILE_KEYS})\s*:\s*\S.*$", re.I | re.S)
PROFILE_LABEL = re.compile(rf"^(?:{SOCIAL_NETWORKS}|socials?|social (?:media|profiles|links)|соцсети|социальные сети)\s*:?$", re.I)
PROFILE_HEADING = re.compile(r"^(?:detail author|author details|author profile|author info(?:rmation)?|about the author|об авторе|профиль автора)\s*:?$", re.I)

SENTENCE_END = ".!?…\"”»'’)]:;؟。！？"


def _short(paragraph: str, limit: int) -> bool:
    return len(paragraph) <= limit


def furniture_kind(paragraph: str) -> str | None:
    """The kind of page furniture this paragraph is, or None for article text."""
    p = paragraph.strip()
    if not p:
        return None
    if _short(p, 160) and (NAV_LINE.match(p) or LANGUAGE_SWITCHER.match(p) or READING_CHROME.match(p) or WIKI_CHROME.match(p)):
        return "navigation"
    if _short(p, 200) and _is_menu(p):
        return "navigation"
    if _short(p, 120) and (SOCIAL_ONLY.match(p) or SOCIAL_CALL.match(p)):
        return "social"
    lowered = p.lower()
    signals = len(SUBSCRIPTION.findall(p)) if _short(p, 400) and any(m in lowered for m in SUBSCRIPTION_MARKERS) else 0
    if signals >= 2 or (signals == 1 and _short(p, 160)):
        return "subscription"
    if _short(p, 600) and ("cookie" in lowered or "куки" in lowered) and COOKIE.search(p) and COOKIE_CONTEXT.search(p):
        return "cookies"
    if _short(p, 60) and RELATED_HEADING.match(p):
        return "related-heading"
    if _short(p, 240) and RELATED_INLINE.match(p):
        return "related"
    if PROFILE_HEADING.match(p):
        return "profile-heading"
    if _short(p, 400) and PROFILE_FIELD.match(p):
        return "profile-field"
    if _short(p, 40) and PROFILE_LABEL.match(p):
        return "profile-label"
    return None


def _is_menu(p: str) -> bool:
    """Three or more short items separated by bars, bullets or arrows: a menu or a breadcrumb trail."""
    items = [item for item in MENU_SEPARATORS.split(p) if item]
    return len(items) >= 3 and all(
        len(item.split()) <= 3 and not item.endswith((".", "?", "!")) and any(ch.isalpha() for ch in item) for item in items
    )


def _headline_like(paragraph: str) -> bool:
    p = paragraph.strip()
    return 0 < len(p) <= 160 and "\n" not in p and not p.endswith((".", ":", ";"))


def remove_furniture(paragraphs: list[str]) -> tuple[list[str], int]:
    """Drop the furniture from a document's paragraphs; return the kept ones and how many went."""
    kinds = [furniture_kind(p) for p in paragraphs]
    drop = [kind is not None and kind not in ("profile-field", "profile-label", "profile-heading") for kind in kinds]
    _mark_profiles(kinds, drop)
    _mark_related_lists(paragraphs, kinds, drop)
    _mark_sandwiched(paragraphs, kinds, drop)
    _mark_repeats(paragraphs, drop)
    kept = [p for p, gone in zip(paragraphs, drop) if not gone]
    return kept, len(paragraphs) - len(kept)


def _mark_profiles(kinds: list[str | None], drop: list[bool]) -> None:
    """A run of profile pieces holding at least three fields is a generated profile; alone, a field is text."""
    i = 0
    while i < len(kinds):
        if kinds[i] not in ("profile-field", "profile-label", "profile-heading"):
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] in ("profile-field", "profile-label", "profile-heading"):
            j += 1
        if sum(kind == "profile-field" for kind in kinds[i:j]) >= 3:
            for k in range(i, j):
                drop[k] = True
        i = j


def _mark_related_lists(paragraphs: list[str], kinds: list[str | None], drop: list[bool]) -> None:
    for i, kind in enumerate(kinds):
        if kind != "related-heading":
            continue
        j = i + 1
        while j < len(paragraphs) and _headline_like(paragraphs[j]):
            drop[j] = True
            j += 1


def _mark_sandwiched(paragraphs: list[str], kinds: list[str | None], drop: list[bool], limit: int = 200) -> None:
    """A short unlabelled paragraph between two pieces of the same form or widget belongs to it."""
    for i in range(1, len(paragraphs) - 1):
        same_kind = kinds[i - 1] in ("subscription", "cookies") and kinds[i - 1] == kinds[i + 1]
        if not drop[i] and drop[i - 1] and drop[i + 1] and same_kind and len(paragraphs[i]) <= limit:
            drop[i] = True


def _mark_repeats(paragraphs: list[str], drop: list[bool]) -> None:
    previous = None
    for i, p in enumerate(paragraphs):
        if drop[i]:
            continue
        key = " ".join(p.casefold().split())
        if key == previous:
            drop[i] = True
        previous = key
