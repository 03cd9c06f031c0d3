"""The client's base file (CSV) read row by row: its encoding, its columns, each row
checked on its own. No store here: whether an account exists is ``base_import``'s.

The file is streamed: a first pass over its bytes tells the encoding and counts the
lines (a huge file is refused before anything else), the second yields one row at a
time, so memory does not grow with the file.
"""

from __future__ import annotations

import codecs
import csv
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.domain.errors import refusal
from swat_tui.domain.messages import text
from swat_tui.paths import data_dir

CHUNK = 1 << 16
UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
ZIP_SIGNATURE = b"PK\x03\x04"  # an XLSX workbook is a zip file
# The encodings tried in order, with the name the report gives each: Excel's
# "CSV (delimitado por comas)" on Windows is cp1252; Latin-1 takes any byte.
ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("cp1252", "Windows-1252 (Excel)"),
    ("latin-1", "Latin-1 (ISO-8859-1)"),
)


@dataclass(frozen=True)
class ImportRules:
    """``data/base_import.toml``."""

    required_columns: tuple[str, ...]
    optional_columns: tuple[str, ...]
    mobile: re.Pattern[str]
    landline: re.Pattern[str]
    cuenta_digits: int
    max_rows: int
    batch_rows: int


@cache
def import_rules() -> ImportRules:
    """The shipped rules, read once per process."""
    raw = tomllib.loads((data_dir() / "base_import.toml").read_text(encoding="utf-8"))
    return ImportRules(
        required_columns=tuple(raw["required_columns"]),
        optional_columns=tuple(raw["optional_columns"]),
        mobile=re.compile(raw["mobile"]),
        landline=re.compile(raw["landline"]),
        cuenta_digits=int(raw["cuenta_digits"]),
        max_rows=int(raw["max_rows"]),
        batch_rows=int(raw["batch_rows"]),
    )


@dataclass(frozen=True)
class FileFormat:
    """What the first pass learnt of the file."""

    encoding: str  # Python's codec name
    encoding_label: str  # the report's name for it ("UTF-8 con BOM")
    delimiter: str
    lines: int  # physical lines, the header's included
    size: int  # bytes


@dataclass(frozen=True)
class BaseRow:
    """A row that passed every check of its own."""

    line: int
    cuenta: int
    phone: str
    phone2: str | None


@dataclass(frozen=True)
class Reject:
    """A row left out, with its line in the file and why."""

    line: int
    cuenta: str
    reason: str


def sniff(path: Path, rules: ImportRules) -> FileFormat:
    """Encoding, delimiter and line count of ``path``; a refusal for a file that is
    missing, empty, not text (XLSX, UTF-16, binary) or bigger than the rules allow."""
    name = path.name
    if not path.is_file():
        raise refusal("files.base.missing", path=path)
    size = path.stat().st_size
    if size == 0:
        raise refusal("files.base.empty", name=name)
    candidates = [codecs.getincrementaldecoder(codec)() for codec, _ in ENCODINGS]
    alive = [True] * len(ENCODINGS)
    lines = 0
    first_line = b""
    with path.open("rb") as stream:
        head = stream.read(4)
        if head.startswith(ZIP_SIGNATURE):
            raise refusal("files.base.xlsx", name=name)
        if head.startswith(UTF16_BOMS):
            raise refusal("files.base.utf16", name=name)
        bom = head.startswith(UTF8_BOM)
        stream.seek(len(UTF8_BOM) if bom else 0)
        ends_with_newline = True
        while chunk := stream.read(CHUNK):
            if b"\x00" in chunk:
                raise refusal("files.base.binary", name=name)
            if len(first_line) < CHUNK and b"\n" not in first_line:
                first_line += chunk.split(b"\n", 1)[0]
            lines += chunk.count(b"\n")
            ends_with_newline = chunk.endswith(b"\n")
            if lines > rules.max_rows + 1:
                raise refusal("files.base.too_big", name=name, maximum=rules.max_rows)
            for index, decoder in enumerate(candidates):
                alive[index] = alive[index] and _decodes(decoder, chunk)
        lines += 0 if ends_with_newline else 1
    alive[0] = alive[0] and _decodes(candidates[0], b"", final=True)  # cut at the end
    index = alive.index(True)  # Latin-1 decodes any byte
    codec, label = ENCODINGS[index]
    if bom and index == 0:
        codec, label = "utf-8-sig", "UTF-8 con BOM"
    header = first_line.decode(ENCODINGS[index][0], errors="replace")
    delimiter = ";" if header.count(";") > header.count(",") else ","
    return FileFormat(codec, label, delimiter, lines, size)


def _decodes(decoder: codecs.IncrementalDecoder, chunk: bytes, *, final: bool = False) -> bool:
    try:
        decoder.decode(chunk, final)
    except UnicodeDecodeError:
        return False
    return True


def column_key(header: str) -> str:
    """A header as the rules name columns: lower case, no accents, no spaces or marks."""
    plain = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def rows(
    path: Path, file_format: FileFormat, rules: ImportRules
) -> Iterator[tuple[int, dict[str, str]]]:
    """Each data row as (its line, its values by column), the header's columns checked
    first (a refusal naming the first missing one); a refusal for broken CSV."""
    with path.open("r", encoding=file_format.encoding, newline="") as stream:
        reader = csv.reader(stream, delimiter=file_format.delimiter)
        try:
            yield from _records(path, reader, rules)
        except csv.Error as error:
            where = f"{path.name}, línea {reader.line_num}"
            raise refusal("files.csv_invalid", where=where, error=error) from error


def _records(path: Path, reader: Any, rules: ImportRules) -> Iterator[tuple[int, dict[str, str]]]:
    header = next(reader, None)
    if header is None:
        raise refusal("files.base.empty", name=path.name)
    header[0] = header[0].lstrip("\ufeff\u00ef\u00bb\u00bf")  # a BOM decoded as cp1252
    keys = [column_key(cell) for cell in header]
    for required in rules.required_columns:
        if required not in keys:
            found = ", ".join(cell.strip() for cell in header if cell.strip()) or "(nada)"
            raise refusal("files.base.columns", name=path.name, missing=required, found=found)
    wanted = {
        key: keys.index(key)
        for key in rules.required_columns + rules.optional_columns
        if key in keys
    }
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue  # a blank line: Excel leaves some at the end
        values = {key: cells[i].strip() if i < len(cells) else "" for key, i in wanted.items()}
        yield reader.line_num, values


def check_row(
    line: int, values: dict[str, str], seen: dict[int, int], rules: ImportRules
) -> BaseRow | Reject:
    """The row if its account and numbers are well formed and its account is not
    repeated in the file (``seen``: account -> first line, updated here)."""
    raw_cuenta = values.get("cuenta", "")
    if not raw_cuenta:
        return Reject(line, raw_cuenta, text("files.base.cuenta_empty"))
    if not raw_cuenta.isdigit() or len(raw_cuenta) > rules.cuenta_digits or int(raw_cuenta) == 0:
        reason = text("files.base.cuenta_bad", value=raw_cuenta, digits=rules.cuenta_digits)
        return Reject(line, raw_cuenta, reason)
    cuenta = int(raw_cuenta)
    if cuenta in seen:
        reason = text("files.base.cuenta_repeated", cuenta=cuenta, first=seen[cuenta])
        return Reject(line, raw_cuenta, reason)
    phone, why = _phone(values.get("telefono", ""), "telefono", rules, required=True)
    if why:
        return Reject(line, raw_cuenta, why)
    phone2, why = _phone(values.get("telefono2", ""), "telefono2", rules, required=False)
    if why:
        return Reject(line, raw_cuenta, why)
    seen[cuenta] = line
    assert phone is not None
    return BaseRow(line, cuenta, phone, phone2 if phone2 != phone else None)


def _phone(raw: str, column: str, rules: ImportRules, *, required: bool) -> tuple[str | None, str]:
    """The number as digits, or the reason it is refused."""
    if not raw:
        return None, text("files.base.phone_empty", column=column) if required else ""
    digits = re.sub(r"[\s\-.()]", "", raw)
    if digits.startswith("+57"):
        digits = digits[3:]
    elif len(digits) == 12 and digits.startswith("57"):
        digits = digits[2:]
    if rules.mobile.match(digits) or rules.landline.match(digits):
        return digits, ""
    return None, text("files.base.phone_bad", column=column, value=raw)
