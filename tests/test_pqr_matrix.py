"""The PQR process matrix is data, checked row by row."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from swat_tui.domain.errors import DomainError
from swat_tui.domain.pqr.matrix import COLUMNS, default_path, load_matrix, read_matrix
from swat_tui.paths import data_dir


def test_the_shipped_matrix_agrees_with_the_ucc_catalogue() -> None:
    """Each motive's code exists, belongs to the PQR branch, and takes a CUN exactly
    when the matrix says so."""
    with (data_dir() / "ucc.csv").open(encoding="utf-8", newline="") as handle:
        ucc = {row["code"]: row for row in csv.DictReader(handle)}
    matrix = load_matrix()
    assert len(matrix.rows) >= 8
    for row in matrix.rows:
        entry = ucc[row.ucc_code]
        assert entry["branch"] == "pqr", row.motive
        assert (entry["requires_cun"] == "true") == row.cun, row.motive
    assert {row.kind for row in matrix.rows} >= {"peticion", "queja", "recurso"}


def test_a_motive_is_looked_up_or_refused() -> None:
    matrix = load_matrix()
    assert matrix.motive("queja_facturacion").area == "Facturación"
    with pytest.raises(DomainError, match="no está en la matriz"):
        matrix.motive("bailar")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("x,Algo,pregunta,si,Área,PQR-QUE-001", "línea 3, campo kind"),
        ("x,Algo,queja,tal vez,Área,PQR-QUE-001", "línea 3, campo cun"),
        ("x,,queja,si,Área,PQR-QUE-001", "línea 3, campo label"),
        ("queja_calidad,Otra,queja,si,Área,PQR-QUE-001", "línea 3, campo motive"),
    ],
)
def test_a_bad_row_names_its_line_and_field(tmp_path: Path, row: str, expected: str) -> None:
    good = default_path().read_text(encoding="utf-8").splitlines()[1]
    path = tmp_path / "matriz.csv"
    path.write_text("\n".join([",".join(COLUMNS), good, row]) + "\n", encoding="utf-8")
    with pytest.raises(DomainError, match=expected):
        read_matrix(path)
