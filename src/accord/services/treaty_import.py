"""`accord import`: a treaty text -> structure -> coding -> types, stored in the user catalog.

The user catalog is a folder (chosen at the edge: ``$ACCORD_CATALOG`` or the
user data folder).  An import writes ``texts/<id>/<lang>.json`` (the record:
structure, codings, types and the normalised text) and, for a treaty the
catalog does not know, ``treaties/<id>.yaml`` built from the text.  Files are
written to a temporary name and renamed, so nothing half-written is ever read.
A built-in treaty is never overwritten: its text is attached to it instead.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

import yaml

from accord.knowledge.catalog import Catalog
from accord.knowledge.coder import Coding, available_languages, code_closing, code_treaty, guess_language, marker_hits
from accord.knowledge.model import Confidence, FactSource, Membership, Treaty
from accord.knowledge.text import ParsedTreaty, parse_treaty_text
from accord.knowledge.text_formats import ReadText, read_treaty_file
from accord.knowledge.text_record import (
    ArticleOut, InstrumentOut, ItemOut, ParagraphOut, SourceOut, TextImport, TextRecord, TypesOut,
)
from accord.reasoning.text_coding import article_classes, provisions, text_types

SAMPLE = 200  # characters of an article given to the language detector: ample for a paragraph
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ImportError_(ValueError):
    """An import refused: the message names the problem (and the way out, where there is one)."""


def source_label(name: str, sha: str) -> str:
    return f"imported text {name} (sha256 {sha[:12]})"


def choose_language(parsed: ParsedTreaty, given: str | None, from_file: str | None, warnings: list[str],
                    by_article: dict[int, str] | None = None) -> str:
    """--lang, else the AKN expression's language, else the article headings' language, else the text's own."""
    coded = available_languages()
    if given:
        lang = given
    elif from_file:
        lang = from_file
    elif len(parsed.heading_languages) == 1:
        lang = parsed.heading_languages[0]
    else:
        lang = _majority_language(parsed, by_article if by_article is not None else _article_languages(parsed))
    if lang not in coded:
        warnings.append(f"no provision coder for language '{lang}' (coded: {', '.join(coded)}): structure only, every paragraph uncoded")
    return lang


def _article_languages(parsed: ParsedTreaty) -> dict[int, str]:
    from accord.press.language import detect_language

    out = {}
    for k, art in enumerate(parsed.articles):
        body = " ".join(p.text for p in art.paragraphs)
        if len(body) < 60:
            continue
        sample = body[:SAMPLE]
        # the coded languages by their function words; a statistical detector only for a text in none of them
        found = guess_language(sample) or (detect_language(sample) if not marker_hits(sample) else None)
        if found:
            out[k] = found
    return out


def _majority_language(parsed: ParsedTreaty, by_article: dict[int, str]) -> str:
    """The language most articles are written in; among equals, one the headings belong to."""
    counts: dict[str, int] = {}
    for lang in by_article.values():
        counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        from accord.press.language import detect_language

        sample = " ".join(p.text for a in parsed.articles[:5] for p in a.paragraphs)[:SAMPLE * 2]
        return detect_language(sample) or (parsed.heading_languages or ["und"])[0]
    return max(counts, key=lambda x: (counts[x], x in parsed.heading_languages))


def _mixed_language_warning(parsed: ParsedTreaty, lang: str, warnings: list[str], by_article: dict[int, str]) -> None:
    """Articles whose text is in another language than the rest (a mixed copy) are listed."""
    odd = [f"{parsed.articles[k].number} ({found})" for k, found in by_article.items() if found != lang]
    if odd:
        warnings.append(f"articles in another language than '{lang}': {', '.join(odd[:12])}{' …' if len(odd) > 12 else ''}")


def _coding_for(codings: list[Coding]) -> list[Coding]:
    return codings


def build_record(read: ReadText, treaty_id: str, *, language: str | None = None, source_name: str = "text",
                 catalog: Catalog | None = None, check_languages: bool = True) -> TextRecord:
    """Parse and code a text; raises :class:`accord.knowledge.text.TextError` when it has no structure."""
    if not ID_PATTERN.match(treaty_id):
        raise ImportError_(f"bad treaty id '{treaty_id}': lower-case letters, digits and single hyphens, e.g. 'rus-irn-2025'")
    parsed = parse_treaty_text(read.text)
    warnings = list(parsed.warnings)
    by_article = _article_languages(parsed) if check_languages else {}
    lang = choose_language(parsed, language, read.language, warnings, by_article)
    if check_languages:
        _mixed_language_warning(parsed, lang, warnings, by_article)
    coder_lang = lang if lang in available_languages() else None
    coded = code_treaty(parsed, coder_lang) if coder_lang else []
    sha = hashlib.sha256(parsed.text.encode("utf-8")).hexdigest()
    source = source_label(source_name, sha)
    classes = article_classes(coded) if coded else {}
    by_key = {(c.instrument, c.article.number): c for c in coded}

    def article_out(art, instrument: str) -> ArticleOut:
        ca = by_key.get((instrument, art.number))
        paras = []
        for i, p in enumerate(art.paragraphs):
            coding = ca.codings[i] if ca else []
            paras.append(ParagraphOut(number=p.number, numbered=p.numbered, text=p.text, start=p.start, end=p.end,
                                      items=[ItemOut(label=x.label, start=x.start, end=x.end) for x in p.items], coding=coding))
        return ArticleOut(number=art.number, heading=art.heading, title=art.title, start=art.start, end=art.end,
                          paragraphs=paras, obligations=sorted(classes.get((instrument, art.number), {"none"})))

    def closing_of(ins) -> list[Coding]:
        if not coder_lang or ins.closing_start is None:
            return []
        return code_closing(parsed.text, ins.closing_start, ins.closing_start + len(ins.closing), coder_lang)

    main = parsed.instruments[0]
    articles = [article_out(a, "treaty") for a in main.articles]
    instruments = [
        InstrumentOut(kind=ins.kind if ins.kind in ("protocol", "annex") else "annex", title=ins.title,
                      articles=[article_out(a, ins.title) for a in ins.articles], closing=ins.closing or None,
                      closing_coding=closing_of(ins))
        for ins in parsed.instruments[1:]
    ]
    final = [a.number for a in articles if a.paragraphs and all(
        c.kind == "lifecycle" for p in a.paragraphs for c in p.coding) and any(p.coding for p in a.paragraphs)]
    types = text_types(treaty_id, coded, source) if coded else None
    attached = bool(catalog and treaty_id in catalog.treaties)
    return TextRecord(
        treaty=treaty_id, language=lang, title=parsed.title, preamble=parsed.preamble, articles=articles,
        instruments=instruments, closing=main.closing or None, closing_coding=closing_of(main), final_clauses=final,
        types=TypesOut(**{k: getattr(types, k) for k in ("defense", "offense", "neutrality", "nonaggression", "consultation")},
                       cited=types.cited) if types else TypesOut(defense=False, offense=False, neutrality=False, nonaggression=False, consultation=False),
        warnings=warnings, source=SourceOut(name=source_name, format=read.format, sha256=sha, chars=len(parsed.text)),
        attached=attached, text=parsed.text,
    )


def find_parties(record: TextRecord, catalog: Catalog) -> list[str]:
    """Parties named in the title or preamble, by the catalog's names in any language (longest names first)."""
    head = f"{record.title or ''}\n{record.preamble}"
    found: dict[str, int] = {}
    for party in catalog.parties.values():
        if party.group:
            continue
        for names in party.names.values():
            for name in names:
                if len(name) < 4 or not name[0].isupper():
                    continue
                m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", head)
                if m and (party.code not in found or m.start() < found[party.code]):
                    found[party.code] = m.start()
    return sorted(found, key=found.get)


def treaty_from_record(record: TextRecord, parties: list[str]) -> Treaty:
    """A catalog entry for a treaty known only from its text: structure, derived provisions, life cycle."""
    from accord.reasoning.text_coding import treaty_fields

    source = source_label(record.source.name, record.source.sha256)
    fields = treaty_fields(record, source)
    titles = {record.language: record.title} if record.title else {}
    # every plain fact field the text gives carries the text as its source
    given = [name for name in ("languages", "article_count") if fields.get(name)] + (["titles"] if titles else [])
    fields["fact_sources"] = {name: FactSource(sources=[source], confidence=Confidence.medium) for name in given}
    return Treaty(
        id=record.treaty, title=record.title or f"Treaty imported as {record.treaty}",
        titles=titles,
        parties=[Membership(party=p, sources=[source], confidence=Confidence.low,
                            note="named in the title or preamble of the imported text") for p in parties],
        sources=[source], confidence=Confidence.medium, **fields,
    )


def _atomic_write(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def record_path(user_dir: Path, treaty_id: str, language: str) -> Path:
    return user_dir / "texts" / treaty_id / f"{language}.json"


def store_record(record: TextRecord, user_dir: Path, catalog: Catalog, *, replace: bool = False,
                 parties: list[str] | None = None) -> list[Path]:
    """Write the record (and a treaty entry for an unknown treaty); returns the files written.

    Refuses, before writing anything, to overwrite an earlier import without ``replace``; a
    built-in treaty is never overwritten (its text is attached).
    """
    target = record_path(user_dir, record.treaty, record.language)
    treaty_file = user_dir / "treaties" / f"{record.treaty}.yaml"
    if target.exists() and not replace:
        raise ImportError_(f"a {record.language} text of '{record.treaty}' is already imported; add --replace to overwrite it")
    builtin = record.treaty in catalog.treaties and not treaty_file.exists()
    treaty = None
    if not builtin:
        if treaty_file.exists() and not replace:
            raise ImportError_(f"'{record.treaty}' is already in the user catalog; add --replace to overwrite it")
        chosen = parties or find_parties(record, catalog)
        unknown = [p for p in chosen if p not in catalog.parties]
        if unknown:
            raise ImportError_(f"unknown party '{unknown[0]}' for --party (codes are ISO 3166 alpha-3, e.g. RUS)")
        if not chosen:
            raise ImportError_(f"no party of '{record.treaty}' is named in the text's title or preamble; name them with --party (e.g. --party RUS --party IRN)")
        treaty = treaty_from_record(record, chosen)
    written = []
    record = record.model_copy(update={"stored": True, "attached": builtin})
    if treaty is not None:
        # validated above; the treaty file first, so a record never points at a missing entry
        _atomic_write(treaty_file, "# Built from an imported text by `accord import`; derived, not hand-coded.\n"
                      + yaml.safe_dump(treaty.model_dump(mode="json", exclude_defaults=True), allow_unicode=True, sort_keys=False))
        written.append(treaty_file)
    _atomic_write(target, record.model_dump_json(indent=1))
    written.append(target)
    return written


def import_file(path: Path, treaty_id: str, catalog: Catalog, *, language: str | None = None) -> TextRecord:
    read = read_treaty_file(path)
    return build_record(read, treaty_id, language=language, source_name=path.name, catalog=catalog)


def public_answer(record: TextRecord) -> TextImport:
    return TextImport.model_validate(record.model_dump(exclude={"text", "version"}))
