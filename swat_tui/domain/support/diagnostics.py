"""What the Diagnosticador (DIA010) shows of an account: its modem and channels with
their verdicts, its decoders' alarms, the neighbours within 3 blocks and the
node's open avisos; built in the caller's transaction from the simulated plant."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import Session

from swat_tui.domain.support import avisos, neighbours, plant
from swat_tui.domain.support.avisos import AvisoView
from swat_tui.domain.support.levels import Verdict
from swat_tui.domain.support.neighbours import Neighbours
from swat_tui.domain.support.plant import Channel, DecoderReading, ModemReading
from swat_tui.store.enums import ServiceKind
from swat_tui.store.models import Account
from swat_tui.store.queries import accounts as account_queries


@dataclass(frozen=True)
class DiagnosticsView:
    """The Diagnosticador of one account, read now."""

    cuenta: int
    node: str
    city: str
    modem: ModemReading | None
    decoders: tuple[DecoderReading, ...]
    neighbours: Neighbours
    avisos: tuple[AvisoView, ...]  # the node's open avisos, the most urgent first

    @property
    def downstream(self) -> tuple[Channel, ...]:
        return self.modem.downstream if self.modem else ()

    @property
    def upstream(self) -> tuple[Channel, ...]:
        return self.modem.upstream if self.modem else ()

    @property
    def alarms(self) -> tuple[DecoderReading, ...]:
        return tuple(d for d in self.decoders if d.alarm)

    @property
    def mass_aviso(self) -> AvisoView | None:
        return next((a for a in self.avisos if a.mass), None)

    @property
    def levels_text(self) -> str:
        """How the levels read, in a word: "niveles en rango", "niveles fuera de rango"..."""
        verdict = self.modem.levels_verdict if self.modem else None
        if verdict is None:
            return "sin niveles"
        return {
            Verdict.BUENO: "niveles en rango",
            Verdict.MARGINAL: "niveles marginales",
            Verdict.FUERA: "niveles fuera de rango",
        }[verdict]

    @property
    def summary(self) -> str:
        """What the agent saw, as the check records it: "CM online, niveles en rango,
        0 avisos" (and the decoders' alarms, the neighbours down)."""
        parts = [f"CM {self.modem.cm_state}" if self.modem else "sin cablemódem"]
        if self.modem:
            parts.append(self.levels_text)
        if self.alarms:
            parts.append(f"{len(self.alarms)} alarma(s) de deco")
        if self.neighbours.down:
            parts.append(f"{self.neighbours.down} vecino(s) caído(s)")
        parts.append(f"{len(self.avisos)} aviso{'' if len(self.avisos) == 1 else 's'}")
        return ", ".join(parts)


def internet_provisioned(session: Session, cuenta: int) -> bool:
    """The account's internet service is associated in the Módulo de Gestión (an account
    without internet has nothing to provision its modem for)."""
    services = account_queries.services_of(session, cuenta=cuenta)
    internet = [s for s in services if s.kind == ServiceKind.INTERNET.value]
    return any(s.provisioned for s in internet)


def build(session: Session, account: Account) -> DiagnosticsView:
    """The account's Diagnosticador: a handful of indexed reads, whatever the store's size."""
    open_avisos = avisos.open_on_node(session, account.node)
    mass = any(a.mass for a in open_avisos)
    reading = plant.read_account(
        session,
        cuenta=account.cuenta,
        mass=mass,
        provisioned=internet_provisioned(session, account.cuenta),
    )
    near = neighbours.neighbours_of(
        session, cuenta=account.cuenta, address=account.address, node=account.node, mass=mass
    )
    return DiagnosticsView(
        cuenta=account.cuenta,
        node=account.node,
        city=account.city,
        modem=reading.modem,
        decoders=reading.decoders,
        neighbours=near,
        avisos=open_avisos,
    )


def read_again(session: Session, view: DiagnosticsView) -> DiagnosticsView:
    """The account's own devices read again (after a "reiniciar CM"): the neighbours
    and the node's avisos did not change, so they are not read twice."""
    provisioned = view.modem.provisioned if view.modem else False
    reading = plant.read_account(
        session, cuenta=view.cuenta, mass=view.mass_aviso is not None, provisioned=provisioned
    )
    return replace(view, modem=reading.modem, decoders=reading.decoders)
