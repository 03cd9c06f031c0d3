"""The simulated plant's conditions of demo devices: a modem offline, in init or
rejected, levels out of range, a decoder with an alarm, a serial at the premises
that is not RR's, a service sold but not provisioned.

Drawn from their own stream (``Draws.plant``) so the rows of every other table
stay as earlier builds made them. Most devices get no row: the Diagnosticador
reads them healthy. Showcase accounts force theirs (``ShowcaseAccount.plant``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from swat_tui.store.demo.batch import Row

# (cm_state, levels, after_restart, share of installed modems)
MODEM_CASES: tuple[tuple[str, str | None, str | None, float], ...] = (
    ("offline", None, "offline", 0.020),
    ("init(r1)", None, "online", 0.010),
    ("reject(pk)", None, "reject(pk)", 0.004),
    ("online", "ds_bajo", None, 0.006),
    ("online", "snr_bajo", None, 0.006),
    ("online", "us_alto", None, 0.004),
)
SEEN_SERIAL_SHARE = 0.004  # the modem at the premises is not the one RR has
DECODER_ALARMS: tuple[str, ...] = (
    "E16: sin señal en la entrada RF",
    "Error de lectura de la smart card",
    "E52: sin autorización de canales",
    "Pérdida de sincronía con la cabecera",
)
DECODER_ALARM_SHARE = 0.015
UNPROVISIONED_SHARE = 0.003  # a service sold and not associated in the Módulo de Gestión


@dataclass(frozen=True)
class PlantFacts:
    """A showcase device's forced condition (None: as drawn, mostly healthy)."""

    cm_state: str | None = None
    levels: str | None = None
    after_restart: str | None = None
    alarm: str | None = None  # on the first decoder
    seen_serial: bool = False  # the modem at the premises has another serial
    unprovisioned: str | None = None  # the kind of the service sold but not provisioned


def other_serial(serial: str) -> str:
    """A serial of the same style that RR does not have (the last four characters turned)."""
    head, tail = serial[:-4], serial[-4:]
    digits = tail.isdigit()
    turned = "".join(
        str((int(c) + 5) % 10) if digits else "0123456789ABCDEF"[(int(c, 16) + 7) % 16]
        for c in tail
    )
    return head + turned


def condition_row(
    cuenta: int,
    serial: str,
    *,
    cm_state: str | None = None,
    levels: str | None = None,
    after_restart: str | None = None,
    alarm: str | None = None,
    seen_serial: str | None = None,
) -> Row:
    return {
        "cuenta": cuenta,
        "serial": serial,
        "cm_state": cm_state,
        "levels": levels,
        "alarm": alarm,
        "after_restart": after_restart,
        "seen_serial": seen_serial,
    }


def drawn_modem(rng: random.Random, cuenta: int, serial: str) -> Row | None:
    """A random installed modem's condition, or None (healthy)."""
    draw = rng.random()
    for cm_state, levels, after_restart, share in MODEM_CASES:
        if draw < share:
            return condition_row(
                cuenta, serial, cm_state=cm_state, levels=levels, after_restart=after_restart
            )
        draw -= share
    if draw < SEEN_SERIAL_SHARE:
        return condition_row(cuenta, serial, seen_serial=other_serial(serial))
    return None


def drawn_decoder(rng: random.Random, cuenta: int, serial: str) -> Row | None:
    if rng.random() < DECODER_ALARM_SHARE:
        return condition_row(cuenta, serial, alarm=DECODER_ALARMS[rng.randrange(4)])
    return None


def forced(cuenta: int, serial: str, facts: PlantFacts, *, kind: str) -> Row | None:
    """A showcase device's condition row (its modem's or its first decoder's)."""
    if kind == "modem" and (facts.cm_state or facts.levels or facts.seen_serial):
        return condition_row(
            cuenta,
            serial,
            cm_state=facts.cm_state,
            levels=facts.levels,
            after_restart=facts.after_restart,
            seen_serial=other_serial(serial) if facts.seen_serial else None,
        )
    if kind == "decoder" and facts.alarm:
        return condition_row(cuenta, serial, alarm=facts.alarm)
    return None
