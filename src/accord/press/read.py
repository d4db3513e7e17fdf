"""Read press documents from files and directories, one document or one precise error at a time.

Supported inputs:

* ``.txt`` — one plain-text document per file;
* ``.html`` / ``.htm`` — one HTML page per file (``RawDocument.is_html`` is set);
* ``.jsonl`` — one JSON object per line, ``{"id", "url", "text", "lang"?, "published"?,
  "outlet"?, ...}`` (the shape of the shared corpus; unknown keys such as ``claims`` are
  ignored);
* ``-`` — JSON Lines read from standard input as they arrive (a pipe or a FIFO: a stream
  of any length is read one line at a time, never held whole);
* directories, walked recursively in sorted order (hidden entries are skipped, and a file of
  any other type found there — notes in Markdown, images — is yielded as :class:`Skipped`,
  not as an error: a folder of press may hold its own README).  A file of another type named
  explicitly is still a :class:`ReadError`.

Nothing here raises on bad input: every per-file or per-line problem is yielded as a
:class:`ReadError` naming the origin, and the batch goes on.  That includes what the
standard library raises on hostile input rather than on broken input: JSON nested deeper
than the parser recurses, an integer with more digits than Python converts, a declared
charset whose codec refuses to decode, and folders or files that cannot be listed or read.
Lone surrogates (valid in JSON escapes, not encodable as UTF-8, so no store can take
them) are replaced by U+FFFD in every field; a declared ``lang`` that is not a known
ISO 639-1 code, and a ``url`` that is not a parseable URL, are dropped rather than
dropping the document.  JSONL is streamed line by
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
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterable, Iterator
from urllib.parse import urlsplit

# One document (a file, or one JSONL line) over this is not an article; refusing it keeps one
# runaway input from holding a worker for minutes.  JSONL files themselves may be any size.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt": False, ".html": True, ".htm": True}
JSONL_SUFFIXES = {".jsonl"}
STDIN = "-"  # the path that names standard input, read as JSON Lines
SUPPORTED = ", ".join(sorted([*TEXT_SUFFIXES, *JSONL_SUFFIXES]))
OPTIONAL_FIELDS = ("url", "lang", "published", "outlet")
# An HTML page declares its encoding near the top; a cp1251 page is still a page.
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
HTML_TAG = re.compile(r"</(?:p|div|article|span|body|li|h[1-6])\s*>", re.I)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
LANGUAGE_TAG = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*")


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
        if is_stdin(path):
            yield from _guarded_stream(sys.stdin.buffer, max_bytes)
            continue
        path = Path(path)
        if path.is_dir():
            for entry in _walk(path):
                if isinstance(entry, ReadError):
                    yield entry
                elif is_readable(entry[0]):
                    yield from _guarded(entry[0], entry[1], max_bytes)
                else:
                    yield Skipped(str(entry[0]), f"not a type the reader reads ({SUPPORTED})")
        elif path.exists():
            yield from _guarded(path, path.stem, max_bytes)
        else:
            yield ReadError(str(path), "no such file or directory")


def is_stdin(path: Path | str) -> bool:
    return str(path) == STDIN


def walk_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The readable files ``read_paths`` would open, in the same order, without opening them
    (standard input is no file: it is left out)."""
    for path in paths:
        if is_stdin(path):
            continue
        path = Path(path)
        if path.is_dir():
            yield from (entry[0] for entry in _walk(path) if not isinstance(entry, ReadError) and is_readable(entry[0]))
        elif path.exists():
            yield path


def _walk(root: Path) -> Iterator[tuple[Path, str] | ReadError]:
    """Files under ``root`` with their ids; a folder that cannot be listed is an error, not a silent gap."""
    unreadable: list[OSError] = []
    for current, dirs, files in os.walk(root, onerror=unreadable.append):
        yield from (ReadError(e.filename or str(root), f"cannot read folder: {e.strerror or e}") for e in unreadable)
        unreadable.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = Path(current) / name
            yield file, file.relative_to(root).with_suffix("").as_posix()
    yield from (ReadError(e.filename or str(root), f"cannot read folder: {e.strerror or e}") for e in unreadable)


def _guarded(path: Path, doc_id: str, max_bytes: int) -> Iterator[RawDocument | ReadError]:
    """One file's documents; whatever reading it raises ends that file only, with the reason."""
    try:
        yield from _read_file(path, doc_id, max_bytes)
    except Exception as exc:  # noqa: BLE001 - the net under the specific checks: one file never stops a batch
        yield ReadError(str(path), f"cannot read: {type(exc).__name__}: {exc}")


def _guarded_stream(handle: IO[bytes], max_bytes: int) -> Iterator[RawDocument | ReadError]:
    """JSON Lines from an open stream; ids default to ``stdin:<line>``, origins are ``-:<line>``."""
    try:
        yield from _read_jsonl(handle, STDIN, "stdin", max_bytes)
    except Exception as exc:  # noqa: BLE001 - a broken pipe ends the stream, not the batch
        yield ReadError(STDIN, f"cannot read: {type(exc).__name__}: {exc}")


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
        yield RawDocument(id=without_surrogates(doc_id), text=without_surrogates(text), origin=without_surrogates(origin),
                          is_html=is_html)
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
            except (LookupError, ValueError):  # unknown codec, or one that fails with a bare UnicodeError
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
    except RecursionError:
        return ReadError(where, "malformed JSON: nested deeper than the parser can follow")
    except ValueError as exc:  # an integer with more digits than int() converts
        return ReadError(where, f"malformed JSON: {exc}".split(";")[0])
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
        fields[name] = value if isinstance(value, str) else None
    return raw_document(doc_id, text, origin=where, **fields)


def raw_document(doc_id: str, text: str, *, origin: str, url: str | None = None, lang: str | None = None,
                 published: str | None = None, outlet: str | None = None) -> RawDocument:
    """A document from fields given by a caller (a JSON line, an HTTP body), made safe to process and
    store: no lone surrogates, a known language or none, a parseable URL or none."""
    text = without_surrogates(text)
    clean = lambda value: without_surrogates(value).strip() or None if value else None  # noqa: E731
    return RawDocument(id=without_surrogates(doc_id), text=text, url=usable_url(clean(url)),
                       lang=declared_language(clean(lang)), published=clean(published), outlet=clean(outlet),
                       origin=without_surrogates(origin), is_html=looks_like_html(text))


def without_surrogates(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD: JSON escapes can make them, UTF-8 cannot hold them."""
    if LONE_SURROGATE.search(value) is None:
        return value
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


@lru_cache(maxsize=1)
def _language_codes() -> frozenset[str]:
    from lingua import Language  # the detector's own list of languages: ISO 639-1, 75 of them

    return frozenset(language.iso_code_639_1.name.lower() for language in Language.all())


def declared_language(value: str | None) -> str | None:
    """A declared language as its ISO 639-1 code ("EN-us" -> "en"); None when it names no known language,
    so the paragraphs' own detected languages decide."""
    match = LANGUAGE_TAG.fullmatch(value) if value else None
    code = match.group(1).lower() if match else None
    return code if code in _language_codes() else None


def usable_url(value: str | None) -> str | None:
    """The URL if it can be parsed, else None: a broken optional field does not cost the document."""
    if not value or len(value) > 8192 or any(ch.isspace() or ord(ch) < 32 for ch in value):
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return None
    return value if parts.netloc or parts.scheme in ("", "http", "https") else None
