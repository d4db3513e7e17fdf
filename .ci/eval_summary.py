"""Print claim-extraction quality on the shared corpus files given, one line each, then over all
of them together: overall and per language, analysed or not (the targets are asserted by the tests)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from accord.knowledge.catalog import default_catalog
from accord.press.evaluate import Counts, evaluate


def line(name: str, counts: dict) -> str:
    return (f"{name}: F1={counts['f1']:.3f} P={counts['precision']:.3f} R={counts['recall']:.3f} "
            f"verdict_acc={counts['verdict_accuracy']:.3f}")


def main(paths: list[str]) -> int:
    totals: dict[str, Counts] = {}
    overall = Counts()
    catalog, today = default_catalog(), dt.date.today()  # read here, at the edge, as the CLI does
    for path in map(Path, paths):
        report = evaluate(path, catalog, today)
        overall.add(report.overall)
        langs = " ".join(f"{k}={v.answer().model_dump()['f1']:.2f}" for k, v in sorted(report.by_lang.items()))
        print(line(path.name, report.overall.answer().model_dump()), f"| by language: {langs}",
              f"| flagship defence claims judged supported: {report.supported_flagship_defence}")
        for lang, counts in report.by_lang.items():
            totals.setdefault(lang, Counts()).add(counts)
    from accord.press.lang import analysed_languages

    print(line("all files", overall.answer().model_dump()))
    packs = set(analysed_languages())
    for lang in sorted(totals, key=lambda code: (code not in packs, code)):
        note = "" if lang in packs else " (no language pack: not analysed)"
        print(line(f"all files, {lang}", totals[lang].answer().model_dump()) + note)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
