"""``swat base import``: the client's base of accounts becomes a campaign, whole or not at all.

Two passes. The first streams the file, checks each row (base_file) and each batch of
accounts against RR (read transactions), writes the good rows to a temporary file and
hands every reject, in line order, to ``on_reject``. The second is one write
transaction: the campaign and all its records (COPY on PostgreSQL). So no lock is held
while the file is checked, memory stays flat however long the file is, and a file that
fails half-way leaves nothing behind.

Rejected rows do not stop the others (they are reported with their line); ``strict``
loads nothing when any row is rejected.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from swat_tui.domain.errors import refusal
from swat_tui.domain.messages import text
from swat_tui.domain.supervisor.campaign.base_file import (
    BaseRow,
    FileFormat,
    ImportRules,
    Reject,
    check_row,
    import_rules,
    rows,
    sniff,
)
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Campaign
from swat_tui.store.queries import campaigns as queries

CODE = re.compile(r"[A-Za-z0-9_-]{1,30}")
NAME_MAX = 80
SAMPLE = 20  # rejects the report keeps to show; all of them go to on_reject
INSERT_ROWS = 5000  # records handed to the driver at once

# (phase, done, total): "validar" counts lines of the file, "cargar" records written.
Progress = Callable[[str, int, int], None]


@dataclass
class ImportReport:
    """What the import did: the file's encoding, how many rows loaded and rejected."""

    campaign: str
    file: str
    encoding: str
    delimiter: str
    rows: int = 0  # data rows read
    loaded: int = 0
    rejected: int = 0
    reasons: Counter[str] = field(default_factory=Counter)  # by kind of reject
    sample: list[Reject] = field(default_factory=list)  # the first SAMPLE rejects


def import_base(
    engine: Engine,
    path: Path,
    *,
    code: str,
    name: str | None,
    by: str,
    now: datetime,
    strict: bool = False,
    on_reject: Callable[[Reject], None] | None = None,
    progress: Progress | None = None,
    rules: ImportRules | None = None,
) -> ImportReport:
    """Load ``path`` as campaign ``code``; a refusal (nothing written) for a bad file,
    an existing code, no valid row, or any reject under ``strict``."""
    rules = rules or import_rules()
    code = code.strip().upper()
    if not CODE.fullmatch(code):
        raise refusal("files.base.campaign_code", campaign=code)
    name = (name or code).strip()
    if not 0 < len(name) <= NAME_MAX:
        raise refusal("files.base.campaign_name")
    file_format = sniff(path, rules)
    _refuse_existing(engine, code)
    report = ImportReport(code, path.name, file_format.encoding_label, file_format.delimiter)

    def rejected(reject: Reject) -> None:
        report.rejected += 1
        report.reasons[_kind(reject.reason)] += 1
        if len(report.sample) < SAMPLE:
            report.sample.append(reject)
        if on_reject is not None:
            on_reject(reject)

    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as good:
        writer = csv.writer(good)
        for item in _checked(engine, path, file_format, rules, report, progress):
            if isinstance(item, Reject):
                rejected(item)
            else:
                writer.writerow((item.line, item.cuenta, item.phone, item.phone2 or ""))
                report.loaded += 1
        if report.rows == 0:
            raise refusal("files.base.no_rows", name=path.name)
        if strict and report.rejected:
            raise refusal("files.base.strict", count=report.rejected)
        if report.loaded == 0:
            raise refusal("files.base.none_valid")
        good.seek(0)
        _load(engine, good, report, name=name, by=by, now=now, progress=progress)
    return report


def _refuse_existing(engine: Engine, code: str) -> None:
    with read_session(engine) as session:
        if queries.by_code(session, code) is not None:
            raise refusal("files.base.campaign_exists", campaign=code)


def _checked(
    engine: Engine,
    path: Path,
    file_format: FileFormat,
    rules: ImportRules,
    report: ImportReport,
    progress: Progress | None,
) -> Iterator[BaseRow | Reject]:
    """Every row checked, in line order, accounts looked up a batch at a time."""
    seen: dict[int, int] = {}
    batch: list[BaseRow | Reject] = []
    lines = file_format.lines
    for line, values in rows(path, file_format, rules):
        report.rows += 1
        batch.append(check_row(line, values, seen, rules))
        if len(batch) >= rules.batch_rows:
            yield from _with_accounts(engine, batch)
            batch = []
            if progress is not None:
                progress("validar", line, lines)
    yield from _with_accounts(engine, batch)
    if progress is not None:
        progress("validar", lines, lines)


def _with_accounts(engine: Engine, batch: list[BaseRow | Reject]) -> Iterator[BaseRow | Reject]:
    """The batch with its unknown accounts turned into rejects."""
    cuentas = [item.cuenta for item in batch if isinstance(item, BaseRow)]
    with read_session(engine) as session:
        known = queries.existing_accounts(session, cuentas)
    for item in batch:
        if isinstance(item, BaseRow) and item.cuenta not in known:
            reason = text("files.base.cuenta_unknown", cuenta=item.cuenta)
            yield Reject(item.line, str(item.cuenta), reason)
        else:
            yield item


def _load(
    engine: Engine,
    good: TextIO,
    report: ImportReport,
    *,
    name: str,
    by: str,
    now: datetime,
    progress: Progress | None,
) -> None:
    """The campaign and its records in one transaction."""
    campaign = Campaign(
        code=report.campaign,
        name=name,
        source_file=report.file[-200:],
        imported_at=now,
        imported_by=by[:10],
        record_count=report.loaded,
    )
    try:
        with write_session(engine) as session:
            campaign_id = queries.add_campaign(session, campaign)
            done = 0
            chunk: list[dict[str, object]] = []
            for line, cuenta, phone, phone2 in csv.reader(good):
                chunk.append(
                    {
                        "campaign_id": campaign_id,
                        "line": int(line),
                        "cuenta": int(cuenta),
                        "phone": phone,
                        "phone2": phone2 or None,
                        "status": "pendiente",
                        "attempts": 0,
                    }
                )
                if len(chunk) >= INSERT_ROWS:
                    queries.insert_records(session, chunk)
                    done += len(chunk)
                    chunk = []
                    if progress is not None:
                        progress("cargar", done, report.loaded)
            queries.insert_records(session, chunk)
            if progress is not None:
                progress("cargar", report.loaded, report.loaded)
    except IntegrityError as error:
        # Another import took the code meanwhile, or an account left RR since the check.
        _refuse_existing(engine, report.campaign)
        raise refusal("files.base.load_failed", error=str(error.orig)[:200]) from error


def _kind(reason: str) -> str:
    """A reject's reason without its values, to count rejects by kind."""
    return re.sub(r"'[^']*'|\d+", "…", reason)
