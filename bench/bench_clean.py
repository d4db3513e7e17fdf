"""Speed of the front of the press pipeline on the shared corpus (medians of 3 runs).

    .venv/bin/python bench/bench_clean.py [corpus files or folders]

Prints docs/s for clean (main text + clean_text), paragraphs/s for language detection
(batched per document, and one paragraph at a time), docs/s for metadata and for
near-duplicate indexing.  Timings on this machine kind are noisy (±30 %): compare
figures from one run.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from accord.press.clean import clean_text, extract_main_text, split_paragraphs
from accord.press.dedupe import NearDuplicateIndex, fingerprint
from accord.press.language import detect_language, paragraph_languages
from accord.press.metadata import extract_metadata
from accord.press.read import RawDocument, read_paths

SHARED = Path(os.environ.get("ACCORD_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
RUNS = 3


def median_rate(count: int, work) -> float:
    rates = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        rates.append(count / (time.perf_counter() - start))
    return statistics.median(rates)


def main(argv: list[str]) -> int:
    sources = [Path(arg) for arg in argv] or [SHARED / "corpus"]
    docs = [d for d in read_paths(sources) if isinstance(d, RawDocument)]
    if not docs:
        print(f"no documents under {', '.join(map(str, sources))}", file=sys.stderr)
        return 2
    cleaned = [clean_text(extract_main_text(d)).text for d in docs]
    spans = [split_paragraphs(text) for text in cleaned]
    paragraphs = sum(map(len, spans))
    for text, doc_spans in zip(cleaned, spans):  # warm-up: lingua loads its models on first use
        paragraph_languages(text, doc_spans)

    def clean_all():
        for d in docs:
            clean_text(extract_main_text(d))

    def languages_batched():
        for text, doc_spans in zip(cleaned, spans):
            paragraph_languages(text, doc_spans)

    def languages_single():
        for text, doc_spans in zip(cleaned, spans):
            for start, end in doc_spans:
                detect_language(text[start:end])

    def metadata_all():
        for d, text in zip(docs, cleaned):
            extract_metadata(d, text)

    def dedupe_all():
        index = NearDuplicateIndex()
        for d, text in zip(docs, cleaned):
            fp = fingerprint(text)  # what an ingest does: fingerprint once, query, then add
            index.query_fingerprint(fp)
            index.add_fingerprint(d.id, fp)

    print(f"corpus: {len(docs)} documents, {paragraphs} paragraphs, {sum(map(len, cleaned))} characters cleaned")
    print(f"clean:                 {median_rate(len(docs), clean_all):8.0f} docs/s")
    print(f"language (batched):    {median_rate(paragraphs, languages_batched):8.0f} paragraphs/s")
    print(f"language (one by one): {median_rate(paragraphs, languages_single):8.0f} paragraphs/s")
    print(f"metadata:              {median_rate(len(docs), metadata_all):8.0f} docs/s")
    print(f"dedupe (query+add):    {median_rate(len(docs), dedupe_all):8.0f} docs/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
