"""The process matrix for filing a PQR: by motive, its type, whether it takes a CUN,
the area that answers it and the UCC code that typifies it (``data/pqr_matrix.csv``).

The matrix is the operator's, so it is data: a business analyst edits the file,
and a wrong row is reported with its file, line and field, never half-loaded.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from swat_tui.domain.errors import DomainError, refusal
from swat_tui.paths import data_dir

KINDS = ("peticion", "queja", "reclamo", "recurso")
COLUMNS = ("motive", "label", "kind", "cun", "area", "ucc_code")
YES_NO = {"si": True, "sí": True, "no": False}


@dataclass(frozen=True)
class MatrixRow:
    """What the matrix says of one motive."""

    motive: str
    label: str
    kind: str  # peticion | queja | reclamo | recurso
    cun: bool  # the filing takes a CUN
    area: str  # the area that answers it
    ucc_code: str  # the typification of the filing


@dataclass(frozen=True)
class PqrMatrix:
    rows: tuple[MatrixRow, ...]

    def motive(self, motive: str) -> MatrixRow:
        for row in self.rows:
            if row.motive == motive:
                return row
        raise refusal("pqr.motive_not_in_matrix", motive=motive)


def default_path() -> Path:
    return data_dir() / "pqr_matrix.csv"


def read_matrix(path: Path) -> PqrMatrix:
    """The whole matrix, or ``DomainError`` naming the file, line and field at fault."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise refusal("files.columns", name=path.name, columns=",".join(COLUMNS))
        rows: list[MatrixRow] = []
        seen: set[str] = set()
        for line, raw in enumerate(reader, start=2):
            rows.append(_row(path.name, line, raw, seen))
    if not rows:
        raise refusal("files.pqr.empty", name=path.name)
    return PqrMatrix(tuple(rows))


def _row(name: str, line: int, raw: dict[str, str], seen: set[str]) -> MatrixRow:
    def fail(field: str, why: str) -> DomainError:
        return refusal("files.pqr.field", name=name, line=line, field=field, why=why)

    values = {key: (raw.get(key) or "").strip() for key in COLUMNS}
    for key, value in values.items():
        if not value:
            raise fail(key, "está vacío.")
    if values["motive"] in seen:
        raise fail("motive", f"el motivo {values['motive']} está repetido.")
    if values["kind"] not in KINDS:
        raise fail("kind", f"debe ser {', '.join(KINDS)}.")
    cun = YES_NO.get(values["cun"].lower())
    if cun is None:
        raise fail("cun", "debe ser si o no.")
    seen.add(values["motive"])
    return MatrixRow(
        motive=values["motive"],
        label=values["label"],
        kind=values["kind"],
        cun=cun,
        area=values["area"],
        ucc_code=values["ucc_code"].upper(),
    )


@cache
def load_matrix() -> PqrMatrix:
    """The shipped matrix, read once."""
    return read_matrix(default_path())
