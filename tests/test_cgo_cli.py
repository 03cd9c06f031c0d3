"""``swat cgo list``: CGO's work list of pending follow-up forms, as a table."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine
from typer.testing import CliRunner

from swat_tui.cli.main import app
from swat_tui.store.engine import write_session
from swat_tui.store.models import CgoForm, WorkOrder
from tests.conftest import FIXED_NOW
from tests.store_rows import account_row

runner = CliRunner()


def _seed(engine: Engine) -> None:
    with write_session(engine) as session:
        session.add(account_row(20000001))
        session.flush()
        for n, status in enumerate(("PENDIENTE", "PENDIENTE", "CONFIRMADA"), start=1):
            order = WorkOrder(
                cuenta=20000001,
                kind="OT",
                number=f"OT000000000{n}",
                status="PENDIENTE",
                reason="Sin señal de TV",
                created_at=FIXED_NOW,
            )
            session.add(order)
            session.flush()
            session.add(
                CgoForm(
                    number=f"CGO00000000{n}",
                    cuenta=20000001,
                    work_order_id=order.id,
                    zone="BOG-US",
                    reason=order.reason,
                    contact_name="Ana Pérez",
                    contact_phone="3015550000",
                    address="CL 45A # 12-08",
                    preferred_windows="08-10" if n == 1 else "14-16 16-18",
                    preferred_days="LUN MIE",
                    status=status,
                    created_at=FIXED_NOW,
                    created_by="ASESOR01",
                    due_at=FIXED_NOW + timedelta(days=4 - n),  # the second is due first
                )
            )


def test_cgo_list_shows_the_pending_forms_soonest_due_first(
    store_engine: Engine, store_url: str
) -> None:
    _seed(store_engine)
    result = runner.invoke(app, ["--db", store_url, "cgo", "list"])
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    rows = [line for line in lines if line.startswith("CGO")]
    assert [row.split()[0] for row in rows] == ["CGO000000002", "CGO000000001"]
    assert "CGO000000003" not in result.output  # confirmed: not CGO's work any more
    first = rows[0].split()
    assert first[1:4] == ["20000001", "BOG-US", "OT0000000002"]
    assert "12/03 09:30" in rows[0] and "14-16" in rows[0]
    assert lines[-1] == "2 formularios pendientes."


def test_cgo_list_says_when_there_is_nothing_pending(store_engine: Engine, store_url: str) -> None:
    result = runner.invoke(app, ["cgo", "list", "--db", store_url])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "No hay formularios CGO pendientes."
