"""Time to import a 100-article treaty text (parse, code, derive types, store) — medians of 5 runs.

    .venv/bin/python bench/bench_import.py [ARTICLES]

The text is generated from a small grammar of treaty clauses written for the
benchmark (duties, prohibitions, triggers, life-cycle clauses, numbered
paragraphs and sub-items), so it exercises every cue family without copying any
real treaty.  Prints the wall time of the first import in the process (cue data read and
compiled; the language is told by the cue languages' function words, so no
statistical detector is built for an English or Russian text), the median of
warm imports, and of a dry run (no storing).  The acceptance figure is the warm import of a
100-article text: under 1 s.  Timings on this machine kind are noisy (±30 %).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from accord.knowledge.catalog import default_catalog
from accord.knowledge.text_formats import read_treaty_bytes
from accord.services.treaty_import import build_record, store_record

RUNS = 5
CLAUSES = [
    "If either Party becomes the object of an armed attack, the other Party shall provide it with military assistance by all means at its disposal.",
    "Neither Party shall provide any military or other assistance to a state that attacks the other Party.",
    "The Parties shall consult each other without delay whenever the security of either of them is threatened.",
    "Each Party shall refrain from the threat or use of force against the other.",
    "The Parties will seek to expand economic cooperation and trade between their regions.",
    "The Parties shall develop military-technical cooperation under separate agreements.",
    "Neither Party shall allow the use of its territory for acts directed against the other Party.",
    "The Parties shall cooperate in combating terrorism and organised crime.",
    "The boundary commission shall meet once a year at a place agreed by the Parties.",
    "This Treaty does not affect the rights and obligations of the Parties under other agreements.",
]
FINAL = [
    "This Treaty is concluded for a period of twenty years and shall be automatically extended for successive periods of five years.",
    "Either Party may withdraw from this Treaty; the withdrawal takes effect six months after the date of receipt of the notice.",
    "This Treaty shall enter into force on the thirtieth day after the exchange of instruments of ratification.",
    "This Treaty shall be deposited with the Secretary-General of the United Nations.",
]


def treaty_text(articles: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    out = ["TREATY OF FRIENDSHIP AND COOPERATION", "", "The High Contracting Parties, desiring to strengthen their relations, have agreed as follows:", ""]
    for n in range(1, articles + 1):
        out += [f"Article {n}", ""]
        body = FINAL if n > articles - 4 else [rnd.choice(CLAUSES) for _ in range(rnd.randint(1, 4))]
        if n > articles - 4:
            out += [body[n - (articles - 3)], ""]
        elif len(body) == 1:
            out += [body[0], ""]
        else:
            for k, clause in enumerate(body, start=1):
                out.append(f"{k}. {clause}")
                if rnd.random() < 0.2:
                    out += ["(a) on land;", "(b) at sea."]
            out.append("")
    out.append("Done at Geneva in two originals, in the English and French languages, both texts being equally authentic.")
    return "\n".join(out) + "\n"


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    data = treaty_text(articles).encode("utf-8")
    catalog = default_catalog()

    def once(store: bool, folder: Path) -> float:
        start = time.perf_counter()
        record = build_record(read_treaty_bytes(data, "bench.txt"), "bench-treaty", source_name="bench.txt", catalog=catalog)
        if store:
            store_record(record, folder, catalog, replace=True, parties=["FRA", "DEU"])
        elapsed = time.perf_counter() - start
        assert len(record.articles) == articles, len(record.articles)
        return elapsed

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cold = once(True, folder)
        warm = statistics.median(once(True, folder) for _ in range(RUNS))
        dry = statistics.median(once(False, folder) for _ in range(RUNS))
    print(f"text: {articles} articles, {len(data) / 1024:.0f} KiB")
    print(f"import, first in process (cue data read and compiled): {cold:.3f} s")
    print(f"import, median of {RUNS}: {warm:.3f} s  ({'under' if warm < 1 else 'OVER'} the 1 s target)")
    print(f"dry run (parse + code + types, no storing), median of {RUNS}: {dry:.3f} s")


if __name__ == "__main__":
    main()
