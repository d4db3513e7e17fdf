"""A digest of everything ``accord.press.pipeline.process`` returns, per document, so that a change
made for speed can be shown to change nothing: run it once before the change (``--save``), then
after it (``--check``); every document's digest must be the same.

    .venv/bin/python bench/pipeline_digest.py --save /tmp/digests.json     # before
    .venv/bin/python bench/pipeline_digest.py --check /tmp/digests.json    # after: lists what differs

The documents: every file of the shared press corpus and of the implementation-event gold set
(``../shared/corpus/*.jsonl``, ``../shared/implementation/*.jsonl``, read as ``accord ingest``
reads them), the multilingual benchmark corpus (bench/gen_multilingual.py, every language), the
English/Russian synthetic corpus with its near duplicates, and the same as HTML news pages.  A
digest covers the whole ``ProcessedDocument``: cleaned and redacted text, redaction counts,
paragraphs and their languages, claims with spans and verdicts, events with dates, warnings.
Documents are judged against a fixed day, so that the digests do not change with the calendar.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_corpus  # noqa: E402
import gen_multilingual  # noqa: E402

JUDGED_ON = dt.date(2026, 6, 1)
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def _documents(per_lang: int, words: int) -> Iterator[tuple[str, object]]:
    from accord.press.read import RawDocument, read_paths

    files = sorted((SHARED / "corpus").glob("*.jsonl")) + sorted((SHARED / "implementation").glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no shared corpus under {SHARED.resolve()}")
    for path in files:
        for entry in read_paths([path]):
            if isinstance(entry, RawDocument):
                yield f"{path.parent.name}/{path.name}:{entry.id}", entry
    for lang in sorted(gen_multilingual.GENERATORS):
        for r in gen_multilingual.documents(lang, per_lang, seed=7, words=words):
            yield f"multilingual:{r['id']}", RawDocument(id=r["id"], text=r["text"], origin=r["id"], url=r["url"],
                                                          lang=r["lang"], published=r["published"], outlet=r["outlet"])
    for r in gen_corpus.documents(per_lang, seed=7, words=words):
        fields = {key: r[key] for key in ("url", "lang", "published", "outlet")}
        yield f"synthetic:{r['id']}", RawDocument(id=r["id"], text=r["text"], origin=r["id"], **fields)
        yield f"synthetic-html:{r['id']}", RawDocument(id=r["id"], text=gen_corpus.html_page(r), origin=r["id"],
                                                       is_html=True, **fields)


def _digest(processed) -> str:
    fields = dataclasses.asdict(processed)
    fields["origin"] = fields["origin"].rsplit("/shared/", 1)[-1]  # the same documents read from another checkout
    return hashlib.sha256(repr(fields).encode("utf-8")).hexdigest()[:16]


def digests(per_lang: int, words: int) -> dict[str, str]:
    from accord.knowledge.catalog import default_catalog
    from accord.press.pipeline import process

    catalog = default_catalog()
    return {key: _digest(process(raw, catalog, JUDGED_ON)) for key, raw in _documents(per_lang, words)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write the digests to this JSON file")
    what.add_argument("--check", type=Path, help="compare with the digests in this JSON file")
    parser.add_argument("--per-lang", type=int, default=40, help="synthetic documents per language")
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args(argv)
    found = digests(args.per_lang, args.words)
    if args.save:
        args.save.write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
        print(f"{len(found)} documents digested into {args.save}")
        return 0
    expected = json.loads(args.check.read_text(encoding="utf-8"))
    differing = sorted(key for key in expected.keys() & found.keys() if expected[key] != found[key])
    missing, extra = sorted(expected.keys() - found.keys()), sorted(found.keys() - expected.keys())
    for key in differing:
        print(f"differs: {key}")
    for key in missing:
        print(f"missing: {key}")
    for key in extra:
        print(f"new: {key}")
    same = len(expected.keys() & found.keys()) - len(differing)
    print(f"{same} of {len(expected)} documents identical; {len(differing)} differ, {len(missing)} missing, {len(extra)} new")
    return 1 if differing or missing or extra else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
