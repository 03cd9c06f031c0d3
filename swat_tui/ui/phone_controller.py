"""The softphone as the app runs it: agent state, the simulated queue, the line.

The state machine is the domain's ``Softphone``; this class adds what needs
the app: timers for the practice queue, the terminal bell, and the call
service that records every call from the first ring.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from swat_tui.domain.errors import DomainError

if TYPE_CHECKING:
    from swat_tui.domain.call.views import CallRecord
    from swat_tui.domain.desk.practice_queue import CallQueue
    from swat_tui.domain.desk.softphone import Softphone, SoftphoneConfig
    from swat_tui.ui.app import SwatApp


class PhoneController:
    """One agent's softphone for the session."""

    def __init__(self, app: SwatApp) -> None:
        from swat_tui.domain.desk.softphone import Softphone, softphone_config

        self.app = app
        self.config: SoftphoneConfig = softphone_config()
        self.phone: Softphone = Softphone.signed_on(app.now(), self.config)
        self.ringing: CallRecord | None = None
        self.last_call_id: int | None = None
        self._rng = random.Random(app.settings.demo_seed)
        self._queue: CallQueue | None = None

    # -- what the header shows ---------------------------------------------------

    def status(self) -> str:
        """Row 2: e.g. ``DISPONIBLE 00:12`` or ``TIMBRANDO 3001234567 HOGAR_SAC``."""
        from swat_tui.domain.desk.softphone import AgentState, format_elapsed

        now = self.app.now()
        phone = self.phone
        if phone.state == AgentState.TIMBRANDO and phone.call:
            return f"TIMBRANDO {phone.call.ani} {phone.call.queue}"
        if phone.call and phone.state in (AgentState.EN_LLAMADA, AgentState.EN_ESPERA):
            return f"{phone.state.value} {format_elapsed(phone.call_elapsed(now))} {phone.call.ani}"
        return f"{phone.label} {format_elapsed(phone.state_elapsed(now))}"

    # -- the practice queue -------------------------------------------------------

    def schedule_ring(self) -> None:
        """In Disponible, the next practice call rings after a short wait."""
        if self.app.settings.frozen:
            return  # tests ring explicitly with ``ring``
        from swat_tui.domain.desk.practice_queue import ring_delay

        delay = self.app.settings.ring_delay
        if delay is None:
            delay = ring_delay(self._rng, self.config)
        self.app.set_timer(delay, self._ring_if_available)

    def _ring_if_available(self) -> None:
        from swat_tui.domain.desk.softphone import AgentState

        if self.phone.state == AgentState.DISPONIBLE:
            self.app.ring()  # through the app: row 24 and the header say so at once

    def ring(self, ani: str | None = None, queue: str | None = None) -> CallRecord:
        """A call arrives: the softphone rings, the bell sounds, the call is recorded."""
        from swat_tui.domain.desk.practice_queue import CallQueue

        services = self.app.services
        agent = self.app.agent
        assert services is not None and agent is not None
        if ani is None or queue is None:
            if self._queue is None:
                self._queue = CallQueue(services.engine, seed=self.app.settings.demo_seed)
            incoming = self._queue.next_call(self.app.now())
            ani, queue = incoming.ani, incoming.queue
        self.phone = self.phone.ring(ani, queue, self.app.now())
        record = services.calls.offer(agent_id=agent.id, ani=ani, queue=queue)
        self.ringing = record
        self.app.bell()
        return record

    # -- the agent's options ----------------------------------------------------

    async def act(self, action: str, argument: str) -> str:
        """Run one softphone option; the message for row 24 (DomainError if refused)."""
        services = self.app.services
        assert services is not None
        now = self.app.now()
        call = self.app.call
        if action == "available":
            self.phone = self.phone.go_available(now)
            self.schedule_ring()
            return "Disponible: las llamadas de la cola entrarán a su softphone."
        if action == "aux":
            code = int(argument) if argument.isdigit() else 1
            self.phone = self.phone.go_aux(code, now)
            return f"{self.phone.label}."
        if action == "answer":
            self.phone = self.phone.answer(now)
            ringing = self.ringing
            if ringing is None:
                raise DomainError("No hay ninguna llamada timbrando.")
            record = services.calls.answer(ringing.id)
            self.ringing = None
            self.last_call_id = record.id
            await self.app.start_call(record)
            return "Llamada contestada."
        if call is None:
            if action == "finish_acw":
                self.phone = self.phone.finish_acw(now)
                if self.last_call_id is not None:
                    services.calls.finish_acw(self.last_call_id)
                self.schedule_ring()
                return "ACW terminado: Disponible."
            raise DomainError("No hay ninguna llamada en curso.")
        if action == "hold":
            from swat_tui.domain.desk.softphone import AgentState

            if self.phone.state == AgentState.EN_ESPERA:
                self.phone = self.phone.resume(now)
                self.app.call_changed(services.calls.resume(call.call_id))
                return "Llamada reanudada."
            self.phone = self.phone.hold(now)
            self.app.call_changed(services.calls.hold(call.call_id))
            return "Llamada en espera."
        if action == "transfer":
            if not argument:
                raise DomainError("Digite la cola a la que transfiere.")
            self.phone = self.phone.transfer(argument, now)
            services.calls.transfer(call.call_id, argument)
            self.app.call = None
            return f"Llamada transferida a {argument}. Complete el ACW (7)."
        if action == "hang_up":
            self.phone = self.phone.hang_up(now)
            services.calls.hang_up(call.call_id)
            self.app.call = None
            return "Llamada colgada y registrada con lo capturado. Complete el ACW (7)."
        raise DomainError("Está en una llamada: termine el protocolo antes del ACW.")

    def call_ended(self) -> None:
        """The procedure closed the call: the softphone goes to ACW."""
        self.phone = self.phone.hang_up(self.app.now())

    def resumed(self, record: CallRecord) -> None:
        """After a crash: the line is back in the call the store says was open."""
        now = self.app.now()
        answered = record.answered_at or now
        phone = self.phone.go_available(answered).ring(record.ani, record.queue, answered)
        self.phone = phone.answer(answered)
        self.last_call_id = record.id
