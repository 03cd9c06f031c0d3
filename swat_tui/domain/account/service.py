"""Account search and the account panel, with the BLACKLIST rule and the audit trail.

A blacklisted account ("NO DAR INFO. VER F7") shows nothing personal and
nothing about billing until the BLACKLIST rule allows it: every view is masked
by the ``DisclosureGate`` it is asked through (``domain.account.disclosure``),
so no caller can get an unmasked view the rule does not allow. Opening the
panel and F10 each leave an ``access_log`` row in the same transaction as the
read, so no view escapes the audit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain.account.catalogs import status_meaning
from swat_tui.domain.account.disclosure import Gate, mask
from swat_tui.domain.account.query import AccountQuery, QueryKind, parse_query
from swat_tui.domain.account.views import (
    AccountPanelView,
    AccountRow,
    EquipmentLine,
    InventoryView,
    OpenAviso,
    OpenDime,
    PendingPqr,
    PendingVisit,
    ServiceLine,
)
from swat_tui.domain.errors import account_not_found, refusal
from swat_tui.domain.pqr.terms import business_days_left
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import Account, Equipment, Pqr, Service, WfmSlot, WorkOrder
from swat_tui.store.queries import access_log, cases
from swat_tui.store.queries import accounts as account_queries
from swat_tui.store.queries import visits as visit_queries

__all__ = ["AccountQuery", "AccountService", "QueryKind", "SearchPage", "parse_query"]

BLACKLIST_LABEL = "NO DAR INFO. VER F7"


@dataclass(frozen=True)
class SearchPage:
    """One page of search results; ``total`` counts every match."""

    rows: tuple[AccountRow, ...]
    total: int
    offset: int

    @property
    def has_more(self) -> bool:
        """True when a later page exists ("More..." rather than "Bottom")."""
        return self.offset + len(self.rows) < self.total


class AccountService:
    """Finds accounts and builds the views of the account panel."""

    parse_query = staticmethod(parse_query)

    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self._engine = engine
        self._clock = clock

    def search(self, query: AccountQuery, *, offset: int = 0, limit: int = 10) -> SearchPage:
        """A page of accounts matching ``query``, by cuenta; none at all is an error."""
        offset, limit = max(offset, 0), max(limit, 1)
        with read_session(self._engine) as session:
            found, total = _find(session, query, offset=offset, limit=limit)
        if total == 0:
            raise refusal("account.none_match", query=query.describe())
        return SearchPage(tuple(_row(account) for account in found), total, offset)

    def open_panel(self, cuenta: int, *, agent: str, gate: Gate) -> AccountPanelView:
        """The panel of one account as ``gate`` allows it, logged as a CONSULTA by ``agent``."""
        with write_session(self._engine) as session:
            return panel_in(session, cuenta, agent=agent, gate=gate, now=self._clock())

    def inventory(self, cuenta: int, *, agent: str, gate: Gate) -> InventoryView:
        """F10: services and installed equipment, logged as an F10 view.

        Refused (nothing logged) while the gate masks the account.
        """
        now = self._clock()
        with write_session(self._engine) as session:
            account = _get(session, cuenta)
            gate.require(cuenta, blacklist=account.blacklist)
            access_log.log_access(session, username=agent, cuenta=cuenta, action="F10", at=now)
            services = account_queries.services_of(session, cuenta=cuenta)
            equipment = account_queries.equipment_of(session, cuenta=cuenta)
            return InventoryView(
                cuenta=cuenta,
                services=tuple(_service_line(service) for service in services),
                equipment=tuple(_equipment_line(item) for item in equipment),
            )


def panel_in(
    session: Session, cuenta: int, *, agent: str, gate: Gate, now: datetime
) -> AccountPanelView:
    """CTA001 inside a transaction the caller owns: logged, masked as ``gate`` allows."""
    account = _get(session, cuenta)
    access_log.log_access(session, username=agent, cuenta=cuenta, action="CONSULTA", at=now)
    found = cases.open_incidents(session, node=account.node)
    incidents = tuple(
        OpenAviso(incident.number, incident.priority, incident.kind, incident.description)
        for incident in sorted(found, key=lambda incident: (incident.priority, incident.number))
    )
    services = account_queries.services_of(session, cuenta=cuenta)
    pqrs = cases.pending_pqrs(session, cuenta=cuenta)
    visits = cases.pending_work_orders(session, cuenta=cuenta)
    panel = _full_panel(account, _today(now), services, pqrs, visits, incidents)
    dimes = tuple(
        OpenDime(case.number, case.area, case.subject, case.status, case.created_at)
        for case in cases.open_dime_cases(session, cuenta=cuenta)
    )
    shown = _pending_visits(session, visits)
    panel = replace(panel, open_dime_cases=dimes, pending_visits=shown)
    return mask(panel, gate.access(cuenta, blacklist=account.blacklist))


def header_in(session: Session, cuenta: int, *, gate: Gate, now: datetime) -> AccountPanelView:
    """The account's header (status, holder, document, city) as ``gate`` allows it, for
    someone reading a call (a supervisor following it): not an agent's consultation,
    so no access log; the lists (services, cases) are left empty."""
    account = _get(session, cuenta)
    panel = _full_panel(account, _today(now), (), (), (), ())
    return mask(panel, gate.access(cuenta, blacklist=account.blacklist))


def pending_visits_in(session: Session, cuenta: int) -> tuple[PendingVisit, ...]:
    """Step 2's pending-visit flag alone, read again after a visit intent changed it
    (no customer data: the BLACKLIST rule shows it too)."""
    return _pending_visits(session, cases.pending_work_orders(session, cuenta=cuenta))


def _pending_visits(session: Session, visits: Sequence[WorkOrder]) -> tuple[PendingVisit, ...]:
    """The account's open visits as step 2 flags them, with the WFM window each holds."""
    booked = visit_queries.booked_slots(
        session, work_order_ids=[order.id for order in visits if order.id is not None]
    )
    return tuple(_pending_visit(order, booked.get(order.id or 0)) for order in visits)


def step2_flags_in(session: Session, cuenta: int) -> frozenset[str]:
    """The flags step 2 asks the agent to acknowledge (none is customer data):
    ``blacklist``, ``pqr_pendiente``, ``visita_pendiente``, ``aviso``."""
    account = _get(session, cuenta)
    found = {
        "blacklist": account.blacklist,
        "pqr_pendiente": bool(cases.pending_pqrs(session, cuenta=cuenta)),
        "visita_pendiente": bool(cases.pending_work_orders(session, cuenta=cuenta)),
        "aviso": bool(cases.open_incidents(session, node=account.node)),
    }
    return frozenset(flag for flag, present in found.items() if present)


def _find(
    session: Session, query: AccountQuery, *, offset: int, limit: int
) -> tuple[Sequence[Account], int]:
    if query.kind == "cuenta":
        account = account_queries.get_account(session, cuenta=int(query.value))
        if account is None:
            return (), 0
        return ((account,) if offset == 0 else ()), 1
    if query.kind == "telefono":
        phones = query.phone_candidates()
        return (
            account_queries.find_by_phone(session, phones=phones, limit=limit, offset=offset),
            account_queries.count_by_phone(session, phones=phones),
        )
    found = account_queries.find_by_document(
        session,
        document_number=query.value,
        document_type=query.document_type,
        limit=limit,
        offset=offset,
    )
    total = account_queries.count_by_document(
        session, document_number=query.value, document_type=query.document_type
    )
    return found, total


def _get(session: Session, cuenta: int) -> Account:
    account = account_queries.get_account(session, cuenta=cuenta)
    if account is None:
        raise account_not_found(cuenta)
    return account


def _today(now: datetime) -> date:
    return now.astimezone(BOGOTA).date()


def _row(account: Account) -> AccountRow:
    if account.blacklist:  # the list must not leak what the panel hides
        return AccountRow(
            account.cuenta, BLACKLIST_LABEL, account.document_type, account.city, account.status
        )
    return AccountRow(
        account.cuenta, account.holder_name, _document(account), account.city, account.status
    )


def _document(account: Account) -> str:
    return f"{account.document_type} {account.document_number}"


def _service_line(service: Service) -> ServiceLine:
    return ServiceLine(service.kind, service.plan_name, service.tv_technology, service.status)


def _equipment_line(item: Equipment) -> EquipmentLine:
    return EquipmentLine(item.kind, item.serial, item.model, item.status, item.installed_on)


def tenure_months(activated_on: date, today: date) -> int:
    """Whole months since activation (0 for a future date)."""
    months = (today.year - activated_on.year) * 12 + today.month - activated_on.month
    if today.day < activated_on.day:
        months -= 1
    return max(months, 0)


def _pending_pqr(pqr: Pqr, today: date) -> PendingPqr:
    filed_at = pqr.filed_at.astimezone(BOGOTA)
    days_open = max((today - filed_at.date()).days, 0)
    left = business_days_left(pqr.due_on, today)
    return PendingPqr(pqr.radicado, pqr.cun, pqr.subject, filed_at, days_open, pqr.due_on, left)


def _pending_visit(order: WorkOrder, slot: WfmSlot | None = None) -> PendingVisit:
    """A visit as step 2 flags it; ``slot`` is the WFM window its booking holds."""
    start = slot.starts_at if slot is not None else order.slot_start
    end = slot.ends_at if slot is not None else order.slot_end
    return PendingVisit(
        kind=order.kind,
        number=order.number,
        status=order.status,
        reason=order.reason,
        scheduled=start is not None,
        slot_start=start.astimezone(BOGOTA) if start else None,
        slot_end=end.astimezone(BOGOTA) if end else None,
    )


def _full_panel(
    account: Account,
    today: date,
    services: Sequence[Service],
    pqrs: Sequence[Pqr],
    visits: Sequence[WorkOrder],
    incidents: tuple[OpenAviso, ...],
) -> AccountPanelView:
    return AccountPanelView(
        cuenta=account.cuenta,
        cuenta_matriz=account.cuenta_matriz,
        status=account.status,
        status_meaning=status_meaning(account.status),
        blacklist=account.blacklist,
        details_visible=True,
        holder_name=account.holder_name,
        document=_document(account),
        phone_mobile=account.phone_mobile,
        phone_fixed=account.phone_fixed,
        email=account.email,
        address=account.address,
        city=account.city,
        estrato=account.estrato,
        node=account.node,
        balance=account.balance,
        monthly_rent=account.monthly_rent,
        billing_cutoff_day=account.billing_cutoff_day,
        activated_on=account.activated_on,
        tenure_months=tenure_months(account.activated_on, today),
        services=tuple(_service_line(service) for service in services),
        pending_pqrs=tuple(_pending_pqr(pqr, today) for pqr in pqrs),
        pending_visits=tuple(_pending_visit(order) for order in visits),
        open_incidents=incidents,
    )
