"""DOCSIS signal levels judged against the healthy ranges (procedure.md section 4).

Pure functions: a reading in, a verdict out, so the Diagnosticador colours
each value the same way everywhere (green BUENO, yellow MARGINAL, red FUERA).

- Downstream power: -7..+7 dBmV is BUENO, up to -15..+15 MARGINAL, beyond FUERA.
- Downstream SNR: at or below the modulation's minimum (30 dB for 64-QAM,
  35 dB for 256-QAM) is FUERA; within ``SNR_MARGIN`` above it MARGINAL (our
  rule: the document gives only the minimum); above that BUENO.
- Upstream transmit power: 35..51 dBmV BUENO, 8..58 (DOCSIS spec) MARGINAL,
  beyond FUERA.

Range ends are inclusive; the SNR minimum is strict ("more than 30 dB").
"""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    BUENO = "BUENO"
    MARGINAL = "MARGINAL"
    FUERA = "FUERA"


DS_POWER_GOOD = (-7.0, 7.0)
DS_POWER_SPEC = (-15.0, 15.0)
US_POWER_GOOD = (35.0, 51.0)
US_POWER_SPEC = (8.0, 58.0)
SNR_MINIMUM = {"64-QAM": 30.0, "256-QAM": 35.0}
SNR_MARGIN = 3.0  # dB above the minimum still counted marginal


def _in(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _ranged(value: float, good: tuple[float, float], spec: tuple[float, float]) -> Verdict:
    if _in(value, good):
        return Verdict.BUENO
    if _in(value, spec):
        return Verdict.MARGINAL
    return Verdict.FUERA


def downstream_power(dbmv: float) -> Verdict:
    """A downstream channel's receive power at the modem."""
    return _ranged(dbmv, DS_POWER_GOOD, DS_POWER_SPEC)


def downstream_snr(db: float, modulation: str = "256-QAM") -> Verdict:
    """A downstream channel's SNR (MER) for its modulation; an unknown one is
    judged as 256-QAM, the stricter."""
    minimum = SNR_MINIMUM.get(modulation, SNR_MINIMUM["256-QAM"])
    if db <= minimum:
        return Verdict.FUERA
    if db <= minimum + SNR_MARGIN:
        return Verdict.MARGINAL
    return Verdict.BUENO


def upstream_power(dbmv: float) -> Verdict:
    """An upstream channel's transmit power: the modem shouting (high) or whispering (low)."""
    return _ranged(dbmv, US_POWER_GOOD, US_POWER_SPEC)


def worst(verdicts: list[Verdict] | tuple[Verdict, ...]) -> Verdict:
    """The worst of several verdicts (BUENO when there are none)."""
    order = (Verdict.FUERA, Verdict.MARGINAL)
    return next((v for v in order if v in verdicts), Verdict.BUENO)
