"""Per-language throughput of the press pipeline on 1,000-word synthetic documents, against a bare
spaCy pass (blank tokenizer of the language + a token Matcher of 200 patterns) over the same
texts, in the same run (bench/gen_multilingual.py writes the documents).

    .venv/bin/python bench/bench_pipeline.py multilingual [--docs-per-lang 100] [--words 1000] [--langs en,ru,de,fr,es,pt,ar,fa]

For each language: ``process`` over its documents held in memory (after a warm-up), then
the spaCy pass, each the median of three runs, in documents per CPU-second of this process
(one core: the honest per-core figure on a shared machine, where wall-clock time depends on
what else runs).  The ratio is pipeline / spaCy: the share of a bare tokenize-and-match pass
that the whole pipeline (cleaning, language, metadata, dedupe keys, claims, verdicts, events)
keeps.  The Matcher's 200 patterns are two-word sequences of the language taken from the texts,
as many as the claim cues of a pack.
"""

from __future__ import annotations

import statistics
import time
from typing import Callable

import gen_multilingual

RUNS = 3
WARM_UP = 5
MATCHER_PATTERNS = 200


def _per_cpu_second(items: list, work: Callable) -> float:
    seconds = []
    for _ in range(RUNS):
        start = time.process_time()
        for item in items:
            work(item)
        seconds.append(time.process_time() - start)
    return len(items) / statistics.median(seconds)


def _spacy_pass(lang: str, texts: list[str]) -> Callable[[str], object]:
    try:
        import spacy
        from spacy.matcher import Matcher
    except ImportError:  # not a dependency of accord: only this comparison needs it
        raise SystemExit("spaCy is not installed; the comparison needs it: .venv/bin/pip install 'spacy>=3.8,<3.9'") from None

    nlp = spacy.blank(lang)
    matcher = Matcher(nlp.vocab)
    pairs: list[tuple[str, str]] = []
    for text in texts:
        words = [t.lower_ for t in nlp.tokenizer(text) if t.is_alpha]
        for a, b in zip(words, words[1:]):
            if (a, b) not in pairs:
                pairs.append((a, b))
            if len(pairs) >= MATCHER_PATTERNS:
                break
        if len(pairs) >= MATCHER_PATTERNS:
            break
    for i, (a, b) in enumerate(pairs):
        matcher.add(f"p{i}", [[{"LOWER": a}, {"LOWER": b}]])
    return lambda text: matcher(nlp.tokenizer(text))


def run(langs: list[str], docs_per_lang: int, words: int, seed: int) -> dict:
    import datetime as dt
    from functools import partial

    from accord.knowledge.catalog import default_catalog
    from accord.press.pipeline import process as process_with
    from accord.press.read import RawDocument

    process = partial(process_with, catalog=default_catalog(), today=dt.date.today())
    out = {}
    for lang in langs:
        records = gen_multilingual.documents(lang, docs_per_lang, seed=seed, words=words)
        raws = [RawDocument(id=r["id"], text=r["text"], origin=r["id"], url=r["url"], lang=r["lang"],
                            published=r["published"], outlet=r["outlet"]) for r in records]
        texts = [r["text"] for r in records]
        for raw in raws[:WARM_UP]:
            process(raw)
        pipeline = _per_cpu_second(raws, process)
        spacy_pass = _spacy_pass(lang, texts)
        for text in texts[:WARM_UP]:
            spacy_pass(text)
        bare = _per_cpu_second(texts, spacy_pass)
        analysed = sum(1 for raw in raws[:10] for c in process(raw).claims) / min(10, len(raws))
        out[lang] = {"documents": len(raws), "mean_words": round(sum(len(t.split()) for t in texts) / len(texts)),
                     "pipeline_docs_per_cpu_s": round(pipeline, 1), "spacy_docs_per_cpu_s": round(bare, 1),
                     "ratio": round(pipeline / bare, 2), "claims_per_doc": round(analysed, 1)}
    return out


def print_figures(figures: dict) -> None:
    print(f"per language, one core (documents per CPU-second, median of {RUNS} runs):")
    print(f"  {'lang':<5} {'docs':>5} {'words':>6} {'pipeline':>9} {'spaCy':>9} {'ratio':>6} {'claims/doc':>11}")
    for lang, f in figures.items():
        print(f"  {lang:<5} {f['documents']:>5} {f['mean_words']:>6} {f['pipeline_docs_per_cpu_s']:>9.1f} "
              f"{f['spacy_docs_per_cpu_s']:>9.1f} {f['ratio']:>6.2f} {f['claims_per_doc']:>11.1f}")
