"""Evaluate claim extraction and verdicts against gold annotations (corpus JSON Lines).

Per document, gold and predicted claims are sets of (treaty, type, value)
keys.  Values are normalised before matching: booleans and numbers as text,
strings case-folded, a ratification step by its party ("RUS (State Duma,
2025-04-08)" -> "RUS").  A date matches a date of coarser or finer precision
("2025-01" ~ "2025-01-17"), and any automatic-renewal reading matches another
("auto" ~ "auto-5y"; "extendable" ~ either), because the text often says less
than the gold annotator inferred, and vice versa.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from accord.contract import EvalCounts, EvalReport as EvalAnswer
from accord.knowledge.catalog import Catalog
from accord.press.pipeline import process
from accord.press.read import RawDocument

DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


class EvalInputError(ValueError):
    """The evaluation file is missing or not a corpus JSON Lines file."""


def normalise(type_: str, value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value).strip().lower()
    if type_ == "ratified_by":
        return text[:3].upper()
    if type_ == "entry_into_force_rule":
        days = re.search(r"\d+", text)  # the day count is the fact; the wording of the event varies
        return f"{days.group(0)} days" if days else text
    return text


def compatible(type_: str, gold: str, predicted: str) -> bool:
    if gold == predicted:
        return True
    if predicted.startswith("--") and DATE.match(gold) and len(gold) == 10:
        return gold[4:] == predicted[1:]  # a year-less date matches on month and day
    if DATE.match(gold) and DATE.match(predicted):
        return gold.startswith(predicted) or predicted.startswith(gold)
    if type_ == "renewal":
        auto = ("auto", "extendable", "renewable")
        return gold.startswith(auto) and predicted.startswith(auto) and ("extendable" in (gold, predicted) or gold[:4] == predicted[:4])
    return False


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    verdict_ok: int = 0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn, self.verdict_ok = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.verdict_ok + other.verdict_ok

    def answer(self) -> EvalCounts:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        va = self.verdict_ok / self.tp if self.tp else 0.0
        return EvalCounts(precision=round(p, 4), recall=round(r, 4), f1=round(f1, 4), verdict_accuracy=round(va, 4),
                          tp=self.tp, fp=self.fp, fn=self.fn)


@dataclass
class EvalReport:
    overall: Counts = field(default_factory=Counts)
    by_lang: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    wrong_verdicts: list[dict] = field(default_factory=list)
    documents: int = 0
    supported_flagship_defence: int = 0  # must stay 0: the flagship has no mutual-defence obligation

    def answer(self) -> EvalAnswer:
        return EvalAnswer(
            documents=self.documents,
            overall=self.overall.answer(),
            by_lang={k: v.answer() for k, v in sorted(self.by_lang.items())},
            by_type={k: v.answer() for k, v in sorted(self.by_type.items())},
            supported_flagship_mutual_defense=self.supported_flagship_defence,
            misses=self.misses,
            false_alarms=self.false_alarms,
            wrong_verdicts=self.wrong_verdicts,
        )


def _gold_keys(row: dict) -> dict[tuple, dict]:
    out: dict[tuple, dict] = {}
    for claim in row.get("claims") or []:
        values = claim["value"] if isinstance(claim["value"], list) else [claim["value"]]
        for value in values:
            key = (claim["treaty"], claim["type"], normalise(claim["type"], value))
            out.setdefault(key, {**claim, "value": value})
    return out


def gold_rows(path: Path, gold_key: str, error: type[ValueError] = EvalInputError, *, required: bool = False):
    """The objects of a gold JSON Lines file, each checked for its ``text`` and its list of gold
    items under ``gold_key`` (``claims``, ``events``; it may be left out unless ``required``);
    a missing or malformed file raises ``error``."""
    if not path.is_file():
        raise error(f"{path}: no such file")
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise error(f"{path.name}:{n}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not isinstance(row.get(gold_key, None if required else []), list):
                raise error(f"{path.name}:{n}: expected an object with 'text' and '{gold_key}'")
            yield row


def evaluate(path: Path | str, catalog: Catalog, today: dt.date) -> EvalReport:
    """``today`` is the day an undated document speaks from, as in an ingest."""
    path = Path(path)
    report = EvalReport()
    for row in gold_rows(path, "claims"):
        report.documents += 1
        raw = RawDocument(id=str(row.get("id")), text=row["text"], url=row.get("url"), lang=row.get("lang"),
                          published=row.get("published"), outlet=row.get("outlet"), origin=path.name)
        doc = process(raw, catalog, today)
        lang = row.get("lang") or doc.lang or "unknown"
        gold = _gold_keys(row)
        predicted: dict[tuple, object] = {}
        for c in doc.claims:
            predicted.setdefault((c.treaty, c.type, normalise(c.type, c.value)), c)
            if c.treaty == "rus-irn-2025" and c.type == "mutual_defense" and c.value is True and c.verdict == "supported":
                report.supported_flagship_defence += 1
        unmatched = dict(predicted)
        for key, g in gold.items():
            counts = Counts()
            hit = key if key in unmatched else next(
                (k for k in unmatched if k[:2] == key[:2] and compatible(key[1], key[2], k[2])), None)
            if hit is None:
                counts.fn = 1
                report.misses.append({"doc": row.get("id"), "lang": lang, "treaty": key[0], "type": key[1], "value": g["value"], "quote": g.get("quote")})
            else:
                pred = unmatched.pop(hit)
                counts.tp = 1
                if pred.verdict == g.get("verdict"):
                    counts.verdict_ok = 1
                else:
                    report.wrong_verdicts.append({"doc": row.get("id"), "type": key[1], "value": g["value"], "gold": g.get("verdict"), "predicted": pred.verdict, "citation": pred.citation})
            for bucket in (report.overall, report.by_lang[lang], report.by_type[key[1]]):
                bucket.add(counts)
        for key, pred in unmatched.items():
            counts = Counts(fp=1)
            report.false_alarms.append({"doc": row.get("id"), "lang": lang, "treaty": key[0], "type": key[1], "value": pred.value, "quote": pred.quote})
            for bucket in (report.overall, report.by_lang[lang], report.by_type[key[1]]):
                bucket.add(counts)
    return report
