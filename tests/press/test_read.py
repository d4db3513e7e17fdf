"""Reading press files: every corpus document comes through, and each bad input yields its own precise error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.press.read import RawDocument, ReadError, Skipped, looks_like_html, read_paths

from shared_data import CORPUS, corpus_records, shared_path


def _split(results):
    docs = [r for r in results if isinstance(r, RawDocument)]
    errors = [r for r in results if isinstance(r, ReadError)]
    return docs, errors


@pytest.mark.parametrize("name", ["seeds.jsonl", "dev.jsonl", "dev_adversarial.jsonl"])
def test_every_corpus_document_is_read_with_its_fields(name):
    records = corpus_records(name)
    docs, errors = _split(list(read_paths([CORPUS / name])))
    assert errors == []
    assert [d.id for d in docs] == [r["id"] for r in records]
    for doc, record in zip(docs, records):
        assert doc.text == record["text"]
        assert (doc.url, doc.lang, doc.published, doc.outlet) == tuple(record.get(k) for k in ("url", "lang", "published", "outlet"))
        assert doc.origin.endswith(f"{name}:{records.index(record) + 1}")
        assert not doc.is_html


def test_corpus_directory_reads_all_jsonl_and_skips_the_other_files(corpus):
    results = list(read_paths([CORPUS]))
    docs, errors = _split(results)
    expected = sum(len(corpus_records(p.name)) for p in CORPUS.glob("*.jsonl"))
    assert len(docs) == expected and errors == []
    unsupported = [p for p in CORPUS.iterdir() if p.suffix not in (".jsonl", ".txt", ".html", ".htm")]
    assert unsupported, "the corpus folder holds its schema notes"
    assert sorted(r.origin for r in results if isinstance(r, Skipped)) == sorted(map(str, unsupported))


@pytest.fixture()
def messy_tree(tmp_path: Path) -> Path:
    root = tmp_path / "batch"
    (root / "a" / "deeper").mkdir(parents=True)
    (root / "b").mkdir()
    good = {"id": "good-1", "url": "https://example.org/2025/01/20/x", "text": "Russia and Iran signed a treaty.", "claims": [1]}
    lines = [
        json.dumps(good),
        '{"id": "broken", "text": "unterminated',
        "",
        json.dumps({"id": "no-text", "url": "https://example.org"}),
        json.dumps({"text": "A document without an id."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "huge", "text": "x" * 5000}),
        json.dumps({"id": "good-2", "text": "Second good line.", "lang": "en"}),
    ]
    (root / "a" / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "a" / "deeper" / "story.txt").write_text("A plain story in a nested folder.\n", encoding="utf-8")
    (root / "a" / "deeper" / "page.html").write_text("<html><body><p>Hello page</p></body></html>", encoding="utf-8")
    (root / "b" / "story.txt").write_text("Same file name, other folder.", encoding="utf-8")
    (root / "b" / "empty.txt").write_bytes(b"")
    (root / "b" / "blob.txt").write_bytes(b"GIF89a\x00\x01\x02binary")
    (root / "b" / "latin1.txt").write_bytes("caf\u00e9 au lait".encode("latin-1"))
    (root / "b" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "b" / "big.txt").write_text("y" * 3000, encoding="utf-8")
    (root / "b" / ".hidden.txt").write_text("ignored", encoding="utf-8")
    return root


def test_a_messy_batch_yields_the_good_documents_and_one_precise_error_per_problem(messy_tree: Path):
    results = list(read_paths([messy_tree], max_bytes=2000))
    docs, errors = _split(results)
    assert [d.id for d in docs] == ["good-1", "items:5", "good-2", "a/deeper/page", "a/deeper/story", "b/story"]
    page = next(d for d in docs if d.id == "a/deeper/page")
    assert page.is_html and page.origin.endswith("page.html")
    assert docs[0].url == "https://example.org/2025/01/20/x"

    by_origin = {Path(e.origin).name: e.message for e in errors}
    assert "malformed JSON" in by_origin["items.jsonl:2"]
    assert by_origin["items.jsonl:4"] == "no 'text' field"
    assert "expected a JSON object" in by_origin["items.jsonl:6"]
    assert "over the limit of 2000 bytes" in by_origin["items.jsonl:7"]
    assert by_origin["empty.txt"] == "empty file"
    assert by_origin["blob.txt"].startswith("binary file") and "byte offset 6" in by_origin["blob.txt"]
    assert "invalid UTF-8 at byte offset 3" in by_origin["latin1.txt"]
    assert "notes.pdf" not in by_origin  # a file of another type in a folder is skipped, not an error
    assert [Path(r.origin).name for r in first_skipped(messy_tree)] == ["notes.pdf"]
    assert "3000 bytes, over the limit of 2000" in by_origin["big.txt"]
    assert not any("hidden" in e.origin for e in errors)
    assert len(errors) == 8


def first_skipped(tree: Path) -> list[Skipped]:
    return [r for r in read_paths([tree], max_bytes=2000) if isinstance(r, Skipped)]


def test_reading_is_deterministic_and_lazy(messy_tree: Path):
    first = list(read_paths([messy_tree], max_bytes=2000))
    assert first == list(read_paths([messy_tree], max_bytes=2000))
    stream = read_paths([messy_tree / "a" / "items.jsonl"])
    assert next(stream).id == "good-1"  # a generator: the rest of the file is not parsed yet


def test_an_oversized_jsonl_line_is_skipped_without_losing_the_next_line(tmp_path: Path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "z" * 100_000}) + "\n" + json.dumps({"id": "after", "text": "ok"}) + "\n")
    docs, errors = _split(list(read_paths([path], max_bytes=1000)))
    assert [d.id for d in docs] == ["after"]
    assert errors[0].origin.endswith("long.jsonl:1")


def test_invalid_utf8_inside_a_jsonl_line_is_located_by_file_offset(tmp_path: Path):
    first = (json.dumps({"id": "one", "text": "fine"}) + "\n").encode()
    path = tmp_path / "bad.jsonl"
    path.write_bytes(first + b'{"id": "two", "text": "caf\xe9"}\n')
    docs, errors = _split(list(read_paths([path])))
    assert [d.id for d in docs] == ["one"]
    assert f"byte offset {len(first) + 26}" in errors[0].message and errors[0].origin.endswith(":2")


def test_missing_path_and_blank_jsonl_are_errors_not_exceptions(tmp_path: Path):
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n   \n")
    docs, errors = _split(list(read_paths([tmp_path / "nope.txt", blank])))
    assert docs == []
    assert [e.message for e in errors] == ["no such file or directory", "empty file (only blank lines)"]


def test_html_declared_in_another_charset_is_decoded(tmp_path: Path):
    page = tmp_path / "ru.html"
    page.write_bytes('<html><head><meta charset="windows-1251"></head><body><p>Договор</p></body></html>'.encode("cp1251"))
    (doc,) = list(read_paths([page]))
    assert "Договор" in doc.text and doc.is_html


def test_html_is_recognised_inside_jsonl_text():
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html("<div><p>A fragment</p></div>")
    assert not looks_like_html("Plain text with a <tag> mention in it.")
