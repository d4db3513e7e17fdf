"""Read press documents from files and directories, one document or one precise error at a time.

Supported inputs:

* ``.txt`` — one plain-text document per file;
* ``.html`` / ``.htm`` — one HTML page per file (``RawDocument.is_html`` is set);
* ``.jsonl`` — one JSON object per line, ``{"id", "url", "text", "lang"?, "published"?,
  "outlet"?, ...}`` (the shape of the shared corpus; unknown keys such as ``claims`` are
  ignored);
* directories, walked recursively in sorted order (hidden entries are skipped, and a file of
  any other type found there — notes in Markdown, images — is yielded as :class:`Skipped`,
  not as an error: a folder of press may hold its own README).  A file of another type named
  explicitly is still a :class:`ReadError`.

Nothing here raises on bad input: every per-file or per-line problem is yielded as a
:class:`ReadError` naming the origin, and the batch goes on.  JSONL is streamed line by
line and no file is read whole when it is over ``max_bytes`` (for JSONL the limit applies
to each line), so one huge or broken file cannot exhaust memory or stop a batch.

Document ids: the JSONL ``id`` field (else ``<file stem>:<line>``); for ``.txt`` and
``.html`` files the file stem, or, below a directory that was passed in, the path
relative to that directory without its suffix (``2025/jan/tass``) so that equal names in
different folders do not collide.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

# One document (a file, or one JSONL line) over this is not an article; refusing it keeps one
# runaway input from holding a worker for minutes.  JSONL files themselves may be any size.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt": False, ".html": True, ".htm": True}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED = ", ".join(sorted([*TEXT_SUFFIXES, *JSONL_SUFFIXES]))
OPTIONAL_FIELDS = ("url", "lang", "published", "outlet")
# An HTML page declares its encoding near the top; a cp1251 page is still a page.
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
HTML_TAG = re.compile(r"</(?:p|div|article|span|body|li|h[1-6])\s*>", re.I)


@dataclass(frozen=True)
class RawDocument:
    id: str
    text: str  # raw: HTML or plain text, exactly as read
    url: str | None = None
    lang: str | None = None
    published: str | None = None
    outlet: str | None = None
    origin: str = ""  # "file.jsonl:17" or the file path
    is_html: bool = False


@dataclass(frozen=True)
class Skipped:
    """A file found in a folder that is of no type the reader reads; listed, never an error."""

    origin: str
    reason: str


@dataclass(frozen=True)
class ReadError:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def looks_like_html(text: str) -> bool:
    """True for a whole HTML page or a fragment made of block tags (a JSONL ``text`` may hold either)."""
    head = text[:2000]
    return bool(HTML_START.match(head)) or (head.lstrip().startswith("<") and bool(HTML_TAG.search(text[:20000])))


def is_readable(path: Path) -> bool:
    """True if the file's type is one the reader reads (by its suffix)."""
    suffix = path.suffix.lower()
    return suffix in TEXT_SUFFIXES or suffix in JSONL_SUFFIXES


def read_paths(paths: Iterable[Path | str], *,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | ReadError | Skipped]:
    """Yield every document found under ``paths`` (files or directories), a ReadError per problem,
    and a Skipped per file of another type found in a folder."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file, doc_id in _walk(path):
                if is_readable(file):
                    yield from _read_file(file, doc_id, max_bytes)
                else:
                    yield Skipped(str(file), f"not a type the reader reads ({SUPPORTED})")
        elif path.exists():
            yield from _read_file(path, path.stem, max_bytes)
        else:
            yield ReadError(str(path), "no such file or directory")


def walk_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The readable files ``read_paths`` would open, in the same order, without opening them."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from (file for file, _ in _walk(path) if is_readable(file))
        elif path.exists():
            yield path


def _walk(root: Path) -> Iterator[tuple[Path, str]]:
    for current, dirs, files in os.walk(root, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = Path(current) / name
            yield file, file.relative_to(root).with_suffix("").as_posix()


def _read_file(path: Path, doc_id: str, max_bytes: int) -> Iterator[RawDocument | ReadError]:
    origin = str(path)
    suffix = path.suffix.lower()
    if not is_readable(path):
        yield ReadError(origin, f"unsupported file type {suffix or '(no extension)'!r}; expected one of {SUPPORTED}")
        return
    try:
        size = path.stat().st_size
        if size == 0:
            yield ReadError(origin, "empty file")
            return
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from _read_jsonl(handle, origin, path.stem, max_bytes)
            return
        if size > max_bytes:
            yield ReadError(origin, f"file is {size} bytes, over the limit of {max_bytes} bytes; not read")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(origin, f"cannot read: {exc.strerror or exc}")
        return
    is_html = TEXT_SUFFIXES[suffix]
    text = _decode(data, is_html)
    if isinstance(text, str) and not text.strip():
        yield ReadError(origin, "empty file (only whitespace)")
    elif isinstance(text, str):
        yield RawDocument(id=doc_id, text=text, origin=origin, is_html=is_html)
    else:
        yield ReadError(origin, text[0])


def _decode(data: bytes, is_html: bool) -> str | tuple[str]:
    """Decoded text, or a one-element tuple holding the reason it is not text."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return (f"binary file, not text (NUL byte at byte offset {nul})",)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = META_CHARSET.search(data[:4096]) if is_html else None
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        return (f"invalid UTF-8 at byte offset {exc.start} ({exc.reason})",)


def _read_jsonl(handle: IO[bytes], origin: str, stem: str, max_bytes: int) -> Iterator[RawDocument | ReadError]:
    offset = 0
    yielded = 0
    for lineno in range(1, 1 << 62):
        line = handle.readline(max_bytes + 1)
        if not line:
            break
        start = offset
        offset += len(line)
        where = f"{origin}:{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            offset += _skip_rest_of_line(handle)
            yielded += 1
            yield ReadError(where, f"line is over the limit of {max_bytes} bytes; skipped")
            continue
        nul = line.find(b"\x00")
        if nul >= 0:
            yield ReadError(origin, f"binary file, not JSON lines (NUL byte at byte offset {start + nul})")
            return
        if not line.strip():
            continue
        try:
            decoded = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yielded += 1
            yield ReadError(where, f"invalid UTF-8 at byte offset {start + exc.start} (line {lineno}, byte {exc.start + 1} of the line)")
            continue
        yielded += 1
        yield _document_from_json(decoded, where, f"{stem}:{lineno}")
    if not yielded:
        yield ReadError(origin, "empty file (only blank lines)")


def _skip_rest_of_line(handle: IO[bytes], chunk: int = 1 << 20) -> int:
    skipped = 0
    while True:
        part = handle.readline(chunk)
        skipped += len(part)
        if not part or part.endswith(b"\n"):
            return skipped


def _document_from_json(line: str, where: str, fallback_id: str) -> RawDocument | ReadError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        message = exc.msg.removesuffix(" at")  # json says "Invalid control character at"; the column follows
        return ReadError(where, f"malformed JSON: {message} at column {exc.colno}")
    if not isinstance(record, dict):
        return ReadError(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        return ReadError(where, "no 'text' field")
    if not isinstance(text, str):
        return ReadError(where, f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        return ReadError(where, "empty 'text'")
    doc_id = record.get("id")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        doc_id = fallback_id
    elif isinstance(doc_id, (str, int)) and not isinstance(doc_id, bool):
        doc_id = str(doc_id).strip()
    else:
        return ReadError(where, f"'id' must be a string or an integer, got {type(doc_id).__name__}")
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return ReadError(where, f"{name!r} must be a string or null, got {type(value).__name__}")
        fields[name] = value.strip() or None if isinstance(value, str) else None
    return RawDocument(id=doc_id, text=text, origin=where, is_html=looks_like_html(text), **fields)
