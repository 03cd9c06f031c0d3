"""USR001/USR002: the supervisor re-enables a locked-out profile or resets its password.

Update a snapshot by node id only, and look at it before committing:
``uv run pytest 'tests/ui/test_user_profiles.py::test_snapshot_user_profiles' --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from swat_tui.domain.services import Services
from swat_tui.ui.app import SwatApp
from tests.ui.helpers import (
    PASSWORD,
    enter,
    message,
    panel_id,
    screen,
    shown,
    sign_on,
    type_into,
)

Snap = Any  # the snap_compare fixture
SUPERVISOR = "SUPERV01"
LOCKED = "ASESOR02"


async def _lock_out(pilot: Pilot[None], user: str = LOCKED) -> None:
    """Three wrong passwords on SGN001 (QMAXSIGN): the profile is disabled."""
    app = pilot.app
    assert isinstance(app, SwatApp)
    for _ in range(3):
        await sign_on(pilot, user=user, password="equivocada")
    assert message(app) == (
        f"CPF1394: Perfil {user} inhabilitado tras 3 intentos. Llame al supervisor."
    )


async def _to_profiles(pilot: Pilot[None]) -> None:
    """Sign on as the supervisor and take menu option 5."""
    await sign_on(pilot, user=SUPERVISOR)
    await type_into(pilot, "option", "5")
    await enter(pilot)


def _rows(app: SwatApp) -> list[dict[str, str]]:
    return screen(app).panel.canvas.records


def _row_of(app: SwatApp, username: str) -> int:
    return [row["usuario"] for row in _rows(app)].index(username)


def _row(app: SwatApp, username: str) -> dict[str, str]:
    return _rows(app)[_row_of(app, username)]


async def _sign_off(pilot: Pilot[None]) -> None:
    """F3 back to the menu, F3 there signs off."""
    await pilot.press("f3")
    await pilot.pause()
    await pilot.press("f3")
    await pilot.pause()


async def test_supervisor_enables_a_locked_out_profile_which_can_sign_on_again(
    app: SwatApp, services: Services
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _lock_out(pilot)
        await _to_profiles(pilot)
        assert panel_id(app) == "USR001"
        assert _row(app, LOCKED)["status"] == "INHABILITADO"
        assert _row(app, LOCKED)["fails"] == "3"
        await type_into(pilot, f"o_{_row_of(app, LOCKED)}", "1")
        await enter(pilot)
        assert message(app) == f"Perfil {LOCKED} habilitado."
        assert _row(app, LOCKED)["status"] == "HABILITADO"
        assert _row(app, LOCKED)["fails"] == "0"
        assert screen(app).field(f"o_{_row_of(app, LOCKED)}").value == ""
        await _sign_off(pilot)
        assert panel_id(app) == "SGN001"
        await sign_on(pilot, user=LOCKED, password=PASSWORD)
        assert panel_id(app) == "MNU001"
    (line,) = services.auth.profile_audit()
    assert (line.actor, line.target, line.action) == (SUPERVISOR, LOCKED, "HABILITAR")


async def test_several_profiles_are_enabled_at_once(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _lock_out(pilot, "ASESOR01")
        await _lock_out(pilot, LOCKED)
        await _to_profiles(pilot)
        assert shown(app, "summary") == "5 perfiles, 2 inhabilitados"
        await type_into(pilot, f"o_{_row_of(app, 'ASESOR01')}", "1")
        await type_into(pilot, f"o_{_row_of(app, LOCKED)}", "1")
        await enter(pilot)
        assert message(app) == f"Perfiles habilitados: ASESOR01, {LOCKED}."
        assert shown(app, "summary") == "5 perfiles, 0 inhabilitados"
    assert [line.target for line in services.auth.profile_audit()] == [LOCKED, "ASESOR01"]


async def test_supervisor_resets_a_password_typed_twice(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _lock_out(pilot)
        await _to_profiles(pilot)
        await type_into(pilot, f"o_{_row_of(app, LOCKED)}", "2")
        await enter(pilot)
        assert panel_id(app) == "USR002"
        await type_into(pilot, "password", "nueva123")
        await type_into(pilot, "again", "nueva124")
        await enter(pilot)
        assert panel_id(app) == "USR002"
        assert message(app) == "Las dos contraseñas digitadas no coinciden."
        assert screen(app).field("password").value == ""
        await type_into(pilot, "password", "nueva123")
        await type_into(pilot, "again", "nueva123")
        await enter(pilot)
        assert panel_id(app) == "USR001"
        assert message(app) == (f"Contraseña del perfil {LOCKED} restablecida; perfil habilitado.")
        assert _row(app, LOCKED)["status"] == "HABILITADO"
        await _sign_off(pilot)
        await sign_on(pilot, user=LOCKED, password=PASSWORD)
        assert panel_id(app) == "SGN001"  # the old password no longer works
        await sign_on(pilot, user=LOCKED, password="nueva123")
        assert panel_id(app) == "MNU001"
    assert [line.action for line in services.auth.profile_audit(LOCKED)] == ["RESTABLECER CLAVE"]


async def test_f12_on_the_password_panel_changes_nothing(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _lock_out(pilot)
        await _to_profiles(pilot)
        await type_into(pilot, f"o_{_row_of(app, LOCKED)}", "2")
        await enter(pilot)
        await type_into(pilot, "password", "nueva123")
        await pilot.press("f12")
        await pilot.pause()
        assert panel_id(app) == "USR001"
        assert _row(app, LOCKED)["status"] == "INHABILITADO"
    assert services.auth.profile_audit() == ()


async def test_wrong_options_are_refused_on_row_24(app: SwatApp, services: Services) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_profiles(pilot)
        await enter(pilot)
        assert message(app) == "Digite 1 o 2 frente a un perfil y pulse Intro."
        await type_into(pilot, "o_0", "9")
        await enter(pilot)
        assert message(app) == "Opción 9 no válida: 1=Habilitar, 2=Restablecer contraseña."
        await type_into(pilot, "o_0", "1")  # ASESOR01 is enabled, with no failed attempt
        await enter(pilot)
        assert message(app) == "El perfil ASESOR01 ya está habilitado."
        assert panel_id(app) == "USR001"
        await pilot.press("f5")
        await pilot.pause()
        assert message(app) == "Lista de perfiles actualizada."
    assert services.auth.profile_audit() == ()


async def test_an_agent_cannot_open_the_panel(app: SwatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot, user="ASESOR01")
        await type_into(pilot, "option", "5")
        await enter(pilot)
        assert panel_id(app) == "MNU001"
        assert message(app) == "Opción 5: no autorizada para el perfil asesor."


def test_snapshot_user_profiles(snap_compare: Snap, app: SwatApp) -> None:
    """USR001 after ASESOR02 locked itself out: the count (4 profiles, 1 disabled) on row 3, and
    ASESOR02 with 3 failed attempts and INHABILITADO among the other profiles, the
    supervisor's own last sign-on dated, and options 1 and 2."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _lock_out(pilot)
        await _to_profiles(pilot)

    assert snap_compare(app, run_before=run_before)


def test_snapshot_password_reset(snap_compare: Snap, app: SwatApp) -> None:
    """USR002 for ASESOR02: its name, role, INHABILITADO and 3 failed attempts, the new password
    shown as bullets, the confirmation empty, and the note that the profile is re-enabled and
    the change recorded."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _lock_out(pilot)
        await _to_profiles(pilot)
        await type_into(pilot, "o_1", "2")  # ASESOR02
        await enter(pilot)
        await type_into(pilot, "password", "nueva123")

    assert snap_compare(app, run_before=run_before)
