"""What the simulated plant reads from the store: devices, their conditions, restarts,
and the accounts of a node.

Every query is answered by an index and bounded: a node's modems from the
CMTS registry (``ix_cm_registration_node``), devices and restarts by
``cuenta`` (``ix_equipment_cuenta``, ``ix_modem_restart_cuenta``), conditions
by their unique ``equipment_id``, a node's accounts and their addresses from
the covering ``ix_account_node_address`` with a ``limit`` (the store never
scans all accounts for a neighbourhood).
"""

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import Connection, insert
from sqlmodel import Session, col, select

from swat_tui.store.enums import EquipmentKind, EquipmentStatus
from swat_tui.store.models import (
    Account,
    CmRegistration,
    Equipment,
    ModemRestart,
    PlantCondition,
)


def installed_devices(
    session: Session, *, cuentas: Collection[int], kind: str | None = None
) -> Sequence[Equipment]:
    """The devices (of ``kind``, or all) installed now at these accounts, by account
    then installation."""
    if not cuentas:
        return ()
    statement = select(Equipment).where(
        col(Equipment.cuenta).in_(sorted(cuentas)),
        Equipment.status == EquipmentStatus.INSTALADO.value,
    )
    if kind is not None:
        statement = statement.where(Equipment.kind == kind)
    statement = statement.order_by(
        col(Equipment.cuenta), col(Equipment.installed_on), col(Equipment.id)
    )
    return session.exec(statement).all()


def registered_modems(
    session: Session, *, node: str, cuentas: Collection[int]
) -> Sequence[tuple[int, int, str]]:
    """(cuenta, equipment id, serial) of the modems the node's CMTS lists at these
    accounts, by account then equipment: from the node's range of the covering
    ``ix_cm_registration_node``, a few pages however scattered the accounts are."""
    if not cuentas:
        return ()
    statement = (
        select(CmRegistration.cuenta, CmRegistration.equipment_id, CmRegistration.serial)
        .where(CmRegistration.node == node, col(CmRegistration.cuenta).in_(sorted(cuentas)))
        .order_by(col(CmRegistration.cuenta), col(CmRegistration.equipment_id))
    )
    return session.exec(statement).all()


def register_modems(connection: Connection, *, first: int, last: int) -> None:
    """List on their node's CMTS the modems installed at accounts ``first``..``last``
    (the demo build, once a batch's equipment is written; on PostgreSQL once for all)."""
    equipment, account = Equipment.__table__, Account.__table__  # type: ignore[attr-defined]
    installed = (
        select(account.c.node, equipment.c.cuenta, equipment.c.id, equipment.c.serial)
        .join(account, account.c.cuenta == equipment.c.cuenta)
        .where(
            equipment.c.kind == EquipmentKind.MODEM.value,
            equipment.c.status == EquipmentStatus.INSTALADO.value,
            equipment.c.cuenta.between(first, last),
        )
        .order_by(equipment.c.cuenta, equipment.c.id)  # the same ids on either backend
    )
    target = CmRegistration.__table__  # type: ignore[attr-defined]
    connection.execute(
        insert(target).from_select(["node", "cuenta", "equipment_id", "serial"], installed)
    )


def conditions_of(session: Session, *, equipment_ids: Collection[int]) -> dict[int, PlantCondition]:
    """The plant conditions of these devices, by equipment id (most have none)."""
    if not equipment_ids:
        return {}
    statement = select(PlantCondition).where(
        col(PlantCondition.equipment_id).in_(sorted(equipment_ids))
    )
    return {row.equipment_id: row for row in session.exec(statement).all()}


def restarts_of(
    session: Session, *, cuenta: int, serial: str, limit: int = 20
) -> Sequence[ModemRestart]:
    """The "reiniciar CM" sent to the account's modem ``serial``, newest first."""
    statement = (
        select(ModemRestart)
        .where(ModemRestart.cuenta == cuenta, ModemRestart.serial == serial)
        .order_by(col(ModemRestart.at).desc(), col(ModemRestart.id).desc())
        .limit(limit)
    )
    return session.exec(statement).all()


def restarted_serials(session: Session, *, cuentas: Collection[int]) -> set[tuple[int, str]]:
    """Which (cuenta, serial) of these accounts were ever restarted."""
    if not cuentas:
        return set()
    statement = (
        select(ModemRestart.cuenta, ModemRestart.serial)
        .where(col(ModemRestart.cuenta).in_(sorted(cuentas)))
        .distinct()
    )
    return {(cuenta, serial) for cuenta, serial in session.exec(statement).all()}


def add_restart(
    session: Session, *, cuenta: int, serial: str, at: datetime, agent: str, call_id: int | None
) -> ModemRestart:
    row = ModemRestart(cuenta=cuenta, serial=serial, at=at, agent=agent, call_id=call_id)
    session.add(row)
    session.flush()
    return row


def node_addresses(session: Session, *, node: str, limit: int) -> Sequence[tuple[int, str]]:
    """(cuenta, address) of the node's accounts, in cuenta order, at most ``limit``."""
    statement = (
        select(Account.cuenta, Account.address)
        .where(Account.node == node)
        .order_by(col(Account.cuenta))
        .limit(limit)
    )
    return session.exec(statement).all()
