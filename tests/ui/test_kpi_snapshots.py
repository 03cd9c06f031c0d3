"""Snapshots of the call KPI panels (SUP040, SUP041) on the demo store's week of calls,
at 80x24 and wide. Update one by node id only, and look at it before committing:
``uv run pytest -n 0 'tests/ui/test_kpi_snapshots.py::test_kpi' --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

from tests.ui.kpi_routes import to_kpi, to_kpi_detail

Snap = Any  # the snap_compare fixture
WIDE = (120, 30)


def test_kpi(snap_compare: Snap, app: Any) -> None:
    """SUP040 of SUPERV01: desde 21112026 and hasta 28112026 typed in; row 4 says
    "2 asesores, 116 llamadas terminadas..."; ASESOR01 and ASESOR02 with calls, AHT,
    talk, hold and ACW as m:ss, 1erC% and CUN% with a comma, transfers, abandoned,
    surveys and the average score; the TOTAL row on row 18 under the same columns; the
    definitions on row 21; F5 in the legend."""
    assert snap_compare(app, run_before=to_kpi)


def test_kpi_wide(snap_compare: Snap, app: Any) -> None:
    """SUP040 at 120x30: the panel as at 80x24, and beside it the extra columns on the
    rows they belong to: the header on row 8, each asesor's name, answered calls,
    typifications and follow-up share on rows 9-10, the TOTAL on row 18."""
    assert snap_compare(app, terminal_size=WIDE, run_before=to_kpi)


def test_kpi_detail(snap_compare: Snap, app: Any) -> None:
    """SUP041 of ASESOR01: who and the period on row 3, the summary on row 4; steps 1 to
    8 with their names, time, share, calls and time per call, then the ACW row; the first
    3 typification codes, the most used first, with Más... on row 21."""
    assert snap_compare(app, run_before=to_kpi_detail)


def test_kpi_detail_wide(snap_compare: Snap, app: Any) -> None:
    """SUP041 of ASESOR01 at 120x30: beside the panel every code of the period with its
    count, first contacts and CUNs."""
    assert snap_compare(app, terminal_size=WIDE, run_before=to_kpi_detail)
