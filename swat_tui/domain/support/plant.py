"""The simulated plant: what the CMTS and the decoders' head-end report for an account.

Deterministic from the store, so tests and trainers can rely on it:

- the account's installed modem (equipment kind ``modem``, INSTALADO), its
  decoders and smart cards;
- the node's open mass aviso: it puts the node's modems offline, unless the
  device's ``plant_condition`` row says otherwise;
- the device's ``plant_condition`` row, if any: ``cm_state``, ``levels``
  profile, decoder ``alarm``, and ``after_restart``, the state once a
  "reiniciar CM" is recorded (``modem_restart``) for that serial;
- without a row: online, levels drawn from a stable hash of the serial
  (``zlib.crc32``, never Python's salted ``hash``) inside the good ranges.

A modem reads 4 downstream channels (256-QAM, 6 MHz apart from 603 MHz) and
2 upstream channels (64-QAM ATDMA); levels are read only while it is online.
A levels profile moves them out of range: ``ds_bajo`` / ``ds_alto`` the
downstream power (a low signal also costs SNR), ``snr_bajo`` the SNR,
``us_alto`` / ``us_bajo`` the upstream transmit power. ``snr_bajo`` (noise
ingress) also leaves half the downstream channels' power marginal.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from swat_tui.domain.support import levels
from swat_tui.domain.support.levels import Verdict
from swat_tui.store.enums import EquipmentKind
from swat_tui.store.models import Equipment, PlantCondition
from swat_tui.store.queries import plant as plant_queries

ONLINE, OFFLINE = "online", "offline"
FAMILIES = ("online", "offline", "init", "reject")
PROFILES = ("sano", "ds_bajo", "ds_alto", "snr_bajo", "us_alto", "us_bajo")
DOWNSTREAM_MHZ = (603.0, 609.0, 615.0, 621.0)
UPSTREAM_MHZ = (19.6, 26.0)
DS_MODULATION = "256-QAM"
US_MODULATION = "64-QAM"


def state_family(cm_state: str) -> str:
    """online(pt) -> online, init(r1) -> init, reject(pk) -> reject, offline -> offline."""
    return cm_state.split("(", 1)[0].strip() or OFFLINE


def is_online(cm_state: str) -> bool:
    return state_family(cm_state) == ONLINE


@dataclass(frozen=True)
class Condition:
    """A device's ``plant_condition`` row, as the plant reads it."""

    cm_state: str | None = None
    levels: str | None = None
    alarm: str | None = None
    after_restart: str | None = None

    @classmethod
    def of(cls, row: PlantCondition | None) -> Condition | None:
        if row is None:
            return None
        return cls(row.cm_state, row.levels, row.alarm, row.after_restart)


def modem_state(condition: Condition | None, *, mass: bool, restarted: bool) -> str:
    """The CMTS state of a modem: after a restart the condition's ``after_restart``
    (when set), else the condition's state, else offline under a mass aviso, else online."""
    if condition is not None:
        if restarted and condition.after_restart:
            return condition.after_restart
        if condition.cm_state:
            return condition.cm_state
    return OFFLINE if mass else ONLINE


@dataclass(frozen=True)
class Channel:
    """One channel's reading, each value with its verdict."""

    direction: str  # "DS" downstream, "US" upstream
    number: int
    mhz: float
    modulation: str
    power: float  # dBmV: receive power downstream, transmit power upstream
    power_verdict: Verdict
    snr: float | None = None  # dB, downstream only
    snr_verdict: Verdict | None = None
    corrected: int | None = None  # codewords, downstream only
    uncorrectable: int | None = None

    @property
    def label(self) -> str:
        return f"{self.direction}{self.number}"

    @property
    def verdict(self) -> Verdict:
        found = [self.power_verdict, *([self.snr_verdict] if self.snr_verdict else [])]
        return levels.worst(found)


def _rng(serial: str) -> random.Random:
    """A stream of draws that only the serial decides (the same in every run)."""
    return random.Random(zlib.crc32(serial.encode("utf-8")))


def _ds_power(profile: str, index: int, jitter: float) -> float:
    if profile == "snr_bajo":
        return (-8.0 if index % 2 == 0 else -4.0) - 2.0 * jitter  # marginal on half
    if profile == "ds_bajo":
        return -(16.0 if index % 2 == 0 else 12.0) - jitter
    if profile == "ds_alto":
        return (16.0 if index % 2 == 0 else 12.0) + jitter
    return -5.0 + 10.0 * jitter  # -5..+5: inside the good -7..+7


def _ds_snr(profile: str, jitter: float) -> float:
    if profile == "snr_bajo":
        return 27.0 + 6.0 * jitter  # 27..33: under 35 for 256-QAM
    if profile == "ds_bajo":
        return 31.0 + 3.0 * jitter  # a weak signal is a noisy one
    return 39.0 + 3.0 * jitter  # 39..42


def _us_power(profile: str, index: int, jitter: float) -> float:
    if profile == "us_alto":
        return (59.0 if index == 0 else 54.0) + jitter
    if profile == "us_bajo":
        return (6.0 if index == 0 else 30.0) - jitter
    return 38.0 + 10.0 * jitter  # 38..48: inside 35..51


def read_channels(serial: str, profile: str | None) -> tuple[Channel, ...]:
    """The channels of an online modem, as its serial and levels profile decide."""
    draw = _rng(serial)
    kind = profile if profile in PROFILES else "sano"
    noisy = kind in ("snr_bajo", "ds_bajo")
    channels: list[Channel] = []
    for index, mhz in enumerate(DOWNSTREAM_MHZ):
        power = round(_ds_power(kind, index, draw.random()), 1)
        snr = round(_ds_snr(kind, draw.random()), 1)
        corrected = draw.randrange(10_000, 60_000) if noisy else draw.randrange(0, 400)
        lost = draw.randrange(500, 5_000) if noisy else draw.randrange(0, 6)
        channels.append(
            Channel(
                "DS",
                index + 1,
                mhz,
                DS_MODULATION,
                power,
                levels.downstream_power(power),
                snr,
                levels.downstream_snr(snr, DS_MODULATION),
                corrected,
                lost,
            )
        )
    for index, mhz in enumerate(UPSTREAM_MHZ):
        power = round(_us_power(kind, index, draw.random()), 1)
        channels.append(
            Channel("US", index + 1, mhz, US_MODULATION, power, levels.upstream_power(power))
        )
    return tuple(channels)


@dataclass(frozen=True)
class ModemReading:
    """The account's cable modem as the CMTS reports it."""

    serial: str
    model: str
    cm_state: str
    provisioned: bool  # the internet service is associated in the Módulo de Gestión
    channels: tuple[Channel, ...]  # empty while not online
    restarts: int
    last_restart: datetime | None

    @property
    def online(self) -> bool:
        return is_online(self.cm_state)

    @property
    def enganchado(self) -> bool:
        """Provisioned and registered on the CMTS: the service can work."""
        return self.provisioned and self.online

    @property
    def downstream(self) -> tuple[Channel, ...]:
        return tuple(c for c in self.channels if c.direction == "DS")

    @property
    def upstream(self) -> tuple[Channel, ...]:
        return tuple(c for c in self.channels if c.direction == "US")

    @property
    def levels_verdict(self) -> Verdict | None:
        """The worst verdict of every value (None: no levels read)."""
        return levels.worst([c.verdict for c in self.channels]) if self.channels else None


@dataclass(frozen=True)
class DecoderReading:
    """A decoder or smart card and its alarm or signal-read error, if any."""

    kind: str
    serial: str
    model: str
    alarm: str | None


@dataclass(frozen=True)
class PlantReading:
    """What the plant says of the account's devices."""

    modem: ModemReading | None
    decoders: tuple[DecoderReading, ...]


def read_account(session: Session, *, cuenta: int, mass: bool, provisioned: bool) -> PlantReading:
    """The account's installed devices read from the plant. ``mass``: an open mass
    aviso on the node; ``provisioned``: its internet service is associated."""
    devices = plant_queries.installed_devices(session, cuentas=[cuenta])
    ids = [d.id for d in devices if d.id is not None]
    conditions = plant_queries.conditions_of(session, equipment_ids=ids)
    modem_row = next((d for d in devices if d.kind == EquipmentKind.MODEM.value), None)
    modem = None
    if modem_row is not None:
        modem = _read_modem(session, modem_row, conditions, mass=mass, provisioned=provisioned)
    decoders = tuple(
        DecoderReading(d.kind, d.serial, d.model, _alarm(conditions, d))
        for d in devices
        if d.kind in (EquipmentKind.DECODER.value, EquipmentKind.SMART_CARD.value)
    )
    return PlantReading(modem, decoders)


def _alarm(conditions: dict[int, PlantCondition], device: Equipment) -> str | None:
    row = conditions.get(device.id) if device.id is not None else None
    return row.alarm if row is not None and row.alarm else None


def _read_modem(
    session: Session,
    device: Equipment,
    conditions: dict[int, PlantCondition],
    *,
    mass: bool,
    provisioned: bool,
) -> ModemReading:
    condition = Condition.of(conditions.get(device.id) if device.id is not None else None)
    restarts = plant_queries.restarts_of(session, cuenta=device.cuenta, serial=device.serial)
    state = modem_state(condition, mass=mass, restarted=bool(restarts))
    profile = condition.levels if condition is not None else None
    channels = read_channels(device.serial, profile) if is_online(state) else ()
    return ModemReading(
        serial=device.serial,
        model=device.model,
        cm_state=state,
        provisioned=provisioned,
        channels=channels,
        restarts=len(restarts),
        last_restart=restarts[0].at if restarts else None,
    )


def modem_states(
    session: Session, *, node: str, cuentas: Collection[int], mass: bool
) -> dict[int, str]:
    """The CMTS state of the modem of each of these accounts of ``node`` (accounts
    without one are left out): three indexed reads whatever the number of accounts."""
    modems = plant_queries.registered_modems(session, node=node, cuentas=cuentas)
    conditions = plant_queries.conditions_of(session, equipment_ids=[m[1] for m in modems])
    restarted = plant_queries.restarted_serials(session, cuentas={m[0] for m in modems})
    states: dict[int, str] = {}
    for cuenta, equipment_id, serial in modems:
        if cuenta in states:
            continue  # one modem an account: the first the CMTS lists
        condition = Condition.of(conditions.get(equipment_id))
        states[cuenta] = modem_state(condition, mass=mass, restarted=(cuenta, serial) in restarted)
    return states
