"""Error messages built in Python below the pages, in the page's language.

The library's messages (``accord.interfaces.inputs``, the catalog's lookups, search limits) are
English sentences shared with the CLI and the API, where they are part of the contract. A page
reads each one back by its shape: every shape below is a pattern over the English sentence and a
msgid with the same placeholders, so the values the user typed (and the suggestions, which are
ids) pass through unchanged and only the words around them are translated. A message of a shape
not listed here is shown as it is, in English, rather than lost.
"""

from __future__ import annotations

import re

from accord.interfaces.web import i18n


def N_(message: str) -> str:  # marks a msgid for the extractor
    return message


# What a lookup or a filter failed to find (LookupFailed.what, field names): translated as words.
WORDS = (N_("treaty"), N_("party"), N_("event kind"), N_("weapons"), N_("place"), N_("period"), N_("outlet"),
         N_("language"), N_("type"), N_("claim type"), N_("verdict"), N_("text"), N_("sort key"),
         N_("the acting state"), N_("the target"))

# A field named in a message: quoted ('type') or bare (by).
_FIELD = r"(?P<field>'[^']*'|the acting state|the target|[\w-]+)"

# (pattern over the English message, msgid). The first that matches the whole message is used.
SHAPES: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.S), m) for p, m in [
    (r"unknown (?P<what>[a-z ]+?) '(?P<value>.*)' \(did you mean '(?P<suggestion>.*)'\?\) for " + _FIELD,
     N_("unknown %(what)s '%(value)s' for %(field)s (did you mean '%(suggestion)s'?)")),
    (r"unknown (?P<what>[a-z ]+?) '(?P<value>.*)' \(did you mean '(?P<suggestion>.*)'\?\)",
     N_("unknown %(what)s '%(value)s' (did you mean '%(suggestion)s'?)")),
    (r"unknown (?P<what>[a-z ]+?) '(?P<value>.*)'; known: (?P<known>.*) for " + _FIELD,
     N_("unknown %(what)s '%(value)s' for %(field)s; known: %(known)s")),
    (r"unknown (?P<what>[a-z ]+?) '(?P<value>.*)'; known: (?P<known>.*)",
     N_("unknown %(what)s '%(value)s'; known: %(known)s")),
    (r"unknown value '(?P<value>.*)' for " + _FIELD + r"; did you mean '(?P<suggestion>.*)'\? \(one of: (?P<known>.*)\)",
     N_("unknown value '%(value)s' for %(field)s; did you mean '%(suggestion)s'? (one of: %(known)s)")),
    (r"unknown value '(?P<value>.*)' for " + _FIELD + r" \(one of: (?P<known>.*)\)",
     N_("unknown value '%(value)s' for %(field)s (one of: %(known)s)")),
    (r"unknown sort key '(?P<value>.*)' \(one of: (?P<known>.*)\)",
     N_("unknown sort key '%(value)s' (one of: %(known)s)")),
    (r"unknown (?P<what>[a-z ]+?) '(?P<value>.*)' for " + _FIELD, N_("unknown %(what)s '%(value)s' for %(field)s")),
    (r"unknown (?P<what>[a-z ]+?) '(?P<value>.*)'", N_("unknown %(what)s '%(value)s'")),
    (r"bad date '(?P<value>.*)' for " + _FIELD + r": expected YYYY-MM-DD",
     N_("bad date '%(value)s' for %(field)s: expected YYYY-MM-DD")),
    (r"bad date '(?P<value>.*)': expected YYYY-MM-DD", N_("bad date '%(value)s': expected YYYY-MM-DD")),
    (r"bad date '(?P<value>.*)' for " + _FIELD + r": the latest day answered is (?P<day>[\d-]+)",
     N_("bad date '%(value)s' for %(field)s: the latest day answered is %(day)s")),
    (r"bad date '(?P<value>.*)': the latest day answered is (?P<day>[\d-]+)",
     N_("bad date '%(value)s': the latest day answered is %(day)s")),
    (r"unsupported language '(?P<value>.*)' for " + _FIELD + r": claims are extracted from (?P<known>.*) text",
     N_("unsupported language '%(value)s' for %(field)s: claims are extracted from %(known)s text")),
    (r"unsupported language '(?P<value>.*)': claims are extracted from (?P<known>.*) text",
     N_("unsupported language '%(value)s': claims are extracted from %(known)s text")),
    (r"claims are extracted from (?P<known>.*) text; this text is '(?P<value>.*)' and is not analysed",
     N_("claims are extracted from %(known)s text; this text is '%(value)s' and is not analysed")),
    (r"nothing to check: the (?P<what>[a-z ]+) is empty", N_("nothing to check: the %(what)s is empty")),
    (r"unknown language '(?P<value>.*)': choose English or Russian, or let it be detected",
     N_("unknown language '%(value)s': choose English or Russian, or let it be detected")),
    (r"the form was not sent as UTF-8 text", N_("the form was not sent as UTF-8 text")),
    (r"Unknown (?P<what>[a-z ]+) '(?P<value>.*)': choose one from the list\.",
     N_("Unknown %(what)s '%(value)s': choose one from the list.")),
    (r"Unknown period '(?P<value>.*)': month or week\.", N_("Unknown period '%(value)s': month or week.")),
    (r"Query too large: the query is (?P<n>\d+) characters long; the limit is (?P<limit>\d+)\.",
     N_("Query too large: the query is %(n)s characters long; the limit is %(limit)s.")),
    (r"Query too large: the query has (?P<n>\d+) different words; the limit is (?P<limit>\d+)\.",
     N_("Query too large: the query has %(n)s different words; the limit is %(limit)s.")),
    (r"The search took longer than its budget of (?P<seconds>[\d.]+) s; try fewer or more specific words\.",
     N_("The search took longer than its budget of %(seconds)s s; try fewer or more specific words.")),
    (r"The search was cancelled: the client went away\.", N_("The search was cancelled: the client went away.")),
    (r"(?P<path>.+): cannot be used as an accord store \((?P<detail>.*)\)",
     N_("%(path)s: cannot be used as an accord store (%(detail)s)")),
    (r"(?P<path>.+): cannot create its folder (?P<folder>.+) \((?P<detail>.*)\)",
     N_("%(path)s: cannot create its folder %(folder)s (%(detail)s)")),
    (r"(?P<path>.+): schema version (?P<found>\d+) is newer than this accord \((?P<known>\d+)\)",
     N_("%(path)s: schema version %(found)s is newer than this accord (%(known)s)")),
    (r"(?P<path>.+): cannot take the write lock \((?P<detail>.*)\)", N_("%(path)s: cannot take the write lock (%(detail)s)")),
    (r"(?P<path>.+): cannot write \((?P<detail>.*)\)", N_("%(path)s: cannot write (%(detail)s)")),
]]


def translate(message: str, language: str) -> str:
    """``message`` in ``language`` when its shape is known; the words a user typed stay as typed."""
    if language == i18n.SOURCE_LANGUAGE or not message:
        return message
    _ = i18n.gettext_for(language)
    for pattern, msgid in SHAPES:
        m = pattern.fullmatch(message)
        if m:
            values = m.groupdict()
            if values.get("what"):
                values["what"] = _(values["what"])
            if values.get("field") and not values["field"].startswith("'"):
                values["field"] = _(values["field"])
            return _(msgid) % values
    return message
