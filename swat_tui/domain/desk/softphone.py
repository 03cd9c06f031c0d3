"""The simulated Avaya One-X softphone: the agent's state and the call on the line.

``Softphone`` is an immutable value: every transition returns a new one (or
raises ``DomainError`` with the row-24 message) and records when the state
began. Nothing here touches the store; the call service persists what it
needs (answer time, hold time, ACW time) from these values.

States::

    AUX --go_available--> DISPONIBLE --ring--> TIMBRANDO --answer--> EN LLAMADA
    EN LLAMADA <--hold/resume--> EN ESPERA
    EN LLAMADA | EN ESPERA --hang_up | transfer--> ACW --finish_acw--> DISPONIBLE
    DISPONIBLE | ACW | AUX --go_aux--> AUX (with a reason code)
    DISPONIBLE | AUX --dial--> EN LLAMADA (an outbound campaign call: ACW ends first)

AUX reason codes and queues come from ``data/softphone.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.domain.errors import refusal
from swat_tui.paths import data_dir

ZERO = timedelta(0)
_ANI = re.compile(r"\d{7,15}")


class AgentState(StrEnum):
    """What the softphone shows as the agent's state."""

    DISPONIBLE = "DISPONIBLE"
    AUX = "AUX"
    TIMBRANDO = "TIMBRANDO"
    EN_LLAMADA = "EN LLAMADA"
    EN_ESPERA = "EN ESPERA"
    ACW = "ACW"


IN_CALL = frozenset({AgentState.EN_LLAMADA, AgentState.EN_ESPERA})


@dataclass(frozen=True)
class AuxReason:
    """An AUX reason code; ``max_minutes`` is the time allowed, if any."""

    code: int
    name: str
    max_minutes: int | None = None

    @property
    def label(self) -> str:
        return f"AUX {self.code} {self.name}"


@dataclass(frozen=True)
class QueueDef:
    """A queue (skill) calls arrive through or are transferred to."""

    id: str
    name: str
    share: int  # percentage of practice calls arriving through it


@dataclass(frozen=True)
class SoftphoneConfig:
    """The contents of ``data/softphone.toml``."""

    aux_reasons: tuple[AuxReason, ...]
    queues: tuple[QueueDef, ...]
    ring_delay_min: float
    ring_delay_max: float
    kind_weights: tuple[tuple[str, int], ...]

    @property
    def default_aux(self) -> AuxReason:
        """Where the agent is after signing on: code 0 if listed, else the first code."""
        return next((r for r in self.aux_reasons if r.code == 0), self.aux_reasons[0])

    def aux(self, code: int) -> AuxReason:
        for reason in self.aux_reasons:
            if reason.code == code:
                return reason
        raise refusal("softphone.aux_unknown", aux=code)

    def queue(self, queue_id: str) -> QueueDef:
        wanted = queue_id.strip().upper()
        for queue in self.queues:
            if queue.id == wanted:
                return queue
        raise refusal("softphone.queue_unknown", queue=wanted[:30])


def parse_config(raw: dict[str, Any]) -> SoftphoneConfig:
    """Build the configuration from the TOML document (``KeyError``/``ValueError`` if bad)."""
    reasons = tuple(
        AuxReason(int(item["code"]), str(item["name"]), item.get("max_minutes"))
        for item in raw["aux"]
    )
    queues = tuple(
        QueueDef(str(item["id"]).upper(), str(item["name"]), int(item.get("share", 0)))
        for item in raw["queue"]
    )
    simulation = raw["simulation"]
    low, high = float(simulation["ring_delay_min"]), float(simulation["ring_delay_max"])
    if not reasons or not queues or not 0 <= low <= high:
        raise ValueError("softphone.toml needs aux codes, queues and 0 <= ring delays")
    kinds = tuple((str(kind), int(weight)) for kind, weight in simulation["kinds"].items())
    return SoftphoneConfig(reasons, queues, low, high, kinds)


def load_config(path: Path) -> SoftphoneConfig:
    with path.open("rb") as handle:
        return parse_config(tomllib.load(handle))


@cache
def softphone_config() -> SoftphoneConfig:
    """The shipped ``data/softphone.toml``, read once per process."""
    return load_config(data_dir() / "softphone.toml")


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("softphone times must be timezone-aware")
    return now


def _span(start: datetime, end: datetime) -> timedelta:
    return max(end - start, ZERO)


@dataclass(frozen=True)
class PhoneCall:
    """The call on the line: who calls, through which queue, and its times."""

    ani: str
    queue: str
    rang_at: datetime
    answered_at: datetime | None = None
    hold_started_at: datetime | None = None  # set while on hold
    held: timedelta = ZERO  # finished hold intervals
    holds: int = 0
    ended_at: datetime | None = None
    transferred_to: str | None = None

    def _end(self, now: datetime) -> datetime:
        return self.ended_at or now

    def elapsed(self, now: datetime) -> timedelta:
        """From answer to hang-up (or ``now``), hold included; zero before the answer."""
        if self.answered_at is None:
            return ZERO
        return _span(self.answered_at, self._end(now))

    def hold_elapsed(self, now: datetime) -> timedelta:
        """Time on hold, the current hold included."""
        current = ZERO
        if self.hold_started_at is not None:
            current = _span(self.hold_started_at, self._end(now))
        return self.held + current

    def talk_elapsed(self, now: datetime) -> timedelta:
        """Time talking: the call's time less its time on hold."""
        return max(self.elapsed(now) - self.hold_elapsed(now), ZERO)

    def ended(self, now: datetime) -> PhoneCall:
        """The call hung up at ``now``, its current hold (if any) counted."""
        held = self.hold_elapsed(now)
        return replace(self, hold_started_at=None, held=held, ended_at=now)


IDLE_NEXT = {
    AgentState.AUX: "Sin llamada: póngase Disponible en el softphone (F2, 1).",
    AgentState.DISPONIBLE: "Disponible: espere la próxima llamada.",
    AgentState.TIMBRANDO: "Llamada entrante: contéstela en el softphone (F2, 3).",
    AgentState.EN_LLAMADA: "Llamada en curso: vuelva a ella (menú, opción 3).",
    AgentState.EN_ESPERA: "Llamada en espera: reanúdela en el softphone (F2, 4).",
    AgentState.ACW: "Trabajo posterior (ACW): termínelo en el softphone (F2, 7).",
}


@dataclass(frozen=True)
class Softphone:
    """The softphone at one moment; transitions return a new value."""

    state: AgentState
    since: datetime
    aux: AuxReason | None = None  # set in AUX
    call: PhoneCall | None = None  # ringing, in progress, or just ended (ACW)
    config: SoftphoneConfig = field(default_factory=softphone_config, repr=False, compare=False)

    @classmethod
    def signed_on(cls, now: datetime, config: SoftphoneConfig | None = None) -> Softphone:
        """The softphone right after log-in: AUX with the default reason."""
        config = config or softphone_config()
        return cls(AgentState.AUX, _aware(now), aux=config.default_aux, config=config)

    @property
    def next_action(self) -> str:
        """What the agent does next when no call is on the desk, by the phone's state."""
        return IDLE_NEXT[self.state]

    @property
    def label(self) -> str:
        """The state as the softphone shows it, e.g. ``AUX 2 Almuerzo``."""
        return self.aux.label if self.aux is not None else self.state.value

    def _to(
        self,
        state: AgentState,
        now: datetime,
        *,
        aux: AuxReason | None = None,
        call: PhoneCall | None = None,
    ) -> Softphone:
        return replace(self, state=state, since=_aware(now), aux=aux, call=call)

    def _refuse_in_call(self, action: str) -> None:
        if self.state == AgentState.TIMBRANDO:
            raise refusal("softphone.ringing_before", action=action)
        if self.state in IN_CALL:
            raise refusal("softphone.in_call_before", action=action)

    def go_available(self, now: datetime) -> Softphone:
        """Disponible, from AUX or ACW (which it ends)."""
        if self.state == AgentState.DISPONIBLE:
            raise refusal("softphone.already_available")
        self._refuse_in_call("pasar a Disponible")
        return self._to(AgentState.DISPONIBLE, now)

    def go_aux(self, reason: AuxReason | int, now: datetime) -> Softphone:
        """AUX with a reason code, from Disponible, ACW or another AUX reason."""
        self._refuse_in_call("pasar a AUX")
        chosen = self.config.aux(reason) if isinstance(reason, int) else reason
        if self.aux == chosen:
            raise refusal("softphone.already_in", label=chosen.label)
        return self._to(AgentState.AUX, now, aux=chosen)

    def ring(self, ani: str, queue: str, now: datetime) -> Softphone:
        """A call from ``ani`` arrives through ``queue``; only in Disponible."""
        if self.state != AgentState.DISPONIBLE:
            raise refusal("softphone.not_available")
        number = ani.strip()
        if not _ANI.fullmatch(number):
            raise refusal("softphone.caller_invalid", number=number[:20])
        queue_id = self.config.queue(queue).id
        return self._to(AgentState.TIMBRANDO, now, call=PhoneCall(number, queue_id, now))

    def dial(self, number: str, queue: str, now: datetime) -> Softphone:
        """An outbound call (a campaign's): from Disponible or AUX the agent dials
        ``number`` and is on the line at once; ``queue`` names the campaign, not a
        skill of data/softphone.toml."""
        self._refuse_in_call("marcar")
        if self.state == AgentState.ACW:
            raise refusal("desk.outbound.acw_before_dial")
        dialled = number.strip()
        if not _ANI.fullmatch(dialled):
            raise refusal("desk.outbound.dial_invalid", number=dialled[:20])
        call = PhoneCall(dialled, queue, now, answered_at=now)
        return self._to(AgentState.EN_LLAMADA, now, call=call)

    def answer(self, now: datetime) -> Softphone:
        """Take the ringing call."""
        if self.state != AgentState.TIMBRANDO or self.call is None:
            raise refusal("call.none_ringing")
        return self._to(AgentState.EN_LLAMADA, now, call=replace(self.call, answered_at=now))

    def _call_in_progress(self) -> PhoneCall:
        if self.state == AgentState.TIMBRANDO:
            raise refusal("softphone.not_answered")
        if self.state not in IN_CALL or self.call is None:
            raise refusal("call.none_in_progress")
        return self.call

    def hold(self, now: datetime) -> Softphone:
        """Put the caller on hold."""
        call = self._call_in_progress()
        if self.state == AgentState.EN_ESPERA:
            raise refusal("call.on_hold")
        on_hold = replace(call, hold_started_at=now, holds=call.holds + 1)
        return self._to(AgentState.EN_ESPERA, now, call=on_hold)

    def resume(self, now: datetime) -> Softphone:
        """Take the caller off hold."""
        call = self._call_in_progress()
        if self.state != AgentState.EN_ESPERA:
            raise refusal("call.not_on_hold")
        resumed = replace(call, hold_started_at=None, held=call.hold_elapsed(now))
        return self._to(AgentState.EN_LLAMADA, now, call=resumed)

    def transfer(self, queue: str, now: datetime) -> Softphone:
        """Send the call to another queue; the agent goes to ACW."""
        call = self._call_in_progress()
        target = self.config.queue(queue)
        if target.id == call.queue:
            raise refusal("softphone.already_in_queue", queue=target.id)
        ended = replace(call.ended(now), transferred_to=target.id)
        return self._to(AgentState.ACW, now, call=ended)

    def hang_up(self, now: datetime) -> Softphone:
        """End the call; the agent goes to ACW."""
        call = self._call_in_progress()
        return self._to(AgentState.ACW, now, call=call.ended(now))

    def finish_acw(self, now: datetime) -> Softphone:
        """End after-call work: back to Disponible."""
        if self.state != AgentState.ACW:
            raise refusal("softphone.not_in_acw")
        return self._to(AgentState.DISPONIBLE, now)

    # -- timers ---------------------------------------------------------------------------

    def state_elapsed(self, now: datetime) -> timedelta:
        """Time in the current state (the ACW timer while in ACW)."""
        return _span(self.since, now)

    def call_elapsed(self, now: datetime) -> timedelta:
        """The call timer: from answer to now (or hang-up), hold included."""
        return self.call.elapsed(now) if self.call else ZERO

    def talk_elapsed(self, now: datetime) -> timedelta:
        """The call's time less its time on hold."""
        return self.call.talk_elapsed(now) if self.call else ZERO

    def hold_elapsed(self, now: datetime) -> timedelta:
        """Total time on hold in this call, the current hold included."""
        return self.call.hold_elapsed(now) if self.call else ZERO

    def aux_exceeded(self, now: datetime) -> bool:
        """True when the AUX reason has a time limit and it has passed."""
        if self.aux is None or self.aux.max_minutes is None:
            return False
        return self.state_elapsed(now) > timedelta(minutes=self.aux.max_minutes)


def format_elapsed(elapsed: timedelta) -> str:
    """A timer as the softphone shows it: ``MM:SS``, or ``H:MM:SS`` from one hour."""
    seconds = int(elapsed.total_seconds())
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
