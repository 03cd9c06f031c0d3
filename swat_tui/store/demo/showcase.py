"""Fixed demo accounts that show every case the account panel must handle.

They are the first cuentas of every demo store (from 10000001 upward) and
exist whenever a build has at least ``SHOWCASE_MIN_ACCOUNTS`` accounts. Tests,
snapshots and trainers open them by name through ``SHOWCASE``. The generator
fills the incidental fields (address, plans, serials, invoices); the facts
below are fixed, and their dates are relative to the build's ``today``.

Keys of ``SHOWCASE``:

- ``activa``, ``cancelado_debe``, ``cancelado``, ``cancelado_credito``,
  ``cartera_castigada``: one account in each RR status, 3Play, nothing pending.
- ``blacklist``: ACTIVA, on the blacklist, with a special note (F7) explaining
  the fraud protection.
- ``pqr_pending``: ACTIVA with one ABIERTA PQR filed exactly 12 days before today.
- ``visit_scheduled``: ACTIVA with an LLS AGENDADA in a 2-hour slot two days ahead.
- ``visit_unscheduled``: ACTIVA with an OT PENDIENTE (no slot taken).
- ``everything``: CANCELADO DEBE, blacklisted, with a pending PQR (filed 5 days
  ago), a scheduled LLS and an unscheduled OT.
- ``aviso``: ACTIVA on a node with an open masiva aviso (no other showcase
  account shares that node, and no other showcase node has an open aviso).
- ``markup``: holder ``Ana [bold]Ruiz[/] Muñoz`` and a special note holding
  ``[link=http://x]clic[/link] y [red]rojo[/]``; both are stored literally, so
  screens must escape them.
- ``swat_folder``: ACTIVA with a ``SWAT`` note folder holding two long notes.
- ``no_services``: a building's cuenta matriz (NIT holder, no services, no invoices).
- ``building_unit``: an apartment whose ``cuenta_matriz`` is ``no_services``.
- ``shared_phone``: first of exactly three accounts (different holders) with
  the same ``phone_mobile``.
- ``many_accounts_document``: first of exactly 15 consecutive accounts held by
  one landlord (same CC), so a search by that document spans two pages of 10.
- ``tv_dvb``, ``tv_atsc``, ``tv_nagra``, ``tv_tvbox``, ``tv_fibra``: ACTIVA with
  a TV service on that technology (DVB and NAGRA decoders carry a smart card).
- SAC (issue 9): ``aviso_final`` ... ``new_account``, see ``BillingFacts``.
- Support and visits (issue 10), on nodes with no open aviso unless said:
  ``cm_offline`` (the modem stays offline after a restart), ``cm_init``
  (init(r1); a restart brings it online), ``cm_reject`` (reject(pk)),
  ``cm_levels`` (downstream SNR low), ``cm_upstream`` (upstream power high),
  ``decoder_alarm`` (DVB, its first decoder with an alarm), ``serial_mismatch``
  (the modem at the premises is not RR's), ``not_provisioned`` (voz sold but
  not provisioned), ``aviso_repeat`` (on the aviso node, reported the aviso
  through the IVR before: its call is a repeat call), ``agenda_full`` (modem
  offline, in zone BOG-US, whose agenda is full), ``visit_needed`` (modem
  offline, in zone BOG-CH, which has free windows).
"""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.store.demo.plant import PlantFacts
from swat_tui.store.enums import AccountStatus, TvTechnology, WorkOrderKind, WorkOrderStatus

FIRST_CUENTA = 10_000_001
THREE_PLAY = ("internet", "tv", "voz")
MARKUP_HOLDER = "Ana [bold]Ruiz[/] Muñoz"
MARKUP_NOTE = (
    "CLIENTE PIDE FACTURA POR CORREO. VER [link=http://x]clic[/link] y [red]rojo[/] EN PORTAL."
)
PQR_PENDING_DAYS = 12
PQR_OVERDUE_DAYS = 30  # calendar days: well past 15 business days
PQR_DUE_SOON_DAYS = 19  # calendar days: 15 business days end within the next few


@dataclass(frozen=True)
class BillingFacts:
    """What is fixed about a showcase account's money (SAC: cartera, facturación, recaudo)."""

    unpaid_last: int | None = None  # that many of the latest invoices unpaid, the others paid
    charges: tuple[str, ...] = ()  # extra charges of the latest invoice, by kind
    delivery: str | None = None  # digital | fisica
    delivery_status: str | None = None  # of the latest invoice: ENTREGADA, DEVUELTA...
    campaign: str | None = None  # enrolled in this campaign until the end of this month
    pending_payment: bool = False  # the latest invoice paid yesterday by PSE, not applied yet
    final_notice_days_ago: int | None = None  # an aviso final issued that many days ago


@dataclass(frozen=True)
class ShowcaseAccount:
    """What is fixed about one showcase account; unset fields are generated."""

    key: str | None  # name in SHOWCASE; None for the supporting accounts of a group
    status: AccountStatus = AccountStatus.ACTIVA
    blacklist: bool = False
    holder_name: str | None = None
    holder_group: str | None = None  # same group: same holder, document and mobile
    phone_group: str | None = None  # same group: same mobile, different holders
    matriz: bool = False  # a building's parent account: NIT holder, no services
    unit_of: str | None = None  # key of the matriz this apartment belongs to
    kinds: tuple[str, ...] = THREE_PLAY
    tv_technology: TvTechnology | None = None
    pqr_days_ago: tuple[int, ...] = ()  # ABIERTA PQRs filed that many days before today
    visits: tuple[tuple[WorkOrderKind, WorkOrderStatus], ...] = ()
    notes: tuple[str, ...] = ()  # special notes (F7); blacklisted ones also get a fraud note
    swat_notes: int = 0  # notes in a SWAT folder
    aviso: bool = False  # its node carries an open masiva aviso
    dime: tuple[tuple[str, str, str, str], ...] = ()  # open DIME: area, reason, data, follow-up
    billing: BillingFacts | None = None
    activated_days_ago: int | None = None  # None: drawn like any account's
    plant: PlantFacts | None = None  # the simulated plant's condition of its devices
    reported_aviso: bool = False  # reported the node's aviso before (IVR): a repeat caller
    zone: str | None = None  # its node's zone code in Bogotá ("US"), else any quiet node


_LLS_AGENDADA = (WorkOrderKind.LLS, WorkOrderStatus.AGENDADA)
_OT_PENDIENTE = (WorkOrderKind.OT, WorkOrderStatus.PENDIENTE)

SHOWCASE_ACCOUNTS: tuple[ShowcaseAccount, ...] = (
    ShowcaseAccount("activa"),
    ShowcaseAccount("cancelado_debe", status=AccountStatus.CANCELADO_DEBE),
    ShowcaseAccount("cancelado", status=AccountStatus.CANCELADO),
    ShowcaseAccount("cancelado_credito", status=AccountStatus.CANCELADO_CREDITO),
    ShowcaseAccount("cartera_castigada", status=AccountStatus.CARTERA_CASTIGADA),
    ShowcaseAccount("blacklist", blacklist=True),
    ShowcaseAccount("pqr_pending", pqr_days_ago=(PQR_PENDING_DAYS,)),
    ShowcaseAccount("visit_scheduled", visits=(_LLS_AGENDADA,)),
    ShowcaseAccount("visit_unscheduled", visits=(_OT_PENDIENTE,)),
    ShowcaseAccount(
        "everything",
        status=AccountStatus.CANCELADO_DEBE,
        blacklist=True,
        pqr_days_ago=(5,),
        visits=(_LLS_AGENDADA, _OT_PENDIENTE),
        aviso=True,
    ),
    ShowcaseAccount("aviso", kinds=("internet", "tv"), aviso=True),
    ShowcaseAccount("markup", holder_name=MARKUP_HOLDER, notes=(MARKUP_NOTE,)),
    ShowcaseAccount("swat_folder", swat_notes=2),
    ShowcaseAccount("no_services", matriz=True, kinds=()),
    ShowcaseAccount("building_unit", unit_of="no_services", kinds=("internet", "tv")),
    ShowcaseAccount("shared_phone", phone_group="family", kinds=("internet",)),
    ShowcaseAccount(None, phone_group="family", kinds=("internet", "tv")),
    ShowcaseAccount(None, phone_group="family", kinds=("tv", "voz")),
    ShowcaseAccount("many_accounts_document", holder_group="landlord"),
    *(ShowcaseAccount(None, holder_group="landlord", kinds=("internet", "tv")) for _ in range(14)),
    ShowcaseAccount("tv_dvb", tv_technology=TvTechnology.DVB),
    ShowcaseAccount("tv_atsc", tv_technology=TvTechnology.ATSC),
    ShowcaseAccount("tv_nagra", tv_technology=TvTechnology.NAGRA),
    ShowcaseAccount("tv_tvbox", tv_technology=TvTechnology.TVBOX),
    ShowcaseAccount("tv_fibra", tv_technology=TvTechnology.FIBRA),
    # Past its 15 business days unanswered: silencio administrativo positivo at risk.
    ShowcaseAccount("pqr_overdue", pqr_days_ago=(PQR_OVERDUE_DAYS,)),
    ShowcaseAccount("pqr_due_soon", pqr_days_ago=(PQR_DUE_SOON_DAYS,)),
    ShowcaseAccount(
        "dime_open",
        dime=(
            (
                "Facturación",
                "Ajuste por cobro doble del periodo de octubre",
                "Factura de octubre cobrada dos veces; pagó ambas por PSE el 20/10.",
                "Facturación valida los dos pagos con recaudo.",
            ),
        ),
    ),
    # SAC (issue 9): cartera, facturación and recaudo cases.
    ShowcaseAccount(
        "aviso_final",
        billing=BillingFacts(unpaid_last=2, final_notice_days_ago=5),
        activated_days_ago=900,
    ),
    ShowcaseAccount(
        "benefit_not_met",
        status=AccountStatus.CANCELADO_DEBE,
        billing=BillingFacts(final_notice_days_ago=70),
        activated_days_ago=900,
    ),
    ShowcaseAccount(
        "campaign_ending",
        billing=BillingFacts(unpaid_last=0, campaign="HOGAR3P"),
        activated_days_ago=900,
    ),
    ShowcaseAccount(
        "ppv_charges",
        billing=BillingFacts(
            unpaid_last=1, charges=("ppv", "evento", "toma_adicional", "ldn", "ldi", "movil")
        ),
        activated_days_ago=900,
    ),
    ShowcaseAccount(
        "invoice_digital",
        billing=BillingFacts(unpaid_last=0, delivery="digital", delivery_status="ENTREGADA"),
        activated_days_ago=900,
    ),
    ShowcaseAccount(
        "invoice_physical",
        billing=BillingFacts(unpaid_last=1, delivery="fisica", delivery_status="DEVUELTA"),
        activated_days_ago=900,
    ),
    ShowcaseAccount("payment_applied", billing=BillingFacts(unpaid_last=0), activated_days_ago=900),
    ShowcaseAccount(
        "payment_not_applied",
        billing=BillingFacts(unpaid_last=0, pending_payment=True),
        activated_days_ago=900,
    ),
    ShowcaseAccount("new_account", activated_days_ago=3),
    # Support and the technical visit (issue 10): the plant and the agenda.
    ShowcaseAccount(
        "cm_offline",
        kinds=("internet", "voz"),
        plant=PlantFacts(cm_state="offline", after_restart="offline"),
    ),
    ShowcaseAccount(
        "cm_init",
        kinds=("internet",),
        plant=PlantFacts(cm_state="init(r1)", after_restart="online"),
    ),
    ShowcaseAccount(
        "cm_reject",
        kinds=("internet",),
        plant=PlantFacts(cm_state="reject(pk)", after_restart="reject(pk)"),
    ),
    ShowcaseAccount("cm_levels", kinds=("internet", "tv"), plant=PlantFacts(levels="snr_bajo")),
    ShowcaseAccount("cm_upstream", kinds=("internet",), plant=PlantFacts(levels="us_alto")),
    ShowcaseAccount(
        "decoder_alarm",
        kinds=("tv",),
        tv_technology=TvTechnology.DVB,
        plant=PlantFacts(alarm="E16: sin señal en la entrada RF"),
    ),
    ShowcaseAccount(
        "serial_mismatch", kinds=("internet", "tv"), plant=PlantFacts(seen_serial=True)
    ),
    ShowcaseAccount("not_provisioned", plant=PlantFacts(unprovisioned="voz")),
    ShowcaseAccount("aviso_repeat", kinds=("internet", "tv"), aviso=True, reported_aviso=True),
    ShowcaseAccount(
        "agenda_full",
        kinds=("internet", "tv"),
        zone="US",
        plant=PlantFacts(cm_state="offline", after_restart="offline"),
    ),
    ShowcaseAccount(
        "visit_needed",
        kinds=("internet", "tv"),
        zone="CH",
        plant=PlantFacts(cm_state="offline", after_restart="offline"),
    ),
)

SHOWCASE_MIN_ACCOUNTS = 64
"""Builds smaller than this have no showcase accounts (all accounts are random)."""

SHOWCASE: dict[str, int] = {
    spec.key: FIRST_CUENTA + index
    for index, spec in enumerate(SHOWCASE_ACCOUNTS)
    if spec.key is not None
}
